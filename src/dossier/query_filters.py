"""What the query API's questions (quotes, events, stances) check and look up alike: the date
bounds, a country code, the KB actors a name means."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.calendar import check_iso_date

if TYPE_CHECKING:
    from dossier.kb.loader import KnowledgeBase


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Both ISO dates checked (``check_iso_date``: ValueError for one that is not), blank as
    None."""
    return (
        check_iso_date(date_from) if date_from else None,
        check_iso_date(date_to) if date_to else None,
    )


def check_country(country: str | None, example: str) -> None:
    """A ValueError, naming ``example`` ("RUS"), unless ``country`` is none or three letters."""
    if country and not (len(country) == 3 and country.isalpha()):
        raise ValueError(f"not an ISO 3166-1 alpha-3 code: {country!r} (e.g. {example})")


def actor_ids_named(kb: KnowledgeBase, name: str | None) -> list[str]:
    """The ids of every KB actor ``name`` may mean (any alias or surname), sorted; none for a
    name the KB lacks (or no name)."""
    return sorted({actor.id for actor in kb.find_actors(name)}) if name else []


def actor_filter(kb: KnowledgeBase, name: str | None) -> tuple[list[str], str | None]:
    """A name filter as the store takes it: the KB actors ``name`` means (``actor_ids_named``),
    and the words to look for only when it means none. A KB name is its actors, found by
    index; words would be a scan of every stored fact."""
    ids = actor_ids_named(kb, name)
    return ids, None if ids else name
