"""PostgreSQL: a finer sample of the lowered quote texts, so that the planner tells a common word
from a rare one (issue 14; ``bench/bench_store_volume.py``).

Quote search by text (``store.quote_text``) asks the oldest span of quotes first; the planner
then either walks ``ix_quotes_said_date_text`` in order until a page is found (right for a
common word: it stops early) or reads every match off the trigram index and sorts them (right
for a rare word). It chooses by its estimate of the LIKE's share of rows, read off the sampled
values of ``lower(text)``, the trigram index's expression; with the default sample (100
histogram values) a word in one quote in a hundred and a word in one in ten thousand both
estimate as "rare". At a million documents common words then read 8,000-13,000 table pages
each (p95 150 ms, the rest of the ask 10-20 ms). A target of 1,000 (ten times the sample:
ANALYZE of ``quotes`` 14 s at a million documents) gives the estimates to tell them apart: the
slowest candidate query 164 -> 83 ms, p95 of the ask 150 -> 74-94 ms (load 5-6). The
results do not change, only the plans. SQLite, or PostgreSQL without ``pg_trgm``: nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"

_INDEX = "ix_quotes_text_trgm"
#: Values sampled of the index's expression; PostgreSQL's default is 100.
TARGET = 1000


def _has_index() -> bool:
    if op.get_context().as_sql:
        return True  # offline SQL: written as if the index were there
    found = op.get_bind().execute(sa.text("SELECT to_regclass(:name)"), {"name": _INDEX})
    return found.scalar() is not None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql" or not _has_index():
        return
    op.execute(f"ALTER INDEX {_INDEX} ALTER COLUMN 1 SET STATISTICS {TARGET}")
    op.execute("ANALYZE quotes")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql" or not _has_index():
        return
    op.execute(f"ALTER INDEX {_INDEX} ALTER COLUMN 1 SET STATISTICS -1")
