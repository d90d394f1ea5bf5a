"""Ingest runs: when each ran, what it counted, and which inputs it could not read.

A mixin of ``Store``: its methods run in the store's own transactions.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, insert, update

from dossier.model import ReadFailure
from dossier.store.rows import nul_free, utcnow
from dossier.store.schema import ingest_failures, ingest_runs

#: The counts an ingest run records, as ``finish_run`` accepts them.
RUN_COUNTS = ("read", "new", "duplicate", "near_duplicate", "failed")


class IngestRunsMixin:
    """Recording ingest runs for ``Store``."""

    _transaction: Callable[..., AbstractContextManager[Connection]]  # provided by Store

    def start_run(self, paths: list[str]) -> int:
        """Record the start of an ingest run and return its id.

        paths: the files, folders or patterns the run reads.
        """
        row = {
            "started_at": utcnow(),
            "paths": [nul_free(str(p)) for p in paths],
            "interrupted": False,
            **{name: 0 for name in RUN_COUNTS},
        }
        with self._transaction(write=True) as connection:
            result = connection.execute(insert(ingest_runs).values(**row))
            return int(result.inserted_primary_key[0])

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
        with self._transaction(write=True) as connection:
            result = connection.execute(
                update(ingest_runs).where(ingest_runs.c.id == run_id).values(**values)
            )
            if result.rowcount == 0:
                raise ValueError(f"no ingest run {run_id}")

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
