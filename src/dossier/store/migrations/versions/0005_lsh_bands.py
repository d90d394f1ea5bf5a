"""The near-duplicate band index, filled for the documents already stored.

Ingest used to load every stored signature to find near-duplicates; it now looks up a new
document's LSH bands in ``lsh_bands``. The bands of documents stored before this revision are
computed here from their stored signatures (which are unchanged), so an old store needs no
re-ingest.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import document_key
from dossier.store.stories import band_rows

revision = "0005"
down_revision = "0004"

#: Documents read per round while filling the index: bounded memory on a large store.
_PAGE = 1000


def upgrade() -> None:
    bands = op.create_table(
        "lsh_bands",
        document_key("lsh_bands"),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("band_hash", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "band", name="pk_lsh_bands"),
    )
    _fill(bands)
    # After the fill: one index build is cheaper than keeping it up to date row by row.
    op.create_index("ix_lsh_bands_band_hash", "lsh_bands", ["band_hash"])


def _fill(bands: sa.Table) -> None:
    connection = op.get_bind()
    documents = sa.table(
        "documents", sa.column("doc_id", sa.String(16)), sa.column("minhash", sa.LargeBinary())
    )
    last = ""
    while True:
        page = connection.execute(
            sa.select(documents.c.doc_id, documents.c.minhash)
            .where(documents.c.doc_id > last, documents.c.minhash.is_not(None))
            .order_by(documents.c.doc_id)
            .limit(_PAGE)
        ).all()
        if not page:
            return
        rows = [row for doc_id, minhash in page for row in band_rows(doc_id, bytes(minhash))]
        if rows:
            connection.execute(sa.insert(bands), rows)
        last = page[-1][0]


def downgrade() -> None:
    op.drop_index("ix_lsh_bands_band_hash", table_name="lsh_bands")
    op.drop_table("lsh_bands")
