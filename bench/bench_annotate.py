"""Annotation throughput: dossier's annotate driver against spaCy alone, on the same texts, in
the same run, with one process and with several.

Baselines, on the cleaned texts of the same documents:
- spaCy's English pipeline alone (without the lemmatizer, as dossier loads it), ``nlp.pipe`` in
  this process: CPU seconds per word, and words/s;
- the same with ``nlp.pipe(n_process=N)``: words/s.
dossier: ``annotate_store`` on a fresh SQLite store holding those documents (reading them,
running every component, writing every fact), with ``workers=1`` and ``workers=N``.

    python bench/bench_annotate.py                 # 200 AllSides articles from ../shared
    python bench/bench_annotate.py --limit 500 --workers 2 --corpus FILE.jsonl
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from dossier.drivers.annotate import annotate_store, default_workers
from dossier.drivers.ingest import ingest_paths
from dossier.nlp import DEFAULT_CONFIG, PipelineConfig, build_pipeline, load_pipeline
from dossier.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "allsides" / "allsides_eurasia.jsonl"


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _spacy_alone(texts: list[str], n_process: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) for spaCy alone over ``texts``."""
    nlp = build_pipeline(PipelineConfig(components=()))
    list(nlp.pipe(texts[:5]))  # warm up
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16, n_process=n_process):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def _dossier(store_file: Path, workers: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds incl. workers, facts stored) for ``annotate_store``."""
    cpu = _cpu_seconds()
    wall = time.perf_counter()
    with Store.open(str(store_file)) as store:
        summary = annotate_store(store, config=DEFAULT_CONFIG, workers=workers)
    wall = time.perf_counter() - wall
    facts = summary.mentions + summary.timexes + summary.sentences
    return wall, _cpu_seconds() - cpu, facts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--workers", type=int, default=max(default_workers(), 2))
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (is ../shared beside the repo?)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        subset = Path(folder) / "subset.jsonl"
        with args.corpus.open(encoding="utf-8") as lines, subset.open("w") as out:
            for number, line in enumerate(lines):
                if number >= args.limit:
                    break
                out.write(line)
        template = Path(folder) / "template.db"
        with Store.open(str(template)) as store:
            ingest_paths([subset], store)
            texts = [store.get_document(d).clean_text for d in store.document_ids()]
        words = sum(len(text.split()) for text in texts)
        print(f"corpus: {args.corpus} ({len(texts)} documents, {words} words)")

        load_pipeline(DEFAULT_CONFIG)  # loaded once, as for the baseline: not timed
        base_wall, base_cpu = _spacy_alone(texts, 1)
        print(
            f"spaCy alone, 1 process:    {words / base_wall:7.0f} words/s  "
            f"{1e6 * base_cpu / words:6.1f} CPU µs/word"
        )
        results = {}
        for workers in (1, args.workers):
            copy = Path(folder) / f"w{workers}.db"
            shutil.copy(template, copy)
            results[workers] = _dossier(copy, workers)
            wall, cpu, facts = results[workers]
            print(
                f"dossier annotate, {workers} worker{'s' if workers > 1 else ' '}: "
                f"{words / wall:7.0f} words/s  {1e6 * cpu / words:6.1f} CPU µs/word  "
                f"{facts} facts"
            )
        pool_wall, _ = _spacy_alone(texts, args.workers)
        print(f"spaCy alone, n_process={args.workers}: {words / pool_wall:7.0f} words/s")

        one_wall, one_cpu, _ = results[1]
        many_wall, _, _ = results[args.workers]
        print(f"CPU per word, dossier (1 worker) / spaCy alone: {one_cpu / base_cpu:.2f}")
        print(f"speed, dossier 1 worker / spaCy 1 process: {base_wall / one_wall:.2f}")
        print(
            f"speed, dossier {args.workers} workers / spaCy n_process={args.workers}: "
            f"{pool_wall / many_wall:.2f}"
        )
        print(f"speed-up, dossier {args.workers} workers / 1 worker: {one_wall / many_wall:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
