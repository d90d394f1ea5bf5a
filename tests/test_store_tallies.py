"""The aggregates of migration 0016 stay equal to a recount from the facts, on both databases,
through writes, re-annotation with other facts, a rerun that finds nothing (the facts deleted),
another extractor's facts beside them, and a document deleted; and the actor page and stance
timeline read from them answer what counting the facts answers."""

from __future__ import annotations

import random
from collections import Counter

from sqlalchemy import delete, select

from dossier.model import DocumentFacts, Mention, Provenance, Stance
from dossier.store import Store
from dossier.store.schema import actor_documents, documents, stance_tallies
from dossier.store.tallies import TALLY_COLUMNS, tally_selects
from dossier.trends import stance_trends, trends_from_counts

# Invented: a newsroom's dozen short items, each naming some actors and taking some sides.
TEXTS = [
    f"Item {n}: the ministers of Aland and Borduria met over the grain deal." for n in range(12)
]
ACTORS = [("person:ann-ash", "Ann Ash", "ALD"), ("gov:BRD", "Government of Borduria", "BRD"),
          ("person:cy-cole", "Cy Cole", None)]  # fmt: skip
TARGETS = [("grain deal", "target:grain-deal"), ("the border treaty", None)]
DATES = ["2012-03-05", "2012-03-28", "2012-03", "2012", "2013-11-30", "", None, "circa 2014"]


def _facts(document, rng: random.Random, extractor: str, many: int) -> DocumentFacts:
    doc_id = document.doc_id
    facts = []
    for k in range(rng.randint(0, many)):
        actor = rng.choice(ACTORS)
        where = Provenance(doc_id, k, k + 4, k, k + 4, 0, extractor, "1", 0.9)
        facts.append(Mention(actor[1], k, k + 4, "ORG", actor[0], actor[1], None, actor[2],
                             False, "alias", provenance=where))  # fmt: skip
    for k in range(rng.randint(0, many)):
        holder, target = rng.choice(ACTORS), rng.choice(TARGETS)
        where = Provenance(doc_id, 20 + k, 25 + k, 20 + k, 25 + k, 0, extractor, "1", 0.7)
        facts.append(
            Stance(text="met", start=20 + k, end=25 + k, holder=holder[1], holder_id=holder[0],
                   holder_country=holder[2], target=target[0], target_id=target[1],
                   polarity=rng.choice((-1, 0, 1)), date=rng.choice(DATES), provenance=where)
        )  # fmt: skip
    return DocumentFacts(doc_id, {extractor: "1"}, tuple(facts))


def _check(store: Store) -> None:
    """The tables equal a recount from the facts; the reads equal counting the facts."""
    with store.engine.connect() as connection:
        dates = dict(connection.execute(select(documents.c.doc_id, documents.c.pub_date)).all())
        held = connection.execute(select(actor_documents)).all()
        tallies = sorted(connection.execute(select(stance_tallies)).all())
        recount = sorted(
            row for query in tally_selects(connection.dialect.name)
            for row in connection.execute(query)
        )  # fmt: skip
    counted = Counter((m.actor_id, m.provenance.doc_id) for m in store.read_facts("mention"))
    expected = {
        (actor, doc, n, int(dates[doc] is None), dates[doc]) for (actor, doc), n in counted.items()
    }
    assert {tuple(row) for row in held} == expected
    assert [tuple(r) for r in tallies] == [tuple(r) for r in recount]
    assert [c.name for c in stance_tallies.columns] == TALLY_COLUMNS
    hits = store.stances()
    for by in ("actor", "country"):
        for period in ("all", "year", "month"):
            counts = store.stance_counts(by=by, period=period)
            assert trends_from_counts(counts) == stance_trends(hits, by, period), (by, period)
        for country in ("ALD", "BRD"):
            narrowed = [h for h in hits if h.holder_country == country]
            counts = store.stance_counts(by="country", period="year", country=country)
            assert trends_from_counts(counts) == stance_trends(narrowed, "country", "year")
    for actor_id, _, _ in ACTORS:
        ranked = sorted(
            ((doc, n) for (actor, doc), n in counted.items() if actor == actor_id),
            key=lambda p: (-p[1], dates[p[0]] is None, dates[p[0]] or "", p[0]),
        )
        assert store.top_mentioning([actor_id], 5) == ranked[:5]


def test_aggregates_follow_writes_reannotation_deletion(store_url: str, make_document) -> None:
    rng = random.Random(16)
    docs = [
        make_document(text, date=rng.choice(["2012-05-01", "2013-02-11", None]), outlet="Wire")
        for text in TEXTS
    ]
    with Store.open(store_url) as store:
        store.add_documents([(d, None) for d in docs])
        for document in docs:
            store.write_facts(_facts(document, rng, "first", 6))
        _check(store)
        # Re-annotated: other facts, other dates and sides; another extractor's beside them.
        for document in docs[::2]:
            store.write_facts(_facts(document, rng, "first", 6))
            store.write_facts(_facts(document, rng, "second", 3))
        _check(store)
        # A rerun that finds nothing deletes what the extractor had found.
        for document in docs[::3]:
            store.write_facts(DocumentFacts(document.doc_id, {"first": "1"}, ()))
        _check(store)
        # The same facts again change nothing.
        before = _tally_rows(store)
        for document in docs[1::3]:
            again = store.read_facts("stance", doc_id=document.doc_id)
            again += store.read_facts("mention", doc_id=document.doc_id)
            firsts = tuple(f for f in again if f.provenance.extractor == "first")
            store.write_facts(DocumentFacts(document.doc_id, {"first": "1"}, firsts))
        assert _tally_rows(store) == before
        _check(store)


def test_a_deleted_document_takes_its_actor_counts_with_it(store_url: str, make_document) -> None:
    rng = random.Random(3)
    docs = [make_document(text, date="2012-05-01") for text in TEXTS[:3]]
    with Store.open(store_url) as store:
        store.add_documents([(d, None) for d in docs])
        for document in docs:
            store.write_facts(_facts(document, rng, "first", 5))
        with store.engine.begin() as connection:
            connection.execute(delete(documents).where(documents.c.doc_id == docs[0].doc_id))
            left = connection.execute(select(actor_documents.c.doc_id)).scalars().all()
        assert docs[0].doc_id not in left


def _tally_rows(store: Store) -> list[tuple]:
    with store.engine.connect() as connection:
        return sorted(tuple(r) for r in connection.execute(select(stance_tallies)))
