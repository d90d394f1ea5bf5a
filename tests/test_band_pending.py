"""The log-structured band index (migration 0019): new documents' bands wait in
``lsh_bands_pending`` until a merge moves them into ``lsh_bands``; near-duplicate results are the
same wherever the bands are, on SQLite and PostgreSQL. The texts are invented."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy import text as sql
from typer.testing import CliRunner

from dossier import settings
from dossier.cli import app
from dossier.drivers.ingest import ingest_paths
from dossier.ingest.near_duplicates import assign_stories, signature, signature_to_bytes
from dossier.store import Store, database_url
from dossier.store.stories import LSH_BANDS, band_merge_threshold
from store_helpers import migrate_down, migrate_up

_WORDS = [
    "harbour",
    "council",
    "grain",
    "tariff",
    "corridor",
    "ministry",
    "pipeline",
    "delegation",
    "summit",
    "railway",
    "border",
    "treaty",
    "freight",
    "quota",
    "envoy",
    "customs",
    "auditor",
    "reservoir",
    "parliament",
    "coalition",
    "ferry",
    "bridge",
    "licence",
    "exporter",
    "cotton",
    "mill",
    "turbine",
    "district",
    "governor",
    "inspector",
    "budget",
    "ledger",
    "charter",
]


def _articles(seed: int, count: int) -> list[str]:
    """Invented wire stories, each with one or two lightly edited reposts: near-duplicate groups."""
    rng = random.Random(seed)
    texts = []
    for number in range(count):
        words = [rng.choice(_WORDS) for _ in range(120)]
        base = f"Report {number} from the regional desk: " + " ".join(words) + "."
        texts.append(base)
        for copy in range(rng.randint(0, 2)):
            edited = list(words)
            edited[rng.randrange(len(edited))] = "reportedly"
            texts.append(
                f"Republished {copy}. Report {number} from the regional desk: "
                + " ".join(edited)
                + "."
            )
    rng.shuffle(texts)
    return texts


def _assigner(fresh, reads):
    batch = [(document.doc_id, signature(document.clean_text)) for document in fresh]
    return [assignment.story_id for assignment in assign_stories(batch, reads)]


def _ingest(url: str, make_document, texts: list[str], merge_every: int | None) -> dict[str, str]:
    """Store ``texts`` in batches of five, merging every ``merge_every`` batches (None: never);
    each document's story id."""
    with Store.open(url) as store:
        for number, start in enumerate(range(0, len(texts), 5), 1):
            docs = [make_document(text) for text in texts[start : start + 5]]
            store.add_new_documents(
                [(d, signature_to_bytes(signature(d.clean_text))) for d in docs], _assigner
            )
            if merge_every is not None and number % merge_every == 0:
                store.merge_bands(force=True)
        with store.engine.connect() as connection:
            return dict(connection.execute(sql("SELECT doc_id, story_id FROM documents")).all())


def _band_counts(store: Store) -> tuple[int, int]:
    with store.engine.connect() as connection:
        main = connection.execute(sql("SELECT count(*) FROM lsh_bands")).scalar_one()
        pending = connection.execute(sql("SELECT count(*) FROM lsh_bands_pending")).scalar_one()
    return main, pending


def _second_url(store_url: str, tmp_path, request) -> str:
    if store_url.startswith("postgresql"):
        return request.getfixturevalue("postgres_database")
    return str(tmp_path / "second.db")


def test_stories_are_the_same_with_bands_pending_or_merged(
    store_url: str, make_document, tmp_path, request
) -> None:
    texts = _articles(seed=7, count=18)
    # Merged after every batch: every look-up reads lsh_bands alone, as before the pending table.
    merged = _ingest(store_url, make_document, texts, merge_every=1)
    with Store.open(store_url) as store:
        assert _band_counts(store) == (len(texts) * LSH_BANDS, 0)
    # Never merged, then merged midway: look-ups read pending rows, or both tables.
    pending = _ingest(_second_url(store_url, tmp_path, request), make_document, texts, None)
    midway = _ingest(str(tmp_path / "third.db"), make_document, texts, merge_every=3)
    assert pending == merged == midway
    assert len(set(merged.values())) < len(merged)  # the reposts did join stories


def test_candidates_are_the_same_before_and_after_a_merge(store_url: str, make_document) -> None:
    texts = _articles(seed=11, count=10)
    probes = [signature_to_bytes(signature(t)) for t in _articles(seed=11, count=10)]
    probes.append(signature_to_bytes(signature("An unrelated note about a village fete.")))
    _ingest(store_url, make_document, texts, merge_every=None)
    with Store.open(store_url) as store:
        assert _band_counts(store) == (0, len(texts) * LSH_BANDS)
        before = store.band_candidates(probes)
        merge = store.merge_bands(force=True)
        assert merge.merged == len(texts) * LSH_BANDS
        assert _band_counts(store) == (len(texts) * LSH_BANDS, 0)
        assert store.band_candidates(probes) == before
        assert before[-1] == set() and all(before[:-1])


def test_a_merge_waits_for_its_threshold(store_url: str, make_document, monkeypatch) -> None:
    monkeypatch.setattr(settings, "BAND_PENDING_MIN_ROWS", 3 * LSH_BANDS)
    texts = _articles(seed=3, count=2)[:2]
    _ingest(store_url, make_document, texts, merge_every=None)
    with Store.open(store_url) as store:
        below = store.merge_bands()
        assert (below.pending, below.threshold, below.merged) == (2 * LSH_BANDS, 3 * LSH_BANDS, 0)
        store.add_documents(
            [
                (make_document(t), signature_to_bytes(signature(t)))
                for t in ["A third invented note."]
            ]
        )
        due = store.merge_bands()
        assert due.merged == 3 * LSH_BANDS and _band_counts(store) == (3 * LSH_BANDS, 0)


def test_the_threshold_is_a_share_of_the_index_with_a_floor() -> None:
    assert band_merge_threshold(0) == settings.BAND_PENDING_MIN_ROWS
    big = 100 * settings.BAND_PENDING_MIN_ROWS
    assert band_merge_threshold(big) == int(settings.BAND_PENDING_FRACTION * big)
    # PostgreSQL keeps its pending table small: it merges at the floor.
    assert band_merge_threshold(big, "postgresql") == settings.BAND_PENDING_MIN_ROWS


def test_ingest_merges_when_due(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(settings, "BAND_PENDING_MIN_ROWS", 1)
    monkeypatch.setattr(settings, "BAND_MERGE_CHECK_DOCS", 2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = _articles(seed=5, count=4)
    for number, text in enumerate(texts):
        (corpus / f"{number}.txt").write_text(text)
    with Store.open(str(tmp_path / "s.db")) as store:
        summary = ingest_paths([corpus], store, batch_size=2)
        assert summary.new == len(texts)
        assert _band_counts(store) == (len(texts) * LSH_BANDS, 0)


def test_migration_down_keeps_every_band_and_up_again(store_url: str, make_document) -> None:
    texts = _articles(seed=13, count=6)
    probes = [signature_to_bytes(signature(t)) for t in texts]
    _ingest(store_url, make_document, texts, merge_every=None)
    with Store.open(store_url) as store:
        before = store.band_candidates(probes)
    migrate_down(store_url, "0018")
    # 0018's store: no pending table, every band in lsh_bands (a look-up there reads it alone).
    engine = create_engine(database_url(store_url))
    try:
        assert "lsh_bands_pending" not in inspect(engine).get_table_names()
        with engine.connect() as connection:
            main = connection.execute(sql("SELECT count(*) FROM lsh_bands")).scalar_one()
        assert main == len(texts) * LSH_BANDS
    finally:
        engine.dispose()
    migrate_up(store_url)
    with Store.open(store_url) as store:
        assert _band_counts(store) == (len(texts) * LSH_BANDS, 0)
        assert store.band_candidates(probes) == before


def test_merge_bands_command(tmp_path, make_document) -> None:
    location = str(tmp_path / "s.db")
    _ingest(location, make_document, _articles(seed=2, count=2), merge_every=None)
    runner = CliRunner()
    helped = runner.invoke(app, ["merge-bands", "--help"])
    assert helped.exit_code == 0 and "Example: dossier merge-bands" in helped.output
    waiting = runner.invoke(app, ["merge-bands", "--db", location])
    assert waiting.exit_code == 0 and "nothing merged" in waiting.output
    forced = runner.invoke(app, ["merge-bands", "--db", location, "--force"])
    assert forced.exit_code == 0 and "merged" in forced.output
    with Store.open(location) as store:
        assert _band_counts(store)[1] == 0
    missing = runner.invoke(app, ["merge-bands", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2


@pytest.mark.parametrize("count", [0])
def test_merging_nothing_is_a_no_op(tmp_path, count) -> None:
    with Store.open(str(tmp_path / "s.db")) as store:
        merge = store.merge_bands(force=True)
        assert (merge.pending, merge.merged) == (count, count)
