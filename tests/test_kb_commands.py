"""The knowledge-base commands as a user drives them: who, actor, kb check, kb import.

Most tests run on a tiny KB written to tmp_path (``--kb``); those answering from the package's
own curated data say so in their names.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.errors import DossierError
from dossier.kb.loader import KnowledgeBase
from dossier.kb.queries import actor_profile, find_actors, names_match, who_held
from dossier.model import DocumentFacts, Mention, Provenance
from dossier.store import Store
from kb_helpers import HEADS_ON_DAYS

SHARED_KB = Path(__file__).resolve().parents[2] / "shared" / "kb"
runner = CliRunner()

KB = {
    "actors": """id,name,type,country,sector,qid,aliases,source
country:RUS,Russia,country,RUS,,Q159,Russian Federation,test
country:KGZ,Kyrgyzstan,country,KGZ,,,Kyrgyz Republic,test
country:BLR,Belarus,country,BLR,,,,test
country:GEO,Georgia,country,GEO,,,,test
group:georgia-band,Georgia,group,,,,,test
person:vladimir-putin,Vladimir Putin,person,RUS,GOV,Q7747,Vladimir Vladimirovich Putin,test
person:dmitry-medvedev,Dmitry Medvedev,person,RUS,GOV,,Dmitri Medvedev,test
person:roza-otunbayeva,Roza Otunbayeva,person,KGZ,GOV,,,test
person:almazbek-atambayev,Almazbek Atambayev,person,KGZ,GOV,,Almazbek Atambaev,test
person:alexander-lukashenko,Alexander Lukashenko,person,BLR,GOV,,Alyaksandr Lukashenka|Aliaksandr Lukashenka,test
igo:eaeu,Eurasian Economic Union,igo,,IGO,,EAEU|EEU,test
""",
    "offices": """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:president-rus,President of Russia,President,leader,RUS,,head_of_state,GOV,Russian President,test
office:prime-minister-rus,Prime Minister of Russia,Prime Minister,premier|PM,RUS,,head_of_government,GOV,,test
office:president-kgz,President of Kyrgyzstan,President,,KGZ,,head_of_state,GOV,Kyrgyz President,test
office:president-blr,President of Belarus,President,,BLR,,head_of_state,GOV,,test
""",
    "terms": """office,holder,start,end,elected,acting,source
office:president-rus,person:vladimir-putin,1999-12-31,2008-05-07,,,test: putin 1
office:president-rus,person:dmitry-medvedev,2008-05-07,2012-05-07,2008-03-02,,test: medvedev
office:president-rus,person:vladimir-putin,2012-05-07,,2012-03-04,,test: putin 2
office:prime-minister-rus,person:vladimir-putin,2008-05-08,2012-05-07,,,test
office:president-kgz,person:roza-otunbayeva,2010-07-03,2011-12-01,,yes,test: otunbayeva
office:president-kgz,person:almazbek-atambayev,2011-12-01,2017-11-24,2011-10-30,,test: atambayev
office:president-blr,person:alexander-lukashenko,1994-07-20,,,,test
""",
    "memberships": """org,member,status,start,end,source
igo:eaeu,country:RUS,founder,2015-01-01,,test
igo:eaeu,country:BLR,founder,2015-01-01,,test
igo:eaeu,country:KGZ,member,2015-08-12,,test
""",
}


@pytest.fixture
def kb_files() -> dict[str, str]:
    return KB


COMMANDS = [["who"], ["actor"], ["kb", "check"], ["kb", "import"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_kb_commands_have_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: dossier" in result.output
    assert "--json" in result.output


# --- the query API ---------------------------------------------------------------------------


def test_who_held_answers_by_date_with_term_and_elect(kb: KnowledgeBase) -> None:
    answer = who_held(kb, "President of Kyrgyzstan", "2011-11-18")
    assert answer.holder.name == "Roza Otunbayeva"
    assert answer.acting and (answer.term.start, answer.term.end) == ("2010-07-03", "2011-12-01")
    assert answer.term.source == "test: otunbayeva"
    # Atambayev had won and was not yet sworn in.
    assert answer.elect.name == "Almazbek Atambayev" and answer.elect_term.elected == "2011-10-30"
    assert who_held(kb, "Kyrgyz President", "2011-12-02").holder.name == "Almazbek Atambayev"
    assert who_held(kb, "office:president-rus", "2012-05").holder.name == "Dmitry Medvedev"
    vacant = who_held(kb, "President of Kyrgyzstan", "2009-01-01")
    assert vacant.vacant and vacant.as_dict()["holder"] is None


def test_who_held_unknown_office_suggests_close_names(kb: KnowledgeBase) -> None:
    with pytest.raises(DossierError) as caught:
        who_held(kb, "President of Kyrgystan", "2011-11-18")
    assert caught.value.code.value == "K002"
    assert "did you mean 'President of Kyrgyzstan'" in str(caught.value)
    with pytest.raises(ValueError, match="not an ISO date"):
        who_held(kb, "President of Russia", "18/11/2011")


def test_actor_profile_offices_memberships_members(kb: KnowledgeBase) -> None:
    putin = actor_profile(kb, "Vladimir Vladimirovich Putin")
    assert [(s.office, s.start, s.end) for s in putin.offices] == [
        ("President of Russia", "1999-12-31", "2008-05-07"),
        ("Prime Minister of Russia", "2008-05-08", "2012-05-07"),
        ("President of Russia", "2012-05-07", None),
    ]
    russia = actor_profile(kb, "Russian Federation")
    assert [(m.org, m.status) for m in russia.memberships] == [
        ("Eurasian Economic Union", "founder")
    ]
    eaeu = actor_profile(kb, "EEU")
    assert [(m.member, m.start) for m in eaeu.members] == [
        ("Belarus", "2015-01-01"),
        ("Russia", "2015-01-01"),
        ("Kyrgyzstan", "2015-08-12"),
    ]


def test_actor_lookup_by_surname_transliteration_and_ambiguity(kb: KnowledgeBase) -> None:
    lukashenko = actor_profile(kb, "Lukashenka")
    assert (lukashenko.actor.name, lukashenko.matched_by) == ("Alexander Lukashenko", "surname")
    assert [s.office for s in lukashenko.offices] == ["President of Belarus"]
    assert actor_profile(kb, "Otunbaeva").matched_by == "similar surname"
    georgia = actor_profile(kb, "Georgia")
    assert georgia.ambiguous
    assert [a.id for a in georgia.candidates] == ["country:GEO", "group:georgia-band"]
    assert find_actors(kb, "nobody at all") == ([], "")
    with pytest.raises(DossierError, match="did you mean 'Vladimir Putin'"):
        actor_profile(kb, "Vladimir Puttin")


def test_names_match_surnames_across_transliterations(kb: KnowledgeBase) -> None:
    atambayev = kb.actor("person:almazbek-atambayev")
    assert names_match("Atambaev", atambayev) and names_match("Almazbek Atambayev", atambayev)
    assert not names_match("Otunbayeva", atambayev)
    assert names_match("Lukashenko", kb.actor("person:alexander-lukashenko"))


# --- who -------------------------------------------------------------------------------------


def test_who_command_on_a_tiny_kb(kb_dir: Path) -> None:
    result = runner.invoke(
        app, ["who", "President of Kyrgyzstan", "--on", "2011-11-18", "--kb", str(kb_dir)]
    )
    assert result.exit_code == 0, result.output
    assert "Roza Otunbayeva" in result.output and "acting" in result.output
    assert "Almazbek Atambayev (elected 2011-10-30" in result.output
    result = runner.invoke(
        app, ["who", "Russian President", "--on", "2012-05-08", "--kb", str(kb_dir), "--json"]
    )
    record = json.loads(result.stdout)
    assert (record["holder"], record["start"], record["acting"]) == (
        "Vladimir Putin",
        "2012-05-07",
        False,
    )


def test_who_unknown_office_exits_2_with_a_suggestion(kb_dir: Path) -> None:
    result = runner.invoke(
        app, ["who", "President of Rusia", "--on", "2011-11-18", "--kb", str(kb_dir)]
    )
    assert result.exit_code == 2
    assert "K002" in result.stderr and "President of Russia" in result.stderr
    bad_date = runner.invoke(
        app, ["who", "President of Russia", "--on", "tomorrow", "--kb", str(kb_dir)]
    )
    assert bad_date.exit_code == 2 and "not an ISO date" in bad_date.stderr


@pytest.mark.parametrize(("office", "day", "holder"), HEADS_ON_DAYS)
def test_who_answers_from_the_package_kb(office: str, day: str, holder: str) -> None:
    result = runner.invoke(app, ["who", office, "--on", day, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["holder"] == holder


def test_who_unknown_office_in_the_package_kb_suggests() -> None:
    result = runner.invoke(app, ["who", "President of Kyrgystan", "--on", "2011-11-18"])
    assert result.exit_code == 2
    assert "did you mean" in result.stderr and "President of Kyrgyzstan" in result.stderr


# --- actor -----------------------------------------------------------------------------------


def test_actor_command_without_a_store(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No store named and none at ./dossier.db: the knowledge base answers, and says why no
    # mentions are shown. A store named with --db that does not exist is refused.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOSSIER_DB", raising=False)
    result = runner.invoke(app, ["actor", "Lukashenka", "--kb", str(kb_dir)])
    assert result.exit_code == 0, result.output
    assert "Alexander Lukashenko" in result.output
    assert "President of Belarus" in result.output and "1994-07-20" in result.output
    assert "no store at" in result.output
    missing = tmp_path / "none" / "dossier.db"
    named = runner.invoke(app, ["actor", "Lukashenka", "--kb", str(kb_dir), "--db", str(missing)])
    assert named.exit_code == 2 and "S003" in named.stderr and str(missing) in named.stderr
    assert not missing.parent.exists()  # looking an actor up creates no store


def test_actor_command_ambiguous_and_unknown(kb_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    Store.open(db).close()
    result = runner.invoke(app, ["actor", "Georgia", "--kb", str(kb_dir), "--db", db])
    assert result.exit_code == 0
    assert "may mean 2 actors" in result.output and "group:georgia-band" in result.output
    unknown = runner.invoke(app, ["actor", "Vladimir Puttin", "--kb", str(kb_dir), "--db", db])
    assert unknown.exit_code == 2 and "Vladimir Putin" in unknown.stderr


def _add_mentions(db: str, make_document: Callable[..., Any], actor_id: str, times: int) -> str:
    """Store one document with ``times`` mentions of ``actor_id``, through the fact writer."""
    document = make_document(
        f"Lukashenko met Putin in Minsk. ({actor_id} {times})", title="Minsk talks"
    )
    mentions = tuple(
        Mention(
            "L",
            n,
            n + 1,
            "PERSON",
            actor_id,
            "someone",
            provenance=Provenance(document.doc_id, n, n + 1, n, n + 1, 0, "test_linker", "1"),
        )
        for n in range(times)
    )
    with Store.open(db) as store:
        store.add_documents([(document, None)])
        store.write_facts(DocumentFacts(document.doc_id, {"test_linker": "1"}, mentions))
    return document.doc_id


def test_actor_command_counts_mentions_per_document(
    kb_dir: Path, tmp_path: Path, make_document: Callable[..., Any]
) -> None:
    db = str(tmp_path / "store.db")
    doc_id = _add_mentions(db, make_document, "person:alexander-lukashenko", 3)
    _add_mentions(db, make_document, "person:vladimir-putin", 1)
    result = runner.invoke(app, ["actor", "Lukashenka", "--kb", str(kb_dir), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert [(m["doc_id"], m["mentions"]) for m in record["mentions"]] == [(doc_id, 3)]
    assert record["mentions"][0]["title"] == "Minsk talks"
    assert record["profiles"][0]["offices"][0]["office"] == "President of Belarus"
    table = runner.invoke(app, ["actor", "Lukashenka", "--kb", str(kb_dir), "--db", db])
    assert "documents mentioning Lukashenka" in table.output and doc_id in table.output


def test_actor_command_notes_a_store_without_mentions(kb_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    Store.open(db).close()
    result = runner.invoke(app, ["actor", "Lukashenka", "--kb", str(kb_dir), "--db", db])
    assert result.exit_code == 0, result.output
    assert "no mentions stored yet: run dossier annotate" in result.output


def test_actor_lukashenka_in_the_package_kb(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    Store.open(db).close()
    result = runner.invoke(app, ["actor", "Lukashenka", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Alexander Lukashenko" in result.output and "President of Belarus" in result.output
    record = json.loads(runner.invoke(app, ["actor", "Lukashenka", "--db", db, "--json"]).stdout)
    assert record["profiles"][0]["name"] == "Alexander Lukashenko"
    assert ("President of Belarus", "1994-07-20") in [
        (o["office"], o["start"]) for o in record["profiles"][0]["offices"]
    ]


# --- kb check and kb import ----------------------------------------------------------------------


def test_kb_check_counts(kb_dir: Path) -> None:
    result = runner.invoke(app, ["kb", "check", "--kb", str(kb_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"] == {
        "actors": 11,
        "offices": 4,
        "terms": 7,
        "memberships": 3,
        "places": 0,
        "demonyms": 0,
    }


def test_kb_check_reports_an_invalid_kb(kb_dir: Path) -> None:
    (kb_dir / "terms_bad.csv").write_text(
        "office,holder,start,end,elected,acting,source\noffice:nope,person:vladimir-putin,2000,,,,x\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["kb", "check", "--kb", str(kb_dir)])
    assert result.exit_code == 2
    assert "K001" in result.stderr and "terms_bad.csv#L2" in result.stderr


def test_kb_check_cross_checks_leaders(kb_dir: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared_kb"
    (shared / "reign").mkdir(parents=True)
    (shared / "archigos").mkdir()
    (shared / "ngec_polecat").mkdir()
    (shared / "reign" / "leaderlist_3_21.csv").write_bytes(
        b"stateabb,ccode,leadid,leader,sdate,smonth,syear,emonth,eyear\n"
        b"BLR,370,x,Lukashenko,20,7,1994,,,\n"
        b"KYR,703,x,Atambayev,1,12,2011,11,2017\n"
        b"KYR,703,x,Sooronbay Jeenbekov,24,11,2017,10,2020\n"
    )
    (shared / "archigos" / "archigos_4.1.csv").write_text(
        "obsid,leadid,ccode,idacr,leader,startdate,eindate,enddate,eoutdate,entry,exit\n"
        "RUS-2000,x,365,RUS,Putin,2000-01-01,,2015-12-31,,Regular,Still in Office\n",
        encoding="utf-8",
    )
    (shared / "ngec_polecat" / "cow2iso.txt").write_text(
        "cow_id,cow3,iso_id,iso2,iso3,valid_from,valid_until\n"
        "365,RUS,643,RU,RUS,1992,\n370,BLR,112,BY,BLR,1992,\n703,KYR,417,KG,KGZ,1992,\n",
        encoding="utf-8",
    )
    check = ["kb", "check", "--kb", str(kb_dir), "--leaders-from", str(shared)]
    result = runner.invoke(app, check)
    assert result.exit_code == 0, result.output
    assert "REIGN: 3 spells" in result.output and "Archigos: 1 spells" in result.output
    assert "KGZ: 3 disagreements" in result.output
    assert "Jeenbekov" in result.output

    def disagreements(country: str) -> list[dict[str, Any]]:
        as_json = runner.invoke(app, [*check, "--json", "--country", country])
        return json.loads(as_json.stdout)["disagreements"]

    assert disagreements("rus") == []
    assert [(d["day"], d["dataset_leader"], d["kind"]) for d in disagreements("KGZ")] == [
        ("2017-11-24", "Sooronbay Jeenbekov", "different person"),
        ("2019-04-29", "Sooronbay Jeenbekov", "missing in curated"),
        ("2020-10-01", "Sooronbay Jeenbekov", "missing in curated"),
    ]
    missing = runner.invoke(
        app, ["kb", "check", "--kb", str(kb_dir), "--leaders-from", str(tmp_path)]
    )
    assert missing.exit_code == 2 and "leaderlist" in missing.stderr


def test_kb_import_phoenix_and_geonames(tmp_path: Path) -> None:
    phoenix = tmp_path / "Phoenix.Countries.actors.txt"
    phoenix.write_text(
        "KYRGYZSTAN_  [KGZ]\n+BISHKEK_\nROZA_OTUNBAYEVA_  # CountryInfo.txt\n+ROZA_OTUNBAEVA_\n"
        "\t[KGZGOV 100407-111201]\n\t[KGZELI]\nBAD_  # CountryInfo.txt\n\t[KGZGOV 1204]\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["kb", "import", "phoenix", str(phoenix), "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["rows"] == {"actors": 2, "roles": 1}
    assert record["unread"] == 2  # the bad date, and so an entry left with no code
    assert "#L8: unknown date restriction" in result.stderr
    assert "person:roza-otunbayeva,Roza Otunbayeva,person,KGZ,ELI,,Roza Otunbaeva" in (
        out / "actors_phoenix.csv"
    ).read_text(encoding="utf-8")

    cities = tmp_path / "cities15000.txt"
    cities.write_text(
        "1528675\tBishkek\tBishkek\tFrunze,Бишкек\t42.87\t74.59\tP\tPPLC\tKG\t\t01\t\t\t\t1074075\t\t781\tAsia/Bishkek\t2025-01-01\n",
        encoding="utf-8",
    )
    (tmp_path / "countryInfo.tsv").write_text("#ISO\tISO3\nKG\tKGZ\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "import", "geonames", str(cities), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Bishkek,Frunze,KGZ,capital,gov:KGZ,1528675" in (out / "places_geonames.csv").read_text(
        encoding="utf-8"
    )


def test_kb_import_refuses_the_package_and_unknown_sources(tmp_path: Path) -> None:
    phoenix = tmp_path / "p.txt"
    phoenix.write_text("RUSSIA_  [RUS]\n", encoding="utf-8")
    package = Path(__file__).resolve().parents[1] / "src" / "dossier" / "kb" / "data"
    result = runner.invoke(app, ["kb", "import", "phoenix", str(phoenix), "--out", str(package)])
    assert result.exit_code == 2 and "curated knowledge base" in result.stderr
    assert not (package / "actors_phoenix.csv").exists()
    other = runner.invoke(app, ["kb", "import", "wikidata", str(phoenix), "--out", str(tmp_path)])
    assert other.exit_code == 2 and "phoenix or geonames" in other.stderr


@pytest.mark.shared
def test_kb_check_against_shared_leaders_on_the_package_kb() -> None:
    if not (SHARED_KB / "reign").is_dir():
        pytest.skip(f"{SHARED_KB} absent")
    result = runner.invoke(app, ["kb", "check", "--leaders-from", str(SHARED_KB), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["counts"]["terms"] > 0
    assert {d["dataset"] for d in record["datasets"]} == {"REIGN", "Archigos"}
    print(f"{len(record['disagreements'])} disagreements")
