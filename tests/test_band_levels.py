"""The band index's middle level (migration 0023): pending bands are merged into
``lsh_bands_mid`` and that into ``lsh_bands`` in larger batches; wherever a band is, a look-up
finds exactly what a scan of all the stored bands finds, on SQLite and PostgreSQL. The texts are
invented."""

from __future__ import annotations

import random

from sqlalchemy import create_engine, inspect
from sqlalchemy import text as sql

from dossier import settings
from dossier.ingest.near_duplicates import signature, signature_to_bytes
from dossier.store import Store, database_url
from dossier.store.stories import band_hashes, band_merge_threshold, mid_merge_threshold
from store_helpers import migrate_down, migrate_up

_WORDS = [
    "orchard",
    "quarry",
    "lantern",
    "ferryman",
    "almanac",
    "tollgate",
    "millpond",
    "granary",
    "weir",
    "beacon",
    "sluice",
    "cooper",
    "tannery",
    "drover",
    "kiln",
    "smithy",
    "parish",
    "wharf",
    "chandler",
    "saddler",
]

_LEVELS = ("lsh_bands", "lsh_bands_mid", "lsh_bands_pending")


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
            for table in _LEVELS
        }


def _scan(store: Store, probes: list[bytes]) -> list[set[str]]:
    """Candidates by reading every stored band of every level, no index."""
    with store.engine.connect() as connection:
        rows = [
            row
            for table in _LEVELS
            for row in connection.execute(sql(f"SELECT doc_id, band, band_hash FROM {table}"))
        ]
    found = []
    for probe in probes:
        wanted = set(band_hashes(probe))
        found.append({doc_id for doc_id, band, value in rows if (band, value) in wanted})
    return found


def _probes(texts: list[str]) -> list[bytes]:
    probes = [signature_to_bytes(signature(t)) for t in texts]
    probes.append(signature_to_bytes(signature("A note about the bell-ringers' outing.")))
    return probes


def test_look_ups_find_every_band_on_every_level(store_url: str, make_document, monkeypatch):
    monkeypatch.setattr(settings, "BAND_PENDING_MIN_ROWS", 4 * 25)
    monkeypatch.setattr(settings, "BAND_MID_PENDING_MERGES", 3)
    texts = _texts(seed=21, count=16)
    probes = _probes(_texts(seed=21, count=16))
    with Store.open(store_url) as store:
        seen_levels = set()
        for start in range(0, len(texts), 3):
            _store_some(store, make_document, texts[start : start + 3])
            store.merge_bands()
            counts = _counts(store)
            seen_levels |= {table for table, rows in counts.items() if rows}
            assert sum(counts.values()) == (start + len(texts[start : start + 3])) * 25
            assert store.band_candidates(probes) == _scan(store, probes)
        # Bands did sit on each of the three levels.
        assert seen_levels == set(_LEVELS)
        found = store.band_candidates(probes)
        assert found[-1] == set() and all(found[:-1])
        store.merge_bands(force=True)
        assert _counts(store) == {"lsh_bands": len(texts) * 25, "lsh_bands_mid": 0,
                                  "lsh_bands_pending": 0}  # fmt: skip
        assert store.band_candidates(probes) == found == _scan(store, probes)


def test_a_due_merge_goes_to_the_middle_then_to_the_main_table(
    store_url: str, make_document, monkeypatch
) -> None:
    monkeypatch.setattr(settings, "BAND_PENDING_MIN_ROWS", 2 * 25)
    monkeypatch.setattr(settings, "BAND_MID_PENDING_MERGES", 2)
    texts = [f"Invented notice number {n} about the {w} and the {v}." for n, (w, v) in
             enumerate(zip(_WORDS, reversed(_WORDS), strict=True))][:4]  # fmt: skip
    with Store.open(store_url) as store:
        _store_some(store, make_document, texts[:1])
        below = store.merge_bands()
        assert (below.merged, below.promoted) == (0, 0)
        _store_some(store, make_document, texts[1:2])
        first = store.merge_bands()
        assert (first.merged, first.mid, first.mid_threshold, first.promoted) == (50, 50, 100, 0)
        assert _counts(store)["lsh_bands_mid"] == 50
        _store_some(store, make_document, texts[2:4])
        second = store.merge_bands()
        assert (second.merged, second.mid, second.promoted) == (50, 100, 100)
        assert _counts(store) == {"lsh_bands": 100, "lsh_bands_mid": 0, "lsh_bands_pending": 0}
        # move_bands, as the bench times one level's merge.
        _store_some(store, make_document, ["One more invented notice about the weir."])
        assert store.move_bands("pending", "mid")[0] == 25
        assert store.move_bands("mid", "main")[0] == 25
        assert store.move_bands("mid", "main")[0] == 0
        assert _counts(store)["lsh_bands"] == 125


def test_the_middle_threshold_is_a_share_of_the_index_with_a_floor() -> None:
    small = band_merge_threshold(0)
    assert mid_merge_threshold(0, small) == settings.BAND_MID_PENDING_MERGES * small
    big = 10**8
    assert mid_merge_threshold(big, band_merge_threshold(big)) == int(
        settings.BAND_MID_FRACTION * big
    )


def test_migration_0023_carries_a_store_forward_and_back(
    store_url: str, make_document, monkeypatch
) -> None:
    texts = _texts(seed=5, count=6)
    probes = _probes(texts)
    with Store.open(store_url) as store:
        _store_some(store, make_document, texts[:4])
        store.merge_bands(force=True)
        _store_some(store, make_document, texts[4:])
        before = store.band_candidates(probes)
    # A store of 0021's time: bands in the large table and pending, no middle level.
    migrate_down(store_url, "0021")
    engine = create_engine(database_url(store_url))
    try:
        assert "lsh_bands_mid" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    migrate_up(store_url)
    with Store.open(store_url) as store:
        assert _counts(store)["lsh_bands_mid"] == 0
        assert store.band_candidates(probes) == before == _scan(store, probes)
        store.move_bands("pending", "mid")
        assert _counts(store)["lsh_bands_mid"] > 0
    # Down again with rows in the middle level: none is lost.
    migrate_down(store_url, "0021")
    engine = create_engine(database_url(store_url))
    try:
        with engine.connect() as connection:
            main = connection.execute(sql("SELECT count(*) FROM lsh_bands")).scalar_one()
            pending = connection.execute(sql("SELECT count(*) FROM lsh_bands_pending")).scalar_one()
        assert main + pending == len(texts) * 25
    finally:
        engine.dispose()
    migrate_up(store_url)
    with Store.open(store_url) as store:
        assert store.band_candidates(probes) == before
