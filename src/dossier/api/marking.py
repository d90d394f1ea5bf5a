"""A document's text cut into pieces, each knowing which facts cover it, for the web UI.

Facts overlap (a quote holds mentions, a mention holds an event's trigger), and HTML wants
properly nested tags. So the text is cut at every fact boundary into flat pieces, and each
piece carries the kinds and labels of all the facts covering it; the template wraps each piece
in one element. Pieces hold plain text: escaping is the template's (Jinja2 autoescape), so no
article character ever reaches a page as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from urllib.parse import quote

#: Fact kinds the document view highlights, in the order their labels are listed.
MARKED_KINDS = ("mention", "timex", "quote", "event")


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``start``..``end`` of the shown text, its fact ``kind``
    (``mention``, ``timex``, ``quote``, ``event`` or ``removed``), a ``label`` a reader sees
    on hover, and the page it links to (``href``; an actor page for a resolved mention)."""

    start: int
    end: int
    kind: str
    label: str
    href: str | None = None


@dataclass(frozen=True)
class Piece:
    """A run of text covered by the same marks: ``kinds`` and ``labels`` of every mark over it
    (empty for plain text), and the first link among them."""

    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    href: str | None = None


def actor_href(actor_id: str) -> str:
    """The web page of a knowledge-base actor (its id, quoted for a path)."""
    return "/ui/actors/" + quote(actor_id, safe=":")


def pieces(text: str, marks: Iterable[Mark]) -> list[Piece]:
    """``text`` cut at every mark boundary; marks outside the text are clipped, empty ones
    dropped. Concatenating the pieces' text gives ``text`` back."""
    size = len(text)
    kept = [
        Mark(max(0, m.start), min(size, m.end), m.kind, m.label, m.href)
        for m in marks
        if min(size, m.end) > max(0, m.start)
    ]
    bounds = sorted({0, size, *(m.start for m in kept), *(m.end for m in kept)})
    found: list[Piece] = []
    for start, end in pairwise(bounds):
        over = [m for m in kept if m.start <= start and m.end >= end]
        kinds = tuple(dict.fromkeys(m.kind for m in over))
        href = next((m.href for m in over if m.href), None)
        found.append(Piece(text[start:end], kinds, tuple(m.label for m in over), href))
    return found


def _actors(actors: Sequence[Any]) -> str:
    return ", ".join(a.actor for a in actors) or "?"


def fact_marks(facts: dict[str, Sequence[Any]], *, original: bool) -> list[Mark]:
    """The marks of a document's stored facts (``Dossier.document_facts``), on its cleaned
    text or, with ``original``, on its original text (through each fact's provenance)."""

    def span(fact: Any) -> tuple[int, int]:
        p = fact.provenance
        return (p.original_start, p.original_end) if original else (p.start, p.end)

    marks: list[Mark] = []
    for mention in facts.get("mention", ()):
        role = f" ({mention.role})" if mention.role else ""
        label = f"{mention.actor}{role}" if mention.actor_id else f"{mention.actor} (not in KB)"
        href = actor_href(mention.actor_id) if mention.actor_id else None
        marks.append(Mark(*span(mention), "mention", label, href))
    for timex in facts.get("timex", ()):
        marks.append(Mark(*span(timex), "timex", f"{timex.type} {timex.value}"))
    for said in facts.get("quote", ()):
        speaker = said.speaker_actor or said.speaker or "unknown speaker"
        marks.append(Mark(*span(said), "quote", f"{said.quote_kind} quote of {speaker}"))
    for event in facts.get("event", ()):
        label = f"{_actors(event.source)} → {event.event_type} → {_actors(event.target)}"
        marks.append(Mark(*span(event), "event", label))
    return marks


def removed_marks(removed: Iterable[Any]) -> list[Mark]:
    """Marks on the original text for what cleaning removed (``RemovedSpan``), with why."""
    return [Mark(s.start, s.end, "removed", f"removed by cleaning: {s.reason}") for s in removed]


def event_actors(actors: Sequence[Any]) -> str:
    """An event's source or target set as a reader says it: "Russia, Belarus"."""
    return _actors(actors)
