"""Title + name ("President Viktor Yanukovych", "political scientist Arkady Dubnov") and the
people the KB lacks (NIL).

The name links the person and the title gives the role (the text's title wins over the KB's
terms, which only choose between homonyms), unless the KB contradicts it; a title that is no KB
office gives no role unless the KB knows the person ("correspondent" with an outlet gives
"correspondent, RFE/RL"). A person the KB lacks keeps the surface name, with a country and an
office from the title.
"""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.linking.build import actor_mention, nil_mention, text_between
from dossier.extract.linking.candidates import Candidate, RolePhrase
from dossier.extract.linking.context import LinkingContext, NamedPerson
from dossier.extract.linking.offices import elect_role_name, senior_office
from dossier.extract.linking.roles import role_of_person, title_offices
from dossier.extract.linking.surnames import surname_link
from dossier.extract.linking.vocabulary import (
    PAST_MODIFIERS,
)
from dossier.kb.records import Actor
from dossier.model import Mention


def resolve_title_and_name(
    context: LinkingContext, span: Span, candidate: Candidate
) -> Mention | None:
    """A title followed by a name: the named person, with the role the title gives."""
    kb = context.kb
    role = candidate.role
    assert role is not None and candidate.name_start is not None
    name_text = text_between(span, candidate.name_start, candidate.name_end)
    ids = [a for a in candidate.actor_ids if kb.actors[a].type == "person"]
    if not ids:
        ids = [a.id for a in kb.find_actors(name_text) if a.type == "person"]
    actor: Actor | None = None
    if ids:
        actor = choose_person(context, ids, role)
    else:
        name_span = span.doc.char_span(candidate.name_start, candidate.name_end)
        linked = surname_link(context, name_span, role) if name_span is not None else None
        if linked is not None:
            target, _ = linked
            if isinstance(target, NamedPerson):
                actor = kb.actors.get(target.actor_id) if target.actor_id else None
                if actor is None:
                    return nil_person(context, span, target.actor, role)
            else:
                actor = target
    if actor is None:
        return nil_person(context, span, name_text, role)
    role_name, country = role_of_person(context, actor, role)
    # A title the KB contradicts ("Russia President Trump", a headline run into the body)
    # is the text's slip, not a new office holder: the KB's office on the date wins.
    contradicted = title_contradicts_kb(context, actor, role)
    if role_name is None or contradicted:
        office = senior_office(context, actor.id)
        if office is not None:
            role_name = office.name
        else:
            role_name = None if contradicted else _description(role)
    return actor_mention(
        context,
        span,
        "PERSON",
        actor,
        role_name,
        role.country or country or actor.country,
        "title+name",
    )


def title_contradicts_kb(context: LinkingContext, actor: Actor, role: RolePhrase) -> bool:
    """Whether the title names an office whose holders the KB lists, and this person was
    never one of them nor elected to it."""
    if role.title_kind != "office" or role.of_other:
        return False
    offices = title_offices(context, role, role.country or actor.country, actor)
    if not offices:
        return False
    terms = context.kb.terms_in(offices[0].id)
    return bool(terms) and all(t.holder != actor.id for t in terms)


def choose_person(context: LinkingContext, ids: list[str], role: RolePhrase) -> Actor:
    """Among homonyms, the one holding (or elected to) the titled office, then the one
    from the title's country, then the first."""
    kb = context.kb
    actors = [kb.actors[i] for i in ids]
    if len(actors) == 1 or not context.date:
        return actors[0]
    for actor in actors:
        country = role.country or actor.country
        for office in title_offices(context, role, country, actor):
            if kb.holder(office.id, context.date) == actor or (
                kb.elect(office.id, context.date) == actor
            ):
                return actor
    for actor in actors:
        if role.country and actor.country == role.country:
            return actor
    return actors[0]


def nil_person(context: LinkingContext, span: Span, name: str, role: RolePhrase) -> Mention:
    """A person the KB lacks: the surface name, the title's country, a KB office named by
    title and country (the text's title wins), or the description with its outlet."""
    role_name: str | None = None
    if role.title_kind == "office" and role.country is not None:
        offices = title_offices(context, role, role.country, None)
        if offices:
            office = offices[0]
            if role.elect:
                role_name = elect_role_name(office)
            elif PAST_MODIFIERS & set(role.modifiers):
                role_name = f"former {office.name}"
            else:
                role_name = office.name
    if role_name is None:
        role_name = _description(role)
    return nil_mention(context, span, "PERSON", name, role.country, role_name)


def _description(role: RolePhrase) -> str | None:
    """The description the text gives: "correspondent, RFE/RL" for a descriptive title with an
    organisation, "sociologist" without one; None for other titles."""
    if role.title_kind != "descriptive":
        return None
    description = role.description or role.title
    if role.org_text:
        return f"{description}, {role.org_text}"
    return description
