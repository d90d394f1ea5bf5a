"""Hypothesis strategies the property and fuzz tests share: random and adversarial text, the
bytes of files each reader takes, and document dates, sane and not; and the check every read
must pass, whatever the bytes.

Adversarial text mixes news-like fragments (dates, time words, names and titles the KB knows,
caption credits, widget lines) with what breaks naive code: control characters, line and
paragraph separators, combining marks, zero-width and right-to-left characters, astral
characters, very long words and runs of blank lines. The fragments are written here, not taken
from any corpus or gold file.
"""

from __future__ import annotations

import functools
import json
import re
import string
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from spacy.language import Language

from dossier.ingest.readers import iter_records
from dossier.model import RawRecord, ReadFailure
from dossier.nlp import PipelineConfig, load_pipeline

#: Text a reader can hand on: any character but a lone surrogate, which no decoder produces.
ANY_CHAR = st.characters(exclude_categories=("Cs",))

NEWS_FRAGMENTS = (
    " date 2011-11-18 ",
    "date 2012",
    "Friday, January 4, 2019\n",
    "November 18, 2011",
    "4 March 2013",
    "Jan. 1",
    "the fall of 2011",
    "the 1990s",
    "last month",
    "next Friday",
    "on Monday",
    "two years ago",
    "twenty-five years ago",
    "the next day",
    "a year earlier",
    "1 1/0 years",
    "0/0 of a year",
    "9999",
    "0001",
    "the year 0",
    "December 31, 9999",
    "January 1, 0001",
    "Q4",
    "the first half",
    "every week",
    "3:30 p.m.",
    "recently",
    "President",
    "Russia's President",
    "Vladimir Putin",
    "Putin",
    "Mr. Medvedev",
    "Prime Minister",
    "the Kremlin",
    "Moscow",
    "Kazakhstan",
    "his Kazakh counterpart",
    "the president",
    "(AP Photo/Jane Doe)",
    "REUTERS/John Smith",
    "Read more",
    "Continue:",
    "Share this:",
    "Advertisement",
    "...",
    "…",
    "MORE",
    "\n\n\n\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\x0b\x0c",
    "\u2028",
    "\u2029",
    "\u200b",
    "\u200d",
    "\u202e",
    "\ufeff",
    "\u0301\u0301\u0301",
    "\U0001f600",
    "\U00010348",
    "ﬁ",
    "İ",
    "ß",
    "x" * 500,
    "   ",
    ".",
    "'s",
    "-",
    "—",
)


def adversarial_text(max_parts: int = 25) -> st.SearchStrategy[str]:
    """Text built from news-like fragments, random characters and hostile ones."""
    part = st.one_of(
        st.sampled_from(NEWS_FRAGMENTS),
        st.text(ANY_CHAR, max_size=20),
        st.text(string.ascii_letters + string.digits + " .,;:'\"-()\n", max_size=40),
    )
    return st.lists(part, max_size=max_parts).map("".join)


def document_dates() -> st.SearchStrategy[str | None]:
    """Document dates as stores hold them, and the unreadable ones a source may state."""
    valid = st.dates().map(lambda day: day.isoformat())
    months = st.tuples(st.integers(1, 9999), st.integers(1, 12)).map(
        lambda p: f"{p[0]:04d}-{p[1]:02d}"
    )
    years = st.integers(1, 9999).map(lambda year: f"{year:04d}")
    edges = st.sampled_from(
        ["0001-01-01", "9999-12-31", "0001", "9999", "0001-01", "9999-12", "0000", "0000-00-00",
         "2011-13", "2011-02-30", "2011-00-10", "2011-11-18T10:00:00Z", "18/11/2011", "", " ",
         "abcd", "20111118", "-2011"]
    )  # fmt: skip
    return st.one_of(st.none(), valid, months, years, edges, st.text(max_size=12))


# --- file contents, one strategy per reader ---------------------------------------------------

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(ANY_CHAR, max_size=30),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def json_records() -> st.SearchStrategy[dict[str, object]]:
    """JSON objects shaped like records: a text field (or not) and the fields readers take."""
    fields = st.fixed_dictionaries(
        {},
        optional={
            "text": st.one_of(adversarial_text(8), JSON_VALUES),
            "id": JSON_VALUES,
            "date": st.one_of(document_dates(), JSON_VALUES),
            "source": JSON_VALUES,
            "title": st.one_of(st.text(ANY_CHAR, max_size=30), JSON_VALUES),
            "authors": JSON_VALUES,
            "url": JSON_VALUES,
        },
    )
    return fields


#: Lines that are not JSON records, or that attack the JSON parser.
HOSTILE_JSON_LINES = (
    b"",
    b"   ",
    b"{",
    b"[" * 5000,
    b'{"text": ' + b"[" * 3000 + b"]" * 3000 + b"}",
    b'{"text": "a", "id": ' + b"7" * 5000 + b"}",
    b'{"text": "a\\ud800b"}',
    b'{"text": "ok", "title": "\\udfff"}',
    b'{"text": "a", "id": NaN, "date": Infinity, "source": -Infinity}',
    b'{"text": "a", "id": 1e999}',
    b'{"text": "nul\x00inside"}',
    b"\x00\x00\x00\x00",
    b"\xff\xfe\xfd",
    b'"just a string"',
    b"null",
    b"42",
    b'{"text": ""}',
    b'{"text": "caf\xe9 au lait"}',
    b'\xef\xbb\xbf{"text": "bom"}',
)


def jsonl_files() -> st.SearchStrategy[bytes]:
    """The bytes of a JSON Lines file: good records, hostile lines and raw bytes, mixed."""
    good = json_records().map(
        lambda obj: json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
    )
    line = st.one_of(good, st.sampled_from(HOSTILE_JSON_LINES), st.binary(max_size=40))
    ending = st.sampled_from([b"\n", b"\r\n"])
    return st.lists(st.tuples(line, ending), max_size=12).map(
        lambda lines: b"".join(text + end for text, end in lines)
    )


def html_pages() -> st.SearchStrategy[bytes]:
    """HTML pages with a declared charset (real, bogus or a non-text codec) and hostile bodies."""
    charset = st.sampled_from(
        ["utf-8", "windows-1252", "koi8-r", "bogus-charset", "base64", "rot13", "hex", "zlib",
         "undefined", "utf-16", "unicode_escape", "idna", ""]
    )  # fmt: skip
    body = adversarial_text(12)
    legacy = st.sampled_from(
        [b"caf\xe9 na\xefve r\xe9sum\xe9 ", b"\xcf\xf0\xe8\xe2\xe5\xf2 ", b"\\ud800 "]
    )

    def page(parts: tuple[str, str, str, bytes, int]) -> bytes:
        declared, title, text, raw, repeat = parts
        meta = f'<meta charset="{declared}">' if declared else ""
        head = f"<html><head>{meta}<title>{title}</title></head><body><article><p>"
        tail = "</p></article></body></html>"
        return head.encode() + text.encode("utf-8") + raw * repeat + tail.encode()

    return st.tuples(charset, st.text(ANY_CHAR, max_size=20), body, legacy, st.integers(0, 30)).map(
        page
    )


def feed_files() -> st.SearchStrategy[bytes]:
    """RSS and Atom documents with hostile character references, dates and markup."""
    text = st.one_of(
        adversarial_text(6).map(lambda t: t.replace("&", "&amp;").replace("<", "&lt;")),
        st.sampled_from(["&#xD800;", "&#0;", "&#x110000;", "&#55296;", "&bogus;", "<![CDATA[<p>x</p>]]>",
                         "&lt;script&gt;alert(1)&lt;/script&gt;", "&#xFFFE;"]),
    )  # fmt: skip
    date = st.sampled_from(
        ["Mon, 01 Jan 0001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 +1400", "0000-00-00",
         "2011-11-18T10:00:00Z", "yesterday", "Thu, 18 Nov 2011 25:61:61 GMT", ""]
    )  # fmt: skip

    def rss(parts: tuple[str, str, str, int]) -> bytes:
        title, body, pub, items = parts
        item = (
            f"<item><title>{title}</title><description>{body}</description>"
            f"<pubDate>{pub}</pubDate><link>http://example.org/{title[:5]}</link></item>"
        )
        channel = f"<channel><title>{title}</title>{item * items}</channel>"
        return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode(
            "utf-8", "surrogatepass"
        )

    def atom(parts: tuple[str, str, str, int]) -> bytes:
        title, body, pub, items = parts
        entry = (
            f"<entry><title type='html'>{title}</title><content type='html'>{body}</content>"
            f"<updated>{pub}</updated><author><name>{title}</name></author></entry>"
        )
        return (
            f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"{entry * items}</feed>"
        ).encode("utf-8", "surrogatepass")

    parts = st.tuples(text, text, date, st.integers(0, 3))
    return st.one_of(parts.map(rss), parts.map(atom))


def fewer_examples(count: int) -> settings:
    """Settings for a slow test: ``count`` examples under the dev and ci profiles, scaled up
    with the profile's own number (25 times ``count`` under "thorough")."""
    return settings(max_examples=max(1, count * settings.default.max_examples // 40))


@functools.cache
def production_pipeline() -> Language:
    """The production pipeline up to the timex tagger (linker included), loaded once per run
    and run once, so that no example pays for a cold start against the deadline."""
    nlp = load_pipeline(PipelineConfig().only_up_to("dossier_timex"))
    nlp("Russia's President met Putin in Moscow on Friday, November 18, 2011.")
    return nlp


# --- what every read must hold -------------------------------------------------------------

#: A failure's reason opens with its catalogue code.
CODED = re.compile(r"^\[R\d{3}\] ")


def read_bytes(
    name: str, data: bytes, content: bytes | None = None
) -> list[RawRecord | ReadFailure]:
    """Everything the readers make of ``data`` saved as a file called ``name``, checked.

    content: what line numbers count in, when ``data`` compresses it.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        items = list(iter_records([path]))
    check_items(items, data if content is None else content)
    return items


def check_items(items: list[RawRecord | ReadFailure], data: bytes) -> None:
    """Records carry storable text; failures carry a code; line numbers stay in the file."""
    lines = data.count(b"\n") + 1
    for item in items:
        assert isinstance(item, RawRecord | ReadFailure), item
        if isinstance(item, ReadFailure):
            assert CODED.match(item.reason), item.reason
            assert item.line is None or 1 <= item.line <= lines, (item.line, lines)
            continue
        assert item.text.strip(), item
        # A lone surrogate cannot be stored (UTF-8, PostgreSQL): no record may carry one.
        item.text.encode("utf-8")
        for key, value in item.fields.items():
            assert isinstance(value, str), (key, value)
            value.encode("utf-8")
            assert value.strip(), (key, value)
        assert "\r" not in item.text
