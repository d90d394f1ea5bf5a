"""Institutions named by their function ("the defence ministry", "Ukrainian troops"): the
KB's institution with that function in the country the text gives, else in the country the
sentence, the paragraph or the document is about (``functions.py`` finds them)."""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.linking.build import actor_mention, nil_mention, surface_name
from dossier.extract.linking.candidates import Candidate
from dossier.extract.linking.context import LinkingContext
from dossier.model import Mention


def resolve_institution(
    context: LinkingContext, span: Span, candidate: Candidate
) -> Mention | None:
    """The institution a function names: of the text's country ("the Ukrainian Defense
    Ministry"), else of the country the context is about ("the foreign ministry said"). One
    the KB lacks in that country keeps its surface name, with the country."""
    functions = context.functions
    if functions is None or candidate.function is None:
        return None
    key = tuple(candidate.function.split(" "))
    country = candidate.country
    if country is None:
        among = functions.countries_for(key)
        country = _placed_in(context, span, among) or context.country_near(span.start_char, among)
    if country is None:
        return None
    actors = functions.actors_for(key, country)
    if not actors:
        return nil_mention(context, span, "ORG", surface_name(span), country)
    return actor_mention(context, span, "ORG", actors[0], None, country, "function")


def _placed_in(context: LinkingContext, span: Span, among: set[str]) -> str | None:
    """The country of a place the phrase itself names: "the interim government in Kiev",
    "the parliament of Ukraine"."""
    for child in span.root.children:
        if child.dep_ != "prep" or child.lower_ not in {"in", "of", "at"}:
            continue
        for place in child.children:
            if place.dep_ != "pobj":
                continue
            start, end = place.left_edge.idx, place.idx + len(place)
            for at, country in context.country_marks:
                if start <= at <= end and country in among:
                    return country
    return None
