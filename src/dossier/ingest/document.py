"""One record in, one ``Document`` out: cleaned and described, touching no store.

A document its source and its text leave undated stays undated here; its publication date is
estimated from the content by the ``dossier_date_estimate`` pipeline component when the
document is annotated, and the date note says so meanwhile.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dossier.errors import DossierError, ErrorCode
from dossier.ingest.clean import clean_text
from dossier.ingest.metadata import extract_metadata
from dossier.model import Document, RawRecord, ReadFailure, content_id

if TYPE_CHECKING:
    from datasketch import MinHash

#: Added to the date note of a document left undated by its source and its text.
ESTIMATE_PENDING_NOTE = "to be estimated from the content when annotated"


class EmptyBodyError(DossierError):
    """Cleaning removed everything: the record held no article body."""

    def __init__(self) -> None:
        super().__init__(ErrorCode.R004_EMPTY, "nothing left but a date line or boilerplate")


def build_document(record: RawRecord, kb_dir: str | None = None) -> Document:
    """Turn one record into a cleaned, described ``Document`` (its story is set later).

    record: a record as a reader yielded it.
    kb_dir: the knowledge-base folder metadata reads (``authors.csv``); None for the package's.
    """
    cleaned = clean_text(record.text, record.fields)
    if not cleaned.text.strip():
        raise EmptyBodyError()
    meta = extract_metadata(
        record.text, cleaned, record.fields, source_format=record.format, kb_dir=kb_dir
    )
    if meta.date is None:
        meta = replace(meta, date_note=f"{meta.date_note}; {ESTIMATE_PENDING_NOTE}")
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


def prepare_record(
    record: RawRecord, kb_dir: str | None = None
) -> tuple[Document, MinHash] | ReadFailure:
    """``build_document`` and the document's near-duplicate signature, or the failure that
    stands for the record: everything ingest does to one record before the store sees it, so
    that it can run in a worker (``--engine dask``) as well as in the driver.

    record: a record as a reader yielded it.
    kb_dir: the knowledge-base folder metadata reads; None for the package's.
    """
    # Here, not at the top: building a document alone (evaluations) needs no datasketch.
    from dossier.ingest.near_duplicates import signature

    try:
        document = build_document(record, kb_dir=kb_dir)
    except EmptyBodyError as error:
        return ReadFailure(record.source_path, str(error))
    except Exception as error:  # noqa: BLE001 - one bad record must not stop the batch
        return ReadFailure(record.source_path, f"cannot clean or describe: {error}")
    return document, signature(document.clean_text)
