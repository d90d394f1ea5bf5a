"""A turn toward one of two rival courses read as a side against the other.

Error kind: "turned to the West instead of ..." was read as no stance on the rival course. Runs
on the collected stances, after every sentence reading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.extract import document
from dossier.extract.stance.holders import Holder
from dossier.extract.stance.targets import TargetFinder
from dossier.kb.loader import KnowledgeBase

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector

#: Words by which a sentence sets one course against another ("... instead of ...").
_CONTRAST = re.compile(r"\b(?:instead of|rather than|in place of|at the expense of)\b", re.I)
#: Words that choose one course of several: with the rival named in the same sentence
#: ("pressed to join the customs union, but Kyiv preferred an EU agreement"), a contrast.
_CHOOSING = re.compile(r"\b(?:prefer(?:s|red|ring)?|cho(?:o)?se[ns]?|opt(?:s|ed)?) ", re.I)


def rival_stances(collector: _Collector, kb: KnowledgeBase, targets: TargetFinder) -> None:
    """Error kind: a turn toward one of two rival courses ("turned to the West instead of
    ...") read as no stance on the other. Where a holder is for a KB target's rival (the
    ``rivals`` column of ``targets.csv``: data, not rules) in a sentence that contrasts two
    courses, the holder is also against that target, at half the strength."""
    rivals = {r: t for t in kb.targets.values() for r in t.rivals}
    if not rivals:
        return
    text = document.text_of(collector.doc)
    for stance in list(collector.stances):
        rival_of = rivals.get(stance.target_id or "")
        if stance.polarity <= 0 or rival_of is None:
            continue
        sentence = collector.doc.char_span(stance.start, stance.end, alignment_mode="expand")
        if sentence is None:
            continue
        sent = sentence[0].sent
        chose_over = _CHOOSING.search(stance.text) is not None and any(
            hit.target_id == rival_of.id for hit in targets.in_span(sent)
        )
        contrast = _CONTRAST.search(text[sent.start_char : sent.end_char])
        # The course set aside must name someone ("instead of selling to Russia"): a contrast
        # of two deeds with no one after it ("sue the EU instead of negotiating with them") is
        # no turn between rival courses (error kind other-target: against the rival read from
        # a choice of tactics).
        contrasted = contrast is not None and any(
            hit.start >= sent.start_char + contrast.end() and hit.target_id != stance.target_id
            for hit in targets.in_span(sent)
        )
        if not (contrasted or chose_over):
            continue
        collector.add(
            Holder(stance.holder, stance.holder_id),
            (rival_of.name, rival_of.id, None),
            -1,
            (stance.start, stance.end),
            stance.basis,
            (stance.evidence_kind, stance.evidence_id),
            stance.date,
            stance.cue,
            stance.strength / 2,
            stance.provenance.confidence / 2,
        )
