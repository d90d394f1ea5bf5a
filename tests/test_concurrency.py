"""Processes sharing one store: two ingests and an annotate at once lose nothing.

Each run starts real processes on one store (a SQLite file, then a PostgreSQL database) and
compares the result with the same input stored serially: the same documents, the same
near-duplicate groups, the same facts for what was annotated, and no process failing on a busy
database. The input is generated: stories of ordinary English words, each told twice, the
original in one file and its copy at the same line of the other, so that the two ingests reach
the two copies of a story at about the same moment, batch after batch.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.drivers.annotate import annotate_store
from dossier.drivers.ingest import ingest_paths
from dossier.store import Store

SRC = Path(__file__).resolve().parents[1] / "src"

STORIES = 48  # each told twice: once in each of the two files
SEEDS = 12  # documents stored before the processes start, for annotate to work on
BATCH = 4  # documents per ingest transaction: many turns per run

_VOCABULARY = (
    "the minister said government would meet officials from three countries next week to "
    "discuss trade customs border energy prices gas oil pipeline union treaty parliament vote "
    "president agreement economic talks capital region security council army troops police "
    "court ruling law election campaign party leader opposition protest city residents market "
    "bank currency inflation budget tax reform plan report agency company workers factory "
    "railway port river winter summer spring autumn morning evening analysts expected figures "
    "showed growth fell rose sharply slowly again before after during while because although "
    "new old large small first last public private national local foreign domestic"
)
_WORDS = _VOCABULARY.split()


def _story(rng: random.Random, number: int) -> str:
    sentences = []
    for _ in range(8):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 16))]
        sentences.append(" ".join(words).capitalize() + ".")
    return f"Report {number}. " + " ".join(sentences)


def _copy(text: str) -> str:
    """A syndicated copy: a credit line and a few words changed, far above the threshold."""
    words = text.split(" ")
    for position in (11, 37, 63):
        words[position] = "reportedly"
    return "Republished with permission. " + " ".join(words)


def _record(number: int, text: str) -> str:
    return json.dumps(
        {"id": f"r{number}", "date": "2015-01-02", "source": "Steppe Wire", "text": text}
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """seeds.jsonl, and originals.jsonl / copies.jsonl whose line i tell the same story."""
    folder = tmp_path_factory.mktemp("concurrency")
    rng = random.Random(20141118)
    seeds = [_story(rng, number) for number in range(SEEDS)]
    originals = [_story(rng, SEEDS + number) for number in range(STORIES)]
    files = {
        "seeds": [_record(n, text) for n, text in enumerate(seeds)],
        "originals": [_record(100 + n, text) for n, text in enumerate(originals)],
        "copies": [_record(200 + n, _copy(text)) for n, text in enumerate(originals)],
    }
    paths = {}
    for name, lines in files.items():
        paths[name] = folder / f"{name}.jsonl"
        paths[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def _groups(store: Store) -> set[frozenset[str]]:
    """The near-duplicate groups as sets of document ids (which copy leads depends on order)."""
    groups: dict[str, set[str]] = {}
    for copy in store.duplicate_groups():
        groups.setdefault(copy.story_id, set()).add(copy.doc_id)
    return {frozenset(group) for group in groups.values()}


def _facts(store: Store, doc_id: str) -> dict[str, list[object]]:
    return {kind: store.read_facts(kind, doc_id) for kind in ("mention", "timex", "sentence")}


@pytest.fixture(scope="module")
def serial(corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The same input stored one run after another, the seeds annotated: what to compare with."""
    path = tmp_path_factory.mktemp("serial") / "serial.db"
    with Store.open(str(path)) as store:
        ingest_paths([corpus["seeds"]], store)
        annotate_store(store, workers=1)
        ingest_paths([corpus["originals"]], store, batch_size=BATCH)
        ingest_paths([corpus["copies"]], store, batch_size=BATCH)
        yield store


# Opens the store (and builds the pipeline), says it is ready, and starts when told to: the
# processes then start work within milliseconds of each other, not an interpreter start apart.
_WORKER = """
import json, sys, time
from pathlib import Path
from dossier.store import Store
url, ready, go, task, *rest = sys.argv[1:]
if task == "annotate":
    from dossier.drivers.annotate import annotate_store
    from dossier.nlp import load_pipeline
    nlp = load_pipeline()
else:
    from dossier.drivers.ingest import ingest_paths
with Store.open(url) as store:
    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.002)
    if task == "annotate":
        summary = annotate_store(store, workers=1, nlp=nlp)
        print(json.dumps({"annotated": summary.annotated, "failures": summary.failures}))
    else:
        summary = ingest_paths([rest[0]], store, batch_size=int(rest[1]))
        print(json.dumps(summary.counts()))
"""


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(SRC), *filter(None, [environment.get("PYTHONPATH")])]
    )
    return environment


def _start_together(url: str, tasks: list[list[str]], signals: Path) -> list[subprocess.Popen[str]]:
    """One process per task (``["ingest", path, batch]`` or ``["annotate"]``) on ``url``, let go
    at once when every one has opened the store."""
    signals.mkdir(exist_ok=True)
    go = signals / "go"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, url, str(signals / str(n)), str(go), *task],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
        )
        for n, task in enumerate(tasks)
    ]
    deadline = time.monotonic() + 120
    while not all((signals / str(n)).exists() for n in range(len(tasks))):
        if any(process.poll() is not None for process in processes) or time.monotonic() > deadline:
            break  # one failed to start: _finish says why
        time.sleep(0.01)
    go.touch()
    return processes


def _ingest(path: Path) -> list[str]:
    return ["ingest", str(path), str(BATCH)]


def _finish(process: subprocess.Popen[str], what: str) -> str:
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"{what} did not finish in 120 s:\n{err[-2000:]}")
    assert "locked" not in (out + err).lower(), f"{what} met a locked database:\n{err[-2000:]}"
    assert process.returncode == 0, f"{what} failed ({process.returncode}):\n{err[-2000:]}"
    return out


def test_two_ingests_and_an_annotate_at_once_equal_a_serial_run(
    store_url: str, corpus: dict[str, Path], serial: Store, tmp_path: Path
) -> None:
    with Store.open(store_url) as store:
        ingest_paths([corpus["seeds"]], store)
    tasks = [_ingest(corpus["originals"]), _ingest(corpus["copies"]), ["annotate"]]
    *ingests, annotate = _start_together(store_url, tasks, tmp_path / "signals")
    counts = [json.loads(_finish(process, "ingest")) for process in ingests]
    annotated = json.loads(_finish(annotate, "annotate"))
    assert annotated["failures"] == [] and annotated["annotated"] >= SEEDS

    with Store.open(store_url) as store:
        assert set(store.document_ids()) == set(serial.document_ids())
        # Every story's two copies are one group, whichever process stored its copy first.
        assert len(_groups(serial)) == STORIES
        assert _groups(store) == _groups(serial)
        stats = store.stats()
        assert (stats.documents, stats.stories) == (SEEDS + 2 * STORIES, SEEDS + STORIES)
        assert sum(c["new"] for c in counts) == 2 * STORIES
        assert sum(c["near_duplicate"] for c in counts) == STORIES
        # Annotate worked on the seeds at least while the ingests stored: its facts are
        # the serial run's, document for document.
        marks = store.annotation_versions()
        for doc_id in serial.annotation_versions():
            assert marks[doc_id] == serial.annotation_versions([doc_id])[doc_id]
            assert _facts(store, doc_id) == _facts(serial, doc_id)


def test_the_same_file_ingested_twice_at_once_counts_each_document_once(
    store_url: str, corpus: dict[str, Path], tmp_path: Path
) -> None:
    # Both start on a store that does not exist yet: creating it is raced too.
    tasks = [_ingest(corpus["originals"])] * 2
    ingests = _start_together(store_url, tasks, tmp_path / "signals")
    counts = [json.loads(_finish(process, "ingest")) for process in ingests]
    with Store.open(store_url) as store:
        stored = store.stats().documents
    assert stored == STORIES
    assert sum(c["new"] for c in counts) == stored
    assert sum(c["duplicate"] for c in counts) == stored
    assert all(c["read"] == STORIES for c in counts)
