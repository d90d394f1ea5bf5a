"""The writer's rows as plain tuples, built straight from the fact records and handed to the
database driver's own ``executemany``.

Why: SQLAlchemy's ``executemany`` of dictionaries pays, for every row, a dictionary built from
the record, then its compiled statement's lookup of each parameter by name and its type
processing; a document writes a few hundred rows. On a driver that takes positional parameters
(SQLite's ``qmark``), the writer instead builds one tuple per record (``operator.attrgetter`` on
the record and on its provenance) and runs one prepared statement over them. Each value goes
through the same bind processor SQLAlchemy would apply to its column (JSON lists serialised,
booleans as integers, datetimes as text), so the stored rows are the same. A driver with named
parameters (PostgreSQL's) gets the same tuples as dictionaries, through SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert

from dossier.model import Fact
from dossier.store.kinds import PROVENANCE_FIELDS, FactKind

#: A row of a table as the tuple of its ``columns``.
Row = tuple[Any, ...]


def _getter(names: Sequence[str]) -> Callable[[Any], Row]:
    """A function giving the tuple of ``names``' values of its argument (``attrgetter`` gives a
    bare value, not a tuple, for one name)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        name = names[0]
        return lambda record: (getattr(record, name),)
    return attrgetter(*names)


class FactRows:
    """How one fact kind's records become rows of its table: ``columns``, and ``row(fact)``
    the values in that order (the same values ``facts.fact_row`` puts in its dictionary)."""

    def __init__(self, kind: FactKind) -> None:
        # The provenance's start and end are the stored ones where the record has its own.
        plain = tuple(name for name in kind.plain_fields if name not in PROVENANCE_FIELDS)
        converted = tuple(name for name in kind.tuple_items if name not in PROVENANCE_FIELDS)
        self.columns: tuple[str, ...] = (*plain, *converted, "fact_id", *PROVENANCE_FIELDS)
        self._plain = _getter(plain)
        self._converted = [(name, kind.to_column) for name in converted]
        self._provenance = _getter(PROVENANCE_FIELDS)

    def row(self, fact: Fact) -> Row:
        if not self._converted:  # most kinds: no tuple field to serialise
            return (*self._plain(fact), fact.fact_id, *self._provenance(fact.provenance))
        converted = tuple(convert(name, getattr(fact, name)) for name, convert in self._converted)
        return (
            *self._plain(fact),
            *converted,
            fact.fact_id,
            *self._provenance(fact.provenance),
        )


@cache
def fact_rows(kind: FactKind) -> FactRows:
    """The row builder of ``kind`` (built once per kind)."""
    return FactRows(kind)


@lru_cache(maxsize=256)  # a few tables per engine; bounded for a process opening many stores
def _prepared(
    table: Table, columns: tuple[str, ...], dialect: Dialect
) -> tuple[str, tuple[tuple[int, Callable[[Any], Any]], ...]] | None:
    """The driver's INSERT of ``columns`` into ``table`` and the bind processors of its
    columns (position, processor; those without one left out); None for a driver that takes
    named parameters."""
    if dialect.paramstyle != "qmark":
        return None
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    into = dialect.identifier_preparer.format_table(table)
    sql = f"INSERT INTO {into} ({names}) VALUES ({marks})"
    processors = []
    for position, name in enumerate(columns):
        # The processor SQLAlchemy itself applies to this column's values on this dialect,
        # through its public API (this function is cached, so its own cache is not needed).
        processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            processors.append((position, processor))
    return sql, tuple(processors)


def insert_rows(
    connection: Connection, table: Table, columns: tuple[str, ...], rows: list[Row]
) -> None:
    """Insert ``rows`` (tuples of ``columns``' values) into ``table``."""
    if not rows:
        return
    prepared = _prepared(table, columns, connection.dialect)
    if prepared is None:
        statement = insert(table)
        connection.execute(statement, [dict(zip(columns, row, strict=True)) for row in rows])
        return
    sql, processors = prepared
    if processors:
        rows = [_processed(row, processors) for row in rows]
    connection.exec_driver_sql(sql, rows)


def _processed(row: Row, processors: tuple[tuple[int, Callable[[Any], Any]], ...]) -> Row:
    values = list(row)
    for position, processor in processors:
        values[position] = processor(values[position])
    return tuple(values)


def insert_dicts(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dictionaries with the same keys) into ``table``."""
    if rows:
        columns = tuple(rows[0])
        insert_rows(connection, table, columns, [tuple(row[c] for c in columns) for row in rows])
