"""The knowledge base loader: validation that names file and line, and time-aware lookups."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.kb.gazetteer import GazetteerEntry, load_gazetteer
from dossier.kb.loader import KnowledgeBase, normalise_name

ACTORS = """id,name,type,country,sector,qid,aliases,source
country:RUS,Russia,country,RUS,,Q159,Russian Federation,test
country:KAZ,Kazakhstan,country,KAZ,,,,test
gov:RUS,Government of Russia,government,RUS,GOV,,Russian government,test
person:dmitry-medvedev,Dmitry Medvedev,person,RUS,GOV,,Dmitri Medvedev,test
person:vladimir-putin,Vladimir Putin,person,RUS,GOV,,,test
igo:eaeu,Eurasian Economic Union,igo,,IGO,,EAEU|EEU,test
"""
OFFICES = """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:president-rus,President of Russia,President,leader,RUS,,head_of_state,GOV,Russian President,test
office:prime-minister-rus,Prime Minister of Russia,Prime Minister,premier|PM,RUS,,head_of_government,GOV,,test
"""
TERMS = """office,holder,start,end,elected,acting,source
office:president-rus,person:vladimir-putin,2000-05-07,2008-05-07,,,test
office:president-rus,person:dmitry-medvedev,2008-05-07,2012-05-07,2008-03-02,,test
office:president-rus,person:vladimir-putin,2012-05-07,,2012-03-04,,test
office:prime-minister-rus,person:vladimir-putin,2008-05-08,2012-05-07,,,test
"""
MEMBERSHIPS = """org,member,status,start,end,source
igo:eaeu,country:RUS,founder,2015-01-01,,test
igo:eaeu,country:KAZ,founder,2015-01,,test
"""
PLACES = """name,aliases,country,kind,stands_for,geonames_id,source
Moscow,Moskva,RUS,capital,gov:RUS,524901,test
"""
DEMONYMS = """country,adjectives,demonyms,source
KAZ,Kazakh|Kazakhstani,Kazakhs,test
"""


#: Writes a knowledge-base folder (the ``write_kb`` fixture).
WriteKb = Callable[[Path, dict[str, str]], Path]

KB_FILES = {
    "actors": ACTORS,
    "offices": OFFICES,
    "terms": TERMS,
    "memberships": MEMBERSHIPS,
    "places": PLACES,
    "demonyms": DEMONYMS,
}


def test_lookups_answer_by_date(tmp_path: Path, write_kb: WriteKb) -> None:
    kb = KnowledgeBase.load(write_kb(tmp_path / "kb", KB_FILES))
    assert kb.holder("President of Russia", "2011-11-18").name == "Dmitry Medvedev"
    assert kb.holder("Russian President", "2012-05-08").name == "Vladimir Putin"
    # On the handover day the incoming holder answers.
    assert kb.holder("office:president-rus", "2012-05-07").name == "Vladimir Putin"
    assert kb.holder("President of Russia", "1999-01-01") is None
    assert kb.elect("President of Russia", "2012-03-10").name == "Vladimir Putin"
    assert kb.elect("President of Russia", "2012-06-01") is None
    assert [o.name for o in kb.offices_held("person:vladimir-putin", "2011-11-18")] == [
        "Prime Minister of Russia"
    ]
    assert [o.id for o in kb.offices_with_title("premier", "RUS")] == ["office:prime-minister-rus"]
    assert [a.id for a in kb.find_actors("the russian government")] == ["gov:RUS"]
    assert kb.find_actors("EEU")[0].name == "Eurasian Economic Union"
    assert kb.place("moskva").stands_for == "gov:RUS"
    assert kb.country_of_adjective("KAZAKH") == "KAZ"
    assert kb.country_of_people_noun("Kazakhs") == "KAZ"
    # A month-precision start covers from the month's first day.
    assert {a.id for a in kb.members("igo:eaeu", "2015-01-01")} == {"country:RUS", "country:KAZ"}
    assert kb.members("igo:eaeu", "2014-12-31") == []


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        (
            "terms",
            TERMS + "office:president-rus,person:dmitry-medvedev,2010-01-01,2011-01-01,,,t\n",
            "overlapping terms in office:president-rus",
        ),
        (
            "terms",
            TERMS + "office:president-xyz,person:vladimir-putin,2000-01-01,,,,t\n",
            "unknown office 'office:president-xyz'",
        ),
        (
            "terms",
            TERMS + "office:president-rus,country:RUS,2030-01-01,,,,t\n",
            "is not a known person",
        ),
        ("terms", TERMS.replace("2008-05-08", "2008-13-08"), "bad date '2008-13-08'"),
        ("actors", ACTORS + "person:x,X,person,XXX,GOV,,,t\n", "unknown country XXX"),
        ("actors", ACTORS + "person:y,Y,person,RUS,BOSS,,,t\n", "unknown sector code 'BOSS'"),
        ("actors", ACTORS + "country:RUS,Russia again,country,RUS,,,,t\n", "duplicate actor id"),
        (
            "memberships",
            MEMBERSHIPS + "igo:nato,country:RUS,member,1997-01-01,,t\n",
            "unknown organisation 'igo:nato'",
        ),
        ("places", PLACES + "Kyiv,Kiev,UKR,capital,gov:UKR,,t\n", "unknown country 'UKR'"),
    ],
)
def test_validation_stops_with_file_and_line(
    tmp_path: Path, write_kb: WriteKb, kind: str, text: str, message: str
) -> None:
    folder = write_kb(tmp_path / "kb", {**KB_FILES, kind: text})
    with pytest.raises(DossierError, match="K001") as raised:
        KnowledgeBase.load(folder)
    assert message in str(raised.value)
    if "overlapping" not in message:
        assert f"{kind}.csv#L" in str(raised.value)


def test_normalised_names_ignore_accents_case_and_the() -> None:
    assert normalise_name("The  Kremlin") == "kremlin"
    assert normalise_name("Chișinău") == "chisinau"
    assert normalise_name("Russia’s") == normalise_name("Russia's")


# --- the NER gazetteer --------------------------------------------------------------------------

GAZETTEER = "name,label,kind,source\nMoldova,GPE,country,test\n\nMoldovan,NORP,demonym,test\n"


def test_gazetteer_of_a_kb_folder_in_file_order(tmp_path: Path) -> None:
    assert load_gazetteer(str(tmp_path)) == ()  # a folder without one has an empty gazetteer
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "ner_gazetteer.csv").write_text(GAZETTEER, encoding="utf-8")
    assert load_gazetteer(str(folder)) == (
        GazetteerEntry("Moldova", "GPE", "country", "test"),
        GazetteerEntry("Moldovan", "NORP", "demonym", "test"),
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",GPE,country,test", "no name"),
        ("Ruritania,PLACE,country,test", "label 'PLACE' not one of ['GPE', 'LOC', 'NORP']"),
        ("Ruritania,GPE,planet,test", "kind 'planet' not one of"),
        ("Ruritania,GPE,country,", "no source"),
    ],
)
def test_a_bad_gazetteer_row_is_reported_with_file_and_line(
    tmp_path: Path, row: str, message: str
) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "ner_gazetteer.csv").write_text(GAZETTEER + row + "\n", encoding="utf-8")
    with pytest.raises(DossierError, match="K001") as raised:
        load_gazetteer(str(folder))
    assert "ner_gazetteer.csv#L5: gazetteer row" in str(raised.value)
    assert message in str(raised.value)
