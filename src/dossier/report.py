"""A dossier on one subject, assembled from the read-only query API: summary figures, a timeline
of what happened and what was said, key quotes, an events table and stance over time, every
claim footnoted to the document (outlet, date, title) and the sentence it comes from.

>>> from dossier.query import Dossier
>>> from dossier.report import build_report
>>> report = build_report(Dossier("dossier.db"), "Russia")  # doctest: +SKIP

The subject is an actor (a person, an organisation), a country, or a stance target ("Eurasian
integration"); a name the knowledge base lacks is taken as words of a topic. Rendering to
Markdown, HTML and PDF lives in ``dossier.report_render``; this module only gathers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.query import Dossier
    from dossier.store.records import EventHit, QuoteHit, StanceTrend

#: How many quotes, events and stance rows a report shows at most.
MAX_QUOTES = 12
MAX_EVENTS = 25
MAX_STANCES = 40


@dataclass(frozen=True)
class Source:
    """What a footnote points to: one sentence of one stored document."""

    number: int
    doc_id: str
    outlet: str | None
    date: str | None
    title: str | None
    sentence: str


@dataclass(frozen=True)
class ReportQuote:
    date: str | None
    speaker: str
    text: str
    outlet: str | None
    note: int


@dataclass(frozen=True)
class ReportEvent:
    date: str | None
    event_type: str
    source: str
    target: str
    reports: int
    note: int


@dataclass(frozen=True)
class ReportStance:
    group: str
    target: str
    period: str
    side: str
    score: float
    evidence: int
    notes: tuple[int, ...]


@dataclass
class Report:
    """A dossier: ``kind`` is ``actor``, ``country`` or ``topic``; ``notes`` are the footnotes,
    numbered from 1 in order of first use; ``timeline`` counts events and quotes per year."""

    subject: str
    kind: str
    date_from: str | None
    date_to: str | None
    figures: dict[str, int | str] = field(default_factory=dict)
    quotes: list[ReportQuote] = field(default_factory=list)
    events: list[ReportEvent] = field(default_factory=list)
    stances: list[ReportStance] = field(default_factory=list)
    timeline: dict[str, Counter[str]] = field(default_factory=dict)
    notes: list[Source] = field(default_factory=list)

    @property
    def title(self) -> str:
        span = ""
        if self.date_from or self.date_to:
            span = f" ({self.date_from or '…'} – {self.date_to or '…'})"
        return f"Dossier: {self.subject}{span}"


class _Footnotes:
    """Numbers sentences of documents as they are cited; one number per sentence."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.numbers: dict[tuple[str, str], int] = {}
        self.sources: list[Source] = []
        self._sentences: dict[str, list] = {}

    def sentence_at(self, doc_id: str, offset: int) -> str | None:
        if doc_id not in self._sentences:
            self._sentences[doc_id] = list(self.dossier.sentences(doc_id))
        for sentence in self._sentences[doc_id]:
            if sentence.provenance.start <= offset < sentence.provenance.end:
                return " ".join(sentence.text.split())
        return None

    def cite(
        self,
        doc_id: str,
        outlet: str | None,
        date: str | None,
        title: str | None,
        sentence: str | None,
        offset: int,
        fallback: str,
    ) -> int:
        text = sentence or self.sentence_at(doc_id, offset) or fallback
        text = " ".join(text.split())
        key = (doc_id, text)
        if key not in self.numbers:
            number = len(self.sources) + 1
            self.numbers[key] = number
            self.sources.append(Source(number, doc_id, outlet, date, title, text))
        return self.numbers[key]


def _actors(actors: tuple) -> str:
    return ", ".join(dict.fromkeys(a.actor for a in actors)) or "—"


def _year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


def build_report(
    dossier: Dossier,
    subject: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Report:
    """Gather the dossier on ``subject`` (an actor, a country or a stance target; else words
    of a topic) between ``date_from`` and ``date_to`` (ISO dates, any precision, inclusive).

    Raises ValueError for a date that is not ISO, ``DossierError`` when the store is missing.
    """
    dossier.require_store()
    kb = dossier.kb
    target = kb.target(subject)
    actors = [] if target is not None else list(kb.find_actors(subject))
    countries = sorted({a.country for a in actors if a.type == "country" and a.country})
    bounds = {"date_from": date_from, "date_to": date_to}
    notes = _Footnotes(dossier)

    if target is not None:
        kind = "topic"
        names = [target.name, *target.aliases]
        words = [n.lower() for n in names]
        quotes = _unique(q for name in names for q in dossier.quotes(about=name, **bounds))
        events = [
            e
            for e in dossier.events(merged=True, **bounds)
            if any(w in (e.sentence_text or "").lower() for w in words)
        ]
        trends = dossier.stance_trends(target=target.name, by="country", period="year", **bounds)
        stance_hits = dossier.stances(target=target.name, **bounds)
    elif countries:
        kind = "country"
        iso3 = countries[0]
        speaker_ids = {a.id for a in kb.actors.values() if a.country == iso3}
        quotes = [q for q in dossier.quotes(**bounds) if q.speaker_actor_id in speaker_ids]
        events = list(dossier.events(merged=True, country=iso3, **bounds))
        trends = dossier.stance_trends(country=iso3, by="country", period="year", **bounds)
        stance_hits = dossier.stances(country=iso3, **bounds)
    elif actors:
        kind = "actor"
        quotes = list(dossier.quotes(speaker=subject, **bounds))
        events = list(dossier.events(merged=True, actor=subject, **bounds))
        trends = dossier.stance_trends(holder=subject, by="actor", period="year", **bounds)
        stance_hits = dossier.stances(holder=subject, **bounds)
    else:
        kind = "topic"
        quotes = list(dossier.quotes(about=subject, **bounds))
        events = [
            e
            for e in dossier.events(merged=True, **bounds)
            if subject.lower() in (e.sentence_text or "").lower()
        ]
        trends = dossier.stance_trends(target=subject, by="actor", period="year", **bounds)
        stance_hits = dossier.stances(target=subject, **bounds)

    report = Report(subject, kind, date_from, date_to)
    timeline: dict[str, Counter[str]] = {}
    for event in events:
        if year := _year(event.date):
            timeline.setdefault(year, Counter())["events"] += 1
    for quote in quotes:
        if year := _year(quote.date):
            timeline.setdefault(year, Counter())["quotes"] += 1
    report.timeline = dict(sorted(timeline.items()))

    report.quotes = [_quote(q, notes) for q in _key_quotes(quotes)]
    ranked = sorted(events, key=lambda e: (-e.reports, e.date or "9999"))[:MAX_EVENTS]
    report.events = [_event(e, notes) for e in sorted(ranked, key=lambda e: e.date or "9999")]
    report.stances = _stances(trends, stance_hits, notes, kind)

    documents = {q.doc_id for q in quotes} | {e.doc_id for e in events}
    documents |= {s.doc_id for s in stance_hits}
    dated = sorted(d for d in [*(q.date for q in quotes), *(e.date for e in events)] if d)
    report.figures = {
        "documents": len(documents),
        "outlets": len(
            {q.outlet for q in quotes if q.outlet} | {e.outlet for e in events if e.outlet}
        ),
        "quotes": len(quotes),
        "events": len(events),
        "stances": len(stance_hits),
        "first": dated[0] if dated else "—",
        "last": dated[-1] if dated else "—",
    }
    report.notes = notes.sources
    return report


def _unique(quotes) -> list[QuoteHit]:
    seen: dict[str, QuoteHit] = {}
    for quote in quotes:
        seen.setdefault(quote.fact_id, quote)
    return sorted(seen.values(), key=lambda q: q.date or "9999")


def _key_quotes(quotes: list[QuoteHit]) -> list[QuoteHit]:
    """The quotes most worth reading: direct and widely copied first, then in date order."""
    kind_rank = {"direct": 0, "partial": 1, "indirect": 2, "belief": 3}
    ranked = sorted(
        quotes,
        key=lambda q: (kind_rank.get(q.kind, 4), -(q.copies or 1), q.speaker_actor is None),
    )[:MAX_QUOTES]
    return sorted(ranked, key=lambda q: q.date or "9999")


def _quote(quote: QuoteHit, notes: _Footnotes) -> ReportQuote:
    note = notes.cite(
        quote.doc_id, quote.outlet, quote.date, quote.title, None, quote.start, quote.text
    )
    speaker = quote.speaker_actor or quote.speaker or "unnamed"
    return ReportQuote(quote.date, speaker, " ".join(quote.text.split()), quote.outlet, note)


def _event(event: EventHit, notes: _Footnotes) -> ReportEvent:
    note = notes.cite(
        event.doc_id,
        event.outlet,
        event.pub_date,
        event.title,
        event.sentence_text,
        event.start,
        event.text,
    )
    return ReportEvent(
        event.date,
        event.event_type,
        _actors(event.source),
        _actors(event.target),
        event.reports,
        note,
    )


def _stances(trends, hits, notes: _Footnotes, kind: str) -> list[ReportStance]:
    """Each trend row with footnotes to (up to three of) the stances it adds up."""
    rows: list[ReportStance] = []
    for trend in list(trends)[:MAX_STANCES]:
        cited = [h for h in hits if _in_trend(h, trend, kind)][:3]
        numbers = tuple(
            dict.fromkeys(
                notes.cite(
                    h.doc_id, h.outlet, h.pub_date, h.title, h.sentence_text, h.start, h.text
                )
                for h in cited
            )
        )
        rows.append(
            ReportStance(
                trend.group,
                trend.target,
                trend.period,
                trend.side,
                trend.score,
                trend.evidence,
                numbers,
            )
        )
    return rows


def _in_trend(hit, trend: StanceTrend, kind: str) -> bool:
    if hit.target != trend.target:
        return False
    if trend.period and not (hit.date or "").startswith(trend.period):
        return False
    group = hit.holder_country if kind in ("country", "topic") else hit.holder
    return group == trend.group or trend.group in (hit.holder, hit.holder_country)
