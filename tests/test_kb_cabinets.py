"""The curated KB answers who held an office on a day, and covers who appears in the news
beyond heads of state: cabinets, security services, speakers, spokespeople and UN envoys of the
covered states since 2008, and their institutions as actors with the names the press gives
them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.kb.loader import default_kb
from dossier.kb.records import COLLECTIVE_OFFICE_KINDS
from kb_helpers import CABINET_ON_DAYS, HEADS_ON_DAYS

runner = CliRunner()
YEARS = range(2008, 2025)

# Office ids whose holders the news names every year: held every year, nearly every day.
CABINET = {
    "RUS": ["defence-minister-rus", "finance-minister-rus", "interior-minister-rus"],
    "UKR": ["defence-minister-ukr", "finance-minister-ukr", "interior-minister-ukr"],
    "BLR": ["defence-minister-blr", "finance-minister-blr", "interior-minister-blr"],
    "KAZ": ["defence-minister-kaz", "finance-minister-kaz", "interior-minister-kaz"],
    "USA": [
        "secretary-of-defense-usa",
        "secretary-of-treasury-usa",
        "secretary-of-homeland-security-usa",
        "attorney-general-usa",
        "secretary-of-commerce-usa",
        "secretary-of-energy-usa",
    ],
}
# Offices that must have a holder at least part of every year (vacancies and acting gaps allowed).
EVERY_YEAR = [
    "economy-minister-rus",
    "energy-minister-rus",
    "economy-minister-ukr",
    "energy-minister-ukr",
    "director-fsb-rus",
    "director-svr-rus",
    "chief-gru-rus",
    "head-sbu-ukr",
    "chairman-kgb-blr",
    "director-cia-usa",
    "director-fbi-usa",
    "director-national-intelligence-usa",
    "director-nsa-usa",
    "chairman-state-duma-rus",
    "chairman-federation-council-rus",
    "chairman-verkhovna-rada-ukr",
    "speaker-house-usa",
    "senate-majority-leader-usa",
    "mfa-spokesperson-rus",
    "press-secretary-president-rus",
    "press-secretary-white-house-usa",
    "spokesperson-state-department-usa",
    "un-ambassador-usa",
    "un-ambassador-rus",
    "un-ambassador-chn",
    "un-ambassador-gbr",
    "un-ambassador-fra",
    "un-ambassador-ukr",
]


def _days_held(office_id: str, year: int) -> int:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    held: set[dt.date] = set()
    for term in default_kb().terms_in(f"office:{office_id}"):
        start = max(dt.date.fromisoformat(term.start), first)
        end = min(dt.date.fromisoformat(term.end) if term.end else last, last)
        held.update(start + dt.timedelta(days=n) for n in range((end - start).days + 1))
    return len(held)


@pytest.mark.parametrize("office_id", [o for offices in CABINET.values() for o in offices], ids=str)
def test_cabinet_post_is_held_every_year_and_nearly_all_days_since_2008(office_id: str) -> None:
    held = {year: _days_held(office_id, year) for year in YEARS}
    assert all(held.values()), f"{office_id}: no holder in {[y for y, d in held.items() if not d]}"
    days = sum(366 if year % 4 == 0 else 365 for year in YEARS)
    # Small gaps (an acting holder or a vacancy the KB does not list) are allowed: 5% in all.
    assert sum(held.values()) >= 0.95 * days, f"{office_id}: days held per year {held}"


@pytest.mark.parametrize("office_id", EVERY_YEAR, ids=str)
def test_post_has_a_holder_every_year_since_2008(office_id: str) -> None:
    empty = [year for year in YEARS if _days_held(office_id, year) == 0]
    assert not empty, f"{office_id}: no holder in {empty}"


@pytest.mark.parametrize(("office", "day", "holder"), CABINET_ON_DAYS + HEADS_ON_DAYS)
def test_holder_on_the_day(office: str, day: str, holder: str | None) -> None:
    found = default_kb().holder(office, day)
    assert (found.name if found else None) == holder


def test_handover_day_goes_to_the_incoming_holder() -> None:
    assert default_kb().holder("Minister of Defence of Ukraine", "2014-10-14").name == (
        "Stepan Poltorak"
    )


def test_no_two_terms_of_one_office_overlap() -> None:
    # Collective offices (the second tier's government members) are held by many at once.
    kb = default_kb()
    for office_id in kb.offices:
        if kb.offices[office_id].kind in COLLECTIVE_OFFICE_KINDS:
            continue
        terms = kb.terms_in(office_id)
        for earlier, later in zip(terms, terms[1:], strict=False):
            assert earlier.end is not None and later.start >= earlier.end, (
                office_id,
                earlier,
                later,
            )


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Russian Defence Ministry", "agency:rus-ministry-of-defence"),
        ("Ukraine's Defense Ministry", "agency:ukr-ministry-of-defence"),
        ("Belarusian Foreign Ministry", "agency:blr-ministry-of-foreign-affairs"),
        ("Ministry of Internal Affairs of Kazakhstan", "agency:kaz-ministry-of-internal-affairs"),
        ("FSB", "agency:rus-fsb"),
        ("SBU", "agency:ukr-sbu"),
        ("the State Duma", "agency:rus-state-duma"),
        ("U.S. Congress", "agency:usa-congress"),
        ("Treasury Department", "agency:usa-department-of-the-treasury"),
        ("CIA", "agency:usa-cia"),
        ("Russian troops", "agency:rus-armed-forces"),
        ("Ukrainian army", "agency:ukr-armed-forces"),
        ("pro-Russian separatists", "group:pro-russian-separatists-ukr"),
        ("Obama administration", "gov:USA"),
        ("Trump administration", "gov:USA"),
    ],
)
def test_institutions_are_actors_under_press_names(name: str, actor_id: str) -> None:
    assert [a.id for a in default_kb().find_actors(name)] == [actor_id]


def test_opposition_leaders_are_known_under_their_transliterations() -> None:
    kb = default_kb()
    assert [a.id for a in kb.find_actors("Svetlana Tikhanovskaya")] == [
        a.id for a in kb.find_actors("Sviatlana Tsikhanouskaya")
    ]
    navalny = kb.find_actors("Alexey Navalny")
    assert len(navalny) == 1 and navalny[0].sector == "OPP"


def test_actor_command_answers_for_lavrov(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No store: the knowledge base answers on its own.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOSSIER_DB", raising=False)
    result = runner.invoke(app, ["actor", "Sergey Lavrov", "--json"])
    assert result.exit_code == 0, result.output
    (profile,) = json.loads(result.stdout)["profiles"]
    assert [(o["office"], o["start"]) for o in profile["offices"]] == [
        ("Minister of Foreign Affairs of Russia", "2004-03-09")
    ]
