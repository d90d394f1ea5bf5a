"""The stance scorer on tiny invented gold in the dossier format: triples compared through the
KB's names and targets, polarity accuracy over matched pairs, the majority baseline, and the
``dossier eval stance`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.evaluate.stance import StanceKeys, _score, evaluate_stance, predicted_pairs
from dossier.kb.loader import default_kb
from dossier.model import Provenance, Stance


def _stance(holder: str, target: str, polarity: int, target_id: str | None = None) -> Stance:
    provenance = Provenance("", 0, 1, 0, 1, 0, "dossier_stance", "1")
    return Stance("x", 0, 1, holder, target, polarity, target_id=target_id, provenance=provenance)


def test_pairs_sum_their_polarities_and_names_compare_through_the_kb() -> None:
    keys = StanceKeys(default_kb())
    pairs = predicted_pairs(
        [
            _stance("Vladimir Putin", "Customs Union", 1),
            _stance("Vladimir Putin", "Eurasian integration", 1, "target:eurasian-integration"),
            _stance("Vladimir Putin", "EU", -1),
            _stance("Lukashenko", "NATO", 1),
            _stance("Lukashenko", "NATO", -1),  # evidence both ways: no prediction
        ],
        keys,
    )
    putin = keys.holder("Vladimir Putin")
    assert pairs == {
        (putin, "target:eurasian-integration"): 1,
        (putin, "target:european-integration"): -1,
    }


def test_figures_over_triples_and_pairs() -> None:
    predicted = [{("a", "t"): 1, ("b", "t"): 1, ("c", "t"): -1}]
    gold = [{("a", "t"): {1}, ("b", "t"): {-1}, ("d", "t"): {1}}]
    result = _score(predicted, gold)
    assert (result["precision"], result["recall"]) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    assert result["polarity_accuracy"] == 0.5 and result["pairs_matched"] == 2
    assert result["pairs"]["precision"] == pytest.approx(2 / 3)


def test_the_scorer_runs_the_pipeline_on_a_gold_folder(tmp_path: Path) -> None:
    text = (
        "Tajikistan wants to join the Eurasian Economic Union. "
        "Moldova is reluctant to sign up for the Customs Union."
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {
        "doc": "a.txt",
        "date": "2013-05-10",
        "stances": [
            {"holder": "Government of Tajikistan", "target": "Eurasian integration", "polarity": 1},
            {"holder": "Government of Moldova", "target": "Customs Union", "polarity": -1},
            {"holder": "Government of Georgia", "target": "NATO", "polarity": 1},
        ],
    }
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate_stance(tmp_path)
    assert result["gold_stances"] == 3 and result["documents"] == 1
    assert result["recall"] == pytest.approx(2 / 3) and result["polarity_accuracy"] == 1.0
    # The baseline gives both predicted pairs the majority polarity (+1): Moldova's is wrong.
    assert result["baseline"]["polarity"] == 1
    assert result["baseline"]["polarity_accuracy"] == 0.5
    assert [(m["holder"], m["predicted"]) for m in result["missed"]] == [
        ("Government of Georgia", None)
    ]
    run = CliRunner().invoke(
        __import__("dossier.cli", fromlist=["app"]).app,
        ["eval", "stance", "--gold", str(tmp_path), "--json"],
    )
    assert run.exit_code == 0, run.output
    figures = json.loads(run.output.strip().splitlines()[-1])
    assert figures["task"] == "stance" and figures["recall"] == pytest.approx(2 / 3)


def test_errors_are_named_by_kind() -> None:
    from dossier.evaluate.stance import collective_pairs, miss_kind, spurious_kind

    pred = {("gov:a", "t"): 1, ("p", "u"): -1, ("q", "v"): 1}
    assert miss_kind(("gov:a", "t"), -1, pred) == "polarity"
    assert miss_kind(("person:b", "t"), 1, pred) == "other-holder"
    assert miss_kind(("p", "w"), 1, pred) == "other-target"
    assert miss_kind(("z", "w"), 1, pred) == "none"
    gold = {("person:b", "t"): {1}, ("q", "x"): {-1}}
    assert spurious_kind(("gov:a", "t"), gold, set()) == "other-holder"
    assert spurious_kind(("q", "v"), gold, set()) == "other-target"
    assert spurious_kind(("r", "y"), gold, set()) == "unsupported"
    assert spurious_kind(("r", "y"), gold, {("r", "y")}) == "collective"
    keys = StanceKeys(default_kb())
    spread = [
        _stance(name, "NATO", -1)
        for name in ("Government of Armenia", "Government of Belarus", "Government of Moldova")
    ]
    assert len(collective_pairs(spread, keys)) == 3
    assert collective_pairs(spread[:2], keys) == set()


def test_a_persons_stance_counts_for_the_country_he_represents_only_by_country() -> None:
    """The issue's aggregation rule, as a second figure: a president's stance counts for his
    state when the gold names the state; a state's stance is no stance of its leader."""
    from dataclasses import replace

    from dossier.evaluate.stance import by_country, gold_pairs

    keys = StanceKeys(default_kb())
    leader = replace(
        _stance("Vladimir Putin", "NATO", -1),
        holder_id="person:vladimir-putin",
        holder_country="RUS",
    )
    state = replace(_stance("Government of Belarus", "NATO", -1), holder_id="gov:BLR")
    gold = gold_pairs(
        [
            {"holder": "Government of Russia", "target": "NATO", "polarity": -1},
            {"holder": "Alexander Lukashenko", "target": "NATO", "polarity": -1},
        ],
        keys,
    )
    assert predicted_pairs([leader, state], keys).keys().isdisjoint(gold)
    lenient = by_country([leader, state], keys, gold)
    assert (keys.holder("Government of Russia"), "target:nato") in lenient
    assert (keys.holder("Alexander Lukashenko"), "target:nato") not in lenient
