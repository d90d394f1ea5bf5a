"""Whom an unresolved "he" or "she" means, and what the text says of each person's gender.

The linker leaves pronouns alone; a quote's "he said" is the person quoted last, unless the
text has shown that person to be of the other gender. The text shows it by an honorific ("Ms.
Kovalchuk"), by a gendered role word in apposition ("Irina Volk, a spokeswoman for ..."), or
by the pronoun it uses in reported speech ("Volk said she ..."): the subject of a clause a
person reports is, in news prose, nearly always that person.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dossier.extract import document
from dossier.extract.char_ranges import CharRanges
from dossier.extract.quotes.speakers import MentionIndex, Speaker, speaker_of
from dossier.extract.quotes.vocabulary import SUBJECT_DEPS

#: Pronouns that tell a man from a woman, and honorifics that do the same.
GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "ms.": "f", "mrs": "f", "ms": "f"}
#: Role words that say a person's gender when they stand in apposition to the name.
_GENDERED_ROLES = {
    "spokeswoman": "f", "congresswoman": "f", "chairwoman": "f", "businesswoman": "f",
    "actress": "f", "wife": "f", "widow": "f", "mother": "f", "daughter": "f", "sister": "f",
    "grandmother": "f", "woman": "f", "queen": "f", "princess": "f",
    "spokesman": "m", "congressman": "m", "businessman": "m", "actor": "m", "husband": "m",
    "widower": "m", "father": "m", "son": "m", "brother": "m", "grandfather": "m", "man": "m",
    "king": "m", "prince": "m",
}  # fmt: skip
_UNSURE = "?"
#: Words of an apposition read for its gendered head ("the party leader's eldest daughter").
_APPOSITION_WORDS = 6


def _vote(genders: dict[str, str], actor: str, gender: str) -> None:
    known = genders.get(actor)
    genders[actor] = gender if known in (None, gender) else _UNSURE


#: Where ``genders_in`` keeps its last answer on a doc: the mentions it read, and the genders.
_GENDERS = "dossier.genders"


def genders_in(doc: Doc, index: MentionIndex) -> dict[str, str]:
    """Each person's gender as the whole text shows it: ``m``, ``f``, or absent. Evidence that
    disagrees leaves the person unknown.

    Read once per doc: the quote, event and stance stages each ask, of the same mentions (the
    linker's); the answer is kept on the doc with the mentions it read, and given again only
    for equal mentions."""
    cached = doc.user_data.get(_GENDERS)
    if cached is not None and cached[0] == index.mentions:
        return dict(cached[1])
    genders = _read_genders(doc, index)
    doc.user_data[_GENDERS] = (list(index.mentions), genders)
    return dict(genders)


def _read_genders(doc: Doc, index: MentionIndex) -> dict[str, str]:
    genders: dict[str, str] = {}
    text = document.text_of(doc)
    for mention in index.mentions:
        if mention.label != "PERSON":
            continue
        before = text[max(mention.start - 5, 0) : mention.start].split()
        if before and before[-1].lower() in _HONORIFICS:
            _vote(genders, mention.actor, _HONORIFICS[before[-1].lower()])
        after = text[mention.end : mention.end + 60]
        if after.startswith(", "):
            # "Marina Petrova, a spokeswoman for ...": the apposition's head word.
            for word in after[2:].split()[:_APPOSITION_WORDS]:
                role = _GENDERED_ROLES.get(word.strip(",.").lower())
                if role is not None:
                    _vote(genders, mention.actor, role)
                    break
    # The word first: it rules out nearly every token, without building it or reading the parse.
    for i in document.token_indices(doc, "LOWER", ("he", "she", "his", "her")):
        token = doc[i]
        if token.lower_ in ("he", "she") and token.dep_ in SUBJECT_DEPS:
            if token.head.dep_ != "ccomp":
                continue
            reporter = token.head.head  # "Volk said she ...": the reporter's subject is "she"
            if reporter.i > token.i:
                continue  # '"He shouted," Volk said': the pronoun is in the quotation
        elif token.lower_ in ("his", "her") and token.dep_ == "poss":
            # "Yovanovitch sat during her meeting with ...": a possessive in the clause of a
            # person who is its subject.
            reporter = token.head
            while reporter.pos_ not in ("VERB", "AUX") and reporter.head.i != reporter.i:
                reporter = reporter.head
        else:
            continue
        person = _subject_person(reporter, token, index)
        if person is not None:
            _vote(genders, person, {**GENDER, "his": "m"}[token.lower_])
    return {actor: g for actor, g in genders.items() if g != _UNSURE}


def _subject_person(verb: Token, pronoun: Token, index: MentionIndex) -> str | None:
    """The person who is ``verb``'s subject, before ``pronoun`` with no other person between
    them ('Volk told Petrenko he ...': "he" may be Petrenko); None otherwise."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i]
    if not subjects:
        return None
    subject = subjects[0]
    people = [m for m in index.covering(subject.idx, subject.idx + 1) if m.label == "PERSON"]
    if not people:
        return None
    between = index.covering(people[0].end, pronoun.idx)
    if any(m.label == "PERSON" and m.start >= people[0].end for m in between):
        return None
    return people[0].actor


def _gender_of(person: Speaker, genders: dict[str, str], text: str) -> str | None:
    """The pronoun the text used for ``person``, or the honorific before its name."""
    known = genders.get(person.actor)
    if known is None:
        words = text[max(person.start - 5, 0) : person.end].split()
        known = next((_HONORIFICS[w.lower()] for w in words if w.lower() in _HONORIFICS), None)
    return known


def resolve_pronoun(
    pronoun: Speaker,
    quoted: list[Speaker],
    index: MentionIndex,
    after: int,
    genders: dict[str, str],
    text: str,
    quotations: Sequence[tuple[int, int]] = (),
) -> Speaker | None:
    """Whom an unresolved "he" or "she" means: the person quoted last (``quoted``), else the
    person named last since character ``after``; one the text already called by the other
    pronoun is passed over. A person named inside a quotation (``quotations``, character
    ranges) is someone the speaker talked about, not a speaker the narrative can point back
    to."""
    wanted = GENDER.get(pronoun.text.lower())
    named = []
    in_quotations = CharRanges(quotations)
    for mention in reversed(index.mentions):
        if mention.start < after:
            break
        # The cheap tests first: most mentions are not people named before the pronoun.
        if mention.end > pronoun.start or mention.label != "PERSON":
            continue
        if mention.start not in in_quotations:
            named.append(
                Speaker(mention.text, mention.start, mention.end, mention.actor,
                        mention.actor_id, mention)
            )  # fmt: skip
    candidates = [*quoted, *named]
    # One the text has shown to be of the pronoun's gender comes before one it says nothing of.
    for person in candidates:
        if wanted is not None and _gender_of(person, genders, text) == wanted:
            return person
    for person in candidates:
        known = _gender_of(person, genders, text)
        if wanted is None or known is None or known == wanted:
            return person
    return None


#: Verbs of answering: their pronoun subject is the person the last question was put to.
REPLY_VERBS = frozenset({"respond", "reply", "answer", "retort", "counter"})


def addressee_of(doc: Doc, cue_start: int, index: MentionIndex) -> Speaker | None:
    """The person a cue verb's quotation was put to ("Hrytsenko asked Savchuk"), if the text
    names one as its object."""
    span = doc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
    if span is None:
        return None
    for child in span.root.children:
        if child.dep_ not in ("dobj", "dative", "obj"):
            continue
        people = [m for m in index.covering(child.idx, child.idx + 1) if m.label == "PERSON"]
        if people:
            m = people[0]
            return Speaker(m.text, m.start, m.end, m.actor, m.actor_id, m)
        if child.pos_ == "PROPN":
            return speaker_of(doc, child, index)  # a name the linker did not take up
    return None
