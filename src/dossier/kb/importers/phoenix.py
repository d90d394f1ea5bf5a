"""The Phoenix/PETRARCH2 actor dictionary (``Phoenix.Countries.actors.txt``) as KB actors.

The dictionary is a series of records, read the way PETRARCH2's ``read_actor_dictionary`` reads
them::

    VLADIMIR_PUTIN_  # CountryInfo.txt         primary phrase (a comment after '#')
    +VLADIMIR_VLADIMIROVICH_PUTIN_             synonym
    \t[RUSGOV 991231-080507]                   code with a date restriction: from-to
    \t[RUSGOV >080508]                         from this day on (open)
    \t[USRBLR <910825]                         until this day
    \t[RUSELI]                                 default code (when no restriction applies)

A primary phrase may carry its default code inline (``RUSSIAN_FEDERATION_  [RUS]``). Primary
phrases that follow one another with no code between them share the codes that follow, as in
PETRARCH2 (``DMITRY_MEDVEDEV_`` and ``DMITR_MEDVEDEV_``): they become one actor with aliases.

Dates are ``YYMMDD`` or ``YYYYMMDD``. Two-digit years follow the KEDS/TABARI/PETRARCH rule:
00-30 are 20YY, 31-99 are 19YY. The file was generated in 2014, so no date after 2030 can be
meant, and CountryInfo writes pre-1931 dates with four digits (``[BLRELI 19210101-430306]``).

What becomes what:

- a record whose primary phrase is marked ``# CountryInfo.txt`` is a **person**: the name
  title-cased, synonyms as aliases (minus phrases with a title in them, "PRESIDENT_PUTIN_", and
  lone surnames, which SCHEMA.md keeps out of aliases), country and sector from the code that
  applies today (an open ``>`` range, else the default code, else the latest-ending range):
  Putin is RUSGOV (``[RUSGOV >080508]``), Yeltsin RUSELI;
- a record whose current code is a bare three-letter code is a **country**, historical ones
  too (``CZECHOSLOVAKIA`` [CSK 1918-1993]); its synonyms hold capitals, cities and regions as
  well, since Phoenix codes "Moscow" as RUS (metonymy to review, not names of the state);
- any other record is an agency, party, company, media outlet or group by its sector.

Each date-restricted GOV code of a person is also returned as a ``RoleSpell``: Phoenix says
"government", not which office, and its open ranges were never closed after 2013, so spells
seed curation and cross-checks; they are not terms. Lines that cannot be read are returned as
``ParseProblem`` with their line numbers; reading goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dossier.kb.importers import (
    ACTOR_COLUMNS,
    ParseProblem,
    actor_row,
    record_row,
    refuse_package_folder,
    slug,
    write_csv,
)
from dossier.kb.loader import normalise_name
from dossier.kb.records import SECTOR_CODES, Actor

#: Columns of the role-spell file written beside the actors.
ROLE_COLUMNS = ("person", "name", "country", "sector", "code", "start", "end", "source")

_CODE_LINE = re.compile(r"\A\[(?P<code>[^\s\]]+)(?:\s+(?P<restriction>[^\]]*?))?\s*\]\Z")
_PRIMARY = re.compile(r"\A(?P<phrase>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\])?\s*\Z")
_DATE = re.compile(r"\A\d{6}(?:\d{2})?\Z")
_RANGE = re.compile(r"\A(?P<start>\d+)\s*-\s*(?P<end>\d+)\Z")
_OPEN = re.compile(r"\A(?P<op>[<>])\s*(?P<day>\d+)\Z")
_COUNTRY = re.compile(r"\A[A-Z]{3}\Z")

#: Words that make a synonym a title phrase ("RUSSIAN_PRESIDENT_VLADIMIR_PUTIN"), not a name.
_TITLE_WORDS = frozenset(
    {
        "PRESIDENT",
        "PRESIDENT-ELECT",
        "PRIME",
        "MINISTER",
        "PREMIER",
        "CHANCELLOR",
        "SECRETARY",
        "CHAIRMAN",
        "LEADER",
        "GOVERNOR",
        "MAYOR",
        "SPEAKER",
        "AMBASSADOR",
        "SENATOR",
        "GENERAL",
        "COMMANDER",
        "CHIEF",
        "DEPUTY",
        "FORMER",
        "PARTY",
        "MR.",
        "MRS.",
        "DR.",
    }
)
#: Particles and small words kept in lower case inside a name ("Bashar al-Assad", "Republic of
#: Belarus").
_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "de", "del", "della", "da", "das", "do", "dos", "du"}
    | {"van", "von", "der", "den", "la", "le", "ul", "ud", "of", "the", "and", "for", "on"}
)
_ROMAN = re.compile(r"\A[IVX]+\Z")
#: Actor type and id prefix of a non-person, non-country record, by its sector.
_TYPE_BY_SECTOR = {
    "GOV": ("agency", "agency"),
    "LEG": ("agency", "agency"),
    "JUD": ("agency", "agency"),
    "MIL": ("agency", "agency"),
    "COP": ("agency", "agency"),
    "SPY": ("agency", "agency"),
    "PTY": ("party", "party"),
    "BUS": ("company", "org"),
    "MED": ("media", "media"),
    "IGO": ("igo", "igo"),
}


@dataclass(frozen=True)
class CodeRestriction:
    """One bracketed code of an entry, with its date restriction (None: unbounded)."""

    code: str
    start: str | None
    end: str | None
    line: int
    default: bool = False

    @property
    def country(self) -> str | None:
        """The first three letters of the code when they are a country ("RUSGOV" -> "RUS");
        None for a code that starts with a sector ("IMGSYR", "IGOUNO")."""
        head = self.code[:3]
        return head if _COUNTRY.match(head) and head not in SECTOR_CODES else None

    @property
    def sector(self) -> str | None:
        """The sector after the country ("RUSGOVBUS" -> "GOV"), or the leading sector of a
        code without a country ("IMGSYR" -> "IMG"); None if not a known sector."""
        sector = self.code[3:6] if self.country else self.code[:3]
        return sector if sector in SECTOR_CODES else None


@dataclass(frozen=True)
class RoleSpell:
    """A person's date-restricted GOV code: in government of ``country`` from start to end."""

    person: str  # actor id of the imported person
    name: str
    country: str
    sector: str
    code: str
    start: str | None
    end: str | None  # None: open (Phoenix's ">" ranges were never closed after 2013)
    source: str


@dataclass
class PhoenixEntry:
    """One dictionary record: its phrases (the first is the primary) and its codes."""

    line: int
    phrases: list[str]
    person: bool
    codes: list[CodeRestriction] = field(default_factory=list)


@dataclass(frozen=True)
class PhoenixImport:
    """What ``import_phoenix`` read: actors, role spells, and the lines it could not read."""

    actors: list[Actor]
    roles: list[RoleSpell]
    problems: list[ParseProblem]
    entries: int


def read_entries(path: Path) -> tuple[list[PhoenixEntry], list[ParseProblem]]:
    """The raw records of a Phoenix/TABARI actor file and the lines that could not be read."""
    entries: list[PhoenixEntry] = []
    problems: list[ParseProblem] = []
    current: PhoenixEntry | None = None
    text = path.read_bytes().decode("utf-8", errors="replace")
    in_xml_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if "---STOP---" in raw:
            break
        line, in_xml_comment = _strip_xml_comment(raw, in_xml_comment)
        content, _, comment = line.partition("#")
        if not content.strip():
            continue
        if content[0] in " \t":
            if current is None:
                problems.append(ParseProblem(number, raw, "code line before any entry"))
                continue
            restriction = _parse_code(content.strip(), number)
            if isinstance(restriction, str):
                problems.append(ParseProblem(number, raw, restriction))
            else:
                current.codes.append(restriction)
        elif content.startswith("+"):
            if current is None:
                problems.append(ParseProblem(number, raw, "synonym before any entry"))
                continue
            phrase = content[1:].strip()
            if "[" in phrase:
                problems.append(ParseProblem(number, raw, "code on a synonym line ignored"))
                phrase = phrase.partition("[")[0].strip()
            if phrase:
                current.phrases.append(phrase)
        else:
            match = _PRIMARY.match(content.strip())
            if match is None or not match.group("phrase"):
                problems.append(ParseProblem(number, raw, "unreadable primary phrase"))
                continue
            phrase, inline = match.group("phrase"), match.group("code")
            person = "countryinfo" in comment.lower()
            # PETRARCH2: consecutive primaries with no code yet share the codes that follow.
            if current is not None and not current.codes and inline is None:
                current.phrases.append(phrase)
                current.person = current.person or person
                continue
            current = PhoenixEntry(number, [phrase], person)
            entries.append(current)
            if inline is not None:
                restriction = _parse_code(f"[{inline.strip()}]", number)
                if isinstance(restriction, str):
                    problems.append(ParseProblem(number, raw, restriction))
                else:
                    current.codes.append(restriction)
    for entry in entries:
        if not entry.codes:
            problems.append(
                ParseProblem(entry.line, entry.phrases[0], "entry has no code; skipped")
            )
    return [e for e in entries if e.codes], problems


def import_phoenix(path: Path) -> PhoenixImport:
    """Read ``Phoenix.Countries.actors.txt`` (or a file in its format) into KB actor rows.

    path: the dictionary file.
    Returns actors (persons, countries, agencies, ...), the persons' dated GOV role spells, and
    the lines that could not be read, each with its number.
    """
    entries, problems = read_entries(path)
    actors: dict[str, Actor] = {}
    roles: list[RoleSpell] = []
    lines: dict[str, int] = {}  # actor id -> line of its entry
    for entry in entries:
        source = f"{path.name}#L{entry.line}"
        current = _current_code(entry.codes)
        name = title_case(entry.phrases[0])
        if entry.person:
            actor_id = _unique(f"person:{slug(name)}", actors)
            lines[actor_id] = entry.line
            actors[actor_id] = Actor(
                actor_id,
                name,
                "person",
                current.country,
                current.sector,
                None,
                _aliases(name, entry.phrases[1:], person=True),
                source,
            )
            roles.extend(
                RoleSpell(
                    actor_id,
                    name,
                    code.country,
                    "GOV",
                    code.code,
                    code.start,
                    code.end,
                    f"{path.name}#L{code.line}",
                )
                for code in entry.codes
                if code.sector == "GOV"
                and code.country
                and (code.start is not None or code.end is not None)
            )
        elif _COUNTRY.match(current.code) and current.code not in SECTOR_CODES:
            actor_id = f"country:{current.code}"
            aliases = _aliases(name, entry.phrases[1:], person=False)
            if actor_id in actors:  # a second block for the same country: merge its names
                known = actors[actor_id]
                merged = _aliases(known.name, [*known.aliases, name, *aliases], person=False)
                actors[actor_id] = Actor(
                    known.id, known.name, "country", known.country, None, None, merged, known.source
                )
                continue
            actors[actor_id] = Actor(
                actor_id, name, "country", current.code, None, None, aliases, source
            )
        else:
            kind, prefix = _TYPE_BY_SECTOR.get(current.sector or "", ("group", "group"))
            actor_id = _unique(f"{prefix}:{slug(name)}", actors)
            lines[actor_id] = entry.line
            actors[actor_id] = Actor(
                actor_id,
                name,
                kind,
                current.country,
                current.sector,
                None,
                _aliases(name, entry.phrases[1:], person=False),
                source,
            )
    # The loader wants every country an actor names to be a country actor too.
    countries = {a.country for a in actors.values() if a.type == "country"}
    for actor_id, actor in actors.items():
        if actor.country and actor.country not in countries:
            problems.append(
                ParseProblem(
                    lines.get(actor_id, 0),
                    actor.name,
                    f"code country {actor.country} has no country entry; country left empty",
                )
            )
            actors[actor_id] = replace(actor, country=None)
    return PhoenixImport(list(actors.values()), roles, problems, len(entries))


def write_phoenix(result: PhoenixImport, out_dir: Path) -> list[Path]:
    """Write ``actors_phoenix.csv`` (SCHEMA.md columns) and ``phoenix_roles.csv`` to ``out_dir``.

    Raises ValueError when ``out_dir`` is the package's own ``kb/data`` folder.
    """
    refuse_package_folder(out_dir)
    actors = write_csv(
        out_dir / "actors_phoenix.csv", ACTOR_COLUMNS, (actor_row(a) for a in result.actors)
    )
    roles = write_csv(
        out_dir / "phoenix_roles.csv",
        ROLE_COLUMNS,
        (record_row(r, ROLE_COLUMNS) for r in result.roles),
    )
    return [actors, roles]


def title_case(phrase: str) -> str:
    """A dictionary phrase as a name: "ALYAKSANDR_LUKASHENKA_" -> "Alyaksandr Lukashenka"."""
    words = phrase.replace("_", " ").split()
    cased = []
    for position, word in enumerate(words):
        parts = re.split(r"([-'])", word)
        out = []
        for index, part in enumerate(parts):
            lower = part.lower()
            first = position == 0 and index == 0
            alone_at_end = position == len(words) - 1 and len(parts) == 1
            if part in ("-", "'") or not part:
                out.append(part)
            elif _ROMAN.match(part) and position > 0:
                out.append(part)  # "Alexander II"
            elif lower in _PARTICLES and not first and not alone_at_end:
                out.append(lower)  # "Bashar al-Assad", "Ursula von der Leyen"
            elif lower.startswith("mc") and len(lower) > 2:
                out.append("Mc" + lower[2].upper() + lower[3:])
            else:
                letter = next((i for i, c in enumerate(lower) if c.isalpha()), 0)
                out.append(lower[:letter] + lower[letter:].capitalize())
        cased.append("".join(out))
    return " ".join(cased)


# --- helpers -------------------------------------------------------------------------------


def _strip_xml_comment(line: str, inside: bool) -> tuple[str, bool]:
    """``line`` without ``<!-- ... -->`` comments; whether a comment is still open after it."""
    kept = ""
    rest = line
    while rest:
        if inside:
            end = rest.find("-->")
            if end < 0:
                return kept, True
            rest, inside = rest[end + 3 :], False
        else:
            start = rest.find("<!--")
            if start < 0:
                return kept + rest, False
            kept, rest, inside = kept + rest[:start], rest[start + 4 :], True
    return kept, inside


def _parse_code(text: str, line: int) -> CodeRestriction | str:
    """A bracketed code with its restriction, or the reason it cannot be read."""
    match = _CODE_LINE.match(text)
    if match is None:
        return "not a [CODE restriction] line"
    code, restriction = match.group("code"), (match.group("restriction") or "").strip()
    if not re.fullmatch(r"[A-Z0-9]+", code):
        return f"bad code {code!r}"
    if not restriction:
        return CodeRestriction(code, None, None, line, default=True)
    opened = _OPEN.match(restriction)
    if opened:
        day = _parse_day(opened.group("day"))
        if day is None:
            return f"bad date {opened.group('day')!r}"
        if opened.group("op") == ">":
            return CodeRestriction(code, day, None, line)
        return CodeRestriction(code, None, day, line)
    ranged = _RANGE.match(restriction)
    if ranged:
        start, end = _parse_day(ranged.group("start")), _parse_day(ranged.group("end"))
        if start is None or end is None:
            return f"bad date in range {restriction!r}"
        if end < start:
            return f"range ends before it starts ({start} > {end})"
        return CodeRestriction(code, start, end, line)
    return f"unknown date restriction {restriction!r} (want <date, >date or date-date)"


def _parse_day(digits: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` as an ISO date; two-digit years 00-30 are 20YY, else 19YY."""
    if not _DATE.match(digits):
        return None
    if len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    else:
        two = int(digits[:2])
        year, rest = (2000 + two if two <= 30 else 1900 + two), digits[2:]
    try:
        return date(year, int(rest[:2]), int(rest[2:])).isoformat()
    except ValueError:
        return None


def _current_code(codes: list[CodeRestriction]) -> CodeRestriction:
    """The code that applies today, as PETRARCH2 would code a story of today: an open ``>``
    range (the latest), else the default code, else the latest-ending range."""
    opened = [c for c in codes if c.start is not None and c.end is None]
    if opened:
        return max(opened, key=lambda c: c.start or "")
    defaults = [c for c in codes if c.default]
    if defaults:
        return defaults[-1]
    return max(codes, key=lambda c: (c.end or "", c.start or ""))


def _aliases(name: str, phrases: list[str], person: bool) -> tuple[str, ...]:
    """Distinct alias names from synonym phrases, minus the name itself and (for persons)
    title phrases and lone surnames."""
    seen = {normalise_name(name)}
    found: list[str] = []
    for phrase in phrases:
        words = phrase.replace("_", " ").split()
        if not words:
            continue
        if person and (len(words) == 1 or any(w.upper() in _TITLE_WORDS for w in words)):
            continue
        alias = phrase if phrase[:1].islower() else title_case(phrase)
        key = normalise_name(alias)
        if key and key not in seen:
            seen.add(key)
            found.append(alias)
    return tuple(found)


def _unique(actor_id: str, taken: dict[str, Actor]) -> str:
    """``actor_id``, or ``actor_id-2``, ``-3``, ... when a namesake already has it."""
    if actor_id not in taken:
        return actor_id
    number = 2
    while f"{actor_id}-{number}" in taken:
        number += 1
    return f"{actor_id}-{number}"
