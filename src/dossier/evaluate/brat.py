"""Reader for attribution relations in brat standoff, as PolNeAR keeps them
(``../shared/gold/polnear/SOURCE.md``).

A folder holds ``text/NAME.txt`` and ``attributions/NAME_<annotator>.ann``; a text annotated by
several annotators is read from the first annotation file in name order, so each text counts
once. Each ``E`` line is one attribution: its ``Content``, ``Source`` (speaker) and ``Cue``
text-bound annotations, each a list of character spans (brat's ``start end;start end``).

A text-bound annotation whose span crosses a paragraph break carries that break in its text
field, so its text runs on over the next lines ("T38<TAB>Content 1866 1890;1921 1979<TAB>3."
then "" then "The number of ..."). Lines are brat's "\n" lines (not ``str.splitlines``, which
also breaks at form feeds and Unicode separators), and a line with no annotation id after a
``T`` line is that annotation's text going on: read past, not an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import DossierError, ErrorCode

Spans = tuple[tuple[int, int], ...]
#: The start of an annotation line: an id (T1, E2, A3, R4, #5, *) and a tab.
_ANNOTATION_LINE = re.compile(r"^(?:[TEARMN#]\d+|\*)\t")


@dataclass(frozen=True)
class Attribution:
    """One attribution relation: content, source and cue spans (empty when absent)."""

    content: Spans
    source: Spans
    cue: Spans


@dataclass(frozen=True)
class AttributedText:
    """A text and its attributions. name: the text file's stem; ann: the file read."""

    name: str
    text: str
    attributions: tuple[Attribution, ...]
    ann: Path


def _spans(field: str) -> Spans:
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def read_ann(path: Path) -> tuple[Attribution, ...]:
    """The attributions of one ``.ann`` file."""
    bound: dict[str, Spans] = {}
    relations: list[dict[str, str]] = []
    in_text = False  # the last annotation line was a T line, whose text may run on
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = line.rstrip("\r")
        if in_text and not _ANNOTATION_LINE.match(line):
            continue  # the text of a span across a paragraph break, going on
        if not line.strip():
            continue
        in_text = line.startswith("T")
        parts = line.split("\t")
        try:
            if line.startswith("T"):
                _label, _, offsets = parts[1].partition(" ")
                bound[parts[0]] = _spans(offsets)
            elif line.startswith("E"):
                roles = dict(item.split(":", 1) for item in parts[1].split())
                relations.append(roles)
        except (IndexError, ValueError) as error:
            raise DossierError(
                ErrorCode.E001_BAD_GOLD, f"{path}#L{number}: not brat standoff ({error})"
            ) from error
    attributions = []
    for roles in relations:
        content = bound.get(roles.get("Content", ""), ())
        if not content:
            continue
        attributions.append(
            Attribution(
                content, bound.get(roles.get("Source", ""), ()), bound.get(roles.get("Cue", ""), ())
            )
        )
    return tuple(attributions)


def is_brat_folder(folder: Path) -> bool:
    """Whether ``folder`` looks like a PolNeAR split (``text/`` and ``attributions/``)."""
    return (folder / "text").is_dir() and (folder / "attributions").is_dir()


def load_brat_folder(folder: Path, limit: int | None = None) -> list[AttributedText]:
    """Every text of a PolNeAR split with its first annotation, sorted by name.

    limit: read only the first ``limit`` texts. Raises ``DossierError(E001)`` when the folder
    is not a split or holds no annotated text.
    """
    if not is_brat_folder(folder):
        raise DossierError(
            ErrorCode.E001_BAD_GOLD, f"{folder} has no text/ and attributions/ folders"
        )
    annotations = sorted((folder / "attributions").glob("*.ann"))
    texts: list[AttributedText] = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        own = [a for a in annotations if a.name.startswith(text_path.stem + "_")]
        if not own:
            continue
        text = text_path.read_bytes().decode("utf-8")  # offsets count "\r" too, if any
        texts.append(AttributedText(text_path.stem, text, read_ann(own[0]), own[0]))
        if limit is not None and len(texts) >= limit:
            break
    if not texts:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"no annotated text in {folder}")
    return texts
