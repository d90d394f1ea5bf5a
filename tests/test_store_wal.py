"""Opening a store switches its file to WAL mode even while another connection holds it.

CI once saw two ingests create the same new store at once; one was refused with "database is
locked" while putting the file in WAL mode, which SQLite refuses at once instead of waiting.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import make_url, text

from dossier.store.engine import _switch_to_wal, create_store_engine


def _hold_exclusive(path: Path, seconds: float, held: threading.Event) -> threading.Thread:
    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN EXCLUSIVE")
        held.set()
        threading.Event().wait(seconds)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    return thread


def test_a_new_file_held_by_another_connection_is_switched_once_free(tmp_path: Path) -> None:
    path = tmp_path / "dossier.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    held = threading.Event()
    holder = _hold_exclusive(path, 0.5, held)
    held.wait()
    engine = create_store_engine(make_url(f"sqlite:///{path}"))
    with engine.connect() as connection:
        mode = connection.execute(text("PRAGMA journal_mode")).scalar_one()
    holder.join()
    engine.dispose()
    assert mode == "wal"


def test_a_file_already_in_wal_mode_opens_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "dossier.db"
    setup = sqlite3.connect(path)
    setup.execute("PRAGMA journal_mode = WAL")
    setup.execute("CREATE TABLE t (x)")
    setup.close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO t VALUES (1)")
    engine = create_store_engine(make_url(f"sqlite:///{path}"))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        # The writer's uncommitted row is not seen: the reader did not wait for it.
        assert connection.execute(text("SELECT count(*) FROM t")).scalar_one() == 0
    writer.execute("COMMIT")
    writer.close()
    engine.dispose()


class _RefusingCursor:
    """A cursor whose file is refused to it a few times, as when two processes create it."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.mode = "delete"
        self.statements: list[str] = []

    def execute(self, statement: str) -> _RefusingCursor:
        self.statements.append(statement)
        if statement == "PRAGMA journal_mode = WAL":
            if self.refusals:
                self.refusals -= 1
                raise sqlite3.OperationalError("database is locked")
            self.mode = "wal"
        return self

    def fetchone(self) -> tuple[str]:
        return (self.mode,)


def test_a_switch_refused_without_waiting_is_tried_again() -> None:
    cursor = _RefusingCursor(refusals=3)
    _switch_to_wal(cursor)
    assert cursor.mode == "wal"
    assert cursor.statements.count("PRAGMA journal_mode = WAL") == 4


def test_a_switch_refused_past_the_patience_is_reported() -> None:
    cursor = _RefusingCursor(refusals=10_000)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _switch_to_wal(cursor, patience_s=0.2)


def test_a_file_already_in_wal_mode_is_not_switched_again() -> None:
    cursor = _RefusingCursor(refusals=10_000)
    cursor.mode = "wal"
    _switch_to_wal(cursor)
    assert "PRAGMA journal_mode = WAL" not in cursor.statements
