"""Mentions that point back: surnames, "his"/"her" (a counterpart's antecedent), "the
president" without a country, and the bookkeeping of the persons named so far.

A surname is the person named in full earlier in the document, else the one KB person with
that surname in office on the date (or at all); "the president" is the last person the document
named with that title; "his Kazakh counterpart" takes the office kind of the antecedent of "his".
"""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.linking.build import _surface_name
from dossier.extract.linking.roles import _by_seniority
from dossier.extract.linking.state import _DocState, _Entity
from dossier.extract.mentions import (
    INITIAL,
    POSSESSIVE_MARKERS,
    Candidate,
    KBComponent,
    RolePhrase,
    is_standalone_name,
    token_key,
)
from dossier.kb.loader import normalise_name
from dossier.kb.records import Actor, Office
from dossier.model import Mention

#: How far back (in sentences) "his" and "the president" look for their antecedent.
ANTECEDENT_SENTENCES = 3


class CoreferenceMixin(KBComponent):
    """``MentionLinker``'s resolution of surnames and antecedents against the persons the
    document has named, and its memory of them (``_remember``)."""

    # --- antecedents ---------------------------------------------------------------------

    def _antecedent_kind(self, state: _DocState, before: int) -> str | None:
        """The office kind of the person "his"/"her" points back to; None when that person
        holds no office the KB knows (a counterpart of what, then?)."""
        entity = self._antecedent(state, before)
        if entity is not None and entity.offices:
            return _by_seniority(entity.offices)[0].kind
        return None

    def _antecedent(self, state: _DocState, before: int) -> _Entity | None:
        sentence = state.sentence_of(before)
        earlier = [
            e
            for e in state.entities
            if e.start < before and sentence - e.sentence <= ANTECEDENT_SENTENCES
        ]
        return max(earlier, key=lambda e: e.start) if earlier else None

    def _entity_with_title(self, title: str, state: _DocState, before: int) -> _Entity | None:
        """The person last named with an office of this title ("the president" after "President
        Viktor Yanukovych")."""
        found = [
            e
            for e in state.entities
            if e.start < before and any(title in self._titles_of(o) for o in e.offices)
        ]
        return max(found, key=lambda e: (e.count, -e.first_start)) if found else None

    # --- surnames -------------------------------------------------------------------------

    def _surname(
        self, span: Span, candidate: Candidate, state: _DocState, keep_nil: bool
    ) -> Mention | None:
        linked = self._surname_link(span, state, None)
        if linked is None:
            if not keep_nil:
                return None
            return self._mention_nil(span, "PERSON", _surface_name(span), None)
        target, resolution = linked
        if isinstance(target, _Entity):
            office = _by_seniority(target.offices)[0] if target.offices else None
            actor = self.kb.actors.get(target.actor_id) if target.actor_id else None
            role = None
            if actor is not None:
                role, _ = self._person_role(actor, candidate, state)
            elif office is not None:
                role = office.name
            return Mention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                label="PERSON",
                actor_id=target.actor_id,
                actor=target.actor,
                role=role,
                country=target.country,
                resolution=resolution,
            )
        role, country = self._person_role(target, candidate, state)
        return self._mention(span, "PERSON", target, role, country, resolution)

    def _surname_link(
        self, span: Span, state: _DocState, role: RolePhrase | None
    ) -> tuple[_Entity | Actor, str] | None:
        """What a name that is (or ends in) a surname refers to: a person named earlier in the
        document ("coref"), else the one KB person with that surname ("surname"); for a longer
        name ("Vladimir V. Putin"), the one with that surname and first name.

        Several KB persons with the surname: those who ever held an office of the title in
        front of the name ("President Clinton"), then those in office on the date.
        """
        tokens = [t for t in span if t.text not in POSSESSIVE_MARKERS and not INITIAL.match(t.text)]
        if not tokens:
            return None
        key = token_key(tokens[-1].text)
        first = token_key(tokens[0].text)
        surface = normalise_name(" ".join(t.text for t in tokens))
        earlier = [
            e
            for e in state.entities
            if e.start < span.start_char
            and (
                key in e.surnames
                if len(tokens) == 1
                else surface == normalise_name(e.actor)
                or (key in e.surnames and first in e.first_names)
            )
        ]
        if earlier:
            return max(earlier, key=lambda e: e.start), "coref"
        kb = self.kb
        ids = sorted(self.lexicon.surnames.get(key, ()))
        if len(tokens) > 1:
            ids = [i for i in ids if first in _first_names(kb.actors[i])]
        elif role is None and not is_standalone_name(tokens[0]):
            return None  # "Harris" in "the Harris Poll", "Trump" in "Ivana Trump"
        if len(ids) > 1 and role is not None and role.title_kind == "office":
            titled = [
                i
                for i in ids
                if any(role.title in self._titles_of(kb.offices[t.office]) for t in kb.terms_of(i))
            ]
            ids = titled or ids
        if len(ids) > 1 and state.date:
            in_office = [i for i in ids if kb.offices_held(i, state.date)]
            ids = in_office or ids
        if len(ids) != 1:
            return None
        return kb.actors[ids[0]], "surname"

    # --- remembering persons ----------------------------------------------------------------

    def _remember(self, state: _DocState, mention: Mention, span: Span) -> None:
        if mention.label != "PERSON":
            return
        kb = self.kb
        offices: list[Office] = []
        if mention.role:
            office = kb.office(mention.role)
            if office is not None:
                offices.append(office)
        surnames: set[str] = set()
        actor = kb.actors.get(mention.actor_id) if mention.actor_id else None
        names = [mention.actor]
        if actor is not None:
            names.extend(actor.aliases)
            if state.date:
                offices.extend(o for o in kb.offices_held(actor.id, state.date) if o not in offices)
        first_names: set[str] = set()
        for name in names:
            words = name.split()
            if words:
                surnames.add(token_key(words[-1]))
            if len(words) > 1:
                first_names.add(token_key(words[0]))
        sentence = state.sentence_of(span.start_char)
        for entity in state.entities:
            same = (actor is not None and entity.actor_id == actor.id) or (
                actor is None and entity.actor_id is None and entity.actor == mention.actor
            )
            if same:
                entity.start = span.start_char
                entity.sentence = sentence
                entity.count += 1
                entity.offices.extend(o for o in offices if o not in entity.offices)
                return
        state.entities.append(
            _Entity(
                actor_id=mention.actor_id,
                actor=mention.actor,
                country=mention.country,
                offices=offices,
                surnames=surnames,
                sentence=sentence,
                start=span.start_char,
                first_names=first_names,
                first_start=span.start_char,
            )
        )


# --- helpers ---------------------------------------------------------------------------------


def _first_names(actor: Actor) -> set[str]:
    """The first words of an actor's name and aliases ("vladimir" for Vladimir Putin)."""
    return {token_key(n.split()[0]) for n in (actor.name, *actor.aliases) if len(n.split()) > 1}
