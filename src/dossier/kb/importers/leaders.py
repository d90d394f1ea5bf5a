"""Effective-leader spells from REIGN and Archigos, and their cross-check against the curated KB.

Both datasets code one *effective* ruler per state and day, not a title: Putin rules Russia
from 2000 on throughout, Medvedev's presidency is not there. So the cross-check counts a leader
as agreeing with the curated knowledge base when he or she holds EITHER the head-of-state or the
head-of-government office of that country on that day (Putin as Prime Minister 2008-2012 agrees).

- REIGN ``leaderlist_*.csv`` (latin-1): ``ccode`` is a Correlates of War number; a spell starts
  on a day (``sdate``/``smonth``/``syear``) and ends on a month (``emonth``/``eyear``), empty
  while still in office at the end of the data (March 2021 for release 3_21).
- Archigos 4.1 (CSV from the Stata file): ``ccode`` is a Gleditsch-Ward number, mapped through
  the same table (the two agree for every post-Soviet state; the few that differ are added in
  ``SUPPLEMENT``); ``startdate``/``enddate`` are days, and "Still in Office" means censored at
  2015-12-31.

COW numbers become ISO3 through NGEC's ``cow2iso.txt`` (``read_cow_to_iso3``), or any map given.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from dossier.kb.importers import ParseProblem, record_row, refuse_package_folder, write_csv
from dossier.kb.loader import KnowledgeBase
from dossier.kb.queries import names_match
from dossier.kb.records import Term

REIGN = "REIGN"
ARCHIGOS = "Archigos"
#: Kinds of disagreement ``compare_with_curated`` reports.
MISSING_IN_CURATED = "missing in curated"
DIFFERENT_PERSON = "different person"
#: Offices counted as "the leader" of a country.
LEADER_OFFICE_KINDS = ("head_of_state", "head_of_government")
#: COW/GW numbers cow2iso.txt has no ISO3 for, or that only Gleditsch-Ward uses.
SUPPLEMENT = {221: "MCO", 223: "LIE", 340: "SRB", 347: "XKX", 713: "TWN", 816: "VNM"}
SPELL_COLUMNS = ("dataset", "country", "leader", "start", "end", "observed_until", "source")

_ISO_DAY = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")


def offset_kind(window_days: int = 31) -> str:
    """The disagreement kind for a transition the datasets date a few days apart."""
    return f"date offset ≤ {window_days} days"


@dataclass(frozen=True)
class LeaderSpell:
    """One effective leader's time in power in one country, as a dataset codes it.

    end: an ISO day, a ``YYYY-MM`` month (REIGN ends are month precision), or None when the
        leader was still in office at ``observed_until``, the last day the dataset covers.
    """

    dataset: str
    country: str
    leader: str
    start: str
    end: str | None
    observed_until: str | None
    source: str

    def last_sure_day(self) -> str | None:
        """The latest day the dataset vouches the leader was in office.

        A day-precision end gives the day before it: that day is the handover, which both
        leaders' spells cover. A month-precision end gives the month's first day (the leader
        left some day that month). An open spell gives ``observed_until``.
        """
        if self.end is None:
            return max(self.observed_until, self.start) if self.observed_until else None
        if len(self.end) == 10:
            day = (date.fromisoformat(self.end) - timedelta(days=1)).isoformat()
        elif len(self.end) == 7:
            day = f"{self.end}-01"
        else:
            day = f"{self.end[:4]}-01-01"
        return max(day, self.start)

    def sample_days(self) -> tuple[str, ...]:
        """Start, middle and last sure day of the spell, distinct, in order."""
        last = self.last_sure_day()
        if last is None:
            return (self.start,)
        first, final = date.fromisoformat(self.start), date.fromisoformat(last)
        middle = first + (final - first) / 2
        return tuple(sorted({self.start, middle.isoformat(), last}))


@dataclass(frozen=True)
class LeadersImport:
    """Spells read from one dataset, and the rows that could not be read."""

    spells: list[LeaderSpell]
    problems: list[ParseProblem]
    read: int
    dataset: str = ""
    file: str = ""


@dataclass(frozen=True)
class Disagreement:
    """A day on which a dataset's effective leader is not a curated head of state or
    government of the same country.

    curated: the curated holders that day, as "Name (Office)"; empty when none.
    kind: ``missing in curated``, ``different person`` or ``date offset ≤ 31 days``.
    """

    country: str
    day: str
    dataset: str
    dataset_leader: str
    curated: tuple[str, ...]
    kind: str
    source: str
    detail: str = ""


# --- reading ---------------------------------------------------------------------------------


def read_cow_to_iso3(path: Path) -> dict[int, str]:
    """COW country number -> ISO3 from NGEC's ``cow2iso.txt`` (the newest valid row wins),
    completed with ``SUPPLEMENT``."""
    best: dict[int, tuple[int, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            iso3 = (row.get("iso3") or "").strip()
            try:
                cow = int(row.get("cow_id") or "")
            except ValueError:
                continue
            if not iso3:
                continue
            until = int(row.get("valid_until") or 9999)
            if cow not in best or until > best[cow][0]:
                best[cow] = (until, iso3)
    codes = {cow: iso3 for cow, (_, iso3) in best.items()}
    for cow, iso3 in SUPPLEMENT.items():
        codes.setdefault(cow, iso3)
    return codes


def import_reign(path: Path, cow_to_iso3: dict[int, str]) -> LeadersImport:
    """Leader spells from a REIGN ``leaderlist_*.csv`` (latin-1; UTF-8 lines are read as such).

    path: the leader list.
    cow_to_iso3: COW number -> ISO3 (``read_cow_to_iso3``).
    """
    spells: list[LeaderSpell] = []
    problems: list[ParseProblem] = []
    rows = list(_csv_rows(path))
    latest = ""
    for line, row, text, country in _rows_in_countries(rows, cow_to_iso3, problems, "COW code"):
        start = _day(row.get("syear"), row.get("smonth"), row.get("sdate"))
        if start is None:
            problems.append(ParseProblem(line, text, "bad start date"))
            continue
        end: str | None = None
        if (row.get("eyear") or "").strip():
            end = _month(row.get("eyear"), row.get("emonth"))
            if end is None:
                problems.append(ParseProblem(line, text, "bad end month"))
                continue
        latest = max(latest, start[:7], end or "")
        spells.append(
            LeaderSpell(
                REIGN,
                country,
                (row.get("leader") or "").strip(),
                start,
                end,
                None,
                f"{path.name}#L{line}",
            )
        )
    # REIGN does not say when it stops; the latest month it mentions is the last it covers.
    observed = f"{latest[:7]}-01" if len(latest) >= 7 else None
    spells = [s if s.end is not None else replace(s, observed_until=observed) for s in spells]
    return LeadersImport(spells, problems, len(rows), REIGN, path.name)


def import_archigos(path: Path, cow_to_iso3: dict[int, str]) -> LeadersImport:
    """Leader spells from the Archigos 4.1 CSV (``ccode`` Gleditsch-Ward, mapped as COW).

    path: ``archigos_4.1.csv``.
    cow_to_iso3: COW/GW number -> ISO3 (``read_cow_to_iso3``).
    """
    spells: list[LeaderSpell] = []
    problems: list[ParseProblem] = []
    rows = list(_csv_rows(path))
    for line, row, text, country in _rows_in_countries(rows, cow_to_iso3, problems, "code"):
        start, end = (row.get("startdate") or "").strip(), (row.get("enddate") or "").strip()
        if not _valid_day(start) or not _valid_day(end):
            problems.append(ParseProblem(line, text, "bad start or end date"))
            continue
        censored = (row.get("exit") or "").strip().lower() == "still in office"
        spells.append(
            LeaderSpell(
                ARCHIGOS,
                country,
                (row.get("leader") or "").strip(),
                start,
                None if censored else end,
                end if censored else None,
                f"{path.name}#L{line}",
            )
        )
    return LeadersImport(spells, problems, len(rows), ARCHIGOS, path.name)


def write_spells(spells: Iterable[LeaderSpell], path: Path) -> Path:
    """Write spells as CSV (``SPELL_COLUMNS``); refuses the package's ``kb/data`` folder."""
    refuse_package_folder(path.parent)
    return write_csv(path, SPELL_COLUMNS, (record_row(s, SPELL_COLUMNS) for s in spells))


# --- the cross-check -------------------------------------------------------------------------


def compare_with_curated(
    kb: KnowledgeBase,
    spells: Sequence[LeaderSpell],
    countries: Iterable[str] | None = None,
    window_days: int = 31,
    today: str | None = None,
) -> list[Disagreement]:
    """Where a dataset's effective leader is not the curated head of state or government.

    Each spell is sampled on its start, middle and last sure day (``LeaderSpell.sample_days``).
    A day agrees when the leader's name (normalised; surname with transliteration slack, or an
    alias) matches a holder of a ``head_of_state`` or ``head_of_government`` office of the
    country that day. Days before the country's first curated term, or after ``today``, are
    not checked: the curated files say nothing there. A day that does not agree is

    - a date offset when the leader holds one of those offices within ``window_days``;
    - missing in curated when no curated term covers the day, or when the curated history of
      one of those offices begins later (the UK's prime ministers before the first curated
      one: the monarch alone is not "a different person");
    - a different person otherwise.

    kb: the curated knowledge base.
    spells: spells from ``import_reign`` / ``import_archigos``.
    countries: ISO3 codes to check; default every country with curated leader terms.
    window_days: a leader holding the office within this many days of the sampled day is a
        date offset (REIGN ends are month precision), not a different person.
    today: ISO date after which nothing is checked (default: today).
    """
    terms: dict[str, list[Term]] = defaultdict(list)  # leader terms by country
    for term in kb.terms:
        office = kb.offices.get(term.office)
        if office is not None and office.kind in LEADER_OFFICE_KINDS and office.country:
            terms[office.country].append(term)
    wanted = {c.upper() for c in countries} if countries is not None else set(terms)
    first_day = {country: min(t.start for t in found) for country, found in terms.items()}
    # The day each leader office's curated history begins: before it, the office's holder is
    # unknown to the curated files, not someone other than the dataset's leader.
    office_begins: dict[str, dict[str, str]] = defaultdict(dict)
    for country, found in terms.items():
        for term in found:
            begins = office_begins[country].get(term.office)
            office_begins[country][term.office] = min(begins or term.start, term.start)
    today = today or date.today().isoformat()
    window = timedelta(days=window_days)
    found: list[Disagreement] = []
    for spell in spells:
        if spell.country not in wanted:
            continue
        for day in spell.sample_days():
            if spell.country not in first_day or day < first_day[spell.country] or day > today:
                continue
            holding = [t for t in terms[spell.country] if t.covers(day) and t.holder in kb.actors]
            if any(names_match(spell.leader, kb.actors[t.holder]) for t in holding):
                continue
            curated = tuple(
                f"{kb.actors[t.holder].name} ({kb.offices[t.office].name})" for t in holding
            )
            near = _nearby_term(kb, spell, terms[spell.country], day, window)
            if near is not None:
                kind = offset_kind(window_days)
                detail = (
                    f"curated {kb.actors[near.holder].name} in {kb.offices[near.office].name} "
                    f"{near.start}..{near.end or 'now'}"
                )
            elif not holding:
                kind, detail = MISSING_IN_CURATED, "no curated head of state or government"
            elif uncurated := [
                kb.offices[o].name
                for o, begins in office_begins[spell.country].items()
                if day < begins
            ]:
                kind = MISSING_IN_CURATED
                detail = f"curated terms of {', '.join(sorted(uncurated))} begin later"
            else:
                kind, detail = DIFFERENT_PERSON, ""
            found.append(
                Disagreement(
                    spell.country,
                    day,
                    spell.dataset,
                    spell.leader,
                    curated,
                    kind,
                    spell.source,
                    detail,
                )
            )
    return sorted(found, key=lambda d: (d.country, d.day, d.dataset))


# --- helpers -----------------------------------------------------------------------------------


def _nearby_term(
    kb: KnowledgeBase, spell: LeaderSpell, terms: list[Term], day: str, window: timedelta
) -> Term | None:
    """A curated leader term of the spell's leader within ``window`` of ``day``."""
    sampled = date.fromisoformat(day)
    low, high = (sampled - window).isoformat(), (sampled + window).isoformat()
    for term in terms:
        actor = kb.actors.get(term.holder)
        if actor is None or not names_match(spell.leader, actor):
            continue
        if term.start <= high and (term.end is None or term.end >= low):
            return term
    return None


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with their line numbers; each line is UTF-8 if it decodes so, else latin-1."""
    lines = []
    for raw in path.read_bytes().splitlines(keepends=True):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("latin-1"))
    reader = csv.DictReader(io.StringIO("".join(lines)))
    for row in reader:
        yield reader.line_num, {k: v if isinstance(v, str) else "" for k, v in row.items() if k}


def _rows_in_countries(
    rows: Iterable[tuple[int, dict[str, str]]],
    cow_to_iso3: dict[int, str],
    problems: list[ParseProblem],
    code_name: str,
) -> Iterator[tuple[int, dict[str, str], str, str]]:
    """``(line, row, its text, ISO3 country)`` for each row whose ``ccode`` has an ISO3 code;
    a problem for each other row (``code_name``: what the dataset's codes are called)."""
    for line, row in rows:
        text = ",".join(row.values())
        country = _country(row.get("ccode"), cow_to_iso3)
        if country is None:
            reason = f"no ISO3 for {code_name} {row.get('ccode')!r}"
            problems.append(ParseProblem(line, text, reason))
            continue
        yield line, row, text, country


def _country(code: str | None, cow_to_iso3: dict[int, str]) -> str | None:
    try:
        return cow_to_iso3.get(int(float((code or "").strip())))
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(float((value or "").strip()))
    except ValueError:
        return None


def _day(year: str | None, month: str | None, day: str | None) -> str | None:
    y, m, d = _int(year), _int(month), _int(day)
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(year: str | None, month: str | None) -> str | None:
    y, m = _int(year), _int(month)
    if y is None:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    return f"{y:04d}-{m:02d}"


def _valid_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return bool(_ISO_DAY.match(value))


def read_leader_datasets(
    shared_kb: Path, cow_to_iso3: dict[int, str] | None = None
) -> list[LeadersImport]:
    """REIGN and Archigos spells from a folder laid out as the shared ``kb`` folder.

    shared_kb: holds ``reign/**/leaderlist_*.csv``, ``archigos/**/archigos*.csv`` and
        ``ngec_polecat/**/cow2iso.txt`` (the newest leader list by name is used).
    cow_to_iso3: a code map to use instead of ``cow2iso.txt``.
    Raises FileNotFoundError naming what is missing.
    """
    reign = sorted(shared_kb.glob("reign/**/leaderlist_*.csv"))
    archigos = sorted(shared_kb.glob("archigos/**/archigos*.csv"))
    cow = sorted(shared_kb.glob("ngec_polecat/**/cow2iso.txt"))
    missing = [
        what
        for what, found in (
            ("reign/**/leaderlist_*.csv", reign),
            ("archigos/**/archigos*.csv", archigos),
            ("ngec_polecat/**/cow2iso.txt", cow if cow_to_iso3 is None else [shared_kb]),
        )
        if not found
    ]
    if missing:
        raise FileNotFoundError(f"{shared_kb} lacks {', '.join(missing)}")
    codes = cow_to_iso3 if cow_to_iso3 is not None else read_cow_to_iso3(cow[0])
    return [import_reign(reign[-1], codes), import_archigos(archigos[-1], codes)]
