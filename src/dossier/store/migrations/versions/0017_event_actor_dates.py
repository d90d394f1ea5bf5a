"""Each event's date beside its actors: an actor's events of a year are one index range
(issue 14; ``bench/bench_store_volume.py``).

At a million documents "events of an actor in one year" took p95 730 ms on SQLite: the
actor's fact ids came from ``ix_event_actors_actor_id_fact_id``, then every one of the most
written-about actor's hundred thousand events was read to keep the year's. ``event_actors``
now holds the event's ``date`` (written with the row by the fact writer, filled here from
``events``) and ``(actor_id, date, fact_id)`` replaces ``(actor_id, fact_id)``: the query
bounds the date in the look-up as well, so only the year's fact ids come back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"

_OLD = ("ix_event_actors_actor_id_fact_id", ["actor_id", "fact_id"])
_NEW = ("ix_event_actors_actor_id_date_fact_id", ["actor_id", "date", "fact_id"])


def upgrade() -> None:
    op.add_column("event_actors", sa.Column("date", sa.String(64)))
    op.execute(
        "UPDATE event_actors SET date ="
        " (SELECT events.date FROM events WHERE events.fact_id = event_actors.fact_id)"
    )
    op.create_index(_NEW[0], "event_actors", _NEW[1])
    op.drop_index(_OLD[0], table_name="event_actors")


def downgrade() -> None:
    op.create_index(_OLD[0], "event_actors", _OLD[1])
    op.drop_index(_NEW[0], table_name="event_actors")
    with op.batch_alter_table("event_actors") as batch:
        batch.drop_column("date")
