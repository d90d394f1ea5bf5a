"""``Store``: the documents, their sources, their facts and the ingest runs, in SQLite or
PostgreSQL.

One class serves both databases through SQLAlchemy Core; what differs (full-text search,
``INSERT … ON CONFLICT``, locking) is chosen by dialect. ``Store`` is a composition: this module
opens the database and writes documents; reading them back is ``reads.py``, ingest runs
``runs.py``, facts ``facts.py``, engines and migrations ``engine.py``.

Opening a store brings its schema to the newest Alembic revision, so an old database file just
works with a new dossier; Alembic itself is imported only when a migration has to run. A store
opened read-only (``Store.open(..., read_only=True)``, what the query API does) refuses every
write in the database itself, and is never created.

Every write is one transaction: a batch of documents is stored whole or not at all, and the
full-text index is updated inside the same transaction by the database itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from dossier.errors import DossierError, ErrorCode
from dossier.model import Document
from dossier.store.engine import (
    create_store_engine,
    database_url,
    first_line,
    is_busy,
    is_in_memory,
    migrate,
    needs_migration,
    serialise_document_writers,
)
from dossier.store.events import EventsMixin
from dossier.store.facts import FactStore
from dossier.store.quotes import QuoteReadsMixin
from dossier.store.reads import DocumentReadsMixin
from dossier.store.rows import nul_free, utcnow
from dossier.store.runs import IngestRunsMixin
from dossier.store.schema import document_sources, documents
from dossier.store.stances import StancesMixin
from dossier.store.statements import StatementsMixin
from dossier.store.stories import StoriesMixin, StoryReads, documents_by

# A write that finds the database busy (after SQLite's own 30 s wait) is run again this many
# times in all, pausing a little longer each time.
_BUSY_ATTEMPTS = 5
_BUSY_PAUSE = 0.5

#: Given a batch's documents not stored yet (in the order read) and the store's near-duplicate
#: reads inside the writing transaction, the story id of each.
StoryAssigner = Callable[[Sequence[Document], StoryReads], Sequence[str]]


@dataclass(frozen=True)
class NewDocuments:
    """What ``Store.add_new_documents`` did with a batch.

    stored: the documents it stored, in order, each with the story id it was given.
    already_stored: those it found stored (by another process, or an earlier run), in order;
        only their source paths were added.
    """

    stored: list[Document]
    already_stored: list[Document]


class Store(
    DocumentReadsMixin,
    IngestRunsMixin,
    StoriesMixin,
    FactStore,
    QuoteReadsMixin,
    StatementsMixin,
    EventsMixin,
    StancesMixin,
):
    """The document store on one SQLite file or PostgreSQL database; open with ``Store.open``.

    engine: a SQLAlchemy engine whose schema is at the newest revision.
    read_only: whether the engine refuses writes (then so does every write method).
    """

    def __init__(self, engine: Engine, read_only: bool = False) -> None:
        self._engine = engine
        self._read_only = read_only

    # -- opening and closing ----------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url_or_path: str,
        extra_migrations: tuple[str, ...] = (),
        *,
        read_only: bool = False,
    ) -> Store:
        """Open the store and bring its schema up to date.

        url_or_path: a SQLite file path, a ``sqlite://`` URL, or a PostgreSQL URL
            (``postgresql://user@host/db``).
        read_only: open for reading only. The store must exist: a missing SQLite file or a
            database without dossier's schema is ``DossierError(S003)``, never created. A
            store whose schema is behind is still upgraded first, on a connection of its own.
            Otherwise the store is created if need be (and a SQLite file's parent folders).
        extra_migrations: folders of further Alembic revisions to apply after the store's own
            (a plugin's fact kind brings its table this way).
        """
        url, shown = _parse_location(url_or_path)
        if read_only:
            _require_existing(url)
        try:
            engine = create_store_engine(url, read_only=read_only)
        except (OSError, NoSuchModuleError, ArgumentError) as error:
            raise DossierError(ErrorCode.S001_CANNOT_OPEN, f"{shown}: {error}") from error
        try:
            _bring_up_to_date(engine, url, read_only, extra_migrations)
        except DossierError as error:
            engine.dispose()
            detail = f"{shown}: {error.detail}" if error.detail else shown
            raise DossierError(error.code, detail) from error
        except (SQLAlchemyError, OSError) as error:
            engine.dispose()
            raise DossierError(
                ErrorCode.S001_CANNOT_OPEN, f"{shown}: {first_line(error)}"
            ) from error
        return cls(engine, read_only=read_only)

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

    @property
    def read_only(self) -> bool:
        """Whether this store was opened for reading only."""
        return self._read_only

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[Connection]:
        if write and self._read_only:
            raise RuntimeError("this store was opened read-only; open it with Store.open(url)")
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
        with self._transaction() as connection:
            return self._stored_ids(connection, list(dict.fromkeys(ids)))

    def add_documents(self, docs: list[tuple[Document, bytes | None]]) -> None:
        """Store a batch of documents with their first source path, in one transaction.

        A document already stored (or repeated in the batch) only gets its source path added,
        and nothing at all when that path is known too. A document without a story id is its
        own story; stories are not assigned here (``add_new_documents`` does).

        docs: (document, near-duplicate signature or None) pairs.
        """
        self.add_new_documents(docs)

    def add_new_documents(
        self,
        docs: Sequence[tuple[Document, bytes | None]],
        assign_stories: StoryAssigner | None = None,
    ) -> NewDocuments:
        """Store the documents of a batch not stored yet, their stories assigned in the same
        transaction, under the document writers' lock.

        The stored ids, the near-duplicate candidates ``assign_stories`` reads and the insert
        all happen in one transaction that no other document writer (another ingest process)
        can interleave with: a copy stored by another process a moment earlier is seen, and
        joins its story, and a document it stored is skipped, not counted twice. Every
        document's source path is recorded, stored before or not: its first on its own row, any
        other in ``document_sources``. A busy database ("database is locked" once SQLite's wait
        runs out) is waited out: the whole transaction is run again, the reads included.

        docs: (document, near-duplicate signature or None) pairs, in the order read; a document
            repeated in the batch counts once.
        assign_stories: given the documents not stored yet, in order, and the store's reads in
            this transaction, the story id of each; None keeps each document's own
            ``story_id`` (its own id when None).
        Returns what was stored and what was found stored already.
        """
        unique: dict[str, tuple[Document, bytes | None]] = {}
        for document, minhash in docs:
            unique.setdefault(document.doc_id, (document, minhash))
        sources = {
            (document.doc_id, document.source_path): {
                "doc_id": document.doc_id,
                "source_path": nul_free(document.source_path),
            }
            for document, _ in docs
        }
        if not unique:
            return NewDocuments([], [])
        for attempt in range(_BUSY_ATTEMPTS):
            try:
                return self._add_new(list(unique.values()), list(sources.values()), assign_stories)
            except OperationalError as error:
                if not is_busy(error) or attempt == _BUSY_ATTEMPTS - 1:
                    raise
                time.sleep(_BUSY_PAUSE * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _add_new(
        self,
        docs: list[tuple[Document, bytes | None]],
        sources: list[dict[str, str]],
        assign_stories: StoryAssigner | None,
    ) -> NewDocuments:
        now = utcnow()
        with self._transaction(write=True) as connection:
            serialise_document_writers(connection)
            stored = self._first_paths(connection, [document.doc_id for document, _ in docs])
            fresh = [
                (document, minhash) for document, minhash in docs if document.doc_id not in stored
            ]
            if assign_stories is not None and fresh:
                story_ids = list(assign_stories([d for d, _ in fresh], StoryReads(connection)))
                if len(story_ids) != len(fresh):
                    raise ValueError(
                        f"the story assigner gave {len(story_ids)} story ids "
                        f"for {len(fresh)} documents"
                    )
                fresh = [
                    (replace(document, story_id=story_id), minhash)
                    for (document, minhash), story_id in zip(fresh, story_ids, strict=True)
                ]
            rows = [_document_row(document, minhash, now) for document, minhash in fresh]
            _number_rows(connection, rows)
            self._insert_new(connection, documents, ["doc_id"], rows)
            self._add_bands(connection, rows)
            # A document's first path is on its own row: only the others are sources.
            first = {**stored, **{row["doc_id"]: row["source_path"] for row in rows}}
            extra = [s for s in sources if first.get(s["doc_id"]) != s["source_path"]]
            self._insert_new(connection, document_sources, ["doc_id", "source_path"], extra)
        return NewDocuments(
            [document for document, _ in fresh],
            [document for document, _ in docs if document.doc_id in stored],
        )

    def _stored_ids(self, connection: Connection, ids: list[str]) -> set[str]:
        return set(self._stored(connection, ids, documents.c.doc_id))

    def _first_paths(self, connection: Connection, ids: list[str]) -> dict[str, str]:
        """The first source path of each stored document among ``ids`` (on its own row), by id."""
        return self._stored(connection, ids, documents.c.source_path)

    def _stored(self, connection: Connection, ids: list[str], column: Any) -> dict[str, Any]:
        """``column`` of each stored document among ``ids``, by id."""
        return documents_by(connection, documents.c.doc_id, column, ids)

    def add_source(self, doc_id: str, source_path: str) -> None:
        """Record another path a stored document was read from; a known path is a no-op.

        doc_id: the full id of a stored document.
        source_path: where the copy was read.
        """
        with self._transaction(write=True) as connection:
            first = connection.execute(
                select(documents.c.source_path).where(documents.c.doc_id == doc_id)
            ).first()
            if first is None:
                raise DossierError(ErrorCode.S002_NOT_FOUND, doc_id)
            if first.source_path == nul_free(source_path):
                return  # its first path, on its own row
            self._insert_new(
                connection,
                document_sources,
                ["doc_id", "source_path"],
                [{"doc_id": doc_id, "source_path": nul_free(source_path)}],
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


# -- opening ---------------------------------------------------------------------------------------


def _parse_location(url_or_path: str) -> tuple[URL, str]:
    """The database URL for ``url_or_path`` and how to show it (no password)."""
    try:
        url = database_url(url_or_path)
    except ArgumentError as error:
        raise DossierError(ErrorCode.S001_CANNOT_OPEN, f"not a database URL: {error}") from error
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DossierError(
            ErrorCode.S001_CANNOT_OPEN, f"{shown}: only SQLite and PostgreSQL are supported"
        )
    return url, shown


def _require_existing(url: URL) -> None:
    """Refuse, before connecting, a read-only SQLite store that cannot exist."""
    if url.get_backend_name() != "sqlite":
        return  # a PostgreSQL database without the schema is found once connected
    if is_in_memory(url):
        raise DossierError(ErrorCode.S003_NO_STORE, "an in-memory database starts empty")
    if not Path(url.database or "").exists():
        raise DossierError(ErrorCode.S003_NO_STORE, f"no such file: {url.database}")


def _bring_up_to_date(
    engine: Engine, url: URL, read_only: bool, extra_migrations: tuple[str, ...]
) -> None:
    behind, revisions = needs_migration(engine, extra_migrations)
    if not behind:
        return
    if not read_only:
        migrate(engine, extra_migrations)
        return
    if not revisions:
        raise DossierError(ErrorCode.S003_NO_STORE, "the database holds no dossier schema")
    # An older store read by a newer dossier: upgrade it once, on a writable engine of its own.
    writable = create_store_engine(url, read_only=False)
    try:
        migrate(writable, extra_migrations)
    finally:
        writable.dispose()


# -- rows ------------------------------------------------------------------------------------------


def _number_rows(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Give SQLite document rows their ``seq`` before the insert, the numbers its insert trigger
    would give (one past the largest, in insert order), under the document writers' lock.

    The trigger numbers a row by updating it after the insert, which writes the whole row, its
    text's overflow pages included, a second time; a row that comes with its ``seq`` is written
    once. PostgreSQL's identity numbers its rows itself.
    """
    if not rows or connection.dialect.name != "sqlite":
        return
    last = connection.execute(select(func.coalesce(func.max(documents.c.seq), 0))).scalar_one()
    for number, row in enumerate(rows, start=last + 1):
        row["seq"] = number


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
    return {key: nul_free(value) if isinstance(value, str) else value for key, value in row.items()}
