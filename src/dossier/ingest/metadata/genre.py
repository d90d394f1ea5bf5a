"""Whether a document is news, opinion, analysis, an explainer or an interview."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dossier.ingest.metadata.common import mask_quotes, str_field

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


def genre_of(
    body: str, fields: Mapping[str, Any], dateline: str | None, agency: str | None
) -> str | None:
    """The stated genre, else a label, else the writer's voice; None when nothing says.

    dateline, agency: what the dateline and the credits found; either makes it news.
    """
    stated = str_field(fields, "genre")
    if stated:
        return stated
    labels = " ".join(
        str(fields.get(key) or "")
        for key in ("url", "title", "topic", "section", "outlet", "source")
    )
    if OPINION_LABEL_RE.search(labels) or OPINION_LEAD_RE.match(body):
        return "opinion"
    for pattern, genre in GENRE_LEAD_RES:
        if pattern.match(body) or pattern.match(str_field(fields, "title") or ""):
            return genre
    if dateline or agency:
        return "news"
    own_voice = mask_quotes(body)
    first_person = len(OPINION_MARKER_RE.findall(own_voice))
    exhortation = len(EXHORTATION_RE.findall(own_voice))
    if first_person and first_person + exhortation >= OPINION_MIN_MARKERS:
        return "opinion"
    if WIRE_STYLE_RE.search(body):
        return "news"
    if len(REPORTING_VERB_RE.findall(own_voice)) >= NEWS_MIN_REPORTING_VERBS:
        return "news"
    return None
