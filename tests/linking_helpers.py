"""Helpers the linking tests share."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from dossier.evaluate.mentions import run_document
from dossier.model import Mention


def find(mentions: list[Mention], text: str) -> Mention:
    """The mention whose text contains ``text`` (the first such)."""
    for mention in mentions:
        if text in mention.text:
            return mention
    raise AssertionError(f"no mention with {text!r} in {[m.text for m in mentions]}")


def write_kb(folder: Path, tables: dict[str, str]) -> str:
    """A KB folder for a test: one CSV per kind (``actors``, ``offices``, ...) from ``tables``;
    a kind left out is written with no rows where the loader needs the file."""
    rows = {"memberships": "org,member,status,start,end,source\n", **tables}
    for kind, text in rows.items():
        (folder / f"{kind}.csv").write_text(text, encoding="utf-8")
    return str(folder)


def link_text(nlp: Language, text: str, date: str) -> list[Mention]:
    """The mentions ``nlp`` links in ``text`` on ``date``."""
    return list(run_document(nlp, text, date)._.dossier_mentions)
