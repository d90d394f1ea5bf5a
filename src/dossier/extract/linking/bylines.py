"""Bylines: the author a line such as "By Hanna Wierzbicka | Caspian Ledger" names, and the
description it gives them, for the ruler (``ruler.py``)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from dossier.extract.linking.lexicon import hyphen_joined
from dossier.extract.linking.vocabulary import MAX_NAME_TOKENS


def byline_names(doc: Doc, texts: list[str]) -> Iterator[tuple[int, int]]:
    """Authors in byline lines ("By Hanna Wierzbicka | Caspian Ledger", "By X, columnist, Y"):
    two or more capitalised words after a line-opening "By", up to a bar, a comma or the line's
    end. ``texts``: the tokens' texts (``Scan.texts``), so that only a "By" builds a Token."""
    for i, text in enumerate(texts):
        if text != "By":
            continue
        token = doc[i]
        if token.i > 0 and "\n" not in doc[token.i - 1].text_with_ws:
            continue
        start = end = token.i + 1
        while end < len(doc) and end - start < MAX_NAME_TOKENS:
            word = doc[end]
            if word.is_alpha and word.text[:1].isupper():
                end += 1
            elif (
                hyphen_joined(doc, end, end + 1)
                and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper()
            ):
                end += 2
            else:
                break
            if "\n" in doc[end - 1].whitespace_:
                break
        at_stop = (
            end == len(doc)
            or doc[end].text in {"|", ","}
            or doc[end].is_space
            or "\n" in doc[end - 1].whitespace_
        )
        if end - start >= 2 and at_stop:
            yield start, end


def byline_description(doc: Doc, start: int, end: int) -> str | None:
    """ "By Oksana Derkach | Caspian Ledger" gives "reporter, Caspian Ledger"; "By X,
    contributing columnist, Caspian Ledger" gives "contributing columnist, Caspian Ledger".
    ``start``..``end``: the tokens of the author's name."""
    before = start - 1
    if before < 0 or doc[before].text != "By":
        return None
    if before > 0 and "\n" not in doc[before - 1].text and not doc[before].is_sent_start:
        return None
    line_end = end
    while line_end < len(doc) and "\n" not in doc[line_end].text:
        line_end += 1
    rest = doc[end:line_end].text.strip()
    if rest.startswith("|"):
        outlet = rest[1:].strip()
        return f"reporter, {outlet}" if outlet else None
    if rest.startswith(","):
        parts = [p.strip() for p in rest[1:].split(",") if p.strip()]
        if len(parts) >= 2:
            return f"{parts[0]}, {parts[-1]}"
    return None
