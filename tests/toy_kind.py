"""A fact kind that only the tests know, added as a plugin adds one: a record, a table, a
migration in a folder of its own, and a ``register_kind`` call (see ``dossier.store.kinds``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text

from dossier.model import Fact
from dossier.store.engine import migration_revisions
from dossier.store.kinds import FACT_KINDS, register_kind


@dataclass(frozen=True)
class ToyClaim(Fact):
    """A claim a document makes, and how strongly."""

    kind: ClassVar[str] = "toy_claim"

    text: str
    strength: float


TOY_TABLE = Table(
    "toy_claims",
    MetaData(),
    Column("fact_id", String(20), primary_key=True),
    Column("doc_id", String(16)),
    *(Column(name, Integer) for name in ("start", "end", "original_start", "original_end")),
    Column("sentence", Integer),
    Column("extractor", String(64)),
    Column("extractor_version", String(32)),
    Column("confidence", Float),
    Column("text", Text),
    Column("strength", Float),
)

_MIGRATION = '''
"""A toy fact kind's table."""
import sqlalchemy as sa
from alembic import op

revision = "toy0001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "toy_claims",
        sa.Column("fact_id", sa.String(20), primary_key=True),
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("original_start", sa.Integer(), nullable=False),
        sa.Column("original_end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer()),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("strength", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("toy_claims")
'''


@contextmanager
def registered_toy_kind(folder: Path) -> Iterator[str]:
    """Write the toy kind's migration into ``folder`` (created) and register the kind; yields
    the folder, for ``extra_migrations``, and unregisters the kind after."""
    folder.mkdir()
    head = migration_revisions()[1]
    (folder / "toy0001_claims.py").write_text(_MIGRATION.format(head=head), encoding="utf-8")
    register_kind(ToyClaim, TOY_TABLE)
    try:
        yield str(folder)
    finally:
        FACT_KINDS.pop(ToyClaim.kind, None)
