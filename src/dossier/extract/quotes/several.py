"""Several speakers as one, and groups: who "Putin and Merkel said", "the two leaders" and
"analysts" are.

- **Conjoined names**: a cue's subject that coordinates people ("Vladimir Putin and Angela
  Merkel said") is every one of them, in the text's order.
- **A counted group**: "the two leaders", "both presidents", "two opposition senators" is the
  people the text names together in as many words, in the subject's sentence or the one before
  or after it ("... between Putin and Merkel, the two leaders stressed ...", "Two senators said
  ... Senators Ann Roe and Bo Lee wrote ...").
- **A group**: a plural common noun no mention covers ("analysts", "Kremlin critics") is kept
  as its words and marked a group.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dossier.extract import document
from dossier.extract.quotes.speakers import MentionIndex, Speaker, phrase_tokens

#: Counting words that make a plural subject a set number of people.
_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "pair": 2}
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _person_at(token: Token, index: MentionIndex) -> str | None:
    """The person named by the phrase ``token`` heads: a PERSON mention over the token."""
    for mention in index.covering(token.idx, token.idx + len(token.text)):
        if mention.label == "PERSON":
            return mention.actor
    return None


def _conjoined_people(token: Token, index: MentionIndex) -> tuple[str, ...]:
    """The people ``token`` and its coordinated words name, when every one is a person."""
    words = sorted([token, *token.conjuncts], key=lambda t: t.i)
    people = [_person_at(t, index) for t in words]
    if len(people) < 2 or any(p is None for p in people):
        return ()
    return tuple(dict.fromkeys(p for p in people if p is not None))


def _count_of(head: Token) -> int | None:
    """How many people a plural subject counts ("the two leaders", "both sides": 2)."""
    if head.tag_ not in _PLURAL_TAGS and head.lower_ != "pair":
        return None
    for child in head.children:
        count = _COUNTS.get(child.lower_)
        if count is not None and child.dep_ in ("nummod", "det", "predet", "quantmod"):
            return count
    return _COUNTS.get(head.lower_)


def _named_sets(sentence: Span, index: MentionIndex) -> list[tuple[int, tuple[str, ...]]]:
    """Each set of coordinated people named in ``sentence``: (character, the people)."""
    found = []
    for token in sentence:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue  # a set is read once, from its first word
        people = _conjoined_people(token, index)
        if people:
            found.append((token.idx, people))
    return found


def _counted_set(doc: Doc, head: Token, count: int, index: MentionIndex) -> tuple[str, ...]:
    """The nearest set of ``count`` people named in ``head``'s sentence (before it), the one
    before, or the one after."""
    sentence = head.sent
    nearby = [sentence]
    if sentence.start > 0:
        nearby.append(doc[sentence.start - 1].sent)
    if sentence.end < len(doc):
        nearby.append(doc[sentence.end].sent)
    candidates = [
        (abs(at - head.idx), people)
        for near in nearby
        for at, people in _named_sets(near, index)
        if len(people) == count and (near != sentence or at < head.idx)
    ]
    return min(candidates)[1] if candidates else ()


def several_speakers(doc: Doc, head: Token, speaker: Speaker, index: MentionIndex) -> Speaker:
    """``speaker`` (the phrase ``head`` heads) with every person it stands for, when it names
    several (``actors``), or marked a group when it is a plural common noun no one is named
    for."""
    people = _conjoined_people(head, index)
    if people:
        last = max([head, *head.conjuncts], key=lambda t: t.i)
        end = doc[phrase_tokens(last)[1] - 1]
        return replace(
            speaker,
            text=document.text_of(doc)[speaker.start : end.idx + len(end.text)],
            end=end.idx + len(end.text),
            actors=people,
        )
    if speaker.mention is not None and speaker.mention.label == "PERSON":
        return speaker
    count = _count_of(head)
    if count is not None:
        people = _counted_set(doc, head, count, index)
        if people:
            return replace(speaker, actors=people)
    if speaker.mention is None and head.tag_ == "NNS":
        return replace(speaker, group=True)
    return speaker
