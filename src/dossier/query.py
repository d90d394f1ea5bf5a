"""The one query API that every face of dossier uses (CLI, REST, web, reports, notebooks).

Results come back as pandas DataFrames or typed records, so a notebook user and the CLI see the
same answers:

>>> from dossier.query import Dossier
>>> with Dossier("dossier.db") as dossier:
...     dossier.search("customs union").head()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from dossier.drivers.ingest import IngestSummary, RecordCallback, ingest_paths
from dossier.extract.annotate import AnnotateSummary, annotate_store
from dossier.model import Document
from dossier.settings import resolve_db
from dossier.store import Store


class Dossier:
    """A dossier knowledge base opened on one store.

    db: a SQLite file path or a PostgreSQL URL; None means $DOSSIER_DB, else ./dossier.db.
    """

    def __init__(self, db: str | None = None) -> None:
        self.location = resolve_db(db)
        self.store = Store.open(self.location)

    def __enter__(self) -> Dossier:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(
        self, paths: Iterable[str | Path], on_record: RecordCallback | None = None
    ) -> IngestSummary:
        """Read, clean, deduplicate and store documents from files, folders or globs."""
        return ingest_paths(paths, self.store, on_record=on_record)

    def annotate(
        self,
        force: bool = False,
        on_document: Callable[[str], None] | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> AnnotateSummary:
        """Find and link the actors of every stored document not yet annotated."""
        return annotate_store(self.store, on_document=on_document, force=force, on_start=on_start)

    def mentions(
        self, doc_id: str | None = None, actor_id: str | None = None, limit: int | None = None
    ) -> pd.DataFrame:
        """Stored mentions with their provenance, of one document or one actor."""
        if doc_id is not None:
            doc_id = self.store.get_document(doc_id).doc_id  # a prefix becomes the full id
        return self.store.mentions(doc_id=doc_id, actor_id=actor_id, limit=limit)

    def timexes(self, doc_id: str) -> pd.DataFrame:
        """A document's time expressions (TIMEX3 values) with offsets into both texts."""
        return self.store.timexes(self.store.get_document(doc_id).doc_id)

    def sentence_times(self, doc_id: str) -> pd.DataFrame:
        """Each sentence's reference time: its own timex, its paragraph's, or the document's."""
        return self.store.sentence_times(self.store.get_document(doc_id).doc_id)

    def docs(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Stored documents, oldest first, filtered by ISO date range, outlet and language."""
        return self.store.list_documents(
            date_from=date_from,
            date_to=date_to,
            outlet=outlet,
            language=language,
            story_id=None,
            limit=limit,
            offset=offset,
        )

    def duplicates(self) -> pd.DataFrame:
        """Stories told by two or more stored documents, one row per document."""
        return self.store.duplicate_groups()

    def document(self, doc_id: str) -> Document:
        """One document by id (or a unique prefix of at least 6 characters)."""
        return self.store.get_document(doc_id)

    def sources(self, doc_id: str) -> list[str]:
        """Every path the document was read from."""
        return self.store.get_sources(doc_id)

    def search(
        self, query: str, limit: int = 20, highlight: tuple[str, str] = ("[", "]")
    ) -> pd.DataFrame:
        """Full-text search, best first, with snippets whose matches sit between ``highlight``."""
        return self.store.search(query, limit=limit, highlight=highlight)

    def stats(self) -> dict[str, Any]:
        """Counts over the store: documents, stories, outlets, languages, years, failures."""
        return self.store.stats()
