"""``--engine dask``: ingest and annotate on a two-worker local Dask cluster store what the
single-process run stores, row for row (documents, stories, every fact, link, statement and
merged event), and leave no process behind.

The two stores are compared table by table, in full, leaving out only the columns that say
when a row was written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.drivers import annotate as annotate_driver
from dossier.drivers import dask_engine
from dossier.drivers.annotate import annotate_store
from dossier.drivers.ingest import ingest_paths
from dossier.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "sample" / "corpus"
#: When a row was written, and by which process: the only columns two runs may differ in.
WHEN = {"ingested_at", "annotated_at", "started_at", "finished_at", "host", "pid", "process_start"}
#: The quote text index numbers its rows by a surrogate key given in the order rows are written
#: and rewritten (statements and said dates update quotes after the documents): two runs may
#: number them differently. What must agree is which quotes it holds; its FTS5 tables are keyed
#: by those numbers, and ``test_quote_text_index`` holds them in step with the quotes.
SURROGATE = {"quotes_trigram_keys": "key"}
UNKEYED = "quotes_trigram"


def _children() -> list[psutil.Process]:
    """This process's children, but multiprocessing's resource tracker: started with the first
    spawned process, it lives as long as this one."""
    return [
        process
        for process in psutil.Process().children(recursive=True)
        if not any("resource_tracker" in part for part in process.cmdline())
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """A two-worker local cluster, shared by this module's tests and closed after them."""
    before = {process.pid for process in _children()}
    with dask_engine.dask_client(workers=2) as client:
        assert len(client.nthreads()) == 2
        yield client
    left = [process for process in _children() if process.pid not in before]
    gone, alive = psutil.wait_procs(left, timeout=10)
    assert not alive, f"the cluster left processes behind: {alive}"


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the ``WHEN`` columns."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        found = {}
        for table in tables:
            if table.startswith(UNKEYED) and table not in SURROGATE:
                continue
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            dropped = WHEN | {SURROGATE.get(table, "")}
            kept = ", ".join(f'"{column}"' for column in columns if column not in dropped)
            found[table] = sorted(connection.execute(f"SELECT {kept} FROM {table}"), key=repr)
        return found
    finally:
        connection.close()


def test_dask_stores_what_one_process_stores(
    client: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small batches, tasks and partitions: both workers get work and results come back out of
    # turn, which the engine must put back in order.
    monkeypatch.setattr(annotate_driver, "BATCH_SIZE", 5)
    monkeypatch.setattr(dask_engine, "TASK_SIZE", 2)
    monkeypatch.setattr(dask_engine, "PARTITION_SIZE", 3)
    one, dask = tmp_path / "one.db", tmp_path / "dask.db"
    with Store.open(str(one)) as store:
        single = ingest_paths([SAMPLE], store)
        annotated = annotate_store(store, workers=1)
    with Store.open(str(dask)) as store:
        spread = ingest_paths([SAMPLE], store, preparer=dask_engine.DaskIngest(client=client))
        assert spread.counts() == single.counts()
        assert spread.near_duplicate >= 1  # the sample's copy found across partitions
        summary = annotate_store(store, runner=dask_engine.DaskAnnotate(client=client))
    assert (summary.engine, summary.workers) == ("dask", 2)
    assert summary.annotated == annotated.annotated == 14 and not summary.failures
    assert summary.statements is not None and summary.merged_events is not None
    assert summary.statements.made == annotated.statements.made
    assert summary.statements.read == annotated.statements.read
    expected, found = _rows(one), _rows(dask)
    assert set(found) == set(expected)
    for table in ("documents", "mentions", "timexes", "quotes", "events", "merged_events"):
        assert expected[table], f"the sample gave no {table}: nothing compared"
    for table, rows in expected.items():
        assert found[table] == rows, f"{table} differs"


def test_dask_ingest_again_counts_every_document_a_duplicate(
    client: object, tmp_path: Path
) -> None:
    with Store.open(str(tmp_path / "again.db")) as store:
        ingest_paths([SAMPLE / "text"], store)
        again = ingest_paths(
            [SAMPLE / "text"], store, preparer=dask_engine.DaskIngest(client=client)
        )
    assert again.new == 0 and again.duplicate == again.read > 0


def test_cli_ingest_and_annotate_with_the_dask_engine(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    before = {process.pid for process in _children()}
    args = ["--engine", "dask", "--workers", "2", "--db", db, "-q"]
    ingested = runner.invoke(app, ["ingest", str(SAMPLE / "feeds"), *args])
    assert ingested.exit_code == 0, ingested.output
    annotated = runner.invoke(app, ["annotate", *args])
    assert annotated.exit_code == 0, annotated.output
    assert "(dask)" in annotated.stdout
    with Store.open(db) as store:
        assert len(store.annotation_versions()) == len(store.document_ids()) == 5
    left = [process for process in _children() if process.pid not in before]
    _, alive = psutil.wait_procs(left, timeout=10)
    assert not alive, f"the cluster left processes behind: {alive}"


def test_help_shows_the_dask_engine_with_an_example() -> None:
    runner = CliRunner()
    for command in ("annotate", "ingest"):
        shown = runner.invoke(app, [command, "--help"], terminal_width=200)
        assert shown.exit_code == 0
        assert "--engine" in shown.stdout and "--scheduler" in shown.stdout
    annotate_help = " ".join(runner.invoke(app, ["annotate", "--help"]).stdout.split())
    assert "Example: dossier annotate --db news.db --engine dask --workers 2" in annotate_help
