"""Fewer random keys per stored document (issue 7, migration 0022): a document's first source
path only on its own row, the story index holding only copies. Every path is still found, in
the order seen; near-duplicates still join the stories of documents stored before the
migration; an existing store is carried forward and back. On SQLite and PostgreSQL; the texts
are invented."""

from __future__ import annotations

import random

from sqlalchemy import create_engine, inspect
from sqlalchemy import text as sql

from dossier.ingest.near_duplicates import assign_stories, signature, signature_to_bytes
from dossier.store import Store, database_url
from store_helpers import migrate_down, migrate_up

#: Invented place words: 20 of them, so that two bulletins share only their chance words.
_WORDS = [
    a + b
    for a in ("mill", "ferry", "grain", "tanner")
    for b in ("gate", "yard", "wick", "ford", "stead")
]


def _stories(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        f"Bulletin {seed}-{number}: " + " ".join(rng.choice(_WORDS) for _ in range(120)) + "."
        for number in range(count)
    ]


def _near_copy(text: str) -> str:
    words = text.split()
    words[len(words) // 2] = "allegedly"
    return "Reprinted. " + " ".join(words)


def _assigner(fresh, reads):
    batch = [(document.doc_id, signature(document.clean_text)) for document in fresh]
    return [assignment.story_id for assignment in assign_stories(batch, reads)]


def _store(store: Store, documents) -> dict[str, str]:
    """Store ``documents`` in one batch with story assignment; each new one's story id."""
    added = store.add_new_documents(
        [(d, signature_to_bytes(signature(d.clean_text))) for d in documents], _assigner
    )
    return {document.doc_id: document.story_id for document in added.stored}


def _rows(store: Store, query: str) -> list[tuple]:
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sql(query))]


def test_every_source_path_is_found_in_the_order_seen(store_url: str, make_document) -> None:
    text = "The ferry to the island resumed its winter timetable on Monday."
    with Store.open(store_url) as store:
        first = make_document(text, source_path="a/first.txt")
        again = make_document(text, source_path="b/second.txt")
        repeated = make_document(text, source_path="c/third.txt")
        store.add_documents([(first, None), (again, None)])
        store.add_documents([(repeated, None), (first, None)])  # its first path again: nothing
        store.add_source(first.doc_id, "d/fourth.txt")
        store.add_source(first.doc_id, "a/first.txt")  # its first path: a no-op
        other = make_document("The mill reopened after the flood.", source_path="e/mill.txt")
        store.add_documents([(other, None)])

        paths = ["a/first.txt", "b/second.txt", "c/third.txt", "d/fourth.txt"]
        assert store.get_sources(first.doc_id) == paths
        assert store.get_sources(other.doc_id) == ["e/mill.txt"]
        assert store.stats().sources == 5
        # Only the paths besides a document's first are rows of document_sources.
        extra = _rows(store, "SELECT source_path FROM document_sources ORDER BY id")
        assert [path for (path,) in extra] == paths[1:]


def test_near_duplicates_join_stories_stored_before_the_migration(
    store_url: str, make_document, tmp_path
) -> None:
    old_texts = _stories(6, seed=3)
    new_texts = [_near_copy(text) for text in old_texts[:4]] + _stories(3, seed=4)
    with Store.open(store_url) as store:
        old = _store(
            store, [make_document(t, source_path=f"old/{n}") for n, t in enumerate(old_texts)]
        )
    # The store as revision 0021 kept it (every first path in document_sources, every story id
    # indexed), then carried forward.
    migrate_down(store_url, "0021")
    with Store.open(store_url) as store:  # opening upgrades it
        # An exact copy read from a new path, and near copies of the old documents.
        store.add_documents([(make_document(old_texts[0], source_path="new/exact"), None)])
        new = _store(
            store, [make_document(t, source_path=f"new/{n}") for n, t in enumerate(new_texts)]
        )
        stories = {**old, **new}
        groups = store.duplicate_groups()
        listed = store.list_documents(story_id=old[make_document(old_texts[1]).doc_id])
        sources = store.get_sources(make_document(old_texts[0]).doc_id)
        stats = store.stats()

    # The same documents stored in one go into a store that never had the old layout.
    reference_url = str(tmp_path / "reference.db")
    with Store.open(reference_url) as reference:
        expected = _store(reference, [make_document(t) for t in old_texts])
        expected.update(_store(reference, [make_document(t) for t in new_texts]))
        expected_groups = reference.duplicate_groups()
    assert stories == expected
    assert [(g.story_id, g.doc_id) for g in groups] == [
        (g.story_id, g.doc_id) for g in expected_groups
    ]
    copies = {doc_id for doc_id, story in stories.items() if story != doc_id}
    assert len(copies) == 4 and all(stories[c] in old for c in copies)  # the near copies joined
    assert {(g.story_id, g.doc_id) for g in groups} >= {(stories[c], c) for c in copies}
    first_doc = make_document(old_texts[1]).doc_id
    assert {d.doc_id for d in listed} == {first_doc, make_document(new_texts[1]).doc_id}
    assert sources == ["old/0", "new/exact"]
    assert stats.documents == len(old_texts) + len(new_texts)
    assert stats.stories == len(set(stories.values()))
    assert stats.sources == stats.documents + 1


def test_the_migration_carries_sources_and_stories_down_and_up(
    store_url: str, make_document
) -> None:
    texts = _stories(4, seed=5)
    with Store.open(store_url) as store:
        stories = _store(
            store, [make_document(t, source_path=f"first/{n}") for n, t in enumerate(texts)]
        )
        copy = make_document(_near_copy(texts[2]), source_path="first/copy")
        stories.update(_store(store, [copy]))
        for n, text in enumerate(texts[:2]):
            doc_id = make_document(text).doc_id
            store.add_source(doc_id, f"second/{n}")
            store.add_source(doc_id, f"third/{n}")
        before = {doc_id: store.get_sources(doc_id) for doc_id in stories}
        groups = store.duplicate_groups()
    assert before[make_document(texts[0]).doc_id] == ["first/0", "second/0", "third/0"]
    assert stories[copy.doc_id] == make_document(texts[2]).doc_id

    migrate_down(store_url, "0021")
    # Revision 0021's layout (read without Store.open, which would upgrade it): every path a
    # row, the first first, by id; every story id indexed.
    engine = create_engine(database_url(store_url))
    try:
        with engine.connect() as connection:
            query = "SELECT doc_id, source_path FROM document_sources ORDER BY id"
            rows = connection.execute(sql(query)).all()
            indexes = {index["name"] for index in inspect(connection).get_indexes("documents")}
    finally:
        engine.dispose()
    by_document: dict[str, list[str]] = {}
    for doc_id, path in rows:
        by_document.setdefault(doc_id, []).append(path)
    assert by_document == before
    assert "ix_documents_story_id" in indexes and "ix_documents_story_copies" not in indexes

    migrate_up(store_url)
    with Store.open(store_url) as store:
        assert {doc_id: store.get_sources(doc_id) for doc_id in stories} == before
        assert store.duplicate_groups() == groups
        assert len(_rows(store, "SELECT id FROM document_sources")) == 4
        assert store.stats().sources == len(stories) + 4
