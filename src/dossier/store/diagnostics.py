"""Where a store's time and writes go, for the benches (``bench/profile_ingest.py``,
``bench/wal_pages.py``): SQL statements timed by their shape, settings applied to every new
connection, and which b-tree owns each page a SQLite WAL holds. Nothing here runs in ingest
itself; it lives in the store package because only the store touches the database libraries.
"""

from __future__ import annotations

import re
import sqlite3
import struct
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import event

from dossier.store.database import Store

# A list of bound parameters, as either driver's paramstyle writes it.
_PARAMETERS = re.compile(r"\((?:\?|%\(\w+\)s|__\[POSTCOMPILE_\w+\])(?:, ?(?:\?|%\(\w+\)s))*\)")


def on_connect(store: Store, pragmas: list[str]) -> None:
    """Run ``PRAGMA p`` for each of ``pragmas`` on every connection ``store`` opens from now on
    (SQLite only; the open connections are closed first, so none is left without them)."""
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(f"PRAGMA {pragma}")


class StatementTimes:
    """Seconds and executions per statement shape (and ``COMMIT``) on ``store``'s engine."""

    def __init__(self, store: Store) -> None:
        self.spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
        started: dict[int, float] = {}
        engine = store.engine

        @event.listens_for(engine, "before_cursor_execute")
        def _before(_conn: Any, cursor: Any, *_args: Any) -> None:
            started[id(cursor)] = time.perf_counter()

        @event.listens_for(engine, "after_cursor_execute")
        def _after(_c: Any, cursor: Any, statement: str, params: Any, _x: Any, many: bool) -> None:
            entry = self.spent[_PARAMETERS.sub("(…)", " ".join(statement.split()))[:150]]
            entry[0] += time.perf_counter() - started.pop(id(cursor))
            entry[1] += len(params) if many else 1

        commit = engine.dialect.do_commit

        def timed_commit(dbapi_connection: Any) -> None:
            begun = time.perf_counter()
            try:
                commit(dbapi_connection)
            finally:
                entry = self.spent["COMMIT"]
                entry[0] += time.perf_counter() - begun
                entry[1] += 1

        engine.dialect.do_commit = timed_commit  # type: ignore[method-assign]

    def total(self) -> float:
        return sum(seconds for seconds, _ in self.spent.values())

    def top(self, count: int) -> list[tuple[str, float, int]]:
        ranked = sorted(self.spent.items(), key=lambda item: -item[1][0])[:count]
        return [(shape, seconds, int(calls)) for shape, (seconds, calls) in ranked]


def wal_frames(path: Path) -> tuple[list[int], int]:
    """The page number of every frame of a SQLite WAL file, and how many commits it holds."""
    data = path.read_bytes()
    page_size = struct.unpack(">I", data[8:12])[0]
    pages, commits, offset = [], 0, 32
    while offset + 24 + page_size <= len(data):
        page, size_after_commit = struct.unpack(">II", data[offset : offset + 8])
        pages.append(page)
        commits += size_after_commit != 0
        offset += 24 + page_size
    return pages, commits


def pages_by_btree(db_path: str, pages: list[int]) -> Counter[str]:
    """How many of ``pages`` each table or index of the SQLite file owns (``dbstat``)."""
    connection = sqlite3.connect(db_path)
    try:
        owner = dict(connection.execute("SELECT pageno, name FROM dbstat"))
    finally:
        connection.close()
    return Counter(owner.get(page, "(freed)") for page in pages)
