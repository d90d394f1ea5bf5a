"""Tests for dossier.ingest.readers: every format, bad input, and the source paths reported."""

from __future__ import annotations

import gzip
import json
import re
import time
import zipfile
from pathlib import Path

import pytest

from dossier import settings
from dossier.errors import DossierError, ErrorCode
from dossier.ingest.readers import decode_text, iter_records
from dossier.ingest.readers.dispatch import READERS, SUPPORTED_TYPES
from dossier.model import RawRecord, ReadFailure

SHARED = Path(__file__).parents[1].parent / "shared"

RUSSIAN = (
    "Москва, 18 ноября. Президент России Дмитрий Медведев заявил, что Евразийский союз "
    "будет создан к 2015 году."
)
ARTICLE = (
    "When Russian Prime Minister Vladimir Putin first announced his intention to return to the "
    "Kremlin, one of the first programmatic articles he published was devoted to a Eurasian "
    "Union. The proposal drew comment from neighbouring capitals within days."
)


def read(*paths: str | Path) -> list[RawRecord | ReadFailure]:
    return list(iter_records(paths))


def records(items: list[RawRecord | ReadFailure]) -> list[RawRecord]:
    return [item for item in items if isinstance(item, RawRecord)]


def failures(items: list[RawRecord | ReadFailure]) -> list[ReadFailure]:
    return [item for item in items if isinstance(item, ReadFailure)]


def code(failure: ReadFailure) -> str:
    match = re.match(r"\[(R\d{3})\] ", failure.reason)
    assert match, f"reason without an error code: {failure.reason}"
    return match.group(1)


def only_failure(items: list[RawRecord | ReadFailure]) -> ReadFailure:
    assert len(items) == 1 and isinstance(items[0], ReadFailure), items
    return items[0]


def jsonl(*objects: object) -> str:
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects)


# --- decode_text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RUSSIAN.encode("cp1251"), "cp1251"),
        (RUSSIAN.encode("koi8-r"), "koi8-r"),
        (RUSSIAN.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + RUSSIAN.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + RUSSIAN.encode("utf-16-be"), "utf-16-be"),
        (RUSSIAN.encode("utf-16-le"), "utf-16-le"),
        (RUSSIAN.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=[
        "cp1251",
        "koi8-r",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-16-le",
        "utf-16-be",
    ],
)
def test_decode_text_recovers_cyrillic(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert text == RUSSIAN
    assert found == encoding


def test_decode_text_reads_western_legacy_text_as_cp1252() -> None:
    # charset-normalizer alone calls these cp1250 or Farsi and turns "très" into "trčs".
    for sample in ("café au lait, très bon", "“Smart quotes” – a dash… and €5"):
        text, encoding = decode_text(sample.encode("cp1252"))
        assert (text, encoding) == (sample, "cp1252")


def test_decode_text_keeps_utf8_with_one_bad_byte() -> None:
    data = ("Москва " * 40).encode() + b"\xff" + ("Киев " * 40).encode()
    text, encoding = decode_text(data)
    assert encoding == "utf-8"
    assert text.startswith("Москва Москва") and text.endswith("Киев ")
    assert text.count("\ufffd") == 1


def test_decode_text_normalises_newlines() -> None:
    text, _ = decode_text(b"one\r\ntwo\rthree\n")
    assert text == "one\ntwo\nthree\n"


def test_decode_text_uses_declared_encoding_when_not_utf8() -> None:
    text, encoding = decode_text("Привет".encode("cp1251"), declared="windows-1251")
    assert (text, encoding) == ("Привет", "cp1251")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ErrorCode.R004_EMPTY),
        (b" \r\n\t \n", ErrorCode.R004_EMPTY),
        (" \n ".encode("utf-16"), ErrorCode.R004_EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ErrorCode.R002_BINARY),
        (bytes(range(1, 9)) * 40 + b"text", ErrorCode.R002_BINARY),
        (bytes(range(128, 256)) * 3, ErrorCode.R003_UNDECODABLE),
    ],
    ids=["empty", "whitespace", "utf-16-whitespace", "png", "control-chars", "undecodable"],
)
def test_decode_text_rejects(data: bytes, expected: ErrorCode) -> None:
    with pytest.raises(DossierError) as caught:
        decode_text(data)
    assert caught.value.code == expected
    assert str(caught.value).startswith(f"[{expected.value}]")


# --- plain text ---------------------------------------------------------------------------------


def test_text_file_is_one_document_with_its_date_line_kept(tmp_path: Path) -> None:
    path = tmp_path / "002_seed.txt"
    path.write_bytes(b" date 2011-11-18 Russia's President spoke.\r\n\r\nSecond paragraph.\r\n")
    (item,) = read(path)
    assert isinstance(item, RawRecord)
    assert item.source_path == str(path)
    assert item.format == "text"
    assert item.text == " date 2011-11-18 Russia's President spoke.\n\nSecond paragraph.\n"
    assert item.encoding == "utf-8"
    assert item.fields == {}


def test_extensionless_file_is_text_and_accepts_str_paths(tmp_path: Path) -> None:
    path = tmp_path / "article"
    path.write_text(ARTICLE, encoding="utf-8")
    (item,) = read(str(path))
    assert isinstance(item, RawRecord)
    assert (item.format, item.text, item.source_path) == ("text", ARTICLE, str(path))


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: all NUL, so a read would say R002
    started = time.perf_counter()
    failure = only_failure(read(path))
    assert time.perf_counter() - started < 1.0
    assert code(failure) == "R008"
    assert str(50 * 1024 * 1024) in failure.reason
    assert "MAX_DOCUMENT_BYTES" in failure.reason


# --- JSON Lines and JSON ------------------------------------------------------------------------


def test_jsonl_maps_fields_and_reports_bad_lines_by_number(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {
        "id": "allsides-1",
        "date": "2018-12-31",
        "source": "The Hill",
        "source_url": "www.thehill.com",
        "url": "https://thehill.com/a",
        "title": "Mueller fuels crackdown",
        "authors": "",
        "topic": "national_security",
        "bias_text": "center",
        "text": "Special counsel Robert Mueller's investigation.",
    }
    lines = [
        json.dumps(good),
        '{"id": "broken", "text": "unterminated',
        "",
        json.dumps({"id": 7, "authors": ["Ann Lee", "Bo Ng"], "language": "en", "text": "B."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text", "title": "Headline only"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "last", "text": "Last one.\r\nSecond line."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    items = read(path)

    assert [r.source_path for r in records(items)] == [
        f"{path}#L1",
        f"{path}#L4",
        f"{path}#L8",
    ]
    first, second, last = records(items)
    assert first.format == "jsonl" and first.encoding == "utf-8"
    assert first.text == good["text"]
    assert first.fields == {
        "external_id": "allsides-1",
        "date": "2018-12-31",
        "outlet": "The Hill",
        "source_url": "www.thehill.com",
        "url": "https://thehill.com/a",
        "title": "Mueller fuels crackdown",
        "topic": "national_security",
    }
    assert second.fields == {"external_id": "7", "authors": "Ann Lee, Bo Ng", "language": "en"}
    assert last.text == "Last one.\nSecond line."

    bad = failures(items)
    assert [(f.line, code(f)) for f in bad] == [
        (2, "R005"),
        (5, "R005"),
        (6, "R006"),
        (7, "R006"),
    ]
    assert all(f.source_path == str(path) for f in bad)
    assert str(bad[0]).startswith(f"{path}#L2: [R005]")
    assert "line 2" not in bad[0].reason  # the line is named once, in the location


def test_jsonl_record_order_follows_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text(jsonl(*({"id": str(n), "text": f"Story {n}."} for n in range(5))))
    items = read(path)
    assert [r.fields["external_id"] for r in records(items)] == ["0", "1", "2", "3", "4"]
    assert not failures(items)


def test_jsonl_size_limit_applies_per_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(settings, "MAX_DOCUMENT_BYTES", 200)
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        jsonl(
            {"id": "a", "text": "Short story."},
            {"id": "big", "text": "x" * 5000},
            {"id": "c", "text": "Another short story."},
        )
        + jsonl(*({"id": f"n{n}", "text": "Filler story."} for n in range(20)))
    )
    assert path.stat().st_size > 200  # the file as a whole is over the limit
    items = read(path)
    assert len(records(items)) == 22
    (failure,) = failures(items)
    assert (failure.line, code(failure)) == (2, "R008")
    assert str(failure).startswith(f"{path}#L2: [R008]")


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    content = jsonl({"id": "1", "text": "Один."}, {"id": "2", "text": "Два."})
    path.write_bytes(content.replace("\n", "\r\n").encode("utf-8-sig"))
    items = read(path)
    assert [r.text for r in records(items)] == ["Один.", "Два."]
    assert not failures(items)


def test_jsonl_in_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(
        jsonl({"id": "1", "text": RUSSIAN}, {"id": "2", "text": "Two."}).encode("utf-16")
    )
    items = read(path)
    assert [r.text for r in records(items)] == [RUSSIAN, "Two."]
    assert records(items)[1].source_path == f"{path}#L2"
    assert records(items)[0].encoding == "utf-16"


def test_jsonl_line_in_legacy_encoding_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    line = json.dumps({"id": "1", "text": RUSSIAN}, ensure_ascii=False).encode("cp1251")
    path.write_bytes(line + b"\n")
    (item,) = read(path)
    assert isinstance(item, RawRecord)
    assert item.text == RUSSIAN and item.encoding == "cp1251"


def test_json_list_and_single_object(tmp_path: Path) -> None:
    listed = tmp_path / "list.json"
    listed.write_text(
        json.dumps([{"id": "a", "text": "First."}, "oops", {"id": "c", "text": "Third."}]),
        encoding="utf-8",
    )
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "x", "source": "Reuters", "text": "Alone."}))
    items = read(listed, single)
    assert [(r.source_path, r.text) for r in records(items)] == [
        (f"{listed}#1", "First."),
        (f"{listed}#3", "Third."),
        (str(single), "Alone."),
    ]
    assert records(items)[2].fields == {"external_id": "x", "outlet": "Reuters"}
    (failure,) = failures(items)
    assert (failure.source_path, code(failure)) == (f"{listed}#2", "R005")


def test_invalid_json_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"text": "ok"},\n  {"text": oops}\n]\n')
    failure = only_failure(read(path))
    assert (code(failure), failure.line) == ("R005", 3)


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>Putin proposes a Eurasian Union</title>
<meta property="og:title" content="Putin proposes a Eurasian Union">
<meta name="author" content="Jane Doe">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Putin proposes a Eurasian Union</h1>
<p>{first}</p>
<p>Officials in Astana and Minsk welcomed the idea, while analysts in Kyiv warned that the
plan could pull neighbouring states back into Moscow's orbit for decades to come.</p>
<p>The prime minister said the new union would be open to every former Soviet republic that
wanted to join, and that talks would begin early next year in the Kazakh capital.</p>
</article>
</body></html>
"""


def test_html_page_becomes_its_main_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8", first=ARTICLE), encoding="utf-8")
    (item,) = read(path)
    assert isinstance(item, RawRecord), item
    assert (item.source_path, item.format, item.encoding) == (str(path), "html", "utf-8")
    assert "devoted to a Eurasian Union" in item.text
    assert "Kazakh capital" in item.text
    assert item.fields.get("title") == "Putin proposes a Eurasian Union"
    assert item.fields.get("authors") == "Jane Doe"
    assert "author" not in item.fields


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "ru.htm"
    path.write_bytes(PAGE.format(charset="windows-1251", first=RUSSIAN).encode("cp1251"))
    (item,) = read(path)
    assert isinstance(item, RawRecord), item
    assert item.encoding == "cp1251"
    assert "Президент России Дмитрий Медведев" in item.text


def test_html_without_article_is_r007(tmp_path: Path) -> None:
    path = tmp_path / "empty-shell.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    failure = only_failure(read(path))
    assert (failure.source_path, code(failure)) == (str(path), "R007")


# --- feeds --------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Eurasia Wire</title>
  <link>https://wire.example/</link>
  <language>en-us</language>
  <item>
    <title>Summit opens in Astana</title>
    <link>https://wire.example/summit</link>
    <guid>wire-1</guid>
    <pubDate>Fri, 18 Nov 2011 23:30:00 -0500</pubDate>
    <dc:creator>Ann Lee</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Leaders met in <b>Astana</b> on Friday.</p>
      <p>They signed a declaration.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Second story</title>
    <link>https://wire.example/second</link>
    <description>&lt;p&gt;Only a summary here.&lt;/p&gt;</description>
  </item>
  <item>
    <title>No body at all</title>
    <link>https://wire.example/empty</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Kyiv Notes</title>
  <entry>
    <title>Rada votes on budget</title>
    <link href="https://notes.example/rada"/>
    <id>urn:notes:1</id>
    <updated>2019-03-02T09:00:00+02:00</updated>
    <author><name>Olena Shevchenko</name></author>
    <content type="html">&lt;p&gt;The Rada passed the budget.&lt;/p&gt;
      &lt;p&gt;Debate ran late.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_items_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read(path)
    first, second = records(items)
    assert first.source_path == f"{path}#item1" and second.source_path == f"{path}#item2"
    assert first.format == "feed"
    # content:encoded wins over the teaser; markup and scripts go, paragraphs stay apart.
    assert first.text == "Leaders met in Astana on Friday.\n\nThey signed a declaration."
    assert first.fields == {
        "title": "Summit opens in Astana",
        "url": "https://wire.example/summit",
        "date": "2011-11-18",  # the publisher's own day, not UTC's 19th
        "authors": "Ann Lee",
        "outlet": "Eurasia Wire",
        "external_id": "wire-1",
        "language": "en-us",
    }
    assert second.text == "Only a summary here."
    assert "date" not in second.fields
    (failure,) = failures(items)
    assert (failure.source_path, code(failure)) == (f"{path}#item3", "R004")


def test_atom_feed_in_an_xml_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text(ATOM, encoding="utf-8")
    (item,) = read(path)
    assert isinstance(item, RawRecord), item
    assert item.source_path == f"{path}#item1"
    assert item.text == "The Rada passed the budget.\n\nDebate ran late."
    assert item.fields["date"] == "2019-03-02"
    assert item.fields["authors"] == "Olena Shevchenko"
    assert item.fields["outlet"] == "Kyiv Notes"
    assert item.fields["url"] == "https://notes.example/rada"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?>\n<!-- map -->\n<urlset><url/></urlset>\n')
    failure = only_failure(read(path))
    assert code(failure) == "R011"
    assert "<urlset>" in failure.reason
    assert read(tmp_path) == []  # found by a walk it is simply not ours


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.jsonl", b"", "R004"),
        ("bad.jsonl", b"\n\n  \n", "R004"),
        ("bad.jsonl", b"\x00\x01\x02{}\n" * 50, "R002"),
        ("bad.rss", b"this is not a feed at all", "R010"),
        (
            "bad.rss",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
            "R004",
        ),
    ],
    ids=["jsonl-empty", "jsonl-blank-lines", "jsonl-binary", "feed-garbage", "feed-no-entries"],
)
def test_a_file_unreadable_as_a_whole_is_one_failure(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    failure = only_failure(read(path))
    assert (failure.source_path, code(failure)) == (str(path), expected)


# --- archives -----------------------------------------------------------------------------------


def test_gzip_dispatches_on_the_inner_name(tmp_path: Path) -> None:
    lines = tmp_path / "batch.jsonl.gz"
    lines.write_bytes(gzip.compress(jsonl({"id": "1", "text": "One."}, {"text": "Two."}).encode()))
    text = tmp_path / "story.txt.gz"
    text.write_bytes(gzip.compress(RUSSIAN.encode("cp1251")))
    items = read(lines, text)
    assert [(r.source_path, r.format, r.text) for r in records(items)] == [
        (f"{lines}#L1", "jsonl", "One."),
        (f"{lines}#L2", "jsonl", "Two."),
        (str(text), "text", RUSSIAN),
    ]
    assert records(items)[2].encoding == "cp1251"


def test_corrupt_gzip_is_r009(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode() * 20)[:40])
    broken = tmp_path / "fake.jsonl.gz"
    broken.write_bytes(b"this was never gzip")
    items = read(path, broken)
    assert [(f.source_path, code(f)) for f in failures(items)] == [
        (str(path), "R009"),
        (str(broken), "R009"),
    ]
    assert not records(items)


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(settings, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 200_000))
    assert path.stat().st_size < 1000  # only the inside is too big
    assert code(only_failure(read(path))) == "R008"


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_members_are_dispatched_by_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(settings, "MAX_DOCUMENT_BYTES", 500)
    path = make_zip(
        tmp_path / "bundle.zip",
        {
            "b/story.txt": ARTICLE.encode(),
            "a.jsonl": jsonl({"text": "Line one."}, {"nope": 1}).encode(),
            "c.txt.gz": gzip.compress(b"Compressed inside a zip."),
            "d/empty.txt": b"",
            "e/huge.txt": b"x " * 1000,
            "README.md": b"# about",
            "LICENSE": b"MIT",
            ".DS_Store": b"\x00\x01",
            "__MACOSX/b/._story.txt": b"\x00\x05\x16\x07",
            "f/": b"",
        },
    )
    items = read(path)
    assert [(r.source_path, r.text) for r in records(items)] == [
        (f"{path}!a.jsonl#L1", "Line one."),
        (f"{path}!b/story.txt", ARTICLE),
        (f"{path}!c.txt.gz", "Compressed inside a zip."),
    ]
    assert [(f.source_path, f.line, code(f)) for f in failures(items)] == [
        (f"{path}!a.jsonl", 2, "R006"),
        (f"{path}!d/empty.txt", None, "R004"),
        (f"{path}!e/huge.txt", None, "R008"),
    ]


def test_bad_zip_is_r009(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 but nothing more")
    failure = only_failure(read(path))
    assert (failure.source_path, code(failure)) == (str(path), "R009")


# --- paths, folders, globs ----------------------------------------------------------------------


def test_directory_with_good_and_bad_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(settings, "MAX_DOCUMENT_BYTES", 2000)
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    files = {
        "a_good.txt": ARTICLE.encode(),
        "b_binary.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)),
        "c_invalid_utf8.txt": bytes(range(128, 256)) * 3,
        "d_cp1251.txt": RUSSIAN.encode("cp1251"),
        "e_utf16.txt": RUSSIAN.encode("utf-16"),
        "f_empty.txt": b"",
        "g_big.txt": b"word " * 1000,
        "h_lines.jsonl": jsonl({"text": "J1."}, {"text": "J2."}).encode()
        + b"{bad json\n"
        + jsonl({"text": "J4."}).encode(),
        "notes.md": b"# not an article",
        "image.png": b"\x89PNG\r\n\x1a\n\x00\x00",
        "LICENSE": b"Apache License",
        ".hidden.txt": b"secret",
        ".git/config": b"[core]",
        "sub/z_nested.txt": b"Nested story.",
    }
    for name, data in files.items():
        (root / name).write_bytes(data)

    items = read(root)
    outcome = [
        (Path(item.source_path).relative_to(root).as_posix(), code(item))
        if isinstance(item, ReadFailure)
        else (Path(item.source_path).relative_to(root).as_posix(), item.text)
        for item in items
    ]
    assert outcome == [
        ("a_good.txt", ARTICLE),
        ("b_binary.txt", "R002"),
        ("c_invalid_utf8.txt", "R003"),
        ("d_cp1251.txt", RUSSIAN),
        ("e_utf16.txt", RUSSIAN),
        ("f_empty.txt", "R004"),
        ("g_big.txt", "R008"),
        ("h_lines.jsonl#L1", "J1."),
        ("h_lines.jsonl#L2", "J2."),
        ("h_lines.jsonl", "R005"),
        ("h_lines.jsonl#L4", "J4."),
        ("sub/z_nested.txt", "Nested story."),
    ]
    assert failures(items)[4].line == 3
    assert all(f.reason.startswith("[R") for f in failures(items))


def test_named_paths_missing_or_unsupported(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# notes")
    licence = tmp_path / "LICENSE"
    licence.write_text("Named outright, so read like any text file.")
    items = read(tmp_path / "missing.txt", notes, licence, str(tmp_path / "none-*.jsonl"))
    assert [code(f) for f in failures(items)] == ["R001", "R011", "R001"]
    assert failures(items)[0].source_path == str(tmp_path / "missing.txt")
    assert ".md" in failures(items)[1].reason and ".jsonl" in failures(items)[1].reason
    assert "none-*.jsonl" in failures(items)[2].reason
    assert [r.source_path for r in records(items)] == [str(licence)]


def test_the_unsupported_type_message_names_every_extension_read() -> None:
    # R011 tells the user what dossier reads: an extension added to READERS belongs there too.
    named = set(re.findall(r"\.\w+", SUPPORTED_TYPES))
    assert {suffix for suffix in READERS if suffix} == named


def test_glob_patterns(tmp_path: Path) -> None:
    (tmp_path / "data" / "2019").mkdir(parents=True)
    (tmp_path / "data" / "b.jsonl").write_text(jsonl({"text": "B."}))
    (tmp_path / "data" / "a.jsonl").write_text(jsonl({"text": "A."}))
    (tmp_path / "data" / "c.txt").write_text("C.")
    (tmp_path / "data" / "2019" / "d.txt").write_text("D.")
    (tmp_path / "data" / "README.md").write_text("# docs")

    flat = read(str(tmp_path / "data" / "*.jsonl"))
    assert [r.text for r in records(flat)] == ["A.", "B."]
    deep = read(str(tmp_path / "data" / "**" / "*.txt"))
    assert [r.text for r in records(deep)] == ["D.", "C."]
    everything = read(str(tmp_path / "data" / "*"))
    assert sorted(r.text for r in records(everything)) == ["A.", "B.", "C.", "D."]
    assert not failures(flat + deep + everything)


def test_same_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    items = read(tmp_path, path, str(tmp_path / "*.txt"))
    assert [r.source_path for r in records(items)] == [str(path)]


# --- the shared corpus --------------------------------------------------------------------------


def shared_corpus(name: str) -> Path:
    path = SHARED / "corpus" / name
    if not path.is_dir():
        pytest.skip(f"{path} is not available")
    return path


@pytest.mark.shared
def test_shared_jsonl_corpora_read_whole() -> None:
    allsides, wikinews = shared_corpus("allsides"), shared_corpus("wikinews")
    items = read(allsides, wikinews)
    assert not failures(items), failures(items)[:3]
    by_folder = [Path(r.source_path).parent.name for r in records(items)]
    assert by_folder.count("allsides") == 986
    assert by_folder.count("wikinews") == 295
    first = records(items)[0]
    assert first.source_path.endswith("allsides_eurasia.jsonl#L1")
    assert {"external_id", "date", "outlet", "url", "title"} <= first.fields.keys()


@pytest.mark.shared
def test_shared_seeds_are_three_text_records() -> None:
    items = read(shared_corpus("seeds"))
    assert not failures(items)
    assert [r.format for r in records(items)] == ["text", "text", "text"]
    assert sum(r.text.startswith(" date ") for r in records(items)) == 2
