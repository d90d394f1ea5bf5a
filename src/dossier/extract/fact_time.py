"""Reference times of sentences: the date a sentence's facts are about.

A quote or an event is dated by its sentence. ``sentence_reference_times(doc)`` gives every
sentence of a document one ISO date (or None):

1. its own time expression: of the sentence's DATE (or TIME) timexes with a calendar value, the
   one of finest granularity, the first on a tie ("Putin said on Friday that in 2011 ..." is
   about Friday); a time of day is dropped ("2013-11-21TEV" gives "2013-11-21"); "now" and
   "currently" give the document date;
2. else the narrative time of its paragraph: the reference time of the sentence before it in
   the same paragraph (news paragraphs carry on with the day they named);
3. else the publication date, ``doc._.dossier_date``.

``dossier_fact_time`` is the spaCy component that stores them as ``Sentence`` facts (index,
text, reference time, provenance) in ``doc._.dossier_sentences``; it runs after
``dossier_timex``, whose timexes it reads.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.extract import document
from dossier.extract.timex import GRANULARITIES, parse_value
from dossier.model import Sentence, Timex

EXTRACTOR = "dossier_fact_time"
#: Values that mean "the time of writing".
PRESENT_VALUES = frozenset({"PRESENT_REF"})


def timex_reference(timex: Timex, document_date: str | None) -> tuple[str, int] | None:
    """The calendar date a timex names and its granularity rank (0 = a day, finer first);
    None for durations, sets, vague past/future and values with unknown parts."""
    if timex.type not in ("DATE", "TIME"):
        return None
    if timex.value in PRESENT_VALUES:
        if not document_date:
            return None
        point = parse_value(document_date)
        return (document_date, GRANULARITIES.index(point.granularity)) if point else None
    point = parse_value(timex.value)
    if point is None:
        return None
    return point.value().split("T")[0], GRANULARITIES.index(point.granularity)


def _sentences(doc: Doc) -> list[Span]:
    return list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]


def _bounds(sentences: list[Span]) -> list[tuple[int, int]]:
    """Each sentence's (start, end) characters: ``Span.start_char``/``end_char`` are computed
    anew at every access, so they are read once here."""
    return [(sentence.start_char, sentence.end_char) for sentence in sentences]


def _paragraph_starts(text: str, bounds: list[tuple[int, int]]) -> list[bool]:
    """For each sentence, whether it opens a paragraph (a line break before it).

    text: the doc's text (``doc.text``, joined anew by spaCy at every access: read it once).
    bounds: the sentences' (start, end) characters; a sentence's text is ``text[start:end]``.
    """
    starts = []
    previous_end = 0
    for number, (start, end) in enumerate(bounds):
        # A sentence may end with the line break after it: look between the words.
        sentence_text = text[start:end]
        gap = text[previous_end : start + len(sentence_text) - len(sentence_text.lstrip())]
        starts.append(number == 0 or "\n" in gap)
        previous_end = start + len(sentence_text.rstrip())
    return starts


def _reference_times(doc: Doc, text: str, bounds: list[tuple[int, int]]) -> list[str | None]:
    document_date = doc._.get(document.DATE)
    timexes: list[Timex] = list(doc._.get(document.TIMEXES) or [])
    paragraph_starts = _paragraph_starts(text, bounds) if len(bounds) > 1 else [True]
    # Each timex goes to the sentence holding its start, in the order the tagger gave them.
    sentence_starts = [start for start, _ in bounds]
    timexes_of: list[list[Timex]] = [[] for _ in bounds]
    for timex in timexes:
        number = bisect.bisect_right(sentence_starts, timex.start) - 1
        if number >= 0 and timex.start < bounds[number][1]:
            timexes_of[number].append(timex)
    times: list[str | None] = []
    narrative: str | None = None
    for opens_paragraph, own in zip(paragraph_starts, timexes_of, strict=True):
        if opens_paragraph:
            narrative = None
        best: tuple[int, int, str] | None = None  # (rank, start, value)
        for timex in own:
            reference = timex_reference(timex, document_date)
            if reference is None:
                continue
            value, rank = reference
            if best is None or (rank, timex.start) < best[:2]:
                best = (rank, timex.start, value)
        if best is not None:
            narrative = best[2]
        times.append(narrative if narrative is not None else document_date)
    return times


def sentence_reference_times(doc: Doc) -> list[str | None]:
    """One reference time per sentence of ``doc`` (ISO date at its granularity, or None).

    doc: a Doc the ``dossier_timex`` component has run on (sentences set by the parser).
    """
    return _reference_times(doc, document.text_of(doc), _bounds(_sentences(doc)))


def sentence_facts(doc: Doc, extractor_version: str) -> list[Sentence]:
    """Every sentence of ``doc`` as a ``Sentence`` fact with its reference time.

    doc: a Doc the ``dossier_timex`` component has run on.
    extractor_version: the effective version of ``dossier_fact_time``, for the provenance.
    """
    text = document.text_of(doc)  # a sentence's text is ``text[start:end]``, as ``Span.text`` is
    bounds = _bounds(_sentences(doc))
    times = _reference_times(doc, text, bounds)
    return [
        Sentence(
            text=text[start:end],
            reference_time=time,
            provenance=document.provenance(doc, start, end, EXTRACTOR, extractor_version),
        )
        for (start, end), time in zip(bounds, times, strict=True)
    ]


@Language.factory("dossier_fact_time", default_config={"extractor_version": ""})
class SentenceTimes(document.VersionedComponent):
    """The ``dossier_fact_time`` component (after ``dossier_timex``): stores ``sentence_facts``
    on the doc."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(document.SENTENCES, sentence_facts(doc, self.extractor_version))
        return doc
