"""The stance vocabulary: words that take a side toward what they govern, and event types.

``kb/data/stance_cues.csv`` (curated, reviewed like code) gives each cue its part of speech
(``verb``, ``adj``, ``noun``, ``prep``, ``event`` for a PLOVER type, or ``conduct`` for a verb
that, told of its subject, judges it: "lied", "invaded"), its polarity (+1, -1,
0), the preposition that must link a target to it where one must ("turn ... to"), and a
strength. Read from the pipeline's KB folder, so a test can give its own.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dossier.errors import DossierError, ErrorCode

CUES_FILE = "stance_cues.csv"
PARTS = frozenset({"verb", "adj", "noun", "prep", "event", "conduct"})


@dataclass(frozen=True)
class StanceCue:
    """One cue: a lemma (or PLOVER type) of a part of speech, its polarity and strength."""

    pos: str
    lemma: str
    prep: str
    polarity: int
    strength: float


class StanceLexicon:
    """Cues by part of speech and lemma (see the module doc)."""

    def __init__(self, cues: list[StanceCue]) -> None:
        self._cues: dict[tuple[str, str], list[StanceCue]] = {}
        for cue in cues:
            self._cues.setdefault((cue.pos, cue.lemma), []).append(cue)

    def cue(self, pos: str, lemma: str, prep: str | None = None) -> StanceCue | None:
        """The cue of ``lemma`` as ``pos``: the one whose preposition is ``prep`` (the word
        linking the target to it), else the one that needs none."""
        readings = self._cues.get((pos, lemma.lower() if pos != "event" else lemma))
        if not readings:
            return None
        for cue in readings:
            if cue.prep and cue.prep == prep:
                return cue
        bare = [cue for cue in readings if not cue.prep]
        return bare[0] if bare else None

    def knows(self, pos: str, lemma: str) -> bool:
        """Whether ``lemma`` is a cue as ``pos`` with any preposition or none."""
        return (pos, lemma.lower()) in self._cues

    def event(self, event_type: str) -> StanceCue | None:
        """The stance an event of a PLOVER type takes toward its target, None if none."""
        return self.cue("event", event_type)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8") as handle:
        numbered = [(n, line) for n, line in enumerate(handle, 1) if not line.startswith("#")]
    reader = csv.DictReader(line for _, line in numbered)
    return [(numbered[index + 1][0], row) for index, row in enumerate(reader)]


@lru_cache(maxsize=4)
def load_stance_lexicon(folder: Path) -> StanceLexicon:
    """The cues of ``folder/stance_cues.csv`` (an empty lexicon when the file is absent).

    Raises ``DossierError(K001)`` naming each bad row by file and line.
    """
    path = folder / CUES_FILE
    if not path.exists():
        return StanceLexicon([])
    cues: list[StanceCue] = []
    problems: list[str] = []
    for line, row in _rows(path):
        pos, lemma = (row.get("pos") or "").strip(), (row.get("lemma") or "").strip()
        try:
            polarity = int(row.get("polarity") or "")
            strength = float(row.get("strength") or "1")
        except ValueError:
            problems.append(f"{CUES_FILE}#L{line}: polarity must be -1, 0 or 1, strength 0-1")
            continue
        if pos not in PARTS or not lemma or polarity not in (-1, 0, 1) or not 0 <= strength <= 1:
            problems.append(
                f"{CUES_FILE}#L{line}: needs pos in {sorted(PARTS)}, a lemma, polarity -1/0/1 "
                "and strength 0-1"
            )
            continue
        cues.append(StanceCue(pos, lemma, (row.get("prep") or "").strip(), polarity, strength))
    if problems:
        raise DossierError(ErrorCode.K001_KB_INVALID, "\n  " + "\n  ".join(problems))
    return StanceLexicon(cues)
