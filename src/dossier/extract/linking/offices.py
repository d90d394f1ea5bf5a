"""Offices as the resolvers compare them: by seniority, by their titles, "-elect" names."""

from __future__ import annotations

from collections.abc import Iterable

from dossier.extract.linking.context import LinkingContext
from dossier.kb.records import Office

#: Office kinds from most to least senior: a bare name's role is the most senior office held.
SENIORITY = ("head_of_state", "head_of_government", "foreign_minister", "minister", "legislator")


def by_seniority(offices: Iterable[Office]) -> list[Office]:
    """``offices`` without repeats, most senior kind first, then by id."""

    def rank(office: Office) -> tuple[int, str]:
        kind = SENIORITY.index(office.kind) if office.kind in SENIORITY else len(SENIORITY)
        return kind, office.id

    return sorted(set(offices), key=rank)


def senior_office(context: LinkingContext, actor_id: str) -> Office | None:
    """The most senior office ``actor_id`` held on the document date (None when undated)."""
    if not context.date:
        return None
    held = by_seniority(context.kb.offices_held(actor_id, context.date))
    return held[0] if held else None


def titles_of(context: LinkingContext, office: Office) -> set[str]:
    """The lookup keys of an office's title and title aliases ("president", "leader")."""
    return context.lexicon.office_titles.get(office.id, set())


def elect_role_name(office: Office) -> str:
    """ "President of Kyrgyzstan" -> "President-elect of Kyrgyzstan": "-elect" after the title."""
    name, title = office.name, office.title
    if title and name.lower().startswith(title.lower()):
        return f"{name[: len(title)]}-elect{name[len(title) :]}"
    if " of " in name:
        head, _, rest = name.partition(" of ")
        return f"{head}-elect of {rest}"
    return f"{name}-elect"
