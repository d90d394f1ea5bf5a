"""Stance accuracy, round 3 (issue 12): each test names the error kind it guards, on sentences
written for the test (invented, about real-world-style events)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.kb.loader import default_kb
from dossier.model import Stance
from dossier.nlp import load_pipeline

EURASIAN = "target:eurasian-integration"
EUROPEAN = "target:european-integration"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def stances_of(nlp: Language, text: str, date: str = "2014-03-10") -> list[Stance]:
    doc = nlp(prepare_doc(nlp, text, date=date, doc_id="r3"))
    return list(doc._.dossier_stances)


def sides(stances: list[Stance], holder_id: str, target_id: str) -> set[int]:
    return {s.polarity for s in stances if s.holder_id == holder_id and s.target_id == target_id}


def test_rivals_are_kb_data() -> None:
    targets = default_kb().targets
    assert EUROPEAN in targets[EURASIAN].rivals
    assert EURASIAN in targets[EUROPEAN].rivals


def test_a_contrasted_turn_to_the_rival_is_against_the_target(nlp: Language) -> None:
    # kind: other-target (a turn to the West read as no stance on Eurasian integration)
    stances = stances_of(
        nlp,
        "Minsk has turned its attention to the West, seeking new buyers for its potash in "
        "Europe instead of selling everything to Russia.",
    )
    assert sides(stances, "gov:BLR", EURASIAN) == {-1}


def test_a_turn_to_the_rival_without_contrast_says_nothing_of_the_target(
    nlp: Language,
) -> None:
    stances = stances_of(
        nlp, "Minsk has turned its attention to the West, seeking new buyers for its potash."
    )
    assert sides(stances, "gov:BLR", EURASIAN) == set()
