"""JSON Lines (one record per line) and JSON files (one record, or a list of them)."""

from __future__ import annotations

import codecs
import io
import json
import math
from collections.abc import Iterator
from typing import Any

from dossier import settings
from dossier.errors import DossierError, ErrorCode, message
from dossier.ingest.readers.decoding import (
    NEWLINES,
    decode_text,
    has_lone_surrogate,
    looks_binary,
    wide_bom,
)
from dossier.ingest.readers.source import ReadItem, Source, read_bounded, read_head, too_large
from dossier.model import RawRecord, ReadFailure, SourceFormat

#: JSON keys read from a JSONL/JSON record, and the record field each goes to.
JSON_FIELDS = {
    "id": "external_id",
    "date": "date",
    "source": "outlet",
    "url": "url",
    "title": "title",
    "authors": "authors",
    "source_url": "source_url",
    "topic": "topic",
    "language": "language",
}


def read_jsonl(source: Source) -> Iterator[ReadItem]:
    head = read_head(source)
    if not head.strip():
        raise DossierError(ErrorCode.R004_EMPTY)
    wide = wide_bom(head)
    # A stray NUL spoils its own line only (R005); a head full of control bytes is binary.
    controls = looks_binary(head) if wide is None else 0
    if controls:
        raise DossierError(ErrorCode.R002_BINARY, f"{controls} control bytes at the start")
    limit = settings.MAX_DOCUMENT_BYTES
    yielded = False
    with source.opener() as raw:
        # JSON Lines is UTF-8 by definition, but a UTF-16 file with a byte-order mark is
        # unambiguous; it cannot be split on b"\n", so it is decoded as a stream first.
        wrapper = io.TextIOWrapper(raw, encoding=wide) if wide else None
        try:
            for lineno, line in _iter_lines(wrapper or raw, limit):
                item = _jsonl_line(source.label, lineno, line, wide or "utf-8")
                if item is not None:
                    yielded = True
                    yield item
        except UnicodeDecodeError as error:
            raise DossierError(ErrorCode.R003_UNDECODABLE, f"as {wide}: {error}") from error
        finally:
            if wrapper is not None:
                wrapper.detach()  # the opener closes the byte stream
    if not yielded:
        raise DossierError(ErrorCode.R004_EMPTY, "only blank lines")


def _jsonl_line(
    label: str, lineno: int, line: bytes | str | None, encoding: str
) -> ReadItem | None:
    """The record or failure for one line; None for a blank line."""
    if line is None:
        error = too_large(None, "the line is ")
        return ReadFailure(label, str(error), line=lineno)
    if isinstance(line, bytes):
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            return None
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            # Not UTF-8 as the format requires; JSON syntax is ASCII, so a legacy-encoded
            # line is still readable once its encoding is guessed.
            try:
                text, encoding = decode_text(line)
            except DossierError as error:
                return ReadFailure(label, str(error), line=lineno)
    else:
        text = line.lstrip("\ufeff") if lineno == 1 else line
        if not text.strip():
            return None
    try:
        obj = _parse_json(text)
    except json.JSONDecodeError as error:
        detail = f"{error.msg}: column {error.colno}; fix or remove the line"
        return ReadFailure(label, message(ErrorCode.R005_BAD_JSON_LINE, detail), line=lineno)
    except DossierError as error:
        detail = f"{error.detail}; fix or remove the line"
        return ReadFailure(label, message(error.code, detail), line=lineno)
    item = _record_from_json(obj, f"{label}#L{lineno}", "jsonl", encoding, None)
    if isinstance(item, ReadFailure):
        return ReadFailure(label, item.reason, line=lineno)
    return item


def read_json(source: Source) -> Iterator[ReadItem]:
    text, encoding = decode_text(read_bounded(source))
    try:
        data = _parse_json(text)
    except json.JSONDecodeError as error:
        detail = f"{error.msg}: column {error.colno}"
        yield ReadFailure(source.label, message(ErrorCode.R005_BAD_JSON_LINE, detail), error.lineno)
        return
    if isinstance(data, list):
        if not data:
            raise DossierError(ErrorCode.R004_EMPTY, "an empty JSON list")
        for index, obj in enumerate(data, start=1):
            where = f"{source.label}#{index}"
            yield _record_from_json(obj, where, "jsonl", encoding, f"item {index}")
    else:
        yield _record_from_json(data, source.label, "jsonl", encoding, None)


def _record_from_json(
    obj: Any, source_path: str, fmt: SourceFormat, encoding: str, where: str | None
) -> ReadItem:
    """A record from one JSON object, or the failure saying why it is not one."""
    prefix = f"{where}: " if where else ""
    if not isinstance(obj, dict):
        detail = f"{prefix}a JSON {type(obj).__name__}, expected an object with a 'text' key"
        return ReadFailure(source_path, message(ErrorCode.R005_BAD_JSON_LINE, detail))
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        found = "missing" if "text" not in obj else f"empty or not a string ({text!r:.40})"
        detail = f"{prefix}'text' is {found}"
        return ReadFailure(source_path, message(ErrorCode.R006_NO_TEXT_FIELD, detail))
    fields: dict[str, Any] = {}
    for key, field_name in JSON_FIELDS.items():
        value = _field_value(obj.get(key))
        if value is not None:
            fields[field_name] = value
    stated = [(key, fields[name]) for key, name in JSON_FIELDS.items() if name in fields]
    for key, value in [("text", text), *stated]:
        if has_lone_surrogate(value):
            # A "\ud800" escape decodes to half a UTF-16 pair, which no store can hold.
            detail = f"{prefix}'{key}' holds a lone surrogate escape, not a character"
            return ReadFailure(source_path, message(ErrorCode.R005_BAD_JSON_LINE, detail))
    return RawRecord(source_path, fmt, NEWLINES.sub("\n", text), fields, encoding)


def _field_value(value: Any) -> str | None:
    """A JSON value as a field string; None for absent, empty or structured values."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN and Infinity are not JSON, though Python's parser takes them
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        parts = [str(v).strip() for v in value if isinstance(v, str | int) and str(v).strip()]
        return ", ".join(parts) or None
    return None


def _parse_json(text: str) -> Any:
    """``json.loads``, with what it raises besides syntax errors turned into R005.

    Raises ``json.JSONDecodeError`` for bad syntax (the caller says where), and ``DossierError``
    R005 for nesting deeper than the parser's recursion allows and for an integer past
    Python's digit limit (``sys.get_int_max_str_digits``).
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError as error:
        raise DossierError(ErrorCode.R005_BAD_JSON_LINE, "nested too deeply to parse") from error
    except ValueError as error:
        raise DossierError(ErrorCode.R005_BAD_JSON_LINE, str(error)) from error


def _iter_lines(stream: Any, limit: int) -> Iterator[tuple[int, Any]]:
    """``(line number, line)`` for each line, split on ``\\n`` only.

    A line longer than ``limit`` comes back as None without being held in memory, so one
    oversized line costs a failure, not the whole file. Splitting on ``\\n`` alone keeps
    characters like U+2028 inside JSON strings from breaking a record in two.
    """
    lineno = 0
    parts: list[Any] = []
    length = 0
    oversized = False
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            break
        start = 0
        while True:
            end = chunk.find("\n" if isinstance(chunk, str) else b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if piece and not oversized:
                length += len(piece)
                if length > limit:
                    oversized = True
                    parts.clear()
                else:
                    parts.append(piece)
            if end < 0:
                break
            lineno += 1
            yield lineno, None if oversized else chunk[:0].join(parts)
            parts.clear()
            length = 0
            oversized = False
            start = end + 1
    if parts or oversized:
        yield lineno + 1, None if oversized else parts[0][:0].join(parts)
