"""Quotes: what was said, reported or believed, by whom (``model.Quote``).

A new fact table only; stored documents get their quotes at the next ``dossier annotate``,
since ``dossier_quotes`` is a new extractor none of them is marked done by.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import create_fact_table, drop_fact_table, text_column

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    create_fact_table(
        "quotes",
        text_column(),
        sa.Column("quote_kind", sa.String(16), nullable=False),
        sa.Column("cue", sa.Text()),
        sa.Column("cue_start", sa.Integer()),
        sa.Column("cue_end", sa.Integer()),
        sa.Column("speaker", sa.Text()),
        sa.Column("speaker_start", sa.Integer()),
        sa.Column("speaker_end", sa.Integer()),
        sa.Column("speaker_actor", sa.Text()),
        sa.Column("speaker_actor_id", sa.String(200)),
    )
    op.create_index("ix_quotes_speaker_actor", "quotes", ["speaker_actor"])
    op.create_index("ix_quotes_speaker_actor_id", "quotes", ["speaker_actor_id"])


def downgrade() -> None:
    op.drop_index("ix_quotes_speaker_actor_id", table_name="quotes")
    op.drop_index("ix_quotes_speaker_actor", table_name="quotes")
    drop_fact_table("quotes")
