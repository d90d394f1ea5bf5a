"""An event's two sides: the source and target sets of a trigger's phrases.

The subject phrase gives the source, a group word standing for the last group that acted
("the three", "the presidents") or for a body's members; the object and recipient phrases give
the target, less the source itself and a source state's own leaders; a "with" partner joins the
source of a symmetric act (an agreement) or the target of another (talks). Where the phrases
name no actor, the sentence's country or the experiencer of the act stands in.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dossier.extract.events.actors import LEADERS, ActorFinder
from dossier.extract.events.aims import (
    EXPERIENCED,
    TERRITORIAL,
    doers,
    experiencer,
    insurgent,
    owning_body,
)
from dossier.extract.events.groups import armed_group
from dossier.extract.events.lexicon import GROUP_NOUNS, Lemmas
from dossier.extract.events.openings import OPENING
from dossier.extract.events.plurals import clause_group, counted_states, partners_of
from dossier.extract.events.triggers import Trigger
from dossier.model import EventActor

#: Types whose "with" partner acts alongside the subject: "signed a treaty with the EU" has
#: both as signatories and no recipient; "talks with Putin" keep Putin as the one consulted.
SYMMETRIC = frozenset({"AGREE", "COOPERATE"})
#: Verbs that put forward a joint act: those it would be with have not agreed yet, they are
#: whom the offer is made to ("proposed a joint commission with X": X is the target).
PROPOSING = frozenset({"propose", "offer", "suggest", "float"})
#: KB actors of no country by nature: international bodies and groupings of states.
UNPLACED = ("igo:", "group:")
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def _group_size(head: Token) -> int | None:
    """How many a group phrase counts ("the three", "the three leaders", "both sides": 3, 3,
    2); 0 for a plural of leaders with no number ("the presidents"); None for no group."""
    if head.tag_ not in ("NNS", "NNPS") and head.lower_ not in _NUMBERS:
        return None  # "a two-day visit": a measure, no group of two
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    if partitive and head.lower_ in _NUMBERS:
        return None  # "three of the signatories": some of a group, not a group named before
    words = [head, *(c for c in head.children if c.dep_ in ("nummod", "det", "amod"))]
    for word in words:
        if word.lower_ in _NUMBERS:
            return _NUMBERS[word.lower_]
    if head.tag_ == "NNS" and head.lower_ in LEADERS:
        return 0
    return None


def _listed_before(head: Token, size: int, finder: ActorFinder) -> tuple[EventActor, ...]:
    """The last coordination of ``size`` names, each an actor, in the three sentences up to
    ``head``; () where there is none."""
    sentences = list(head.doc.sents)
    here = max(n for n, sentence in enumerate(sentences) if sentence.start <= head.i)
    first = sentences[max(here - 2, 0)].start
    for token in reversed(head.doc[first : head.i]):
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        members = [token, *token.conjuncts]
        if len(members) != size or any(m.pos_ != "PROPN" for m in members):
            continue
        # Each name's own actor: the phrase of the first name spans the whole list.
        found = [
            [a for a in finder.actors(m, members=False) if a.mention_start <= m.idx < a.mention_end]
            for m in members
        ]
        if all(len(actors) == 1 for actors in found):
            return tuple(actors[0] for actors in found)
    return ()


def sides(
    trigger: Trigger, finder: ActorFinder, group: tuple[EventActor, ...], lemmas: Lemmas
) -> tuple[tuple[EventActor, ...], tuple[EventActor, ...]]:
    """The event's source and target sets (see the module doc).

    group: the last set of several actors that acted together, which "the three" and "the
    presidents" in a later sentence stand for.
    """
    source: tuple[EventActor, ...] = ()
    if (
        trigger.source is not None
        and trigger.entry is not OPENING  # a body's founders, named where they founded it
        and not finder.same_paragraph(trigger.source, trigger.token)
    ):
        # The parse ran a byline into the sentence and took it for the subject: the first
        # actor named in the trigger's own paragraph before it acts instead.
        first = finder.first_named(trigger.token)
        trigger = replace(trigger, source=first)
    if trigger.source is not None:
        # "the separatists": the one armed group the document names (``groups``).
        source = clause_group(trigger.source, finder) or finder.actors(trigger.source)
        source = source or armed_group(trigger.source, finder)
        if source:
            # "ministers of eight former Soviet republics": the eight named (``plurals``).
            source = counted_states(trigger.source, source, finder)
        size = _group_size(trigger.source) if not source else None
        own = owning_body(trigger.source, finder) if size == 0 else ()
        if own:
            source = own  # "the union's leaders": its members, not the last group named
        elif size is not None and len(group) > 1 and size in (0, len(group)):
            source = group
        elif size:
            # "formed by Chile, Peru and Colombia ... the three countries launched": the
            # last list of that many named actors, where no event had them act together.
            source = _listed_before(trigger.source, size, finder)
        if not source and trigger.source.tag_ == "NNS" and trigger.source.lower_ in LEADERS:
            # "the union's leaders", "the leaders of the member countries": the members, on
            # the document's date, of the body with members named last.
            body = finder.last_body(trigger.source)
            source = finder.members(body) if body is not None else ()
            # The body named last may be one of the union's councils, which has no members
            # of its own: the members of the union named last stand in.
            source = source or finder.last_union(trigger.source)
        source = source or counted_states(trigger.source, (), finder)
    target: list[EventActor] = []
    # A pronoun on the target side is someone other than the source ("X attacked her").
    mine = frozenset(actor.actor_id or actor.actor for actor in source)
    for head in trigger.target:
        land = trigger.entry.plover in TERRITORIAL
        found = finder.actors(head, target=True, besides=mine, land=land)
        found = counted_states(head, found or armed_group(head, finder), finder)
        found = found or partners_of(head, source, finder)  # "his partners" (``plurals``)
        target.extend(found or doers(head, trigger.token, finder, mine, source))
    for head in trigger.partners:
        if trigger.entry.plover in SYMMETRIC and lemmas(trigger.token) not in PROPOSING:
            partners = finder.actors(head)
            source = (*source, *partners)
            keys = {actor.actor_id or actor.actor for actor in partners}
            target = [a for a in target if (a.actor_id or a.actor) not in keys]
        else:
            others = finder.actors(head, target=True)
            target.extend(others)
            # "talks between Paris and Rome": the source phrase spans its partners too.
            keys = {actor.actor_id or actor.actor for actor in others}
            mine_only = tuple(a for a in source if (a.actor_id or a.actor) not in keys)
            source = mine_only or source
    keys = {actor.actor_id or actor.actor for actor in source}
    # An insurgent's own country is the state it fights (see ``aims``).
    countries = {actor.country for actor in source if actor.country and not insurgent(actor)}
    unique: list[EventActor] = []
    for actor in target:
        key = actor.actor_id or actor.actor
        state = actor.actor_id is None or actor.actor_id.startswith(("gov:", "country:"))
        if key in keys or (actor.country in countries and state):
            continue  # an actor does not act on itself, nor a state's leader on his state
        keys.add(key)
        unique.append(actor)
    if not unique and trigger.entry.plover in EXPERIENCED:
        # "Kyiv knows that when Moscow is angry it cuts off the gas": an act on someone left
        # unnamed, told as what an actor knows or fears, is done to that actor.
        unique = list(experiencer(trigger, finder, source, lemmas))
    if not source and trigger.source is not None and unique and _group(trigger.source):
        source = (finder.words(trigger.source),)  # an unnamed actor: "Kremlin critics"
    elif not source and trigger.source is not None and trigger.source.lower_ in GROUP_NOUNS:
        # Unnamed forces or officials with nothing to place them ("their forces withdrew")
        # are the country their sentence is about, where it names one.
        country = finder.sentence_country(trigger.token.sent, set())
        if country is not None:
            source = (replace(finder.words(trigger.source), country=country),)
    return distinct(source), tuple(unique)


def placed(
    trigger: Trigger,
    finder: ActorFinder,
    source: tuple[EventActor, ...],
    target: tuple[EventActor, ...],
) -> tuple[EventActor, ...]:
    """A source of people or bodies the KB does not place, given the country its sentence is
    about ("President X threatened a curfew in Algiers"), other than one it acts on. A guess
    from context: it leaves the event's confidence as it was."""
    if not source or any(actor.country for actor in source):
        return source
    if all((a.actor_id or "").startswith(UNPLACED) for a in source):
        return source  # the EU, "the West": of no one country, wherever they act
    besides = {actor.country for actor in target if actor.country}
    country = finder.sentence_country(trigger.token.sent, besides)
    if country is None:
        return source
    return tuple(replace(actor, country=country) for actor in source)


def _group(head: Token) -> bool:
    """Whether a phrase without a known actor names people who can act: a name, or a group
    of people ("Kremlin critics", "the rebels"), not a thing ("the agreements")."""
    return head.pos_ == "PROPN" or head.lower_ in GROUP_NOUNS


def distinct(actors: tuple[EventActor, ...]) -> tuple[EventActor, ...]:
    seen: set[str] = set()
    kept = []
    for actor in actors:
        key = actor.actor_id or actor.actor
        if key not in seen:
            seen.add(key)
            kept.append(actor)
    return tuple(kept)
