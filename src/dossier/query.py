"""The one query API every face of dossier uses (CLI, REST, web, reports, notebooks).

A ``Dossier`` reads: it opens its store read-only, on first use, and answers with typed records:
``Records`` (a sequence with ``.frame()`` for pandas and ``.to_json()`` for JSON lines) or one
record with ``.to_json()``. Questions of the knowledge base (who held an office, who an actor
is) go through it too, so a face never reaches around it:

>>> from dossier.query import Dossier
>>> with Dossier("dossier.db") as dossier:
...     hits = dossier.search("customs union")
...     hits.frame().head()
...     dossier.document(hits[0].doc_id).meta

Writing lives beside reading, not inside it: ``Dossier.ingest`` and ``Dossier.annotate`` hand
over to the drivers (``dossier.drivers``) on a writable store opened for that call only.
Nothing a read needs imports the drivers, spaCy or Alembic.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from dossier.answers import (
    ActorLink,
    ActorNetwork,
    ActorNode,
    ActorReport,
    AnnotationState,
    DocumentDetail,
    KbCheck,
    LeaderDataset,
    MentionCount,
    Records,
    TimelineEntry,
    plain,
    record_columns,
    record_dict,
    to_json,
)
from dossier.errors import DossierError, ErrorCode
from dossier.model import Fact, Mention, Sentence, Timex
from dossier.query_filters import actor_filter, check_country, date_bounds
from dossier.query_stance import StanceQueries
from dossier.settings import DB_ENV_VAR, resolve_db

if TYPE_CHECKING:
    from dossier.kb.loader import KnowledgeBase
    from dossier.kb.queries import WhoAnswer
    from dossier.model import Document
    from dossier.store import Store
    from dossier.store.records import (
        DocumentFilters,
        DocumentSummary,
        EventHit,
        IngestRun,
        QuoteHit,
        SearchHit,
        StoreStats,
        StoryCopy,
    )

__all__ = [
    "ActorLink",
    "ActorNetwork",
    "ActorNode",
    "ActorReport",
    "AnnotationState",
    "Dossier",
    "DocumentDetail",
    "KbCheck",
    "LeaderDataset",
    "MentionCount",
    "Records",
    "TimelineEntry",
    "plain",
    "record_columns",
    "record_dict",
    "to_json",
]

#: Called once per input record read by ``ingest``: (source path, outcome).
RecordCallback = Callable[[str, str], None]


# --- the API -------------------------------------------------------------------------------------


class Dossier(StanceQueries):
    """A dossier knowledge base: one store, read-only, and one knowledge base.

    db: a SQLite file path or a PostgreSQL URL; None means $DOSSIER_DB, else ./dossier.db.
        Opened read-only when first needed; a missing store is ``DossierError(S003)``. Only
        ``ingest`` creates one.
    kb_dir: a folder of knowledge-base CSV files; None for the package's own.
    extra_migrations: folders of a plugin's Alembic revisions (its fact kinds' tables), as
        ``Store.open`` takes them.
    """

    def __init__(
        self,
        db: str | None = None,
        *,
        kb_dir: str | Path | None = None,
        extra_migrations: tuple[str, ...] = (),
    ) -> None:
        self.location = resolve_db(db)
        #: Whether a store was named (``db`` or $DOSSIER_DB), not just the default's file.
        self.store_named = bool(db or os.environ.get(DB_ENV_VAR))
        self.kb_dir = str(kb_dir) if kb_dir is not None else None
        self.extra_migrations = tuple(extra_migrations)
        self._store: Store | None = None

    def __enter__(self) -> Dossier:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store's connections, if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None

    @property
    def store(self) -> Store:
        """The store, opened read-only on first use."""
        if self._store is None:
            from dossier.store import Store

            self._store = Store.open(self.location, self.extra_migrations, read_only=True)
        return self._store

    def require_store(self) -> None:
        """Raise ``DossierError(S003)``, naming the location, unless a dossier store is there:
        only ``ingest`` creates one, so a mistyped ``--db`` is never a new, empty store."""
        from dossier.store import Store

        Store.open(self.location, self.extra_migrations, read_only=True).close()

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base, loaded and validated on first use (``DossierError(K001)``)."""
        from dossier.kb.loader import load_kb

        return load_kb(self.kb_dir)

    # -- documents ------------------------------------------------------------------------------

    def documents(self, **filters: Unpack[DocumentFilters]) -> Records[DocumentSummary]:
        """Stored documents, oldest first (undated last), filtered by ISO date range, outlet,
        language and story; ``limit`` and ``offset`` page through them (``DocumentFilters``)."""
        from dossier.store.records import DocumentSummary

        return Records(self.store.list_documents(**filters), DocumentSummary)

    def document(self, doc_id: str) -> Document:
        """One document by id (or a unique prefix of at least 6 characters)."""
        return self.store.get_document(doc_id)

    def document_detail(self, doc_id: str) -> DocumentDetail:
        """One document with the paths it was read from (id or unique prefix)."""
        document = self.store.get_document(doc_id)
        return DocumentDetail(document, tuple(self.store.get_sources(document.doc_id)))

    def sources(self, doc_id: str) -> list[str]:
        """Every path the document was read from, the first seen first."""
        return self.store.get_sources(doc_id)

    def duplicates(self) -> Records[StoryCopy]:
        """Stories told by two or more stored documents, one record per document, story by
        story, the story's first document first."""
        from dossier.store.records import StoryCopy

        return Records(self.store.duplicate_groups(), StoryCopy)

    def search(
        self, query: str, *, limit: int = 20, highlight: tuple[str, str] = ("[", "]")
    ) -> Records[SearchHit]:
        """Full-text search, best first, with snippets whose matches sit between ``highlight``.

        query: words, "quoted phrases", -excluded words; any text is safe.
        """
        from dossier.store.records import SearchHit

        return Records(self.store.search(query, limit=limit, highlight=highlight), SearchHit)

    def stats(self) -> StoreStats:
        """Counts over the store: documents, stories, outlets, languages, years, runs."""
        return self.store.stats()

    def runs(self, *, limit: int | None = None) -> Records[IngestRun]:
        """The recorded ingest runs, newest first, each with its status: finished, interrupted,
        killed (no end recorded and its process gone) or running."""
        from dossier.store.records import IngestRun

        return Records(self.store.ingest_runs(limit), IngestRun)

    # -- facts ----------------------------------------------------------------------------------

    def facts(
        self,
        kind: str,
        *,
        doc_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        **equal: Any,
    ) -> Records[Fact]:
        """Stored facts of any registered kind (``store.kinds``), by document and position.

        kind: "mention", "timex", "sentence", or a kind a plugin registered.
        doc_id: only this document's (id or unique prefix).
        limit, offset: at most ``limit`` facts after skipping ``offset``, for paging.
        equal: column = value filters, e.g. ``actor_id="person:vladimir-putin"``.
        """
        from dossier.store.kinds import fact_kind

        record = fact_kind(kind).record
        full_id = None if doc_id is None else self.store.resolve_id(doc_id)
        found = self.store.read_facts(kind, doc_id=full_id, limit=limit, offset=offset, **equal)
        return Records(found, record)

    def fact_kinds(self) -> list[str]:
        """The names of every registered fact kind ("event", "mention", ...), sorted."""
        from dossier.store.kinds import FACT_KINDS

        return sorted(FACT_KINDS)

    def document_facts(self, doc_id: str) -> dict[str, Records[Fact]]:
        """Every stored fact of one document (id or unique prefix), by kind, in text order."""
        full_id = self.store.resolve_id(doc_id)
        return {kind: self.facts(kind, doc_id=full_id) for kind in self.fact_kinds()}

    def sentences(self, doc_id: str) -> Records[Sentence]:
        """A document's sentences with their reference times (own timex, paragraph's, or the
        publication date), in order."""
        return self.facts("sentence", doc_id=doc_id)

    def timexes(self, doc_id: str) -> Records[Timex]:
        """A document's time expressions (TIMEX3 values) with offsets into both texts."""
        return self.facts("timex", doc_id=doc_id)

    def mentions(
        self,
        *,
        doc_id: str | None = None,
        actor_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Records[Mention]:
        """Stored mentions with their provenance: of one document (id or unique prefix), of one
        actor (a KB id), or both, in text order; ``limit`` and ``offset`` page through them."""
        equal = {} if actor_id is None else {"actor_id": actor_id}
        return self.facts("mention", doc_id=doc_id, limit=limit, offset=offset, **equal)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
        all_copies: bool = False,
    ) -> Records[QuoteHit]:
        """Who said what, oldest first: stored quotes, reported speech and beliefs, each
        statement once (with ``copies``, ``outlets`` and its first appearance, ``first_seen``
        and ``first_seen_doc``), or every copy of it with ``all_copies``.

        speaker: a name the KB knows (any alias or surname: all its actors' quotes), or words of
            a speaker's name the KB lacks ("Sariev", "analysts").
        about: words the quote contains. date_from, date_to: ISO dates (any precision) bounding
            when it was said (what the text says of the saying, ``said_on``, else its
            sentence's reference time), inclusive. Raises ValueError for a date that is not ISO.

        Each record also says how it was said where the text says so (``medium``: interview,
        statement, newspaper, television, radio, press conference, speech, social media,
        book).
        """
        from dossier.store.records import QuoteHit

        bounds = date_bounds(date_from, date_to)
        speaker_ids, speaker_name = actor_filter(self.kb, speaker)
        found = self.store.quotes(
            speaker_ids=speaker_ids,
            speaker_name=speaker_name,
            about=about,
            date_from=bounds[0],
            date_to=bounds[1],
            limit=limit,
            all_copies=all_copies,
        )
        return Records(found, QuoteHit)

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        merged: bool = False,
        event: str | None = None,
        limit: int | None = None,
    ) -> Records[EventHit]:
        """Who did what to whom, and when: stored PLOVER events by date (undated last), every
        report, or with ``merged`` each event once (reports of one event in several documents
        merged: ``merged_id``, ``reports``, ``documents``, ``outlets``). For GDELT and PLOVER
        output, hand the records to ``dossier.event_formats``.

        actor: a name the KB knows (any alias: all its actors' events, an index look-up), else
            words of an actor's name it lacks; source or target. country: ISO 3166-1 alpha-3,
            source or target.
        event_type: a PLOVER type (any case). date_from, date_to: ISO dates (any precision)
            bounding when it happened, inclusive. event: only the reports of one merged event
            (its ``merged_id``, or a prefix of it). Raises ValueError for a date that is not ISO,
            an unknown type or a country that is not three letters.
        """
        from dossier.model import PLOVER_TYPES
        from dossier.store.records import EventHit

        bounds = date_bounds(date_from, date_to)
        if event_type and event_type.upper() not in PLOVER_TYPES:
            raise ValueError(f"no PLOVER type {event_type!r}; known: {', '.join(PLOVER_TYPES)}")
        check_country(country, "RUS")
        actor_ids, actor_name = actor_filter(self.kb, actor)
        found = self.store.events(
            actor_ids=actor_ids,
            actor_name=actor_name,
            country=country,
            event_type=event_type,
            date_from=bounds[0],
            date_to=bounds[1],
            merged=merged,
            event=event,
            limit=limit,
        )
        return Records(found, EventHit)

    def timeline(
        self,
        *,
        actor: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> Records[TimelineEntry]:
        """What happened and what was said, by date (undated last): each merged event and each
        statement once, of one actor (as source, target or speaker) if ``actor`` is given.

        actor: a name the KB knows (any alias), else words of a name it lacks.
        date_from, date_to: ISO dates (any precision), inclusive. Raises ValueError for a date
            that is not ISO.
        """
        from dossier.overviews import timeline_entries

        events = self.events(actor=actor, date_from=date_from, date_to=date_to, merged=True)
        quotes = self.quotes(speaker=actor, date_from=date_from, date_to=date_to)
        entries = timeline_entries(events, quotes)
        return Records(entries[:limit] if limit is not None else entries, TimelineEntry)

    def actor_network(self, *, within: str = "document", min_weight: int = 1) -> ActorNetwork:
        """Which actors the corpus names together: one node per KB actor mentioned, one link per
        pair named in the same document (or sentence), weighted by how many of them.

        within: "document" or "sentence". min_weight: leave out links seen fewer times.
        Raises ValueError for another ``within``.
        """
        from dossier.overviews import cooccurrence

        return cooccurrence(self.facts("mention"), within=within, min_weight=min_weight)

    # -- the knowledge base ---------------------------------------------------------------------

    def who(self, office: str, on: str | None = None) -> WhoAnswer:
        """Who held ``office`` (id, name or alias) on ``on`` (ISO; default today), with the term,
        whether acting, and anyone elected but not yet in office.

        Raises ``DossierError(K002)`` for an unknown office and ValueError for a bad date.
        """
        from dossier.kb.queries import who_held

        return who_held(self.kb, office, on or date.today().isoformat())

    def known_actor(self, actor_id: str) -> str:
        """``actor_id`` if the knowledge base has such an actor; ``DossierError(K002)`` if not."""
        if actor_id not in self.kb.actors:
            raise DossierError(ErrorCode.K002_UNKNOWN, f"no actor with id {actor_id!r}")
        return actor_id

    def actor(self, name: str, *, limit: int = 20) -> ActorReport:
        """The actor(s) ``name`` means (id, name, alias or surname): aliases, offices and
        memberships over time, members, and the documents mentioning them most. A name the
        knowledge base knows only as a place ("Moscow") answers with the place: whom its name
        stands for when it acts, and the documents naming it as a place.

        limit: most documents to list. Raises ``DossierError(K002)`` for an unknown name, and
        ``DossierError(S003)`` when the store named by ``db`` or $DOSSIER_DB does not exist.
        """
        from dossier.kb.queries import actor_profiles

        kb = self.kb
        try:
            profiles = tuple(actor_profiles(kb, name))
        except DossierError as error:
            place = kb.place(name) if error.code is ErrorCode.K002_UNKNOWN else None
            if place is None:
                raise
            stands_for = kb.actors.get(place.stands_for) if place.stands_for else None
            found = self._counts(
                lambda store: _place_mentions(store, place.name).most_common(), limit
            )
            return ActorReport(name, (), *found, place=place, stands_for=stands_for)
        actor_ids = [p.actor.id for p in profiles]
        found = self._counts(lambda store: store.top_mentioning(actor_ids, limit), limit)
        return ActorReport(name, profiles, *found)

    def _counts(
        self, count: Callable[[Store], list[tuple[str, int]]], limit: int
    ) -> tuple[Records[MentionCount] | None, str | None]:
        """The documents ``count`` finds in the store ((doc_id, mentions) pairs, at least the
        ``limit`` with most mentions), most mentions first, or why none can be shown (no store
        at the default place, nothing annotated)."""
        try:
            store = self.store
        except DossierError as error:
            if error.code is ErrorCode.S003_NO_STORE and not self.store_named:
                return None, f"no store at {self.location}: mentions need an annotated corpus"
            raise
        if not store.read_facts("mention", limit=1):
            return None, "no mentions stored yet: run dossier annotate"
        counts = dict(count(store))
        summaries = store.summaries(counts)
        rows = [
            MentionCount(doc_id, s.pub_date, s.date_is_estimated, s.outlet, s.title, counts[doc_id])
            for doc_id, s in summaries.items()
        ]
        rows.sort(key=lambda r: (-r.mentions, r.pub_date is None, r.pub_date or "", r.doc_id))
        return Records(rows[:limit], MentionCount), None

    def annotation_state(self, doc_id: str) -> AnnotationState:
        """Whether a document (id or unique prefix) was annotated, or why not: so an empty list
        of its facts can say whether there is nothing to find or nothing was looked for."""
        from dossier.nlp import is_supported

        full_id = self.store.resolve_id(doc_id)
        if self.store.annotation_versions([full_id]).get(full_id):
            return AnnotationState(full_id, "annotated")
        document = self.store.get_document(full_id)
        if not is_supported(document):
            return AnnotationState(full_id, "unsupported language", document.meta.language)
        return AnnotationState(full_id, "not annotated")

    def check_kb(
        self, *, leaders_from: Path | None = None, countries: Iterable[str] | None = None
    ) -> KbCheck:
        """Validate the knowledge base and count what it holds; with ``leaders_from`` (the shared
        kb folder: reign/, archigos/, ngec_polecat/), cross-check its heads of state and
        government against REIGN and Archigos.

        countries: ISO3 codes to cross-check (any case); None for every curated one.
        Raises ``DossierError(K001)`` for an invalid KB, OSError for unreadable leader data.
        """
        kb = self.kb
        counts = {
            "actors": len(kb.actors),
            "offices": len(kb.offices),
            "terms": len(kb.terms),
            "memberships": len(kb.memberships),
            "places": len(kb.places),
            "demonyms": len(kb.demonyms),
        }
        if leaders_from is None:
            return KbCheck(counts)
        from dossier.kb.importers.leaders import compare_with_curated, read_leader_datasets

        datasets = read_leader_datasets(Path(leaders_from))
        spells = [spell for dataset in datasets for spell in dataset.spells]
        wanted = [code.upper() for code in countries] if countries else None
        disagreements = compare_with_curated(kb, spells, countries=wanted)
        read = tuple(
            LeaderDataset(d.dataset, d.file, len(d.spells), len(d.problems)) for d in datasets
        )
        return KbCheck(counts, read, tuple(disagreements))

    # -- writing, beside the read path ----------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        on_record: RecordCallback | None = None,
        engine: str = "multiprocess",
        scheduler: str | None = None,
        workers: int | None = None,
    ) -> Any:
        """Read, clean, deduplicate and store documents from files, folders or globs, creating
        the store if need be; returns the ingest driver's summary.

        engine: "multiprocess" prepares the documents in this process; "dask" on a Dask
            cluster (``scheduler``'s, or a local one of ``workers`` processes).
        """
        from dossier.drivers.ingest import ingest_paths
        from dossier.store import Store

        preparer = None
        if engine == "dask":
            from dossier.drivers.dask_engine import DaskIngest

            preparer = DaskIngest(scheduler=scheduler, workers=workers)
        with Store.open(self.location, self.extra_migrations) as store:
            return ingest_paths(paths, store, on_record=on_record, preparer=preparer)

    def merge_bands(self, *, force: bool = False) -> Any:
        """Merge the near-duplicate index's pending bands into its main table if due (always
        with ``force``); returns ``dossier.store.stories.BandMerge``."""
        from dossier.store import Store

        with Store.open(self.location, self.extra_migrations) as store:
            return store.merge_bands(force=force)

    def annotate(
        self,
        *,
        force: bool = False,
        workers: int | None = None,
        on_document: Callable[[str], None] | None = None,
        on_start: Callable[[int], None] | None = None,
        engine: str = "multiprocess",
        scheduler: str | None = None,
    ) -> Any:
        """Run the pipeline (with this dossier's KB) over every stored document not yet
        annotated by the current extractor versions, and store the facts; returns the annotate
        driver's summary.

        force: annotate every document again.
        workers: processes running the pipeline; None for one per core.
        engine: "multiprocess" (this process's workers) or "dask" (a Dask cluster: the one at
            ``scheduler``, or a local one of ``workers`` processes).
        """
        from dossier.drivers.annotate import annotate_store
        from dossier.nlp import PipelineConfig
        from dossier.store import Store

        runner = None
        if engine == "dask":
            from dossier.drivers.dask_engine import DaskAnnotate

            runner = DaskAnnotate(scheduler=scheduler, workers=workers)

        self.require_store()
        with Store.open(self.location, self.extra_migrations) as store:
            return annotate_store(
                store,
                config=PipelineConfig(kb_dir=self.kb_dir),
                workers=workers or os.cpu_count() or 1,
                force=force,
                on_document=on_document,
                on_start=on_start,
                runner=runner,
            )


def _place_mentions(store: Store, name: str) -> Counter[str]:
    """doc_id -> how often the document names the place ``name`` as a place (unlinked to an
    actor; "Moscow announced", linked to the government, is the government's)."""
    found = store.read_facts("mention", actor=name, actor_id=None)
    return Counter(fact.provenance.doc_id for fact in found)
