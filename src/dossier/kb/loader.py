"""Load, validate and index the curated knowledge base; answer who held what, when.

Reading and checking the CSV rows is ``rows.py``'s; this module puts the records together,
indexes them and answers from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.kb.records import COLLECTIVE_OFFICE_KINDS
from dossier.kb.rows import (
    KINDS,
    Problems,
    Row,
    normalise_name,
    parse_actors,
    parse_demonyms,
    parse_memberships,
    parse_offices,
    parse_places,
    parse_targets,
    parse_terms,
    read_rows,
    second_tier_actors,
    widen,
    with_second_tier_terms,
)

if TYPE_CHECKING:
    from dossier.kb.records import Actor, Demonym, Membership, Office, Place, Target, Term

__all__ = [
    "KnowledgeBase",
    "Problems",
    "Row",
    "default_kb",
    "load_kb",
    "normalise_name",
    "read_rows",
]


class KnowledgeBase:
    """The loaded knowledge base with its indexes. Build with ``KnowledgeBase.load``."""

    def __init__(
        self,
        actors: list[Actor],
        offices: list[Office],
        terms: list[Term],
        memberships: list[Membership],
        places: list[Place],
        demonyms: list[Demonym],
        targets: list[Target] | None = None,
    ) -> None:
        self.actors = {a.id: a for a in actors}
        self.offices = {o.id: o for o in offices}
        self.terms = terms
        self.memberships = memberships
        self.places = places
        self.demonyms = demonyms
        self.targets = {t.id: t for t in targets or ()}
        self._target_names: dict[str, str] = {}
        self._target_of_actor: dict[str, str] = {}
        for target in self.targets.values():
            for name in (target.name, *target.aliases):
                self._target_names.setdefault(normalise_name(name), target.id)
            for actor_id in target.actors:
                self._target_of_actor.setdefault(actor_id, target.id)
        #: ids of the second-tier (imported, lower-priority) actors; see ``load``.
        self.second_tier: frozenset[str] = frozenset()
        self._actor_names: dict[str, set[str]] = defaultdict(set)
        for actor in actors:
            for name in (actor.name, *actor.aliases):
                self._actor_names[normalise_name(name)].add(actor.id)
        self._office_names: dict[str, str] = {}
        for office in offices:
            for name in (office.name, *office.aliases):
                self._office_names.setdefault(normalise_name(name), office.id)
        self._terms_by_office: dict[str, list[Term]] = defaultdict(list)
        self._terms_by_holder: dict[str, list[Term]] = defaultdict(list)
        for term in sorted(terms, key=lambda t: t.start):
            self._terms_by_office[term.office].append(term)
            self._terms_by_holder[term.holder].append(term)
        self._places: dict[str, Place] = {}
        for place in places:
            for name in (place.name, *place.aliases):
                self._places.setdefault(normalise_name(name), place)
        self._adjectives: dict[str, str] = {}
        self._people_nouns: dict[str, str] = {}
        for demonym in demonyms:
            for word in demonym.adjectives:
                self._adjectives.setdefault(normalise_name(word), demonym.country)
            for word in demonym.demonyms:
                self._people_nouns.setdefault(normalise_name(word), demonym.country)

    # --- loading ------------------------------------------------------------------------

    @classmethod
    def load(cls, folder: Path | None = None, second_tier: bool | None = None) -> KnowledgeBase:
        """Read and validate every KB file in ``folder`` (default: the package's own data).

        folder: a folder holding ``actors*.csv``, ``offices*.csv``, … as SCHEMA.md describes.
        second_tier: also load the package's second-tier actors (``kb/tier2/actors*.csv``,
        imported from the Phoenix dictionaries) below the curated ones; default: only for the
        package's own data. A second-tier actor whose id or any name the curated KB already
        has is dropped: curated rows win.
        Raises ``DossierError(K001)`` listing every problem by file and line.
        """
        rows = {kind: list(read_rows(folder, kind)) for kind in KINDS}
        problems = Problems()
        actors = parse_actors(rows["actors"], problems)
        tier: list[Actor] = []
        if folder is None if second_tier is None else second_tier:
            tier = second_tier_actors(actors, rows["places"], problems)
            actors += tier
            rows["offices"], rows["terms"] = with_second_tier_terms(rows, tier)
        actor_ids = {a.id for a in actors}
        countries = {a.country for a in actors if a.type == "country" and a.country}
        offices = parse_offices(rows["offices"], problems, actor_ids, countries)
        collective = {o.id for o in offices if o.kind in COLLECTIVE_OFFICE_KINDS}
        terms = parse_terms(rows["terms"], problems, actor_ids, {o.id for o in offices}, collective)
        memberships = parse_memberships(rows["memberships"], problems, actor_ids)
        places = parse_places(rows["places"], problems, actor_ids, countries)
        demonyms = parse_demonyms(rows["demonyms"], problems, countries)
        targets = parse_targets(rows["targets"], problems, actor_ids)
        problems.raise_if_any()
        kb = cls(actors, offices, terms, memberships, places, demonyms, targets)
        kb.second_tier = frozenset(a.id for a in tier)
        return kb

    # --- actors ---------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        """The actor with ``actor_id``; KeyError if none."""
        return self.actors[actor_id]

    def find_actors(self, name: str) -> list[Actor]:
        """Actors whose name or an alias is ``name`` (case, accents and "the" aside)."""
        ids = self._actor_names.get(normalise_name(name), set())
        return sorted((self.actors[i] for i in ids), key=lambda a: a.id)

    def country_actor(self, iso3: str) -> Actor | None:
        """The ``country:ISO3`` actor."""
        return self.actors.get(f"country:{iso3}")

    def government_actor(self, iso3: str) -> Actor | None:
        """The ``gov:ISO3`` actor: what a capital stands for when it acts."""
        return self.actors.get(f"gov:{iso3}")

    # --- offices and terms ----------------------------------------------------------------

    def office(self, name_or_id: str) -> Office | None:
        """An office by id, name or alias ("President of Russia", "Russian President")."""
        if name_or_id in self.offices:
            return self.offices[name_or_id]
        office_id = self._office_names.get(normalise_name(name_or_id))
        return self.offices.get(office_id) if office_id else None

    def offices_with_title(self, title: str, country: str | None = None) -> list[Office]:
        """Offices whose title or title alias is ``title`` ("president", "premier", "leader")."""
        key = normalise_name(title)
        found = [
            o
            for o in self.offices.values()
            if key in {normalise_name(t) for t in (o.title, *o.title_aliases)}
            and (country is None or o.country == country)
        ]
        return sorted(found, key=lambda o: o.id)

    def holders(self, office_id: str, day: str) -> list[Term]:
        """Terms of ``office_id`` covering ``day`` (ISO date; month/year take their first day)."""
        day = widen(day, end=False)
        return [t for t in self._terms_by_office.get(office_id, []) if t.covers(day)]

    def holder(self, office: str, day: str) -> Actor | None:
        """Who held ``office`` (id, name or alias) on ``day``. On a handover day, the incoming.
        None for a collective office (``holders`` lists its members).

        On the day one term ends and the next begins both cover the day; the news of that day
        is about the new holder, so the later start wins.
        """
        found = self.office(office)
        if found is None or found.kind in COLLECTIVE_OFFICE_KINDS:
            # Many hold a collective office at once: none of them is "the" holder.
            return None
        terms = self.holders(found.id, day)
        if not terms:
            return None
        return self.actors.get(max(terms, key=lambda t: t.start).holder)

    def elect(self, office: str, day: str) -> Actor | None:
        """Who on ``day`` had won ``office`` but not yet taken it (the president-elect)."""
        found = self.office(office)
        if found is None:
            return None
        day = widen(day, end=False)
        for term in self._terms_by_office.get(found.id, []):
            if term.elect_on(day):
                return self.actors.get(term.holder)
        return None

    def terms_in(self, office_id: str) -> list[Term]:
        """Every term of ``office_id``, earliest first."""
        return list(self._terms_by_office.get(office_id, []))

    def terms_of(self, actor_id: str) -> list[Term]:
        """Every term ``actor_id`` served, earliest first."""
        return list(self._terms_by_holder.get(actor_id, []))

    def offices_held(self, actor_id: str, day: str) -> list[Office]:
        """Offices ``actor_id`` held on ``day``."""
        day = widen(day, end=False)
        return [self.offices[t.office] for t in self.terms_of(actor_id) if t.covers(day)]

    # --- memberships, places, demonyms -----------------------------------------------------

    def members(
        self, org_id: str, day: str, statuses: Iterable[str] = ("member", "founder")
    ) -> list[Actor]:
        """Members of ``org_id`` on ``day`` with one of ``statuses``."""
        day = widen(day, end=False)
        wanted = set(statuses)
        return [
            self.actors[m.member]
            for m in self.memberships
            if m.org == org_id and m.status in wanted and m.covers(day)
        ]

    def memberships_of(self, actor_id: str, day: str | None = None) -> list[Membership]:
        """``actor_id``'s memberships, all or those covering ``day``."""
        found = [m for m in self.memberships if m.member == actor_id]
        if day is not None:
            widened = widen(day, end=False)
            found = [m for m in found if m.covers(widened)]
        return sorted(found, key=lambda m: (m.start, m.org))

    def place(self, name: str) -> Place | None:
        """A place by name or alias ("Kiev" finds Kyiv)."""
        return self._places.get(normalise_name(name))

    def country_of_adjective(self, word: str) -> str | None:
        """ISO3 of a country adjective ("Kazakh", "Belarussian")."""
        return self._adjectives.get(normalise_name(word))

    def country_of_people_noun(self, word: str) -> str | None:
        """ISO3 of a demonym ("Kazakhs", "Ukrainians")."""
        return self._people_nouns.get(normalise_name(word))

    # --- stance targets -------------------------------------------------------------------

    def target(self, name: str) -> Target | None:
        """The stance target called ``name`` (its id, name or an alias), None if none."""
        if name in self.targets:
            return self.targets[name]
        found = self._target_names.get(normalise_name(name))
        return None if found is None else self.targets[found]

    def target_of_actor(self, actor_id: str | None) -> Target | None:
        """The target an actor stands for (the EAEU for Eurasian integration), None if none."""
        found = self._target_of_actor.get(actor_id or "")
        return None if found is None else self.targets[found]


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The package's own knowledge base, loaded and validated once per process."""
    return KnowledgeBase.load()


@lru_cache(maxsize=4)
def load_kb(kb_dir: str | None = None) -> KnowledgeBase:
    """The knowledge base of the folder ``kb_dir`` (None: the package's own), loaded once per
    process and folder: what pipeline components get through their ``kb_dir`` config."""
    return default_kb() if kb_dir is None else KnowledgeBase.load(Path(kb_dir))
