"""Quote search by text a page at a time (``store.quote_text``, migration 0018): the same quotes,
in the same order, as a straightforward query (every quote whose lowered text holds the words,
sorted), for common words, rare words and words found nowhere, with and without asked dates
and limits; SQLite's trigram keys keep each quote's place in date order through rewrites and
the migration; PostgreSQL's search goes by spans of date once the table has statistics. On
SQLite and PostgreSQL."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import create_engine, text

from dossier.model import DocumentFacts, Provenance, Quote
from dossier.store import Store, quote_text
from dossier.store.bulk import migrate_to
from dossier.store.engine import database_url
from store_helpers import scalars

# Invented words: a few in most quotes, some in a handful, one in a single quote.
COMMON = ["harbour", "lantern", "quay"]
MIDDLING = ["ferrymen", "tollgate", "saltmarsh", "beacon"]
RARE = ["gondolier"]
ASKS = [*COMMON, *MIDDLING, *RARE, "HARBOUR", "tern qu", "ferry", "marsh beac", "no such word",
        "do", "k 3"]  # fmt: skip


def _quotes(rng: random.Random, doc_id: str, n: int, undated_quote: bool) -> DocumentFacts:
    facts = []
    for k in range(n):
        words = rng.sample(COMMON, 2) + rng.sample(MIDDLING, 1) * (rng.random() < 0.3)
        rng.shuffle(words)
        p = Provenance(doc_id, 20 * k, 20 * k + 9, 20 * k, 20 * k + 9, 0, "quoter", "1")
        # Some quotes carry their own date, earlier than the document's.
        said_on = f"20{10 + rng.randrange(8)}-0{1 + rng.randrange(9)}" if k == 1 else None
        facts.append(
            Quote(provenance=p, text=" ".join(words) + f" at dock {k}", start=20 * k,
                  end=20 * k + 9, quote_kind="direct", said_on=None if undated_quote else said_on)
        )  # fmt: skip
    return DocumentFacts(doc_id=doc_id, versions={"quoter": "1"}, facts=tuple(facts))


def _fill(store: Store, make_document, documents: int = 24) -> list[str]:
    rng = random.Random(7)
    doc_ids = []
    for n in range(documents):
        # Every fifth document undated: its quotes have no said date at all.
        date = None if n % 5 == 4 else f"20{10 + rng.randrange(10)}-{1 + rng.randrange(12):02d}-15"
        document = make_document(f"Report {n} from the estuary. " * 3, date=date)
        store.add_documents([(document, None)])
        facts = _quotes(rng, document.doc_id, 5, undated_quote=date is None)
        if n == 7:
            p = Provenance(document.doc_id, 200, 210, 200, 210, 0, "quoter", "1")
            rare = Quote(provenance=p, text="the Gondolier sang", start=200, end=210,
                         quote_kind="direct")  # fmt: skip
            facts = DocumentFacts(facts.doc_id, facts.versions, (*facts.facts, rare))
        store.write_facts(facts)
        doc_ids.append(document.doc_id)
    return doc_ids


def _reference(url: str, about: str, date_from: str | None = None, date_to: str | None = None):
    """Fact ids of the quotes holding ``about``, in ``Store.quotes``'s order, by plain SQL: a
    scan of every quote, sorted (NULL dates where each database sorts them)."""
    where, params = ["lower(text) LIKE :pattern"], {"pattern": f"%{about.lower()}%"}
    if date_from:
        where.append("said_date >= :since")
        params["since"] = date_from
    if date_to:
        where.append("said_date <= :until")
        params["until"] = date_to + "~"
    sql = (
        f"SELECT fact_id FROM quotes WHERE {' AND '.join(where)}"
        " ORDER BY said_date, doc_id, start, fact_id"
    )
    return scalars(url, sql, params)


def _assert_as_reference(store: Store, url: str) -> None:
    for about in ASKS:
        expected = _reference(url, about)
        for limit in (1, 3, 50, 500):
            for all_copies in (True, False):
                found = store.quotes(about=about, limit=limit, all_copies=all_copies)
                # No quote here is a copy of another: each statement is one quote.
                assert [q.fact_id for q in found] == expected[:limit], (about, limit)
        found = store.quotes(about=about, date_from="2013", date_to="2016-06", limit=4)
        assert [q.fact_id for q in found] == _reference(url, about, "2013", "2016-06")[:4]


def _keys_in_step(url: str) -> bool:
    """SQLite: every quote's trigram key carries its said date, document and start."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            stray = connection.execute(
                text(
                    "SELECT count(*) FROM quotes q"
                    " LEFT JOIN quotes_trigram_keys k ON k.fact_id = q.fact_id"
                    " WHERE k.fact_id IS NULL OR k.said_date IS NOT q.said_date"
                    " OR k.doc_id IS NOT q.doc_id OR k.start IS NOT q.start"
                )
            ).scalar()
            keys = connection.execute(text("SELECT count(*) FROM quotes_trigram_keys")).scalar()
            quotes = connection.execute(text("SELECT count(*) FROM quotes")).scalar()
            return stray == 0 and keys == quotes
    finally:
        engine.dispose()


def test_pages_of_a_text_search_are_the_reference_query(store_url: str, make_document) -> None:
    with Store.open(store_url) as store:
        _fill(store, make_document)
        assert len(_reference(store_url, "harbour")) > 50  # common: many pages of a small limit
        assert len(_reference(store_url, "gondolier")) == 1
        assert any(q.date is None for q in store.quotes(all_copies=True))
        _assert_as_reference(store, store_url)
        if store.dialect == "sqlite":
            assert _keys_in_step(store_url)


@pytest.mark.postgres
def test_postgresql_asks_the_oldest_quotes_first_once_it_knows_the_table(
    postgres_database: str, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Spans of a few quotes, as a large table has spans of thousands.
    monkeypatch.setattr(quote_text, "FIRST_WINDOW_QUOTES", 10)
    with Store.open(postgres_database) as store:
        _fill(store, make_document, documents=60)
        with store.engine.connect() as connection:
            assert len(quote_text.date_windows(connection)) == 1  # never analysed: one span
        with store.engine.begin() as connection:
            # The table's size known, not yet the said dates': spans of the span of dates.
            connection.execute(text("ANALYZE quotes (fact_id)"))
        with store.engine.connect() as connection:
            windows = quote_text.date_windows(connection)
        # About 10 of 300 quotes, then the rest and the undated.
        assert len(windows) == 2
        _assert_as_reference(store, postgres_database)
        with store.engine.begin() as connection:
            connection.execute(text("ANALYZE quotes"))
        with store.engine.connect() as connection:
            assert len(quote_text.date_windows(connection)) == 2  # at the planner's percentiles
        _assert_as_reference(store, postgres_database)
        monkeypatch.setattr(quote_text, "FIRST_WINDOW_QUOTES", 1000)
        with store.engine.connect() as connection:
            assert len(quote_text.date_windows(connection)) == 1  # too small to split


def test_the_keys_follow_a_rewrite_and_the_migration(store_url: str, make_document) -> None:
    with Store.open(store_url) as store:
        doc_ids = _fill(store, make_document, documents=10)
        # A document's quotes written again: new rows, new said dates.
        store.write_facts(_quotes(random.Random(3), doc_ids[2], 3, undated_quote=False))
        _assert_as_reference(store, store_url)
        if store.dialect == "sqlite":
            assert _keys_in_step(store_url)
        migrate_to(store, "0017", down=True)
        # Written without the keys' dates: the upgrade must fill them for these too.
        store.write_facts(_quotes(random.Random(4), doc_ids[3], 6, undated_quote=False))
        migrate_to(store, "head")
        if store.dialect == "sqlite":
            assert _keys_in_step(store_url)
        _assert_as_reference(store, store_url)
        migrate_to(store, "0017", down=True)
        migrate_to(store, "head")
        store.write_facts(_quotes(random.Random(5), doc_ids[4], 2, undated_quote=False))
        if store.dialect == "sqlite":
            assert _keys_in_step(store_url)
        _assert_as_reference(store, store_url)
