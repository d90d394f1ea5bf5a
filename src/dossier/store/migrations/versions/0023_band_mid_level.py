"""A middle level for the log-structured band index: pending bands are merged into
``lsh_bands_mid`` and that into ``lsh_bands`` only once it holds a quarter of it (issue 14;
``bench/bench_store_volume.py``).

A merge of the pending bands into ``lsh_bands`` writes every page of its two indexes that the
rows fall on: at a million documents (25 million band rows) nearly all of them, whether 50,000
or 1,250,000 rows are merged, so each merged row paid for 1/20 (SQLite) to 1/500 (PostgreSQL)
of the large index. Merged into the middle table instead, which is at most a quarter of the
large one and on average an eighth, the pending rows write a smaller index; the middle rows
reach the large index in batches five times larger. Look-ups read all three tables.

The downgrade moves the middle rows into ``lsh_bands`` before dropping the table, so no
document loses its bands.

Revision ID: 0023
Revises: 0021
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import document_key

revision: str = "0023"
down_revision: str | Sequence[str] | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lsh_bands_mid",
        document_key("lsh_bands_mid"),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("band_hash", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "band", name="pk_lsh_bands_mid"),
    )
    op.create_index("ix_lsh_bands_mid_band_hash", "lsh_bands_mid", ["band_hash"])


def downgrade() -> None:
    # "WHERE true": SQLite cannot otherwise tell the upsert's ON from a join's.
    op.execute(
        "INSERT INTO lsh_bands (doc_id, band, band_hash)"
        " SELECT doc_id, band, band_hash FROM lsh_bands_mid WHERE true ORDER BY band_hash"
        " ON CONFLICT (doc_id, band) DO NOTHING"
    )
    op.drop_index("ix_lsh_bands_mid_band_hash", table_name="lsh_bands_mid")
    op.drop_table("lsh_bands_mid")
