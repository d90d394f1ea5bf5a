"""Typed records of the knowledge base: actors, offices, terms, memberships, places, demonyms.

The CSV files they are read from are described in ``SCHEMA.md`` beside this module.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTOR_TYPES = frozenset(
    {
        "person",
        "country",
        "government",
        "agency",
        "igo",
        "party",
        "company",
        "media",
        "group",
        "event",
    }
)
ACTOR_ID_PREFIXES = frozenset(
    {"person", "country", "gov", "agency", "igo", "org", "media", "party", "group", "event"}
)
#: PLOVER / CAMEO sector codes an actor or office may carry.
SECTOR_CODES = frozenset(
    {
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "BUS",
        "MED",
        "EDU",
        "NGO",
        "IGO",
        "PTY",
        "OPP",
        "REB",
        "CVL",
        "REL",
        "ELI",
        "SPY",
        "COP",
        "LAB",
        "AGR",
        "CRM",
        "HLH",
        "REF",
        "SET",
        "UAF",
        "JEW",
        "MOD",
        "RAD",
        "IMG",
        "INS",
        "PRO",
        "SEP",
        "ENV",
        "DEV",
        "HRI",
    }
)
OFFICE_KINDS = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "minister",
        "legislator",
        "other",
        "member",
    }
)
#: Offices many people hold at once ("Member of the Government of Albania"): their terms may
#: overlap, no one of them is "the" holder, and their title names no one in a text.
COLLECTIVE_OFFICE_KINDS = frozenset({"member"})
MEMBERSHIP_STATUSES = frozenset({"member", "observer", "founder", "candidate", "associate"})
PLACE_KINDS = frozenset({"capital", "seat", "city", "region"})


@dataclass(frozen=True)
class Actor:
    """Anything that can act or be named: a person, state, government, organisation, outlet."""

    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    qid: str | None
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Office:
    """A position people hold: "President of Russia", "Prime Minister of Kazakhstan"."""

    id: str
    name: str
    title: str
    title_aliases: tuple[str, ...]
    country: str | None
    org: str | None
    kind: str
    sector: str | None
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Term:
    """One holder's time in one office. ``end`` None: still in office.

    Dates are ISO strings; a month or year precision string compares correctly against full
    dates because the loader widens it (start to its first day, end to its last).
    """

    office: str
    holder: str
    start: str
    end: str | None
    elected: str | None
    acting: bool
    source: str

    def covers(self, day: str) -> bool:
        """Whether the holder held the office on ``day`` (ISO date; a touching end counts)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def elect_on(self, day: str) -> bool:
        """Whether on ``day`` the holder had won the office but not yet taken it."""
        return self.elected is not None and self.elected <= day < self.start


@dataclass(frozen=True)
class Membership:
    """A member's (or observer's) time in an organisation."""

    org: str
    member: str
    status: str
    start: str
    end: str | None
    source: str

    def covers(self, day: str) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Place:
    """A place whose name may stand for an actor: "Moscow" for the Russian government."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str
    stands_for: str | None
    geonames_id: str | None
    source: str


@dataclass(frozen=True)
class Demonym:
    """A country's adjectives ("Kazakh", "Kazakhstani") and people nouns ("Kazakhs")."""

    country: str
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Target:
    """What a stance can be toward that no single actor is: a project or an idea ("Eurasian
    integration"). A mention of one of ``actors`` counts as a mention of the target; any actor
    of the KB is a target in its own right too (``targets*.csv``). ``rivals``: targets or
    actors that pull the other way, so that turning to one of them, where the sentence says
    "instead of" or "rather than", is turning from this target."""

    id: str
    name: str
    aliases: tuple[str, ...]
    actors: tuple[str, ...]
    source: str
    rivals: tuple[str, ...] = ()
