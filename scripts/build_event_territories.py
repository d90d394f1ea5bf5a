"""Build the event stage's table of territories: regions and cities -> the ISO3 of the state
they lie in, for acts done to a place that names no actor ("annexed Crimea", "shelled
Donetsk"), which are done to that state.

Writes ``src/dossier/kb/data/event_territories.csv``; the product reads only that file.

Source (kept beside the repository, in ``../shared/kb``): GeoNames (CC BY 4.0,
geonames.org) ``regionInfo.tsv`` (first-level regions), ``cities15000.txt`` (cities of
15,000 people or more) and ``countryInfo.tsv`` (ISO2 -> ISO3). A name that several places
share is kept for the state whose places weigh five times the others' together (a region
weighs as ten million people, a city as its population: "Odessa" is Ukraine's, not the Texan
town's; "Victoria", in several states, is left out); a country's own name is never kept
("Georgia"), nor a town of under 50,000 people.

Run: ``python scripts/build_event_territories.py ../shared/kb``
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dossier" / "kb" / "data"
GEONAMES = "geonames_cities15000"
REGION_WEIGHT = 10_000_000
MARGIN = 5
MIN_WEIGHT = 50_000


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")]


def build(kb: Path) -> list[tuple[str, str, str]]:
    folder = kb / GEONAMES
    iso3 = {row[0]: row[1] for row in _rows(folder / "countryInfo.tsv") if len(row) > 4}
    countries = {row[4].lower() for row in _rows(folder / "countryInfo.tsv") if len(row) > 4}
    weights: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kinds: dict[str, str] = {}
    for row in (r for r in _rows(folder / "regionInfo.tsv") if len(r) > 2):
        state = iso3.get(row[0].split(".")[0])
        for word in {row[1].lower(), row[2].lower()}:
            if state and word:
                weights[word][state] += REGION_WEIGHT
                kinds.setdefault(word, "region")
    for row in (r for r in _rows(folder / "cities15000.txt") if len(r) > 14):
        state = iso3.get(row[8])
        for word in {row[1].lower(), row[2].lower()}:
            if state and word:
                weights[word][state] += int(row[14] or 0)
                kinds.setdefault(word, "city")
    rows = []
    for word, by_state in weights.items():
        if word in countries or not word.isascii():
            continue
        state, top = max(by_state.items(), key=lambda item: item[1])
        if top < MIN_WEIGHT:
            continue  # a town few readers would know by name alone
        if top >= MARGIN * (sum(by_state.values()) - top):
            rows.append((word, state, kinds[word]))
    return sorted(rows)


def main(kb: Path) -> None:
    rows = build(kb)
    with (OUT / "event_territories.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Regions and cities -> ISO3 of their state, for acts done to places. Built by "
            "scripts/build_event_territories.py from GeoNames (CC BY 4.0, geonames.org).\n"
        )
        writer = csv.writer(handle)
        writer.writerow(["word", "country", "kind"])
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
