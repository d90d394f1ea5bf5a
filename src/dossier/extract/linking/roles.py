"""Offices and their holders on the document's date: role phrases, a person's role,
"-elect"/"new" (the incoming holder) and "former"/"first" (a past holder), governments.

"Russia's President" in November 2011 is Dmitry Medvedev, in 2013 Vladimir Putin; a named
person's role is the most senior office the KB says they held on the date; "the Russian
government" is the KB's government actor of Russia.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from dossier.extract.linking.state import _DocState
from dossier.extract.mentions import PAST_MODIFIERS, Candidate, KBComponent, RolePhrase
from dossier.kb.records import Actor, Office
from dossier.model import Mention

#: Office kinds from most to least senior: a bare name's role is the most senior office held.
SENIORITY = ("head_of_state", "head_of_government", "foreign_minister", "minister", "legislator")

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


class RolesMixin(KBComponent):
    """``MentionLinker``'s resolution of offices at the document date: who a role phrase names,
    which role a title or the KB gives a person (elect, former), and governments."""

    # --- role phrases --------------------------------------------------------------------

    def _role(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        role = candidate.role
        assert role is not None
        if role.org_id is not None and role.country is None and role.title_kind == "office":
            # "the president of the European Commission": an organisation's office.
            for office in self._org_offices(role):
                holder, name = self._holder(office, role, state.date) if state.date else (None, "")
                if holder is not None:
                    return self._mention(span, "PERSON", holder, name, holder.country, "role")
            return None
        if role.country is None and role.title_kind == "office":
            entity = self._entity_with_title(role.title, state, span.start_char)
            if entity is not None:
                office = next(o for o in entity.offices if role.title in self._titles_of(o))
                return Mention(
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    label="PERSON",
                    actor_id=entity.actor_id,
                    actor=entity.actor,
                    role=office.name,
                    country=entity.country or office.country,
                    resolution="coref",
                )
            country = state.main_country
        else:
            country = role.country
        if country is None or not state.date:
            return None
        offices = self._offices_for(role, country, state, span.start_char)
        for office in offices:
            holder, name = self._holder(office, role, state.date)
            if holder is not None:
                return self._mention(
                    span, "PERSON", holder, name, office.country or country, "role"
                )
        return None

    def _holder(self, office: Office, role: RolePhrase, date: str) -> tuple[Actor | None, str]:
        """Who the phrase means on ``date``, and the role name: the elect for "-elect" and,
        when there is one, for "new"; else the holder."""
        kb = self.kb
        if role.elect or INCOMING_MODIFIERS & set(role.modifiers):
            elect = kb.elect(office.id, date)
            if elect is not None:
                return elect, elect_role_name(office)
            if role.elect:
                return None, office.name
        return kb.holder(office.id, date), office.name

    def _offices_for(
        self, role: RolePhrase, country: str, state: _DocState, before: int
    ) -> list[Office]:
        """The offices a title names in ``country``, most senior first. A relational title
        ("counterpart") names the office of the antecedent's kind."""
        kb = self.kb
        if role.title_kind == "relational":
            kind = self._antecedent_kind(state, before)
            if kind is None:
                return []
            return _by_seniority(
                o for o in kb.offices.values() if o.country == country and o.kind == kind
            )
        offices = [
            kb.offices[o]
            for o in self.lexicon.offices_by_title.get(role.title, [])
            if kb.offices[o].country == country
        ]
        if not offices and role.title in GENERIC_TITLE_KINDS:
            kind = GENERIC_TITLE_KINDS[role.title]
            offices = [o for o in kb.offices.values() if o.country == country and o.kind == kind]
        return _by_seniority(offices)

    def _org_offices(self, role: RolePhrase) -> list[Office]:
        """Offices of the phrase's organisation with the phrase's title."""
        kb = self.kb
        return _by_seniority(
            kb.offices[o]
            for o in self.lexicon.offices_by_title.get(role.title, [])
            if kb.offices[o].org == role.org_id
        )

    def _titles_of(self, office: Office) -> set[str]:
        return self.lexicon.office_titles.get(office.id, set())

    # --- a person's role -----------------------------------------------------------------

    def _person_role(
        self, actor: Actor, candidate: Candidate, state: _DocState
    ) -> tuple[str | None, str | None]:
        """A named person's role: from an appositive role phrase, else the KB's most senior
        office on the date, else the appositive description."""
        if candidate.appositive_role is not None and candidate.appositive_role.title_kind in {
            "office",
            "relational",
        }:
            role, country = self._role_of_person(actor, candidate.appositive_role, state)
            if role is not None:
                return role, country or actor.country
        office = self._senior_office(actor.id, state.date)
        if office is not None:
            return office.name, actor.country or office.country
        return candidate.description, actor.country

    def _title_offices(
        self, role: RolePhrase, country: str | None, actor: Actor | None, state: _DocState
    ) -> list[Office]:
        """The KB offices a title (with the phrase's or the person's country) may name, those
        the person holds on the date first."""
        kb = self.kb
        if role.title_kind == "relational":
            if country is None:
                return []
            return self._offices_for(role, country, state, 10**9)
        if role.title_kind != "office":
            return []
        titled = [kb.offices[o] for o in self.lexicon.offices_by_title.get(role.title, [])]
        if role.org_id is not None and role.country is None:
            in_org = self._org_offices(role)
            if in_org:
                return in_org
        if country is not None:
            in_country = [o for o in titled if o.country == country]
            if not in_country and role.title in GENERIC_TITLE_KINDS:
                kind = GENERIC_TITLE_KINDS[role.title]
                in_country = [
                    o for o in kb.offices.values() if o.country == country and o.kind == kind
                ]
        else:
            in_country = []
        held: list[Office] = []
        if actor is not None and state.date:
            held = [o for o in titled if o in kb.offices_held(actor.id, state.date)]
        if not in_country and not held and actor is not None:
            # No country in the text: offices with that title the person ever held.
            ever = {t.office for t in kb.terms_of(actor.id)}
            held = [o for o in titled if o.id in ever]
        ordered = held + [o for o in _by_seniority(in_country) if o not in held]
        return ordered

    def _role_of_person(
        self, actor: Actor, role: RolePhrase, state: _DocState
    ) -> tuple[str | None, str | None]:
        """The role a title gives a KB person on the date, and the office's country."""
        kb = self.kb
        if role.of_other:
            return None, None
        offices = self._title_offices(role, role.country or actor.country, actor, state)
        if not offices:
            return None, None
        date = state.date
        office = offices[0]
        modifiers = set(role.modifiers)
        holds = bool(date) and kb.holder(office.id, date) == actor
        if role.title_kind == "relational" and not holds:
            return None, None
        if role.elect:
            return elect_role_name(office), office.country
        if modifiers & PAST_MODIFIERS:
            current = self._senior_office(actor.id, date)
            if current is not None and current.id != office.id:
                return current.name, current.country
            return f"former {office.name}", office.country
        incoming = modifiers & INCOMING_MODIFIERS and date and not holds
        if incoming and kb.elect(office.id, date) == actor:
            return elect_role_name(office), office.country
        # "Kazakhstan's first president" out of office by the date: a former holder.
        past_holder = any(t.office == office.id for t in kb.terms_of(actor.id))
        if modifiers & ORDINAL_MODIFIERS and date and not holds and past_holder:
            current = self._senior_office(actor.id, date)
            if current is not None:
                return current.name, current.country
            return f"former {office.name}", office.country
        return office.name, office.country

    def _senior_office(self, actor_id: str, date: str | None) -> Office | None:
        if not date:
            return None
        held = _by_seniority(self.kb.offices_held(actor_id, date))
        return held[0] if held else None

    # --- governments ---------------------------------------------------------------------

    def _government(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        kb = self.kb
        country = candidate.role.country if candidate.role is not None else None
        if country is None and candidate.of_person_start is not None:
            person = next(
                (
                    m
                    for m in state.mentions
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
            return self._mention_nil(span, "ORG", name, country)
        return self._mention(span, "ORG", government, None, country, "role")


# --- helpers ---------------------------------------------------------------------------------


def elect_role_name(office: Office) -> str:
    """ "President of Kyrgyzstan" -> "President-elect of Kyrgyzstan": "-elect" after the title."""
    name, title = office.name, office.title
    if title and name.lower().startswith(title.lower()):
        return f"{name[: len(title)]}-elect{name[len(title) :]}"
    if " of " in name:
        head, _, rest = name.partition(" of ")
        return f"{head}-elect of {rest}"
    return f"{name}-elect"


def _by_seniority(offices: Iterable[Office]) -> list[Office]:
    def rank(office: Office) -> tuple[int, str]:
        kind = SENIORITY.index(office.kind) if office.kind in SENIORITY else len(SENIORITY)
        return kind, office.id

    return sorted(set(offices), key=rank)
