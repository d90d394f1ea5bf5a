"""The annotated document: the one place that declares what dossier keeps on a spaCy ``Doc``,
and the one place that builds a fact's ``Provenance`` from it.

Every component reads and writes the document through these names; nothing else calls
``Doc.set_extension``. A ``Doc`` is prepared for the pipeline by ``prepare_doc``, which sets the
inputs (its date, its stored id, the cleaning's offset map, its genre and author); components
then add their outputs.

Inputs (set before the pipeline runs):
- ``doc._.dossier_date``: the publication date, ISO at any precision, or None;
- ``doc._.dossier_doc_id``: the stored document's id ("" when the text is not stored);
- ``doc._.dossier_offsets``: the ``OffsetMap`` back to the original text (None: identity);
- ``doc._.dossier_genre``, ``doc._.dossier_author``: the document's genre and author as its
  metadata gives them (``DocumentMeta``), or None (the quote stage gives an opinion piece's
  first-person claims to its author).

Outputs:
- ``doc._.dossier_date_estimate``: a ``DateEstimate`` for an undated document (date estimate);
- ``doc._.dossier_mentions``: ``Mention`` facts (linker);
- ``doc._.dossier_timexes``: ``Timex`` facts (timex tagger);
- ``doc._.dossier_sentences``: ``Sentence`` facts with reference times (fact time);
- ``doc._.dossier_quotes``: ``Quote`` facts (quotes);
- ``doc._.dossier_events``: ``Event`` facts (events);
- ``doc._.dossier_event_candidates``: every act the event stage coded, incomplete records
  included (a one-sentence classifier's reading; see ``dossier.extract.events``);
- ``doc._.dossier_stances``: ``Stance`` facts (stance);
- ``doc._.dossier_links``: ``FactLink`` edges between facts, from any component (a quote's
  speaker);
- ``span._.dossier_candidate``: the KB ruler's ``Candidate`` for a span of
  ``doc.spans["dossier_candidates"]``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.model import OffsetMap, Provenance

DATE = "dossier_date"
DOC_ID = "dossier_doc_id"
OFFSETS = "dossier_offsets"
GENRE = "dossier_genre"
AUTHOR = "dossier_author"
DATE_ESTIMATE = "dossier_date_estimate"
MENTIONS = "dossier_mentions"
TIMEXES = "dossier_timexes"
SENTENCES = "dossier_sentences"
QUOTES = "dossier_quotes"
EVENTS = "dossier_events"
EVENT_CANDIDATES = "dossier_event_candidates"
STANCES = "dossier_stances"
LINKS = "dossier_links"
CANDIDATE = "dossier_candidate"

DOC_EXTENSIONS = (
    *(DATE, DOC_ID, OFFSETS, GENRE, AUTHOR),
    *(DATE_ESTIMATE, MENTIONS, TIMEXES, SENTENCES, QUOTES, EVENTS, STANCES, LINKS),
    EVENT_CANDIDATES,
)
SPAN_EXTENSIONS = (CANDIDATE,)

# Where the sentence starts are cached on a Doc (``doc.user_data``), so building provenance for
# many facts walks the sentences once.
_SENTENCE_STARTS = "dossier.sentence_starts"
_TEXT = "dossier.text"
_PROVENANCE_INPUTS = "dossier.provenance_inputs"
_INDICES = "dossier.indices"


def register_extensions() -> None:
    """Declare every dossier extension on ``Doc`` and ``Span``; safe to call more than once."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()


class VersionedComponent:
    """A component whose facts carry its effective version in their provenance.

    A subclass is registered as its own factory, ``@Language.factory(name,
    default_config={"extractor_version": ""})``: spaCy builds it from the pipeline, its pipe
    name and ``extractor_version`` (str), the version ``dossier.nlp`` computes for it.
    """

    def __init__(self, nlp: Language, name: str, extractor_version: str) -> None:
        self.name = name
        self.extractor_version = extractor_version


def prepare_doc(
    nlp: Language,
    text: str,
    date: str | None = None,
    doc_id: str = "",
    offsets: OffsetMap | None = None,
    genre: str | None = None,
    author: str | None = None,
) -> Doc:
    """A tokenised ``Doc`` of ``text`` carrying the inputs every component reads.

    nlp: the pipeline that will run on it (only its tokenizer is used here).
    text: the cleaned text of the document.
    date: its publication date (ISO, any precision), None when undated.
    doc_id: the stored document's id, "" for a text that is not stored.
    offsets: the map from ``text`` back to the original text; None when they are the same.
    genre, author: the document's genre and author (``DocumentMeta``), None when unknown.
    """
    doc = nlp.make_doc(text)
    # spaCy's tokenizer is lossless (``doc.text == text``), and retokenizing keeps the text:
    # ``text_of`` need never join the tokens of a prepared doc.
    doc.user_data[_TEXT] = text
    doc._.set(DATE, date)
    doc._.set(DOC_ID, doc_id)
    doc._.set(OFFSETS, offsets)
    doc._.set(GENRE, genre)
    doc._.set(AUTHOR, author)
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per doc: spaCy joins every token anew at each ``doc.text``
    (the text never changes once the doc is made; retokenizing keeps it)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def token_indices(doc: Doc, attr: str, values: Iterable[str]) -> list[int]:
    """The indices, in text order, of ``doc``'s tokens whose ``attr`` is one of ``values``.

    attr: a token attribute ``Doc.to_array`` reads, by name ("POS", "LOWER", "DEP", ...).
    values: its values as strings ("VERB"; "according"); a word the vocabulary has never seen
    matches nothing.

    A loop over every token to find a few words builds a ``Token`` object per word (most of
    such a loop's time); one column read in C finds them, and only those are built.
    """
    wanted = numpy.array([doc.vocab.strings[value] for value in values], dtype=numpy.uint64)
    column = doc.to_array(attr).astype(numpy.uint64, copy=False)
    return numpy.flatnonzero(numpy.isin(column, wanted)).tolist()


def indices_within(doc: Doc, attr: str, values: frozenset[str], start: int, end: int) -> list[int]:
    """``token_indices(doc, attr, values)`` of the tokens ``start``..``end`` (a sentence).

    The doc's column is read once per ``(attr, values)`` and remembered on the doc, so a stage
    that asks sentence by sentence builds no ``Token`` for the words that cannot match. For the
    stages after the KB ruler, the last component to retokenize (a merge shortens the doc, so
    the doc's length is part of the key: an index never outlives the tokens it was read from).
    """
    cache = doc.user_data.setdefault(_INDICES, {})
    key = (attr, values, len(doc))
    found = cache.get(key)
    if found is None:
        found = cache[key] = token_indices(doc, attr, values)
    return found[bisect.bisect_left(found, start) : bisect.bisect_left(found, end)]


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where ``doc``'s sentences start ([0] before the parser has run)."""
    cached = doc.user_data.get(_SENTENCE_STARTS)
    if cached is None:
        if doc.has_annotation("SENT_START"):
            cached = [sentence.start_char for sentence in doc.sents]
        else:
            cached = [0]
        doc.user_data[_SENTENCE_STARTS] = cached
    return cached


def sentence_index(doc: Doc, char: int) -> int:
    """The number of the sentence of ``doc`` that holds character ``char``."""
    return max(bisect.bisect_right(sentence_starts(doc), char) - 1, 0)


def provenance(
    doc: Doc,
    start: int,
    end: int,
    extractor: str,
    extractor_version: str,
    confidence: float = 1.0,
) -> Provenance:
    """The provenance of a fact on characters ``start:end`` of ``doc``'s text.

    The original offsets go through ``doc._.dossier_offsets`` (the cleaning's map), so they point
    at the same characters in the text as read; the sentence is the one holding ``start``.
    """
    # The doc's id and offset map, read once per doc: each ``doc._`` read builds an accessor,
    # and every component asks for them at every fact. Both are inputs, set before any
    # component runs.
    inputs = doc.user_data.get(_PROVENANCE_INPUTS)
    if inputs is None:
        inputs = doc.user_data[_PROVENANCE_INPUTS] = (doc._.get(OFFSETS), doc._.get(DOC_ID) or "")
    offsets: OffsetMap | None = inputs[0]
    if offsets is None:
        original_start, original_end = start, end
    else:
        original_start = offsets.to_original(start)
        original_end = offsets.to_original(end - 1) + 1 if end > start else original_start
    return Provenance(
        doc_id=inputs[1],
        start=start,
        end=end,
        original_start=original_start,
        original_end=original_end,
        sentence=sentence_index(doc, start),
        extractor=extractor,
        extractor_version=extractor_version,
        confidence=confidence,
    )
