"""Where a sentence names a stance target: a KB target's alias ("the Customs Union"), a
mention of an actor that stands for a target (the EAEU for Eurasian integration), or a mention
of any other KB actor, which is a target in its own right.

A place named as a place ("in Minsk") is no target; a metonym ("Moscow") is its government.
A generic noun that takes a target up again ("the union", "the bloc") is the last KB target
the document named before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.tokens import Doc, Span, Token

from dossier.extract.document import indices_within, text_of
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.quotes.pronouns import GENDER, genders_in
from dossier.extract.quotes.speakers import MentionIndex
from dossier.extract.stance.generic_alias import GenericAliases
from dossier.extract.stance.owned import owned_phrases, taken_up_owner
from dossier.extract.stance.paths import quoted_label
from dossier.kb.loader import KnowledgeBase, normalise_name
from dossier.model import Mention


@dataclass(frozen=True)
class TargetHit:
    """One place a target is named: its characters, its root token, and what it names."""

    start: int
    end: int
    root: Token
    target: str
    target_id: str | None
    mention: Mention | None = None


def _alias_pattern(kb: KnowledgeBase) -> re.Pattern[str] | None:
    """One pattern for every alias of every KB target, longest first. An all-capitals alias
    ("EU", "NATO") matches its case only; others any case."""
    parts = []
    for target in kb.targets.values():
        for alias in sorted({target.name, *target.aliases}, key=len, reverse=True):
            escaped = re.escape(alias)
            parts.append(escaped if alias.isupper() else f"(?i:{escaped})")
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def actor_target(mention: Mention, kb: KnowledgeBase) -> tuple[str, str | None]:
    """The actor a mention names as a target: a country named by its own name ("sanctions on
    Russia") is the country, though the linker reads an acting state as its government; a
    capital or "the government" stays the government."""
    actor_id = mention.actor_id or ""
    if actor_id.startswith("gov:") and mention.country:
        country = kb.country_actor(mention.country)
        if country is not None:
            names = {normalise_name(n) for n in (country.name, *country.aliases)}
            if normalise_name(mention.text) in names:
                return country.name, country.id
    return mention.actor, mention.actor_id


#: Nouns that take up the last target named ("... joined the Eurasian Economic Union ... within
#: the union"), in lower case after "the", also with a word of its newness ("a major step
#: toward the new union": error kind none, the union taken up was not found).
BACK_REFERENCES = re.compile(
    r"\bthe (?:(?:new|proposed|planned|future|wider|enlarged|nascent|fledgling) )?"
    r"(?:union|bloc|alliance|grouping)\b"
)
#: A union described by its members ("a union of Eurasian states", "a bloc of former Soviet
#: republics"): the report's union, as "the union" is (error kind other-holder: a side toward
#: the union the report is about, told in a description, was lost).
DESCRIBED_UNIONS = re.compile(
    r"\b(?:[Aa]n?|[Tt]he) (union|bloc) of (?:[\w-]+ ){0,2}(?:states|countries|nations|republics)\b"
)
#: Instruments of joining that take up the last target named ("... the Eurasian Economic Union
#: ... asked its partners to sign Armenia's accession treaty"): one accedes to that target (error
#: kind none: the treaty named no target and the asking gave nothing).
ACCESSIONS = re.compile(r"\baccession (?:treaty|agreement|protocol)\b", re.IGNORECASE)
#: The same at a sentence's start too ("The union's leaders agreed ..."), to find the first.
_FIRST_REFERENCE = re.compile(r"\b[Tt]he (union|bloc|alliance|grouping)\b")
#: Nouns by which a state's adjective names the state itself as it acts or is acted on
#: ("sanctions against Russian interests", "Russian troops have crossed the border", "the
#: Russian state", a federation's name in lower case: "the Russian federation"): the
#: adjective is the state (error kind other-target/none: a side toward a state named only by
#: its adjective was lost, as the adjective is no mention of an actor).
STATE_BELONGINGS = frozenset(
    {
        "interests", "forces", "troops", "soldiers", "army", "military", "hegemony",
        "domination", "dominance", "aggression", "expansionism", "imperialism", "occupation",
        "invasion", "annexation", "meddling", "interference", "federation", "state",
    }
)  # fmt: skip
#: Object pronouns that take up a person named before ("attacked her").
OBJECT_PRONOUNS = frozenset({"her", "him"})


#: Sectors of a state's forces (army, police, security service): a side toward them is a side
#: toward the government that commands them (error kind other-target: "denounced the
#: Ukrainian security forces' operation" read as against the forces, not Kyiv).
FORCES = frozenset({"MIL", "COP", "SPY"})


def commanded(
    target: tuple[str, str | None, Mention | None], kb: KnowledgeBase
) -> tuple[str, str | None, Mention | None]:
    """A target that is a state's forces as the government that commands them; any other
    target as it is."""
    name, target_id, mention = target
    actor = kb.actors.get(target_id or "")
    if actor is None or actor.type != "agency" or actor.sector not in FORCES:
        return target
    government = kb.government_actor(actor.country) if actor.country else None
    return target if government is None else (government.name, government.id, mention)


def _ruler_named(root: Token, mention: Mention) -> bool:
    """Whether a government is named by its leader ("the government of Viktor X"): the
    target is that leader's rule, the person, not the state's government of the document's
    date, which may be its rival (error kind other-holder: toppling X's government read as
    against the government that followed)."""
    if not (mention.actor_id or "").startswith("gov:"):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children)
        for c in root.children
    )


def _owned_last_words(
    doc: Doc, owned: dict[str, list[tuple[int, Mention]]]
) -> Callable[[int, int], list[int]]:
    """The tokens between two token indices that ``taken_up_owner``'s first test (some owned
    phrase ends in the word) may pass, found from the words' column, not by a Token per word:
    those whose lower-cased text is the last word of an owned phrase, and the whitespace
    tokens (the only tokens with a space inside, which the test reads otherwise)."""
    last = frozenset(key.rsplit(" ", 1)[1] for key in owned if " " in key)
    spaces = numpy.flatnonzero(doc.to_array("IS_SPACE")).tolist() if len(doc) else []

    def within(start: int, end: int) -> list[int]:
        named = indices_within(doc, "LOWER", last, start, end) if last else []
        blank = spaces[bisect.bisect_left(spaces, start) : bisect.bisect_left(spaces, end)]
        return sorted({*named, *blank}) if blank else named

    return within


#: The dependency ``state_adjective`` reads a state's adjective in.
_AMOD = frozenset({"amod"})


class TargetFinder:
    """Targets named in the sentences of one document."""

    def __init__(
        self, doc: Doc, mentions: list[Mention], kb: KnowledgeBase, lemmas: Lemmas | None = None
    ) -> None:
        self.doc = doc
        self.lemmas = lemmas
        self.kb = kb
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [mention.start for mention in self.mentions]
        self.pattern = _alias_pattern(kb)
        self.generic = GenericAliases(text_of(doc), self.mentions, self.starts, kb)
        self._genders: dict[str, str] | None = None
        #: phrases the document gives an owner (``owned``), read on first use
        self._owned: dict[str, list[tuple[int, Mention]]] | None = None
        self._owned_words: Callable[[int, int], list[int]] = lambda start, end: []
        #: ``in_span``'s hits by sentence (token start, end): every reading of the stage asks
        #: for a sentence's targets, some more than once.
        self._hits: dict[tuple[int, int], list[TargetHit]] = {}

    def _root(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return None if span is None or not len(span) else span.root

    def _named_person(self, mention: Mention) -> bool:
        """A person the KB lacks, named in full ("Jane Roe"): a target in their own right, as
        people are judged ("Jane Roe lied") whether the KB knows them or not; not a byline
        (a name that ends its line, or before a "|"), which the parse may join to the
        first sentence."""
        if mention.label != "PERSON" or len(mention.actor.split()) < 2:
            return False
        text = text_of(self.doc)
        after = text[mention.end : mention.end + 3]
        return not any(mark in after for mark in ("\n", "|"))

    def in_span(self, sentence: Span) -> list[TargetHit]:
        """The targets named in ``sentence``, in text order, each place once."""
        key = (sentence.start, sentence.end)
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = self._find_in_span(sentence)
        return list(hits)

    def _find_in_span(self, sentence: Span) -> list[TargetHit]:
        hits: list[TargetHit] = []
        taken: list[tuple[int, int]] = []
        # The sentence's bounds and text read once: each read of ``Span.start_char`` builds a
        # Token and ``Span.text`` joins the tokens anew; the mentions are sorted, so those of
        # the sentence are found by bisection, not by a pass over the document's.
        first, last = sentence.start_char, sentence.end_char
        text = text_of(self.doc)[first:last]
        previous = self.doc[sentence.start - 1].sent.start_char if sentence.start else first
        around = (previous, last)
        for mention in self.mentions[bisect.bisect_left(self.starts, first) :]:
            if mention.start >= last:
                break
            if mention.actor_id is None and not self._named_person(mention):
                continue
            root = self._root(mention.start, mention.end)
            if root is None or _ruler_named(root, mention):
                continue
            target = self.kb.target_of_actor(mention.actor_id)
            if target is not None and (
                self._owned_by_another(mention.start, target.id)
                or self.generic.names_other(mention.start, mention.end, target, around)
            ):
                continue
            if target is not None:
                hits.append(
                    TargetHit(mention.start, mention.end, root, target.name, target.id, mention)
                )
            else:
                name, actor_id = actor_target(mention, self.kb)
                hits.append(TargetHit(mention.start, mention.end, root, name, actor_id, mention))
            taken.append((mention.start, mention.end))
        if self.pattern is not None:
            for match in self.pattern.finditer(text):
                start, end = first + match.start(), first + match.end()
                if any(s < end and start < e for s, e in taken):
                    continue
                target = self.kb.target(match.group(0))
                root = self._root(start, end)
                if target is None or root is None or self._owned_by_another(start, target.id):
                    continue
                if self.generic.names_other(start, end, target, around):
                    continue
                hits.append(TargetHit(start, end, root, target.name, target.id))
                taken.append((start, end))
        for match in BACK_REFERENCES.finditer(text):
            start = first + match.start() + len("the ")
            end = first + match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            earlier = self.taken_up(match.group(0).split()[-1].lower(), start)
            root = self._root(start, end)
            if earlier is not None and root is not None:
                hits.append(TargetHit(start, end, root, earlier.name, earlier.id))
        for match in DESCRIBED_UNIONS.finditer(text):
            start, end = first + match.start(1), first + match.end(1)
            if any(s < end and start < e for s, e in taken):
                continue
            earlier = self.taken_up(match.group(1), start)
            root = self._root(start, end)
            if earlier is not None and root is not None:
                hits.append(TargetHit(start, end, root, earlier.name, earlier.id))
                taken.append((start, end))
        if self._owned is None:
            self._owned = owned_phrases(self.doc, self.mentions)
            self._owned_words = _owned_last_words(self.doc, self._owned)
        for i in self._owned_words(sentence.start, sentence.end) if self._owned else ():
            token = self.doc[i]
            owner = taken_up_owner(token, self._owned)
            if owner is None or any(s <= token.idx < e for s, e in taken):
                continue
            end = token.idx + len(token.text)
            name, actor_id = actor_target(owner, self.kb)
            hits.append(TargetHit(token.idx, end, token, name, actor_id, owner))
        for i in indices_within(self.doc, "LOWER", OBJECT_PRONOUNS, sentence.start, sentence.end):
            token = self.doc[i]
            if not any(s <= token.idx < e for s, e in taken):
                hit = self.person_pronoun(token)
                if hit is not None:
                    hits.append(hit)
        # Only adjectival modifiers can be a state's adjective (``state_adjective``'s first
        # test), found from the dependency column: no Token built for every other word.
        for i in indices_within(self.doc, "DEP", _AMOD, sentence.start, sentence.end):
            token = self.doc[i]
            if any(s <= token.idx < e for s, e in taken):
                continue
            hit = self.state_adjective(token)
            if hit is not None:
                hits.append(hit)
        for match in ACCESSIONS.finditer(text):
            start, end = first + match.start(), first + match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            earlier = self.last_target_before(start)
            root = self._root(start, end)
            if earlier is not None and root is not None:
                hits.append(TargetHit(start, end, root, earlier.name, earlier.id))
        return sorted(hits, key=lambda h: h.start)

    def state_adjective(self, token: Token) -> TargetHit | None:
        """The state an adjective names on a noun of ``STATE_BELONGINGS`` ("Russian
        interests"), the phrase rooted at the noun, whose path up is the state's; None for any
        other word."""
        if token.dep_ != "amod" or token.head.lower_ not in STATE_BELONGINGS:
            return None
        country = self.kb.country_of_adjective(token.text)
        state = self.kb.country_actor(country) if country else None
        if state is None:
            return None
        noun = token.head
        return TargetHit(token.idx, noun.idx + len(noun.text), noun, state.name, state.id)

    def person_pronoun(self, token: Token) -> TargetHit | None:
        """The person an object "her" or "him" stands for ("X has publicly attacked her"):
        of the people named in its sentence before it or in the sentence before, not the
        clause's own subject, the last the text has shown to be of that gender (by "she
        said", "Ms.", "a spokeswoman"), else the last in its own sentence that is a clause's
        subject and whose gender the text does not show ("Y was targeted by Z, and X attacked
        her" is Y); None
        where there is no such person (error kinds none and other-target: a pronoun target
        missed, or read as the last person named, whatever their gender)."""
        wanted = GENDER.get(token.lower_)
        token_head = None
        if self.lemmas is not None and quoted_label(token, self.lemmas):
            token_head = token.head.head  # "called her "bad news"": the labelling verb
        elif wanted is None or token.dep_ == "poss" or token.tag_ == "PRP$":
            return None  # "her" as a possessive names what is hers; any other "her" is her
        elif token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ in ("ccomp", "xcomp"):
            token_head = token.head.head  # "called her a liar": the small clause's verb
        if self._genders is None:
            self._genders = genders_in(self.doc, MentionIndex(self.mentions))
        verb = token_head or (token.head.head if token.dep_ == "pobj" else token.head)
        own = {t.idx for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        sentence = token.sent
        first = self.doc[sentence.start - 1].sent.start_char if sentence.start else 0
        at = bisect.bisect_left(self.starts, first)
        people = [
            m
            for m in self.mentions[at : bisect.bisect_left(self.starts, token.idx)]
            if m.label == "PERSON"
            and m.end <= token.idx
            and m.start not in own
            and (m.actor_id is not None or self._named_person(m))
        ]
        chosen = next(
            (m for m in reversed(people) if self._genders.get(m.actor) == wanted), None
        ) or next(
            (
                m
                for m in reversed(people)
                if m.actor not in self._genders
                and m.start >= sentence.start_char
                and self._subject(m)
            ),
            None,
        )
        if chosen is None:
            return None
        end = token.idx + len(token.text)
        return TargetHit(token.idx, end, token, chosen.actor, chosen.actor_id, chosen)

    def thing_pronoun(self, token: Token) -> TargetHit | None:
        """The body or state an object "it" stands for when its own sentence names one before
        it ("blamed the crisis in Ukraine on the West, accusing it of ..."): the last named,
        not the clause's own subject (error kind other-target: the event stage's antecedent,
        the last state with a country, passes over a body with none). None where the
        sentence names none."""
        if token.lower_ != "it" or token.dep_ not in ("dobj", "dative", "pobj"):
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        own = {t.idx for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        first = bisect.bisect_left(self.starts, token.sent.start_char)
        for mention in reversed(self.mentions[first : bisect.bisect_left(self.starts, token.idx)]):
            if mention.actor_id is None or mention.label == "PERSON" or mention.start in own:
                continue
            end = token.idx + len(token.text)
            target = self.kb.target_of_actor(mention.actor_id)
            if target is not None:
                return TargetHit(token.idx, end, token, target.name, target.id, mention)
            name, actor_id = actor_target(mention, self.kb)
            return TargetHit(token.idx, end, token, name, actor_id, mention)
        return None

    def _subject(self, mention: Mention) -> bool:
        """Whether a mention heads a clause's subject."""
        root = self._root(mention.start, mention.end)
        return root is not None and root.dep_ in ("nsubj", "nsubjpass")

    def _owned_by_another(self, start: int, target_id: str) -> bool:
        """Whether the alias at ``start`` is qualified by a name that stands for another target
        ("the E.U. Customs Union", "the EU's customs union"): a generic alias then names that
        other body's union, not this target (error kind other-target: the EU's customs union
        in a Brexit report read as Eurasian integration)."""
        at = bisect.bisect_left(self.starts, start) - 1
        if at < 0:
            return False
        before = self.mentions[at]
        gap = text_of(self.doc)[before.end : start]
        if gap not in (" ", "'s ", "’s ", "-"):
            return False
        owner = self.kb.target_of_actor(before.actor_id)
        return owner is not None and owner.id != target_id

    def taken_up(self, noun: str, char: int):  # noqa: ANN201 - a kb Target or None
        """What "the <noun>" at ``char`` takes up: what the document's first "the <noun>" took
        up (the last KB target named before it), since a report keeps one sense of "the union"
        throughout; naming a second union in passing ("its agreement with the European Union")
        does not make it "the union" (error kind other-target: "would remain in the union" read
        as the last union named, not the one the report is about)."""
        text = text_of(self.doc)
        for match in _FIRST_REFERENCE.finditer(text[: char + len(noun)]):
            if match.group(1) == noun:
                return self.last_target_before(match.start(1))
        return self.last_target_before(char)

    def last_target_before(self, char: int):  # noqa: ANN201 - a kb Target or None
        """The last KB target named (by alias or actor) before ``char`` in the document."""
        best: tuple[int, str] | None = None
        for mention in self.mentions:
            if mention.start >= char:
                break
            target = self.kb.target_of_actor(mention.actor_id)
            if target is not None and self._owned_by_another(mention.start, target.id):
                continue
            if target is not None:
                best = (mention.start, target.id)
        if self.pattern is not None:
            for match in self.pattern.finditer(text_of(self.doc)[:char]):
                if best is None or match.start() > best[0]:
                    target = self.kb.target(match.group(0))
                    if target is not None:
                        best = (match.start(), target.id)
        return None if best is None else self.kb.targets[best[1]]
