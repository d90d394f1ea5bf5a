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

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from dossier.errors import DossierError, ErrorCode
from dossier.model import Document, Fact, Mention, Provenance, Sentence, Timex
from dossier.settings import resolve_db

if TYPE_CHECKING:
    import pandas as pd

    from dossier.kb.importers.leaders import Disagreement
    from dossier.kb.loader import KnowledgeBase
    from dossier.kb.queries import ActorProfile, WhoAnswer
    from dossier.store import Store
    from dossier.store.records import DocumentSummary, SearchHit, StoreStats, StoryCopy

R = TypeVar("R")

#: Called once per input record read by ``ingest``: (source path, outcome).
RecordCallback = Callable[[str, str], None]


# --- records: one serialiser for every face ------------------------------------------------------


def record_columns(record_type: type) -> list[str]:
    """The columns a record type becomes in a frame or a JSON object, in order.

    A fact is flattened: ``fact_id``, ``doc_id``, its own fields, then the rest of its
    provenance (offsets into the original text, sentence, extractor, version, confidence).
    """
    own = [f.name for f in fields(record_type) if f.name != "provenance"]
    if not (isinstance(record_type, type) and issubclass(record_type, Fact)):
        return own
    rest = [f.name for f in fields(Provenance) if f.name not in own and f.name != "doc_id"]
    return ["fact_id", "doc_id", *own, *rest]


def record_dict(record: Any) -> dict[str, Any]:
    """One record as a flat dict of JSON-ready values, keys in ``record_columns`` order."""
    if not isinstance(record, Fact):
        values = plain(record)
        if not isinstance(values, dict):
            raise TypeError(f"not a record: {record!r}")
        return values
    provenance = record.provenance
    values = {"fact_id": record.fact_id, "doc_id": provenance.doc_id}
    for item in fields(record):
        if item.name != "provenance":
            values[item.name] = plain(getattr(record, item.name))
    for item in fields(Provenance):
        values.setdefault(item.name, getattr(provenance, item.name))
    return values


def plain(value: Any) -> Any:
    """``value`` as plain dicts, lists and scalars: records by their fields (or ``as_dict()``),
    facts flattened, tuples and sets as lists."""
    if isinstance(value, Fact):
        return record_dict(value)
    if isinstance(value, Records):
        return value.dicts()
    as_dict = getattr(value, "as_dict", None)
    if callable(as_dict):
        return plain(as_dict())
    if is_dataclass(value) and not isinstance(value, type):
        return {item.name: plain(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    return value


def to_json(value: Any) -> str:
    """One JSON document for any answer of this API (a record, a dict of figures, a list)."""
    return json.dumps(plain(value), ensure_ascii=False, default=str)


class Records(Sequence[R], Generic[R]):
    """Typed records of one kind, in order: a sequence, a DataFrame, or JSON lines.

    items: the records.
    record_type: their class, which gives the columns even when there are no records.
    """

    __slots__ = ("_items", "record_type")

    def __init__(self, items: Iterable[R], record_type: type[R]) -> None:
        self._items = tuple(items)
        self.record_type = record_type

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Records[R]: ...

    def __getitem__(self, index: int | slice) -> R | Records[R]:
        if isinstance(index, slice):
            return Records(self._items[index], self.record_type)
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[R]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Records):
            return self._items == other._items
        if isinstance(other, list | tuple):
            return list(self._items) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Records[{self.record_type.__name__}]({len(self)})"

    @property
    def columns(self) -> list[str]:
        """The column names of ``frame()`` and the keys of each JSON object."""
        return record_columns(self.record_type)

    def dicts(self) -> list[dict[str, Any]]:
        """Each record as a flat dict (see ``record_dict``)."""
        return [record_dict(record) for record in self._items]

    def frame(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per record, with ``columns`` even when empty."""
        import pandas as pd

        return pd.DataFrame(self.dicts(), columns=self.columns)

    def to_json(self) -> str:
        """JSON lines: one object per record, in order ("" when there are none)."""
        return "\n".join(json.dumps(d, ensure_ascii=False, default=str) for d in self.dicts())


# --- composite answers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentDetail:
    """One document with everything ``show`` prints: metadata, where it was read, what cleaning
    removed, and both texts."""

    document: Document
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        document, meta = self.document, self.document.meta
        return {
            "doc_id": document.doc_id,
            "story_id": document.story_id,
            "title": meta.title,
            "date": meta.date,
            "date_source": meta.date_source,
            "date_note": meta.date_note,
            "date_is_estimated": meta.date_is_estimated,
            "outlet": meta.outlet,
            "author": meta.author,
            "author_note": meta.author_note,
            "dateline": meta.dateline,
            "language": meta.language,
            "genre": meta.genre,
            "url": meta.url,
            "format": document.format,
            "sources": list(self.sources),
            "removed": [
                {"start": s.start, "end": s.end, "reason": s.reason}
                for s in document.cleaned.removed
            ],
            "text": document.clean_text,
            "original_text": document.original_text,
        }

    def to_json(self) -> str:
        return to_json(self)


@dataclass(frozen=True)
class MentionCount:
    """How often one stored document mentions an actor."""

    doc_id: str
    pub_date: str | None
    outlet: str | None
    title: str | None
    mentions: int


@dataclass(frozen=True)
class ActorReport:
    """An actor as the knowledge base and the corpus know it.

    query: the name asked for.
    profiles: one per actor the name may mean (more than one: the name is ambiguous).
    mentions: documents mentioning any of them, most mentions first; None when no store or
        no annotation can say, and ``mentions_note`` says why.
    """

    query: str
    profiles: tuple[ActorProfile, ...]
    mentions: Records[MentionCount] | None
    mentions_note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "profiles": [profile.as_dict() for profile in self.profiles],
            "mentions": None if self.mentions is None else self.mentions.dicts(),
            "mentions_note": self.mentions_note,
        }

    def to_json(self) -> str:
        return to_json(self)


@dataclass(frozen=True)
class LeaderDataset:
    """One external leaders dataset read for a cross-check."""

    dataset: str
    file: str
    spells: int
    unread: int


@dataclass(frozen=True)
class KbCheck:
    """A validated knowledge base: what it holds and, if asked, where REIGN and Archigos
    disagree with its heads of state and government.

    counts: rows per kind (actors, offices, terms, memberships, places, demonyms).
    datasets, disagreements: None unless the leaders were cross-checked.
    """

    counts: dict[str, int]
    datasets: tuple[LeaderDataset, ...] | None = None
    disagreements: tuple[Disagreement, ...] | None = None

    def as_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"valid": True, "counts": dict(self.counts)}
        if self.datasets is not None:
            record["datasets"] = plain(self.datasets)
            record["disagreements"] = plain(self.disagreements or ())
        return record

    def to_json(self) -> str:
        return to_json(self)


# --- the API -------------------------------------------------------------------------------------


class Dossier:
    """A dossier knowledge base: one store, read-only, and one knowledge base.

    db: a SQLite file path or a PostgreSQL URL; None means $DOSSIER_DB, else ./dossier.db.
        Opened read-only when first needed; a missing store is ``DossierError(S003)``.
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

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base, loaded and validated on first use (``DossierError(K001)``)."""
        from dossier.kb.loader import load_kb

        return load_kb(self.kb_dir)

    # -- documents ------------------------------------------------------------------------------

    def documents(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        story_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Records[DocumentSummary]:
        """Stored documents, oldest first (undated last), filtered by ISO date range, outlet,
        language and story; ``limit`` and ``offset`` page through them."""
        from dossier.store.records import DocumentSummary

        found = self.store.list_documents(
            date_from=date_from,
            date_to=date_to,
            outlet=outlet,
            language=language,
            story_id=story_id,
            limit=limit,
            offset=offset,
        )
        return Records(found, DocumentSummary)

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

    # -- facts ----------------------------------------------------------------------------------

    def facts(
        self, kind: str, *, doc_id: str | None = None, limit: int | None = None, **equal: Any
    ) -> Records[Fact]:
        """Stored facts of any registered kind (``store.kinds``), by document and position.

        kind: "mention", "timex", "sentence", or a kind a plugin registered.
        doc_id: only this document's (id or unique prefix).
        equal: column = value filters, e.g. ``actor_id="person:vladimir-putin"``.
        """
        from dossier.store.kinds import fact_kind

        record = fact_kind(kind).record
        full_id = None if doc_id is None else self.store.resolve_id(doc_id)
        found = self.store.read_facts(kind, doc_id=full_id, limit=limit, **equal)
        return Records(found, record)

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
    ) -> Records[Mention]:
        """Stored mentions with their provenance: of one document (id or unique prefix), of one
        actor (a KB id), or both, in text order."""
        equal = {} if actor_id is None else {"actor_id": actor_id}
        return self.facts("mention", doc_id=doc_id, limit=limit, **equal)

    # -- the knowledge base ---------------------------------------------------------------------

    def who(self, office: str, on: str | None = None) -> WhoAnswer:
        """Who held ``office`` (id, name or alias) on ``on`` (ISO; default today), with the term,
        whether acting, and anyone elected but not yet in office.

        Raises ``DossierError(K002)`` for an unknown office and ValueError for a bad date.
        """
        from dossier.kb.queries import who_held

        return who_held(self.kb, office, on or date.today().isoformat())

    def actor(self, name: str, *, limit: int = 20) -> ActorReport:
        """The actor(s) ``name`` means (id, name, alias or surname): aliases, offices and
        memberships over time, members, and the documents mentioning them most.

        limit: most documents to list. Raises ``DossierError(K002)`` for an unknown name.
        """
        from dossier.kb.queries import actor_profiles

        profiles = tuple(actor_profiles(self.kb, name))
        mentions, note = self._mention_counts([p.actor.id for p in profiles], limit)
        return ActorReport(name, profiles, mentions, note)

    def _mention_counts(
        self, actor_ids: list[str], limit: int
    ) -> tuple[Records[MentionCount] | None, str | None]:
        try:
            store = self.store
        except DossierError as error:
            if error.code is ErrorCode.S003_NO_STORE:
                return None, f"no store at {self.location}: mentions need an annotated corpus"
            return None, f"mentions not shown: {error}"
        if not store.read_facts("mention", limit=1):
            return None, "no mentions stored yet: run dossier annotate"
        counts: Counter[str] = Counter()
        for actor_id in actor_ids:
            for doc_id, *_, mentions in store.mention_counts(actor_id):
                counts[doc_id] += mentions
        summaries = store.summaries(counts)
        rows = [
            MentionCount(doc_id, s.pub_date, s.outlet, s.title, counts[doc_id])
            for doc_id, s in summaries.items()
        ]
        rows.sort(key=lambda r: (-r.mentions, r.pub_date is None, r.pub_date or "", r.doc_id))
        return Records(rows[:limit], MentionCount), None

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
        self, paths: Iterable[str | Path], *, on_record: RecordCallback | None = None
    ) -> Any:
        """Read, clean, deduplicate and store documents from files, folders or globs, creating
        the store if need be; returns the ingest driver's summary."""
        from dossier.drivers.ingest import ingest_paths
        from dossier.store import Store

        with Store.open(self.location, self.extra_migrations) as store:
            return ingest_paths(paths, store, on_record=on_record)

    def annotate(
        self,
        *,
        force: bool = False,
        workers: int | None = None,
        on_document: Callable[[str], None] | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> Any:
        """Run the pipeline (with this dossier's KB) over every stored document not yet
        annotated by the current extractor versions, and store the facts; returns the annotate
        driver's summary.

        force: annotate every document again.
        workers: processes running the pipeline; None for one per core.
        """
        from dossier.drivers.annotate import annotate_store
        from dossier.nlp import PipelineConfig
        from dossier.store import Store

        with Store.open(self.location, self.extra_migrations) as store:
            return annotate_store(
                store,
                config=PipelineConfig(kb_dir=self.kb_dir),
                workers=workers or os.cpu_count() or 1,
                force=force,
                on_document=on_document,
                on_start=on_start,
            )
