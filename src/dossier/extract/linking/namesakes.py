"""Organisations that share a name: "the Judiciary Committee" is the House's or the Senate's,
"the Appropriations Committee" too. The one meant is the one whose own words (those its
namesakes' names lack: "House", "Senate") the document used last in naming an actor: after
"Senate Republicans" or "the Senate Judiciary Committee", "the Judiciary Committee" is the
Senate's."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from dossier.extract.linking.build import surface_name
from dossier.extract.linking.context import LinkingContext
from dossier.extract.linking.nested import ORGANISATION_TYPES
from dossier.kb.loader import normalise_name
from dossier.kb.records import Actor


def namesake_named_last(context: LinkingContext, actors: Sequence[Actor]) -> Actor | None:
    """The one of several organisations (of one type) sharing a name that the mentions so far
    point to; None when none does, and for persons (chosen by office) or a country and its
    government (chosen by the label)."""
    types = {a.type for a in actors}
    if len(actors) < 2 or len(types) != 1 or not types <= ORGANISATION_TYPES:
        return None
    words = {a.id: set(a.name.split()) for a in actors}
    common = set.intersection(*words.values())
    own = {a.id: words[a.id] - common for a in actors}
    for mention in reversed(context.mentions):
        if mention.actor_id is None:
            continue
        named = set(mention.actor.split())
        fitting = [a for a in actors if own[a.id] & named]
        if len(fitting) == 1:
            return fitting[0]
    return None


def named_in_full_before(context: LinkingContext, actor: Actor, span: Span) -> Actor | None:
    """The organisation the document named before ``span`` by a longer name that ends in the
    span's name: "Democrats" after "House Democrats" repeats the caucus, as a surname repeats
    the person named in full; None when there is none (or ``actor`` is no organisation). A
    mention around the span ("the State and Treasury Departments") is no earlier name."""
    if actor.type not in ORGANISATION_TYPES:
        return None
    tail = " " + normalise_name(surface_name(span))
    for mention in reversed(context.mentions):
        if mention.actor_id is None or mention.actor_id == actor.id:
            continue
        if mention.end > span.start_char:
            continue
        earlier = context.kb.actors.get(mention.actor_id)
        if earlier is None or earlier.type not in ORGANISATION_TYPES:
            continue
        if normalise_name(mention.text).endswith(tail):
            return earlier
    return None
