"""Cross-report merging: event facts of several reports that tell one event, linked as one.

A corpus-level stage over stored events (the driver is ``drivers/events.py``), as statements are
over quotes. GDELT counts a signing once per article that mentions it; a reader wants it once,
with every report kept as its source and counted (reports, documents, outlets).

Two reports are of one event when all of these hold:

- **Type**: the same PLOVER type. A signing and a sanction on one day by one pair are two events.
- **Actors**: their actor sets overlap, an actor matching by KB id, or by country where one of
  the two stands for its state ("Russia", the Russian government ~ Putin; two American
  politicians are not one actor because both are American). For the symmetric types (AGREE,
  CONSULT, COOPERATE), where one outlet codes "Russia and Belarus signed" with both as sources
  and another "Russia signed with Belarus" with a target, the sets compared are all of each
  report's actors. For the others direction matters (Russia's sanction
  on Ukraine is not Ukraine's on Russia): sources must overlap where both reports have sources,
  targets where both have targets.
- **Date**: within the window the two dates' precision allows. Each date is read as the days it
  may mean (``2011-11-18`` one day, ``2011-11`` thirty, ``2012-W03`` seven); two day-precise
  dates may lie a day apart (the wire's "Thursday" and a paper's "Friday" across midnight), any
  other pair must share a day (``2011-11`` holds ``2011-11-18``). A date vaguer than a month
  (a year, a season, a quarter), or none, cannot tell two events apart: such a report merges
  only with reports in documents of its own story (near-duplicate copies of one article).
- **Modality**: asserted and future reports of one event merge (the signing announced, then
  done); negated and hypothetical ones merge only with their like; generic ones ("when Russia
  wants attention it cuts the gas") are no event and never merge.

Reports are taken in the order their documents were stored, so a merged event's id is its first
report's fact id. Each joins the open merged event it fits best (the most actors in common),
and only one whose every report it fits: chaining "18th ~ 19th ~ 20th" never makes the 18th one
event with the 20th. Candidates come from an index by type and day (by month for a vaguer date)
and by type and story, so a report is compared only with events of its type within its date's
window, never the whole corpus.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from dossier.model import EventActor

#: Types whose actors act together: which actors a report codes as the target is a choice of
#: wording, not a difference between events.
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
#: Longest span a date may cover and still tell two events apart (a month).
MAX_WINDOW_DAYS = 31
#: Modalities that may merge with one another; a modality in no group merges with nothing.
MODALITY_GROUPS = {"asserted": "real", "future": "real", "negated": "negated"} | {
    "hypothetical": "hypothetical"
}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class EventReport:
    """One stored event fact, with what merging needs of its document.

    seq: the document's storage order; story_id: its near-duplicate story.
    pub_date, outlet: the document's publication date and outlet.
    """

    fact_id: str
    doc_id: str
    seq: int
    story_id: str
    pub_date: str | None
    outlet: str | None
    start: int
    event_type: str
    source: tuple[EventActor, ...]
    target: tuple[EventActor, ...]
    date: str | None
    modality: str
    cameo: str | None = None
    goldstein: float | None = None


@dataclass
class MergedEvent:
    """Reports of one event. ``merged_id`` is the first report's fact id."""

    reports: list[EventReport] = field(default_factory=list)

    @property
    def merged_id(self) -> str:
        return self.reports[0].fact_id

    @property
    def first(self) -> EventReport:
        return self.reports[0]

    @property
    def event_type(self) -> str:
        return self.first.event_type

    @property
    def documents(self) -> list[str]:
        """Documents reporting it, in order of first report."""
        return list(dict.fromkeys(report.doc_id for report in self.reports))

    @property
    def outlets(self) -> list[str]:
        """Outlets reporting it, in order of first report."""
        return list(dict.fromkeys(r.outlet for r in self.reports if r.outlet))

    @property
    def date(self) -> str | None:
        """The most precise date its reports give; of those, the one most give, then the
        earliest."""
        widths: dict[str, int] = {}
        for report in self.reports:
            span = days(report.date)
            if report.date and span is not None:
                widths[report.date] = (span[1] - span[0]).days
        if not widths:
            return None
        counts = Counter(r.date for r in self.reports if r.date in widths)
        return min(widths, key=lambda value: (widths[value], -counts[value], value))

    @property
    def source(self) -> tuple[EventActor, ...]:
        return union(r.source for r in self.reports)

    @property
    def target(self) -> tuple[EventActor, ...]:
        return union(r.target for r in self.reports)

    @property
    def modality(self) -> str:
        """``asserted`` if any report asserts it, else the commonest."""
        found = Counter(report.modality for report in self.reports)
        return "asserted" if found["asserted"] else found.most_common(1)[0][0]

    @property
    def cameo(self) -> str | None:
        """The CAMEO code most reports give (the first report's on a tie)."""
        codes = Counter(report.cameo for report in self.reports if report.cameo)
        return max(codes, key=lambda code: codes[code]) if codes else None

    @property
    def goldstein(self) -> float | None:
        """The score of the first report carrying the chosen CAMEO code."""
        for report in self.reports:
            if report.cameo == self.cameo and report.goldstein is not None:
                return report.goldstein
        return next((r.goldstein for r in self.reports if r.goldstein is not None), None)


def union(sets: Iterable[tuple[EventActor, ...]]) -> tuple[EventActor, ...]:
    """Actors of several reports once each (by KB id, else by name and country), in order."""
    seen: dict[tuple[str | None, ...], EventActor] = {}
    for actors in sets:
        for actor in actors:
            key = (actor.actor_id,) if actor.actor_id else (None, actor.actor, actor.country)
            seen.setdefault(key, actor)
    return tuple(seen.values())


@lru_cache(maxsize=65536)
def days(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value may mean, None when it is no calendar date
    (``PRESENT_REF``, ``XXXX-12-25``) or spans more than ``MAX_WINDOW_DAYS``."""
    if not value:
        return None
    try:
        if found := _DAY.match(value):
            day = date(*map(int, found.groups()))
            return day, day
        if found := _MONTH.match(value):
            year, month = map(int, found.groups())
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if found := _WEEK.match(value):
            monday = date.fromisocalendar(int(found[1]), int(found[2]), 1)
            return monday, monday + timedelta(days=6)
    except ValueError:
        return None
    return None


def dates_agree(a: str | None, b: str | None) -> bool | None:
    """Whether two dates may be one event's: True or False, or None when either is too vague
    (or absent) to tell."""
    first, second = days(a), days(b)
    if first is None or second is None:
        return None
    # Two single days may be one apart; any vaguer date must share a day with the other.
    slack = 1 if first[0] == first[1] and second[0] == second[1] else 0
    gap = max(first[0], second[0]) - min(first[1], second[1])
    return gap.days <= slack


#: KB id prefixes of actors that stand for their whole state: a report naming "Russia" or its
#: government and one naming Putin may tell one event; one naming Trump and one naming a
#: congressman are two sides of American politics, not one actor.
STATE_PREFIXES = ("country:", "gov:")


def _shared(mine: Iterable[EventActor], theirs: Iterable[EventActor]) -> int:
    """How many actors two sets share: by KB id, or by country where one of the two actors
    stands for its state (a country or its government)."""
    mine, theirs = list(mine), list(theirs)
    ids = {a.actor_id for a in mine if a.actor_id} & {a.actor_id for a in theirs if a.actor_id}
    states = {a.country for a in (*mine, *theirs) if _is_state(a) and a.country}
    countries = {a.country for a in mine if a.country} & {a.country for a in theirs if a.country}
    # A state counts by its country only when the other set has that country too; an actor
    # already matched by id adds nothing more.
    by_country = {c for c in countries & states if not any(
        a.country == c and a.actor_id in ids for a in (*mine, *theirs)
    )}  # fmt: skip
    return len(ids) + len(by_country)


def _is_state(actor: EventActor) -> bool:
    return (actor.actor_id or "").startswith(STATE_PREFIXES)


def actors_agree(a: EventReport, b: EventReport) -> int:
    """How many actors two reports share, 0 when their actor sets do not fit together."""
    if a.event_type in SYMMETRIC_TYPES:
        return _shared((*a.source, *a.target), (*b.source, *b.target))
    shared = 0
    for mine, theirs in ((a.source, b.source), (a.target, b.target)):
        if mine and theirs:
            common = _shared(mine, theirs)
            if not common:
                return 0
            shared += common
    return shared


def fits(a: EventReport, b: EventReport) -> int:
    """How well two reports fit as one event: 0 when they cannot be one, else the number of
    actor keys they share."""
    if a.event_type != b.event_type:
        return 0
    group = MODALITY_GROUPS.get(a.modality)
    if group is None or group != MODALITY_GROUPS.get(b.modality):
        return 0
    agree = dates_agree(a.date, b.date)
    if agree is False or (agree is None and a.story_id != b.story_id):
        return 0
    return actors_agree(a, b)


def _lookups(report: EventReport) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Index keys of a report: those it is filed under, and those its possible partners are
    filed under. A single day is filed by its day, a longer span by each month it touches; a
    report looks up the days around its span (a day either side) and the months it touches.
    Every report is filed by its story too, where undated and vague reports find partners."""
    story = (report.event_type, "story", report.story_id)
    filed, wanted = [story], [story]
    span = days(report.date)
    if span is None:
        return filed, wanted
    first, last = span
    months = sorted({(first + timedelta(days=n)).strftime("%Y-%m") for n in _each_day(span)})
    month_keys = [(report.event_type, "month", month) for month in months]
    if first == last:
        filed.append((report.event_type, "day", first.isoformat()))
    else:
        filed.extend(month_keys)
    wanted.extend(month_keys)
    around = (first - timedelta(days=1), last + timedelta(days=1))
    wanted.extend(
        (report.event_type, "day", (around[0] + timedelta(days=n)).isoformat())
        for n in _each_day(around)
    )
    return filed, wanted


def _each_day(span: tuple[date, date]) -> range:
    return range((span[1] - span[0]).days + 1)


def merge_events(reports: Sequence[EventReport]) -> list[MergedEvent]:
    """Group ``reports`` into merged events (every report in exactly one), in order of first
    report; reports are taken by document storage order, then position."""
    ordered = sorted(reports, key=lambda r: (r.seq, r.doc_id, r.start, r.fact_id))
    merged: list[MergedEvent] = []
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for report in ordered:
        filed, wanted = _lookups(report)
        candidates = sorted({number for key in wanted for number in index.get(key, ())})
        best, best_score = None, 0
        for number in candidates:
            event = merged[number]
            scores = [fits(report, other) for other in event.reports]
            score = min(scores)
            if score > best_score:
                best, best_score = number, score
        if best is None:
            best = len(merged)
            merged.append(MergedEvent())
        merged[best].reports.append(report)
        for key in filed:
            index[key].add(best)
    return merged
