"""Who wrote a document: stated authors, bylines, sign-offs, or an op-ed writer naming the
organisation they head (looked up in the knowledge base's ``authors.csv``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from dossier.ingest.metadata.common import mask_quotes, top_lines
from dossier.kb.authors import OrganisationHead, load_authors

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


def byline_parts(line: str) -> tuple[str | None, str | None]:
    """(author names, outlet) of a byline line that names both; (None, None) otherwise."""
    match = BYLINE_OUTLET_RE.match(line) or REPOST_BYLINE_RE.match(line)
    if not match:
        return None, None
    return "; ".join(_split_names(match["names"])), match["outlet"]


def _split_authors(value: Any) -> list[str]:
    """Stated authors as a list: a string split on semicolons (else commas), or a list."""
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


def author_of(
    body: str, fields: Mapping[str, Any], date: str | None, kb_dir: str | None = None
) -> tuple[str | None, str | None]:
    """(author, a note) from stated fields, bylines and sign-offs, then self-identification.

    kb_dir: the knowledge-base folder whose ``authors.csv`` is consulted (None: the package's).
    """
    names = _split_authors(fields.get("authors") or fields.get("author"))
    if names:
        return "; ".join(names), None
    for line in top_lines(body, BYLINE_TOP_LINES):
        names, _ = byline_parts(line)
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
    return _self_identified_author(body, date, kb_dir)


def _split_names(names: str) -> list[str]:
    return [n for n in re.split(r"\s*(?:,|\band\b|&)\s*", names) if n]


def _self_identified_author(
    body: str, date: str | None, kb_dir: str | None
) -> tuple[str | None, str | None]:
    """The head of the organisation the writer says they lead, in the document's year."""
    own_voice = mask_quotes(body)
    for pattern in SELF_HEAD_RES:
        match = pattern.search(own_voice)
        if not match:
            continue
        organisation = re.sub(r"^(?:the|The)\s+", "", match["org"])
        listed = _heads_of(organisation, None, kb_dir)
        heads = _heads_of(organisation, date, kb_dir)
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


def _heads_of(organisation: str, date: str | None, kb_dir: str | None) -> list[OrganisationHead]:
    """Who headed ``organisation`` in the document's year (any tenure when undated)."""
    wanted = organisation.casefold()
    rows = [h for h in load_authors(kb_dir) if h.organisation.casefold() == wanted]
    if date is None:
        return rows
    year = int(date[:4])
    return [
        h for h in rows if (h.start is None or h.start <= year) and (h.end is None or year <= h.end)
    ]
