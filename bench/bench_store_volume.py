"""The store at volume: a synthetic store of N documents and ~10 facts each, loaded in bulk on
SQLite and PostgreSQL, then the latency of what the REST API and the web pages ask, through the
query API (``dossier.query.Dossier``), before and after the newest migration's indexes; then
ingest of the AllSides corpus into that store against ingest into an empty one.

    python bench/bench_store_volume.py --docs 20000 --backend sqlite
    python bench/bench_store_volume.py --docs 1000000 --backend both
    python bench/bench_store_volume.py --docs 50000 --keep /tmp/volume.db   # keep the store

Nothing is committed: the rows are drawn by ``volume_rows.py`` and written by
``dossier.store.bulk`` (executemany on SQLite, COPY on PostgreSQL). The PostgreSQL store is a
scratch database (``dossier_volume``) beside the one ``--postgres`` names, dropped after the run
unless ``--keep``. Latencies are wall clock on a shared machine: p50 and p95 over ``--queries``
random asks each, the asks drawn with the same skew as the data (popular actors are asked about
more often, as they are written about more often).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from sqlalchemy import text

from band_merge_cost import merge_costs
from baselines import ALLSIDES
from dossier.drivers.ingest import ingest_paths
from dossier.kb.loader import load_kb
from dossier.query import Dossier
from dossier.store import Store
from dossier.store.bulk import BulkLoader, migrate_to, scratch_database
from volume_rows import COLUMNS, FACT_TABLES, RowMaker, Universe, batches

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEFAULT_CORPUS = ALLSIDES
#: The revision before the indexes this bench chose (``0013_volume_indexes``).
BEFORE_INDEXES = "0012"
TARGET_MS = 100.0


@contextmanager
def location(backend: str, args: argparse.Namespace, name: str) -> Iterator[str]:
    """A fresh store location for ``backend``: a SQLite file, or a scratch PostgreSQL database."""
    if args.reuse and name == args.database:
        # Kept by an earlier run with --keep, loaded and stamped as the head: measured again.
        yield args.keep if backend == "sqlite" else args.postgres.rsplit("/", 1)[0] + "/" + name
        return
    if backend == "postgresql":
        with scratch_database(args.postgres, name, keep=bool(args.keep)) as url:
            yield url
        return
    if args.keep and name == args.database:
        Path(args.keep).unlink(missing_ok=True)
        yield args.keep
        return
    with tempfile.TemporaryDirectory(dir=args.scratch) as folder:
        yield str(Path(folder) / f"{name}.db")


def load(db: str, args: argparse.Namespace, universe: Universe) -> None:
    """Fill ``db`` with ``args.docs`` synthetic documents and their facts; print rows/s."""
    with Store.open(db) as store:
        migrate_to(store, BEFORE_INDEXES, down=True)
        loader = BulkLoader(store)
        maker = RowMaker(universe, args.facts_per_doc)
        started = time.perf_counter()
        cpu = time.process_time()
        loader.load(batches(maker, args.docs, args.batch), COLUMNS, defer=True)
        seconds = time.perf_counter() - started
        analysed = time.perf_counter()
        loader.analyse()
        analyse_s = time.perf_counter() - analysed
        # Recorded as the head while still without its indexes: the read-only ``Dossier`` of
        # the "before" measurement would otherwise upgrade the store as it opens it.
        migrate_to(store, "head", stamp=True)
    rows = sum(c.rows for c in loader.counts.values())
    facts = sum(loader.counts[t].rows for t in FACT_TABLES)
    print(
        f"  loaded {args.docs} documents, {facts} facts, {rows} rows in all in {seconds:.1f} s:"
        f" {rows / seconds:,.0f} rows/s ({args.docs / seconds:,.0f} docs/s;"
        f" {time.process_time() - cpu:.1f} s CPU in this process); ANALYZE {analyse_s:.1f} s"
    )
    built = loader.counts.pop("(indexes)", None)
    print("  " + ", ".join(f"{c.table} {c.rows}" for c in loader.counts.values()))
    if built is not None:
        print(f"  of the load's time, building the indexes after the rows: {built.seconds:.1f} s")


def asks(universe: Universe, args: argparse.Namespace) -> dict[str, Callable[[Dossier], object]]:
    """The questions, each a list of ``args.queries`` calls drawn with the data's skew."""
    rng = np.random.default_rng(args.seed)
    py = random.Random(args.seed)
    n = args.queries
    actors = [universe.actors[i] for i in rng.choice(len(universe.actors), n, p=universe.actor_p)]
    people = [universe.people[i] for i in rng.choice(len(universe.people), n, p=universe.people_p)]
    # Words of middling frequency: rarer than the commonest hundred, common enough to match.
    ranks = np.exp(rng.uniform(np.log(100), np.log(20_000), size=2 * n)).astype(int)
    words = [universe.words[r] for r in ranks]
    countries = [p[2] or "RUS" for p in people]
    years = [py.randint(2011, 2024) for _ in range(n)]
    return {
        "actor page": [lambda d, a=a: d.actor(a[0], limit=20) for a in actors],
        "quotes by speaker": [lambda d, p=p: d.quotes(speaker=p[1], limit=50) for p in people],
        "quotes by text": [lambda d, w=w: d.quotes(about=w, limit=50) for w in words[:n]],
        "events of actor, 1 year": [
            lambda d, a=a, y=y: d.events(
                actor=a[1], date_from=f"{y}-01-01", date_to=f"{y}-12-31", limit=50
            )
            for a, y in zip(actors, years, strict=True)
        ],
        "stance timeline of country": [
            lambda d, c=c: d.stance_trends(by="country", period="year", country=c)
            for c in countries
        ],
        "full-text search": [
            lambda d, w=w, v=v: d.search(f"{w} {v}", limit=20)
            for w, v in zip(words[:n], words[n:], strict=True)
        ],
    }


def measure(db: str, questions: dict, label: str) -> dict[str, float]:
    """p50 and p95 of each question over its calls, on one warm read-only ``Dossier``."""
    p95s = {}
    with Dossier(db) as dossier:
        dossier.search("warm")  # open the store and load the KB outside the timings
        dossier.kb.find_actors("Russia")
        for name, calls in questions.items():
            times = []
            try:
                for call in calls:
                    started = time.perf_counter()
                    call(dossier)
                    times.append(1000 * (time.perf_counter() - started))
            except Exception as error:  # the driver's: this bench imports no database library
                # "before" is the newest rows without the newest migration: a question whose
                # code reads a column that migration adds (0014's quotes.said_date) cannot run;
                # measure it before with the previous commit's code instead.
                print(f"  {label:<7} {name:<28} cannot run: {type(error).__name__}")
                p95s[name] = float("nan")
                continue
            p50 = statistics.median(times)
            p95 = float(np.percentile(times, 95))
            p95s[name] = p95
            flag = "" if p95 < TARGET_MS else "  > 100 ms"
            print(f"  {label:<7} {name:<28} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms{flag}")
    return p95s


def ingest_rate(db: str, corpus: Path) -> tuple[float, float, int, float, int]:
    """Ingesting ``corpus`` into ``db`` (the real ingest driver): documents per second, then
    documents per second with the merge of the band rows it left pending counted, the rows
    merged and the merge's seconds.

    Ingest writes new documents' bands to a pending table and merges them into the large one
    past a threshold (5% of it); a run of a thousand documents stays below it, so the merge it
    would owe is run here at once and counted. A merge of these few rows costs more per row than
    one at the threshold (each page of the large index then takes more rows per write), so the
    second rate is the lower bound.
    """
    with Store.open(db) as store:
        started = time.perf_counter()
        summary = ingest_paths([corpus], store)
        seconds = time.perf_counter() - started
        merge = store.merge_bands(force=True)
    if summary.duplicate > summary.new:
        # A store kept by an earlier run (--keep, then --reuse) holds the corpus already: its
        # documents are skipped as duplicates, and the rate says nothing about storing them.
        print(f"  warning: {summary.duplicate} of {summary.read} documents were stored already")
    merged_rate = summary.read / (seconds + merge.seconds)
    return summary.read / seconds, merged_rate, merge.merged, merge.seconds, summary.read


def compare_queries(db: str, questions: dict) -> None:
    """The questions' latencies before and after the migrations from ``BEFORE_INDEXES`` on."""
    before = measure(db, questions, "before")
    with Store.open(db) as store:
        migrate_to(store, BEFORE_INDEXES, stamp=True)
        started = time.perf_counter()
        migrate_to(store, "head")
        print(f"  migration to head (the indexes) took {time.perf_counter() - started:.1f} s")
    after = measure(db, questions, "after")
    for name in questions:
        print(f"  p95 {name:<28} {before[name]:8.1f} -> {after[name]:8.1f} ms")


def run(backend: str, args: argparse.Namespace, universe: Universe) -> None:
    print(f"\n== {backend}: {args.docs} documents, ~{args.facts_per_doc} facts each")
    questions = asks(universe, args)
    with location(backend, args, args.database) as db:
        if args.reuse and not args.ingest_only:
            # Kept at an earlier head: only the revisions added since run, then one measure.
            with Store.open(db) as store:
                started = time.perf_counter()
                migrate_to(store, "head")
                print(f"  migration to head took {time.perf_counter() - started:.1f} s")
            measure(db, questions, "after")
            return
        if not args.reuse:
            load(db, args, universe)
            compare_queries(db, questions)
        if args.corpus.exists() and not args.no_ingest:
            compare_ingest(backend, args, db)


def _last_seq(db: str) -> int:
    with Store.open(db) as store, store.engine.connect() as connection:
        return int(connection.execute(text("SELECT max(seq) FROM documents")).scalar() or 0)


def _forget_since(db: str, seq: int) -> int:
    """Delete the documents stored after ``seq`` (their facts, sources and bands go with them,
    ON DELETE CASCADE), untimed: the next round ingests the same corpus into the same store, and
    a store kept with ``--keep`` ends as it was loaded."""
    with Store.open(db) as store, store.engine.begin() as connection:
        query = text("DELETE FROM documents WHERE seq > :seq")
        return connection.execute(query, {"seq": seq}).rowcount


def compare_ingest(backend: str, args: argparse.Namespace, db: str) -> None:
    """Ingest of the corpus into a new empty store and into ``db``, ``args.rounds`` times,
    alternating which goes first (a machine that slows or speeds up during the run then weighs
    on both sides); the large store's new documents are deleted after each round.

    Printed per round and as each side's best round (the figure ``bench_annotate.py`` gives
    too) and the median of the rounds' ratios."""
    with location(backend, args, args.database + "_empty") as empty:
        ingest_rate(empty, args.corpus)  # warm: imports, caches
    sides: dict[str, list[tuple[float, float, int, float, int]]] = {"empty": [], "large": []}
    for round_no in range(args.rounds):
        order = ("empty", "large") if round_no % 2 == 0 else ("large", "empty")
        for side in order:
            if side == "empty":
                with location(backend, args, args.database + "_empty") as empty:
                    sides["empty"].append(ingest_rate(empty, args.corpus))
            else:
                before = _last_seq(db)
                sides["large"].append(ingest_rate(db, args.corpus))
                _forget_since(db, before)
        (e_rate, e_merged, _, e_merge_s, _), (l_rate, l_merged, rows, l_merge_s, _) = (
            sides["empty"][-1],
            sides["large"][-1],
        )
        print(
            f"  round {round_no + 1} ({' then '.join(order)}): ingest {args.corpus.name}: empty"
            f" store {e_rate:.1f} docs/s, this store {l_rate:.1f} docs/s, ratio"
            f" {l_rate / e_rate:.2f}; with the merge of its {rows} pending band rows"
            f" ({e_merge_s:.1f} s empty, {l_merge_s:.1f} s this store) {e_merged:.1f} /"
            f" {l_merged:.1f} docs/s, ratio {l_merged / e_merged:.2f}"
        )
    best = {side: max(runs, key=lambda run: run[0]) for side, runs in sides.items()}
    pairs = list(zip(sides["empty"], sides["large"], strict=True))
    ratios = [large[0] / empty[0] for empty, large in pairs]
    merged = [large[1] / empty[1] for empty, large in pairs]
    print(
        f"  ingest ratio (target >= 0.9): best rounds {best['large'][0]:.1f} /"
        f" {best['empty'][0]:.1f} docs/s = {best['large'][0] / best['empty'][0]:.2f}; median"
        f" of rounds {statistics.median(ratios):.2f} (rounds"
        f" {' / '.join(f'{r:.2f}' for r in ratios)}); with the forced merge counted: median"
        f" {statistics.median(merged):.2f}"
    )
    if args.merge_costs:
        _, _, rows, _, docs = best["large"]
        charged(db, docs, rows, best["large"][0], best["empty"][1])


def charged(db: str, docs: int, rows: int, large_rate: float, empty_merged: float) -> None:
    """The ingest's ratio with the merges its ``rows`` band rows owe charged pro rata to the
    thresholds, per row as each level's merge at its threshold costs on this store."""
    costs = merge_costs(db)
    base = docs / large_rate
    levels = [("pending -> main", costs["single"].per_row)]
    for label, per_row in levels:
        rate = docs / (base + rows * per_row)
        print(
            f"  charged pro rata, {label}: {rows} rows x {1e6 * per_row:.1f} µs ="
            f" {rows * per_row:.1f} s; this store {rate:.1f} docs/s,"
            f" ratio {rate / empty_merged:.2f} (target >= 0.9)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="example: python bench/bench_store_volume.py --docs 20000 --backend both",
    )
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--facts-per-doc", type=float, default=10.0)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--keep", metavar="PATH", help="keep the SQLite store here (and the "
                        "PostgreSQL database dossier_volume)")  # fmt: skip
    parser.add_argument("--reuse", action="store_true", help="measure the store kept by an "
                        "earlier --keep run again (its load skipped): the file --keep names, or "
                        "the PostgreSQL database dossier_volume")  # fmt: skip
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="server to make it on")
    parser.add_argument("--database", default="dossier_volume", help="the scratch PostgreSQL "
                        "database's name (a run beside another keeps its own)")  # fmt: skip
    parser.add_argument("--queries", type=int, default=50, help="asks per question")
    parser.add_argument("--batch", type=int, default=1000, help="documents per transaction")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--ingest-only", action="store_true", help="with --reuse: only the "
                        "ingest comparison (the kept store is at the head already)")  # fmt: skip
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest comparison")
    parser.add_argument("--rounds", type=int, default=3, help="ingest comparisons, alternating "
                        "which store goes first; the large store's new documents are deleted "
                        "after each")  # fmt: skip
    parser.add_argument("--merge-costs", action="store_true", help="after the ingest, time "
                        "the band merge at its threshold on the store and charge the ingest "
                        "its rows' share (band_merge_cost.py; minutes at 1,000,000)")  # fmt: skip
    parser.add_argument("--scratch", help="folder for temporary SQLite files")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    universe = Universe.from_kb(load_kb(None), args.seed)
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        run(backend, args, universe)
    return 0


if __name__ == "__main__":
    sys.exit(main())
