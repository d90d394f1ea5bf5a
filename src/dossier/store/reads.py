"""Reading documents back: one by id or prefix, listings with filters, near-duplicate groups,
full-text search and counts over the store.

A mixin of ``Store``: every method reads in one transaction of the store's (one snapshot on
PostgreSQL), and returns typed records (``store.records``) or ``model.Document``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, case, func, or_, select

from dossier.calendar import check_iso_date
from dossier.errors import DossierError, ErrorCode
from dossier.model import Document
from dossier.store.records import (
    DocumentSummary,
    SearchHit,
    StoreStats,
    StoryCopy,
    columns,
)
from dossier.store.rows import document_from_row
from dossier.store.runs import UNFINISHED_STATUSES, run_record, unfinished_run_statuses
from dossier.store.schema import document_sources, documents, ingest_failures, ingest_runs
from dossier.store.search import search_documents


def _copies() -> ColumnElement[bool]:
    """Documents that joined an earlier document's story: the rows ``ix_documents_story_copies``
    indexes (migration 0022)."""
    return documents.c.story_id != documents.c.doc_id


def in_stories(story_ids: Any) -> ColumnElement[bool]:
    """Documents whose story is among ``story_ids`` (a list or a subquery of story ids), as
    ``story_id IN story_ids`` but found through indexes: a story's first document by its own id
    (its story id), the copies through the partial index of copies."""
    first = and_(documents.c.doc_id.in_(story_ids), documents.c.story_id == documents.c.doc_id)
    return or_(first, and_(documents.c.story_id.in_(story_ids), _copies()))


#: Shortest id prefix ``get_document`` accepts: 6 hex digits make a collision among a few
#: thousand documents unlikely, and a collision is reported, never guessed.
MIN_ID_PREFIX = 6

#: Columns of ``list_documents`` and ``duplicate_groups``, in order.
LIST_COLUMNS = columns(DocumentSummary)
DUPLICATE_COLUMNS = columns(StoryCopy)

# Bound variables per statement stay far below SQLite's oldest limit (999).
_CHUNK = 500

# YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by a time.
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ].*)?)?)?$")

_UNKNOWN = "(unknown)"


def _check_date(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise ValueError(f"{name} must be an ISO date (2012, 2012-03 or 2012-03-05), not {value!r}")
    try:
        check_iso_date(re.split(r"[T ]", value, maxsplit=1)[0])
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from None
    return value


def _summary(row: Any) -> DocumentSummary:
    values = dict(row._mapping)
    values["date_is_estimated"] = bool(values["date_is_estimated"])
    values["word_count"] = int(values["word_count"])
    return DocumentSummary(**values)


class DocumentReadsMixin:
    """Reading documents, listings, search and statistics for ``Store``."""

    _transaction: Callable[..., AbstractContextManager[Connection]]  # provided by Store

    # -- one document -----------------------------------------------------------------------------

    def get_document(self, doc_id: str) -> Document:
        """The stored document, rebuilt with its metadata, offset map and removed spans.

        doc_id: the document id, or a prefix of at least 6 characters that only it starts with.
        """
        with self._transaction() as connection:
            full_id = self._resolve(connection, doc_id)
            row = connection.execute(select(documents).where(documents.c.doc_id == full_id)).one()
        return document_from_row(row._mapping)

    def get_sources(self, doc_id: str) -> list[str]:
        """Every path the document was read from, the first seen first.

        The first is on the document's own row, the others in ``document_sources`` (migration
        0022), in the order they were seen.

        doc_id: the document id, or a unique prefix of at least 6 characters.
        """
        with self._transaction() as connection:
            full_id = self._resolve(connection, doc_id)
            first = connection.execute(
                select(documents.c.source_path).where(documents.c.doc_id == full_id)
            ).scalar_one()
            others = connection.execute(
                select(document_sources.c.source_path)
                .where(document_sources.c.doc_id == full_id)
                .order_by(document_sources.c.id)
            ).scalars()
            return list(dict.fromkeys([first, *others]))

    def resolve_id(self, doc_id: str) -> str:
        """The full id of the one stored document ``doc_id`` names (an id or a unique prefix).

        Raises ``DossierError(S002)`` when none does, or several do.
        """
        with self._transaction() as connection:
            return self._resolve(connection, doc_id)

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

    # -- listings ---------------------------------------------------------------------------------

    def list_documents(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        story_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[DocumentSummary]:
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
            query = query.where(in_stories([story_id.strip()]))
        query = query.order_by(pub_date.asc().nulls_last(), documents.c.doc_id)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self._transaction() as connection:
            return [_summary(row) for row in connection.execute(query)]

    def summaries(self, doc_ids: Iterable[str]) -> dict[str, DocumentSummary]:
        """The listing record of each stored document among ``doc_ids``, by id.

        doc_ids: full document ids; unknown ones are left out.
        """
        wanted = list(dict.fromkeys(doc_ids))
        found: dict[str, DocumentSummary] = {}
        with self._transaction() as connection:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                query = select(*(documents.c[name] for name in LIST_COLUMNS)).where(
                    documents.c.doc_id.in_(chunk)
                )
                found.update((row.doc_id, _summary(row)) for row in connection.execute(query))
        return found

    def duplicate_groups(self) -> list[StoryCopy]:
        """The documents of every story told by two or more of them, story by story.

        Within a story its first document (the one whose id is the story id) comes first.
        """
        # A story of two or more documents has a copy: its id is among the copies' story ids.
        copied = select(documents.c.story_id).where(_copies()).distinct()
        shared = (
            select(documents.c.story_id)
            .where(in_stories(copied))
            .group_by(documents.c.story_id)
            .having(func.count() >= 2)
        )
        query = (
            select(*(documents.c[name] for name in DUPLICATE_COLUMNS))
            .where(in_stories(shared))
            .order_by(
                documents.c.story_id,
                case((documents.c.doc_id == documents.c.story_id, 0), else_=1),
                documents.c.pub_date.asc().nulls_last(),
                documents.c.doc_id,
            )
        )
        with self._transaction() as connection:
            return [
                StoryCopy(**{**row._mapping, "date_is_estimated": bool(row.date_is_estimated)})
                for row in connection.execute(query)
            ]

    def search(
        self, query: str, limit: int = 20, highlight: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Full-text search over titles and cleaned texts, best match first.

        query: words, "quoted phrases", -excluded words; any text is safe.
        limit: most hits to return.
        highlight: the markers put before and after each match in the snippet.
        """
        with self._transaction() as connection:
            return search_documents(connection, query, limit, highlight)

    # -- statistics -------------------------------------------------------------------------------

    def stats(self) -> StoreStats:
        """Counts over the store, in one consistent snapshot."""
        d = documents.c
        with self._transaction() as connection:
            unfinished = unfinished_run_statuses(connection)  # first: see its docstring
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
            # Each document's first path is on its row, every other one in document_sources.
            sources = (
                total
                + connection.execute(
                    select(func.count()).select_from(document_sources)
                ).scalar_one()
            )
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
            ended = ingest_runs.c.finished_at.is_not(None)
            runs = connection.execute(
                select(func.count()).select_from(ingest_runs).where(ended)
            ).scalar()
            last = connection.execute(
                select(ingest_runs).where(ended).order_by(ingest_runs.c.id.desc()).limit(1)
            ).first()
            failures_last_run = 0
            if last is not None:
                failures_last_run = connection.execute(
                    select(func.count())
                    .select_from(ingest_failures)
                    .where(ingest_failures.c.run_id == last.id)
                ).scalar()
        return StoreStats(
            documents=total,
            stories=stories,
            near_duplicates=total - stories,
            sources=sources,
            undated=undated,
            estimated=estimated,
            date_range=(earliest, latest) if earliest is not None else (),
            by_year={str(y): n for y, n in by_year},
            by_language={(lang or _UNKNOWN): n for lang, n in by_language},
            by_outlet={(outlet or _UNKNOWN): n for outlet, n in by_outlet},
            runs=runs,
            unfinished_runs={
                status: sum(1 for s in unfinished.values() if s == status)
                for status in UNFINISHED_STATUSES
            },
            failures_last_run=failures_last_run,
            last_run=run_record(last, unfinished) if last is not None else None,
        )
