"""The registry of fact kinds: which record each kind is and which table keeps it.

Adding a kind of fact to dossier is three steps: a record (a ``dossier.model.Fact`` subclass
with its ``kind``), a table (a ``FactColumns`` class in ``schema.py``, created by a new
migration), and one ``register_kind`` call here. The writer, the store and the query API then
take it as they take mentions: written, replaced and deleted by extractor version, read back as
records, joined by ``fact_links``.

A table's columns are the ``FactColumns`` (provenance) plus one column per record field, of the
same name; the generic row mapping in ``facts.py`` relies on that, and ``register_kind`` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import Table

from dossier.model import Fact, Mention, Provenance, Quote, Sentence, Timex
from dossier.store.schema import mentions, quotes, sentences, timexes

#: The columns that hold a fact's ``Provenance``: one per field, under the field's name.
PROVENANCE_FIELDS = tuple(field.name for field in fields(Provenance))

#: Provenance columns every fact table has (``schema.FactColumns``): its id and its provenance.
PROVENANCE_COLUMNS = ("fact_id", *PROVENANCE_FIELDS)


@dataclass(frozen=True)
class FactKind:
    """One kind of fact: its name (``Fact.kind``), its record class, its table."""

    name: str
    record: type[Fact]
    table: Table

    @property
    def fields(self) -> tuple[str, ...]:
        """The record's own fields, each stored in the column of the same name."""
        return tuple(f.name for f in fields(self.record) if f.name != "provenance")


FACT_KINDS: dict[str, FactKind] = {}


def register_kind(record: type[Fact], table: Table) -> FactKind:
    """Register ``record`` as stored in ``table``; returns the entry.

    Raises ValueError when the table lacks a provenance column or a column for a record field,
    or when the kind is taken by another record.
    """
    kind = FactKind(record.kind, record, table)
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
