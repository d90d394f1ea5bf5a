"""Quote search by text through the trigram index (migration 0015): the same quotes, in the
same order, as a scan of every quote, for strings of any length, case and punctuation (FTS5's
own syntax included); kept in step when a document's quotes are written again; carried forward
and back by the migration. On SQLite and PostgreSQL."""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy import create_engine, text

from dossier.model import DocumentFacts, Provenance, Quote
from dossier.store import Store
from dossier.store.bulk import migrate_to
from dossier.store.engine import database_url

# The module, not ``dossier.store.quotes`` the attribute (the table, re-exported).
quote_reads = importlib.import_module("dossier.store.quotes")

TEXTS = [
    'The Bridge would "hold" firmly',
    "no-one said it, OR maybe they did",
    "rates rose 5*3 points NEAR the harbour",
    'a "quoted" word and "another"',
    "Stars * and - minus signs",
    "ÉCOLE Lanterne ouverte",
    "short ab",
    "we are 100% sure_thing",
    "the bridge fell; nobody said hold",
]

ASKS = [
    "bridge", "BRIDGE", "Bridge would", '"hold"', 'd "h', '"', '""', "b", "ab", "or", "OR",
    "OR maybe", "*", "5*3", "- minus", "-", "NEAR", "NEAR the", "école", "ÉCOLE", "Lanterne",
    "100%", "e_t", "%", "_", "sure_thing", "nothing like it", "ld", " ",
]  # fmt: skip


def _facts(doc_id: str, texts: list[str]) -> DocumentFacts:
    facts = []
    for n, said in enumerate(texts):
        p = Provenance(doc_id, 10 * n, 10 * n + 5, 10 * n, 10 * n + 5, 0, "quoter", "1")
        facts.append(
            Quote(provenance=p, text=said, start=10 * n, end=10 * n + 5, quote_kind="direct",
                  speaker_actor="Ayla Torvin", speaker_actor_id="person:ayla-torvin")
        )  # fmt: skip
    return DocumentFacts(doc_id=doc_id, versions={"quoter": "1"}, facts=tuple(facts))


def _scan(store: Store, about: str, **asked) -> list:
    """What ``Store.quotes`` answers without the text indexes: the LIKE over every quote."""
    saved = quote_reads.trigram_prefilter, quote_reads.candidate_pages
    quote_reads.trigram_prefilter = lambda about: []  # type: ignore[assignment]
    quote_reads.candidate_pages = lambda *args: None  # type: ignore[assignment]
    try:
        return store.quotes(about=about, **asked)
    finally:
        quote_reads.trigram_prefilter, quote_reads.candidate_pages = saved


def _assert_same_as_scan(store: Store) -> None:
    for about in ASKS:
        for asked in ({"all_copies": True}, {"limit": 2}):
            assert store.quotes(about=about, **asked) == _scan(store, about, **asked), about


def _stored(make_document, store: Store) -> list[str]:
    doc_ids = []
    for n in range(3):
        document = make_document(f"Document {n} of the lantern guild. " * 4, date=f"2016-0{n + 1}")
        store.add_documents([(document, None)])
        store.write_facts(_facts(document.doc_id, TEXTS[n::3] + TEXTS[:2]))
        doc_ids.append(document.doc_id)
    return doc_ids


def _sqlite_index_rows(url: str) -> int | None:
    """Rows in SQLite's trigram keys, or None where the table does not exist."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            names = {r[0] for r in connection.execute(text("SELECT name FROM sqlite_master"))}
            if "quotes_trigram_keys" not in names:
                return None
            return connection.execute(text("SELECT count(*) FROM quotes_trigram_keys")).scalar()
    finally:
        engine.dispose()


def _pg_index_exists(url: str) -> bool:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_quotes_text_trgm'")
            ).scalar()
            return bool(found)
    finally:
        engine.dispose()


def test_search_by_text_matches_the_scan(store_url: str, make_document) -> None:
    with Store.open(store_url) as store:
        _stored(make_document, store)
        assert len(store.quotes(all_copies=True)) == 15
        _assert_same_as_scan(store)
        # The scan itself is what it says: a case-insensitive substring.
        assert {q.text for q in store.quotes(about="BRIDGE", all_copies=True)} == {
            TEXTS[0],
            TEXTS[8],
        }
        assert {q.text for q in store.quotes(about='d "h', all_copies=True)} == {TEXTS[0]}
        assert {q.text for q in store.quotes(about="5*3", all_copies=True)} == {TEXTS[2]}
        assert store.quotes(about="nothing like it") == []
    if store.dialect == "sqlite":
        assert _sqlite_index_rows(store_url) == 15
    else:
        assert _pg_index_exists(store_url)


def test_rewriting_a_documents_quotes_leaves_no_stale_hits(store_url: str, make_document) -> None:
    with Store.open(store_url) as store:
        doc_ids = _stored(make_document, store)
        assert store.quotes(about="harbour", all_copies=True)
        store.write_facts(_facts(doc_ids[2], ["the ferry sank at dawn"]))
        assert store.quotes(about="harbour", all_copies=True) == []
        assert [q.text for q in store.quotes(about="ferry")] == ["the ferry sank at dawn"]
        store.write_facts(_facts(doc_ids[2], []))
        assert store.quotes(about="ferry") == []
        _assert_same_as_scan(store)
    if store.dialect == "sqlite":
        assert _sqlite_index_rows(store_url) == 10


@pytest.mark.parametrize("down_to", ["0014"])
def test_the_migration_carries_a_store_forward_and_back(
    store_url: str, make_document, down_to: str
) -> None:
    with Store.open(store_url) as store:
        doc_ids = _stored(make_document, store)
        migrate_to(store, down_to, down=True)
        sqlite = store.dialect == "sqlite"
        if sqlite:
            assert _sqlite_index_rows(store_url) is None
        else:
            assert not _pg_index_exists(store_url)
        # Written without the index: the upgrade must fill it with these.
        store.write_facts(_facts(doc_ids[0], ["a lantern for the harbour", *TEXTS[3:5]]))
        migrate_to(store, "head")
        if sqlite:
            assert _sqlite_index_rows(store_url) == 13
        else:
            assert _pg_index_exists(store_url)
        _assert_same_as_scan(store)
        assert len(store.quotes(about="lantern for", all_copies=True)) == 1
        # Down and up once more: nothing left behind that the second upgrade trips on.
        migrate_to(store, down_to, down=True)
        migrate_to(store, "head")
        store.write_facts(_facts(doc_ids[1], ["the quay froze"]))
        _assert_same_as_scan(store)
        assert [q.text for q in store.quotes(about="QUAY")] == ["the quay froze"]
        if sqlite:
            assert _sqlite_index_rows(store_url) == 9
