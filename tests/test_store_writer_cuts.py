"""The fact writer's CPU cuts keep its answers, on both databases: statements built once and run
with each document's own values touch that document alone; a document's first write (no marks
yet: nothing deleted, its stances added up from the rows, not read back) leaves the same facts,
marks and tallies as a rewrite; a later write still replaces exactly the extractors that ran."""

from __future__ import annotations

from sqlalchemy import select

from dossier.model import DocumentFacts, Mention, Provenance, Stance
from dossier.store import Store
from dossier.store.schema import actor_documents, stance_tallies
from dossier.store.tallies import tally_selects

# Invented items, holders and dates (a partial date, an empty one, none, one that is no date).
TEXTS = ["The Velorian envoy backed the canal pact.", "Ostrava's council opposed the toll plan."]
DATES = ["2019-07-14", "2019-07", "", None, "about 2020"]


def _facts(doc_id: str, extractor: str, version: str, polarity: int) -> DocumentFacts:
    facts: list = []
    for k, date in enumerate(DATES):
        where = Provenance(doc_id, k, k + 3, k, k + 3, 0, extractor, version, 0.8)
        facts.append(
            Stance(text="backed", start=k, end=k + 3, holder="Mia Moss", holder_id="person:mia",
                   holder_country="VEL" if k % 2 else None, target="canal pact",
                   target_id=None, polarity=polarity if k % 3 else -polarity, date=date,
                   provenance=where)
        )  # fmt: skip
        place = Provenance(doc_id, 40 + k, 44 + k, 40 + k, 44 + k, 0, "linker", "1", 0.9)
        facts.append(Mention("Moss", 40 + k, 44 + k, "PERSON", "person:mia", "Mia Moss", None,
                             "VEL", False, "alias", provenance=place))  # fmt: skip
    mentions = tuple(f for f in facts if isinstance(f, Mention))
    stances = tuple(f for f in facts if isinstance(f, Stance))
    if extractor == "linker":
        return DocumentFacts(doc_id, {"linker": "1"}, mentions)
    return DocumentFacts(doc_id, {extractor: version}, stances)


def _state(store: Store) -> tuple:
    with store.engine.connect() as connection:
        tallies = sorted(tuple(r) for r in connection.execute(select(stance_tallies)))
        recount = sorted(
            tuple(row) for query in tally_selects(connection.dialect.name)
            for row in connection.execute(query)
        )  # fmt: skip
        counts = sorted(tuple(r) for r in connection.execute(select(actor_documents)))
    assert tallies == recount
    facts = sorted((f.fact_id, f) for kind in ("stance", "mention") for f in store.read_facts(kind))
    return tallies, counts, facts, store.annotation_versions()


def test_first_write_equals_a_rewrite_and_touches_one_document(store_url, make_document) -> None:
    docs = [make_document(text, date="2019-08-01") for text in TEXTS]
    with Store.open(store_url) as store:
        store.add_documents([(d, None) for d in docs])
        a, b = (d.doc_id for d in docs)
        for doc_id in (a, b):
            store.write_facts(_facts(doc_id, "linker", "1", 1))
            store.write_facts(_facts(doc_id, "stancer", "1", 1))
        first = _state(store)
        # The same facts again: the rewrite path (deletes, old shares read) gives the same.
        for doc_id in (a, b):
            store.write_facts(_facts(doc_id, "stancer", "1", 1))
            store.write_facts(_facts(doc_id, "linker", "1", 1))
        assert _state(store) == first
        # Only b's stances re-annotated, at a new version and the other way round: a's facts
        # and marks, and b's mentions, are left as they are; ids stay those of the positions.
        store.write_facts(_facts(b, "stancer", "2", -1))
        tallies, counts, facts, marks = _state(store)
        assert marks == {a: {"linker": "1", "stancer": "1"}, b: {"linker": "1", "stancer": "2"}}
        assert counts == first[1]
        new_b = {f.fact_id: f for _, f in facts if f.provenance.doc_id == b}
        old_b = {f.fact_id: f for _, f in first[2] if f.provenance.doc_id == b}
        assert new_b.keys() == old_b.keys()
        assert [f for _, f in facts if f.provenance.doc_id == a] == [
            f for _, f in first[2] if f.provenance.doc_id == a
        ]
        flipped = [f for f in new_b.values() if isinstance(f, Stance)]
        assert flipped and all(
            f.polarity == -old_b[f.fact_id].polarity and f.provenance.extractor_version == "2"
            for f in flipped
        )
        assert tallies != first[0]


def test_a_second_store_on_another_database_uses_its_own_statements(
    store_url, make_document, tmp_path
) -> None:
    """The statements are shared by every store in the process; each store's database (SQLite
    beside the parametrised one) gets its facts and no other's."""
    document = make_document(TEXTS[0], date="2019-08-01")
    other_url = str(tmp_path / "other" / "dossier.db")
    with Store.open(store_url) as store, Store.open(other_url) as other:
        for target in (store, other):
            target.add_documents([(document, None)])
        store.write_facts(_facts(document.doc_id, "stancer", "1", 1))
        other.write_facts(_facts(document.doc_id, "stancer", "1", -1))
        mine, theirs = _state(store), _state(other)
        assert [f.polarity for _, f in mine[2]] == [-f.polarity for _, f in theirs[2]]
        assert mine[3] == theirs[3] == {document.doc_id: {"stancer": "1"}}
