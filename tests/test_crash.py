"""The crash test: ``dossier ingest`` and ``dossier annotate`` killed with SIGKILL at random
moments, then run again until they finish, leave the same store as runs never killed.

Each database gets 7 kills of ingest and 3 of annotate, on the bundled sample corpus. A kill is
``kill -9`` of the process running the command: no handler runs, nothing is committed, rolled
back or flushed by it. Each killed command is run again, as a user would (that run may be killed
in turn), until one finishes. The store is then compared with one built by runs never killed,
fact for fact, through the store's own reads (documents, sources, stories, mentions, timexes,
sentences and links with their fact ids, annotation marks, every quote with its statement,
counts, search results), after ingest and again after annotate; and its integrity is checked
(SQLite's integrity and foreign key checks, the full-text index against the documents), and
its ingest runs: each either finished or killed, none left "running".

Kill moments are drawn from a seeded generator ($DOSSIER_CRASH_SEED, default 8) over the time a
whole run of the command takes, so a failure names its seed and round. To place the kills among
many writes rather than around one, the commands run with batches of two documents (ingest)
and two documents per pipeline batch (annotate): the same code, more transactions.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from dossier.store import Store
from dossier.store.kinds import FACT_KINDS

SAMPLE = Path(__file__).resolve().parents[1] / "sample" / "corpus"
INGEST_KILLS = 7
ANNOTATE_KILLS = 3
SEED = int(os.environ.get("DOSSIER_CRASH_SEED", "8"))
# Words of the sample whose search results are compared: the full-text index must follow.
SEARCH_WORDS = ("Armenia", "customs union", "treaty", "observer", "Minsk")

# A fork server: imports dossier once, then runs each command it is sent in a child process of
# its own, forked from it, and reports the child's pid and, once it ends, its exit code. A child is
# a fresh process to the store (no connection is opened before the fork) and runs the CLI exactly
# as `dossier` does; forking only spares each run Python's start-up and the loading of the
# language identifier's and spaCy's models, so that the time goes to kills and resumes, and the
# kill moments fall in the commands' reading, extracting and writing. Batches are made small
# before anything reads their size.
_FORK_SERVER = """
import inspect, json, os, sys, traceback
from dossier import settings
settings.INGEST_BATCH_SIZE = 2
import dossier.drivers.annotate as annotate
from dossier.drivers.ingest import ingest_paths
annotate.BATCH_SIZE = 2
assert inspect.signature(ingest_paths).parameters["batch_size"].default == 2
from dossier.cli import app
from dossier.ingest.metadata.language import language_of
from dossier.nlp import load_pipeline
import alembic.command, feedparser, trafilatura  # what a first run imports
language_of("A sentence in English, long enough to identify.", {})  # loads langid's model
load_pipeline()  # spaCy's: annotate finds it loaded
os.write(1, b"ready\\n")

for request in sys.stdin.buffer:
    log, *args = json.loads(request)
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            output = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(output, 1)
            os.dup2(output, 2)
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            try:
                app(args, prog_name="dossier")
                code = 0
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    os.write(1, f"started {pid}\\n".encode())
    os.write(1, f"exited {os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])}\\n".encode())
"""

#: The command lines the server runs, without the store.
COMMANDS = {
    "ingest": ["ingest", str(SAMPLE), "--quiet"],
    "annotate": ["annotate", "--workers", "1", "--quiet"],
}


class ForkServer:
    """The test's end of ``_FORK_SERVER``: start a command, wait for it a while, kill it."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.runs = 0
        self.process = subprocess.Popen(
            [sys.executable, "-c", _FORK_SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self._pending = b""
        ready = self._line(timeout=300)
        assert ready == "ready", f"the fork server did not start: {ready}"

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=60)

    def _line(self, timeout: float) -> str | None:
        """The server's next line, or None when none comes within ``timeout`` seconds."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while b"\n" not in self._pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.process.stdout], [], [], left)[0]:
                return None
            chunk = os.read(self.process.stdout.fileno(), 4096)
            if not chunk:
                pytest.fail(f"the fork server ended ({self.process.wait(timeout=60)})")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode()

    def start(self, command: str, location: str) -> tuple[int, Path]:
        """Start ``command`` on the store at ``location``: its pid and its output's file."""
        assert self.process.stdin is not None
        self.runs += 1
        log = self.logs / f"{self.runs:03d}-{command}.log"
        request = [str(log), *COMMANDS[command], "--db", location]
        self.process.stdin.write(json.dumps(request).encode() + b"\n")
        line = self._line(timeout=120) or "no answer"
        assert line.startswith("started "), line
        return int(line.split()[1]), log

    def wait(self, timeout: float) -> int | None:
        """The exit code of the command started last (-9: killed), or None if still running."""
        line = self._line(timeout)
        return None if line is None else int(line.split()[1])


@pytest.fixture(scope="module")
def fork_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    server = ForkServer(tmp_path_factory.mktemp("crash-logs"))
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """A factory of locations of fresh, empty stores on one database: new SQLite files, or one
    PostgreSQL database emptied again (cheaper than a new database each time)."""
    if request.param == "sqlite":
        names = iter(range(1000))
        return lambda: str(tmp_path / f"store{next(names)}" / "dossier.db")
    location: str = request.getfixturevalue("postgres_database")
    engine = create_engine(location)
    request.addfinalizer(engine.dispose)

    def empty() -> str:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        return location

    return empty


class Runner:
    """Runs the commands on one store, kills them at random moments, and resumes them.

    work: per command, how long a whole run takes, to draw kill moments from; a first run that
        ends before its moment is the better measure, and replaces it.
    """

    def __init__(
        self, server: ForkServer, location: str, rng: random.Random, work: dict[str, float]
    ) -> None:
        self.server = server
        self.location = location
        self.rng = rng
        self.work = work

    def complete(self, command: str) -> float:
        """Run ``command`` to its end; returns the seconds it took."""
        _, log = self.server.start(command, self.location)
        started = time.perf_counter()
        code = self.server.wait(timeout=300)
        assert code == 0, f"{command} failed ({code}): {log.read_text()}"
        return time.perf_counter() - started

    def kill_until_done(self, command: str, kills: int) -> int:
        """Run ``command`` again and again, killing each run at a random moment of a whole
        run's time, until ``kills`` kills are done or a run finishes first; then run it to its
        end. Returns the kills done."""
        done = 0
        while done < kills:
            pid, log = self.server.start(command, self.location)
            started = time.perf_counter()
            code = self.server.wait(timeout=self.rng.uniform(0.0, self.work[command]))
            if code is None:
                # It may end (and be reaped) between the wait and the kill: then its own exit
                # code, read next, says how it ended.
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                code = self.server.wait(timeout=60)
            if code == -signal.SIGKILL:
                done += 1
                continue
            # It finished before its moment came: that run completed the command.
            assert code == 0, f"{command} failed ({code}): {log.read_text()}"
            if done == 0:
                self.work[command] = time.perf_counter() - started
            return done
        self.complete(command)
        return done


def _snapshot(location: str) -> dict[str, Any]:
    """Everything the store holds, through its own reads, minus what differs by run: when
    things were stored and the ingest runs."""
    with Store.open(location, read_only=True) as store:
        ids = sorted(store.document_ids())
        stats = dataclasses.replace(
            store.stats(), runs=0, unfinished_runs={}, failures_last_run=0, last_run=None
        )
        return {
            "documents": [store.get_document(doc_id) for doc_id in ids],
            "sources": {doc_id: store.get_sources(doc_id) for doc_id in ids},
            "listing": store.list_documents(),
            "stories": store.duplicate_groups(),
            "facts": {kind: store.read_facts(kind) for kind in sorted(FACT_KINDS)},
            "links": {doc_id: sorted(store.read_links(doc_id), key=repr) for doc_id in ids},
            "annotated": store.annotation_versions(),
            # Every quote with its statement: grouped as an uninterrupted run groups them.
            "statements": store.quotes(all_copies=True),
            "stats": stats,
            "search": {
                word: [(hit.doc_id, hit.snippet) for hit in store.search(word)]
                for word in SEARCH_WORDS
            },
        }


def _check_integrity(location: str) -> None:
    with Store.open(location) as store, store.engine.begin() as connection:
        if store.dialect == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            # Raises SQLITE_CORRUPT_VTAB when the full-text index and the documents disagree.
            connection.exec_driver_sql(
                "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"
            )
        else:
            # Every document is in the full-text index, from its own text (a generated column).
            missing = connection.execute(
                text("SELECT count(*) FROM documents WHERE search_vector IS NULL")
            ).scalar()
            assert missing == 0


def _check_runs(location: str, ingest_kills: int) -> None:
    """Every ingest run either finished or was killed; none is left "running"."""
    with Store.open(location, read_only=True) as store:
        runs = store.ingest_runs()
        stats = store.stats()
    assert {run.status for run in runs} <= {"finished", "killed"}
    killed = [run for run in runs if run.status == "killed"]
    # A kill before the run was recorded (during start-up) leaves no run at all.
    assert len(killed) <= ingest_kills
    assert all(run.finished_at is None for run in killed)
    assert stats.unfinished_runs == {"killed": len(killed), "running": 0}
    assert stats.runs == len(runs) - len(killed) >= 1
    assert stats.last_run is not None and stats.last_run.status == "finished"


def test_killed_ingest_and_annotate_complete_to_the_uninterrupted_store(
    fork_server: ForkServer, new_store: Callable[[], str]
) -> None:
    rng = random.Random(SEED)
    work: dict[str, float] = {}
    reference = Runner(fork_server, new_store(), rng, work)
    work["ingest"] = reference.complete("ingest")
    ingested = _snapshot(reference.location)
    work["annotate"] = reference.complete("annotate")
    annotated = _snapshot(reference.location)
    assert len(ingested["documents"]) == 14 and not ingested["facts"]["mention"]
    assert annotated["facts"]["mention"] and annotated["facts"]["sentence"]

    # Each round: a fresh store, ingest killed and resumed until done, compared; then, while
    # annotate kills are still wanted, annotate killed and resumed until done, compared.
    wanted = {"ingest": INGEST_KILLS, "annotate": ANNOTATE_KILLS}
    killed = dict.fromkeys(COMMANDS, 0)
    rounds = 0
    while killed != wanted:
        rounds += 1
        assert rounds <= 10, f"seed {SEED}: only {killed} kills after {rounds - 1} rounds"
        runner = Runner(fork_server, new_store(), rng, work)
        this_round = dict.fromkeys(COMMANDS, 0)
        this_round["ingest"] = runner.kill_until_done("ingest", wanted["ingest"] - killed["ingest"])
        message = f"seed {SEED}, round {rounds}, kills {this_round}"
        assert _snapshot(runner.location) == ingested, message
        if killed["annotate"] < wanted["annotate"]:
            left = wanted["annotate"] - killed["annotate"]
            this_round["annotate"] = runner.kill_until_done("annotate", left)
            message = f"seed {SEED}, round {rounds}, kills {this_round}"
            assert _snapshot(runner.location) == annotated, message
        _check_integrity(runner.location)
        _check_runs(runner.location, this_round["ingest"])
        for command in COMMANDS:
            killed[command] += this_round[command]
    assert killed == wanted
