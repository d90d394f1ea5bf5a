"""Heads of organisations (``authors*.csv``): who an op-ed writer is when the text says "the
movement I have headed"; loaded and validated like every KB file, from the package's KB or a
``--kb-dir`` folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dossier.kb.loader import Problems, read_rows

# --- heads of organisations (authors.csv) -------------------------------------------------------

_YEAR = re.compile(r"\A\d{4}\Z")


@dataclass(frozen=True)
class OrganisationHead:
    """Who headed an organisation in which years: names an op-ed writer who says "the movement
    I have headed" (``authors*.csv``: organisation, head, from, to, source).

    start, end: the first and last year of the tenure; None when open.
    """

    organisation: str
    head: str
    start: int | None
    end: int | None
    source: str


@lru_cache(maxsize=4)
def load_authors(kb_dir: str | None = None) -> tuple[OrganisationHead, ...]:
    """The heads of organisations in ``kb_dir`` (None: the package's own KB), validated and
    loaded once per folder. Raises ``DossierError(K001)`` listing every bad row by file:line."""
    problems = Problems()
    heads: list[OrganisationHead] = []
    for row in read_rows(None if kb_dir is None else Path(kb_dir), "authors"):
        organisation, head = row.get("organisation"), row.get("head")
        if not organisation or not head:
            problems.add(row, "an organisation head needs both an organisation and a head")
            continue
        years = [row.get(column) for column in ("from", "to")]
        if any(year and not _YEAR.match(year) for year in years):
            problems.add(row, f"bad year in {years} for {head} (want YYYY or empty)")
            continue
        start, end = (int(year) if year else None for year in years)
        if start is not None and end is not None and end < start:
            problems.add(row, f"{head} leaves the {organisation} ({end}) before joining ({start})")
        if not row.get("source"):
            problems.add(row, f"the head {head} of the {organisation} names no source")
        heads.append(OrganisationHead(organisation, head, start, end, row.get("source")))
    problems.raise_if_any()
    return tuple(heads)
