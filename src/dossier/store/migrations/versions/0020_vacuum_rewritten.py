"""PostgreSQL: the tables earlier migrations rewrote row by row are analysed and vacuumed
(issue 14; ``bench/bench_store_volume.py``).

Migrations 0014 and 0017 fill a new column in every row of ``quotes`` and ``event_actors``:
each row's old version is left dead, the table's pages lose their all-visible mark, and the
planner has no statistics for the new column. Where autovacuum is off, or has not come round
yet, quote search by text at a million documents then took p95 653 ms: its walk through the
oldest quotes (``ix_quotes_said_date_text``, migration 0018) is an index-only scan that read
the table for every entry, and its spans of date (``store.quote_text.date_windows``) were cut
without the column's histogram. ``ANALYZE`` runs here, in the upgrade's transaction; ``VACUUM``
cannot run in one, so it is asked of ``store.maintenance`` and runs once the upgrade has
committed. SQLite has no visibility map and its planner reads no statistics of these columns:
nothing to do there.
"""

from __future__ import annotations

from alembic import op

from dossier.store.maintenance import request_vacuum

revision = "0020"
down_revision = "0019"

_REWRITTEN = ("quotes", "event_actors")


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for table in _REWRITTEN:
        op.execute(f"ANALYZE {table}")
    if not op.get_context().as_sql:
        request_vacuum(op.get_bind(), *_REWRITTEN)


def downgrade() -> None:
    """Nothing to undo: statistics and a vacuum change no row."""
