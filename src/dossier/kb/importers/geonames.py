"""GeoNames ``cities15000.txt`` as KB places: national capitals and cities, with their aliases.

The dump is tab-separated with no header; its columns (GeoNames readme) are geonameid, name,
asciiname, alternatenames (comma list), latitude, longitude, feature class, feature code,
country code (ISO 3166-1 alpha-2), cc2, admin1-4 codes, population, elevation, dem, timezone,
modification date.

- feature code ``PPLC`` (capital of a political entity) gives kind ``capital``, standing for the
  country's government (``gov:RUS`` for Moscow, as SCHEMA.md has it); every other row is a
  ``city`` standing for nothing;
- the ISO2 country code becomes ISO3 through GeoNames' own ``countryInfo.tsv`` (it has both);
- aliases are the ASCII name and the alternate names written in Latin script, minus
  romanisations that are all lower case ("mo si ke"), short upper-case codes ("MOW") and links.
  They hold the names the news has used: Kiev/Kyiv, Alma-Ata, Akmola/Nur-Sultan, Frunze.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dossier.kb.importers import (
    PLACE_COLUMNS,
    ParseProblem,
    place_row,
    refuse_package_folder,
    write_csv,
)
from dossier.kb.loader import normalise_name
from dossier.kb.records import Place

#: Cities smaller than this are left out (capitals are kept whatever their size by default).
DEFAULT_MIN_POPULATION = 15_000
_COLUMNS = 19
(
    _ID,
    _NAME,
    _ASCII,
    _ALTERNATE,
    _FEATURE_CODE,
    _COUNTRY,
    _POPULATION,
) = (0, 1, 2, 3, 7, 8, 14)


@dataclass(frozen=True)
class GeoNamesImport:
    """What ``import_geonames`` read: the places kept, the lines it could not read, and how
    many rows it read in all."""

    places: list[Place]
    problems: list[ParseProblem]
    read: int


def read_country_codes(path: Path) -> dict[str, str]:
    """ISO2 -> ISO3 from GeoNames' ``countryInfo.tsv`` (``#`` lines are comments)."""
    codes: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 2:
                continue
            if len(row[0]) == 2 and len(row[1]) == 3:
                codes[row[0].upper()] = row[1].upper()
    return codes


def import_geonames(
    path: Path,
    country_codes: dict[str, str] | Path,
    min_population: int = DEFAULT_MIN_POPULATION,
    keep_capitals: bool = True,
) -> GeoNamesImport:
    """Read a GeoNames cities dump into KB places.

    path: ``cities15000.txt`` (or any GeoNames dump in the same 19-column layout).
    country_codes: ISO2 -> ISO3 map, or the path of ``countryInfo.tsv`` to read it from.
    min_population: cities with fewer inhabitants are left out.
    keep_capitals: keep national capitals below ``min_population`` too.
    """
    if isinstance(country_codes, Path):
        country_codes = read_country_codes(country_codes)
    places: list[Place] = []
    problems: list[ParseProblem] = []
    read = 0
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            read += 1
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) != _COLUMNS:
                problems.append(
                    ParseProblem(number, line, f"{len(fields)} columns, want {_COLUMNS}")
                )
                continue
            try:
                population = int(fields[_POPULATION] or 0)
            except ValueError:
                problems.append(ParseProblem(number, line, "population is not a number"))
                continue
            capital = fields[_FEATURE_CODE] == "PPLC"
            if population < min_population and not (capital and keep_capitals):
                continue
            iso2 = fields[_COUNTRY].upper()
            iso3 = country_codes.get(iso2)
            if iso3 is None:
                problems.append(ParseProblem(number, line, f"unknown ISO2 country code {iso2!r}"))
                continue
            name = fields[_NAME].strip()
            places.append(
                Place(
                    name=name,
                    aliases=latin_aliases(name, [fields[_ASCII], *fields[_ALTERNATE].split(",")]),
                    country=iso3,
                    kind="capital" if capital else "city",
                    stands_for=f"gov:{iso3}" if capital else None,
                    geonames_id=fields[_ID].strip() or None,
                    source=f"GeoNames {path.name}#L{number}",
                )
            )
    return GeoNamesImport(places, problems, read)


def write_geonames(result: GeoNamesImport, out_dir: Path) -> list[Path]:
    """Write ``places_geonames.csv`` (SCHEMA.md columns) to ``out_dir``.

    Raises ValueError when ``out_dir`` is the package's own ``kb/data`` folder.
    """
    refuse_package_folder(out_dir)
    return [
        write_csv(
            out_dir / "places_geonames.csv", PLACE_COLUMNS, (place_row(p) for p in result.places)
        )
    ]


def latin_aliases(name: str, candidates: list[str]) -> tuple[str, ...]:
    """The distinct ``candidates`` written in Latin script that read as names, minus ``name``."""
    seen = {normalise_name(name)}
    found: list[str] = []
    for candidate in candidates:
        alias = candidate.strip()
        key = normalise_name(alias)
        if not alias or key in seen or not _reads_as_latin_name(alias):
            continue
        seen.add(key)
        found.append(alias)
    return tuple(found)


def _reads_as_latin_name(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters or not text[0].isupper() or any(c.isdigit() for c in text):
        return False
    if "/" in text or "http" in text.lower():
        return False
    if text.isupper() and len(letters) <= 4:
        return False  # an airport or postal code: MOW, FRU
    return all("LATIN" in unicodedata.name(c, "") for c in letters)
