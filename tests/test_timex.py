"""The time-expression tagger and normaliser (``dossier_timex``) and sentence reference times,
on sentences written here, with the document dates given beside them."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from case_tables import case_rows
from dossier.extract.document import prepare_doc
from dossier.extract.fact_time import sentence_reference_times
from dossier.extract.timex import (
    SPANS_KEY,
    Point,
    duration_value,
    parse_anchor,
    parse_value,
)
from dossier.model import Sentence, Timex
from dossier.nlp import PipelineConfig, extractor_versions, load_pipeline, upstream_of

#: The production pipeline as far as sentence times need it: spaCy, the NER repairs, the
#: tagger and sentence times (no linking, no date estimate).
TIME_CONFIG = PipelineConfig(components=tuple(upstream_of({"dossier_fact_time"})))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(TIME_CONFIG)


def tag(nlp: Language, text: str, date: str | None) -> Doc:
    return nlp(prepare_doc(nlp, text, date))


def values(nlp: Language, text: str, date: str | None) -> dict[str, str]:
    """{timex text: value} of ``text`` read on ``date``."""
    return {t.text: t.value for t in tag(nlp, text, date)._.dossier_timexes}


def timex(nlp: Language, text: str, date: str | None, words: str) -> Timex:
    found = [t for t in tag(nlp, text, date)._.dossier_timexes if words in t.text]
    assert found, f"no timex with {words!r} in {text!r}"
    return found[0]


# --- explicit dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The treaty was signed in Minsk on November 18, 2011.",
            {"November 18, 2011": "2011-11-18"},
        ),
        ("The customs checks were lifted on 4 March 2013.", {"4 March 2013": "2013-03-04"}),
        ("The bank published its report in October 2011.", {"October 2011": "2011-10"}),
        ("He first spoke of it back in the fall of 2011.", {"the fall of 2011": "2011-FA"}),
        ("Trade collapsed in the 1990s.", {"the 1990s": "199"}),
        ("It was the worst disaster of the 20th century.", {"the 20th century": "19"}),
        ("Talks began in 1994 and ended in 2011.", {"1994": "1994", "2011": "2011"}),
        ("The plan was adopted in mid-2014.", {"mid-2014": "2014"}),
        ("Parliament met on Christmas Day 2012.", {"Christmas Day 2012": "2012-12-25"}),
    ],
)
def test_explicit_dates(nlp: Language, text: str, expected: dict[str, str]) -> None:
    assert values(nlp, text, "2015-06-10") == expected


def test_a_modifier_joins_the_date_and_gives_its_mod(nlp: Language) -> None:
    found = timex(nlp, "The economy slowed in early 2012.", "2013-01-15", "2012")
    assert (found.text, found.value, found.mod) == ("early 2012", "2012", "START")


def test_a_count_or_an_amount_is_no_year(nlp: Language) -> None:
    assert values(nlp, "The army sent 2000 troops and spent $1990 on fuel.", "2015-06-10") == {}


def test_may_the_verb_is_no_month(nlp: Language) -> None:
    found = values(nlp, "The union may grow. It grew in May.", "2015-06-10")
    assert found == {"May": "2015-05"}


# --- relative dates, against the document date ---------------------------------------------------

# 2011-11-18 was a Friday.
DCT = "2011-11-18"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The presidents signed the declaration on Friday.", "Friday", "2011-11-18"),
        ("They met war veterans on Thursday.", "Thursday", "2011-11-17"),
        ("Putin published an article last month.", "last month", "2011-10"),
        ("The union was first proposed twenty-five years ago.", "twenty-five years ago", "1986"),
        ("The rebels attacked the town ten days ago.", "ten days ago", "2011-11-08"),
        ("The ministers meet again next year.", "next year", "2012"),
        ("A common market starts on Jan. 1.", "Jan. 1", "2012-01-01"),
        ("Voters go to the polls on Dec. 4.", "Dec. 4", "2011-12-04"),
        ("Officials met again last week.", "last week", "2011-W45"),
        ("The summit opens this week.", "this week", "2011-W46"),
        ("The bank expects a recession this year.", "this year", "2011"),
        ("Shares fell yesterday.", "yesterday", "2011-11-17"),
    ],
)
def test_relative_dates_count_from_the_document_date(
    nlp: Language, text: str, words: str, expected: str
) -> None:
    found = timex(nlp, text, DCT, words)
    assert (found.text, found.value, found.anchor) == (words, expected, DCT)


def test_an_open_month_looks_ahead_with_a_future_verb_and_back_with_a_past_one(
    nlp: Language,
) -> None:
    ahead = "The commission is to open in Moscow in July."
    back = "The commission opened in Moscow in July."
    assert timex(nlp, ahead, DCT, "July").value == "2012-07"
    assert timex(nlp, back, DCT, "July").value == "2011-07"
    assert timex(nlp, "It will take effect in March.", DCT, "March").value == "2012-03"
    assert timex(nlp, "Putin appointed him in December.", "2012-02-02", "December").value == (
        "2011-12"
    )


def test_an_open_weekday_looks_back_unless_will_points_forward(nlp: Language) -> None:
    # 2013-09-04 was a Wednesday.
    assert timex(nlp, "Sargsyan met Putin on Monday.", "2013-09-04", "Monday").value == (
        "2013-09-02"
    )
    assert timex(nlp, "Sargsyan will meet Putin on Monday.", "2013-09-04", "Monday").value == (
        "2013-09-09"
    )
    assert timex(nlp, "The talks ended on Wednesday.", "2013-09-04", "Wednesday").value == (
        "2013-09-04"
    )


def test_granularity_is_the_expressions_own(nlp: Language) -> None:
    found = values(nlp, "Exports fell last month and rose last year.", "2011-11-18")
    assert found == {"last month": "2011-10", "last year": "2010"}


def test_month_relative_to_a_year_of_the_text(nlp: Language) -> None:
    found = values(nlp, "Uzbekistan followed in December last year.", "2021")
    assert found == {"December last year": "2020-12"}


def test_expressions_that_refer_back_count_from_the_last_date_of_the_text(
    nlp: Language,
) -> None:
    text = (
        "The treaty took effect on January 1, 2015. Armenia joined the next day, "
        "and Kyrgyzstan in August of that year."
    )
    found = tag(nlp, text, "2021")._.dossier_timexes
    assert [(t.text, t.value) for t in found] == [
        ("January 1, 2015", "2015-01-01"),
        ("the next day", "2015-01-02"),
        ("August of that year", "2015-08"),
    ]
    assert found[1].anchor == "2015-01-01"


def test_a_time_of_day_belongs_to_the_day_the_story_is_on(nlp: Language) -> None:
    text = "The cabinet met on Thursday. By late evening a crowd had gathered."
    assert timex(nlp, text, "2013-11-22", "evening").value == "2013-11-21TEV"


def test_without_a_document_date_open_dates_stay_open(nlp: Language) -> None:
    found = values(nlp, "The bloc expands in July. It was founded in 2014.", None)
    assert found == {"July": "XXXX-07", "2014": "2014"}


def test_a_month_precise_document_date_still_anchors_years(nlp: Language) -> None:
    assert values(nlp, "Inflation rose last year.", "2012-03") == {"last year": "2011"}


# --- vague expressions, durations, sets -------------------------------------------------------


@case_rows("timex", "vague_durations_and_sets")
def test_vague_durations_and_sets(
    nlp: Language, text: str, words: str, value: str, kind: str
) -> None:
    found = timex(nlp, text, DCT, words.split()[-1])
    assert (found.text, found.value, found.type) == (words, value, kind)


def test_a_quantity_modifier_is_kept_as_mod(nlp: Language) -> None:
    found = timex(nlp, "He has led it for more than twenty years.", DCT, "years")
    assert (found.text, found.value, found.mod) == ("more than twenty years", "P20Y", "MORE_THAN")


def test_an_age_is_no_duration(nlp: Language) -> None:
    assert values(nlp, "Mr. Reupke, 52 years old, and a 6-year-old boy.", DCT) == {}


# --- the component's outputs --------------------------------------------------------------------


def test_the_component_writes_timexes_and_a_span_group(nlp: Language) -> None:
    doc = tag(nlp, "The presidents met on Friday and will meet again in March 2012.", DCT)
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [
        ("Friday", "DATE"),
        ("March 2012", "DATE"),
    ]
    assert all(isinstance(t, Timex) for t in doc._.dossier_timexes)
    first = doc._.dossier_timexes[0]
    assert doc.text[first.start : first.end] == first.text


def test_a_doc_without_a_date_gets_none_from_the_extension(nlp: Language) -> None:
    doc = nlp("Nothing happened.")
    assert doc._.dossier_date is None
    assert doc._.dossier_timexes == []


# --- calendar arithmetic ------------------------------------------------------------------------


def test_points_shift_at_their_own_granularity() -> None:
    day = Point.from_date(dt.date(2012, 1, 31))
    assert day.shift(1, "month").value() == "2012-02-29"
    assert day.coarsen("week").value() == "2012-W05"
    assert day.coarsen("quarter").shift(-1, "year").value() == "2011-Q1"
    assert Point("season", 2011, number=2).shift(1, "season").value() == "2011-WI"
    assert Point("season", 2011, number=3).shift(1, "season").value() == "2012-SP"
    assert Point("decade", 2014).shift(1, "decade").value() == "202"


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("2011-11-18", "day"),
        ("2011-W46", "week"),
        ("2011-10", "month"),
        ("2011-FA", "season"),
        ("2011-Q3", "quarter"),
        ("2011", "year"),
        ("199", "decade"),
        ("19", "century"),
    ],
)
def test_values_parse_back_to_points(value: str, granularity: str) -> None:
    point = parse_value(value)
    assert point is not None and point.granularity == granularity and point.value() == value


def test_open_values_and_anchors() -> None:
    assert parse_value("XXXX-07") is None and parse_value("P4Y") is None
    assert parse_anchor("2012-03").granularity == "month"
    assert parse_anchor("2021").value() == "2021"
    assert parse_anchor(None) is None and parse_anchor("soon") is None


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [(4, "year", "P4Y"), (2.5, "year", "P2Y6M"), (None, "month", "PXM"), (3, "hour", "PT3H"),
     (2, "decade", "P20Y"), (1.5, "minute", "PT1M30S")],
)  # fmt: skip
def test_duration_values(amount: float | None, unit: str, expected: str) -> None:
    assert duration_value(amount, unit) == expected


# --- sentence reference times -------------------------------------------------------------------


def test_a_sentence_takes_its_own_date_then_its_paragraphs_then_the_documents(
    nlp: Language,
) -> None:
    text = (
        "The treaty was signed in 2011 on Thursday. Ministers praised it.\n\n"
        "Critics were unhappy. Moscow had tightened checks in August."
    )
    doc = tag(nlp, text, "2011-11-18")
    expected = [
        "2011-11-17",  # the finer of its two dates
        "2011-11-17",  # the paragraph's narrative time
        "2011-11-18",  # a new paragraph without a date: the publication date
        "2011-08",
    ]
    assert [s.reference_time for s in doc._.dossier_sentences] == expected
    assert sentence_reference_times(doc) == expected


def test_sentences_are_facts_with_provenance(nlp: Language) -> None:
    text = "The treaty was signed on Thursday. Ministers praised it."
    doc = nlp(prepare_doc(nlp, text, "2011-11-18", doc_id="abc"))
    first, second = doc._.dossier_sentences
    assert all(isinstance(s, Sentence) for s in (first, second))
    assert (first.index, first.text, second.index) == (0, "The treaty was signed on Thursday.", 1)
    assert text[second.provenance.start : second.provenance.end] == "Ministers praised it."
    assert (second.provenance.doc_id, second.provenance.sentence) == ("abc", 1)
    assert second.provenance.extractor == "dossier_fact_time"
    assert (
        second.provenance.extractor_version == extractor_versions(TIME_CONFIG)["dossier_fact_time"]
    )
    assert first.fact_id != second.fact_id


def test_without_any_date_sentences_have_none(nlp: Language) -> None:
    assert sentence_reference_times(tag(nlp, "Nothing was said. Nobody came.", None)) == [
        None,
        None,
    ]


def test_provenance_points_into_both_texts(nlp: Language) -> None:
    from dossier.model import OffsetMap, RemovedSpan

    original = "date 2011-11-18\nThe presidents met on Friday. Talks resume next week."
    removed = [RemovedSpan(0, 16, "date-line")]
    offsets = OffsetMap.from_removed(len(original), removed)
    cleaned = original[16:]
    doc = nlp(prepare_doc(nlp, cleaned, DCT, doc_id="abc", offsets=offsets))
    friday, week = doc._.dossier_timexes
    assert (friday.provenance.doc_id, friday.provenance.sentence) == ("abc", 0)
    start, end = friday.provenance.original_start, friday.provenance.original_end
    assert original[start:end] == "Friday"
    assert (friday.provenance.start, friday.provenance.end) == (friday.start, friday.end)
    assert week.provenance.sentence == 1 and week.provenance.extractor == "dossier_timex"
    assert week.provenance.extractor_version == extractor_versions(TIME_CONFIG)["dossier_timex"]
