"""The knowledge base's second tier: Phoenix dictionary actors the curated KB lacks.

The curated files (``kb/data``) name the actors the news of the covered states is about, with
checked dates. The Phoenix/PETRARCH2 actor dictionary names many more people of the same states
(ministers, officials, opposition figures up to ~2013), with dated CAMEO government spells. This
module turns it into ``kb/tier2/actors_phoenix.csv``, which the loader reads below the curated
files by default (``KnowledgeBase.load``): a name the curated KB lacks still links to an actor,
whose ``source`` carries the dictionary line and its dated spells.

What is left out, so that the second tier never competes with the curated one:

- actors of countries the curated KB does not know (their country could not be validated);
- country records (the curated countries speak for them);
- an actor any of whose names is a curated actor's name or alias, a place, or a demonym;
- a person whose surname is a curated person's surname (the linker resolves a lone surname to
  a KB person: "Lavrov" must stay Sergey Lavrov), or whose name is one word.

Run ``python -m dossier.kb.importers.tier PHOENIX_ACTORS_TXT [OUT_DIR]`` to regenerate it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dossier.kb.importers import (
    ACTOR_COLUMNS,
    OFFICE_COLUMNS,
    TERM_COLUMNS,
    actor_row,
    write_csv,
)
from dossier.kb.importers.phoenix import PhoenixImport, import_phoenix
from dossier.kb.loader import KnowledgeBase, normalise_name

TIER_DIR = Path(__file__).resolve().parents[1] / "tier2"
TIER_FILE = "actors_phoenix.csv"


def second_tier_rows(phoenix: PhoenixImport, curated: KnowledgeBase) -> list[dict[str, str]]:
    """The rows of ``actors_phoenix.csv``: Phoenix actors the curated KB does not speak for.

    phoenix: what ``import_phoenix`` read; curated: the curated KB alone (no second tier).
    Each row's source names the dictionary line and the person's dated government spells.
    """
    countries = {a.country for a in curated.actors.values() if a.type == "country"}
    taken = set(curated._actor_names) | set(curated._places)
    taken |= set(curated._adjectives) | set(curated._people_nouns)
    surnames = {
        normalise_name(name).split()[-1]
        for actor in curated.actors.values()
        if actor.type == "person"
        for name in (actor.name, *actor.aliases)
        if name.strip()
    }
    spells: dict[str, list[str]] = {}
    for spell in phoenix.roles:
        spells.setdefault(spell.person, []).append(
            f"{spell.code} {spell.start or '…'}..{spell.end or 'open'}"
        )
    ids = set(curated.actors)
    rows: list[dict[str, str]] = []
    for actor in phoenix.actors:
        if actor.type == "country" or actor.country not in countries or actor.id in ids:
            continue
        keys = {normalise_name(n) for n in (actor.name, *actor.aliases) if n.strip()}
        if not keys or keys & taken:
            continue
        if actor.type == "person" and (
            len(actor.name.split()) < 2 or {k.split()[-1] for k in keys} & surnames
        ):
            continue
        taken |= keys
        ids.add(actor.id)
        row = actor_row(actor)
        row["source"] = "second tier: " + row["source"]
        if actor.id in spells:
            row["source"] += "; government spells " + ", ".join(spells[actor.id])
        rows.append(row)
    return rows


#: CAMEO's sector after GOV in a spell's code ("ALBGOVMIL"), as the office name says it.
GOVERNMENT_SECTORS = {
    "": "",
    "MIL": " (military)",
    "JUD": " (judiciary)",
    "LEG": " (legislature)",
    "BUS": " (economy)",
    "DEV": " (development)",
    "EDU": " (education)",
    "MED": " (media)",
    "HLH": " (health)",
    "LAB": " (labour)",
    "AGR": " (agriculture)",
    "ENV": " (environment)",
    "HRI": " (human rights)",
    "SPY": " (intelligence)",
    "COP": " (police)",
    "REL": " (religion)",
    "REF": " (refugees)",
}


def second_tier_terms(
    phoenix: PhoenixImport, actor_rows: list[dict[str, str]], curated: KnowledgeBase
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The rows of ``offices_phoenix.csv`` and ``terms_phoenix.csv``: each dated government
    spell of a second-tier person as a term of a collective office (kind ``member``), one
    office per country and CAMEO sector ("Member of the Government of Albania (military)").

    A spell with no start date ("until 1991") cannot be a dated term: it stays in the actor's
    source text only.
    """
    kept = {row["id"] for row in actor_rows}
    offices: dict[str, dict[str, str]] = {}
    terms: list[dict[str, str]] = []
    for spell in phoenix.roles:
        suffix = spell.code[len(spell.country) + 3 :]
        country = curated.country_actor(spell.country)
        if spell.person not in kept or not spell.start or country is None:
            continue
        if suffix not in GOVERNMENT_SECTORS:
            continue
        office_id = f"office:phoenix-gov-{spell.country.lower()}" + (
            f"-{suffix.lower()}" if suffix else ""
        )
        offices.setdefault(
            office_id,
            {
                "id": office_id,
                "name": f"Member of the Government of {country.name}" + GOVERNMENT_SECTORS[suffix],
                "title": "government member",
                "title_aliases": "",
                "country": spell.country,
                "org": "",
                "kind": "member",
                "sector": suffix or "GOV",
                "aliases": "",
                "source": f"second tier: Phoenix government code {spell.country}GOV{suffix}",
            },
        )
        terms.append(
            {
                "office": office_id,
                "holder": spell.person,
                "start": spell.start,
                "end": spell.end or "",
                "elected": "",
                "acting": "",
                "source": f"second tier: Phoenix.Countries.actors.txt, code {spell.code}",
            }
        )
    return sorted(offices.values(), key=lambda row: row["id"]), terms


def write_second_tier(phoenix_file: Path, out_dir: Path = TIER_DIR) -> list[Path]:
    """Import ``phoenix_file`` and write the second tier to ``out_dir``: its actors, and the
    offices and terms of their dated government spells."""
    curated = KnowledgeBase.load(second_tier=False)
    phoenix = import_phoenix(phoenix_file)
    rows = second_tier_rows(phoenix, curated)
    offices, terms = second_tier_terms(phoenix, rows, curated)
    return [
        write_csv(out_dir / TIER_FILE, ACTOR_COLUMNS, rows),
        write_csv(out_dir / "offices_phoenix.csv", OFFICE_COLUMNS, offices),
        write_csv(out_dir / "terms_phoenix.csv", TERM_COLUMNS, terms),
    ]


if __name__ == "__main__":  # pragma: no cover - a curator's command
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else TIER_DIR
    for written in write_second_tier(Path(sys.argv[1]), target):
        print(written)
