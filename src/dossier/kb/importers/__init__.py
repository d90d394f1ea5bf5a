"""Importers: big external datasets turned into the knowledge base's own CSV shape.

Each importer reads one dataset and returns typed rows (the records of ``dossier.kb.records``,
or a record of its own where the dataset says something the curated files do not hold), plus
the lines it could not read, each with its line number. A writer puts the rows into CSV files
with the columns of ``SCHEMA.md``, so a curator can diff them against the curated files:

- ``phoenix``: the Phoenix/PETRARCH2 actor dictionary -> actors, and dated GOV role spells;
- ``geonames``: GeoNames ``cities15000.txt`` -> places (capitals and cities);
- ``leaders``: REIGN and Archigos effective-leader spells, and their cross-check against the
  curated heads of state and government.

Importers never write into the package's ``kb/data`` folder: what they produce is material to
review, not knowledge base.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.kb.records import Actor, Place

#: Column order of the curated files, as SCHEMA.md lists them.
ACTOR_COLUMNS = ("id", "name", "type", "country", "sector", "qid", "aliases", "source")
OFFICE_COLUMNS = (
    "id",
    "name",
    "title",
    "title_aliases",
    "country",
    "org",
    "kind",
    "sector",
    "aliases",
    "source",
)
TERM_COLUMNS = ("office", "holder", "start", "end", "elected", "acting", "source")
PLACE_COLUMNS = ("name", "aliases", "country", "kind", "stands_for", "geonames_id", "source")


@dataclass(frozen=True)
class ParseProblem:
    """A line an importer could not read: where, what it said, and why it was skipped."""

    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        text = self.text.strip()
        shown = text if len(text) <= 120 else text[:119] + "…"
        return f"#L{self.line}: {self.reason}: {shown!r}"


def slug(text: str) -> str:
    """An id slug: ASCII, lower case, words joined by hyphens ("Roza Otunbayeva" -> roza-...)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "unnamed"


def actor_row(actor: Actor) -> dict[str, str]:
    """An actor as one CSV row of ``actors*.csv``."""
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country or "",
        "sector": actor.sector or "",
        "qid": actor.qid or "",
        "aliases": "|".join(actor.aliases),
        "source": actor.source,
    }


def place_row(place: Place) -> dict[str, str]:
    """A place as one CSV row of ``places*.csv``."""
    return {
        "name": place.name,
        "aliases": "|".join(place.aliases),
        "country": place.country or "",
        "kind": place.kind,
        "stands_for": place.stands_for or "",
        "geonames_id": place.geonames_id or "",
        "source": place.source,
    }


def record_row(record: object, columns: Sequence[str]) -> dict[str, str]:
    """A record as one CSV row: each of ``columns`` from the attribute of that name ("" for
    None)."""
    row = {}
    for column in columns:
        value = getattr(record, column)
        row[column] = "" if value is None else value
    return row


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, str]]) -> Path:
    """Write ``rows`` (dicts keyed by ``columns``) as UTF-8 CSV to ``path``; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def refuse_package_folder(out_dir: Path) -> None:
    """Raise ValueError if ``out_dir`` is (inside) the package's curated ``kb/data`` folder."""
    package_data = (Path(__file__).resolve().parents[1] / "data").resolve()
    target = out_dir.resolve()
    if target == package_data or package_data in target.parents:
        raise ValueError(
            f"{out_dir} is the package's curated knowledge base; write imports elsewhere and "
            "review them before copying rows in"
        )
