"""Aggregates kept by the fact writer: an actor page and a stance timeline read a page of rows
at any size of store (issue 14; ``bench/bench_store_volume.py``).

At a million documents the most-mentioned actor is named in a hundred thousand of them and the
largest country holds a hundred thousand stances; counting them at each ask cost hundreds of
milliseconds however the indexes were laid out.

- ``actor_documents (actor_id, doc_id, mentions, undated, pub_date)``: mentions per actor and
  document, with the document's date; ``ix_actor_documents_rank`` on ``(actor_id, mentions
  DESC, undated, pub_date, doc_id)`` is the actor page's order, so a page is its first rows.
- ``stance_tallies``: stances by grouping (holder or holder's country), target and period (all
  time, year, month), with the counts ``Store.stance_counts`` gives.

Both are filled here from the stored facts; ``Store.write_facts`` keeps them in step after.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"

_BYTEWISE = sa.String(64).with_variant(sa.String(64, collation="C"), "postgresql")

_documents = sa.table("documents", sa.column("doc_id"), sa.column("pub_date"))
_mentions = sa.table("mentions", sa.column("doc_id"), sa.column("actor_id"))
_stances = sa.table(
    "stances",
    sa.column("doc_id"),
    sa.column("holder"),
    sa.column("holder_country"),
    sa.column("target"),
    sa.column("date", sa.String),
    sa.column("polarity", sa.Integer),
)


def upgrade() -> None:
    op.create_table(
        "actor_documents",
        sa.Column("actor_id", sa.String(200), nullable=False),
        sa.Column(
            "doc_id",
            sa.String(16),
            sa.ForeignKey(
                "documents.doc_id", ondelete="CASCADE", name="fk_actor_documents_doc_id_documents"
            ),
            nullable=False,
        ),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("undated", sa.Integer(), nullable=False),
        sa.Column("pub_date", sa.String(32)),
        sa.PrimaryKeyConstraint("actor_id", "doc_id", name="pk_actor_documents"),
    )
    op.create_table(
        "stance_tallies",
        sa.Column("grouping", sa.String(8), nullable=False),
        sa.Column("period_kind", sa.String(8), nullable=False),
        sa.Column("grp", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("period", sa.String(64), nullable=False),
        sa.Column("in_favour", sa.Integer(), nullable=False),
        sa.Column("against", sa.Integer(), nullable=False),
        sa.Column("stances", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("first", _BYTEWISE),
        sa.Column("last", _BYTEWISE),
        sa.PrimaryKeyConstraint(
            "grouping", "period_kind", "grp", "target", "period", name="pk_stance_tallies"
        ),
    )
    bind = op.get_bind()
    undated = sa.case((_documents.c.pub_date.is_(None), 1), else_=0)
    counts = (
        sa.select(
            _mentions.c.actor_id,
            _mentions.c.doc_id,
            sa.func.count(),
            sa.func.max(undated),
            sa.func.max(_documents.c.pub_date),
        )
        .join(_documents, _documents.c.doc_id == _mentions.c.doc_id)
        .where(_mentions.c.actor_id.is_not(None))
        .group_by(_mentions.c.actor_id, _mentions.c.doc_id)
    )
    actor_documents = sa.table(
        "actor_documents", *(sa.column(c) for c in ("actor_id", "doc_id", "mentions", "undated",
                                                     "pub_date"))
    )  # fmt: skip
    bind.execute(sa.insert(actor_documents).from_select(list(actor_documents.c.keys()), counts))
    # After the rows: one sort, not a B-tree grown a row at a time.
    op.create_index("ix_actor_documents_doc_id", "actor_documents", ["doc_id"])
    op.create_index(
        "ix_actor_documents_rank",
        "actor_documents",
        ["actor_id", sa.text("mentions DESC"), "undated", "pub_date", "doc_id"],
    )
    names = ["grouping", "period_kind", "grp", "target", "period", "in_favour", "against",
             "stances", "documents", "first", "last"]  # fmt: skip
    tallies = sa.table("stance_tallies", *(sa.column(c) for c in names))
    for select in _tally_selects(bind.dialect.name):
        bind.execute(sa.insert(tallies).from_select(names, select))


def _tally_selects(dialect: str) -> list[Any]:
    """Per grouping and period kind: the stances added up as ``Store.stance_counts`` adds
    them (as of this revision)."""
    s = _stances.c
    dated: Any = sa.func.nullif(s.date, "")
    if dialect == "postgresql":
        dated = dated.collate("C")
    year = sa.func.substr(s.date, 1, 4)
    selects = []
    for grouping, group in (("actor", s.holder), ("country", s.holder_country)):
        for kind in ("all", "year", "month"):
            where = [group.is_not(None)]
            when: Any = sa.literal("", sa.String)
            if kind != "all":
                where += [s.date.is_not(None), year.regexp_match("^[0-9]+$")]
                when = year
                if kind == "month":
                    where += [
                        sa.func.length(s.date) >= 7,
                        sa.func.substr(s.date, 6, 2).regexp_match("^[0-9]+$"),
                    ]
                    when = sa.func.substr(s.date, 1, 7)
            keys = [group, s.target] + ([when] if kind != "all" else [])
            selects.append(
                sa.select(
                    sa.literal(grouping, sa.String),
                    sa.literal(kind, sa.String),
                    group,
                    s.target,
                    when,
                    sa.func.sum(sa.case((s.polarity > 0, 1), else_=0)),
                    sa.func.sum(sa.case((s.polarity < 0, 1), else_=0)),
                    sa.func.count(),
                    sa.func.count(s.doc_id.distinct()),
                    sa.func.min(dated),
                    sa.func.max(dated),
                )
                .where(*where)
                .group_by(*keys)
            )
    return selects


def downgrade() -> None:
    op.drop_table("stance_tallies")
    op.drop_index("ix_actor_documents_rank", table_name="actor_documents")
    op.drop_index("ix_actor_documents_doc_id", table_name="actor_documents")
    op.drop_table("actor_documents")
