"""Quote search by text, a page at a time: the fact ids of the quotes that may hold some words,
in the order ``Store.quotes`` answers in, without reading every match (issue 14).

A common word is in tens of thousands of quotes at a million documents; reading each match's
row (its document's and statement's too) before keeping the oldest fifty cost hundreds of
milliseconds. Each database narrows differently:

- SQLite: the trigram index (migration 0015) finds every candidate, and its keys table holds
  each quote's place in date order (migration 0018): the candidates are sorted on those narrow
  rows, read in the order the index returns them, and only a page is read from ``quotes``.
- PostgreSQL: the trigram GIN index cannot return matches in date order, and each match it
  finds is a read of the table. The search first asks the oldest quotes only (the first
  percentiles of ``said_date`` in the planner's own statistics), which the planner narrows
  with the date index as well before reading any row; a common word fills a page there.
  Only a word too rare for that goes on to the rest, where it has few matches to read.

Either way the pages are candidates: the caller keeps the ones its exact conditions (the LIKE,
the speaker, the dates) hold for, so the results are those of a scan, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    column,
    literal_column,
    or_,
    select,
    table,
    text,
    true,
)

from dossier.store.schema import quotes

# SQLite's trigram index of quote texts and its keys (migrations 0015 and 0018): kept out of
# ``schema`` as the other full-text objects are, since PostgreSQL has none of it.
trigram = table("quotes_trigram", column("rowid"))
trigram_keys = table(
    "quotes_trigram_keys",
    column("key"),
    column("fact_id"),
    column("said_date"),
    column("doc_id"),
    column("start"),
)

# LIKE's wildcards: what ``about`` holds between them is what the text must hold literally.
_LIKE_WILDCARDS = re.compile(r"[%_]")

#: PostgreSQL: the windows of the oldest quotes asked first, as positions in the planner's
#: histogram of ``said_date`` (100 buckets by default: about the oldest 1% and 8%).
WINDOW_BOUNDS = (1, 8)

_HISTOGRAM = text(
    "SELECT histogram_bounds::text::text[] FROM pg_stats"
    " WHERE schemaname = current_schema() AND tablename = 'quotes' AND attname = 'said_date'"
)


def trigram_phrase(about: str) -> str | None:
    """The FTS5 query for the trigram index: the longest piece of ``about`` between LIKE's
    wildcards, as one phrase (its double quotes doubled, so that nothing in it, ``*``, ``-``,
    ``OR``, ``NEAR``, is read as query syntax). None where no piece has three characters: the
    index finds nothing shorter."""
    piece = max(_LIKE_WILDCARDS.split(about.lower()), key=len)
    if len(piece) < 3:
        return None
    return '"' + piece.replace('"', '""') + '"'


def trigram_match(phrase: str) -> ColumnElement[bool]:
    return literal_column("quotes_trigram").op("MATCH")(phrase)


def candidate_pages(
    connection: Connection,
    about: str,
    like: ColumnElement[bool],
    dates: tuple[str | None, str | None],
    page: int,
) -> Iterator[list[str]] | None:
    """Pages of ``page`` fact ids of quotes that may contain ``about``, in ``Store.quotes``'s
    order (said date, document, start, fact id); every quote that does is in one of them.
    None where this database has no such plan for ``about`` (SQLite and fewer than three
    characters between wildcards): the caller asks its own query.

    like: the exact text condition (PostgreSQL asks it in the page's own query).
    dates: the asked ``date_from`` and ``date_to`` (ISO, any precision, inclusive).
    """
    if connection.dialect.name == "sqlite":
        phrase = trigram_phrase(about)
        if phrase is None:
            return None
        return _sqlite_pages(connection, phrase, date_bounds(trigram_keys.c.said_date, *dates),
                             page)  # fmt: skip
    if connection.dialect.name == "postgresql":
        return _postgresql_pages(connection, like, date_bounds(quotes.c.said_date, *dates), page)
    return None


def date_bounds(said: Any, date_from: str | None, date_to: str | None) -> list[ColumnElement[bool]]:
    """The asked dates as conditions on a said date column."""
    found: list[ColumnElement[bool]] = []
    if date_from:
        found.append(said >= date_from)
    if date_to:
        # "2014" holds "2014-05-29": compare against the end of the prefix.
        found.append(said <= date_to + "~")
    return found


def _sqlite_pages(
    connection: Connection, phrase: str, bounds: Sequence[ColumnElement[bool]], page: int
) -> Iterator[list[str]]:
    k = trigram_keys.c
    query = (
        select(k.fact_id)
        .select_from(trigram.join(trigram_keys, k.key == trigram.c.rowid))
        .where(trigram_match(phrase), *bounds)
        .order_by(k.said_date, k.doc_id, k.start, k.fact_id)
    )
    yield from _paged(connection, query, page)


def _postgresql_pages(
    connection: Connection,
    like: ColumnElement[bool],
    bounds: Sequence[ColumnElement[bool]],
    page: int,
) -> Iterator[list[str]]:
    order = (quotes.c.said_date, quotes.c.doc_id, quotes.c.start, quotes.c.fact_id)
    for window in date_windows(connection):
        query = select(quotes.c.fact_id).where(like, window, *bounds).order_by(*order)
        yield from _paged(connection, query, page)


def date_windows(connection: Connection) -> list[ColumnElement[bool]]:
    """PostgreSQL: conditions that split the quotes into spans of said date, oldest first, the
    last one holding the undated (which PostgreSQL sorts last); one condition that holds for
    all where the table has no statistics yet (a new store is small enough to read whole)."""
    bounds = connection.execute(_HISTOGRAM).scalar()
    said = quotes.c.said_date
    if not bounds:
        return [true()]
    edges = sorted({bounds[min(i, len(bounds) - 1)] for i in WINDOW_BOUNDS})
    windows: list[Any] = []
    previous = None
    for edge in edges:
        windows.append(said <= edge if previous is None else (said > previous) & (said <= edge))
        previous = edge
    windows.append(or_(said > previous, said.is_(None)))
    return windows


def _paged(connection: Connection, query: Any, page: int) -> Iterator[list[str]]:
    offset = 0
    while True:
        ids = list(connection.execute(query.limit(page).offset(offset or None)).scalars())
        if ids:
            yield ids
        if len(ids) < page:
            return
        offset += page
