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
import re
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import event

from baselines import ALLSIDES
from dossier import settings
from dossier.drivers.ingest import ingest_paths
from dossier.store import Store


def _shape(statement: str) -> str:
    """A statement's text with its lists of bound parameters folded, to group by."""
    text = " ".join(statement.split())
    text = re.sub(
        r"\((?:\?|%\(\w+\)s|__\[POSTCOMPILE_\w+\])(?:, ?(?:\?|%\(\w+\)s))*\)", "(…)", text
    )
    return text[:150]


def _io() -> dict[str, int]:
    """This process's I/O so far (Linux): bytes through syscalls and to/from storage."""
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return {key: int(fields[key]) for key in ("rchar", "wchar", "read_bytes", "write_bytes")}


def profile(db: str, corpus: Path, use_cprofile: bool, pragmas: list[str], batch: int) -> None:
    store = Store.open(db)
    engine = store.engine
    if pragmas:
        engine.dispose()

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):  # noqa: ANN001, ANN202
            for pragma in pragmas:
                dbapi_connection.execute(f"PRAGMA {pragma}")

    spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    started_at: dict[int, float] = {}

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        started_at[id(cursor)] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        entry = spent[_shape(statement)]
        entry[0] += time.perf_counter() - started_at.pop(id(cursor))
        entry[1] += len(parameters) if executemany else 1

    commit = engine.dialect.do_commit

    def timed_commit(dbapi_connection):  # noqa: ANN001, ANN202
        begun = time.perf_counter()
        try:
            return commit(dbapi_connection)
        finally:
            entry = spent["COMMIT"]
            entry[0] += time.perf_counter() - begun
            entry[1] += 1

    engine.dialect.do_commit = timed_commit  # type: ignore[method-assign]
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
    sql = sum(seconds for seconds, _ in spent.values())
    print(f"{db}: {summary.counts()}")
    print(
        f"wall {wall:.2f} s ({1000 * wall / summary.read:.2f} ms/doc), CPU {cpu:.2f} s;"
        f" SQL+commit {sql:.2f} s, the rest {wall - sql:.2f} s"
    )
    print("  I/O MiB: " + ", ".join(f"{key} {value:.0f}" for key, value in io.items()))
    for shape, (seconds, count) in sorted(spent.items(), key=lambda kv: -kv[1][0])[:14]:
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
