"""A SQLite writer's settings do not depend on the store's size, and committed batches survive
the writer's death.

Ingest into a large store slowed down mostly on the per-commit fsync of the pages each batch
dirtied in random-key indexes: writers now commit with ``synchronous = NORMAL`` (WAL synced at
checkpoints) and a fixed 16 MiB page cache. Those are only sound if a commit still outlives the
process that made it, which the subprocess test checks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import make_url, text

import dossier
from dossier.store import Store
from dossier.store.engine import create_store_engine


def _pragmas(path: Path, read_only: bool) -> tuple[int, int, str]:
    engine = create_store_engine(make_url(f"sqlite:///{path}"), read_only=read_only)
    with engine.connect() as connection:
        values = tuple(
            connection.execute(text(f"PRAGMA {name}")).scalar_one()
            for name in ("synchronous", "cache_size", "journal_mode")
        )
    engine.dispose()
    return values  # type: ignore[return-value]


def test_a_writer_syncs_at_checkpoints_with_a_bounded_cache(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    Store.open(str(path)).close()
    synchronous, cache, mode = _pragmas(path, read_only=False)
    assert mode == "wal"
    assert synchronous == 1  # NORMAL: safe in WAL mode
    assert cache == -16384  # KiB: a fixed bound, not a share of the file


def test_a_reader_keeps_sqlites_defaults(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    Store.open(str(path)).close()
    synchronous, cache, _ = _pragmas(path, read_only=True)
    assert synchronous == 2 and cache == -2000


def test_a_batch_committed_by_a_writer_that_dies_at_once_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    script = textwrap.dedent(
        f"""
        import os
        from dossier.model import Document, DocumentMeta
        from dossier.store import Store
        store = Store.open({str(path)!r})
        docs = [
            Document.from_plain_text(
                f"An invented wire report number {{n}} about grain prices.", f"wire/{{n}}.txt",
                DocumentMeta(title=f"Report {{n}}", date="2024-05-01", language="en"),
            )
            for n in range(30)
        ]
        store.add_documents([(d, None) for d in docs])
        os._exit(0)  # no close, no checkpoint: the commit alone must have made them durable
        """
    )
    # The child imports this very dossier, wherever it is installed.
    env = {**os.environ, "PYTHONPATH": str(Path(dossier.__file__).resolve().parents[1])}
    subprocess.run([sys.executable, "-c", script], check=True, env=env)
    assert Path(str(path) + "-wal").stat().st_size > 0  # still only in the WAL
    with Store.open(str(path), read_only=True) as store:
        stored = [d.title for d in store.list_documents()]
    assert sorted(stored) == sorted(f"Report {n}" for n in range(30))
