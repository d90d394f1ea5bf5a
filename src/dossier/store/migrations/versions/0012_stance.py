"""Stances: who is for or against which target, from which evidence, when.

One new table, ``stances``, the fact table of ``model.Stance``. Stored documents get their
stances at the next ``dossier annotate`` that runs the stance extractor, since none of them is
marked done by it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import create_fact_table, drop_fact_table, text_column

revision = "0012"
down_revision = "0010"


def upgrade() -> None:
    create_fact_table(
        "stances",
        text_column(),
        sa.Column("holder", sa.Text(), nullable=False),
        sa.Column("holder_id", sa.String(200)),
        sa.Column("holder_country", sa.String(3)),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("target_id", sa.String(200)),
        sa.Column("polarity", sa.Integer(), nullable=False),
        sa.Column("strength", sa.Float(), nullable=False),
        sa.Column("basis", sa.String(16), nullable=False),
        sa.Column("cue", sa.Text()),
        sa.Column("evidence_kind", sa.String(16), nullable=False),
        sa.Column("evidence_id", sa.String(20)),
        sa.Column("date", sa.String(64)),
    )
    op.create_index("ix_stances_holder_id", "stances", ["holder_id"])
    op.create_index("ix_stances_holder_country", "stances", ["holder_country"])
    op.create_index("ix_stances_target_id_date", "stances", ["target_id", "date"])


def downgrade() -> None:
    op.drop_index("ix_stances_target_id_date", table_name="stances")
    op.drop_index("ix_stances_holder_country", table_name="stances")
    op.drop_index("ix_stances_holder_id", table_name="stances")
    drop_fact_table("stances")
