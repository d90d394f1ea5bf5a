"""Mentions of actors with their provenance, and which documents each stage has annotated."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import document_key, extractor_columns, span_columns

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        document_key("mentions"),
        *span_columns(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(32)),
        sa.Column("actor_id", sa.String(200)),
        sa.Column("actor", sa.Text()),
        sa.Column("role", sa.Text()),
        sa.Column("country", sa.String(3)),
        sa.Column("metonym", sa.Boolean(), nullable=False),
        sa.Column("resolution", sa.String(32)),
        *extractor_columns(),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
    )
    op.create_index("ix_mentions_doc_id", "mentions", ["doc_id"])
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"])
    op.create_table(
        "annotations",
        document_key("annotations"),
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
