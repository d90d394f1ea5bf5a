"""Names: a KB name or alias is its actor, and what the NER found but the KB ruler did not
(people nouns, places, "Armenia's National Assembly", surnames the model mislabelled, NIL).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Span

from dossier.extract.linking.build import _surface_name, _text_between
from dossier.extract.linking.state import _DocState, _Entity
from dossier.extract.mentions import POSSESSIVE_MARKERS, Candidate, KBComponent
from dossier.kb.loader import KnowledgeBase
from dossier.kb.records import Actor
from dossier.model import Mention

#: Dependencies of a word used as a noun phrase of its own (a people noun such as "Russians").
NOUN_PHRASE_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "ROOT"}
)


class NamesMixin(KBComponent):
    """``MentionLinker``'s resolution of KB names and aliases, and of NER names."""

    # --- names ---------------------------------------------------------------------------

    def _name(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        kb = self.kb
        if candidate.place is not None and not candidate.actor_ids:
            place = kb.place(candidate.place)
            if place is not None:
                return self._place(span, place)
        if candidate.office_id is not None and not candidate.actor_ids:
            office = kb.offices[candidate.office_id]
            holder = kb.holder(office.id, state.date) if state.date else None
            if holder is None:
                return None
            return self._mention(
                span, "PERSON", holder, office.name, office.country or holder.country, "role"
            )
        actor = self._choose_actor(candidate.actor_ids, candidate.label, state)
        if actor is None:
            return None
        if actor.type == "person":
            role, country = self._person_role(actor, candidate, state)
            return self._mention(span, "PERSON", actor, role, country, "alias")
        return self._mention(span, candidate.label, actor, None, actor.country, "alias")

    def _choose_actor(self, actor_ids: Iterable[str], label: str, state: _DocState) -> Actor | None:
        """One actor among several with the same name: a person in office on the date first,
        then one of the type the label suggests, then the first by id."""
        actors = [self.kb.actors[a] for a in actor_ids if a in self.kb.actors]
        if not actors:
            return None
        if len(actors) == 1:
            return actors[0]
        if state.date:
            in_office = [
                a for a in actors if a.type == "person" and self.kb.offices_held(a.id, state.date)
            ]
            if len(in_office) == 1:
                return in_office[0]
        wanted = {"PERSON": {"person"}, "GPE": {"country"}, "EVENT": {"event"}}.get(label)
        if wanted:
            typed = [a for a in actors if a.type in wanted]
            if typed:
                return typed[0]
        return sorted(actors, key=lambda a: a.id)[0]

    # --- NER names -----------------------------------------------------------------------

    def _ner(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        kb = self.kb
        label = candidate.label
        text = _surface_name(span)
        if not text:
            return None
        people = _people_noun(span, kb)
        if people is not None:
            return self._mention_nil(span, "NORP", text, people)
        if label == "NORP":
            return None
        found = kb.find_actors(text)
        if label == "PERSON":
            persons = [a.id for a in found if a.type == "person"]
            if persons:
                return self._name(
                    span, Candidate("name", "PERSON", actor_ids=tuple(persons)), state
                )
            linked = self._surname(span, candidate, state, keep_nil=False)
            if linked is not None:
                return linked
            mention = self._mention_nil(span, label, text, None)
            if candidate.description:
                mention = replace(mention, role=candidate.description)
            return mention
        if found:
            return self._name(
                span, Candidate("name", label, actor_ids=tuple(a.id for a in found)), state
            )
        if len(text.split()) == 1 and label in {"ORG", "GPE", "NORP", "FAC"}:
            # The model often calls a surname ORG or GPE ("Sargsyan", "Nazarbayev"); one that
            # repeats a person named earlier is that person.
            linked = self._surname_link(span, state, None)
            if linked is not None and isinstance(linked[0], _Entity):
                return self._surname(span, candidate, state, keep_nil=False)
        place = kb.place(text)
        if place is not None:
            return self._place(span, place)
        inverted = _possessive_inverted(span, kb)
        if inverted is not None:
            name, country = inverted
            actors = kb.find_actors(name)
            if actors:
                return self._name(
                    span, Candidate("name", label, actor_ids=tuple(a.id for a in actors)), state
                )
            return self._mention_nil(span, label, name, country)
        return self._mention_nil(span, label, text, None)


# --- helpers ---------------------------------------------------------------------------------


def _people_noun(span: Span, kb: KnowledgeBase) -> str | None:
    """The country of a people noun used as a noun ("Russians vote", "many Azerbaijanis"), not
    as an adjective ("Ukrainian cheese")."""
    if len(span) != 1 or span[0].dep_ not in NOUN_PHRASE_DEPS:
        return None
    return kb.country_of_people_noun(span.text)


def _possessive_inverted(span: Span, kb: KnowledgeBase) -> tuple[str, str] | None:
    """ "Armenia's National Assembly" -> ("National Assembly of Armenia", "ARM")."""
    tokens = list(span)
    for index, token in enumerate(tokens):
        if token.text in POSSESSIVE_MARKERS and 0 < index < len(tokens) - 1:
            before, after = tokens[index - 1], tokens[-1]
            owner = _text_between(span, tokens[0].idx, before.idx + len(before))
            owned = _text_between(span, tokens[index + 1].idx, after.idx + len(after))
            actors = [a for a in kb.find_actors(owner) if a.type == "country"]
            if actors and actors[0].country:
                return f"{owned} of {actors[0].name}", actors[0].country
    return None
