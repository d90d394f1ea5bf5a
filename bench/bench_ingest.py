"""Ingest throughput on the AllSides corpus against a floor, and ingest into a large store.

The floor (baseline), measured in the same run on the same file: parse each JSON line and insert
its text into a plain SQLite table with an FTS5 index — the least any ingest must do. The ratio
says what dossier's reading, cleaning, metadata, near-duplicate detection and store cost on top.

Then the same corpus is ingested into an empty store and into a store already holding
``--stored`` (50,000) synthetic distinct documents, each in a fresh process, and the two are
compared: near-duplicate detection must not make ingest slower or bigger as the store grows
(the time per document and the peak resident memory should stay the same, ratio about 1). The
floor is measured the same way, so that what SQLite itself pays for a bigger file is seen apart.

    python bench/bench_ingest.py                      # ../shared/corpus/allsides
    python bench/bench_ingest.py --corpus FILE.jsonl --db postgresql://…
    python bench/bench_ingest.py --stored 0           # throughput only
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from baselines import ALLSIDES
from dossier import settings
from dossier.drivers.ingest import ingest_paths
from dossier.ingest.near_duplicates import signature, signature_to_bytes
from dossier.model import Document, DocumentMeta, content_id
from dossier.store import Store

DEFAULT_CORPUS = ALLSIDES

#: Documents stored before the large-store run, and per transaction while storing them.
DEFAULT_STORED = 50_000
SYNTHETIC_BATCH = 2_000
#: Words per synthetic document, drawn from a vocabulary big enough to make every one distinct.
SYNTHETIC_WORDS = 80
SYNTHETIC_VOCABULARY = 20_000


def baseline_floor(corpus: Path, db_path: Path) -> tuple[int, float]:
    """Parse every line and store its text with a full-text index; (documents, seconds)."""
    started = time.perf_counter()
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(doc_id, title, text)")
    count = 0
    with corpus.open(encoding="utf-8") as lines, connection:
        rows = []
        for line in lines:
            record = json.loads(line)
            rows.append((record.get("id"), record.get("title"), record.get("text")))
            count += 1
        connection.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    connection.close()
    return count, time.perf_counter() - started


def dossier_ingest(corpus: Path, db: str) -> tuple[int, float]:
    """Run dossier's ingest into the store ``db``; (documents read, seconds)."""
    store = Store.open(db)
    started = time.perf_counter()
    summary = ingest_paths([corpus], store)
    seconds = time.perf_counter() - started
    store.close()
    return summary.read, seconds


def synthetic_texts(count: int, seed: int = 7) -> Iterator[tuple[int, str]]:
    """``count`` distinct synthetic document texts, numbered: the same for dossier and floor."""
    rng = random.Random(seed)
    vocabulary = [f"w{index:05d}" for index in range(SYNTHETIC_VOCABULARY)]
    for number in range(count):
        words = rng.choices(vocabulary, k=SYNTHETIC_WORDS)
        yield number, f"Synthetic report {number}. " + " ".join(words) + "."


def fill_store(db: str, count: int) -> float:
    """Store ``count`` distinct synthetic documents with their signatures; seconds taken.

    They go through the store API in large batches, as ingest would write them, so the band
    index and the signatures are those of real documents of that length.
    """
    started = time.perf_counter()
    store = Store.open(db)
    batch = []
    for number, text in synthetic_texts(count):
        document = Document.from_plain_text(
            text,
            f"synthetic/{number}.txt",
            DocumentMeta(title=f"Synthetic {number}", date="2020-01-01", language="en"),
        )
        batch.append((document, signature_to_bytes(signature(text))))
        if len(batch) == SYNTHETIC_BATCH:
            store.add_documents(batch)
            batch = []
    if batch:
        store.add_documents(batch)
    # Ingest merges the pending band rows as they pass their threshold; a store built by ingest
    # holds at most that many. Written here in bulk, all of them would still be pending, and the
    # timed ingest would pay for merging the whole fill.
    store.merge_bands(force=True)
    store.close()
    return time.perf_counter() - started


def _floor_connection(db_path: Path) -> sqlite3.Connection:
    """The floor's store: texts keyed by content hash, with a full-text index, in WAL mode."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS docs (doc_id TEXT PRIMARY KEY, title TEXT, text TEXT)"
    )
    connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(title, text)")
    return connection


def _floor_write(connection: sqlite3.Connection, rows: list[tuple[str, str, str]]) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("INSERT OR IGNORE INTO docs VALUES (?, ?, ?)", rows)
    connection.executemany(
        "INSERT INTO docs_fts VALUES (?, ?)", [(title, text) for _, title, text in rows]
    )
    connection.execute("COMMIT")


def fill_floor(db_path: Path, count: int) -> None:
    """The floor's store holding the same ``count`` synthetic documents as ``fill_store``."""
    connection = _floor_connection(db_path)
    rows = [
        (content_id(text), f"Synthetic {number}", text) for number, text in synthetic_texts(count)
    ]
    for start in range(0, len(rows), SYNTHETIC_BATCH):
        _floor_write(connection, rows[start : start + SYNTHETIC_BATCH])
    connection.close()


def floor_ingest(corpus: Path, db_path: Path) -> tuple[int, float]:
    """The floor as a store would take it: content-hash keys, dossier's batch size, one
    transaction a batch; (documents, seconds)."""
    started = time.perf_counter()
    connection = _floor_connection(db_path)
    count = 0
    rows: list[tuple[str, str, str]] = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record.get("text") or ""
            rows.append((content_id(text), record.get("title") or "", text))
            count += 1
            if len(rows) == settings.INGEST_BATCH_SIZE:
                _floor_write(connection, rows)
                rows = []
    if rows:
        _floor_write(connection, rows)
    connection.close()
    return count, time.perf_counter() - started


def measure_in_fresh_process(corpus: Path, db: str, floor: bool = False) -> dict[str, float]:
    """Ingest ``corpus`` into ``db`` in a new process: documents, wall and CPU seconds, peak RSS.

    floor: store it as the floor does (``db`` is then a plain SQLite file path)."""
    child = "--child-floor" if floor else "--child-ingest"
    result = subprocess.run(
        [sys.executable, __file__, child, db, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def child_ingest(corpus: Path, db: str, floor: bool = False) -> None:
    cpu_started = time.process_time()
    docs, seconds = floor_ingest(corpus, Path(db)) if floor else dossier_ingest(corpus, db)
    cpu = time.process_time() - cpu_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"docs": docs, "seconds": seconds, "cpu": cpu, "peak_mib": peak_kib / 1024}))


def _fresh_copy(template: Path, copy: Path) -> Path:
    shutil.copyfile(template, copy)
    with copy.open("rb+") as handle:
        # On disk before the run starts: its first checkpoint must not pay for the copy.
        os.fsync(handle.fileno())
    return copy


def compare_store_sizes(corpus: Path, scratch: Path, stored: int, repeats: int) -> None:
    """Ingest ``corpus`` into an empty store and into one of ``stored`` documents; print both.

    The floor does the same, into an empty file and into one holding the same ``stored``
    documents: what any store keyed by content hash with a full-text index pays as it grows
    (B-trees deeper, random-key pages outside the cache) is in its ratio too, so dossier's
    ratio reads against it. All four alternate, ``repeats`` times each, every run into a fresh
    copy; the fastest run of each counts, as other processes only ever make a run slower.
    """
    template, floor_template = scratch / "large-template.db", scratch / "floor-template.db"
    fill_seconds = fill_store(str(template), stored)
    fill_floor(floor_template, stored)
    print(f"filled a store with {stored} synthetic documents in {fill_seconds:.1f} s")
    runs: dict[str, list[dict[str, float]]] = {
        name: [] for name in ("empty", "large", "floor empty", "floor large")
    }
    for repeat in range(repeats):
        targets = {
            "empty": (scratch / f"empty-{repeat}.db", False),
            "large": (_fresh_copy(template, scratch / f"large-{repeat}.db"), False),
            "floor empty": (scratch / f"floor-empty-{repeat}.db", True),
            "floor large": (_fresh_copy(floor_template, scratch / f"fl-{repeat}.db"), True),
        }
        for name, (path, floor) in targets.items():
            runs[name].append(measure_in_fresh_process(corpus, str(path), floor=floor))
            for leftover in path.parent.glob(path.name + "*"):
                leftover.unlink()
    best = {}
    for name in runs:
        docs = runs[name][0]["docs"]
        best[name] = {
            "wall": min(run["seconds"] for run in runs[name]) / docs,
            "cpu": min(run["cpu"] for run in runs[name]) / docs,
            "peak": max(run["peak_mib"] for run in runs[name]),
        }
        label = name.replace("large", f"store of {stored}").replace("empty", "empty store")
        print(
            f"{label:<22} {1000 * best[name]['wall']:6.2f} ms/doc wall"
            f" ({1 / best[name]['wall']:6.1f} docs/s)  {1000 * best[name]['cpu']:6.2f} ms/doc CPU"
            f"  peak RSS {best[name]['peak']:6.1f} MiB"
        )
    for prefix, label in (("", "dossier"), ("floor ", "floor  ")):
        large, empty = best[prefix + "large"], best[prefix + "empty"]
        ratios = {key: large[key] / empty[key] for key in ("wall", "cpu", "peak")}
        print(
            f"{label} ratio large/empty: time per document {ratios['wall']:.3f} wall,"
            f" {ratios['cpu']:.3f} CPU; peak RSS {ratios['peak']:.3f}  (best of {repeats})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--db", help="store for dossier (default: a fresh SQLite file)")
    parser.add_argument(
        "--stored",
        type=int,
        default=DEFAULT_STORED,
        help="documents in the large store (0 skips the comparison)",
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per store size")
    parser.add_argument("--child-ingest", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--child-floor", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_ingest or args.child_floor:
        child_ingest(
            args.corpus, args.child_ingest or args.child_floor, floor=bool(args.child_floor)
        )
        return 0
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (is ../shared beside the repo?)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        floor_docs, floor_seconds = baseline_floor(args.corpus, Path(scratch) / "floor.db")
        db = args.db or str(Path(scratch) / "dossier.db")
        docs, seconds = dossier_ingest(args.corpus, db)
        floor_rate = floor_docs / floor_seconds
        rate = docs / seconds
        print(f"corpus: {args.corpus} ({docs} documents)")
        print(
            f"baseline (json + sqlite FTS5 insert): {floor_rate:10.1f} docs/s"
            f"  {floor_seconds:7.2f} s"
        )
        print(f"dossier ingest:                       {rate:10.1f} docs/s  {seconds:7.2f} s")
        print(
            f"ratio dossier/baseline: {rate / floor_rate:.4f}"
            f" (baseline is {floor_rate / rate:.0f}x)"
        )
        if args.stored > 0:
            compare_store_sizes(args.corpus, Path(scratch), args.stored, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
