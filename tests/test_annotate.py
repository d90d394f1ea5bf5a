"""The annotate driver on both stores: facts stored with provenance and stable ids, resumable,
re-runnable, redone only where an extractor's version changed, the same with several workers."""

from __future__ import annotations

import csv
import dataclasses
import shutil
from pathlib import Path

import pytest

from dossier.drivers import annotate
from dossier.drivers.annotate import annotate_store
from dossier.drivers.ingest import ingest_paths
from dossier.nlp import PipelineConfig, extractor_versions, kb_folder
from dossier.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "sample" / "corpus"


def _fact_ids(store: Store) -> dict[str, set[str]]:
    return {
        kind: {fact.fact_id for fact in store.read_facts(kind)}
        for kind in ("mention", "timex", "sentence")
    }


def test_mentions_are_stored_with_offsets_into_both_texts(store_url: str, nlp) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE], store)
        summary = annotate_store(store, nlp=nlp)
        assert summary.annotated == 14 and summary.skipped == 0
        assert summary.mentions > 200 and summary.linked > summary.mentions / 2

        mentions = store.read_facts("mention")
        assert len(mentions) == summary.mentions
        for mention in mentions:
            document = store.get_document(mention.doc_id)
            p = mention.provenance
            assert document.clean_text[p.start : p.end] == mention.text
            # A mention never spans removed boilerplate, so both texts read the same.
            assert document.original_text[p.original_start : p.original_end] == mention.text
            assert p.extractor == "dossier_linker"
            assert p.extractor_version == extractor_versions()["dossier_linker"]
            assert 0 < p.confidence <= 1

        # Roles are resolved at each document's own date.
        roles = {(m.actor, m.role) for m in mentions if m.role}
        assert ("Dmitry Medvedev", "President of Russia") in roles
        assert ("Vladimir Putin", "President of Russia") in roles
        assert ("Vladimir Putin", "Prime Minister of Russia") in roles
        assert sum(row[3] for row in store.mention_counts("person:vladimir-putin")) >= 5


def test_reannotating_keeps_every_fact_id(store_url: str, nlp) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "feeds"], store)
        first = annotate_store(store, nlp=nlp)
        assert first.annotated == 5
        again = annotate_store(store, nlp=nlp)
        assert again.annotated == 0 and again.skipped == 5
        before = _fact_ids(store)
        assert all(before.values())
        forced = annotate_store(store, nlp=nlp, force=True)
        assert forced.annotated == 5
        assert _fact_ids(store) == before  # replaced with the same ids, not added twice


def test_interrupted_annotation_resumes(
    store_url: str, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "text"], store)
        monkeypatch.setattr(annotate, "BATCH_SIZE", 2)
        real = annotate.facts_of
        calls = {"n": 0}

        def interrupt_on_third(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == 3:  # in the second batch: the first is already stored
                raise KeyboardInterrupt
            return real(*args, **kwargs)

        monkeypatch.setattr(annotate, "facts_of", interrupt_on_third)
        first = annotate_store(store, nlp=nlp)
        assert first.interrupted and first.annotated == 2
        done = set(store.annotation_versions())
        assert len(done) == 2
        kept = {d: _fact_ids_of(store, d) for d in done}
        monkeypatch.setattr(annotate, "facts_of", real)
        second = annotate_store(store, nlp=nlp)
        assert second.annotated == 5 and second.skipped == 2 and not second.interrupted
        assert {d: _fact_ids_of(store, d) for d in done} == kept  # not redone


def _fact_ids_of(store: Store, doc_id: str) -> set[str]:
    return {fact.fact_id for fact in store.read_facts("mention", doc_id=doc_id)}


def test_timexes_and_sentences_are_stored(store_url: str, nlp) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "feeds" / "wires.jsonl"], store)
        annotate_store(store, nlp=nlp)
        declaration = next(
            doc_id
            for doc_id in store.document_ids()
            if store.get_document(doc_id).meta.date == "2011-11-18"
        )
        document = store.get_document(declaration)
        timexes = store.read_facts("timex", doc_id=declaration)
        assert len(timexes) >= 3
        for timex in timexes:
            p = timex.provenance
            assert document.clean_text[p.start : p.end] == timex.text
            assert document.original_text[p.original_start : p.original_end] == timex.text
        # Relative expressions are anchored on the document's own date, not today's.
        values = {timex.text: timex.value for timex in timexes}
        assert values["Friday"] == "2011-11-18"
        assert values["last month"] == "2011-10"
        assert values["Jan. 1"] == "2012-01-01"
        sentences = store.read_facts("sentence", doc_id=declaration)
        assert len(sentences) >= 3
        assert [s.index for s in sentences] == list(range(len(sentences)))
        for sentence in sentences:
            p = sentence.provenance
            assert document.clean_text[p.start : p.end] == sentence.text
        assert all(s.reference_time for s in sentences)
        assert sentences[0].reference_time.startswith("2011")


def test_an_undated_document_gets_its_estimated_date_at_annotate(store_url: str, nlp) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "text"], store)
        undated = [d for d in store.document_ids() if store.get_document(d).meta.date is None]
        assert len(undated) == 1
        summary = annotate_store(store, nlp=nlp)
        assert summary.estimated == 1
        meta = store.get_document(undated[0]).meta
        assert meta.date_is_estimated and meta.date == "2021"
        assert "estimated from the content" in meta.date_note


def test_a_document_that_breaks_a_component_is_reported_and_the_rest_stored(
    store_url: str, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacy.language import Language

    real_call = Language.__call__

    def fail_on_treaty(self, text, *args, **kwargs):
        doc = text if not isinstance(text, str) else self.make_doc(text)
        if "Palace of Independence" in doc.text:
            raise RuntimeError("component broke")
        return real_call(self, doc, *args, **kwargs)

    def pipe_that_breaks(self, docs, *args, **kwargs):
        raise RuntimeError("batch broke")

    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "text"], store)
        monkeypatch.setattr(Language, "__call__", fail_on_treaty)
        monkeypatch.setattr(Language, "pipe", pipe_that_breaks)
        broken = _annotate_with_the_treaty_broken(store, nlp, "component broke")
        assert not set(broken) & set(store.annotation_versions())


def _annotate_with_the_treaty_broken(store: Store, nlp, reason: str) -> list[str]:
    """Annotate the sample, whose documents about the treaty's palace a test has broken; check
    that each of them, and only they, failed for ``reason`` and return them."""
    summary = annotate_store(store, nlp=nlp)
    broken = [
        doc_id
        for doc_id in store.document_ids()
        if "Palace of Independence" in store.get_document(doc_id).clean_text
    ]
    assert broken and len(summary.failures) == len(broken)
    assert all(reason in failure for failure in summary.failures)
    assert summary.annotated == 7 - len(broken)
    return broken


def test_a_document_whose_facts_share_an_id_is_reported_and_the_rest_stored(
    store_url: str, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An extractor that emits one fact twice (two cues read on one reported-speech span) must
    # cost that document, not stop the run at it with the store's unique-key error.
    real_facts_of = annotate.facts_of

    def twice_on_treaty(doc, doc_id, ran, versions):
        found = real_facts_of(doc, doc_id, ran, versions)
        if "Palace of Independence" in doc.text and found.facts:
            found = dataclasses.replace(found, facts=(*found.facts, found.facts[0]))
        return found

    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "text"], store)
        monkeypatch.setattr(annotate, "facts_of", twice_on_treaty)
        _annotate_with_the_treaty_broken(store, nlp, "one id")


def _add_alias(kb_dir: Path, alias: str) -> None:
    """Edit one row of the KB: an alias added to the first person of a file."""
    path = kb_dir / "actors_postsoviet.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    person = next(row for row in rows if row["id"].startswith("person:"))
    person["aliases"] = "|".join(filter(None, [person["aliases"], alias]))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_editing_one_kb_row_redoes_linking_only(tmp_path: Path) -> None:
    # The edited KB is another folder, so this process's caches (pipelines, KBs, versions,
    # all keyed by config) hold both; a CLI run is a new process and reads the files anew.
    original, edited = tmp_path / "kb", tmp_path / "kb-edited"
    shutil.copytree(kb_folder(None), original)
    shutil.copytree(kb_folder(None), edited)
    _add_alias(edited, "Test Alias Person")
    with Store.open(str(tmp_path / "store.db")) as store:
        ingest_paths([SAMPLE / "feeds"], store)  # five dated documents
        annotate_store(store, config=PipelineConfig(kb_dir=str(original)))
        timexes = store.read_facts("timex")
        sentences = store.read_facts("sentence")
        marks = store.annotation_versions()

        summary = annotate_store(store, config=PipelineConfig(kb_dir=str(edited)))
        assert summary.annotated == 5
        # Quotes, events and stances read the linker's actors, so they are redone with it;
        # nothing else is.
        assert dict(summary.ran) == {
            "dossier_linker": 5, "dossier_quotes": 5, "dossier_events": 5, "dossier_stance": 5
        }  # fmt: skip
        # Untouched: the same records, at the same versions.
        assert store.read_facts("timex") == timexes
        assert store.read_facts("sentence") == sentences
        for doc_id, done in store.annotation_versions().items():
            assert done["dossier_timex"] == marks[doc_id]["dossier_timex"]
            assert done["dossier_linker"] != marks[doc_id]["dossier_linker"]


def _stored_facts(store: Store) -> dict[str, list]:
    return {kind: store.read_facts(kind) for kind in ("mention", "timex", "sentence")}


def test_two_workers_store_the_same_facts_as_one_forked_or_spawned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small tasks and batches: the workers share the documents, and results come back out of turn.
    monkeypatch.setattr(annotate, "BATCH_SIZE", 5)
    monkeypatch.setattr(annotate, "TASK_SIZE", 2)
    stored = {}
    for workers, start in ((1, None), (2, "fork"), (2, "spawn")):
        with Store.open(str(tmp_path / f"w{workers}{start}.db")) as store:
            ingest_paths([SAMPLE], store)
            summary = annotate_store(store, workers=workers, start=start)
            assert summary.annotated == 14 and summary.workers == workers
            assert not summary.failures
            stored[start] = _stored_facts(store)
    assert sum(len(facts) for facts in stored[None].values()) > 100
    assert stored["fork"] == stored[None]
    assert stored["spawn"] == stored[None]


def test_workers_fork_when_no_other_thread_runs_and_spawn_otherwise() -> None:
    import threading

    assert annotate.start_method() == "fork"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert annotate.start_method() == "spawn"
    finally:
        release.set()
        other.join()
    assert annotate.start_method() == "fork"


def test_a_document_in_a_language_the_pipeline_does_not_read_is_not_annotated(
    tmp_path: Path, nlp
) -> None:
    russian = tmp_path / "ru.txt"
    russian.write_text(
        "Президент России Владимир Путин заявил в пятницу, что Таможенный союз с Белоруссией и "
        "Казахстаном станет основой Евразийского экономического союза. По его словам, "
        "интеграция будет продолжена, несмотря на возражения Брюсселя.\n",
        encoding="utf-8",
    )
    with Store.open(str(tmp_path / "store.db")) as store:
        ingest_paths([russian, SAMPLE / "feeds" / "wires.jsonl"], store)
        summary = annotate_store(store, nlp=nlp)
        assert dict(summary.unsupported) == {"ru": 1}
        assert summary.annotated == 3
        (ru_id,) = [d for d in store.document_ids() if store.get_document(d).meta.language == "ru"]
        assert store.read_facts("mention", doc_id=ru_id) == []
        assert ru_id not in store.annotation_versions()
        assert ru_id in {hit.doc_id for hit in store.search("Путин")}  # stored and searchable
