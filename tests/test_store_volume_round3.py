"""The store at volume, round 3 (issue 14): migration 0020 vacuums and analyses the tables that
earlier migrations rewrote (PostgreSQL; nothing on SQLite), whichever way the upgrade runs;
0021 samples the trigram index's expression finely; quote search by text answers as a scan
does before and after them, each statement once or every copy. The quotes are invented."""

from __future__ import annotations

import random

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from dossier.extract.statements import group_statements
from dossier.model import DocumentFacts, Provenance, Quote
from dossier.store import Store, alembic_config, database_url, quote_text
from dossier.store.maintenance import request_vacuum, run_requested_vacuums
from store_helpers import migrate_down, migrate_up, scalars

_WORDS = ["sluice", "tiller", "barge", "wharf", "capstan", "bollard", "keel", "dredger"]
_ASKS = ["sluice", "TILLER", "barge wh", "capstan", "dredger", "no such word", "ke", "r b"]


def _fill(store: Store, make_document, documents: int = 30) -> None:
    rng = random.Random(11)
    for n in range(documents):
        date = None if n % 6 == 5 else f"20{10 + rng.randrange(12)}-{1 + rng.randrange(12):02d}-03"
        document = make_document(f"Dispatch {n} from the canal basin. " * 3, date=date)
        store.add_documents([(document, None)])
        facts = []
        for k in range(6):
            words = rng.sample(_WORDS, 3)
            p = Provenance(document.doc_id, 30 * k, 30 * k + 9, 30 * k, 30 * k + 9, 0, "q", "1")
            said_on = f"20{10 + rng.randrange(9)}-0{1 + rng.randrange(9)}" if k == 2 else None
            facts.append(
                Quote(provenance=p, text=" ".join(words) + f" by lock {k}", start=30 * k,
                      end=30 * k + 9, quote_kind="direct", said_on=said_on)
            )  # fmt: skip
        store.write_facts(DocumentFacts(document.doc_id, {"q": "1"}, tuple(facts)))


def _scan(url: str, about: str) -> list[str]:
    """The fact ids a scan of every quote finds, in ``Store.quotes``'s order."""
    return scalars(
        url,
        "SELECT fact_id FROM quotes WHERE lower(text) LIKE :p ORDER BY said_date, doc_id, start, fact_id",
        {"p": f"%{about.lower()}%"},
    )


def _assert_as_scan(store: Store, url: str) -> None:
    for about in _ASKS:
        expected = _scan(url, about)
        for limit in (1, 7, 60, 1000):
            found = store.quotes(about=about, limit=limit, all_copies=True)
            assert [q.fact_id for q in found] == expected[:limit], (about, limit)


def _visibility(url: str) -> tuple[int, int, bool]:
    """PostgreSQL: the quotes table's pages, its pages marked all-visible, and whether the
    planner holds a histogram of ``said_date``."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            pages, visible = connection.execute(
                text("SELECT relpages, relallvisible FROM pg_class WHERE oid = 'quotes'::regclass")
            ).one()
            histogram = connection.execute(
                text(
                    "SELECT histogram_bounds IS NOT NULL FROM pg_stats WHERE tablename = 'quotes'"
                    " AND attname = 'said_date' AND schemaname = current_schema()"
                )
            ).scalar()
            return pages, visible, bool(histogram)
    finally:
        engine.dispose()


def _statistics_target(connection) -> int | None:  # noqa: ANN001
    return connection.execute(
        text(
            "SELECT attstattarget FROM pg_attribute"
            " WHERE attrelid = 'ix_quotes_text_trgm'::regclass AND attnum = 1"
        )
    ).scalar()


def _rewrite_quotes(url: str) -> None:
    """Every quote row written again (as migration 0014's fill does), then the statistics read
    afresh without a vacuum: the pages are no longer all-visible, and the planner knows it."""
    engine = create_engine(database_url(url))
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE quotes SET said_date = said_date"))
        with engine.begin() as connection:
            connection.execute(text("ANALYZE quotes (fact_id)"))
    finally:
        engine.dispose()


def test_the_migration_applies_and_search_answers_as_a_scan(store_url: str, make_document) -> None:
    with Store.open(store_url) as store:
        _fill(store, make_document)
        _assert_as_scan(store, store_url)
    migrate_down(store_url, "0019")
    migrate_up(store_url)
    with Store.open(store_url) as store:
        _assert_as_scan(store, store_url)
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                ScriptDirectory.from_config(alembic_config()).get_current_head()
            )
            if store.dialect == "postgresql":
                # The trigram index's expression sampled finely (migration 0021).
                assert _statistics_target(connection) == 1000
    migrate_down(store_url, "0020")
    engine = create_engine(database_url(store_url))
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            assert _statistics_target(connection) in (-1, None)
    engine.dispose()
    migrate_up(store_url)
    with Store.open(store_url) as store:
        _assert_as_scan(store, store_url)


@pytest.mark.postgres
@pytest.mark.parametrize("through", ["alembic", "store"])
def test_an_upgrade_leaves_the_rewritten_quotes_vacuumed_and_analysed(
    postgres_database: str, make_document, monkeypatch: pytest.MonkeyPatch, through: str
) -> None:
    url = postgres_database
    with Store.open(url) as store:
        _fill(store, make_document)
    migrate_down(url, "0019")
    _rewrite_quotes(url)
    pages, visible, histogram = _visibility(url)
    assert pages > 0 and visible < pages and not histogram
    if through == "alembic":
        migrate_up(url)  # its own connection and transaction (``migrations/env.py``)
    Store.open(url).close()  # the store's own upgrade (``engine.migrate``), if still behind
    pages, visible, histogram = _visibility(url)
    assert visible == pages and histogram
    # Spans of a few quotes, as a large table has spans of thousands: same answers.
    monkeypatch.setattr(quote_text, "FIRST_WINDOW_QUOTES", 20)
    with Store.open(url) as store:
        with store.engine.connect() as connection:
            assert len(quote_text.date_windows(connection)) == 2
        _assert_as_scan(store, url)


def test_a_vacuum_is_asked_only_of_postgresql(tmp_path) -> None:
    with Store.open(str(tmp_path / "s.db")) as store, store.engine.connect() as connection:
        request_vacuum(connection, "quotes")
        assert run_requested_vacuums(connection) == []


@pytest.mark.postgres
def test_asked_vacuums_run_once_outside_a_transaction(postgres_database: str) -> None:
    with Store.open(postgres_database) as store, store.engine.connect() as connection:
        request_vacuum(connection, "quotes", "event_actors")
        request_vacuum(connection, "quotes")
        connection.commit()
        assert run_requested_vacuums(connection) == ["quotes", "event_actors"]
        assert run_requested_vacuums(connection) == []
        # The connection is usable in transactions again.
        with connection.begin():
            assert connection.execute(text("SELECT count(*) FROM quotes")).scalar() == 0


@pytest.mark.postgres
def test_a_refused_vacuum_is_passed_over(postgres_database: str, caplog) -> None:
    with Store.open(postgres_database) as store, store.engine.connect() as connection:
        request_vacuum(connection, "no_such_table", "quotes")
        connection.commit()
        assert run_requested_vacuums(connection) == ["quotes"]
        assert "no_such_table" in caplog.text
        with connection.begin():
            assert connection.execute(text("SELECT count(*) FROM quotes")).scalar() == 0


def _fill_with_copies(store: Store, make_document, documents: int = 24) -> None:
    """Wire statements carried by several documents, beside quotes of their own."""
    rng = random.Random(5)
    wires = [f"the {a} and the {b} were inspected at noon" for a, b in
             zip(_WORDS, reversed(_WORDS), strict=True)]  # fmt: skip
    for n in range(documents):
        date = f"20{12 + rng.randrange(6)}-{1 + rng.randrange(12):02d}-09"
        document = make_document(f"Bulletin {n} of the towpath. " * 3, date=date)
        store.add_documents([(document, None)])
        texts = rng.sample(wires, 3) + [f"{rng.choice(_WORDS)} notice number {n} {k}" for k in
                                        range(3)]  # fmt: skip
        facts = []
        for k, words in enumerate(texts):
            p = Provenance(document.doc_id, 60 * k, 60 * k + 9, 60 * k, 60 * k + 9, 0, "q", "1")
            facts.append(Quote(provenance=p, text=words, start=60 * k, end=60 * k + 9,
                               quote_kind="direct"))  # fmt: skip
        store.write_facts(DocumentFacts(document.doc_id, {"q": "1"}, tuple(facts)))
    store.replace_statements(group_statements(store.quote_copies()))


def test_each_statement_once_reads_rows_a_page_at_a_time_as_a_scan(
    store_url: str, make_document
) -> None:
    with Store.open(store_url) as store:
        _fill_with_copies(store, make_document)
        every = store.quotes(all_copies=True)
        statement_of = {q.fact_id: q.statement_id or q.fact_id for q in every}
        assert len(set(statement_of.values())) < len(every)  # copies to pass over
        for about in ("inspected", "WHARF", "notice", "barge", "no such word"):
            scan = _scan(store_url, about)
            firsts: list[str] = []
            for fact_id in scan:
                if statement_of[fact_id] not in {statement_of[f] for f in firsts}:
                    firsts.append(fact_id)
            for limit in (1, 2, 5, 13, 100):
                found = store.quotes(about=about, limit=limit)
                assert [q.fact_id for q in found] == firsts[:limit], (about, limit)
                copies = store.quotes(about=about, limit=limit, all_copies=True)
                assert [q.fact_id for q in copies] == scan[:limit], (about, limit)
