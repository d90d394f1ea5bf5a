"""Normalisers of durations, sets and vague times: "four years", "two years ago", "a
two-day visit", "every Thursday", "recently"."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from dossier.calendar import MONTHS, WEEKDAYS
from dossier.extract.timex.normalise.base import _NormaliserBase, _Value
from dossier.extract.timex.points import _RANK
from dossier.extract.timex.quantities import _fmt_number, _number, _unit, duration_value
from dossier.extract.timex.vocabulary import DAY_PARTS, QUANTITY_MODS, SEASONS, UNITS, VAGUE_NUMBERS


class DurationNormalisers(_NormaliserBase):
    """Stretches of time, repetitions, shifts ("three days later") and vague references."""

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
