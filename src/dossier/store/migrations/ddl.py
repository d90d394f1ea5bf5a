"""Columns the migrations share: a row's document, a fact's span, the extractor that wrote it;
and the tables built of them: a fact table (``create_fact_table``, first written in 0004), the
annotation marks (``create_annotations``, 0002 and 0004), a group's members
(``create_member_table``, 0008 and 0010).

Frozen, like the DDL of each revision: revisions already written call these, so changing one
would make an old revision create a schema other than its own. A revision that needs another
shape writes its columns out itself.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def document_key(table: str) -> sa.Column:
    """``doc_id``: the document a row of ``table`` belongs to; the row goes with it."""
    return sa.Column(
        "doc_id",
        sa.String(16),
        sa.ForeignKey("documents.doc_id", ondelete="CASCADE", name=f"fk_{table}_doc_id_documents"),
        nullable=False,
    )


def span_columns() -> list[sa.Column]:
    """Where a fact stands: its character offsets in the cleaned and the original text, and
    the index of its sentence."""
    return [
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("original_start", sa.Integer(), nullable=False),
        sa.Column("original_end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer()),
    ]


def extractor_columns() -> list[sa.Column]:
    """The extractor that wrote a row, and its version."""
    return [
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    ]


def text_column() -> sa.Column:
    """``text``: the words a fact was read from, as the text reads (every fact table's first
    column after ``fact_columns``)."""
    return sa.Column("text", sa.Text(), nullable=False)


def mention_columns() -> list[sa.Column]:
    """What a mention holds besides its key, span and provenance: its words, label, actor (id,
    name, role, country), whether it is a metonym, and how it was resolved (0002; 0004 kept
    them as they were)."""
    return [
        text_column(),
        sa.Column("label", sa.String(32)),
        sa.Column("actor_id", sa.String(200)),
        sa.Column("actor", sa.Text()),
        sa.Column("role", sa.Text()),
        sa.Column("country", sa.String(3)),
        sa.Column("metonym", sa.Boolean(), nullable=False),
        sa.Column("resolution", sa.String(32)),
    ]


def timex_columns() -> list[sa.Column]:
    """What a time expression holds besides its key, span and provenance: its words and its
    TIMEX3 type, value, anchor and modifier (0003; 0004 kept them as they were)."""
    return [
        text_column(),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("anchor", sa.String(32)),
        sa.Column("mod", sa.String(32)),
    ]


def reference(table: str, column: str, type_: sa.types.TypeEngine, target: str) -> sa.Column:
    """A required column of ``table`` pointing at ``target`` (``"table.column"``); the row goes
    with its target. Named as ``schema.NAMING_CONVENTION`` names foreign keys."""
    referred = target.split(".")[0]
    name = f"fk_{table}_{column}_{referred}"
    return sa.Column(
        column, type_, sa.ForeignKey(target, ondelete="CASCADE", name=name), nullable=False
    )


def fact_columns(table: str) -> list[sa.Column]:
    """What every row of a fact table holds, in this order: its fact id, document, span,
    extractor and confidence."""
    return [
        sa.Column("fact_id", sa.String(20), nullable=False),
        document_key(table),
        *span_columns(),
        *extractor_columns(),
        sa.Column("confidence", sa.Float(), nullable=False),
    ]


def create_fact_table(name: str, *columns: sa.Column) -> sa.Table:
    """Create the fact table ``name``: ``fact_columns``, then ``columns``, keyed by the fact id,
    with an index on its document (``ix_<name>_doc_id``)."""
    table = op.create_table(
        name,
        *fact_columns(name),
        *columns,
        sa.PrimaryKeyConstraint("fact_id", name=f"pk_{name}"),
    )
    op.create_index(f"ix_{name}_doc_id", name, ["doc_id"])
    return table


def drop_fact_table(name: str) -> None:
    """Undo ``create_fact_table`` (once the table's other indexes are dropped)."""
    op.drop_index(f"ix_{name}_doc_id", table_name=name)
    op.drop_table(name)


def create_annotations(key: sa.Column) -> None:
    """Create ``annotations``: which documents each ``key`` (a stage in 0002, an extractor
    since 0004) has annotated, at which version and when; a row per document and key."""
    op.create_table(
        "annotations",
        document_key("annotations"),
        key,
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("annotated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", key.name, name="pk_annotations"),
    )


def create_member_table(name: str, facts: str, groups: str, group_key: str) -> None:
    """Create ``name``: the group (a row of ``groups``, keyed by ``group_key``) each fact of
    ``facts`` belongs to, one row a fact, with an index on the group (0008's statement quotes,
    0010's merged event reports)."""
    op.create_table(
        name,
        reference(name, "fact_id", sa.String(20), f"{facts}.fact_id"),
        reference(name, group_key, sa.String(20), f"{groups}.{group_key}"),
        sa.PrimaryKeyConstraint("fact_id", name=f"pk_{name}"),
    )
    op.create_index(f"ix_{name}_{group_key}", name, [group_key])


def drop_member_table(name: str, group_key: str) -> None:
    """Undo ``create_member_table``."""
    op.drop_index(f"ix_{name}_{group_key}", table_name=name)
    op.drop_table(name)
