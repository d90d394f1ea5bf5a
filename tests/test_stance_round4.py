"""Stance accuracy, round 4 (issue 12): each test names the error kind it guards, on sentences
written for the test (invented, about real-world-style events)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.kb.loader import default_kb
from stance_helpers import Sides, polarities, read_with, sides, sides_toward, stances_of

EURASIAN = "target:eurasian-integration"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kind: reported wanting not read ("set out the idea of X": the path met a noun that was
        # no cue and gave nothing); the verb on the path still turns it ("rejected the idea")
        pytest.param("Tajik President Emomali Rahmon set out the idea of a Eurasian Union in a speech. Lithuania rejected the idea of a Eurasian Union. Uzbekistan floated a Eurasian Economic Union of its own design.", {("person:emomali-rahmon", EURASIAN): {1}, ("gov:LTU", EURASIAN): {-1}, ("gov:UZB", EURASIAN): {1}}, id="setting_out_or_floating_the_idea_of_a_project_is_for_it"),
        # kind: other-holder ("reports have led X to impose sanctions against Y" gave the side to
        # "reports", which is no one, and so to no one)
        pytest.param("Reports of Belarusian meddling have led Lithuania to impose sanctions against Belarus. The crisis has driven Armenia to seek membership of the Eurasian Economic Union.", {("gov:LTU", "country:BLR"): {-1}, ("gov:ARM", EURASIAN): {1}}, id="the_object_of_a_causative_verb_does_what_it_was_moved_to"),
    ],
)  # fmt: skip
def test_the_sides_read(nlp: Language, text: str, expected: Sides) -> None:
    assert sides_toward(stances_of(nlp, text), expected) == expected


@pytest.mark.parametrize(
    ("text", "field", "values"),
    [
        pytest.param("The idea of a Eurasian Union became less popular in Moldova.", "target_id", (EURASIAN,), id="an_idea_that_is_itself_the_subject_takes_no_side"),
        # kind: unsupported (the event stage read the state a "pro-Moscow" group's name names onto
        # the offices it seized, and the group was read as against that state); a state named in
        # its own words stays a target
        pytest.param("Belligerent moves by Russia worried its neighbours after pro-Moscow militants invaded offices and held a vote. Pro-Russian rebels attacked Kyiv.", "target_id", ("gov:RUS", "country:RUS"), id="a_group_acts_not_against_the_state_its_name_sides_with"),
    ],
)  # fmt: skip
def test_no_stance_read(nlp: Language, text: str, field: str, values: tuple) -> None:
    assert not read_with(stances_of(nlp, text), field, values)


def test_releasing_a_person_is_no_side_against_him(nlp: Language) -> None:
    # kind: unsupported (a release, the PLOVER RETREAT, read as a stance against the person
    # released or named); leaving a union stays against it
    stances = stances_of(
        nlp,
        "The Kremlin released a transcript of the talks between Emmanuel Macron and Vladimir "
        "Putin. Armenia withdrew from the Eurasian Economic Union.",
    )
    assert not [s for s in stances if (s.target_id or "").startswith("person:")]
    assert sides(stances, "gov:ARM", EURASIAN) == {-1}


def test_the_union_keeps_the_sense_of_the_documents_first_the_union(nlp: Language) -> None:
    # kind: other-target ("would remain in the union" read as the last union named in passing,
    # not the one the report is about) and reported wanting not read ("remain in" is for)
    stances = stances_of(
        nlp,
        "Tajikistan applied to join the Eurasian Economic Union in March. The union's members "
        "will decide in June. Tajikistan also signed a visa deal with the European Union. "
        "Dushanbe will remain in the union whatever happens, officials said.",
    )
    said = [s for s in stances if "remain" in s.text]
    assert said and {s.target_id for s in said} == {EURASIAN}
    assert {s.polarity for s in said} == {1}


def test_a_speaker_dated_by_week_or_year_speaks_for_an_office_taken_within_it() -> None:
    # kind: other-holder (a stance dated by its week, read on the year's first day, before
    # the speaker took office, was given to no country)
    from dossier.extract.stance.holders import holder_country, period_days

    assert period_days("2018-W19") == ["2018-05-07", "2018-05-13"]
    assert period_days("2018-05") == ["2018-05-01", "2018-05-31"]
    assert period_days("2014-03-10") == ["2014-03-10"]
    kb = default_kb()
    # in office from 2013-06-24: the year and the week hold him, their first days do not
    assert holder_country(kb, "person:alexei-ulyukayev", "2013-06-24") == "RUS"
    assert holder_country(kb, "person:alexei-ulyukayev", "2013") == "RUS"
    assert holder_country(kb, "person:alexei-ulyukayev", "2013-W26") == "RUS"
    assert holder_country(kb, "person:alexei-ulyukayev", "2013-01-01") is None


def test_an_act_alleged_or_denied_is_no_side_of_the_accused(nlp: Language) -> None:
    # kind: unsupported (the content of an accusation or a denial read as an act done:
    # "accused Minsk of sending arms to aid the rebels" gave Minsk for the rebels); the
    # accuser's side toward the accused stays
    stances = stances_of(
        nlp,
        "Lithuania accused Belarus of sending troops to aid the Eurasian Economic Union. "
        "Critics of the senator defended him from accusations that he pressured Georgia. "
        "Armenia has denied joining the Eurasian Economic Union.",
    )
    assert not sides(stances, "gov:BLR", EURASIAN)
    assert not read_with(stances, "target_id", ("country:GEO", "gov:GEO"))
    assert not [s for s in stances if s.holder_id == "gov:ARM" and s.basis == "did"]
    assert -1 in {s.polarity for s in stances if s.holder_id == "gov:LTU"}


EUROPEAN = "target:european-integration"


def test_preferring_one_course_with_its_rival_named_is_against_the_rival(nlp: Language) -> None:
    # kind: other-holder/none (a choice of the EU course, with the Eurasian one named in the
    # same sentence, read as no stance on the Eurasian one); without a word of choosing, no
    # contrast is read
    chose = stances_of(
        nlp,
        "Moscow has pressed Moldova to join the Eurasian Economic Union, but Chisinau has "
        "preferred to pursue an association agreement with the European Union.",
    )
    assert sides(chose, "gov:MDA", EUROPEAN) == {1}
    assert sides(chose, "gov:MDA", EURASIAN) == {-1}
    tried = stances_of(
        nlp,
        "Moscow has pressed Moldova to join the Eurasian Economic Union, and Chisinau has "
        "sought an association agreement with the European Union.",
    )
    assert sides(tried, "gov:MDA", EUROPEAN) == {1}
    assert not sides(tried, "gov:MDA", EURASIAN)


def test_to_be_for_a_course_or_a_state_is_to_take_its_side(nlp: Language) -> None:
    # kind: reported wanting not read ("we are for a united Georgia" gave nothing)
    stances = stances_of(
        nlp, '"We do not want a split, we are for a united Georgia," said Nino Beridze, a teacher.'
    )
    assert polarities(stances, target_id="country:GEO") == {1}


def test_a_copula_with_a_predicate_takes_no_side_through_for(nlp: Language) -> None:
    # "The issue is vital for Minsk" parsed with "for" on "is": the predicate says what the
    # issue is, the copula takes no side (a spurious stance on the seeds without this guard)
    from spacy.tokens import Doc

    from dossier.extract.events.lexicon import Lemmas
    from dossier.extract.stance.lexicon import load_stance_lexicon
    from dossier.extract.stance.paths import read_path
    from dossier.nlp import kb_folder

    words = ["The", "issue", "is", "vital", "for", "Minsk", "."]
    heads = [1, 2, 2, 2, 2, 4, 2]
    deps = ["det", "nsubj", "ROOT", "acomp", "prep", "pobj", "punct"]
    pos = ["DET", "NOUN", "AUX", "ADJ", "ADP", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    lexicon, lemmas = load_stance_lexicon(kb_folder(None)), Lemmas(nlp)
    assert read_path(doc[5], lexicon, lemmas) is None
    bare = Doc(
        nlp.vocab,
        words=["We", "are", "for", "Minsk"],
        heads=[1, 1, 1, 2],
        deps=["nsubj", "ROOT", "prep", "pobj"],
        pos=["PRON", "AUX", "ADP", "PROPN"],
    )
    reading = read_path(bare[3], lexicon, lemmas)
    assert reading is not None and reading.polarity == 1


def test_not_wanting_to_be_part_of_a_state_is_against_it(nlp: Language) -> None:
    # kind: reported resisting not read ("part of X" stopped the path at a noun that was no
    # cue); a place said to be part of a state takes no side
    stances = stances_of(
        nlp,
        '"I do not want to be a part of Belarus," said Olga Petrova, a nurse in Grodno. '
        "Kaliningrad is part of Russia.",
    )
    assert polarities(stances, target_id="country:BLR") == {-1}
    assert not read_with(stances, "target_id", ("country:RUS", "gov:RUS"))


def test_an_act_on_a_territory_is_no_side_toward_its_state(nlp: Language) -> None:
    # kind: unsupported (the event stage put the state on the territory an act is aimed at:
    # "annexed Crimea" read as against Ukraine's government); an act on the state stays
    stances = stances_of(
        nlp,
        "Ukraine has lost half its coastline since March, when Russia annexed Crimea. "
        "Russia imposed sanctions on Moldova.",
    )
    assert not read_with(stances, "target_id", ("gov:UKR", "country:UKR"))
    assert sides(stances, "gov:RUS", "country:MDA") == {-1}
