"""Statements: quotes of several documents that carry the same words, linked as one.

Two new tables, filled by the statements stage (``drivers/statements.py``) at the end of
``dossier annotate``: ``statements`` (one row per statement: its speaker, first appearance,
documents and outlets) and ``statement_quotes`` (which statement each quote is a copy of). A
quote rewritten by a later annotate loses its row with it, which is how the stage knows to
regroup. A store migrated here is grouped by its next ``dossier annotate``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import create_member_table, drop_member_table
from dossier.store.migrations.ddl import reference as _reference

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    op.create_table(
        "statements",
        sa.Column("statement_id", sa.String(20), nullable=False),
        sa.Column("speaker_actor_id", sa.String(200)),
        sa.Column("speaker_actor", sa.Text()),
        _reference("statements", "first_doc_id", sa.String(16), "documents.doc_id"),
        sa.Column("first_date", sa.String(32)),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("quote_count", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("statement_id", name="pk_statements"),
    )
    op.create_index("ix_statements_speaker_actor_id", "statements", ["speaker_actor_id"])
    create_member_table("statement_quotes", "quotes", "statements", "statement_id")


def downgrade() -> None:
    drop_member_table("statement_quotes", "statement_id")
    op.drop_index("ix_statements_speaker_actor_id", table_name="statements")
    op.drop_table("statements")
