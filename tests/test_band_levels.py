"""The band index's two tables (``lsh_bands_pending`` and ``lsh_bands``) and its merge: wherever a
band is, a look-up finds exactly what a scan of all the stored bands finds, on SQLite and
PostgreSQL; a merge moves every row and leaves a SQLite connection's page cache as it found it.
The texts are invented."""

from __future__ import annotations

import random

from sqlalchemy import text as sql

from dossier import settings
from dossier.ingest.near_duplicates import signature, signature_to_bytes
from dossier.store import Store
from dossier.store.stories import band_hashes

_WORDS = [
    "orchard", "quarry", "lantern", "ferryman", "almanac", "tollgate", "millpond", "granary",
    "weir", "beacon", "sluice", "cooper", "tannery", "drover", "kiln", "smithy", "parish",
    "wharf", "chandler", "saddler",
]  # fmt: skip

_TABLES = ("lsh_bands", "lsh_bands_pending")


def _texts(seed: int, count: int) -> list[str]:
    """Invented parish notices, some with a lightly edited repost (near-duplicates)."""
    rng = random.Random(seed)
    texts = []
    for number in range(count):
        words = [rng.choice(_WORDS) for _ in range(90)]
        texts.append(f"Notice {number}: " + " ".join(words) + ".")
        if rng.random() < 0.5:
            words[rng.randrange(len(words))] = "allegedly"
            texts.append(f"Reprinted notice {number}: " + " ".join(words) + ".")
    return texts


def _store_some(store: Store, make_document, texts: list[str]) -> None:
    store.add_documents([(make_document(t), signature_to_bytes(signature(t))) for t in texts])


def _counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            table: connection.execute(sql(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in _TABLES
        }


def _scan(store: Store, probes: list[bytes]) -> list[set[str]]:
    """Candidates by reading every stored band of both tables, no index."""
    with store.engine.connect() as connection:
        rows = [
            row
            for table in _TABLES
            for row in connection.execute(
                sql(
                    f"SELECT d.doc_id, b.band, b.band_hash FROM {table} b"
                    " JOIN documents d ON d.seq = b.seq"
                )
            )
        ]
    found = []
    for probe in probes:
        wanted = set(band_hashes(probe))
        found.append({doc_id for doc_id, band, value in rows if (band, value) in wanted})
    return found


def test_look_ups_find_every_band_pending_or_merged(store_url: str, make_document, monkeypatch):
    monkeypatch.setattr(settings, "BAND_PENDING_MIN_ROWS", 4 * 25)
    texts = _texts(seed=21, count=16)
    probes = [signature_to_bytes(signature(t)) for t in texts]
    probes.append(signature_to_bytes(signature("A note about the bell-ringers' outing.")))
    with Store.open(store_url) as store:
        seen = set()
        for start in range(0, len(texts), 3):
            _store_some(store, make_document, texts[start : start + 3])
            store.merge_bands()
            counts = _counts(store)
            seen |= {table for table, rows in counts.items() if rows}
            assert sum(counts.values()) == (start + len(texts[start : start + 3])) * 25
            assert store.band_candidates(probes) == _scan(store, probes)
        assert seen == set(_TABLES)  # bands did sit in both tables
        found = store.band_candidates(probes)
        assert found[-1] == set() and all(found[:-1])
        store.merge_bands(force=True)
        assert _counts(store) == {"lsh_bands": len(texts) * 25, "lsh_bands_pending": 0}
        assert store.band_candidates(probes) == found == _scan(store, probes)


def test_move_bands_moves_every_row_and_restores_the_cache(tmp_path, make_document) -> None:
    with Store.open(str(tmp_path / "s.db")) as store:
        _store_some(store, make_document, _texts(seed=4, count=3))
        rows = sum(_counts(store).values())
        assert store.move_bands("pending", "main")[0] == rows
        assert store.move_bands("pending", "main")[0] == 0
        assert _counts(store) == {"lsh_bands": rows, "lsh_bands_pending": 0}
        with store.engine.connect() as connection:
            # The merge's large cache was for its transaction: the writers' 16 MiB again.
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -16384


def test_move_bands_counts_the_rows_of_a_table_rows_were_deleted_from(
    tmp_path, make_document
) -> None:
    """Moving from the main table, whose rows a document's removal deletes, reports the rows
    it holds, not its largest row number."""
    with Store.open(str(tmp_path / "s.db")) as store:
        _store_some(store, make_document, _texts(seed=5, count=3))
        store.move_bands("pending", "main")
        with store.engine.begin() as connection:
            connection.execute(sql("DELETE FROM lsh_bands WHERE rowid % 3 = 0"))
        left = _counts(store)["lsh_bands"]
        assert store.move_bands("main", "pending")[0] == left
        assert _counts(store) == {"lsh_bands": 0, "lsh_bands_pending": left}
