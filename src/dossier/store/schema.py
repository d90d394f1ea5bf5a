"""The store's tables as SQLAlchemy 2 declarative classes, shared by SQLite and PostgreSQL.

These classes describe the schema for queries and for Alembic's autogenerate; the tables
themselves are created by the migrations in ``migrations/versions``, which also add what only
one database has: the FTS5 table and its triggers on SQLite, the ``search_vector`` column and its
GIN index on PostgreSQL. A change here needs a new migration.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    FetchedValue,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

#: Fixed constraint names, so later migrations can drop or alter them by name on both databases
#: (SQLite's batch mode needs names to find constraints again).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: A date string compared byte by byte (as Python compares it) on PostgreSQL too.
BYTEWISE = String(64).with_variant(String(64, collation="C"), "postgresql")

#: Length of a document id: ``model.content_id`` gives 16 hex digits.
DOC_ID_LENGTH = 16

#: Objects that exist in the database but not in these classes; autogenerate must leave them be.
SEARCH_OBJECTS = frozenset(
    {
        "documents_fts",
        "search_vector",
        "ix_documents_search_vector",
        # The trigram index of quote texts (migration 0015): its tables and triggers on SQLite,
        # its GIN index on PostgreSQL.
        "quotes_trigram",
        "ix_quotes_text_trgm",
        # PostgreSQL's index of quotes by date with their text (migration 0018): INCLUDE.
        "ix_quotes_said_date_text",
        # The actor page's descending index (migration 0016), which autogenerate cannot compare.
        "ix_actor_documents_rank",
    }
)


def autogenerate_includes(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic ``include_object`` hook: leave the hand-made full-text objects out of comparisons.

    obj: the schema item.
    name: its name.
    type_: its kind ("table", "column", "index", ...).
    reflected: whether it was found in the database rather than in these classes.
    compare_to: its counterpart on the other side, if any.
    """
    if name is None:
        return True
    return not any(name == n or name.startswith(f"{n}_") for n in SEARCH_OBJECTS)


def document_key(**options: Any) -> Any:
    """A column naming a stored document, its row gone with the document (ON DELETE CASCADE)."""
    return mapped_column(
        String(DOC_ID_LENGTH), ForeignKey("documents.doc_id", ondelete="CASCADE"), **options
    )


def document_seq(**options: Any) -> Any:
    """A column naming a stored document by its ``seq``, its row gone with the document."""
    return mapped_column(BigInteger, ForeignKey("documents.seq", ondelete="CASCADE"), **options)


def fact_key(referred: str, **options: Any) -> Any:
    """A column naming a stored fact (or a group, by its first fact's id) as ``referred``
    ("table.column"), its row gone with it (ON DELETE CASCADE)."""
    return mapped_column(
        String(FACT_ID_LENGTH), ForeignKey(referred, ondelete="CASCADE"), **options
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRow(Base):
    """One stored document: its texts, the map between them, what it says about itself."""

    __tablename__ = "documents"
    # Story look-ups: a story's first document by its own id, its copies by this index, which
    # holds only them (migration 0022): a new story's key is random, its copy's is not.
    __table_args__ = (
        Index(
            "ix_documents_story_copies",
            "story_id",
            sqlite_where=text("story_id <> doc_id"),
            postgresql_where=text("story_id <> doc_id"),
        ),
    )

    doc_id: Mapped[str] = mapped_column(String(DOC_ID_LENGTH), primary_key=True)
    # A stable integer per document for the SQLite full-text index to point at: SQLite's own
    # rowid of a table keyed by a string may be renumbered by VACUUM, which would silently detach
    # the index. An identity on PostgreSQL; on SQLite given by the writer before the insert
    # (``database._number_rows``), else by the insert trigger.
    seq: Mapped[int | None] = mapped_column(BigInteger, FetchedValue(), unique=True)
    story_id: Mapped[str] = mapped_column(String(DOC_ID_LENGTH))
    format: Mapped[str] = mapped_column(String(16))
    source_path: Mapped[str] = mapped_column(Text)  # where it was first seen
    external_id: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    pub_date: Mapped[str | None] = mapped_column(String(32), index=True)
    date_source: Mapped[str | None] = mapped_column(String(32))
    date_note: Mapped[str | None] = mapped_column(Text)
    date_is_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    dateline: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    author: Mapped[str | None] = mapped_column(Text)
    author_note: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(35), index=True)  # longest BCP 47 tag
    genre: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(Text)
    original_text: Mapped[str] = mapped_column(Text)
    clean_text: Mapped[str] = mapped_column(Text)
    offset_map: Mapped[list[list[int]]] = mapped_column(JSON)
    removed_spans: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    word_count: Mapped[int] = mapped_column(Integer)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)  # UTC, naive


documents = DocumentRow.__table__


class DocumentSourceRow(Base):
    """A path a document was read from besides its first (``documents.source_path``,
    migration 0022); a document read from three paths has two."""

    __tablename__ = "document_sources"
    __table_args__ = (UniqueConstraint("doc_id", "source_path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = document_key()
    source_path: Mapped[str] = mapped_column(Text)


document_sources = DocumentSourceRow.__table__


class IngestRunRow(Base):
    """One ingest run: when, over which paths, and what it found."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)  # UTC, naive
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    paths: Mapped[list[str]] = mapped_column(JSON)
    read: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    duplicate: Mapped[int] = mapped_column(Integer, default=0)
    near_duplicate: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    interrupted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The process running it, to tell a killed run from a live one (``store/runs.py``).
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    process_start: Mapped[str | None] = mapped_column(String(64))  # Linux: boot id, start tick


ingest_runs = IngestRunRow.__table__


class IngestFailureRow(Base):
    """One input an ingest run could not read, and why."""

    __tablename__ = "ingest_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True
    )
    source_path: Mapped[str] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


ingest_failures = IngestFailureRow.__table__


#: Length of a fact id: ``model.make_fact_id`` gives 20 hex digits.
FACT_ID_LENGTH = 20


class FactColumns:
    """The columns every stored fact shares: its stable id, its document, its exact characters
    in both the cleaned and the original text, its sentence, the extractor (and version) that
    found it and how sure it was. A fact kind's table adds its record's own fields."""

    fact_id: Mapped[str] = mapped_column(String(FACT_ID_LENGTH), primary_key=True)
    start: Mapped[int] = mapped_column(Integer)  # in the cleaned text
    end: Mapped[int] = mapped_column(Integer)
    original_start: Mapped[int] = mapped_column(Integer)  # in the original text
    original_end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)

    @declared_attr
    def doc_id(cls) -> Mapped[str]:  # noqa: N805 - SQLAlchemy passes the class
        return document_key(index=True)


class MentionRow(FactColumns, Base):
    """One mention of an actor (or a NIL name) in a document (``model.Mention``)."""

    __tablename__ = "mentions"
    # With the document in the index, counting an actor's mentions per document (an actor
    # page) never reads the table (migration 0013).
    __table_args__ = (Index("ix_mentions_actor_id_doc_id", "actor_id", "doc_id"),)

    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(String(32))
    actor_id: Mapped[str | None] = mapped_column(String(200))  # None: NIL
    actor: Mapped[str | None] = mapped_column(Text)  # canonical name, or the surface name
    role: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    metonym: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str | None] = mapped_column(String(32))


mentions = MentionRow.__table__


class TimexRow(FactColumns, Base):
    """One time expression, normalised as a TimeML TIMEX3 (``model.Timex``)."""

    __tablename__ = "timexes"

    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64), index=True)
    anchor: Mapped[str | None] = mapped_column(String(32))
    mod: Mapped[str | None] = mapped_column(String(32))


timexes = TimexRow.__table__


class SentenceRow(FactColumns, Base):
    """One sentence and its reference time (``model.Sentence``); ``sentence`` is its number."""

    __tablename__ = "sentences"

    text: Mapped[str] = mapped_column(Text)
    reference_time: Mapped[str | None] = mapped_column(String(64))


sentences = SentenceRow.__table__


class QuoteRow(FactColumns, Base):
    """A quote, reported speech or belief and its speaker (``model.Quote``)."""

    __tablename__ = "quotes"
    # A speaker's quotes oldest first straight off an index, so a page of them stops after its
    # rows (migration 0014). Every quote oldest first (migration 0015): a text search for one
    # or two characters, which the trigram index cannot serve and which most quotes match,
    # walks it and stops after a page. Longer words go through the trigram index instead, so
    # the walk no longer serves (as it did before 0015) a rare word row by row.
    __table_args__ = (
        Index("ix_quotes_speaker_actor_id_said_date", "speaker_actor_id", "said_date", "doc_id",
              "start", "fact_id"),
        Index("ix_quotes_said_date", "said_date", "doc_id", "start", "fact_id"),
    )  # fmt: skip

    text: Mapped[str] = mapped_column(Text)
    quote_kind: Mapped[str] = mapped_column(String(16))
    cue: Mapped[str | None] = mapped_column(Text)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_actor: Mapped[str | None] = mapped_column(Text, index=True)
    speaker_actor_id: Mapped[str | None] = mapped_column(String(200))
    speaker_group: Mapped[bool] = mapped_column(Boolean, default=False)
    speaker_actors: Mapped[list[str]] = mapped_column(JSON, default=list)
    medium: Mapped[str | None] = mapped_column(String(32))
    said_on: Mapped[str | None] = mapped_column(String(32))
    # When it was said, as ``Store.quotes`` orders and bounds by it: ``said_on``, else its
    # sentence's reference time, else the document's date. Not a record field: the fact writer
    # derives it (``store.quotes.refresh_said_dates``) after every write to the document.
    said_date: Mapped[str | None] = mapped_column(String(64))


quotes = QuoteRow.__table__


class FactLinkRow(Base):
    """A typed edge between two facts of one document (``model.FactLink``)."""

    __tablename__ = "fact_links"

    from_fact: Mapped[str] = mapped_column(String(FACT_ID_LENGTH), primary_key=True)
    to_fact: Mapped[str] = mapped_column(String(FACT_ID_LENGTH), primary_key=True, index=True)
    relation: Mapped[str] = mapped_column(String(64), primary_key=True)
    extractor: Mapped[str] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(32))
    doc_id: Mapped[str] = document_key(index=True, nullable=False)


fact_links = FactLinkRow.__table__


class AnnotationRow(Base):
    """Which extractors have annotated which documents, and at which version.

    A document's facts of one extractor are redone only when that extractor's effective version
    changes (``dossier.nlp.extractor_versions``), so ``dossier annotate`` can be re-run, or
    resumed after an interruption, without redoing finished work, and a KB edit redoes only the
    extractors that read the KB.
    """

    __tablename__ = "annotations"

    doc_id: Mapped[str] = document_key(primary_key=True)
    extractor: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(32))
    annotated_at: Mapped[datetime] = mapped_column(DateTime)  # UTC, naive


annotations = AnnotationRow.__table__


class LshBandRow(Base):
    """One LSH band of a document's near-duplicate signature, as a 64-bit hash: documents that
    share a band are candidate copies of each other (``store/stories.py``)."""

    __tablename__ = "lsh_bands"

    # The document's seq, not its id (migration 0024): seq only grows, so new documents' rows
    # go to the end of the key's index; only the band-hash index takes them at random.
    seq: Mapped[int] = document_seq(primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    band_hash: Mapped[int] = mapped_column(BigInteger, index=True)


lsh_bands = LshBandRow.__table__


class LshBandPendingRow(Base):
    """A band of a document stored since the last merge (``store/stories.py``): new documents'
    bands are written to this small table and moved into ``lsh_bands`` in band-hash order in
    batches, so an ingest does not dirty a random page of the large index per band."""

    __tablename__ = "lsh_bands_pending"

    seq: Mapped[int] = document_seq(primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    band_hash: Mapped[int] = mapped_column(BigInteger, index=True)


lsh_bands_pending = LshBandPendingRow.__table__


class StatementRow(Base):
    """One statement: quotes of one or more documents carrying the same words, linked by the
    statements stage (``extract/statements.py``); its id is its first appearance's fact id."""

    __tablename__ = "statements"

    statement_id: Mapped[str] = mapped_column(String(FACT_ID_LENGTH), primary_key=True)
    speaker_actor_id: Mapped[str | None] = mapped_column(String(200), index=True)
    speaker_actor: Mapped[str | None] = mapped_column(Text)
    first_doc_id: Mapped[str] = document_key()
    first_date: Mapped[str | None] = mapped_column(String(32))
    copies: Mapped[int] = mapped_column(Integer)  # documents carrying it
    quote_count: Mapped[int] = mapped_column(Integer)  # quotes carrying it
    outlets: Mapped[list[str]] = mapped_column(JSON)  # in order of first appearance


statements = StatementRow.__table__


class StatementQuoteRow(Base):
    """Which statement a stored quote is a copy of; goes with the quote when it is rewritten."""

    __tablename__ = "statement_quotes"

    fact_id: Mapped[str] = fact_key("quotes.fact_id", primary_key=True)
    statement_id: Mapped[str] = fact_key("statements.statement_id", index=True)


statement_quotes = StatementQuoteRow.__table__


class EventRow(FactColumns, Base):
    """One report of a PLOVER event (``model.Event``): its trigger, type, actor sets and date.

    ``source`` and ``target`` hold the actor sets as JSON lists (the record as it was coded);
    ``event_actors`` repeats each actor as a row so that asking by actor or country is an index
    look-up on both databases. ``(event_type, date)`` is the index the merging stage and the
    type and date filters read by; ``date`` alone serves a date range over every type.
    """

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_event_type_date", "event_type", "date"),)

    text: Mapped[str] = mapped_column(Text)
    event_type: Mapped[str] = mapped_column(String(16))
    source: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    target: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    mode: Mapped[str | None] = mapped_column(String(32))
    context: Mapped[str | None] = mapped_column(String(32))
    cameo: Mapped[str | None] = mapped_column(String(8))
    goldstein: Mapped[float | None] = mapped_column(Float)
    date: Mapped[str | None] = mapped_column(String(64), index=True)
    date_basis: Mapped[str | None] = mapped_column(String(16))
    location: Mapped[str | None] = mapped_column(Text)
    modality: Mapped[str] = mapped_column(String(16))


events = EventRow.__table__


class EventActorRow(Base):
    """One actor of a stored event, on its side (``source`` or ``target``), at its position.

    Why a table beside the JSON lists: a JSON list cannot be indexed the same way on SQLite and
    PostgreSQL (``json_each`` against a GIN index on ``jsonb``), and ``dossier events --actor``
    and ``--country`` must stay index look-ups on a corpus of millions of events. Written with
    its event by the fact writer (``store.kinds.SideTable``); goes with it when it is rewritten.
    """

    __tablename__ = "event_actors"
    # An actor's events are found by their fact ids from the index alone (migration 0013), those
    # of a span of dates by one range of it (the event's date beside each actor, 0017).
    __table_args__ = (
        Index("ix_event_actors_actor_id_date_fact_id", "actor_id", "date", "fact_id"),
    )

    fact_id: Mapped[str] = fact_key("events.fact_id", primary_key=True)
    side: Mapped[str] = mapped_column(String(8), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str | None] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    date: Mapped[str | None] = mapped_column(String(64))  # the event's date (``events.date``)


event_actors = EventActorRow.__table__


class MergedEventRow(Base):
    """One event as reported by one or more stored event facts, linked by the event merging
    stage (``extract/merge_events.py``); its id is its first report's fact id.

    date: the most precise date its reports give; source, target: the union of their actors.
    reports, documents, outlets: how often, in how many documents and by which outlets it was
    reported (GDELT's NumMentions, NumArticles and NumSources).
    """

    __tablename__ = "merged_events"
    __table_args__ = (Index("ix_merged_events_event_type_date", "event_type", "date"),)

    merged_id: Mapped[str] = mapped_column(String(FACT_ID_LENGTH), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(64), index=True)
    source: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    target: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    cameo: Mapped[str | None] = mapped_column(String(8))
    goldstein: Mapped[float | None] = mapped_column(Float)
    modality: Mapped[str] = mapped_column(String(16))
    first_doc_id: Mapped[str] = document_key()
    reports: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    outlets: Mapped[list[str]] = mapped_column(JSON)  # in order of first report


merged_events = MergedEventRow.__table__


class MergedEventReportRow(Base):
    """Which merged event a stored event fact reports; goes with the fact when it is rewritten,
    which is how the merging stage knows it is behind."""

    __tablename__ = "merged_event_reports"

    fact_id: Mapped[str] = fact_key("events.fact_id", primary_key=True)
    merged_id: Mapped[str] = fact_key("merged_events.merged_id", index=True)


merged_event_reports = MergedEventReportRow.__table__


class StanceRow(FactColumns, Base):
    """Who stands where (``model.Stance``): a holder for, against or neutral toward a target,
    from one piece of evidence, at the evidence's own date.

    ``(target_id, date)`` is the index ``dossier stance --target`` reads by; ``holder_id`` and
    ``holder_country`` serve asking by holder and aggregating by country.
    """

    __tablename__ = "stances"
    __table_args__ = (
        Index("ix_stances_target_id_date", "target_id", "date"),
        # A country's stance timeline is added up from this index alone (migration 0013).
        Index(
            "ix_stances_holder_country_target_date_polarity_doc_id",
            "holder_country",
            "target",
            "date",
            "polarity",
            "doc_id",
        ),
    )

    text: Mapped[str] = mapped_column(Text)
    holder: Mapped[str] = mapped_column(Text)
    holder_id: Mapped[str | None] = mapped_column(String(200), index=True)
    holder_country: Mapped[str | None] = mapped_column(String(3))
    target: Mapped[str] = mapped_column(Text)
    target_id: Mapped[str | None] = mapped_column(String(200))
    polarity: Mapped[int] = mapped_column(Integer)
    strength: Mapped[float] = mapped_column(Float, default=1.0)
    basis: Mapped[str] = mapped_column(String(16))
    cue: Mapped[str | None] = mapped_column(Text)
    evidence_kind: Mapped[str] = mapped_column(String(16))
    evidence_id: Mapped[str | None] = mapped_column(String(FACT_ID_LENGTH))
    date: Mapped[str | None] = mapped_column(String(64))


stances = StanceRow.__table__


class ActorDocumentRow(Base):
    """How often one actor is mentioned in one document, with the document's date: an actor
    page's list read off ``ix_actor_documents_rank`` in its own order, a page's worth of rows
    however many documents name the actor (migration 0016). Kept by ``Store.write_facts``."""

    __tablename__ = "actor_documents"
    # ``ix_actor_documents_rank`` (actor_id, mentions DESC, undated, pub_date, doc_id) is made
    # by the migration alone: autogenerate cannot compare a descending index.

    actor_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    doc_id: Mapped[str] = document_key(primary_key=True, index=True)
    mentions: Mapped[int] = mapped_column(Integer)
    undated: Mapped[int] = mapped_column(Integer)  # 1 when the document has no date
    pub_date: Mapped[str | None] = mapped_column(String(32))


actor_documents = ActorDocumentRow.__table__


class StanceTallyRow(Base):
    """Stances added up by group (``grouping`` "actor": the holder, "country": the country the
    holder spoke for), target and period (``period_kind`` "all", "year", "month"): a stance
    timeline read from a few hundred rows, not from every stance (migration 0016). Kept by
    ``Store.write_facts``; ``first`` and ``last`` compare bytewise on both databases."""

    __tablename__ = "stance_tallies"

    grouping: Mapped[str] = mapped_column(String(8), primary_key=True)
    period_kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    grp: Mapped[str] = mapped_column(Text, primary_key=True)
    target: Mapped[str] = mapped_column(Text, primary_key=True)
    period: Mapped[str] = mapped_column(String(64), primary_key=True)
    in_favour: Mapped[int] = mapped_column(Integer)
    against: Mapped[int] = mapped_column(Integer)
    stances: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    first: Mapped[str | None] = mapped_column(BYTEWISE)
    last: Mapped[str | None] = mapped_column(BYTEWISE)


stance_tallies = StanceTallyRow.__table__
