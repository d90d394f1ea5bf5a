"""Word lists of the TIMEX3 tagger: season and day-part names, number words, duration units,
quantity and point modifiers, fixed-date holidays (month and weekday names are
``dossier.calendar``'s)."""

from __future__ import annotations

# --- vocabulary ----------------------------------------------------------------------------------

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
