"""The stance stage on invented sentences, one per kind of cue: reported wanting ("wants to
join") and resisting ("is reluctant to sign up", "opposes"), turning toward ("has turned its
attention to"), negation, what a holder says (a quote's words, a first-person pledge), what a
holder does (signing, sanctioning), an opinion piece's author holding his own claims apart from
what he reports, the date taken from the evidence, the holder's country through its office,
the targets as KB data and the links to the evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import stance_helpers
from dossier.errors import DossierError
from dossier.extract.document import prepare_doc
from dossier.extract.stance.lexicon import load_stance_lexicon
from dossier.kb.loader import KnowledgeBase, default_kb
from dossier.model import Stance
from dossier.nlp import LINKING_KB_FILES, _kb_file_names, kb_folder
from stance_helpers import polarities, read_with

EURASIAN = "target:eurasian-integration"
EUROPEAN = "target:european-integration"


def run(nlp: Language, text: str, date: str = "2013-05-10", **meta: str):
    return nlp(prepare_doc(nlp, text, date=date, doc_id="d1", **meta))


def stances_of(nlp: Language, text: str, **meta: str) -> list[Stance]:
    """The stances ``nlp`` finds in ``text``, read as ``run`` reads it."""
    return stance_helpers.stances_of(nlp, text, "2013-05-10", "d1", **meta)


def side(stances: list[Stance], holder_id: str, target_id: str, basis: str | None = None) -> int:
    """The one polarity ``holder_id`` is given toward ``target_id`` (by ``basis``)."""
    by_basis = {} if basis is None else {"basis": basis}
    found = polarities(stances, holder_id=holder_id, target_id=target_id, **by_basis)
    assert len(found) == 1, [(s.holder, s.target, s.polarity, s.basis) for s in stances]
    return found.pop()


def test_wanting_to_join_an_alias_is_for_its_target(nlp: Language) -> None:
    stances = stances_of(nlp, "Tajikistan wants to join the Eurasian Economic Union.")
    # A country that wants is its government; the EAEU is Eurasian integration.
    assert side(stances, "gov:TJK", EURASIAN, "reported") == 1
    reported = next(s for s in stances if s.basis == "reported")
    assert reported.cue == "join" and reported.holder_country == "TJK"
    assert reported.target == "Eurasian integration"


def test_reluctance_to_sign_up_is_against(nlp: Language) -> None:
    stances = stances_of(nlp, "Moldova is reluctant to sign up for the Customs Union.")
    assert side(stances, "gov:MDA", EURASIAN) == -1


def test_turning_ones_attention_to_the_eu_is_for_european_integration(nlp: Language) -> None:
    stances = stances_of(nlp, "Armenia has turned its attention to the European Union.")
    assert side(stances, "gov:ARM", EUROPEAN) == 1


def test_opposing_nato_is_against_nato(nlp: Language) -> None:
    stances = stances_of(nlp, "Kazakhstan opposes NATO.")
    assert side(stances, "gov:KAZ", "target:nato", "reported") == -1


def test_a_negated_want_turns_the_side(nlp: Language) -> None:
    stances = stances_of(nlp, "Uzbekistan does not want to join the Customs Union.")
    assert side(stances, "gov:UZB", EURASIAN) == -1


def test_a_quote_is_its_speakers_stance_dated_by_the_saying(nlp: Language) -> None:
    doc = run(
        nlp,
        '"The Customs Union is a historic opportunity for our country," Kyrgyz President '
        "Almazbek Atambayev said on Tuesday.",
    )
    stances = list(doc._.dossier_stances)
    assert side(stances, "person:almazbek-atambayev", EURASIAN, "said") == 1
    said = next(s for s in stances if s.basis == "said")
    quote = doc._.dossier_quotes[0]
    assert (said.evidence_kind, said.evidence_id) == ("quote", quote.fact_id)
    assert said.date == "2013-05-07"  # the Tuesday before the article, not its date
    assert said.holder_country == "KGZ"  # the president of Kyrgyzstan on that date
    links = [k for k in doc._.dossier_links if k.from_fact == said.fact_id]
    assert {(k.relation, k.to_fact) for k in links} >= {("evidence", quote.fact_id)}


def test_we_in_a_quote_is_its_speaker(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        '"We will join the Eurasian Economic Union next year," Armenian President Serzh '
        "Sargsyan said on Tuesday.",
    )
    assert side(stances, "person:serzh-sargsyan", EURASIAN, "said") == 1


def test_signing_and_sanctioning_are_stances_by_deed(nlp: Language) -> None:
    signed = stances_of(nlp, "Kazakhstan signed the treaty on the Eurasian Economic Union.")
    assert side(signed, "gov:KAZ", EURASIAN, "did") == 1
    deed = next(s for s in signed if s.basis == "did")
    assert deed.evidence_kind == "event" and deed.cue == "AGREE"
    sanctioned = stances_of(nlp, "The European Union imposed sanctions on Russia.")
    assert side(sanctioned, "igo:eu", "country:RUS", "did") == -1


def test_an_op_ed_author_holds_his_own_claims_apart_from_what_he_reports(
    nlp: Language,
) -> None:
    stances = stances_of(
        nlp,
        "Eurasian integration is a dangerous mistake. Moldova opposes the Customs Union.",
        genre="opinion",
        author="Ivan Petrovsky",
    )
    own = [s for s in stances if s.basis == "author"]
    assert [(s.holder, s.polarity) for s in own] == [("Ivan Petrovsky", -1)]
    assert side(stances, "gov:MDA", EURASIAN, "reported") == -1
    # The same sentence in a news report is no one's stance: the author is not a party.
    news = stances_of(nlp, "Eurasian integration has failed.")
    assert not [s for s in news if s.holder == "Ivan Petrovsky" or s.basis == "author"]


def test_the_date_is_the_sentences_not_the_publication(nlp: Language) -> None:
    stances = stances_of(
        nlp, "On March 3, 2012, Moldova said it was reluctant to join the Customs Union."
    )
    assert side(stances, "gov:MDA", EURASIAN) == -1
    assert {s.date for s in stances} == {"2012-03-03"}
    # Moldova's own words, reported: said, not merely reported.
    assert {s.basis for s in stances if s.evidence_kind == "quote"} == {"said"}


def test_a_holder_who_speaks_for_no_state_has_no_country(nlp: Language) -> None:
    stances = stances_of(nlp, "Political analyst Ivan Petrovsky opposes the Customs Union.")
    assert stances and {(s.holder, s.holder_country) for s in stances} == {("Ivan Petrovsky", None)}


@pytest.mark.parametrize(
    ("text", "field", "values"),
    [
        pytest.param("The presidents of Russia and Belarus signed a new customs code.", "target_id", ("country:RUS", "country:BLR"), id="a_target_inside_the_subject_is_no_target"),
        pytest.param("Kazakh President Nursultan Nazarbayev joined Vladimir Putin in Sochi.", "target_id", ("person:vladimir-putin",), id="joining_a_person_is_no_stance_toward_him"),
        # error kind (a): a summit's city taken for the event's source is no holder
        pytest.param("The treaty on the Eurasian Economic Union was signed in Ventspils, and Ventspils will sign the Customs Union treaty too.", "holder", ("Ventspils",), id="a_place_the_kb_does_not_know_as_a_state_holds_nothing"),
    ],
)  # fmt: skip
def test_no_stance_read(nlp: Language, text: str, field: str, values: tuple) -> None:
    assert not read_with(stances_of(nlp, text), field, values)


def test_targets_are_kb_data_with_aliases_and_actors() -> None:
    kb = default_kb()
    for alias in ("Customs Union", "EurAsEC", "Union State", "Eurasian Union"):
        assert kb.target(alias).id == EURASIAN  # type: ignore[union-attr]
    assert kb.target("association agreement").id == EUROPEAN  # type: ignore[union-attr]
    assert kb.target_of_actor("igo:eaeu").name == "Eurasian integration"  # type: ignore[union-attr]
    assert kb.target_of_actor("gov:RUS") is None  # any other actor is a target as itself
    # The stage's files are its own: editing them does not redo linking.
    linking = _kb_file_names(kb_folder(None), LINKING_KB_FILES)
    assert "targets.csv" not in linking and "stance_cues.csv" not in linking


def test_a_user_adds_a_target_by_adding_a_row_and_a_bad_row_is_named(
    tmp_path: Path, write_kb
) -> None:
    folder = write_kb(
        tmp_path / "kb",
        {
            "targets": "id,name,aliases,actors,source\n"
            "target:black-sea-pact,Black Sea pact,Black Sea accord,,invented\n"
        },
    )
    kb = KnowledgeBase.load(folder)
    assert kb.target("black sea accord").name == "Black Sea pact"  # type: ignore[union-attr]
    (folder / "targets.csv").write_text(
        "id,name,aliases,actors,source\ntarget:x,X,,igo:nowhere,invented\n", encoding="utf-8"
    )
    with pytest.raises(DossierError, match=r"targets.csv#L2: .*unknown actors"):
        KnowledgeBase.load(folder)


def test_the_cue_lexicon_is_validated(tmp_path: Path) -> None:
    (tmp_path / "stance_cues.csv").write_text(
        "pos,lemma,prep,polarity,strength,source\nverb,adore,,2,0.5,invented\n", encoding="utf-8"
    )
    with pytest.raises(DossierError, match=r"stance_cues.csv#L2"):
        load_stance_lexicon(tmp_path)


def test_a_country_named_as_a_target_is_the_country_a_capital_its_government(
    nlp: Language,
) -> None:
    named = stances_of(nlp, "Lithuania accused Belarus of hiding the truth.")
    assert side(named, "gov:LTU", "country:BLR", "did") == -1
    capital = stances_of(nlp, "Lithuania accused Minsk of hiding the truth.")
    assert side(capital, "gov:LTU", "gov:BLR", "did") == -1


def test_the_presidents_of_states_are_the_people_in_office_that_day(nlp: Language) -> None:
    doc = run(
        nlp,
        "The presidents of Russia and Kazakhstan signed the treaty on the Eurasian Economic Union.",
        date="2014-05-29",
    )
    holders = {(s.holder_id, s.polarity) for s in doc._.dossier_stances}
    assert {("person:vladimir-putin", 1), ("person:nursultan-nazarbayev", 1)} <= holders
    assert not {h for h, _ in holders} & {"gov:RUS", "gov:KAZ"}


def test_the_union_takes_up_the_last_target_named(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Tajikistan joined the Eurasian Economic Union in May. Its finance minister, Ivan "
        'Petrovsky, said: "Our farmers will find new opportunities and benefits inside the '
        'union."',
    )
    said = [s for s in stances if s.basis == "said"]
    assert [(s.holder, s.target, s.polarity) for s in said] == [
        ("Ivan Petrovsky", "Eurasian integration", 1)
    ]


def test_a_quote_that_judges_its_subject_is_the_speakers_stance_toward_it(
    nlp: Language,
) -> None:
    stances = stances_of(
        nlp, '"Lithuania lied to us, twice," Belarusian President Alexander Lukashenko said.'
    )
    assert side(stances, "person:alexander-lukashenko", "country:LTU", "said") == -1
    # What was done to someone judges no one: the victims are no target.
    victims = stances_of(nlp, '"Three Lithuanian guards were killed," the ministry said.')
    assert not [s for s in victims if s.cue == "killed"]


def test_an_outlet_reports_and_takes_no_side(nlp: Language) -> None:
    stances = stances_of(nlp, "Eurasianet backs the Customs Union.")
    assert not stances


@pytest.mark.parametrize(
    "text",
    [
        # error kind (c): one clause about an organisation's members, read by the sentence path
        "The member countries of the Commonwealth of Independent States are reluctant to join NATO.",
        # ... and by the event path, whose sources the event stage spreads over the members
        "Leaders of the Commonwealth of Independent States oppose NATO enlargement.",
    ],
)
def test_a_collective_holder_stays_one_holder(nlp: Language, text: str) -> None:
    stances = [
        s for s in stances_of(nlp, text) if s.target_id == "actor:NATO" or "NATO" in s.target
    ]
    holders = {s.holder_id for s in stances}
    assert holders == {"igo:cis"}, holders
    assert all(s.polarity == -1 for s in stances)


# Error kind (e): verdicts on a person, said or reported, are stances toward that person.
LAVROV, OBAMA, CLINTON, MERKEL = (
    "person:sergey-lavrov",
    "person:barack-obama",
    "person:hillary-clinton",
    "person:angela-merkel",
)


@pytest.mark.parametrize(
    ("text", "holder", "target", "polarity"),
    [
        ("Sergei Lavrov called Barack Obama a liar.", LAVROV, OBAMA, -1),
        ('Sergei Lavrov called Barack Obama "a weak leader."', LAVROV, OBAMA, -1),
        ("Hillary Clinton called Angela Merkel a hero of her generation.", CLINTON, MERKEL, 1),
        ('"Barack Obama is a disgrace," Sergei Lavrov said.', LAVROV, OBAMA, -1),
        ("Sergei Lavrov said Barack Obama was a weak leader.", LAVROV, OBAMA, -1),
        ('"Look how dishonest Barack Obama has become," Sergei Lavrov said.', LAVROV, OBAMA, -1),
        ("Sergei Lavrov put the blame squarely on Barack Obama.", LAVROV, OBAMA, -1),
    ],
)
def test_verdicts_on_a_person_are_stances_toward_them(
    nlp: Language, text: str, holder: str, target: str, polarity: int
) -> None:
    assert side(stances_of(nlp, text), holder, target) == polarity


def test_a_label_the_speaker_does_not_give_is_no_verdict(nlp: Language) -> None:
    # "called" with no evaluative label, and a neutral predicate noun: no side taken
    stances = stances_of(nlp, "Sergei Lavrov called Barack Obama on Tuesday.")
    assert not read_with(stances, "target_id", (OBAMA,))
    stances = stances_of(nlp, '"Barack Obama is a lawyer," Sergei Lavrov said.')
    assert not read_with(stances, "target_id", (OBAMA,))


def test_the_leaders_of_states_are_the_people_in_office(nlp: Language) -> None:
    # error kind (a): "the leaders of X and Y" are the heads of state on that date, not the states
    stances = stances_of(
        nlp, "The leaders of Kazakhstan and Belarus signed a treaty on the Eurasian Economic Union."
    )
    holders = {s.holder_id for s in stances if s.target_id == "target:eurasian-integration"}
    assert holders == {"person:nursultan-nazarbayev", "person:alexander-lukashenko"}
    # ... but opposition leaders are not those who lead the state
    stances = stances_of(nlp, "Belarusian opposition leaders oppose the Union State.")
    assert "person:alexander-lukashenko" not in {s.holder_id for s in stances}


def test_a_signed_declaration_on_a_target_is_for_it(nlp: Language) -> None:
    # a trigger reached through a preposition and an instrument noun (a token-identity bug hid it)
    stances = stances_of(
        nlp, "Armenia and Kyrgyzstan signed a declaration on Eurasian economic integration."
    )
    assert side(stances, "gov:ARM", "target:eurasian-integration", "did") == 1


def test_a_body_takes_no_side_toward_the_project_it_is(nlp: Language) -> None:
    stances = stances_of(nlp, "The European Union signed an association agreement with Georgia.")
    assert not [
        s
        for s in stances
        if s.holder_id == "igo:eu" and s.target_id == "target:european-integration"
    ]
    assert side(stances, "gov:GEO", "target:european-integration") == 1


def test_a_failure_claimed_is_no_side_taken(nlp: Language) -> None:
    # An outcome (a failure lamented or foretold) says nothing of the claimant's side: an
    # integrationist laments it as readily as an opponent hails it; neutral, not against.
    stances = stances_of(
        nlp, "Eurasian integration has failed.", genre="opinion", author="Ivan Petrovsky"
    )
    assert polarities(stances, basis="author") == {0}
    said = stances_of(nlp, '"Barack Obama will fail," Sergei Lavrov said.')
    assert not [s for s in said if s.target_id == "person:barack-obama" and s.polarity]


@pytest.mark.parametrize(
    ("text", "holder", "target"),
    [
        # error kind (d), a wrong sign: "against" linking a target to a hostile word is one
        # "against", not a second one that turns the side around
        ("The European Union imposed sanctions against Russia.", "igo:eu", "country:RUS"),
        ("Hillary Clinton supported sanctions against Russia.", CLINTON, "country:RUS"),
        ("Moldova protested against Russia.", "gov:MDA", "country:RUS"),
    ],
)
def test_a_hostile_word_and_its_against_say_the_side_once(
    nlp: Language, text: str, holder: str, target: str
) -> None:
    assert side(stances_of(nlp, text), holder, target) == -1


def test_a_relative_clause_is_held_by_the_noun_it_qualifies(nlp: Language) -> None:
    stances = stances_of(nlp, "The campaign was led by Sergei Lavrov, who accused Barack Obama.")
    assert side(stances, LAVROV, OBAMA) == -1


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Hillary Clinton supported the fight against Russia.", CLINTON),
        ("Angela Merkel joined the campaign against Russia.", MERKEL),
    ],
)
def test_a_favourable_act_aimed_through_against_is_against(
    nlp: Language, text: str, holder: str
) -> None:
    assert side(stances_of(nlp, text), holder, "country:RUS", "did") == -1


def test_a_state_in_its_leaders_words_is_the_leaders_stance(nlp: Language) -> None:
    # error kind (a): "Kazakhstan will join X, its president said" is the president's stance
    # (counted for Kazakhstan through his office); a foreign speaker's report stays the state's
    said = stances_of(
        nlp, "Kazakhstan will join the Customs Union, President Nursultan Nazarbayev announced."
    )
    holders = {s.holder_id for s in said if s.target_id == EURASIAN}
    assert holders == {"person:nursultan-nazarbayev"}
    assert {s.holder_country for s in said if s.target_id == EURASIAN} == {"KAZ"}
    reported = stances_of(nlp, "Kazakhstan will join the Customs Union, Sergei Lavrov said.")
    assert side(reported, "gov:KAZ", EURASIAN) == 1
    assert LAVROV not in {s.holder_id for s in reported}


def test_a_person_the_kb_lacks_can_be_judged(nlp: Language) -> None:
    # error kind (e): a verdict on a named person the KB does not know is still a stance
    stances = stances_of(nlp, '"Jonathan Wexley-Hart lied to me, twice," Sergei Lavrov said.')
    judged = [s for s in stances if s.holder_id == LAVROV and "Wexley-Hart" in s.target]
    assert [s.polarity for s in judged] == [-1]
    # ... but not a byline the parse joins to the first sentence
    byline = stances_of(
        nlp, "Jonathan Wexley-Hart | Morning Post\n\nMoldova joined the Customs Union."
    )
    assert not [s for s in byline if "Wexley-Hart" in s.target]


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        # error kind (e): verbs of rebuke and of praise between people
        ("Sergei Lavrov blasted Barack Obama on Monday.", -1),
        ("Sergei Lavrov mocked Barack Obama in a speech.", -1),
        ("Sergei Lavrov commended Barack Obama for his patience.", 1),
    ],
)
def test_rebuke_and_praise_between_people(nlp: Language, text: str, polarity: int) -> None:
    assert side(stances_of(nlp, text), LAVROV, OBAMA) == polarity


def test_a_passive_is_held_by_its_agent(nlp: Language) -> None:
    # error kind (d): "X was criticised by Y" is Y against X, not X against Y
    stances = stances_of(nlp, "Barack Obama was criticised by Sergei Lavrov.")
    # the deed (an ACCUSE event) and the reported clause are one stance since round 10
    assert side(stances, LAVROV, OBAMA) == -1
    assert not read_with(stances, "holder_id", (OBAMA,))


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause on a named state, and an instrument that passes its verb's side on
        "Georgia, which hopes to sign its own agreement with the European Union, faced checks.",
        "Tbilisi, which is negotiating a trade deal with the European Union, disagrees.",
    ],
)
def test_a_named_state_holds_its_relative_clause(nlp: Language, text: str) -> None:
    assert side(stances_of(nlp, text), "gov:GEO", "target:european-integration", "reported") == 1
