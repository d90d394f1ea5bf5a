"""Statements: the same quote carried by several documents, grouped as one statement.

A corpus-level stage over stored quotes (the driver is ``drivers/statements.py``), as
near-duplicate stories are over documents. Outlets copy a wire's quote whole, trim it to the
sentence they need, fix a word or the punctuation, change straight marks for curly ones; a
reader wants the statement once, with the documents that carried it and where it appeared first.

Quotes are compared by their words, normalised: case, punctuation, quotation marks, whitespace
and the "that" opening reported speech gone, words kept in order. Their speakers must agree:
the same KB actor, the same name for a speaker the KB lacks ("Stipanovich", "analysts"), or one
side unresolved (no speaker, or a pronoun: an outlet that wrote "he said" still carried Putin's
words). Then, in two passes:

1. Copies: two quotes are one statement when their words are the same (``MIN_EXACT_WORDS`` or
   more), or when the shorter has ``MIN_EDITED_WORDS`` words or more and at least
   ``MIN_COVERAGE`` of them appear in the longer, in order, in runs of ``MIN_RUN_WORDS`` or
   more, within a stretch not much longer than the shorter: a long trimmed copy covers all of
   it, a lightly edited one most of it. These join transitively, best match first, and never
   so that one statement holds two speakers.
2. Trimmed fragments: a statement whose copies are all shorter than that ("stab in the back",
   a partial quote) joins the one statement whose words contain it, contiguously. Found in
   several, it joins them all only when they are one speaker's, first carried within
   ``FRAGMENT_DAYS`` days (one remark quoted in several framings); otherwise none: a phrase
   a speaker uses every year never makes two of his statements one.

Comparing every pair of quotes would grow with the square of the corpus. Candidates come from
blocks instead: quotes are indexed by (speaker, three-word shingle), a quote meets only those of
its own speaker or an unresolved one, and a pair is compared only when it shares as many
shingles as a passing pair must. No pair that would pass is lost (a test checks this).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

#: Fewest normalised words two quotes must share, identically, to be one statement.
MIN_EXACT_WORDS = 2
#: Fewest words the shorter quote needs before an edited copy (or a trimmed one, in the first
#: pass) counts: below that, a few words in common are as likely a shared phrase.
MIN_EDITED_WORDS = 10
#: Fewest words of a fragment joined to the one statement containing it; more when a side has
#: no resolved speaker.
MIN_FRAGMENT_WORDS = 3
MIN_UNRESOLVED_FRAGMENT_WORDS = 5
#: A fragment found in several statements of one speaker joins them all when they were first
#: carried within this many days of each other: one remark, quoted in several framings.
FRAGMENT_DAYS = 7
#: Words of the shorter quote found in the longer, in order, for an edited copy.
MIN_COVERAGE = 0.8
#: Shortest run of words in common that counts toward the coverage, and the shingle size that
#: blocks candidates: a run of three words is wording, not chance ("of the", "we will").
MIN_RUN_WORDS = 3
#: How much longer than the shorter quote the matched stretch of the longer may be.
MAX_STRETCH = 1.5

#: Speakers that name nobody: a quote attributed to one of them is unresolved.
UNRESOLVED_SPEAKERS = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "its", "their"}
    | {"this", "that", "who", "which", "what", "one"}
)

# Words, with apostrophes inside them kept ("don't", "Russia's"): quotation marks, dashes and
# all other punctuation go, so "Putin's" and “Putin’s” are the same word.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_WORD = re.compile(r"\w+(?:'\w+)*", re.UNICODE)


def statement_words(text: str) -> tuple[str, ...]:
    """``text`` as the words a statement is compared by: case-folded, compatibility-normalised
    (ligatures, full-width forms), without punctuation or quotation marks, and without the
    "that" opening reported speech ("said that the union ..." carries "the union ...")."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    words = tuple(_WORD.findall(folded))
    return words[1:] if len(words) > 1 and words[0] == "that" else words


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

    def speaker_key(self) -> str | None:
        """Who said it, for comparing speakers: the KB id, else the name the KB lacks, else
        None (no speaker, or a pronoun: unresolved)."""
        if self.speaker_actor_id is not None:
            return self.speaker_actor_id
        name = " ".join((self.speaker_actor or "").casefold().split())
        return None if not name or name in UNRESOLVED_SPEAKERS else f"name:{name}"


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
    ``MAX_STRETCH`` times its length; 0 when below ``MIN_EDITED_WORDS`` words and not equal."""
    if tuple(shorter) == tuple(longer):
        return 1.0 if len(shorter) >= MIN_EXACT_WORDS else 0.0
    if len(shorter) < MIN_EDITED_WORDS:
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


def contains(longer: Sequence[str], fragment: Sequence[str]) -> bool:
    """Whether ``fragment``'s words stand in ``longer``, in a row."""
    return f" {' '.join(fragment)} " in f" {' '.join(longer)} "


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(words) < MIN_RUN_WORDS:
        return {words} if words else set()
    return {words[i : i + MIN_RUN_WORDS] for i in range(len(words) - MIN_RUN_WORDS + 1)}


def candidate_pairs(
    words: Sequence[tuple[str, ...]], speakers: Sequence[str | None]
) -> set[tuple[int, int]]:
    """Pairs (i < j) of quotes that may be copies: they may share a speaker (the same one, or
    at least one unresolved) and share as many shingles as a passing pair must.

    A shorter quote below ``MIN_EDITED_WORDS`` words passes only whole (identical, or
    contained in a row): it shares all its shingles. A longer one passes with ``MIN_COVERAGE``
    of its n words in runs of ``MIN_RUN_WORDS`` or more; a run of r words is r - 2 shingles, so
    it shares at least a third of the covered words.

    words: each quote's normalised words. speakers: each quote's speaker key, None unresolved.
    """
    shingles = [_shingles(quote_words) for quote_words in words]
    index: dict[tuple[str | None, tuple[str, ...]], list[int]] = defaultdict(list)
    for i, speaker in enumerate(speakers):
        for shingle in shingles[i]:
            index[(speaker, shingle)].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for (speaker, shingle), holders in index.items():
        # Under one key: same speaker (or both unresolved). A speaker's key meets the
        # unresolved quotes of the same shingle too.
        others = index.get((None, shingle), []) if speaker is not None else []
        for position, i in enumerate(holders):
            for j in holders[position + 1 :]:
                shared[(i, j) if i < j else (j, i)] += 1
            for j in others:
                if i != j:
                    shared[(i, j) if i < j else (j, i)] += 1

    def needed(i: int, j: int) -> int:
        shorter = i if len(words[i]) <= len(words[j]) else j
        if len(words[shorter]) < MIN_EDITED_WORDS:
            return len(shingles[shorter])
        return math.ceil(MIN_COVERAGE * len(words[shorter]) / MIN_RUN_WORDS)

    return {pair for pair, count in shared.items() if count >= needed(*pair)}


class _Groups:
    """Union-find over quotes, each group knowing its one speaker (if any)."""

    def __init__(self, speakers: Sequence[str | None]) -> None:
        self._parent = list(range(len(speakers)))
        self.speaker = list(speakers)

    def find(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def agree(self, i: int, j: int) -> bool:
        """Whether the groups of ``i`` and ``j`` may be one: not two different speakers."""
        a, b = self.speaker[self.find(i)], self.speaker[self.find(j)]
        return a is None or b is None or a == b

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or not self.agree(a, b):
            return
        root, child = (a, b) if a < b else (b, a)  # the root is the group's earliest quote
        self._parent[child] = root
        self.speaker[root] = self.speaker[a] if self.speaker[a] is not None else self.speaker[b]


def _one_occasion(groups: _Groups, ordered: Sequence[QuoteCopy], roots: set[int]) -> bool:
    """Whether statements (by their earliest quote) are one speaker's words on one occasion:
    the same speaker, first carried within ``FRAGMENT_DAYS`` days of each other. Outlets quote
    one remark in several framings ("called it a stab in the back", "a stab in the back by the
    terrorists' accomplices"); the fragment they share then joins them all."""
    speakers = {groups.speaker[root] for root in roots}
    if len(speakers) != 1 or None in speakers:
        return False
    days = []
    for root in roots:
        try:
            days.append(date.fromisoformat((ordered[root].date or "")[:10]))
        except ValueError:
            return False  # undated, or only a month: no occasion to compare
    return (max(days) - min(days)).days <= FRAGMENT_DAYS


def group_statements(quotes: Iterable[QuoteCopy]) -> list[Statement]:
    """Every quote's statement: copies grouped, each group in order of appearance, the groups
    ordered by their first appearance. A quote with no copy is a statement of its own.

    quotes: stored quotes of any number of documents.
    """
    ordered = sorted(quotes, key=QuoteCopy.appearance)
    words = [statement_words(copy.text) for copy in ordered]
    speakers = [copy.speaker_key() for copy in ordered]
    pairs = candidate_pairs(words, speakers)
    groups = _Groups(speakers)
    # 1. Copies, best match first, then earliest: an unresolved copy joins the speaker it is
    # closest to.
    matches = []
    for i, j in pairs:
        shorter, longer = sorted((words[i], words[j]), key=len)
        similarity = copy_similarity(shorter, longer)
        if similarity >= MIN_COVERAGE:
            matches.append((-similarity, i, j))
    for _, i, j in sorted(matches):
        groups.join(i, j)
    # 2. Fragments: a group of short quotes joins the one group that contains it.
    longest: dict[int, int] = defaultdict(int)
    for i, quote_words in enumerate(words):
        root = groups.find(i)
        longest[root] = max(longest[root], len(quote_words))
    homes: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        for fragment, whole in ((i, j), (j, i)):
            root, target = groups.find(fragment), groups.find(whole)
            if longest[root] >= MIN_EDITED_WORDS or root == target:
                continue
            unresolved = speakers[fragment] is None or speakers[whole] is None
            least = MIN_UNRESOLVED_FRAGMENT_WORDS if unresolved else MIN_FRAGMENT_WORDS
            size = len(words[fragment])
            if (
                size < len(words[whole])
                and size >= least
                and contains(words[whole], words[fragment])
            ) and groups.agree(root, target):
                homes[root].add(target)
    for root, targets in sorted(homes.items()):
        if len(targets) == 1 or _one_occasion(groups, ordered, {root, *targets}):
            for target in sorted(targets):
                groups.join(root, target)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        members[groups.find(i)].append(i)
    statements = []
    for root in sorted(members):
        copies = tuple(ordered[i] for i in members[root])
        resolved = next((c for c in copies if c.speaker_actor_id is not None), None)
        named = next((c for c in copies if c.speaker_key() is not None), copies[0])
        speaker = resolved or named
        statements.append(
            Statement(
                statement_id=copies[0].fact_id,
                copies=copies,
                speaker_actor_id=speaker.speaker_actor_id,
                speaker_actor=speaker.speaker_actor,
            )
        )
    return statements
