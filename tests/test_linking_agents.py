"""Linking the agents of real news: a country that acts is its government, an institution named
by its function is the one of the country the text is about, abbreviated titles, spelling
variants, and organisations qualified by their country.

Each test is one kind of error seen on real articles, written on sentences of our own. The KB is
written here (``kb_dir``), so the tests say what the rules do whatever the curators add.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.evaluate.mentions import run_document
from dossier.model import Mention
from dossier.nlp import PipelineConfig, load_pipeline

ACTORS = """id,name,type,country,sector,qid,aliases,source
country:RUS,Russia,country,RUS,,,Russian Federation,test
country:UKR,Ukraine,country,UKR,,,,test
country:KAZ,Kazakhstan,country,KAZ,,,,test
country:BLR,Belarus,country,BLR,,,,test
country:USA,United States,country,USA,,,U.S.|US,test
country:POL,Poland,country,POL,,,,test
country:MDA,Moldova,country,MDA,,,,test
gov:RUS,Government of Russia,government,RUS,GOV,,Russian government,test
gov:UKR,Government of Ukraine,government,UKR,GOV,,Ukrainian government,test
gov:KAZ,Government of Kazakhstan,government,KAZ,GOV,,,test
gov:BLR,Government of Belarus,government,BLR,GOV,,,test
gov:USA,Government of the United States,government,USA,GOV,,U.S. government,test
org:gazprom,Gazprom,company,RUS,BUS,,,test
org:naftogaz,Naftogaz,company,UKR,BUS,,Naftogaz of Ukraine,test
agency:rus-mfa,Ministry of Foreign Affairs (Russia),agency,RUS,GOV,,Russian Foreign Ministry|Foreign Ministry of Russia,test
agency:ukr-mfa,Ministry of Foreign Affairs (Ukraine),agency,UKR,GOV,,Ukrainian Foreign Ministry,test
agency:rus-mod,Ministry of Defence (Russia),agency,RUS,MIL,,Russian Defence Ministry,test
agency:ukr-mod,Ministry of Defence (Ukraine),agency,UKR,MIL,,Ukrainian Defence Ministry,test
agency:rus-armed-forces,Russian Armed Forces,agency,RUS,MIL,,Armed Forces of Russia|Russian military,test
agency:ukr-armed-forces,Armed Forces of Ukraine,agency,UKR,MIL,,Ukrainian Armed Forces|Ukrainian military,test
agency:rus-duma,State Duma,agency,RUS,LEG,,Russian parliament,test
agency:ukr-rada,Verkhovna Rada,agency,UKR,LEG,,Ukrainian parliament,test
agency:rus-investigative-committee,Investigative Committee of Russia,agency,RUS,JUD,,,test
person:volodymyr-zelensky,Volodymyr Zelensky,person,UKR,GOV,,,test
person:alexander-lukashenko,Alexander Lukashenko,person,BLR,GOV,,,test
person:nursultan-nazarbayev,Nursultan Nazarbayev,person,KAZ,GOV,,,test
person:sergei-shoigu,Sergei Shoigu,person,RUS,GOV,,,test
person:john-kerry,John Kerry,person,USA,GOV,,,test
"""
OFFICES = """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:president-ukr,President of Ukraine,President,,UKR,,head_of_state,GOV,,test
office:president-blr,President of Belarus,President,,BLR,,head_of_state,GOV,,test
office:president-kaz,President of Kazakhstan,President,,KAZ,,head_of_state,GOV,,test
office:defence-minister-rus,Minister of Defence of Russia,Defence Minister,,RUS,,minister,GOV,,test
office:secretary-of-state-usa,United States Secretary of State,Secretary of State,,USA,,foreign_minister,GOV,,test
"""
TERMS = """office,holder,start,end,elected,acting,source
office:president-ukr,person:volodymyr-zelensky,2019-05-20,,,,test
office:president-blr,person:alexander-lukashenko,1994-07-20,,,,test
office:president-kaz,person:nursultan-nazarbayev,1991-12-16,2019-03-20,,,test
office:defence-minister-rus,person:sergei-shoigu,2012-11-06,,,,test
office:secretary-of-state-usa,person:john-kerry,2013-02-01,2017-01-20,,,test
"""
PLACES = """name,aliases,country,kind,stands_for,geonames_id,source
Moscow,,RUS,capital,gov:RUS,,test
Kyiv,,UKR,capital,gov:UKR,,test
"""
DEMONYMS = """country,adjectives,demonyms,source
RUS,Russian,Russians,test
UKR,Ukrainian,Ukrainians,test
KAZ,Kazakh,Kazakhs,test
BLR,Belarusian,Belarusians,test
USA,American,Americans,test
"""


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("kb")
    for kind, text in {
        "actors": ACTORS,
        "offices": OFFICES,
        "terms": TERMS,
        "memberships": "org,member,status,start,end,source\n",
        "places": PLACES,
        "demonyms": DEMONYMS,
    }.items():
        (folder / f"{kind}.csv").write_text(text, encoding="utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def nlp(kb_dir: str) -> Language:
    return load_pipeline(PipelineConfig(kb_dir=kb_dir).only_up_to("dossier_linker"))


def link(nlp: Language, text: str, date: str = "2015-06-01") -> list[Mention]:
    return list(run_document(nlp, text, date)._.dossier_mentions)


def find(mentions: list[Mention], text: str) -> Mention:
    """The mention whose text contains ``text`` (the first such)."""
    for mention in mentions:
        if text in mention.text:
            return mention
    raise AssertionError(f"no mention with {text!r} in {[m.text for m in mentions]}")


# --- a country that acts is its government -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "government"),
    [
        # subject of a speech or action verb
        ("Russia has denied sending the convoy.", "Russia", "Government of Russia"),
        (
            "Officials said Ukraine insists on a ceasefire first.",
            "Ukraine",
            "Government of Ukraine",
        ),
        # conjoined subjects act together
        ("Kazakhstan and Belarus criticised the tariff.", "Belarus", "Government of Belarus"),
        # object of a verb of accusing, urging, talking
        ("The minister blamed Russia for the delay.", "Russia", "Government of Russia"),
        # partner or agent after a preposition
        ("Warsaw wants new talks with Ukraine.", "Ukraine", "Government of Ukraine"),
        ("The pipeline was halted by Russia in May.", "Russia", "Government of Russia"),
        # possessor of an act
        ("Ukraine's decision surprised the markets.", "Ukraine", "Government of Ukraine"),
        # "stand" is locative only with a place after it
        ("Russia cannot stand aside, the envoy said.", "Russia", "Government of Russia"),
    ],
)
def test_a_country_that_acts_is_its_government(
    nlp: Language, text: str, name: str, government: str
) -> None:
    mention = find(link(nlp, text), name)
    assert mention.actor == government
    assert mention.metonym is True
    assert mention.resolution == "metonym"
    assert mention.country == {"Russia": "RUS", "Ukraine": "UKR", "Belarus": "BLR"}[name]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands marched in Russia on Sunday.",
        "Heavy snow fell across eastern Russia.",
        "Exports from Russia grew by a tenth.",
        "Belarus borders Russia to the east.",
    ],
)
def test_a_country_that_only_locates_is_the_country(nlp: Language, text: str) -> None:
    mention = find(link(nlp, text), "Russia")
    assert (mention.actor, mention.metonym, mention.resolution) == ("Russia", False, "alias")


def test_a_country_without_a_government_actor_still_acts_as_its_government(
    nlp: Language,
) -> None:
    mention = find(link(nlp, "Moldova rejected the offer."), "Moldova")
    assert (mention.actor, mention.actor_id, mention.metonym, mention.country) == (
        "Government of Moldova",
        None,
        True,
        "MDA",
    )
