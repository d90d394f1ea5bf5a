"""Reaching a store's database: URLs, engines for SQLite and PostgreSQL (read-write or
read-only), and bringing the schema to the newest migration.

Alembic is imported only when a migration has to run: opening a store first reads the stored
revision with one plain query and compares it with the newest revision in
``migrations/versions``, which is read from the files themselves.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from dossier.errors import DossierError, ErrorCode

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Any fixed number works; it only has to be the same for every dossier process, so that two
# processes opening one fresh PostgreSQL database do not both create the schema.
_MIGRATION_LOCK = 0x646F7373  # "doss"

# The same for the document writers' lock (``serialise_document_writers``): "dwri".
_DOCUMENT_WRITERS_LOCK = 0x64777269

# `revision: str = "0002"` and `down_revision: ... = "0001"` (or None) in a migration file.
_REVISION_LINE = re.compile(
    r"^(?P<name>down_revision|revision)\b[^=\n]*=\s*(?:None|[\"'](?P<value>[^\"'\n]+)[\"'])\s*$",
    re.MULTILINE,
)


def database_url(url_or_path: str) -> URL:
    """The SQLAlchemy URL for ``url_or_path``: a file path becomes SQLite, a URL is kept.

    ``postgresql://`` and ``postgres://`` get the psycopg 3 driver, the one dossier installs.

    url_or_path: a SQLite file path or a database URL.
    """
    if "://" not in url_or_path:
        return URL.create("sqlite", database=str(Path(url_or_path).expanduser()))
    url = make_url(url_or_path)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def is_in_memory(url: URL) -> bool:
    """Whether ``url`` is an in-memory SQLite database (``sqlite://``)."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def alembic_config(
    connection: Connection | None = None,
    url: str | None = None,
    extra_versions: tuple[str, ...] = (),
) -> Config:
    """An Alembic configuration for the store's migrations, without any alembic.ini.

    To write the next revision: ``command.revision(alembic_config(url=...), "what",
    autogenerate=True)`` against a database at the current head.

    connection: run the migrations on this connection, inside its transaction.
    url: otherwise, the database to connect to.
    extra_versions: folders of further revisions, chained after the store's own (a plugin's
        fact kind brings its table this way).
    """
    from alembic.config import Config

    config = Config()
    # ConfigParser would read a % in the path as interpolation.
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if extra_versions:
        folders = [str(MIGRATIONS / "versions"), *extra_versions]
        config.set_main_option("path_separator", "os")
        config.set_main_option("version_locations", os.pathsep.join(folders).replace("%", "%%"))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def first_line(error: BaseException) -> str:
    """The first non-blank line of a database error, for a one-line message."""
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__


# -- engines ---------------------------------------------------------------------------------------


def create_store_engine(url: URL, read_only: bool = False) -> Engine:
    """An engine on ``url`` (SQLite or PostgreSQL) set up the way the store expects.

    read_only: refuse every write in the database itself: SQLite opens the file with
        ``mode=ro``, PostgreSQL sessions start with ``default_transaction_read_only``.
    """
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, read_only)
    return _postgresql_engine(url, read_only)


def _sqlite_engine(url: URL, read_only: bool) -> Engine:
    if is_in_memory(url):
        # Each new connection to :memory: would be a new, empty database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif read_only:
        path = Path(url.database or "").resolve()
        # A URI, so that mode=ro reaches SQLite: it then neither creates nor writes the file.
        uri = URL.create("sqlite", database=path.as_uri(), query={"mode": "ro", "uri": "true"})
        engine = create_engine(uri, connect_args={"timeout": 30})
    else:
        Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
        # Wait for another process's write instead of failing at once.
        engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, say when transactions begin: the module's
        # own guesswork starts them late and commits DDL behind our back.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            # WAL: readers never block the writer, and a killed writer leaves the last
            # committed state intact. (A reader cannot switch modes; it finds the file's own.)
            _switch_to_wal(cursor)
            for pragma in _WRITER_PRAGMAS:
                cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A writer takes the write lock up front: a deferred transaction that reads first and
        # writes later can fail with SQLITE_BUSY without waiting when another process writes.
        if connection.get_execution_options().get("dossier_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


#: A writer's settings, the same whatever the store's size (so memory does not grow with it).
#: ``synchronous = NORMAL`` in WAL mode: a commit is written to the WAL but not fsynced, the
#: WAL being synced at each checkpoint instead; a killed process loses nothing committed, a
#: power cut may lose the last commits but never leaves the file inconsistent. In a large store
#: each batch dirties a page per random-key index entry (the near-duplicate band index above
#: all), and the per-commit fsync of those pages was what made ingest slow down as it grew.
#: ``cache_size``: 16 MiB of pages instead of SQLite's 2 MiB, so the inner pages of those
#: indexes stay cached instead of being read again for every insert; a fixed bound.
_WRITER_PRAGMAS = ("synchronous = NORMAL", "cache_size = -16384")


def _switch_to_wal(cursor: Any, patience_s: float = 30.0) -> None:
    """Put the file in WAL mode, waiting out another process that is creating it.

    The switch needs the file to itself, and SQLite refuses it at once with "database is
    locked" (no busy wait) while a second process opening a new store does the same; once the
    file is in WAL mode, as every store is after its first opening, there is nothing to do.
    """
    deadline = time.monotonic() + patience_s
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _postgresql_engine(url: URL, read_only: bool) -> Engine:
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        # An unreachable host should be reported in seconds, not after TCP's minutes.
        connect_args["connect_timeout"] = 10
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def serialise_document_writers(connection: Connection) -> None:
    """Make this write transaction the only one storing documents until it ends.

    Story assignment reads the stored near-duplicates and then writes the new documents; two
    processes doing both at once would each miss the copy the other is storing, and the link
    between them would be lost for good. Holding this lock from before the reads to the commit
    makes document writers take turns; readers, and writers of other tables (facts), do not
    wait for it.

    On PostgreSQL a transaction-level advisory lock, released at commit or rollback, after the
    transaction's rows are visible to the next holder (which reads at READ COMMITTED, so it
    sees them). On SQLite the write transaction began with ``BEGIN IMMEDIATE`` and already
    holds the database's one write lock; nothing more is needed.

    connection: a connection inside a write transaction (``dossier_write``), before its reads.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DOCUMENT_WRITERS_LOCK}
        )
    elif not connection.get_execution_options().get("dossier_write"):
        raise RuntimeError("serialise_document_writers needs a write transaction")


def is_busy(error: BaseException) -> bool:
    """Whether a database error means another process held a lock too long, so the same
    transaction may simply be run again: SQLite's "database is locked" (busy) after its wait
    ran out, a PostgreSQL deadlock or serialisation failure."""
    cause = getattr(error, "orig", None) or error
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED and their extended codes
    if "database is locked" in str(cause) or "database table is locked" in str(cause):
        return True
    return getattr(cause, "sqlstate", None) in ("40001", "40P01")


# -- schema revisions ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def migration_revisions() -> tuple[frozenset[str], str | None]:
    """Every revision in ``migrations/versions`` and the newest one (the head), from the files.

    The head is None when the files do not describe one straight line of revisions (a merge,
    a branch, an unusual file): then Alembic decides, and opening always asks it.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = {m["name"]: m["value"] for m in _REVISION_LINE.finditer(path.read_text("utf-8"))}
        if not found.get("revision") or "down_revision" not in found:
            return frozenset(revisions), None
        revisions.add(found["revision"])
        if found["down_revision"]:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return frozenset(revisions), next(iter(heads)) if len(heads) == 1 else None


def script_revisions(extra_versions: tuple[str, ...] = ()) -> tuple[frozenset[str], set[str]]:
    """Every revision and the heads, as Alembic reads them (store's own plus ``extra_versions``).

    Imports Alembic: for revisions the files alone cannot settle (a plugin's, a branch).
    """
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(extra_versions=extra_versions))
    known = frozenset(revision.revision for revision in script.walk_revisions())
    return known, set(script.get_heads())


def stored_revisions(engine: Engine) -> set[str]:
    """The schema revisions the database records; empty for a database without dossier's
    schema."""
    with engine.connect() as connection:
        if not connection.dialect.has_table(connection, "alembic_version"):
            return set()
        return set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def needs_migration(engine: Engine, extra_versions: tuple[str, ...] = ()) -> tuple[bool, set[str]]:
    """Whether the database's schema is behind, and the revisions it records.

    extra_versions: folders of further revisions the schema should include (then Alembic is
        asked where the heads are; otherwise the migration files are read directly).
    Raises ``DossierError(S001)`` when the database records a revision unknown here (written
    by a newer version, or by a plugin whose migrations were not given).
    """
    stored = stored_revisions(engine)
    if extra_versions:
        known, heads = script_revisions(extra_versions)
    else:
        known, head = migration_revisions()
        if head is None:
            return True, stored  # the files do not say: let Alembic decide
        heads = {head}
    if stored == heads:
        return False, stored
    unknown = stored - known
    if unknown:
        raise DossierError(
            ErrorCode.S001_CANNOT_OPEN,
            f"its schema revision {', '.join(sorted(unknown))} is unknown to this dossier "
            f"(which knows up to {', '.join(sorted(heads))}): perhaps it was written by a newer "
            "version, or needs a plugin's migrations",
        )
    return True, stored


def migrate(engine: Engine, extra_versions: tuple[str, ...] = ()) -> None:
    """Bring the schema to the newest revision, creating it in an empty database.

    extra_versions: folders of further revisions to apply after the store's own.

    One transaction for the whole upgrade; on PostgreSQL, under a lock, so two processes
    opening one fresh database do not both create the schema.
    """
    from alembic import command
    from alembic.util.exc import CommandError

    from dossier.store.maintenance import run_requested_vacuums

    with engine.connect() as connection:
        connection.execution_options(dossier_write=True)
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                )
            try:
                config = alembic_config(connection, extra_versions=extra_versions)
                command.upgrade(config, "heads")
            except CommandError as error:
                raise DossierError(
                    ErrorCode.S001_CANNOT_OPEN,
                    f"its schema is unknown to this dossier, perhaps written by a newer "
                    f"version ({error})",
                ) from error
        # What the migrations asked to run outside their transaction (PostgreSQL's VACUUM).
        run_requested_vacuums(connection)
