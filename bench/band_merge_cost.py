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


def _take_out(store: Store, level: str, low: str, high: str) -> int:
    """Move the main bands of documents ``low <= doc_id < high`` up to ``level`` (untimed)."""
    where = "WHERE doc_id >= :low AND doc_id < :high"
    with store.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA cache_size = -524288")
        connection.execute(
            text(
                f"INSERT INTO {level} (doc_id, band, band_hash)"
                f" SELECT doc_id, band, band_hash FROM lsh_bands {where} ORDER BY band_hash"
            ),
            {"low": low, "high": high},
        )
        moved = connection.execute(
            text(f"DELETE FROM lsh_bands {where}"), {"low": low, "high": high}
        ).rowcount
    return moved


def _ids_at(store: Store, offsets: list[int]) -> list[str]:
    with store.engine.connect() as connection:
        return [
            connection.execute(
                text("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1 OFFSET :k"), {"k": k}
            ).scalar_one()
            for k in offsets
        ]


def merge_costs(db: str) -> dict[str, LevelCost]:
    """Time the pending merge at its threshold on the store at ``db``."""
    with Store.open(db) as store:
        store.merge_bands(force=True)
        with store.engine.connect() as connection:
            main_rows = _estimated_rows(connection, "lsh_bands")
            dialect = connection.dialect.name
            total = connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
        pending_rows = band_merge_threshold(main_rows, dialect)
        cuts = [0, pending_rows // LSH_BANDS]
        bounds = _ids_at(store, [min(cut, total - 1) for cut in cuts])  # a small store: all
        started = time.perf_counter()
        _take_out(store, "lsh_bands_pending", bounds[0], bounds[1])
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
