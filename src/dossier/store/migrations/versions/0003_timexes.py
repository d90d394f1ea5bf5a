"""Time expressions with provenance, and each sentence's reference time.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _document_key(table: str) -> sa.Column:
    return sa.Column(
        "doc_id",
        sa.String(16),
        sa.ForeignKey("documents.doc_id", ondelete="CASCADE", name=f"fk_{table}_doc_id_documents"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "timexes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _document_key("timexes"),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("original_start", sa.Integer(), nullable=False),
        sa.Column("original_end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("anchor", sa.String(32)),
        sa.Column("mod", sa.String(32)),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_timexes"),
    )
    op.create_index("ix_timexes_doc_id", "timexes", ["doc_id"])
    op.create_index("ix_timexes_value", "timexes", ["value"])
    op.create_table(
        "sentence_times",
        _document_key("sentence_times"),
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
