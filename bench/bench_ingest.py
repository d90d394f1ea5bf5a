"""Ingest throughput: documents per second on the AllSides corpus, against a floor.

The floor (baseline), measured in the same run on the same file: parse each JSON line and insert
its text into a plain SQLite table with an FTS5 index — the least any ingest must do. The ratio
says what dossier's reading, cleaning, metadata, near-duplicate detection and store cost on top.

    python bench/bench_ingest.py                      # ../shared/corpus/allsides
    python bench/bench_ingest.py --corpus FILE.jsonl --db postgresql://…
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from dossier.drivers.ingest import ingest_paths
from dossier.store import Store

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "allsides"
    / "allsides_eurasia.jsonl"
)


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
    """Run dossier's ingest into a fresh store; (documents read, seconds)."""
    store = Store.open(db)
    started = time.perf_counter()
    summary = ingest_paths([corpus], store)
    seconds = time.perf_counter() - started
    store.close()
    return summary.read, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--db", help="store for dossier (default: a fresh SQLite file)")
    args = parser.parse_args()
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
        f"baseline (json + sqlite FTS5 insert): {floor_rate:10.1f} docs/s  {floor_seconds:7.2f} s"
    )
    print(f"dossier ingest:                       {rate:10.1f} docs/s  {seconds:7.2f} s")
    print(f"ratio dossier/baseline: {rate / floor_rate:.4f} (baseline is {floor_rate / rate:.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
