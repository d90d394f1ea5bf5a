"""What the band index's merge costs per row at its threshold, on a large store: the charge an
ingest owes for the merge its new bands will take part in (``bench_store_volume.py``).

The merge is timed at the size it runs at: the bands of some documents are taken out of
``lsh_bands`` into the pending table first (untimed), then moved back by the store's own merge
(timed), so the store ends as it began. An ingest that adds R band rows owes R times the
per-row cost, pro rata to the threshold.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import text

from dossier.store import Store
from dossier.store.stories import (
    LSH_BANDS,
    _estimated_rows,
    band_merge_threshold,
)


@dataclass
class LevelCost:
    """One timed merge: its rows and seconds."""

    rows: int
    seconds: float

    @property
    def per_row(self) -> float:
        return self.seconds / self.rows if self.rows else 0.0


def _take_out(store: Store, level: str, after_seq: int) -> int:
    """Move the main bands of the documents after ``after_seq`` up to ``level`` (untimed): the
    newest documents, whose bands a merge carries (their seqs are the largest)."""
    where = "WHERE seq > :after"
    with store.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA cache_size = -524288")
        connection.execute(
            text(
                f"INSERT INTO {level} (seq, band, band_hash)"
                f" SELECT seq, band, band_hash FROM lsh_bands {where} ORDER BY band_hash"
            ),
            {"after": after_seq},
        )
        moved = connection.execute(text(f"DELETE FROM lsh_bands {where}"), {"after": after_seq})
    return moved.rowcount


def merge_costs(db: str) -> dict[str, LevelCost]:
    """Time the pending merge at its threshold on the store at ``db``."""
    with Store.open(db) as store:
        store.merge_bands(force=True)
        with store.engine.connect() as connection:
            main_rows = _estimated_rows(connection, "lsh_bands")
            dialect = connection.dialect.name
            newest = connection.execute(text("SELECT max(seq) FROM documents")).scalar() or 0
        pending_rows = band_merge_threshold(main_rows, dialect)
        started = time.perf_counter()
        _take_out(store, "lsh_bands_pending", max(0, newest - pending_rows // LSH_BANDS))
        costs = {"single": LevelCost(*store.move_bands("pending", "main"))}
        print(
            f"  merge costs at {main_rows:,} main rows (threshold {pending_rows:,};"
            f" {time.perf_counter() - started:.0f} s with the set-up):"
            + "".join(
                f" {name} {cost.rows:,} rows {cost.seconds:.1f} s"
                f" ({1e6 * cost.per_row:.1f} µs/row);"
                for name, cost in costs.items()
            )
        )
    return costs
