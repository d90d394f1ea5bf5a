"""The knowledge base's CSV rows: reading them, checking them, turning them into records.

Every CSV kind (``actors``, ``offices``, ``terms``, ``memberships``, ``places``, ``demonyms``) may
be split over several files sharing its prefix; ``read_rows`` reads them all. Each ``parse_*``
checks its rows against what was parsed before it and collects every problem by file and line
(``Problems``), so that a curator fixes a file in one pass. The second tier (``kb/tier2``) is
read here too, below the curated rows. ``KnowledgeBase.load`` (loader.py) puts it together.
"""

from __future__ import annotations

import calendar
import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dossier.errors import DossierError, ErrorCode
from dossier.kb.records import (
    ACTOR_ID_PREFIXES,
    ACTOR_TYPES,
    MEMBERSHIP_STATUSES,
    OFFICE_KINDS,
    PLACE_KINDS,
    SECTOR_CODES,
    Actor,
    Demonym,
    Membership,
    Office,
    Place,
    Target,
    Term,
)

KINDS = ("actors", "offices", "terms", "memberships", "places", "demonyms", "targets")
_DATE = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
_ACTOR_ID = re.compile(r"\A([a-z]+):[A-Za-z0-9][A-Za-z0-9._-]*\Z")
_OFFICE_ID = re.compile(r"\Aoffice:[a-z0-9][a-z0-9._-]*\Z")
_ISO3 = re.compile(r"\A[A-Z]{3}\Z")
_TARGET_ID = re.compile(r"\Atarget:[a-z0-9][a-z0-9._-]*\Z")
# Straight and typographic apostrophes, dots in initialisms and hyphens vary between outlets.
_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The lookup key of a name: no accents, case folded, one space, no leading "the".

    Cached: the linker asks for the same few thousand words and phrases over and over.
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_PUNCT))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = " ".join(plain.casefold().split())
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def listed(self, column: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.get(column).split("|") if p.strip())


class Problems:
    """Collects validation problems, each tied to a file and line."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, row: Row, text: str) -> None:
        self.items.append(f"{row.file}#L{row.line}: {text}")

    def raise_if_any(self) -> None:
        if self.items:
            shown = "\n  ".join(self.items[:50])
            more = f"\n  … and {len(self.items) - 50} more" if len(self.items) > 50 else ""
            raise DossierError(ErrorCode.K001_KB_INVALID, f"\n  {shown}{more}")


def widen(value: str, end: bool) -> str:
    """A start date to its first possible day, an end date to its last."""
    match = _DATE.match(value)
    assert match is not None
    year, month, day = match.groups()
    if day:
        return value
    if month:
        last = calendar.monthrange(int(year), int(month))[1] if end else 1
        return f"{year}-{month}-{last:02d}"
    return f"{year}-12-31" if end else f"{year}-01-01"


def _valid_date(value: str) -> bool:
    match = _DATE.match(value)
    if not match:
        return False
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return False
    return not (day and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1])


def read_rows(folder: Path | None, kind: str, package_folder: str = "data") -> Iterator[Row]:
    if folder is None:
        base = resources.files("dossier.kb").joinpath(package_folder)
        files = sorted(
            (f for f in base.iterdir() if f.name.startswith(kind) and f.name.endswith(".csv")),
            key=lambda f: f.name,
        )
    else:
        files = sorted(folder.glob(f"{kind}*.csv"))
    for file in files:
        with file.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for values in reader:
                if not any((v or "").strip() for v in values.values()):
                    continue
                # the reader's own count: it skips blank lines, which enumerating would not see
                yield Row(file.name, reader.line_num, values)


def with_second_tier_terms(
    rows: dict[str, list[Row]], tier: list[Actor]
) -> tuple[list[Row], list[Row]]:
    """The curated office and term rows, followed by the second tier's dated spells of the
    second-tier actors kept (``kb/tier2/offices*.csv``, ``terms*.csv``).

    A spell of an actor the curated KB speaks for was dropped with the actor; an office the
    curated KB defines under the same id, or of a country it does not know, is left out.
    """
    kept = {a.id for a in tier}
    countries = {a.country for a in tier}
    curated_offices = {r.get("id") for r in rows["offices"]}
    offices = [
        r
        for r in read_rows(None, "offices", "tier2")
        if r.get("id") not in curated_offices and r.get("country") in countries
    ]
    office_ids = {r.get("id") for r in offices}
    terms = [
        r
        for r in read_rows(None, "terms", "tier2")
        if r.get("holder") in kept and r.get("office") in office_ids
    ]
    return rows["offices"] + offices, rows["terms"] + terms


def second_tier_actors(
    curated: list[Actor], place_rows: list[Row], problems: Problems
) -> list[Actor]:
    """The package's second-tier actors that no curated actor or place speaks for."""
    taken_ids = {a.id for a in curated}
    taken = {normalise_name(n) for a in curated for n in (a.name, *a.aliases)}
    taken |= {normalise_name(n) for r in place_rows for n in (r.get("name"), *r.listed("aliases"))}
    countries = {a.country for a in curated if a.type == "country" and a.country}
    kept: list[Actor] = []
    # A row of a country this KB does not know cannot be validated against it: left out.
    rows = [r for r in read_rows(None, "actors", "tier2") if r.get("country") in countries]
    for actor in parse_actors(rows, problems, countries):
        keys = {normalise_name(n) for n in (actor.name, *actor.aliases)}
        if actor.id in taken_ids or keys & taken:
            continue
        taken_ids.add(actor.id)
        taken |= keys
        kept.append(actor)
    return kept


def _rows_with_new_ids(
    rows: list[Row], problems: Problems, noun: str, well_formed: Callable[[str], Any], want: str
) -> Iterator[tuple[Row, str]]:
    """Each row whose id is ``well_formed`` and not seen in an earlier row, with its id; a
    problem for every other row ("bad ``noun`` id ... (want ``want``)", "duplicate ... id")."""
    seen: set[str] = set()
    for row in rows:
        row_id = row.get("id")
        if not well_formed(row_id):
            problems.add(row, f"bad {noun} id {row_id!r} (want {want})")
            continue
        if row_id in seen:
            problems.add(row, f"duplicate {noun} id {row_id}")
            continue
        seen.add(row_id)
        yield row, row_id


def _is_actor_id(actor_id: str) -> bool:
    match = _ACTOR_ID.match(actor_id)
    return match is not None and match.group(1) in ACTOR_ID_PREFIXES


def parse_actors(
    rows: list[Row], problems: Problems, countries: set[str] | None = None
) -> list[Actor]:
    actors: list[Actor] = []
    countries = (countries or set()) | {
        r.get("country") for r in rows if r.get("type") == "country"
    }
    want = f"kind:slug, kinds {sorted(ACTOR_ID_PREFIXES)}"
    for row, actor_id in _rows_with_new_ids(rows, problems, "actor", _is_actor_id, want):
        kind = row.get("type")
        if kind not in ACTOR_TYPES:
            problems.add(row, f"unknown actor type {kind!r} for {actor_id}")
        if not row.get("name"):
            problems.add(row, f"actor {actor_id} has no name")
        country, sector, qid = row.get("country"), row.get("sector"), row.get("qid")
        if country and not _ISO3.match(country):
            problems.add(row, f"bad ISO3 code {country!r}")
        elif country and country not in countries:
            problems.add(
                row,
                f"actor {actor_id} names unknown country {country} (no country:{country} actor)",
            )
        if qid and not re.fullmatch(r"Q\d+", qid):
            problems.add(row, f"bad Wikidata QID {qid!r}")
        _check_sector_and_source(row, problems, f"actor {actor_id}")
        actors.append(
            Actor(
                actor_id,
                row.get("name"),
                kind,
                country or None,
                sector or None,
                qid or None,
                row.listed("aliases"),
                row.get("source") or row.file,
            )
        )
    return actors


def _check_sector_and_source(row: Row, problems: Problems, subject: str) -> None:
    """What an actor's and an office's rows both need: a known sector code, if any, and a
    source. ``subject``: how the problems name the row ("actor person:x")."""
    sector = row.get("sector")
    if sector and sector not in SECTOR_CODES:
        problems.add(row, f"unknown sector code {sector!r}")
    if not row.get("source"):
        problems.add(row, f"{subject} names no source")


def parse_offices(
    rows: list[Row], problems: Problems, actor_ids: set[str], countries: set[str]
) -> list[Office]:
    offices: list[Office] = []
    for row, office_id in _rows_with_new_ids(
        rows, problems, "office", _OFFICE_ID.match, "office:slug"
    ):
        country, org, kind, sector = (row.get(c) for c in ("country", "org", "kind", "sector"))
        if country and country not in countries:
            problems.add(row, f"office {office_id} names unknown country {country!r}")
        if org and org not in actor_ids:
            problems.add(row, f"office {office_id} names unknown organisation {org!r}")
        if not country and not org:
            problems.add(row, f"office {office_id} names neither a country nor an organisation")
        if kind not in OFFICE_KINDS:
            problems.add(row, f"unknown office kind {kind!r}")
        if not row.get("name") or not row.get("title"):
            problems.add(row, f"office {office_id} needs a name and a title")
        _check_sector_and_source(row, problems, f"office {office_id}")
        offices.append(
            Office(
                office_id,
                row.get("name"),
                row.get("title"),
                row.listed("title_aliases"),
                country or None,
                org or None,
                kind,
                sector or None,
                row.listed("aliases"),
                row.get("source"),
            )
        )
    return offices


def _dates(row: Row, problems: Problems, *columns: str) -> dict[str, str | None] | None:
    values: dict[str, str | None] = {}
    for column in columns:
        raw = row.get(column)
        if not raw:
            values[column] = None
            continue
        if not _valid_date(raw):
            problems.add(row, f"bad date {raw!r} in {column} (want YYYY-MM-DD)")
            return None
        values[column] = widen(raw, end=(column == "end"))
    return values


def parse_terms(
    rows: list[Row],
    problems: Problems,
    actor_ids: set[str],
    office_ids: set[str],
    collective: frozenset[str] | set[str] = frozenset(),
) -> list[Term]:
    terms: list[Term] = []
    for row in rows:
        office, holder = row.get("office"), row.get("holder")
        if office not in office_ids:
            problems.add(row, f"term names unknown office {office!r}")
            continue
        if holder not in actor_ids or not holder.startswith("person:"):
            problems.add(row, f"term holder {holder!r} is not a known person")
            continue
        dates = _dates(row, problems, "start", "end", "elected")
        if dates is None:
            continue
        if dates["start"] is None:
            problems.add(row, f"term of {holder} in {office} has no start")
            continue
        if dates["end"] is not None and dates["end"] < dates["start"]:
            problems.add(row, f"term of {holder} in {office} ends before it starts")
            continue
        if not row.get("source"):
            problems.add(row, f"term of {holder} in {office} names no source")
        terms.append(
            Term(
                office,
                holder,
                dates["start"],
                dates["end"],
                dates["elected"],
                row.get("acting").lower() in {"yes", "true", "1"},
                row.get("source"),
            )
        )
    _check_overlaps([t for t in terms if t.office not in collective], problems)
    return terms


def _check_overlaps(terms: list[Term], problems: Problems) -> None:
    by_office: dict[str, list[Term]] = defaultdict(list)
    for term in terms:
        by_office[term.office].append(term)
    for office, office_terms in by_office.items():
        office_terms.sort(key=lambda t: t.start)
        for earlier, later in zip(office_terms, office_terms[1:], strict=False):
            # Terms may touch (one ends the day the next begins) but not overlap.
            if earlier.end is None or later.start < earlier.end:
                problems.items.append(
                    f"terms: overlapping terms in {office}: {earlier.holder} "
                    f"{earlier.start}..{earlier.end or 'now'} and {later.holder} "
                    f"{later.start}..{later.end or 'now'}"
                )


def parse_memberships(rows: list[Row], problems: Problems, actor_ids: set[str]) -> list[Membership]:
    memberships: list[Membership] = []
    for row in rows:
        org, member, status = row.get("org"), row.get("member"), row.get("status")
        if org not in actor_ids:
            problems.add(row, f"membership names unknown organisation {org!r}")
            continue
        if member not in actor_ids:
            problems.add(row, f"membership names unknown member {member!r}")
            continue
        if status not in MEMBERSHIP_STATUSES:
            problems.add(row, f"unknown membership status {status!r}")
        dates = _dates(row, problems, "start", "end")
        if dates is None or dates["start"] is None:
            if dates is not None:
                problems.add(row, f"membership of {member} in {org} has no start")
            continue
        memberships.append(
            Membership(org, member, status, dates["start"], dates["end"], row.get("source"))
        )
    return memberships


def parse_places(
    rows: list[Row], problems: Problems, actor_ids: set[str], countries: set[str]
) -> list[Place]:
    places: list[Place] = []
    for row in rows:
        country, kind, stands_for = row.get("country"), row.get("kind"), row.get("stands_for")
        if country and country not in countries:
            problems.add(row, f"place {row.get('name')!r} names unknown country {country!r}")
        if kind not in PLACE_KINDS:
            problems.add(row, f"unknown place kind {kind!r}")
        if stands_for and stands_for not in actor_ids:
            problems.add(row, f"place {row.get('name')!r} stands for unknown actor {stands_for!r}")
        places.append(
            Place(
                row.get("name"),
                row.listed("aliases"),
                country or None,
                kind,
                stands_for or None,
                row.get("geonames_id") or None,
                row.get("source"),
            )
        )
    return places


def parse_demonyms(rows: list[Row], problems: Problems, countries: set[str]) -> list[Demonym]:
    demonyms: list[Demonym] = []
    for row in rows:
        country = row.get("country")
        if country not in countries:
            problems.add(row, f"demonyms name unknown country {country!r}")
            continue
        demonyms.append(
            Demonym(country, row.listed("adjectives"), row.listed("demonyms"), row.get("source"))
        )
    return demonyms


def parse_targets(rows: list[Row], problems: Problems, actor_ids: set[str]) -> list[Target]:
    """Stance targets: ids ``target:...``, a name, actors the KB knows, no name twice."""
    targets: list[Target] = []
    seen_ids: set[str] = set()
    seen_names: dict[str, str] = {}
    for row in rows:
        target_id, name = row.get("id"), row.get("name")
        if not _TARGET_ID.match(target_id):
            problems.add(row, f"target id {target_id!r} is not target:<slug>")
            continue
        if target_id in seen_ids:
            problems.add(row, f"target id {target_id!r} appears twice")
            continue
        if not name:
            problems.add(row, f"target {target_id} has no name")
            continue
        unknown = [a for a in row.listed("actors") if a not in actor_ids]
        if unknown:
            problems.add(row, f"target {target_id} names unknown actors {unknown}")
            continue
        clash = False
        for word in {normalise_name(n) for n in (name, *row.listed("aliases"))}:
            if seen_names.get(word, target_id) != target_id:
                problems.add(row, f"target name {word!r} is already {seen_names[word]}")
                clash = True
            seen_names[word] = target_id
        if clash:
            continue
        seen_ids.add(target_id)
        targets.append(
            Target(
                target_id,
                name,
                row.listed("aliases"),
                row.listed("actors"),
                row.get("source"),
                row.listed("rivals"),
            )
        )
    return targets
