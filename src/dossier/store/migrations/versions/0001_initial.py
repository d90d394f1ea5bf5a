"""Initial schema: documents, their sources, ingest runs and failures, full-text search.

Full text is kept in step by the database itself, never by application code, so a process
killed between two statements cannot leave the index behind its table: on SQLite an FTS5 table
over ``documents`` maintained by triggers, on PostgreSQL a generated ``tsvector`` column.

The DDL is written out here, not derived from ``schema.py``: a migration must keep creating the
schema of its own revision after the declarative classes have moved on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

# Title matches count more than body matches, as PostgreSQL's weight A does over weight B
# (ts_rank_cd's defaults put A at 1.0 and B at 0.4).
_SQLITE_FTS = [
    """
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, clean_text,
        content='documents', content_rowid='seq',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    "INSERT INTO documents_fts(documents_fts, rank) VALUES ('rank', 'bm25(2.5, 1.0)')",
    # SQLite cannot default a non-key column from a sequence, so the trigger numbers the row.
    # Writers are serialised by SQLite's write lock, so max() + 1 cannot hand one number out
    # twice.
    """
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        UPDATE documents
            SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM documents)
            WHERE doc_id = new.doc_id AND new.seq IS NULL;
        INSERT INTO documents_fts(rowid, title, clean_text)
            SELECT seq, title, clean_text FROM documents WHERE doc_id = new.doc_id;
    END
    """,
    # An external-content FTS5 table must be told the old values to forget them.
    """
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, clean_text)
            VALUES ('delete', old.seq, old.title, old.clean_text);
    END
    """,
    # Not on seq: the insert trigger's own numbering must not look like an edit.
    """
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, clean_text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, clean_text)
            VALUES ('delete', old.seq, old.title, old.clean_text);
        INSERT INTO documents_fts(rowid, title, clean_text)
            VALUES (new.seq, new.title, new.clean_text);
    END
    """,
]

# Only the first 500,000 characters of a body are indexed: a tsvector holds at most 1 MB of
# lexemes, so a multi-megabyte text would make its whole batch fail to insert; word positions
# stop at 16,383 anyway, and a news article is a few thousand words.
_POSTGRESQL_FTS = [
    """
    ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', left(clean_text, 500000)), 'B')
    ) STORED
    """,
    "CREATE INDEX ix_documents_search_vector ON documents USING gin (search_vector)",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        raise RuntimeError(f"dossier's store supports SQLite and PostgreSQL, not {dialect}")

    if dialect == "postgresql":
        seq = sa.Column("seq", sa.BigInteger(), sa.Identity(), nullable=False)
    else:
        seq = sa.Column("seq", sa.BigInteger(), nullable=True)  # set by documents_fts_insert
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(16), nullable=False),
        seq,
        sa.Column("story_id", sa.String(16), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("pub_date", sa.String(32), nullable=True),
        sa.Column("date_source", sa.String(32), nullable=True),
        sa.Column("date_note", sa.Text(), nullable=True),
        sa.Column("date_is_estimated", sa.Boolean(), nullable=False),
        sa.Column("dateline", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("author_note", sa.Text(), nullable=True),
        sa.Column("language", sa.String(35), nullable=True),
        sa.Column("genre", sa.Text(), nullable=True),
        sa.Column("encoding", sa.Text(), nullable=True),
        sa.Column("original_text", sa.Text(), nullable=False),
        sa.Column("clean_text", sa.Text(), nullable=False),
        sa.Column("offset_map", sa.JSON(), nullable=False),
        sa.Column("removed_spans", sa.JSON(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name=op.f("pk_documents")),
        sa.UniqueConstraint("seq", name=op.f("uq_documents_seq")),
    )
    for column in ("pub_date", "outlet", "language", "story_id"):
        op.create_index(op.f(f"ix_documents_{column}"), "documents", [column])

    op.create_table(
        "document_sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc_id", sa.String(16), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_sources")),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.doc_id"],
            name=op.f("fk_document_sources_doc_id_documents"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "doc_id", "source_path", name=op.f("uq_document_sources_doc_id_source_path")
        ),
    )

    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("paths", sa.JSON(), nullable=False),
        sa.Column("read", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("duplicate", sa.Integer(), nullable=False),
        sa.Column("near_duplicate", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("interrupted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )

    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_failures")),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingest_runs.id"],
            name=op.f("fk_ingest_failures_run_id_ingest_runs"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_ingest_failures_run_id"), "ingest_failures", ["run_id"])

    for statement in _SQLITE_FTS if dialect == "sqlite" else _POSTGRESQL_FTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("documents_fts_insert", "documents_fts_delete", "documents_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    op.drop_table("ingest_failures")
    op.drop_table("ingest_runs")
    op.drop_table("document_sources")
    op.drop_table("documents")
