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

from dossier.kb.importers import ACTOR_COLUMNS, actor_row, write_csv
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


def write_second_tier(phoenix_file: Path, out_dir: Path = TIER_DIR) -> Path:
    """Import ``phoenix_file`` and write the second tier to ``out_dir/actors_phoenix.csv``."""
    curated = KnowledgeBase.load(second_tier=False)
    rows = second_tier_rows(import_phoenix(phoenix_file), curated)
    return write_csv(out_dir / TIER_FILE, ACTOR_COLUMNS, rows)


if __name__ == "__main__":  # pragma: no cover - a curator's command
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else TIER_DIR
    print(write_second_tier(Path(sys.argv[1]), target))
