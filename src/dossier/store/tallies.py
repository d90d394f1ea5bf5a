"""Aggregates the fact writer keeps in step with the facts (migration 0016), so that an actor
page and a stance timeline read a page of rows, not every mention or stance of a million
documents.

- ``actor_documents``: per actor and document, how many mentions, with the document's date;
  rewritten for a document whenever its facts are (``refresh_actor_documents``), and gone
  with the document (``ON DELETE CASCADE``).
- ``stance_tallies``: per grouping ("actor": the holder; "country": the country the holder
  spoke for), target and period ("all" time, a "year", a "month"), the counts
  ``Store.stance_counts`` gives: for, against, all, documents, first and last date. A
  document's share is read before its facts are replaced and after (``stance_shares``), and
  the difference applied (``apply_stance_change``): every count adds up over documents; a
  first or last date the document held and no longer holds is recounted from ``stances``.

The periods are ``period_of`` (which ``dossier.trends`` adds up by too), the counts
``StancesMixin.stance_counts``'s SQL, so both paths agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    String,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)

from dossier.store.records import StanceCount
from dossier.store.schema import actor_documents, documents, mentions, stance_tallies, stances

PERIOD_KINDS = ("all", "year", "month")
GROUPINGS = {"actor": stances.c.holder, "country": stances.c.holder_country}


class Key(NamedTuple):
    grouping: str
    period_kind: str
    grp: str
    target: str
    period: str


class Share(NamedTuple):
    """One document's stances under one key."""

    in_favour: int
    against: int
    stances: int
    first: str | None
    last: str | None


def period_of(date: str | None, kind: str) -> str | None:
    """The period ``date`` falls in ("2013", "2013-09"): "" for all time, None when undated
    and a period is asked."""
    if kind == "all":
        return ""
    if not date or not date[:4].isdigit():
        return None
    if kind == "year":
        return date[:4]
    return date[:7] if len(date) >= 7 and date[5:7].isdigit() else None


def period_clauses(kind: str) -> tuple[list[Any], Any]:
    """What a stance's date must meet to fall in a period of ``kind`` ("all", "year",
    "month"), and the period it falls in (None for all time): ``period_of`` in SQL, shared by
    the tallies' recount and ``StancesMixin.stance_counts``."""
    if kind == "all":
        return [], None
    date = stances.c.date
    year = func.substr(date, 1, 4)
    where = [date.is_not(None), year.regexp_match("^[0-9]+$")]
    if kind == "year":
        return where, year
    month = [func.length(date) >= 7, func.substr(date, 6, 2).regexp_match("^[0-9]+$")]
    return where + month, func.substr(date, 1, 7)


def stance_dates(dialect: str) -> Any:
    """A stance's date for ``min``/``max``: "" as none, compared byte by byte on PostgreSQL
    (as Python sorts the dates; SQLite compares bytes already)."""
    dated: Any = func.nullif(stances.c.date, "")
    return dated.collate("C") if dialect == "postgresql" else dated


def count_columns(dialect: str) -> list[Any]:
    """What a tally holds, over a group of ``stances`` rows: for, against, all, documents,
    first and last date (the columns of ``stance_tallies`` after its key)."""
    dated = stance_dates(dialect)
    return [
        func.sum(case((stances.c.polarity > 0, 1), else_=0)),
        func.sum(case((stances.c.polarity < 0, 1), else_=0)),
        func.count(),
        func.count(stances.c.doc_id.distinct()),
        func.min(dated),
        func.max(dated),
    ]


def refresh_actor_documents(connection: Connection, doc_id: str, fresh: bool = False) -> None:
    """Recount ``doc_id``'s mentions per actor from ``mentions`` (after its facts are written
    and its date settled). fresh: the document had no facts before, so no counts to delete."""
    if not fresh:
        connection.execute(_DELETE_ACTOR_DOCUMENTS, {"doc": doc_id})
    connection.execute(_COUNT_ACTOR_DOCUMENTS, {"doc": doc_id})


def _actor_counts() -> Any:
    """Mentions per actor and document, with the document's date (a select to narrow)."""
    undated = case((documents.c.pub_date.is_(None), 1), else_=0)
    return (
        select(
            mentions.c.actor_id,
            mentions.c.doc_id,
            func.count(),
            func.max(undated),
            func.max(documents.c.pub_date),
        )
        .join(documents, documents.c.doc_id == mentions.c.doc_id)
        .where(mentions.c.actor_id.is_not(None))
        .group_by(mentions.c.actor_id, mentions.c.doc_id)
    )


# Built once (a statement keeps its cache key): the writer runs them for every document.
_DELETE_ACTOR_DOCUMENTS = delete(actor_documents).where(
    actor_documents.c.doc_id == bindparam("doc")
)
_COUNT_ACTOR_DOCUMENTS = insert(actor_documents).from_select(
    ["actor_id", "doc_id", "mentions", "undated", "pub_date"],
    _actor_counts().where(mentions.c.doc_id == bindparam("doc")),
)


def top_from_tallies(connection: Connection, actor_id: str, limit: int) -> list[tuple[str, int]]:
    """The ``limit`` documents mentioning ``actor_id`` most, in the actor page's order, read
    off ``ix_actor_documents_rank``."""
    query = (
        select(actor_documents.c.doc_id, actor_documents.c.mentions)
        .where(actor_documents.c.actor_id == actor_id)
        .order_by(
            actor_documents.c.mentions.desc(),
            actor_documents.c.undated,
            actor_documents.c.pub_date,
            actor_documents.c.doc_id,
        )
        .limit(limit)
    )
    return [(doc_id, int(n)) for doc_id, n in connection.execute(query)]


def stance_shares(connection: Connection, doc_id: str) -> dict[Key, Share]:
    """``doc_id``'s stances added up by every key they count under."""
    return shares_of(connection.execute(_DOCUMENT_STANCES, {"doc": doc_id}))


_DOCUMENT_STANCES = select(
    stances.c.holder, stances.c.holder_country, stances.c.target, stances.c.date,
    stances.c.polarity,
).where(stances.c.doc_id == bindparam("doc"))  # fmt: skip


def shares_of(rows: Iterable[Any]) -> dict[Key, Share]:
    """Stances, each (holder, holder_country, target, date, polarity), added up by every key
    they count under."""
    found: dict[Key, list[Any]] = {}
    for holder, country, target, date, polarity in rows:
        dated = date or None
        for grouping, grp in (("actor", holder), ("country", country)):
            if grp is None:
                continue
            for kind in PERIOD_KINDS:
                period = period_of(date, kind)
                if period is None:
                    continue
                share = found.setdefault(
                    Key(grouping, kind, grp, target, period), [0, 0, 0, None, None]
                )
                share[0] += polarity > 0
                share[1] += polarity < 0
                share[2] += 1
                if dated is not None:
                    share[3] = dated if share[3] is None else min(share[3], dated)
                    share[4] = dated if share[4] is None else max(share[4], dated)
    return {key: Share(*share) for key, share in found.items()}


def apply_stance_change(
    connection: Connection, old: dict[Key, Share], new: dict[Key, Share]
) -> None:
    """Move ``stance_tallies`` from a document's ``old`` shares to its ``new`` ones (its
    stances already rewritten). Keys in a fixed order, each row locked as it is read on
    PostgreSQL: two writers never lose each other's counts, nor wait on each other in a ring."""
    if not old:
        # A document's first stances (every first annotation): each key only gains, so one
        # batched upsert that adds does it, in the same fixed key order (about 3 ms a key
        # saved: a select, an insert and an update each, built and run per key).
        _add_shares(connection, new)
        return
    changed = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    for key in changed:
        was, now = old.get(key), new.get(key)
        where = and_(*(stance_tallies.c[name] == value for name, value in key._asdict().items()))
        if now is not None:
            _insert_missing(connection, key)
        row = (
            connection.execute(select(stance_tallies).where(where).with_for_update())
            .mappings()
            .first()
        )
        if row is None:
            continue  # nothing held and nothing to add
        counts = {
            name: row[name]
            + (getattr(now, name) if now else 0)
            - (getattr(was, name) if was else 0)
            for name in ("in_favour", "against", "stances")
        }
        counts["documents"] = row["documents"] + (now is not None) - (was is not None)
        if counts["stances"] <= 0:
            connection.execute(delete(stance_tallies).where(where))
            continue
        first = _bound(row["first"], was.first if was else None, now.first if now else None, min)
        last = _bound(row["last"], was.last if was else None, now.last if now else None, max)
        if first is _RECOUNT or last is _RECOUNT:
            low, high = _recount_bounds(connection, key)
            first = low if first is _RECOUNT else first
            last = high if last is _RECOUNT else last
        connection.execute(
            update(stance_tallies).where(where).values(first=first, last=last, **counts)
        )


_RECOUNT = object()


def _bound(held: str | None, was: str | None, now: str | None, pick: Any) -> Any:
    """The new first (``pick`` = min) or last (max) date of a key: ``_RECOUNT`` when the
    document held it and now holds none as far out."""
    if was is not None and was == held and (now is None or pick(now, was) != now):
        return _RECOUNT
    candidates = [d for d in (held, now) if d is not None]
    return pick(candidates) if candidates else None


def _upsert(connection: Connection) -> Any:
    """The dialect's INSERT that takes ON CONFLICT (SQLite and PostgreSQL spell it alike)."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    return upsert(stance_tallies)


def _insert_missing(connection: Connection, key: Key) -> None:
    """A zero row for ``key`` if it has none (then updated like any other)."""
    values = dict(key._asdict(), in_favour=0, against=0, stances=0, documents=0)
    connection.execute(_upsert(connection).values(values).on_conflict_do_nothing())


#: The adding upsert of ``_add_shares``, built once per dialect (it keeps its cache key).
_ADD_SHARES: dict[str, Any] = {}


def _adding(connection: Connection) -> Any:
    """The upsert adding shares to ``stance_tallies`` rows (``_add_shares``)."""
    statement = _upsert(connection)
    held, added = stance_tallies.c, statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=[held.grouping, held.period_kind, held.grp, held.target, held.period],
        set_={
            "in_favour": held.in_favour + added.in_favour,
            "against": held.against + added.against,
            "stances": held.stances + added.stances,
            "documents": held.documents + added.documents,
            # NULL is no date: the other side's date stands (bytewise, as ``min``/``max``).
            "first": case(
                (held.first.is_(None), added.first),
                (added.first.is_(None), held.first),
                (added.first < held.first, added.first),
                else_=held.first,
            ),
            "last": case(
                (held.last.is_(None), added.last),
                (added.last.is_(None), held.last),
                (added.last > held.last, added.last),
                else_=held.last,
            ),
        },
    )
    return statement


def _add_shares(connection: Connection, new: dict[Key, Share]) -> None:
    """Add a document's ``new`` shares to ``stance_tallies``, none of them held before: each
    key's row created or its counts added to, its first and last dates widened."""
    if not new:
        return
    statement = _ADD_SHARES.get(connection.dialect.name)
    if statement is None:
        statement = _ADD_SHARES[connection.dialect.name] = _adding(connection)
    ordered = sorted(new.items())
    driver = _ADD_SHARES_SQL.get(connection.dialect.name)
    if driver is None:
        driver = _ADD_SHARES_SQL[connection.dialect.name] = _driver_sql(statement, connection)
    if driver:
        # The same upsert, as the driver's SQL, fed tuples (a row's values by the statement's
        # own parameter order): no dictionary built and processed per row.
        sql, order = driver
        rows = [(*key, *share, 1) for key, share in ordered]
        connection.exec_driver_sql(sql, [tuple(row[i] for i in order) for row in rows])
        return
    connection.execute(
        statement,
        [dict(key._asdict(), **share._asdict(), documents=1) for key, share in ordered],
    )


#: What ``_add_shares`` binds, in the order of its tuples: a key's, a share's, the documents.
_SHARE_COLUMNS = (*Key._fields, *Share._fields, "documents")
#: The adding upsert as driver SQL per dialect, with the positions of its parameters in
#: ``_SHARE_COLUMNS``; () where the driver takes named parameters or a column converts.
_ADD_SHARES_SQL: dict[str, tuple[str, tuple[int, ...]] | tuple[()]] = {}


def _driver_sql(statement: Any, connection: Connection) -> tuple[str, tuple[int, ...]] | tuple[()]:
    """``statement`` compiled for ``connection``'s driver, with the positions (in
    ``_SHARE_COLUMNS``) of its parameters; () when it cannot be fed plain tuples."""
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":
        return ()
    for name in _SHARE_COLUMNS:
        if stance_tallies.c[name].type.dialect_impl(dialect).bind_processor(dialect) is not None:
            return ()
    compiled = statement.compile(dialect=dialect, column_keys=list(_SHARE_COLUMNS))
    names = compiled.positiontup or []
    if sorted(names) != sorted(_SHARE_COLUMNS):
        return ()
    return str(compiled), tuple(_SHARE_COLUMNS.index(name) for name in names)


def _recount_bounds(connection: Connection, key: Key) -> tuple[str | None, str | None]:
    """The first and last date of ``key``'s stances, from ``stances``."""
    date = stances.c.date
    dated = stance_dates(connection.dialect.name)
    query = select(func.min(dated), func.max(dated)).where(
        GROUPINGS[key.grouping] == key.grp, stances.c.target == key.target
    )
    if key.period_kind == "year":
        query = query.where(func.substr(date, 1, 4) == key.period)
    elif key.period_kind == "month":
        query = query.where(func.substr(date, 1, 7) == key.period, func.length(date) >= 7)
    low, high = connection.execute(query).one()
    return low, high


def tally_counts(
    connection: Connection,
    by: str,
    period: str,
    country: str | None,
    target_name: str | None,
    holder_name: str | None,
) -> list[StanceCount]:
    """``StancesMixin.stance_counts`` read from ``stance_tallies`` (the asks it can serve)."""
    query = select(stance_tallies).where(
        stance_tallies.c.grouping == by, stance_tallies.c.period_kind == period
    )
    if country:
        query = query.where(stance_tallies.c.grp == country.upper())
    if holder_name:
        query = query.where(func.lower(stance_tallies.c.grp).contains(holder_name.lower()))
    if target_name:
        query = query.where(func.lower(stance_tallies.c.target).contains(target_name.lower()))
    return [
        StanceCount(
            row["grp"],
            row["target"],
            row["period"],
            row["in_favour"],
            row["against"],
            row["stances"],
            row["documents"],
            row["first"],
            row["last"],
        )  # fmt: skip
        for row in connection.execute(query).mappings()
    ]


def recount(connection: Connection) -> None:
    """Fill both tables afresh from the facts (after a bulk load that went around the
    writer)."""
    connection.execute(delete(actor_documents))
    connection.execute(
        insert(actor_documents).from_select(
            ["actor_id", "doc_id", "mentions", "undated", "pub_date"], _actor_counts()
        )
    )
    connection.execute(delete(stance_tallies))
    for select_ in tally_selects(connection.dialect.name):
        connection.execute(insert(stance_tallies).from_select(TALLY_COLUMNS, select_))


TALLY_COLUMNS = [c.name for c in stance_tallies.columns]


def tally_selects(dialect: str) -> Iterable[Any]:
    """One select per grouping and period kind, giving ``stance_tallies``'s rows from
    ``stances`` (the SQL of ``stance_counts``)."""
    for grouping, group in GROUPINGS.items():
        for kind in PERIOD_KINDS:
            in_period, period = period_clauses(kind)
            where = [group.is_not(None), *in_period]
            when: Any = literal("", String) if period is None else period
            keys = [group, stances.c.target] + ([when] if kind != "all" else [])
            yield (
                select(
                    literal(grouping, String),
                    literal(kind, String),
                    group,
                    stances.c.target,
                    when,
                    *count_columns(dialect),
                )
                .where(*where)
                .group_by(*keys)
            )
