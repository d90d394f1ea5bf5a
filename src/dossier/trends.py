"""Stances added up: by holder or by country, over all time or by month or year.

A pure function over the records the store returns (``StanceHit``), so the query API, the
command line and a notebook add up the same way. A person's stance counts for the country
they spoke for at its date (``holder_country``, set from the KB's offices when the stance was
read); a stance whose holder speaks for no country is left out of a by-country view.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Literal

from dossier.store.records import StanceCount, StanceHit, StanceTrend
from dossier.store.tallies import period_of

By = Literal["actor", "country"]
Period = Literal["all", "year", "month"]
#: How far the score must lean to call a side; between, the group is ``mixed``.
SIDE_THRESHOLD = 0.2


def _side(in_favour: int, against: int, neutral: int) -> tuple[float, str]:
    total = in_favour + against + neutral
    score = (in_favour - against) / total if total else 0.0
    if in_favour == against == 0:
        return score, "neutral"
    if score >= SIDE_THRESHOLD:
        return score, "for"
    if score <= -SIDE_THRESHOLD:
        return score, "against"
    return score, "mixed"


def stance_trends(
    hits: Iterable[StanceHit], by: By = "actor", period: Period = "all"
) -> list[StanceTrend]:
    """One ``StanceTrend`` per group, target and period, by group then period.

    by: ``actor`` (the holder) or ``country`` (the country the holder spoke for).
    period: ``all``, ``year`` or ``month``; undated stances are left out of a dated view.
    """
    buckets: dict[tuple[str, str, str], list[StanceHit]] = defaultdict(list)
    for hit in hits:
        group = hit.holder if by == "actor" else hit.holder_country
        when = period_of(hit.date, period)
        if group is None or when is None:
            continue
        buckets[(group, hit.target, when)].append(hit)
    # Added up as the store adds them up, then read as its counts are: one reading of both.
    counts = []
    for (group, target, when), found in buckets.items():
        dates = sorted(h.date for h in found if h.date)
        counts.append(
            StanceCount(
                group=group,
                target=target,
                period=when,
                in_favour=sum(h.polarity > 0 for h in found),
                against=sum(h.polarity < 0 for h in found),
                stances=len(found),
                documents=len({h.doc_id for h in found}),
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
            )
        )
    return trends_from_counts(counts)


def trends_from_counts(counts: Iterable[StanceCount]) -> list[StanceTrend]:
    """The trends of stances the store already added up (``Store.stance_counts``), by group
    then target then period: what ``stance_trends`` gives for the same stances."""
    trends = []
    for count in sorted(counts, key=lambda c: (c.group, c.target, c.period)):
        neutral = count.stances - count.in_favour - count.against
        score, side = _side(count.in_favour, count.against, neutral)
        trends.append(
            StanceTrend(
                group=count.group,
                target=count.target,
                period=count.period,
                in_favour=count.in_favour,
                against=count.against,
                neutral=neutral,
                score=round(score, 2),
                side=side,
                evidence=count.stances,
                documents=count.documents,
                first=count.first,
                last=count.last,
            )
        )
    return trends
