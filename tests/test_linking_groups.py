"""Linking actors the news names together or by whom they side or speak with: two actors in
one coordinated phrase, groups named "pro-<country>", spokespeople named by their principal,
and a continent that acts.

Each test is one kind of error seen on real articles, written on sentences of our own. The KB is
written here (``kb_dir``), so the tests say what the rules do whatever the curators add; the
curated rows are checked at the end on the package's own KB.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.extract.linking.sides import positions
from dossier.kb.loader import KnowledgeBase
from dossier.model import Mention
from dossier.nlp import PipelineConfig, load_pipeline
from linking_helpers import find, link_text, write_kb

ACTORS = """id,name,type,country,sector,qid,aliases,source
country:RUS,Russia,country,RUS,,,,test
country:UKR,Ukraine,country,UKR,,,,test
country:USA,United States,country,USA,,,U.S.|US,test
country:FRA,France,country,FRA,,,,test
country:DEU,Germany,country,DEU,,,,test
country:GEO,Georgia,country,GEO,,,,test
gov:RUS,Government of Russia,government,RUS,GOV,,Russian government,test
gov:UKR,Government of Ukraine,government,UKR,GOV,,Ukrainian government,test
gov:USA,Government of the United States,government,USA,GOV,,U.S. government,test
gov:GEO,Government of Georgia,government,GEO,GOV,,,test
igo:eu,European Union,igo,,IGO,,EU,test
agency:rus-presidential-administration,Presidential Administration of Russia,agency,RUS,GOV,,,test
agency:usa-state,United States Department of State,agency,USA,GOV,,State Department|U.S. State Department,test
agency:usa-treasury,United States Department of the Treasury,agency,USA,GOV,,Treasury Department|U.S. Treasury Department,test
agency:rus-mfa,Ministry of Foreign Affairs (Russia),agency,RUS,GOV,,Russian Foreign Ministry,test
agency:ukr-mfa,Ministry of Foreign Affairs (Ukraine),agency,UKR,GOV,,Ukrainian Foreign Ministry,test
agency:ukr-mod,Ministry of Defence (Ukraine),agency,UKR,MIL,,Ukrainian Defence Ministry,test
group:separatists-ukr,pro-Russian separatists in Ukraine,group,UKR,REB,,pro-Russian separatists|pro-Russian rebels|pro-Russian militants|pro-Russian gunmen,test
person:vladimir-putin,Vladimir Putin,person,RUS,GOV,,,test
person:petro-poroshenko,Petro Poroshenko,person,UKR,GOV,,,test
person:viktor-yanukovych,Viktor Yanukovych,person,UKR,GOV,,,test
person:laurent-fabius,Laurent Fabius,person,FRA,GOV,,,test
person:frank-walter-steinmeier,Frank-Walter Steinmeier,person,DEU,GOV,,,test
person:dmitry-peskov,Dmitry Peskov,person,RUS,GOV,,,test
person:maria-zakharova,Maria Zakharova,person,RUS,GOV,,,test
person:ned-price,Ned Price,person,USA,GOV,,,test
"""
OFFICES = """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:president-rus,President of Russia,President,,RUS,,head_of_state,GOV,,test
office:president-ukr,President of Ukraine,President,,UKR,,head_of_state,GOV,,test
office:foreign-minister-fra,Minister for Europe and Foreign Affairs of France,Foreign Minister,,FRA,,foreign_minister,GOV,,test
office:foreign-minister-deu,Federal Minister for Foreign Affairs of Germany,Foreign Minister,,DEU,,foreign_minister,GOV,,test
office:press-secretary-president-rus,Press Secretary of the President of Russia,Press Secretary,,RUS,,other,GOV,Kremlin spokesman,test
office:mfa-spokesperson-rus,Spokesperson of the Ministry of Foreign Affairs of Russia,Foreign Ministry spokeswoman,spokesman|spokeswoman,RUS,,other,GOV,,test
office:spokesperson-state-usa,Spokesperson for the United States Department of State,State Department spokesman,spokesman,USA,,other,GOV,,test
"""
TERMS = """office,holder,start,end,elected,acting,source
office:president-rus,person:vladimir-putin,2012-05-07,,,,test
office:president-ukr,person:viktor-yanukovych,2010-02-25,2014-02-22,,,test
office:president-ukr,person:petro-poroshenko,2014-06-07,2019-05-20,,,test
office:foreign-minister-fra,person:laurent-fabius,2012-05-16,2016-02-11,,,test
office:foreign-minister-deu,person:frank-walter-steinmeier,2013-12-17,2017-01-27,,,test
office:press-secretary-president-rus,person:dmitry-peskov,2012-05-22,,,,test
office:mfa-spokesperson-rus,person:maria-zakharova,2015-08-10,,,,test
office:spokesperson-state-usa,person:ned-price,2021-02-01,2023-06-30,,,test
"""
PLACES = """name,aliases,country,kind,stands_for,geonames_id,source
Moscow,,RUS,capital,gov:RUS,,test
Kyiv,Kiev,UKR,capital,gov:UKR,,test
the Kremlin,Kremlin,RUS,seat,agency:rus-presidential-administration,,test
Europe,,,region,igo:eu,,test
"""
DEMONYMS = """country,adjectives,demonyms,source
RUS,Russian,Russians,test
UKR,Ukrainian,Ukrainians,test
USA,American,Americans,test
FRA,French,,test
DEU,German,Germans,test
GEO,Georgian,Georgians,test
"""


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Language:
    tables = {"actors": ACTORS, "offices": OFFICES, "terms": TERMS}
    tables |= {"places": PLACES, "demonyms": DEMONYMS}
    kb_dir = write_kb(tmp_path_factory.mktemp("kb"), tables)
    return load_pipeline(PipelineConfig(kb_dir=kb_dir).only_up_to("dossier_linker"))


def link(nlp: Language, text: str, date: str = "2015-06-01") -> list[Mention]:
    return link_text(nlp, text, date)


def covering(mentions: list[Mention], text: str, phrase: str) -> list[Mention]:
    """The mentions that overlap ``phrase`` in ``text``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [m for m in mentions if m.start < end and start < m.end]


# --- two actors in one coordinated phrase ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "The Russian and Ukrainian presidents met in Minsk to talk about a ceasefire.",
            "Russian and Ukrainian presidents",
            {
                ("Vladimir Putin", "President of Russia"),
                ("Petro Poroshenko", "President of Ukraine"),
            },
        ),
        (
            "On Friday the French and German foreign ministers flew to Kyiv together.",
            "French and German foreign ministers",
            {
                ("Laurent Fabius", "Minister for Europe and Foreign Affairs of France"),
                ("Frank-Walter Steinmeier", "Federal Minister for Foreign Affairs of Germany"),
            },
        ),
    ],
)
def test_a_shared_plural_title_names_each_countrys_holder(
    nlp: Language, text: str, phrase: str, expected: set[tuple[str, str]]
) -> None:
    mentions = covering(link(nlp, text), text, phrase)
    assert {(m.actor, m.role) for m in mentions} == expected
    # The second actor's span is its own word and the shared head.
    assert {m.text for m in mentions} == {phrase, phrase.split(" and ")[1]}


def test_the_holder_of_a_shared_title_is_the_holder_on_the_date(nlp: Language) -> None:
    text = "The Russian and Ukrainian presidents spoke by telephone."
    mentions = covering(link(nlp, text, "2013-05-01"), text, "presidents")
    assert {m.actor for m in mentions} == {"Vladimir Putin", "Viktor Yanukovych"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington tightened its rules: the State and Treasury departments named ten banks.",
            {"United States Department of State", "United States Department of the Treasury"},
        ),
        (
            "The Defence and Foreign ministries of Ukraine both denied the report.",
            {"Ministry of Defence (Ukraine)", "Ministry of Foreign Affairs (Ukraine)"},
        ),
    ],
)
def test_a_shared_institution_noun_names_both_institutions(
    nlp: Language, text: str, expected: set[str]
) -> None:
    phrase = text[text.index(" and ") - 8 : text.index(" and ") + 20]
    actors = {m.actor for m in covering(link(nlp, text), text, phrase) if m.label == "ORG"}
    assert actors == expected


def test_two_given_names_with_one_surname_are_two_people(nlp: Language) -> None:
    text = "Pavlo and Oksana Hrytsenko fled their farm near Donetsk when the shelling began."
    mentions = covering(link(nlp, text), text, "Pavlo and Oksana Hrytsenko")
    assert {m.actor for m in mentions} == {"Pavlo Hrytsenko", "Oksana Hrytsenko"}
    assert all(m.actor_id is None for m in mentions)


def test_two_full_names_joined_by_and_stay_two_names(nlp: Language) -> None:
    text = "Laurent Fabius and Frank-Walter Steinmeier flew to Kyiv."
    actors = {m.actor for m in link(nlp, text)}
    assert {"Laurent Fabius", "Frank-Walter Steinmeier"} <= actors


# --- "pro-<country>" groups ------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["Pro-Russia militants", "pro-Moscow gunmen", "pro-Kremlin rebels", "pro-Russian separatists"],
)
def test_a_pro_country_group_is_the_kb_group_not_the_government(nlp: Language, phrase: str) -> None:
    text = f"{phrase} seized the town hall in Sloviansk on Sunday."
    mention = find(link(nlp, text, "2014-04-14"), phrase.split()[-1])
    assert mention.actor == "pro-Russian separatists in Ukraine"
    assert mention.text == phrase


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("pro-Ukraine fighters", "pro-Ukrainian fighters"),
        ("pro-Georgia militias", "pro-Georgian militias"),
    ],
)
def test_another_pro_country_group_is_a_nil_group_named_by_the_demonym(
    nlp: Language, phrase: str, name: str
) -> None:
    text = f"Local officials said {phrase} held the bridge overnight."
    mention = find(link(nlp, text), phrase)
    assert (mention.actor, mention.actor_id, mention.label) == (name, None, "ORG")


def test_a_pro_kremlin_title_is_no_mention_of_the_kremlins_holder(nlp: Language) -> None:
    text = "Protesters in Kyiv ousted the pro-Kremlin president Viktor Yanukovych in February."
    mentions = covering(link(nlp, text, "2014-05-01"), text, "pro-Kremlin")
    kremlin = [m for m in mentions if m.text == "Kremlin"]
    assert [m.actor for m in kremlin] == ["Presidential Administration of Russia"]
    assert "Vladimir Putin" not in {m.actor for m in mentions}
    assert find(mentions, "Yanukovych").actor == "Viktor Yanukovych"


# --- spokespeople named by their principal ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("A spokesman for President Vladimir Putin said the talks would go on.", "A spokesman"),
        ("Putin's spokesman told reporters the talks would go on.", "spokesman"),
        ("The Kremlin spokesman told reporters the talks would go on.", "Kremlin spokesman"),
    ],
)
def test_a_spokesperson_of_a_person_is_his_press_secretary(
    nlp: Language, text: str, phrase: str
) -> None:
    mention = find(link(nlp, text), phrase)
    assert (mention.actor, mention.role) == (
        "Dmitry Peskov",
        "Press Secretary of the President of Russia",
    )


def test_the_principal_keeps_its_own_mention(nlp: Language) -> None:
    text = "A spokesman for President Vladimir Putin said the talks would go on."
    mentions = link(nlp, text)
    assert any(
        m.actor == "Vladimir Putin" and m.text == "President Vladimir Putin" for m in mentions
    )


#: (date, who held the office then, a sentence naming the spokesperson by the institution)
INSTITUTION_SPOKESPEOPLE = [
    ("2016-03-01", "Maria Zakharova", "A spokesperson for the Russian foreign ministry denied it."),
    ("2022-03-01", "Ned Price", "A State Department spokesman said Washington was worried."),
]


@pytest.mark.parametrize(("date", "actor", "text"), INSTITUTION_SPOKESPEOPLE)
def test_a_spokesperson_of_an_institution_is_its_spokesperson_on_the_date(
    nlp: Language, date: str, actor: str, text: str
) -> None:
    mention = find(link(nlp, text, date), "spokes")
    assert mention.actor == actor
    assert mention.role is not None and mention.role.startswith("Spokesperson")


def test_a_spokesperson_office_without_a_holder_on_the_date_is_a_nil_person(
    nlp: Language,
) -> None:
    mention = find(link(nlp, "A State Department spokesman said no.", "2019-03-01"), "spokes")
    assert (mention.actor_id, mention.role) == (
        None,
        "Spokesperson for the United States Department of State",
    )


# --- a continent that acts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Europe does not accept the result of the vote.",
        "Europe imposed new sanctions on Russian banks.",
        "The new sanctions were imposed by Europe on Friday.",
    ],
)
def test_europe_that_acts_is_the_european_union(nlp: Language, text: str) -> None:
    assert find(link(nlp, text), "Europe").actor == "European Union"


@pytest.mark.parametrize(
    "text",
    ["Gas flows to Europe fell in May.", "Eastern Europe worries about the gas supply."],
)
def test_europe_as_a_place_is_no_actor(nlp: Language, text: str) -> None:
    assert find(link(nlp, text), "Europe").actor_id is None


def test_a_country_that_ends_a_line_keeps_its_place_in_the_sentence(nlp: Language) -> None:
    text = "For decades its submarines spied on the U.S.\n\nOne sailor remembers the cold."
    assert find(link(nlp, text), "U.S.").actor == "Government of the United States"


# --- the curated rows ------------------------------------------------------------------------


def test_the_curated_kb_holds_the_variants_of_the_pro_russian_separatists() -> None:
    kb = KnowledgeBase.load()
    for modifier in ("pro-Russian", "pro-Russia", "pro-Moscow"):
        for noun in ("separatists", "rebels", "militants"):
            groups = kb.find_actors(f"{modifier} {noun}")
            assert [g.id for g in groups] == ["group:pro-russian-separatists-ukr"], modifier + noun
    europe = kb.place("Europe")
    assert europe is not None and europe.stands_for == "igo:eu"


@pytest.mark.parametrize(
    "keys", [[], ["and"], ["pro", "-", "russian", "and", "pro"], ["x"] * 5 + ["and"] * 3]
)
def test_positions_are_the_tokens_with_that_key(keys: list[str]) -> None:
    for key in ("and", "pro", "x", "missing"):
        assert positions(keys, key) == [i for i, k in enumerate(keys) if k == key]
