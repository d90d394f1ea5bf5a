"""Antecedents of an event's actor phrases: what a pronoun, "the union", "the bloc" or "the
leaders" stands for, looked up among the actors named before it in the document.

A mixin of ``ActorFinder`` (``actors``): it reads the finder's mention index, knowledge base
and date, and turns mentions into actors with the finder's own methods.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.extract.events.actor_words import BODIES, GENERIC_BODIES
from dossier.extract.quotes.pronouns import genders_in
from dossier.extract.quotes.speakers import MentionIndex
from dossier.kb.loader import KnowledgeBase
from dossier.kb.records import Actor
from dossier.model import EventActor, Mention

#: Texts an authority issues, which a next sentence's "it" may stand for ("A decree issued by
#: the cabinet said ... It also proposed ..."): what the text proposes, its issuer does.
ISSUED = frozenset({
    "decree", "statement", "resolution", "order", "communique", "declaration", "memorandum",
    "letter", "note", "directive", "document", "report", "ruling", "bill", "law", "proposal",
})  # fmt: skip


def member_state(member: Actor, start: int | None = None, end: int | None = None) -> EventActor:
    """A member state of a body as an event actor, standing at the body's mention (if any):
    the members act for the body ("the leaders of the union") or founded it."""
    return EventActor(
        actor=member.name,
        actor_id=member.id,
        country=member.country,
        sector="government",
        mention_start=start,
        mention_end=end,
    )


class Antecedents:
    """Look-ups back through the document for ``ActorFinder`` (see the module doc)."""

    index: MentionIndex
    kb: KnowledgeBase | None
    day: str | None
    _gender_of: dict[str, str] | None

    def _from_mention(self, mention: Mention) -> EventActor:  # pragma: no cover - the finder's
        raise NotImplementedError

    def _with_country(self, mention: Mention) -> Mention:  # pragma: no cover - the finder's
        raise NotImplementedError

    def _detached(self, mention: Mention, head: Token) -> bool:  # pragma: no cover
        raise NotImplementedError

    def _is_place(self, mention: Mention) -> bool:  # pragma: no cover - the finder's
        raise NotImplementedError

    def phrase_mentions(self, head: Token) -> list[Mention]:  # pragma: no cover
        raise NotImplementedError

    def last_body(self, head: Token) -> EventActor | None:
        """The organisation named last before ``head`` in the document: what an
        intransitive "joined" joins; None when none was named."""
        for mention in reversed(self.index.covering(0, head.idx)):
            if mention.end <= head.idx and mention.label == "ORG":
                return self._from_mention(mention)
        return None

    def _body_before(self, head: Token) -> EventActor | None:
        """The body that "the union" or "the bloc" stands for: the last organisation named
        before it whose name ends in that noun (any organisation for "the bloc"); None when
        ``head`` is no such noun or no such body was named."""
        if head.lower_ not in BODIES or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children
        ):
            return None
        for mention in reversed(self.index.covering(0, head.idx)):
            if mention.end > head.idx or mention.label != "ORG":
                continue
            name = mention.text.lower()
            # "the Court of the African Union" is a court, not the union; "the Organization
            # for Security ..." is the organization.
            word = head.lower_
            ends = name.endswith(word) and " of " not in name
            if word in GENERIC_BODIES or ends or name.startswith(f"{word} "):
                return self._from_mention(mention)
        return None

    def last_union(self, head: Token) -> tuple[EventActor, ...]:
        """The members of the organisation with members named last before ``head`` (a
        place the tagger took for an organisation skipped), () when none was named."""
        for mention in reversed(self.index.covering(0, head.idx)):
            if mention.end <= head.idx and mention.label == "ORG" and mention.actor_id:
                found = self.members(self._from_mention(mention))
                if found:
                    return found
        return ()

    def members(self, organisation: EventActor) -> tuple[EventActor, ...]:
        """The member states of an organisation on the document's date ("the leaders of the
        union" act for its members), () when it is none or the KB knows no members."""
        if self.kb is None or not organisation.actor_id or not self.day:
            return ()
        return tuple(
            member_state(member, organisation.mention_start, organisation.mention_end)
            for member in self.kb.members(organisation.actor_id, self.day)
        )

    def _people_before(self, pronoun: Token) -> tuple[EventActor, ...]:
        """The people "they" stands for when the sentence before has several named people as
        its subject ("Medvedev and Putin may hope ... They played up plans"); () otherwise."""
        sentence = pronoun.sent
        if sentence.start == 0:
            return ()
        before = pronoun.doc[sentence.start - 1].sent
        subject = next((t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not any(c.dep_ == "conj" for c in subject.children):
            return ()
        mentions = [m for m in self.phrase_mentions(subject) if m.label == "PERSON"]
        if len(mentions) < 2:
            return ()
        return tuple(self._from_mention(self._with_country(m)) for m in mentions)

    def _genders(self, doc: Doc, gender: str | None) -> frozenset[str]:
        """Those the text shows to be of the other gender than ``gender`` (``genders_in``)."""
        if gender is None:
            return frozenset()
        if self._gender_of is None:
            self._gender_of = genders_in(doc, self.index)
        return frozenset(a for a, g in self._gender_of.items() if g in ("m", "f") and g != gender)

    def _before(
        self,
        char: int,
        person: bool,
        besides: frozenset[str] = frozenset(),
        other_gender: frozenset[str] = frozenset(),
        pronoun: Token | None = None,
    ) -> EventActor | None:
        """The last actor with a country mentioned before ``char`` (a pronoun's antecedent):
        a person for "he" and "she" (not one the text shows to be of the other gender:
        "Trump attacked her" is not Giuliani), a state or body for "it" and "they"."""
        mentions = [self._with_country(m) for m in self.index.covering(0, char) if m.end <= char]
        earlier = [
            m
            for m in mentions
            if m.country
            and (m.label == "PERSON") == person
            and (m.actor_id or m.actor) not in besides
            and m.actor not in other_gender
        ]
        if not earlier:
            return None
        if person and pronoun is not None and pronoun.dep_ != "poss":
            # Not a possessive: "after his meeting with X, Y said" may point ahead.
            return self._from_mention(self._subject_first(pronoun, earlier))
        return self._from_mention(earlier[-1])

    def _subject_first(self, pronoun: Token, earlier: list[Mention]) -> Mention:
        """Of the people a "he" or "she" may stand for, the last one named as a subject in
        its sentence or the one before ("X was targeted by Y, and Z attacked her": X), else
        the last one named."""
        doc = pronoun.doc
        floor = doc[pronoun.sent.start - 1].sent.start_char if pronoun.sent.start else 0
        for mention in reversed(earlier):
            if mention.start < floor:
                break
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            subject = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
            if subject and span.root.head.i != pronoun.head.i:
                return mention
        return earlier[-1]

    def issuer_before(self, pronoun: Token) -> Token | None:
        """The issuer of the text a sentence-opening "it" stands for: the previous sentence's
        subject is a text an authority issued ("A decree issued by X said", "X's statement
        said"), and "it" goes on with what the text says; None otherwise."""
        if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj" or pronoun.i != pronoun.sent.start:
            return None
        if pronoun.sent.start == 0:
            return None
        before = pronoun.doc[pronoun.sent.start - 1].sent
        subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        if (
            subject is None
            or subject.lemma_.lower() not in ISSUED
            and subject.lower_.rstrip("s") not in ISSUED
        ):
            return None
        for child in subject.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return child  # "the ministry's statement"
            if child.dep_ == "acl" and child.tag_ == "VBN":  # "a decree issued by X"
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None

    def state_before(self, char: int, countries: set[str]) -> EventActor | None:
        """The last state or body with a country mentioned before ``char``, not of ``countries``."""
        found = [m for m in self.index.covering(0, char) if m.end <= char and m.label != "PERSON"]
        found = [m for m in map(self._with_country, found) if m.country not in {None, *countries}]
        return self._from_mention(found[-1]) if found else None

    def first_named(self, trigger: Token) -> Token | None:
        """The head word of the first actor named in ``trigger``'s paragraph and sentence
        before it (a place named as a place or a dateline is none), None for none."""
        sentence = trigger.sent
        for mention in self.index.covering(sentence.start_char, trigger.idx):
            span = trigger.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or mention.end > trigger.idx or self._detached(mention, trigger):
                continue
            if self._is_place(mention):
                continue
            return span.root
        return None
