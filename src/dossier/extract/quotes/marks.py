"""Quotation marks paired into quoted spans, in plain text: no parse needed.

Curly marks and guillemets say which way they face; a straight mark is read from its
neighbours (after a space or a line start it opens, before a space or punctuation it closes,
else it flips the state). Newspaper style leaves a quotation that runs on over paragraphs
open at each paragraph end and reopens it at the next: such a quotation is one span. A mark
that is never closed ends its span at the paragraph's end (flagged ``closed=False``); a
closer with no opener is skipped. Nothing here raises on unbalanced text.

Dash-introduced speech, the continental style (``dash_spans``): a paragraph that opens with an
em or en dash and no quotation mark, ``\u2014 We will not rush, \u2014 Putin said. \u2014 The door
stays open.``. Each dash opens words of the speaker; a dash after a comma, ``!``, ``?`` or an
ellipsis closes them when a speech verb follows within a few words (the frame); after the
frame's sentence a dash reopens them to the paragraph's end. A dash paragraph with no such
frame (a list item, an interview's turn) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.extract.quotes.vocabulary import (
    CLOSING_MARKS,
    OPENING_MARKS,
    QUOTE_MARKS,
    STRAIGHT_MARK,
    cue_lemma,
)


@dataclass(frozen=True)
class QuotedSpan:
    """Characters between an opening mark and its closing mark.

    start, end: the content, without the marks (``text[start:end]``).
    open_at: the offset of the opening mark; close_at: of the closing mark (``end`` when the
        span ran to a paragraph end unclosed).
    closed: whether a closing mark was found.
    paragraphs: how many paragraphs the quotation runs over.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    closed: bool = True
    paragraphs: int = 1


def _straight_opens(text: str, at: int, inside: bool) -> bool:
    """Whether the straight mark at ``at`` opens a quotation (else it closes one)."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace() or before in "([{\u2014-/" or at == 0:
        return not after.isspace() or not inside
    if after.isspace() or after in ".,;:!?)]}\u2014-" or at + 1 == len(text):
        return False
    return not inside


def _next_paragraph_reopens(text: str, position: int) -> int | None:
    """The offset of the opening mark that starts the paragraph after ``position`` (a line
    break), None when that paragraph does not start with a mark."""
    index = position
    while index < len(text) and text[index].isspace():
        index += 1
    if index < len(text) and (text[index] in OPENING_MARKS or text[index] == STRAIGHT_MARK):
        return index
    return None


#: The characters ``quoted_spans`` acts on: a line break and every quotation mark.
_EVENTFUL = re.compile("[\n" + re.escape("".join(sorted(QUOTE_MARKS))) + "]")


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every outermost quotation of ``text``, in order (quotes nested inside another belong
    to it)."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    opener = ""
    depth = 0  # nested quotations of the other style inside the open one
    paragraphs = 1
    index = 0
    length = len(text)
    while index < length:
        # Only line breaks and marks change the state: jump to the next one (the loop read
        # every character in Python, a tenth of this stage's time).
        found = _EVENTFUL.search(text, index)
        if found is None:
            break
        index = found.start()
        char = text[index]
        if char == "\n" and open_at is not None:
            reopen = _next_paragraph_reopens(text, index)
            if reopen is not None:
                # Continued quotation: the next paragraph's mark reopens this one.
                paragraphs += 1
                depth = 0
                opener = text[reopen]
                index = reopen + 1
                continue
            end = index
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            spans.append(QuotedSpan(open_at + 1, end, open_at, end, False, paragraphs))
            open_at, depth, paragraphs = None, 0, 1
        elif char in OPENING_MARKS or char == STRAIGHT_MARK or char in CLOSING_MARKS:
            if open_at is None:
                opens = char in OPENING_MARKS or (
                    char == STRAIGHT_MARK and _straight_opens(text, index, False)
                )
                if opens:
                    open_at, opener, depth, paragraphs = index, char, 0, 1
            else:
                same_family = (opener == STRAIGHT_MARK) == (char == STRAIGHT_MARK)
                if char in OPENING_MARKS or (
                    char == STRAIGHT_MARK and not same_family and _straight_opens(text, index, True)
                ):
                    if same_family and opener != STRAIGHT_MARK:
                        depth += 1  # “ inside “: a nested quotation of the same style
                    elif not same_family:
                        depth += 1
                elif depth > 0:
                    depth -= 1
                elif same_family or char in CLOSING_MARKS:
                    spans.append(QuotedSpan(open_at + 1, index, open_at, index, True, paragraphs))
                    open_at, depth, paragraphs = None, 0, 1
        index += 1
    if open_at is not None:
        end = length
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        spans.append(QuotedSpan(open_at + 1, end, open_at, end, False, paragraphs))
    spans.extend(dash_spans(text))
    spans.sort(key=lambda span: span.open_at)
    return [span for span in spans if span.end > span.start]


#: A paragraph that opens with a speech dash: the dash, then a space.
_OPENING_DASH = re.compile(r"^[ \t]*[\u2014\u2013][ \t]+(?=\S)", re.MULTILINE)
#: A dash that closes the words before it (after ``,`` ``!`` ``?`` or an ellipsis).
_CLOSING_DASH = re.compile(r"(?<=[,!?\u2026])[ \t]+([\u2014\u2013])[ \t]+")
#: The words after a closing dash searched for the frame's speech verb ("\u2014 Putin said").
FRAME_WORDS = 6


def _frame_end(text: str, start: int, line_end: int) -> int | None:
    """Where the frame after a closing dash at ``start`` ends (its sentence end), None when no
    speech verb is among its first words."""
    stop = re.compile(r"[.!?](?=\s|$)|[ \t][\u2014\u2013][ \t]").search(text, start, line_end)
    end = stop.start() + 1 if stop else line_end
    words = re.findall(r"[\w'-]+", text[start:end])[:FRAME_WORDS]
    return end if any(cue_lemma(word) for word in words) else None


def dash_spans(text: str) -> list[QuotedSpan]:
    """The words of each speech dash paragraph (see the module doc), as quoted spans whose
    marks are the dashes."""
    spans: list[QuotedSpan] = []
    for opening in _OPENING_DASH.finditer(text):
        line_end = text.find("\n", opening.end())
        line_end = len(text) if line_end < 0 else line_end
        if any(mark in text[opening.end() : line_end] for mark in QUOTE_MARKS):
            continue  # marked quotations: the marks say where the words are
        found: list[QuotedSpan] = []
        open_at, start = opening.end() - 1, opening.end()
        while open_at < line_end:
            while text[open_at] not in "\u2014\u2013":
                open_at -= 1
            closing = _CLOSING_DASH.search(text, start, line_end)
            if closing is None:
                if found:  # the words go on after the frame, to the paragraph's end
                    end = len(text[:line_end].rstrip())
                    found.append(QuotedSpan(start, end, open_at, end))
                break
            frame_end = _frame_end(text, closing.end(), line_end)
            if frame_end is None:
                break
            found.append(QuotedSpan(start, closing.start(), open_at, closing.start(1)))
            reopen = re.match(r"[ \t]+[\u2014\u2013][ \t]+(?=\S)", text[frame_end:line_end])
            if reopen is None:
                break
            open_at, start = frame_end + reopen.end() - 1, frame_end + reopen.end()
        spans.extend(found)
    return spans
