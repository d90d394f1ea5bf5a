"""Stances in the store: asking for them by target, holder, country and date."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, TypedDict, Unpack

from sqlalchemy import Connection, Select, func, or_, select

from dossier.store.joins import with_document_and_sentence
from dossier.store.records import StanceCount, StanceHit, record_from_row
from dossier.store.schema import documents, sentences, stances
from dossier.store.tallies import count_columns, period_clauses, tally_counts


class StanceWhere(TypedDict, total=False):
    """Which stances a question asks for; a key left out (or empty) asks for any.

    target_ids: KB ids the target may have (a ``target:`` id or an actor's); target_name: or
        words its name contains (case-insensitive; for a target the KB lacks).
    holder_ids, holder_name: the same for the holder. country: ISO3 the holder speaks for.
    date_from, date_to: ISO dates (any precision) bounding when it held, inclusive; an undated
        stance is left out of a bounded ask.
    """

    target_ids: Sequence[str]
    target_name: str | None
    holder_ids: Sequence[str]
    holder_name: str | None
    country: str | None
    date_from: str | None
    date_to: str | None


class StancesMixin:
    """``Store``'s stances."""

    def _transaction(self, write: bool = False) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # provided by Store

    def _tallied(self, connection: Connection) -> bool:
        raise NotImplementedError  # provided by FactStore

    def stances(self, *, limit: int | None = None, **where: Unpack[StanceWhere]) -> list[StanceHit]:
        """Stored stances by date (undated last), then document and position; ``where``: the
        stances asked for (``StanceWhere``), at most ``limit``."""
        query = with_document_and_sentence(
            select(
                stances,
                sentences.c.text.label("sentence_text"),
                documents.c.pub_date,
                documents.c.outlet,
                documents.c.title,
                documents.c.url,
            ),
            stances,
        )
        query = _filtered(query, where).order_by(
            stances.c.date.is_(None),
            stances.c.date,
            documents.c.seq,
            stances.c.doc_id,
            stances.c.start,
            stances.c.fact_id,
        )
        if limit is not None:
            query = query.limit(limit)
        with self._transaction() as connection:
            return [record_from_row(StanceHit, row) for row in connection.execute(query).mappings()]

    def stance_counts(
        self, *, by: str, period: str, **where: Unpack[StanceWhere]
    ) -> list[StanceCount]:
        """The stances ``stances`` would return, added up in the database by group (the holder,
        ``by="actor"``, or the country the holder spoke for, ``by="country"``), target and
        period (``all``, ``year``, ``month``), in no order; ``dossier.trends`` turns them into
        trends. A group-less stance, and an undated one when a period is asked, is left out,
        as ``dossier.trends.stance_trends`` leaves them out.

        Why in the database: a country's timeline is tens of thousands of stances at a million
        documents; sending each back and adding them up in Python took most of a second
        (bench_store_volume), the database's own grouping a fraction of it.
        """
        _check_keys(where)
        country = where.get("country")
        target_name, holder_name = where.get("target_name"), where.get("holder_name")
        by_id_or_date = (
            where.get(key) for key in ("target_ids", "holder_ids", "date_from", "date_to")
        )
        tallied = not any(by_id_or_date) and (
            (by == "country" and not holder_name) or (by == "actor" and not country)
        )
        with self._transaction() as connection:
            if tallied and self._tallied(connection):
                # Added up as the facts were written (migration 0016): a few rows per target.
                return tally_counts(connection, by, period, country, target_name, holder_name)
        group = stances.c.holder if by == "actor" else stances.c.holder_country
        in_period, when = period_clauses(period)
        query_where = [group.is_not(None), *in_period]
        with self._transaction() as connection:
            keys = [group, stances.c.target] + ([when] if when is not None else [])
            query = select(*keys, *count_columns(connection.dialect.name)).where(*query_where)
            query = _filtered(query, where).group_by(*keys)
            found = []
            for row in connection.execute(query):
                row = tuple(row) if when is not None else (*row[:2], "", *row[2:])
                grp, target, period_value, favour, against, total, docs, first, last = row
                found.append(
                    StanceCount(
                        grp, target, period_value, int(favour), int(against), int(total),
                        int(docs), first, last,
                    )
                )  # fmt: skip
            return found


def _check_keys(where: StanceWhere) -> None:
    """Refuses a key ``StanceWhere`` does not name, as a misspelt keyword argument would be."""
    unknown = sorted(set(where) - StanceWhere.__optional_keys__)
    if unknown:
        raise TypeError(f"unexpected keyword argument {unknown[0]!r}")


def _filtered(query: Select[Any], where: StanceWhere) -> Select[Any]:
    """``query`` over ``stances`` narrowed to the stances ``where`` asks for."""
    _check_keys(where)
    for ids, name, id_column, name_column in (
        (where.get("target_ids"), where.get("target_name"), stances.c.target_id, stances.c.target),
        (where.get("holder_ids"), where.get("holder_name"), stances.c.holder_id, stances.c.holder),
    ):
        which = []
        if ids:
            which.append(id_column.in_(list(ids)))
        if name:
            which.append(func.lower(name_column).contains(name.lower()))
        if which:
            query = query.where(or_(*which))
    country, date_from, date_to = where.get("country"), where.get("date_from"), where.get("date_to")
    if country:
        query = query.where(stances.c.holder_country == country.upper())
    if date_from:
        query = query.where(stances.c.date >= date_from)
    if date_to:
        query = query.where(stances.c.date <= date_to + "~")  # "2014" holds "2014-05"
    return query
