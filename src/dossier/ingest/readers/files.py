"""Finding what to read: files, folders (walked in sorted order) and glob patterns."""

from __future__ import annotations

import functools
import glob
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from dossier.errors import ErrorCode, message
from dossier.ingest.readers.dispatch import read_source
from dossier.ingest.readers.source import ReadItem, Source, is_boilerplate
from dossier.model import RawRecord, ReadFailure

_GLOB_MAGIC = re.compile(r"[*?[]")


def iter_records(paths: Iterable[str | Path]) -> Iterator[RawRecord | ReadFailure]:
    """Every document found under ``paths``, one ``RawRecord`` each, or a ``ReadFailure``.

    paths: files, directories (walked recursively in sorted order, hidden entries skipped) and,
        for strings that name no existing file, glob patterns (``**`` recurses).

    A file named outright must be of a supported type (else R011); files found by walking a
    folder, matching a glob or inside a .zip are skipped silently when their type is not
    supported. A file reached twice in one call is read once.
    """
    seen: set[Path] = set()
    for item in _expand(paths):
        if isinstance(item, ReadFailure):
            yield item
            continue
        path, explicit = item
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop; the file read reports it
            key = path.absolute()
        if key in seen:
            continue
        seen.add(key)
        yield from _read_file(path, explicit)


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[Path, bool] | ReadFailure]:
    """Files to read with whether each was named outright, and failures for missing paths."""
    for item in paths:
        path = Path(item)
        # os.path answers False rather than raising for names the OS rejects.
        if isinstance(item, str) and not os.path.exists(item) and _GLOB_MAGIC.search(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                detail = f"no file matches the pattern {item!r}"
                yield ReadFailure(item, message(ErrorCode.R001_NOT_FOUND, detail))
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(Path(match))
                elif not is_boilerplate(os.path.basename(match)):
                    yield Path(match), False
        elif os.path.isdir(path):
            yield from _walk(path)
        elif os.path.exists(path):
            yield path, True
        else:
            yield ReadFailure(str(item), message(ErrorCode.R001_NOT_FOUND))


def _walk(root: Path) -> Iterator[tuple[Path, bool] | ReadFailure]:
    errors: list[OSError] = []
    found: list[Path] = []
    for directory, subdirectories, names in os.walk(root, onerror=errors.append):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        for name in names:
            if not name.startswith(".") and not is_boilerplate(name):
                found.append(Path(directory, name))
    for error in errors:
        where = error.filename or str(root)
        yield ReadFailure(str(where), message(ErrorCode.R001_NOT_FOUND, f"cannot list: {error}"))
    for path in sorted(found, key=lambda p: p.parts):
        yield path, False


def _read_file(path: Path, explicit: bool) -> Iterator[ReadItem]:
    label = str(path)
    if not path.is_file():
        detail = "not a regular file"
        yield ReadFailure(label, message(ErrorCode.R011_UNSUPPORTED, detail))
        return
    try:
        size = path.stat().st_size
    except OSError as error:
        yield ReadFailure(label, message(ErrorCode.R001_NOT_FOUND, f"cannot read: {error}"))
        return
    opener = functools.partial(path.open, "rb")
    source = Source(label, path.name, opener, size, explicit, path=path)
    yield from read_source(source)
