""".gz files and .zip archives: their members go through the same dispatch as files on disk."""

from __future__ import annotations

import contextlib
import gzip
import io
import lzma
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath

from dossier.errors import DossierError, ErrorCode, message
from dossier.ingest.readers.source import (
    Opener,
    ReadItem,
    Source,
    is_boilerplate,
    read_bounded,
)
from dossier.model import ReadFailure


def read_gzip(source: Source) -> Iterator[ReadItem]:
    """The decompressed content, read as the file it names (``a.jsonl.gz`` as JSON Lines)."""
    # Imported here: the dispatch imports this module to reach the archive readers.
    from dossier.ingest.readers.dispatch import read_source

    inner_name = source.name[: -len(".gz")]

    @contextlib.contextmanager
    def open_inner() -> Iterator[gzip.GzipFile]:
        with source.opener() as raw, gzip.GzipFile(fileobj=raw, mode="rb") as stream:
            yield stream

    inner = Source(source.label, inner_name, open_inner, None, source.explicit, archived=True)
    yield from read_source(inner)


def read_zip(source: Source) -> Iterator[ReadItem]:
    """Every member of the archive, in name order, hidden and boilerplate files skipped."""
    try:
        if source.path is not None:
            archive = zipfile.ZipFile(source.path)
        else:
            # A .zip inside an archive: zipfile needs to seek, so it is read into memory.
            archive = zipfile.ZipFile(io.BytesIO(read_bounded(source)))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        NotImplementedError,  # a central directory asking for a newer zip version
    ) as error:
        detail = str(error) or type(error).__name__
        raise DossierError(ErrorCode.R009_BAD_ARCHIVE, detail) from error
    with archive:
        members = sorted(
            (info for info in archive.infolist() if not info.is_dir()),
            key=lambda info: info.filename,
        )
        for info in members:
            parts = PurePosixPath(info.filename).parts
            if info.filename.startswith(("/", "\\")) or ".." in parts:
                label = f"{source.label}!{info.filename}"
                yield ReadFailure(label, message(ErrorCode.R012_UNSAFE_MEMBER))
                continue
            if any(part.startswith(".") or part == "__MACOSX" for part in parts):
                continue
            if is_boilerplate(parts[-1]):
                continue
            member = Source(
                f"{source.label}!{info.filename}",
                parts[-1],
                _member_opener(archive, info),
                info.file_size,
                explicit=False,
                archived=True,
            )
            yield from _read_member(member)


def _member_opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Opener:
    return lambda: archive.open(info)


def _read_member(member: Source) -> Iterator[ReadItem]:
    from dossier.ingest.readers.dispatch import read_source

    try:
        yield from read_source(member)
    except (RuntimeError, NotImplementedError, lzma.LZMAError) as error:
        # zipfile refuses encrypted members and compression methods it lacks this way; a
        # corrupt LZMA member raises lzma's own error (deflate's and bzip2's are caught in
        # the dispatch).
        yield ReadFailure(member.label, message(ErrorCode.R009_BAD_ARCHIVE, str(error)))
