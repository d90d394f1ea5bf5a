"""Ingest throughput on the AllSides corpus against a floor, and ingest into a large store.

The floor (baseline), measured in the same run on the same file: parse each JSON line and insert
its text into a plain SQLite table with an FTS5 index — the least any ingest must do. The ratio
says what dossier's reading, cleaning, metadata, near-duplicate detection and store cost on top.

Then the same corpus is ingested into an empty store and into a store already holding
``--stored`` (50,000) synthetic distinct documents, each in a fresh process, and the two are
compared: near-duplicate detection must not make ingest slower or bigger as the store grows
(the time per document and the peak resident memory should stay the same, ratio about 1).

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
from pathlib import Path

from dossier.drivers.ingest import ingest_paths
from dossier.ingest.near_duplicates import signature, signature_to_bytes
from dossier.model import CleanedText, Document, DocumentMeta, OffsetMap, content_id
from dossier.store import Store

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "allsides"
    / "allsides_eurasia.jsonl"
)

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


def fill_store(db: str, count: int, seed: int = 7) -> float:
    """Store ``count`` distinct synthetic documents with their signatures; seconds taken.

    They go through the store API in large batches, as ingest would write them, so the band
    index and the signatures are those of real documents of that length.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    vocabulary = [f"w{index:05d}" for index in range(SYNTHETIC_VOCABULARY)]
    store = Store.open(db)
    for start in range(0, count, SYNTHETIC_BATCH):
        batch = []
        for number in range(start, min(count, start + SYNTHETIC_BATCH)):
            words = rng.choices(vocabulary, k=SYNTHETIC_WORDS)
            text = f"Synthetic report {number}. " + " ".join(words) + "."
            document = Document(
                doc_id=content_id(text),
                source_path=f"synthetic/{number}.txt",
                format="text",
                original_text=text,
                cleaned=CleanedText(text, OffsetMap.identity(len(text))),
                meta=DocumentMeta(title=f"Synthetic {number}", date="2020-01-01", language="en"),
            )
            batch.append((document, signature_to_bytes(signature(text))))
        store.add_documents(batch)
    store.close()
    return time.perf_counter() - started


def measure_in_fresh_process(corpus: Path, db: str) -> dict[str, float]:
    """Ingest ``corpus`` into ``db`` in a new process: documents, wall and CPU seconds, peak RSS."""
    result = subprocess.run(
        [sys.executable, __file__, "--child-ingest", db, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def child_ingest(corpus: Path, db: str) -> None:
    cpu_started = time.process_time()
    docs, seconds = dossier_ingest(corpus, db)
    cpu = time.process_time() - cpu_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"docs": docs, "seconds": seconds, "cpu": cpu, "peak_mib": peak_kib / 1024}))


def compare_store_sizes(corpus: Path, scratch: Path, stored: int, repeats: int) -> None:
    """Ingest ``corpus`` into an empty store and into one of ``stored`` documents; print both.

    The two alternate, ``repeats`` times each, every run into a fresh copy; the fastest run of
    each counts, as other processes on the machine only ever make a run slower.
    """
    template = scratch / "large-template.db"
    fill_seconds = fill_store(str(template), stored)
    print(f"filled a store with {stored} synthetic documents in {fill_seconds:.1f} s")
    runs: dict[str, list[dict[str, float]]] = {"empty": [], "large": []}
    for repeat in range(repeats):
        empty, large = scratch / f"empty-{repeat}.db", scratch / f"large-{repeat}.db"
        shutil.copyfile(template, large)
        with large.open("rb+") as copy:
            # On disk before the run starts: its first checkpoint must not pay for the copy.
            os.fsync(copy.fileno())
        runs["empty"].append(measure_in_fresh_process(corpus, str(empty)))
        runs["large"].append(measure_in_fresh_process(corpus, str(large)))
        for path in (empty, large):
            path.unlink()
    best = {}
    for name, label in (("empty", "empty store"), ("large", f"store of {stored}")):
        docs = runs[name][0]["docs"]
        best[name] = {
            "wall": min(run["seconds"] for run in runs[name]) / docs,
            "cpu": min(run["cpu"] for run in runs[name]) / docs,
            "peak": max(run["peak_mib"] for run in runs[name]),
        }
        print(
            f"ingest into {label:<16} {1000 * best[name]['wall']:6.2f} ms/doc wall"
            f" ({1 / best[name]['wall']:5.1f} docs/s)  {1000 * best[name]['cpu']:6.2f} ms/doc CPU"
            f"  peak RSS {best[name]['peak']:6.1f} MiB"
        )
    ratios = {key: best["large"][key] / best["empty"][key] for key in ("wall", "cpu", "peak")}
    print(
        f"ratio large/empty: time per document {ratios['wall']:.3f} wall, {ratios['cpu']:.3f} CPU;"
        f" peak RSS {ratios['peak']:.3f}  (best of {repeats})"
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
    args = parser.parse_args()
    if args.child_ingest:
        child_ingest(args.corpus, args.child_ingest)
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
