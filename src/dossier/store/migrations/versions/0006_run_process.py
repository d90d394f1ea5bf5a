"""Which process an ingest run is: its host, its pid and the moment that process started.

A run killed mid-ingest (``kill -9``, a power cut) never records its end. With the process
recorded, a reader can tell such a run from one still going: on SQLite by asking whether that
process is still alive on this host (``store/runs.py``), on PostgreSQL by the advisory lock a
live run holds. Runs recorded before this revision carry no process; an unfinished one of them
reads as killed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    # Plain ADD COLUMN, nullable: no table rebuild on SQLite, which would (foreign keys on)
    # cascade the drop of ingest_runs into ingest_failures.
    op.add_column("ingest_runs", sa.Column("host", sa.String(255), nullable=True))
    op.add_column("ingest_runs", sa.Column("pid", sa.Integer(), nullable=True))
    op.add_column("ingest_runs", sa.Column("process_start", sa.String(64), nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place since 3.35; no rebuild, for the reason above.
    op.drop_column("ingest_runs", "process_start")
    op.drop_column("ingest_runs", "pid")
    op.drop_column("ingest_runs", "host")
