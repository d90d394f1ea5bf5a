"""The curated knowledge base shipped in the package: it loads, and it knows what it must."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.errors import DossierError
from dossier.kb.loader import KnowledgeBase, default_kb

POST_SOVIET = [
    "RUS",
    "UKR",
    "BLR",
    "MDA",
    "GEO",
    "ARM",
    "AZE",
    "KAZ",
    "KGZ",
    "TJK",
    "TKM",
    "UZB",
    "EST",
    "LVA",
    "LTU",
]
OTHERS = ["USA", "CHN", "TUR", "IRN", "DEU", "FRA", "GBR"]


def test_president_elect_is_not_yet_the_holder() -> None:
    kb = default_kb()
    assert kb.elect("President of Kyrgyzstan", "2011-11-18").name == "Almazbek Atambayev"
    assert kb.holder("President of Kyrgyzstan", "2011-11-18").name != "Almazbek Atambayev"


def test_eurasian_economic_union_membership_by_date() -> None:
    kb = default_kb()
    members = lambda day: {a.country for a in kb.members("igo:eaeu", day)}  # noqa: E731
    assert members("2015-01-01") == {"RUS", "BLR", "KAZ"}
    assert members("2015-01-02") == {"RUS", "BLR", "KAZ", "ARM"}
    assert members("2015-08-12") == {"RUS", "BLR", "KAZ", "ARM", "KGZ"}


@pytest.mark.parametrize("country", POST_SOVIET + OTHERS)
def test_every_covered_state_has_a_head_of_state_every_year(country: str) -> None:
    kb = default_kb()
    heads = [o for o in kb.offices.values() if o.country == country and o.kind == "head_of_state"]
    assert heads, f"no head-of-state office for {country}"
    first_year = 1992 if country in POST_SOVIET else 1991
    missing = [
        year
        for year in range(first_year, 2027)
        if not any(kb.holders(o.id, f"{year}-06-01") for o in heads)
    ]
    assert not missing, f"{country}: no head of state on 1 June of {missing}"


#: A post may stay empty between a resignation and the next appointment (Armenia 2021, Estonia
#: 2022): the check allows that much vacancy over 2008-2026, not a missing term.
MAX_VACANT_DAYS = 120


@pytest.mark.parametrize("country", POST_SOVIET + OTHERS)
def test_every_covered_state_has_a_foreign_minister_since_2008(country: str) -> None:
    kb = default_kb()
    offices = [
        o for o in kb.offices.values() if o.country == country and o.kind == "foreign_minister"
    ]
    assert offices, f"no foreign-minister office for {country}"
    day, vacant = dt.date(2008, 1, 1), []
    while day < dt.date(2026, 11, 1):
        if not any(kb.holders(o.id, day.isoformat()) for o in offices):
            vacant.append(day.isoformat())
        day += dt.timedelta(days=1)
    assert len(vacant) <= MAX_VACANT_DAYS, f"{country}: no foreign minister on {vacant[:3]}…"


def test_metonyms_and_adjectives() -> None:
    kb = default_kb()
    assert kb.place("Kiev").stands_for == "gov:UKR"
    assert kb.place("the Kremlin").stands_for == "agency:rus-presidential-administration"
    assert kb.place("Nur-Sultan").stands_for == "gov:KAZ"
    assert kb.country_of_adjective("Belarussian") == "BLR"
    assert kb.country_of_adjective("Kyrgyz") == "KGZ"
    assert kb.find_actors("Alexander Lukashenka")[0].name == "Alexander Lukashenko"
    assert (
        kb.find_actors("Customs Union")[0].name == "Customs Union of Belarus, Kazakhstan and Russia"
    )


def test_every_row_names_its_source() -> None:
    kb = default_kb()
    rows = [
        *kb.actors.values(),
        *kb.offices.values(),
        *kb.terms,
        *kb.memberships,
        *kb.places,
        *kb.demonyms,
    ]
    assert all(row.source for row in rows)


# --- the second tier: Phoenix actors the curated KB lacks -----------------------------------

TIER_PHOENIX = """\
RUSSIAN_FEDERATION_  [RUS]
KREMLIN_
\t[RUSGOV]
SERGEI_LAVROV_  # CountryInfo.txt
\t[RUSGOV >040309]
IGOR_LAVROV_  # CountryInfo.txt
\t[RUSGOV 100101-120101]
YEVGENY_VELIKHOV_  # CountryInfo.txt
\t[RUSGOV 900101-911225]
ANNA_NOBODY_  # CountryInfo.txt
\t[ATLGOV 900101-911225]
"""


def test_second_tier_leaves_out_what_the_curated_kb_speaks_for(tmp_path) -> None:
    from pathlib import Path

    from dossier.kb.importers.phoenix import import_phoenix
    from dossier.kb.importers.tier import second_tier_rows
    from dossier.kb.loader import KnowledgeBase

    path = Path(tmp_path) / "actors.txt"
    path.write_text(TIER_PHOENIX, encoding="utf-8")
    rows = second_tier_rows(import_phoenix(path), KnowledgeBase.load(second_tier=False))
    # Lavrov is curated (by name); Igor Lavrov would steal the curated surname; the Kremlin is a
    # curated place; ATL is no country the curated KB knows. Velikhov is new: kept, with dates.
    assert [r["name"] for r in rows] == ["Yevgeny Velikhov"]
    assert rows[0]["source"].startswith("second tier: ")
    assert "RUSGOV 1990-01-01..1991-12-25" in rows[0]["source"]


def test_second_tier_is_loaded_by_default_below_the_curated_kb() -> None:
    kb = default_kb()
    assert kb.second_tier, "the package's second tier did not load"
    curated = {a.id for a in KnowledgeBase.load(second_tier=False).actors.values()}
    assert not kb.second_tier & curated
    assert set(kb.actors) == curated | kb.second_tier
    # A person only the second tier knows is found by name, with the dictionary's dates.
    (gorbachev,) = kb.find_actors("Mikhail Gorbachev")
    assert gorbachev.id in kb.second_tier and "government spells" in gorbachev.source
    # Where both speak, the curated row is the one found.
    (lavrov,) = kb.find_actors("Sergei Lavrov")
    assert lavrov.id not in kb.second_tier


def test_a_kb_folder_loads_without_the_second_tier(tmp_path) -> None:
    from pathlib import Path

    folder = Path(tmp_path)
    (folder / "actors.csv").write_text(
        "id,name,type,country,sector,qid,aliases,source\ncountry:RUS,Russia,country,RUS,,,,test\n",
        encoding="utf-8",
    )
    assert KnowledgeBase.load(folder).second_tier == frozenset()
    assert KnowledgeBase.load(folder, second_tier=True).second_tier


def test_a_word_no_curated_name_resembles_finds_no_second_tier_namesake() -> None:
    """The second tier's thousands of names are matched by name, alias or surname only: a word
    merely alike one of them ("Atlantis" ~ "Kalantzis") is no actor, and suggestions come from
    the curated KB."""
    from dossier.kb.queries import actor_profile

    kb = KnowledgeBase.load()
    assert kb.second_tier
    with pytest.raises(DossierError) as raised:
        actor_profile(kb, "Atlantis")
    suggested = str(raised.value).partition("did you mean")[2]
    assert not any(
        actor.name in suggested for actor in kb.actors.values() if actor.id in kb.second_tier
    )
