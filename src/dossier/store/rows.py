"""Turning records into table rows and back: what every part of the store shares."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from dossier.model import CleanedText, Document, DocumentMeta, OffsetMap, RemovedSpan


def utcnow() -> datetime:
    """Now, as naive UTC.

    SQLite has no time zones and PostgreSQL's timestamp without time zone returns exactly what
    was stored, so both databases give back the same value.
    """
    return datetime.now(UTC).replace(tzinfo=None)


def nul_free(value: str | None) -> str | None:
    """``value`` with every NUL replaced by U+FFFD.

    PostgreSQL refuses NUL in text, which would fail the whole batch there but not on SQLite;
    U+FFFD is one character too, so every offset into the text stays true.
    """
    return value.replace("\x00", "\ufffd") if value and "\x00" in value else value


def document_from_row(row: Any) -> Document:
    """The ``Document`` a ``documents`` row holds, with its offset map and removed spans."""
    removed = tuple(
        RemovedSpan(int(span["start"]), int(span["end"]), str(span["reason"]))
        for span in row["removed_spans"]
    )
    return Document(
        doc_id=row["doc_id"],
        source_path=row["source_path"],
        format=row["format"],
        original_text=row["original_text"],
        cleaned=CleanedText(
            text=row["clean_text"],
            offsets=OffsetMap.from_json(row["offset_map"]),
            removed=removed,
        ),
        meta=DocumentMeta(
            title=row["title"],
            url=row["url"],
            date=row["pub_date"],
            date_source=row["date_source"],
            date_note=row["date_note"],
            dateline=row["dateline"],
            outlet=row["outlet"],
            author=row["author"],
            author_note=row["author_note"],
            language=row["language"],
            genre=row["genre"],
        ),
        story_id=row["story_id"],
        external_id=row["external_id"],
        encoding=row["encoding"],
    )
