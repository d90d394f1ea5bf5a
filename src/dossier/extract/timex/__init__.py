"""Time expressions: find them in a document and normalise them to TimeML TIMEX3 values.

``dossier_timex`` is a spaCy component. It reads the document date ``doc._.dossier_date`` (ISO,
any precision: ``2011-11-18``, ``2012-03``, ``2021``, or None) and writes
``doc._.dossier_timexes`` (a list of ``dossier.model.Timex`` facts, each with its provenance)
and the span group ``doc.spans["dossier_timexes"]`` (label = TIMEX3 type); the extension names
are those of ``dossier.extract.document``.

How it works, in three passes over one document:

1. **Recognition** by regular expressions (``_PATTERNS``), each tried only near the words it
   cannot match without (``_TRIGGERS``): explicit dates ("November 18, 2011", "Jan. 1",
   "the fall of 2011", "1990s"), relative ones ("last month",
   "on Friday", "twenty-five years ago", "the next day"), vague ones ("recently", "now"),
   durations ("four years", "two-day"), sets ("every year", "weekly") and clock times. Overlapping
   candidates are settled longest first; a modifier before a date ("early", "the end of") joins
   it. A few words are ambiguous ("May", "March", a bare "1990"): spaCy's tags and entities
   decide (a modal "May" is no month, a year spaCy calls a quantity is no year).
2. **Tense**: for a date the text leaves open ("in July", "on Thursday"), the verb governing
   the expression says which way to look from the document date. spaCy's parse gives the verb;
   its tag and auxiliaries give the tense: VBD, "had", "was" look back; "will", "is to", "is
   due to" look forward; an infinitive or a modal looks forward for a month or a date but not
   for a weekday (news names the past week's days, and says "will" or "next" for the coming
   ones); the present takes the nearest month, the coming date. A signal before the expression
   outweighs a verb that is not past ("since", "until", "payable", "effective").
3. **Normalisation** in text order, against the document date, or against the last date the
   text itself mentioned for expressions that refer back ("the next day", "that year", "a year
   earlier"). Values keep the granularity of the expression: "last month" is a month.

Values follow TimeML 1.2: ``2011-11-18``, ``2011-10``, ``2011-FA``, ``2011-Q3``, ``2012-W03``,
``199`` (the 1990s), ``19`` (the 20th century), ``P4Y``, ``PT2H``, ``PXY``, ``PRESENT_REF``,
``XXXX-12-25``, ``2013-11-21TEV``.

Measured with ``dossier eval timex`` (the production pipeline, NER repairs included) on
TBAQ-cleaned (the TempEval-3 training data, our dev set; 256 documents, 1,822 timexes):
relaxed F1 0.943, strict F1 0.852, type accuracy 0.950, value accuracy 0.852, value F1 0.8035
(dateparser's ``search_dates``: 0.623 / 0.248 / 0.843 / 0.316 / 0.197), about 20 s for the
whole set on one core, parse included. Every timex of the dossier dev gold
(``../shared/gold/dossier``, ``sample/gold``) is right.

The package, one part per module (this module holds the component and its factory, and
re-exports the public names of the parts):

- ``vocabulary``: word lists (seasons, number words, units, modifiers, holidays; month and
  weekday names are ``dossier.calendar``'s).
- ``patterns``: the recognition regexes (``_PATTERNS``) and their trigger words.
- ``candidates``: candidate finding (only near trigger words) and selection.
- ``points``: ``Point``, calendar values, ``parse_anchor`` and ``parse_value``.
- ``tense``: the tense of the verb governing an expression, and signal words.
- ``context``: the document's date and the dates its text mentioned so far.
- ``quantities``: numbers and durations in digits or words, TimeML duration values.
- ``resolve``: placing an open month, day, weekday or period around the document date.
- ``holidays``: movable feasts.
- ``disambiguate``: whether "May"/"March" is a month, whether a number is a year.
- ``normalise``: the normaliser, one method per pattern, in modules by kind of expression.
- ``tagger``: ``tag_timexes``, one document's recognition and normalisation passes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from dossier.extract import document
from dossier.extract.timex.candidates import find_candidates, select_candidates
from dossier.extract.timex.points import GRANULARITIES, Point, parse_anchor, parse_value
from dossier.extract.timex.quantities import duration_value
from dossier.extract.timex.tagger import EXTRACTOR, tag_timexes
from dossier.extract.timex.tense import (
    FUTURE,
    PAST,
    PRESENT,
    PROSPECTIVE,
    governing_verb,
    tense_of,
    verb_tense,
)
from dossier.extract.timex.vocabulary import (
    DAY_PARTS,
    HOLIDAYS,
    NUMBER_WORDS,
    POINT_MODS,
    QUANTITY_MODS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
)

__all__ = [
    "DAY_PARTS",
    "EXTRACTOR",
    "FUTURE",
    "GRANULARITIES",
    "HOLIDAYS",
    "NUMBER_WORDS",
    "PAST",
    "POINT_MODS",
    "PRESENT",
    "PROSPECTIVE",
    "QUANTITY_MODS",
    "SEASONS",
    "SPANS_KEY",
    "UNITS",
    "VAGUE_NUMBERS",
    "Point",
    "TimexTagger",
    "duration_value",
    "find_candidates",
    "governing_verb",
    "parse_anchor",
    "parse_value",
    "select_candidates",
    "tag_timexes",
    "tense_of",
    "verb_tense",
]

#: The span group holding the timexes as spans, for display.
SPANS_KEY = "dossier_timexes"


@Language.factory("dossier_timex", default_config={"extractor_version": ""})
class TimexTagger(document.VersionedComponent):
    """The ``dossier_timex`` component: tags and normalises time expressions (needs the
    tagger, parser and ner before)."""

    def __call__(self, doc: Doc) -> Doc:
        timexes = tag_timexes(doc, doc._.get(document.DATE), self.extractor_version)
        doc._.set(document.TIMEXES, timexes)
        spans = []
        for timex in timexes:
            span = doc.char_span(timex.start, timex.end, label=timex.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPANS_KEY] = filter_spans(spans)
        return doc
