"""Numbers and durations: amounts written in digits or words, duration units, TimeML
duration values (``P4Y``, ``PT2H``, ``PXY``) and years written in words."""

from __future__ import annotations

import re

from dossier.extract.timex.vocabulary import _PLURAL_UNITS, NUMBER_WORDS, UNITS, VAGUE_NUMBERS


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
            if match[3] == "0":
                return None  # "1 1/0": no number
            value += int(match[2]) / int(match[3])
        return value + half
    if match := re.fullmatch(r"(\d)/(\d)", text):
        return int(match[1]) / int(match[2]) if match[2] != "0" else None
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
    if value == int(value):
        return str(int(value))
    text = f"{value:g}"
    # TimeML has no exponents: 500000.5 weeks is P500000.5W, not P5e+05W.
    return f"{value:.6f}".rstrip("0") if "e" in text else text


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
