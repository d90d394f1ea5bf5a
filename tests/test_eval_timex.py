"""The TimeML reader, the timex scorer (figures computed by hand), the eval command, and the
shared dev sets: TBAQ-cleaned and the dossier gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.errors import DossierError
from dossier.evaluate.timeml import GoldTimex, parse_timeml, read_timeml_folder
from dossier.evaluate.timex import (
    TimeMLCounts,
    _score_dossier_document,
    evaluate_timex,
    match_relaxed,
)
from dossier.model import Provenance, Timex

SHARED = Path(__file__).parents[1].parent / "shared"
TBAQ = SHARED / "gold" / "tempeval3" / "TBAQ-cleaned"
DOSSIER_GOLD = SHARED / "gold" / "dossier"
SAMPLE_GOLD = Path(__file__).parents[1] / "sample" / "gold"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07T10:00" functionInDocument="CREATION_TIME">
1998-08-07</TIMEX3></DCT>
<TITLE>Not scored &amp; not read</TITLE>
<TEXT>
Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" \
value="1998-08-07">Friday</TIMEX3>, <SIGNAL sid="s1">after</SIGNAL> <TIMEX3 tid="t2" \
type="DURATION" value="P2W" mod="MORE_THAN">more than two weeks</TIMEX3> of AT&amp;T talks.
</TEXT>
</TimeML>
"""


def test_the_reader_strips_tags_and_keeps_offsets() -> None:
    document = parse_timeml(TML)
    assert document.dct == "1998-08-07T10:00"
    assert document.text == "\nBombs exploded Friday, after more than two weeks of AT&T talks.\n"
    friday, weeks = document.timexes
    assert (friday.text, friday.type, friday.value) == ("Friday", "DATE", "1998-08-07")
    assert document.text[friday.start : friday.end] == "Friday"
    assert (weeks.text, weeks.value, weeks.mod) == ("more than two weeks", "P2W", "MORE_THAN")
    assert document.text[weeks.start : weeks.end] == "more than two weeks"


def test_the_reader_reports_broken_files(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="no <TEXT>"):
        parse_timeml("<TimeML></TimeML>")
    with pytest.raises(DossierError, match="never closed"):
        parse_timeml('<TEXT>a <TIMEX3 tid="t1" value="X">b</TEXT>')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "._a.tml").write_text("junk", encoding="utf-8")
    assert [d.name for d in read_timeml_folder(tmp_path)] == ["a.tml"]


def test_relaxed_matching_is_one_to_one_largest_overlap_first() -> None:
    gold = [(0, 10), (20, 25)]
    predicted = [(5, 8), (0, 12), (24, 30), (40, 45)]
    pairs = match_relaxed(gold, predicted)
    assert [(p.gold, p.predicted) for p in pairs] == [(0, 1), (1, 2)]


def gold_timex(start: int, end: int, kind: str, value: str) -> GoldTimex:
    return GoldTimex("t", start, end, "x" * (end - start), kind, value)


def system_timex(start: int, end: int, kind: str, value: str) -> Timex:
    where = Provenance("", start, end, start, end, None, "test", "")
    return Timex("x" * (end - start), start, end, kind, value, provenance=where)  # type: ignore[arg-type]


def test_timeml_scores_by_hand() -> None:
    # Four gold timexes; five predictions:
    #   g0 (0,6)   DATE 1998-08-07  <- p0 (0,6)   DATE 1998-08-07  strict, type, value
    #   g1 (10,20) DURATION P2W     <- p1 (13,20) DURATION P2W     relaxed, type, value
    #   g2 (30,35) DATE 1998        <- p2 (30,35) DURATION P1Y     strict, wrong type and value
    #   g3 (50,55) SET P1Y             missed
    #   p3 (60,65), p4 (70,71)         spurious
    counts = TimeMLCounts()
    errors: list[dict] = []
    counts.add_document(
        [
            gold_timex(0, 6, "DATE", "1998-08-07"),
            gold_timex(10, 20, "DURATION", "P2W"),
            gold_timex(30, 35, "DATE", "1998"),
            gold_timex(50, 55, "SET", "P1Y"),
        ],
        [
            system_timex(0, 6, "DATE", "1998-08-07"),
            system_timex(13, 20, "DURATION", "P2W"),
            system_timex(30, 35, "DURATION", "P1Y"),
            system_timex(60, 65, "DATE", "PRESENT_REF"),
            system_timex(70, 71, "DATE", "1999"),
        ],
        errors,
        "doc",
    )
    scores = counts.scores()
    # relaxed: 3 matches, P 3/5, R 3/4, F1 2PR/(P+R) = 0.6667; strict: 2 matches, P 2/5, R 2/4.
    assert scores["precision"] == pytest.approx(0.6)
    assert scores["recall"] == pytest.approx(0.75)
    assert scores["relaxed_f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert scores["strict_f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert scores["type_accuracy"] == pytest.approx(2 / 3)
    assert scores["value_accuracy"] == pytest.approx(2 / 3)
    assert scores["value_f1"] == pytest.approx(2 / 3 * scores["relaxed_f1"])
    assert scores["per_type"]["DATE"]["n"] == 2
    assert scores["per_type"]["DATE"]["recall"] == pytest.approx(1.0)
    assert scores["per_type"]["DATE"]["value_accuracy"] == pytest.approx(0.5)
    assert scores["per_type"]["SET"]["recall"] == pytest.approx(0.0)
    assert sorted(e["kind"] for e in errors) == ["missed", "spurious", "spurious", "value"]


def test_dossier_gold_scores_by_hand() -> None:
    text = "They met on Friday. On Friday again, and in July, for four years."
    gold = [
        {"text": "on Friday", "value": "2011-11-18"},
        {"text": "in July", "value": "2012-07"},
        {"text": "four years", "value": "P4Y"},
        {"text": "in 1991", "value": "1991"},
    ]
    at = text.index
    predicted = [
        system_timex(at("Friday"), at("Friday") + 6, "DATE", "2011-11-18"),
        system_timex(at("Friday again"), at("Friday again") + 6, "DATE", "2011-11-18"),
        system_timex(at("July"), at("July") + 4, "DATE", "2011-07"),
        system_timex(at("four years"), at("four years") + 10, "DURATION", "P4Y"),
        system_timex(0, 4, "DATE", "PRESENT_REF"),
    ]
    counts = _score_dossier_document("doc", gold, text, predicted, [])
    # "on Friday" found (twice: the second is a repeat, unjudged), "in July" found with the
    # wrong value (a false positive), "four years" right, "in 1991" not in the text.
    assert counts["gold"] == 4 and counts["found"] == 3 and counts["tp"] == 2
    assert counts["fp"] == 1 and counts["unjudged"] == 2 and counts["not_in_text"] == 1


def write_gold(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The presidents signed the declaration on Friday. The commission is to open in July.",
        encoding="utf-8",
    )
    (folder / "a.json").write_text(
        json.dumps(
            {
                "doc": "a.txt",
                "date": "2011-11-18",
                "timexes": [
                    {"text": "on Friday", "value": "2011-11-18"},
                    {"text": "in July", "value": "2012-07"},
                ],
            }
        ),
        encoding="utf-8",
    )
    return folder


def test_evaluate_timex_detects_dossier_gold(tmp_path: Path) -> None:
    result = evaluate_timex(write_gold(tmp_path / "gold"))
    assert result["format"] == "dossier" and result["n"] == 2
    assert result["value_accuracy"] == 1.0 and result["f1"] == 1.0
    assert "baseline" in result and result["task"] == "timex"


def test_evaluate_timex_detects_timeml(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    result = evaluate_timex(tmp_path)
    assert result["format"] == "timeml" and result["n"] == 2 and result["documents"] == 1
    assert result["relaxed_f1"] == 1.0 and result["value_accuracy"] == 1.0
    for key in ("strict_f1", "type_accuracy", "value_f1", "per_type", "seconds", "baseline"):
        assert key in result


def test_eval_timex_command_ends_with_one_json_line(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(
        app, ["eval", "timex", "--gold", str(write_gold(tmp_path / "gold")), "--json"]
    )
    assert outcome.exit_code == 0, outcome.output
    record = json.loads(outcome.output.strip().splitlines()[-1])
    assert record["task"] == "timex" and record["value_f1"] == 1.0


def test_eval_timex_command_explains_a_bad_path(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(app, ["eval", "timex", "--gold", str(tmp_path / "nowhere")])
    assert outcome.exit_code == 2
    assert "neither a folder nor a .tml" in outcome.output


# --- the shared dev sets ---------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(not TBAQ.is_dir(), reason="../shared/gold/tempeval3/TBAQ-cleaned absent")
def test_tbaq_value_f1_is_above_080() -> None:
    result = evaluate_timex(TBAQ, baseline=False)
    assert result["n"] == 1822
    assert result["value_f1"] > 0.80
    assert result["relaxed_f1"] > 0.92


def assert_every_timex_right(folder: Path) -> None:
    result = evaluate_timex(folder, baseline=False)
    assert result["errors"] == []
    assert result["value_accuracy"] == 1.0 and result["recall"] == 1.0


@pytest.mark.shared
@pytest.mark.skipif(not DOSSIER_GOLD.is_dir(), reason="../shared/gold/dossier absent")
def test_every_timex_of_the_shared_dossier_gold_is_right() -> None:
    assert_every_timex_right(DOSSIER_GOLD)


def test_every_timex_of_the_sample_gold_is_right() -> None:
    assert_every_timex_right(SAMPLE_GOLD)
