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

from dossier.extract.linking.build import _text_between
from dossier.extract.linking.roles import elect_role_name
from dossier.extract.linking.state import _DocState, _Entity
from dossier.extract.mentions import PAST_MODIFIERS, Candidate, KBComponent, RolePhrase
from dossier.kb.records import Actor
from dossier.model import Mention


class PeopleMixin(KBComponent):
    """``MentionLinker``'s resolution of a title with a name, and of NIL people."""

    # --- title + name --------------------------------------------------------------------

    def _title_and_name(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        kb = self.kb
        role = candidate.role
        assert role is not None and candidate.name_start is not None
        name_text = _text_between(span, candidate.name_start, candidate.name_end)
        ids = [a for a in candidate.actor_ids if kb.actors[a].type == "person"]
        if not ids:
            ids = [a.id for a in kb.find_actors(name_text) if a.type == "person"]
        actor: Actor | None = None
        resolution = "title+name"
        if ids:
            actor = self._choose_person(ids, role, state)
        else:
            name_span = span.doc.char_span(candidate.name_start, candidate.name_end)
            linked = self._surname_link(name_span, state, role) if name_span is not None else None
            if linked is not None:
                actor_or_entity, _ = linked
                if isinstance(actor_or_entity, _Entity):
                    entity = actor_or_entity
                    actor = kb.actors.get(entity.actor_id) if entity.actor_id else None
                    if actor is None:
                        return self._nil_person(span, entity.actor, role, candidate, state)
                else:
                    actor = actor_or_entity
        if actor is None:
            return self._nil_person(span, name_text, role, candidate, state)
        role_name, country = self._role_of_person(actor, role, state)
        # A title the KB contradicts ("Russia President Trump", a headline run into the body)
        # is the text's slip, not a new office holder: the KB's office on the date wins.
        contradicted = self._title_contradicts_kb(actor, role, state)
        if role_name is None or contradicted:
            office = self._senior_office(actor.id, state.date)
            if office is not None:
                role_name = office.name
            else:
                role_name = None if contradicted else _description(role)
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            label="PERSON",
            actor_id=actor.id,
            actor=actor.name,
            role=role_name,
            country=role.country or country or actor.country,
            resolution=resolution,
        )

    def _title_contradicts_kb(self, actor: Actor, role: RolePhrase, state: _DocState) -> bool:
        """Whether the title names an office whose holders the KB lists, and this person was
        never one of them nor elected to it."""
        if role.title_kind != "office" or role.of_other:
            return False
        offices = self._title_offices(role, role.country or actor.country, actor, state)
        if not offices:
            return False
        office = offices[0]
        terms = self.kb.terms_in(office.id)
        return bool(terms) and all(t.holder != actor.id for t in terms)

    def _choose_person(self, ids: list[str], role: RolePhrase, state: _DocState) -> Actor:
        """Among homonyms, the one holding (or elected to) the titled office, then the one
        from the title's country, then the first."""
        kb = self.kb
        actors = [kb.actors[i] for i in ids]
        if len(actors) == 1 or not state.date:
            return actors[0]
        for actor in actors:
            country = role.country or actor.country
            for office in self._title_offices(role, country, actor, state):
                if kb.holder(office.id, state.date) == actor or (
                    kb.elect(office.id, state.date) == actor
                ):
                    return actor
        for actor in actors:
            if role.country and actor.country == role.country:
                return actor
        return actors[0]

    def _nil_person(
        self,
        span: Span,
        name: str,
        role: RolePhrase,
        candidate: Candidate,
        state: _DocState,
    ) -> Mention:
        """A person the KB lacks: the surface name, the title's country, a KB office named by
        title and country (the text's title wins), or the description with its outlet."""
        role_name: str | None = None
        country = role.country
        if role.title_kind == "office" and role.country is not None:
            offices = self._title_offices(role, role.country, None, state)
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
        return self._mention_nil(span, "PERSON", name, country, role_name)


# --- helpers ---------------------------------------------------------------------------------


def _description(role: RolePhrase) -> str | None:
    """ "correspondent, RFE/RL" for a descriptive title with an organisation, else None."""
    if role.title_kind == "descriptive" and role.org_text:
        return f"{role.description or role.title}, {role.org_text}"
    return None
