"""Events: PLOVER event facts, their actors as rows, and reports of one event merged.

Four new tables. ``events`` is the fact table of ``model.Event`` (the actor sets as JSON lists);
``event_actors`` repeats each actor of an event as a row, so asking by actor or country is an
index look-up on both databases; ``merged_events`` and ``merged_event_reports`` are filled by the
event merging stage (``drivers/events.py``) at the end of ``dossier annotate``. Stored documents
get their events at the next ``dossier annotate`` that runs the events extractor, since none of
them is marked done by it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import (
    create_fact_table,
    create_member_table,
    drop_fact_table,
    drop_member_table,
    reference,
    text_column,
)

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    create_fact_table(
        "events",
        text_column(),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column("target", sa.JSON(), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("context", sa.String(32)),
        sa.Column("cameo", sa.String(8)),
        sa.Column("goldstein", sa.Float()),
        sa.Column("date", sa.String(64)),
        sa.Column("date_basis", sa.String(16)),
        sa.Column("location", sa.Text()),
        sa.Column("modality", sa.String(16), nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_event_type_date", "events", ["event_type", "date"])
    op.create_table(
        "event_actors",
        reference("event_actors", "fact_id", sa.String(20), "events.fact_id"),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.String(200)),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.PrimaryKeyConstraint("fact_id", "side", "position", name="pk_event_actors"),
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"])
    op.create_index("ix_event_actors_country", "event_actors", ["country"])
    op.create_table(
        "merged_events",
        sa.Column("merged_id", sa.String(20), nullable=False),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("date", sa.String(64)),
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column("target", sa.JSON(), nullable=False),
        sa.Column("cameo", sa.String(8)),
        sa.Column("goldstein", sa.Float()),
        sa.Column("modality", sa.String(16), nullable=False),
        reference("merged_events", "first_doc_id", sa.String(16), "documents.doc_id"),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("merged_id", name="pk_merged_events"),
    )
    op.create_index("ix_merged_events_date", "merged_events", ["date"])
    op.create_index("ix_merged_events_event_type_date", "merged_events", ["event_type", "date"])
    create_member_table("merged_event_reports", "events", "merged_events", "merged_id")


def downgrade() -> None:
    drop_member_table("merged_event_reports", "merged_id")
    op.drop_index("ix_merged_events_event_type_date", table_name="merged_events")
    op.drop_index("ix_merged_events_date", table_name="merged_events")
    op.drop_table("merged_events")
    op.drop_index("ix_event_actors_country", table_name="event_actors")
    op.drop_index("ix_event_actors_actor_id", table_name="event_actors")
    op.drop_table("event_actors")
    op.drop_index("ix_events_event_type_date", table_name="events")
    op.drop_index("ix_events_date", table_name="events")
    drop_fact_table("events")
