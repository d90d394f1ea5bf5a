"""The store at volume: the bulk loader's rows read back through the query API, and the
indexes of migration 0013 going up and down on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import create_engine, inspect

from dossier.query import Dossier
from dossier.store import Store
from dossier.store.bulk import BulkLoader, migrate_to, table_sizes
from dossier.store.engine import database_url
from dossier.store.stories import band_hashes

PUTIN = ("person:vladimir-putin", "Vladimir Putin", "RUS")
KAZ = ("country:KAZ", "Kazakhstan", "KAZ")
SPAN = ("extractor-x", "1", 1.0)

DOC_COLUMNS = (
    "doc_id", "seq", "story_id", "format", "source_path", "title", "pub_date", "outlet",
    "language", "original_text", "clean_text", "offset_map", "removed_spans", "word_count",
    "minhash", "ingested_at", "date_is_estimated",
)  # fmt: skip
FACT = ("fact_id", "doc_id", "start", "end", "original_start", "original_end", "sentence",
        "extractor", "extractor_version", "confidence")  # fmt: skip
COLUMNS = {
    "documents": DOC_COLUMNS,
    "lsh_bands": ("seq", "band", "band_hash"),
    "sentences": (*FACT, "text", "reference_time"),
    "mentions": (*FACT, "text", "label", "actor_id", "actor", "country", "metonym"),
    "quotes": (
        *FACT,
        "text",
        "quote_kind",
        "speaker",
        "speaker_actor",
        "speaker_actor_id",
        "speaker_group",
        "speaker_actors",
    ),  # fmt: skip
    "events": (*FACT, "text", "event_type", "source", "target", "date", "modality"),
    "event_actors": ("fact_id", "side", "position", "actor_id", "actor", "country"),
    "stances": (
        *FACT,
        "text",
        "holder",
        "holder_id",
        "holder_country",
        "target",
        "target_id",
        "polarity",
        "strength",
        "basis",
        "evidence_kind",
        "date",
    ),  # fmt: skip
}


def _batch(number: int, mentions: int, date: str) -> dict[str, list[tuple]]:
    """One invented document with a sentence, ``mentions`` mentions of Putin, a quote, an event
    and a stance."""
    doc_id = f"{number:016x}"
    text = f"Zorbex flimmand quorted the grain corridor number {number}."
    minhash = bytes(range(256)) * 4
    fact = f"{number:04x}".ljust(20, "0")
    span = (doc_id, 0, 10, 0, 10, 0, *SPAN)
    actors = [{"actor": KAZ[1], "actor_id": KAZ[0], "country": KAZ[2]}]
    return {
        "documents": [
            (
                doc_id,
                number,
                doc_id,
                "text",
                f"in/{number}.txt",
                f"Report {number}",
                date,
                "Invented Daily",
                "en",
                text,
                text,
                json.dumps([[0, 0, len(text)]]),
                "[]",
                9,
                minhash,
                datetime(2026, 1, 1),
                False,
            )
        ],  # fmt: skip
        "lsh_bands": [(number, band, value) for band, value in band_hashes(minhash)],
        "sentences": [(f"s{fact}"[:20], *span, text, date)],
        "mentions": [
            (f"m{k}{fact}"[:20], *span, "Putin", "PERSON", PUTIN[0], PUTIN[1], PUTIN[2], False)
            for k in range(mentions)
        ],
        "quotes": [
            (
                f"q{fact}"[:20],
                *span,
                f"the grain corridor {number}",
                "direct",
                "Putin",
                PUTIN[1],
                PUTIN[0],
                False,
                "[]",
            )
        ],  # fmt: skip
        "events": [
            (
                f"e{fact}"[:20],
                *span,
                "quorted",
                "CONSULT",
                "[]",
                json.dumps(actors),
                date,
                "asserted",
            )
        ],  # fmt: skip
        "event_actors": [(f"e{fact}"[:20], "target", 0, KAZ[0], KAZ[1], KAZ[2])],
        "stances": [
            (
                f"t{fact}"[:20],
                *span,
                "for the corridor",
                PUTIN[1],
                PUTIN[0],
                "RUS",
                "Eurasian integration",
                "target:eurasian-integration",
                1,
                1.0,
                "quote",
                "quote",
                date,
            )
        ],  # fmt: skip
    }


@pytest.mark.parametrize("defer", [False, True], ids=["in-place", "deferred"])
def test_bulk_loaded_rows_are_read_back_by_the_query_api(store_url: str, defer: bool) -> None:
    with Store.open(store_url) as store:
        before = _schema_objects(store_url)
        loader = BulkLoader(store)
        loader.load(
            [_batch(1, 1, "2013-05-01"), _batch(2, 3, "2014-06-01"), _batch(3, 2, "2015-07-01")],
            COLUMNS,
            defer=defer,
        )
        loader.analyse()
        # A deferred load made again every index and foreign key it dropped.
        assert _schema_objects(store_url) == before
        assert table_sizes(store, ["documents", "lsh_bands", "mentions"]) == {
            "documents": 3,
            "lsh_bands": 75,
            "mentions": 6,
        }
        assert loader.counts["mentions"].rows == 6
        # Near-duplicate candidates come from the loaded band table.
        assert store.band_candidates([bytes(range(256)) * 4]) == [{f"{n:016x}" for n in (1, 2, 3)}]
    with Dossier(store_url) as dossier:
        page = dossier.actor(PUTIN[0], limit=2)
        assert [(m.doc_id, m.mentions) for m in page.mentions] == [
            (f"{2:016x}", 3),
            (f"{3:016x}", 2),
        ]
        assert [q.text for q in dossier.quotes(speaker="Vladimir Putin")] == [
            f"the grain corridor {n}" for n in (1, 2, 3)
        ]
        assert [q.doc_id for q in dossier.quotes(about="CORRIDOR 2")] == [f"{2:016x}"]
        found = dossier.events(actor=KAZ[1], date_from="2014", date_to="2014-12-31")
        assert [e.doc_id for e in found] == [f"{2:016x}"]
        trends = dossier.stance_trends(by="country", period="year", country="RUS")
        assert [(t.group, t.period, t.in_favour) for t in trends] == [
            ("RUS", year, 1) for year in ("2013", "2014", "2015")
        ]
        assert [hit.doc_id for hit in dossier.search("flimmand")] and not dossier.search("nope")


def _schema_objects(url: str) -> dict[str, tuple]:
    """Per loaded table: its indexes and foreign keys."""
    engine = create_engine(database_url(url))
    try:
        found = inspect(engine)
        return {
            table: (
                sorted(i["name"] for i in found.get_indexes(table)),
                sorted(str(fk["referred_table"]) for fk in found.get_foreign_keys(table)),
            )
            for table in COLUMNS
        }
    finally:
        engine.dispose()


def _indexes(url: str, table: str) -> set[str]:
    engine = create_engine(database_url(url))
    try:
        return {index["name"] for index in inspect(engine).get_indexes(table)}
    finally:
        engine.dispose()


def test_the_volume_indexes_migrate_up_and_down(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.band_candidates([])  # opened at the head
    assert {"ix_mentions_actor_id_doc_id"} <= _indexes(store_url, "mentions")
    assert "ix_mentions_actor_id" not in _indexes(store_url, "mentions")
    with Store.open(store_url) as store:
        loader = BulkLoader(store)
        loader.load([_batch(1, 2, "2013-05-01")], COLUMNS)
        migrate_to(store, "0012", down=True)
    assert "ix_mentions_actor_id" in _indexes(store_url, "mentions")
    assert "ix_stances_holder_country" in _indexes(store_url, "stances")
    assert "ix_event_actors_actor_id" in _indexes(store_url, "event_actors")
    assert "ix_stances_holder_country_target_date_polarity_doc_id" not in _indexes(
        store_url, "stances"
    )
    with Store.open(store_url) as store:  # opening brings it back to the head
        assert store.band_candidates([bytes(range(256)) * 4]) == [{f"{1:016x}"}]
    assert "ix_stances_holder_country_target_date_polarity_doc_id" in _indexes(store_url, "stances")
    # 0017 put the event's date in the index it replaced, and filled it for the stored events.
    assert "ix_event_actors_actor_id_date_fact_id" in _indexes(store_url, "event_actors")
    with Dossier(store_url) as dossier:
        assert [m.mentions for m in dossier.actor(PUTIN[0]).mentions] == [2]
        found = dossier.events(actor=KAZ[1], date_from="2013", date_to="2013-05-01")
        assert [e.doc_id for e in found] == [f"{1:016x}"]
        assert not dossier.events(actor=KAZ[1], date_from="2013-05-02")


def test_trends_added_up_in_the_database_match_those_added_up_from_the_stances(
    store_url: str,
) -> None:
    from dossier.trends import stance_trends

    odd_dates = [None, "", "2014", "2014-05", "2014-05-01", "2014-0x", "20x4-01-01", "2015-12-31"]
    extra = []
    for number, date in enumerate(odd_dates):
        span = (f"{2:016x}", number, number + 5, number, number + 5, 0, *SPAN)
        holder = (PUTIN[1], PUTIN[0], "RUS") if number % 3 else ("Zorbex", None, None)
        extra.append(
            (f"x{number:019d}", *span, "odd", *holder, "Union", None, number % 3 - 1, 1.0,
             "quote", "quote", date)
        )  # fmt: skip
    with Store.open(store_url) as store:
        BulkLoader(store).load(
            [_batch(1, 1, "2013-05-01"), _batch(2, 1, "2014-06-01"), {"stances": extra}], COLUMNS
        )
    with Dossier(store_url) as dossier:
        for by in ("actor", "country"):
            for period in ("all", "year", "month"):
                for country in (None, "RUS"):
                    expected = stance_trends(dossier.stances(country=country), by, period)
                    found = dossier.stance_trends(by=by, period=period, country=country)
                    assert list(found) == expected, (by, period, country)


def test_an_actors_page_of_events_is_the_same_however_it_is_narrowed(store_url: str) -> None:
    # Invented: Kazakhstan on both sides of one event, so its rows outnumber its events; the
    # page narrowed by the date of its n-th row falls short and is asked again in full.
    twice = _batch(4, 1, "2013-05-01")
    twice["event_actors"].append((twice["events"][0][0], "source", 0, KAZ[0], KAZ[1], KAZ[2]))
    batches = [twice] + [_batch(n, 1, f"2013-0{n}-02") for n in (5, 6, 7)]
    with Store.open(store_url) as store:
        BulkLoader(store).load(batches, COLUMNS)
        every = store.events(actor_ids=[KAZ[0]])
        assert len(every) == 4
        for limit in (1, 2, 3, 4, 5):
            assert store.events(actor_ids=[KAZ[0]], limit=limit) == every[:limit]
            found = store.events(actor_ids=[KAZ[0]], date_from="2013", limit=limit)
            assert found == every[:limit]
        assert store.events(actor_ids=[KAZ[0]], event_type="CONSULT", limit=2) == every[:2]
