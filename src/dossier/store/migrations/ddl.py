"""Columns the migrations share: a row's document, a fact's span, the extractor that wrote it;
and a fact table built of them (``create_fact_table``, first written in 0004).

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
