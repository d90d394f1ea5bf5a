"""A document's first source path only on its own row: ``document_sources`` keeps the others
(issue 7; ``bench/bench_ingest.py``).

Every document stored also wrote its first path to ``document_sources``, a second copy of
``documents.source_path`` under a unique key on (doc_id, source_path): a random key, so once
that index outgrows a batch each new document dirtied about one more page of it (0.25 -> 1.49
pages written per document ingested, empty store -> 50,000 documents). The rows that repeat
their document's first path are deleted here; ``Store.get_sources`` reads the first path off
the document and the others from ``document_sources``, so every path is still found, in the
same order.

The downgrade writes every document's first path back, before its other paths, as the older
revisions keep them.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from dossier.store.maintenance import request_vacuum

revision: str = "0022"
down_revision: str | Sequence[str] | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "DELETE FROM document_sources WHERE EXISTS (SELECT 1 FROM documents"
        " WHERE documents.doc_id = document_sources.doc_id"
        " AND documents.source_path = document_sources.source_path)"
    )
    if not op.get_context().as_sql:
        request_vacuum(op.get_bind(), "document_sources")


def downgrade() -> None:
    # First paths first (in storing order), then the others in the order they were seen: the
    # ids an older revision reads them back by.
    op.execute(
        "CREATE TEMPORARY TABLE extra_sources AS SELECT id, doc_id, source_path"
        " FROM document_sources"
    )
    op.execute("DELETE FROM document_sources")
    op.execute(
        "INSERT INTO document_sources (doc_id, source_path)"
        " SELECT doc_id, source_path FROM documents ORDER BY seq, doc_id"
    )
    op.execute(
        "INSERT INTO document_sources (doc_id, source_path)"
        " SELECT doc_id, source_path FROM extra_sources ORDER BY id"
    )
    op.execute("DROP TABLE extra_sources")
