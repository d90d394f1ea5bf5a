"""Time expressions with provenance, and each sentence's reference time."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import (
    document_key,
    extractor_columns,
    span_columns,
    timex_columns,
)

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "timexes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        document_key("timexes"),
        *span_columns(),
        *timex_columns(),
        *extractor_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_timexes"),
    )
    op.create_index("ix_timexes_doc_id", "timexes", ["doc_id"])
    op.create_index("ix_timexes_value", "timexes", ["value"])
    op.create_table(
        "sentence_times",
        document_key("sentence_times"),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("reference_time", sa.String(64)),
        sa.PrimaryKeyConstraint("doc_id", "sentence", name="pk_sentence_times"),
    )


def downgrade() -> None:
    op.drop_table("sentence_times")
    op.drop_index("ix_timexes_value", table_name="timexes")
    op.drop_index("ix_timexes_doc_id", table_name="timexes")
    op.drop_table("timexes")
