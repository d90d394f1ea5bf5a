"""Where a story comes from: its dateline, and the outlet or agency it credits."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dossier.ingest.metadata.bylines import BYLINE_TOP_LINES, byline_parts
from dossier.ingest.metadata.common import str_field, top_lines
from dossier.model import CleanedText

#: Agencies that put their name in a dateline or a credit, and how dossier names them.
AGENCY_NAMES = {
    "reuters": "Reuters",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "afp": "AFP",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "tass": "TASS",
    "interfax": "Interfax",
    "xinhua": "Xinhua",
    "dpa": "dpa",
    "cnn": "CNN",
    "rfe/rl": "RFE/RL",
}

#: A dateline opens the body: an all-caps place, perhaps a region in ordinary case, perhaps the
#: agency in brackets, then a dash ("KYIV, Ukraine —", "MOSCOW (Reuters) -"). Wire copy that lost
#: its dash ("MOSCOW The presidents ...") is matched too, by a capitalised word after a space.
#: Some papers glue an em dash to the body ("PARIS—The"), but a hyphen must be followed by a
#: space, or "U.S.-led airstrikes" would read as a dateline.
DATELINE_RE = re.compile(
    r"""\A(?P<place>[A-Z][A-Z.'’/-]+(?:[ ][A-Z][A-Z.'’/-]+){0,3})
        (?:,[ ](?P<region>[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2}))?
        [ ]*(?:\((?P<agency>[A-Za-z/ ]{2,20})\)[ ]*)?
        (?:(?P<dash>[—–]|-{1,2}(?=\s))|(?=[ ][A-Z][a-z]))""",
    re.VERBOSE,
)

#: All-caps openers that are not places: acronyms that start a sentence ("FBI Director ..."),
#: labels ("ANALYSIS —") and video-script cues ("VO -" for voice-over).
NOT_PLACES = frozenset(
    {
        "FBI",
        "CIA",
        "NSA",
        "NATO",
        "ISIS",
        "OPEC",
        "OSCE",
        "NASA",
        "CNN",
        "MSNBC",
        "CNBC",
        "NBC",
        "ABC",
        "CBS",
        "NPR",
        "BBC",
        "GOP",
        "DNC",
        "RNC",
        "FSB",
        "KGB",
        "USSR",
        "EU",
        "UN",
        "UK",
        "US",
        "USA",
        "ICE",
        "DOJ",
        "DHS",
        "IRS",
        "SEC",
        "FEC",
        "WHO",
        "IMF",
        "NRA",
        "AIPAC",
        "ASEAN",
        "UNESCO",
        "UNICEF",
        "ANALYSIS",
        "UPDATE",
        "UPDATED",
        "BREAKING",
        "EXCLUSIVE",
        "OPINION",
        "WATCH",
        "EDITORIAL",
        "COMMENTARY",
        "CORRECTION",
        "PHOTO",
        "VIDEO",
        "LIVE",
        "FACT",
        "CHECK",
        "CLOSE",
        "VO",
        "SOT",
    }
)

#: Credit lines may stand above the dateline ("John Bacon", "USA TODAY"): up to this many short
#: lines are skipped to reach it.
DATELINE_SKIP_LINES = 2

#: A line this short, without a full stop, is a credit rather than the body's first sentence.
MAX_CREDIT_LINE_WORDS = 5

#: Without a dash or an agency the only sign of a dateline is the capitals, so a short word
#: ("US", "UN") is more likely an acronym than a place.
MIN_BARE_DATELINE_LETTERS = 4


#: "RFE/RL correspondent", "Reuters reporter": the writer's employer is the outlet.
STAFF_CREDIT_RE = re.compile(
    r"\b(?P<agency>RFE/RL|Reuters|AP|AFP|Associated Press|Bloomberg|TASS|Interfax|Xinhua)"
    r"(?:'s|’s)?\s+(?:correspondent|reporter|staff writer|staff|bureau)\b"
)

#: Reuters' sign-off "(Reporting by ...; Editing by ...)" is its house style.
REUTERS_SIGNOFF_RE = re.compile(r"\(Reporting by [^)]*\bEditing by\b")

#: Photo credits in captions, weaker evidence than a dateline or a byline (another outlet may
#: run an agency's photo), so consulted last, and only inside spans cleaning cut as captions.
CAPTION_AGENCY_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bREUTERS\s*/"), "Reuters"),
    (re.compile(r"\(AP Photo\b"), "Associated Press"),
    (re.compile(r"\bAFP PHOTO\b"), "AFP"),
)


def dateline_of(body: str, fields: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The dateline's place and, if it names one, the agency in brackets after it."""
    stated = str_field(fields, "dateline")
    match = None
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    for line in lines[: DATELINE_SKIP_LINES + 1]:
        match = DATELINE_RE.match(line)
        if match:
            break
        if byline_parts(line) != (None, None):
            continue  # a byline of any length stands above the dateline
        if len(line.split()) > MAX_CREDIT_LINE_WORDS or line.endswith((".", ":")):
            break
    agency = None
    if match and match["agency"]:
        agency = AGENCY_NAMES.get(match["agency"].strip().lower())
    if stated:
        return stated, agency
    if not match:
        return None, None
    place = match["place"].rstrip(".")
    words = place.replace(".", " ").split()
    if any(word in NOT_PLACES for word in words):
        return None, None
    bare = not match["dash"] and not match["agency"]
    if bare and (match["region"] or sum(c.isalpha() for c in place) < MIN_BARE_DATELINE_LETTERS):
        return None, None
    if match["region"]:
        place = f"{place}, {match['region']}"
    return place, agency


def outlet_of(
    text: str, cleaned: CleanedText, fields: Mapping[str, Any], dateline_agency: str | None
) -> str | None:
    """The stated outlet, else a byline's, else the agency the dateline or the text credits."""
    for key in ("outlet", "source"):
        value = str_field(fields, key)
        if value:
            return value
    for line in top_lines(cleaned.text, BYLINE_TOP_LINES):
        _, outlet = byline_parts(line)
        if outlet:
            return outlet
    return dateline_agency or text_agency(text, cleaned)


def text_agency(text: str, cleaned: CleanedText) -> str | None:
    """The agency the text credits itself to: staff byline, sign-off, then photo credit."""
    match = STAFF_CREDIT_RE.search(cleaned.text)
    if match:
        return AGENCY_NAMES[match["agency"].lower()]
    if REUTERS_SIGNOFF_RE.search(cleaned.text):
        return "Reuters"
    for span in cleaned.removed:
        if span.reason != "caption":
            continue
        caption = text[span.start : span.end]
        for pattern, name in CAPTION_AGENCY_RES:
            if pattern.search(caption):
                return name
    return None
