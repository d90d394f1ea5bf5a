"""Near-duplicate detection: syndicated copies join one story, different stories stay apart."""

from __future__ import annotations

import sqlite3

import pytest
from datasketch import MinHash, MinHashLSH
from sqlalchemy import text as sql
from sqlalchemy.exc import OperationalError

from dossier import settings
from dossier.ingest.near_duplicates import (
    assign_stories,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    word_shingles,
)
from dossier.store import Store, database
from dossier.store.engine import is_busy
from dossier.store.stories import LSH_BANDS, LSH_ROWS, band_hashes
from store_helpers import migrate_down

ARTICLE = (
    "The presidents of Russia, Belarus and Kazakhstan signed a declaration on Eurasian economic "
    "integration in Moscow on Friday, setting up a permanent commission to run the customs union "
    "and the common economic space that is due to start on January 1. The commission will have "
    "its seat in Moscow and will take decisions by qualified majority, officials said, while "
    "disputes between the three states are to go to the court of the Eurasian Economic "
    "Community. Ministers said the aim was a full economic union by 2015."
)
REPOST = "Republished with permission. " + ARTICLE.replace("on Friday", "on November 18").replace(
    "officials said", "diplomats said"
)
OTHER = (
    "Armenia's parliament voted to ratify the treaty on the country's accession to the Eurasian "
    "Economic Union, a step that opens its market to goods from Russia, Belarus and Kazakhstan "
    "and brings Yerevan into the bloc from the start of next year, lawmakers said on Friday."
)


def test_shingles_are_lowercased_word_windows() -> None:
    assert word_shingles("One two, THREE four five six", size=5) == {
        "one two three four five",
        "two three four five six",
    }
    assert word_shingles("too short", size=5) == {"too short"}
    assert word_shingles("", size=5) == set()


def test_signature_survives_the_store_round_trip() -> None:
    original = signature(ARTICLE)
    restored = signature_from_bytes(signature_to_bytes(original))
    assert restored.jaccard(original) == 1.0
    assert len(signature_to_bytes(original)) == 8 * len(original.hashvalues)


class FakeStore:
    """The store's side of story assignment in memory: band matches as the store computes them."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[str, bytes]] = {}
        self.asked_for: list[set[str]] = []

    def add(self, assignments, signatures) -> None:
        for assignment, minhash in zip(assignments, signatures, strict=True):
            self.rows[assignment.doc_id] = (assignment.story_id, signature_to_bytes(minhash))

    def band_candidates(self, signatures):
        bands = {doc_id: set(band_hashes(data)) for doc_id, (_, data) in self.rows.items()}
        return [
            {doc_id for doc_id, theirs in bands.items() if theirs & set(band_hashes(signature))}
            for signature in signatures
        ]

    def story_signatures(self, doc_ids):
        self.asked_for.append(set(doc_ids))
        return {doc_id: self.rows[doc_id] for doc_id in doc_ids if doc_id in self.rows}


def test_signature_equals_datasketchs_own() -> None:
    # The bulk hashing must give the values datasketch's update_batch gives, or signatures
    # stored before would no longer compare with new ones.
    for text in (ARTICLE, REPOST, OTHER, "short text", ""):
        reference = MinHash(num_perm=settings.MINHASH_PERMUTATIONS, scheme="affine32")
        reference.update_batch([s.encode("utf-8") for s in word_shingles(text)])
        assert (signature(text).hashvalues == reference.hashvalues).all()


def test_band_layout_is_datasketchs() -> None:
    lsh = MinHashLSH(
        threshold=settings.NEAR_DUPLICATE_THRESHOLD, num_perm=settings.MINHASH_PERMUTATIONS
    )
    assert (lsh.b, lsh.r) == (LSH_BANDS, LSH_ROWS)
    # Two signatures share a band hash exactly where datasketch's index puts them in one bucket.
    one, two = signature(ARTICLE), signature(REPOST)
    ours = zip(
        band_hashes(signature_to_bytes(one)), band_hashes(signature_to_bytes(two)), strict=True
    )
    shared = {band for (band, a), (_, b) in ours if a == b}
    expected = {
        band
        for band, (start, end) in enumerate(lsh.hashranges)
        if (one.hashvalues[start:end] == two.hashvalues[start:end]).all()
    }
    assert shared and shared == expected


def test_lightly_edited_copy_joins_the_first_story() -> None:
    stored = FakeStore()
    batch = [("a" * 16, signature(ARTICLE)), ("b" * 16, signature(REPOST))]
    batch.append(("c" * 16, signature(OTHER)))
    first, copy, other = assign_stories(batch, stored)
    assert first.story_id == "a" * 16 and not first.is_near_duplicate
    assert copy.story_id == "a" * 16 and copy.is_near_duplicate
    assert copy.similarity >= 0.5
    assert other.story_id == "c" * 16
    assert other.similarity == 0.0


def test_story_of_stored_documents_is_kept_across_batches() -> None:
    stored = FakeStore()
    first = [("a" * 16, signature(ARTICLE)), ("c" * 16, signature(OTHER))]
    stored.add(assign_stories(first, stored), [m for _, m in first])

    (later,) = assign_stories([("d" * 16, signature(REPOST))], stored)
    assert later.story_id == "a" * 16
    # Only the candidate's signature was read, not the unrelated stored one.
    assert stored.asked_for[-1] == {"a" * 16}


def test_a_copy_of_a_copy_joins_the_original_story() -> None:
    stored = FakeStore()
    stored.rows["a" * 16] = ("0" * 16, signature_to_bytes(signature(ARTICLE)))  # a copy itself
    (copy,) = assign_stories([("b" * 16, signature(REPOST))], stored)
    assert copy.story_id == "0" * 16


# --- the store's band index, on both databases ----------------------------------------------


def _stored_bands(store: Store) -> list[tuple[str, int, int]]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            sql(
                "SELECT d.doc_id, b.band, b.band_hash FROM lsh_bands b"
                " JOIN documents d ON d.seq = b.seq UNION ALL"
                " SELECT d.doc_id, b.band, b.band_hash FROM lsh_bands_pending b"
                " JOIN documents d ON d.seq = b.seq ORDER BY 1, 2"
            )
        )
        return [tuple(row) for row in rows]


def test_bands_are_written_with_their_document(store_url: str, make_document) -> None:
    article, other = make_document(ARTICLE), make_document(OTHER)
    unsigned = make_document("A wire brief without a signature.")
    with Store.open(store_url) as store:
        store.add_documents(
            [
                (article, signature_to_bytes(signature(ARTICLE))),
                (other, signature_to_bytes(signature(OTHER))),
                (unsigned, None),
            ]
        )
        bands = _stored_bands(store)
        assert len(bands) == 2 * LSH_BANDS
        assert {doc_id for doc_id, _, _ in bands} == {article.doc_id, other.doc_id}
        # The same document again adds nothing, bands included.
        store.add_documents([(article, signature_to_bytes(signature(ARTICLE)))])
        assert _stored_bands(store) == bands

        candidates = store.band_candidates(
            [signature_to_bytes(signature(REPOST)), signature_to_bytes(signature("unrelated"))]
        )
        assert candidates == [{article.doc_id}, set()]
        found = store.story_signatures([article.doc_id, unsigned.doc_id, "f" * 16])
        assert list(found) == [article.doc_id]
        assert found[article.doc_id] == (article.doc_id, signature_to_bytes(signature(ARTICLE)))


def test_migration_indexes_the_documents_already_stored(store_url: str, make_document) -> None:
    documents = [make_document(text) for text in (ARTICLE, OTHER)]
    with Store.open(store_url) as store:
        store.add_documents([(d, signature_to_bytes(signature(d.clean_text))) for d in documents])
        expected = _stored_bands(store)
    migrate_down(store_url, "0004")  # a store from before the band index
    with Store.open(store_url) as store:  # opening migrates it forward
        assert _stored_bands(store) == expected
        assert store.band_candidates([signature_to_bytes(signature(REPOST))]) == [
            {documents[0].doc_id}
        ]


def _assigner(calls: list[list[str]]):
    """A story assigner as ingest's: ``assign_stories`` on the reads it is handed."""

    def assign(fresh, reads):
        calls.append([document.doc_id for document in fresh])
        batch = [(document.doc_id, signature(document.clean_text)) for document in fresh]
        return [assignment.story_id for assignment in assign_stories(batch, reads)]

    return assign


def test_new_documents_get_their_story_in_the_writing_transaction(
    store_url: str, make_document
) -> None:
    article = make_document(ARTICLE, source_path="wire/article.txt")
    again = make_document(ARTICLE, source_path="mirror/article.txt")
    repost, other = make_document(REPOST), make_document(OTHER)
    calls: list[list[str]] = []
    with Store.open(store_url) as store:
        first = store.add_new_documents(
            [(article, signature_to_bytes(signature(ARTICLE)))], _assigner(calls)
        )
        assert [d.doc_id for d in first.stored] == [article.doc_id] and not first.already_stored
        added = store.add_new_documents(
            [(d, signature_to_bytes(signature(d.clean_text))) for d in (again, repost, other)],
            _assigner(calls),
        )
    # The stored copy is not offered for assignment, and is reported as found, not stored.
    assert calls[-1] == [repost.doc_id, other.doc_id]
    assert [d.doc_id for d in added.already_stored] == [article.doc_id]
    assert [(d.doc_id, d.story_id) for d in added.stored] == [
        (repost.doc_id, article.doc_id),
        (other.doc_id, other.doc_id),
    ]
    with Store.open(store_url) as store:
        assert store.get_document(repost.doc_id).story_id == article.doc_id
        assert sorted(store.get_sources(article.doc_id)) == [
            "mirror/article.txt",
            "wire/article.txt",
        ]


def test_a_busy_database_is_waited_out_not_reported(tmp_path, make_document, monkeypatch) -> None:

    monkeypatch.setattr(database, "_BUSY_PAUSE", 0.01)
    real = Store._add_new
    failures = [OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))] * 2

    def busy_then_real(self, *args):
        if failures:
            raise failures.pop()
        return real(self, *args)

    monkeypatch.setattr(Store, "_add_new", busy_then_real)
    article = make_document(ARTICLE)
    with Store.open(str(tmp_path / "s.db")) as store:
        added = store.add_new_documents([(article, None)], _assigner([]))
        assert [d.doc_id for d in added.stored] == [article.doc_id]
        assert store.has_document(article.doc_id)
        # Any other error is the caller's to see, at once.
        failures.append(OperationalError("INSERT", {}, Exception("disk I/O error")))
        with pytest.raises(OperationalError, match="disk I/O"):
            store.add_new_documents([(make_document(OTHER), None)], _assigner([]))


def test_a_real_lock_reads_as_busy(tmp_path) -> None:
    path = str(tmp_path / "locked.db")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            other.execute("BEGIN IMMEDIATE")
        assert is_busy(raised.value)
        assert is_busy(OperationalError("BEGIN IMMEDIATE", {}, raised.value))
        assert not is_busy(
            OperationalError("INSERT", {}, sqlite3.OperationalError("no such table"))
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        other.close()
