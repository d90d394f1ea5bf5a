"""Membership of two rival blocs ruled out by one camp: a side against the other bloc.

Error kind: none. "Kremlin officials have said membership of both blocs at once is
impossible", "no country could belong to both unions at once, Peskov said": the speaker names
no bloc (or names both as one), so no path or cue reads a side; but a speaker whose state
belongs to one of two rival KB targets (``rivals`` in ``targets.csv``; membership from
``memberships.csv`` on the quote's date) and who rules out belonging to both says that the
other bloc is the one to forgo: against it (-1). A speaker of no known state, or of a state in
both blocs or neither, takes no side here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.extract.stance.holders import Holder, holder_country
from dossier.extract.stance.targets import TargetFinder
from dossier.extract.stance.voices import quote_speakers
from dossier.kb.loader import KnowledgeBase
from dossier.kb.records import Target
from dossier.model import Quote

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector

#: Two blocs at once: "both blocs", "both unions", "two unions at the same time".
_BOTH = re.compile(
    r"\b(?:both|two)\s+(?:rival\s+)?(?:blocs?|unions?|alliances?|groupings?|organi[sz]ations?|"
    r"clubs?|customs unions?)\b",
    re.I,
)
#: Ruling it out.
_RULED_OUT = re.compile(
    r"\b(?:impossible|not possible|cannot|can ?not|can't|could not|couldn't|incompatible|"
    r"mutually exclusive|no (?:country|state|nation|government|one)|never)\b",
    re.I,
)

#: What is ruled out is belonging to both: "membership of both", "belong to both", "at once".
_BELONGING = re.compile(
    r"\b(?:belong\w*|members?(?:hip)?|join\w*|combin\w*|at once|at the same time|"
    r"simultaneously)\b",
    re.I,
)


def _country(holder: Holder, kb: KnowledgeBase, day: str | None) -> str | None:
    """The state a speaker speaks for: through the KB, or a group named by its state's
    adjective or seat of power ("Russian officials", "Kremlin officials")."""
    country = holder_country(kb, holder.actor_id, day)
    if country is not None or holder.actor_id is not None:
        return country
    for word in holder.name.split():
        country = kb.country_of_adjective(word)
        if country is None:
            found = {a.country for a in kb.find_actors(word) if a.country}
            place = kb.place(word)  # "Kremlin officials": the seat of a state's power
            if place is not None and place.country:
                found.add(place.country)
            country = found.pop() if len(found) == 1 else None
        if country is not None:
            return country
    return None


def _camps(kb: KnowledgeBase, country: str, day: str) -> list[Target]:
    """The rival KB targets whose bodies ``country`` belongs to on ``day``."""
    member = f"country:{country}"
    found = []
    for target in kb.targets.values():
        if not any(r.startswith("target:") for r in target.rivals):
            continue
        if any(any(a.id == member for a in kb.members(org, day)) for org in target.actors):
            found.append(target)
    return found


def _bodys(holder: Holder, kb: KnowledgeBase) -> list[Target]:
    """The rival KB targets a speaker's own body stands for ("EU diplomats": the EU's)."""
    ids = {holder.actor_id} if holder.actor_id else set()
    for word in holder.name.split():
        ids |= {a.id for a in kb.find_actors(word)}
    return [
        t
        for t in kb.targets.values()
        if any(r.startswith("target:") for r in t.rivals) and ids & set(t.actors)
    ]


def exclusive_stances(
    collector: _Collector, quotes: list[Quote], targets: TargetFinder, day: str | None
) -> None:
    """A camp that rules out membership of two rival blocs is against the other one (see the
    module doc)."""
    kb = collector.kb
    for quote in quotes:
        if not all(p.search(quote.text) for p in (_BOTH, _RULED_OUT, _BELONGING)):
            continue
        said_on = quote.said_on or day
        if said_on is None:
            continue
        for holder in quote_speakers(quote, kb):
            country = _country(holder, kb, said_on)
            camps = _camps(kb, country, said_on) if country is not None else _bodys(holder, kb)
            if len(camps) != 1:
                continue
            for rival_id in camps[0].rivals:
                rival = kb.targets.get(rival_id)
                if rival is None:
                    continue
                collector.add(
                    holder,
                    (rival.name, rival.id, None),
                    -1,
                    (quote.start, quote.end),
                    "said",
                    ("quote", quote.fact_id),
                    said_on,
                    _BOTH.search(quote.text).group(0),  # type: ignore[union-attr]
                    0.6,
                    0.6,
                )
