"""Reader for TimeML ``.tml`` files (TimeBank, AQUAINT, TempEval-3), the time-expression gold.

A TimeML file holds a document creation time (``<DCT><TIMEX3 value=…>``) and the article in
``<TEXT>``, where time expressions are ``<TIMEX3>`` elements among other markup (``EVENT``,
``SIGNAL``). The reader strips every tag from the text, keeping the character offsets of each
TIMEX3 in the plain text that is left, so a tagger can run on exactly what an annotator read.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import DossierError, ErrorCode

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.DOTALL)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)


@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3 of the gold: its extent in the plain text and its attributes."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML document: creation time, plain text of ``<TEXT>``, and its timexes."""

    path: Path
    dct: str | None
    text: str
    timexes: tuple[GoldTimex, ...]

    @property
    def name(self) -> str:
        return self.path.name


def _attributes(source: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(source)}


def parse_timeml(source: str, path: Path | None = None) -> TimeMLDocument:
    """Parse the TimeML markup ``source``; ``path`` only names the document in errors.

    Raises ``DossierError(E001)`` when there is no ``<TEXT>`` or a TIMEX3 is not closed.
    """
    where = path or Path("<string>")
    dct_match = _DCT.search(source)
    dct = _attributes(dct_match.group(1)).get("value") if dct_match else None
    text_match = _TEXT.search(source)
    if text_match is None:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{where}: no <TEXT> element")
    body = text_match.group(1)
    pieces: list[str] = []
    length = 0
    extents: list[tuple[int, int, dict[str, str]]] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[position : tag.start()])
        pieces.append(piece)
        length += len(piece)
        position = tag.end()
        closing, name, attributes, self_closing = tag.groups()
        if name != "TIMEX3" or self_closing:
            continue
        if not closing:
            open_timex = (length, _attributes(attributes))
        elif open_timex is not None:
            extents.append((open_timex[0], length, open_timex[1]))
            open_timex = None
    if open_timex is not None:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{where}: a <TIMEX3> is never closed")
    pieces.append(html.unescape(body[position:]))
    text = "".join(pieces)
    timexes = []
    for start, end, attrs in extents:
        # Gold extents sometimes take in a blank: the span is the words, not the blanks.
        words = text[start:end]
        start += len(words) - len(words.lstrip())
        end = start + len(words.strip())
        timexes.append(
            GoldTimex(
                tid=attrs.get("tid", ""),
                start=start,
                end=end,
                text=text[start:end],
                type=attrs.get("type", ""),
                value=attrs.get("value", ""),
                mod=attrs.get("mod"),
            )
        )
    return TimeMLDocument(where, dct, text, tuple(timexes))


def read_timeml(path: Path) -> TimeMLDocument:
    """Read and parse one ``.tml`` file."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{path}: {error}") from error
    return parse_timeml(source, path)


def read_timeml_folder(folder: Path) -> list[TimeMLDocument]:
    """Every ``.tml`` file under ``folder``, in subfolders too, sorted by path.

    Files whose name starts with ``._`` (macOS resource forks) are skipped.
    """
    paths = sorted(p for p in folder.rglob("*.tml") if not p.name.startswith("._"))
    if not paths:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"no .tml file under {folder}")
    return [read_timeml(p) for p in paths]
