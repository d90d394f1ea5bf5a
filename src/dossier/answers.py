"""The answers of the query API: typed records, and the one serialiser every face uses.

``Records`` is a sequence of records of one kind with ``.frame()`` (pandas) and ``.to_json()``
(JSON lines); the composite answers (``DocumentDetail``, ``ActorReport``, ``PlaceReport``,
``KbCheck``) serialise themselves with ``to_json``. ``dossier.query`` re-exports them all.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from dossier.model import Document, Fact, Provenance

if TYPE_CHECKING:
    import pandas as pd

    from dossier.kb.importers.leaders import Disagreement
    from dossier.kb.queries import ActorProfile
    from dossier.kb.records import Actor, Place

R = TypeVar("R")


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

    def to_csv(self) -> str:
        """CSV text: a header of ``columns``, then one row per record. A cell holds one value:
        a list of plain values is joined by "; ", a list of records (an event's actors) is its
        JSON, so nothing is lost; an empty list is an empty cell."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=self.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in self.dicts())
        return buffer.getvalue()


def csv_cell(value: Any) -> Any:
    """One CSV cell of a record's value (see ``Records.to_csv``)."""
    if isinstance(value, list):
        if any(isinstance(item, dict | list) for item in value):
            return json.dumps(value, ensure_ascii=False, default=str)
        return "; ".join("" if item is None else str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


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
    date_is_estimated: bool
    outlet: str | None
    title: str | None
    mentions: int


@dataclass(frozen=True)
class ActorReport:
    """An actor as the knowledge base and the corpus know it, or a place the name stands for.

    query: the name asked for.
    profiles: one per actor the name may mean (more than one: the name is ambiguous); empty
        when the name is a place's.
    mentions: documents mentioning any of them (or naming the place), most mentions first;
        None when no store or no annotation can say, and ``mentions_note`` says why.
    place: the knowledge base's place of that name, when no actor has it ("Moscow").
    stands_for: the actor the place's name means when it acts ("Moscow said": the Russian
        government), if any.
    """

    query: str
    profiles: tuple[ActorProfile, ...]
    mentions: Records[MentionCount] | None
    mentions_note: str | None = None
    place: Place | None = None
    stands_for: Actor | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "profiles": [profile.as_dict() for profile in self.profiles],
            "place": plain(self.place),
            "stands_for_name": None if self.stands_for is None else self.stands_for.name,
            "mentions": None if self.mentions is None else self.mentions.dicts(),
            "mentions_note": self.mentions_note,
        }

    def to_json(self) -> str:
        return to_json(self)


@dataclass(frozen=True)
class TimelineEntry:
    """One dated item of a timeline: a merged event or a statement.

    kind: "event" or "quote". what: the PLOVER type of an event, the kind of a quote
        (direct, indirect, ...). who, whom: an event's source and target actors (names joined by
        ", "), a quote's speaker (whom empty). text: the event's sentence, or the quote.
    fact_id: the merged event's or the statement's id; doc_id: where it was first read.
    documents: how many documents told it.
    """

    date: str | None
    kind: str
    what: str
    who: str
    whom: str
    text: str
    doc_id: str
    fact_id: str
    outlet: str | None
    documents: int


@dataclass(frozen=True)
class ActorNode:
    """One actor of the co-occurrence network: its KB id, name, country, and how many
    documents mention it."""

    actor_id: str
    name: str
    country: str | None
    documents: int


@dataclass(frozen=True)
class ActorLink:
    """Two actors named together, ``weight`` times (documents or sentences)."""

    source_id: str
    source: str
    target_id: str
    target: str
    weight: int


@dataclass(frozen=True)
class ActorNetwork:
    """The actor co-occurrence network: nodes and links, counted ``within`` documents or
    sentences."""

    within: str
    nodes: Records[ActorNode]
    links: Records[ActorLink]

    def as_dict(self) -> dict[str, Any]:
        return {"within": self.within, "nodes": self.nodes.dicts(), "links": self.links.dicts()}

    def to_json(self) -> str:
        return to_json(self)


@dataclass(frozen=True)
class AnnotationState:
    """Whether a document's facts were looked for, so an empty answer can say which it is.

    state: "annotated" (what is stored is all there is), "not annotated" (run annotate) or
        "unsupported language" (stored and searchable, but the pipeline does not read it).
    language: the document's language, for "unsupported language".
    """

    doc_id: str
    state: str
    language: str | None = None


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
