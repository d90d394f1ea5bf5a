"""The near-duplicate band tables keyed by the document's ``seq``, not its id (issue 14;
``bench/bench_store_volume.py --merge-costs``).

``lsh_bands`` had two indexes: its key (doc_id, band) and ``band_hash``. A document id is a
content hash, so both took each new row at a random place: a merge of the pending bands wrote
each row into two random pages of two large indexes. A document's ``seq`` only grows, so with
(seq, band) as the key a merge appends new documents' rows at the end of that index, and only
the band-hash index, the one look-ups read, still takes random places. Measured on the
1,000,000-document PostgreSQL store (25 million band rows), the 50,000 rows of one merge:
45.2 -> 17.6 µs a row. A look-up joins ``documents`` on ``seq`` for the few bands it finds;
a deleted document's bands still go with it (ON DELETE CASCADE, now on ``seq``).

Each table is copied out through its documents, dropped, and made again in the new shape, its
rows in key order and its indexes (and on PostgreSQL its key and reference) built after them.
The downgrade does the same the other way.

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"

_TABLES = ("lsh_bands", "lsh_bands_pending")


def _rebuild(table: str, key: str) -> None:
    """Remake ``table`` keyed by (``key``, band), ``key`` being "seq" or "doc_id"."""
    staging = f"{table}_staging"
    other = "doc_id" if key == "seq" else "seq"
    op.execute(
        f"CREATE TABLE {staging} AS SELECT d.{key} AS {key}, b.band AS band,"
        f" b.band_hash AS band_hash FROM {table} b JOIN documents d ON d.{other} = b.{other}"
    )
    op.drop_index(f"ix_{table}_band_hash", table_name=table)
    op.drop_table(table)
    postgresql = op.get_context().dialect.name == "postgresql"
    column = (
        sa.Column("seq", sa.BigInteger(), nullable=False)
        if key == "seq"
        else sa.Column("doc_id", sa.String(16), nullable=False)
    )
    reference = sa.ForeignKeyConstraint(
        [key], [f"documents.{key}"], ondelete="CASCADE", name=f"fk_{table}_{key}_documents"
    )
    primary = sa.PrimaryKeyConstraint(key, "band", name=f"pk_{table}")
    constraints = [] if postgresql else [reference, primary]
    op.create_table(
        table,
        column,
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("band_hash", sa.BigInteger(), nullable=False),
        *constraints,
    )
    op.execute(
        f"INSERT INTO {table} ({key}, band, band_hash)"
        f" SELECT {key}, band, band_hash FROM {staging} ORDER BY {key}, band"
    )
    op.drop_table(staging)
    if postgresql:
        # Built once over the rows, not entry by entry; the reference checked by one join.
        op.create_primary_key(f"pk_{table}", table, [key, "band"])
        op.create_foreign_key(
            f"fk_{table}_{key}_documents", table, "documents", [key], [key], ondelete="CASCADE"
        )
    op.create_index(f"ix_{table}_band_hash", table, ["band_hash"])
    if postgresql:
        # A new table has no statistics until autovacuum (off on some servers) comes round.
        op.execute(f"ANALYZE {table}")


def upgrade() -> None:
    for table in _TABLES:
        _rebuild(table, "seq")


def downgrade() -> None:
    for table in _TABLES:
        _rebuild(table, "doc_id")
