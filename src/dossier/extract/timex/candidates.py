"""Candidates: every pattern's matches in a text, settled longest first into non-overlapping
spans.

A pattern runs only where its trigger word (``patterns._TRIGGERS``) occurs: it is tried at the
starts of the few words before each occurrence, in text order, as ``finditer`` would meet them,
so the matches are exactly those of ``finditer`` over the whole text, found without trying
every character. A text whose lower-casing changes its length (a dotted capital I) is searched
whole.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from dossier.extract.timex.patterns import _PATTERN_SOURCES, _PATTERNS, _TRIGGERS


@dataclass
class _Candidate:
    name: str
    start: int
    end: int
    match: re.Match[str]
    prefix_mod: str | None = None
    prefix_word: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


#: Pattern preference when two candidates cover the same characters.
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERN_SOURCES)}
_PRIORITY.update({"vague": -1, "a_unit": 90, "part_of_day": 80})

#: Where a match can start: every pattern opens at a word character or an apostrophe that no
#: word character precedes.
_WORD_START = re.compile(r"(?<!\w)[\w']")
#: Letters that ``(?i:...)`` takes for an ASCII one but ``str.lower`` keeps.
_CASE_FOLDS = str.maketrans({"ı": "i", "ſ": "s"})
_COMPILED_TRIGGERS = {words: re.compile(words) for words in {t.words for t in _TRIGGERS.values()}}


#: A run of word characters: every trigger word is one (letters or digits), so a trigger's
#: occurrence lies inside one run, and the word it is in is the run's.
_RUN = re.compile(r"\w+")
#: run (lower-cased) -> the trigger word sets occurring in it, for runs met before: one
#: dictionary look-up per word of a text instead of a scan of the text per trigger.
_RUN_TRIGGERS: dict[str, tuple[str, ...]] = {}
_RUN_MEMORY = 200_000


def _triggers_in(run: str) -> tuple[str, ...]:
    found = _RUN_TRIGGERS.get(run)
    if found is None:
        found = tuple(words for words, pattern in _COMPILED_TRIGGERS.items() if pattern.search(run))
        if len(_RUN_TRIGGERS) < _RUN_MEMORY:
            _RUN_TRIGGERS[run] = found
    return found


class _TriggerIndex:
    """One text's word starts and, per trigger, the word each of its occurrences is in.

    Read from the text's runs of word characters: the trigger words are letters and digits
    alone, so each occurrence of one is inside a run, and a run is inside one word (a word
    starts at the first character of a run, or at an apostrophe before it); the runs holding
    a trigger word are the words ``finditer`` of the trigger finds occurrences in. Lower-casing
    keeps every character a word character or not (each that keeps its length), so the runs
    of the lower-cased text are those of the text.
    """

    def __init__(self, text: str, lowered: str) -> None:
        self.lowered = lowered
        self.starts = [match.start() for match in _WORD_START.finditer(text)]
        self._words: dict[str, list[int]] | None = None

    def _index(self) -> dict[str, list[int]]:
        words: dict[str, list[int]] = {}
        starts = self.starts
        for run in _RUN.finditer(self.lowered):
            found = _triggers_in(run.group())
            if found:
                word = bisect.bisect_right(starts, run.start()) - 1
                for trigger in found:
                    words.setdefault(trigger, []).append(word)
        return words

    def positions(self, words: str, lead: int) -> list[int]:
        """Starts of the words from ``lead`` words before each occurrence of ``words`` to the
        word it is in, in text order."""
        if self._words is None:
            self._words = self._index()
        found = self._words.get(words, [])
        chosen: set[int] = set()
        for word in found:
            chosen.update(range(max(word - lead, 0), word + 1))
        return [self.starts[i] for i in sorted(chosen)]


def _matches_at(pattern: re.Pattern[str], text: str, positions: list[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, given every position where a match can start."""
    end = 0
    for position in positions:
        if position < end:
            continue
        match = pattern.match(text, position)
        if match is not None:
            yield match
            end = match.end()


def find_candidates(text: str) -> list[_Candidate]:
    """Every pattern's matches in ``text``, longest first (then by pattern priority)."""
    lowered = text.lower()
    index = None
    if len(lowered) == len(text):
        index = _TriggerIndex(text, lowered.translate(_CASE_FOLDS))
    found: list[_Candidate] = []
    for name, pattern in _PATTERNS:
        trigger = _TRIGGERS.get(name)
        if index is None or trigger is None:
            matches: Iterable[re.Match[str]] = pattern.finditer(text)
        else:
            matches = _matches_at(pattern, text, index.positions(trigger.words, trigger.lead))
        for match in matches:
            if match.end() > match.start():
                found.append(_Candidate(name, match.start(), match.end(), match))
    found.sort(key=lambda c: (-c.length, _PRIORITY.get(c.name, 50), c.start))
    return found


def select_candidates(
    candidates: Iterable[_Candidate], rejected: set[tuple[str, int, int]], length: int
) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, leaving out ``rejected`` (name, start, end);
    fresh copies in text order."""
    taken = bytearray(length + 1)
    chosen: list[_Candidate] = []
    for candidate in candidates:
        if (candidate.name, candidate.start, candidate.end) in rejected:
            continue
        if any(taken[candidate.start : candidate.end]):
            continue
        taken[candidate.start : candidate.end] = b"\x01" * candidate.length
        chosen.append(replace(candidate))
    chosen.sort(key=lambda c: c.start)
    return chosen
