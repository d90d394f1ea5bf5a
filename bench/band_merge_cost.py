"""What the band index's merges cost per row at their thresholds, on a large store: the charge an
ingest owes for the merges its new bands will take part in (``bench_store_volume.py``).

A merge is timed at the size it runs at: rows of some documents are taken out of ``lsh_bands``
into the upper levels first (untimed), then moved back by the store's own merge (timed), so the
store ends as it began. Three merges:

- ``single``: the pending rows straight into ``lsh_bands`` at the pending threshold (the index
  before migration 0023, for comparison);
- ``pending``: the pending rows into the middle level at the pending threshold, the middle level
  holding half its threshold (its average size);
- ``mid``: the middle level into ``lsh_bands`` at its threshold.

A row's charge with the middle level is the sum of the last two per-row costs; an ingest that
adds R rows owes R times it, pro rata to the thresholds.
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
    mid_merge_threshold,
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


def merge_costs(db: str, single: bool = True) -> dict[str, LevelCost]:
    """Time the merges at their thresholds on the store at ``db`` (see the module's text)."""
    with Store.open(db) as store:
        store.merge_bands(force=True)
        with store.engine.connect() as connection:
            main_rows = _estimated_rows(connection, "lsh_bands")
            dialect = connection.dialect.name
        pending_rows = band_merge_threshold(main_rows, dialect)
        mid_rows = mid_merge_threshold(main_rows, pending_rows)
        # Documents per range; each has LSH_BANDS rows.
        p_docs, mid_docs = pending_rows // LSH_BANDS, mid_rows // LSH_BANDS
        cuts = [0, p_docs, p_docs + mid_docs // 2, p_docs + mid_docs]
        with store.engine.connect() as connection:
            total = connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
        bounds = _ids_at(store, [min(cut, total - 1) for cut in cuts])  # a small store: all
        costs: dict[str, LevelCost] = {}
        started = time.perf_counter()
        if single and pending_rows > 200_000:
            print(f"  (the one-level merge of {pending_rows:,} rows left out: minutes; see README)")
            single = False
        if single:
            _take_out(store, "lsh_bands_pending", bounds[0], bounds[1])
            costs["single"] = LevelCost(*store.move_bands("pending", "main"))
        _take_out(store, "lsh_bands_mid", bounds[1], bounds[2])
        _take_out(store, "lsh_bands_pending", bounds[0], bounds[1])
        costs["pending"] = LevelCost(*store.move_bands("pending", "mid"))
        _take_out(store, "lsh_bands_mid", bounds[2], bounds[3])
        costs["mid"] = LevelCost(*store.move_bands("mid", "main"))
        print(
            f"  merge costs at {main_rows:,} main rows (thresholds: pending {pending_rows:,},"
            f" middle {mid_rows:,}; {time.perf_counter() - started:.0f} s with the set-up):"
            + "".join(
                f" {name} {cost.rows:,} rows {cost.seconds:.1f} s"
                f" ({1e6 * cost.per_row:.1f} µs/row);"
                for name, cost in costs.items()
            )
        )
    return costs
