"""The read routes: one per question of the query API, each a few lines.

Every listing takes ``limit`` (1 to ``API_MAX_PAGE``) and ``offset``, and answers JSON or CSV
(``responses.listing``). Query API methods without an offset of their own (search, quotes,
events, timeline) are asked for ``offset + limit`` rows and the page cut from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from dossier.answers import Records, plain
from dossier.api.app import dossier_of
from dossier.api.responses import OutputFormat, listing
from dossier.calendar import check_iso_date
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


def _date(name: str, value: str | None) -> str | None:
    """A date parameter checked: YYYY, YYYY-MM or YYYY-MM-DD, a real date (ValueError -> 422)."""
    if value is None or not value.strip():
        return None
    try:
        return check_iso_date(value.strip())
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from None


def _page(found: Records[Any], offset: int, limit: int) -> Records[Any]:
    return found[offset : offset + limit]


# --- documents -----------------------------------------------------------------------------------


@router.get("/documents", tags=["documents"], summary="List stored documents")
def documents(
    request: Request,
    dossier: DossierDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    outlet: Words = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    story: Annotated[str | None, Query(max_length=64, description="A story id.")] = None,
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """Stored documents, oldest first (undated last), filtered by date, outlet, language and
    story."""
    found = dossier.documents(
        date_from=_date("from", date_from),
        date_to=_date("to", date_to),
        outlet=outlet,
        language=language,
        story_id=story,
        limit=limit,
        offset=offset,
    )
    return listing(request, found, limit=limit, offset=offset, output=output, name="documents")


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
    request: Request,
    dossier: DossierDep,
    doc_id: DocId,
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """A document's sentences in order, each with its reference time."""
    found = dossier.facts("sentence", doc_id=doc_id, limit=limit, offset=offset)
    return listing(request, found, limit=limit, offset=offset, output=output, name="sentences")


@router.get("/search", tags=["documents"], summary="Full-text search")
def search(
    request: Request,
    dossier: DossierDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words, "phrases".')],
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """Documents matching ``q``, best first, with snippets whose matches are in [brackets]."""
    found = _page(dossier.search(q, limit=offset + limit), offset, limit)
    return listing(request, found, limit=limit, offset=offset, output=output, name="search")


# --- facts ---------------------------------------------------------------------------------------


@router.get("/mentions", tags=["facts"], summary="Mentions of actors")
def mentions(
    request: Request,
    dossier: DossierDep,
    doc_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
    actor_id: Annotated[
        str | None, Query(max_length=200, description="A KB id: person:vladimir-putin.")
    ] = None,
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """Stored mentions with their provenance, of one document, one actor, or both."""
    if actor_id is not None:
        dossier.known_actor(actor_id)
    found = dossier.mentions(doc_id=doc_id, actor_id=actor_id, limit=limit, offset=offset)
    return listing(request, found, limit=limit, offset=offset, output=output, name="mentions")


@router.get("/quotes", tags=["facts"], summary="Who said what")
def quotes(
    request: Request,
    dossier: DossierDep,
    speaker: Words = None,
    about: Words = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    all_copies: Annotated[bool, Query(description="Every copy, not each statement once.")] = False,
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """Quotes, reported speech and beliefs, oldest first, each statement once."""
    found = dossier.quotes(
        speaker=speaker,
        about=about,
        date_from=_date("from", date_from),
        date_to=_date("to", date_to),
        limit=offset + limit,
        all_copies=all_copies,
    )
    page = _page(found, offset, limit)
    return listing(request, page, limit=limit, offset=offset, output=output, name="quotes")


@router.get("/events", tags=["facts"], summary="Who did what to whom")
def events(
    request: Request,
    dossier: DossierDep,
    actor: Words = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO3: RUS.")] = None,
    event_type: Annotated[str | None, Query(alias="type", max_length=20)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    merged: Annotated[bool, Query(description="Each event once, its reports merged.")] = False,
    event: Annotated[str | None, Query(max_length=64, description="A merged event's id.")] = None,
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """PLOVER events by date (undated last): every report, or each event once with
    ``merged``."""
    found = dossier.events(
        actor=actor,
        country=country,
        event_type=event_type,
        date_from=_date("from", date_from),
        date_to=_date("to", date_to),
        merged=merged,
        event=event,
        limit=offset + limit,
    )
    page = _page(found, offset, limit)
    return listing(request, page, limit=limit, offset=offset, output=output, name="events")


@router.get("/timeline", tags=["facts"], summary="Events and statements by date")
def timeline(
    request: Request,
    dossier: DossierDep,
    actor: Words = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """Each merged event and each statement once, by date, of one actor if asked."""
    found = dossier.timeline(
        actor=actor,
        date_from=_date("from", date_from),
        date_to=_date("to", date_to),
        limit=offset + limit,
    )
    page = _page(found, offset, limit)
    return listing(request, page, limit=limit, offset=offset, output=output, name="timeline")


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
    request: Request,
    dossier: DossierDep,
    target: Annotated[
        str | None, Query(max_length=200, description='A KB target: "Eurasian integration".')
    ] = None,
    holder: Words = None,
    country: Country = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """Stances (for, against, neutral) oldest first, each with its holder, target, the country
    the holder spoke for and the evidence it was read from."""
    found = dossier.stances(
        target=target,
        holder=holder,
        country=country,
        date_from=_date("from", date_from),
        date_to=_date("to", date_to),
        limit=offset + limit,
    )
    page = _page(found, offset, limit)
    return listing(request, page, limit=limit, offset=offset, output=output, name="stance")


@router.get("/stance/trends", tags=["facts"], summary="Stances added up by holder or country")
def stance_trends(
    request: Request,
    dossier: DossierDep,
    target: Annotated[str | None, Query(max_length=200)] = None,
    by: Annotated[Literal["actor", "country"], Query(description="Group by holder or country.")] = (
        "actor"
    ),
    per: Annotated[Literal["all", "year", "month"], Query(description="Period.")] = "all",
    country: Country = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = API_DEFAULT_PAGE,
    offset: Offset = 0,
    output: Format = None,
) -> Response:
    """For/against/neutral counts per group and period, with evidence counts: a change of side
    shows as a group's periods turning from for to against."""
    found = dossier.stance_trends(
        target=target,
        by=by,
        period=per,
        country=country,
        date_from=_date("from", date_from),
        date_to=_date("to", date_to),
    )
    page = _page(found, offset, limit)
    return listing(request, page, limit=limit, offset=offset, output=output, name="stance")


# --- the knowledge base --------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeRow:
    """One term of an actor's, as a row: who, which office, from when to when."""

    actor_id: str
    actor: str
    office_id: str
    office: str
    start: str
    end: str | None
    elected: str | None
    acting: bool
    source: str


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
    return plain(dossier.who(office, _date("on", on)))
