"""Typed records passed between dossier's stages.

Data flows one way: a reader turns a file into ``RawRecord`` objects (or ``ReadFailure``),
cleaning turns a record's original text into a ``CleanedText`` whose ``OffsetMap`` ties every
character of the cleaned text back to the original, metadata extraction adds ``DocumentMeta``,
and the pipeline assembles a ``Document`` that the store keeps. Later stages (entities, time,
quotes, events) attach facts that carry a ``Provenance`` pointing into both texts.
"""

from __future__ import annotations

import bisect
import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Literal

SourceFormat = Literal["text", "jsonl", "html", "feed"]


@dataclass(frozen=True)
class RawRecord:
    """One document as a reader found it, before cleaning.

    source_path: where it came from; a file path, with ``#L<n>`` for a JSONL line,
        ``!<member>`` for a member of a .zip, ``#item<n>`` for a feed entry.
    format: which reader produced it.
    text: the original text (for HTML, the main text trafilatura extracted from the page).
    fields: metadata the source states outright (``title``, ``date``, ``url``, ``outlet``,
        ``authors``, ``external_id``, ``language``, ``dateline``, ``genre``); absent keys mean
        the source did not say.
    encoding: the character encoding the bytes were decoded from, when bytes were decoded.
    """

    source_path: str
    format: SourceFormat
    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None


@dataclass(frozen=True)
class ReadFailure:
    """A file, line or member that could not be read; the batch goes on without it.

    reason is written for a person: what went wrong and, where useful, what to do.
    """

    source_path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source_path if self.line is None else f"{self.source_path}#L{self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class RemovedSpan:
    """A span of the original text that cleaning dropped, and why."""

    start: int
    end: int
    reason: str  # "date-line", "teaser", "caption", "widget", "link-residue", "whitespace", ...


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets between a cleaned text and the original it was cut from.

    Cleaning only deletes spans, so the cleaned text is the concatenation of kept segments.
    ``segments`` holds ``(clean_start, original_start, length)`` for each kept segment, in order.
    """

    segments: tuple[tuple[int, int, int], ...]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(((0, 0, length),) if length else ())

    @classmethod
    def from_removed(cls, original_length: int, removed: list[RemovedSpan]) -> OffsetMap:
        """Build the map for the text left after deleting ``removed`` (may overlap, any order)."""
        segments: list[tuple[int, int, int]] = []
        position = 0
        clean_position = 0
        for span in sorted(removed, key=lambda s: (s.start, s.end)):
            if span.start > position:
                length = span.start - position
                segments.append((clean_position, position, length))
                clean_position += length
            position = max(position, span.end)
        if original_length > position:
            segments.append((clean_position, position, original_length - position))
        return cls(tuple(segments))

    def to_original(self, clean_offset: int) -> int:
        """The original offset of the character at ``clean_offset`` in the cleaned text.

        An offset equal to the cleaned length (an exclusive end) maps to just after the last
        kept character.
        """
        if not self.segments:
            return 0
        starts = [s[0] for s in self.segments]
        index = max(bisect.bisect_right(starts, clean_offset) - 1, 0)
        clean_start, original_start, length = self.segments[index]
        delta = clean_offset - clean_start
        if delta > length:  # past the end of the cleaned text
            delta = length
        return original_start + delta

    def to_clean(self, original_offset: int) -> int:
        """The cleaned offset for ``original_offset``; a removed position maps to the next kept."""
        for clean_start, original_start, length in self.segments:
            if original_offset < original_start:
                return clean_start
            if original_offset <= original_start + length:
                return clean_start + (original_offset - original_start)
        if not self.segments:
            return 0
        clean_start, _, length = self.segments[-1]
        return clean_start + length

    def to_json(self) -> list[list[int]]:
        return [list(s) for s in self.segments]

    @classmethod
    def from_json(cls, data: list[list[int]]) -> OffsetMap:
        return cls(tuple((int(a), int(b), int(c)) for a, b, c in data))


@dataclass(frozen=True)
class CleanedText:
    """The article body left after cleaning, with the way back to the original."""

    text: str
    offsets: OffsetMap
    removed: tuple[RemovedSpan, ...] = ()


@dataclass(frozen=True)
class DocumentMeta:
    """What a document says about itself.

    date: ISO 8601 at the precision the evidence allows (``2011-11-18``, ``2012-03``), or None.
    date_source: where the date came from (``date-line``, ``field``, ``html-meta``, ``lead``,
        ``estimated``), None when undated.
    date_note: why the date is what it is; always set for an undated or estimated document.
    """

    title: str | None = None
    url: str | None = None
    date: str | None = None
    date_source: str | None = None
    date_note: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    author: str | None = None
    author_note: str | None = None
    language: str | None = None
    genre: str | None = None

    @property
    def date_is_estimated(self) -> bool:
        return self.date_source == "estimated"


@dataclass(frozen=True)
class Document:
    """A cleaned, described document ready to store.

    doc_id: stable id from the content (see ``content_id``), so re-ingesting is a no-op.
    source_path: where this copy was read from (a document may be found at several paths).
    story_id: the id of the story this document belongs to; its own id unless it is a
        near-duplicate of a document seen earlier.
    """

    doc_id: str
    source_path: str
    format: SourceFormat
    original_text: str
    cleaned: CleanedText
    meta: DocumentMeta
    story_id: str | None = None
    external_id: str | None = None
    encoding: str | None = None

    @property
    def clean_text(self) -> str:
        return self.cleaned.text

    @classmethod
    def from_plain_text(cls, text: str, source_path: str, meta: DocumentMeta) -> Document:
        """A document of plain text that needs no cleaning (its cleaned text is ``text``), with
        its id from the content: texts written in code, for tests and benchmarks."""
        return cls(
            doc_id=content_id(text),
            source_path=source_path,
            format="text",
            original_text=text,
            cleaned=CleanedText(text, OffsetMap.identity(len(text))),
            meta=meta,
        )


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: exact characters of one stored document, and who found it.

    doc_id: the stored document's id ("" for a text that is not stored, as in an evaluation).
    start, end: character offsets in the cleaned text (the text the pipeline read).
    original_start, original_end: the same characters in the original text, through the
        cleaning's ``OffsetMap``.
    sentence: the index of the sentence holding ``start`` (0-based), None when unknown.
    extractor: the component that found the fact (``dossier_linker``, ``dossier_timex``).
    extractor_version: that component's version (logic plus what it reads, e.g. the KB); a
        fact is redone only when its extractor's version changes.
    confidence: how sure the extractor is, 0-1.
    """

    doc_id: str
    start: int
    end: int
    original_start: int
    original_end: int
    sentence: int | None
    extractor: str
    extractor_version: str
    confidence: float = 1.0


def content_id(text: str) -> str:
    """A stable 16-hex-digit id for a document's content.

    The text is NFC-normalised and its whitespace collapsed first, so the same article saved with
    other line endings or trailing blanks gets the same id.
    """
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def make_fact_id(
    doc_id: str, kind: str, extractor: str, start: int, end: int, key: str = ""
) -> str:
    """The stable id of a fact: a hash of where it is, what kind it is and who found it.

    Re-running an unchanged extractor on an unchanged document gives the same ids, so links
    between facts, and references from outside (a report, a bookmark), survive re-annotation.
    ``key`` tells apart facts of one kind an extractor may find on the same span.
    """
    material = "\x1f".join((doc_id, kind, extractor, str(start), str(end), key))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, kw_only=True)
class Fact:
    """What every extracted fact is: a record with a required ``Provenance``.

    Subclasses name their ``kind`` (the registry key the store files them under,
    ``store/kinds.py``) and add their own fields. ``fact_id`` is stable across re-runs, and
    hashed once per record (the driver, the writer and each link ask for it; it is frozen)."""

    kind: ClassVar[str] = "fact"
    provenance: Provenance

    def fact_key(self) -> str:
        """What tells this fact apart from another of its kind on the same span ("" if nothing)."""
        return ""

    @cached_property
    def fact_id(self) -> str:
        p = self.provenance
        return make_fact_id(p.doc_id, self.kind, p.extractor, p.start, p.end, self.fact_key())

    @property
    def doc_id(self) -> str:
        return self.provenance.doc_id

    @property
    def index(self) -> int | None:
        """The number of the sentence the fact is in."""
        return self.provenance.sentence


@dataclass(frozen=True)
class Mention(Fact):
    """A name or description in a document, resolved to the actor it means on the document's date.

    text, start, end: the mention as written, and its character offsets in the text the spaCy
        ``Doc`` was built from (the cleaned text).
    label: spaCy/KB label: ``PERSON``, ``ORG``, ``GPE``, ``LOC``, ``FAC``, ``NORP``, ``EVENT``.
    actor_id: the knowledge base id (``person:vladimir-putin``, ``gov:RUS``); None for NIL (an
        actor the KB lacks) and for a place named as a place.
    actor: the canonical name: the KB's name, or for NIL the surface name ("Mars Sariev").
    role: the office the actor held on the document's date, as the KB names it ("President of
        Russia", "President-elect of Kyrgyzstan", "former Prime Minister of Ukraine"), or a
        description from the text ("correspondent, RFE/RL"); None if none.
    country: ISO 3166-1 alpha-3 of the actor's country, None if unknown or stateless.
    metonym: a place name standing for its government or institution ("Moscow announced").
    resolution: how it was resolved: ``alias``, ``title+name``, ``role``, ``metonym``,
        ``surname``, ``coref``, ``nil``.
    """

    kind: ClassVar[str] = "mention"

    text: str
    start: int
    end: int
    label: str
    actor_id: str | None
    actor: str
    role: str | None = None
    country: str | None = None
    metonym: bool = False
    resolution: str = "nil"


@dataclass(frozen=True)
class Timex(Fact):
    """A time expression in a document, normalised as a TimeML TIMEX3.

    text, start, end: the expression as written, and its character offsets in the text the spaCy
        ``Doc`` was built from. The extent follows TimeML: no leading preposition ("on Friday"
        is tagged "Friday").
    type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
    value: the TIMEX3 value: ``2011-11-18``, ``2011-10``, ``2011-FA``, ``2012-W03``, ``19`` (the
        20th century), ``P4Y``, ``PXY``, ``PRESENT_REF``, ``XXXX-12-25``, ``2013-11-21TEV``.
    anchor: the ISO date the value was computed from (the document date, or an earlier date of
        the text for "the next day"); None when the expression is absolute or needs no anchor.
    mod: TimeML ``mod`` where the text qualifies the value (``START`` for "early 2012",
        ``MORE_THAN`` for "more than four years"), else None.
    """

    kind: ClassVar[str] = "timex"

    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    anchor: str | None = None
    mod: str | None = None


@dataclass(frozen=True)
class Sentence(Fact):
    """One sentence of a document and its reference time: the date its facts are about.

    Its number in the document (0-based) is ``provenance.sentence``, its span
    ``provenance.start``/``end``.
    text: the sentence as written (cleaned text).
    reference_time: its own timex's date, else its paragraph's narrative time, else the
        publication date (ISO at its granularity), None when none is known.
    """

    kind: ClassVar[str] = "sentence"

    text: str
    reference_time: str | None = None


QuoteKind = Literal["direct", "partial", "indirect", "belief"]


@dataclass(frozen=True)
class Quote(Fact):
    """What someone said, wrote or believes, tied to who: a direct quote, a quoted fragment
    inside reported speech, reported speech without marks, or a stated belief.

    text, start, end: the content as written, without the quotation marks (a split quote
        ``"...," he said. "..."`` runs from its first word to its last and so holds the frame).
    kind: ``direct`` (a whole statement in marks), ``partial`` (a quoted fragment inside
        reported speech), ``indirect`` (reported speech: "X said that ..."), ``belief`` ("X
        expects that ...").
    cue, cue_start, cue_end: the speech or belief verb ("said", "according to"), None if none.
    speaker, speaker_start, speaker_end: the speaker as written ("he", "the Kyrgyz analyst"),
        None when no speaker was found.
    speaker_actor: the speaker's canonical name (the linked mention's actor, or the words of a
        group such as "analysts"); speaker_actor_id: its knowledge base id, None for NIL.
    speaker_group: the speaker is a group spoken of as one ("analysts", "Kremlin critics"),
        not a person or an institution.
    speaker_actors: every canonical speaker when several speak as one ("Putin and Lukashenko
        said"), in the text's order; empty when there is one speaker (``speaker_actor``).
    medium: how it was said, where the text says so: ``interview``, ``statement``,
        ``newspaper``, ``television``, ``radio``, ``social media``, ``press conference``,
        ``speech``, ``book``; None when the text does not say.
    said_on: when it was said, as a TIMEX3 value ("2011-11-18"): what the text says of the
        saying ("told Rossiya-24 on Friday"), else the sentence's reference time; None unknown.
    """

    kind: ClassVar[str] = "quote"

    text: str
    start: int
    end: int
    quote_kind: QuoteKind
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_actor: str | None = None
    speaker_actor_id: str | None = None
    speaker_group: bool = False
    speaker_actors: tuple[str, ...] = ()
    medium: str | None = None
    said_on: str | None = None

    def fact_key(self) -> str:
        # A partial quote and the reported speech around it may end on one span.
        return self.quote_kind


#: PLOVER 2 event types (the 16 of the PLOVER manual).
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

EventModality = Literal["asserted", "negated", "future", "hypothetical", "generic"]


@dataclass(frozen=True)
class EventActor:
    """One actor of an event's source or target set.

    actor: canonical name (the linked mention's actor, or the words for NIL).
    actor_id: knowledge base id, None for NIL.
    country: ISO 3166-1 alpha-3 of the actor (its own, or its government's), None if unknown.
    sector: what kind of actor (``government``, ``military``, ``business``, ``civil society``,
        ``media``, ``international organisation``...), None if unknown.
    mention_start, mention_end: the mention it was read from (cleaned-text offsets), None when
        the actor is implied (the subject of a coordinated verb).
    """

    actor: str
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None


@dataclass(frozen=True)
class Event(Fact):
    """Who did what to whom, and when: one PLOVER event read from one sentence.

    text, start, end: the trigger (the verb or noun that names the event) as written and its
        cleaned-text offsets; the sentence is ``provenance.sentence``.
    event_type: PLOVER 2 type (``PLOVER_TYPES``).
    mode, context: PLOVER ``mode`` (e.g. ``sign`` for AGREE) and ``context`` (e.g.
        ``economic``) where evident, else None.
    cameo: the closest CAMEO code ("057"), None if none; goldstein: its Goldstein score.
    source, target: the actors as sets (a compound subject is one event with several sources).
    date: when it happened, a TIMEX3 value: the sentence's own time expression, else its
        reference time; date_basis says which (``timex``, ``sentence``, ``publication``), None
        when no date is known.
    location: the place where stated, None otherwise.
    modality: ``asserted``, ``negated``, ``future``, ``hypothetical`` or ``generic``.
    """

    kind: ClassVar[str] = "event"

    text: str
    start: int
    end: int
    event_type: str
    source: tuple[EventActor, ...] = ()
    target: tuple[EventActor, ...] = ()
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    date: str | None = None
    date_basis: str | None = None
    location: str | None = None
    modality: EventModality = "asserted"

    def fact_key(self) -> str:
        # One trigger may code two events ("agreed and signed" is one; a verb with two
        # objects of different types is two).
        return self.event_type


StanceBasis = Literal["said", "did", "reported", "author"]


@dataclass(frozen=True)
class Stance(Fact):
    """Who stands where: a holder for (+1), against (-1) or neutral (0) toward a target, read
    from one piece of evidence (a quote, an event or a sentence, linked as ``evidence``).

    text, start, end: the evidence's words (quote content, event trigger, clause) and offsets.
    holder, holder_id: canonical name and KB id (None for NIL); a country is its government.
    holder_country: ISO3 the holder speaks for on ``date`` (a person through the office the KB
        says they held then); None for an analyst, a party, a group.
    target, target_id: a KB target (``target:eurasian-integration``) or any actor (``gov:RUS``).
    polarity: +1, -1 or 0; strength: 0-1, from the cue; cue: the word (or event type).
    basis: ``said`` (own words), ``did`` (an event), ``reported`` (the text reports the holder
        wanting or resisting), ``author`` (an opinion piece's author in his own voice).
    evidence_kind, evidence_id: the evidence fact (``quote``, ``event``, ``sentence``).
    date: the evidence's own time (``said_on``, the event's date, the sentence's reference).
    """

    kind: ClassVar[str] = "stance"

    text: str
    start: int
    end: int
    holder: str
    target: str
    polarity: int
    holder_id: str | None = None
    holder_country: str | None = None
    target_id: str | None = None
    strength: float = 1.0
    basis: StanceBasis = "reported"
    cue: str | None = None
    evidence_kind: str = "sentence"
    evidence_id: str | None = None
    date: str | None = None

    def fact_key(self) -> str:
        # One piece of evidence may carry several stances: two holders, two targets.
        return "\x1f".join((self.holder_id or self.holder, self.target_id or self.target))


@dataclass(frozen=True)
class FactLink:
    """A typed edge between two facts of one document: a quote to its speaker mention, an event
    to its actor mentions, a stance to its evidence.

    from_fact, to_fact: ``fact_id`` of each end.
    relation: what the edge means (``speaker``, ``source_actor``, ``evidence``...).
    extractor, extractor_version: who drew it; links are replaced with their extractor's facts.
    """

    doc_id: str
    from_fact: str
    to_fact: str
    relation: str
    extractor: str
    extractor_version: str


@dataclass(frozen=True)
class DateEstimate:
    """An estimate of when an undated document was written.

    value: ISO date at the precision the evidence allows (``2012-03``, ``2021``).
    earliest, latest: the first and last day (ISO) the evidence leaves possible.
    evidence: one sentence per piece of evidence, for a person to check.
    """

    value: str
    earliest: str
    latest: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentFacts:
    """Everything the pipeline found in one stored document, ready for the writer.

    doc_id: the document's id.
    versions: extractor name -> version, for every extractor that ran: the writer replaces
        exactly those extractors' facts and links, and marks the document done by them.
    facts: the facts found, any kind, each with its provenance.
    links: edges between those facts.
    dated: whether the date estimator ran on this (undated) document; then ``date_estimate``
        is its conclusion, None meaning the content gave no evidence, and the writer records it.
    date_estimate: the publication date estimated from the content, or None.
    """

    doc_id: str
    versions: dict[str, str]
    facts: tuple[Fact, ...] = ()
    links: tuple[FactLink, ...] = ()
    dated: bool = False
    date_estimate: DateEstimate | None = None

    def of_kind(self, kind: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.kind == kind]
