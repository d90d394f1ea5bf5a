"""A log-structured band index: new documents' LSH bands go to ``lsh_bands_pending`` first
(issue 14; ``bench/bench_store_volume.py``).

At a million documents each new document added 25 random keys to ``ix_lsh_bands_band_hash``:
about 24 of the 44 pages a document's ingest wrote, each a random read on a cold cache, and
ingest into that store ran at half the speed of ingest into an empty one. The pending table is
small, so its pages stay cached; ``Store.merge_bands`` moves its rows into ``lsh_bands`` in
band-hash order once it passes a threshold, touching each page of the large index once per
merge rather than once per band. Look-ups read both tables.

The downgrade moves the pending rows into ``lsh_bands`` before dropping the table, so no
document loses its bands.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import document_key

revision = "0019"
down_revision = "0018"


def upgrade() -> None:
    op.create_table(
        "lsh_bands_pending",
        document_key("lsh_bands_pending"),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("band_hash", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "band", name="pk_lsh_bands_pending"),
    )
    op.create_index("ix_lsh_bands_pending_band_hash", "lsh_bands_pending", ["band_hash"])


def downgrade() -> None:
    # "WHERE true": SQLite cannot otherwise tell the upsert's ON from a join's.
    op.execute(
        "INSERT INTO lsh_bands (doc_id, band, band_hash)"
        " SELECT doc_id, band, band_hash FROM lsh_bands_pending WHERE true ORDER BY band_hash"
        " ON CONFLICT (doc_id, band) DO NOTHING"
    )
    op.drop_index("ix_lsh_bands_pending_band_hash", table_name="lsh_bands_pending")
    op.drop_table("lsh_bands_pending")
