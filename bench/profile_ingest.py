"""Where ingest time goes: the AllSides corpus ingested into a given store, SQL by statement.

Each SQL statement's time (the triggers it fires included) is summed by statement text, the
commits (fsync, WAL checkpoints) apart, and the rest is Python; ``--cprofile`` adds the
functions by own time. Run it on an empty store and on a copy of a large one to see what grows.

    python bench/profile_ingest.py --db /tmp/empty.db
    python bench/profile_ingest.py --copy-of big.db --db /tmp/big-copy.db
    python bench/profile_ingest.py --db postgresql://postgres@127.0.0.1/dossier_volume_copy
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import time
from pathlib import Path

from baselines import ALLSIDES
from dossier import settings
from dossier.drivers.ingest import ingest_paths
from dossier.store import Store
from dossier.store.diagnostics import StatementTimes, on_connect


def _io() -> dict[str, int]:
    """This process's I/O so far (Linux): bytes through syscalls and to/from storage."""
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return {key: int(fields[key]) for key in ("rchar", "wchar", "read_bytes", "write_bytes")}


def profile(db: str, corpus: Path, use_cprofile: bool, pragmas: list[str], batch: int) -> None:
    store = Store.open(db)
    if pragmas:
        on_connect(store, pragmas)
    times = StatementTimes(store)
    profiler = cProfile.Profile() if use_cprofile else None
    io_before = _io()
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    summary = ingest_paths([corpus], store, batch_size=batch)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    store.close()
    io = {key: (value - io_before[key]) / 2**20 for key, value in _io().items()}
    sql = times.total()
    print(f"{db}: {summary.counts()}")
    print(
        f"wall {wall:.2f} s ({1000 * wall / summary.read:.2f} ms/doc), CPU {cpu:.2f} s;"
        f" SQL+commit {sql:.2f} s, the rest {wall - sql:.2f} s"
    )
    print("  I/O MiB: " + ", ".join(f"{key} {value:.0f}" for key, value in io.items()))
    for shape, seconds, count in times.top(14):
        print(f"  {seconds:7.3f} s {count:7d}x  {shape}")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the store to ingest into")
    parser.add_argument("--copy-of", help="first copy this SQLite file to --db (and fsync it)")
    parser.add_argument("--corpus", type=Path, default=ALLSIDES)
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--batch", type=int, default=settings.INGEST_BATCH_SIZE)
    parser.add_argument("--pragma", action="append", default=[], help="e.g. cache_size=-65536")
    args = parser.parse_args()
    if args.copy_of:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
        shutil.copyfile(args.copy_of, args.db)
        with open(args.db, "rb+") as handle:
            os.fsync(handle.fileno())
    profile(args.db, args.corpus, args.cprofile, args.pragma, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
