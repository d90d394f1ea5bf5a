"""Which reader reads a source: chosen by the extension of its name."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator

from dossier.errors import DossierError, ErrorCode, message
from dossier.ingest.readers.archives import read_gzip, read_zip
from dossier.ingest.readers.feeds import read_feed, read_xml
from dossier.ingest.readers.html import read_html
from dossier.ingest.readers.jsonl import read_json, read_jsonl
from dossier.ingest.readers.source import ReadItem, Source, suffix_of
from dossier.ingest.readers.text import read_text
from dossier.model import ReadFailure

#: The reader of each extension. A file with no extension is read as text; a ``.xml`` file is a
#: feed only when its root element says so.
READERS: dict[str, Callable[[Source], Iterator[ReadItem]]] = {
    ".txt": read_text,
    "": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".html": read_html,
    ".htm": read_html,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_xml,
    ".gz": read_gzip,
    ".zip": read_zip,
}

SUPPORTED_TYPES = ".txt, .jsonl, .ndjson, .json, .html, .htm, .rss, .atom, .xml feeds, .gz, .zip"


def read_source(source: Source) -> Iterator[ReadItem]:
    """Dispatch ``source`` on its extension; turn any read error into a failure."""
    suffix = suffix_of(source.name)
    reader = READERS.get(suffix)
    if reader is None:
        if source.explicit:
            detail = f"{suffix!r} files; dossier reads {SUPPORTED_TYPES}"
            yield ReadFailure(source.label, message(ErrorCode.R011_UNSUPPORTED, detail))
        return
    try:
        yield from reader(source)
    except DossierError as error:
        yield ReadFailure(source.label, str(error))
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as error:
        # gzip reports a corrupt stream as OSError (BadGzipFile) or EOFError when cut short.
        code = ErrorCode.R009_BAD_ARCHIVE if source.archived else ErrorCode.R001_NOT_FOUND
        detail = f"{type(error).__name__}: {error}" if source.archived else f"cannot read: {error}"
        yield ReadFailure(source.label, message(code, detail))
