"""Stored facts of every registered kind, their links, and which extractor versions have
annotated which documents.

A mixin of ``Store``. ``write_facts`` takes one document's ``DocumentFacts`` and, in one
transaction, replaces exactly the facts and links of the extractors that ran, marks the document
done by those extractors at their versions, and (for an undated document) records the estimated
publication date. Facts are keyed by their stable ``fact_id``, so re-annotating an unchanged
document rewrites the same ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import (
    Connection,
    Executable,
    Table,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    update,
)

from dossier.model import DocumentFacts, Fact, FactLink, Provenance
from dossier.store.fact_rows import fact_rows, insert_dicts, insert_rows
from dossier.store.kinds import FACT_KINDS, PROVENANCE_FIELDS, FactKind, fact_kind
from dossier.store.quotes import refresh_said_dates
from dossier.store.records import record_from_row
from dossier.store.schema import annotations, documents, fact_links, mentions
from dossier.store.tallies import (
    apply_stance_change,
    refresh_actor_documents,
    shares_of,
    stance_shares,
    top_from_tallies,
)

# Bound variables per statement stay far below SQLite's oldest limit (999).
_CHUNK = 500


# Statements built once: a statement object keeps its cache key, so executing it again finds
# its compiled form without rebuilding the key (about 25 statements a document otherwise).
_MARKED = select(annotations.c.extractor).where(annotations.c.doc_id == bindparam("doc")).limit(1)


_DELETES: dict[Table, Executable] = {}
_INSERTS: dict[Table, Executable] = {}


def _delete_of(table: Table) -> Executable:
    """The statement deleting one document's rows of some extractors from ``table``."""
    statement = _DELETES.get(table)
    if statement is None:
        statement = _DELETES[table] = delete(table).where(
            table.c.doc_id == bindparam("doc"),
            table.c.extractor.in_(bindparam("extractors", expanding=True)),
        )
    return statement


def _insert_of(table: Table) -> Executable:
    """The statement inserting rows into ``table``."""
    statement = _INSERTS.get(table)
    if statement is None:
        statement = _INSERTS[table] = insert(table)
    return statement


def _stance_values(records: Iterable[Fact]) -> Iterable[tuple[Any, ...]]:
    """What ``shares_of`` adds up, from the stance records about to be written."""
    for record in records:
        yield _STANCE_SHARE(record)


#: A stance's (holder, holder_country, target, date, polarity): what ``shares_of`` adds up.
_STANCE_SHARE = attrgetter("holder", "holder_country", "target", "date", "polarity")


class FactStore:
    """Fact storage for ``Store``: generic over the kinds in ``store.kinds.FACT_KINDS``."""

    def _transaction(self, write: bool = False) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # provided by Store

    # -- writing ------------------------------------------------------------------------------

    def write_facts(self, found: DocumentFacts) -> None:
        """Store one document's facts, replacing those of the extractors that ran, in one go.

        found: what the pipeline found; ``found.versions`` names the extractors that ran. Facts
            of other extractors, and their marks, are left as they are.
        """
        extractors = list(found.versions)
        # Rows as tuples built straight from the records (``fact_rows``), not dictionaries.
        by_kind: dict[str, list[Fact]] = defaultdict(list)
        beside: dict[Table, list[dict[str, Any]]] = defaultdict(list)
        for fact in found.facts:
            if fact.provenance.doc_id != found.doc_id:
                raise ValueError(
                    f"{type(fact).__name__} {fact.fact_id} belongs to "
                    f"{fact.provenance.doc_id!r}, not {found.doc_id!r}"
                )
            kind = fact_kind(fact.kind)
            by_kind[fact.kind].append(fact)
            for side in kind.side_tables:
                beside[side.table].extend(side.rows(fact))
        now = datetime.now(UTC).replace(tzinfo=None)
        params = {"doc": found.doc_id, "extractors": extractors}
        with self._transaction(write=True) as connection:
            tallied = self._tallied(connection)
            # A document no extractor has marked holds no facts (the marks are written with
            # them, in one transaction): its first write deletes nothing and reads no old
            # stances (9 deletes and a select a document saved on every first annotation).
            fresh = connection.execute(_MARKED, {"doc": found.doc_id}).first() is None
            old_shares = stance_shares(connection, found.doc_id) if tallied and not fresh else {}
            if not fresh:
                # Every registered kind's table (a kind may be registered after import).
                for table in [kind.table for kind in FACT_KINDS.values()] + [fact_links]:
                    connection.execute(_delete_of(table), params)
            for kind_name, records in by_kind.items():
                kind = FACT_KINDS[kind_name]
                shape = fact_rows(kind)
                insert_rows(connection, kind.table, shape.columns, list(map(shape.row, records)))
            # After their facts: their foreign keys point at them. Deleting a fact above took
            # its old side rows with it (ON DELETE CASCADE).
            for table, rows in beside.items():
                insert_dicts(connection, table, rows)
            if found.links:
                insert_rows(connection, fact_links, LINK_COLUMNS, list(map(_link_row, found.links)))
            if found.dated:
                _record_date_estimate(connection, found)
            # Last: it reads the quotes, the sentences and the date just written.
            refresh_said_dates(connection, found.doc_id)
            if tallied:
                refresh_actor_documents(connection, found.doc_id, fresh)
                # A fresh document's stances are exactly the rows just written: added up from
                # them, not read back.
                new_shares = (
                    shares_of(_stance_values(by_kind.get("stance", ())))
                    if fresh
                    else stance_shares(connection, found.doc_id)
                )
                apply_stance_change(connection, old_shares, new_shares)
            if not fresh:
                connection.execute(_delete_of(annotations), params)
            connection.execute(
                _insert_of(annotations),
                [
                    {"doc_id": found.doc_id, "extractor": name, "version": version,
                     "annotated_at": now}
                    for name, version in found.versions.items()
                ],
            )  # fmt: skip

    def schema_changed(self) -> None:
        """Forget what was learnt of the schema (after migrating an open store)."""
        self._tallies_known = None

    def _tallied(self, connection: Connection) -> bool:
        """Whether the store has the aggregates of migration 0016 (a store measured without
        them has not), asked once."""
        known = getattr(self, "_tallies_known", None)
        if known is None:
            known = inspect(connection).has_table("stance_tallies")
            self._tallies_known = known
        return known

    # -- reading ------------------------------------------------------------------------------

    def document_ids(self) -> list[str]:
        """Every stored document's id, oldest first (the order annotate works in)."""
        query = select(documents.c.doc_id).order_by(documents.c.seq, documents.c.doc_id)
        with self._transaction() as connection:
            return list(connection.execute(query).scalars())

    def read_facts(
        self,
        kind: str,
        doc_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        **equal: Any,
    ) -> list[Fact]:
        """Stored facts of ``kind`` as records, by document and position.

        kind: a registered kind ("mention", "timex", "sentence", ...).
        doc_id: only this document's (full id).
        limit: at most this many. offset: skip this many first, for paging.
        equal: column = value filters, e.g. ``actor_id="person:vladimir-putin"``.
        """
        entry = fact_kind(kind)
        table = entry.table
        query = select(table)
        if doc_id is not None:
            query = query.where(table.c.doc_id == doc_id)
        for column, value in equal.items():
            if column not in table.c:
                raise ValueError(f"{kind} facts have no column {column!r}")
            query = query.where(table.c[column] == value)
        query = query.order_by(table.c.doc_id, table.c.start, table.c.end, table.c.fact_id)
        with self._transaction() as connection:
            rows = connection.execute(query.limit(limit).offset(offset or None)).mappings().all()
        return [fact_from_row(entry, row) for row in rows]

    def read_links(self, doc_id: str, relation: str | None = None) -> list[FactLink]:
        """A document's fact links, optionally of one relation."""
        query = select(fact_links).where(fact_links.c.doc_id == doc_id)
        if relation is not None:
            query = query.where(fact_links.c.relation == relation)
        with self._transaction() as connection:
            rows = connection.execute(query).mappings().all()
        return [record_from_row(FactLink, row) for row in rows]

    def annotation_versions(
        self, doc_ids: Iterable[str] | None = None
    ) -> dict[str, dict[str, str]]:
        """doc_id -> {extractor: version} for documents annotated by any extractor."""
        query = select(annotations.c.doc_id, annotations.c.extractor, annotations.c.version)
        found: dict[str, dict[str, str]] = defaultdict(dict)
        with self._transaction() as connection:
            if doc_ids is None:
                batches: list[list[str] | None] = [None]
            else:
                ids = list(doc_ids)
                batches = [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
            for batch in batches:
                scoped = query if batch is None else query.where(annotations.c.doc_id.in_(batch))
                for doc_id, extractor, version in connection.execute(scoped):
                    found[doc_id][extractor] = version
        return dict(found)

    def fact_counts(self) -> dict[str, int]:
        """How many facts of each registered kind are stored."""
        with self._transaction() as connection:
            return {
                name: connection.execute(select(func.count()).select_from(kind.table)).scalar_one()
                for name, kind in sorted(FACT_KINDS.items())
            }

    def mention_counts(self, actor_id: str) -> list[tuple[str, str | None, str | None, int]]:
        """Per document: (doc_id, pub_date, title, how often ``actor_id`` is mentioned)."""
        count = func.count().label("mentions")
        query = (
            select(documents.c.doc_id, documents.c.pub_date, documents.c.title, count)
            .join(mentions, mentions.c.doc_id == documents.c.doc_id)
            .where(mentions.c.actor_id == actor_id)
            .group_by(documents.c.doc_id, documents.c.pub_date, documents.c.title)
            .order_by(documents.c.pub_date, documents.c.doc_id)
        )
        with self._transaction() as connection:
            return [tuple(row) for row in connection.execute(query).all()]

    def top_mentioning(self, actor_ids: Iterable[str], limit: int) -> list[tuple[str, int]]:
        """The ``limit`` documents mentioning any of ``actor_ids`` most: (doc_id, mentions),
        most first, then oldest (undated last), then by id: an actor page's list.

        Counted and ranked in the database, so an actor named in a hundred thousand documents
        sends back ``limit`` rows, not a hundred thousand. The counts are read off the index on
        ``(actor_id, doc_id)`` alone; only documents with at least the ``limit``-th largest
        count are joined to ``documents`` for the tie-break on their date.
        """
        wanted = sorted(set(actor_ids))
        if not wanted or limit <= 0:
            return []
        if len(wanted) == 1:
            with self._transaction() as connection:
                if self._tallied(connection):
                    # The counts kept by the writer, in the page's order (migration 0016).
                    return top_from_tallies(connection, wanted[0], limit)
        counts = (
            select(mentions.c.doc_id, func.count().label("n"))
            .where(mentions.c.actor_id.in_(wanted))
            .group_by(mentions.c.doc_id)
            .cte("counts")
        )
        floor = (
            select(counts.c.n).order_by(counts.c.n.desc()).limit(1).offset(limit - 1)
        ).scalar_subquery()
        query = (
            select(counts.c.doc_id, counts.c.n)
            .join(documents, documents.c.doc_id == counts.c.doc_id)
            .where(counts.c.n >= func.coalesce(floor, 0))
            .order_by(
                counts.c.n.desc(),
                documents.c.pub_date.is_(None),
                documents.c.pub_date,
                counts.c.doc_id,
            )
            .limit(limit)
        )
        with self._transaction() as connection:
            return [(doc_id, int(n)) for doc_id, n in connection.execute(query)]


# -- rows and records -------------------------------------------------------------------------


def fact_row(kind: FactKind, fact: Fact) -> dict[str, Any]:
    """The row of ``fact`` in its kind's table: provenance columns, then the record's fields."""
    row: dict[str, Any] = {name: getattr(fact, name) for name in kind.plain_fields}
    for name in kind.tuple_items:
        row[name] = kind.to_column(name, getattr(fact, name))
    row["fact_id"] = fact.fact_id
    provenance = fact.provenance
    for name in PROVENANCE_FIELDS:
        row[name] = getattr(provenance, name)
    return row


def fact_from_row(kind: FactKind, row: Any) -> Fact:
    """The record a stored row holds (``row``: a mapping of column name to value)."""
    provenance = Provenance(**{name: row[name] for name in PROVENANCE_FIELDS})
    values = {name: kind.from_column(name, row[name]) for name in kind.fields}
    return kind.record(**values, provenance=provenance)


#: A fact link's ``fact_links`` columns, and its row (the tuple of those fields).
LINK_COLUMNS = ("doc_id", "from_fact", "to_fact", "relation", "extractor", "extractor_version")
_link_row = attrgetter(*LINK_COLUMNS)


def _record_date_estimate(connection: Connection, found: DocumentFacts) -> None:
    """Write what the date estimator concluded about an undated document into its row."""
    estimate = found.date_estimate
    if estimate is None:
        note = connection.execute(
            select(documents.c.date_note, documents.c.date_source).where(
                documents.c.doc_id == found.doc_id
            )
        ).first()
        # Keep what ingest said of the source (its first clause), not an earlier estimate's.
        said = note[0].split("; ")[0] if note and note[0] and note[1] != "estimated" else None
        values = {
            "pub_date": None,
            "date_source": None,
            "date_is_estimated": False,
            "date_note": f"{said or 'the source gives no date'}; the content gives no evidence "
            "for an estimate",
        }
    else:
        evidence = "; ".join(estimate.evidence)
        values = {
            "pub_date": estimate.value,
            "date_source": "estimated",
            "date_is_estimated": True,
            "date_note": f"estimated from the content: between {estimate.earliest} and "
            f"{estimate.latest} ({evidence})",
        }
    connection.execute(update(documents).where(documents.c.doc_id == found.doc_id).values(values))
