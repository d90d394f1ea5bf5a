"""Statements: the same quote carried by several documents, grouped as one statement.

A corpus-level stage over stored quotes (the driver is ``drivers/statements.py``), as
near-duplicate stories are over documents. Outlets copy a wire's quote whole, trim it to the
sentence they need, fix a word or the punctuation, change straight marks for curly ones; a
reader wants the statement once, with the documents that carried it and where it appeared first.

Two quotes are copies of one statement when their speakers agree (the same actor, or one side
unresolved: an outlet that wrote "he said" still carried Putin's words) and, once normalised
(case, punctuation, quotation marks and whitespace gone, words kept in order):

- their words are the same (any length from ``MIN_EXACT_WORDS``), or
- the shorter has ``MIN_FUZZY_WORDS`` words or more and at least ``MIN_COVERAGE`` of them
  appear in the longer, in order, in runs of ``MIN_RUN_WORDS`` words or more, within a stretch
  not much longer than the shorter quote: trimmed copies (one a sub-span of the other) cover
  all of it, a lightly edited one most of it.

Comparing every pair of quotes would grow with the square of the corpus. Candidates come from
blocks instead: quotes are indexed by (speaker, word shingle), and a quote is compared only
with those that share a shingle of ``MIN_RUN_WORDS`` words with it under its own speaker or an
unresolved one. Any pair that passes the test above shares such a shingle, so blocking loses
none. Groups are then joined pair by pair, best match first, and never so that one statement
would hold two different resolved speakers (an unresolved copy close to both a Putin and a
Medvedev quote joins the closer one).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

#: Fewest normalised words two quotes must share, identically, to be one statement.
MIN_EXACT_WORDS = 2
#: Fewest words the shorter quote needs before a trimmed or edited copy counts.
MIN_FUZZY_WORDS = 5
#: Words of the shorter quote found in the longer, in order, for a trimmed or edited copy.
MIN_COVERAGE = 0.8
#: Shortest run of words in common that counts toward the coverage, and the shingle size that
#: blocks candidates: a run of three words is wording, not chance ("of the", "we will").
MIN_RUN_WORDS = 3
#: How much longer than the shorter quote the matched stretch of the longer may be.
MAX_STRETCH = 1.5

# Words, with apostrophes inside them kept ("don't", "Russia's"): quotation marks, dashes and
# all other punctuation go, so "Putin's" and “Putin’s” are the same word.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_WORD = re.compile(r"\w+(?:'\w+)*", re.UNICODE)


def statement_words(text: str) -> tuple[str, ...]:
    """``text`` as the words a statement is compared by: case-folded, compatibility-normalised
    (ligatures, full-width forms), without punctuation or quotation marks."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return tuple(_WORD.findall(folded))


@dataclass(frozen=True)
class QuoteCopy:
    """One stored quote, as the grouping reads it.

    fact_id: the quote's fact id. doc_id: its document.
    order: the document's place in the store (earlier stored, smaller), to order copies of
        one date.
    date: the document's publication date (ISO, any precision), None when undated.
    outlet: the document's outlet, None when unknown.
    start: the quote's first character in the document, to order copies in one document.
    text: the quote's content as written.
    speaker_actor_id: the speaker's KB id; None when unresolved (NIL, a group, no speaker).
    speaker_actor: the speaker's canonical name, or the words of an unresolved one.
    """

    fact_id: str
    doc_id: str
    order: int
    date: str | None
    outlet: str | None
    start: int
    text: str
    speaker_actor_id: str | None = None
    speaker_actor: str | None = None

    def appearance(self) -> tuple[bool, str, int, str, int]:
        """Sort key of first appearance: dated before undated, earliest date, then the order
        documents were stored in, then position in the document."""
        return (self.date is None, self.date or "", self.order, self.doc_id, self.start)


@dataclass(frozen=True)
class Statement:
    """One statement and every stored quote that carries it.

    statement_id: the fact id of its first appearance.
    copies: its quotes in order of appearance; the first is the first appearance.
    speaker_actor_id, speaker_actor: the resolved speaker shared by its copies, or (with none
        resolved) the first copy's unresolved speaker.
    """

    statement_id: str
    copies: tuple[QuoteCopy, ...]
    speaker_actor_id: str | None
    speaker_actor: str | None

    @property
    def first(self) -> QuoteCopy:
        return self.copies[0]

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents carrying it, in order of first appearance, each once."""
        return tuple(dict.fromkeys(copy.doc_id for copy in self.copies))

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets carrying it, in order of first appearance, each once (unknown left out)."""
        return tuple(dict.fromkeys(copy.outlet for copy in self.copies if copy.outlet))


def copy_similarity(shorter: Sequence[str], longer: Sequence[str]) -> float:
    """How much of ``shorter`` (words) ``longer`` carries: the share of its words found in
    ``longer`` in order, in runs of ``MIN_RUN_WORDS`` or more, within a stretch at most
    ``MAX_STRETCH`` times its length; 0 when below ``MIN_FUZZY_WORDS`` words and not equal."""
    if tuple(shorter) == tuple(longer):
        return 1.0 if len(shorter) >= MIN_EXACT_WORDS else 0.0
    if len(shorter) < MIN_FUZZY_WORDS:
        return 0.0
    matcher = SequenceMatcher(None, shorter, longer, autojunk=False)
    runs = [run for run in matcher.get_matching_blocks() if run.size >= MIN_RUN_WORDS]
    if not runs:
        return 0.0
    covered = sum(run.size for run in runs)
    stretch = runs[-1].b + runs[-1].size - runs[0].b
    if stretch > MAX_STRETCH * len(shorter):
        return 0.0
    return covered / len(shorter)


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(words) < MIN_RUN_WORDS:
        return {words} if words else set()
    return {words[i : i + MIN_RUN_WORDS] for i in range(len(words) - MIN_RUN_WORDS + 1)}


def candidate_pairs(
    words: Sequence[tuple[str, ...]], speakers: Sequence[str | None]
) -> set[tuple[int, int]]:
    """Pairs (i < j) of quotes that may be copies: they may share a speaker (the same resolved
    one, or at least one unresolved) and share enough shingles to pass ``copy_similarity``.

    A pair that passes has ``MIN_COVERAGE`` of the shorter quote's n words in runs of at least
    ``MIN_RUN_WORDS``; each run of r words is r - 2 shared shingles, so together they are at
    least a third of the covered words. Pairs sharing fewer are dropped before any comparison.

    words: each quote's normalised words. speakers: each quote's resolved speaker id or None.
    """
    index: dict[tuple[str | None, tuple[str, ...]], list[int]] = defaultdict(list)
    for i, (quote_words, speaker) in enumerate(zip(words, speakers, strict=True)):
        for shingle in _shingles(quote_words):
            index[(speaker, shingle)].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for (speaker, shingle), holders in index.items():
        # Under one key: same speaker (or both unresolved). A resolved key meets the
        # unresolved quotes of the same shingle too.
        others = index.get((None, shingle), []) if speaker is not None else []
        for position, i in enumerate(holders):
            for j in holders[position + 1 :]:
                shared[(i, j) if i < j else (j, i)] += 1
            for j in others:
                if i != j:
                    shared[(i, j) if i < j else (j, i)] += 1
    return {
        (i, j)
        for (i, j), count in shared.items()
        if count >= _shingles_needed(min(len(words[i]), len(words[j])))
    }


def _shingles_needed(words: int) -> int:
    """Fewest shingles two quotes share when the shorter, of ``words`` words, may be a copy."""
    if words < MIN_FUZZY_WORDS:
        return 1  # only an identical quote is a copy: it shares its one shingle or all
    return max(1, math.ceil(MIN_COVERAGE * words / MIN_RUN_WORDS))


class _Groups:
    """Union-find over quotes, each group knowing its one resolved speaker (if any)."""

    def __init__(self, speakers: Sequence[str | None]) -> None:
        self._parent = list(range(len(speakers)))
        self._speaker = list(speakers)

    def find(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        sa, sb = self._speaker[a], self._speaker[b]
        if sa is not None and sb is not None and sa != sb:
            return  # two resolved speakers: not one statement
        root, child = (a, b) if a < b else (b, a)
        self._parent[child] = root
        self._speaker[root] = sa if sa is not None else sb


def group_statements(quotes: Iterable[QuoteCopy]) -> list[Statement]:
    """Every quote's statement: copies grouped, each group in order of appearance, the groups
    ordered by their first appearance. A quote with no copy is a statement of its own.

    quotes: stored quotes of any number of documents.
    """
    ordered = sorted(quotes, key=QuoteCopy.appearance)
    words = [statement_words(copy.text) for copy in ordered]
    speakers = [copy.speaker_actor_id for copy in ordered]
    matches: list[tuple[float, int, int]] = []
    for i, j in candidate_pairs(words, speakers):
        shorter, longer = sorted((words[i], words[j]), key=len)
        similarity = copy_similarity(shorter, longer)
        if similarity >= MIN_COVERAGE:
            matches.append((similarity, i, j))
    groups = _Groups(speakers)
    # Best match first, then earliest: an unresolved copy joins the speaker it is closest to.
    for _, i, j in sorted(matches, key=lambda match: (-match[0], match[1], match[2])):
        groups.join(i, j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        members[groups.find(i)].append(i)
    statements = []
    for root in sorted(members):  # the root is the group's earliest quote
        copies = tuple(ordered[i] for i in members[root])
        resolved = next((c for c in copies if c.speaker_actor_id is not None), copies[0])
        statements.append(
            Statement(
                statement_id=copies[0].fact_id,
                copies=copies,
                speaker_actor_id=resolved.speaker_actor_id,
                speaker_actor=resolved.speaker_actor,
            )
        )
    return statements
