"""Recognition patterns: the regular expressions that find time expressions in a text, one per
kind of expression, and for each the trigger words without which it cannot match."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dossier.calendar import (
    MONTH_ABBREVIATIONS,
    MONTH_NAME_PATTERN,
    MONTHS,
    WEEKDAY_NAME_PATTERN,
    WEEKDAYS,
)
from dossier.extract.timex.vocabulary import _SMALL, _TENS

# --- regular expressions ----------------------------------------------------------------------

#: A word starts here (or right after "mid-", "late-", "early-", "pre-", "post-").
_B = r"(?:(?<=[Mm]id-)|(?<=[Ll]ate-)|(?<=[Ee]arly-)|(?<=[Pp]re-)|(?<=[Pp]ost-)|(?<![\w'-]))"
_E = r"(?![\w-])"  # a word ends here
_MONTH_FULL = MONTH_NAME_PATTERN


def _words(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first ("Sept" before "Sep")."""
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH_ABBR = "(?:" + _words(a.capitalize() for a in MONTH_ABBREVIATIONS) + ")"
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
_WEEKDAY = WEEKDAY_NAME_PATTERN
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

# --- trigger words -------------------------------------------------------------------------------
#
# Most patterns open with a word-boundary test that the regex engine cannot skip ahead on, so
# running one over a whole text costs a try at every character. Every match, though, holds a
# word it cannot do without (a month name, a duration unit, a digit), and only so many words
# can come before that one in a match. ``_TRIGGERS`` names, for each pattern, that word (a
# regex over the lower-cased text, of word characters only) and how many words at most
# (``lead``) precede the word holding it: the pattern then need only be tried at the starts of
# those words (see ``candidates``). A word here starts at a word character or an apostrophe
# that follows no word character ("mid-2012" has two, "'90s" two, "year's" two).


#: Every month spelling begins with one of these (``may`` has no abbreviation).
_MONTH_TRIGGER = _words({name[:3] for name in MONTHS})
_WEEKDAY_TRIGGER = _words(WEEKDAYS)
_UNIT_TRIGGER = (
    "second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni"
)
_DIGITS = r"\d+"


@dataclass(frozen=True)
class _Trigger:
    """Where a pattern can match: near ``words`` (a regex), at most ``lead`` words before."""

    words: str
    lead: int


#: Pattern name -> its trigger. The lead counts the words a match may hold before the one the
#: trigger is in: "no more than twenty-five and a half to twenty-five and a half additional
#: years" has 19 before "years".
_TRIGGERS: dict[str, _Trigger] = {
    "date": _Trigger(_MONTH_TRIGGER, 4),  # "Friday, the 18th of November"
    "weekday_date": _Trigger(_WEEKDAY_TRIGGER, 0),
    "month_year": _Trigger(_MONTH_TRIGGER, 0),
    "month": _Trigger(_MONTH_TRIGGER, 2),  # "this past March"
    "iso_date": _Trigger(_DIGITS, 0),
    "numeric_date": _Trigger(_DIGITS, 0),
    "year": _Trigger(_DIGITS, 2),  # "model-year 2012"
    "year_words": _Trigger("nineteen|twenty|thousand", 3),  # "the year two thousand"
    "short_year": _Trigger(_DIGITS, 1),  # "'90"
    "decade": _Trigger(
        _DIGITS + "|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties", 3
    ),  # "the mid-'90s"
    "century": _Trigger("century", 4),  # "the early twenty-first century"
    "rel_century": _Trigger("century", 2),
    "season": _Trigger("spring|summer|fall|autumn|winter", 2),
    # "the year-earlier year's 2011 fiscal first quarter"
    "quarter": _Trigger("quarter|half|period", 9),
    "ref_quarter": _Trigger("quarter|period", 6),  # "the latest comparable year-ago 2011 period"
    "year_end": _Trigger("year", 1),
    "year_ago_adjective": _Trigger("year", 1),  # "a-year-ago"
    "relative_day": _Trigger("today|tonight|yesterday|tomorrow", 3),  # "the day before today"
    "weekday": _Trigger(_WEEKDAY_TRIGGER, 2),
    "relative_unit": _Trigger(
        "week|month|year|decade|day|morning|afternoon|evening|night", 3
    ),  # "the previous fiscal year"
    "part_of_day": _Trigger("morning|afternoon|evening", 1),
    "night_words": _Trigger("night", 1),
    "duration": _Trigger(_UNIT_TRIGGER, 19),
    "adjectival_duration": _Trigger(_UNIT_TRIGGER, 2),  # "twenty-five-year"
    "vague_duration": _Trigger(_UNIT_TRIGGER, 4),  # "the past couple of years"
    "unit_long": _Trigger("long", 1),
    "set": _Trigger(
        "every|each|per|daily|weekly|monthly|annually|yearly|hourly|nightly|fortnightly", 1
    ),  # "semi-annually"
    "a_unit": _Trigger("year|month|week|day|hour", 1),
    "vague": _Trigger("now|current|present|days|recent|late|past|future|term", 2),
    "time": _Trigger(_DIGITS + "|noon|midnight|midday|clock", 4),  # "shortly after ten o'clock"
    "holiday": _Trigger(
        "christmas|new|thanksgiving|independence|victory|valentine|halloween|boxing|easter"
        "|election|labor|memorial",
        2,
    ),  # "this past New Year's"
}
