"""The stored said date of quotes (migration 0014): backfilled for an existing store exactly as
``Store.quotes`` used to derive it on every read, and kept current by the fact writer when a
document's quotes, sentences or date are written again; on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from dossier.model import DateEstimate, DocumentFacts, Provenance, Quote, Sentence
from dossier.query import Dossier
from dossier.store import Store
from dossier.store.bulk import BulkLoader, migrate_to
from dossier.store.engine import database_url

SPEAKER = ("person:ayla-torvin", "Ayla Torvin")
FACT = ("fact_id", "doc_id", "start", "end", "original_start", "original_end", "sentence",
        "extractor", "extractor_version", "confidence")  # fmt: skip
COLUMNS = {
    "documents": ("doc_id", "seq", "story_id", "format", "source_path", "pub_date",
                  "original_text", "clean_text", "offset_map", "removed_spans", "word_count",
                  "ingested_at", "date_is_estimated"),
    "sentences": (*FACT, "text", "reference_time"),
    "quotes": (*FACT, "text", "quote_kind", "speaker_actor", "speaker_actor_id", "said_on"),
}  # fmt: skip

# What ``Store.quotes`` computed on every read before the column existed.
OLD_DERIVATION = """
SELECT q.fact_id, COALESCE(q.said_on, s.reference_time, d.pub_date)
FROM quotes q JOIN documents d ON d.doc_id = q.doc_id
LEFT JOIN sentences s ON s.doc_id = q.doc_id AND s.sentence = q.sentence
"""


def _said_dates(url: str, query: str = "SELECT fact_id, said_date FROM quotes") -> dict:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            return dict(connection.execute(text(query)).all())
    finally:
        engine.dispose()


def _rows() -> dict[str, list[tuple]]:
    """Four documents; quotes dated by themselves, by their sentence, by the document, by none."""
    from datetime import datetime

    batch: dict[str, list[tuple]] = {name: [] for name in COLUMNS}
    plans = [  # (pub_date, sentence's reference time, the quote's own date)
        ("2016-03-01", "2016-02-27", "2016-02-20"),
        ("2016-01-05", "2015-12-30", None),
        ("2015-11-11", None, None),
        (None, None, None),
    ]
    for n, (pub_date, reference, said_on) in enumerate(plans, start=1):
        doc_id = f"{n:016x}"
        body = f"The lantern guild met on day {n}. Torvin said the bridge would hold."
        batch["documents"].append(
            (doc_id, n, doc_id, "text", f"c/{n}.txt", pub_date, body, body, "[]", "[]", 12,
             datetime(2020, 1, 1), False)
        )  # fmt: skip
        span = ("x", "1", 1.0)
        batch["sentences"].append(
            (f"s{n:019d}", doc_id, 0, 30, 0, 30, 0, *span, body[:30], reference)
        )
        batch["quotes"].append(
            (f"q{n:019d}", doc_id, 40, 60, 40, 60, 0, *span, "the bridge would hold",
             "indirect", SPEAKER[1], SPEAKER[0], said_on)
        )  # fmt: skip
    return batch


def test_the_migration_backfills_the_said_date_as_it_was_derived(store_url: str) -> None:
    with Store.open(store_url) as store:
        migrate_to(store, "0013", down=True)
        BulkLoader(store).load([_rows()], COLUMNS)
    before = _said_dates(store_url, OLD_DERIVATION)
    assert sorted(before.values(), key=str) == sorted(
        ["2016-02-20", "2015-12-30", "2015-11-11", None], key=str
    )
    with Store.open(store_url) as store:  # using it brings it to the head: 0014 backfills
        store.document_ids()
    assert _said_dates(store_url) == before
    with Dossier(store_url) as dossier:
        found = dossier.store.quotes(speaker_ids=[SPEAKER[0]])
        dated = [q.date for q in found if q.date]
        assert dated == ["2015-11-11", "2015-12-30", "2016-02-20"]
        assert [q.date for q in dossier.store.quotes(speaker_ids=[SPEAKER[0]], limit=2)] == [
            q.date for q in found[:2]
        ]
        assert [q.date for q in dossier.store.quotes(date_from="2016", date_to="2016-02")] == [
            "2016-02-20"
        ]


def _facts(doc_id: str, reference: str | None, said_on: str | None, which: set[str]):
    """A document's sentence (from ``sentencer``) and quote (from ``quoter``), as written."""
    facts = []
    if "sentencer" in which:
        p = Provenance(doc_id, 0, 30, 0, 30, 0, "sentencer", "1")
        facts.append(Sentence(provenance=p, text="x" * 30, reference_time=reference))
    if "quoter" in which:
        p = Provenance(doc_id, 40, 60, 40, 60, 0, "quoter", "1")
        facts.append(
            Quote(provenance=p, text="the bridge would hold", start=40, end=60,
                  quote_kind="indirect", speaker_actor=SPEAKER[1], speaker_actor_id=SPEAKER[0],
                  said_on=said_on)
        )  # fmt: skip
    return DocumentFacts(doc_id=doc_id, versions={name: "1" for name in which}, facts=tuple(facts))


def test_the_writer_keeps_the_said_date_current_on_reannotation(
    store_url: str, make_document
) -> None:
    document = make_document("The lantern guild met. " * 3 + "Torvin said the bridge would hold.")
    doc_id = document.doc_id
    with Store.open(store_url) as store:
        store.add_documents([(document, None)])
        store.write_facts(_facts(doc_id, "2017-04-02", None, {"sentencer", "quoter"}))
        assert set(_said_dates(store_url).values()) == {"2017-04-02"}
        # Only the sentences are redone, with another time: the quote's date follows.
        store.write_facts(_facts(doc_id, "2017-05", None, {"sentencer"}))
        assert set(_said_dates(store_url).values()) == {"2017-05"}
        # The quote learns its own date.
        store.write_facts(_facts(doc_id, "2017-05", "2017-04-30", {"quoter"}))
        assert set(_said_dates(store_url).values()) == {"2017-04-30"}
        # Neither says: an estimated publication date is what is left.
        store.write_facts(_facts(doc_id, None, None, {"sentencer", "quoter"}))
        assert set(_said_dates(store_url).values()) == {None}
        estimate = DocumentFacts(
            doc_id=doc_id, versions={"dater": "1"}, dated=True,
            date_estimate=DateEstimate("2017-06", "2017-06-01", "2017-06-30"),
        )  # fmt: skip
        store.write_facts(estimate)
        assert set(_said_dates(store_url).values()) == {"2017-06"}
        assert [q.date for q in store.quotes(speaker_ids=[SPEAKER[0]], date_from="2017-06")] == [
            "2017-06"
        ]
