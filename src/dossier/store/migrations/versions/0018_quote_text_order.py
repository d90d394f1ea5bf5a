"""SQLite's trigram keys carry each quote's place in date order: a text search sorts its
candidates without reading the quotes (issue 14; ``bench/bench_store_volume.py``).

At a million documents quote search by a common word took p95 269 ms on SQLite: the trigram
index found every quote holding the word's trigrams, and each one's row (then its document's
and statement's rows) was read before the oldest fifty could be kept. ``quotes_trigram_keys``
now holds ``said_date``, ``doc_id`` and ``start`` beside ``fact_id``, the whole of the order
``Store.quotes`` answers in: the candidates are sorted on those narrow rows, read in key order
(the order the index returns them in), and only a page of them is read from ``quotes``. The
triggers keep them in step: on insert, on a new text, and when the fact writer derives a
quote's said date after writing it (``store.quotes.refresh_said_dates``).

PostgreSQL (465 ms): its planner walked ``ix_quotes_said_date`` for any LIKE with a LIMIT,
reading the table row by row (tens of thousands of pages for a word in one quote in three
hundred), or read every match of a common word from the table. ``ix_quotes_said_date_text``
holds the text beside the same key, so the walk through the oldest quotes is an index-only
scan, pages of the index read in order; a rarer word then goes to the trigram index for the
rest (``store.quote_text``).
"""

from __future__ import annotations

from alembic import op

from dossier.store.migrations import trigram

revision = "0018"
down_revision = "0017"

# The triggers of 0015, as they were: put back by the downgrade.
_OLD_TRIGGERS = [
    trigram.insert_trigger(trigram.KEY_BY_FACT),
    trigram.update_trigger(trigram.KEY_BY_FACT),
]

_NEW_TRIGGERS = [
    trigram.insert_trigger(trigram.KEY_IN_DATE_ORDER),
    trigram.update_trigger(trigram.KEY_IN_DATE_ORDER),
    # The fact writer inserts a quote, then derives its said date: the common case.
    """
    CREATE TRIGGER quotes_trigram_order AFTER UPDATE OF said_date, doc_id, start ON quotes BEGIN
        UPDATE quotes_trigram_keys
            SET said_date = new.said_date, doc_id = new.doc_id, start = new.start
            WHERE fact_id = new.fact_id;
    END
    """,
]

_COLUMNS = [("said_date", "VARCHAR(64)"), ("doc_id", "VARCHAR(16)"), ("start", "INTEGER")]


_PG_INDEX = "ix_quotes_said_date_text"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE INDEX {_PG_INDEX} ON quotes (said_date, doc_id, start, fact_id) INCLUDE (text)"
        )
        return
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, kind in _COLUMNS:
        op.execute(f"ALTER TABLE quotes_trigram_keys ADD COLUMN {name} {kind}")
    op.execute(
        "UPDATE quotes_trigram_keys SET (said_date, doc_id, start) ="
        " (SELECT q.said_date, q.doc_id, q.start FROM quotes q"
        "  WHERE q.fact_id = quotes_trigram_keys.fact_id)"
    )
    op.execute("DROP TRIGGER quotes_trigram_insert")
    op.execute("DROP TRIGGER quotes_trigram_update")
    for statement in _NEW_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {_PG_INDEX}")
        return
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("quotes_trigram_order", "quotes_trigram_insert", "quotes_trigram_update"):
        op.execute(f"DROP TRIGGER {name}")
    for statement in _OLD_TRIGGERS:
        op.execute(statement)
    for name, _ in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE quotes_trigram_keys DROP COLUMN {name}")
