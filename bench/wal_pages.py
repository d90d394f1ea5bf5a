"""Pages an ingest writes per document, by b-tree: what a batch dirties in a SQLite store.

The AllSides corpus is ingested with automatic checkpoints off, the WAL is copied before the
store closes, and each frame's page is named by ``dbstat`` (which table or index owns it). A
random-key index takes about one page per entry once it is larger than a batch's entries; an
append-only one takes a fraction. Run it on an empty store and on a copy of a large one.

    python bench/wal_pages.py --db /tmp/empty.db
    python bench/wal_pages.py --copy-of big.db --db /tmp/big-copy.db
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from baselines import ALLSIDES
from dossier.drivers.ingest import ingest_paths
from dossier.store import Store
from dossier.store.diagnostics import on_connect, pages_by_btree, wal_frames


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite store to ingest into")
    parser.add_argument("--copy-of", help="first copy this SQLite file to --db")
    parser.add_argument("--corpus", type=Path, default=ALLSIDES)
    args = parser.parse_args()
    if args.copy_of:
        shutil.copyfile(args.copy_of, args.db)
    store = Store.open(args.db)
    on_connect(store, ["wal_autocheckpoint = 0"])
    summary = ingest_paths([args.corpus], store)
    wal = Path(args.db + "-wal-copy")
    shutil.copyfile(args.db + "-wal", wal)
    store.close()
    pages, commits = wal_frames(wal)
    wal.unlink()
    new = max(summary.new, 1)
    print(f"{args.db}: {summary.new} new documents, {len(pages)} pages in {commits} commits,")
    print(f"  {len(pages) / new:.1f} pages written to the WAL per document:")
    for name, count in pages_by_btree(args.db, pages).most_common(12):
        print(f"  {count / new:6.2f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
