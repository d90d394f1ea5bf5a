"""Read what a document says about itself: date, dateline, outlet, author, language, genre.

Fields the source states outright (a JSONL record's ``date``, a page's ``authors``) win over
anything read from the text; the text is read only where they are silent. Nothing is guessed:
where neither says, the value is None, and for the date a note says why, so an undated document
is never silently given today's date or a date from its body.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import py3langid

from dossier.ingest.clean import DATE_LINE_RE, LEAD_DATE_LINE_RE, LEAD_DATE_MAX_LINE
from dossier.model import CleanedText, DocumentMeta

# --- dates ---------------------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

#: ISO dates at any precision, optionally followed by a time ("2019-01-04T10:00:00Z"); the time
#: is dropped because a document's date is a day.
ISO_DATE_RE = re.compile(r"(?P<y>\d{4})(?:[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?)?(?:[T ].*)?")

#: "January 4, 2019", "Jan. 4 2019", "Friday, January 4, 2019".
MONTH_DAY_YEAR_RE = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(?P<month>[A-Za-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
)
#: "4 January 2019", "Friday 4 January 2019".
DAY_MONTH_YEAR_RE = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<y>\d{4})"
)
#: "March 2012": month precision.
MONTH_YEAR_RE = re.compile(r"(?P<month>[A-Za-z]+)\.?,?\s+(?P<y>\d{4})")

#: Years outside this range in a date field are typos or placeholders ("0001-01-01").
MIN_YEAR, MAX_YEAR = 1800, 2100

UNDATED_NOTE = "no date line, date field or dated lead; left undated rather than guessed"

# --- dateline ------------------------------------------------------------------------------

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

# --- outlet --------------------------------------------------------------------------------

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

# --- author --------------------------------------------------------------------------------

#: A person's name as bylines write it: "Jane Doe", "Jane Q. Doe", "Oleh Zarubinskiy".
_NAME = (
    r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"
    r"(?:\s+(?:[A-Z]\.|[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*|de|van|von|al-[A-Z][a-z]+)){1,3}"
)

#: "By Jane Doe" (or "By Jane Doe and John Roe") as a line of its own near the top.
BYLINE_TOP_RE = re.compile(
    rf"\ABy\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)(?:\s*[,|].{{0,60}})?\Z"
)

#: A byline that also names the outlet: "By Jane Doe | Steppe Wire", "By Jane Doe, contributing
#: columnist, Steppe Wire", "Reposted by Steppe Wire | Jane Doe". The outlet is the last
#: comma- or bar-separated part; a role ("contributing columnist") sits between.
BYLINE_OUTLET_RE = re.compile(
    rf"\ABy\s+(?P<names>{_NAME})(?:\s*,\s*[a-z][a-z -]{{2,40}})?\s*[,|]\s*"
    r"(?P<outlet>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})\s*\Z"
)
REPOST_BYLINE_RE = re.compile(
    r"\A(?:Reposted|Republished|Syndicated)\s+by\s+"
    r"(?P<outlet>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})\s*[|,]\s*"
    rf"(?P<names>{_NAME})\s*\Z"
)

#: The first lines searched for a "By ..." line: bylines sit above the body.
BYLINE_TOP_LINES = 3

#: A byline in the text: "Written in Prague by RFE/RL correspondent Robert Coalson",
#: "Reported by Jane Doe". An employer and a role may stand between "by" and the name.
BYLINE_CREDIT_RE = re.compile(
    rf"\b(?:Written|Reported|Compiled|Story)\b[^.\n]{{0,40}}?\bby\s+"
    rf"(?:(?:the\s+)?(?:[A-Z][\w/&.'’-]*\s+){{1,3}}?"
    rf"(?:correspondent|reporter|staff writer|journalist|editor|writer)\s+)?"
    rf"(?P<name>{_NAME})"
)

#: Reuters' sign-off names the reporters: "(Reporting by Andrew Osborn and Jane Doe; ...".
REPORTING_BY_RE = re.compile(rf"\(Reporting by (?P<names>{_NAME}(?:\s*(?:,|and)\s*{_NAME})*)[;)]")

#: An organisation's name: capitalised words, with "of", "for", "on", "and", "the" between.
_ORG = r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|on|and|the|&)\s+)*[A-Z][\w'’.&-]*){0,7}"

#: An op-ed writer naming the organisation they lead: "the International Eurasian Movement,
#: which I have headed for more than twenty years", "As president of the Council on Foreign
#: Relations, I ...". Quoted text is masked first, so a quoted leader does not count.
SELF_HEAD_RES: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?P<org>{_ORG}),?\s+(?:which|that)\s+I\s+(?:have\s+)?(?:long\s+)?"
        r"(?:headed|head|led|lead|chaired|chair|founded|run|directed|direct)\b"
    ),
    re.compile(
        rf"\bAs\s+(?:the\s+)?(?:head|leader|chairman|chair|president|director|founder)\s+of\s+"
        rf"(?:the\s+)?(?P<org>{_ORG}),?\s+I\b"
    ),
)

#: Curated table of who heads which organisation, with the years of their tenure.
AUTHORS_RESOURCE = ("dossier.kb", "data/authors.csv")

# --- language ------------------------------------------------------------------------------

#: Below this many letters langid's guess is noise (a caption, a headline).
MIN_LANGID_LETTERS = 20

#: The opening of the body decides the language: a few paragraphs are as reliable as the whole
#: text, and langid's cost grows with length (it was half of all ingest time on full texts).
LANGID_SAMPLE_CHARS = 2000

# --- genre ---------------------------------------------------------------------------------

#: Words a site uses for its opinion section, in urls, titles, section fields and outlet names
#: ("New York Times - Opinion", "/opinion/", "ANALYSIS/OPINION:").
OPINION_LABEL_RE = re.compile(
    r"(?i)(?:\bopinion\b|\bop-?eds?\b|\bcommentary\b|\beditorials?\b|\bcolumns?\b|\bcolumnists?\b)"
)

#: The label some sites print as the first line of an opinion piece ("OPINION:", "OPINION |").
OPINION_LEAD_RE = re.compile(r"\A(?:[A-Z]+/)?(?:OPINION|COMMENTARY|EDITORIAL|OP-ED)\s*[:|]")

#: Other genre labels printed as a headline prefix: "EXPLAINER: What is ...", "ANALYSIS | ...".
GENRE_LEAD_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\A(?:EXPLAINER|Explainer|Q&A|FACTBOX|Factbox)\s*[:|-]"), "explainer"),
    (re.compile(r"\A(?:ANALYSIS|Analysis|NEWS ANALYSIS)\s*[:|]"), "analysis"),
    (re.compile(r"\A(?:INTERVIEW|Interview)\s*[:|]"), "interview"),
)

#: First-person argument outside quotation marks. Reporters do not write "I believe" in their
#: own voice; op-ed writers do.
OPINION_MARKER_RE = re.compile(
    r"\b(?:I\s+(?:(?:do\s+not|don[’']t|firmly|strongly)\s+)?"
    r"(?:believe|think|argue|would\s+argue|doubt|am\s+convinced|am\s+sure|suspect|fear|contend)"
    r"|I\s+have\s+(?:long\s+)?(?:headed|led|argued|written|said)"
    r"|in\s+my\s+(?:view|opinion|judgment|experience)|it\s+seems\s+to\s+me|to\s+my\s+mind)\b"
)

#: Collective exhortation ("we must", "let us") argues too, but it also turns up in unmarked
#: speech of politicians, so it only counts beside a first-person marker.
EXHORTATION_RE = re.compile(r"\b(?:we\s+must|we\s+should|we\s+need\s+to|let\s+us|let[’']s)\b")

#: One marker can slip into a news story (a reporter's "I think" in a first-person dispatch);
#: two, in the writer's own voice and at least one of them first-person, make it an argument.
OPINION_MIN_MARKERS = 2

#: Signs of wire or reported news besides a dateline or agency credit.
WIRE_STYLE_RE = re.compile(
    r"\((?:Reuters|AP|AFP)\)|contributed to this report|\(Reporting by\b"
    r"|\btold reporters\b|\bsaid in a statement\b|\bcorrespondent\b"
)

#: Reported speech in the writer's voice ("..., he said", "officials told"): news attributes.
REPORTING_VERB_RE = re.compile(r"\b(?:said|says|told|according to)\b")

#: A news story attributes again and again; an essay that quotes once or twice does not.
NEWS_MIN_REPORTING_VERBS = 3

#: Quoted passages, masked before looking for the writer's own voice. Curly quotes pair
#: unambiguously; straight quotes pair within a paragraph. A quote left open runs to the end of
#: its paragraph, as a quote that goes on into the next paragraph is printed.
QUOTED_RE = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)


@dataclass(frozen=True)
class _Head:
    organisation: str
    head: str
    start: int | None
    end: int | None


def extract_metadata(
    text: str,
    cleaned: CleanedText,
    fields: Mapping[str, Any] | None = None,
    *,
    source_format: str | None = None,
) -> DocumentMeta:
    """Describe a document from its original ``text``, its ``cleaned`` body and stated ``fields``.

    ``source_format`` is the reader's format; for ``html`` a stated date came from the page's
    meta tags and is reported as ``html-meta``.
    """
    fields = fields or {}
    date, date_source, date_note = _date(text, fields, source_format)
    dateline, dateline_agency = _dateline(cleaned.text, fields)
    outlet = _outlet(text, cleaned, fields, dateline_agency)
    author, author_note = _author(cleaned.text, fields, date)
    return DocumentMeta(
        title=_str_field(fields, "title"),
        url=_str_field(fields, "url"),
        date=date,
        date_source=date_source,
        date_note=date_note,
        dateline=dateline,
        outlet=outlet,
        author=author,
        author_note=author_note,
        language=_language(cleaned.text, fields),
        genre=_genre(
            cleaned.text, fields, dateline, dateline_agency or _text_agency(text, cleaned)
        ),
    )


def _str_field(fields: Mapping[str, Any], key: str) -> str | None:
    value = fields.get(key)
    if isinstance(value, str):
        value = value.strip()
    return value or None


# --- date ----------------------------------------------------------------------------------


def normalise_date(value: Any) -> str | None:
    """ISO 8601 for a stated date, at the precision it was given; None if it is not a date.

    Accepts date and datetime objects, ISO strings ("2019-01-04", "2012-03", "2019-01-04T10:00Z"),
    written dates ("January 4, 2019", "4 Jan 2019", "March 2012") and RFC 2822 feed dates.
    Never fills a missing year from the calendar.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    match = ISO_DATE_RE.fullmatch(value)
    if match:
        return _iso(match["y"], match["m"], match["d"])
    for pattern in (MONTH_DAY_YEAR_RE, DAY_MONTH_YEAR_RE):
        match = pattern.fullmatch(value)
        if match and match["month"].lower() in MONTHS:
            return _iso(match["y"], MONTHS[match["month"].lower()], match["d"])
    match = MONTH_YEAR_RE.fullmatch(value)
    if match and match["month"].lower() in MONTHS:
        return _iso(match["y"], MONTHS[match["month"].lower()], None)
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _iso(year: Any, month: Any, day: Any) -> str | None:
    y = int(year)
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    if month is None:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, int(day)).isoformat()
    except ValueError:
        return None


def _date(
    text: str, fields: Mapping[str, Any], source_format: str | None
) -> tuple[str | None, str | None, str | None]:
    match = DATE_LINE_RE.match(text)
    if match:
        date = normalise_date(match["date"])
        if date:
            return date, "date-line", None
    stated = fields.get("date")
    note = None
    if stated:
        date = normalise_date(stated)
        if date:
            return date, "html-meta" if source_format == "html" else "field", None
        note = f"the date field {str(stated)[:40]!r} is not a date"
    lead = _lead_date(text)
    if lead:
        return lead, "lead", note
    return None, None, f"{note}; {UNDATED_NOTE}" if note else UNDATED_NOTE


def _lead_date(text: str) -> str | None:
    start = DATE_LINE_RE.match(text)
    lines = [line.strip() for line in text[start.end() if start else 0 :].splitlines()]
    for line in [line for line in lines if line][:LEAD_DATE_MAX_LINE]:
        if LEAD_DATE_LINE_RE.fullmatch(line):
            return normalise_date(line)
    return None


# --- dateline and outlet -------------------------------------------------------------------


def _dateline(body: str, fields: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The dateline's place and, if it names one, the agency in brackets after it."""
    stated = _str_field(fields, "dateline")
    match = None
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    for line in lines[: DATELINE_SKIP_LINES + 1]:
        match = DATELINE_RE.match(line)
        if match:
            break
        if _byline_parts(line) != (None, None):
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


def _outlet(
    text: str, cleaned: CleanedText, fields: Mapping[str, Any], dateline_agency: str | None
) -> str | None:
    for key in ("outlet", "source"):
        value = _str_field(fields, key)
        if value:
            return value
    for line in _top_lines(cleaned.text, BYLINE_TOP_LINES):
        _, outlet = _byline_parts(line)
        if outlet:
            return outlet
    return dateline_agency or _text_agency(text, cleaned)


def _top_lines(body: str, count: int) -> list[str]:
    return [line.strip() for line in body.splitlines() if line.strip()][:count]


def _byline_parts(line: str) -> tuple[str | None, str | None]:
    """(author names, outlet) of a byline line that names both; (None, None) otherwise."""
    match = BYLINE_OUTLET_RE.match(line) or REPOST_BYLINE_RE.match(line)
    if not match:
        return None, None
    return "; ".join(_split_names(match["names"])), match["outlet"]


def _text_agency(text: str, cleaned: CleanedText) -> str | None:
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


# --- author --------------------------------------------------------------------------------


def _split_authors(value: Any) -> list[str]:
    if isinstance(value, str):
        parts = re.split(r"\s*;\s*" if ";" in value else r"\s*,\s*", value)
    elif isinstance(value, Iterable):
        parts = [str(v) for v in value]
    else:
        return []
    names: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        # "Jane Doe, Jr." split on the comma: the suffix belongs to the name before it
        if names and re.fullmatch(r"(?:Jr|Sr|II|III|IV)\.?", part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def _author(
    body: str, fields: Mapping[str, Any], date: str | None
) -> tuple[str | None, str | None]:
    names = _split_authors(fields.get("authors") or fields.get("author"))
    if names:
        return "; ".join(names), None
    for line in _top_lines(body, BYLINE_TOP_LINES):
        names, _ = _byline_parts(line)
        if names:
            return names, None
        match = BYLINE_TOP_RE.match(line)
        if match:
            return "; ".join(_split_names(match["names"])), None
    match = BYLINE_CREDIT_RE.search(body)
    if match:
        return match["name"], None
    match = REPORTING_BY_RE.search(body)
    if match:
        return "; ".join(_split_names(match["names"])), None
    return _self_identified_author(body, date)


def _split_names(names: str) -> list[str]:
    return [n for n in re.split(r"\s*(?:,|\band\b|&)\s*", names) if n]


def _mask_quotes(text: str) -> str:
    """The text with quoted passages blanked out, offsets unchanged."""
    return QUOTED_RE.sub(lambda m: " " * len(m.group()), text)


def _self_identified_author(body: str, date: str | None) -> tuple[str | None, str | None]:
    own_voice = _mask_quotes(body)
    for pattern in SELF_HEAD_RES:
        match = pattern.search(own_voice)
        if not match:
            continue
        organisation = re.sub(r"^(?:the|The)\s+", "", match["org"])
        listed = _heads_of(organisation, None)
        heads = _heads_of(organisation, date)
        if len(heads) == 1:
            return heads[0].head, f"inferred: the writer heads the {heads[0].organisation}"
        if heads:
            return None, (
                f"the writer heads the {organisation}, which had several heads in "
                f"{date[:4] if date else 'the years listed'}; left unattributed"
            )
        if listed:
            return None, (
                f"the writer heads the {organisation}, but authors.csv lists no head of it "
                f"in {date[:4] if date else 'an unknown year'}"
            )
        return None, f"the writer heads the {organisation}, which authors.csv does not list"
    return None, None


@lru_cache(maxsize=1)
def _heads() -> tuple[_Head, ...]:
    package, name = AUTHORS_RESOURCE
    with resources.files(package).joinpath(name).open(encoding="utf-8", newline="") as handle:
        return tuple(
            _Head(
                organisation=row["organisation"].strip(),
                head=row["head"].strip(),
                start=int(row["from"]) if row["from"].strip() else None,
                end=int(row["to"]) if row["to"].strip() else None,
            )
            for row in csv.DictReader(handle)
        )


def _heads_of(organisation: str, date: str | None) -> list[_Head]:
    """Who headed ``organisation`` in the document's year (any tenure when undated)."""
    wanted = organisation.casefold()
    rows = [h for h in _heads() if h.organisation.casefold() == wanted]
    if date is None:
        return rows
    year = int(date[:4])
    return [
        h for h in rows if (h.start is None or h.start <= year) and (h.end is None or year <= h.end)
    ]


# --- language and genre --------------------------------------------------------------------


def _language(body: str, fields: Mapping[str, Any]) -> str | None:
    stated = _str_field(fields, "language")
    if stated:
        return stated.lower()
    sample = body[:LANGID_SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LANGID_LETTERS:
        return None
    language, _score = py3langid.classify(sample)
    return language


def _genre(
    body: str, fields: Mapping[str, Any], dateline: str | None, agency: str | None
) -> str | None:
    stated = _str_field(fields, "genre")
    if stated:
        return stated
    labels = " ".join(
        str(fields.get(key) or "")
        for key in ("url", "title", "topic", "section", "outlet", "source")
    )
    if OPINION_LABEL_RE.search(labels) or OPINION_LEAD_RE.match(body):
        return "opinion"
    for pattern, genre in GENRE_LEAD_RES:
        if pattern.match(body) or pattern.match(_str_field(fields, "title") or ""):
            return genre
    if dateline or agency:
        return "news"
    own_voice = _mask_quotes(body)
    first_person = len(OPINION_MARKER_RE.findall(own_voice))
    exhortation = len(EXHORTATION_RE.findall(own_voice))
    if first_person and first_person + exhortation >= OPINION_MIN_MARKERS:
        return "opinion"
    if WIRE_STYLE_RE.search(body):
        return "news"
    if len(REPORTING_VERB_RE.findall(own_voice)) >= NEWS_MIN_REPORTING_VERBS:
        return "news"
    return None
