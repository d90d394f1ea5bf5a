"""Time expressions: find them in a document and normalise them to TimeML TIMEX3 values.

``dossier_timex`` is a spaCy component. It reads the document date ``doc._.dossier_date`` (ISO,
any precision: ``2011-11-18``, ``2012-03``, ``2021``, or None) and writes
``doc._.dossier_timexes`` (a list of ``dossier.model.Timex``) and the span group
``doc.spans["dossier_timexes"]`` (label = TIMEX3 type).

How it works, in three passes over one document:

1. **Recognition** by regular expressions over the text (``_PATTERNS``): explicit dates
   ("November 18, 2011", "Jan. 1", "the fall of 2011", "1990s"), relative ones ("last month",
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

Measured with ``dossier eval timex`` on TBAQ-cleaned (the TempEval-3 training data, our dev
set; 256 documents, 1,822 timexes): relaxed F1 0.943, strict F1 0.852, type accuracy 0.950,
value accuracy 0.852, value F1 0.8035 (dateparser's ``search_dates``: 0.623 / 0.248 / 0.843 /
0.316 / 0.197), about 20 s for the whole set on one core, parse included. Every timex of
the dossier dev gold (``../shared/gold/dossier``, ``sample/gold``) is right.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dossier.model import OffsetMap, Provenance, Timex

EXTRACTOR = "dossier_timex"
#: Bump when the component's output changes for the same input.
EXTRACTOR_VERSION = "1"
DATE_EXTENSION = "dossier_date"
TIMEXES_EXTENSION = "dossier_timexes"
SPANS_KEY = "dossier_timexes"

# --- vocabulary ----------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
#: Parts of the day as TimeML writes them.
DAY_PARTS = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "12:00", "noon": "12:00", "midnight": "24:00",
}  # fmt: skip
_SMALL = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, float] = {word: float(i) for i, word in enumerate(_SMALL)}
NUMBER_WORDS.update({word: float(20 + 10 * i) for i, word in enumerate(_TENS)})
NUMBER_WORDS.update({
    "a": 1, "an": 1, "one": 1, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100,
    "a thousand": 1000, "thousand": 1000, "a couple of": 2, "couple of": 2, "a half": 0.5,
    "half a": 0.5, "half an": 0.5,
})  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3,
    "4th": 4,
}  # fmt: skip
#: Vague quantities: "a few years" is PXY.
VAGUE_NUMBERS = frozenset({"a few", "few", "several", "some", "many", "a number of", "the few"})
#: Duration unit -> (TimeML letter, how many of it, whether it is a time unit after "T").
UNITS: dict[str, tuple[str, float, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "fortnight": ("W", 2, False), "weekend": ("D", 2, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "millennium": ("Y", 1000, False),
}  # fmt: skip
_PLURAL_UNITS = {"centuries": "century", "millennia": "millennium"}
#: Modifiers of a quantity, as TimeML ``mod`` values.
QUANTITY_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "just over": "MORE_THAN", "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS", "upwards of": "MORE_THAN",
}  # fmt: skip
#: Modifiers of a point or period: "early 2012", "the end of the year".
POINT_MODS = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the early part of": "START", "late": "END", "the end of": "END", "the close of": "END",
    "the latter part of": "END", "mid": "MID", "the middle of": "MID", "the turn of": "START",
    "pre": "BEFORE", "post": "AFTER",
}  # fmt: skip
#: Fixed-date holidays: name -> (month, day).
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
    "independence day": (7, 4), "victory day": (5, 9), "valentine's day": (2, 14),
    "halloween": (10, 31), "boxing day": (12, 26),
}  # fmt: skip

# --- regular expressions ----------------------------------------------------------------------

#: A word starts here (or right after "mid-", "late-", "early-", "pre-", "post-").
_B = r"(?:(?<=[Mm]id-)|(?<=[Ll]ate-)|(?<=[Ee]arly-)|(?<=[Pp]re-)|(?<=[Pp]ost-)|(?<![\w'-]))"
_E = r"(?![\w-])"  # a word ends here
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"  # noqa: E501
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.|Sept)"
_MONTH_IN_DATE = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_DAY_ORDINALS = {
    word: i + 1
    for i, word in enumerate([
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
        "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
        "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
    ])
}  # fmt: skip
_DAY_WORD = "|".join(sorted(_DAY_ORDINALS, key=len, reverse=True))
_YEAR = r"(?<![\d$£€.,/:])(?<!\d-)(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d\d\d|\.\d|-\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SMALL_RE = "|".join(sorted(_SMALL[1:], key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORD = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_DIGIT_WORDS}))?|{_SMALL_RE})"
_YEAR_WORDS = (
    rf"(?:nineteen|twenty)[- ](?:hundred|(?:{_TENS_RE})(?:[- ](?:one|two|three|four|five|six|"
    rf"seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    rf"eighteen|nineteen|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))|two thousand"
    rf"(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?"
)
_NUMBER = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|{_NUMBER_WORD}(?:(?:\s+and)?\s+a\s+half)?"
    r"|a\s+couple\s+of|couple\s+of|a\s+dozen|a\s+hundred|a\s+thousand|a\s+half|half\s+an?"
    r"|an?|a\s+few|the\s+few|few|several|some|many|a\s+number\s+of)"
)
_UNIT_SINGULAR = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|millennium)"  # noqa: E501
)
_UNIT = rf"(?:{_UNIT_SINGULAR}s?|centuries|millennia|weekends?)"
_QUANTITY_MOD = (
    r"(?:about|around|approximately|roughly|some|close\s+to|nearly|almost|less\s+than|fewer\s+than"
    r"|just\s+under|just\s+over|well\s+over|more\s+than|over|at\s+least|no\s+less\s+than|at\s+most"
    r"|up\s+to|no\s+more\s+than|within|upwards\s+of)"
)
_POINT_MOD = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|early\s+part|latter\s+part)"
    r"\s+of|early|late|mid-?|pre-|post-|earlier|later)"
)
_REL = (
    r"(?:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous"
    r"|the\s+following|the\s+same|the\s+current|the\s+latest|the\s+preceding|the\s+prior"
    r"|this|last|next|past|coming|previous|following|current|that|same|the)"
)
_SET_WORDS = (
    r"(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bimonthly"
    r"|semiannually|semi-annually|fortnightly)"
)
_YEAR_END = r"year[- ]end|year's\s+end"
_TIMEZONE = r"(?:[ECMP][SD]T|GMT|UTC|Moscow\s+time|local\s+time)"
_CLOCK = (
    r"(?:(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?=\s*(?:hours|GMT|UTC|[ECMP][SD]T))"
    r"|(?P<named>noon|midnight|midday)"
    r"|(?P<oclock>[01]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+o'clock)"
)


def _ci(pattern: str) -> str:
    """``pattern`` matched in any letter case."""
    return f"(?i:{pattern})"


#: (name, pattern). Names pick the normaliser; patterns are tried everywhere, then overlapping
#: candidates are settled longest first.
_PATTERN_SOURCES: tuple[tuple[str, str], ...] = (
    (
        "date",
        rf"{_B}(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:(?:the\s+)?(?P<day2>{_DAY})(?:\s+of)?\s+"
        rf"(?P<month2>{_MONTH_IN_DATE})|(?P<month>{_MONTH_IN_DATE})\s+(?:the\s+)?"
        rf"(?P<day>{_DAY}|(?<=[a-z] )(?:{_DAY_WORD})(?![\w-])))"
        rf"(?:(?:,\s*|\s+)(?P<year>{_YEAR})|(?P<yearrel>,?\s+(?:of\s+)?"
        rf"{_ci('(?:last|this|next|that|the same|the following|the previous)')}\s+year))?{_E}",
    ),
    (
        "weekday_date",
        rf"{_B}(?P<weekday>{_WEEKDAY}),?\s+(?:the\s+)?(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))"
        rf"{_E}",
    ),
    (
        "month_year",
        rf"{_B}(?P<month>{_MONTH_IN_DATE})(?:,?\s+|\s+of\s+)(?:(?P<year>{_YEAR})|"
        rf"(?P<yearwords>{_ci(_YEAR_WORDS)})|(?P<yearrel>"
        rf"{_ci('(?:last|this|next|that|the same|the following|the previous)')}\s+year)){_E}",
    ),
    (
        "month",
        rf"{_B}(?:(?P<rel>{_ci('this past|this coming|last|this|next|coming|past|the previous|the following|the same')})\s+)?"  # noqa: E501
        rf"(?P<month>{_MONTH}){_E}",
    ),
    ("iso_date", r"(?<![\w/-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w/])"),
    (
        "numeric_date",
        r"(?<![\w/.-])(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/"
        r"(?P<year>(?:19|20)?\d\d)(?![\w/])",
    ),
    (
        "year",
        rf"{_B}(?:(?P<fiscal>{_ci('fiscal|calendar|fiscal-year|model-year')})[\s-]+)?"
        rf"(?P<year>{_YEAR})(?P<plural>s)?{_E}",
    ),
    ("year_words", rf"{_B}(?:{_ci('the year')}\s+)?(?P<yearwords>{_ci(_YEAR_WORDS)}){_E}"),
    ("short_year", r"(?<![\w'])'(?P<yy>\d\d)(?![\w'])"),
    (
        "decade",
        rf"{_B}(?:{_ci('the')}\s+)?(?:(?P<part>{_ci('early|mid|late')})[-\s]+)?(?:"
        r"(?P<century>1\d|20)(?P<decade>\d)0'?s|'(?P<decade2>\d)0'?s|(?P<decade3>[2-9])0's"
        rf"|(?P<words>{_ci('twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties')})"  # noqa: E501
        rf"){_E}",
    ),
    (
        "century",
        rf"{_B}(?:{_ci('the')}\s+)?(?:(?P<part>{_ci('early|mid|late')})[-\s]+)?"
        r"(?:(?P<number>\d{1,2})(?:st|nd|rd|th)|(?P<ordinal>"
        + _ci(
            "eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
            "nineteenth|twentieth|twenty-first|twenty first"
        )
        + rf"))[-\s]+{_ci('century')}{_E}",
    ),
    (
        "rel_century",
        rf"{_B}(?P<rel>{_ci('this|last|next|the last|the next|the past|the previous|the coming|the current')})"  # noqa: E501
        rf"\s+{_ci('century')}{_E}",
    ),
    (
        "season",
        rf"{_B}(?:(?P<rel>{_ci('this past|this coming|the|this|last|next|that|early|late|mid')})[-\s]+)?"  # noqa: E501
        rf"(?P<season>{_ci('spring|summer|fall|autumn|winter')})"
        rf"(?:\s+{_ci('of')}\s+(?:(?P<year>{_YEAR})|(?P<yearwords>{_ci(_YEAR_WORDS)})|"
        rf"(?P<yearrel>{_ci('last|this|next|that|the same|the following|the previous')}\s+year))"
        rf"|\s+(?P<year2>{_YEAR}))?{_E}",
    ),
    (
        "quarter",
        rf"{_B}(?:(?P<year>{_YEAR})(?:'s)?\s+|(?P<det>{_ci(_REL)}|{_ci('its|the year-ago|the year-earlier|the comparable|the corresponding|a|a flat|the fiscal|year-ago|year-earlier')})"  # noqa: E501
        rf"\s+(?:(?P<yearword>{_ci('year|year-ago|year-earlier|(?:this|last|next) year')})'s\s+)?"
        rf"(?:(?P<year3>{_YEAR})\s+)?)?(?:(?P<fiscal>{_ci('fiscal|calendar')})[-\s]+)?"
        rf"(?P<ordinal>{_ci('first|second|third|fourth|1st|2nd|3rd|4th|final|last')})[-\s]+"
        rf"(?P<unit>{_ci('quarter|half|period')})(?P<plural>s)?"
        rf"(?:\s+{_ci('of')}\s+(?:{_ci('fiscal')}\s+)?(?:(?P<year2>{_YEAR})|"
        rf"(?P<yearrel>{_ci('last|this|next|that|the same|the following|the previous')}\s+year)))?{_E}",  # noqa: E501
    ),
    (
        "ref_quarter",
        rf"{_B}(?P<det>{_ci('the|this|last|next|that|its|the latest|the current|the previous|the same|the recent|the fiscal')})"  # noqa: E501
        rf"(?:\s+(?P<comparable>{_ci('comparable|corresponding|same')}))?"
        rf"(?:\s+(?P<ago>{_ci('year-ago|year-earlier|year-before|prior-year|year-previous')}))?"
        rf"\s+(?:(?P<year>{_YEAR})\s+)?(?P<unit>{_ci('quarter|period')}){_E}",
    ),
    (
        "year_end",
        rf"{_B}(?:(?P<rel>{_ci('this|last|next')})\s+)?(?P<word>{_ci(_YEAR_END)}){_E}",
    ),
    (
        "year_ago_adjective",
        rf"{_B}(?P<word>{_ci('year-ago|year-earlier|a-year-ago|year-before')}){_E}",
    ),
    (
        "relative_day",
        rf"{_B}(?:(?P<pre>{_ci('the day before|the day after')})\s+)?"
        rf"(?P<word>{_ci('today|tonight|yesterday|tomorrow')})"
        rf"(?:\s+(?P<part>{_ci('morning|afternoon|evening|night')}))?{_E}",
    ),
    (
        "weekday",
        rf"{_B}(?:(?P<rel>{_ci('this past|this coming|last|next|this|coming|past|the previous|the following|previous|following|that')})\s+)?"  # noqa: E501
        rf"(?P<weekday>{_WEEKDAY})(?P<plural>s)?"
        rf"(?:\s+(?P<part>{_ci('morning|afternoon|evening|night')})(?P<partplural>s)?)?{_E}",
    ),
    (
        "relative_unit",
        rf"{_B}(?P<rel>{_ci(_REL)}|{_ci('the full')})\s+"
        rf"(?:(?P<fiscal>{_ci('fiscal|calendar')})\s+)?"
        rf"(?P<unit>{_ci('week|weekend|month|year|decade|day|morning|afternoon|evening|night')}){_E}",  # noqa: E501
    ),
    (
        "part_of_day",
        rf"{_B}(?:(?P<pre>{_ci('late|early|mid|the')})[-\s]+)?"
        rf"(?P<part>{_ci('morning|afternoon|evening')}){_E}",
    ),
    ("night_words", rf"{_B}(?P<word>{_ci('tonight|overnight|last night')}){_E}"),
    (
        "duration",
        rf"{_B}(?:(?P<qmod>{_ci(_QUANTITY_MOD)})\s+)?(?:(?P<each>{_ci('each of')})\s+)?"
        rf"(?:(?P<the>{_ci('the|these|those|its|their|his|her|our')})\s+)?"
        rf"(?:(?P<rel>{_ci('past|last|next|first|coming|previous|final|entire|whole|full|remaining|latest|initial|following|ensuing|preceding|same|other|additional')})\s+)?"  # noqa: E501
        rf"(?P<number>{_ci(_NUMBER)})(?:\s+(?P<range>{_ci('to|or')})\s+(?P<number2>{_ci(_NUMBER)}))?"  # noqa: E501
        rf"\s+(?:(?P<adj>{_ci('more|additional|straight|consecutive|full|extra|long|short|trading|business|working|calendar|successive|solid')})\s+)?"  # noqa: E501
        rf"(?P<unit>{_ci(_UNIT)})(?:\s+(?P<direction>{_ci('ago|earlier|later|before|after|from now|hence|back|previously|prior|since|or so')}))?{_E}",  # noqa: E501
    ),
    (
        "adjectival_duration",
        rf"{_B}(?P<number>\d+(?:\.\d+)?|{_ci(_NUMBER_WORD)}|{_ci('one')}|{_ci('half')})"
        rf"-(?P<unit>{_ci(_UNIT_SINGULAR)})(?P<old>-old|-long)?(?![\w-])",
    ),
    (
        "vague_duration",
        rf"{_B}(?:(?P<the>{_ci('the|these|those')})\s+)?"
        rf"(?:(?P<rel>{_ci('past|last|next|coming|recent|previous|first|final|early|remaining|ensuing|following|preceding|intervening')})\s+)?"  # noqa: E501
        rf"(?:(?P<vague>{_ci('few|several|many|couple of')})\s+)?"
        rf"(?P<unit>{_ci('seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries')})"  # noqa: E501
        rf"(?:\s+(?P<direction>{_ci('ago|earlier|later|ahead|to come')}))?{_E}",
    ),
    ("unit_long", rf"{_B}(?P<unit>{_ci('day|week|month|year|decade')})-long{_E}"),
    (
        "set",
        rf"{_B}(?:(?P<every>{_ci('every|each|per')})\s+(?:(?P<other>{_ci('other')})\s+|"
        rf"(?P<number>\d+|{_ci(_NUMBER_WORD)})\s+)?(?P<unit>{_ci(_UNIT)}|{_WEEKDAY}|{_MONTH_FULL}"
        rf"|{_ci('morning|afternoon|evening|night|spring|summer|fall|autumn|winter')})"
        rf"|(?P<word>{_ci(_SET_WORDS)})){_E}",
    ),
    ("a_unit", rf"{_B}(?P<a>{_ci('an?')})\s+(?P<unit>{_ci('year|month|week|day|hour')}){_E}"),
    (
        "vague",
        rf"{_B}(?P<word>{_ci('right now|just now|now|currently|presently|at present|these days|nowadays|recently|lately|recent|the past|the future|the near future|the near term|the short term|the long term|the foreseeable future|current|until recently|in the past|of late')}){_E}",  # noqa: E501
    ),
    (
        "time",
        rf"{_B}(?:(?P<qmod>{_ci('about|around|approximately|shortly after|shortly before|just after|just before')})\s+)?"  # noqa: E501
        rf"{_CLOCK}(?:\s+(?P<tz>{_TIMEZONE}))?(?:,?\s+(?:(?P<weekday>{_WEEKDAY})|"
        rf"(?P<relday>{_ci('today|yesterday|tomorrow|tonight')})|(?P<month>{_MONTH_IN_DATE})\s+"
        rf"(?P<day>{_DAY})))?{_E}",
    ),
    (
        "holiday",
        rf"{_B}(?:(?P<rel>{_ci('last|next|this|this past|this coming')})\s+)?"
        r"(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|"
        r"Thanksgiving(?:\s+Day)?|Independence\s+Day|Victory\s+Day|Valentine's\s+Day|Halloween"
        r"|Boxing\s+Day|Easter(?:\s+Sunday)?|Election\s+Day|Labor\s+Day|Memorial\s+Day)"
        rf"(?:\s+(?P<year>{_YEAR}))?{_E}",
    ),
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(source)) for name, source in _PATTERN_SOURCES
)
_POINT_MOD_BEFORE = re.compile(rf"(?<![\w'-]){_ci(_POINT_MOD)}(?:\s+(?:{_ci('in|of')}))?[\s-]*$")

# --- calendar values --------------------------------------------------------------------------

#: Granularities from fine to coarse.
GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
_RANK = {name: rank for rank, name in enumerate(GRANULARITIES)}


@dataclass(frozen=True)
class Point:
    """A calendar point or period at one granularity: a day, a week, a month, a quarter, ...

    ``year`` always holds a year in the period (its first); the other fields hold what the
    granularity needs: ``month`` and ``day`` for a day, ``week`` (ISO) for a week, ``number``
    for a quarter (1-4), a half (1-2), a season (index into ``_SEASON_ORDER``). ``time`` is a
    TimeML time suffix for a day ("MO", "15:30").
    """

    granularity: str
    year: int
    month: int = 1
    day: int = 1
    week: int = 1
    number: int = 1
    time: str | None = None
    weekend: bool = False

    @classmethod
    def from_date(cls, day: dt.date) -> Point:
        return cls("day", day.year, day.month, day.day)

    @property
    def first_day(self) -> dt.date:
        g = self.granularity
        if g == "day":
            return dt.date(self.year, self.month, self.day)
        if g == "week":
            return dt.date.fromisocalendar(self.year, self.week, 1)
        if g == "month":
            return dt.date(self.year, self.month, 1)
        if g == "quarter":
            return dt.date(self.year, 3 * self.number - 2, 1)
        if g == "half":
            return dt.date(self.year, 6 * self.number - 5, 1)
        if g == "season":
            return dt.date(self.year, _SEASON_START[self.number], 1)
        if g == "decade":
            return dt.date(self.year - self.year % 10, 1, 1)
        if g == "century":
            return dt.date(max(self.year - self.year % 100, 1), 1, 1)
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        g = self.granularity
        if g == "day":
            return self.first_day
        if g == "week":
            return self.first_day + dt.timedelta(days=6)
        if g == "month":
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if g in ("quarter", "half"):
            months = 3 if g == "quarter" else 6
            last_month = months * self.number
            return dt.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])
        if g == "season":
            return self.shift(1, "season").first_day - dt.timedelta(days=1)
        if g == "decade":
            return dt.date(self.year - self.year % 10 + 9, 12, 31)
        if g == "century":
            return dt.date(self.year - self.year % 100 + 99, 12, 31)
        return dt.date(self.year, 12, 31)

    def coarsen(self, granularity: str) -> Point:
        """This point at a coarser ``granularity`` (a finer one returns it unchanged)."""
        if _RANK[granularity] <= _RANK[self.granularity] and granularity != "week":
            return self
        first = self.first_day
        if granularity == "week":
            if self.granularity == "week":
                return self
            if self.granularity != "day":
                return self
            iso = first.isocalendar()
            return Point("week", iso[0], week=iso[1])
        if granularity == "month":
            return Point("month", first.year, first.month)
        if granularity == "quarter":
            return Point("quarter", first.year, number=(first.month - 1) // 3 + 1)
        if granularity == "half":
            return Point("half", first.year, number=(first.month - 1) // 6 + 1)
        if granularity == "season":
            return _season_of(first)
        if granularity == "decade":
            return Point("decade", first.year - first.year % 10)
        if granularity == "century":
            return Point("century", first.year - first.year % 100)
        return Point("year", first.year)

    def shift(self, amount: int, unit: str) -> Point:
        """This point moved by ``amount`` ``unit``s, keeping its own granularity where it can.

        unit: ``day``, ``week``, ``month``, ``quarter``, ``half``, ``season``, ``year``,
            ``decade`` or ``century``. Moving a month by days moves its first day.
        """
        g = self.granularity
        if unit == "season" and g == "season":
            index = self.year * 4 + self.number + amount
            return Point("season", index // 4, number=index % 4)
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
        if unit in months:
            if g in ("day", "week"):
                first = self.first_day if g == "week" else dt.date(self.year, self.month, self.day)
                moved = _add_months(first, amount * months[unit])
                return Point.from_date(moved) if g == "day" else Point.from_date(moved).coarsen(g)
            if g in ("decade", "century", "year"):
                return replace(self, year=self.year + amount * months[unit] // 12)
            if g == "month":
                index = self.year * 12 + self.month - 1 + amount * months[unit]
                return replace(self, year=index // 12, month=index % 12 + 1)
            per_year = {"quarter": 4, "half": 2, "season": 4}[g]
            steps = amount * months[unit] * per_year // 12
            if g == "season":
                index = self.year * 4 + self.number + steps
                return Point("season", index // 4, number=index % 4)
            index = self.year * per_year + self.number - 1 + steps
            return replace(self, year=index // per_year, number=index % per_year + 1)
        days = amount * (7 if unit == "week" else 1)
        moved_day = self.first_day + dt.timedelta(days=days)
        if g == "week":
            iso = moved_day.isocalendar()
            return replace(self, year=iso[0], week=iso[1])
        return Point.from_date(moved_day).coarsen(g) if g != "day" else Point.from_date(moved_day)

    def value(self) -> str:
        """The TIMEX3 value."""
        g = self.granularity
        if g == "day":
            text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            return f"{text}T{self.time}" if self.time else text
        if g == "week":
            return f"{self.year:04d}-W{self.week:02d}" + ("-WE" if self.weekend else "")
        if g == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if g == "quarter":
            return f"{self.year:04d}-Q{self.number}"
        if g == "half":
            return f"{self.year:04d}-H{self.number}"
        if g == "season":
            return f"{self.year:04d}-{_SEASON_ORDER[self.number]}"
        if g == "decade":
            return f"{self.year // 10:03d}"
        if g == "century":
            return f"{self.year // 100:02d}"
        return f"{self.year:04d}"


#: Seasons in the order of a year's calendar; winter is the year's last (its December is in the
#: year it is named by). Meteorological: spring starts in March, winter in December.
_SEASON_ORDER = ("SP", "SU", "FA", "WI")
_SEASON_START = {0: 3, 1: 6, 2: 9, 3: 12}


def _season_of(day: dt.date) -> Point:
    if day.month in (12, 1, 2):
        return Point("season", day.year if day.month == 12 else day.year - 1, number=3)
    return Point("season", day.year, number=(day.month - 3) // 3)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_anchor(value: str | None) -> Point | None:
    """The document date as a ``Point``: ``2011-11-18`` a day, ``2012-03`` a month, ``2021`` a
    year. Time of day and anything unreadable are dropped; None gives None."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return Point.from_date(dt.date(int(year), int(month), int(day)))
        if month:
            return Point("month", int(year), int(month))
    except ValueError:
        return None
    return Point("year", int(year))


def parse_value(value: str) -> Point | None:
    """A TIMEX3 date value back to a ``Point`` (None for durations, references, X-values)."""
    text = value.split("T")[0]
    if "X" in text or not text[:1].isdigit():
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return Point.from_date(dt.date.fromisoformat(text))
        except ValueError:
            return None
    if match := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", text):
        return Point("week", int(match[1]), week=int(match[2]), weekend=bool(match[3]))
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return Point("month", int(match[1]), int(match[2]))
    if match := re.fullmatch(r"(\d{4})-Q(\d)", text):
        return Point("quarter", int(match[1]), number=int(match[2]))
    if match := re.fullmatch(r"(\d{4})-H(\d)", text):
        return Point("half", int(match[1]), number=int(match[2]))
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", text):
        return Point("season", int(match[1]), number=_SEASON_ORDER.index(match[2]))
    if re.fullmatch(r"\d{4}", text):
        return Point("year", int(text))
    if re.fullmatch(r"\d{3}", text):
        return Point("decade", int(text) * 10)
    if re.fullmatch(r"\d{2}", text):
        return Point("century", int(text) * 100)
    return None


# --- tense ------------------------------------------------------------------------------------

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"
#: A weak future: an infinitive or a modal ("plans to sign in May", "could open in July").
#: Months and dates follow it forward; a weekday does not (news rarely looks a week ahead with
#: a bare weekday unless "will" says so).
PROSPECTIVE = "PROSPECTIVE"
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_MODAL_AUX = frozenset({"would", "could", "may", "might", "should", "must", "can", "ca", "'d"})
_PERFECT_AUX = frozenset({"had", "has", "have", "'ve"})
_PAST_AUX = frozenset({"was", "were", "did", "had"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'re", "'m", "be", "do", "does"})
_BE = frozenset({"is", "are", "am", "'re", "'m", "'s", "be"})
#: Verbs whose infinitive complement happened already ("failed to pass it in July").
_PAST_CONTROL_VERBS = frozenset(
    {"fail", "failed", "manage", "managed", "try", "tried", "refuse", "refused", "begin", "began",
     "start", "started", "continue", "continued", "seem", "seemed", "appear", "appeared", "used",
     "decline", "declined", "choose", "chose", "come", "came", "happen", "happened"}
)  # fmt: skip
#: Words that make an infinitive a firm plan: "is to open", "is due to start", "set to come".
_SCHEDULE_WORDS = frozenset(
    {"is", "are", "be", "was", "were", "due", "set", "scheduled", "slated", "going", "poised",
     "expected", "planned", "plans", "plan", "intends", "intend", "about"}
)  # fmt: skip
#: Words right before an open date that point it forward ("payable Dec. 7", "effective June 1",
#: "by Dec. 15", "through January", "until March").
_FORWARD_SIGNALS = frozenset(
    {"until", "till", "payable", "effective", "by", "record", "expire", "expires", "starting",
     "beginning"}
)  # fmt: skip


def governing_verb(span: Span) -> Token | None:
    """The nearest verb above ``span`` in the dependency tree, None if there is none."""
    token = span.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and not (token.i >= span.start and token.i < span.end):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(verb: Token) -> str | None:
    """``PAST``, ``PRESENT``, ``FUTURE`` or ``PROSPECTIVE`` of ``verb`` from its tag and
    auxiliaries; None when they do not say."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if words & _FUTURE_AUX:
        return FUTURE
    if verb.tag_ == "VB" and "to" in words:
        governor = verb.head
        if governor.i == verb.i:
            return PROSPECTIVE
        if governor.lower_ in _PAST_CONTROL_VERBS and governor.tag_ in ("VBD", "VBN"):
            return PAST
        if governor.lower_ in _SCHEDULE_WORDS or (
            governor.head.i != governor.i and governor.head.lower_ in _SCHEDULE_WORDS
        ):
            # "had been due to expire Friday", "was to open in July": a plan of the past.
            above = [governor, governor.head] if governor.pos_ == "ADJ" else [governor]
            for word in above:
                tenses = {c.lower_ for c in word.children if c.dep_ in ("aux", "auxpass")}
                if word.tag_ == "VBD" or tenses & {"had", "was", "were"}:
                    return PAST
            return FUTURE
        return PROSPECTIVE
    if words & _MODAL_AUX:
        return PAST if "have" in words else PROSPECTIVE
    if words & _PAST_AUX:
        return PAST
    if words & _PERFECT_AUX and verb.tag_ == "VBN":
        return PAST
    if verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN":
        if words & _PRESENT_AUX or "'s" in words:
            return PRESENT
        # A participle with no auxiliary: a reduced relative ("the treaty signed in May").
        return PAST
    if verb.tag_ == "VBG":
        if words & _BE:
            return FUTURE  # "is meeting on Friday"
        if words & {"was", "were"}:
            return PAST
        if verb.head.i != verb.i:
            head = verb.head
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.pos_ in ("VERB", "AUX") and head.i != verb.i:
                return verb_tense(head)
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None


def tense_of(span: Span, signals: bool = True) -> str | None:
    """The tense that decides which way an open date ("in July") points from the document
    date: with ``signals``, a word right before it ("since", "until", "payable") first; then
    the governing verb."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if signals and span.start > 0 else ""
    if before in ("since", "ago"):
        return PAST
    verb = governing_verb(span)
    tense = verb_tense(verb) if verb is not None else None
    # A forward signal outweighs a present or modal verb, not a past one ("had filed by
    # Wednesday"); a past verb far from a near date is handled where dates are placed.
    if before in _FORWARD_SIGNALS and tense != PAST:
        return FUTURE
    return tense


# --- recognition ------------------------------------------------------------------------------


@dataclass
class _Candidate:
    name: str
    start: int
    end: int
    match: re.Match[str]
    prefix_mod: str | None = None
    prefix_word: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


#: Pattern preference when two candidates cover the same characters.
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERN_SOURCES)}
_PRIORITY.update({"vague": -1, "a_unit": 90, "part_of_day": 80})


def find_candidates(text: str) -> list[_Candidate]:
    """Every pattern's matches in ``text``, longest first (then by pattern priority)."""
    found: list[_Candidate] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if match.end() > match.start():
                found.append(_Candidate(name, match.start(), match.end(), match))
    found.sort(key=lambda c: (-c.length, _PRIORITY.get(c.name, 50), c.start))
    return found


def select_candidates(
    candidates: Iterable[_Candidate], rejected: set[tuple[str, int, int]], length: int
) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, leaving out ``rejected`` (name, start, end);
    fresh copies in text order."""
    taken = bytearray(length + 1)
    chosen: list[_Candidate] = []
    for candidate in candidates:
        if (candidate.name, candidate.start, candidate.end) in rejected:
            continue
        if any(taken[candidate.start : candidate.end]):
            continue
        taken[candidate.start : candidate.end] = b"\x01" * candidate.length
        chosen.append(replace(candidate))
    chosen.sort(key=lambda c: c.start)
    return chosen


# --- normalisation ------------------------------------------------------------------------------


@dataclass
class _Context:
    """What normalising one document needs: its date, its parse, what it said so far."""

    doc: Doc
    anchor: Point | None
    references: list[tuple[int, Point]] = field(default_factory=list)  # (sentence, point)

    def last_reference(
        self,
        granularities: Iterable[str] | None = None,
        sentence: int | None = None,
        window: int | None = None,
    ) -> Point | None:
        """The last date the text mentioned, of one of ``granularities`` (any when None);
        within ``window`` sentences before ``sentence`` when both are given."""
        wanted = set(granularities) if granularities is not None else None
        for ref_sentence, point in reversed(self.references):
            if sentence is not None and window is not None and sentence - ref_sentence > window:
                return None
            if wanted is None or point.granularity in wanted:
                return point
        return None


@dataclass(frozen=True)
class _Value:
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False  # computed from the anchor or an earlier date of the text
    point: Point | None = None  # a date other expressions may refer back to
    anchor: str | None = None
    #: False for a point of comparison ("a year earlier", "the year-ago quarter"): it is not
    #: where the story is, so later expressions do not count from it.
    reference: bool = True
    #: Characters to drop from the end of the match: the signal of "two weeks after".
    trim_end: int = 0


def _number(text: str) -> float | None:
    """A number written in digits or words; None for vague ones ("several")."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text in VAGUE_NUMBERS:
        return None
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    half = 0.0
    for suffix in (" and a half", " a half"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)], 0.5
    if match := re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", text):
        value = float(match[1])
        if match[2]:
            value += int(match[2]) / int(match[3])
        return value + half
    if match := re.fullmatch(r"(\d)/(\d)", text):
        return int(match[1]) / int(match[2])
    total = 0.0
    for word in text.split():
        if word not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[word]
    return total + half


def _unit(word: str) -> str:
    word = word.lower()
    word = _PLURAL_UNITS.get(word, word)
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


def duration_value(amount: float | None, unit: str) -> str:
    """TimeML duration for ``amount`` ``unit``s: ``P4Y``, ``PT2H``, ``P2Y6M``; ``PXY`` when
    the amount is vague."""
    letter, per, is_time = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{'E' if unit == 'decade' else 'C' if unit == 'century' else letter}"
    amount *= per
    if unit == "quarter":
        return f"P{_fmt_number(amount)}Q"
    whole = int(amount)
    fraction = amount - whole
    if fraction and letter in ("Y", "M", "D", "H") or (fraction and is_time):
        lower = {
            ("Y", False): ("M", 12, False),
            ("M", False): ("D", 30, False),
            ("W", False): ("D", 7, False),
            ("D", False): ("H", 24, True),
            ("H", True): ("M", 60, True),
            ("M", True): ("S", 60, True),
        }
        sub_letter, factor, sub_time = lower.get((letter, is_time), (letter, 1, is_time))
        sub = round(fraction * factor)
        if whole == 0:
            return f"{'PT' if sub_time else 'P'}{sub}{sub_letter}"
        if sub_time and not is_time:
            return f"P{whole}{letter}T{sub}{sub_letter}"
        return f"{prefix}{whole}{letter}{sub}{sub_letter}"
    return f"{prefix}{_fmt_number(amount)}{letter}"


def _fmt_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _resolve_month(month: int, anchor: Point, tense: str | None) -> Point:
    """The month named without a year, placed by tense around the document date: the last
    such month for the past, the next for the future, the nearest for the present."""
    if anchor.granularity not in ("day", "week", "month"):
        return Point("month", anchor.year, month)
    base = anchor.first_day
    if month == base.month:
        return Point("month", base.year, month)
    before = base.year if month < base.month else base.year - 1
    after = base.year if month > base.month else base.year + 1
    if tense == PAST:
        return Point("month", before, month)
    if tense in (FUTURE, PROSPECTIVE):
        return Point("month", after, month)
    distance_before = (base.year * 12 + base.month) - (before * 12 + month)
    distance_after = (after * 12 + month) - (base.year * 12 + base.month)
    return Point("month", after if distance_after < distance_before else before, month)


def _resolve_day(month: int, day: int, anchor: Point, tense: str | None) -> Point | None:
    """A month and day without a year, placed by tense around the document date.

    A tense that would send the date most of a year away when it could be a few weeks off the
    other way is overruled: "payable Dec. 7" in a past-tense sentence of October is this
    December, not last.
    """
    if anchor.granularity not in ("day", "week", "month"):
        try:
            return Point.from_date(dt.date(anchor.year, month, day))
        except ValueError:
            return None
    base = anchor.first_day
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if anchor.granularity == "month" and month == base.month:
        return Point.from_date(dt.date(base.year, month, day))
    past = [d for d in options if d <= base]
    future = [d for d in options if d >= base]
    last = max(past) if past else None
    upcoming = min(future) if future else None
    nearest = min(options, key=lambda d: (abs((d - base).days), d > base))
    if tense == PAST and last is not None:
        chosen = last
        if upcoming is not None and (base - last).days > 180 and (upcoming - base).days < 120:
            chosen = upcoming
    elif tense in (FUTURE, PROSPECTIVE) and upcoming is not None:
        chosen = upcoming
        if last is not None and (upcoming - base).days > 180 and (base - last).days < 60:
            chosen = last
    elif tense == PRESENT and upcoming is not None and (upcoming - base).days < 180:
        chosen = upcoming
    else:
        chosen = nearest
    return Point.from_date(chosen)


def _resolve_weekday(weekday: int, anchor: Point, tense: str | None, rel: str | None) -> Point:
    """A weekday: in the news, the one of the current week up to the document date, unless
    "next"/"will" point forward ("on Friday" in a Friday's paper is that day)."""
    base = anchor.first_day
    current = base.isoweekday()
    rel = (rel or "").lower()
    if rel in ("this",):
        return Point.from_date(base + dt.timedelta(days=weekday - current))
    if rel in ("last", "past", "this past"):
        delta = (current - weekday) % 7 or 7
        return Point.from_date(base - dt.timedelta(days=delta))
    if rel in ("next", "coming", "this coming"):
        delta = (weekday - current) % 7 or 7
        return Point.from_date(base + dt.timedelta(days=delta))
    if weekday == current:
        return Point.from_date(base)
    if tense == FUTURE:
        return Point.from_date(base + dt.timedelta(days=(weekday - current) % 7))
    return Point.from_date(base - dt.timedelta(days=(current - weekday) % 7))


def _resolve_period(number: int, granularity: str, anchor: Point, tense: str | None) -> Point:
    """A quarter, half or season named without a year ("the third quarter", "the summer").

    The one of the document's year, unless the past tense names one that has not begun yet
    (last year's), or a future one that ended two or more periods ago (next year's): a results
    story of October speaks of the third quarter just ended whatever its verbs.
    """
    if anchor.granularity not in ("day", "week", "month"):
        return Point(granularity, anchor.year, number=number)
    base = anchor.first_day
    current = Point.from_date(base).coarsen(granularity)
    year = current.year
    if tense == PAST and number > current.number:
        year -= 1
    elif tense in (FUTURE, PROSPECTIVE) and number < current.number - 1:
        year += 1
    return Point(granularity, year, number=number)


_RELATIVE_STEP = {
    "this": 0, "current": 0, "the current": 0, "the same": 0, "same": 0, "that": 0, "the": 0,
    "last": -1, "past": -1, "the past": -1, "the last": -1, "previous": -1,
    "the previous": -1, "this past": -1, "the preceding": -1, "the prior": -1, "the latest": 0,
    "next": 1, "coming": 1, "the next": 1, "the coming": 1, "following": 1,
    "the following": 1, "this coming": 1, "the full": 0,
}  # fmt: skip
#: Relative words that count from an earlier date of the text, not from the document date.
_REFERENCE_WORDS = frozenset(
    {"that", "the same", "same", "the following", "following", "the previous", "previous",
     "the preceding", "the prior"}
)  # fmt: skip


class _Normaliser:
    """Turns candidates into values, one document at a time, in text order."""

    def __init__(self, context: _Context) -> None:
        self.context = context

    # helpers -------------------------------------------------------------------------------

    @property
    def anchor(self) -> Point | None:
        return self.context.anchor

    def base_for(self, rel: str | None, granularity: str, sentence: int) -> Point | None:
        """The point ``rel`` counts from: an earlier date of the text for "that"/"the
        following", the document date otherwise."""
        if rel is not None and rel.lower() in _REFERENCE_WORDS:
            finer = GRANULARITIES[: _RANK[granularity] + 1]
            reference = self.context.last_reference(finer)
            if reference is not None:
                return reference
        return self.anchor

    # the normalisers, one per pattern --------------------------------------------------------

    def normalise(self, candidate: _Candidate, span: Span, sentence: int) -> _Value | None:
        method = getattr(self, f"_{candidate.name}")
        return method(candidate.match, span, sentence)

    def _date(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        month = MONTHS[(m["month"] or m["month2"]).rstrip(".").lower()]
        day_text = (m["day"] or m["day2"]).lower()
        day = _DAY_ORDINALS.get(day_text) or int(re.sub(r"\D", "", day_text))
        if m["year"]:
            try:
                point = Point.from_date(dt.date(int(m["year"]), month, day))
            except ValueError:
                return None
            return _Value("DATE", point.value(), point=point)
        if m["yearrel"]:
            rel = " ".join(m["yearrel"].strip(" ,").lower().split()[:-1]).removeprefix("of ")
            base = self.base_for(rel, "year", sentence)
            if base is None:
                return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
            year = base.year + _RELATIVE_STEP.get(rel, 0)
            try:
                point = Point.from_date(dt.date(year, month, day))
            except ValueError:
                return None
            return _Value("DATE", point.value(), anchored=True, point=point)
        if self.anchor is None:
            return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
        point = None
        if m["weekday"]:
            weekday = WEEKDAYS[m["weekday"].lower()]
            base = self.anchor.first_day
            for year in (base.year, base.year - 1, base.year + 1):
                try:
                    if dt.date(year, month, day).isoweekday() == weekday:
                        point = Point.from_date(dt.date(year, month, day))
                        break
                except ValueError:
                    continue
        if point is None:
            point = _resolve_day(month, day, self.anchor, tense_of(span))
        if point is None:
            return None
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _weekday_date(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        # "Friday, the 18th": the month is the document's, or the one the weekday fits.
        if self.anchor is None or self.anchor.granularity not in ("day", "week", "month"):
            return None
        day = int(re.sub(r"\D", "", m["day"]))
        weekday = WEEKDAYS[m["weekday"].lower()]
        base = self.anchor.first_day
        for months in (0, -1, 1):
            moved = _add_months(base.replace(day=1), months)
            try:
                candidate = moved.replace(day=day)
            except ValueError:
                continue
            if candidate.isoweekday() == weekday:
                point = Point.from_date(candidate)
                return _Value("DATE", point.value(), anchored=True, point=point)
        return None

    def _month_year(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        month = MONTHS[m["month"].rstrip(".").lower()]
        if m["year"] or m["yearwords"]:
            year = int(m["year"]) if m["year"] else _year_from_words(m["yearwords"])
            if year is None:
                return None
            point = Point("month", year, month)
            return _Value("DATE", point.value(), point=point)
        rel = " ".join(m["yearrel"].lower().split()[:-1])
        base = self.base_for(rel, "year", sentence)
        if base is None:
            return _Value("DATE", f"XXXX-{month:02d}")
        point = Point("month", base.year + _RELATIVE_STEP.get(rel, 0), month)
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _month(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        word = m["month"]
        token = span[-1]
        if token.tag_ == "MD" or token.pos_ in ("VERB", "AUX"):
            return None  # "may", "march" as verbs
        if token.ent_type_ in ("PERSON", "ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"):
            return None  # "April Glaspie", "the March for Life"
        if word in ("May", "March") and not _month_context(span):
            return None
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.pos_ == "ADJ" and before.lower_ not in _MONTH_ADJECTIVES:
            return None  # "the annual March for Life"
        month = MONTHS[word.rstrip(".").lower()]
        rel = (m["rel"] or "").lower() or None
        if self.anchor is None:
            return _Value("DATE", f"XXXX-{month:02d}")
        if rel in ("last", "past", "this past", "the previous"):
            base = self.anchor.first_day
            year = base.year if month < base.month else base.year - 1
            point = Point("month", year, month)
        elif rel in ("next", "coming", "this coming", "the following"):
            base = self.anchor.first_day
            year = base.year if month > base.month else base.year + 1
            point = Point("month", year, month)
        elif rel == "this":
            point = Point("month", self.anchor.year, month)
        else:
            point = _resolve_month(month, self.anchor, tense_of(span))
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _iso_date(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        try:
            point = Point.from_date(dt.date(int(m["year"]), int(m["month"]), int(m["day"])))
        except ValueError:
            return None
        return _Value("DATE", point.value(), point=point)

    def _numeric_date(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        year = int(m["year"])
        if year < 100:
            year += 1900 if year > 30 else 2000
        try:
            point = Point.from_date(dt.date(year, int(m["month"]), int(m["day"])))
        except ValueError:
            return None
        return _Value("DATE", point.value(), point=point)

    def _year(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        year = int(m["year"])
        if m["plural"]:
            point = Point("decade", year) if year % 10 == 0 else None
            if point is None:
                return None
            return _Value("DATE", point.value(), point=point)
        if not m["fiscal"] and not _year_context(span, year):
            return None
        point = Point("year", year)
        return _Value("DATE", point.value(), point=point)

    def _year_words(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        year = _year_from_words(m["yearwords"])
        if year is None:
            return None
        point = Point("year", year)
        return _Value("DATE", point.value(), point=point)

    def _short_year(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        yy = int(m["yy"])
        if self.anchor is not None:
            century = self.anchor.year - self.anchor.year % 100
            year = century + yy if century + yy <= self.anchor.year + 10 else century - 100 + yy
        else:
            year = 1900 + yy if yy > 30 else 2000 + yy
        point = Point("year", year)
        return _Value("DATE", point.value(), point=point)

    def _decade(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if m["words"]:
            decade = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ].index(m["words"].lower()) + 2
            century = 1900
            year = century + decade * 10
        elif m["century"]:
            year = int(m["century"]) * 100 + int(m["decade"]) * 10
        else:
            digit = int(m["decade2"] or m["decade3"])
            century = 1900
            if self.anchor is not None:
                century = self.anchor.year - self.anchor.year % 100
                if century + digit * 10 > self.anchor.year:
                    century -= 100
            year = century + digit * 10
        point = Point("decade", year)
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["part"] or "").lower())
        return _Value("DATE", point.value(), mod=mod, point=point)

    def _century(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if m["number"]:
            number = int(m["number"])
        else:
            number = _ORDINALS.get(m["ordinal"].lower().replace(" ", "-"), 0)
        if not 1 <= number <= 30:
            return None
        point = Point("century", (number - 1) * 100)
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["part"] or "").lower())
        return _Value("DATE", point.value(), mod=mod, point=point)

    def _rel_century(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        rel = " ".join(m["rel"].lower().split())
        if rel == "the past":
            return _Value("DURATION", "P100Y")
        if self.anchor is None:
            return _Value("DATE", "XX")
        point = self.anchor.coarsen("century").shift(_RELATIVE_STEP.get(rel, 0), "century")
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _season(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        season = SEASONS[m["season"].lower()]
        number = _SEASON_ORDER.index(season)
        rel = " ".join((m["rel"] or "").lower().split()) or None
        year_text = m["year"] or m["year2"]
        if season == "FA" and not (rel or year_text):
            return None  # "a fall in prices"
        if season == "FA" and rel == "the" and not (year_text or m["yearwords"] or m["yearrel"]):
            following = span.doc[span.end] if span.end < len(span.doc) else None
            if following is None or following.lower_ in ("of", "in"):
                return None  # "the fall of the Berlin Wall"
        mod = {"early": "START", "mid": "MID", "late": "END"}.get(rel or "")
        if year_text or m["yearwords"]:
            year = int(year_text) if year_text else _year_from_words(m["yearwords"])
            if year is None:
                return None
            point = Point("season", year, number=number)
            return _Value("DATE", point.value(), mod=mod, point=point)
        if m["yearrel"]:
            words = m["yearrel"].lower().split()[:-1]
            yrel = " ".join(words)
            base = self.base_for(yrel, "year", sentence)
            if base is None:
                return _Value("DATE", f"XXXX-{season}", mod=mod)
            point = Point("season", base.year + _RELATIVE_STEP.get(yrel, 0), number=number)
            return _Value("DATE", point.value(), mod=mod, anchored=True, point=point)
        if self.anchor is None:
            return _Value("DATE", f"XXXX-{season}", mod=mod)
        if rel == "last":
            # "last spring" is the year before's, as annotators read it even in the autumn.
            point = Point("season", self.anchor.year - 1, number=number)
        elif rel == "this past":
            current = self.anchor.coarsen("season") if self.anchor.granularity == "day" else None
            year = self.anchor.year - 1
            if current is not None and current.number > number:
                year = current.year
            point = Point("season", year, number=number)
        elif rel in ("next", "this coming"):
            current = self.anchor.coarsen("season") if self.anchor.granularity == "day" else None
            year = self.anchor.year + 1
            if current is not None and current.number < number:
                year = current.year
            point = Point("season", year, number=number)
        elif rel == "this":
            point = Point("season", self.anchor.year, number=number)
        elif rel == "that":
            base = self.base_for("that", "year", sentence) or self.anchor
            point = Point("season", base.year, number=number)
        else:
            point = _resolve_period(number, "season", self.anchor, tense_of(span))
        return _Value("DATE", point.value(), mod=mod, anchored=True, point=point)

    def _quarter(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        ordinal = m["ordinal"].lower()
        unit = m["unit"].lower()
        if unit == "period" and ordinal not in ("first", "second", "third", "fourth"):
            return None
        if unit == "period":
            unit = "quarter"
        count = 4 if unit == "quarter" else 2
        number = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
        }.get(ordinal, count)
        if number > count:
            return None
        granularity = unit
        det = " ".join((m["det"] or "").lower().split())
        yearword = " ".join((m["yearword"] or "").lower().split())
        year_text = m["year"] or m["year2"] or m["year3"]
        if m["plural"] and not year_text:
            return _Value("SET", f"XXXX-{'Q' if unit == 'quarter' else 'H'}{number}")
        if year_text:
            point = Point(granularity, int(year_text), number=number)
            return _Value("DATE", point.value(), point=point)
        step = None
        if m["yearrel"]:
            step = _RELATIVE_STEP.get(" ".join(m["yearrel"].lower().split()[:-1]), 0)
        elif yearword in ("year-ago", "year-earlier", "last year") or det in (
            "the year-ago",
            "the year-earlier",
            "year-ago",
            "year-earlier",
        ):
            step = -1
        elif yearword in ("next year",):
            step = 1
        elif yearword in ("this year",):
            step = 0
        if self.anchor is None:
            return _Value("DATE", f"XXXX-{'Q' if unit == 'quarter' else 'H'}{number}")
        if step is not None:
            if step == -1 and (det.startswith("the year-") or yearword.startswith("year-")):
                reference = self.context.last_reference((granularity,))
                if reference is not None and reference.number == number:
                    point = reference.shift(-1, "year")
                    return _Value(
                        "DATE", point.value(), anchored=True, point=point, reference=False
                    )
            point = Point(granularity, self.anchor.year + step, number=number)
            return _Value("DATE", point.value(), anchored=True, point=point, reference=step != -1)
        point = _resolve_period(number, granularity, self.anchor, tense_of(span))
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _ref_quarter(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        det = " ".join(m["det"].lower().split())
        unit = m["unit"].lower()
        if self.anchor is None:
            return None
        reference = self.context.last_reference(("quarter",), sentence, 3)
        if m["year"]:
            number = reference.number if reference is not None else None
            if number is None:
                if unit == "period":
                    return None
                return _Value("DATE", f"{m['year']}-QX")
            point = Point("quarter", int(m["year"]), number=number)
            return _Value("DATE", point.value(), anchored=True, point=point)
        if m["ago"] or (m["comparable"] and det == "the"):
            # "the year-ago quarter", "the comparable period": the story's quarter a year back.
            latest = self.anchor.coarsen("quarter").shift(-1, "quarter")
            point = (reference or latest).shift(-1, "year")
            return _Value("DATE", point.value(), anchored=True, point=point, reference=False)
        if det in ("the latest", "the recent"):
            # In a results story the latest quarter is the last one ended.
            point = self.anchor.coarsen("quarter").shift(-1, "quarter")
            if unit == "period" and reference is not None:
                point = reference
            return _Value("DATE", point.value(), anchored=True, point=point)
        if unit == "period" and reference is None:
            return None
        if det in ("last", "the previous"):
            point = self.anchor.coarsen("quarter").shift(-1, "quarter")
        elif det == "next":
            point = self.anchor.coarsen("quarter").shift(1, "quarter")
        elif det in ("this", "the current"):
            point = self.anchor.coarsen("quarter")
        elif reference is not None:
            point = reference
        elif det == "the fiscal":
            return None
        else:
            # "the quarter", "the latest quarter" in a results story: the last one ended.
            point = self.anchor.coarsen("quarter").shift(-1, "quarter")
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _year_end(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if self.anchor is None:
            return None
        step = _RELATIVE_STEP.get((m["rel"] or "this").lower(), 0)
        point = self.anchor.coarsen("year").shift(step, "year")
        return _Value("DATE", point.value(), mod="END", anchored=True, point=point)

    def _year_ago_adjective(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if self.anchor is None:
            return None
        reference = self.context.last_reference(("quarter", "half"), sentence, 2)
        if reference is not None:
            point = reference.shift(-1, "year")
        else:
            point = self.anchor.coarsen("year").shift(-1, "year")
        return _Value("DATE", point.value(), anchored=True, point=point, reference=False)

    def _relative_day(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        word = m["word"].lower()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        pre = " ".join((m["pre"] or "").lower().split())
        offset += {"the day before": -1, "the day after": 1}.get(pre, 0)
        part = (m["part"] or "").lower() or ("night" if word == "tonight" else None)
        if self.anchor is None or self.anchor.granularity != "day":
            return _Value("DATE", "PRESENT_REF") if word == "today" else None
        point = self.anchor.shift(offset, "day")
        if part:
            timed = replace(point, time=DAY_PARTS[part])
            return _Value("TIME", timed.value(), anchored=True, point=point)
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _weekday(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        weekday = WEEKDAYS[m["weekday"].lower()]
        rel = " ".join((m["rel"] or "").lower().split()) or None
        part = (m["part"] or "").lower() or None
        if m["plural"] or m["partplural"]:
            suffix = f"T{DAY_PARTS[part]}" if part else ""
            return _Value("SET", f"XXXX-WXX-{weekday}{suffix}")
        if self.anchor is None or self.anchor.granularity != "day":
            return _Value("DATE", f"XXXX-WXX-{weekday}")
        if rel in ("the previous", "previous", "the following", "following", "that"):
            reference = self.context.last_reference(("day",)) or self.anchor
            base = reference.first_day
            current = base.isoweekday()
            if rel == "that":
                delta = (weekday - current) % 7
                delta = delta if delta <= 3 else delta - 7
            elif "previous" in rel:
                delta = -((current - weekday) % 7 or 7)
            else:
                delta = (weekday - current) % 7 or 7
            point = Point.from_date(base + dt.timedelta(days=delta))
        else:
            tense = tense_of(span, signals=False)
            lead = span.doc[max(span.start - 3, 0) : span.start].text.lower()
            if lead in ("as early as", "as soon as") and tense != PAST:
                tense = FUTURE
            point = _resolve_weekday(weekday, self.anchor, tense, rel)
        if part:
            timed = replace(point, time=DAY_PARTS[part])
            return _Value("TIME", timed.value(), anchored=True, point=point)
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _relative_unit(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        rel = " ".join(m["rel"].lower().split())
        unit = m["unit"].lower()
        if unit in ("morning", "afternoon", "evening", "night"):
            return self._day_part(rel, unit, span)
        if span[0].is_title and span[-1].is_title and not span[0].is_sent_start:
            return None  # ABC's "This Week": a title
        before = span.doc.text[max(0, span.start_char - 30) : span.start_char].lower()
        if (
            rel == "the"
            and unit in ("month", "week")
            and re.search(r"(?:end|beginning|start|middle|rest)\s+of\s+$", before)
        ):
            rel = "this"  # "by the end of the month": the current one
        if rel == "the" and unit == "day" and re.search(r"(?:later|earlier)\s+in\s+$", before):
            return self._next_day(0)  # "later in the day": the day the story is on
        if rel == "the" and unit not in ("year", "weekend", "week"):
            return None  # "the day", "the month": too often not a date
        if rel in ("the next", "the last", "the past") and unit in ("day",):
            return None if rel != "the next" else self._next_day(1)
        if unit == "day":
            if rel in ("that", "the same", "same"):
                return self._next_day(0)
            if rel in ("the following", "following"):
                return self._next_day(1)
            if rel in ("the previous", "previous", "the preceding", "the prior"):
                return self._next_day(-1)
            return None
        if m["fiscal"] and rel == "the":
            return _Value("DURATION", "P1Y")
        if unit == "year" and rel == "the":
            return self._the_year(span)
        if self.anchor is None:
            return None
        step = _RELATIVE_STEP.get(rel)
        if step is None:
            return None
        if unit == "weekend":
            if self.anchor.granularity != "day":
                return None
            base = self.anchor.first_day
            if rel in ("this", "the", "that", "the same", "same"):
                # the weekend around the date: the coming one on a weekday, in a past-tense
                # sentence the one just gone.
                iso = base.isocalendar()
                if rel == "the" and iso[2] < 6 and tense_of(span) == PAST:
                    base -= dt.timedelta(days=7)
                step = 0
            week = Point.from_date(base).coarsen("week").shift(step, "week")
            point = replace(week, weekend=True)
            return _Value("DATE", point.value(), anchored=True, point=week)
        granularity = {"week": "week", "month": "month", "year": "year", "decade": "decade"}[unit]
        base = self.base_for(rel, granularity, sentence)
        if base is None:
            return None
        if unit == "week" and base.granularity not in ("day", "week"):
            return None
        if rel in ("the past", "the last") and unit == "week" and tense_of(span) != PAST:
            return _Value("DURATION", "P1W")
        point = base.coarsen(granularity).shift(step, unit)
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _the_year(self, span: Span) -> _Value | None:
        # "the year ended Sept. 30" is a (fiscal) year's span; "for the year", "earlier in the
        # year" mean the current one.
        doc = span.doc
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if after in ("ended", "ending", "ends", "to", "through"):
            return _Value("DURATION", "P1Y")
        if self.anchor is None:
            return None
        point = self.anchor.coarsen("year")
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _next_day(self, offset: int) -> _Value | None:
        reference = self.context.last_reference(("day",)) or self.anchor
        if reference is None or reference.granularity != "day":
            return None
        point = replace(reference, time=None).shift(offset, "day")
        return _Value("DATE", point.value(), anchored=True, point=point, anchor=reference.value())

    def _day_part(self, rel: str, part: str, span: Span) -> _Value | None:
        if self.anchor is None or self.anchor.granularity != "day":
            return None
        if rel == "the" and part in ("night", "evening"):
            return None  # "on the night of Oct. 23": the date is what matters
        if rel in ("this", "the", "that", "the same"):
            base = (
                self.anchor
                if rel == "this"
                else (self.context.last_reference(("day",)) or self.anchor)
            )
        elif rel in ("last", "the previous", "previous"):
            base = self.anchor.shift(-1, "day") if part == "night" or rel == "last" else None
            if base is None:
                reference = self.context.last_reference(("day",)) or self.anchor
                base = reference.shift(-1, "day")
        elif rel in ("the next", "next", "the following", "following"):
            reference = self.context.last_reference(("day",)) or self.anchor
            point = replace(reference, time=None).shift(1, "day")
            return _Value("DATE", point.value(), anchored=True, point=point)
        else:
            return None
        point = replace(base, time=DAY_PARTS[part])
        return _Value("TIME", point.value(), anchored=True, point=replace(base, time=None))

    def _part_of_day(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        pre = (m["pre"] or "").lower() or None
        if pre is None:
            return None  # a bare "morning" is too often no particular one
        part = m["part"].lower()
        if self.anchor is None or self.anchor.granularity != "day":
            return None
        reference = self.context.last_reference(("day",)) or self.anchor
        point = replace(reference, time=DAY_PARTS[part])
        mod = {"early": "START", "late": "END", "mid": "MID"}.get(pre)
        return _Value(
            "TIME", point.value(), mod=mod, anchored=True, point=replace(point, time=None)
        )

    def _night_words(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        word = " ".join(m["word"].lower().split())
        if self.anchor is None or self.anchor.granularity != "day":
            return None
        if word == "overnight":
            reference = self.context.last_reference(("day",)) or self.anchor
            point = reference.shift(-1, "day") if reference is self.anchor else reference
        elif word == "last night":
            point = self.anchor.shift(-1, "day")
        else:
            point = self.anchor
        timed = replace(point, time="NI")
        return _Value("TIME", timed.value(), anchored=True, point=replace(point, time=None))

    def _duration(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        unit = _unit(m["unit"])
        if unit not in UNITS:
            return None
        number_text = " ".join(m["number"].lower().split())
        amount = _number(number_text)
        vague = amount is None
        if vague and number_text not in VAGUE_NUMBERS:
            return None
        direction = " ".join((m["direction"] or "").lower().split()) or None
        qmod = QUANTITY_MODS.get(" ".join((m["qmod"] or "").lower().split()))
        rel = (m["rel"] or "").lower() or None
        the = (m["the"] or "").lower() or None
        if number_text in ("a couple of", "couple of"):
            qmod = qmod or "APPROX"
        if amount is not None and m["number2"]:
            second = _number(m["number2"])
            vague = second is None
            amount = amount if second is None else amount
        if direction in ("or so",):
            qmod, direction = "APPROX", None
        if unit == "weekend" and amount == 1 and not direction:
            return None
        if number_text in ("a", "an") and not (direction or qmod or rel or the):
            return None  # "a year": left to a_unit, which knows the sets
        if number_text == "some" and not direction:
            return None
        trim = len(m.group(0)) - (m.start("direction") - m.start()) if direction else 0
        if direction in ("earlier", "later") and unit in (
            "second",
            "minute",
            "hour",
            "day",
            "week",
        ):
            # "three days later": TimeML tags the stretch, with "later" as its signal.
            value = duration_value(None if vague else amount, unit)
            return _Value("DURATION", value, mod=qmod, trim_end=trim)
        if direction in ("ago", "back", "earlier", "later", "from now", "hence", "previously"):
            return self._shifted(amount, unit, direction, qmod, span, sentence)
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.lower_ == "old" and not direction:
            return None  # "52 years old": an age
        if the and rel in ("past", "last") and unit in ("year",) and amount == 1:
            return None
        if unit == "quarter" and amount is not None and amount > 1 and rel in ("next",):
            return _Value("DURATION", f"P{_fmt_number(amount * 3)}M", mod=qmod)
        value = duration_value(None if vague else amount, unit)
        if direction in ("before", "after", "prior", "since"):
            return _Value("DURATION", value, mod=qmod, trim_end=trim)
        return _Value("DURATION", value, mod=qmod)

    def _shifted(
        self,
        amount: float | None,
        unit: str,
        direction: str,
        mod: str | None,
        span: Span,
        sentence: int,
    ) -> _Value | None:
        """ "two years ago", "a year earlier", "three days later"."""
        if unit in ("second", "minute", "hour"):
            return _Value("TIME" if amount is not None else "DATE", "PAST_REF")
        if amount is None:
            return _Value(
                "DATE", "PAST_REF" if direction in ("ago", "earlier", "back") else "FUTURE_REF"
            )
        sign = 1 if direction in ("later", "from now", "hence") else -1
        letter, per, _ = UNITS[unit]
        steps = amount * per
        calendar_unit = {
            "day": "day",
            "night": "day",
            "week": "week",
            "fortnight": "week",
            "weekend": "week",
            "month": "month",
            "quarter": "quarter",
            "year": "year",
            "decade": "year",
            "century": "year",
            "millennium": "year",
        }[unit]
        if steps != int(steps):
            if calendar_unit == "year":
                steps, calendar_unit = steps * 12, "month"
            elif calendar_unit == "month":
                steps, calendar_unit = steps * 30, "day"
            steps = round(steps)
        steps = int(steps)
        if self.anchor is None:
            return None
        granularity = calendar_unit
        if unit in ("decade",) and steps % 10 == 0:
            granularity = "year"
        base = self.anchor
        if direction in ("earlier", "later", "previously"):
            base = self.context.last_reference(None, sentence, 3) or self.anchor
        keep = False
        if calendar_unit == "year":
            finer = self.context.last_reference(("quarter", "half"), sentence, 2)
            if finer is not None and (direction != "ago" or steps == 1):
                base, keep = finer, True
            elif direction != "ago" and base.granularity in ("quarter", "half", "month"):
                keep = True
        elif calendar_unit in ("day", "week") and direction != "ago" and base.granularity == "day":
            keep = calendar_unit == "day"
        if base.granularity in ("decade", "century"):
            return None
        if keep:
            point = replace(base, time=None).shift(sign * steps, calendar_unit)
        else:
            if _RANK[base.granularity] > _RANK[granularity] and granularity != "week":
                return None  # "three days later" than a year
            if granularity == "week" and base.granularity != "day" and base.granularity != "week":
                return None
            point = replace(base, time=None).coarsen(granularity).shift(sign * steps, calendar_unit)
        return _Value(
            "DATE",
            point.value(),
            mod=mod,
            anchored=True,
            point=point,
            anchor=base.value(),
            reference=calendar_unit in ("day", "week"),
        )

    def _adjectival_duration(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        unit = _unit(m["unit"])
        amount = _number(m["number"])
        if amount is None or unit not in UNITS or (m["old"] or "").lower() == "-old":
            return None  # "a 6-year-old": an age, not a time
        return _Value("DURATION", duration_value(amount, unit))

    def _vague_duration(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        unit = _unit(m["unit"])
        direction = (m["direction"] or "").lower() or None
        rel = (m["rel"] or "").lower() or None
        doc = span.doc
        if direction in ("ago", "earlier"):
            return _Value("DATE", "PAST_REF")
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and (before.like_num or before.tag_ == "CD") and not m["the"]:
            return None  # "5 years": the number is outside a span this pattern could see
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in ("old",):
            return None
        if rel in ("coming",) and unit == "quarter":
            return _Value("DATE", "FUTURE_REF")
        value = duration_value(None, unit)
        return _Value("DURATION", value)

    def _unit_long(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        return _Value("DURATION", duration_value(1, _unit(m["unit"])))

    def _set(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if m["word"]:
            word = m["word"].lower()
            after = span.doc[span.end] if span.end < len(span.doc) else None
            if word == "daily" and after is not None and after.pos_ == "PROPN":
                return None  # "the daily Izvestia": a newspaper
            value = {
                "daily": "P1D",
                "nightly": "P1D",
                "weekly": "XXXX-WXX",
                "monthly": "P1M",
                "annually": "P1Y",
                "yearly": "P1Y",
                "hourly": "PT1H",
                "biweekly": "P2W",
                "fortnightly": "P2W",
                "bimonthly": "P2M",
                "semiannually": "P6M",
                "semi-annually": "P6M",
            }[word]
            return _Value("SET", value)
        what = m["unit"]
        if what in WEEKDAYS or what.lower() in WEEKDAYS and what[0].isupper():
            return _Value("SET", f"XXXX-WXX-{WEEKDAYS[what.lower()]}")
        if what.lower() in MONTHS and what[0].isupper():
            return _Value("SET", f"XXXX-{MONTHS[what.lower()]:02d}")
        if what.lower() in SEASONS:
            return _Value("SET", f"XXXX-{SEASONS[what.lower()]}")
        if what.lower() in DAY_PARTS:
            return _Value("SET", "P1D")  # "every morning": daily
        unit = _unit(what)
        if unit not in UNITS:
            return None
        amount = 2.0 if m["other"] else (_number(m["number"]) if m["number"] else 1.0)
        if amount is None:
            return None
        return _Value("SET", duration_value(amount, unit))

    def _a_unit(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        # "$5 a year", "twice a week" are sets; "for a year", "a year in jail" durations.
        doc = span.doc
        unit = m["unit"].lower()
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if before is not None and (
            before.lower_ in ("times", "twice", "once", "thrice", "percent", "%")
            or before.tag_ == "CD"
            or before.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")
            or before.lower_ in ("dollars", "barrels", "tons", "people", "cents")
        ):
            return _Value("SET", duration_value(1, unit))
        if after is not None and after.lower_ in ("ago", "earlier", "later", "before", "after"):
            return None
        if before is not None and before.lower_ in (
            "in",
            "within",
            "for",
            "of",
            "than",
            "about",
            "nearly",
            "almost",
            "over",
            "under",
        ):
            return _Value("DURATION", duration_value(1, unit))
        if (
            after is not None
            and after.lower_ in ("or", "and", "to")
            or (before is not None and before.lower_ in ("once",))
        ):
            return None
        return _Value("DURATION", duration_value(1, unit))

    def _vague(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        word = " ".join(m["word"].lower().split())
        if word in (
            "now",
            "right now",
            "just now",
            "currently",
            "presently",
            "at present",
            "these days",
            "nowadays",
            "current",
        ):
            if word == "current":
                after = span.doc[span.end] if span.end < len(span.doc) else None
                if after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
                    return None
                if after.lower_ in (
                    "account",
                    "accounts",
                    "affairs",
                    "events",
                    "prices",
                    "dollars",
                    "flow",
                    "flows",
                ):
                    return None
            return _Value("DATE", "PRESENT_REF")
        if word in (
            "recently",
            "lately",
            "recent",
            "the past",
            "until recently",
            "in the past",
            "of late",
        ):
            if word == "recent":
                return None  # "the recent Freedom of Access act": too often no time at all
            return _Value("DATE", "PAST_REF")
        return _Value("DATE", "FUTURE_REF")

    def _time(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if m["named"]:
            clock = DAY_PARTS[m["named"].lower()]
        elif m["oclock"]:
            hour = _number(m["oclock"])
            if hour is None:
                return None
            clock = f"{int(hour):02d}:00"
        elif m["hour24"] is not None:
            clock = f"{int(m['hour24']):02d}:{m['minute24']}"
        else:
            hour = int(m["hour"])
            minute = m["minute"] or "00"
            if hour > 12:
                return None
            pm = m["ampm"].lower().startswith("p")
            hour = (hour % 12) + (12 if pm else 0)
            clock = f"{hour:02d}:{minute}"
        if self.anchor is None or self.anchor.granularity != "day":
            return _Value("TIME", f"XXXX-XX-XXT{clock}")
        if m["weekday"]:
            day = _resolve_weekday(
                WEEKDAYS[m["weekday"].lower()], self.anchor, tense_of(span, signals=False), None
            )
        elif m["relday"]:
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
            day = self.anchor.shift(offset[m["relday"].lower()], "day")
        elif m["month"]:
            month = MONTHS[m["month"].rstrip(".").lower()]
            resolved = _resolve_day(
                month, int(re.sub(r"\D", "", m["day"])), self.anchor, tense_of(span)
            )
            if resolved is None:
                return None
            day = resolved
        else:
            day = self.context.last_reference(("day",)) or self.anchor
        point = replace(day, time=clock)
        approximate = (m["qmod"] or "").lower() in ("about", "around", "approximately")
        mod = "APPROX" if approximate else None
        return _Value("TIME", point.value(), mod=mod, anchored=True, point=replace(day, time=None))

    def _holiday(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        name = " ".join(m["name"].lower().split())
        rel = (m["rel"] or "").lower() or None
        year = int(m["year"]) if m["year"] else None
        if name in (
            "easter",
            "easter sunday",
            "election day",
            "labor day",
            "memorial day",
            "thanksgiving",
            "thanksgiving day",
        ):
            compute = _MOVABLE_FEASTS[name.split()[0]]
        else:
            month, day = HOLIDAYS[name]

            def compute(y: int, month: int = month, day: int = day) -> dt.date:
                return dt.date(y, month, day)

        if year is not None:
            point = Point.from_date(compute(year))
            return _Value("DATE", point.value(), point=point)
        if self.anchor is None:
            if name in HOLIDAYS:
                month, day = HOLIDAYS[name]
                return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
            return None
        base = self.anchor.first_day
        options = [compute(y) for y in (base.year - 1, base.year, base.year + 1)]
        tense = tense_of(span)
        if rel in ("last", "this past") or (rel is None and tense == PAST):
            chosen = max(d for d in options if d <= base)
        elif rel in ("next", "this coming") or (rel is None and tense == FUTURE):
            chosen = min(d for d in options if d >= base)
        else:
            chosen = min(options, key=lambda d: abs((d - base).days))
        point = Point.from_date(chosen)
        return _Value("DATE", point.value(), anchored=True, point=point)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    if n > 0:
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


_MOVABLE_FEASTS: dict[str, Callable[[int], dt.date]] = {
    "easter": _easter,
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial": lambda y: _nth_weekday(y, 5, 1, -1),
    # US federal elections: the Tuesday after the first Monday of November.
    "election": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
}


def _year_from_words(text: str) -> int | None:
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (int(_number(" ".join(rest)) or 0) if rest else 0)
    if len(words) < 2 or words[0] not in ("nineteen", "twenty"):
        return None
    century = 1900 if words[0] == "nineteen" else 2000
    rest = words[1:]
    if rest == ["hundred"]:
        return century
    if rest[0] == "oh":
        rest = rest[1:]
    value = _number(" ".join(rest))
    return century + int(value) if value is not None and value < 100 else None


#: Adjectives that may stand before a month name.
_MONTH_ADJECTIVES = frozenset({"early", "late", "mid", "last", "next", "past", "coming", "this"})


def _month_context(span: Span) -> bool:
    """Whether "May"/"March" here is the month: after a preposition or before a day/year."""
    doc = span.doc
    token = span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if len(span) > 1:
        return True
    if before is not None and before.lower_ in (
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "through",
        "of",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "before",
        "after",
        "during",
        "between",
        "and",
        "or",
        "end",
        "-",
        "mid-",
    ):
        return True
    if after is not None and (after.like_num or after.lower_ in (",", ".", ";", "'s")):
        return True
    return token.ent_type_ == "DATE"


#: Words after a number that make it a count, not a year.
_NOT_YEAR_AFTER = frozenset(
    {"people", "troops", "soldiers", "percent", "%", "dollars", "shares", "tons", "miles",
     "kilometers", "km", "feet", "meters", "votes", "points", "barrels", "cars", "units",
     "employees", "workers", "acres", "jobs", "cases", "members", "times", "pages", "hours"}
)  # fmt: skip


def _year_context(span: Span, year: int) -> bool:
    """Whether a four-digit number is a year: spaCy does not call it a quantity, and no word
    around it makes it a count or an amount."""
    doc = span.doc
    token = span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    counted = token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
    if counted and not (before is not None and before.lower_ in ("in", "since", "of", "by")):
        return False
    if before is not None and before.text in ("$", "#", "No.", "no.", "number", "Flight"):
        return False
    if after is not None and after.lower_ in _NOT_YEAR_AFTER:
        return False
    return 1000 <= year <= 2100


# --- the component ----------------------------------------------------------------------------


def _sentence_index(doc: Doc) -> list[int]:
    """The sentence number of every token (all 0 without sentence boundaries)."""
    index = [0] * len(doc)
    if not doc.has_annotation("SENT_START"):
        return index
    number = -1
    for token in doc:
        if token.is_sent_start:
            number += 1
        index[token.i] = max(number, 0)
    return index


def _extend_with_modifier(text: str, candidate: _Candidate, value: _Value) -> None:
    """Take a point modifier before the expression into it: "early 2012", "the end of 1990"."""
    before = text[max(0, candidate.start - 40) : candidate.start]
    match = _POINT_MOD_BEFORE.search(before)
    if match is None or value.type not in ("DATE", "TIME") or not value.value[:1].isdigit():
        return
    words = " ".join(match.group(0).lower().replace("-", " ").split())
    if not match.group(0)[-1:].isspace() and not match.group(0).endswith("-"):
        return  # "...mid" glued to the expression: not a modifier
    words = re.sub(r"\s+(?:in|of)$", "", words) if words.endswith((" in", " of")) else words
    words = re.sub(r"^(the very|the)\s+", "the ", words)
    key = words.replace(" very", "")
    if key in ("earlier", "later"):
        candidate.prefix_word = key
    else:
        candidate.prefix_mod = POINT_MODS.get(key) or POINT_MODS.get(key.replace("the ", ""))
    candidate.start -= len(match.group(0))


def tag_timexes(doc: Doc, anchor: str | None) -> list[Timex]:
    """The time expressions of ``doc`` normalised against ``anchor`` (ISO date or None).

    doc: a parsed spaCy Doc (tags, dependencies and entities help; without them the tagger
        still runs, with less certain tense).
    anchor: the document date (``2011-11-18``, ``2012-03``, ``2021``) or None.

    A candidate its normaliser turns down ("May" as a verb, "a fall in prices") frees its
    characters for shorter ones inside it, and the document is normalised again, in text order,
    so every expression counts from the dates mentioned before it.
    """
    text = doc.text
    sentence_of = _sentence_index(doc)
    candidates = find_candidates(text)
    rejected: set[tuple[str, int, int]] = set()
    timexes: list[Timex] = []
    for _ in range(8):
        context = _Context(doc, parse_anchor(anchor))
        normaliser = _Normaliser(context)
        timexes = []
        turned_down = False
        for candidate in select_candidates(candidates, rejected, len(text)):
            span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
            value = None
            if span is not None and len(span):
                value = normaliser.normalise(candidate, span, sentence_of[span.start])
            if value is None:
                rejected.add((candidate.name, candidate.start, candidate.end))
                turned_down = True
                continue
            timexes.append(_make_timex(text, candidate, value, anchor))
            if value.point is not None and value.reference:
                context.references.append((sentence_of[span.start], value.point))
        if not turned_down:
            break
    return timexes


def _make_timex(text: str, candidate: _Candidate, value: _Value, anchor: str | None) -> Timex:
    if candidate.name not in ("duration", "vague", "vague_duration", "set", "a_unit"):
        _extend_with_modifier(text, candidate, value)
    mod = value.mod or candidate.prefix_mod
    if candidate.prefix_word is not None and candidate.name == "relative_day":
        mod = mod or ("START" if candidate.prefix_word == "earlier" else "END")
    if value.trim_end:
        candidate.end = len(text[: candidate.end - value.trim_end].rstrip())
    return Timex(
        text=text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        type=value.type,  # type: ignore[arg-type]
        value=value.value,
        anchor=value.anchor or (anchor if value.anchored else None),
        mod=mod,
    )


def build_timex_pipeline(model: str | None = None) -> Language:
    """spaCy's English pipeline without the lemmatizer, plus ``dossier_timex``: what the tagger
    needs (tags and parse for tense, entities for the odd word) and nothing more."""
    import spacy

    from dossier import settings

    nlp = spacy.load(model or settings.SPACY_MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("dossier_timex")
    return nlp


def _ensure_extensions() -> None:
    if not Doc.has_extension(DATE_EXTENSION):
        Doc.set_extension(DATE_EXTENSION, default=None)
    if not Doc.has_extension(TIMEXES_EXTENSION):
        Doc.set_extension(TIMEXES_EXTENSION, default=None)


def with_provenance(
    timexes: Iterable[Timex], doc: Doc, doc_id: str, offsets: OffsetMap | None = None
) -> list[Timex]:
    """``timexes`` of ``doc`` with a ``Provenance``: document id, offsets in the cleaned text
    and (through ``offsets``, the cleaning's map) in the original, sentence number.

    doc_id: the stored document's id.
    offsets: ``Document.cleaned.offsets``; None when the doc's text is the original.
    """
    starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    found = []
    for timex in timexes:
        sentence = max(bisect.bisect_right(starts, timex.start) - 1, 0)
        original_start = offsets.to_original(timex.start) if offsets else timex.start
        original_end = offsets.to_original(timex.end - 1) + 1 if offsets else timex.end
        provenance = Provenance(
            doc_id=doc_id,
            start=timex.start,
            end=timex.end,
            original_start=original_start,
            original_end=original_end,
            sentence=sentence,
            extractor=EXTRACTOR,
            extractor_version=EXTRACTOR_VERSION,
        )
        found.append(replace(timex, provenance=provenance))
    return found


class TimexTagger:
    """The ``dossier_timex`` component: tags and normalises time expressions."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        _ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        timexes = tag_timexes(doc, doc._.get(DATE_EXTENSION))
        doc._.set(TIMEXES_EXTENSION, timexes)
        spans = []
        for timex in timexes:
            span = doc.char_span(timex.start, timex.end, label=timex.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPANS_KEY] = filter_spans(spans)
        return doc


@Language.factory("dossier_timex", default_config={})
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    """Factory for the ``dossier_timex`` component (needs the tagger, parser and ner before)."""
    return TimexTagger(nlp, name)


_ensure_extensions()
