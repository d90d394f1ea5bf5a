"""Plain text files."""

from __future__ import annotations

from collections.abc import Iterator

from dossier.ingest.readers.decoding import decode_text
from dossier.ingest.readers.source import ReadItem, Source, read_bounded
from dossier.model import RawRecord


def read_text(source: Source) -> Iterator[ReadItem]:
    text, encoding = decode_text(read_bounded(source))
    yield RawRecord(source.label, "text", text, {}, encoding)
