"""The ingest driver, top to bottom: read → build documents → assign stories → store.

The stages it runs live in ``dossier.ingest`` and touch no store; this loop is what writes.
Reading never raises for bad input: readers yield ``ReadFailure`` records, and so does this
driver when a record breaks cleaning. Documents are written in batches, one transaction each
(documents, sources and their near-duplicate bands together), so a Ctrl-C or a kill leaves every
committed batch whole and nothing half-written; ids come from content, so re-running the same
ingest skips what is stored and completes the rest.

Story assignment is its own step, run once per batch inside the transaction that writes it
(``Store.add_new_documents``, under the document writers' lock): it reads from the store only
the band matches and signatures of the batch's candidates, so memory and time per document stay
the same however many documents are stored, and two ingests running at once take turns per
batch instead of each missing the copies the other is storing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from datasketch import MinHash

from dossier import settings
from dossier.ingest.document import prepare_record
from dossier.ingest.near_duplicates import assign_stories, signature, signature_to_bytes
from dossier.ingest.readers import ReadItem, iter_records
from dossier.model import Document, ReadFailure, content_id
from dossier.store import Store
from dossier.store.stories import StoryReads

#: Called once per record read: (source path, outcome) with outcome one of
#: "new", "near-duplicate", "duplicate", "failed". New documents and near-duplicates are
#: reported once their batch is stored.
RecordCallback = Callable[[str, str], None]
#: A record prepared for the store: its document and signature, or why it has none.
Prepared = tuple[Document, MinHash] | ReadFailure
#: An engine that prepares records elsewhere: given what was read, whether the store holds a
#: content id, and the KB folder, yields each item read, in order, with its prepared document,
#: or None where it did not prepare one (a failure read, a document the store holds).
Preparer = Callable[
    [Iterator[ReadItem], Callable[[str], bool], str | None],
    Iterator[tuple[ReadItem, Prepared | None]],
]


@dataclass
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    new: int = 0  # stored by this run, near-duplicates included
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    run_id: int | None = None
    failures: list[ReadFailure] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "near_duplicate": self.near_duplicate,
            "failed": self.failed,
        }


class _Batch:
    """The documents read since the last write, and the extra source paths of duplicates."""

    def __init__(self, store: Store, summary: IngestSummary, report: RecordCallback) -> None:
        self.store = store
        self.summary = summary
        self.report = report
        self.documents: list[tuple[Document, MinHash]] = []
        self.ids: set[str] = set()
        self.extra_sources: list[tuple[str, str]] = []
        self.stored_since_merge_check = 0

    def __len__(self) -> int:
        return len(self.documents)

    def add(self, document: Document, minhash: MinHash | None = None) -> None:
        if minhash is None:
            minhash = signature(document.clean_text)
        self.documents.append((document, minhash))
        self.ids.add(document.doc_id)

    def flush(self) -> None:
        """Assign the batch's stories and store it, in one transaction.

        The store runs the story assignment inside its writing transaction, under the document
        writers' lock, so another process ingesting at the same time cannot store a copy
        unseen between the reads and the write. A document that process stored meanwhile is
        counted as a duplicate here, not as new.
        """
        if self.documents:
            minhashes = {document.doc_id: minhash for document, minhash in self.documents}

            def assign(fresh: Sequence[Document], reads: StoryReads) -> list[str]:
                batch = [(document.doc_id, minhashes[document.doc_id]) for document in fresh]
                return [assignment.story_id for assignment in assign_stories(batch, reads)]

            added = self.store.add_new_documents(
                [(document, signature_to_bytes(minhash)) for document, minhash in self.documents],
                assign,
            )
            stored = {document.doc_id: document for document in added.stored}
            for document, _ in self.documents:
                if document.doc_id not in stored:
                    self.summary.duplicate += 1
                    self.report(document.source_path, "duplicate")
                    continue
                self.summary.new += 1
                self.stored_since_merge_check += 1
                if stored[document.doc_id].story_id != document.doc_id:
                    self.summary.near_duplicate += 1
                    self.report(document.source_path, "near-duplicate")
                else:
                    self.report(document.source_path, "new")
        for doc_id, source_path in self.extra_sources:
            self.store.add_source(doc_id, source_path)
        self.documents.clear()
        self.ids.clear()
        self.extra_sources.clear()
        if self.stored_since_merge_check >= settings.BAND_MERGE_CHECK_DOCS:
            self.merge_bands_if_due()

    def merge_bands_if_due(self) -> None:
        """Merge the near-duplicate index's pending bands if they passed the threshold: the
        merge's cost is paid inside ingest, in one transaction every so many documents."""
        if self.stored_since_merge_check:
            self.store.merge_bands()
            self.stored_since_merge_check = 0


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    on_record: RecordCallback | None = None,
    batch_size: int = settings.INGEST_BATCH_SIZE,
    kb_dir: str | None = None,
    preparer: Preparer | None = None,
) -> IngestSummary:
    """Read, clean, deduplicate and store every document under ``paths``.

    paths: files, directories or glob patterns.
    store: the open store to write to.
    on_record: optional callback per record, for progress display.
    batch_size: documents per transaction.
    kb_dir: the knowledge-base folder metadata reads (``authors.csv``); None for the package's.
    preparer: another engine to clean and describe the records on, e.g.
        ``dask_engine.DaskIngest``; None prepares each record here when its turn comes.
    """
    started = time.perf_counter()
    # Absolute paths: the same file ingested from another working directory is the same source.
    path_list = [os.path.abspath(p) for p in paths]
    summary = IngestSummary()
    summary.run_id = store.start_run(path_list)

    def report(source_path: str, outcome: str) -> None:
        if on_record is not None:
            on_record(source_path, outcome)

    def fail(failure: ReadFailure) -> None:
        summary.failed += 1
        summary.failures.append(failure)
        report(failure.source_path, "failed")

    batch = _Batch(store, summary, report)
    read = iter_records(path_list)
    outcomes = (
        ((item, None) for item in read)
        if preparer is None
        else preparer(read, store.has_document, kb_dir)
    )
    try:
        for item, prepared in outcomes:
            if isinstance(item, ReadFailure):
                fail(item)
                continue
            summary.read += 1
            doc_id = content_id(item.text)
            if doc_id in batch.ids or store.has_document(doc_id):
                summary.duplicate += 1
                batch.extra_sources.append((doc_id, item.source_path))
                report(item.source_path, "duplicate")
                continue
            if prepared is None:
                prepared = prepare_record(item, kb_dir=kb_dir)
            if isinstance(prepared, ReadFailure):
                fail(prepared)
                continue
            batch.add(*prepared)
            if len(batch) >= batch_size:
                batch.flush()
        batch.flush()
        batch.merge_bands_if_due()
    except KeyboardInterrupt:
        # Keep what was fully read: the pending batch is whole documents. A second Ctrl-C
        # during this write still leaves the store consistent (one transaction).
        summary.interrupted = True
        batch.flush()
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()  # a preparer's generator shuts its cluster down
        summary.seconds = time.perf_counter() - started
        store.add_failures(summary.run_id, summary.failures)
        store.finish_run(summary.run_id, summary.counts(), summary.interrupted)
    return summary
