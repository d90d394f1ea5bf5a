"""The words of a cue's own phrase: where the medium and the time of a saying are read.

``Putin told Rossiya-24 on Friday that ...``: the phrase is the cue verb with its subject, its
objects and its prepositional phrases ("told", "Putin", "Rossiya-24", "on Friday"), and a
participle clause of speaking before it ("Speaking on state television, X said"). It leaves out
what the cue reports (its clausal complement, the quotation's marks and content), clauses on a
noun ("Putin, who was in Minsk on Monday, said"), and "according to X", which names who
reported the words, not how they were said. For ``according to X`` the phrase is X's own.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from dossier.extract.quotes.frames import Cue
from dossier.extract.quotes.vocabulary import cue_lemma

#: Dependents whose words belong to another clause than the cue's.
_OTHER_CLAUSE = frozenset(
    {"ccomp", "xcomp", "parataxis", "relcl", "acl", "conj", "cc", "csubj", "advcl", "mark"}
)
#: Participles of speaking whose clause before a cue says how ("Speaking on television, ...").
_SPEAKING = frozenset({"speaking", "appearing", "writing", "talking", "addressing", "posting"})


def cue_token(doc: Doc, cue: Cue) -> Token | None:
    """The cue's head word: the verb ("told", "shot" of "shot back"), or "according"."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def _walk(token: Token, outside: Callable[[Token], bool], words: list[Token]) -> None:
    """``token`` and its dependents, not entering another clause or an ``outside`` word."""
    todo = [token]
    while todo:
        current = todo.pop()
        if outside(current):
            continue
        words.append(current)
        for child in current.children:
            if child.dep_ in _OTHER_CLAUSE and not _speaking_clause(child):
                continue
            if child.lower_ == "according":
                continue  # "said, according to Interfax": who reported it
            todo.append(child)


def _speaking_clause(token: Token) -> bool:
    return token.dep_ == "advcl" and (
        token.lower_ in _SPEAKING or cue_lemma(token.text) is not None
    )


def cue_phrase(
    doc: Doc, cue: Cue, content: tuple[int, int], quoted: list[tuple[int, int]]
) -> list[Token]:
    """The words of ``cue``'s phrase in text order (see the module doc).

    content: the quote's characters (not part of the phrase, unless the cue is inside them,
    as in a split quote); quoted: every quotation's characters, marks included.
    """
    head = cue_token(doc, cue)
    if head is None:
        return []
    if head.lower_ == "according":
        if cue.subject is None:
            return []
        head = cue.subject
    elif cue_lemma(head.text) is None and head.pos_ not in ("VERB", "AUX", "ADP"):
        return []  # a colon or dash frame: no phrase to read ("In X's manifesto:" is one)
    start, end = content
    if start <= cue.start < end:
        start = end  # a split quote holds its frame: only the marks keep words out

    # The quotations as sorted disjoint ranges, so that a word is placed by bisection: the
    # walk asks of every word of the phrase, and a document may hold dozens of quotations.
    ranges = _union(quoted)
    firsts = [a for a, _ in ranges]

    def outside(token: Token) -> bool:
        idx = token.idx
        if start <= idx < end:
            return True
        at = bisect.bisect_right(firsts, idx) - 1
        return at >= 0 and idx < ranges[at][1]

    words: list[Token] = []
    _walk(head, outside, words)
    # "went on television to say ...": the verb the cue hangs on carries the phrase.
    if (
        head.dep_ in ("xcomp", "advcl")
        and head.head is not head
        and cue_lemma(head.head.text) is None
    ):
        for child in head.head.children:
            if child.dep_ in ("prep", "npadvmod", "dobj"):
                _walk(child, outside, words)
    return sorted({t.i: t for t in words}.values(), key=lambda t: t.i)


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The characters of ``ranges`` (half-open) as sorted, disjoint ranges."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[0] < r[1]):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged
