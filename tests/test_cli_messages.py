"""Messages that say what happened, once and one way: a zip member that would leave its archive
is reported as refused, a JSON error reads as English, and a line is always ``file#L2``."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from typer.testing import CliRunner

import dossier
from dossier.cli import app
from dossier.errors import MESSAGES, ErrorCode
from dossier.ingest.readers import iter_records
from dossier.model import RawRecord, ReadFailure

#: The sources of the dossier being tested.
SRC = Path(dossier.__file__).resolve().parent
runner = CliRunner()


def _failed_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("failed:")]


def test_a_zip_member_leaving_the_archive_is_reported_as_refused(tmp_path: Path) -> None:
    archive = tmp_path / "in" / "bundle.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("../../evil.txt", "Armenia joined the Eurasian Economic Union on Friday.")
        bundle.writestr("/etc/absolute.txt", "Kazakhstan signed the treaty in Astana.")
        bundle.writestr("good.txt", "Kyrgyzstan completed its entry into the union.")
        bundle.writestr(".hidden.txt", "Hidden files are skipped without a word.")
    db = tmp_path / "store" / "x.db"
    result = runner.invoke(app, ["ingest", str(archive.parent), "--db", str(db), "-q"])
    assert result.exit_code == 1, result.output
    refused = _failed_lines(result.output)
    assert len(refused) == 2
    assert any("../../evil.txt" in line and "[R012]" in line for line in refused)
    assert any("/etc/absolute.txt" in line and "[R012]" in line for line in refused)
    assert all("refused" in line for line in refused)
    assert not (tmp_path.parent / "evil.txt").exists()
    items = list(iter_records([archive]))
    assert [i.source_path for i in items if isinstance(i, RawRecord)] == [f"{archive}!good.txt"]
    assert ErrorCode.R012_UNSAFE_MEMBER.value == "R012"


def test_a_bad_json_line_reads_as_english_and_names_its_line_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wires.jsonl").write_text(
        '{"text": "Armenia joined."}\n{"text": "unterminated\n{"text": ""}\n', encoding="utf-8"
    )
    (folder / "one.json").write_text('{"text": \n', encoding="utf-8")
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 1
    failed = _failed_lines(result.output)
    assert len(failed) == 3, result.output
    text = "\n".join(failed)
    assert "at at" not in text and "starting at: column" in text
    jsonl = str(folder / "wires.jsonl")
    assert f"{jsonl}#L2: [R005]" in text and f"{jsonl}#L3: [R006]" in text
    assert f"{folder / 'one.json'}#L2: [R005]" in text
    for line in failed:
        # the line is named once, in the location, not again in the reason
        assert len(re.findall(r"#L\d+|line \d+|:\d+:", line)) == 1, line


def test_a_read_failure_names_its_line_as_file_hash_l() -> None:
    assert str(ReadFailure("feeds/wires.jsonl", "[R005] bad", line=2)) == (
        "feeds/wires.jsonl#L2: [R005] bad"
    )
    assert str(ReadFailure("page.html", "[R007] no article")) == "page.html: [R007] no article"


#: A line reference written some other way than ``file#L2``: ``{path}:{line}`` or
#: ``line {n}`` in an f-string of the sources.
_OTHER_LINE_REFERENCES = re.compile(
    r"""\}:\{[^{}]*(?:line|lineno|number|row)[^{}]*\}|\bline \{""", re.IGNORECASE
)


def test_every_message_writes_a_line_reference_one_way() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _OTHER_LINE_REFERENCES.search(line):
                offenders.append(f"{path.relative_to(SRC)}#L{number}: {line.strip()}")
    assert not offenders, "line references not written file#L2:\n" + "\n".join(offenders)
    for template in MESSAGES.values():
        assert not re.search(r"\bline \d|:\d+:", template)
