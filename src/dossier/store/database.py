"""``Store``: the documents, their sources and the ingest runs, in SQLite or PostgreSQL.

One class serves both databases through SQLAlchemy Core; what differs (full-text search,
``INSERT … ON CONFLICT``, locking) is chosen by dialect. Opening a store brings its schema to the
newest Alembic revision, so an old database file just works with a new dossier.

Every write is one transaction: a batch of documents is stored whole or not at all, and the
full-text index is updated inside the same transaction by the database itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd
from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import (
    Select,
    Table,
    case,
    create_engine,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from dossier.errors import DossierError, ErrorCode
from dossier.model import (
    CleanedText,
    Document,
    DocumentMeta,
    OffsetMap,
    ReadFailure,
    RemovedSpan,
)
from dossier.store.mentions import MentionsMixin
from dossier.store.schema import document_sources, documents, ingest_failures, ingest_runs
from dossier.store.search import search_documents
from dossier.store.stories import StoriesMixin

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

#: Shortest id prefix ``get_document`` accepts: 6 hex digits make a collision among a few
#: thousand documents unlikely, and a collision is reported, never guessed.
MIN_ID_PREFIX = 6

#: The counts an ingest run records, as ``finish_run`` accepts them.
RUN_COUNTS = ("read", "new", "duplicate", "near_duplicate", "failed")

#: Columns of ``list_documents``, in order.
LIST_COLUMNS = [
    "doc_id",
    "pub_date",
    "date_is_estimated",
    "outlet",
    "author",
    "dateline",
    "language",
    "genre",
    "title",
    "story_id",
    "word_count",
]

#: Columns of ``duplicate_groups``, in order.
DUPLICATE_COLUMNS = ["story_id", "doc_id", "pub_date", "outlet", "title"]

# Any fixed number works; it only has to be the same for every dossier process, so that two
# processes opening one fresh PostgreSQL database do not both create the schema.
_MIGRATION_LOCK = 0x646F7373  # "doss"

# Bound variables per statement stay far below SQLite's oldest limit (999).
_CHUNK = 500

# YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by a time.
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ].*)?)?)?$")

_UNKNOWN = "(unknown)"


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


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic configuration for the store's migrations, without any alembic.ini.

    To write the next revision: ``command.revision(alembic_config(url=...), "what",
    autogenerate=True)`` against a database at the current head.

    connection: run the migrations on this connection, inside its transaction.
    url: otherwise, the database to connect to.
    """
    config = Config()
    # ConfigParser would read a % in the path as interpolation.
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _utcnow() -> datetime:
    # Naive UTC: SQLite has no time zones and PostgreSQL's timestamp without time zone
    # returns exactly what was stored, so both databases give back the same value.
    return datetime.now(UTC).replace(tzinfo=None)


def _first_line(error: BaseException) -> str:
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__


def _check_date(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise ValueError(f"{name} must be an ISO date (2012, 2012-03 or 2012-03-05), not {value!r}")
    return value


class Store(MentionsMixin, StoriesMixin):
    """The document store on one SQLite file or PostgreSQL database; open with ``Store.open``.

    engine: a SQLAlchemy engine whose schema is at the newest revision.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # -- opening and closing ----------------------------------------------------------------

    @classmethod
    def open(cls, url_or_path: str) -> Store:
        """Open (creating if need be) the store and bring its schema up to date.

        url_or_path: a SQLite file path (parent folders are created), a ``sqlite://`` URL, or a
            PostgreSQL URL (``postgresql://user@host/db``).
        """
        try:
            url = database_url(url_or_path)
        except ArgumentError as error:
            raise DossierError(
                ErrorCode.S001_CANNOT_OPEN, f"not a database URL: {error}"
            ) from error
        shown = url.render_as_string(hide_password=True)
        backend = url.get_backend_name()
        if backend not in ("sqlite", "postgresql"):
            raise DossierError(
                ErrorCode.S001_CANNOT_OPEN, f"{shown}: only SQLite and PostgreSQL are supported"
            )
        try:
            engine = _sqlite_engine(url) if backend == "sqlite" else _postgresql_engine(url)
        except (OSError, NoSuchModuleError, ArgumentError) as error:
            raise DossierError(ErrorCode.S001_CANNOT_OPEN, f"{shown}: {error}") from error
        store = cls(engine)
        try:
            store._migrate()
        except (SQLAlchemyError, OSError) as error:
            engine.dispose()
            raise DossierError(
                ErrorCode.S001_CANNOT_OPEN, f"{shown}: {_first_line(error)}"
            ) from error
        except CommandError as error:
            engine.dispose()
            raise DossierError(
                ErrorCode.S001_CANNOT_OPEN,
                f"{shown}: its schema is unknown to this dossier, perhaps written by a newer "
                f"version ({error})",
            ) from error
        return store

    def _migrate(self) -> None:
        with self._transaction(write=True) as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                )
            command.upgrade(alembic_config(connection), "head")

    def close(self) -> None:
        """Release every connection; the store cannot be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for stages that keep their own tables in this database."""
        return self._engine

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[Connection]:
        with self._engine.connect() as connection:
            if write:
                connection.execution_options(dossier_write=True)
            elif connection.dialect.name == "postgresql":
                # One snapshot for every statement of a read, as SQLite's WAL gives; a read-only
                # transaction at this level never fails to serialise.
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    # -- documents ----------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with exactly this id is stored.

        doc_id: the full document id.
        """
        with self._transaction() as connection:
            found = connection.execute(
                select(documents.c.doc_id).where(documents.c.doc_id == doc_id)
            ).first()
        return found is not None

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` that are stored.

        ids: full document ids.
        """
        wanted = list(dict.fromkeys(ids))
        known: set[str] = set()
        with self._transaction() as connection:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                known.update(
                    connection.execute(
                        select(documents.c.doc_id).where(documents.c.doc_id.in_(chunk))
                    ).scalars()
                )
        return known

    def add_documents(self, docs: list[tuple[Document, bytes | None]]) -> None:
        """Store a batch of documents with their first source path, in one transaction.

        A document already stored (or repeated in the batch) only gets its source path added,
        and nothing at all when that path is known too. A document without a story id is its
        own story.

        docs: (document, near-duplicate signature or None) pairs.
        """
        if not docs:
            return
        now = _utcnow()
        rows: dict[str, dict[str, Any]] = {}
        sources: dict[tuple[str, str], dict[str, str]] = {}
        for document, minhash in docs:
            rows.setdefault(document.doc_id, _document_row(document, minhash, now))
            key = (document.doc_id, document.source_path)
            sources.setdefault(key, {"doc_id": key[0], "source_path": _text(key[1])})
        with self._transaction(write=True) as connection:
            self._insert_new(connection, documents, ["doc_id"], list(rows.values()))
            self._add_bands(connection, rows.values())
            self._insert_new(
                connection, document_sources, ["doc_id", "source_path"], list(sources.values())
            )

    def add_source(self, doc_id: str, source_path: str) -> None:
        """Record another path a stored document was read from; a known path is a no-op.

        doc_id: the full id of a stored document.
        source_path: where the copy was read.
        """
        with self._transaction(write=True) as connection:
            exists = connection.execute(
                select(documents.c.doc_id).where(documents.c.doc_id == doc_id)
            ).first()
            if exists is None:
                raise DossierError(ErrorCode.S002_NOT_FOUND, doc_id)
            self._insert_new(
                connection,
                document_sources,
                ["doc_id", "source_path"],
                [{"doc_id": doc_id, "source_path": _text(source_path)}],
            )

    def _insert_new(
        self,
        connection: Connection,
        table: Table,
        keys: list[str],
        rows: list[dict[str, Any]],
    ) -> None:
        # ON CONFLICT DO NOTHING rather than look-then-insert: another process storing the same
        # document at the same moment must not make this batch fail.
        if not rows:
            return
        dialect = pg_dialect if connection.dialect.name == "postgresql" else sqlite_dialect
        statement = dialect.insert(table).on_conflict_do_nothing(index_elements=keys)
        connection.execute(statement, rows)

    def load_signatures(self) -> list[tuple[str, str, bytes]]:
        """Every stored near-duplicate signature, in the order documents were stored.

        Returns (doc_id, story_id, signature) triples, to rebuild the near-duplicate index.
        """
        query = (
            select(documents.c.doc_id, documents.c.story_id, documents.c.minhash)
            .where(documents.c.minhash.is_not(None))
            .order_by(documents.c.seq, documents.c.doc_id)
        )
        with self._transaction() as connection:
            return [(d, s, bytes(m)) for d, s, m in connection.execute(query)]

    def get_document(self, doc_id: str) -> Document:
        """The stored document, rebuilt with its metadata, offset map and removed spans.

        doc_id: the document id, or a prefix of at least 6 characters that only it starts with.
        """
        with self._transaction() as connection:
            full_id = self._resolve(connection, doc_id)
            row = connection.execute(select(documents).where(documents.c.doc_id == full_id)).one()
        return _document_from_row(row._mapping)

    def get_sources(self, doc_id: str) -> list[str]:
        """Every path the document was read from, the first seen first.

        doc_id: the document id, or a unique prefix of at least 6 characters.
        """
        with self._transaction() as connection:
            full_id = self._resolve(connection, doc_id)
            paths = connection.execute(
                select(document_sources.c.source_path)
                .where(document_sources.c.doc_id == full_id)
                .order_by(document_sources.c.id)
            ).scalars()
            return list(paths)

    def _resolve(self, connection: Connection, doc_id: str) -> str:
        key = doc_id.strip()
        exact = connection.execute(
            select(documents.c.doc_id).where(documents.c.doc_id == key)
        ).first()
        if exact is not None:
            return key
        if len(key) < MIN_ID_PREFIX:
            raise DossierError(
                ErrorCode.S002_NOT_FOUND,
                f"{doc_id!r}; a prefix needs at least {MIN_ID_PREFIX} characters",
            )
        matches = list(
            connection.execute(
                select(documents.c.doc_id)
                .where(documents.c.doc_id.startswith(key.lower(), autoescape=True))
                .order_by(documents.c.doc_id)
                .limit(5)
            ).scalars()
        )
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise DossierError(
                ErrorCode.S002_NOT_FOUND,
                f"{doc_id!r} is the start of several ids ({', '.join(matches)}…); give more of it",
            )
        raise DossierError(ErrorCode.S002_NOT_FOUND, repr(doc_id))

    # -- listing and search -----------------------------------------------------------------------

    def list_documents(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        story_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Stored documents sorted by date then id (undated last), filtered as asked.

        Dates compare at the coarser of the two precisions: a document dated 2012-03 is inside
        2012-03-01..2012-03-31, and ``date_to`` 2012-03 takes in all of March. Undated
        documents are left out as soon as a date bound is given.

        date_from: earliest date, ISO (2012, 2012-03, 2012-03-05), inclusive.
        date_to: latest date, ISO, inclusive.
        outlet: outlet name, any case.
        language: language code, any case.
        story_id: only the documents of this story.
        limit: most rows to return; None for all.
        offset: rows to skip first, for paging.
        """
        date_from = _check_date("date_from", date_from)
        date_to = _check_date("date_to", date_to)
        if limit is not None and limit < 0:
            raise ValueError(f"limit must not be negative, not {limit}")
        if offset < 0:
            raise ValueError(f"offset must not be negative, not {offset}")
        pub_date = documents.c.pub_date
        query: Select[Any] = select(*(documents.c[name] for name in LIST_COLUMNS))
        if date_from is not None:
            # pub_date >= F is the comparison at the document's precision when the document is
            # at least as precise as F; a coarser document is in when it is a prefix of F.
            prefixes = [date_from[:n] for n in range(4, len(date_from))]
            query = query.where(or_(pub_date >= date_from, pub_date.in_(prefixes)))
        if date_to is not None:
            # A finer document that starts with T is inside T (2012-03-31 within 2012-03).
            query = query.where(
                or_(pub_date <= date_to, pub_date.startswith(date_to, autoescape=True))
            )
        if outlet:
            query = query.where(func.lower(documents.c.outlet) == outlet.strip().lower())
        if language:
            query = query.where(func.lower(documents.c.language) == language.strip().lower())
        if story_id:
            query = query.where(documents.c.story_id == story_id.strip())
        query = query.order_by(pub_date.asc().nulls_last(), documents.c.doc_id)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self._transaction() as connection:
            rows = [tuple(row) for row in connection.execute(query)]
        frame = pd.DataFrame(rows, columns=LIST_COLUMNS)
        frame["date_is_estimated"] = frame["date_is_estimated"].astype(bool)
        frame["word_count"] = frame["word_count"].astype(int)
        return frame

    def duplicate_groups(self) -> pd.DataFrame:
        """The documents of every story told by two or more of them, story by story.

        Within a story its first document (the one whose id is the story id) comes first.
        """
        shared = (
            select(documents.c.story_id).group_by(documents.c.story_id).having(func.count() >= 2)
        )
        query = (
            select(*(documents.c[name] for name in DUPLICATE_COLUMNS))
            .where(documents.c.story_id.in_(shared))
            .order_by(
                documents.c.story_id,
                case((documents.c.doc_id == documents.c.story_id, 0), else_=1),
                documents.c.pub_date.asc().nulls_last(),
                documents.c.doc_id,
            )
        )
        with self._transaction() as connection:
            rows = [tuple(row) for row in connection.execute(query)]
        return pd.DataFrame(rows, columns=DUPLICATE_COLUMNS)

    def search(
        self, query: str, limit: int = 20, highlight: tuple[str, str] = ("[", "]")
    ) -> pd.DataFrame:
        """Full-text search over titles and cleaned texts, best match first.

        Returns columns doc_id, score (higher is better), pub_date, outlet, title, snippet.

        query: words, "quoted phrases", -excluded words; any text is safe.
        limit: most rows to return.
        highlight: the markers put before and after each match in the snippet.
        """
        with self._transaction() as connection:
            return search_documents(connection, query, limit, highlight)

    # -- ingest runs -----------------------------------------------------------------------------

    def start_run(self, paths: list[str]) -> int:
        """Record the start of an ingest run and return its id.

        paths: the files, folders or patterns the run reads.
        """
        row = {
            "started_at": _utcnow(),
            "paths": [_text(str(p)) for p in paths],
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
        values.update(finished_at=_utcnow(), interrupted=bool(interrupted))
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
                "source_path": _text(f.source_path),
                "line": f.line,
                "reason": _text(f.reason),
            }
            for f in failures
        ]
        with self._transaction(write=True) as connection:
            connection.execute(insert(ingest_failures), rows)

    # -- statistics ------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts over the store, in one consistent snapshot.

        Keys: documents, stories, near_duplicates (documents beyond the first of their story),
        sources, undated, estimated, date_range ([earliest, latest] or []), by_year,
        by_language, by_outlet (top 10), runs, failures_last_run, last_run (a dict or None).
        """
        d = documents.c
        with self._transaction() as connection:
            total, stories, undated, estimated, earliest, latest = connection.execute(
                select(
                    func.count(),
                    func.count(d.story_id.distinct()),
                    func.count(case((d.pub_date.is_(None), 1))),
                    func.count(case((d.date_is_estimated, 1))),
                    func.min(d.pub_date),
                    func.max(d.pub_date),
                )
            ).one()
            sources = connection.execute(
                select(func.count()).select_from(document_sources)
            ).scalar()
            year = func.substr(d.pub_date, 1, 4).label("year")
            by_year = connection.execute(
                select(year, func.count())
                .where(d.pub_date.is_not(None))
                .group_by(year)
                .order_by(year)
            ).all()
            by_language = connection.execute(
                select(d.language, func.count().label("n"))
                .group_by(d.language)
                .order_by(func.count().desc(), d.language)
            ).all()
            by_outlet = connection.execute(
                select(d.outlet, func.count().label("n"))
                .group_by(d.outlet)
                .order_by(func.count().desc(), d.outlet)
                .limit(10)
            ).all()
            runs = connection.execute(select(func.count()).select_from(ingest_runs)).scalar()
            last = connection.execute(
                select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(1)
            ).first()
            failures_last_run = 0
            if last is not None:
                failures_last_run = connection.execute(
                    select(func.count())
                    .select_from(ingest_failures)
                    .where(ingest_failures.c.run_id == last.id)
                ).scalar()
        last_run = None
        if last is not None:
            last_run = {
                "id": last.id,
                "started_at": last.started_at.isoformat(timespec="seconds") + "Z",
                "finished_at": last.finished_at.isoformat(timespec="seconds") + "Z"
                if last.finished_at
                else None,
                "interrupted": bool(last.interrupted),
                **{name: getattr(last, name) for name in RUN_COUNTS},
            }
        return {
            "documents": total,
            "stories": stories,
            "near_duplicates": total - stories,
            "sources": sources,
            "undated": undated,
            "estimated": estimated,
            "date_range": [earliest, latest] if earliest is not None else [],
            "by_year": {str(y): n for y, n in by_year},
            "by_language": {(lang or _UNKNOWN): n for lang, n in by_language},
            "by_outlet": {(outlet or _UNKNOWN): n for outlet, n in by_outlet},
            "runs": runs,
            "failures_last_run": failures_last_run,
            "last_run": last_run,
        }


# -- engines ---------------------------------------------------------------------------------------


def _sqlite_engine(url: URL) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    if in_memory:
        # Each new connection to :memory: would be a new, empty database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
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
        # WAL: readers never block the writer, and a killed writer leaves the last committed
        # state intact.
        cursor.execute("PRAGMA journal_mode = WAL")
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


def _postgresql_engine(url: URL) -> Engine:
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        # An unreachable host should be reported in seconds, not after TCP's minutes.
        connect_args["connect_timeout"] = 10
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


# -- rows and records ------------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    # PostgreSQL refuses NUL in text, which would fail the whole batch there but not on
    # SQLite; U+FFFD is one character too, so every offset into the text stays true.
    return value.replace("\x00", "\ufffd") if value and "\x00" in value else value


def _document_row(document: Document, minhash: bytes | None, now: datetime) -> dict[str, Any]:
    meta = document.meta
    cleaned = document.cleaned
    row = {
        "doc_id": document.doc_id,
        "story_id": document.story_id or document.doc_id,
        "format": document.format,
        "source_path": document.source_path,
        "external_id": document.external_id,
        "title": meta.title,
        "url": meta.url,
        "pub_date": meta.date,
        "date_source": meta.date_source,
        "date_note": meta.date_note,
        "date_is_estimated": meta.date_is_estimated,
        "dateline": meta.dateline,
        "outlet": meta.outlet,
        "author": meta.author,
        "author_note": meta.author_note,
        "language": meta.language,
        "genre": meta.genre,
        "encoding": document.encoding,
        "original_text": document.original_text,
        "clean_text": cleaned.text,
        "offset_map": cleaned.offsets.to_json(),
        "removed_spans": [
            {"start": span.start, "end": span.end, "reason": span.reason}
            for span in cleaned.removed
        ],
        "word_count": len(cleaned.text.split()),
        "minhash": minhash,
        "ingested_at": now,
    }
    return {key: _text(value) if isinstance(value, str) else value for key, value in row.items()}


def _document_from_row(row: Any) -> Document:
    removed = tuple(
        RemovedSpan(int(span["start"]), int(span["end"]), str(span["reason"]))
        for span in row["removed_spans"]
    )
    return Document(
        doc_id=row["doc_id"],
        source_path=row["source_path"],
        format=row["format"],
        original_text=row["original_text"],
        cleaned=CleanedText(
            text=row["clean_text"],
            offsets=OffsetMap.from_json(row["offset_map"]),
            removed=removed,
        ),
        meta=DocumentMeta(
            title=row["title"],
            url=row["url"],
            date=row["pub_date"],
            date_source=row["date_source"],
            date_note=row["date_note"],
            dateline=row["dateline"],
            outlet=row["outlet"],
            author=row["author"],
            author_note=row["author_note"],
            language=row["language"],
            genre=row["genre"],
        ),
        story_id=row["story_id"],
        external_id=row["external_id"],
        encoding=row["encoding"],
    )
