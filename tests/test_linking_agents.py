"""Linking the agents of real news: a country that acts is its government, an institution named
by its function is the one of the country the text is about, abbreviated titles, spelling
variants, and organisations qualified by their country.

Each test is one kind of error seen on real articles, written on sentences of our own. The KB is
written here (``kb_dir``), so the tests say what the rules do whatever the curators add.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from case_tables import case_rows
from dossier.evaluate.mentions import run_document
from dossier.model import Mention
from dossier.nlp import PipelineConfig, load_pipeline
from linking_helpers import find

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
gov:USA,Government of the United States,government,USA,GOV,,U.S. government|U.S. administration,test
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
agency:usa-senate,United States Senate,agency,USA,LEG,,U.S. Senate,test
person:volodymyr-zelensky,Volodymyr Zelensky,person,UKR,GOV,,,test
person:alexander-lukashenko,Alexander Lukashenko,person,BLR,GOV,,,test
person:nursultan-nazarbayev,Nursultan Nazarbayev,person,KAZ,GOV,,,test
person:sergei-shoigu,Sergei Shoigu,person,RUS,GOV,,,test
person:john-kerry,John Kerry,person,USA,GOV,,,test
person:barack-obama,Barack Obama,person,USA,GOV,,,test
person:oleksandr-turchynov,Oleksandr Turchynov,person,UKR,GOV,,,test
person:viktor-yanukovych,Viktor Yanukovych,person,UKR,GOV,,,test
person:vladimir-putin,Vladimir Putin,person,RUS,GOV,,,test
"""
OFFICES = """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:president-rus,President of Russia,President,,RUS,,head_of_state,GOV,,test
office:mod-spokesperson-rus,Spokesperson of the Ministry of Defence of Russia,spokesman,,RUS,,other,GOV,,test
office:president-ukr,President of Ukraine,President,,UKR,,head_of_state,GOV,,test
office:president-blr,President of Belarus,President,,BLR,,head_of_state,GOV,,test
office:president-kaz,President of Kazakhstan,President,,KAZ,,head_of_state,GOV,,test
office:defence-minister-rus,Minister of Defence of Russia,Defence Minister,,RUS,,minister,GOV,,test
office:secretary-of-state-usa,United States Secretary of State,Secretary of State,,USA,,foreign_minister,GOV,,test
office:president-usa,President of the United States,President,,USA,,head_of_state,GOV,,test
"""
TERMS = """office,holder,start,end,elected,acting,source
office:president-ukr,person:viktor-yanukovych,2010-02-25,2014-02-22,,,test
office:president-ukr,person:oleksandr-turchynov,2014-02-23,2014-06-07,,yes,test
office:president-ukr,person:volodymyr-zelensky,2019-05-20,,,,test
office:president-rus,person:vladimir-putin,2012-05-07,,,,test
office:president-blr,person:alexander-lukashenko,1994-07-20,,,,test
office:president-kaz,person:nursultan-nazarbayev,1991-12-16,2019-03-20,,,test
office:defence-minister-rus,person:sergei-shoigu,2012-11-06,,,,test
office:secretary-of-state-usa,person:john-kerry,2013-02-01,2017-01-20,,,test
office:president-usa,person:barack-obama,2009-01-20,2017-01-20,,,test
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


# --- a country that acts is its government -------------------------------------------------


@case_rows("linking/agents", "a_country_that_acts_is_its_government")
def test_a_country_that_acts_is_its_government(
    nlp: Language, text: str, name: str, government: str
) -> None:
    mention = find(link(nlp, text), name)
    assert mention.actor == government
    assert mention.metonym is True
    assert mention.resolution == "metonym"
    assert mention.country == {"Russia": "RUS", "Ukraine": "UKR", "Belarus": "BLR"}[name]


@case_rows("linking/agents", "a_country_that_only_locates_is_the_country")
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


# --- spelling variants: one folding key, not one alias per spelling -------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("President Zelenskyy spoke first.", "Volodymyr Zelensky"),
        ("President Zelenskiy spoke first.", "Volodymyr Zelensky"),
        ("Lukashenka spoke first.", "Alexander Lukashenko"),
        ("President Lukashenka spoke first.", "Alexander Lukashenko"),
        ("Nursultan Nazarbaev spoke first.", "Nursultan Nazarbayev"),
        ("Sergey Shoygu spoke first.", "Sergei Shoigu"),
    ],
)
def test_transliteration_variants_find_the_kb_person(nlp: Language, text: str, actor: str) -> None:
    mention = link(nlp, text)[0]
    assert mention.actor == actor
    assert mention.actor_id is not None


def test_a_surname_in_another_spelling_is_the_person_named_before(nlp: Language) -> None:
    mentions = link(nlp, "Volodymyr Zelensky arrived on Monday. Later Zelenskyy said no.")
    later = [m for m in mentions if m.text == "Zelenskyy"]
    assert later and later[0].actor == "Volodymyr Zelensky"
    assert later[0].resolution == "coref"


def test_british_and_american_spellings_of_a_title_are_one_title(nlp: Language) -> None:
    mention = find(link(nlp, "The Russian defense minister flew in."), "minister")
    assert (mention.actor, mention.role) == ("Sergei Shoigu", "Minister of Defence of Russia")


def test_folding_does_not_merge_different_names(nlp: Language) -> None:
    mentions = link(nlp, "Farmers in Poland and in Prussia differ.")
    assert find(mentions, "Poland").actor_id == "country:POL"
    assert not any(m.actor_id == "country:RUS" for m in mentions)


# --- title abbreviations -------------------------------------------------------------------


def test_an_abbreviated_title_before_a_name_is_the_title(nlp: Language) -> None:
    mention = find(link(nlp, "Sec. of State Kerry met the press."), "Kerry")
    assert (mention.actor, mention.role, mention.resolution) == (
        "John Kerry",
        "United States Secretary of State",
        "title+name",
    )
    assert not any(m.actor == "State Kerry" for m in link(nlp, "Sec. of State Kerry met us."))


@case_rows("linking/agents", "a_nil_person_after_an_abbreviated_title_keeps_the_title_as_role")
def test_a_nil_person_after_an_abbreviated_title_keeps_the_title_as_role(
    nlp: Language, text: str, name: str, role: str
) -> None:
    mention = find(link(nlp, text), name)
    assert (mention.actor, mention.actor_id, mention.role) == (name, None, role)
    assert mention.text.endswith(name)


def test_a_rank_word_inside_an_organisations_name_is_no_title(nlp: Language) -> None:
    mentions = link(nlp, "General Motors opened a plant near Kaluga.")
    assert not any(m.label == "PERSON" for m in mentions)


def test_a_nil_person_keeps_the_description_and_the_country_it_implies(nlp: Language) -> None:
    mention = find(link(nlp, "Ukrainian pilot Olena Marchuk was freed."), "Marchuk")
    assert (mention.actor, mention.role, mention.country) == ("Olena Marchuk", "pilot", "UKR")


# --- institutions named by their function ---------------------------------------------------


@case_rows("linking/agents", "an_institution_with_its_country_is_that_countrys")
def test_an_institution_with_its_country_is_that_countrys(
    nlp: Language, text: str, name: str, actor: str
) -> None:
    mention = find(link(nlp, text), name)
    assert (mention.actor, mention.metonym, mention.resolution) == (actor, False, "function")
    assert mention.country == ("UKR" if "Ukrain" in text else "RUS")


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        # the sentence names the country
        (
            "Kyiv says Moscow sent tanks; the foreign ministry in Ukraine called it an invasion.",
            "foreign ministry",
            "Ministry of Foreign Affairs (Ukraine)",
        ),
        # the paragraph does (another sentence of its line)
        (
            "Ukraine protested.\nRussian officials met. The defence ministry said the drills ended.",
            "defence ministry",
            "Ministry of Defence (Russia)",
        ),
        # the document does (the country most named in it)
        (
            "Ukraine votes today.\n\nAfter the vote, the parliament met.\n\nIt rained.",
            "parliament",
            "Verkhovna Rada",
        ),
        (
            "Russian tanks rolled on.\n\nThe military denied any role.",
            "military",
            "Russian Armed Forces",
        ),
    ],
)
def test_an_institution_without_a_country_is_of_the_country_the_context_is_about(
    nlp: Language, text: str, name: str, actor: str
) -> None:
    assert find(link(nlp, text), name).actor == actor


def test_the_nearest_country_mention_decides_between_two(nlp: Language) -> None:
    text = (
        "Russia warned Ukraine.\nIn Ukraine, the defence ministry called up reservists.\n"
        "In Russia, the defence ministry held drills."
    )
    mentions = [m for m in link(nlp, text) if "defence ministry" in m.text]
    assert [m.actor for m in mentions] == [
        "Ministry of Defence (Ukraine)",
        "Ministry of Defence (Russia)",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Troops left the town.",  # a plain plural needs a country
        "The military aid was delayed.",  # an adjective is no institution
        "A parliament is a place to talk.",  # no "the"
    ],
)
def test_common_words_are_no_institution_without_a_country(nlp: Language, text: str) -> None:
    assert not any(m.actor_id and m.actor_id.startswith("agency:") for m in link(nlp, text))


def test_an_institution_the_kb_lacks_in_that_country_keeps_its_name(nlp: Language) -> None:
    mention = find(link(nlp, "Kazakh troops joined the drill."), "troops")
    assert (mention.actor, mention.actor_id, mention.country) == ("Kazakh troops", None, "KAZ")


# --- an organisation qualified by its country -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Russia's Gazprom cut supplies.", "Gazprom"),
        ("The deal with Ukraine's Naftogaz collapsed.", "Naftogaz"),
    ],
)
def test_a_countrys_organisation_is_the_organisation(nlp: Language, text: str, actor: str) -> None:
    mentions = link(nlp, text)
    owned = find(mentions, actor)
    assert owned.actor == actor
    assert owned.text.endswith(actor) and "'s" in owned.text
    assert not any(m.actor in {"Russia", "Ukraine", "Government of Russia"} for m in mentions)


@pytest.mark.parametrize(
    ("text", "government"),
    [
        ("The Obama administration rejected the plan.", "Government of the United States"),
        ("Analysts say the Lukashenko regime will not yield.", "Government of Belarus"),
    ],
)
def test_a_leaders_administration_is_the_government_he_leads(
    nlp: Language, text: str, government: str
) -> None:
    mention = find(link(nlp, text), "administration" if "admin" in text else "regime")
    assert mention.actor == government
    assert mention.label == "ORG"


def test_a_government_qualified_troops_phrase_is_the_armed_forces(nlp: Language) -> None:
    mention = find(link(nlp, "Ukrainian government forces retook the airport."), "forces")
    assert mention.actor == "Armed Forces of Ukraine"


def test_this_administration_is_the_government_the_context_is_about(nlp: Language) -> None:
    text = "Barack Obama spoke in the United States.\nIt hurts this administration, he said."
    mention = find(link(nlp, text), "administration")
    assert (mention.actor, mention.country) == ("Government of the United States", "USA")


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("The Russians claim nothing is happening.", True),
        ("Many Russians voted for him.", False),
        ("The Russians in Latvia are a minority.", False),
    ],
)
def test_the_people_of_a_country_speaking_as_one_is_its_government(
    nlp: Language, text: str, acts: bool
) -> None:
    mention = find(link(nlp, text), "Russians")
    assert (mention.actor == "Government of Russia") is acts
    assert mention.metonym is acts
    assert mention.country == "RUS"


def test_leaders_from_a_country_act_for_it(nlp: Language) -> None:
    mention = find(link(nlp, "Leaders from Poland condemned the vote."), "Poland")
    assert (mention.actor, mention.metonym) == ("Government of Poland", True)


# --- the role a person the KB lacks keeps ---------------------------------------------------


def test_a_nil_persons_appositive_description_is_the_role_and_follows_the_surname(
    nlp: Language,
) -> None:
    text = '"It is a crime," said Mark Doeling, the firebrand lawyer. Doeling said more.'
    mentions = link(nlp, text)
    full, later = find(mentions, "Mark Doeling"), mentions[-1]
    assert (full.actor, full.actor_id, full.role) == ("Mark Doeling", None, "firebrand lawyer")
    assert (later.text, later.actor, later.role) == ("Doeling", "Mark Doeling", "firebrand lawyer")


def test_a_nil_person_with_a_country_in_the_appositive(nlp: Language) -> None:
    mention = find(link(nlp, "Olga Petrenko, a Ukrainian nurse, agreed."), "Petrenko")
    assert (mention.actor, mention.role, mention.country) == ("Olga Petrenko", "nurse", "UKR")


def test_a_title_kept_after_the_term_ended_gives_the_former_office(nlp: Language) -> None:
    # Nazarbayev left the presidency in March 2019.
    mention = find(link(nlp, "President Nazarbayev spoke.", "2020-01-10"), "Nazarbayev")
    assert mention.role == "former President of Kazakhstan"
    mention = find(link(nlp, "President Nazarbayev spoke.", "2018-01-10"), "Nazarbayev")
    assert mention.role == "President of Kazakhstan"


def test_a_hyphenated_modifier_keeps_a_government_phrase_whole(nlp: Language) -> None:
    mention = find(link(nlp, "Ukraine's then-caretaker government resigned."), "government")
    assert (mention.actor, mention.text) == (
        "Government of Ukraine",
        "Ukraine's then-caretaker government",
    )


def test_a_place_the_phrase_names_decides_its_country(nlp: Language) -> None:
    text = "Russia was angry at the Western-backed interim government in Kyiv."
    mention = find(link(nlp, text), "government")
    assert mention.actor == "Government of Ukraine"


@pytest.mark.parametrize("text", ["A pro-Moscow rally filled the square.", "Anti-Kyiv slogans."])
def test_the_side_taken_after_pro_or_anti_is_an_actor(nlp: Language, text: str) -> None:
    mention = link(nlp, text)[0]
    assert mention.metonym is True
    assert mention.actor in {"Government of Russia", "Government of Ukraine"}


@pytest.mark.parametrize(
    "text",
    [
        "Pro-Russian forces seized the building.",  # the side taken, not the state's army
        "The regional government met in Donetsk.",  # below the state
        "The government-controlled base was hit.",  # a compound modifier
    ],
)
def test_phrases_that_name_no_state_institution(nlp: Language, text: str) -> None:
    mentions = link(nlp, text)
    assert not any(m.resolution == "function" for m in mentions), mentions


def test_a_one_word_function_the_kb_capitalises_needs_its_capital(nlp: Language) -> None:
    text = "Barack Obama spoke in the United States. The Senate voted."
    assert find(link(nlp, text), "Senate").actor == "United States Senate"
    text = "Barack Obama spoke in the United States. The senate of the college voted."
    assert not any(m.actor == "United States Senate" for m in link(nlp, text))


def test_a_citys_own_institution_is_named_by_the_city(nlp: Language) -> None:
    mention = find(link(nlp, "Moscow police put the crowd at 40,000."), "Moscow")
    assert (mention.actor, mention.actor_id, mention.country, mention.metonym) == (
        "Moscow police",
        None,
        "RUS",
        False,
    )
    assert find(link(nlp, "The talks took place in Moscow."), "Moscow").actor == "Moscow"


def test_the_acting_president_is_whoever_acts_in_that_office_on_the_date(nlp: Language) -> None:
    text = "President Vladimir Putin warned Kyiv. In Ukraine, the acting president replied."
    mention = find(link(nlp, text, "2014-05-01"), "acting")
    assert (mention.actor, mention.role) == ("Oleksandr Turchynov", "President of Ukraine")
    # Without an acting holder, "the acting president" is not a guess at someone acting.
    later = link(nlp, text, "2015-05-01")
    assert not any(m.actor == "Oleksandr Turchynov" for m in later)


@case_rows("linking/agents", "a_past_institution_or_a_title_is_no_institution_now")
def test_a_past_institution_or_a_title_is_no_institution_now(nlp: Language, text: str) -> None:
    mentions = link(nlp, text)
    assert not any(m.resolution == "function" for m in mentions)


def test_an_unnamed_spokesman_the_kb_cannot_name_speaks_for_the_institution(
    nlp: Language,
) -> None:
    # An office the KB knows, with no holder on the date: the ministry speaks.
    mention = find(link(nlp, "A Russian Defence Ministry spokesman denied it."), "spokesman")
    assert (mention.actor, mention.resolution) == ("Ministry of Defence (Russia)", "function")
