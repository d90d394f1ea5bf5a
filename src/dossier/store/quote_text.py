"""Quote search by text, a page at a time: the fact ids of the quotes that may hold some words,
in the order ``Store.quotes`` answers in, without reading every match (issue 14).

A common word is in tens of thousands of quotes at a million documents; reading each match's
row (its document's and statement's too) before keeping the oldest fifty cost hundreds of
milliseconds. Each database narrows differently:

- SQLite: the trigram index (migration 0015) finds every candidate, and its keys table holds
  each quote's place in date order (migration 0018): the candidates are sorted on those narrow
  rows, read in the order the index returns them, and only a page is read from ``quotes``.
- PostgreSQL: the trigram GIN index cannot return matches in date order, and each match it
  finds is a read of the table. In a large table the search walks the oldest span of dates
  first (about ``FIRST_WINDOW_QUOTES`` quotes) through an index that holds their text
  (migration 0018), reading index pages in order and no row: a common word fills a page
  there. Only a rarer word goes on to the rest, through the trigram index, where it has few
  matches to read. The rows of the page are read only after the candidates are sorted.

Either way the pages are candidates: the caller keeps the ones its exact conditions (the LIKE,
the speaker, the dates) hold for, so the results are those of a scan, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    true,
    tuple_,
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

#: PostgreSQL: the first span of date asked holds about this many quotes (where that is under
#: half the table), walked through ``ix_quotes_said_date_text``; the rest is asked in one. A word
#: too rare to fill a page there walks all of it, testing each entry's text: at a million
#: documents (load 6, the bench's 50 asks twice, interleaved) 50,000 gave p50 / p95 / mean
#: 56 / 112 / 62 ms, 20,000 52 / 89 / 54 ms.
FIRST_WINDOW_QUOTES = 20_000

_STATISTICS = text(
    "SELECT c.reltuples, s.histogram_bounds::text::text[] FROM pg_class c"
    " LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'quotes'"
    "  AND s.attname = 'said_date'"
    " WHERE c.oid = to_regclass('quotes')"
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
    None where no index finds ``about`` (fewer than three characters between wildcards: most
    quotes hold such a string, and the caller's walk by date stops after a page).

    like: the exact text condition (PostgreSQL asks it in the page's own query).
    dates: the asked ``date_from`` and ``date_to`` (ISO, any precision, inclusive).
    """
    phrase = trigram_phrase(about)
    if phrase is None:
        return None
    if connection.dialect.name == "sqlite":
        return _sqlite_pages(connection, phrase, date_bounds(trigram_keys.c.said_date, *dates),
                             page)  # fmt: skip
    if connection.dialect.name == "postgresql":
        bounds = date_bounds(quotes.c.said_date, *dates)
        return _postgresql_pages(connection, like, bounds, page)
    return None


def date_bounds(said: Any, date_from: str | None, date_to: str | None) -> list[ColumnElement[bool]]:
    """The asked dates (ISO, any precision, inclusive) as conditions on a date column: when a
    quote was said, when an event happened."""
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
    said = quotes.c.said_date
    order = (said, quotes.c.doc_id, quotes.c.start, quotes.c.fact_id)
    # Past the first span: an order the date index cannot give, so that the planner takes the
    # trigram index and reads only the matches, not every quote on the way (the same order:
    # ``||`` keeps the column's collation, and NULL stays NULL).
    unwalked = (said.op("||")(literal("")), *order[1:])
    windows = date_windows(connection)
    for n, window in enumerate(windows):
        query = select(quotes.c.fact_id).where(like, window, *bounds)
        if n == 0 and len(windows) > 1:
            # The walk through the oldest quotes tests each index entry's text: half pages,
            # each going on from the last one's key, so a word whose first matches suffice
            # stops after half the walk, and a second page does not walk the first again.
            yield from _keyset_paged(connection, query, order, max(1, page // 2))
        else:
            yield from _paged(connection, query.order_by(*unwalked), page)


def date_windows(connection: Connection) -> list[ColumnElement[bool]]:
    """PostgreSQL: conditions that split the quotes into spans of said date, oldest first, the
    last one holding the undated (which PostgreSQL sorts last); one condition that holds for all
    where the table is small, or has never been analysed. Any edges give the same results; they
    are put at the planner's percentiles of ``said_date`` where it has them, else (not analysed
    since migration 0014 added the column) at shares of the span between the oldest and newest
    date."""
    quotes_in_all, histogram = connection.execute(_STATISTICS).one_or_none() or (0, None)
    shares: list[float] = []
    if quotes_in_all and quotes_in_all > 0 and FIRST_WINDOW_QUOTES / quotes_in_all < 0.5:
        shares.append(FIRST_WINDOW_QUOTES / quotes_in_all)
    edges = _histogram_edges(histogram, shares) if histogram else _span_edges(connection, shares)
    if not edges:
        return [true()]
    said = quotes.c.said_date
    windows: list[Any] = []
    previous = None
    for edge in edges:
        windows.append(said <= edge if previous is None else (said > previous) & (said <= edge))
        previous = edge
    windows.append(or_(said > previous, said.is_(None)))
    return windows


def _histogram_edges(bounds: list[str], shares: list[float]) -> list[str]:
    last = len(bounds) - 1
    return sorted({bounds[max(1, round(share * last))] for share in shares if last >= 1})


def _span_edges(connection: Connection, shares: list[float]) -> list[str]:
    if not shares:
        return []
    oldest, newest = connection.execute(
        select(func.min(quotes.c.said_date), func.max(quotes.c.said_date))
    ).one()
    first, last = _day(oldest), _day(newest)
    if first is None or last is None or last <= first:
        return []
    days = (last - first).days
    return sorted({(first + timedelta(days=days * share)).isoformat() for share in shares})


def _day(value: str | None) -> date | None:
    """The day a said date begins on ("2014" -> 2014-01-01), None if it is no ISO date."""
    if not value:
        return None
    head = value[:10]
    for pattern, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(head[:size], pattern).date()
        except ValueError:
            continue
    return None


def _keyset_paged(
    connection: Connection, query: Any, order: Sequence[Any], page: int
) -> Iterator[list[str]]:
    """``_paged`` for an order of non-null columns ending in a unique one: each page starts
    after the last key of the one before, instead of at an offset the database walks again.
    The first window's ``said_date`` is never null (``said <= edge``)."""
    keyed = query.add_columns(*order[:-1]).order_by(*order)
    after: Any = None
    while True:
        page_query = keyed if after is None else keyed.where(tuple_(*order) > tuple_(*after))
        rows = connection.execute(page_query.limit(page)).all()
        if rows:
            yield [row[0] for row in rows]
            last = rows[-1]
            after = (*last[1:], last[0])
        if len(rows) < page:
            return


def _paged(connection: Connection, query: Any, page: int) -> Iterator[list[str]]:
    offset = 0
    while True:
        ids = list(connection.execute(query.limit(page).offset(offset or None)).scalars())
        if ids:
            yield ids
        if len(ids) < page:
            return
        offset += page
