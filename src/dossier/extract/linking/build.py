"""Building ``Mention`` facts from spans, and the span-text helpers the resolvers share.

Every mention is made here, with its provenance: the characters of the span, the linker's
name and effective version, and a confidence that depends on how it was resolved.
"""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.document import provenance, text_of
from dossier.extract.linking.context import LinkingContext
from dossier.extract.linking.vocabulary import (
    POSSESSIVE_MARKERS,
)
from dossier.kb.records import Actor
from dossier.model import Mention

EXTRACTOR = "dossier_linker"

#: Confidence of each way of resolving, for ``Provenance.confidence``.
CONFIDENCE = {
    "alias": 0.95,
    "title+name": 0.95,
    "role": 0.85,
    "metonym": 0.8,
    "function": 0.75,
    "coref": 0.85,
    "surname": 0.7,
    "nil": 0.6,
}
#: Confidence of a resolution missing from ``CONFIDENCE``.
DEFAULT_CONFIDENCE = 0.5


def mention(
    context: LinkingContext,
    span: Span,
    label: str,
    actor_id: str | None,
    actor: str,
    role: str | None,
    country: str | None,
    resolution: str,
    metonym: bool = False,
) -> Mention:
    """The mention of ``span``: the actor it resolves to (``actor_id`` None for NIL and for a
    place named as a place, ``actor`` the canonical or surface name) and how."""
    start, end = span.start_char, span.end_char
    confidence = CONFIDENCE.get(resolution, DEFAULT_CONFIDENCE)
    return Mention(
        text=text_of(span.doc)[start:end],  # ``Span.text`` joins its tokens anew
        start=start,
        end=end,
        label=label,
        actor_id=actor_id,
        actor=actor,
        role=role,
        country=country,
        metonym=metonym,
        resolution=resolution,
        provenance=provenance(
            context.doc, start, end, EXTRACTOR, context.extractor_version, confidence
        ),
    )


def actor_mention(
    context: LinkingContext,
    span: Span,
    label: str,
    actor: Actor,
    role: str | None,
    country: str | None,
    resolution: str,
) -> Mention:
    """A mention of the KB actor ``actor``."""
    return mention(context, span, label, actor.id, actor.name, role, country, resolution)


def nil_mention(
    context: LinkingContext,
    span: Span,
    label: str,
    name: str,
    country: str | None,
    role: str | None = None,
) -> Mention:
    """A mention of someone the KB lacks, under the name ``name``."""
    return mention(context, span, label, None, name, role, country, "nil")


def named_mention(
    context: LinkingContext, span: Span, label: str, name: str, actor_type: str
) -> Mention:
    """A mention of the KB actor of ``actor_type`` called ``name`` (a name the text gives
    other than the span's own words), else of someone the KB lacks under that name."""
    actors = [a for a in context.kb.find_actors(name) if a.type == actor_type]
    if actors:
        return actor_mention(context, span, label, actors[0], None, actors[0].country, "alias")
    return nil_mention(context, span, label, name, None)


# --- span text -------------------------------------------------------------------------------


def text_between(span: Span, start: int, end: int) -> str:
    """Characters ``start``..``end`` of the document, which lie inside ``span``. (``doc.text``
    and ``span.text`` join their tokens anew on every call: the doc's text is read once.)"""
    first = span.start_char
    return text_of(span.doc)[first : span.end_char][start - first : end - first]


def surface_name(span: Span) -> str:
    """The span's text without a leading article or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in POSSESSIVE_MARKERS:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return text_between(span, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
