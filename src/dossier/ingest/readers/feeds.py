"""RSS and Atom feeds (and .xml files whose root element makes them one): one record per entry."""

from __future__ import annotations

import contextlib
import email.utils
import io
import re
import time
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from dossier.errors import DossierError, ErrorCode, message
from dossier.ingest.readers.decoding import NEWLINES, has_lone_surrogate, wide_bom
from dossier.ingest.readers.source import ReadItem, Source, read_bounded, read_head
from dossier.model import RawRecord, ReadFailure

#: Root elements (local names, lower case) that make an .xml file a feed.
FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
_XML_PROLOGUE = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)
_XML_ROOT = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")


def read_xml(source: Source) -> Iterator[ReadItem]:
    head = read_head(source)
    if not head.strip():
        raise DossierError(ErrorCode.R004_EMPTY)
    root = _xml_root(head)
    if root is None:
        raise DossierError(ErrorCode.R010_BAD_FEED, "no XML root element found")
    if root.rpartition(":")[2].lower() in FEED_ROOTS:
        yield from read_feed(source)
    elif source.explicit:
        detail = f"XML with root <{root}>, not an RSS or Atom feed"
        yield ReadFailure(source.label, message(ErrorCode.R011_UNSUPPORTED, detail))


def _xml_root(head: bytes) -> str | None:
    """The name of the first element in the start of an XML document, if one is there."""
    wide = wide_bom(head)
    # Latin-1 maps every byte, and the markup before the root element is ASCII.
    text = head.decode(wide, "ignore") if wide else head.decode("latin-1")
    text = text.lstrip("\ufeff\xef\xbb\xbf")
    position = 0
    while match := _XML_PROLOGUE.match(text, position):
        position = match.end()
    root = _XML_ROOT.match(text, position)
    return root.group(1) if root else None


def read_feed(source: Source) -> Iterator[ReadItem]:
    # Imported here so that reading text and JSONL does not load feedparser.
    import feedparser

    data = read_bounded(source)
    if not data.strip():
        raise DossierError(ErrorCode.R004_EMPTY)
    # A stream, not a string: feedparser fetches a string that looks like a URL.
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as error:  # feedparser's lenient parser raises on some character references
        detail = f"the parser failed: {type(error).__name__}: {error}"
        raise DossierError(ErrorCode.R010_BAD_FEED, detail) from error
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
        if has_lone_surrogate(text) or any(has_lone_surrogate(v) for v in fields.values()):
            detail = "a character reference to half a UTF-16 pair (&#xD800;) in the entry"
            yield ReadFailure(where, message(ErrorCode.R010_BAD_FEED, detail))
            continue
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
    return NEWLINES.sub("\n", text).strip()


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
            with contextlib.suppress(ValueError):  # year 0, which feedparser lets through
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
