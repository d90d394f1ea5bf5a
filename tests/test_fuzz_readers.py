"""A bounded fuzz run of the readers: random bytes under every extension, archives cut short or
corrupted, deeply nested JSON and lines past the size limit. Whatever comes in, reading ends in
records and coded failures, never an exception (``strategies.check_items``)."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier import settings
from dossier.model import RawRecord, ReadFailure
from strategies import jsonl_files, read_bytes

SUFFIXES = (".txt", ".jsonl", ".json", ".html", ".rss", ".atom", ".xml", ".gz", ".zip")


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


GOOD_MEMBERS = {
    "a.txt": b"The customs union took effect on 1 January 2012 in Minsk.",
    "b.jsonl": b'{"text": "first record"}\n{"text": "second record"}\n',
    "c.json": b'[{"text": "one"}, {"text": "two"}]',
    "nested/d.txt.gz": gzip.compress(b"inside a gzip inside a zip"),
}
GOOD_ARCHIVES = {
    "deflate.zip": _zip(GOOD_MEMBERS),
    "bzip2.zip": _zip(GOOD_MEMBERS, zipfile.ZIP_BZIP2),
    "lzma.zip": _zip(GOOD_MEMBERS, zipfile.ZIP_LZMA),
    "nested.zip": _zip({"inner.zip": _zip(GOOD_MEMBERS, zipfile.ZIP_LZMA)}),
    "b.jsonl.gz": gzip.compress(GOOD_MEMBERS["b.jsonl"]),
    "inner.zip.gz": gzip.compress(_zip(GOOD_MEMBERS)),
}


@given(st.sampled_from(SUFFIXES), st.binary(max_size=600))
def test_random_bytes_under_every_extension(suffix: str, data: bytes) -> None:
    read_bytes(f"random{suffix}", data)


@given(st.sampled_from(sorted(GOOD_ARCHIVES)), st.data())
def test_truncated_and_corrupted_archives(name: str, data: st.DataObject) -> None:
    good = GOOD_ARCHIVES[name]
    cut = data.draw(st.integers(0, len(good)), label="cut")
    damaged = bytearray(good[:cut])
    flips = data.draw(
        st.lists(st.tuples(st.integers(0, max(cut - 1, 0)), st.integers(0, 255)), max_size=4)
    )
    for position, value in flips:
        if position < len(damaged):
            damaged[position] = value
    read_bytes(name, bytes(damaged))


def test_zip_member_with_an_unsupported_compression_method_is_a_coded_failure() -> None:
    raw = bytearray(_zip({"a.txt": b"some text to read", "b.txt": b"more text to read"}))
    # Method 99 (AES) in the first member's local and central headers: zipfile cannot read it.
    local = raw.find(b"PK\x03\x04")
    central = raw.find(b"PK\x01\x02")
    raw[local + 8 : local + 10] = (99).to_bytes(2, "little")
    raw[central + 10 : central + 12] = (99).to_bytes(2, "little")
    items = read_bytes("methods.zip", bytes(raw))
    assert [type(item) for item in items] == [ReadFailure, RawRecord]
    assert items[0].reason.startswith("[R009]")


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_corrupt_compressed_member_fails_alone(method: int) -> None:
    text = b"The customs union took effect on 1 January 2012 in Minsk. " * 20
    raw = bytearray(_zip({"a.txt": text, "b.txt": b"the member after"}, method))
    start = raw.find(b"a.txt") + len("a.txt") + 20  # inside the first member's compressed data
    raw[start : start + 8] = b"\xff" * 8
    items = read_bytes("corrupt.zip", bytes(raw))
    assert [type(item) for item in items] == [ReadFailure, RawRecord]
    assert items[0].reason.startswith("[R009]")


def test_zip_asking_for_a_newer_zip_version_is_a_coded_failure() -> None:
    raw = bytearray(_zip({"a.txt": b"some text to read"}))
    central = raw.find(b"PK\x01\x02")
    raw[central + 6] = 99  # "version needed to extract": 9.9, past what zipfile reads
    items = read_bytes("version.zip", bytes(raw))
    assert len(items) == 1 and items[0].reason.startswith("[R009]"), items


def test_zip_member_names_that_are_not_utf8_are_read() -> None:
    raw = bytearray(_zip({"caf\u00e9.txt": b"some text to read"}))
    # The UTF-8 flag kept, the name's bytes made invalid UTF-8.
    raw = raw.replace("caf\u00e9".encode(), b"caf\xff\xfe")
    items = read_bytes("names.zip", bytes(raw))
    assert len(items) == 1, items


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
@pytest.mark.parametrize("depth", [100, 5000, 200_000])
def test_deeply_nested_json_is_a_coded_failure(suffix: str, depth: int) -> None:
    nested = b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
    data = nested + (b'\n{"text": "after the deep line"}\n' if suffix == ".jsonl" else b"")
    items = read_bytes(f"deep{suffix}", data)
    assert items[0].reason.startswith(("[R005]", "[R006]")), items[0]
    if suffix == ".jsonl":
        assert isinstance(items[1], RawRecord) and items[1].text == "after the deep line"


def test_huge_lines_cost_one_failure_each(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MAX_DOCUMENT_BYTES", 2_000)
    huge = b'{"text": "' + b"x" * 50_000 + b'"}'
    data = b'{"text": "first"}\n' + huge + b"\n" + b"y" * 9_000 + b'\n{"text": "last"}'
    items = read_bytes("huge.jsonl", data)
    assert [getattr(item, "line", None) for item in items] == [None, 2, 3, None]
    assert [item.reason[:6] for item in items if isinstance(item, ReadFailure)] == ["[R008]"] * 2
    assert read_bytes("huge.txt", b"z" * 3_000)[0].reason.startswith("[R008]")
    bomb = gzip.compress(b"a" * 1_000_000)  # a megabyte in a few kilobytes
    assert read_bytes("bomb.txt.gz", bomb)[0].reason.startswith("[R008]")


@given(jsonl_files())
def test_jsonl_files_with_hostile_lines(data: bytes) -> None:
    read_bytes("hostile.jsonl", data)
    read_bytes("hostile.jsonl.gz", gzip.compress(data), content=data)
