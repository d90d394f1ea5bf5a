"""Tagging one document: recognise the candidates, normalise them in text order against
the document date, turn down the ones that do not hold and try again."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dossier.extract.document import provenance, text_of
from dossier.extract.timex.candidates import _Candidate, find_candidates, select_candidates
from dossier.extract.timex.context import _Context
from dossier.extract.timex.normalise import _Normaliser, _Value
from dossier.extract.timex.patterns import _POINT_MOD_BEFORE
from dossier.extract.timex.points import parse_anchor
from dossier.extract.timex.vocabulary import POINT_MODS
from dossier.model import Timex

#: The extractor name timexes carry in their provenance.
EXTRACTOR = "dossier_timex"


def _sentence_index(doc: Doc) -> list[int]:
    """The sentence number of every token (all 0 without sentence boundaries)."""
    index = [0] * len(doc)
    if not doc.has_annotation("SENT_START"):
        return index
    for number, sentence in enumerate(doc.sents):
        index[sentence.start : sentence.end] = [number] * len(sentence)
    return index


def _extend_with_modifier(text: str, candidate: _Candidate, value: _Value) -> None:
    """Take a point modifier before the expression into it: "early 2012", "the end of 1990"."""
    before = text[max(0, candidate.start - 40) : candidate.start]
    match = _POINT_MOD_BEFORE.search(before)
    if match is None or value.type not in ("DATE", "TIME") or not value.value[:1].isdigit():
        return
    words = " ".join(match.group(0).lower().replace("-", " ").split())
    if not match.group(0)[-1:].isspace() and not match.group(0).endswith("-"):
        return  # "...mid" glued to the expression: not a modifier
    words = re.sub(r"\s+(?:in|of)$", "", words) if words.endswith((" in", " of")) else words
    words = re.sub(r"^(the very|the)\s+", "the ", words)
    key = words.replace(" very", "")
    if key in ("earlier", "later"):
        candidate.prefix_word = key
    else:
        candidate.prefix_mod = POINT_MODS.get(key) or POINT_MODS.get(key.replace("the ", ""))
    candidate.start -= len(match.group(0))


def tag_timexes(
    doc: Doc, anchor: str | None, extractor_version: str, extractor: str = EXTRACTOR
) -> list[Timex]:
    """The time expressions of ``doc`` normalised against ``anchor`` (ISO date or None).

    doc: a parsed spaCy Doc (tags, dependencies and entities help; without them the tagger
        still runs, with less certain tense).
    anchor: the document date (``2011-11-18``, ``2012-03``, ``2021``) or None.
    extractor_version, extractor: who the timexes' provenance names as their finder.

    A candidate its normaliser turns down ("May" as a verb, "a fall in prices") frees its
    characters for shorter ones inside it, and the document is normalised again, in text order,
    so every expression counts from the dates mentioned before it.
    """
    text = text_of(doc)
    sentence_of = _sentence_index(doc)
    candidates = find_candidates(text)
    rejected: set[tuple[str, int, int]] = set()
    timexes: list[Timex] = []
    for _ in range(8):
        context = _Context(doc, text, parse_anchor(anchor))
        normaliser = _Normaliser(context)
        timexes = []
        turned_down = False
        for candidate in select_candidates(candidates, rejected, len(text)):
            span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
            value = None
            if span is not None and len(span):
                value = normaliser.normalise(candidate, span, sentence_of[span.start])
            if value is None:
                rejected.add((candidate.name, candidate.start, candidate.end))
                turned_down = True
                continue
            timexes.append(
                _make_timex(doc, text, candidate, value, anchor, extractor, extractor_version)
            )
            if value.point is not None and value.reference:
                context.references.append((sentence_of[span.start], value.point))
        if not turned_down:
            break
    return timexes


def _make_timex(
    doc: Doc,
    text: str,
    candidate: _Candidate,
    value: _Value,
    anchor: str | None,
    extractor: str,
    extractor_version: str,
) -> Timex:
    """The timex of an accepted candidate, its extent settled (a modifier before it taken in,
    a signal after it left out), with its provenance."""
    if candidate.name not in ("duration", "vague", "vague_duration", "set", "a_unit"):
        _extend_with_modifier(text, candidate, value)
    mod = value.mod or candidate.prefix_mod
    if candidate.prefix_word is not None and candidate.name == "relative_day":
        mod = mod or ("START" if candidate.prefix_word == "earlier" else "END")
    if value.trim_end:
        candidate.end = len(text[: candidate.end - value.trim_end].rstrip())
    return Timex(
        text=text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        type=value.type,  # type: ignore[arg-type]
        value=value.value,
        anchor=value.anchor or (anchor if value.anchored else None),
        mod=mod,
        provenance=provenance(doc, candidate.start, candidate.end, extractor, extractor_version),
    )
