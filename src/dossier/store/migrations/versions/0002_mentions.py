"""Mentions of actors with their provenance, and which documents each stage has annotated."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import (
    create_annotations,
    document_key,
    extractor_columns,
    mention_columns,
    span_columns,
)

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        document_key("mentions"),
        *span_columns(),
        *mention_columns(),
        *extractor_columns(),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
    )
    op.create_index("ix_mentions_doc_id", "mentions", ["doc_id"])
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"])
    create_annotations(sa.Column("stage", sa.String(32), nullable=False))


def downgrade() -> None:
    op.drop_table("annotations")
    op.drop_index("ix_mentions_actor_id", table_name="mentions")
    op.drop_index("ix_mentions_doc_id", table_name="mentions")
    op.drop_table("mentions")
