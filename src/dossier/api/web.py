"""The web UI: server-rendered pages over the same query API the JSON routes use.

``/`` searches with facets (date range, outlet, actor, event type); ``/ui/documents/{id}``
shows a document's text with every fact highlighted, cleaned or original; ``/ui/actors/{name}``
an actor's offices, quotes, events and co-occurrence network; ``/ui/timeline`` events and
statements by date with filters; ``/ui/stance`` each country's stance toward a KB target by year,
each cell one click from its evidence (``/ui/stance/evidence``); ``/ui/report`` the report of
``dossier report`` as a page or a PDF. Templates and the stylesheet ship in the package (no CDN), no
page needs a script, and article text reaches a page only through Jinja2's autoescape.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from dossier.answers import ActorNetwork
from dossier.api.app import dossier_of
from dossier.api.drawing import ego_drawing, stance_grid
from dossier.api.marking import (
    actor_href,
    event_actors,
    fact_marks,
    pieces,
    removed_marks,
)
from dossier.calendar import asked_date
from dossier.errors import DossierError, ErrorCode
from dossier.model import PLOVER_TYPES
from dossier.overviews import cooccurrence
from dossier.query import Dossier
from dossier.trends import stance_trends

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every page holds article text: escape it all, always
        undefined=jinja2.StrictUndefined,
    )
)
TEMPLATES.env.globals.update(actor_href=actor_href, event_actors=event_actors)

#: Marks a search snippet's matches; control characters no article text keeps.
MATCH_OPEN, MATCH_CLOSE = "\x02", "\x03"
#: The most rows a page lists (search results, quotes, events, timeline entries).
PAGE_ROWS = 100
#: The most documents a facet filter reads (the candidates a search is cut down to).
FILTER_ROWS = 100_000

router = APIRouter(include_in_schema=False)

DossierDep = Annotated[Dossier, Depends(dossier_of)]
Text = Annotated[str | None, Query(max_length=500)]
DateText = Annotated[str | None, Query(max_length=32)]


def _render(
    request: Request, template: str, build: Callable[[], dict[str, Any]], title: str
) -> HTMLResponse:
    """``template`` filled by ``build()``; a page that says what went wrong (404 for an unknown
    document or actor, 422 for a bad filter) when the query API refuses."""
    try:
        context = build()
    except DossierError as error:
        status = 404 if error.code in (ErrorCode.S002_NOT_FOUND, ErrorCode.K002_UNKNOWN) else 400
        if error.code is ErrorCode.S003_NO_STORE:
            status = 503
        return error_page(request, status, str(error))
    except ValueError as error:
        return error_page(request, 422, str(error))
    context.setdefault("title", title)
    return TEMPLATES.TemplateResponse(request, template, context)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """A page saying what went wrong, with ``status``; ``message`` is escaped like any text."""
    context = {"title": f"Error {status}", "status": status, "message": message}
    return TEMPLATES.TemplateResponse(request, "error.html", context, status_code=status)


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value else None


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, is_match) runs, its matches cut out by the markers."""
    parts: list[tuple[str, bool]] = []
    for index, chunk in enumerate(snippet.split(MATCH_OPEN)):
        inside, _, after = chunk.partition(MATCH_CLOSE) if index else ("", "", chunk)
        if inside:
            parts.append((inside, True))
        if after:
            parts.append((after, False))
    return parts


# --- search ---------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    dossier: DossierDep,
    q: Text = None,
    date_from: Annotated[DateText, Query(alias="from")] = None,
    date_to: Annotated[DateText, Query(alias="to")] = None,
    outlet: Text = None,
    actor: Text = None,
    event_type: Annotated[str | None, Query(alias="type", max_length=20)] = None,
) -> HTMLResponse:
    """Search the store, or list it, cut down by the facets."""
    asked = {
        "q": _blank(q) or "",
        "from": _blank(date_from) or "",
        "to": _blank(date_to) or "",
        "outlet": _blank(outlet) or "",
        "actor": _blank(actor) or "",
        "type": (_blank(event_type) or "").upper(),
    }

    def build() -> dict[str, Any]:
        first, last = asked_date("from", asked["from"]), asked_date("to", asked["to"])
        if asked["type"] and asked["type"] not in PLOVER_TYPES:
            raise ValueError(f"type: no PLOVER type {asked['type']!r}")
        rows = _results(dossier, asked, first, last)
        outlets = Counter(row["outlet"] for row in rows if row["outlet"])
        years = Counter(row["date"][:4] for row in rows if row["date"])
        actors, types = _fact_facets(dossier, [row["doc_id"] for row in rows[:PAGE_ROWS]])
        return {
            "asked": asked,
            "rows": rows[:PAGE_ROWS],
            "total": len(rows),
            "outlets": outlets.most_common(20),
            "years": sorted(years.items()),
            "actors": actors,
            "types": types,
            "event_types": PLOVER_TYPES,
        }

    return _render(request, "search.html", build, "Search")


def _fact_facets(
    dossier: Dossier, doc_ids: list[str]
) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
    """The KB actors (id, name, documents) and event types (type, documents) of the documents
    shown, most documents first: facets that link to narrower searches."""
    actors: Counter[tuple[str, str]] = Counter()
    types: Counter[str] = Counter()
    for doc_id in doc_ids:
        actors.update(
            {(m.actor_id, m.actor) for m in dossier.mentions(doc_id=doc_id) if m.actor_id}
        )
        types.update({e.event_type for e in dossier.facts("event", doc_id=doc_id)})
    top = [(actor_id, name, count) for (actor_id, name), count in actors.most_common(15)]
    return top, types.most_common()


def _results(
    dossier: Dossier, asked: dict[str, str], first: str | None, last: str | None
) -> list[dict[str, Any]]:
    """The documents matching the words (best first) or all (oldest first), kept when they
    pass every facet."""
    dated = {"date_from": first, "date_to": last, "outlet": asked["outlet"] or None}
    keep: set[str] | None = None
    if any(dated.values()):
        keep = {d.doc_id for d in dossier.documents(**dated, limit=FILTER_ROWS)}
    if asked["actor"]:
        report = dossier.actor(asked["actor"], limit=FILTER_ROWS)
        named = {m.doc_id for m in report.mentions or ()}
        keep = named if keep is None else keep & named
    if asked["type"]:
        coded = {e.doc_id for e in dossier.events(event_type=asked["type"])}
        keep = coded if keep is None else keep & coded
    if asked["q"]:
        found = dossier.search(asked["q"], limit=FILTER_ROWS, highlight=(MATCH_OPEN, MATCH_CLOSE))
        rows = [
            {
                "doc_id": hit.doc_id,
                "title": hit.title,
                "outlet": hit.outlet,
                "date": hit.pub_date,
                "estimated": hit.date_is_estimated,
                "snippet": snippet_parts(hit.snippet),
            }
            for hit in found
        ]
    else:
        rows = [
            {
                "doc_id": doc.doc_id,
                "title": doc.title,
                "outlet": doc.outlet,
                "date": doc.pub_date,
                "estimated": doc.date_is_estimated,
                "snippet": [],
            }
            for doc in dossier.documents(**dated, limit=FILTER_ROWS)
        ]
    return [row for row in rows if keep is None or row["doc_id"] in keep]


# --- a document -----------------------------------------------------------------------------------


@router.get("/ui/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    dossier: DossierDep,
    doc_id: Annotated[str, PathParam(min_length=1, max_length=64)],
    text: Annotated[str, Query(pattern="^(cleaned|original)$")] = "cleaned",
) -> HTMLResponse:
    """A document: its text with every fact marked, cleaned or original, its facts listed,
    and its metadata with how the date was found."""

    def build() -> dict[str, Any]:
        detail = dossier.document_detail(doc_id)
        document = detail.document
        facts = dossier.document_facts(document.doc_id)
        original = text == "original"
        marks = fact_marks(facts, original=original)
        if original:
            marks += removed_marks(document.cleaned.removed)
        shown = document.original_text if original else document.clean_text
        return {
            "title": document.meta.title or document.doc_id,
            "document": document,
            "meta": document.meta,
            "sources": detail.sources,
            "annotation": dossier.annotation_state(document.doc_id).state,
            "view": text,
            "pieces": pieces(shown, marks),
            "mentions": facts.get("mention", ()),
            "timexes": facts.get("timex", ()),
            "quotes": facts.get("quote", ()),
            "events": facts.get("event", ()),
            "removed": [
                (span, document.original_text[span.start : span.end])
                for span in document.cleaned.removed
            ],
        }

    return _render(request, "document.html", build, "Document")


# --- an actor -------------------------------------------------------------------------------------


@router.get("/ui/actors/{name}", response_class=HTMLResponse)
def actor_page(
    request: Request,
    dossier: DossierDep,
    name: Annotated[str, PathParam(min_length=1, max_length=200)],
) -> HTMLResponse:
    """An actor: offices over time, quotes (each statement once), events as source and as
    target, the documents naming it, and the actors named with it."""

    def build() -> dict[str, Any]:
        report = dossier.actor(name, limit=PAGE_ROWS)
        ids = {profile.actor.id for profile in report.profiles}
        if report.stands_for is not None:
            ids.add(report.stands_for.id)
        events = dossier.events(actor=name, merged=True, limit=PAGE_ROWS) if ids else []

        def involves(actors: Any) -> bool:
            return any(a.actor_id in ids for a in actors)

        grid, left_out = actor_stance_grid(dossier, ids) if ids else (None, 0)
        heading = report.profiles[0].actor.name if report.profiles else name
        if report.place is not None:
            heading = report.place.name
        return {
            "title": heading,
            "heading": heading,
            "report": report,
            "quotes": dossier.quotes(speaker=name, limit=PAGE_ROWS) if ids else [],
            "as_source": [e for e in events if involves(e.source)],
            "as_target": [e for e in events if involves(e.target)],
            "drawing": ego_drawing(_network_around(dossier, report), sorted(ids)),
            "network_documents": len(report.mentions or ()),
            "stance_grid": grid,
            "stance_left_out": left_out,
        }

    return _render(request, "actor.html", build, "Actor")


def _network_around(dossier: Dossier, report: Any) -> ActorNetwork:
    """Who is named with the actor in the documents naming it most (``report.mentions``, at
    most ``PAGE_ROWS``): the corpus-wide network would read every mention on every view."""
    documents = [row.doc_id for row in report.mentions or ()]
    mentions = [m for doc_id in documents for m in dossier.mentions(doc_id=doc_id)]
    return cooccurrence(mentions)


# --- the timeline ---------------------------------------------------------------------------------


@router.get("/ui/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    dossier: DossierDep,
    actor: Text = None,
    date_from: Annotated[DateText, Query(alias="from")] = None,
    date_to: Annotated[DateText, Query(alias="to")] = None,
    kind: Annotated[str, Query(pattern="^(|event|quote)$")] = "",
    event_type: Annotated[str | None, Query(alias="type", max_length=20)] = None,
) -> HTMLResponse:
    """Each merged event and each statement once, by date, filtered by actor, dates, kind
    (events or statements) and event type."""
    asked = {
        "actor": _blank(actor) or "",
        "from": _blank(date_from) or "",
        "to": _blank(date_to) or "",
        "kind": kind,
        "type": (_blank(event_type) or "").upper(),
    }

    def build() -> dict[str, Any]:
        if asked["type"] and asked["type"] not in PLOVER_TYPES:
            raise ValueError(f"type: no PLOVER type {asked['type']!r}")
        entries = dossier.timeline(
            actor=asked["actor"] or None,
            date_from=asked_date("from", asked["from"]),
            date_to=asked_date("to", asked["to"]),
        )
        if asked["kind"]:
            entries = [e for e in entries if e.kind == asked["kind"]]
        if asked["type"]:
            entries = [e for e in entries if e.kind == "event" and e.what == asked["type"]]
        return {
            "asked": asked,
            "entries": list(entries)[:PAGE_ROWS],
            "total": len(entries),
            "event_types": PLOVER_TYPES,
        }

    return _render(request, "timeline.html", build, "Timeline")


# --- stance -----------------------------------------------------------------------------------


#: The post-Soviet states (ISO 3166-1 alpha-3): each has a row on the stance page, evidence or not.
POST_SOVIET = (
    "ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU",
    "LVA", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB",
)  # fmt: skip
DEFAULT_TARGET = "Eurasian integration"
#: The most rows (holder and target) an actor page's stance timeline draws.
STANCE_ROWS = 25
Year = Annotated[str | None, Query(pattern=r"^\d{4}$")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")]


def _target(dossier: Dossier, name: str, *, actors: bool = False) -> Any:
    """The KB target called ``name`` (or an alias), or with ``actors`` an actor the KB knows
    (any actor is a stance target in its own right); DossierError (404) when the KB has none."""
    found = dossier.kb.target(name)
    if found is None and actors:
        named = dossier.kb.find_actors(name)
        if named:
            return named[0]
    if found is None:
        known = ", ".join(sorted(t.name for t in dossier.kb.targets.values()))
        raise DossierError(ErrorCode.K002_UNKNOWN, f"no stance target {name!r}; known: {known}")
    return found


def _evidence_href(**asked: str | None) -> str:
    return "/ui/stance/evidence?" + urlencode({k: v for k, v in asked.items() if v})


def _by_year(trends: Any, key: Callable[[Any], str]) -> dict[str, dict[str, Any]]:
    """Year-period trends as {row key: {year: trend}}."""
    rows: dict[str, dict[str, Any]] = {}
    for trend in trends:
        rows.setdefault(key(trend), {})[trend.period] = trend
    return rows


def country_stance_grid(dossier: Dossier, target: str) -> tuple[Any, list[Any]]:
    """The stance page's grid (each post-Soviet state and each country with evidence, by year)
    and the trends it draws, from ``Dossier.stance_trends(by="country", period="year")``."""
    trends = list(dossier.stance_trends(target=target, by="country", period="year"))
    found = _by_year(trends, lambda trend: trend.group)
    codes = sorted(set(POST_SOVIET) | set(found))
    rows = []
    for code in codes:
        actor = dossier.kb.country_actor(code)
        label = f"{actor.name} ({code})" if actor is not None else code
        rows.append((code, label, found.get(code, {})))
    grid = stance_grid(
        rows, lambda code, year: _evidence_href(target=target, country=code, year=year)
    )
    return grid, trends


def actor_stance_grid(dossier: Dossier, actor_ids: set[str]) -> tuple[Any, int]:
    """The actor page's stance timeline: a row per (holder, target) for the stances the KB
    actors ``actor_ids`` hold, by year (``trends.stance_trends`` over ``Dossier.stances``),
    the ``STANCE_ROWS`` with most evidence only; and how many rows were left out."""
    hits = dossier.stances(holder_ids=sorted(actor_ids))
    found = _by_year(stance_trends(hits, "actor", "year"), lambda t: f"{t.group}\x00{t.target}")
    evidence = {key: sum(t.evidence for t in years.values()) for key, years in found.items()}
    kept = sorted(sorted(found, key=lambda key: (-evidence[key], key))[:STANCE_ROWS])
    rows = []
    for key in kept:
        holder, target = key.split("\x00")
        rows.append((key, f"{holder} on {target}", found[key]))

    def href(key: str, year: str | None) -> str:
        holder, target = key.split("\x00")
        return _evidence_href(target=target, holder=holder, year=year)

    return stance_grid(rows, href, label_width=320), len(found) - len(kept)


@router.get("/ui/stance", response_class=HTMLResponse)
def stance_page(
    request: Request,
    dossier: DossierDep,
    target: Annotated[str, Query(min_length=1, max_length=200)] = DEFAULT_TARGET,
) -> HTMLResponse:
    """Each post-Soviet state's (and each other country's with evidence) stance toward a
    target by year, each cell linked to its evidence."""

    def build() -> dict[str, Any]:
        known = _target(dossier, target.strip())
        grid, trends = country_stance_grid(dossier, known.name)
        return {
            "title": f"Stance on {known.name}",
            "target": known,
            "targets": sorted(dossier.kb.targets.values(), key=lambda t: t.name),
            "grid": grid,
            "evidence": sum(trend.evidence for trend in trends),
        }

    return _render(request, "stance.html", build, "Stance")


@router.get("/ui/stance/evidence", response_class=HTMLResponse)
def stance_evidence_page(
    request: Request,
    dossier: DossierDep,
    target: Annotated[str, Query(min_length=1, max_length=200)] = DEFAULT_TARGET,
    country: Country = None,
    holder: Text = None,
    year: Year = None,
) -> HTMLResponse:
    """Each stance behind a cell of the stance grid: holder, polarity, basis, cue, the
    evidence sentence and its document (a year leaves undated stances out)."""

    def build() -> dict[str, Any]:
        known = _target(dossier, target.strip(), actors=True)
        code = country.upper() if country else None
        hits = dossier.stances(
            target=known.name,
            country=code,
            holder=_blank(holder),
            date_from=year,
            date_to=year,
        )
        if year:
            hits = [hit for hit in hits if hit.date and hit.date[:4] == year]
        place = dossier.kb.country_actor(code) if code else None
        return {
            "title": f"Evidence: stance on {known.name}",
            "target": known,
            "country": code,
            "country_name": place.name if place is not None else code,
            "holder": _blank(holder),
            "year": year,
            "hits": list(hits),
        }

    return _render(request, "stance_evidence.html", build, "Stance evidence")


# --- reports ----------------------------------------------------------------------------------


@router.get("/ui/report", response_model=None)
def report_page(
    request: Request,
    dossier: DossierDep,
    subject: Annotated[str, Query(min_length=1, max_length=200)],
    date_from: Annotated[DateText, Query(alias="from")] = None,
    date_to: Annotated[DateText, Query(alias="to")] = None,
    format: Annotated[str, Query(pattern="^(html|pdf)$")] = "html",  # noqa: A002
) -> Response:
    """``dossier report SUBJECT``'s HTML page (its chart inlined), or its PDF to download."""
    from dossier.report import build_report
    from dossier.report_render import render_html, render_pdf

    try:
        report = build_report(
            dossier,
            subject.strip(),
            date_from=asked_date("from", date_from),
            date_to=asked_date("to", date_to),
        )
    except ValueError as error:
        return error_page(request, 422, str(error))
    if format == "pdf":
        stem = re.sub(r"[^A-Za-z0-9]+", "-", subject).strip("-").lower() or "report"
        return Response(
            render_pdf(report),
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="dossier-{stem}.pdf"'},
        )
    return HTMLResponse(render_html(report))
