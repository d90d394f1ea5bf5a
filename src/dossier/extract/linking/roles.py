"""Offices and their holders on the document's date: role phrases, a person's role,
"-elect"/"new" (the incoming holder) and "former"/"first" (a past holder), governments.

"Russia's President" in November 2011 is Dmitry Medvedev, in 2013 Vladimir Putin; a named
person's role is the most senior office the KB says they held on the date; "the Russian
government" is the KB's government actor of Russia.
"""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.linking.build import actor_mention, mention, nil_mention
from dossier.extract.linking.candidates import Candidate, RolePhrase
from dossier.extract.linking.context import LinkingContext
from dossier.extract.linking.coreference import antecedent_kind, person_with_title
from dossier.extract.linking.lexicon import (
    folded,
    token_key,
)
from dossier.extract.linking.offices import (
    by_seniority,
    elect_role_name,
    senior_office,
    titles_of,
)
from dossier.extract.linking.vocabulary import (
    PAST_MODIFIERS,
)
from dossier.kb.records import Actor, Office
from dossier.model import Mention

#: Titles that name a kind of office where the KB has no office with that title in the country:
#: "the Belarusian leader" is Belarus's head of state.
GENERIC_TITLE_KINDS = {
    "leader": "head_of_state",
    "head of state": "head_of_state",
    "head of government": "head_of_government",
    "premier": "head_of_government",
    "foreign minister": "foreign_minister",
}

#: Modifiers that look for the incoming holder ("Kyrgyzstan's new president").
INCOMING_MODIFIERS = frozenset({"new", "incoming", "newly", "elected"})
#: "Kazakhstan's first president": a holder the KB may show out of office by now.
ORDINAL_MODIFIERS = frozenset({"first"})


# --- role phrases ----------------------------------------------------------------------------


def resolve_role(context: LinkingContext, span: Span, candidate: Candidate) -> Mention | None:
    """A role phrase without a name: whoever held the office on the date; "the president"
    without a country is the person the document named with that title, else the holder in
    the document's main country."""
    role = candidate.role
    assert role is not None
    if role.org_id is not None and role.country is None and role.title_kind == "office":
        # "the president of the European Commission": an organisation's office.
        for office in org_offices(context, role):
            holder, name = (
                office_holder(context, office, role, context.date) if context.date else (None, "")
            )
            if holder is not None:
                return actor_mention(context, span, "PERSON", holder, name, holder.country, "role")
        return speaking_for(context, span, role)
    if role.country is None and role.title_kind == "office" and "acting" in role.modifiers:
        # "the acting president": whoever holds an office of that title as acting holder on
        # the date, in the country the text is about when there are several.
        acting = _acting_holders(context, role)
        countries = {office.country for office, _ in acting if office.country}
        near = context.country_near(span.start_char, countries) if len(acting) > 1 else None
        for office, holder in acting:
            if len(acting) == 1 or office.country == near:
                return actor_mention(
                    context, span, "PERSON", holder, office.name, office.country, "role"
                )
    if role.country is None and role.title_kind == "office":
        person = person_with_title(context, role.title, span.start_char)
        if person is not None:
            office = next(o for o in person.offices if role.title in titles_of(context, o))
            return mention(
                context,
                span,
                "PERSON",
                person.actor_id,
                person.actor,
                office.name,
                person.country or office.country,
                "coref",
            )
        country = context.main_country
    else:
        country = role.country
    if country is None or not context.date:
        return None
    for office in offices_for(context, role, country, span.start_char):
        holder, name = office_holder(context, office, role, context.date)
        if holder is not None:
            return actor_mention(
                context, span, "PERSON", holder, name, office.country or country, "role"
            )
    return speaking_for(context, span, role)


def speaking_for(context: LinkingContext, span: Span, role: RolePhrase) -> Mention | None:
    """ "A Ukrainian Defense Ministry spokesman" whom the KB cannot name: the institution he
    speaks for, of the phrase's country (else the one the text is about)."""
    functions = context.functions
    if functions is None or role.org_text is None:
        return None
    key = folded(token_key(w) for w in role.org_text.split())
    among = functions.countries_for(key)
    country = role.country if role.country in among else None
    if country is None and role.country is None:
        country = context.country_near(span.start_char, among)
    if country is None:
        return None
    actors = functions.actors_for(key, country)
    if not actors:
        return None
    return actor_mention(context, span, "ORG", actors[0], None, country, "function")


def _acting_holders(context: LinkingContext, role: RolePhrase) -> list[tuple[Office, Actor]]:
    """The offices with the phrase's title held by an acting holder on the date."""
    kb, date = context.kb, context.date
    if not date:
        return []
    found = []
    for office_id in context.lexicon.offices_by_title.get(role.title, []):
        holder = kb.holder(office_id, date)
        if holder is None:
            continue
        if any(
            t.acting and t.office == office_id and t.start <= date and (t.end or "9") > date
            for t in kb.terms_of(holder.id)
        ):
            found.append((kb.offices[office_id], holder))
    return found


def office_holder(
    context: LinkingContext, office: Office, role: RolePhrase, date: str
) -> tuple[Actor | None, str]:
    """Who the phrase means on ``date``, and the role name: the elect for "-elect" and,
    when there is one, for "new"; else the holder."""
    kb = context.kb
    if role.elect or INCOMING_MODIFIERS & set(role.modifiers):
        elect = kb.elect(office.id, date)
        if elect is not None:
            return elect, elect_role_name(office)
        if role.elect:
            return None, office.name
    return kb.holder(office.id, date), office.name


def offices_for(
    context: LinkingContext, role: RolePhrase, country: str, before: int
) -> list[Office]:
    """The offices a title names in ``country``, most senior first. A relational title
    ("counterpart") names the office of the kind of the antecedent before ``before``."""
    kb = context.kb
    if role.title_kind == "relational":
        kind = antecedent_kind(context, before)
        if kind is None:
            return []
        return by_seniority(
            o for o in kb.offices.values() if o.country == country and o.kind == kind
        )
    offices = [
        kb.offices[o]
        for o in context.lexicon.offices_by_title.get(role.title, [])
        if kb.offices[o].country == country
    ]
    if not offices and role.title in GENERIC_TITLE_KINDS:
        kind = GENERIC_TITLE_KINDS[role.title]
        offices = [o for o in kb.offices.values() if o.country == country and o.kind == kind]
    return by_seniority(offices)


def org_offices(context: LinkingContext, role: RolePhrase) -> list[Office]:
    """Offices of the phrase's organisation with the phrase's title."""
    kb = context.kb
    return by_seniority(
        kb.offices[o]
        for o in context.lexicon.offices_by_title.get(role.title, [])
        if kb.offices[o].org == role.org_id
    )


# --- a person's role -------------------------------------------------------------------------


def person_role(
    context: LinkingContext, actor: Actor, candidate: Candidate
) -> tuple[str | None, str | None]:
    """A named person's role and country: from an appositive role phrase, else the KB's most
    senior office on the date, else the appositive description."""
    appositive = candidate.appositive_role
    if appositive is not None and appositive.title_kind in {"office", "relational"}:
        role, country = role_of_person(context, actor, appositive)
        if role is not None:
            return role, country or actor.country
    office = senior_office(context, actor.id)
    if office is not None:
        return office.name, actor.country or office.country
    return candidate.description, actor.country


def title_offices(
    context: LinkingContext, role: RolePhrase, country: str | None, actor: Actor | None
) -> list[Office]:
    """The KB offices a title (with the phrase's or the person's country) may name, those
    the person holds on the date first."""
    kb = context.kb
    if role.title_kind == "relational":
        if country is None:
            return []
        return offices_for(context, role, country, 10**9)
    if role.title_kind != "office":
        return []
    titled = [kb.offices[o] for o in context.lexicon.offices_by_title.get(role.title, [])]
    if role.org_id is not None and role.country is None:
        in_org = org_offices(context, role)
        if in_org:
            return in_org
    if country is not None:
        in_country = [o for o in titled if o.country == country]
        if not in_country and role.title in GENERIC_TITLE_KINDS:
            kind = GENERIC_TITLE_KINDS[role.title]
            in_country = [o for o in kb.offices.values() if o.country == country and o.kind == kind]
    else:
        in_country = []
    held: list[Office] = []
    if actor is not None and context.date:
        held = [o for o in titled if o in kb.offices_held(actor.id, context.date)]
    if not in_country and not held and actor is not None:
        # No country in the text: offices with that title the person ever held.
        ever = {t.office for t in kb.terms_of(actor.id)}
        held = [o for o in titled if o.id in ever]
    return held + [o for o in by_seniority(in_country) if o not in held]


def role_of_person(
    context: LinkingContext, actor: Actor, role: RolePhrase
) -> tuple[str | None, str | None]:
    """The role a title gives a KB person on the date, and the office's country."""
    kb = context.kb
    if role.of_other:
        return None, None
    offices = title_offices(context, role, role.country or actor.country, actor)
    if not offices:
        return None, None
    date = context.date
    office = offices[0]
    modifiers = set(role.modifiers)
    holds = bool(date) and kb.holder(office.id, date) == actor
    if role.title_kind == "relational" and not holds:
        return None, None
    if role.elect:
        return elect_role_name(office), office.country
    if modifiers & PAST_MODIFIERS:
        current = senior_office(context, actor.id)
        if current is not None and current.id != office.id:
            return current.name, current.country
        return f"former {office.name}", office.country
    incoming = modifiers & INCOMING_MODIFIERS and date and not holds
    if incoming and kb.elect(office.id, date) == actor:
        return elect_role_name(office), office.country
    # "Kazakhstan's first president" out of office by the date: a former holder.
    past_holder = any(t.office == office.id for t in kb.terms_of(actor.id))
    # "President Yanukovych" in an article written after his term ended: the text keeps the
    # title out of habit; the KB's dates say he is a former holder (or holds another office).
    left = bool(date) and not holds and _left_before(context, actor, office, date)
    if (modifiers & ORDINAL_MODIFIERS and date and not holds and past_holder) or left:
        current = senior_office(context, actor.id)
        if current is not None:
            return current.name, current.country
        return f"former {office.name}", office.country
    return office.name, office.country


def _left_before(context: LinkingContext, actor: Actor, office: Office, date: str) -> bool:
    """Whether ``actor``'s terms in ``office`` all ended before ``date`` (and there is one)."""
    terms = [t for t in context.kb.terms_of(actor.id) if t.office == office.id]
    return bool(terms) and all(t.end is not None and t.end[: len(date)] < date for t in terms)


# --- governments -----------------------------------------------------------------------------


def _led_country(context: LinkingContext, actor_ids: tuple[str, ...]) -> str | None:
    """The country of "the Obama administration": of the named person (one of ``actor_ids``,
    the one in office on the date first) who heads a state or a government."""
    kb = context.kb
    for actor_id in sorted(actor_ids, key=lambda a: not senior_office(context, a)):
        held = [
            t.office for t in kb.terms_of(actor_id) if kb.offices[t.office].kind in LEADING_KINDS
        ]
        if held:
            return kb.offices[held[-1]].country or kb.actors[actor_id].country
    return None


#: Office kinds whose holder leads a government ("the Obama administration").
LEADING_KINDS = frozenset({"head_of_state", "head_of_government"})


def resolve_government(context: LinkingContext, span: Span, candidate: Candidate) -> Mention | None:
    """ "Ukraine's government": the KB's government of the country; "the government of <person>"
    (resolved after the person): the government of the person's office's country."""
    kb = context.kb
    country = candidate.role.country if candidate.role is not None else None
    if country is None and candidate.actor_ids:
        country = _led_country(context, candidate.actor_ids)
    if country is None and candidate.of_person_start is not None:
        person = next(
            (
                m
                for m in context.mentions
                if m.start == candidate.of_person_start
                or (m.start <= candidate.of_person_start < m.end)
            ),
            None,
        )
        if person is not None:
            office = kb.office(person.role) if person.role else None
            country = office.country if office is not None else person.country
    if country is None:
        return None
    government = kb.government_actor(country)
    if government is None:
        country_actor = kb.country_actor(country)
        name = f"Government of {country_actor.name if country_actor else country}"
        return nil_mention(context, span, "ORG", name, country)
    return actor_mention(context, span, "ORG", government, None, country, "role")
