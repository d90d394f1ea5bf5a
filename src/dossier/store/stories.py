"""The near-duplicate band index: which stored documents a new one may be a copy of.

A document's MinHash signature is cut into LSH bands (``LSH_BANDS`` bands of ``LSH_ROWS``
values); two documents whose signatures agree on a whole band are candidates. Each band is kept
as a 64-bit hash, indexed, and written in the same transaction as its document, so finding the
candidates of a batch is a few indexed look-ups and reading their signatures, whatever the size
of the store.

The index is log-structured (migration 0019): a new document's bands go to the small
``lsh_bands_pending``, whose pages stay cached, and ``merge_bands`` moves them into the large
``lsh_bands`` in band-hash order once they pass ``settings.BAND_PENDING_FRACTION`` of it (or
``BAND_PENDING_MIN_ROWS``), each page of its index written once per merge instead of once per
band: at a million documents the 25 random keys of each new document were most of the pages an
ingest wrote. A look-up reads both tables, so what it finds does not depend on when the last
merge ran. The layout is datasketch's ``MinHashLSH`` for the threshold and
permutations in ``dossier.settings``, so the candidates are the ones its in-memory index found.

``StoryReads`` reads them on a connection the caller holds: ``Store.add_new_documents`` assigns
stories and stores the batch in one transaction, under the document writers' lock, so two
processes ingesting at once cannot both miss the copy the other is storing. ``StoriesMixin``
gives ``Store`` the same reads, each in a transaction of its own.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from dossier import settings
from dossier.store.engine import serialise_document_writers
from dossier.store.schema import documents, lsh_bands, lsh_bands_pending

#: Bands per signature and signature values per band: what datasketch's ``MinHashLSH`` picks for
#: threshold 0.5 and 128 permutations (a test keeps the two in step).
LSH_BANDS = 25
LSH_ROWS = 5

#: Bytes per value of a stored signature (little-endian uint64, ``signature_to_bytes``).
_VALUE_BYTES = 8

# Bound variables per statement stay far below SQLite's oldest limit (999).
_CHUNK = 400


def band_hashes(signature: bytes) -> list[tuple[int, int]]:
    """(band, band hash) for each LSH band of a stored signature.

    Two signatures share a band hash exactly when they agree on that band's values (a 64-bit
    hash collision aside, which only adds a candidate that the similarity check then rejects).
    """
    width = LSH_ROWS * _VALUE_BYTES
    bands = []
    for band in range(min(LSH_BANDS, len(signature) // width)):
        digest = hashlib.blake2b(signature[band * width : (band + 1) * width], digest_size=8)
        bands.append((band, int.from_bytes(digest.digest(), "little", signed=True)))
    return bands


def band_rows(doc_id: str, signature: bytes | None) -> list[dict[str, Any]]:
    """The band rows of one document as revisions 0005-0023 keep them, by document id (the
    revisions' backfill and the volume bench's bulk load at 0012 write them); none without a
    signature. Since 0024 the tables key them by the document's ``seq`` (``_add_bands``)."""
    if signature is None:
        return []
    return [
        {"doc_id": doc_id, "band": band, "band_hash": value}
        for band, value in band_hashes(signature)
    ]


class StoryReads:
    """Story assignment's reads (band matches, candidates' signatures) on one open connection.

    ``Store.add_new_documents`` hands one to its story assigner, so that the candidates are
    read inside the transaction that then stores the new documents, under the document writers'
    lock: no other process can store a copy between the read and the write. It has the methods
    ``dossier.ingest.near_duplicates.StoredStories`` asks for.

    connection: a connection inside an open transaction.
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def band_candidates(self, signatures: Sequence[bytes]) -> list[set[str]]:
        """For each signature, the stored documents sharing at least one LSH band with it.

        signatures: near-duplicate signatures as ``signature_to_bytes`` writes them.
        """
        wanted = [band_hashes(signature) for signature in signatures]
        hashes = sorted({value for bands in wanted for _, value in bands})
        holders: dict[tuple[int, int], set[int]] = {}
        for table in (lsh_bands, lsh_bands_pending):
            for start in range(0, len(hashes), _CHUNK):
                query = select(table.c.band, table.c.band_hash, table.c.seq).where(
                    table.c.band_hash.in_(hashes[start : start + _CHUNK])
                )
                for band, value, seq in self._connection.execute(query):
                    holders.setdefault((band, value), set()).add(seq)
        # The bands found are few; their documents' ids are read by seq in a query of their own
        # rather than a join, whose plan a planner without statistics of a new table may make
        # a scan of every document (PostgreSQL did, after migration 0024: 7 documents/s).
        seqs = sorted(set().union(*holders.values()))
        ids = documents_by(self._connection, documents.c.seq, documents.c.doc_id, seqs)
        return [
            {ids[seq] for key in bands for seq in holders.get(key, ()) if seq in ids}
            for bands in wanted
        ]

    def story_signatures(self, doc_ids: Collection[str]) -> dict[str, tuple[str, bytes]]:
        """Each stored document's (story id, signature), for those of ``doc_ids`` that have one.

        doc_ids: full document ids.
        """
        wanted = sorted(doc_ids)
        found: dict[str, tuple[str, bytes]] = {}
        for start in range(0, len(wanted), _CHUNK):
            query = select(documents.c.doc_id, documents.c.story_id, documents.c.minhash).where(
                documents.c.doc_id.in_(wanted[start : start + _CHUNK]),
                documents.c.minhash.is_not(None),
            )
            for doc_id, story_id, minhash in self._connection.execute(query):
                found[doc_id] = (story_id, bytes(minhash))
        return found


@dataclass(frozen=True)
class BandMerge:
    """What one ``merge_bands`` call found and did.

    pending: rows in ``lsh_bands_pending`` before it.
    threshold: the pending rows that make a merge due (``band_merge_threshold``).
    merged: rows moved into ``lsh_bands`` (0 when no merge was due and none was forced).
    seconds: wall-clock time of the call, the check included.
    """

    pending: int
    threshold: int
    merged: int
    seconds: float


#: The band tables, the pending one first.
BAND_LEVELS = {"pending": lsh_bands_pending, "main": lsh_bands}


def _estimated_rows(connection: Connection, table: str) -> int:
    """About how many rows ``table`` holds, without counting them (a count of ``lsh_bands``
    reads a whole index: seconds at a million documents).

    SQLite: the largest rowid (rows are only appended, deletes aside). PostgreSQL: the
    planner's estimate, kept by ANALYZE and autovacuum (0 before the first).
    """
    if connection.dialect.name == "postgresql":
        query = text("SELECT reltuples FROM pg_class WHERE oid = to_regclass(:table)")
        estimate = connection.execute(query, {"table": table}).scalar()
    else:
        estimate = connection.execute(text(f"SELECT max(rowid) FROM {table}")).scalar()
    return max(int(estimate or 0), 0)


def band_merge_threshold(main_rows: int, dialect: str = "sqlite") -> int:
    """Pending rows that make a merge due, for a main table of ``main_rows`` on ``dialect``.

    A share of the store: a merge then writes each page of the large index with about
    ``BAND_PENDING_FRACTION`` times the page's rows at once, whatever the size of the store;
    and at least ``BAND_PENDING_MIN_ROWS``, so a small store is not merged every batch.
    """
    fraction = (
        settings.BAND_PENDING_FRACTION_POSTGRESQL
        if dialect == "postgresql"
        else settings.BAND_PENDING_FRACTION
    )
    return max(settings.BAND_PENDING_MIN_ROWS, int(fraction * main_rows))


def _count(connection: Connection, table: str) -> int:
    """The rows of band table ``table``, exact (PostgreSQL's estimate is not kept where
    autovacuum is off). SQLite's pending table is only appended to and emptied whole, so its
    largest rowid is its count, read off the end of its b-tree; any other table is counted."""
    if connection.dialect.name == "sqlite" and table == lsh_bands_pending.name:
        return int(connection.execute(text(f"SELECT max(rowid) FROM {table}")).scalar() or 0)
    return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _move(connection: Connection, source: str, target: str) -> None:
    """Move every row of band table ``source`` into ``target``, in band-hash order (the order
    of ``target``'s band index, so each of its pages is written once), and empty ``source``.

    Its other index, by (seq, band), takes the rows at its end: new documents' seqs are the
    largest (migration 0024). On SQLite the page cache is raised for the move
    (``BAND_MERGE_CACHE_KIB``): with the writers' 16 MiB the pages of the target's indexes were
    evicted and read and written again many times over.
    """
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql(f"PRAGMA cache_size = -{int(settings.BAND_MERGE_CACHE_KIB)}")
    else:
        # The rows sorted in memory, not in temporary files (6 million rows at a million
        # documents), for this transaction only.
        connection.exec_driver_sql(f"SET LOCAL work_mem = '{int(settings.BAND_MERGE_CACHE_KIB)}kB'")
    try:
        # "WHERE true": SQLite cannot otherwise tell the upsert's ON from a join's.
        connection.execute(
            text(
                f"INSERT INTO {target} (seq, band, band_hash)"
                f" SELECT seq, band, band_hash FROM {source} WHERE true"
                " ORDER BY band_hash ON CONFLICT (seq, band) DO NOTHING"
            )
        )
        if sqlite:
            connection.execute(text(f"DELETE FROM {source}"))  # SQLite truncates it
        else:
            # A DELETE would leave every row dead in the table and its index until a
            # vacuum: the next rows' index would then be twice the size.
            connection.execute(text(f"TRUNCATE {source}"))
    finally:
        if sqlite:
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")


def documents_by(connection: Connection, key: Any, value: Any, keys: Sequence[Any]) -> dict:
    """``value`` of each stored document whose ``key`` column is one of ``keys``, by key: a
    document's seq by its id (PostgreSQL's identity gives it at the insert; SQLite rows are
    numbered before it), its id by its seq, its first source path by its id."""
    found = {}
    for start in range(0, len(keys), _CHUNK):
        query = select(key, value).where(key.in_(keys[start : start + _CHUNK]))
        found.update(dict(connection.execute(query).all()))
    return found


class StoriesMixin:
    """Near-duplicate candidates for ``Store``: the band index and the candidates' signatures."""

    def _transaction(self, write: bool = False) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # provided by Store

    def _add_bands(self, connection: Connection, rows: Iterable[dict[str, Any]]) -> None:
        """Index the bands of newly stored document rows, inside the caller's transaction.

        rows: ``documents`` rows (``doc_id``, ``minhash``, and ``seq`` where the caller numbered
            them), stored in this transaction; a document already indexed keeps its bands.
        """
        rows = [row for row in rows if row.get("minhash") is not None]
        unnumbered = [row["doc_id"] for row in rows if row.get("seq") is None]
        seqs = documents_by(connection, documents.c.doc_id, documents.c.seq, unnumbered)
        bands = [
            {"seq": row.get("seq") or seqs[row["doc_id"]], "band": band, "band_hash": value}
            for row in rows
            for band, value in band_hashes(row["minhash"])
        ]
        if not bands:
            return
        # In hash order, the index on band_hash is written page after page, not at random.
        bands.sort(key=lambda band: band["band_hash"])
        dialect = pg_dialect if connection.dialect.name == "postgresql" else sqlite_dialect
        statement = dialect.insert(lsh_bands_pending).on_conflict_do_nothing(
            index_elements=["seq", "band"]
        )
        connection.execute(statement, bands)

    def merge_bands(self, force: bool = False) -> BandMerge:
        """Move the pending bands into ``lsh_bands`` if they passed the threshold (or ``force``).

        One transaction under the document writers' lock: a batch being stored meanwhile waits,
        so none of its bands is deleted from the pending table unmerged, and a look-up sees
        every band either pending or merged. Rows go in band-hash order, the large index's
        order, so each of its pages is read and written once.

        force: merge whatever is pending, however little.
        """
        started = time.perf_counter()
        with self._transaction(write=True) as connection:
            serialise_document_writers(connection)
            pending = connection.execute(
                select(func.count()).select_from(lsh_bands_pending)
            ).scalar_one()
            threshold = band_merge_threshold(
                _estimated_rows(connection, "lsh_bands"), connection.dialect.name
            )
            merged = pending if pending and (force or pending >= threshold) else 0
            if merged:
                _move(connection, "lsh_bands_pending", "lsh_bands")
        return BandMerge(pending, threshold, merged, time.perf_counter() - started)

    def move_bands(self, source: str, target: str) -> tuple[int, float]:
        """Move every row of band table ``source`` into ``target`` ("pending", "main"),
        under the document writers' lock; the rows moved and the seconds it took (the bench
        times each level's merge with it)."""
        started = time.perf_counter()
        with self._transaction(write=True) as connection:
            serialise_document_writers(connection)
            rows = _count(connection, BAND_LEVELS[source].name)
            if rows:
                _move(connection, BAND_LEVELS[source].name, BAND_LEVELS[target].name)
        return rows, time.perf_counter() - started

    def band_candidates(self, signatures: Sequence[bytes]) -> list[set[str]]:
        """For each signature, the stored documents sharing at least one LSH band with it.

        A read of its own: what it finds may be stale by the time a batch is written; ingest
        reads through ``StoryReads`` inside ``add_new_documents`` instead.

        signatures: near-duplicate signatures as ``signature_to_bytes`` writes them.
        """
        with self._transaction() as connection:
            return StoryReads(connection).band_candidates(signatures)

    def story_signatures(self, doc_ids: Collection[str]) -> dict[str, tuple[str, bytes]]:
        """Each stored document's (story id, signature), for those of ``doc_ids`` that have one.

        doc_ids: full document ids.
        """
        with self._transaction() as connection:
            return StoryReads(connection).story_signatures(doc_ids)
