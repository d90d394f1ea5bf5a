"""The event scorers on tiny invented gold: PLOVER records, PETRARCH2 unit-test records and the
dossier gold format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.evaluate.events import (
    _classification,
    _countries,
    evaluate_dossier_events,
    evaluate_events,
)
from dossier.nlp import load_pipeline


def test_classification_figures_and_old_type_names() -> None:
    result = _classification(["AGREE", "AGREE", "ACCUSE"], ["AGREE", None, "ACCUSE"])
    assert result["type_accuracy"] == pytest.approx(2 / 3)
    assert result["per_type"]["AGREE"]["recall"] == 0.5
    assert result["macro_f1"] == pytest.approx((2 / 3 + 1.0) / 2)


def test_gold_country_codes_are_iso_and_organisations_are_not_scored() -> None:
    assert _countries([{"code": "ITL"}, {"code": "RUS"}]) == {"ITA", "RUS"}
    assert _countries([{"code": "IGO"}]) is None
    assert _countries("") == frozenset()


def test_plover_records(tmp_path: Path) -> None:
    records = [
        {"id": "doc", "event": "DOCUMENT", "text": "notes"},
        {
            "id": "a",
            "event": "DISAPPROVE",
            "date": "2013-05-10",
            "text": "Belarus condemned Lithuania on Monday.",
            "source": [{"code": "BLR"}],
            "target": [{"code": "LTU"}],
        },
        {
            "id": "b",
            "event": "AGREE",
            "date": "2013-05-10",
            "text": "Armenia and Moldova signed a trade accord.",
            "source": [{"code": "ARM"}, {"code": "MDA"}],
            "target": "",
        },
    ]
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = evaluate_events(path)
    assert result["n"] == 2
    assert result["type_accuracy"] == 1.0
    assert result["source_accuracy"] == 1.0 and result["target_accuracy"] == 1.0
    assert result["baseline"]["type_accuracy"] == 0.5


def test_petrarch_records(tmp_path: Path) -> None:
    lines = [
        {
            "id": "x",
            "date": "20130510",
            "text": "Belarus accused Lithuania of spying.",
            "expected": [{"sourcecode": "BLR", "targetcode": "LTU", "eventcode": "1125"}],
        }
    ]
    path = tmp_path / "unit.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = evaluate_events(path)
    assert result["n"] == 1
    assert result["cameo_accuracy"] == 0.0  # coded 112, not the finer 1125
    assert result["root_accuracy"] == 1.0


def _gold(folder: Path, text: str, events: list[dict]) -> Path:
    (folder / "a.txt").write_text(text, encoding="utf-8")
    gold = {"doc": "a.txt", "date": "2013-05-10", "events": events}
    (folder / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_dossier_gold_matches_type_and_actor_sets(tmp_path: Path) -> None:
    text = (
        "Armenia and Kyrgyzstan signed a transit accord on Tuesday. "
        "Belarus did not threaten Lithuania."
    )
    folder = _gold(
        tmp_path,
        text,
        [
            {
                "text": "Armenia and Kyrgyzstan signed a transit accord on Tuesday",
                "type": "AGREE",
                "source": ["KGZ", "ARM"],
                "target": [],
                "date": "2013-05-07",
            },
            {
                "text": "Belarus did not threaten Lithuania",
                "type": "THREATEN",
                "source": ["Belarus"],
                "target": ["RUS"],
                "modality": "negated",
            },
        ],
    )
    result = evaluate_dossier_events(folder, load_pipeline())
    # The second gold event names the wrong target: typed and placed right, not matched.
    assert (result["n"], result["predicted"]) == (2, 2)
    assert result["recall"] == 0.5 and result["precision"] == 0.5
    assert result["relaxed"]["f1"] == 1.0
    assert result["modality_accuracy"] == 1.0
    assert result["date_accuracy"] == 1.0
    assert [m["type"] for m in result["missed"]] == ["THREATEN"]
    # Why it was missed: right clause and type, other actors; the prediction is kept beside.
    miss = result["missed"][0]
    assert miss["kind"] == "actors" and miss["predicted_target"] == [
        "Government of Lithuania (LTU)"
    ]
    assert [s["kind"] for s in result["spurious"]] == ["unmatched in a gold clause"]
