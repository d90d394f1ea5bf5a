"""Readers: files, folders and glob patterns in, ``RawRecord`` objects out.

One entry point, ``iter_records``, walks what it is given and hands each file to the reader for
its type: plain text, JSON Lines (and JSON), HTML pages, RSS/Atom feeds, and ``.gz``/``.zip``
archives whose members go through the same dispatch. Bad input never raises: a file, line,
archive member or feed entry that cannot be read becomes a ``ReadFailure`` whose reason carries
an error code from ``dossier.errors``, and the batch goes on.

``decode_text`` turns bytes into text for every reader: byte-order marks, strict UTF-8, then a
guess for legacy encodings, with newlines normalised to ``\\n``. What it returns is the
document's original text from then on; every later offset counts from it.
"""

from __future__ import annotations

import codecs
import contextlib
import email.utils
import functools
import glob
import gzip
import io
import json
import os
import re
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from dossier import settings
from dossier.errors import DossierError, ErrorCode, message
from dossier.model import RawRecord, ReadFailure, SourceFormat

ReadItem = RawRecord | ReadFailure
#: Opens a fresh binary stream over a source's content.
Opener = Callable[[], AbstractContextManager[Any]]

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

#: Root elements (local names, lower case) that make an .xml file a feed.
FEED_ROOTS = frozenset({"rss", "feed", "rdf"})

#: Bytes of a file looked at to tell binary from text and to find an XML root element.
SNIFF_BYTES = 8192

#: Above this share of C0 control characters (tab, newlines, vertical tab and form feed
#: aside) the data is binary, not text; real text files hold at most a stray one.
MAX_CONTROL_SHARE = 0.05

#: A few invalid bytes in otherwise good UTF-8 (a truncated download, one corrupted character)
#: are replaced rather than letting a legacy-encoding guess turn every other non-ASCII
#: character into mojibake: at least this many good non-ASCII characters per bad byte.
MIN_GOOD_PER_BAD_UTF8 = 20

#: A legacy-encoding guess is trusted when charset-normalizer also recognises a language in
#: the decoded text with at least this coherence (0-1); below it, short texts get wild guesses
#: (Farsi for "café au lait").
MIN_COHERENCE = 0.2

#: Western text decoded as cp1252 has few non-ASCII letters (accents); Cyrillic or Greek bytes
#: decoded as cp1252 are almost all non-ASCII letters.
MAX_NON_ASCII_LETTER_SHARE = 0.3

#: Tie-break between legacy encodings that charset-normalizer finds equally plausible, as on a
#: short text: the common Western and Cyrillic code pages first.
PREFERRED_ENCODINGS = (
    "cp1252",
    "cp1251",
    "koi8-r",
    "koi8-u",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso8859-2",
    "iso8859-5",
    "iso8859-7",
)

_BOMS = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f]")
_NEWLINES = re.compile(r"\r\n?")
_GLOB_MAGIC = re.compile(r"[*?[]")
_REAL_SUFFIX = re.compile(r"^\.[A-Za-z0-9_-]{1,12}$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_PROLOGUE = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)
_XML_ROOT = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")


# --- public API ---------------------------------------------------------------------------------


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


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a document's bytes; returns ``(text, encoding name)`` with newlines as ``\\n``.

    data: the raw bytes of one document.
    declared: an encoding the document declares (an HTML ``<meta charset>``), tried after
        byte-order marks and strict UTF-8.

    Raises ``DossierError`` R004 for empty or whitespace-only data, R002 for binary data and
    R003 when no encoding fits.
    """
    if not data.strip():
        raise DossierError(ErrorCode.R004_EMPTY)
    text, encoding = _decode(data, declared)
    if not text.strip():
        raise DossierError(ErrorCode.R004_EMPTY, f"only whitespace once decoded as {encoding}")
    controls = len(_CONTROL_CHARS.findall(text[:SNIFF_BYTES]))
    if controls > MAX_CONTROL_SHARE * min(len(text), SNIFF_BYTES):
        raise DossierError(ErrorCode.R002_BINARY, f"{controls} control characters at the start")
    return _NEWLINES.sub("\n", text), encoding


# --- finding files ------------------------------------------------------------------------------


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
                elif not _is_boilerplate(os.path.basename(match)):
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
            if not name.startswith(".") and not _is_boilerplate(name):
                found.append(Path(directory, name))
    for error in errors:
        where = error.filename or str(root)
        yield ReadFailure(str(where), message(ErrorCode.R001_NOT_FOUND, f"cannot list: {error}"))
    for path in sorted(found, key=lambda p: p.parts):
        yield path, False


def _is_boilerplate(name: str) -> bool:
    pure = PurePosixPath(name)
    return pure.stem.lower() in BOILERPLATE_STEMS and _suffix(name) in BOILERPLATE_SUFFIXES


def _suffix(name: str) -> str:
    """The lower-case extension, or "" when the name has none that looks like one."""
    suffix = PurePosixPath(name).suffix
    # "2011.11.18 Putin speech" has no extension, whatever pathlib says.
    return suffix.lower() if _REAL_SUFFIX.match(suffix) else ""


# --- sources and dispatch -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Source:
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
    source = _Source(label, path.name, opener, size, explicit, path=path)
    yield from _read_source(source)


def _read_source(source: _Source) -> Iterator[ReadItem]:
    """Dispatch ``source`` on its extension; turn any read error into a failure."""
    suffix = _suffix(source.name)
    if suffix in TEXT_SUFFIXES:
        reader: Callable[[_Source], Iterator[ReadItem]] = _read_text
    elif suffix in JSONL_SUFFIXES:
        reader = _read_jsonl
    elif suffix in JSON_SUFFIXES:
        reader = _read_json
    elif suffix in HTML_SUFFIXES:
        reader = _read_html
    elif suffix in FEED_SUFFIXES:
        reader = _read_feed
    elif suffix in XML_SUFFIXES:
        reader = _read_xml
    elif suffix in GZIP_SUFFIXES:
        reader = _read_gzip
    elif suffix in ZIP_SUFFIXES:
        reader = _read_zip
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


def _too_large(size: int | None, what: str = "") -> DossierError:
    """The R008 error; ``size`` None when reading stopped at the limit."""
    limit = settings.MAX_DOCUMENT_BYTES
    amount = f"{size} bytes" if size is not None else f"more than {limit} bytes"
    detail = f"{what}{amount}, limit {limit}; split it or raise settings.MAX_DOCUMENT_BYTES"
    return DossierError(ErrorCode.R008_TOO_LARGE, detail)


def _read_bounded(source: _Source) -> bytes:
    """All of the source's bytes, refusing (R008) more than one document's worth.

    The size on disk is checked before opening, and the read stops one byte past the limit,
    so a huge file or a decompression bomb costs no more than the limit.
    """
    limit = settings.MAX_DOCUMENT_BYTES
    if source.size is not None and source.size > limit:
        raise _too_large(source.size)
    with source.opener() as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(None)
    return data


def _read_head(source: _Source) -> bytes:
    with source.opener() as stream:
        return stream.read(SNIFF_BYTES)


# --- readers ------------------------------------------------------------------------------------


def _read_text(source: _Source) -> Iterator[ReadItem]:
    text, encoding = decode_text(_read_bounded(source))
    yield RawRecord(source.label, "text", text, {}, encoding)


def _read_html(source: _Source) -> Iterator[ReadItem]:
    # Imported here so that reading text and JSONL does not load trafilatura.
    from dossier.ingest.html import extract_article

    data = _read_bounded(source)
    declared = _META_CHARSET.search(data[:SNIFF_BYTES])
    page, encoding = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    try:
        text, meta = extract_article(page)
    except DossierError:
        raise
    except Exception as error:  # a page that breaks the extractor must not stop the batch
        detail = f"the extractor failed: {type(error).__name__}: {error}"
        raise DossierError(ErrorCode.R007_NO_ARTICLE, detail) from error
    fields: dict[str, Any] = {}
    for key, value in meta.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        # The extractor says "author"; records say "authors" (a string, possibly several).
        fields["authors" if key == "author" else key] = value
    yield RawRecord(source.label, "html", _NEWLINES.sub("\n", text), fields, encoding)


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


def _read_jsonl(source: _Source) -> Iterator[ReadItem]:
    head = _read_head(source)
    if not head.strip():
        raise DossierError(ErrorCode.R004_EMPTY)
    wide = _wide_bom(head)
    if wide is None and b"\x00" in head:
        raise DossierError(ErrorCode.R002_BINARY, "NUL bytes in a JSON Lines file")
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
        error = _too_large(None, f"line {lineno} is ")
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
        obj = json.loads(text)
    except json.JSONDecodeError as error:
        detail = f"line {lineno}: {error.msg} at column {error.colno}; fix or remove the line"
        return ReadFailure(label, message(ErrorCode.R005_BAD_JSON_LINE, detail), line=lineno)
    item = _record_from_json(obj, f"{label}#L{lineno}", "jsonl", encoding, f"line {lineno}")
    if isinstance(item, ReadFailure):
        return ReadFailure(label, item.reason, line=lineno)
    return item


def _read_json(source: _Source) -> Iterator[ReadItem]:
    text, encoding = decode_text(_read_bounded(source))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        detail = f"{error.msg} at line {error.lineno}, column {error.colno}"
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
    return RawRecord(source_path, fmt, _NEWLINES.sub("\n", text), fields, encoding)


def _field_value(value: Any) -> str | None:
    """A JSON value as a field string; None for absent, empty or structured values."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        parts = [str(v).strip() for v in value if isinstance(v, str | int) and str(v).strip()]
        return ", ".join(parts) or None
    return None


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


def _read_xml(source: _Source) -> Iterator[ReadItem]:
    head = _read_head(source)
    if not head.strip():
        raise DossierError(ErrorCode.R004_EMPTY)
    root = _xml_root(head)
    if root is None:
        raise DossierError(ErrorCode.R010_BAD_FEED, "no XML root element found")
    if root.rpartition(":")[2].lower() in FEED_ROOTS:
        yield from _read_feed(source)
    elif source.explicit:
        detail = f"XML with root <{root}>, not an RSS or Atom feed"
        yield ReadFailure(source.label, message(ErrorCode.R011_UNSUPPORTED, detail))


def _xml_root(head: bytes) -> str | None:
    """The name of the first element in the start of an XML document, if one is there."""
    wide = _wide_bom(head)
    # Latin-1 maps every byte, and the markup before the root element is ASCII.
    text = head.decode(wide, "ignore") if wide else head.decode("latin-1")
    text = text.lstrip("\ufeff\xef\xbb\xbf")
    position = 0
    while match := _XML_PROLOGUE.match(text, position):
        position = match.end()
    root = _XML_ROOT.match(text, position)
    return root.group(1) if root else None


def _read_feed(source: _Source) -> Iterator[ReadItem]:
    # Imported here so that reading text and JSONL does not load feedparser.
    import feedparser

    data = _read_bounded(source)
    if not data.strip():
        raise DossierError(ErrorCode.R004_EMPTY)
    # A stream, not a string: feedparser fetches a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f"{problem}" if problem else "not an RSS or Atom document"
        raise DossierError(ErrorCode.R010_BAD_FEED, detail)
    if not parsed.entries:
        raise DossierError(ErrorCode.R004_EMPTY, "the feed has no entries")
    feed = parsed.get("feed", {})
    outlet = _outlet_from_feed_title(_plain(feed.get("title")))
    language = _plain(feed.get("language"))
    encoding = parsed.get("encoding") or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source.label}#item{number}"
        text = _entry_text(entry)
        if not text:
            detail = "the feed entry has no content or summary"
            yield ReadFailure(where, message(ErrorCode.R004_EMPTY, detail))
            continue
        fields: dict[str, Any] = {
            "title": _detail_text(entry, "title"),
            "url": _plain(entry.get("link")),
            "date": _entry_date(entry),
            "authors": _entry_authors(entry),
            "outlet": outlet,
            "external_id": _plain(entry.get("id")),
            "language": language,
        }
        fields = {key: value for key, value in fields.items() if value}
        yield RawRecord(where, "feed", text, fields, encoding)


# Channel titles name the outlet, then often a section: "Outlet: Section", "Outlet | Section".
_FEED_TITLE_SECTION = re.compile(r"\s*(?::|\s[|\u2013\u2014-])\s+.*$")


def _outlet_from_feed_title(title: str | None) -> str | None:
    """The outlet part of a feed's channel title, without a trailing section name."""
    if not title:
        return None
    return _FEED_TITLE_SECTION.sub("", title).strip() or title


def _plain(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _detail_text(entry: Any, key: str) -> str | None:
    """A feed text construct as plain text, stripping markup only when it is HTML."""
    value = _plain(entry.get(key))
    kind = (entry.get(f"{key}_detail") or {}).get("type", "")
    if value and "html" in kind:
        value = " ".join(_html_to_text(value).split()) or None
    return value


def _entry_text(entry: Any) -> str:
    """The entry's fullest text: the longest content block, else the summary."""
    blocks = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if blocks:
        block = max(blocks, key=lambda c: len(c["value"]))
        value, kind = block["value"], block.get("type", "")
    else:
        value = entry.get("summary") or ""
        kind = (entry.get("summary_detail") or {}).get("type", "text/html")
    if not value.strip():
        return ""
    text = _html_to_text(value) if "html" in kind else value
    return _NEWLINES.sub("\n", text).strip()


#: Elements that end a paragraph or line when an HTML fragment becomes plain text.
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
    | {"pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption"}
    | {"dd", "dt"}
)


def _html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _entry_date(entry: Any) -> str | None:
    """The entry's date as YYYY-MM-DD, in the time zone the feed wrote it in.

    feedparser's ``*_parsed`` values are shifted to UTC, which moves a late-evening story to
    the next day; the raw string keeps the publisher's own date, so it is parsed first.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        parsed = _parse_feed_date(raw.strip())
        if parsed:
            return parsed
        struct = entry.get(f"{key}_parsed")
        if isinstance(struct, time.struct_time):
            return date(*struct[:3]).isoformat()
    return None


def _parse_feed_date(raw: str) -> str | None:
    with contextlib.suppress(TypeError, ValueError, IndexError):
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    with contextlib.suppress(ValueError):
        return datetime.fromisoformat(raw).date().isoformat()
    return None


def _entry_authors(entry: Any) -> str | None:
    names = [_plain(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, dict)]
    names = [name for name in names if name]
    if names:
        return ", ".join(dict.fromkeys(names))
    return _plain(entry.get("author"))


def _read_gzip(source: _Source) -> Iterator[ReadItem]:
    inner_name = source.name[: -len(".gz")]

    @contextlib.contextmanager
    def open_inner() -> Iterator[gzip.GzipFile]:
        with source.opener() as raw, gzip.GzipFile(fileobj=raw, mode="rb") as stream:
            yield stream

    inner = _Source(source.label, inner_name, open_inner, None, source.explicit, archived=True)
    yield from _read_source(inner)


def _read_zip(source: _Source) -> Iterator[ReadItem]:
    try:
        if source.path is not None:
            archive = zipfile.ZipFile(source.path)
        else:
            # A .zip inside an archive: zipfile needs to seek, so it is read into memory.
            archive = zipfile.ZipFile(io.BytesIO(_read_bounded(source)))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        detail = str(error) or type(error).__name__
        raise DossierError(ErrorCode.R009_BAD_ARCHIVE, detail) from error
    with archive:
        members = sorted(
            (info for info in archive.infolist() if not info.is_dir()),
            key=lambda info: info.filename,
        )
        for info in members:
            parts = PurePosixPath(info.filename).parts
            if any(part.startswith(".") or part == "__MACOSX" for part in parts):
                continue
            if _is_boilerplate(parts[-1]):
                continue
            member = _Source(
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


def _read_member(member: _Source) -> Iterator[ReadItem]:
    try:
        yield from _read_source(member)
    except (RuntimeError, NotImplementedError) as error:
        # zipfile refuses encrypted members and compression methods it lacks this way.
        yield ReadFailure(member.label, message(ErrorCode.R009_BAD_ARCHIVE, str(error)))


# --- decoding -----------------------------------------------------------------------------------


def _wide_bom(head: bytes) -> str | None:
    """The codec for a UTF-16 or UTF-32 byte-order mark at the start, with the mark kept."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.removesuffix("-sig")), codec
            except UnicodeDecodeError as error:
                detail = f"starts with a {codec} byte-order mark but is not {codec}: {error}"
                raise DossierError(ErrorCode.R003_UNDECODABLE, detail) from error
    if b"\x00" in data:
        return _decode_utf16_without_bom(data)
    sample = data[:SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise DossierError(ErrorCode.R002_BINARY, f"{controls} control bytes at the start")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for char in lenient if char > "\x7f") - bad
    if good >= MIN_GOOD_PER_BAD_UTF8 * bad:
        return lenient, "utf-8"
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return text
    return _decode_legacy(data)


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str]:
    """UTF-16 text saved without a byte-order mark, told apart from binary by where NULs sit.

    Text in UTF-16 has its NUL bytes (the high byte of ASCII characters, or of spaces between
    Cyrillic words) all at odd offsets (little-endian) or all at even ones (big-endian).
    """
    if len(data) % 2 == 0:
        even = data[0::2].count(0)
        odd = data[1::2].count(0)
        # A few characters have a NUL low byte (U+0100, U+0400), so the split need not be
        # perfect; at least a tenth of the characters must carry a NUL.
        codec = "utf-16-le" if odd > 50 * even else "utf-16-be" if even > 50 * odd else None
        if codec and max(even, odd) * 10 >= len(data) // 2:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    raise DossierError(ErrorCode.R002_BINARY, "NUL bytes in a file that is not UTF-16")


def _decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    # Browsers read pages labelled Latin-1 or ASCII as windows-1252, and so do publishers.
    if codec in ("iso8859-1", "ascii"):
        codec = "cp1252"
    # A UTF-16/32 label on bytes without NULs is wrong (browsers ignore it too): decoding
    # would "succeed" and turn ASCII pairs into CJK characters.
    if codec.startswith(("utf-16", "utf-32")):
        return None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Guess a single-byte (or CJK) encoding with charset-normalizer, Western text first."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    western: str | None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    best = matches[0] if matches else None
    if best is not None and best.coherence >= MIN_COHERENCE:
        text = str(best)
        # cp1250 and cp1252 agree on most letters; name the common one when they agree here.
        return text, "cp1252" if text == western else _codec_name(best.encoding)
    if western is not None and _looks_western(western):
        return western, "cp1252"
    if best is None:
        raise DossierError(
            ErrorCode.R003_UNDECODABLE,
            "not UTF-8 and no legacy encoding fits; re-save the file as UTF-8",
        )
    tied = [m for m in matches if m.chaos <= best.chaos]
    names = {_codec_name(m.encoding): m for m in tied}
    for preferred in PREFERRED_ENCODINGS:
        if preferred in names:
            return str(names[preferred]), preferred
    return str(best), _codec_name(best.encoding)


def _looks_western(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for char in letters if char > "\x7f")
    return non_ascii <= MAX_NON_ASCII_LETTER_SHARE * len(letters)


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name
