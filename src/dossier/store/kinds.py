"""The registry of fact kinds: which record each kind is and which table keeps it.

Adding a kind of fact to dossier is three steps: a record (a ``dossier.model.Fact`` subclass
with its ``kind``), a table (a ``FactColumns`` class in ``schema.py``, created by a new
migration), and one ``register_kind`` call here. The writer, the store and the query API then
take it as they take mentions: written, replaced and deleted by extractor version, read back as
records, joined by ``fact_links``.

A table's columns are the ``FactColumns`` (provenance) plus one column per record field, of the
same name; the generic row mapping in ``facts.py`` relies on that, and ``register_kind`` checks it.
A kind may also keep ``SideTable`` rows beside each fact (an event's actors, one row each, to be
indexed): the writer inserts them with the fact, and a foreign key with ``ON DELETE CASCADE`` on
the fact's id takes them away with it.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Any

from sqlalchemy import Table

from dossier.model import Event, Fact, Mention, Provenance, Quote, Sentence, Stance, Timex
from dossier.store.schema import (
    event_actors,
    events,
    mentions,
    quotes,
    sentences,
    stances,
    timexes,
)

#: The columns that hold a fact's ``Provenance``: one per field, under the field's name.
PROVENANCE_FIELDS = tuple(field.name for field in fields(Provenance))

#: Provenance columns every fact table has (``schema.FactColumns``): its id and its provenance.
PROVENANCE_COLUMNS = ("fact_id", *PROVENANCE_FIELDS)


@dataclass(frozen=True)
class SideTable:
    """Rows a fact keeps in another table, written with it: ``rows(fact)`` gives them. The
    table's foreign key to the fact's id must cascade, so that rewriting the fact drops them."""

    table: Table
    rows: Callable[[Fact], list[dict[str, Any]]]


@dataclass(frozen=True)
class FactKind:
    """One kind of fact: its name (``Fact.kind``), its record class, its table, and the side
    tables written with it."""

    name: str
    record: type[Fact]
    table: Table
    side_tables: tuple[SideTable, ...] = ()

    @cached_property
    def fields(self) -> tuple[str, ...]:
        """The record's own fields, each stored in the column of the same name (read once: the
        writer asks for them for every row)."""
        return tuple(f.name for f in fields(self.record) if f.name != "provenance")

    @cached_property
    def tuple_items(self) -> dict[str, type | None]:
        """Fields holding a tuple (stored as a JSON list): name -> the record class of each item
        (e.g. ``EventActor``, stored as a JSON object), or None for plain values."""
        hints = typing.get_type_hints(self.record)
        found: dict[str, type | None] = {}
        for name in self.fields:
            hint = hints[name]
            if typing.get_origin(hint) is tuple:
                item = typing.get_args(hint)[0]
                found[name] = item if dataclasses.is_dataclass(item) else None
        return found

    @cached_property
    def plain_fields(self) -> tuple[str, ...]:
        """The fields stored as they are (not in ``tuple_items``): the writer copies them
        without asking ``to_column`` field by field, row by row."""
        return tuple(name for name in self.fields if name not in self.tuple_items)

    def to_column(self, name: str, value: Any) -> Any:
        """A field's value as its column stores it (tuples as JSON lists)."""
        if name in self.tuple_items:
            return [dataclasses.asdict(v) if dataclasses.is_dataclass(v) else v for v in value]
        return value

    def from_column(self, name: str, value: Any) -> Any:
        """A column's value as the record's field holds it (JSON lists back to tuples)."""
        if name not in self.tuple_items:
            return value
        item = self.tuple_items[name]
        values = value or ()
        return tuple(item(**v) for v in values) if item is not None else tuple(values)


FACT_KINDS: dict[str, FactKind] = {}


def register_kind(
    record: type[Fact], table: Table, side_tables: tuple[SideTable, ...] = ()
) -> FactKind:
    """Register ``record`` as stored in ``table`` (with ``side_tables``); returns the entry.

    Raises ValueError when the table lacks a provenance column or a column for a record field,
    or when the kind is taken by another record.
    """
    kind = FactKind(record.kind, record, table, side_tables)
    missing = [c for c in (*PROVENANCE_COLUMNS, *kind.fields) if c not in table.c]
    if missing:
        raise ValueError(f"table {table.name} lacks columns for {record.__name__}: {missing}")
    known = FACT_KINDS.get(kind.name)
    if known is not None and known.record is not record:
        raise ValueError(f"fact kind {kind.name!r} is already {known.record.__name__}")
    FACT_KINDS[kind.name] = kind
    return kind


def fact_kind(name: str) -> FactKind:
    """The registered kind called ``name``; ValueError naming the known kinds otherwise."""
    try:
        return FACT_KINDS[name]
    except KeyError:
        known = ", ".join(sorted(FACT_KINDS))
        raise ValueError(f"no fact kind {name!r}; known: {known}") from None


register_kind(Mention, mentions)
register_kind(Timex, timexes)
register_kind(Sentence, sentences)
register_kind(Quote, quotes)


def event_actor_rows(fact: Fact) -> list[dict[str, Any]]:
    """An event's actors as ``event_actors`` rows: one per actor, by side and position."""
    assert isinstance(fact, Event)
    return [
        {
            "fact_id": fact.fact_id,
            "side": side,
            "position": position,
            "actor_id": actor.actor_id,
            "actor": actor.actor,
            "country": actor.country,
            "date": fact.date,  # the event's, so an actor's events of a year are one range
        }
        for side, actors in (("source", fact.source), ("target", fact.target))
        for position, actor in enumerate(actors)
    ]


register_kind(Event, events, (SideTable(event_actors, event_actor_rows),))
register_kind(Stance, stances)
