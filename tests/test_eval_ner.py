"""The NER evaluation: the CoNLL reader, span scoring by hand, the label map, the CLI, the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.errors import DossierError, ErrorCode
from dossier.evaluate.conll import GoldSpan, iob1_spans, read_conll
from dossier.evaluate.ner import (
    LABEL_MAP,
    NER_CONFIG,
    evaluate_ner,
    gold_entities,
    ner_config,
    score_entities,
)
from dossier.nlp import DEFAULT_CONFIG

SHARED_TESTA = Path(__file__).parents[1].parent / "shared" / "gold" / "conll2003" / "eng.testa"

# Two documents in the shared task's IOB1: "B-" only where a second entity of the same type
# follows directly ("I-PER I-PER B-PER"), every other entity starts with "I-".
SNIPPET = """-DOCSTART- -X- O O

SOCCER NN I-NP O
- : O O
JAPAN NNP I-NP I-LOC
GET VB I-VP O
LUCKY NNP I-NP O
WIN NNP I-NP O
. . O O

Nadim NNP I-NP I-PER
Ladki NNP I-NP I-PER
AL-AIN NNP I-NP B-PER
, , O O
United NNP I-NP I-LOC
Arab NNP I-NP I-LOC
Emirates NNPS I-NP I-LOC
1996-12-06 CD I-NP O

-DOCSTART- -X- O O

West NNP I-NP I-MISC
Indian NNP I-NP I-MISC
all-rounder NN I-NP O
Phil NNP I-NP I-PER
Simmons NNP I-NP I-PER
joined VBD I-VP O
Leicestershire NNP I-NP I-ORG
Somerset NNP I-NP B-ORG
. . O O
"""


@pytest.fixture
def snippet(tmp_path: Path) -> Path:
    path = tmp_path / "snippet.iob1"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


# --- the reader ---------------------------------------------------------------------------------


def test_iob1_spans_start_at_b_or_at_a_change_of_type() -> None:
    tags = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG", "B-ORG", "I-ORG"]
    assert iob1_spans(tags) == [
        GoldSpan(0, 2, "PER"),
        GoldSpan(2, 3, "PER"),
        GoldSpan(4, 5, "LOC"),
        GoldSpan(5, 7, "ORG"),
        GoldSpan(7, 9, "ORG"),
    ]
    # IOB2 decodes to the same spans with the same rule
    assert iob1_spans(["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"]) == [
        GoldSpan(0, 2, "PER"),
        GoldSpan(2, 3, "PER"),
        GoldSpan(4, 5, "LOC"),
        GoldSpan(5, 6, "ORG"),
    ]
    assert iob1_spans(["O", "O"]) == []


def test_read_conll_documents_sentences_and_spans(snippet: Path) -> None:
    documents = read_conll(snippet)
    assert len(documents) == 2
    first, second = documents
    assert [len(s.words) for s in first.sentences] == [7, 8]
    headline, dateline = first.sentences
    assert (
        headline.words[2] == "JAPAN" and headline.pos[2] == "NNP" and headline.chunks[2] == "I-NP"
    )
    assert headline.spans == [GoldSpan(2, 3, "LOC")]
    assert dateline.spans == [GoldSpan(0, 2, "PER"), GoldSpan(2, 3, "PER"), GoldSpan(4, 7, "LOC")]
    assert dateline.line == 11
    assert second.words[:2] == ["West", "Indian"]
    assert [(s.start, s.end, s.label) for s in second.sentences[0].spans] == [
        (0, 2, "MISC"),
        (3, 5, "PER"),
        (6, 7, "ORG"),
        (7, 8, "ORG"),
    ]
    assert (first.n_entities, second.n_entities) == (4, 4)
    # document offsets run across sentences
    assert gold_entities(first) == {(2, 3, "LOC"), (7, 9, "PER"), (9, 10, "PER"), (11, 14, "LOC")}


def test_read_conll_errors_name_the_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(DossierError) as caught:
        read_conll(tmp_path / "missing.txt")
    assert caught.value.code is ErrorCode.E001_BAD_GOLD

    bad_tag = tmp_path / "bad.txt"
    bad_tag.write_text("Japan NNP I-NP X-LOC\n", encoding="utf-8")
    with pytest.raises(DossierError, match=r"\[E001\].*bad.txt#L1: 'X-LOC' is not an IOB tag"):
        read_conll(bad_tag)

    empty = tmp_path / "empty.txt"
    empty.write_text("-DOCSTART- -X- O O\n\n", encoding="utf-8")
    with pytest.raises(DossierError, match="no tokens"):
        read_conll(empty)


# --- scoring ------------------------------------------------------------------------------------


def test_exact_span_scoring_by_hand() -> None:
    gold = [{(0, 2, "PER"), (3, 4, "LOC"), (5, 6, "ORG")}, {(0, 1, "MISC")}]
    predicted = [
        # PER right; LOC with the wrong type; ORG one token too long
        {(0, 2, "PER"), (3, 4, "ORG"), (5, 7, "ORG")},
        # MISC right, plus a spurious LOC
        {(0, 1, "MISC"), (2, 3, "LOC")},
    ]
    result = score_entities(gold, predicted)
    # tp 2 (PER, MISC); fp 3 (ORG at 3, ORG 5-7, LOC 2-3); fn 2 (LOC 3-4, ORG 5-6)
    assert result["n"] == 4
    assert result["precision"] == pytest.approx(2 / 5)
    assert result["recall"] == pytest.approx(2 / 4)
    assert result["f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    per_type = result["per_type"]
    assert set(per_type) == {"PER", "ORG", "LOC", "MISC"}
    assert per_type["PER"] == {"n": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert per_type["ORG"] == {"n": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert (per_type["LOC"]["n"], per_type["LOC"]["precision"], per_type["LOC"]["recall"]) == (
        1,
        0.0,
        0.0,
    )
    assert per_type["MISC"] == {"n": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_label_map_follows_the_usual_ontonotes_to_conll_mapping() -> None:
    assert LABEL_MAP["PERSON"] == "PER" and LABEL_MAP["ORG"] == "ORG"
    assert {LABEL_MAP[k] for k in ("GPE", "LOC", "FAC")} == {"LOC"}
    misc = ("NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE")
    assert {LABEL_MAP[k] for k in misc} == {"MISC"}
    for dropped in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"):
        assert dropped not in LABEL_MAP


# --- the evaluation and the CLI -----------------------------------------------------------------


def test_evaluate_ner_on_the_snippet(snippet: Path) -> None:
    seen: list[str] = []
    result = evaluate_ner(snippet, on_item=seen.append)
    assert seen == ["baseline 0", "baseline 1", "dossier 0", "dossier 1"]
    assert (result["task"], result["gold"], result["n"]) == ("ner", str(snippet), 8)
    assert result["label_map"] == LABEL_MAP
    assert set(result["per_type"]) == {"PER", "ORG", "LOC", "MISC"}
    assert set(result["baseline"]) == {"n", "precision", "recall", "f1", "per_type", "seconds"}
    assert result["components"] == list(NER_CONFIG.components)
    assert result["components"][0] == "dossier_caps_ner"


def test_the_measured_pipeline_is_production_up_to_the_ner_repairs() -> None:
    assert DEFAULT_CONFIG.only_up_to("dossier_doc_consistency") == NER_CONFIG
    assert NER_CONFIG.components[-1] == "dossier_doc_consistency"
    ablation = ner_config(without=["dossier_gazetteer"])
    assert ablation == NER_CONFIG.without("dossier_gazetteer")
    assert ner_config(["dossier_entity_boundaries"]).components == ("dossier_entity_boundaries",)
    # only a component of the measured pipeline can be left out
    for name in ("nope", "dossier_linker"):
        with pytest.raises(ValueError, match=f"no dossier component {name}; choose from"):
            ner_config(without=[name])


def test_evaluate_ner_without_a_component(snippet: Path) -> None:
    result = evaluate_ner(snippet, without=["dossier_gazetteer"])
    assert result["components"] == list(NER_CONFIG.without("dossier_gazetteer").components)
    assert result["n"] == 8


def test_cli_eval_ner_ends_with_a_json_line(snippet: Path) -> None:
    outcome = CliRunner().invoke(app, ["eval", "ner", "--gold", str(snippet), "--json"])
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.stdout.strip().splitlines()
    result = json.loads(lines[-1])
    for key in ("task", "gold", "n", "precision", "recall", "f1", "per_type", "baseline"):
        assert key in result
    assert {"seconds", "label_map"} <= set(result)
    assert result["task"] == "ner" and result["n"] == 8
    assert set(result["baseline"]["per_type"]) == {"PER", "ORG", "LOC", "MISC"}
    assert "per type" in outcome.stdout


def test_cli_eval_ner_without_a_component_and_errors(snippet: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    outcome = runner.invoke(
        app, ["eval", "ner", "--gold", str(snippet), "--without", "dossier_gazetteer", "--json"]
    )
    assert outcome.exit_code == 0, outcome.output
    assert (
        "dossier_gazetteer" not in json.loads(outcome.stdout.strip().splitlines()[-1])["components"]
    )
    outcome = runner.invoke(app, ["eval", "ner", "--gold", str(snippet), "--without", "nope"])
    assert outcome.exit_code == 2
    outcome = runner.invoke(app, ["eval", "ner", "--gold", str(tmp_path / "missing")])
    assert outcome.exit_code == 2
    assert "E001" in outcome.output


# --- the shared dev set -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def testa_result() -> dict:
    if not SHARED_TESTA.is_file():
        pytest.skip(f"{SHARED_TESTA} is not available")
    return evaluate_ner(SHARED_TESTA)


@pytest.mark.shared
def test_testa_has_the_canonical_counts(testa_result: dict) -> None:
    assert testa_result["n"] == 5942
    assert testa_result["documents"] == 216
    assert testa_result["tokens"] == 51362
    per_type = {label: figures["n"] for label, figures in testa_result["per_type"].items()}
    assert per_type == {"PER": 1842, "ORG": 1341, "LOC": 1837, "MISC": 922}


@pytest.mark.shared
def test_dossier_beats_plain_spacy_on_testa_by_005(testa_result: dict) -> None:
    baseline = testa_result["baseline"]
    assert baseline["f1"] == pytest.approx(0.644, abs=0.02), baseline  # OFFLINE-NLP.md's figure
    assert testa_result["f1"] >= baseline["f1"] + 0.05, testa_result
    # and no type gets worse
    for label, figures in testa_result["per_type"].items():
        assert figures["f1"] >= baseline["per_type"][label]["f1"], label
