"""Linking organisations: an organisation named inside a title is a mention of its own, not its
office holder; a chamber or an army named by its capitalised short name ("the House", "a Senate
vote", "an Army offensive") is the one of the country the text is about; and the package KB knows
the committees and caucuses of legislatures, "the West", and the news organisations articles cite.

Each test is one kind of error seen on real articles, written on sentences of our own. The rule
tests use a KB written here (``kb_dir``); the ``test_package_kb_*`` tests check the package's own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.evaluate.mentions import run_document
from dossier.model import Mention
from dossier.nlp import PipelineConfig, load_pipeline
from linking_helpers import find

ACTORS = """id,name,type,country,sector,qid,aliases,source
country:USA,United States,country,USA,,,U.S.|US,test
country:UKR,Ukraine,country,UKR,,,,test
country:RUS,Russia,country,RUS,,,,test
gov:USA,Government of the United States,government,USA,GOV,,U.S. government,test
gov:UKR,Government of Ukraine,government,UKR,GOV,,Ukrainian government,test
agency:usa-senate,United States Senate,agency,USA,LEG,,U.S. Senate,test
agency:usa-house,United States House of Representatives,agency,USA,LEG,,U.S. House,test
agency:usa-army,United States Army,agency,USA,MIL,,U.S. Army,test
agency:ukr-armed-forces,Armed Forces of Ukraine,agency,UKR,MIL,,Ukrainian army|Ukrainian military,test
agency:usa-treasury,United States Department of the Treasury,agency,USA,GOV,,Treasury Department,test
agency:usa-ways-and-means,United States House Committee on Ways and Means,agency,USA,LEG,,Ways and Means Committee|House Ways and Means Committee,test
person:richard-neal,Richard Neal,person,USA,LEG,,,test
person:monica-crowley,Monica Crowley,person,USA,GOV,,,test
"""
OFFICES = """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:chair-ways-and-means-usa,Chairman of the House Ways and Means Committee,Ways and Means Committee chairman,,USA,,legislator,LEG,,test
office:spokesperson-treasury-usa,Spokesperson for the United States Department of the Treasury,Treasury Department spokesman,Treasury Department spokeswoman,USA,,other,GOV,,test
"""
TERMS = """office,holder,start,end,elected,acting,source
office:chair-ways-and-means-usa,person:richard-neal,2019-01-03,2023-01-03,,,test
office:spokesperson-treasury-usa,person:monica-crowley,2019-08-01,2021-01-20,,,test
"""
DEMONYMS = """country,adjectives,demonyms,source
USA,American,Americans,test
UKR,Ukrainian,Ukrainians,test
RUS,Russian,Russians,test
"""


@pytest.fixture(scope="module")
def kb_dir(
    tmp_path_factory: pytest.TempPathFactory, write_kb: Callable[[Path, dict[str, str]], Path]
) -> str:
    files = {
        "actors": ACTORS,
        "offices": OFFICES,
        "terms": TERMS,
        "memberships": "org,member,status,start,end,source\n",
        "places": "name,aliases,country,kind,stands_for,geonames_id,source\n",
        "demonyms": DEMONYMS,
    }
    return str(write_kb(tmp_path_factory.mktemp("kb"), files))


@pytest.fixture(scope="module")
def nlp(kb_dir: str) -> Language:
    return load_pipeline(PipelineConfig(kb_dir=kb_dir).only_up_to("dossier_linker"))


@pytest.fixture(scope="module")
def package_nlp() -> Language:
    return load_pipeline(PipelineConfig().only_up_to("dossier_linker"))


def link(nlp: Language, text: str, date: str = "2019-11-20") -> list[Mention]:
    return list(run_document(nlp, text, date)._.dossier_mentions)


def exactly(mentions: list[Mention], text: str) -> Mention:
    """The mention whose text is ``text``."""
    for mention in mentions:
        if mention.text == text:
            return mention
    raise AssertionError(f"no mention {text!r} in {[m.text for m in mentions]}")


# --- an organisation named inside a title ----------------------------------------------------


def test_a_committee_in_a_chairmans_title_is_the_committee(nlp: Language) -> None:
    mentions = link(nlp, "Ways and Means Committee Chairman Richard Neal asked for the returns.")
    committee = exactly(mentions, "Ways and Means Committee")
    assert committee.actor == "United States House Committee on Ways and Means"
    chairman = find(mentions, "Richard Neal")
    assert chairman.actor == "Richard Neal"
    assert chairman.role == "Chairman of the House Ways and Means Committee"


def test_a_department_in_a_spokeswomans_title_is_the_department(nlp: Language) -> None:
    mentions = link(
        nlp, "The sanctions will stay, said Monica Crowley, the Treasury Department spokeswoman."
    )
    department = exactly(mentions, "Treasury Department")
    assert department.actor == "United States Department of the Treasury"
    assert find(mentions, "Monica Crowley").actor == "Monica Crowley"


def test_a_country_in_a_title_stays_part_of_the_title(nlp: Language) -> None:
    mentions = link(nlp, "U.S. Treasury Department spokeswoman Monica Crowley declined to comment.")
    assert [m.actor for m in mentions if m.text == "U.S."] == []
    assert exactly(mentions, "Treasury Department").actor == (
        "United States Department of the Treasury"
    )


def test_an_organisation_named_alone_is_the_organisation(nlp: Language) -> None:
    mentions = link(nlp, "The Ways and Means Committee subpoenaed the tax returns.")
    assert find(mentions, "Ways and Means").actor == (
        "United States House Committee on Ways and Means"
    )


# --- chambers and armies by their capitalised short names ------------------------------------


def test_the_house_and_the_senate_are_the_chambers_of_the_country(nlp: Language) -> None:
    text = (
        "American officials froze the aid to Ukraine. The House opened an inquiry, and the "
        "Senate will hold the trial."
    )
    mentions = link(nlp, text)
    assert find(mentions, "House").actor == "United States House of Representatives"
    assert find(mentions, "Senate").actor == "United States Senate"


@pytest.mark.parametrize(
    "text",
    [
        "American officials froze the aid. She obeyed a House subpoena on Friday.",
        "American officials froze the aid. She spoke to House investigators on Friday.",
    ],
)
def test_house_qualifying_a_noun_is_the_chamber(nlp: Language, text: str) -> None:
    assert find(link(nlp, text), "House").actor == "United States House of Representatives"


def test_a_lower_case_house_is_never_the_chamber(nlp: Language) -> None:
    text = "American officials froze the aid. She bought a house near the senate building."
    mentions = link(nlp, text)
    assert not [m for m in mentions if "house" in m.text.lower()]
    assert not [m for m in mentions if "senate" in m.text.lower()]


def test_the_capitalised_army_is_the_armed_forces_of_the_country(nlp: Language) -> None:
    text = "Ukrainian officials said an Army offensive retook the airport near Donetsk."
    mentions = link(nlp, text, "2014-05-26")
    assert find(mentions, "Army").actor == "Armed Forces of Ukraine"


def test_a_lower_case_army_without_a_country_names_no_one(nlp: Language) -> None:
    text = "Ukrainian officials said an army of volunteers cleared the airport near Donetsk."
    assert not [m for m in link(nlp, text, "2014-05-26") if "army" in m.text]


# --- the package KB --------------------------------------------------------------------------


#: Sentences of our own naming an organisation by the name the press uses, with that name and
#: the package KB's canonical name of the organisation: committees and caucuses of
#: legislatures, and news organisations.
PACKAGE_NAMES: dict[str, tuple[str, str]] = {
    "The House Foreign Affairs Committee will hear the envoy.": (
        "House Foreign Affairs Committee",
        "United States House Committee on Foreign Affairs",
    ),
    "The Senate Finance Committee asked for the records.": (
        "Senate Finance Committee",
        "United States Senate Committee on Finance",
    ),
    "The House Armed Services Committee approved the bill.": (
        "House Armed Services Committee",
        "United States House Committee on Armed Services",
    ),
    "The Senate Banking Committee backed new sanctions.": (
        "Senate Banking Committee",
        "United States Senate Committee on Banking, Housing, and Urban Affairs",
    ),
    "The House Oversight and Government Reform Committee met in 2015.": (
        "Oversight and Government Reform Committee",
        "United States House Committee on Oversight and Reform",
    ),
    "House Democrats voted to go on.": ("House Democrats", "House Democratic Caucus"),
    "Senate Republicans blocked the motion.": (
        "Senate Republicans",
        "Senate Republican Conference",
    ),
    "The Duma Defence Committee met in Moscow.": (
        "Duma Defence Committee",
        "State Duma Committee on Defence",
    ),
    "An official said so in an email to The Hill.": ("Hill", "The Hill (newspaper)"),
    "Ukrainska Pravda reported the raid.": ("Ukrainska Pravda", "Ukrainska Pravda"),
    "Der Spiegel reported the talks.": ("Spiegel", "Der Spiegel"),
    "Sky News showed the convoy.": ("Sky News", "Sky News"),
    "The Moscow Times reported the arrest.": ("Moscow Times", "The Moscow Times"),
}


@pytest.mark.parametrize("text", list(PACKAGE_NAMES))
def test_package_kb_knows_committees_caucuses_and_news_organisations(
    package_nlp: Language, text: str
) -> None:
    name, actor = PACKAGE_NAMES[text]
    mention = find(link(package_nlp, text), name)
    assert (mention.actor, mention.actor_id is not None) == (actor, True)


@pytest.mark.parametrize(
    "text", ["The West imposed sanctions on Moscow.", "Western governments imposed sanctions."]
)
def test_package_kb_knows_the_west(package_nlp: Language, text: str) -> None:
    assert find(link(package_nlp, text, "2014-08-28"), "West").actor == "Western world"


def test_package_kb_the_west_does_not_swallow_longer_place_names(package_nlp: Language) -> None:
    text = "Settlers moved into the West Bank, and he flew to West Virginia."
    mentions = link(package_nlp, text, "2014-08-28")
    assert not [m for m in mentions if m.actor == "Western world"]


# --- a body named by its chair ---------------------------------------------------------------


def test_a_chairs_panel_is_the_body_the_chair_heads(nlp: Language) -> None:
    text = "Richard Neal wants the returns. Neal's panel asked the Treasury Department again."
    panel = exactly(link(nlp, text), "Neal's panel")
    assert panel.actor == "United States House Committee on Ways and Means"


def test_the_panel_of_someone_who_chairs_nothing_names_no_body(nlp: Language) -> None:
    text = "Monica Crowley spoke. Crowley's panel of experts met on Friday."
    assert not [m for m in link(nlp, text) if m.text.endswith("panel")]


# --- organisations that share a name ---------------------------------------------------------


def test_a_committee_name_two_chambers_share_is_the_one_of_the_chamber_named_last(
    package_nlp: Language,
) -> None:
    text = (
        "The Senate Judiciary Committee heard the nominee, who went before the Judiciary Committee "
        "again. House Democrats said the Judiciary Committee would act too."
    )
    mentions = [m for m in link(package_nlp, text) if m.text == "Judiciary Committee"]
    assert [m.actor for m in mentions] == [
        "United States Senate Committee on the Judiciary",
        "United States House Committee on the Judiciary",
    ]


def test_two_bodies_joined_by_and_are_two_mentions(package_nlp: Language) -> None:
    text = (
        "The chairmen of the Senate Committee on Finance and Committee on Homeland Security and "
        "Governmental Affairs asked for the records."
    )
    mentions = link(package_nlp, text, "2020-02-05")
    assert exactly(mentions, "Senate Committee on Finance").actor == (
        "United States Senate Committee on Finance"
    )
    assert find(mentions, "Homeland Security").actor == (
        "United States Senate Committee on Homeland Security and Governmental Affairs"
    )


def test_a_short_name_after_the_full_one_repeats_the_organisation(package_nlp: Language) -> None:
    story = "House Democrats released two more transcripts on Monday. Hours later, Democrats "
    story += "said more would follow, and Republicans objected."
    actors = {m.text: m.actor for m in link(package_nlp, story)}
    assert (actors["Democrats"], actors["Republicans"]) == (
        "House Democratic Caucus",
        "Republican Party (United States)",
    )


def test_a_name_inside_a_joined_name_is_no_short_name_of_it(package_nlp: Language) -> None:
    mentions = link(package_nlp, "Senators wrote to the State and Treasury Departments in May.")
    treasury = [m.actor for m in mentions if m.text.startswith("Treasury")]
    assert treasury == ["United States Department of the Treasury"]
