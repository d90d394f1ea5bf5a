"""Importers of external datasets into the KB's shape, and the REIGN/Archigos cross-check.

Every importer is tested on a small inline fixture holding its format's quirks; the tests marked
``shared`` run the importers on the real datasets in ../shared/kb and skip when it is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.kb.importers import ParseProblem
from dossier.kb.importers.geonames import import_geonames, latin_aliases, write_geonames
from dossier.kb.importers.leaders import (
    ARCHIGOS,
    DIFFERENT_PERSON,
    MISSING_IN_CURATED,
    REIGN,
    LeaderSpell,
    compare_with_curated,
    import_archigos,
    import_reign,
    offset_kind,
    read_cow_to_iso3,
    read_leader_datasets,
    write_spells,
)
from dossier.kb.importers.phoenix import PhoenixImport, import_phoenix, title_case, write_phoenix
from dossier.kb.loader import KnowledgeBase

SHARED_KB = Path(__file__).resolve().parents[2] / "shared" / "kb"
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "src" / "dossier" / "kb" / "data"

# --- Phoenix ---------------------------------------------------------------------------------

PHOENIX = """\
# TABARI-formatted .actor file: a header comment
RUSSIAN_FEDERATION_  [RUS]
+RUSSIA_
+MOSCOW_

KREMLIN_
+RUSSIAN_WHITE_HOUSE
\t[RUSGOV]
VLADIMIR_PUTIN_  # CountryInfo.txt
+VLADIMIR_VLADIMIROVICH_PUTIN_
+PUTIN_
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV 991231-080507]
\t[RUSGOV >080508]
\t[RUSELI]
DMITRY_MEDVEDEV_  # CountryInfo.txt
+DMITRIY_MEDVEDEV_
DMITR_MEDVEDEV_  # CountryInfo.txt
+DMITRI_MEDVEDEV_
\t[RUSGOV 051201-070228]
\t[RUSGOV > 080507]
MIKHAIL_GORBACHEV_  # CountryInfo.txt
\t[RUSGOVBUS <19911225]
\t[RUSELI]
ALYAKSANDR_LUKASHENKA_  # CountryInfo.txt
\t[BLRELI 720101-000101]
\t[BLRGOV >940720]
BROKEN_ENTRY_  # CountryInfo.txt
\t[RUSGOV 20121204]
\t[RUSGOV 9008223-911221]
\t[RUSGOV 120101-110101]
\t RUSGOV 010101-020202
\t[RUSGOV 010101-020202]
BELARUS_
+MINSK_
\t[USRBLR <910825]
\t[BLR >911221]
"""


@pytest.fixture
def phoenix_file(tmp_path: Path) -> Path:
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(PHOENIX, encoding="utf-8")
    return path


def test_phoenix_persons_aliases_and_codes(phoenix_file: Path) -> None:
    result = import_phoenix(phoenix_file)
    actors = {a.id: a for a in result.actors}
    putin = actors["person:vladimir-putin"]
    assert (putin.name, putin.type, putin.country, putin.sector) == (
        "Vladimir Putin",
        "person",
        "RUS",
        "GOV",  # the open [RUSGOV >080508] applies today, before the default RUSELI
    )
    # A lone surname and a title phrase are not aliases (SCHEMA.md).
    assert putin.aliases == ("Vladimir Vladimirovich Putin",)
    assert putin.source == "Phoenix.Countries.actors.txt#L9"
    # Consecutive primary phrases without a code share the codes that follow (PETRARCH2).
    medvedev = actors["person:dmitry-medvedev"]
    assert set(medvedev.aliases) == {"Dmitriy Medvedev", "Dmitr Medvedev", "Dmitri Medvedev"}
    assert "person:dmitr-medvedev" not in actors
    assert actors["person:alyaksandr-lukashenka"].country == "BLR"


def test_phoenix_countries_and_institutions(phoenix_file: Path) -> None:
    actors = {a.id: a for a in import_phoenix(phoenix_file).actors}
    russia = actors["country:RUS"]
    assert (russia.name, russia.type, russia.country) == ("Russian Federation", "country", "RUS")
    assert russia.aliases == ("Russia", "Moscow")  # Phoenix codes cities as their country
    # BELARUS_ has no inline code: its current code is the open [BLR >911221].
    assert actors["country:BLR"].aliases == ("Minsk",)
    kremlin = actors["agency:kremlin"]
    assert (kremlin.type, kremlin.country, kremlin.sector) == ("agency", "RUS", "GOV")
    assert kremlin.aliases == ("Russian White House",)


def test_phoenix_date_restrictions_become_role_spells(phoenix_file: Path) -> None:
    roles = import_phoenix(phoenix_file).roles
    spells = {(r.person, r.start, r.end) for r in roles}
    # Two-digit years: 00-30 are 20YY, 31-99 19YY; ">" is open, "<" has no start.
    assert ("person:vladimir-putin", "1999-12-31", "2008-05-07") in spells
    assert ("person:vladimir-putin", "2008-05-08", None) in spells
    assert ("person:dmitry-medvedev", "2005-12-01", "2007-02-28") in spells
    assert ("person:dmitry-medvedev", "2008-05-07", None) in spells  # "> 080507", with a space
    assert ("person:mikhail-gorbachev", None, "1991-12-25") in spells  # RUSGOVBUS is GOV
    assert ("person:alyaksandr-lukashenka", "1994-07-20", None) in spells
    # ELI codes and undated GOV codes are not role spells.
    assert not any(r.code.endswith("ELI") for r in roles)
    assert all(r.sector == "GOV" for r in roles)
    assert next(r for r in roles if r.person == "person:alyaksandr-lukashenka").source == (
        "Phoenix.Countries.actors.txt#L28"
    )


def test_phoenix_reports_unreadable_lines_with_numbers(phoenix_file: Path) -> None:
    result = import_phoenix(phoenix_file)
    problems = {p.line: p.reason for p in result.problems}
    assert set(problems) == {30, 31, 32, 33}
    assert "unknown date restriction" in problems[30]  # a lone date, no < > or range
    assert "bad date" in problems[31]  # 7 digits
    assert "ends before it starts" in problems[32]
    assert "not a [CODE" in problems[33]
    assert all(isinstance(p, ParseProblem) and str(p).startswith("#L") for p in result.problems)
    # The entry's readable code line still counts.
    assert any(r.person == "person:broken-entry" for r in result.roles)


def test_phoenix_output_loads_as_a_knowledge_base(phoenix_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_phoenix(import_phoenix(phoenix_file), out)
    assert [p.name for p in written] == ["actors_phoenix.csv", "phoenix_roles.csv"]
    kb = KnowledgeBase.load(out)  # the SCHEMA.md shape: validates as curated files do
    assert kb.find_actors("Vladimir Vladimirovich Putin")[0].id == "person:vladimir-putin"
    assert "2008-05-08,," in (out / "phoenix_roles.csv").read_text(encoding="utf-8")


def test_importers_refuse_to_write_into_the_package() -> None:
    with pytest.raises(ValueError, match="curated knowledge base"):
        write_phoenix(PhoenixImport([], [], [], 0), PACKAGE_DATA)


def test_title_case_names() -> None:
    assert title_case("ALYAKSANDR_LUKASHENKA_") == "Alyaksandr Lukashenka"
    assert title_case("BASHAR_AL-ASSAD_") == "Bashar al-Assad"
    assert title_case("URSULA_VON_DER_LEYEN") == "Ursula von der Leyen"
    assert title_case("JOHN_MCCAIN_") == "John McCain"
    assert title_case("ALEXANDER_II") == "Alexander II"
    assert title_case("REPUBLIC_OF_BELARUS_") == "Republic of Belarus"
    assert title_case("MARTIN_O'MALLEY") == "Martin O'Malley"


# --- GeoNames --------------------------------------------------------------------------------

COUNTRY_INFO = """\
#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital
RU\tRUS\t643\tRS\tRussia\tMoscow
UA\tUKR\t804\tUP\tUkraine\tKyiv
KZ\tKAZ\t398\tKZ\tKazakhstan\tAstana
LI\tLIE\t438\tLS\tLiechtenstein\tVaduz
"""


def _geonames_row(
    geonameid: int, name: str, alternates: str, code: str, country: str, population: int
) -> str:
    fields = [str(geonameid), name, name, alternates, "55.7", "37.6", "P", code, country, ""]
    fields += ["00", "", "", "", str(population), "", "144", "Europe/Moscow", "2025-01-01"]
    return "\t".join(fields)


GEONAMES = "\n".join(
    [
        _geonames_row(
            524901,
            "Moscow",
            "MOW,Moskva,Москва,mo si ke,Moscou,https://x.org/Moscow",
            "PPLC",
            "RU",
            10381222,
        ),
        _geonames_row(703448, "Kyiv", "Kiev,Київ,Kyiv,KBP", "PPLC", "UA", 2797553),
        _geonames_row(1526384, "Almaty", "Alma-Ata,Алматы", "PPLA", "KZ", 2000900),
        _geonames_row(999001, "Smalltown", "", "PPL", "RU", 5000),
        _geonames_row(3042030, "Vaduz", "Vaduz", "PPLC", "LI", 5197),
        _geonames_row(999002, "Nowhere", "", "PPL", "ZZ", 20000),
        "123\tbroken row",
    ]
)


@pytest.fixture
def geonames_files(tmp_path: Path) -> tuple[Path, Path]:
    cities, info = tmp_path / "cities15000.txt", tmp_path / "countryInfo.tsv"
    cities.write_text(GEONAMES + "\n", encoding="utf-8")
    info.write_text(COUNTRY_INFO, encoding="utf-8")
    return cities, info


def test_geonames_capitals_cities_and_iso3(geonames_files: tuple[Path, Path]) -> None:
    cities, info = geonames_files
    result = import_geonames(cities, info)
    places = {p.name: p for p in result.places}
    moscow = places["Moscow"]
    assert (moscow.kind, moscow.country, moscow.stands_for, moscow.geonames_id) == (
        "capital",
        "RUS",  # ISO2 RU -> ISO3 through countryInfo.tsv
        "gov:RUS",
        "524901",
    )
    # Latin-script alternate names only; no codes, lower-case romanisations or links.
    assert moscow.aliases == ("Moskva", "Moscou")
    assert places["Kyiv"].aliases == ("Kiev",)
    almaty = places["Almaty"]
    assert (almaty.kind, almaty.country, almaty.stands_for) == ("city", "KAZ", None)
    assert almaty.aliases == ("Alma-Ata",)
    assert "Smalltown" not in places  # under the population threshold
    assert places["Vaduz"].kind == "capital"  # a small capital is kept
    assert {p.line: p.reason for p in result.problems} == {
        6: "unknown ISO2 country code 'ZZ'",
        7: "2 columns, want 19",
    }
    assert result.read == 7


def test_geonames_population_threshold(geonames_files: tuple[Path, Path]) -> None:
    cities, info = geonames_files
    names = lambda **kw: {p.name for p in import_geonames(cities, info, **kw).places}  # noqa: E731
    assert names(min_population=3_000_000) == {"Moscow", "Kyiv", "Vaduz"}
    assert names(min_population=3_000_000, keep_capitals=False) == {"Moscow"}
    assert "Smalltown" in names(min_population=1_000)


def test_geonames_output_loads_as_places(geonames_files: tuple[Path, Path], tmp_path: Path) -> None:
    cities, info = geonames_files
    out = tmp_path / "out"
    write_geonames(import_geonames(cities, {"RU": "RUS"}), out)
    (out / "actors.csv").write_text(
        "id,name,type,country,sector,qid,aliases,source\n"
        "country:RUS,Russia,country,RUS,,,,test\n"
        "gov:RUS,Government of Russia,government,RUS,GOV,,,test\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(out)
    assert kb.place("Moskva").stands_for == "gov:RUS"


def test_latin_aliases() -> None:
    assert latin_aliases("Bishkek", ["Bishkek", "Frunze", "Бишкек", "Pishpek", "FRU"]) == (
        "Frunze",
        "Pishpek",
    )


# --- REIGN, Archigos and the cross-check -----------------------------------------------------

COW = {365: "RUS", 370: "BLR", 703: "KGZ", 92: "SLV"}

REIGN_CSV = (
    "stateabb,ccode,leadid,leader,sdate,smonth,syear,emonth,eyear,birthyear,gender,militarycareer,l_month,l_year,,,codedby,notes\n"
    "RUS,365,A2.9-5497,Yeltsin,21,8,1991,12,1999,1931,1,0,6,1991,,,,\n"
    "RUS,365,A2.9-5500,Putin,1,1,2000,,,1952,1,0,3,2000,,,,\n"
    "BLR,370,A2.9-5731,Lukashenko,20,7,1994,,,1954,1,1,7,1994,,,,\n"
    "KYR,703,A3.0-176,Otunbayeva,7,4,2010,12,2011,1950,0,0,,,,,,\n"
    "KYR,703,A3.0-177,Atambayev,1,12,2011,11,2017,1956,1,0,10,2011,,,,\n"
    "KYR,703,ctb-703-3,Sadyr Japarov,28,1,2021,,,1968,1,0,1,2021,,,ctb,\n"
    "SAL,92,A2.9-979,Saca González,1,6,2004,6,2009,1965,1,0,3,2004,,,cb,\n"
    "XXX,999,x,Nobody,1,1,2000,,,1900,1,0,,,,,,\n"
    "RUS,365,x,Badday,31,2,2001,,,1900,1,0,,,,,,\n"
).encode("latin-1")

ARCHIGOS_CSV = """\
obsid,leadid,ccode,idacr,leader,startdate,eindate,enddate,eoutdate,entry,exit,exitcode
RUS-2000,x,365,RUS,Putin,2000-01-01,2000-01-01,2015-12-31,2015-12-31,Regular,Still in Office,Still in Office
KYR-2010,x,703,KYR,Otunbayeva,2010-04-07,2010-04-07,2011-12-01,2011-12-01,Regular,Regular,Regular
KYR-2011,x,703,KYR,Atambayev,2011-12-01,2011-12-01,2015-12-31,2015-12-31,Regular,Still in Office,Still in Office
"""


@pytest.fixture
def leader_files(tmp_path: Path) -> tuple[Path, Path]:
    reign, archigos = tmp_path / "leaderlist_3_21.csv", tmp_path / "archigos_4.1.csv"
    reign.write_bytes(REIGN_CSV)
    archigos.write_text(ARCHIGOS_CSV, encoding="utf-8")
    return reign, archigos


def test_reign_latin1_month_ends_and_open_spells(leader_files: tuple[Path, Path]) -> None:
    result = import_reign(leader_files[0], COW)
    spells = {s.leader: s for s in result.spells}
    assert spells["Saca González"].country == "SLV"  # latin-1 read as such
    otunbayeva = spells["Otunbayeva"]
    assert (otunbayeva.country, otunbayeva.start, otunbayeva.end) == (
        "KGZ",
        "2010-04-07",
        "2011-12",
    )
    # A month-precision end is sampled on the month's first day: surely still in office.
    assert otunbayeva.sample_days() == ("2010-04-07", "2011-02-02", "2011-12-01")
    putin = spells["Putin"]
    assert putin.end is None
    assert putin.observed_until == "2021-01-01"  # the latest month the list mentions
    assert putin.source == "leaderlist_3_21.csv#L3"
    assert {p.line: p.reason for p in result.problems} == {
        9: "no ISO3 for COW code '999'",
        10: "bad start date",
    }


def test_archigos_censored_spells(leader_files: tuple[Path, Path]) -> None:
    result = import_archigos(leader_files[1], COW)
    spells = {s.leader: s for s in result.spells}
    assert spells["Putin"].end is None and spells["Putin"].observed_until == "2015-12-31"
    assert spells["Otunbayeva"].end == "2011-12-01"
    assert {s.dataset for s in result.spells} == {ARCHIGOS}


def test_leader_spells_write_to_csv(leader_files: tuple[Path, Path], tmp_path: Path) -> None:
    path = write_spells(import_reign(leader_files[0], COW).spells, tmp_path / "out" / "s.csv")
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "dataset,country,leader,start,end,observed_until,source"
    )


# A tiny curated KB: Russia with Medvedev president and Putin PM 2008-2012; Kyrgyzstan with
# Atambayev's start planted four days late; Belarus with a planted wrong president.
CURATED = {
    "actors": """id,name,type,country,sector,qid,aliases,source
country:RUS,Russia,country,RUS,,,,test
country:KGZ,Kyrgyzstan,country,KGZ,,,,test
country:BLR,Belarus,country,BLR,,,,test
person:boris-yeltsin,Boris Yeltsin,person,RUS,GOV,,,test
person:vladimir-putin,Vladimir Putin,person,RUS,GOV,,,test
person:dmitry-medvedev,Dmitry Medvedev,person,RUS,GOV,,,test
person:roza-otunbayeva,Roza Otunbayeva,person,KGZ,GOV,,,test
person:almazbek-atambayev,Almazbek Atambayev,person,KGZ,GOV,,Almazbek Atambaev,test
person:planted-impostor,Planted Impostor,person,BLR,GOV,,,test
""",
    "offices": """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:president-rus,President of Russia,President,,RUS,,head_of_state,GOV,Russian President,test
office:prime-minister-rus,Prime Minister of Russia,Prime Minister,PM,RUS,,head_of_government,GOV,,test
office:president-kgz,President of Kyrgyzstan,President,,KGZ,,head_of_state,GOV,,test
office:president-blr,President of Belarus,President,,BLR,,head_of_state,GOV,,test
""",
    "terms": """office,holder,start,end,elected,acting,source
office:president-rus,person:boris-yeltsin,1991-07-10,1999-12-31,,,test
office:president-rus,person:vladimir-putin,1999-12-31,2008-05-07,,,test
office:president-rus,person:dmitry-medvedev,2008-05-07,2012-05-07,2008-03-02,,test
office:president-rus,person:vladimir-putin,2012-05-07,,2012-03-04,,test
office:prime-minister-rus,person:vladimir-putin,2008-05-08,2012-05-07,,,test
office:president-kgz,person:roza-otunbayeva,2010-04-07,2011-12-05,,yes,test
office:president-kgz,person:almazbek-atambayev,2011-12-05,2017-11-24,2011-10-30,,test
office:president-blr,person:planted-impostor,1994-07-20,,,,test
""",
}


@pytest.fixture
def curated_kb(tmp_path: Path, write_kb: Callable[[Path, dict[str, str]], Path]) -> KnowledgeBase:
    return KnowledgeBase.load(write_kb(tmp_path / "kb", CURATED))


def test_cross_check_finds_planted_disagreements(
    curated_kb: KnowledgeBase, leader_files: tuple[Path, Path]
) -> None:
    spells = (
        import_reign(leader_files[0], COW).spells + import_archigos(leader_files[1], COW).spells
    )
    found = compare_with_curated(curated_kb, spells, today="2025-01-01")
    by_key = {(d.country, d.dataset, d.day): d for d in found}
    # Belarus: the planted wrong president, on each sampled day.
    belarus = [d for d in found if d.country == "BLR"]
    assert belarus and all(d.kind == DIFFERENT_PERSON for d in belarus)
    assert belarus[0].curated == ("Planted Impostor (President of Belarus)",)
    assert belarus[0].dataset_leader == "Lukashenko"
    # Kyrgyzstan: Archigos has Atambayev from 2011-12-01, the curated term starts 4 days later.
    offset = by_key[("KGZ", ARCHIGOS, "2011-12-01")]
    assert offset.kind == offset_kind(31) == "date offset ≤ 31 days"
    assert offset.dataset_leader == "Atambayev"
    assert offset.curated == ("Roza Otunbayeva (President of Kyrgyzstan)",)
    # After the curated Kyrgyz term ends (2017-11-24), REIGN's Japarov finds nobody.
    japarov = by_key[("KGZ", REIGN, "2021-01-28")]
    assert (japarov.kind, japarov.curated) == (MISSING_IN_CURATED, ())
    # Russia agrees throughout: REIGN's Putin 2000-2021 is sampled mid-way, on 2010-07-02,
    # when Medvedev was president and Putin prime minister: not a disagreement.
    assert "2010-07-02" in next(s for s in spells if s.leader == "Putin").sample_days()
    assert not [d for d in found if d.country == "RUS"]
    assert {d.country for d in found} == {"BLR", "KGZ"}


def test_cross_check_limits_to_countries_and_curated_period(
    curated_kb: KnowledgeBase, leader_files: tuple[Path, Path]
) -> None:
    spells = import_reign(leader_files[0], COW).spells
    assert {d.country for d in compare_with_curated(curated_kb, spells, countries=["KGZ"])} == {
        "KGZ"
    }
    # El Salvador has no curated leader terms: never checked. Before the first curated term
    # nothing is checked either.
    early = LeaderSpell(REIGN, "RUS", "Gorbachev", "1985-03-11", "1990-01", None, "x")
    assert compare_with_curated(curated_kb, [early]) == []


def test_read_cow_to_iso3_prefers_current_rows(tmp_path: Path) -> None:
    path = tmp_path / "cow2iso.txt"
    path.write_text(
        "cow_id,cow3,iso_id,iso2,iso3,valid_from,valid_until,cname\n"
        "365,RUS,643,RU,RUS,1992,,Russian Federation\n"
        "260,GFR,280,DE,DEU,1962,1990,West Germany\n"
        "347,KOS,,,,,,Kosovo\n",
        encoding="utf-8",
    )
    codes = read_cow_to_iso3(path)
    assert codes[365] == "RUS" and codes[260] == "DEU"
    assert codes[347] == "XKX"  # from the supplement: cow2iso has no ISO3 for Kosovo


# --- on the shared datasets ---------------------------------------------------------------------

PHOENIX_SHARED = (
    SHARED_KB / "petrarch2_dictionaries/petrarch2/data/dictionaries/Phoenix.Countries.actors.txt"
)
GEONAMES_SHARED = SHARED_KB / "geonames_cities15000"


@pytest.mark.shared
def test_shared_phoenix_imports_thousands_of_actors() -> None:
    if not PHOENIX_SHARED.is_file():
        pytest.skip(f"{PHOENIX_SHARED} absent")
    result = import_phoenix(PHOENIX_SHARED)
    assert len(result.actors) > 1000
    print(
        f"phoenix: {result.entries} entries -> {len(result.actors)} actors, "
        f"{len(result.roles)} GOV role spells, {len(result.problems)} unread lines"
    )
    lukashenka = next(a for a in result.actors if a.id == "person:alyaksandr-lukashenka")
    assert lukashenka.country == "BLR"
    assert any(
        r.person == lukashenka.id and r.start == "1994-07-20" and r.end is None
        for r in result.roles
    )


@pytest.mark.shared
def test_shared_geonames_moscow_is_the_russian_capital() -> None:
    cities = GEONAMES_SHARED / "cities15000.txt"
    if not cities.is_file():
        pytest.skip(f"{cities} absent")
    result = import_geonames(cities, GEONAMES_SHARED / "countryInfo.tsv")
    moscow = next(p for p in result.places if p.name == "Moscow" and p.kind == "capital")
    assert moscow.country == "RUS" and "Moskva" in moscow.aliases
    assert moscow.stands_for == "gov:RUS"
    kyiv = next(p for p in result.places if p.name == "Kyiv")
    assert "Kiev" in kyiv.aliases
    print(
        f"geonames: {result.read} rows -> {len(result.places)} places, {len(result.problems)} unread"
    )


@pytest.mark.shared
def test_shared_cross_check_on_the_package_kb() -> None:
    if not (SHARED_KB / "reign").is_dir():
        pytest.skip(f"{SHARED_KB} absent")
    from dossier.kb.loader import default_kb

    datasets = read_leader_datasets(SHARED_KB)
    assert [d.dataset for d in datasets] == [REIGN, ARCHIGOS]
    assert all(len(d.spells) > 2000 for d in datasets)
    spells = [s for d in datasets for s in d.spells]
    # The curated data is being written as this runs: assert the shape, print the findings.
    found = compare_with_curated(default_kb(), spells)
    for item in found:
        assert item.dataset in (REIGN, ARCHIGOS)
        assert item.kind in (MISSING_IN_CURATED, DIFFERENT_PERSON, offset_kind(31))
        assert len(item.country) == 3 and len(item.day) == 10
        print(
            f"{item.country} {item.day} {item.dataset}: {item.dataset_leader} vs "
            f"{'; '.join(item.curated) or '-'} ({item.kind})"
        )
