"""Names: a KB name or alias is its actor, and what the NER found but the KB ruler did not
(people nouns, places, "Armenia's National Assembly", surnames the model mislabelled, NIL).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from dossier.extract.linking.build import actor_mention, nil_mention, surface_name, text_between
from dossier.extract.linking.candidates import Candidate
from dossier.extract.linking.context import LinkingContext, NamedPerson
from dossier.extract.linking.metonymy import resolve_country, resolve_place
from dossier.extract.linking.namesakes import named_in_full_before, namesake_named_last
from dossier.extract.linking.roles import person_role
from dossier.extract.linking.surnames import resolve_surname, surname_link
from dossier.extract.linking.vocabulary import (
    POSSESSIVE_MARKERS,
)
from dossier.kb.loader import KnowledgeBase
from dossier.kb.records import Actor
from dossier.model import Mention

#: Dependencies of a word used as a noun phrase of its own (a people noun such as "Russians").
NOUN_PHRASE_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "ROOT"}
)


def resolve_name(context: LinkingContext, span: Span, candidate: Candidate) -> Mention | None:
    """A KB name or alias: a place (``metonymy``), an office's full name (its holder on the
    date), or the actor, a person with their role."""
    kb = context.kb
    if candidate.place is not None and not candidate.actor_ids:
        place = kb.place(candidate.place)
        if place is not None:
            return resolve_place(context, span, place)
    if candidate.office_id is not None and not candidate.actor_ids:
        office = kb.offices[candidate.office_id]
        holder = kb.holder(office.id, context.date) if context.date else None
        if holder is None:
            return None
        return actor_mention(
            context, span, "PERSON", holder, office.name, office.country or holder.country, "role"
        )
    actor = choose_actor(context, candidate.actor_ids, candidate.label)
    if actor is None:
        return None
    if actor.type == "person":
        role, country = person_role(context, actor, candidate)
        return actor_mention(context, span, "PERSON", actor, role, country, "alias")
    if actor.type == "country":
        return resolve_country(context, span, actor)
    if len(candidate.actor_ids) == 1:  # namesakes are chosen by ``choose_actor``
        actor = named_in_full_before(context, actor, span) or actor
    return actor_mention(context, span, candidate.label, actor, None, actor.country, "alias")


def choose_actor(context: LinkingContext, actor_ids: Iterable[str], label: str) -> Actor | None:
    """One actor among several with the same name: a person in office on the date first,
    then one of the type the label suggests, then the first by id."""
    kb = context.kb
    actors = [kb.actors[a] for a in actor_ids if a in kb.actors]
    if not actors:
        return None
    if len(actors) == 1:
        return actors[0]
    if context.date:
        in_office = [
            a for a in actors if a.type == "person" and kb.offices_held(a.id, context.date)
        ]
        if len(in_office) == 1:
            return in_office[0]
    named_last = namesake_named_last(context, actors)
    if named_last is not None:
        return named_last
    wanted = {"PERSON": {"person"}, "GPE": {"country"}, "EVENT": {"event"}}.get(label)
    if wanted:
        typed = [a for a in actors if a.type in wanted]
        if typed:
            return typed[0]
    return sorted(actors, key=lambda a: a.id)[0]


def resolve_ner(context: LinkingContext, span: Span, candidate: Candidate) -> Mention | None:
    """A name only the NER found: a people noun, a KB name the ruler missed, a mislabelled
    surname, a place, "Armenia's National Assembly", else NIL under its surface name."""
    kb = context.kb
    label = candidate.label
    text = surface_name(span)
    if not text:
        return None
    people = _people_noun(span, kb)
    if people is not None:
        if _the_before(span) and _speaks_as_one(span):
            # "the Russians claim": a people that speaks or acts as one is its state.
            country = kb.country_actor(people)
            if country is not None:
                acting = resolve_country(context, span, country)
                if acting.metonym:
                    return acting
        return nil_mention(context, span, "NORP", text, people)
    if label == "NORP":
        return None
    found = kb.find_actors(text)
    if label == "PERSON":
        persons = [a.id for a in found if a.type == "person"]
        if persons:
            named = Candidate("name", "PERSON", actor_ids=tuple(persons))
            return resolve_name(context, span, named)
        linked = resolve_surname(context, span, candidate)
        if linked is not None:
            return linked
        return nil_mention(
            context, span, label, text, _appositive_country(candidate), _described(candidate)
        )
    if found:
        named = Candidate("name", label, actor_ids=tuple(a.id for a in found))
        return resolve_name(context, span, named)
    if len(text.split()) == 1 and label in {"ORG", "GPE", "NORP", "FAC"}:
        # The model often calls a surname ORG or GPE ("Sargsyan", "Nazarbayev"); one that
        # repeats a person named earlier is that person.
        linked = surname_link(context, span, None)
        if linked is not None and isinstance(linked[0], NamedPerson):
            return resolve_surname(context, span, candidate)
    place = kb.place(text)
    if place is not None:
        return resolve_place(context, span, place)
    inverted = _possessive_inverted(span, kb)
    if inverted is not None:
        name, country = inverted
        actors = kb.find_actors(name)
        if actors:
            named = Candidate("name", label, actor_ids=tuple(a.id for a in actors))
            return resolve_name(context, span, named)
        return nil_mention(context, span, label, name, country)
    return nil_mention(context, span, label, text, None)


# --- helpers ---------------------------------------------------------------------------------


def _people_noun(span: Span, kb: KnowledgeBase) -> str | None:
    """The country of a people noun used as a noun ("Russians vote", "many Azerbaijanis"), not
    as an adjective ("Ukrainian cheese")."""
    if len(span) != 1 or span[0].dep_ not in NOUN_PHRASE_DEPS:
        return None
    return kb.country_of_people_noun(span.text)


def _described(candidate: Candidate) -> str | None:
    """The role the text gives a person the KB lacks: an appositive description ("Mark Doe,
    the firebrand lawyer" -> "firebrand lawyer"; with its organisation when it has one)."""
    if candidate.description:
        return candidate.description
    role = candidate.appositive_role
    if role is not None and role.title_kind == "descriptive":
        return role.description or role.title
    return None


def _appositive_country(candidate: Candidate) -> str | None:
    """The country an appositive gives ("X, a Ukrainian lawyer")."""
    role = candidate.appositive_role
    return role.country if role is not None and not role.country_from_org else None


def _the_before(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def _speaks_as_one(span: Span) -> bool:
    """ "the Russians claim", not "the Russians in Latvia are a minority": a people noun
    that is not placed somewhere and does more than be something."""
    token = span.root
    if any(child.dep_ == "prep" for child in token.children):
        return False
    return token.head.lemma_ != "be"


def _possessive_inverted(span: Span, kb: KnowledgeBase) -> tuple[str, str] | None:
    """ "Armenia's National Assembly" -> ("National Assembly of Armenia", "ARM")."""
    tokens = list(span)
    for index, token in enumerate(tokens):
        if token.text in POSSESSIVE_MARKERS and 0 < index < len(tokens) - 1:
            before, after = tokens[index - 1], tokens[-1]
            owner = text_between(span, tokens[0].idx, before.idx + len(before))
            owned = text_between(span, tokens[index + 1].idx, after.idx + len(after))
            actors = [a for a in kb.find_actors(owner) if a.type == "country"]
            if actors and actors[0].country:
                return f"{owned} of {actors[0].name}", actors[0].country
    return None
