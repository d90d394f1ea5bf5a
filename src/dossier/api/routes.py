"""The read routes: one per question of the query API, each a few lines.

Every listing takes ``limit`` (1 to ``API_MAX_PAGE``) and ``offset``, and answers JSON or CSV
(``responses.listing``). Query API methods without an offset of their own (search, quotes,
events, timeline) are asked for ``offset + limit`` rows and the page cut from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, make_dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from dossier.answers import Records, plain
from dossier.api.app import dossier_of
from dossier.api.responses import OutputFormat, listing
from dossier.calendar import asked_date
from dossier.kb.queries import OfficeSpell
from dossier.query import Dossier
from dossier.settings import API_DEFAULT_PAGE, API_MAX_PAGE

router = APIRouter()

DossierDep = Annotated[Dossier, Depends(dossier_of)]
Limit = Annotated[int, Query(ge=1, le=API_MAX_PAGE, description="Most rows in one page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip, for paging.")]
Format = Annotated[
    OutputFormat | None,
    Query(alias="format", description="json or csv (default: JSON, or CSV for Accept: text/csv)."),
]
DateFrom = Annotated[
    str | None,
    Query(alias="from", max_length=32, description="On or after this ISO date: 2011, 2011-11."),
]
DateTo = Annotated[
    str | None, Query(alias="to", max_length=32, description="On or before this ISO date.")
]
DocId = Annotated[
    str, Path(min_length=1, max_length=64, description="Document id or a unique prefix (6+).")
]
Words = Annotated[str | None, Query(max_length=500)]


@dataclass(frozen=True)
class Page:
    """The page a listing route was asked for, and how it answers with its records."""

    request: Request
    limit: int
    offset: int
    output: OutputFormat | None

    @property
    def rows_to_ask(self) -> int:
        """For query methods without an offset of their own: the rows up to this page's end."""
        return self.offset + self.limit

    def answer(self, found: Records[Any], name: str) -> Response:
        """``found`` (this page's records) as JSON or CSV (``responses.listing``)."""
        return listing(
            self.request, found, limit=self.limit, offset=self.offset, output=self.output, name=name
        )

    def cut(self, found: Records[Any], name: str) -> Response:
        """This page cut from ``found`` (``rows_to_ask`` rows from the first), answered."""
        return self.answer(found[self.offset : self.offset + self.limit], name)


def _page_asked(
    request: Request, limit: Limit = API_DEFAULT_PAGE, offset: Offset = 0, output: Format = None
) -> Page:
    return Page(request, limit, offset, output)


@dataclass(frozen=True)
class Dates:
    """A route's ``from``/``to`` parameters, checked (``calendar.asked_date``: bad -> 422)."""

    start: str | None
    end: str | None

    @property
    def bounds(self) -> dict[str, str | None]:
        """The query API's ``date_from``/``date_to`` keywords."""
        return {"date_from": self.start, "date_to": self.end}


def _dates_asked(date_from: DateFrom = None, date_to: DateTo = None) -> Dates:
    return Dates(asked_date("from", date_from), asked_date("to", date_to))


@dataclass(frozen=True)
class DatedPage(Page):
    """The page of a listing bounded by dates (``from``/``to``)."""

    dates: Dates

    def ask(self, query: Callable[..., Records[Any]], name: str, **words: Any) -> Response:
        """This page of what ``query`` (a query API method without an offset of its own) finds
        with ``words`` between the dates: ``rows_to_ask`` rows asked for, the page cut."""
        found = query(**words, limit=self.rows_to_ask, **self.dates.bounds)
        return self.cut(found, name)


Paged = Annotated[Page, Depends(_page_asked)]
Dated = Annotated[Dates, Depends(_dates_asked)]


def _dated_page_asked(dates: Dated, page: Paged) -> DatedPage:
    return DatedPage(page.request, page.limit, page.offset, page.output, dates)


DatedPaged = Annotated[DatedPage, Depends(_dated_page_asked)]


# --- documents -----------------------------------------------------------------------------------


@router.get("/documents", tags=["documents"], summary="List stored documents")
def documents(
    dossier: DossierDep,
    page: DatedPaged,
    outlet: Words = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    story: Annotated[str | None, Query(max_length=64, description="A story id.")] = None,
) -> Response:
    """Stored documents, oldest first (undated last), filtered by date, outlet, language and
    story."""
    found = dossier.documents(
        outlet=outlet,
        language=language,
        story_id=story,
        limit=page.limit,
        offset=page.offset,
        **page.dates.bounds,
    )
    return page.answer(found, "documents")


@router.get("/documents/{doc_id}", tags=["documents"], summary="One document with its facts")
def document(dossier: DossierDep, doc_id: DocId) -> dict[str, Any]:
    """A document's metadata, both texts, what cleaning removed, whether it was annotated, and
    every stored fact of it by kind (mention, timex, sentence, quote, event, ...)."""
    detail = dossier.document_detail(doc_id)
    full_id = detail.document.doc_id
    state = dossier.annotation_state(full_id)
    facts = dossier.document_facts(full_id)
    return {
        **detail.as_dict(),
        "annotation": state.state,
        "facts": {kind: found.dicts() for kind, found in facts.items()},
    }


@router.get("/documents/{doc_id}/sentences", tags=["documents"], summary="A document's sentences")
def sentences(
    dossier: DossierDep,
    doc_id: DocId,
    page: Paged,
) -> Response:
    """A document's sentences in order, each with its reference time."""
    found = dossier.facts("sentence", doc_id=doc_id, limit=page.limit, offset=page.offset)
    return page.answer(found, "sentences")


@router.get("/search", tags=["documents"], summary="Full-text search")
def search(
    dossier: DossierDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words, "phrases".')],
    page: Paged,
) -> Response:
    """Documents matching ``q``, best first, with snippets whose matches are in [brackets]."""
    return page.cut(dossier.search(q, limit=page.rows_to_ask), "search")


# --- facts ---------------------------------------------------------------------------------------


@router.get("/mentions", tags=["facts"], summary="Mentions of actors")
def mentions(
    dossier: DossierDep,
    page: Paged,
    doc_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
    actor_id: Annotated[
        str | None, Query(max_length=200, description="A KB id: person:vladimir-putin.")
    ] = None,
) -> Response:
    """Stored mentions with their provenance, of one document, one actor, or both."""
    if actor_id is not None:
        dossier.known_actor(actor_id)
    found = dossier.mentions(doc_id=doc_id, actor_id=actor_id, limit=page.limit, offset=page.offset)
    return page.answer(found, "mentions")


@router.get("/quotes", tags=["facts"], summary="Who said what")
def quotes(
    dossier: DossierDep,
    page: DatedPaged,
    speaker: Words = None,
    about: Words = None,
    all_copies: Annotated[bool, Query(description="Every copy, not each statement once.")] = False,
) -> Response:
    """Quotes, reported speech and beliefs, oldest first, each statement once."""
    return page.ask(dossier.quotes, "quotes", speaker=speaker, about=about, all_copies=all_copies)


@router.get("/events", tags=["facts"], summary="Who did what to whom")
def events(
    dossier: DossierDep,
    page: DatedPaged,
    actor: Words = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO3: RUS.")] = None,
    event_type: Annotated[str | None, Query(alias="type", max_length=20)] = None,
    merged: Annotated[bool, Query(description="Each event once, its reports merged.")] = False,
    event: Annotated[str | None, Query(max_length=64, description="A merged event's id.")] = None,
) -> Response:
    """PLOVER events by date (undated last): every report, or each event once with
    ``merged``."""
    return page.ask(
        dossier.events,
        "events",
        actor=actor,
        country=country,
        event_type=event_type,
        merged=merged,
        event=event,
    )


@router.get("/timeline", tags=["facts"], summary="Events and statements by date")
def timeline(
    dossier: DossierDep,
    page: DatedPaged,
    actor: Words = None,
) -> Response:
    """Each merged event and each statement once, by date, of one actor if asked."""
    return page.ask(dossier.timeline, "timeline", actor=actor)


@router.get("/network", tags=["facts"], summary="Which actors are named together")
def network(
    dossier: DossierDep,
    within: Annotated[
        Literal["document", "sentence"], Query(description="Count pairs per document or sentence.")
    ] = "document",
    min_weight: Annotated[int, Query(ge=1, le=1_000_000, description="Fewest co-mentions.")] = 1,
) -> dict[str, Any]:
    """The actor co-occurrence network: KB actors (with the documents naming each) and the
    pairs named together, weighted by how many documents (or sentences) name both."""
    return dossier.actor_network(within=within, min_weight=min_weight).as_dict()


Country = Annotated[str | None, Query(max_length=3, description="ISO3 the holder spoke for: UKR.")]


@router.get("/stance", tags=["facts"], summary="Who stands where: each stance with its evidence")
def stance(
    dossier: DossierDep,
    page: DatedPaged,
    target: Annotated[
        str | None, Query(max_length=200, description='A KB target: "Eurasian integration".')
    ] = None,
    holder: Words = None,
    country: Country = None,
) -> Response:
    """Stances (for, against, neutral) oldest first, each with its holder, target, the country
    the holder spoke for and the evidence it was read from."""
    return page.ask(dossier.stances, "stance", target=target, holder=holder, country=country)


@router.get("/stance/trends", tags=["facts"], summary="Stances added up by holder or country")
def stance_trends(
    dossier: DossierDep,
    page: DatedPaged,
    target: Annotated[str | None, Query(max_length=200)] = None,
    by: Annotated[Literal["actor", "country"], Query(description="Group by holder or country.")] = (
        "actor"
    ),
    per: Annotated[Literal["all", "year", "month"], Query(description="Period.")] = "all",
    country: Country = None,
) -> Response:
    """For/against/neutral counts per group and period, with evidence counts: a change of side
    shows as a group's periods turning from for to against."""
    bounds = page.dates.bounds
    found = dossier.stance_trends(target=target, by=by, period=per, country=country, **bounds)
    return page.cut(found, "stance")


# --- the knowledge base --------------------------------------------------------------------------


#: One term of an actor's, as a row: who (``actor_id``, ``actor``), then the term as the KB's
#: ``OfficeSpell`` gives it (which office, from when to when), field for field.
OfficeRow = make_dataclass(
    "OfficeRow",
    [("actor_id", "str"), ("actor", "str"), *((f.name, f.type) for f in fields(OfficeSpell))],
    frozen=True,
)


ActorName = Annotated[
    str, Path(min_length=1, max_length=200, description="Name, alias, surname or KB id.")
]


@router.get("/actors/{name}", tags=["actors"], summary="An actor's profile")
def actor(
    dossier: DossierDep,
    name: ActorName,
    limit: Annotated[int, Query(ge=1, le=API_MAX_PAGE, description="Most documents.")] = 20,
) -> dict[str, Any]:
    """The actor(s) a name means: aliases, offices and memberships over time, members, and the
    documents mentioning them most. 404 for a name the knowledge base does not know."""
    report = dossier.actor(name, limit=limit)
    return report.as_dict()


@router.get("/actors/{name}/offices", tags=["actors"], summary="An actor's offices over time")
def offices(
    request: Request, dossier: DossierDep, name: ActorName, output: Format = None
) -> Response:
    """Every term each actor the name means served, oldest first."""
    report = dossier.actor(name, limit=1)
    rows = [
        OfficeRow(profile.actor.id, profile.actor.name, **spell.__dict__)
        for profile in report.profiles
        for spell in sorted(profile.offices, key=lambda s: s.start)
    ]
    found = Records(rows, OfficeRow)
    return listing(
        request, found, limit=max(len(rows), 1) + 1, offset=0, output=output, name="offices"
    )


@router.get("/who", tags=["actors"], summary="Who held an office on a day")
def who(
    dossier: DossierDep,
    office: Annotated[str, Query(min_length=1, max_length=200, description="President of Russia")],
    on: Annotated[str | None, Query(max_length=32, description="ISO day; default today.")] = None,
) -> Any:
    """The holder of ``office`` on ``on``: acting or not, the term, anyone elected but not yet
    in office. 404 for an office the knowledge base does not know."""
    return plain(dossier.who(office, asked_date("on", on)))
