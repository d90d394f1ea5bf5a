"""Loading rows in bulk, straight into the store's tables: for building large stores to measure
(``bench/bench_store_volume.py``), not for ingest, which goes through ``Store``'s writers.

Rows are plain tuples in a named column order; JSON columns take their text already encoded,
binary columns bytes. SQLite takes them by ``executemany`` on one connection with the
journal's syncs off for the load (a crash mid-load loses the load, never a committed store);
PostgreSQL by ``COPY … FROM STDIN`` through psycopg, an order of magnitude faster than
INSERT. Every constraint, index and trigger stays in place, so what is loaded is what the store
would hold: the full-text index on SQLite is filled by its insert trigger, ``search_vector``
on PostgreSQL is computed by the database.

Also here, since nothing outside ``store`` may reach a database itself: making and dropping a
scratch PostgreSQL database beside another (``scratch_database``).
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text, update

from dossier.store.database import Store
from dossier.store.engine import database_url
from dossier.store.quotes import said_date_of_quote
from dossier.store.schema import Base, quotes
from dossier.store.tallies import recount

#: Rows per executemany call or COPY chunk: big enough to amortise the round trip, small
#: enough that a generator's rows do not pile up in memory.
BATCH = 20_000

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass
class LoadCount:
    """Rows loaded into one table and the seconds it took (generation of the rows included)."""

    table: str
    rows: int = 0
    seconds: float = 0.0


class BulkLoader:
    """Rows into a store's tables, in bulk, in one transaction per ``load`` call.

    store: a writable store (its schema at the newest revision).
    """

    def __init__(self, store: Store) -> None:
        if store.read_only:
            raise RuntimeError("a bulk load needs a store opened for writing")
        self._store = store
        self.counts: dict[str, LoadCount] = {}

    def columns(self, table: str) -> list[str]:
        """The column names of ``table``, in declaration order (what a row tuple may follow)."""
        return [column.name for column in Base.metadata.tables[table].columns]

    def load(
        self,
        batches: Iterable[dict[str, list[tuple[Any, ...]]]],
        columns: dict[str, Sequence[str]],
        *,
        defer: bool = False,
    ) -> None:
        """Write each batch (table name -> rows) in one transaction, tables in the batch's order.

        batches: e.g. one per thousand documents: their documents first, then their facts, so
            foreign keys hold at every commit.
        columns: table name -> the column names the rows of that table give, in order.
        defer: build the loaded tables' secondary indexes (and on SQLite the documents'
            full-text index, on PostgreSQL the foreign keys) once after the load, from the
            sorted rows, instead of entry by entry during it; foreign keys are not checked
            row by row during the load (SQLite), or checked once at the end (PostgreSQL). For
            a fresh scratch store whose rows are known to be whole: documents must bring
            their ``seq``.
        """
        for name, names in columns.items():
            if name not in Base.metadata.tables or not all(_NAME.match(c) for c in names):
                raise ValueError(f"unknown table or odd column name: {name} {names}")
        if defer and "seq" not in columns.get("documents", ("seq",)):
            raise ValueError("a deferred load needs the documents' seq")
        engine = self._store.engine
        with engine.connect() as connection:
            postgresql = connection.dialect.name == "postgresql"
            raw = connection.connection.driver_connection
            deferred = _defer(raw, postgresql, list(columns)) if defer else []
            if not postgresql:
                # A scratch load: no sync per commit, a large page cache for the indexes.
                raw.execute("PRAGMA synchronous = OFF")
                raw.execute("PRAGMA cache_size = -2000000")
            else:
                with raw.transaction():  # never an implicit transaction left open
                    raw.execute("SET synchronous_commit = off")
            # A deferred load on PostgreSQL, its foreign keys dropped, copies the documents on a
            # second connection beside the facts: the server's text search vectors of the
            # documents are most of its work, and take a core of their own.
            side = _SideCopier(engine, columns) if deferred and postgresql else None
            started = time.perf_counter()
            for batch in _ahead(batches):
                if side is not None:
                    side.copy({t: batch[t] for t in _SIDE_TABLES if t in batch})
                    rest = {t: rows for t, rows in batch.items() if t not in _SIDE_TABLES}
                    self._copy_batch(raw, rest, columns)
                elif postgresql:
                    self._copy_batch(raw, batch, columns)
                else:
                    self._insert_batch(raw, batch, columns)
                now = time.perf_counter()
                # Time is charged to the tables by their share of the batch's rows.
                total = sum(len(rows) for rows in batch.values()) or 1
                for name, rows in batch.items():
                    count = self.counts.setdefault(name, LoadCount(name))
                    count.rows += len(rows)
                    count.seconds += (now - started) * len(rows) / total
                started = now
            if side is not None:
                side.finish()
            if deferred:
                built = time.perf_counter()
                _restore(raw, postgresql, deferred)
                self.counts.setdefault("(indexes)", LoadCount("(indexes)")).seconds += (
                    time.perf_counter() - built
                )
            if not postgresql:
                raw.execute("PRAGMA synchronous = NORMAL")
            elif "seq" in columns.get("documents", ()):
                # The rows brought their own seq: move the identity past them, or the next
                # document ingest would be numbered 1 again.
                with raw.transaction():
                    raw.execute(
                        "SELECT setval(pg_get_serial_sequence('documents', 'seq'),"
                        " (SELECT coalesce(max(seq), 0) + 1 FROM documents), false)"
                    )
        if "quotes" in columns:
            self._fill_said_dates(engine)
        if "event_actors" in columns and "date" not in columns["event_actors"]:
            self._fill_event_actor_dates(engine)
        if {"mentions", "stances"} & set(columns) and inspect(engine).has_table("stance_tallies"):
            # Rows that went around the fact writer: its aggregates counted afresh.
            with engine.begin() as connection:
                recount(connection)

    @staticmethod
    def _fill_said_dates(engine: Engine) -> None:
        """Derive the said date the fact writer would have stored for each loaded quote (a
        store at a revision before the column has none to fill)."""
        if "said_date" not in {c["name"] for c in inspect(engine).get_columns("quotes")}:
            return
        with engine.begin() as connection:
            fill = update(quotes).where(quotes.c.said_date.is_(None))
            connection.execute(fill.values(said_date=said_date_of_quote()))

    @staticmethod
    def _fill_event_actor_dates(engine: Engine) -> None:
        """Copy each loaded event's date beside its actors, as the fact writer would have
        (a store at a revision before the column has none to fill)."""
        if "date" not in {c["name"] for c in inspect(engine).get_columns("event_actors")}:
            return
        with engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE event_actors SET date = (SELECT events.date FROM events"
                    " WHERE events.fact_id = event_actors.fact_id) WHERE date IS NULL"
                )
            )

    @staticmethod
    def _insert_batch(
        raw: Any, batch: dict[str, list[tuple[Any, ...]]], columns: dict[str, Sequence[str]]
    ) -> None:
        raw.execute("BEGIN IMMEDIATE")
        try:
            for name, rows in batch.items():
                names = columns[name]
                marks = ", ".join("?" for _ in names)
                quoted = ", ".join(f'"{c}"' for c in names)
                raw.executemany(f'INSERT INTO "{name}" ({quoted}) VALUES ({marks})', rows)
        except BaseException:
            raw.execute("ROLLBACK")
            raise
        raw.execute("COMMIT")

    @staticmethod
    def _copy_batch(
        raw: Any, batch: dict[str, list[tuple[Any, ...]]], columns: dict[str, Sequence[str]]
    ) -> None:
        with raw.transaction(), raw.cursor() as cursor:
            for name, rows in batch.items():
                quoted = ", ".join(f'"{c}"' for c in columns[name])
                with cursor.copy(f'COPY "{name}" ({quoted}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)

    def analyse(self) -> None:
        """Refresh the planner's statistics (``ANALYZE``), as a store that grew by itself would
        have them: without them both planners guess, and guess badly at this size.

        On PostgreSQL also ``VACUUM``, as autovacuum would have done by then: it marks the
        loaded pages all-visible, without which no index-only scan skips the table, and it
        keeps autovacuum from starting on the fresh rows in the middle of a measurement."""
        with self._store.engine.connect() as connection:
            raw = connection.connection.driver_connection
            if connection.dialect.name == "postgresql":
                raw.autocommit = True
                raw.execute("VACUUM (ANALYZE)")
                raw.autocommit = False
            else:
                raw.execute("ANALYZE")


#: The tables a deferred PostgreSQL load copies on its second connection.
_SIDE_TABLES = ("documents", "document_sources")


class _SideCopier:
    """COPY of some tables' rows on a connection and thread of its own, a batch at a time."""

    def __init__(self, engine: Engine, columns: dict[str, Sequence[str]]) -> None:
        self._columns = columns
        self._raw = engine.raw_connection()
        self._work: queue.Queue[Any] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="bulk-side", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        raw = self._raw.driver_connection
        try:
            with raw.transaction():
                raw.execute("SET synchronous_commit = off")
            while (batch := self._work.get()) is not None:
                if self._error is None:
                    BulkLoader._copy_batch(raw, batch, self._columns)
        except BaseException as error:  # raised again in the loading thread
            self._error = error
            while self._work.get() is not None:
                pass

    def copy(self, batch: dict[str, list[tuple[Any, ...]]]) -> None:
        if self._error is not None:
            self.finish()
        self._work.put(batch)

    def finish(self) -> None:
        """Wait for the copies queued; raise what failed."""
        if self._thread.is_alive():
            self._work.put(None)
            self._thread.join()
        self._raw.close()
        if self._error is not None:
            raise self._error


def _ahead(batches: Iterable[Any], depth: int = 2) -> Iterator[Any]:
    """``batches``, drawn in a thread up to ``depth`` ahead: the next batch is made while the
    database writes this one (both drivers let go of the GIL while the database works)."""
    ready: queue.Queue[Any] = queue.Queue(maxsize=depth)
    done = object()
    stop = threading.Event()

    def hand(item: Any) -> bool:
        """Queue ``item`` unless the loading thread has stopped; whether it was queued."""
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def draw() -> None:
        try:
            for batch in batches:
                if not hand(batch):
                    return
            hand(done)
        except BaseException as error:  # handed to the loading thread
            hand(error)

    thread = threading.Thread(target=draw, name="bulk-rows", daemon=True)
    thread.start()
    try:
        while (item := ready.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


# -- deferred indexes --------------------------------------------------------------------------

#: SQLite's full-text index of documents: its triggers are dropped for a deferred load and the
#: index rebuilt from ``documents`` after it.
_FTS_TRIGGERS = ("documents_fts_insert", "documents_fts_delete", "documents_fts_update")


def _defer(raw: Any, postgresql: bool, tables: list[str]) -> list[tuple[str, str]]:
    """Drop the secondary indexes of ``tables`` (and SQLite's full-text triggers, PostgreSQL's
    foreign keys from them); the (kind, DDL) pairs that make them again."""
    saved: list[tuple[str, str]] = []
    if postgresql:
        with raw.transaction():
            constraints = raw.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                " FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
                (tables,),
            ).fetchall()
            for table, name, definition in constraints:
                raw.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
                saved.append(("fk", f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}'))
            indexes = raw.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i"
                " WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)"
                " AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                "  WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))",
                (tables,),
            ).fetchall()
            for name, definition in indexes:
                raw.execute(f'DROP INDEX "{name}"')
                saved.append(("index", definition))
        return saved
    placeholders = ", ".join("?" for _ in tables)
    rows = raw.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
        f" AND sql IS NOT NULL AND tbl_name IN ({placeholders})",
        tables,
    ).fetchall()
    for kind, name, sql in rows:
        if kind == "index" or name in _FTS_TRIGGERS:
            raw.execute(f'DROP {kind.upper()} "{name}"')
            saved.append((kind, sql))
    raw.execute("PRAGMA foreign_keys = OFF")
    return saved


def _restore(raw: Any, postgresql: bool, saved: list[tuple[str, str]]) -> None:
    """Make again what ``_defer`` dropped, filling what the load went around."""
    if postgresql:
        with raw.transaction():
            raw.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for _, ddl in sorted(saved, key=lambda item: item[0] != "index"):
                raw.execute(ddl)
        return
    raw.execute("BEGIN IMMEDIATE")
    for kind, ddl in saved:
        if kind == "index":
            raw.execute(ddl)
    if any(kind == "trigger" for kind, _ in saved):
        raw.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    for kind, ddl in saved:
        if kind == "trigger":
            raw.execute(ddl)
    raw.execute("COMMIT")
    raw.execute("PRAGMA foreign_keys = ON")


def migrate_to(store: Store, revision: str, *, down: bool = False, stamp: bool = False) -> None:
    """Move the store's schema down to ``revision``, or up to it ("head" for the newest): to
    measure the same rows with and without a revision's indexes.

    stamp: only record ``revision`` as the schema's, changing nothing else: a store opened
        read-only is brought to the newest revision first, so the rows are measured without
        the newest indexes by stamping it "head" while it still lacks them (and stamping it
        back before upgrading)."""
    from alembic import command

    from dossier.store.engine import alembic_config

    config = alembic_config(url=store.engine.url.render_as_string(hide_password=False))
    if stamp:
        command.stamp(config, revision, purge=True)
    elif down:
        command.downgrade(config, revision)
    else:
        command.upgrade(config, revision)
    store.schema_changed()


def table_sizes(store: Store, tables: Iterable[str]) -> dict[str, int]:
    """Rows in each of ``tables`` (names from the schema)."""
    found = {}
    with store.engine.connect() as connection:
        for name in tables:
            if name not in Base.metadata.tables:
                raise ValueError(f"unknown table {name}")
            found[name] = connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
    return found


@contextmanager
def scratch_database(server_url: str, name: str, *, keep: bool = False) -> Iterator[str]:
    """A new, empty PostgreSQL database ``name`` on the server of ``server_url``, dropped on exit
    (with any connections left to it); yields its URL. The database ``server_url`` names is only
    connected to, never changed.

    keep: leave it in place on exit (dropped only at the next call with the same name).
    Raises ValueError for a name that is not a plain lower-case identifier.
    """
    if not _NAME.match(name):
        raise ValueError(f"not a plain database name: {name!r}")
    server = database_url(server_url)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        if not keep:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
