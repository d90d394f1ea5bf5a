"""Annotation throughput of this checkout against an earlier revision, on the same texts.

Issue 9 asks that the bigger KB and the new linking rules keep at least 0.9x the throughput of
the code before them; issue 7 that speed work keeps its gains. A ratio between two revisions
means something only when both are measured in the same run under the same load, so this script
exports the revision's ``src/`` with ``git archive``, and runs the same child measurement under
each source tree in turn, in fresh processes, alternating, ``--rounds`` times:

    ingest the first ``--limit`` AllSides articles into a fresh SQLite store (not timed),
    load the pipeline (not timed), then annotate the store with one worker (timed: wall and CPU).

The figure is words per CPU second; the best round of each counts (other processes only ever
slow a run down). Facts stored are printed too: a change in them means the two revisions do not
do the same work, which the ratio must be read with.

    python bench/bench_revision.py e652dba              # 80 articles, 3 rounds
    python bench/bench_revision.py HEAD~5 --limit 200 --rounds 2
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "allsides" / "allsides_eurasia.jsonl"


def export_source(revision: str, folder: Path) -> Path:
    """``src/`` of ``revision`` unpacked under ``folder``; the path of that ``src``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "src"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def child(corpus: Path, limit: int, scratch: Path) -> None:
    """Measure annotate with whatever ``dossier`` is on the path; print one JSON line."""
    import resource

    from dossier.drivers.annotate import annotate_store
    from dossier.drivers.ingest import ingest_paths
    from dossier.nlp import DEFAULT_CONFIG, load_pipeline
    from dossier.store import Store

    subset = scratch / "subset.jsonl"
    with corpus.open(encoding="utf-8") as lines, subset.open("w", encoding="utf-8") as out:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            out.write(line)
    store_file = scratch / "store.db"
    with Store.open(str(store_file)) as store:
        ingest_paths([subset], store)
        words = sum(
            len(store.get_document(doc_id).clean_text.split()) for doc_id in store.document_ids()
        )
    load_pipeline(DEFAULT_CONFIG)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    wall = time.perf_counter()
    with Store.open(str(store_file)) as store:
        summary = annotate_store(store, config=DEFAULT_CONFIG, workers=1)
    wall = time.perf_counter() - wall
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu
    facts = {"mentions": summary.mentions, "timexes": summary.timexes}
    print(json.dumps({"words": words, "wall": wall, "cpu": cpu, "facts": facts}))


def measure(source: Path, corpus: Path, limit: int) -> dict:
    """Run the child measurement in a fresh process with ``source`` as the package's source."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, PYTHONPATH=str(source))
        result = subprocess.run(
            [sys.executable, __file__, "--child", scratch, "--corpus", str(corpus)]
            + ["--limit", str(limit)],
            capture_output=True,
            text=True,
            env=env,
            cwd=scratch,
        )
    if result.returncode != 0:
        raise SystemExit(f"measurement under {source} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", help="the git revision to compare with (e652dba)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=80, help="articles annotated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.corpus, args.limit, args.child)
        return 0
    if not args.revision:
        parser.error("name the revision to compare with")
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (is ../shared beside the repo?)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        trees = {args.revision: export_source(args.revision, Path(folder)), "this": ROOT / "src"}
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for number in range(1, args.rounds + 1):
            for name, source in trees.items():
                run = measure(source, args.corpus, args.limit)
                runs[name].append(run)
                print(
                    f"round {number} {name:>10}: {run['words'] / run['cpu']:7.0f} words per CPU s,"
                    f" {run['words'] / run['wall']:7.0f} words/s wall, facts {run['facts']}",
                    flush=True,
                )
    best = {name: min(run["cpu"] for run in values) for name, values in runs.items()}
    words = runs["this"][0]["words"]
    print(f"corpus: {args.corpus} ({args.limit} articles, {words} words)")
    for name, cpu in best.items():
        print(f"  {name:>10}: {words / cpu:7.0f} words per CPU second (best of {args.rounds})")
    print(f"throughput this / {args.revision}: {best[args.revision] / best['this']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
