"""SQLite: the document full-text index merges sixteen segments at a time, not four (issue 14;
``bench/bench_store_volume.py``, ``bench/profile_ingest.py``).

FTS5 keeps its index as segments in levels and, after each transaction, spends work in
proportion to the pages it wrote on merging ``automerge`` segments of one level into one of the
next: a log-structured merge. With the default of four, each page of the index is rewritten
about log4 of the store's size times, and at a million documents the merge under way at the
time is one of segments of thousands of pages each, read cold: ingesting the AllSides corpus
into the 1,000,000-document store spent 1.38 s in the full-text trigger against 0.42 s into an
empty one (1.3 of the 2.0 s between the two), and ran at 0.78 of the empty store's speed. With
sixteen, an index is rewritten about log16 of its size times, in fewer and larger merges; a
search reads at most fifteen segments a level instead of three, over half as many levels.
Nothing is rewritten here: the setting is kept in the index's own config table and governs the
merges from now on (a merge of four begun before it is left until its level holds sixteen).

Measured: ingest of the AllSides corpus into the 1,000,000-document store, profiled, spent
0.43 s in the full-text trigger with sixteen; in a 200,000-document FTS5 index built fifty
documents a commit, the full-text cost per document grew 1.1-1.7x from the first thousand with
four (the most during a merge of the largest segments) and 1.4x with sixteen.

PostgreSQL's search index (a GIN index with its own pending list) is not touched.

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"

#: Segments merged at a time; FTS5's own default, put back by the downgrade.
AUTOMERGE = 16
_DEFAULT_AUTOMERGE = 4


def _set_automerge(value: int) -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    op.execute(f"INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', {int(value)})")


def upgrade() -> None:
    _set_automerge(AUTOMERGE)


def downgrade() -> None:
    _set_automerge(_DEFAULT_AUTOMERGE)
