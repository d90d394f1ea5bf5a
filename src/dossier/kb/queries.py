"""Questions the faces (CLI, API, web, reports) ask of the knowledge base.

- ``who_held(kb, office, on)``: who held an office on a day, with the term's dates, whether
  acting, who had been elected to it and not yet sworn in, and where that comes from;
- ``actor_profile(kb, name)``: an actor found by id, name, alias or surname, with its aliases,
  offices over time, memberships over time and, for an organisation, its members over time.

A name or office the knowledge base does not know raises ``DossierError(K002)`` naming the
closest names it does know.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from dossier.errors import DossierError, ErrorCode
from dossier.kb.loader import KnowledgeBase, normalise_name
from dossier.kb.records import COLLECTIVE_OFFICE_KINDS, Actor, Membership, Office, Term

_DAY = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
_ROMAN = re.compile(r"\A[ivxl]+\Z")
# Transliteration variants of one surname: Nazarbaev/Nazarbayev, Jeenbekov/Zheenbekov.
_SKELETON = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("yo", "e"), ("ye", "e"), ("y", "i"))
#: How alike two surname skeletons must be (difflib ratio) to name the same person.
SURNAME_SIMILARITY = 0.8


# --- who held an office ----------------------------------------------------------------------


@dataclass(frozen=True)
class WhoAnswer:
    """Who held ``office`` on ``on``: the holder's term, and anyone elected but not yet in.

    holder/term: None when the office was vacant (or the KB has no term that day), and for a
    collective office, which no one holds alone.
    elect/elect_term: the holder-elect that day (won the office, not yet sworn in), if any.
    members: for a collective office (``kind`` member), everyone holding it that day, by name.
    """

    office: Office
    on: str
    holder: Actor | None
    term: Term | None
    elect: Actor | None = None
    elect_term: Term | None = None
    members: tuple[tuple[Actor, Term], ...] = ()

    @property
    def acting(self) -> bool:
        return self.term is not None and self.term.acting

    @property
    def vacant(self) -> bool:
        return self.holder is None and not self.members

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready record of the answer."""
        return {
            "office": self.office.name,
            "office_id": self.office.id,
            "on": self.on,
            "holder": self.holder.name if self.holder else None,
            "holder_id": self.holder.id if self.holder else None,
            "acting": self.acting,
            "start": self.term.start if self.term else None,
            "end": self.term.end if self.term else None,
            "source": self.term.source if self.term else None,
            "elect": self.elect.name if self.elect else None,
            "elect_id": self.elect.id if self.elect else None,
            "elected": self.elect_term.elected if self.elect_term else None,
            "elect_takes_office": self.elect_term.start if self.elect_term else None,
            "members": [
                {"name": actor.name, "id": actor.id, "start": term.start, "end": term.end}
                for actor, term in self.members
            ],
        }


def who_held(kb: KnowledgeBase, office: str, on: str) -> WhoAnswer:
    """Who held ``office`` on ``on``.

    kb: the knowledge base.
    office: an office id, name or alias ("President of Kyrgyzstan", "Russian President").
    on: an ISO date; a month or year means its first day.
    On a handover day (one term ends, the next starts) the incoming holder answers.
    Raises ``DossierError(K002)`` for an unknown office (naming close matches) and
    ValueError for a malformed date.
    """
    found = kb.office(office)
    if found is None:
        raise DossierError(
            ErrorCode.K002_UNKNOWN,
            f"no office called {office!r}{_suggest(office, _known_names(kb.offices.values()))}",
        )
    day = first_day(on)
    terms = kb.holders(found.id, day)
    if found.kind in COLLECTIVE_OFFICE_KINDS:
        held = sorted(((kb.actors[t.holder], t) for t in terms), key=lambda pair: pair[0].name)
        return WhoAnswer(office=found, on=day, holder=None, term=None, members=tuple(held))
    term = max(terms, key=lambda t: t.start) if terms else None
    electing = [t for t in kb.terms if t.office == found.id and t.elect_on(day)]
    elect_term = min(electing, key=lambda t: t.start) if electing else None
    return WhoAnswer(
        office=found,
        on=day,
        holder=kb.actors.get(term.holder) if term else None,
        term=term,
        elect=kb.actors.get(elect_term.holder) if elect_term else None,
        elect_term=elect_term,
    )


def first_day(value: str) -> str:
    """An ISO date, month or year as its first day ("2011-11" -> "2011-11-01").

    Raises ValueError when ``value`` is not such a date.
    """
    match = _DAY.match(value.strip())
    if match is None:
        raise ValueError(f"not an ISO date: {value!r} (want YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = match.groups()
    parsed = date(int(year), int(month or 1), int(day or 1))  # ValueError on 2011-02-30
    return parsed.isoformat()


# --- actor profiles ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeSpell:
    """One term an actor served, with the office's name."""

    office_id: str
    office: str
    start: str
    end: str | None
    elected: str | None
    acting: bool
    source: str


@dataclass(frozen=True)
class MembershipSpell:
    """One membership, with the organisation's and the member's names."""

    org_id: str
    org: str
    member_id: str
    member: str
    status: str
    start: str
    end: str | None
    source: str


@dataclass(frozen=True)
class ActorProfile:
    """Everything the knowledge base says about one actor.

    candidates: every actor the queried name matched, this one first; more than one means the
        name is ambiguous ("Georgia"), and each deserves its own profile (``profile_of``).
    matched_by: "id", "name" (canonical name or alias), "surname" or "similar surname".
    """

    actor: Actor
    offices: tuple[OfficeSpell, ...]
    memberships: tuple[MembershipSpell, ...]
    members: tuple[MembershipSpell, ...]
    candidates: tuple[Actor, ...]
    matched_by: str

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.actor.aliases

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready record of the profile."""
        actor = self.actor
        return {
            "id": actor.id,
            "name": actor.name,
            "type": actor.type,
            "country": actor.country,
            "sector": actor.sector,
            "qid": actor.qid,
            "aliases": list(actor.aliases),
            "source": actor.source,
            "matched_by": self.matched_by,
            "candidates": [a.id for a in self.candidates],
            "offices": [s.__dict__ for s in self.offices],
            "memberships": [s.__dict__ for s in self.memberships],
            "members": [s.__dict__ for s in self.members],
        }


def find_actors(kb: KnowledgeBase, name: str) -> tuple[list[Actor], str]:
    """Actors ``name`` may mean, best first, and how they were found.

    Tried in turn: an actor id; a canonical name or alias (case, accents and "the" aside); a
    person's surname ("Lukashenka" finds the person whose name or an alias ends so); a
    surname alike but for transliteration ("Nazarbaev" for "Nazarbayev"). Empty when none.
    """
    if name in kb.actors:
        return [kb.actors[name]], "id"
    exact = kb.find_actors(name)
    if exact:
        key = normalise_name(name)
        exact.sort(key=lambda a: (normalise_name(a.name) != key, a.type != "person", a.id))
        return exact, "name"
    wanted = normalise_name(name)
    if not wanted or " " in wanted:
        return [], ""
    persons = [a for a in kb.actors.values() if a.type == "person"]
    by_surname = [a for a in persons if any(surname(n) == wanted for n in (a.name, *a.aliases))]
    if by_surname:
        return sorted(by_surname, key=lambda a: a.id), "surname"
    # The imported second tier is thousands of unvetted names: alike-but-for-spelling against it
    # turns any word into somebody ("Atlantis" ~ "Kalantzis"), so only curated persons qualify.
    similar = [a for a in persons if a.id not in kb.second_tier and names_match(name, a)]
    return sorted(similar, key=lambda a: a.id), "similar surname" if similar else ""


def actor_profile(kb: KnowledgeBase, name: str) -> ActorProfile:
    """The profile of the actor ``name`` means (id, name, alias or surname).

    When the name is ambiguous the profile is of the best candidate and lists them all in
    ``candidates``. Raises ``DossierError(K002)`` naming close matches when nothing matches.
    """
    candidates, matched_by = find_actors(kb, name)
    if not candidates:
        raise DossierError(
            ErrorCode.K002_UNKNOWN,
            f"no actor called {name!r}{_suggest(name, _known_names(_curated(kb)))}",
        )
    return profile_of(kb, candidates[0], tuple(candidates), matched_by)


def _curated(kb: KnowledgeBase) -> list[Actor]:
    """The actors of the curated KB (the second tier left out): what suggestions draw on."""
    return [a for a in kb.actors.values() if a.id not in kb.second_tier]


def actor_profiles(kb: KnowledgeBase, name: str) -> list[ActorProfile]:
    """A profile for every actor ``name`` may mean (one when it is unambiguous)."""
    first = actor_profile(kb, name)
    return [profile_of(kb, actor, first.candidates, first.matched_by) for actor in first.candidates]


def profile_of(
    kb: KnowledgeBase,
    actor: Actor,
    candidates: tuple[Actor, ...] | None = None,
    matched_by: str = "id",
) -> ActorProfile:
    """The profile of ``actor``: its terms, memberships and (for an organisation) members."""
    offices = tuple(
        OfficeSpell(
            t.office,
            kb.offices[t.office].name,
            t.start,
            t.end,
            t.elected,
            t.acting,
            t.source,
        )
        for t in kb.terms_of(actor.id)
    )
    memberships = tuple(_spell(kb, m) for m in kb.memberships_of(actor.id))
    members = tuple(
        _spell(kb, m)
        for m in sorted(
            (m for m in kb.memberships if m.org == actor.id), key=lambda m: (m.start, m.member)
        )
    )
    return ActorProfile(actor, offices, memberships, members, candidates or (actor,), matched_by)


# --- names -----------------------------------------------------------------------------------


def surname(name: str) -> str:
    """The last word of a normalised name, roman numerals aside ("Alexander II" -> "alexander")."""
    words = [w for w in normalise_name(name).split() if not _ROMAN.match(w)]
    return words[-1] if words else ""


def names_match(name: str, actor: Actor) -> bool:
    """Whether ``name`` ("Nazarbaev", "Sadyr Japarov", "Roza Otunbayeva") names ``actor``.

    Equal normalised full names match (the actor's name or an alias); otherwise the surnames
    must be alike once common transliteration variants are folded (Lukashenko/Lukashenka).
    """
    key = normalise_name(name)
    names = (actor.name, *actor.aliases)
    if any(normalise_name(n) == key for n in names):
        return True
    wanted = _skeleton(surname(name))
    if not wanted:
        return False
    return any(
        SequenceMatcher(None, wanted, _skeleton(surname(n))).ratio() >= SURNAME_SIMILARITY
        for n in names
    )


def _skeleton(word: str) -> str:
    for old, new in _SKELETON:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)


def _spell(kb: KnowledgeBase, membership: Membership) -> MembershipSpell:
    org, member = kb.actors[membership.org], kb.actors[membership.member]
    return MembershipSpell(
        org.id,
        org.name,
        member.id,
        member.name,
        membership.status,
        membership.start,
        membership.end,
        membership.source,
    )


def _known_names(entries: Iterable[Actor | Office]) -> dict[str, str]:
    """Each normalised name and alias of ``entries`` -> the name of its entry (the first wins)."""
    names: dict[str, str] = {}
    for entry in entries:
        for name in (entry.name, *entry.aliases):
            names.setdefault(normalise_name(name), entry.name)
    return names


def _suggest(query: str, names: dict[str, str]) -> str:
    """ "; did you mean 'A' or 'B'?" for the known names closest to ``query``, or ""."""
    close = difflib.get_close_matches(normalise_name(query), list(names), n=8, cutoff=0.6)
    shown: list[str] = []
    for key in close:
        if names[key] not in shown:
            shown.append(names[key])
    if not shown:
        return "; see `dossier kb check` for what the knowledge base holds"
    return "; did you mean " + " or ".join(repr(n) for n in shown[:3]) + "?"
