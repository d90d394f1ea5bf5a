"""The ingest driver end to end, on both stores: bad input is reported and loses nothing."""

from __future__ import annotations

import contextlib
import gzip
import json
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from dossier.drivers import ingest as driver
from dossier.drivers.annotate import annotate_store
from dossier.drivers.ingest import ingest_paths
from dossier.model import content_id
from dossier.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample" / "corpus"

WIRE = (
    " date 2014-05-29 ASTANA The presidents of Russia, Belarus and Kazakhstan signed the treaty "
    "on the Eurasian Economic Union in Astana on Thursday, creating a bloc of 170 million people "
    "that is to start work on January 1, 2015. Officials said the union would allow goods, "
    "services, capital and labour to move freely between the three countries, and that Armenia "
    "and Kyrgyzstan were expected to join later. Critics in Kyiv said the bloc was a political "
    "project of the Kremlin rather than an economic one.\n"
)


def _corpus(folder: Path) -> Path:
    """A small mixed batch: good text, JSONL with a broken line, binary, empty, cp1251."""
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    lines = [
        json.dumps(
            {
                "id": "a1",
                "date": "2015-08-12",
                "source": "Steppe Wire",
                "title": "Kyrgyz",
                "text": "Kyrgyzstan joined the Eurasian Economic Union on Wednesday, "
                "officials in Bishkek said, becoming its fifth member state.",
            }
        ),
        "{this is not json",
        json.dumps(
            {
                "id": "a2",
                "date": "2015-01-02",
                "source": "Caspian Ledger",
                "text": "Armenia became a member of the Eurasian Economic Union on Friday, "
                "a day after the union's treaty entered into force.",
            }
        ),
    ]
    (folder / "wires.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "russian.txt").write_bytes(
        "Президенты России, Белоруссии и Казахстана подписали декларацию о евразийской "
        "экономической интеграции.".encode("cp1251")
    )
    with gzip.open(folder / "copy.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(WIRE)  # the same article again, compressed: stored once
    return folder


def test_mixed_batch_stores_the_good_and_names_the_bad(store_url: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in")
    with Store.open(store_url) as store:
        summary = ingest_paths([folder], store)
        assert summary.read == 5  # wire, 2 JSONL records, russian, the gzipped copy
        assert summary.new == 4
        assert summary.duplicate == 1
        assert summary.failed == 3  # the broken JSON line, the binary file, the empty file
        reasons = "\n".join(str(f) for f in summary.failures)
        assert "wires.jsonl:2" in reasons or "wires.jsonl#L2" in reasons
        assert "image.txt" in reasons and "empty.txt" in reasons

        doc_id = content_id(WIRE)
        document = store.get_document(doc_id)
        assert document.meta.date == "2014-05-29"
        assert document.meta.dateline == "ASTANA"
        assert document.clean_text.startswith("ASTANA The presidents")
        assert "date 2014-05-29" not in document.clean_text
        sources = store.get_sources(doc_id)
        assert len(sources) == 2 and any(s.endswith("copy.txt.gz") for s in sources)

        russian = store.search("декларацию")
        assert len(russian) == 1  # the cp1251 text was decoded and indexed, on both databases
        assert len(store.document_ids()) == 4

        # A second run adds nothing and fails the same inputs again.
        again = ingest_paths([folder], store)
        assert again.new == 0
        assert again.duplicate == 5
        assert len(store.document_ids()) == 4


def test_every_cleaned_character_maps_back_to_the_original(store_url: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in")
    with Store.open(store_url) as store:
        ingest_paths([folder], store)
        for doc_id in store.document_ids():
            document = store.get_document(doc_id)
            clean, original = document.clean_text, document.original_text
            for index, char in enumerate(clean):
                assert original[document.cleaned.offsets.to_original(index)] == char


def test_interrupted_ingest_keeps_a_consistent_store_and_completes_on_rerun(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus(tmp_path / "in")
    real_build = driver.prepare_record
    calls = {"n": 0}

    def build_then_interrupt(record, **options):  # Ctrl-C arrives while the third is built
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_build(record, **options)

    monkeypatch.setattr(driver, "prepare_record", build_then_interrupt)
    with Store.open(store_url) as store:
        first = ingest_paths([folder], store, batch_size=1)
        assert first.interrupted
        assert len(store.document_ids()) == 2
        for doc_id in store.document_ids():
            assert store.get_document(doc_id).clean_text  # whole documents only

        monkeypatch.setattr(driver, "prepare_record", real_build)
        second = ingest_paths([folder], store)
        assert not second.interrupted
        assert second.new == 2
        assert len(store.document_ids()) == 4


def test_bundled_sample_ingests_cleanly_with_its_near_duplicate(
    store_url: str,
) -> None:
    if not SAMPLE.is_dir():
        pytest.fail("the bundled sample corpus is missing")
    with Store.open(store_url) as store:
        summary = ingest_paths([SAMPLE], store)
        assert summary.failed == 0, [str(f) for f in summary.failures]
        assert summary.new >= 12
        assert summary.near_duplicate >= 1
        groups = store.duplicate_groups()
        assert len(groups) >= 2
        per_story = Counter(copy.story_id for copy in groups)
        assert min(per_story.values()) >= 2


def test_undated_document_is_stored_undated_until_annotated(store_url: str, tmp_path: Path) -> None:
    # Ingest estimates no dates: the pipeline's date-estimate component does, at annotate, and
    # the stored note says so meanwhile, for a document with evidence and one without alike.
    folder = tmp_path / "undated"
    folder.mkdir()
    (folder / "returning.txt").write_text(
        "Congratulations poured in from the capitals of the Commonwealth on Monday. Now that "
        "Vladimir Putin is returning to the Kremlin, his plan of a Eurasian Union, first set out "
        "in an article in October 2011, looks set to gain new momentum, diplomats said.\n"
    )
    (folder / "timeless.txt").write_text(
        "Customs unions remove duties between their members and set one tariff towards the "
        "rest of the world, which is why economists treat them as a step towards a market.\n"
    )
    with Store.open(store_url) as store:
        summary = ingest_paths([folder], store)
        assert summary.new == 2
        for doc_id in store.document_ids():
            meta = store.get_document(doc_id).meta
            assert meta.date is None and meta.date_source is None
            assert "left undated rather than guessed" in meta.date_note
            assert meta.date_note.endswith("to be estimated from the content when annotated")
        assert store.stats().undated == 2

        # Annotate estimates what the content allows, and says so where it does not.
        annotate_store(store)
        by_text = {
            store.get_document(d).clean_text[:12]: store.get_document(d)
            for d in store.document_ids()
        }
        estimated = by_text["Congratulati"].meta
        assert estimated.date == "2012-03"
        assert estimated.date_is_estimated
        assert "is returning to the Kremlin" in estimated.date_note
        undated = by_text["Customs unio"].meta
        assert undated.date is None and not undated.date_is_estimated
        assert "no evidence" in undated.date_note


def test_ingest_does_not_load_the_date_estimate_or_spacy(tmp_path: Path) -> None:
    # Ingest is the cheap stage: an undated document must not pull the spaCy pipeline in.
    script = (
        "import sys\n"
        "from dossier.drivers.ingest import ingest_paths\n"
        "from dossier.store import Store\n"
        "with Store.open(sys.argv[2]) as store:\n"
        "    assert ingest_paths([sys.argv[1]], store).new == 1\n"
        "loaded = [m for m in ('spacy', 'dossier.extract.date_estimate') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    (tmp_path / "undated.txt").write_text(
        "Customs unions remove duties between their members and set one tariff towards the "
        "rest of the world, which is why economists treat them as a step towards a market.\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "undated.txt"), str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


REPORT = (
    "The presidents of Russia, Belarus and Kazakhstan signed a declaration on Eurasian economic "
    "integration in Moscow on Friday, setting up a permanent commission to run the customs union "
    "and the common economic space that is due to start on January 1. The commission will have "
    "its seat in Moscow and will take decisions by qualified majority, officials said, while "
    "disputes between the three states are to go to the court of the Eurasian Economic "
    "Community. Ministers said the aim was a full economic union by 2015.\n"
)


def test_a_copy_ingested_later_joins_the_stored_story(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Candidates come from the band index: the old way of loading every stored signature at
    # start must not be used.
    monkeypatch.setattr(Store, "load_signatures", None, raising=False)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "report.txt").write_text(REPORT)
    (first / "wire.txt").write_text(WIRE)
    (second / "repost.txt").write_text(
        "Republished with permission. " + REPORT.replace("on Friday", "on November 18")
    )
    with Store.open(store_url) as store:
        assert ingest_paths([first], store, batch_size=1).near_duplicate == 0
        outcomes: list[str] = []
        summary = ingest_paths([second], store, on_record=lambda _, o: outcomes.append(o))
        assert summary.new == 1 and summary.near_duplicate == 1
        assert outcomes == ["near-duplicate"]
        groups = store.duplicate_groups()
        assert groups[0].doc_id == content_id(REPORT)  # the first copy leads
        assert {copy.story_id for copy in groups} == {content_id(REPORT)}


def _ingest_at_once(store_url: str, folders: list[Path]) -> list[driver.IngestSummary]:
    """Ingest each folder in a thread of its own, on a store object of its own, at once."""
    summaries: list[driver.IngestSummary | BaseException] = [RuntimeError("not run")] * 2

    def run(index: int) -> None:
        try:
            with Store.open(store_url) as store:
                summaries[index] = ingest_paths([folders[index]], store)
        except BaseException as error:  # raised again in the test's own thread
            summaries[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for summary in summaries:
        if isinstance(summary, BaseException):
            raise summary
    return summaries  # type: ignore[return-value]


@pytest.fixture
def lockstep(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make two ingests read the stored near-duplicates at the same moment, if they can.

    Each story assignment, once it has read the store, waits (up to 3 s) for the other
    ingest's to have read it too. Two ingests that read outside their writing transaction both
    get there, and both read a store without the other's batch; two that take turns cannot,
    and the first goes on alone when the wait runs out.
    """
    barrier = threading.Barrier(2, timeout=3)
    assign = driver.assign_stories

    def assign_then_wait(*args, **options):
        assignments = assign(*args, **options)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return assignments

    monkeypatch.setattr(driver, "assign_stories", assign_then_wait)


@pytest.mark.usefixtures("lockstep")
def test_two_ingests_at_once_keep_the_near_duplicate_link(store_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "report.txt").write_text(REPORT)
    (second / "repost.txt").write_text(
        "Republished with permission. " + REPORT.replace("on Friday", "on November 18")
    )
    with Store.open(store_url):
        pass  # the schema exists before the two start
    summaries = _ingest_at_once(store_url, [first, second])
    assert sum(summary.new for summary in summaries) == 2
    assert sum(summary.near_duplicate for summary in summaries) == 1
    with Store.open(store_url) as store:
        assert store.stats().stories == 1
        assert {copy.doc_id for copy in store.duplicate_groups()} == {
            content_id(REPORT),
            content_id((second / "repost.txt").read_text()),
        }


@pytest.mark.usefixtures("lockstep")
def test_the_same_document_ingested_twice_at_once_is_new_once(
    store_url: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "report.txt").write_text(REPORT)
    (second / "report.txt").write_text(REPORT)
    with Store.open(store_url):
        pass
    summaries = _ingest_at_once(store_url, [first, second])
    assert sorted((s.new, s.duplicate) for s in summaries) == [(0, 1), (1, 0)]
    with Store.open(store_url) as store:
        assert store.stats().documents == 1
        assert sorted(store.get_sources(content_id(REPORT))) == sorted(
            str(folder / "report.txt") for folder in (first, second)
        )
