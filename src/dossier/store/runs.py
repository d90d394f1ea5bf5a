"""Ingest runs: when each ran, what it counted, which inputs it could not read, and whether a run
that never recorded its end was killed or is still going.

A run records its end in ``finish_run``; a run killed mid-ingest (``kill -9``, a power cut, an
out-of-memory kill) never does. To tell such a run from a live one, each run records the process
running it, and a reader asks whether that process is still there:

- on PostgreSQL, a live run holds an advisory lock keyed by its id, on a connection of its own,
  from the transaction that records its start until it records its end. The server drops the
  lock when the process dies, wherever it ran, so a run with no end and no lock was killed;
- on SQLite, a reader on the same host asks the operating system whether the process is alive,
  and on Linux whether it is the same process (its boot and its start time), so a pid reused by
  another process does not keep a dead run alive. A run recorded on another host cannot be
  checked from here and counts as running.

A mixin of ``Store``: its methods run in the store's own transactions.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from dossier.model import ReadFailure
from dossier.store.records import IngestRun
from dossier.store.rows import nul_free, utcnow
from dossier.store.schema import ingest_failures, ingest_runs

#: The counts an ingest run records, as ``finish_run`` accepts them.
RUN_COUNTS = ("read", "new", "duplicate", "near_duplicate", "failed")

#: A run's status: it recorded its end (``finished``, or ``interrupted`` by Ctrl-C or SIGTERM),
#: or it did not and its process is gone (``killed``) or still there (``running``).
RUN_STATUSES = ("finished", "interrupted", "killed", "running")
UNFINISHED_STATUSES = ("killed", "running")

# First key of a run's advisory lock (the second is the run's id). A two-key lock never meets
# the one-key migration lock in engine.py: PostgreSQL keeps the two forms apart.
_RUN_LOCK = 0x646F7372  # "dosr"

_LIVE_RUN_LOCKS = text(
    "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND objsubid = 2 AND classid = CAST(:key AS oid)"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)


# -- the process running a run ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return None


def _proc_stat(pid: int) -> tuple[str, str] | None:
    """(state, start time in clock ticks since boot) of a Linux process, or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: count from the last ")".
    after_name = stat[stat.rfind(")") + 2 :].split()
    if len(after_name) < 20:
        return None
    return after_name[0], after_name[19]  # fields 3 (state) and 22 (starttime)


def process_start(pid: int) -> str | None:
    """Which process ``pid`` is, beyond its number: ``boot id/start tick`` on Linux, else None.

    pid: a process id on this host.
    """
    boot, stat = _boot_id(), _proc_stat(pid)
    if boot is None or stat is None:
        return None
    return f"{boot}/{stat[1]}"


def this_process() -> dict[str, Any]:
    """The host, pid and start of the calling process, as a run records them."""
    pid = os.getpid()
    return {"host": socket.gethostname()[:255], "pid": pid, "process_start": process_start(pid)}


def process_is_alive(host: str | None, pid: int | None, started: str | None) -> bool:
    """Whether the process a run recorded may still be running it.

    host, pid, started: as ``this_process`` gave them; a run recorded without them (before
        the store recorded processes) is not alive.
    A process on another host cannot be checked from here and counts as alive.
    """
    if pid is None or host is None:
        return False
    if host != socket.gethostname()[:255]:
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        pass  # it exists, owned by someone else
    stat = _proc_stat(pid)
    if stat is not None and stat[0] in ("Z", "X"):
        return False  # killed, waiting only to be reaped
    if started is not None:
        now = process_start(pid)
        # Another boot, or another process given the same pid since.
        return now is None or now == started
    return True


# -- reading statuses ------------------------------------------------------------------------------


def unfinished_run_statuses(connection: Connection) -> dict[int, str]:
    """``killed`` or ``running`` for every run that has not recorded its end, by run id.

    Call it first in a read transaction. A run that ends between the transaction's snapshot and
    the check would show as killed; checking first keeps that window to one statement.
    """
    live_locks: set[int] = set()
    if connection.dialect.name == "postgresql":
        live_locks = set(connection.execute(_LIVE_RUN_LOCKS, {"key": _RUN_LOCK}).scalars())
    unfinished = connection.execute(
        select(ingest_runs.c.id, ingest_runs.c.host, ingest_runs.c.pid, ingest_runs.c.process_start)
        .where(ingest_runs.c.finished_at.is_(None))
        .order_by(ingest_runs.c.id)
    ).all()
    statuses = {}
    for run_id, host, pid, started in unfinished:
        if connection.dialect.name == "postgresql":
            alive = run_id in live_locks
        else:
            alive = process_is_alive(host, pid, started)
        statuses[run_id] = "running" if alive else "killed"
    return statuses


def run_record(row: Any, unfinished: dict[int, str]) -> IngestRun:
    """The ``IngestRun`` an ``ingest_runs`` row holds, with its status.

    unfinished: ``unfinished_run_statuses`` of the same transaction.
    """

    def iso(moment: Any) -> str:
        return moment.isoformat(timespec="seconds") + "Z"

    if row.finished_at is not None:
        status = "interrupted" if row.interrupted else "finished"
    else:
        status = unfinished.get(row.id, "killed")
    return IngestRun(
        id=row.id,
        started_at=iso(row.started_at),
        finished_at=iso(row.finished_at) if row.finished_at else None,
        status=status,
        interrupted=bool(row.interrupted),
        **{name: getattr(row, name) for name in RUN_COUNTS},
        host=row.host,
        pid=row.pid,
    )


# -- the mixin -------------------------------------------------------------------------------------


class IngestRunsMixin:
    """Recording ingest runs for ``Store``."""

    _transaction: Callable[..., AbstractContextManager[Connection]]  # provided by Store
    _engine: Engine  # provided by Store
    _read_only: bool  # provided by Store

    def _run_locks(self) -> dict[int, Connection]:
        """The connections holding the advisory locks of this store's live runs (PostgreSQL)."""
        locks = self.__dict__.get("_live_run_connections")
        if locks is None:
            locks = self.__dict__["_live_run_connections"] = {}
        return locks

    def start_run(self, paths: list[str]) -> int:
        """Record the start of an ingest run and return its id.

        paths: the files, folders or patterns the run reads.
        """
        row = {
            "started_at": utcnow(),
            "paths": [nul_free(str(p)) for p in paths],
            "interrupted": False,
            **{name: 0 for name in RUN_COUNTS},
            **this_process(),
        }
        if self._engine.dialect.name != "postgresql":
            with self._transaction(write=True) as connection:
                result = connection.execute(insert(ingest_runs).values(**row))
                return int(result.inserted_primary_key[0])
        if self._read_only:
            raise RuntimeError("this store was opened read-only; open it with Store.open(url)")
        # The lock is taken before the row is committed, so no reader ever sees the run without
        # it; it is a session lock, so it outlives this transaction, and dies with the process.
        connection = self._engine.connect()
        try:
            with connection.begin():
                result = connection.execute(insert(ingest_runs).values(**row))
                run_id = int(result.inserted_primary_key[0])
                connection.execute(
                    text("SELECT pg_advisory_lock(:key, :id)"), {"key": _RUN_LOCK, "id": run_id}
                )
        except BaseException:
            # A session lock survives a rollback: drop the connection rather than pool it.
            connection.invalidate()
            connection.close()
            raise
        self._run_locks()[run_id] = connection
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int], interrupted: bool) -> None:
        """Record the end of an ingest run and what it found.

        run_id: the id ``start_run`` returned.
        counts: any of read, new, duplicate, near_duplicate, failed.
        interrupted: whether the run was stopped before reading everything.
        """
        unknown = set(counts) - set(RUN_COUNTS)
        if unknown:
            raise ValueError(f"unknown run counts {sorted(unknown)}; known: {list(RUN_COUNTS)}")
        values: dict[str, Any] = {name: int(value) for name, value in counts.items()}
        values.update(finished_at=utcnow(), interrupted=bool(interrupted))
        statement = update(ingest_runs).where(ingest_runs.c.id == run_id).values(**values)
        lock = self._run_locks().pop(run_id, None)
        updated = None
        if lock is not None:
            try:
                with lock.begin():
                    updated = lock.execute(statement).rowcount
                # After the commit: a reader never sees the run unfinished and unlocked.
                lock.execute(
                    text("SELECT pg_advisory_unlock(:key, :id)"), {"key": _RUN_LOCK, "id": run_id}
                )
                lock.commit()
            except SQLAlchemyError:
                lock.invalidate()  # a connection lost mid-run: record the end on a fresh one
            finally:
                lock.close()
        if updated is None:
            with self._transaction(write=True) as connection:
                updated = connection.execute(statement).rowcount
        if updated == 0:
            raise ValueError(f"no ingest run {run_id}")

    def ingest_runs(self, limit: int | None = None) -> list[IngestRun]:
        """The recorded ingest runs, newest first, each with its status (``RUN_STATUSES``).

        limit: most runs to return; None for all.
        """
        with self._transaction() as connection:
            unfinished = unfinished_run_statuses(connection)
            rows = connection.execute(
                select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit)
            ).all()
        return [run_record(row, unfinished) for row in rows]

    def add_failures(self, run_id: int, failures: list[ReadFailure]) -> None:
        """Record the inputs an ingest run could not read.

        run_id: the id ``start_run`` returned.
        failures: what failed, where and why.
        """
        if not failures:
            return
        rows = [
            {
                "run_id": run_id,
                "source_path": nul_free(f.source_path),
                "line": f.line,
                "reason": nul_free(f.reason),
            }
            for f in failures
        ]
        with self._transaction(write=True) as connection:
            connection.execute(insert(ingest_failures), rows)
