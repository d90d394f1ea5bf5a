"""The second tier's dated government spells as terms of collective offices.

Phoenix codes a person's government spells with dates ("[KGZGOV 091101-100731]"). They become
terms of one collective office per country and CAMEO sector ("Member of the Government of
Kyrgyzstan"), so a name only the second tier knows links to a dated actor: its role at the
document's date, ``dossier who`` listing everyone in government that day, ``dossier actor``
showing the spells as offices over time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.kb.importers.phoenix import import_phoenix
from dossier.kb.importers.tier import second_tier_rows, second_tier_terms
from dossier.kb.loader import KnowledgeBase, default_kb
from dossier.kb.queries import who_held
from dossier.kb.records import COLLECTIVE_OFFICE_KINDS
from dossier.nlp import DEFAULT_CONFIG, load_pipeline
from linking_helpers import link_text, write_kb

# Invented people with CAMEO codes, written here for the test.
PHOENIX = """\
KYRGYZSTAN_  [KGZ]
ASKAR_TESTBEKOV_  # CountryInfo.txt
\t[KGZGOV 091101-100731]
\t[KGZGOVMIL 100801-120101]
NURLAN_EXAMPLOV_  # CountryInfo.txt
\t[KGZGOV <091101]
\t[KGZELI]
"""


@pytest.fixture(scope="module")
def tier(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, list, list]:
    path = tmp_path_factory.mktemp("phoenix") / "actors.txt"
    path.write_text(PHOENIX, encoding="utf-8")
    phoenix = import_phoenix(path)
    curated = KnowledgeBase.load(second_tier=False)
    actors = second_tier_rows(phoenix, curated)
    offices, terms = second_tier_terms(phoenix, actors, curated)
    return actors, offices, terms


def test_each_dated_spell_is_a_term_of_its_countrys_collective_office(tier) -> None:
    _, offices, terms = tier
    by_id = {o["id"]: o for o in offices}
    assert by_id["office:phoenix-gov-kgz"]["name"] == "Member of the Government of Kyrgyzstan"
    assert by_id["office:phoenix-gov-kgz-mil"]["name"].endswith("(military)")
    assert {o["kind"] for o in offices} == {"member"}
    spells = sorted((t["office"], t["start"], t["end"]) for t in terms)
    assert spells == [
        ("office:phoenix-gov-kgz", "2009-11-01", "2010-07-31"),
        ("office:phoenix-gov-kgz-mil", "2010-08-01", "2012-01-01"),
    ]


def test_a_spell_with_no_start_is_no_term(tier) -> None:
    # "[KGZGOV <091101]": until a day, from no known day: only the source text keeps it.
    _, _, terms = tier
    assert all(t["holder"] != "person:nurlan-examplov" for t in terms)


def test_the_package_second_tier_gives_its_people_dated_offices() -> None:
    kb = default_kb()
    collective = [o for o in kb.offices.values() if o.kind in COLLECTIVE_OFFICE_KINDS]
    assert len(collective) > 100
    holders = {t.holder for o in collective for t in kb.terms_in(o.id)}
    assert holders and holders <= kb.second_tier
    person = sorted(holders)[0]
    term = kb.terms_of(person)[0]
    assert [o.id for o in kb.offices_held(person, term.start)] == [term.office]
    assert kb.offices_held(person, "1800-01-01") == []


def test_who_lists_every_member_of_a_collective_office_and_no_single_holder() -> None:
    kb = default_kb()
    office = "office:phoenix-gov-kgz"
    day = max(t.start for t in kb.terms_in(office))
    answer = who_held(kb, office, day)
    expected = {t.holder for t in kb.holders(office, day)}
    assert len(expected) > 1
    assert answer.holder is None and not answer.vacant
    assert {actor.id for actor, _ in answer.members} == expected
    assert kb.holder(office, day) is None


def test_who_on_the_command_line_shows_the_members(tmp_path: Path) -> None:
    kb = default_kb()
    office = kb.offices["office:phoenix-gov-kgz"]
    day = max(t.start for t in kb.terms_in(office.id))
    result = CliRunner().invoke(app, ["who", office.name, "--on", day, "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["holder"] is None
    assert len(answer["members"]) == len(kb.holders(office.id, day))


def test_overlapping_terms_are_refused_except_in_a_collective_office(tmp_path: Path) -> None:
    actors = (
        "id,name,type,country,sector,qid,aliases,source\n"
        "country:KGZ,Kyrgyzstan,country,KGZ,,,,test\n"
        "person:a-one,Aybek One,person,KGZ,GOV,,,test\n"
        "person:b-two,Bolot Two,person,KGZ,GOV,,,test\n"
    )
    terms = (
        "office,holder,start,end,elected,acting,source\n"
        "office:x,person:a-one,2010-01-01,2012-01-01,,,test\n"
        "office:x,person:b-two,2011-01-01,2013-01-01,,,test\n"
    )
    for kind, loads in (("member", True), ("minister", False)):
        office = (
            "id,name,title,title_aliases,country,org,kind,sector,aliases,source\n"
            f"office:x,Member of the Test Cabinet,cabinet member,,KGZ,,{kind},GOV,,test\n"
        )
        folder = tmp_path / kind
        folder.mkdir()
        write_kb(folder, {"actors": actors, "offices": office, "terms": terms})
        if loads:
            assert len(KnowledgeBase.load(folder).holders("office:x", "2011-06-01")) == 2
        else:
            with pytest.raises(Exception, match="overlapping terms"):
                KnowledgeBase.load(folder)


def test_a_second_tier_person_is_linked_with_the_role_held_on_the_documents_date() -> None:
    kb = default_kb()
    term = next(t for t in kb.terms if t.office == "office:phoenix-gov-kgz" and t.end)
    person = kb.actors[term.holder]
    nlp = load_pipeline(DEFAULT_CONFIG)
    text = f"Officials met in Bishkek on Monday. {person.name} said the talks would go on."
    inside = link_text(nlp, text, term.start)
    after = link_text(nlp, text, "2024-06-01")
    found = [m for m in inside if m.actor == person.name]
    assert found and found[0].role == kb.offices[term.office].name
    assert [m.role for m in after if m.actor == person.name] == [None]


def test_a_collective_office_title_makes_no_role_phrase() -> None:
    # "government member" names no one: the linker must not pick one of hundreds of holders.
    nlp = load_pipeline(DEFAULT_CONFIG)
    kb = default_kb()
    day = max(t.start for t in kb.terms_in("office:phoenix-gov-kgz"))
    mentions = link_text(nlp, "A Kyrgyz government member said the talks would go on.", day)
    assert all(m.actor not in {kb.actors[t.holder].name for t in kb.terms} for m in mentions)
