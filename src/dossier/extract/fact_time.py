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

``dossier_fact_time`` is the spaCy component that stores the list as
``doc._.dossier_sentence_times``; it runs after ``dossier_timex``, whose timexes it reads.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.timex import (
    DATE_EXTENSION,
    GRANULARITIES,
    TIMEXES_EXTENSION,
    parse_value,
)
from dossier.model import Timex

SENTENCE_TIMES_EXTENSION = "dossier_sentence_times"
#: Values that mean "the time of writing".
PRESENT_VALUES = frozenset({"PRESENT_REF"})


def _ensure_extensions() -> None:
    if not Doc.has_extension(SENTENCE_TIMES_EXTENSION):
        Doc.set_extension(SENTENCE_TIMES_EXTENSION, default=None)
    if not Doc.has_extension(DATE_EXTENSION):
        Doc.set_extension(DATE_EXTENSION, default=None)
    if not Doc.has_extension(TIMEXES_EXTENSION):
        Doc.set_extension(TIMEXES_EXTENSION, default=None)


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


def _paragraph_starts(doc: Doc) -> list[bool]:
    """For each sentence, whether it opens a paragraph (a line break before it)."""
    starts = []
    previous_end = 0
    for number, sentence in enumerate(doc.sents):
        # A sentence may end with the line break after it: look between the words.
        gap = doc.text[
            previous_end : sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
        ]
        starts.append(number == 0 or "\n" in gap)
        previous_end = sentence.start_char + len(sentence.text.rstrip())
    return starts


def sentence_reference_times(doc: Doc) -> list[str | None]:
    """One reference time per sentence of ``doc`` (ISO date at its granularity, or None).

    doc: a Doc the ``dossier_timex`` component has run on (sentences set by the parser).
    """
    _ensure_extensions()
    document_date = doc._.get(DATE_EXTENSION)
    timexes: list[Timex] = list(doc._.get(TIMEXES_EXTENSION) or [])
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    paragraph_starts = _paragraph_starts(doc) if len(sentences) > 1 else [True]
    times: list[str | None] = []
    narrative: str | None = None
    for sentence, opens_paragraph in zip(sentences, paragraph_starts, strict=True):
        if opens_paragraph:
            narrative = None
        best: tuple[int, int, str] | None = None  # (rank, start, value)
        for timex in timexes:
            if not (sentence.start_char <= timex.start < sentence.end_char):
                continue
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


class SentenceTimes:
    """The ``dossier_fact_time`` component: stores ``sentence_reference_times`` on the doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        _ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(SENTENCE_TIMES_EXTENSION, sentence_reference_times(doc))
        return doc


@Language.factory("dossier_fact_time", default_config={})
def make_sentence_times(nlp: Language, name: str) -> SentenceTimes:
    """Factory for ``dossier_fact_time`` (after ``dossier_timex``)."""
    return SentenceTimes(nlp, name)


_ensure_extensions()
