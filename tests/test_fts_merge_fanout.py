"""SQLite's document full-text index merges sixteen segments at a time (issue 14, migration
0023): the setting is the index's own, put back to FTS5's four by the downgrade and to sixteen
by the upgrade, and search finds every document across the merges."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text as sql

from dossier.store import Store
from store_helpers import migrate_down, migrate_up


def _automerge(store: Store) -> int | None:
    with store.engine.connect() as connection:
        query = "SELECT v FROM documents_fts_config WHERE k = 'automerge'"
        value = connection.execute(sql(query)).scalar()
    return None if value is None else int(value)


def _segments(store: Store) -> int:
    """The index's segments: rows of its segment table with a first term (one per segment)."""
    with store.engine.connect() as connection:
        query = "SELECT count(DISTINCT segid) FROM documents_fts_idx"
        return int(connection.execute(sql(query)).scalar_one())


def test_a_new_store_merges_sixteen_segments_and_the_downgrade_puts_back_four(
    tmp_path: Path,
) -> None:
    url = str(tmp_path / "dossier.db")
    with Store.open(url) as store:
        assert _automerge(store) == 16
    migrate_down(url, "0022")
    # Read without Store.open, which would upgrade it.
    connection = sqlite3.connect(url)
    try:
        row = connection.execute("SELECT v FROM documents_fts_config WHERE k = 'automerge'")
        assert int(row.fetchone()[0]) == 4
    finally:
        connection.close()
    migrate_up(url)
    with Store.open(url) as store:
        assert _automerge(store) == 16


def test_search_finds_every_document_as_segments_pile_up_and_merge(
    tmp_path: Path, make_document
) -> None:
    words = ["glacier", "tundra", "steppe", "taiga", "delta"]
    with Store.open(str(tmp_path / "dossier.db")) as store:
        # One document a transaction: each commit writes a segment of its own, and by the
        # fortieth the level's sixteen have been merged (FTS5 forces it at sixteen at most).
        for n in range(40):
            document = make_document(f"Report {n} on the {words[n % 5]} and the {n}th survey.")
            store.add_documents([(document, None)])
        assert _segments(store) < 40
        for word in words:
            assert len(store.search(word, limit=100)) == 8
        assert len(store.search("survey", limit=100)) == 40
