"""The typed records the store's reads return (documents themselves are ``model.Document``).

Plain frozen dataclasses: no pandas, no JSON. ``dossier.query`` wraps lists of them in
``Records``, which gives a DataFrame (``.frame()``) or JSON lines (``.to_json()``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple, TypedDict, TypeVar

from dossier.model import EventActor


class DocumentFilters(TypedDict, total=False):
    """The filters of a document listing, each named (``Store.list_documents`` says what each
    means); the query API passes them through as they are."""

    date_from: str | None
    date_to: str | None
    outlet: str | None
    language: str | None
    story_id: str | None
    limit: int | None
    offset: int


@dataclass(frozen=True)
class DocumentSummary:
    """One stored document as a listing shows it: what it says about itself, not its text.

    pub_date: ISO at the precision known (``2012``, ``2012-03``, ``2012-03-05``), None if undated.
    date_is_estimated: the date was estimated from the content, not stated.
    story_id: the id of the story it tells (its own id unless it is a near-duplicate).
    word_count: words of the cleaned text.
    """

    doc_id: str
    pub_date: str | None
    date_is_estimated: bool
    outlet: str | None
    author: str | None
    dateline: str | None
    language: str | None
    genre: str | None
    title: str | None
    story_id: str
    word_count: int


@dataclass(frozen=True)
class StoryCopy:
    """One document of a story told by two or more stored documents."""

    story_id: str
    doc_id: str
    pub_date: str | None
    date_is_estimated: bool
    outlet: str | None
    title: str | None


@dataclass(frozen=True)
class SearchHit:
    """One full-text match.

    score: higher is better; comparable within one result only.
    snippet: text around the matches, each match between the highlight markers asked for.
    date_is_estimated: the date was estimated from the content, not stated.
    """

    doc_id: str
    score: float
    pub_date: str | None
    date_is_estimated: bool
    outlet: str | None
    title: str | None
    snippet: str


@dataclass(frozen=True)
class IngestRun:
    """One ingest run: when it ran (ISO, UTC, ``Z``), how it ended and what it counted.

    status: ``finished``; ``interrupted`` (stopped by Ctrl-C or SIGTERM, what it read is stored);
        ``killed`` (it never recorded its end and its process is gone: counts stay 0, what its
        finished batches stored is kept); ``running``.
    host, pid: the process that ran it (None for runs recorded before dossier kept them).
    """

    id: int
    started_at: str
    finished_at: str | None
    status: str
    interrupted: bool
    read: int
    new: int
    duplicate: int
    near_duplicate: int
    failed: int
    host: str | None = None
    pid: int | None = None


@dataclass(frozen=True)
class StoreStats:
    """Counts over a store, from one consistent snapshot.

    near_duplicates: documents beyond the first of their story.
    undated, estimated: documents without a date, and with an estimated one.
    date_range: (earliest, latest) publication date, or () when nothing is dated.
    by_year, by_language, by_outlet: documents per value, ``(unknown)`` for none; by_outlet
        holds the ten largest outlets.
    runs: ingest runs that recorded their end (finished or interrupted); last_run: the latest
        of them, and failures_last_run: the inputs it could not read.
    unfinished_runs: the runs that did not, by status: ``killed`` (the process is gone) and
        ``running``.
    """

    documents: int
    stories: int
    near_duplicates: int
    sources: int
    undated: int
    estimated: int
    date_range: tuple[str, ...]
    by_year: dict[str, int] = field(default_factory=dict)
    by_language: dict[str, int] = field(default_factory=dict)
    by_outlet: dict[str, int] = field(default_factory=dict)
    runs: int = 0
    unfinished_runs: dict[str, int] = field(default_factory=dict)
    failures_last_run: int = 0
    last_run: IngestRun | None = None


def columns(record_type: type) -> list[str]:
    """The field names of a record type, in order: the columns of its table or frame."""
    return [item.name for item in fields(record_type)]


Record = TypeVar("Record")


def record_from_row(record_type: type[Record], row: Mapping[str, Any]) -> Record:
    """The record whose every field is the ``row`` column of the same name (other columns
    left unread)."""
    return record_type(**{name: row[name] for name in columns(record_type)})


@dataclass(frozen=True)
class QuoteHit:
    """One stored quote as ``dossier quotes`` lists it: who said what, when, where.

    date: when it was said: what the text says of the saying (``said_on``), else its
        sentence's reference time, else the publication date.
    speaker_actor, speaker_actor_id: the canonical speaker and KB id (None for NIL or a group).
    kind: ``direct``, ``partial``, ``indirect`` or ``belief``.
    start, end: the content's characters in the document's cleaned text.
    medium: how it was said where the text says so (``interview``, ``statement``,
        ``newspaper``, ``television``, ...), else None.
    said_on: the TIMEX3 value the quote stage gave the saying, None for quotes stored before
        it did (their ``date`` is their sentence's).
    statement_id: the statement this quote is a copy of (the fact id of its first appearance);
        None until the statements stage has grouped it.
    copies: documents carrying the statement; outlets: their outlets, in order of appearance.
    first_seen, first_seen_doc: the publication date and document of its first appearance.
    """

    fact_id: str
    doc_id: str
    date: str | None
    outlet: str | None
    title: str | None
    speaker_actor: str | None
    speaker_actor_id: str | None
    speaker: str | None
    kind: str
    cue: str | None
    text: str
    start: int
    end: int
    medium: str | None = None
    said_on: str | None = None
    statement_id: str | None = None
    copies: int | None = None
    outlets: tuple[str, ...] = ()
    first_seen: str | None = None
    first_seen_doc: str | None = None


@dataclass(frozen=True)
class EventHit:
    """One stored event as ``dossier events`` lists it: who did what to whom, when, where read.

    fact_id, doc_id: the report (for a merged event, its first matching report).
    date: when it happened (TIMEX3 value at its precision), None when unknown; for a merged event
        the most precise date its reports give. Never the publication date (that is pub_date).
    source, target: the actor sets (``model.EventActor``); for a merged event, of all its reports.
    modality: ``asserted``, ``negated``, ``future``, ``hypothetical`` or ``generic``.
    text, start, end: the trigger and its cleaned-text offsets; sentence: the sentence's number,
        sentence_text: the sentence itself (None until the time stage stored it).
    merged_id: the merged event it reports (its first report's fact id); None until the merging
        stage has run. reports, documents: how many reports and documents tell the merged event;
        outlets: theirs, in order of first report.
    """

    fact_id: str
    doc_id: str
    date: str | None
    event_type: str
    source: tuple[EventActor, ...]
    target: tuple[EventActor, ...]
    modality: str
    mode: str | None
    context: str | None
    cameo: str | None
    goldstein: float | None
    location: str | None
    text: str
    start: int
    end: int
    sentence: int | None
    sentence_text: str | None
    date_basis: str | None
    confidence: float
    extractor: str
    pub_date: str | None
    outlet: str | None
    title: str | None
    url: str | None
    merged_id: str | None = None
    reports: int = 1
    documents: int = 1
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class StanceHit:
    """One stored stance as ``dossier stance`` lists it: who stands where, on what evidence.

    fact_id, doc_id: the stance fact and its document.
    date: when the stance held (the evidence's own time, TIMEX3 value), None when unknown.
    holder, holder_id, holder_country: who holds it, and the country it speaks for then.
    target, target_id: toward what. polarity: +1 for, -1 against, 0 neutral; strength 0-1.
    basis: ``said``, ``did``, ``reported`` or ``author`` (``model.Stance``). cue: the word.
    evidence_kind, evidence_id: the evidence fact; text, start, end: its words and offsets;
        sentence_text: the sentence holding it.
    pub_date, outlet, title, url: the document's.
    """

    fact_id: str
    doc_id: str
    date: str | None
    holder: str
    holder_id: str | None
    holder_country: str | None
    target: str
    target_id: str | None
    polarity: int
    strength: float
    basis: str
    cue: str | None
    evidence_kind: str
    evidence_id: str | None
    text: str
    start: int
    end: int
    sentence: int | None
    sentence_text: str | None
    confidence: float
    pub_date: str | None
    outlet: str | None
    title: str | None
    url: str | None


@dataclass(frozen=True)
class StanceTrend:
    """The stances of one holder (an actor, or a country) toward one target in one period.

    group: the holder's name, or the country's ISO3 (``--by country``); period: ``2013``,
    ``2013-09`` or "" for all time. in_favour, against, neutral: how many stances of each;
    score: (in_favour - against) / stances, from -1 to +1; side: ``for``, ``against``,
    ``mixed`` or ``neutral``; evidence: how many stances (pieces of evidence) in all;
    documents: in how many documents; first, last: the earliest and latest dates.
    """

    group: str
    target: str
    period: str
    in_favour: int
    against: int
    neutral: int
    score: float
    side: str
    evidence: int
    documents: int
    first: str | None
    last: str | None


class StanceCount(NamedTuple):
    """The stances of one group, target and period, added up (``Store.stance_counts``)."""

    group: str
    target: str
    period: str
    in_favour: int
    against: int
    stances: int
    documents: int
    first: str | None
    last: str | None
