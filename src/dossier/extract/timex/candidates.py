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


class _TriggerIndex:
    """One text's word starts and, per trigger, the word each of its occurrences is in."""

    def __init__(self, text: str, lowered: str) -> None:
        self.lowered = lowered
        self.starts = [match.start() for match in _WORD_START.finditer(text)]
        self._words: dict[str, list[int]] = {}

    def positions(self, words: str, lead: int) -> list[int]:
        """Starts of the words from ``lead`` words before each occurrence of ``words`` to the
        word it is in, in text order."""
        found = self._words.get(words)
        if found is None:
            found = sorted(
                {
                    bisect.bisect_right(self.starts, hit.start()) - 1
                    for hit in _COMPILED_TRIGGERS[words].finditer(self.lowered)
                }
            )
            self._words[words] = found
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
