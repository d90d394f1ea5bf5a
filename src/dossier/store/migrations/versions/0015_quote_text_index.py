"""Quote search by text through a trigram index (``bench/bench_store_volume.py``).

``Store.quotes(about=...)`` asks for the quotes whose lowered text contains the words: a LIKE
with a leading wildcard, which no B-tree index serves, so every stored quote was read (at 50k
documents, p95 46 ms on SQLite, growing with the store). A trigram index finds the few quotes
that hold every three-character piece of the words; the LIKE then keeps only the true matches,
so the results and their order stay those of the scan.

SQLite: a contentless FTS5 table with the ``trigram`` tokenizer (SQLite 3.34 or later), keyed
by ``quotes_trigram_keys.key``: an INTEGER PRIMARY KEY, which VACUUM keeps, where the rowid of
``quotes`` (keyed by a string) may be renumbered. Triggers keep both in step with ``quotes``;
this fills them for the quotes already stored. PostgreSQL: ``pg_trgm``'s GIN index on
``lower(text)``, the expression the query compares; if the extension cannot be created (no
rights, not installed), the index is skipped and the query stays a correct scan.

Strings of one or two characters hold no trigram: on both databases they walk a new index of
every quote by said date, ``(said_date, doc_id, start, fact_id)``, and stop after a page, as
most quotes match them (at 50k documents on SQLite, "so": 86 -> 2 ms; a two-letter string that
matches nothing walks every entry, 40 -> 110 ms).
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations import trigram

revision = "0015"
down_revision = "0014"

log = logging.getLogger("alembic.runtime.migration")

_PG_INDEX = "ix_quotes_text_trgm"

# Contentless: the text lives in ``quotes``; deleting from the index needs the old text, which
# the triggers have as ``old.text`` (``migrations/trigram.py``).
_SQLITE = [
    "CREATE TABLE quotes_trigram_keys ("
    " key INTEGER PRIMARY KEY, fact_id VARCHAR(64) NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE quotes_trigram USING fts5(text, content='', tokenize='trigram')",
    trigram.insert_trigger(trigram.KEY_BY_FACT),
    trigram.DELETE_TRIGGER,
    trigram.update_trigger(trigram.KEY_BY_FACT),
    "INSERT INTO quotes_trigram_keys(fact_id) SELECT fact_id FROM quotes ORDER BY fact_id",
    """
    INSERT INTO quotes_trigram(rowid, text)
        SELECT k.key, q.text FROM quotes_trigram_keys k JOIN quotes q ON q.fact_id = k.fact_id
    """,
]

_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS quotes_trigram_insert",
    "DROP TRIGGER IF EXISTS quotes_trigram_delete",
    "DROP TRIGGER IF EXISTS quotes_trigram_update",
    "DROP TABLE IF EXISTS quotes_trigram",
    "DROP TABLE IF EXISTS quotes_trigram_keys",
]


_DATE = ["said_date", "doc_id", "start", "fact_id"]


def upgrade() -> None:
    op.create_index("ix_quotes_said_date", "quotes", _DATE)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in _SQLITE:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        # In a savepoint: a failed CREATE EXTENSION would otherwise abort the whole migration's
        # transaction.
        try:
            with bind.begin_nested():
                bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        except sa.exc.DBAPIError as error:
            reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
            log.warning(
                "pg_trgm cannot be created (%s): no trigram index on quotes.text; quote "
                "search by text scans every quote",
                reason,
            )
            return
        op.execute(f"CREATE INDEX {_PG_INDEX} ON quotes USING gin (lower(text) gin_trgm_ops)")


def downgrade() -> None:
    op.drop_index("ix_quotes_said_date", table_name="quotes")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in _SQLITE_DOWN:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        # The extension stays: other databases' objects, or a DBA's, may use it.
        op.execute(f"DROP INDEX IF EXISTS {_PG_INDEX}")
