"""Mentions of actors with their provenance, and which documents each stage has annotated.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "doc_id",
            sa.String(16),
            sa.ForeignKey(
                "documents.doc_id", ondelete="CASCADE", name="fk_mentions_doc_id_documents"
            ),
            nullable=False,
        ),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("original_start", sa.Integer(), nullable=False),
        sa.Column("original_end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(32)),
        sa.Column("actor_id", sa.String(200)),
        sa.Column("actor", sa.Text()),
        sa.Column("role", sa.Text()),
        sa.Column("country", sa.String(3)),
        sa.Column("metonym", sa.Boolean(), nullable=False),
        sa.Column("resolution", sa.String(32)),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
    )
    op.create_index("ix_mentions_doc_id", "mentions", ["doc_id"])
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"])
    op.create_table(
        "annotations",
        sa.Column(
            "doc_id",
            sa.String(16),
            sa.ForeignKey(
                "documents.doc_id", ondelete="CASCADE", name="fk_annotations_doc_id_documents"
            ),
            nullable=False,
        ),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("annotated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "stage", name="pk_annotations"),
    )


def downgrade() -> None:
    op.drop_table("annotations")
    op.drop_index("ix_mentions_actor_id", table_name="mentions")
    op.drop_index("ix_mentions_doc_id", table_name="mentions")
    op.drop_table("mentions")
