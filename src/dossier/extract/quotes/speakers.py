"""Who a cue verb's speaker is: the phrase in the text, and the actor the linker gave it.

The subject of a speech verb is trimmed to its noun phrase (no relative clause, no trailing
apposition: "Tatyana Shakhova, a young demonstrator holding a sign" is "Tatyana Shakhova").
When the subject names no one but its apposition does ("one of the organizers, Gennady
Gudkov"), the apposition is the speaker. The actor is the linker's ``Mention`` over the
phrase's head word (the linker has already resolved names, roles, surnames and pronouns); a
phrase no mention covers ("analysts", "a senior US official") is kept as its own words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dossier.extract.quotes.vocabulary import cue_lemma
from dossier.model import Mention

#: Dependents that stay inside a speaker's noun phrase.
_PHRASE_DEPS = frozenset(
    {"compound", "amod", "det", "poss", "nmod", "flat", "nummod", "case", "quantmod", "nn"}
)
_DETERMINERS = frozenset({"a", "an", "the"})
_LEADING_MARKS = re.compile(r"^\W+")
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "him", "her", "them"})


@dataclass(frozen=True)
class Speaker:
    """A speaker as the text names it and as the linker resolved it.

    start, end: characters of the phrase; text: the phrase.
    actor: the canonical name (the mention's actor, else the phrase without its article);
    actor_id: the KB id, None for NIL or a group; mention: the linker's mention, if any.
    actors, group: see ``several.several_speakers``.
    """

    text: str
    start: int
    end: int
    actor: str
    actor_id: str | None
    mention: Mention | None
    actors: tuple[str, ...] = ()  # every person, when the phrase names several
    group: bool = False  # a group spoken of as one ("analysts")


class MentionIndex:
    """The linker's mentions of one document, found by character."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]

    def covering(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping characters ``start:end``, in text order."""
        first = max(bisect.bisect_right(self.starts, start) - 8, 0)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            if mention.end > start:
                found.append(mention)
        return found


def phrase_tokens(head: Token) -> tuple[int, int]:
    """Token bounds (start, end) of ``head``'s noun phrase: its modifiers, not its clauses."""
    left = head.i
    right = head.i
    todo = [head]
    while todo:
        token = todo.pop()
        for child in token.children:
            if child.dep_ in _PHRASE_DEPS or (
                child.dep_ == "prep" and child.i > head.i and child.text.lower() == "of"
            ):
                todo.append(child)
                left = min(left, child.i)
                right = max(right, child.right_edge.i if child.dep_ == "prep" else child.i)
    # A mark or dash the parser hung on a name ('"...”― Ana Ruiz') is not the name's.
    doc = head.doc
    while left < head.i and doc[left].is_punct:
        left += 1
    return left, right + 1


def _person_of(mentions: list[Mention], head: Token) -> Mention | None:
    """The mention over ``head``, else the only one over a phrase headed by a name. A name
    that only modifies a common noun is not the speaker: "a NATO diplomat" is a diplomat."""
    for mention in mentions:
        if mention.start <= head.idx < mention.end:
            return mention
    if head.pos_ != "PROPN":
        return None
    return mentions[0] if len(mentions) == 1 else None


def speaker_of(doc: Doc, head: Token, index: MentionIndex) -> Speaker:
    """The speaker whose phrase is headed by ``head`` (a cue verb's subject)."""
    start, end = phrase_tokens(head)
    span = doc[start:end]
    own = _person_of(index.covering(span.start_char, span.end_char), head)
    if own is None or own.label != "PERSON":
        # "one of the organizers, Gennady Gudkov", "the Kremlin's spokesman, Dmitry Peskov":
        # a person named in the subject's apposition is the speaker.
        # The parser reads the comma'd name as an apposition or, with no "and", a conjunct.
        listed = any(c.dep_ == "cc" for c in head.children)
        for token in head.subtree:
            if token.i < head.i or not (
                token.dep_ == "appos" or (token.dep_ == "conj" and not listed)
            ):
                continue
            a_start, a_end = phrase_tokens(token)
            a_span = doc[a_start:a_end]
            named = _person_of(index.covering(a_span.start_char, a_span.end_char), token)
            if named is not None and named.label == "PERSON":
                return _speaker(a_span, named)
    return _speaker(span, own)


def is_person(speaker: Speaker) -> bool:
    """Whether ``speaker`` names a person: a linked person, or a capitalised name the linker
    left alone (NIL)."""
    if speaker.mention is not None:
        return speaker.mention.label == "PERSON"
    words = speaker.text.split()
    return bool(words) and all(w[:1].isupper() for w in words) and words[0].lower() not in PRONOUNS


def by_surname(speaker: Speaker, earlier: list[Speaker], index: MentionIndex) -> Speaker:
    """A bare surname the linker left unresolved ("Danilov") as the person named in full
    before ("Valentin Danilov"): the latest earlier speaker or person mention of that name.
    A bare first name ("Azza" after "Azza Olynik") is read the same way: feature stories call
    ordinary people by their first names once they have been introduced."""
    linked = speaker.mention is not None and (
        speaker.mention.actor_id is not None or len(speaker.mention.actor.split()) > 1
    )
    if linked or len(speaker.text.split()) != 1:
        return speaker
    surname = speaker.text.lower()
    # The earlier speakers, latest first, then the person and organisation mentions that end
    # before the speaker, latest first: each read as (actor, actor id, mention, is a person),
    # without a ``Speaker`` built for every mention at every call (a pass over the document's
    # mentions per bare name).
    people = index.mentions[: bisect.bisect_right(index.starts, speaker.start)]
    candidates = [(b.actor, b.actor_id, b.mention, b) for b in reversed(earlier)]
    candidates += [
        (m.actor, m.actor_id, m, None)
        for m in reversed(people)
        if m.label in ("PERSON", "ORG") and m.end <= speaker.start
    ]
    for position in (-1, 0):  # a surname first; a first name only when no surname fits
        for actor, actor_id, mention, before in candidates:
            names = actor.split()
            if len(names) < 2 or names[position].lower() != surname:
                continue
            # A NIL name the tagger called an organisation is still a full name here.
            nil = mention is not None and mention.actor_id is None
            person = is_person(before) if before is not None else mention.label == "PERSON"
            if person or nil:
                return Speaker(speaker.text, speaker.start, speaker.end, actor, actor_id, mention)
    return speaker


def _speaker(span, mention: Mention | None) -> Speaker:  # noqa: ANN001 - a spaCy Span
    text = span.text
    if mention is not None:
        actor = mention.actor
        if mention.actor_id is None:
            # A NIL name the tagger took with the mark or dash glued before it ('”― Ana'),
            # or with the cue verb of an inverted frame ('Said Ruiz:').
            actor = _LEADING_MARKS.sub("", actor) or actor
            first, _, rest = actor.partition(" ")
            if rest and mention.start < span.start_char and cue_lemma(first) is not None:
                actor = rest
        return Speaker(text, span.start_char, span.end_char, actor, mention.actor_id, mention)
    words = text.split()
    if words and words[0].lower() in _DETERMINERS and len(words) > 1:
        words = words[1:]
    return Speaker(text, span.start_char, span.end_char, " ".join(words), None, None)


#: Abbreviated titles as a role phrase spells them out ("Sen. Kaine" ... "the senator").
_TITLE_ABBREVIATIONS = {
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "gen.": "general",
    "sec.": "secretary",
    "amb.": "ambassador",
    "lt.": "lieutenant",
    "col.": "colonel",
}
_ROLE_REACH = 60  # characters before or after a name where its title or apposition stands


def _role_words(text: str) -> list[str]:
    return [_TITLE_ABBREVIATIONS.get(w, w) for w in text.lower().replace(",", " ").split()]


def by_role(speaker: Speaker, index: MentionIndex, text: str) -> Speaker:
    """A role phrase the linker left unresolved ("the former vice president") as the person
    the text gave that title or apposition before ("former Vice President Joe Biden", "Joe
    Biden, the former vice president"): the latest such person."""
    if speaker.mention is not None and speaker.mention.label == "PERSON":
        return speaker
    words = speaker.text.split()
    if len(words) < 2 or len(words) > 5 or words[0].lower() != "the":
        return speaker
    role = words[1:]
    if not all(w.isalpha() or "-" in w for w in role) or any(w[:1].isupper() for w in role[1:]):
        return speaker
    wanted = [w.lower() for w in role]
    for mention in reversed(index.mentions):
        # A NIL name the tagger called an organisation may still be a person's name.
        nil_name = mention.actor_id is None and mention.label == "ORG"
        if mention.end > speaker.start or not (mention.label == "PERSON" or nil_name):
            continue
        before = _role_words(text[max(mention.start - _ROLE_REACH, 0) : mention.start])
        after = _role_words(text[mention.end : mention.end + _ROLE_REACH])
        # The title may stand inside the mention ("Former Prime Minister Mykola Azarov").
        title = " ".join(["", *before[-len(wanted) :], *_role_words(mention.text), ""])
        titled = f" {' '.join(wanted)} " in title
        apposed = any(after[i : i + len(wanted)] == wanted for i in (1, 2)) and bool(
            text[mention.end : mention.end + 2].startswith(",")
        )
        if titled or apposed:
            return Speaker(
                speaker.text, speaker.start, speaker.end, mention.actor, mention.actor_id, mention
            )
    return speaker


def subject_before(
    doc: Doc, char: int, index: MentionIndex, since: int, quoted: list[tuple[int, int]]
) -> Speaker | None:
    """The person who is the subject of the sentence before character ``char`` (where a
    quotation with no frame of its own opens), back to character ``since``: 'Sen. Ann Roe
    identified the cost as the issue. "Nobody will pay that."' is Roe's. Sentences with no
    subject (a heading, a line of an advertisement) are passed over; a sentence that is
    itself quoted, or whose subject names no person, ends the search."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    sentence = span[0].sent
    while sentence.start > 0:
        sentence = doc[sentence.start - 1].sent
        if sentence.end_char <= since:
            return None
        if any(start <= sentence.root.idx < end for start, end in quoted):
            return None
        subjects = [c for c in sentence.root.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        speaker = speaker_of(doc, subjects[0], index)
        named = speaker.mention is not None and speaker.mention.label == "PERSON"
        return speaker if named else None
    return None
