"""Quotes learn their medium, when they were said, and several or group speakers.

Four new columns on ``quotes`` (``model.Quote``): ``speaker_group``, ``speaker_actors`` (a JSON
list, empty for one speaker), ``medium`` and ``said_on``. Stored quotes keep their rows with the
new columns empty; the quote extractor's version changes with this, so the next ``dossier
annotate`` fills them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(
            sa.Column("speaker_group", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("speaker_actors", sa.JSON(), nullable=False, server_default="[]")
        )
        batch.add_column(sa.Column("medium", sa.String(32)))
        batch.add_column(sa.Column("said_on", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("said_on")
        batch.drop_column("medium")
        batch.drop_column("speaker_actors")
        batch.drop_column("speaker_group")
