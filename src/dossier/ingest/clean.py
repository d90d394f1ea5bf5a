"""Cut what is not article body out of a document's original text.

Cleaning only ever deletes spans of the original: every later stage points at characters of the
cleaned text, and ``OffsetMap`` can take any such point back to the original only because nothing
was rewritten or inserted. Each deletion is kept as a ``RemovedSpan`` with the rule that made it,
so a reader can see what was dropped and why.

The rules, in the order they run:

* ``date-line``: the `` date YYYY-MM-DD `` prefix of the seed files, or a lead line that is only
  a date (Wikinews); metadata reads the date from the original text.
* ``teaser``: a truncated copy of the first paragraph, ending in an ellipsis, put before the
  paragraph itself.
* ``title``: the headline repeated as the first line, when the record's fields give the title.
* ``caption``: photo captions, recognised by the agency or photographer credit they end with.
* ``widget``: share buttons, "Continue:", "Read more", advertisement markers, newsletter pitches,
  copyright lines, lone punctuation.
* ``link-residue``: The Hill's name links, which the crawl flattened into the full name, three
  headlines and the word MORE glued into the sentence.
* ``whitespace``: leading and trailing blanks, trailing spaces on lines, and runs of blank lines
  beyond one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import Any

from dossier.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAME_PATTERN
from dossier.model import CleanedText, OffsetMap, RemovedSpan

# --- date line -----------------------------------------------------------------------------

#: The seed files begin `` date 2011-11-18 `` before the first word of the body. The date may be
#: given at month or year precision, so the day and month parts are optional.
DATE_LINE_RE = re.compile(r"\A\s*date\s+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\s+|\Z)")

_WEEKDAYS = WEEKDAY_NAME_PATTERN
_MONTHS = "(?:" + "|".join([*MONTH_NAMES, *(a.capitalize() for a in MONTH_ABBREVIATIONS)]) + r")\.?"

#: Wikinews opens with a line that holds nothing but the publication date ("Friday, January 4,
#: 2019"). Requiring the whole line to be a date keeps "On Friday, the ..." leads untouched.
LEAD_DATE_LINE_RE = re.compile(
    rf"(?:{_WEEKDAYS},?\s+)?(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}})"
)

#: A lead date line only counts among the first lines of the text: further down a line that is
#: only a date is part of the story (a timeline entry).
LEAD_DATE_MAX_LINE = 2

# --- teaser --------------------------------------------------------------------------------

#: A truncated teaser ends in three dots or the ellipsis character.
TEASER_ELLIPSIS_RE = re.compile(r"\.{3}|…")

#: Only the top of the text is searched: a teaser precedes the body.
TEASER_SEARCH_CHARS = 600

#: A teaser shorter than this could repeat the body's first words by chance ("The ...").
TEASER_MIN_CHARS = 30

# --- title ---------------------------------------------------------------------------------

#: The headline, when repeated, is among the first lines (NPR puts it first; some sites put it
#: after the lead photo's caption).
TITLE_SEARCH_LINES = 3

# --- captions ------------------------------------------------------------------------------

#: Agency captions run to about 650 characters (AP's are the longest); a longer paragraph that
#: happens to end in a credit-like string is body text.
MAX_CAPTION_CHARS = 700

_AGENCIES = r"(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|TASS|Sputnik|Bloomberg|Pool|Handout)"

#: The credit a caption ends with. Each alternative is a house style seen in the corpora:
#: Reuters "REUTERS/Name" (also "REUTERS//Name/RIA Novosti/Kremlin"); a parenthesised credit
#: "(AP Photo/Name)", "(Photo: AP)", "(Reuters photo: Name)", "(Name/Reuters)",
#: "(Name via Getty Images)"; "AFP PHOTO / Name"; "Photo: Name", "Photograph: Name/Getty Images",
#: "Photo by Name"; and a bare "Name/Getty Images" (the slash tells it from "sold to Getty
#: Images."). Matching only at the end of a short line keeps body sentences that merely mention
#: an agency.
CAPTION_CREDIT_RE = re.compile(
    r"""(?:
        \bREUTERS\s*/+[^\n]*
      | \([^()\n]*\b(?:[Pp]hoto|PHOTO)s?\b[^()\n]*\)
      | \([^()\n]*(?:/\s*|\bvia\s+)"""
    + _AGENCIES
    + r"""\b[^()\n]*\)
      | \bAFP\s+PHOTO\b[^\n]*
      | \bPhoto(?:graph|grapher|s)?(?::|\s+by\b)[^\n]{1,160}
      | (?:/\s*|\bvia\s+)Getty\s+Images(?:\s+Plus)?
    )\.?\s*\Z""",
    re.VERBOSE,
)

#: Lines that announce themselves as captions whatever they end with: NPR's image widget,
#: Reuters' archive photos, and USA TODAY's video player, whose "CLOSE" button text runs into
#: the video's description.
CAPTION_START_RE = re.compile(
    r"(?:Enlarge this image\b|Hide caption\b|toggle caption\b|FILE PHOTO:|CLOSE\b)"
)

#: A caption that opens with its credit, agency in capitals then the photographer ("STEPPE
#: WIRE/Jane Doe Armenian President ...", "AFP/Getty Images US President ..."), and, like
#: agency captions do, ends with the picture's date. Both ends, and a credited name in ordinary
#: case, are required, so a sentence opening with "NATO/EU talks" is not taken for one.
CAPTION_LEADING_CREDIT_RE = re.compile(
    r"\A[A-Z]{2,}(?:\s[A-Z]{2,}){0,2}\s*/+\s*[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2}\s"
    r".*\b(?:1[89]|20)\d\d\.?\s*\Z"
)

# --- widgets -------------------------------------------------------------------------------

#: A widget is a whole line of page furniture. Longer lines are sentences, even if they start
#: like a widget ("Click here" inside a quote, say).
MAX_WIDGET_CHARS = 250

#: Whole lines (after stripping) that are page furniture rather than body. Case-insensitive
#: except where a lowercase word would be an ordinary sentence ("AD" is only a marker in caps).
WIDGET_LINE_RES: tuple[re.Pattern[str], ...] = (
    # share bars: "Share", "Share this:", "SHARE THIS ARTICLE Share Tweet Post Email", and
    # Bloomberg's "LISTEN TO ARTICLE 6:52 SHARE THIS ARTICLE ..."
    re.compile(r"(?i)share(?:\s+this(?:\s+(?:article|story|page))?)?\s*:?(?:\s+\w+){0,6}"),
    re.compile(r"(?i)listen\s+to\s+(?:this\s+)?article\b.{0,80}"),
    # paging links: "Continue:", "Continue reading", "Continue reading the main story"
    re.compile(r"(?i)continue(?:\s+reading(?:\s+the\s+main\s+story)?)?\s*[:.…]*"),
    # link lists: "Read more", "READ MORE:", "Read more: <headline>", "Read next"
    re.compile(r"(?i)read\s+(?:more|next)\b.*"),
    re.compile(r"(?i)(?:related|more on this|now watch|watch)\s*(?::.*|\.\.\.|…)"),
    # ad slots
    re.compile(r"(?i)advertisement|AD|Story Continued Below|Loading\.\.\.|Loading…"),
    re.compile(r"(?i)click\s+here\b.*"),
    # newsletter pitches, whichever order "sign up" and "newsletter" come in
    re.compile(r"(?i).*\b(?:sign(?:ing)?\s+up|subscribe)\b.*\bnewsletters?\b.*"),
    re.compile(r"(?i).*\bnewsletters?\b.*\b(?:sign(?:ing)?\s+up|subscribe)\b.*"),
    re.compile(r"(?i)get the monitor stories you care about.*"),
    # copyright footers: "Copyright © 2019 The Washington Times, LLC. Click here for ...";
    # the tail is bounded because one crawl glued a timeline entry onto such a line
    re.compile(r"(?i)(?:copyright\s*)?©.{0,120}|copyright\s+\d{4}\b.{0,120}"),
    # image galleries
    re.compile(r"(?i)slideshow\s*\(\d+\s+images?\)|view\s+slideshow.*"),
    re.compile(r"(?i)this article is more than \d+ (?:years?|months?) old"),
    # lone punctuation left by a removed button or a section rule: ".", "___", "***", "•"
    re.compile(r"[.…·•*_—–=~-]+"),
)

# --- The Hill link residue -----------------------------------------------------------------

#: One capitalised name token: "Mueller", "Ocasio-Cortez", "O’Rourke", "Jr.".
_NAME_TOKEN = r"[A-Z][\w'’.-]*"

#: Lowercase particles inside full names ("Bill de Blasio", "Chris Van Hollen" is capitalised).
_NAME_PARTICLE = r"(?:de|da|del|della|der|di|du|la|le|van|von|bin|al)"

#: The residue starts right after a name mention whose last token the full name repeats:
#: "Robert Mueller| Robert (Bob) Swan MuellerSpeier says ... MORE". The full name has one to
#: six tokens before the repeated last one (first, middle names, a parenthesised nickname), and
#: its last token runs straight into the first headline or is followed by a space. The full name
#: may itself be glued to the mention ("Jason CrowJason CrowHouse delivers ...").
LINK_RESIDUE_HEAD_RE = re.compile(
    rf"\b(?P<last>{_NAME_TOKEN})(?=\s|[A-Z])"
    rf"(?P<full>\s*{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|{_NAME_PARTICLE}|\([A-Z][^()\n]{{0,25}}\)))"
    rf"{{0,5}}?\s+(?P=last))(?![a-z])"
)

#: The headlines end with the link's "MORE" label, in capitals, as its own word.
LINK_RESIDUE_END_RE = re.compile(r"(?<=\s)MORE(?![\w])")

#: Three headlines take 100 to 600 characters; a longer stretch is not one residue.
MAX_LINK_RESIDUE_CHARS = 1000

# --- whitespace ----------------------------------------------------------------------------

#: Paragraphs are kept apart by one blank line; more newlines than this in one run of
#: whitespace are deleted, as are the spaces around them.
MAX_NEWLINES_KEPT = 2


class _Cuts:
    """The spans removed so far from one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[RemovedSpan] = []

    def cut(self, start: int, end: int, reason: str) -> None:
        if end > start:
            self.spans.append(RemovedSpan(start, end, reason))

    def overlaps(self, start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in self.spans)


def clean_text(text: str, fields: Mapping[str, Any] | None = None) -> CleanedText:
    """Delete what is not article body from ``text``; keep the way back to the original.

    ``fields`` are the record's stated metadata; only ``title`` is used, to drop the headline
    when the text repeats it as its first line.
    """
    fields = fields or {}
    cuts = _Cuts(text)
    body_start = _cut_date_line(cuts)
    body_start = _cut_teaser(cuts, body_start)
    _cut_lines(cuts, body_start, fields.get("title"))
    _cut_link_residue(cuts)

    offsets = OffsetMap.from_removed(len(text), cuts.spans)
    draft = _apply(text, offsets)
    for span in _whitespace_cuts(draft, offsets):
        cuts.spans.append(span)

    removed = tuple(sorted(cuts.spans, key=lambda s: (s.start, s.end)))
    offsets = OffsetMap.from_removed(len(text), list(removed))
    return CleanedText(text=_apply(text, offsets), offsets=offsets, removed=removed)


def _apply(text: str, offsets: OffsetMap) -> str:
    return "".join(text[orig : orig + length] for _, orig, length in offsets.segments)


def _cut_date_line(cuts: _Cuts) -> int:
    match = DATE_LINE_RE.match(cuts.text)
    if not match:
        return 0
    cuts.cut(0, match.end(), "date-line")
    return match.end()


def _cut_teaser(cuts: _Cuts, body_start: int) -> int:
    """Drop "First words of the paragraph..." when the paragraph itself follows."""
    text = cuts.text
    window = text[body_start : body_start + TEASER_SEARCH_CHARS]
    lead = len(window) - len(window.lstrip())
    for match in TEASER_ELLIPSIS_RE.finditer(window):
        teaser = window[lead : match.start()].rstrip()
        if len(teaser) < TEASER_MIN_CHARS:
            continue
        after = body_start + match.end()
        rest_start = after + (len(text[after:]) - len(text[after:].lstrip()))
        if text.startswith(teaser, rest_start):
            cuts.cut(body_start + lead, rest_start, "teaser")
            return rest_start
        return body_start  # the first ellipsis was not a teaser's; the body has begun
    return body_start


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line from ``start``, without its surrounding blanks."""
    for match in re.finditer(r"[^\n]+", text[start:]):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        s = start + match.start() + (len(line) - len(line.lstrip()))
        yield s, s + len(stripped)


def _normalise_line(line: str) -> str:
    return " ".join(line.split()).casefold()


def _cut_lines(cuts: _Cuts, body_start: int, title: Any) -> None:
    text = cuts.text
    wanted_title = _normalise_line(title) if isinstance(title, str) and title.strip() else None
    for index, (start, end) in enumerate(_lines(text, body_start)):
        if cuts.overlaps(start, end):
            continue
        line = text[start:end]
        if index < LEAD_DATE_MAX_LINE and LEAD_DATE_LINE_RE.fullmatch(line):
            cuts.cut(start, end, "date-line")
        elif wanted_title and index < TITLE_SEARCH_LINES and _normalise_line(line) == wanted_title:
            cuts.cut(start, end, "title")
        elif _is_caption(line):
            cuts.cut(start, end, "caption")
        elif _is_widget(line):
            cuts.cut(start, end, "widget")


def _is_caption(line: str) -> bool:
    if len(line) > MAX_CAPTION_CHARS:
        return False
    return bool(
        CAPTION_START_RE.match(line)
        or CAPTION_LEADING_CREDIT_RE.match(line)
        or CAPTION_CREDIT_RE.search(line)
    )


def _is_widget(line: str) -> bool:
    if len(line) > MAX_WIDGET_CHARS:
        return False
    return any(pattern.fullmatch(line) for pattern in WIDGET_LINE_RES)


def _cut_link_residue(cuts: _Cuts) -> None:
    """Drop The Hill's flattened name links, keeping the name mention before them."""
    text = cuts.text
    floor = 0  # a residue never reaches back over the previous one
    for end_match in LINK_RESIDUE_END_RE.finditer(text):
        more_end = end_match.end()
        line_start = text.rfind("\n", 0, end_match.start()) + 1
        lower = max(floor, line_start, end_match.start() - MAX_LINK_RESIDUE_CHARS)
        head = _link_residue_head(text, lower, end_match.start())
        if head is None:
            continue
        start = head.end("last")
        if cuts.overlaps(start, more_end):
            continue
        cuts.cut(start, more_end, "link-residue")
        floor = more_end


def _link_residue_head(text: str, lower: int, upper: int) -> re.Match[str] | None:
    """The head of the residue that ends at ``upper``, searched from ``lower``.

    Heads can overlap: in "Donald Trump Donald John TrumpGOP ..." both "Donald Trump Donald" and
    "Trump Donald John Trump" look like a mention followed by a full name. The link's own head is
    the one that reaches furthest among the overlapping candidates of the first cluster; later,
    separate candidates sit inside the headlines ("... for Haley Nikki Haley: Trump ...").
    """
    head: re.Match[str] | None = None
    position = lower
    while True:
        found = LINK_RESIDUE_HEAD_RE.search(text, position, upper)
        if found is None:
            return head
        if head is not None and found.start() >= head.end():
            return head
        if head is None or found.end() > head.end():
            head = found
        position = found.start() + 1


#: The whitespace runs cleaning may cut: leading, trailing, and those with a line break (spacing
#: inside a line is the writer's). Each match is a whole run, as ``\s+`` would find it.
_CUT_WHITESPACE_RE = re.compile(r"\s*\n\s*|\A\s+|\s+\Z")


def _whitespace_cuts(draft: str, offsets: OffsetMap) -> list[RemovedSpan]:
    """Whitespace to delete from ``draft`` (the text after the other cuts), as original spans."""
    doomed: list[int] = []
    for match in _CUT_WHITESPACE_RE.finditer(draft):
        run_start, run_end = match.span()
        if run_start == 0 or run_end == len(draft):
            doomed.extend(range(run_start, run_end))
            continue
        run = match.group()
        kept = 0
        for i, char in enumerate(run):
            if char == "\n" and kept < MAX_NEWLINES_KEPT:
                kept += 1
            else:
                doomed.append(run_start + i)
    spans: list[RemovedSpan] = []
    start = end = -1
    # OffsetMap.to_original for each index, its segment starts looked up once, not per index.
    segments = offsets.segments
    starts = [segment[0] for segment in segments]
    for clean_index in doomed:
        clean_start, original_start, _ = segments[max(bisect_right(starts, clean_index) - 1, 0)]
        original = original_start + clean_index - clean_start
        if original == end:
            end += 1
            continue
        if end > start:
            spans.append(RemovedSpan(start, end, "whitespace"))
        start, end = original, original + 1
    if end > start:
        spans.append(RemovedSpan(start, end, "whitespace"))
    return spans
