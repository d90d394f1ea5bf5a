"""The metadata scorer and the dossier gold reader, on gold written here and on our sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.evaluate.gold import load_gold_folder
from dossier.evaluate.metadata import evaluate_metadata

REPO = Path(__file__).resolve().parents[1]
SHARED_GOLD = REPO.parent / "shared" / "gold" / "dossier"


def _gold(folder: Path, name: str, doc: str, **annotation: object) -> None:
    (folder / f"{name}.json").write_text(json.dumps({"doc": doc, **annotation}))


def test_scorer_counts_right_wrong_and_missing_values(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        " date 2015-08-12 By Jane Doe | Steppe Wire\n\nBISHKEK — Kyrgyzstan joined the union on "
        "Wednesday, officials said.\n\nShare\n"
    )
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "1", "date": "2015-01-02", "source": "Caspian Ledger", "text": "x y"})
        + "\n"
        + json.dumps({"id": "2", "source": "Oxus Observer", "text": "Armenia joined the union."})
        + "\n"
    )
    _gold(
        tmp_path,
        "a",
        "a.txt",
        date="2015-08-12",
        outlet="steppe wire",
        author="Jane Doe",
        dateline="BISHKEK",
        boilerplate=["Share"],
        quotes=[{"text": "Kyrgyzstan joined the union"}],
    )
    _gold(tmp_path, "b2", "b.jsonl#L2", date="2015-01", outlet="Wrong Outlet", author=None)
    (tmp_path / "notes.json").write_text(json.dumps({"not": "gold"}))  # no 'doc': ignored

    result = evaluate_metadata(tmp_path)
    assert result["n"] == 2
    fields = result["per_field"]
    assert fields["date"]["n"] == 2 and fields["date"]["accuracy"] == 0.5
    assert fields["outlet"]["precision"] == 0.5 and fields["outlet"]["recall"] == 0.5
    assert fields["author"]["accuracy"] == 1.0  # a null gold matched by a null prediction
    assert fields["dateline"]["f1"] == 1.0 and fields["genre"]["n"] == 0
    assert result["boilerplate_removed"] == 1.0 and result["body_kept"] == 1.0
    assert {(m["doc"], m["field"]) for m in result["mismatches"]} == {
        ("b2", "date"),
        ("b2", "outlet"),
    }


def test_gold_reader_rejects_what_it_cannot_resolve(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="E001"):
        load_gold_folder(tmp_path / "missing")
    _gold(tmp_path, "x", "nowhere.txt", date=None)
    with pytest.raises(DossierError, match="E001"):
        load_gold_folder(tmp_path)


def test_bundled_sample_gold_resolves_every_document() -> None:
    documents = load_gold_folder(REPO / "sample" / "gold")
    assert len(documents) == 13
    for gold in documents:
        for section in ("quotes", "mentions", "timexes"):
            for item in gold.annotation.get(section, []):
                assert item["text"] in gold.record.text, (gold.name, item["text"])


def test_metadata_on_the_bundled_sample_gold() -> None:
    result = evaluate_metadata(REPO / "sample" / "gold")
    for name in ("outlet", "author", "dateline", "genre"):
        assert result["per_field"][name]["f1"] >= 0.9, name
    assert result["boilerplate_removed"] == 1.0
    assert result["body_kept"] == 1.0


@pytest.mark.shared
def test_metadata_on_the_seed_gold() -> None:
    if not SHARED_GOLD.is_dir():
        pytest.skip("../shared/gold/dossier is absent")
    result = evaluate_metadata(SHARED_GOLD)
    for name in ("outlet", "author", "dateline"):
        assert result["per_field"][name]["accuracy"] == 1.0, name
    assert result["boilerplate_removed"] == 1.0
