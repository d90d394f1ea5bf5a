"""The command line as a user drives it, on the bundled sample and on bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.model import Document, DocumentFacts, Mention, Provenance, Sentence, Timex
from dossier.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample" / "corpus"
runner = CliRunner()


def _all_commands() -> list[list[str]]:
    """Every command path of the CLI, found by walking its groups: none can be forgotten."""
    import typer.main

    paths: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        # Typer ships its own click, so groups are recognised by their sub-commands.
        if getattr(command, "commands", None):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
        else:
            paths.append(path)

    walk(typer.main.get_command(app), [])
    return paths


COMMANDS = _all_commands()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    assert len(COMMANDS) >= 15  # the walk found the commands, not just the root
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: dossier" in result.output


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "sample.db")
    result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def test_ingest_prints_a_summary_and_a_rerun_adds_nothing(sample_db: str) -> None:
    result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", sample_db, "--quiet"])
    assert result.exit_code == 0
    assert "read" in result.output and "duplicate" in result.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", sample_db, "--json"]).stdout)
    assert stats["documents"] >= 12


def test_docs_filters_by_date_and_lists_json(sample_db: str) -> None:
    result = runner.invoke(
        app, ["docs", "--db", sample_db, "--from", "2014-01-01", "--to", "2015-12-31", "--json"]
    )
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows
    assert all("2014" <= row["pub_date"][:4] <= "2015" for row in rows)


def test_show_by_prefix_and_search(sample_db: str) -> None:
    found = runner.invoke(app, ["search", "Eurasian Economic Union", "--db", sample_db, "--json"])
    assert found.exit_code == 0
    hits = [json.loads(line) for line in found.stdout.splitlines() if line.strip()]
    assert hits and "[" in hits[0]["snippet"]
    prefix = hits[0]["doc_id"][:8]
    shown = runner.invoke(app, ["show", prefix, "--db", sample_db, "--json"])
    assert shown.exit_code == 0
    record = json.loads(shown.stdout)
    assert record["doc_id"] == hits[0]["doc_id"]
    assert record["sources"]
    missing = runner.invoke(app, ["show", "ffffffffff", "--db", sample_db])
    assert missing.exit_code == 2
    assert "S002" in missing.output


def test_duplicates_lists_the_reposted_story(sample_db: str) -> None:
    result = runner.invoke(app, ["docs", "--duplicates", "--db", sample_db, "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    stories = {row["story_id"] for row in rows}
    assert len(rows) >= 2 * len(stories) >= 2


def test_bad_input_gets_one_line_each_and_exit_code_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        " date 2015-08-12 Kyrgyzstan joined the Eurasian Economic Union on Wednesday.\n"
    )
    (folder / "bad.jsonl").write_text('{"text": "Armenia joined the union."}\n{oops\n')
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 8)
    db = str(tmp_path / "x.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--quiet"])
    assert result.exit_code == 1
    failed_lines = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert len(failed_lines) == 2
    assert any("bad.jsonl" in line and "2" in line for line in failed_lines)
    assert any("blob.txt" in line for line in failed_lines)
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert stats["documents"] == 2


def test_eval_extract_ends_with_one_json_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    (gold / "html").mkdir(parents=True)
    body = (
        "The Eurasian Economic Commission opened its offices in Moscow on Wednesday, taking over "
        "the work of the customs union commission. Its board of nine ministers, three from each "
        "member state, will take decisions by qualified majority."
    )
    page = (
        "<html><head><title>Commission opens</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/news'>News</a></nav><article><h1>Commission opens</h1>"
        f"<p>{body}</p></article><footer>Share this article | Subscribe</footer></body></html>"
    )
    with gzip.open(gold / "html" / "page1.html.gz", "wt", encoding="utf-8") as handle:
        handle.write(page)
    (gold / "ground-truth.json").write_text(
        json.dumps({"page1": {"articleBody": body, "url": "https://example.org/a"}})
    )
    result = runner.invoke(app, ["eval", "extract", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["task"] == "extract" and figures["n"] == 1
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= figures[key] <= 1.0
        assert key in figures["baseline"]
    assert figures["f1"] > 0.8


def test_annotate_then_mentions_show_roles_at_the_documents_date(sample_db: str) -> None:
    result = runner.invoke(app, ["annotate", "--db", sample_db, "--quiet"])
    assert result.exit_code == 0, result.output
    docs = [
        json.loads(line)
        for line in runner.invoke(app, ["docs", "--db", sample_db, "--json"]).stdout.splitlines()
    ]
    wire = next(d for d in docs if d["pub_date"] == "2011-11-18")
    shown = runner.invoke(app, ["mentions", wire["doc_id"][:8], "--db", sample_db, "--json"])
    assert shown.exit_code == 0
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    medvedev = [r for r in rows if r["actor"] == "Dmitry Medvedev"]
    assert medvedev and medvedev[0]["role"] == "President of Russia"
    again = runner.invoke(app, ["annotate", "--db", sample_db, "--quiet"])
    assert "14" in again.stdout  # all 14 already done


def test_times_show_values_anchored_on_the_documents_date(sample_db: str) -> None:
    runner.invoke(app, ["annotate", "--db", sample_db, "--quiet"])
    docs = [
        json.loads(line)
        for line in runner.invoke(app, ["docs", "--db", sample_db, "--json"]).stdout.splitlines()
    ]
    wire = next(d for d in docs if d["pub_date"] == "2011-11-18")
    shown = runner.invoke(app, ["times", wire["doc_id"][:8], "--db", sample_db, "--json"])
    values = {
        json.loads(line)["text"]: json.loads(line)["value"] for line in shown.stdout.splitlines()
    }
    assert values["last month"] == "2011-10"
    sentences = runner.invoke(app, ["times", wire["doc_id"], "--sentences", "--db", sample_db])
    assert sentences.exit_code == 0 and "2011-11-18" in sentences.stdout


def test_readme_shows_every_command() -> None:
    # The README is the user's map of the CLI: a command it never shows is one nobody finds.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [" ".join(c) for c in COMMANDS if f"dossier {' '.join(c)}" not in readme]
    assert not missing, f"README never shows: {missing}"


# ``python -m dossier`` used to fail: the package had no ``__main__``.
@pytest.mark.parametrize("module", ["dossier.cli", "dossier"])
def test_python_dash_m_runs_the_same_command_line(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", module, "who", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Example: dossier who" in result.stdout and "Usage: dossier who" in result.stdout


@pytest.mark.parametrize(
    "command", [["annotate"], ["eval", "mentions"], ["eval", "timex"], ["who"], ["actor"]]
)
def test_commands_that_read_the_kb_take_kb_dir(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "--kb-dir" in result.output


def test_a_read_command_on_a_missing_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "dossier.db"
    for command in (["search", "union"], ["docs"], ["stats"], ["show", "abcdef12"]):
        result = runner.invoke(app, [*command, "--db", str(missing)])
        assert result.exit_code == 2, (command, result.output)
        assert "S003" in result.stderr and str(missing) in result.stderr
    assert not missing.parent.exists()


def _store_with_facts(db: str, make_document: Callable[..., Document]) -> str:
    """A store holding one document and its facts, written without the pipeline."""
    text = "Moscow said on Friday that Putin would visit Minsk.\nNothing else happened."
    document = make_document(text, date="2011-11-19")

    def provenance(start: int, end: int, sentence: int, extractor: str) -> Provenance:
        return Provenance(document.doc_id, start, end, start, end, sentence, extractor, "1")

    facts = (
        Mention("Moscow", 0, 6, "GPE", "gov:RUS", "Government of Russia", metonym=True,
                resolution="metonym", provenance=provenance(0, 6, 0, "dossier_linker")),
        Mention("Putin", 27, 32, "PERSON", "person:vladimir-putin", "Vladimir Putin",
                role="Prime Minister of Russia", resolution="alias",
                provenance=provenance(27, 32, 0, "dossier_linker")),
        Mention("Minsk", 45, 50, "GPE", None, "Minsk", provenance=provenance(45, 50, 0,
                "dossier_linker")),
        Timex("Friday", 15, 21, "DATE", "2011-11-18", anchor="2011-11-19",
              provenance=provenance(15, 21, 0, "dossier_timex")),
        Sentence(text[:51], "2011-11-18", provenance=provenance(0, 51, 0, "dossier_fact_time")),
        Sentence(text[52:], "2011-11-19", provenance=provenance(52, len(text), 1,
                 "dossier_fact_time")),
    )  # fmt: skip
    versions = {"dossier_linker": "1", "dossier_timex": "1", "dossier_fact_time": "1"}
    with Store.open(db) as store:
        store.add_documents([(document, None)])
        store.write_facts(DocumentFacts(document.doc_id, versions, facts))
    return document.doc_id


def test_mentions_and_times_show_stored_facts(
    tmp_path: Path, make_document: Callable[..., Document]
) -> None:
    db = str(tmp_path / "facts.db")
    doc_id = _store_with_facts(db, make_document)

    table = runner.invoke(app, ["mentions", doc_id[:8], "--db", db])
    assert table.exit_code == 0, table.output
    assert "3 mentions" in table.output
    assert "(metonym)" in table.output and "(place)" in table.output and "metonym" in table.output
    lines = runner.invoke(app, ["mentions", doc_id[:8], "--db", db, "--json"]).stdout
    rows = [json.loads(line) for line in lines.splitlines()]
    assert [row["text"] for row in rows] == ["Moscow", "Putin", "Minsk"]
    assert rows[1]["role"] == "Prime Minister of Russia" and rows[1]["doc_id"] == doc_id
    assert {"fact_id", "original_start", "extractor_version", "confidence"} <= set(rows[0])

    timexes = runner.invoke(app, ["times", doc_id, "--db", db, "--json"]).stdout
    assert [json.loads(line)["value"] for line in timexes.splitlines()] == ["2011-11-18"]
    sentences = runner.invoke(app, ["times", doc_id, "--sentences", "--db", db])
    assert sentences.exit_code == 0 and "2 sentences" in sentences.stdout
    assert "2011-11-18" in sentences.stdout and "Nothing else happened" in sentences.stdout
    as_json = runner.invoke(app, ["times", doc_id, "--sentences", "--db", db, "--json"]).stdout
    assert [json.loads(line)["sentence"] for line in as_json.splitlines()] == [0, 1]

    other = make_document("An article nobody annotated.")
    with Store.open(db) as store:
        store.add_documents([(other, None)])
    empty = runner.invoke(app, ["mentions", other.doc_id, "--db", db])
    assert empty.exit_code == 0 and "run dossier annotate" in empty.stdout
    assert "not annotated" in empty.stdout
    assert runner.invoke(app, ["times", other.doc_id, "--db", db, "--json"]).stdout == ""


def test_annotate_hands_the_kb_dir_and_workers_to_the_driver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from dossier.drivers import annotate as driver

    calls: list[dict[str, object]] = []

    def fake_annotate_store(store: Store, **options: object) -> driver.AnnotateSummary:
        calls.append({"read_only": store.read_only, **options})
        return driver.AnnotateSummary(annotated=1, workers=int(options["workers"]))

    monkeypatch.setattr(driver, "annotate_store", fake_annotate_store)
    db, kb = str(tmp_path / "a.db"), tmp_path / "kb"
    Store.open(db).close()  # annotate refuses a store that does not exist
    result = runner.invoke(app, ["annotate", "--db", db, "--kb-dir", str(kb), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "annotated" in result.stdout
    assert calls[0]["read_only"] is False and calls[0]["workers"] == 2
    assert calls[0]["config"].kb_dir == str(kb)
    runner.invoke(app, ["annotate", "--db", db, "-q"])
    assert calls[1]["workers"] == (os.cpu_count() or 1)  # one per core unless told
    assert calls[1]["config"].kb_dir is None
