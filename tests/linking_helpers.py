"""Helpers the linking tests share."""

from __future__ import annotations

from dossier.model import Mention


def find(mentions: list[Mention], text: str) -> Mention:
    """The mention whose text contains ``text`` (the first such)."""
    for mention in mentions:
        if text in mention.text:
            return mention
    raise AssertionError(f"no mention with {text!r} in {[m.text for m in mentions]}")
