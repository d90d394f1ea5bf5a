"""The annotation stage on both stores: mentions stored with provenance, resumable, re-runnable."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.drivers.ingest import ingest_paths
from dossier.extract import annotate
from dossier.extract.annotate import STAGE, annotate_store, stage_version
from dossier.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "sample" / "corpus"


@pytest.fixture(scope="module")
def nlp():
    from dossier.nlp import load_pipeline

    return load_pipeline()


def test_mentions_are_stored_with_offsets_into_both_texts(store_url: str, nlp) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE], store)
        summary = annotate_store(store, nlp=nlp)
        assert summary.annotated == 14 and summary.skipped == 0
        assert summary.mentions > 200 and summary.linked > summary.mentions / 2

        frame = store.mentions()
        assert len(frame) == summary.mentions
        for row in frame.itertuples():
            document = store.get_document(row.doc_id)
            assert document.clean_text[row.start : row.end] == row.text
            original = document.original_text[row.original_start : row.original_end]
            # A mention never spans removed boilerplate, so both texts read the same.
            assert original == row.text

        # Roles are resolved at each document's own date.
        roles = {(r.actor, r.role) for r in frame.itertuples() if r.role}
        assert ("Dmitry Medvedev", "President of Russia") in roles
        assert ("Vladimir Putin", "President of Russia") in roles
        assert ("Vladimir Putin", "Prime Minister of Russia") in roles

        putin = store.mention_counts("person:vladimir-putin")
        assert putin.mentions.sum() >= 5


def test_annotate_skips_what_is_done_and_redoes_with_force(store_url: str, nlp) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "feeds"], store)
        first = annotate_store(store, nlp=nlp)
        assert first.annotated == 5
        again = annotate_store(store, nlp=nlp)
        assert again.annotated == 0 and again.skipped == 5
        stored = len(store.mentions())
        forced = annotate_store(store, nlp=nlp, force=True)
        assert forced.annotated == 5
        assert len(store.mentions()) == stored  # replaced, not added twice
        assert len(store.annotated_ids(STAGE, stage_version())) == 5


def test_interrupted_annotation_resumes(
    store_url: str, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "text"], store)
        real = annotate.mentions_with_provenance
        calls = {"n": 0}

        def interrupt_on_third(document, doc):
            calls["n"] += 1
            if calls["n"] == 3:
                raise KeyboardInterrupt
            return real(document, doc)

        monkeypatch.setattr(annotate, "mentions_with_provenance", interrupt_on_third)
        first = annotate_store(store, nlp=nlp)
        assert first.interrupted and first.annotated == 2
        monkeypatch.setattr(annotate, "mentions_with_provenance", real)
        second = annotate_store(store, nlp=nlp)
        assert second.annotated == 5 and second.skipped == 2


def test_kb_fingerprint_is_part_of_the_version() -> None:
    version = stage_version()
    logic, fingerprint = version.split("-")
    assert logic == annotate.STAGE_LOGIC_VERSION
    assert len(fingerprint) == 8


def test_timexes_and_sentence_times_are_stored(store_url: str, nlp) -> None:
    with Store.open(store_url) as store:
        ingest_paths([SAMPLE / "feeds" / "wires.jsonl"], store)
        annotate_store(store, nlp=nlp)
        frame = store.list_documents(None, None, None, None, None, None, 0)
        declaration = frame[frame.pub_date == "2011-11-18"].doc_id.iloc[0]
        document = store.get_document(declaration)
        timexes = store.timexes(declaration)
        assert len(timexes) >= 3
        for row in timexes.itertuples():
            assert document.clean_text[row.start : row.end] == row.text
            assert document.original_text[row.original_start : row.original_end] == row.text
        # Relative expressions are anchored on the document's own date, not today's.
        values = dict(zip(timexes.text, timexes.value, strict=True))
        assert values["Friday"] == "2011-11-18"
        assert values["last month"] == "2011-10"
        assert values["Jan. 1"] == "2012-01-01"
        times = store.sentence_times(declaration)
        assert len(times) >= 3
        assert times.reference_time.notna().all()
        assert times.reference_time.iloc[0].startswith("2011")


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
        summary = annotate_store(store, nlp=nlp)
        broken = [
            d
            for d in store.list_documents(None, None, None, None, None, None, 0).doc_id
            if "Palace of Independence" in store.get_document(d).clean_text
        ]
        assert broken and len(summary.failures) == len(broken)
        assert all("component broke" in f for f in summary.failures)
        assert summary.annotated == 7 - len(broken)
        assert not set(broken) & store.annotated_ids(STAGE, stage_version())
