"""The band tables keyed by the document's seq (issue 14, migration 0024): every band, pending or
merged, is carried down to the document-id key and back up, look-ups find the same candidates
before and after, and a deleted document's bands go with it."""

from __future__ import annotations

import random

from sqlalchemy import create_engine
from sqlalchemy import text as sql

from dossier.ingest.near_duplicates import signature, signature_to_bytes
from dossier.store import Store, database_url
from store_helpers import migrate_down, migrate_up

_WORDS = [
    "steppe",
    "union",
    "customs",
    "tariff",
    "border",
    "summit",
    "treaty",
    "grain",
    "pipeline",
    "rail",
]


def _texts(count: int) -> list[str]:
    rng = random.Random(24)
    return [" ".join(rng.choice(_WORDS) for _ in range(60)) + f" number {n}" for n in range(count)]


def _bands(store_url: str, key: str) -> set[tuple[str, str, int, int]]:
    """Every band row of both tables as (table, document id, band, hash), read off the raw
    tables by their key column at the store's present revision."""
    join = "" if key == "doc_id" else " JOIN documents d ON d.seq = b.seq"
    doc_id = "b.doc_id" if key == "doc_id" else "d.doc_id"
    engine = create_engine(database_url(store_url))
    try:
        with engine.connect() as connection:
            return {
                (table, *row)
                for table in ("lsh_bands", "lsh_bands_pending")
                for row in connection.execute(
                    sql(f"SELECT {doc_id}, b.band, b.band_hash FROM {table} b{join}")
                )
            }
    finally:
        engine.dispose()


def _store(store: Store, make_document, texts: list[str]) -> list[str]:
    docs = [make_document(text) for text in texts]
    store.add_documents([(d, signature_to_bytes(signature(d.clean_text))) for d in docs])
    return [d.doc_id for d in docs]


def test_bands_go_down_to_document_ids_and_back_with_the_same_candidates(
    store_url: str, make_document
) -> None:
    texts = _texts(6)
    probes = [signature_to_bytes(signature(text)) for text in texts]
    with Store.open(store_url) as store:
        merged = _store(store, make_document, texts[:4])
        store.merge_bands(force=True)
        pending = _store(store, make_document, texts[4:])
        before = store.band_candidates(probes)
    bands = _bands(store_url, "seq")
    assert {doc_id for table, doc_id, _, _ in bands if table == "lsh_bands"} == set(merged)
    assert {doc_id for table, doc_id, _, _ in bands if table != "lsh_bands"} == set(pending)
    assert len(bands) == 6 * 25
    assert all(ids for ids in before)

    migrate_down(store_url, "0023")
    assert _bands(store_url, "doc_id") == bands
    migrate_up(store_url)
    assert _bands(store_url, "seq") == bands
    with Store.open(store_url) as store:
        assert store.band_candidates(probes) == before


def test_a_deleted_documents_bands_go_with_it(store_url: str, make_document) -> None:
    with Store.open(store_url) as store:
        kept, gone = _store(store, make_document, _texts(2))
        store.merge_bands(force=True)
        with store.engine.begin() as connection:
            connection.execute(sql("DELETE FROM documents WHERE doc_id = :id"), {"id": gone})
        with store.engine.connect() as connection:
            # Counted without the join to documents, which would hide rows left behind.
            rows = connection.execute(sql("SELECT count(*) FROM lsh_bands")).scalar_one()
    assert rows == 25
    assert {doc_id for _, doc_id, _, _ in _bands(store_url, "seq")} == {kept}
