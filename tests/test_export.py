"""``dossier export`` and ``dossier serve``: every export read back by its own ecosystem
(Parquet by pandas and pyarrow, CSV by the csv module, GraphML and GEXF by networkx, TimeML by
the project's TimeML reader) holds what the query API holds; serve binds to loopback unless
told otherwise."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.evaluate.timeml import parse_timeml, read_timeml_folder
from dossier.event_formats import GDELT_COLUMNS
from dossier.export import timeml
from dossier.model import Document, Mention, Provenance, Timex
from dossier.overviews import cooccurrence
from dossier.query import Dossier

runner = CliRunner()


@pytest.fixture(scope="module")
def served_store(annotated_sample_store: Path) -> Path:
    return annotated_sample_store


def _export(store: Path, out: Path, *args: str) -> list[Path]:
    result = runner.invoke(app, ["export", *args, "--out", str(out), "--db", str(store)])
    assert result.exit_code == 0, result.output
    return [Path(line) for line in result.stdout.splitlines() if line and "more in" not in line]


def test_parquet_holds_every_fact_of_every_kind(
    annotated_sample_store: Path, dossier: Dossier, tmp_path: Path
) -> None:
    written = _export(annotated_sample_store, tmp_path, "--format", "parquet")
    assert sorted(p.name for p in written) == sorted(f"{k}.parquet" for k in dossier.fact_kinds())
    for kind in dossier.fact_kinds():
        expected = dossier.facts(kind)
        frame = pd.read_parquet(tmp_path / f"{kind}.parquet")
        assert list(frame.columns) == expected.columns
        assert list(frame["fact_id"]) == [f.fact_id for f in expected]
        assert list(frame["start"]) == [f.provenance.start for f in expected]
    # Nested values stay typed: an event's actors are a list of structs.
    table = pq.read_table(tmp_path / "event.parquet")
    assert str(table.schema.field("source").type).startswith("list<")
    events = dossier.facts("event")
    with_source = next(i for i, e in enumerate(events) if e.source)
    read_back = table.column("source")[with_source].as_py()
    assert [a["actor"] for a in read_back] == [a.actor for a in events[with_source].source]


def test_csv_and_jsonl_of_one_kind_hold_its_facts(
    annotated_sample_store: Path, dossier: Dossier, tmp_path: Path
) -> None:
    _export(annotated_sample_store, tmp_path, "--format", "csv", "--kind", "event")
    _export(annotated_sample_store, tmp_path, "--format", "jsonl", "--kind", "quote")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["event.csv", "quote.jsonl"]
    events = dossier.facts("event")
    with (tmp_path / "event.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["fact_id"] for r in rows] == [e.fact_id for e in events]
    for row, event in zip(rows, events, strict=True):
        source = json.loads(row["source"]) if row["source"] else []  # empty: an empty cell
        assert [a["actor_id"] for a in source] == [a.actor_id for a in event.source]
    lines = (tmp_path / "quote.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == dossier.facts("quote").dicts()


def test_events_as_gdelt_rows_and_plover_records(
    annotated_sample_store: Path, dossier: Dossier, tmp_path: Path
) -> None:
    _export(annotated_sample_store, tmp_path, "--format", "gdelt", "--merged")
    _export(annotated_sample_store, tmp_path, "--format", "plover")
    merged = dossier.events(merged=True)
    rows = [
        line.split("\t")
        for line in (tmp_path / "events.gdelt.tsv").read_text(encoding="utf-8").splitlines()
    ]
    assert rows and all(len(row) == len(GDELT_COLUMNS) for row in rows)
    assert len({int(row[0]) // 100 for row in rows}) == len(merged)
    plover = [
        json.loads(line)
        for line in (tmp_path / "events.plover.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    reports = dossier.events()
    assert [r["id"] for r in plover] == [e.merged_id or e.fact_id for e in reports]
    assert [r["event"] for r in plover] == [[e.event_type] for e in reports]


def test_timeml_is_read_back_by_the_timeml_reader(
    annotated_sample_store: Path, dossier: Dossier, tmp_path: Path
) -> None:
    _export(annotated_sample_store, tmp_path, "--format", "timeml")
    read = {d.path.stem: d for d in read_timeml_folder(tmp_path / "timeml")}
    assert set(read) == {d.doc_id for d in dossier.documents()}
    stored: dict[str, list[Timex]] = defaultdict(list)
    for timex in dossier.facts("timex"):
        stored[timex.doc_id].append(timex)
    assert stored
    for doc_id, document in read.items():
        assert document.text == dossier.document(doc_id).clean_text
        expected = [(t.start, t.end, t.value, t.type) for t in stored[doc_id]]
        assert [(t.start, t.end, t.value, t.type) for t in document.timexes] == expected
        assert document.dct == dossier.document(doc_id).meta.date


def test_timeml_keeps_markup_characters_of_the_text_as_text(
    make_document: Callable[..., Document],
) -> None:
    text = 'The "5 < 6 & 7 > 2" clause <b>was</b> signed on 3 March 2012 in Minsk.'
    document = make_document(text, date="2012-03-05")
    start = text.index("3 March 2012")
    timex = Timex(
        provenance=Provenance(document.doc_id, start, start + 12, start, start + 12, 0, "t", "1"),
        text="3 March 2012",
        start=start,
        end=start + 12,
        type="DATE",
        value="2012-03-03",
    )
    read = parse_timeml(timeml(document, [timex]))
    assert read.text == text and read.dct == "2012-03-05"
    assert [(t.text, t.value) for t in read.timexes] == [("3 March 2012", "2012-03-03")]


@pytest.mark.parametrize("output", ["graphml", "gexf"])
def test_the_actor_network_is_read_back_by_networkx(
    annotated_sample_store: Path, dossier: Dossier, tmp_path: Path, output: str
) -> None:
    _export(annotated_sample_store, tmp_path, "--format", output)
    path = tmp_path / f"actors.{output}"
    graph = nx.read_graphml(path) if output == "graphml" else nx.read_gexf(path)
    network = dossier.actor_network()
    assert set(graph.nodes) == {n.actor_id for n in network.nodes}
    assert graph.number_of_edges() == len(network.links) > 0
    # Each link's weight is the number of documents mentioning both, counted from mentions.
    documents: dict[str, set[str]] = defaultdict(set)
    for mention in dossier.mentions():
        if mention.actor_id:
            documents[mention.actor_id].add(mention.doc_id)
    for source, target, data in list(graph.edges(data=True))[:50]:
        assert int(data["weight"]) == len(documents[source] & documents[target])
    node = network.nodes[0]
    name_key = "name" if output == "graphml" else "label"
    assert graph.nodes[node.actor_id][name_key] == node.name


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--format", "csv", "--kind", "rumour"], "rumour"),
        (["--format", "gdelt", "--kind", "event"], "--kind"),
        (["--format", "yaml"], "yaml"),
    ],
)
def test_a_bad_export_request_says_what_is_wrong(
    annotated_sample_store: Path, tmp_path: Path, args: list[str], says: str
) -> None:
    result = runner.invoke(
        app, ["export", *args, "--out", str(tmp_path), "--db", str(annotated_sample_store)]
    )
    assert result.exit_code == 2
    assert says in result.output


# --- serve ---------------------------------------------------------------------------------------


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Calls to ``uvicorn.run``, recorded instead of serving."""
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options | {"app": app}))
    return calls


def test_serve_binds_to_loopback_and_is_read_only_by_default(
    sample_store: Path, uvicorn_calls: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOSSIER_API_TOKEN", raising=False)
    result = runner.invoke(app, ["serve", "--db", str(sample_store)])
    assert result.exit_code == 0, result.output
    (call,) = uvicorn_calls
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)
    assert call["app"].state.settings.ingest_token is None
    assert "read-only" in result.stdout and "/docs" in result.stdout


def test_serve_takes_a_token_from_the_environment_and_warns_off_loopback(
    sample_store: Path, uvicorn_calls: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOSSIER_API_TOKEN", "secret-token")
    args = ["serve", "--db", str(sample_store), "--host", "0.0.0.0", "--port", "8123"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    (call,) = uvicorn_calls
    assert (call["host"], call["port"]) == ("0.0.0.0", 8123)
    assert call["app"].state.settings.ingest_token == "secret-token"
    assert "network" in result.stderr


def test_serve_refuses_a_missing_store_before_listening(
    tmp_path: Path, uvicorn_calls: list[dict[str, Any]]
) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "none.db" in result.stderr
    assert uvicorn_calls == []


def test_serve_help_gives_the_defaults_and_an_example() -> None:
    result = runner.invoke(app, ["serve", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "127.0.0.1" in text and "8000" in text and "Example: dossier serve" in text


# --- the network and the timeline, on records written here ------------------------------------


def _mention(doc_id: str, sentence: int, actor_id: str | None, name: str) -> Mention:
    start = sentence * 100
    provenance = Provenance(doc_id, start, start + 5, start, start + 5, sentence, "t", "1")
    return Mention(
        provenance=provenance,
        text=name,
        start=start,
        end=start + 5,
        label="PERSON",
        actor_id=actor_id,
        actor=name,
    )


def test_cooccurrence_counts_documents_or_sentences_and_leaves_out_unlinked_names() -> None:
    mentions = [
        _mention("doc1", 0, "person:a", "Ana Petrova"),
        _mention("doc1", 0, "person:b", "Boris Lenkov"),
        _mention("doc1", 3, "person:c", "Carl Osman"),
        _mention("doc1", 3, None, "Mars Sariev"),  # NIL: no node
        _mention("doc2", 1, "person:a", "Ana Petrova"),
        _mention("doc2", 2, "person:b", "Boris Lenkov"),
    ]
    by_document = cooccurrence(mentions)
    assert [(n.actor_id, n.documents) for n in by_document.nodes] == [
        ("person:a", 2),
        ("person:b", 2),
        ("person:c", 1),
    ]
    weights = {(link.source_id, link.target_id): link.weight for link in by_document.links}
    assert weights == {("person:a", "person:b"): 2, ("person:a", "person:c"): 1,
                       ("person:b", "person:c"): 1}  # fmt: skip
    by_sentence = cooccurrence(mentions, within="sentence")
    assert [(lk.source_id, lk.target_id, lk.weight) for lk in by_sentence.links] == [
        ("person:a", "person:b", 1)
    ]
    assert cooccurrence(mentions, min_weight=2).links.dicts() == [
        {"source_id": "person:a", "source": "Ana Petrova", "target_id": "person:b",
         "target": "Boris Lenkov", "weight": 2}
    ]  # fmt: skip
    with pytest.raises(ValueError, match="paragraph"):
        cooccurrence(mentions, within="paragraph")
