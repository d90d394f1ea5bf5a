"""Property tests of the readers: for any JSON Lines, HTML or feed bytes, reading ends in records
with storable text and failures with a code, one per line for JSON Lines; and the inputs that
once escaped as exceptions, each pinned as an example."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.errors import DossierError
from dossier.ingest.readers import decode_text
from dossier.model import RawRecord, ReadFailure
from strategies import feed_files, fewer_examples, html_pages, json_records, read_bytes

# --- JSON Lines --------------------------------------------------------------------------------


@given(st.lists(json_records(), min_size=1, max_size=8))
def test_every_jsonl_line_gives_one_record_or_one_failure_at_its_line(
    records: list[dict[str, object]],
) -> None:
    lines = [json.dumps(record, ensure_ascii=True) for record in records]
    data = "\n".join(lines).encode()
    items = read_bytes("records.jsonl", data)
    if (
        len(items) == 1 and items[0].reason.startswith("[R004]")
        if isinstance(items[0], ReadFailure)
        else False
    ):
        return  # every line blank: nothing to read
    assert len(items) == len(lines)
    for number, (item, record) in enumerate(zip(items, records, strict=True), start=1):
        if isinstance(item, ReadFailure):
            assert item.line == number
            continue
        assert item.source_path.endswith(f"#L{number}")
        assert item.text == record["text"].replace("\r\n", "\n").replace("\r", "\n")


# A NUL makes the bytes look like UTF-16 without a byte-order mark; that guess is tested apart.
@given(
    st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
        min_size=1,
        max_size=200,
    )
)
def test_utf8_text_decodes_to_itself(text: str) -> None:
    try:
        decoded, encoding = decode_text(text.encode("utf-8"))
    except DossierError as error:  # blank, or mostly control characters
        assert error.code.value in ("R002", "R004")
        return
    assert encoding == "utf-8"
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n")


@fewer_examples(10)  # trafilatura takes a tenth of a second a page
@given(html_pages())
def test_html_pages_with_any_charset_never_raise(data: bytes) -> None:
    read_bytes("page.html", data)


@given(feed_files())
def test_feeds_with_hostile_references_and_dates_never_raise(data: bytes) -> None:
    read_bytes("feed.rss", data)
    read_bytes("feed.xml", data)


# --- the inputs that escaped before, one each -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "[R005]"),  # RecursionError
        (b'{"text": "a", "id": ' + b"7" * 5_000 + b"}", "[R005]"),  # int digit limit
        (b'{"text": "half a pair \\ud800 here"}', "[R005]"),  # lone surrogate in the text
        (b'{"text": "fine", "title": "\\udfff"}', "[R005]"),  # lone surrogate in a field
        (b'{"text": "nul \x00 inside"}', "[R005]"),  # a NUL: this line fails, not the file
    ],
)
def test_hostile_jsonl_line_fails_alone(line: bytes, code: str) -> None:
    data = b'{"text": "before"}\n' + line + b'\n{"text": "after"}\n'
    items = read_bytes("hostile.jsonl", data)
    assert [type(item) for item in items] == [RawRecord, ReadFailure, RawRecord]
    assert items[1].reason.startswith(code) and items[1].line == 2


def test_nan_and_infinity_fields_are_dropped_not_stored_as_words() -> None:
    data = b'{"text": "a story", "id": NaN, "date": Infinity, "source": -Infinity, "title": 1e999}'
    (record,) = read_bytes("nan.jsonl", data)
    assert isinstance(record, RawRecord) and record.fields == {}


@pytest.mark.parametrize(
    "charset", ["base64", "rot13", "zlib", "uu", "undefined", "unicode_escape"]
)
def test_html_declaring_a_codec_that_is_no_text_encoding_is_read(charset: str) -> None:
    body = b"caf\xe9 au lait, na\xefve r\xe9sum\xe9 \\ud800 " * 20
    page = f'<html><head><meta charset="{charset}"></head><body><article><p>'.encode()
    items = read_bytes("page.html", page + body + b"</p></article></body></html>")
    assert items and all(isinstance(item, RawRecord | ReadFailure) for item in items)


def test_feed_with_a_surrogate_character_reference_is_a_coded_failure() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>&#xD800;</title><description>half &#xD800; a pair</description></item>"
        b"</channel></rss>"
    )
    items = read_bytes("broken.rss", feed)
    assert items and all(isinstance(item, ReadFailure) for item in items)
    assert items[0].reason.startswith("[R010]")


def test_a_declared_escape_codec_cannot_put_a_lone_surrogate_in_the_text() -> None:
    body = b"caf\xe9 au lait, na\xefve r\xe9sum\xe9 \\ud800 " * 20
    text, encoding = decode_text(body, declared="unicode_escape")
    text.encode("utf-8")
    assert encoding != "unicode-escape"
