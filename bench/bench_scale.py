"""Scaling: annotate on 1 and 2 workers with the multiprocess runner and with Dask, each beside
spaCy's own ``nlp.pipe`` with the same process count on the same texts; then peak memory of
ingest and annotate on the corpus and on ten times it (issue 14).

Throughput, on the cleaned texts of the first ``--limit`` documents of ``--corpus``:
- spaCy alone (its English pipeline without the lemmatizer, as dossier loads it, its attribute
  ruler matched by spaCy's own Matcher), ``nlp.pipe(n_process=1)`` and ``n_process=2``: its
  pool's start is inside the timing, as a user of ``n_process`` pays it (forked workers: a
  fraction of a second);
- dossier's multiprocess runner (``annotate_store(workers=N)``, the default engine), N = 1, 2,
  on a fresh copy of a store holding those documents: reading, every component, every write,
  the statements grouping and the event merging;
- the same through the Dask engine on a ``LocalCluster`` of N single-threaded processes. The
  cluster's start and each worker's pipeline build (``start_pipelines``) are timed apart as
  start-up, not in the throughput: a long run pays them once.
Printed: documents/s and words/s of each, each dossier figure over spaCy's with the same
process count (ratio), and the Dask scaling efficiency 1 -> 2 workers, throughput(2) / (2 x
throughput(1)). Wall-clock figures: on a loaded machine they say little; run it quietly.

Memory, each run in a fresh process (its peak resident set, Linux's ``VmHWM``):
- ingest of the corpus, and of ten versions of it (the corpus, then nine copies whose
  lower-case words are altered, so they are new, distinct documents) into an empty store;
- annotate (one worker, the pipeline in that process) of the first ``--memory-limit``
  documents, of ten versions of them (the same lengths, ten times the corpus) and of ten times
  as many documents.
A ratio near 1 means memory does not grow with the corpus or the store. Annotate's peak comes
from its largest batch of documents through the pipeline (a long article can add a few hundred
MiB for a moment), so a small first run that meets no long article understates it; the
resident set at the end is printed beside the peak.

    python bench/bench_scale.py                      # defaults: about 5 minutes, quiet 2 cores
    python bench/bench_scale.py --limit 20 --memory-limit 5 --copies 2   # a quick check
    python bench/bench_scale.py --skip-memory        # throughput only
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from baselines import ALLSIDES, cpu_seconds, spacy_alone

DEFAULT_CORPUS = ALLSIDES
#: Lower-case words of four letters or more: the ones a perturbed copy alters.
_WORD = re.compile(r"\b[a-z]{4,}\b")


# -- inputs ----------------------------------------------------------------------------------


def _head(corpus: Path, limit: int, out: Path) -> Path:
    """The first ``limit`` lines of ``corpus`` in ``out``."""
    with corpus.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as written:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            written.write(line)
    return out


def _copies(corpus: Path, copies: int, out: Path) -> Path:
    """``corpus`` then ``copies - 1`` versions of it whose lower-case words carry a letter
    more: new content ids, and few shingles in common, so new distinct documents."""
    with out.open("w", encoding="utf-8") as written:
        for copy in range(copies):
            mark = "" if copy == 0 else "abcdefghijklmnopqrstuvwxyz"[copy % 26] * (1 + copy // 26)
            with corpus.open(encoding="utf-8") as lines:
                for line in lines:
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    if mark:
                        record["text"] = _WORD.sub(rf"\g<0>{mark}", record["text"])
                        record["id"] = f"{record.get('id', '')}-{copy}"
                    written.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


# -- throughput ------------------------------------------------------------------------------


def _multiprocess(template: Path, folder: Path, workers: int) -> tuple[float, float, int]:
    """(wall, CPU seconds, documents annotated) for the default engine with ``workers``."""
    from dossier.drivers.annotate import annotate_store
    from dossier.store import Store

    copy = shutil.copy(template, folder / f"mp{workers}.db")
    started, cpu = time.perf_counter(), cpu_seconds()
    with Store.open(str(copy)) as store:
        summary = annotate_store(store, workers=workers)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    Path(copy).unlink()
    return seconds, cpu, summary.annotated


def _worker_cpu() -> float:
    """Run on a Dask worker: its process's CPU seconds so far."""
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def _warm(texts: list[str]) -> None:
    """Run on a Dask worker: its pipeline over the texts this process warmed its own with."""
    from dossier.nlp import DEFAULT_CONFIG, load_pipeline

    list(load_pipeline(DEFAULT_CONFIG).pipe(texts))


def _dask(
    template: Path, folder: Path, workers: int, warm: list[str]
) -> tuple[float, float, float, int]:
    """(start-up seconds, wall seconds, CPU seconds, documents annotated) for the Dask engine
    on a local cluster of ``workers`` processes; CPU counts this process (the writer and the
    scheduler) and the workers'. ``warm``: texts each worker's pipeline reads first, as the
    multiprocess runner's forked workers inherit a pipeline that read them (its caches of
    names and dates filled): the two engines then start equally warm."""
    from dossier.drivers.annotate import annotate_store
    from dossier.drivers.dask_engine import DaskAnnotate, dask_client, start_pipelines
    from dossier.nlp import DEFAULT_CONFIG
    from dossier.store import Store

    copy = shutil.copy(template, folder / f"dask{workers}.db")
    started = time.perf_counter()
    with dask_client(workers=workers) as client:
        start_pipelines(client, DEFAULT_CONFIG)
        start_up = time.perf_counter() - started
        client.run(_warm, warm)
        before = sum(client.run(_worker_cpu).values())
        started, cpu = time.perf_counter(), cpu_seconds()
        with Store.open(str(copy)) as store:
            summary = annotate_store(store, runner=DaskAnnotate(client=client))
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        cpu += sum(client.run(_worker_cpu).values()) - before
    Path(copy).unlink()
    return start_up, seconds, cpu, summary.annotated


def throughput(corpus: Path, limit: int, folder: Path) -> None:
    from dossier.drivers.ingest import ingest_paths
    from dossier.nlp import DEFAULT_CONFIG, load_pipeline
    from dossier.store import Store

    template = folder / "template.db"
    with Store.open(str(template)) as store:
        ingest_paths([_head(corpus, limit, folder / "subset.jsonl")], store)
        texts = [store.get_document(d).clean_text for d in store.document_ids()]
    documents, words = len(texts), sum(len(text.split()) for text in texts)
    print(f"corpus: {corpus} (first {limit} lines: {documents} documents, {words} words)")
    # Loaded and warmed here, not timed: the multiprocess runner's workers fork from this
    # process and inherit it, as Dask's workers build theirs at start-up.
    list(load_pipeline(DEFAULT_CONFIG).pipe(texts[:5]))

    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for count in (1, 2):
        wall[f"spacy{count}"], cpu[f"spacy{count}"] = spacy_alone(texts, count)
    for count in (1, 2):
        wall[f"mp{count}"], cpu[f"mp{count}"], annotated = _multiprocess(template, folder, count)
        assert annotated == documents, (annotated, documents)
    start_up = {}
    for count in (1, 2):
        start_up[count], wall[f"dask{count}"], cpu[f"dask{count}"], annotated = _dask(
            template, folder, count, texts[:5]
        )
        assert annotated == documents, (annotated, documents)

    print("throughput (wall clock; CPU µs per word beside, which load disturbs less):")
    for count in (1, 2):
        spacy = wall[f"spacy{count}"]
        print(
            f"  spaCy nlp.pipe n_process={count}:   {documents / spacy:7.2f} documents/s "
            f"{words / spacy:8.0f} words/s  {1e6 * cpu[f'spacy{count}'] / words:6.0f} CPU µs/word"
        )
        for name, key in (("multiprocess runner", "mp"), ("Dask", "dask")):
            seconds = wall[f"{key}{count}"]
            label = f"{name}, {count} worker{'s' if count > 1 else ''}:"
            print(
                f"  {label:32} {documents / seconds:7.2f} documents/s "
                f"{words / seconds:8.0f} words/s  {1e6 * cpu[f'{key}{count}'] / words:6.0f} CPU "
                f"µs/word  ({spacy / seconds:.2f}x spaCy n_process={count})"
            )
    for count in (1, 2):
        print(f"  Dask start-up, {count} worker(s) (cluster + pipelines): {start_up[count]:.1f} s")
    print(f"Dask scaling efficiency 1 -> 2 workers: {wall['dask1'] / (2 * wall['dask2']):.2f}")
    print(
        "multiprocess runner scaling efficiency 1 -> 2 workers: "
        f"{wall['mp1'] / (2 * wall['mp2']):.2f}"
    )
    print(
        f"Dask 2 workers / spaCy n_process=2: {wall['spacy2'] / wall['dask2']:.2f}; "
        f"Dask 2 workers / multiprocess 2 workers: {wall['mp2'] / wall['dask2']:.2f}; "
        f"CPU per word, Dask 2 workers / spaCy n_process=2: {cpu['dask2'] / cpu['spacy2']:.2f}"
    )


# -- memory ----------------------------------------------------------------------------------


def measure(step: str, source: Path, db: Path) -> None:
    """In this (fresh) process: ingest ``source`` into ``db``, or annotate ``db`` with one
    worker; print one JSON line with the documents, seconds and peak RSS."""
    from dossier.store import Store

    started = time.perf_counter()
    with Store.open(str(db)) as store:
        if step == "ingest":
            from dossier.drivers.ingest import ingest_paths

            count = ingest_paths([source], store).new
        else:
            from dossier.drivers.annotate import annotate_store

            count = annotate_store(store, workers=1).annotated
    seconds = time.perf_counter() - started
    peak, end = _status_kib("VmHWM:"), _status_kib("VmRSS:")
    if peak is None:  # not Linux: ru_maxrss (KiB on Linux, bytes on macOS) is the best there is
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "documents": count,
                "seconds": seconds,
                "peak_mib": peak / 1024,
                "end_mib": (end or 0) / 1024,
            }
        )
    )


def _status_kib(field: str) -> int | None:
    """A KiB figure of /proc/self/status: ``VmHWM`` is this process's peak resident set (it
    starts afresh at exec; ``ru_maxrss`` keeps the parent's peak across fork and exec),
    ``VmRSS`` its resident set now."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _measured(step: str, source: Path, db: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", step, str(source), str(db)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def memory(corpus: Path, limit: int, copies: int, folder: Path) -> None:
    print(f"peak RSS, each run in a fresh process ({copies}x = {copies} versions of the input):")
    rows = []
    for label, source in (
        ("ingest, the corpus", corpus),
        (f"ingest, {copies}x the corpus", _copies(corpus, copies, folder / "copies.jsonl")),
    ):
        db = folder / f"ingest{len(rows)}.db"
        rows.append((label, _measured("ingest", source, db)))
        db.unlink()
    head = _head(corpus, limit, folder / f"head{limit}.jsonl")
    for label, source in (
        (f"annotate, first {limit} documents", head),
        # The same documents ten times over (each version new): the same longest article, so
        # a peak that grew here would grow with the corpus.
        (f"annotate, {copies} versions of them", _copies(head, copies, folder / "heads.jsonl")),
        (f"annotate, first {copies * limit} documents",
         _head(corpus, copies * limit, folder / f"head{copies * limit}.jsonl")),
    ):  # fmt: skip
        db = folder / f"annotate{len(rows)}.db"
        _measured("ingest", source, db)
        rows.append((label, _measured("annotate", db, db)))
        db.unlink()
    for label, row in rows:
        print(
            f"  {label:34} {row['documents']:6} documents {row['seconds']:7.1f} s "
            f"{row['documents'] / row['seconds']:7.1f} documents/s  peak {row['peak_mib']:6.0f} MiB"
            f", at the end {row['end_mib']:6.0f} MiB"
        )
    ingest = rows[1][1]["peak_mib"] / rows[0][1]["peak_mib"]
    versions = rows[3][1]["peak_mib"] / rows[2][1]["peak_mib"]
    longer = rows[4][1]["peak_mib"] / rows[2][1]["peak_mib"]
    print(
        f"peak RSS {copies}x / 1x: ingest {ingest:.2f}, annotate {versions:.2f} ({copies} versions"
        f" of the same documents), {longer:.2f} ({copies} times as many documents, longer ones"
        " among them)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Example: python bench/bench_scale.py --limit 60 --memory-limit 30",
    )
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="a JSONL corpus (default: AllSides)"
    )
    parser.add_argument(
        "--limit", type=int, default=60, help="documents for the throughput runs (default 60)"
    )
    parser.add_argument(
        "--memory-limit",
        type=int,
        default=30,
        help="documents annotated for the memory runs, then ten times as many (default 30)",
    )
    parser.add_argument(
        "--copies", type=int, default=10, help="versions of the input for the 'ten times' runs"
    )
    parser.add_argument("--skip-throughput", action="store_true", help="memory only")
    parser.add_argument("--skip-memory", action="store_true", help="throughput only")
    parser.add_argument("--measure", nargs=3, help=argparse.SUPPRESS)  # a memory run's process
    args = parser.parse_args()
    if args.measure:
        step, source, db = args.measure
        measure(step, Path(source), Path(db))
        return 0
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (is ../shared beside the repo?)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        if not args.skip_throughput:
            throughput(args.corpus, args.limit, Path(folder))
        if not args.skip_memory:
            memory(args.corpus, args.memory_limit, args.copies, Path(folder))
    print(f"bench took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
