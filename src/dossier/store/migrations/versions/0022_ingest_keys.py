"""Fewer random keys per document stored (issue 7; ``bench/bench_ingest.py``): a document's
first source path only on its own row, and the story index holding only copies.

Once a random-key index outgrows a batch's entries, each new document dirties about one more
page of it: at 50,000 documents ingest wrote 14.5 pages per document against 10.7 into an empty
store. Two of those indexes held nothing a look-up needs:

- ``document_sources`` repeated every document's first path (``documents.source_path``) under
  its unique (doc_id, source_path) key (0.25 -> 1.49 pages per document, empty -> 50,000). The
  rows repeating their document's first path are deleted; ``Store.get_sources`` reads the first
  path off the document and the others from ``document_sources``, in the same order as before.
- ``ix_documents_story_id`` indexed every document's story id, a new story's being its own
  random id (0.10 -> 1.08). ``ix_documents_story_copies`` indexes only the documents whose
  story is another's (``story_id <> doc_id``); a story's first document is found by its id
  (``store.reads.in_stories``).

The downgrade writes every document's first path back, before its other paths, as the older
revisions keep them, and indexes every story id again.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dossier.store.maintenance import request_vacuum

revision = "0022"
down_revision = "0021"

#: The documents whose story is another's: the rows the story index holds.
_COPIES = "story_id <> doc_id"


def upgrade() -> None:
    op.drop_index("ix_documents_story_id", table_name="documents")
    op.create_index(
        "ix_documents_story_copies",
        "documents",
        ["story_id"],
        sqlite_where=sa.text(_COPIES),
        postgresql_where=sa.text(_COPIES),
    )
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
    op.drop_index("ix_documents_story_copies", table_name="documents")
    op.create_index("ix_documents_story_id", "documents", ["story_id"])
