"""A signature given together at a ceremony is no side of each signer on its own.

Error kind: collective. "The presidents of Russia, Kazakhstan and Belarus signed a treaty
creating the union", "A, B and C signed a declaration on integration": one clause gives the
project to three signers or more; each signs as his office's protocol asks, and the gold
credits a signer with a side only where the text gives him one of his own (his words, his
proposal, his own act). Such joint signings are dropped; a signer's other evidence stands.
Two signers ("A and B signed an accord") keep the side: a bilateral deed is each one's own.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector

#: Signers in one clause from which a signing is a ceremony's.
JOINT = 3
#: The cues of a signing: the verb (as written) or the event type of an agreement.
_SIGNING = frozenset({"signed", "sign", "signs", "signing", "AGREE"})


def drop_joint_signings(collector: _Collector) -> None:
    """Drop the stances of a signing that one clause gives to ``JOINT`` holders or more (see
    the module doc)."""
    clauses: dict[tuple[int, int, str | None], set[str]] = defaultdict(set)
    for stance in collector.stances:
        if stance.cue in _SIGNING and stance.basis in ("did", "reported"):
            clauses[(stance.start, stance.end, stance.target_id)].add(stance.holder)
    joint = {key for key, holders in clauses.items() if len(holders) >= JOINT}
    if not joint:
        return
    dropped = {
        s.fact_id
        for s in collector.stances
        if s.cue in _SIGNING and (s.start, s.end, s.target_id) in joint
    }
    collector.stances[:] = [s for s in collector.stances if s.fact_id not in dropped]
    collector.links[:] = [link for link in collector.links if link.from_fact not in dropped]
