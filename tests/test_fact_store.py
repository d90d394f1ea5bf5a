"""The generic fact store: any registered kind is written, replaced by extractor, and read back
as the same records, with stable ids and links; a new kind needs a record, a registry entry and
a migration, nothing else. Each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pytest

from dossier.model import (
    DateEstimate,
    DocumentFacts,
    Event,
    EventActor,
    Fact,
    FactLink,
    Mention,
    Provenance,
    Quote,
    Sentence,
    Stance,
    Timex,
    make_fact_id,
)
from dossier.store import Store
from dossier.store.kinds import register_kind
from toy_kind import TOY_TABLE, ToyClaim

TEXT = "Moscow said on Friday that Putin would visit Minsk. Lukashenko welcomed it."


def _provenance(
    doc_id: str, start: int, end: int, extractor: str, version: str = "1"
) -> Provenance:
    return Provenance(doc_id, start, end, start + 10, end + 10, 0, extractor, version, 0.8)


def _facts(doc_id: str, linker_version: str = "1") -> list[Fact]:
    moscow = Mention(
        "Moscow", 0, 6, "GPE", "gov:RUS", "Government of Russia", None, "RUS", True, "metonym",
        provenance=_provenance(doc_id, 0, 6, "dossier_linker", linker_version),
    )  # fmt: skip
    putin = Mention(
        "Putin", 27, 32, "PERSON", "person:vladimir-putin", "Vladimir Putin",
        "President of Russia", "RUS", False, "alias",
        provenance=_provenance(doc_id, 27, 32, "dossier_linker", linker_version),
    )  # fmt: skip
    friday = Timex(
        "Friday", 14, 20, "DATE", "2011-11-18", anchor="2011-11-19",
        provenance=_provenance(doc_id, 14, 20, "dossier_timex"),
    )  # fmt: skip
    sentence = Sentence(
        TEXT[:51], "2011-11-18", provenance=_provenance(doc_id, 0, 51, "dossier_fact_time")
    )
    return [moscow, putin, friday, sentence]


def _store_document(store: Store, make_document) -> str:  # noqa: ANN001 - fixture factory
    document = make_document(TEXT, date="2011-11-19", outlet="Wire")
    store.add_documents([(document, None)])
    return document.doc_id


def test_every_kind_round_trips_as_the_same_record(store_url: str, make_document) -> None:  # noqa: ANN001
    with Store.open(store_url) as store:
        doc_id = _store_document(store, make_document)
        quote = Quote(
            TEXT[:20], 0, 20, "indirect", cue="announced", cue_start=21, cue_end=30,
            speaker="Putin", speaker_start=27, speaker_end=32, speaker_actor="Vladimir Putin",
            speaker_actor_id="person:vladimir-putin",
            speaker_actors=("Vladimir Putin", "Government of Russia"), medium="statement",
            said_on="2011-11-18",
            provenance=_provenance(doc_id, 0, 20, "dossier_quotes"),
        )  # fmt: skip
        # A compound source (a set of actors, each a JSON object in a list) and an implied
        # target without a mention.
        event = Event(
            "visit", 39, 44, "CONSULT", mode="visit", cameo="042", goldstein=1.9,
            source=(
                EventActor("Vladimir Putin", "person:vladimir-putin", "RUS", "government", 27, 32),
                EventActor("Government of Russia", "gov:RUS", "RUS", "government", 0, 6),
            ),
            target=(EventActor("Minsk", None, "BLR"),),
            date="2011-11-18", date_basis="timex", location="Minsk", modality="future",
            provenance=_provenance(doc_id, 39, 44, "dossier_events"),
        )  # fmt: skip
        # Lukashenko welcomed it: a stance toward Putin, its evidence a sentence.
        stance = Stance(
            TEXT[52:], 52, 75, "Alexander Lukashenko", "Vladimir Putin", 1,
            holder_id="person:alexander-lukashenko", holder_country="BLR",
            target_id="person:vladimir-putin", strength=0.7, cue="welcomed",
            evidence_id="s" * 20, date="2011-11-18",
            provenance=_provenance(doc_id, 52, 75, "dossier_stance"),
        )  # fmt: skip
        facts = [*_facts(doc_id), quote, event, stance]
        versions = {
            "dossier_linker": "1", "dossier_timex": "1", "dossier_fact_time": "1",
            "dossier_quotes": "1", "dossier_events": "1", "dossier_stance": "1",
        }  # fmt: skip
        store.write_facts(DocumentFacts(doc_id, versions, tuple(facts)))
        assert store.read_facts("event", doc_id=doc_id) == [event]
        assert store.read_facts("quote", doc_id=doc_id) == [quote]
        assert store.read_facts("stance", doc_id=doc_id) == [stance]
        assert store.read_facts("mention", doc_id=doc_id) == facts[:2]
        assert store.read_facts("timex", doc_id=doc_id) == [facts[2]]
        assert store.read_facts("sentence", doc_id=doc_id) == [facts[3]]
        assert store.read_facts("mention", actor_id="person:vladimir-putin") == [facts[1]]
        assert store.annotation_versions() == {doc_id: versions}
        assert store.fact_counts() == {
            "event": 1, "mention": 2, "quote": 1, "sentence": 1, "stance": 1, "timex": 1
        }  # fmt: skip


def test_rewriting_one_extractor_leaves_the_others(store_url: str, make_document) -> None:  # noqa: ANN001
    with Store.open(store_url) as store:
        doc_id = _store_document(store, make_document)
        facts = _facts(doc_id)
        store.write_facts(
            DocumentFacts(doc_id, {"dossier_linker": "1", "dossier_timex": "1"}, tuple(facts[:3]))
        )
        # The linker runs again at a new version and now finds only Putin.
        again = _facts(doc_id, linker_version="2")[1:2]
        store.write_facts(DocumentFacts(doc_id, {"dossier_linker": "2"}, tuple(again)))
        assert store.read_facts("mention", doc_id=doc_id) == again
        assert store.read_facts("timex", doc_id=doc_id) == [facts[2]]
        assert store.annotation_versions()[doc_id] == {"dossier_linker": "2", "dossier_timex": "1"}
        # Same span, same extractor: the same id whatever the version.
        assert again[0].fact_id == facts[1].fact_id


def test_links_are_replaced_with_their_extractor(store_url: str, make_document) -> None:  # noqa: ANN001
    with Store.open(store_url) as store:
        doc_id = _store_document(store, make_document)
        moscow, putin, friday, _ = _facts(doc_id)
        link = FactLink(doc_id, friday.fact_id, putin.fact_id, "about", "dossier_timex", "1")
        store.write_facts(DocumentFacts(doc_id, {"dossier_timex": "1"}, (friday,), links=(link,)))
        assert store.read_links(doc_id) == [link]
        assert store.read_links(doc_id, relation="speaker") == []
        store.write_facts(DocumentFacts(doc_id, {"dossier_timex": "1"}, (friday,)))
        assert store.read_links(doc_id) == []


def test_a_date_estimate_is_written_into_the_document(store_url: str, make_document) -> None:  # noqa: ANN001
    with Store.open(store_url) as store:
        document = make_document(TEXT, date_note="no date line")
        store.add_documents([(document, None)])
        estimate = DateEstimate("2012-03", "2012-03-04", "2012-04-03", ("won the vote",))
        found = DocumentFacts(
            document.doc_id, {"dossier_date_estimate": "1"}, dated=True, date_estimate=estimate
        )
        store.write_facts(found)
        meta = store.get_document(document.doc_id).meta
        assert (meta.date, meta.date_source, meta.date_is_estimated) == (
            "2012-03",
            "estimated",
            True,
        )
        assert "2012-03-04" in meta.date_note and "won the vote" in meta.date_note
        store.write_facts(
            DocumentFacts(document.doc_id, {"dossier_date_estimate": "2"}, dated=True)
        )
        meta = store.get_document(document.doc_id).meta
        assert meta.date is None
        assert meta.date_note.endswith("the content gives no evidence for an estimate")


def test_a_fact_of_another_document_is_refused(store_url: str, make_document) -> None:  # noqa: ANN001
    with Store.open(store_url) as store:
        doc_id = _store_document(store, make_document)
        stray = _facts("0123456789abcdef")[:1]
        with pytest.raises(ValueError, match="belongs to"):
            store.write_facts(DocumentFacts(doc_id, {"dossier_linker": "1"}, tuple(stray)))
        assert store.read_facts("mention") == []


def test_fact_ids_are_stable_and_tell_kinds_apart() -> None:
    first = make_fact_id("d", "mention", "dossier_linker", 0, 6)
    assert first == make_fact_id("d", "mention", "dossier_linker", 0, 6)
    assert first != make_fact_id("d", "timex", "dossier_linker", 0, 6)
    assert first != make_fact_id("d", "mention", "dossier_linker", 0, 7)
    assert first != make_fact_id("d", "mention", "dossier_linker", 0, 6, key="speaker")


# -- a new kind of fact: record + registry entry + migration ------------------------------------


def test_a_new_kind_round_trips_through_writer_store_and_query(
    store_url: str,
    make_document,
    toy_migrations: str,  # noqa: ANN001
) -> None:
    with Store.open(store_url, extra_migrations=(toy_migrations,)) as store:
        doc_id = _store_document(store, make_document)
        claim = ToyClaim(
            "Putin would visit Minsk", 0.75,
            provenance=_provenance(doc_id, 27, 51, "toy_claims", "1"),
        )  # fmt: skip
        store.write_facts(DocumentFacts(doc_id, {"toy_claims": "1"}, (claim,)))
        assert store.read_facts("toy_claim", doc_id=doc_id) == [claim]
        # Replaced by extractor like any other kind.
        store.write_facts(DocumentFacts(doc_id, {"toy_claims": "2"}, ()))
        assert store.read_facts("toy_claim") == []


def test_a_kind_whose_table_lacks_a_field_is_refused() -> None:
    @dataclass(frozen=True)
    class Broken(Fact):
        kind: ClassVar[str] = "toy_broken"
        missing_column: str

    with pytest.raises(ValueError, match="missing_column"):
        register_kind(Broken, TOY_TABLE)


# -- an existing store is carried forward --------------------------------------------------------


def test_migration_carries_a_0003_store_forward(store_url: str, make_document) -> None:  # noqa: ANN001
    """Facts stored before the spine keep their content and get the ids the writer would give."""
    from sqlalchemy import text

    from store_helpers import store_at_revision

    document = make_document(TEXT, date="2011-11-19")
    with store_at_revision(store_url, "0003", document) as connection:
        common = {"doc_id": document.doc_id, "sentence": 0, "extractor_version": "1"}
        connection.execute(
            text(
                'INSERT INTO mentions (doc_id, start, "end", original_start, original_end, '
                "sentence, text, label, actor_id, actor, role, country, metonym, resolution, "
                "extractor, extractor_version, confidence) VALUES (:doc_id, 27, 32, 27, 32, "
                ":sentence, 'Putin', 'PERSON', 'person:vladimir-putin', 'Vladimir Putin', NULL, "
                "'RUS', false, 'alias', 'dossier_linker', :extractor_version, 0.95)"
            ),
            common,
        )
        connection.execute(
            text(
                'INSERT INTO timexes (doc_id, start, "end", original_start, original_end, '
                "sentence, text, type, value, anchor, mod, extractor, extractor_version) VALUES "
                "(:doc_id, 14, 20, 14, 20, :sentence, 'Friday', 'DATE', '2011-11-18', NULL, NULL,"
                " 'dossier_timex', :extractor_version)"
            ),
            common,
        )
        connection.execute(
            text(
                'INSERT INTO sentence_times (doc_id, sentence, start, "end", reference_time) '
                "VALUES (:doc_id, 0, 0, 51, '2011-11-18')"
            ),
            {"doc_id": document.doc_id},
        )
        connection.execute(
            text(
                "INSERT INTO annotations (doc_id, stage, version, annotated_at) VALUES "
                "(:doc_id, 'entities', '2-abc', '2026-01-01 00:00:00')"
            ),
            {"doc_id": document.doc_id},
        )

    with Store.open(store_url) as store:
        (putin,) = store.read_facts("mention")
        assert (putin.text, putin.actor_id, putin.provenance.confidence) == (
            "Putin", "person:vladimir-putin", 0.95,
        )  # fmt: skip
        assert putin.fact_id == make_fact_id(document.doc_id, "mention", "dossier_linker", 27, 32)
        (friday,) = store.read_facts("timex")
        assert (friday.value, friday.provenance.confidence) == ("2011-11-18", 1.0)
        (sentence,) = store.read_facts("sentence")
        assert sentence.text == TEXT[:51]
        assert sentence.reference_time == "2011-11-18"
        assert (sentence.provenance.original_start, sentence.provenance.original_end) == (0, 51)
        # The old per-stage mark is gone: the next annotate redoes the document at the new
        # per-extractor versions.
        assert store.annotation_versions() == {}
