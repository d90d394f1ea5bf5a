"""Annotation throughput: dossier's annotate driver against spaCy alone, on the same texts, in
the same run, with one process and with several.

Baselines, on the cleaned texts of the same documents:
- spaCy's English pipeline alone (without the lemmatizer, as dossier loads it; its attribute
  ruler matched by spaCy's own Matcher, not by dossier's column matcher), ``nlp.pipe`` in
  this process: CPU seconds per word, and words/s;
- the same with ``nlp.pipe(n_process=N)``: words/s;
- the same with dossier's column matcher for the attribute ruler (the spaCy part of
  dossier's own pipeline): CPU seconds per word.
dossier: ``annotate_store`` on a fresh SQLite store holding those documents (reading them,
running every component, writing every fact), with ``workers=1`` and ``workers=N``, and with one
worker and no quote stage, and no event stage, for those stages' shares of annotate.

    python bench/bench_annotate.py                 # 200 AllSides articles from ../shared
    python bench/bench_annotate.py --limit 500 --workers 2 --corpus FILE.jsonl
    python bench/bench_annotate.py --limit 80 --rounds 3   # best of 3, on a loaded machine
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from baselines import ALLSIDES, cpu_seconds, spacy_alone
from dossier.drivers.annotate import annotate_store, default_workers
from dossier.drivers.ingest import ingest_paths
from dossier.nlp import DEFAULT_CONFIG, PipelineConfig, load_pipeline
from dossier.store import Store

DEFAULT_CORPUS = ALLSIDES
WITHOUT_QUOTES = DEFAULT_CONFIG.without("dossier_quotes")
#: Without the event stage (the stance stage then reads no events): the event stage's share.
WITHOUT_EVENTS = DEFAULT_CONFIG.without("dossier_events")


def _dossier(
    store_file: Path, workers: int, config: PipelineConfig = DEFAULT_CONFIG
) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds incl. workers, facts stored) for ``annotate_store``."""
    cpu = cpu_seconds()
    wall = time.perf_counter()
    with Store.open(str(store_file)) as store:
        summary = annotate_store(store, config=config, workers=workers)
    wall = time.perf_counter() - wall
    facts = summary.mentions + summary.timexes + summary.sentences
    return wall, cpu_seconds() - cpu, facts


def _round(
    folder: Path, template: Path, texts: list[str], words: int, workers: int, number: int
) -> dict[str, tuple[float, float]]:
    """One round: spaCy alone (1 process), dossier (1 worker, ``workers``), spaCy alone
    (``workers`` processes); (wall, CPU) seconds of each, its ratios printed."""
    timings: dict[str, tuple[float, float]] = {"spacy1": spacy_alone(texts, 1)}
    # The spaCy part of dossier's own pipeline (its column matcher for the attribute ruler):
    # what dossier's stages add on top of it, apart from what that matcher saves.
    timings["spacy1cols"] = spacy_alone(texts, 1, column_rules=True)
    facts = {}
    for count in (1, workers):
        copy = folder / f"r{number}w{count}.db"
        shutil.copy(template, copy)
        wall, cpu, facts[count] = _dossier(copy, count)
        timings[f"{count}w"] = (wall, cpu)
        copy.unlink()
    # The quote stage's share (issue 10: at most 15% of annotate): the same, without it.
    copy = folder / f"r{number}noquotes.db"
    shutil.copy(template, copy)
    wall, cpu, _ = _dossier(copy, 1, WITHOUT_QUOTES)
    timings["noquotes"] = (wall, cpu)
    copy.unlink()
    # The event stage's share (issue 11: at most 20% of annotate throughput).
    copy = folder / f"r{number}noevents.db"
    shutil.copy(template, copy)
    wall, cpu, _ = _dossier(copy, 1, WITHOUT_EVENTS)
    timings["noevents"] = (wall, cpu)
    copy.unlink()
    timings["spacyN"] = spacy_alone(texts, workers)
    wall = {key: value[0] for key, value in timings.items()}
    cpu = {key: value[1] for key, value in timings.items()}
    many = f"{workers}w"
    print(
        f"round {number}: words/s spaCy {words / wall['spacy1']:.0f}, dossier 1 worker "
        f"{words / wall['1w']:.0f}, dossier {workers} workers {words / wall[many]:.0f}, "
        f"spaCy n_process={workers} {words / wall['spacyN']:.0f}; CPU µs/word spaCy "
        f"{1e6 * cpu['spacy1'] / words:.1f}, dossier {1e6 * cpu['1w'] / words:.1f} "
        f"(ratio {cpu['1w'] / cpu['spacy1']:.2f}); {workers} workers / spaCy n_process: "
        f"{wall['spacyN'] / wall[many]:.2f}; quote stage {1 - cpu['noquotes'] / cpu['1w']:.1%}"
        f" of annotate CPU; facts {facts[1]} / {facts[workers]}",
        flush=True,
    )
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--workers", type=int, default=max(default_workers(), 2))
    parser.add_argument(
        "--rounds", type=int, default=1, help="repeat every measure; report each one's best"
    )
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

        # Loaded once and warmed up, as the baseline is (``baselines.spacy_alone``): not timed. The
        # components read the KB on their first document, a one-off cost (about a second) that
        # would otherwise count against the per-word figures of whichever run came first.
        for config in (DEFAULT_CONFIG, WITHOUT_QUOTES, WITHOUT_EVENTS):
            list(load_pipeline(config).pipe(texts[:5]))
        # Each round runs all four, one after the other, so that a round's ratios are measured
        # under the same load; the summary takes each figure's best round.
        rounds: list[dict[str, tuple[float, float]]] = []
        for number in range(1, args.rounds + 1):
            rounds.append(_round(Path(folder), template, texts, words, args.workers, number))
        best = {key: min(r[key][0] for r in rounds) for key in rounds[0]}
        best_cpu = {key: min(r[key][1] for r in rounds) for key in rounds[0]}
        many = f"{args.workers}w"
        print(f"best of {args.rounds} round{'s' if args.rounds > 1 else ''}:")
        print(
            f"  spaCy alone, 1 process:    {words / best['spacy1']:7.0f} words/s  "
            f"{1e6 * best_cpu['spacy1'] / words:6.1f} CPU µs/word"
        )
        print(
            f"  dossier annotate, 1 worker: {words / best['1w']:7.0f} words/s  "
            f"{1e6 * best_cpu['1w'] / words:6.1f} CPU µs/word"
        )
        print(f"  dossier annotate, {args.workers} workers: {words / best[many]:7.0f} words/s")
        print(f"  spaCy alone, n_process={args.workers}: {words / best['spacyN']:7.0f} words/s")
        print(
            f"CPU per word, dossier (1 worker) / spaCy alone: "
            f"{best_cpu['1w'] / best_cpu['spacy1']:.2f}"
        )
        print(
            f"CPU per word, dossier (1 worker) / the spaCy part of dossier's pipeline (column"
            f" matcher, {1e6 * best_cpu['spacy1cols'] / words:.1f} µs/word): "
            f"{best_cpu['1w'] / best_cpu['spacy1cols']:.2f}"
        )
        print(f"speed, dossier 1 worker / spaCy 1 process: {best['spacy1'] / best['1w']:.2f}")
        print(
            f"speed, dossier {args.workers} workers / spaCy n_process={args.workers}: "
            f"{best['spacyN'] / best[many]:.2f}"
        )
        print(f"speed-up, dossier {args.workers} workers / 1 worker: {best['1w'] / best[many]:.2f}")
        print(
            "quote stage, share of annotate CPU (1 worker, with / without it): "
            f"{1 - best_cpu['noquotes'] / best_cpu['1w']:.1%}"
        )
        print(
            "event stage, share of annotate CPU (1 worker, with / without it): "
            f"{1 - best_cpu['noevents'] / best_cpu['1w']:.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
