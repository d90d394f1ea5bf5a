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

#: Extensions read by each reader. A file with no extension is read as text.
TEXT_SUFFIXES = frozenset({".txt", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
XML_SUFFIXES = frozenset({".xml"})  # a feed only when its root element says so
GZIP_SUFFIXES = frozenset({".gz"})
ZIP_SUFFIXES = frozenset({".zip"})

SUPPORTED_TYPES = ".txt, .jsonl, .ndjson, .json, .html, .htm, .rss, .atom, .xml feeds, .gz, .zip"


def read_source(source: Source) -> Iterator[ReadItem]:
    """Dispatch ``source`` on its extension; turn any read error into a failure."""
    suffix = suffix_of(source.name)
    if suffix in TEXT_SUFFIXES:
        reader: Callable[[Source], Iterator[ReadItem]] = read_text
    elif suffix in JSONL_SUFFIXES:
        reader = read_jsonl
    elif suffix in JSON_SUFFIXES:
        reader = read_json
    elif suffix in HTML_SUFFIXES:
        reader = read_html
    elif suffix in FEED_SUFFIXES:
        reader = read_feed
    elif suffix in XML_SUFFIXES:
        reader = read_xml
    elif suffix in GZIP_SUFFIXES:
        reader = read_gzip
    elif suffix in ZIP_SUFFIXES:
        reader = read_zip
    else:
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
