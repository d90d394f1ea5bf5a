"""What a reader reads: a ``Source`` (a file, an archive member, the inside of a .gz), and the
bounded reads and name rules every reader shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from dossier import settings
from dossier.errors import DossierError, ErrorCode
from dossier.ingest.readers.decoding import SNIFF_BYTES
from dossier.model import RawRecord, ReadFailure

ReadItem = RawRecord | ReadFailure
#: Opens a fresh binary stream over a source's content.
Opener = Callable[[], AbstractContextManager[Any]]

#: Project files that corpora ship beside their data (the allsides sample has an extensionless
#: LICENSE). Found by a folder walk, a glob or inside a .zip they are not articles and are
#: skipped; named explicitly they are read like any other file.
BOILERPLATE_STEMS = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "notice",
        "authors",
        "contributors",
        "changelog",
        "changes",
        "history",
        "contributing",
    }
)
BOILERPLATE_SUFFIXES = frozenset({"", ".txt", ".md", ".rst"})

_REAL_SUFFIX = re.compile(r"^\.[A-Za-z0-9_-]{1,12}$")


@dataclass(frozen=True)
class Source:
    """Something to read: a file on disk, a member of a .zip, or the inside of a .gz.

    label: the source path records and failures report.
    name: the name whose extension picks the reader.
    opener: opens a fresh binary stream over the content (can be called more than once).
    size: the content's size in bytes when known before reading.
    explicit: named outright by the caller, so an unsupported type is reported.
    archived: inside an archive, so read errors are archive errors (R009).
    path: the file on disk, when the source is one.
    """

    label: str
    name: str
    opener: Opener
    size: int | None
    explicit: bool
    archived: bool = False
    path: Path | None = None


def is_boilerplate(name: str) -> bool:
    pure = PurePosixPath(name)
    return pure.stem.lower() in BOILERPLATE_STEMS and suffix_of(name) in BOILERPLATE_SUFFIXES


def suffix_of(name: str) -> str:
    """The lower-case extension, or "" when the name has none that looks like one."""
    suffix = PurePosixPath(name).suffix
    # "2011.11.18 Putin speech" has no extension, whatever pathlib says.
    return suffix.lower() if _REAL_SUFFIX.match(suffix) else ""


def too_large(size: int | None, what: str = "") -> DossierError:
    """The R008 error; ``size`` None when reading stopped at the limit."""
    limit = settings.MAX_DOCUMENT_BYTES
    amount = f"{size} bytes" if size is not None else f"more than {limit} bytes"
    detail = f"{what}{amount}, limit {limit}; split it or raise settings.MAX_DOCUMENT_BYTES"
    return DossierError(ErrorCode.R008_TOO_LARGE, detail)


def read_bounded(source: Source) -> bytes:
    """All of the source's bytes, refusing (R008) more than one document's worth.

    The size on disk is checked before opening, and the read stops one byte past the limit,
    so a huge file or a decompression bomb costs no more than the limit.
    """
    limit = settings.MAX_DOCUMENT_BYTES
    if source.size is not None and source.size > limit:
        raise too_large(source.size)
    with source.opener() as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(None)
    return data


def read_head(source: Source) -> bytes:
    with source.opener() as stream:
        return stream.read(SNIFF_BYTES)
