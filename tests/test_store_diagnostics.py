"""The benches' diagnostics: statements timed by shape, and WAL pages named by their b-tree."""

from __future__ import annotations

import shutil
from pathlib import Path

from dossier.model import Document, DocumentMeta
from dossier.store import Store
from dossier.store.diagnostics import StatementTimes, on_connect, pages_by_btree, wal_frames


def _documents(count: int) -> list[tuple[Document, None]]:
    return [
        (
            Document.from_plain_text(
                f"An invented harbour notice {n}: the ferry to the islands is cancelled.",
                f"notices/{n}.txt",
                DocumentMeta(title=f"Notice {n}", date="2023-02-01", language="en"),
            ),
            None,
        )
        for n in range(count)
    ]


def test_statements_are_timed_by_shape_and_commits_apart(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "s.db")) as store:
        times = StatementTimes(store)
        store.add_documents(_documents(3))
        for n in range(4):
            store.has_document(f"{n:016x}")
        top = {shape: calls for shape, _, calls in times.top(20)}
    lookups = [s for s in top if s.startswith("SELECT documents.doc_id FROM documents WHERE")]
    assert any(top[s] == 4 for s in lookups)  # four look-ups, one shape whatever the id
    assert top["COMMIT"] >= 5
    assert times.total() > 0


def test_the_pages_a_batch_writes_are_named_by_their_btree(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = Store.open(str(path))
    on_connect(store, ["wal_autocheckpoint = 0"])
    store.add_documents(_documents(20))
    shutil.copyfile(str(path) + "-wal", tmp_path / "copy-wal")
    store.close()
    pages, commits = wal_frames(tmp_path / "copy-wal")
    assert commits >= 1 and pages
    owners = pages_by_btree(str(path), pages)
    assert owners["documents"] >= 1
    assert sum(owners.values()) == len(pages)
