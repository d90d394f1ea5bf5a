"""The ingest stage, top to bottom: read → clean → describe → deduplicate → store.

Reading never raises for bad input: readers yield ``ReadFailure`` records, and so does this
stage when a record breaks cleaning. Documents are written in batches, one transaction each, so
a Ctrl-C or a kill leaves every committed batch whole and nothing half-written; ids come from
content, so re-running the same ingest skips what is stored and completes the rest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from dossier import settings
from dossier.errors import DossierError, ErrorCode
from dossier.ingest.clean import clean_text
from dossier.ingest.metadata import extract_metadata
from dossier.ingest.near_duplicates import StoryIndex, signature, signature_to_bytes
from dossier.ingest.readers import iter_records
from dossier.model import Document, DocumentMeta, RawRecord, ReadFailure, content_id
from dossier.store import Store

#: Called once per record read: (source path, outcome) with outcome one of
#: "new", "near-duplicate", "duplicate", "failed".
RecordCallback = Callable[[str, str], None]


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


class EmptyBodyError(DossierError):
    """Cleaning removed everything: the record held no article body."""

    def __init__(self) -> None:
        super().__init__(ErrorCode.R004_EMPTY, "nothing left but a date line or boilerplate")


def build_document(record: RawRecord) -> Document:
    """Turn one record into a cleaned, described ``Document`` (its story is set later).

    record: a record as a reader yielded it.
    """
    cleaned = clean_text(record.text, record.fields)
    if not cleaned.text.strip():
        raise EmptyBodyError()
    meta = extract_metadata(record.text, cleaned, record.fields, source_format=record.format)
    if meta.date is None:
        meta = with_estimated_date(meta, cleaned.text)
    return Document(
        doc_id=content_id(record.text),
        source_path=record.source_path,
        format=record.format,
        original_text=record.text,
        cleaned=cleaned,
        meta=meta,
        external_id=record.fields.get("external_id"),
        encoding=record.encoding,
    )


def with_estimated_date(meta: DocumentMeta, text: str) -> DocumentMeta:
    """``meta`` with a date estimated from ``text`` where the content allows, marked as such.

    The estimate reads the text's own dates and the knowledge base's events (elections, terms,
    memberships); with no evidence the document stays undated and its note says so.
    """
    # Imported here: the estimate needs the spaCy pipeline, which most documents (dated by
    # their source) never load.
    from dossier.extract.date_estimate import estimate_publication_date

    estimate = estimate_publication_date(text)
    if estimate is None:
        note = f"{meta.date_note}; the content gives no evidence for an estimate"
        return replace(meta, date_note=note)
    evidence = "; ".join(estimate.evidence)
    note = (
        f"estimated from the content: between {estimate.earliest} and {estimate.latest}"
        f" ({evidence})"
    )
    return replace(meta, date=estimate.value, date_source="estimated", date_note=note)


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    on_record: RecordCallback | None = None,
    batch_size: int = settings.INGEST_BATCH_SIZE,
) -> IngestSummary:
    """Read, clean, deduplicate and store every document under ``paths``.

    paths: files, directories or glob patterns.
    store: the open store to write to.
    on_record: optional callback per record, for progress display.
    batch_size: documents per transaction.
    """
    started = time.perf_counter()
    # Absolute paths: the same file ingested from another working directory is the same source.
    path_list = [os.path.abspath(p) for p in paths]
    summary = IngestSummary()
    summary.run_id = store.start_run(path_list)

    stories = StoryIndex()
    for doc_id, story_id, data in store.load_signatures():
        stories.add_existing(doc_id, story_id, data)

    pending: list[tuple[Document, bytes | None]] = []
    pending_ids: set[str] = set()
    extra_sources: list[tuple[str, str]] = []

    def flush() -> None:
        if pending:
            store.add_documents(pending)
        for doc_id, source_path in extra_sources:
            store.add_source(doc_id, source_path)
        pending.clear()
        pending_ids.clear()
        extra_sources.clear()

    def report(source_path: str, outcome: str) -> None:
        if on_record is not None:
            on_record(source_path, outcome)

    try:
        for item in iter_records(path_list):
            if isinstance(item, ReadFailure):
                summary.failed += 1
                summary.failures.append(item)
                report(item.source_path, "failed")
                continue
            summary.read += 1
            doc_id = content_id(item.text)
            if doc_id in pending_ids or store.has_document(doc_id):
                summary.duplicate += 1
                extra_sources.append((doc_id, item.source_path))
                report(item.source_path, "duplicate")
                continue
            try:
                document = build_document(item)
            except EmptyBodyError as error:
                summary.failed += 1
                summary.failures.append(ReadFailure(item.source_path, str(error)))
                report(item.source_path, "failed")
                continue
            except Exception as error:  # one bad record must not stop the batch
                failure = ReadFailure(item.source_path, f"cannot clean or describe: {error}")
                summary.failed += 1
                summary.failures.append(failure)
                report(item.source_path, "failed")
                continue
            minhash = signature(document.clean_text)
            story_id, _ = stories.assign(doc_id, minhash)
            document = replace(document, story_id=story_id)
            pending.append((document, signature_to_bytes(minhash)))
            pending_ids.add(doc_id)
            summary.new += 1
            if story_id != doc_id:
                summary.near_duplicate += 1
                report(item.source_path, "near-duplicate")
            else:
                report(item.source_path, "new")
            if len(pending) >= batch_size:
                flush()
        flush()
    except KeyboardInterrupt:
        # Keep what was fully read: the pending batch is whole documents. A second Ctrl-C
        # during this write still leaves the store consistent (one transaction).
        summary.interrupted = True
        flush()
    finally:
        summary.seconds = time.perf_counter() - started
        store.add_failures(summary.run_id, summary.failures)
        store.finish_run(summary.run_id, summary.counts(), summary.interrupted)
    return summary
