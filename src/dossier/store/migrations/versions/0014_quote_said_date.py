"""Quotes keep when they were said, indexed with their speaker (``bench/bench_store_volume.py``).

``quotes.said_date`` holds what ``Store.quotes`` orders and bounds by: the quote's own date
(``said_on``), else its sentence's reference time, else the document's date. Derived on the fly
from three tables, every quote of a speaker was joined and sorted before the oldest fifty could
come back (at 100k documents, p95 220 ms on SQLite, 386 ms on PostgreSQL). Stored, with an
index ``(speaker_actor_id, said_date, doc_id, start, fact_id)`` in place of
``(speaker_actor_id)``, a page of them is read off the index (at 20k documents, p95 17 -> 6 ms
on SQLite, 36-50 -> 3 ms on PostgreSQL, loaded machine). No index on the date alone: SQLite
walked it for a text search, through the table row by row, twice as slow as a scan.
The fact writer keeps it current (``store.quotes.refresh_said_dates``); this fills it for the
quotes already stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"

_SPEAKER = ["speaker_actor_id", "said_date", "doc_id", "start", "fact_id"]

# The derivation ``Store.quotes`` made on every read until now, frozen here as it was (the
# writer's copy is ``store.quotes.said_date_of_quote``).
_BACKFILL = """
UPDATE quotes SET said_date = COALESCE(
    said_on,
    (SELECT min(s.reference_time) FROM sentences s
     WHERE s.doc_id = quotes.doc_id AND s.sentence = quotes.sentence),
    (SELECT d.pub_date FROM documents d WHERE d.doc_id = quotes.doc_id)
)
"""


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("said_date", sa.String(64)))
    op.execute(_BACKFILL)
    op.create_index("ix_quotes_speaker_actor_id_said_date", "quotes", _SPEAKER)
    op.drop_index("ix_quotes_speaker_actor_id", table_name="quotes")


def downgrade() -> None:
    op.create_index("ix_quotes_speaker_actor_id", "quotes", ["speaker_actor_id"])
    op.drop_index("ix_quotes_speaker_actor_id_said_date", table_name="quotes")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("said_date")
