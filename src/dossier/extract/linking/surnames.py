"""Surnames: a surname (or a name ending in one) is the person named in full earlier in the
document ("coref"), else the one KB person with that surname in office on the date, or at all
("surname")."""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.linking.build import actor_mention, mention
from dossier.extract.linking.candidates import Candidate, RolePhrase
from dossier.extract.linking.context import LinkingContext, NamedPerson
from dossier.extract.linking.lexicon import (
    is_standalone_name,
    token_key,
)
from dossier.extract.linking.offices import by_seniority, titles_of
from dossier.extract.linking.roles import person_role
from dossier.extract.linking.spelling import fold
from dossier.extract.linking.vocabulary import (
    INITIAL,
    POSSESSIVE_MARKERS,
)
from dossier.kb.loader import normalise_name
from dossier.kb.records import Actor
from dossier.model import Mention


def resolve_surname(context: LinkingContext, span: Span, candidate: Candidate) -> Mention | None:
    """The person a surname links to (``surname_link``), with their role; None if no one."""
    linked = surname_link(context, span, None)
    if linked is None:
        return None
    target, resolution = linked
    if isinstance(target, NamedPerson):
        office = by_seniority(target.offices)[0] if target.offices else None
        actor = context.kb.actors.get(target.actor_id) if target.actor_id else None
        role = None
        if actor is not None:
            role, _ = person_role(context, actor, candidate)
        elif office is not None:
            role = office.name
        else:
            role = target.description  # "Feigin said" after "Mark Feigin, the lawyer"
        return mention(
            context,
            span,
            "PERSON",
            target.actor_id,
            target.actor,
            role,
            target.country,
            resolution,
        )
    role, country = person_role(context, target, candidate)
    return actor_mention(context, span, "PERSON", target, role, country, resolution)


def surname_link(
    context: LinkingContext, span: Span, role: RolePhrase | None
) -> tuple[NamedPerson | Actor, str] | None:
    """What a name that is (or ends in) a surname refers to: a person named earlier in the
    document ("coref"), else the one KB person with that surname ("surname"); for a longer
    name ("Vladimir V. Putin"), the one with that surname and first name.

    Several KB persons with the surname: those who ever held an office of the title ``role``
    in front of the name ("President Clinton"), then those in office on the date.
    """
    tokens = [t for t in span if t.text not in POSSESSIVE_MARKERS and not INITIAL.match(t.text)]
    if not tokens:
        return None
    key = fold(token_key(tokens[-1].text))
    first = fold(token_key(tokens[0].text))
    surface = normalise_name(" ".join(t.text for t in tokens))
    earlier = [
        p
        for p in context.persons
        if p.start < span.start_char
        and (
            key in p.surnames
            if len(tokens) == 1
            else surface == normalise_name(p.actor)
            or (key in p.surnames and first in p.first_names)
        )
    ]
    if earlier:
        return max(earlier, key=lambda p: p.start), "coref"
    kb = context.kb
    ids = sorted(context.lexicon.folded_surnames.get(key, ()))
    if len(tokens) > 1:
        ids = [i for i in ids if first in _first_names(kb.actors[i])]
    elif role is None and not is_standalone_name(tokens[0]):
        return None  # "Harris" in "the Harris Poll", "Trump" in "Ivana Trump"
    if len(ids) > 1 and role is not None and role.title_kind == "office":
        titled = [
            i
            for i in ids
            if any(role.title in titles_of(context, kb.offices[t.office]) for t in kb.terms_of(i))
        ]
        ids = titled or ids
    if len(ids) > 1 and context.date:
        in_office = [i for i in ids if kb.offices_held(i, context.date)]
        ids = in_office or ids
    if len(ids) != 1:
        return None
    return kb.actors[ids[0]], "surname"


def _first_names(actor: Actor) -> set[str]:
    """The first words of an actor's name and aliases ("vladimir" for Vladimir Putin)."""
    return {
        fold(token_key(n.split()[0])) for n in (actor.name, *actor.aliases) if len(n.split()) > 1
    }
