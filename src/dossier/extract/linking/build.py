"""Building ``Mention`` records from spans, and the span-text helpers the resolvers share."""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.mentions import POSSESSIVE_MARKERS, KBComponent
from dossier.kb.records import Actor
from dossier.model import Mention


class MentionBuilderMixin(KBComponent):
    """``MentionLinker``'s constructors of resolved (``_mention``) and NIL (``_mention_nil``)
    mentions of a span."""

    # --- building mentions -----------------------------------------------------------------

    def _mention(
        self,
        span: Span,
        label: str,
        actor: Actor,
        role: str | None,
        country: str | None,
        resolution: str,
    ) -> Mention:
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            label=label,
            actor_id=actor.id,
            actor=actor.name,
            role=role,
            country=country,
            resolution=resolution,
        )

    def _mention_nil(
        self, span: Span, label: str, name: str, country: str | None, role: str | None = None
    ) -> Mention:
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            label=label,
            actor_id=None,
            actor=name,
            role=role,
            country=country,
            resolution="nil",
        )


# --- helpers ---------------------------------------------------------------------------------


def _text_between(span: Span, start: int, end: int) -> str:
    """Characters ``start``..``end`` of the document, which lie inside ``span``. (``doc.text``
    would rebuild the whole text on every call.)"""
    return span.text[start - span.start_char : end - span.start_char]


def _surface_name(span: Span) -> str:
    """The span's text without a leading article or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in POSSESSIVE_MARKERS:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return _text_between(span, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
