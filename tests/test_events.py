"""The event stage on invented sentences: compound actors kept as sets, metonyms, country
adjectives, the date of the sentence, the place, modality, and the links to actor mentions."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.extract.events.lexicon import EventEntry, EventLexicon
from dossier.model import Event
from dossier.nlp import (
    COMPONENT_NAMES,
    DEFAULT_CONFIG,
    EVENT_KB_FILES,
    _kb_file_names,
    kb_folder,
)


def events_of(nlp: Language, text: str, date: str = "2013-05-10") -> list[Event]:
    doc = nlp(prepare_doc(nlp, text, date=date))
    # Every act coded, incomplete records included: these tests read the coding of one
    # sentence; which records a document reports is test_events_round3's.
    return list(doc._.dossier_event_candidates)


def one(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.text, e.event_type) for e in events]
    return found[0]


def countries(actors: tuple) -> set[str]:
    return {a.country for a in actors}


def test_a_compound_subject_is_one_event_with_every_member_as_a_source(nlp: Language) -> None:
    events = events_of(
        nlp, "The prime ministers of Armenia, Kyrgyzstan and Moldova signed a customs accord."
    )
    signing = one(events, "AGREE")
    assert countries(signing.source) == {"ARM", "KGZ", "MDA"}
    assert signing.cameo == "057" and signing.mode == "sign"
    assert signing.goldstein is not None and signing.goldstein > 0


@pytest.mark.parametrize(
    ("text", "event_type", "source_countries", "target_countries"),
    [
        pytest.param("Kazakhstan and Belarus condemned the blockade of Armenia.", "ACCUSE", {"KAZ", "BLR"}, None, id="coordinated_names_are_a_set_too"),
        pytest.param("Minsk banned Lithuanian dairy imports.", "SANCTION", {"BLR"}, {"LTU"}, id="a_capital_standing_for_its_government_acts_and_an_adjective_names_the_target"),
        pytest.param("Russia urged Tajikistan to join the union.", "REQUEST", {"RUS"}, {"TJK"}, id="an_infinitive_s_controller_is_the_target_of_a_request"),
        pytest.param("Turkmenistan sells gas. In winter it cuts off the supply to Armenia.", "SANCTION", {"TKM"}, None, id="a_pronoun_acts_for_the_country_named_before_it"),
        pytest.param("Moscow announced a ban on Moldovan wine.", "SANCTION", {"RUS"}, {"MDA"}, id="a_nominal_event_takes_the_subject_of_its_verb"),
        pytest.param("Kazakhstan occupied Minsk.", "COERCE", {"KAZ"}, {"BLR"}, id="a_territory_done_to_stands_for_its_state"),
        pytest.param("Senior Latvian and Estonian diplomats condemned the blockade.", "ACCUSE", {"LVA", "EST"}, None, id="coordinated_country_adjectives_are_each_a_source"),
        pytest.param("Estonian envoy Kalju Tamm condemned the blockade.", "ACCUSE", {"EST"}, None, id="an_unlinked_name_acts_for_the_country_of_its_title"),
        pytest.param("Armenia hosted Georgia. Moldova said it would sign the transit accord.", "AGREE", {"MDA"}, None, id="a_pronoun_in_reported_words_is_the_speaker"),
        pytest.param("Opposition groups in Kyrgyzstan condemned the new tax.", "ACCUSE", {"KGZ"}, None, id="an_unknown_body_acts_for_the_country_its_phrase_places_it_in"),
        pytest.param("Thousands of Moldovans protested against the new tax.", "PROTEST", {"MDA"}, None, id="a_people_noun_names_its_country"),
        pytest.param("Belarus's decision to annex the border zone angered Lithuania.", "COERCE", {"BLR"}, None, id="the_possessor_of_a_decision_acts_in_what_it_decides"),
        pytest.param("The summit, hosted by Belarus, ended early.", "CONSULT", {"BLR"}, None, id="an_agent_of_a_participle_hosts"),
        pytest.param("Armenia's hold on aid to Georgia angered Tbilisi.", "SANCTION", {"ARM"}, None, id="a_hold_on_aid_is_a_sanction"),
        # Error kind: a stative passive ("is opposed to") read as an act on its subject.
        pytest.param("Norway is opposed to Danish mediation.", "REJECT", {"NOR"}, {"DNK"}, id="is_opposed_to_makes_the_subject_the_one_who_rejects"),
        # Error kind: an apposition ("a key ally of X") added as a co-actor.
        pytest.param("Georgia, a close U.S. partner, refused to send troops to Syria.", "REJECT", {"GEO"}, None, id="an_apposition_adds_no_actor"),
        pytest.param("The deal came in talks between Turkish President Erdogan and French President Macron.", "CONSULT", {"TUR"}, {"FRA"}, id="talks_between_two_leaders_have_the_first_as_source_and_the_second_as_target"),
        pytest.param("Markets fell after new French sanctions on Iran.", "SANCTION", {"FRA"}, {"IRN"}, id="a_capitalised_modifier_is_the_source_of_a_nominal_sanction"),
    ],
)  # fmt: skip
def test_the_countries_an_event_is_coded_between(
    nlp: Language,
    text: str,
    event_type: str,
    source_countries: set[str],
    target_countries: set[str] | None,
) -> None:
    """The one event of ``event_type`` in ``text``: its source countries, and its target
    countries where the case names them (None: the case does not check the target)."""
    event = one(events_of(nlp, text), event_type)
    assert countries(event.source) == source_countries
    if target_countries is not None:
        assert countries(event.target) == target_countries


def test_the_date_is_the_sentence_s_own_day_not_the_publication_date(nlp: Language) -> None:
    # 10 May 2013 was a Friday: "on Tuesday" is the 7th.
    signing = one(
        events_of(nlp, "Armenia and Kyrgyzstan signed a transit accord on Tuesday."), "AGREE"
    )
    assert (signing.date, signing.date_basis) == ("2013-05-07", "timex")
    undated = one(events_of(nlp, "Armenia and Kyrgyzstan signed a transit accord."), "AGREE")
    assert (undated.date, undated.date_basis) == ("2013-05-10", "publication")


def test_a_place_named_as_the_scene_is_the_location_not_an_actor(nlp: Language) -> None:
    signing = one(events_of(nlp, "Kazakhstan signed a gas accord with Russia in Minsk."), "AGREE")
    assert signing.location == "Minsk"
    assert countries(signing.source) == {"KAZ", "RUS"}


@pytest.mark.parametrize(
    ("kind", "text", "event_type", "modality"),
    [
        ("negation", "Tajikistan did not sign the declaration.", "AGREE", "negated"),
        ("will", "Kyrgyzstan will sign the accession treaty.", "AGREE", "future"),
        ("is to", "Armenia is to sign the accession treaty in October.", "AGREE", "future"),
        ("plans to", "Moldova plans to sign the trade accord.", "AGREE", "future"),
        ("would", "Georgia would sign the pact.", "AGREE", "hypothetical"),
        ("if", "If Moscow insists, Georgia will sign the pact.", "AGREE", "hypothetical"),
        ("habit", "When Kazakhstan wants leverage, it threatens Russia.", "THREATEN", "generic"),
        ("past fact", "Belarus threatened Lithuania.", "THREATEN", "asserted"),
    ],
)
def test_modality_kinds(
    nlp: Language, kind: str, text: str, event_type: str, modality: str
) -> None:
    assert one(events_of(nlp, text), event_type).modality == modality, kind


def test_a_refusal_is_a_rejection_and_not_the_act_refused(nlp: Language) -> None:
    events = events_of(nlp, "Uzbekistan refused to sign the customs treaty.")
    assert [e.event_type for e in events] == ["REJECT"]
    assert events[0].modality == "asserted"


def test_no_event_without_a_known_actor(nlp: Language) -> None:
    assert events_of(nlp, "The committee banned smoking in the hall.") == []


def test_events_link_to_their_actor_mentions(nlp: Language) -> None:
    doc = nlp(prepare_doc(nlp, "Belarus accused Lithuania of spying.", date="2013-05-10"))
    (event,) = doc._.dossier_events
    mentions = {m.fact_id: m.text for m in doc._.dossier_mentions}
    links = {
        (link.relation, mentions[link.to_fact])
        for link in doc._.dossier_links
        if link.from_fact == event.fact_id
    }
    assert links == {("source_actor", "Belarus"), ("target_actor", "Lithuania")}


def test_the_stage_comes_before_stance_and_its_vocabulary_is_not_linking_data() -> None:
    # Last but for the stance stage, which reads events as what a holder does.
    assert COMPONENT_NAMES[-2:] == ("dossier_events", "dossier_stance")
    linking = _kb_file_names(kb_folder(DEFAULT_CONFIG.kb_dir), "linking")
    assert not set(EVENT_KB_FILES) & set(linking)
    assert all((kb_folder(None) / name).exists() for name in EVENT_KB_FILES)


def _entry(lemma: str, particle: str, obj: str, cameo: str, plover: str) -> EventEntry:
    return EventEntry(lemma, particle, obj, cameo, plover, None, None, False)


def test_a_verb_is_read_with_its_particle_then_its_object_then_alone() -> None:
    lexicon = EventLexicon(
        [
            _entry("cut", "", "", "162", "SANCTION"),
            _entry("cut", "off", "", "1621", "SANCTION"),
            _entry("open", "", "fire", "190", "ASSAULT"),
        ],
        [_entry("ban", "on", "", "163", "SANCTION")],
        {"16": -4.0},
    )
    assert lexicon.verb("cut", ["off"], None).cameo == "1621"
    assert lexicon.verb("cut", [], "ties").cameo == "162"
    assert lexicon.verb("open", [], "fire").plover == "ASSAULT"
    assert lexicon.verb("open", [], "talks") is None
    assert lexicon.noun("ban", ["on"]).cameo == "163"
    assert lexicon.goldstein_of("1621") == -4.0


def test_the_shipped_lexicon_names_its_sources() -> None:
    head = (kb_folder(None) / "event_lexicon.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "PETRARCH2" in head and "MIT" in head
    assert Path(__file__).resolve().parents[1].joinpath("scripts/build_event_lexicon.py").exists()


def test_the_object_of_an_accusation_is_its_target_not_a_doer(nlp: Language) -> None:
    # The act alleged is no act told as done (round 5: see ``readings.denied``).
    events = events_of(nlp, "Georgia accused Armenia of sending weapons to the rebels.")
    assert countries(one(events, "ACCUSE").target) == {"ARM"}
    assert not [e for e in events if e.text == "sending"]


def test_the_leaders_of_a_union_act_for_its_member_states(nlp: Language) -> None:
    meeting = one(
        events_of(nlp, "Leaders of the Eurasian Economic Union met in Sochi.", date="2016-05-10"),
        "CONSULT",
    )
    assert {"RUS", "BLR", "KAZ"} <= countries(meeting.source)
    assert meeting.location == "Sochi"


def test_a_counted_group_stands_for_the_last_group_that_acted(nlp: Language) -> None:
    events = events_of(
        nlp,
        "Tajikistan, Moldova and Kyrgyzstan signed a transit accord. "
        "The three later condemned the blockade of Armenia.",
    )
    assert countries(one(events, "ACCUSE").source) == {"TJK", "MDA", "KGZ"}


def test_a_with_partner_of_a_signing_is_a_co_actor_but_of_an_attack_a_target(
    nlp: Language,
) -> None:
    signing = one(events_of(nlp, "Moldova signed a transit accord with Armenia."), "AGREE")
    assert countries(signing.source) == {"MDA", "ARM"} and signing.target == ()
    fight = one(events_of(nlp, "Armenia fought with Azerbaijan."), "ASSAULT")
    assert countries(fight.source) == {"ARM"} and countries(fight.target) == {"AZE"}


def test_he_is_the_last_person_named_and_it_the_last_state(nlp: Language) -> None:
    text = "Belarus hosted Armenian President Serzh Sargsyan. He condemned the blockade."
    assert countries(one(events_of(nlp, text), "ACCUSE").source) == {"ARM"}
    text = "Armenian President Serzh Sargsyan visited Belarus. It condemned the blockade."
    assert countries(one(events_of(nlp, text), "ACCUSE").source) == {"BLR"}


def test_a_leader_acting_on_his_own_state_is_no_target(nlp: Language) -> None:
    text = "Kazakh President Nursultan Nazarbayev signed Kazakhstan's new customs law."
    signing = one(events_of(nlp, text), "AGREE")
    assert countries(signing.source) == {"KAZ"} and signing.target == ()


def test_a_future_or_conditional_act_is_a_promise_or_a_threat(nlp: Language) -> None:
    visit = one(events_of(nlp, "Belarus will send aid to Armenia."), "AGREE")
    assert visit.modality == "future" and visit.cameo == "030"
    threat = one(events_of(nlp, "Belarus would attack Lithuania."), "THREATEN")
    assert threat.modality == "hypothetical"


def test_reported_words_that_someone_must_act_are_a_demand_on_them(nlp: Language) -> None:
    demand = one(events_of(nlp, "Belarus said Lithuania must return the seized trucks."), "REQUEST")
    assert countries(demand.source) == {"BLR"} and countries(demand.target) == {"LTU"}
    assert demand.cameo == "100"


def test_according_to_names_a_source_not_an_event(nlp: Language) -> None:
    events = events_of(nlp, "Armenia condemned the blockade, according to Azerbaijan.")
    assert [e.event_type for e in events] == ["ACCUSE"]


def test_a_resignation_is_a_retreat(nlp: Language) -> None:
    events = events_of(nlp, "Kazakh Prime Minister Ruslan Tulenov resigned on Monday.")
    assert one(events, "RETREAT").mode == "resign"


def test_members_read_from_one_name_give_one_link(nlp: Language) -> None:
    text = "Leaders of the Eurasian Economic Union met in Sochi."
    doc = nlp(prepare_doc(nlp, text, date="2016-05-10"))
    links = [(link.from_fact, link.to_fact, link.relation) for link in doc._.dossier_links]
    assert links and len(links) == len(set(links))


def test_a_plural_event_noun_is_read_as_written(nlp: Language) -> None:
    talks = one(events_of(nlp, "Armenia and Georgia renewed negotiations."), "CONSULT")
    assert countries(talks.source) == {"ARM", "GEO"} and talks.text == "negotiations"


def test_a_verb_the_dictionary_codes_only_with_objects_has_a_curated_reading(
    nlp: Language,
) -> None:
    assert one(events_of(nlp, "Belarus denied the Lithuanian request."), "REJECT")


def test_blocking_is_a_protest_unless_a_state_blocks(nlp: Language) -> None:
    protest = one(events_of(nlp, "Moldovan farmers blocked the border road."), "PROTEST")
    assert countries(protest.source) == {"MDA"}
    assert one(events_of(nlp, "Belarus blocked Lithuanian trucks."), "COERCE").cameo == "191"


def test_a_refusal_stated_for_the_future_is_a_rejection(nlp: Language) -> None:
    rejection = one(events_of(nlp, "Georgia will not accept the Russian proposal."), "REJECT")
    assert rejection.modality == "asserted"
    past = one(events_of(nlp, "Georgia did not accept the Russian proposal."), "AGREE")
    assert past.modality == "negated"


def test_troops_withdrawn_retreat_but_envoys_withdrawn_sanction(nlp: Language) -> None:
    assert one(events_of(nlp, "Armenia withdrew its troops from the border."), "RETREAT")
    assert one(events_of(nlp, "Armenia withdrew its ambassador from Belarus."), "SANCTION")


def test_readiness_is_a_promise(nlp: Language) -> None:
    text = "Kazakhstan is ready to send aid to Kyrgyzstan."
    assert one(events_of(nlp, text), "AGREE").modality == "future"


def test_becoming_a_member_is_joining_and_a_loose_synonym_no_event(nlp: Language) -> None:
    joining = one(events_of(nlp, "Tajikistan became a member of the union."), "COOPERATE")
    assert countries(joining.source) == {"TJK"}
    assert events_of(nlp, "Tajikistan argued about the tariff with Kyrgyzstan.") == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Estonia and Moldova upgraded their diplomatic ties.", "SUPPORT"),
        ("Lithuania opened an inquiry into the Belarusian shipments.", "ACCUSE"),
        ("Armenian troops remained on alert near the border.", "MOBILIZE"),
        ("Georgia cancelled restrictions on Armenian trucks.", "CONCEDE"),
        ("Kazakhstan handed over the detained sailors to Russia.", "AID"),
    ],
)
def test_readings_an_object_or_noun_decides(nlp: Language, text: str, event_type: str) -> None:
    assert one(events_of(nlp, text), event_type)


def test_a_road_leading_somewhere_is_no_event(nlp: Language) -> None:
    events = events_of(nlp, "Moldovan farmers blocked roads leading to Chisinau.")
    assert [e.event_type for e in events] == ["PROTEST"]


def test_a_place_the_kb_lacks_acts_when_it_is_the_subject(nlp: Language) -> None:
    events = events_of(nlp, "Ruritania condemned the blockade of Armenia.")
    accusation = one(events, "ACCUSE")
    assert [a.actor for a in accusation.source] == ["Ruritania"]


def test_a_date_in_a_clause_below_the_trigger_is_not_its_date(nlp: Language) -> None:
    text = (
        "Armenia and Georgia met on Tuesday. "
        "They signed a transit accord that takes effect on January 1."
    )
    signing = one(events_of(nlp, text), "AGREE")
    assert signing.date == "2013-05-07"  # the narrative day, not the accord's start
    text = "On Tuesday, Moldova said it had signed the transit accord."
    assert one(events_of(nlp, text), "AGREE").date == "2013-05-07"


def test_failing_rejects_only_what_was_not_done(nlp: Language) -> None:
    assert one(events_of(nlp, "Moldova failed to ratify the accord with Romania."), "REJECT")
    assert events_of(nlp, "Without Moldova, Romania itself will fail.") == []


def test_the_body_one_becomes_a_member_of_is_the_target_not_its_members(
    nlp: Language,
) -> None:
    text = "Tajikistan became a member of the Eurasian Economic Union."
    joining = one(events_of(nlp, text, date="2016-05-10"), "COOPERATE")
    assert [a.actor for a in joining.target] == ["Eurasian Economic Union"]


def test_what_a_request_is_about_is_its_target(nlp: Language) -> None:
    text = "Tajikistan asked to join the Eurasian Economic Union."
    request = one(events_of(nlp, text, date="2016-05-10"), "REQUEST")
    assert [a.actor for a in request.target] == ["Eurasian Economic Union"]


def test_a_partner_deep_in_the_signed_document_is_a_signatory(nlp: Language) -> None:
    text = "Moldova signed a memorandum of cooperation with Armenia."
    signing = one(events_of(nlp, text), "AGREE")
    assert countries(signing.source) == {"MDA", "ARM"} and signing.target == ()


def test_should_in_reported_words_is_a_demand_too(nlp: Language) -> None:
    text = "Belarus said Lithuania should consider the offer."
    demand = one(events_of(nlp, text), "REQUEST")
    assert countries(demand.source) == {"BLR"} and countries(demand.target) == {"LTU"}


def test_one_person_attacking_another_is_a_verbal_attack(nlp: Language) -> None:
    text = "Vladimir Putin attacked Alexander Lukashenko."
    assert one(events_of(nlp, text, date="2020-05-10"), "ACCUSE").cameo == "111"
    assert one(events_of(nlp, "Belarus attacked Lithuania."), "ASSAULT")


# Error kind: source country unknown for a country the KB lacks, named by a demonym or a
# multi-word name the Phoenix table skipped (mledoze rows in event_countries.csv).
def test_demonyms_and_multiword_names_from_the_world_table_give_a_country(nlp: Language) -> None:
    swiss = one(events_of(nlp, "Swiss diplomats condemned the blockade of Armenia."), "ACCUSE")
    assert countries(swiss.source) == {"CHE"}
    ivorian = one(events_of(nlp, "Ivory Coast rebels rejected a Ghanaian truce plan."), "REJECT")
    assert countries(ivorian.source) == {"CIV"}


# Error kind: a capital that acts (metonymy) left without its country; named as a place it
# stays a place.
def test_a_capital_of_a_country_the_kb_lacks_stands_for_it_only_when_it_acts(
    nlp: Language,
) -> None:
    threat = one(events_of(nlp, "Lima's police chief threatened the striking miners."), "THREATEN")
    assert countries(threat.source) == {"PER"}
    signing = one(
        events_of(nlp, "Armenia and Moldova signed a transit accord in Lima on Tuesday."), "AGREE"
    )
    assert countries(signing.source) == {"ARM", "MDA"}
    assert "PER" not in countries(signing.target)


# Error kind: a person the KB does not place acts for the country the sentence is about,
# never for the country the event is done to.
def test_an_unplaced_source_takes_its_sentence_country_but_not_the_target_country(
    nlp: Language,
) -> None:
    curfew = one(
        events_of(nlp, "Governor Tomas Okafor threatened to impose a curfew in Lima."), "THREATEN"
    )
    assert countries(curfew.source) == {"PER"}
    demand = one(events_of(nlp, "Bishop Tomas Okafor condemned Peru."), "ACCUSE")
    assert countries(demand.source) == {None}
    assert countries(demand.target) == {"PER"}


# Error kind: a country name taken for a bare surname of a KB person.
def test_a_bare_country_name_is_the_country_not_a_persons_surname(nlp: Language) -> None:
    pact = one(events_of(nlp, "Jordan and Norway signed a fisheries accord."), "AGREE")
    assert countries(pact.source) == {"JOR", "NOR"}
    named = events_of(nlp, "Rep. Jim Jordan met voters. Later Jordan condemned Russia.")
    assert countries(one(named, "ACCUSE").source) == {"USA"}


# Error kind: a people or ethnic minority coded by its kin state, not where it lives.
def test_a_people_placed_in_a_country_acts_for_that_country(nlp: Language) -> None:
    placed = one(
        events_of(nlp, "The Hungarians of southern Slovakia demonstrated against the new law."),
        "PROTEST",
    )
    assert countries(placed.source) == {"SVK"}
    ethnic = one(
        events_of(nlp, "Ethnic Hungarians demonstrated on Monday in Romania."),
        "PROTEST",
    )
    assert countries(ethnic.source) == {"ROU"}
    kin = one(events_of(nlp, "Hungarian officials condemned the new law."), "ACCUSE")
    assert countries(kin.source) == {"HUN"}


# Error kind: target dropped when the act is told as what its target knows or fears.
def test_an_act_told_as_what_an_actor_fears_targets_that_actor(nlp: Language) -> None:
    fear = one(
        events_of(nlp, "Minsk fears that whenever Moscow is angry, it cuts off the oil."),
        "SANCTION",
    )
    assert countries(fear.source) == {"RUS"}
    assert countries(fear.target) == {"BLR"}
    assert fear.modality == "generic"
    said = one(events_of(nlp, "Analysts say Moscow cut off the oil."), "SANCTION")
    assert said.target == ()


# Error kind: spurious events whose subject is no actor, kept for the target they name.
def test_an_active_act_without_an_actor_subject_is_no_event(nlp: Language) -> None:
    events = events_of(nlp, "The clash seemed to counter Moldova's claims about the border.")
    assert [e for e in events if e.event_type == "ACCUSE"] == []
    # A passive, and violence, may leave the doer unsaid.
    shot = one(events_of(nlp, "Two Georgian border guards were shot near Gori."), "ASSAULT")
    assert shot.source == () and countries(shot.target) == {"GEO"}
    blast = one(events_of(nlp, "A roadside bombing killed three Afghan policemen."), "ASSAULT")
    assert countries(blast.target) == {"AFG"}


# Error kind: a figurative bare verb taken for an event ("needs", "aims to", "suggests").
def test_figurative_verbs_code_only_with_an_object_reading(nlp: Language) -> None:
    text = (
        "Georgia needs foreign investment. The Armenian reform aims at lower taxes. "
        "Moldova's plan suggests closer ties."
    )
    assert events_of(nlp, text) == []
    troops = one(events_of(nlp, "Azerbaijan has increased security on the border."), "MOBILIZE")
    assert countries(troops.source) == {"AZE"}


# Error kind: a byline or dateline the parse ran into the first sentence taken for its actor.
def test_a_byline_and_a_dateline_are_no_actors(nlp: Language) -> None:
    text = (
        "Maria Petrova\n\nSpecial for The Daily Planet\n\n"
        "TBILISI — Georgia condemned the Russian blockade of its ports on Sunday."
    )
    for event in events_of(nlp, text):
        names = {a.actor for a in (*event.source, *event.target)}
        assert "Maria Petrova" not in names
        assert all(a.mention_start > text.index("—") for a in event.source)


# Error kind: a person named only as whose someone is ("X's lawyer", "X associates") taken
# for a co-actor.
def test_the_owner_of_a_persons_role_is_not_an_actor(nlp: Language) -> None:
    text = "Navalny was attacked by Lukashenko's press secretary, Anna Volkova."
    attack = next(e for e in events_of(nlp, text) if e.source)
    assert [a.actor for a in attack.source] == ["Anna Volkova"]
    spokesman = one(events_of(nlp, "Lukashenko's spokesman condemned Lithuania."), "ACCUSE")
    assert countries(spokesman.source) == {"BLR"}
    assert "Alexander Lukashenko" not in {a.actor for a in spokesman.source}


# Error kind: no event for acts the dictionary lacks (posting troops, seizing control).
def test_stationing_troops_and_taking_control_are_coded(nlp: Language) -> None:
    posted = one(events_of(nlp, "Armenia has stationed 5,000 troops near Meghri."), "MOBILIZE")
    assert countries(posted.source) == {"ARM"}
    seized = one(events_of(nlp, "Russian forces took control of two Georgian villages."), "COERCE")
    assert countries(seized.source) == {"RUS"} and seized.mode == "seize"


# Error kind: no source when the parse hangs the main verb from the name before it.
def test_a_verb_the_parse_hung_from_a_root_name_has_that_name_as_its_subject(
    nlp: Language,
) -> None:
    text = "Lukashenko, whom the activist often criticized, condemned Lithuania on Monday."
    accusation = one(events_of(nlp, text), "ACCUSE")
    assert [a.actor for a in accusation.source] == ["Alexander Lukashenko"]


# Error kind: "help" with an infinitive coded as aid instead of the act helped.
def test_helping_to_do_something_is_that_act_not_aid(nlp: Language) -> None:
    events = events_of(nlp, "Moscow helped topple the government of Georgia.")
    assert [e for e in events if e.event_type == "AID"] == []


# Error kind: unnamed forces left without a country where their sentence names one.
def test_unnamed_forces_act_for_the_country_their_sentence_names(nlp: Language) -> None:
    text = "Moldovan officials said on Tuesday that their troops had completed the withdrawal."
    retreat = next(e for e in events_of(nlp, text) if e.event_type == "RETREAT")
    assert countries(retreat.source) == {"MDA"}


# Error kind: "pro-X" and "anti-X" read as country X.
def test_pro_and_anti_name_a_side_not_a_country(nlp: Language) -> None:
    text = "Pro-Georgia militants attacked a checkpoint near Tskhinvali."
    for event in events_of(nlp, text):
        assert "GEO" not in countries(event.source)


# Error kind: one act told twice in a sentence ("marched ... to protest") listed twice.
def test_one_act_is_listed_once_per_sentence(nlp: Language) -> None:
    text = "Georgian students marched through Tbilisi to protest the law."
    protests = [e for e in events_of(nlp, text) if e.event_type == "PROTEST"]
    assert len(protests) == 1 and protests[0].text == "marched"


# Error kind: no target for an attack on or seizure of places that name no actor.
def test_places_seized_are_the_state_the_sentence_names_besides_the_attacker(
    nlp: Language,
) -> None:
    seized = one(
        events_of(nlp, "Armenia seized government buildings in Nakhchivan, Azerbaijan."), "COERCE"
    )
    assert countries(seized.source) == {"ARM"} and countries(seized.target) == {"AZE"}
    # No other state named: the target stays unknown rather than the attacker's own.
    alone = one(events_of(nlp, "Armenia seized government buildings in Nakhchivan."), "COERCE")
    assert alone.target == ()


# Error kind: a date phrase read as the verb's particle ("called on Sunday for talks" read as
# "call on"), losing the target named after "for".
def test_a_date_after_a_verb_is_no_particle(nlp: Language) -> None:
    text = "Lukashenko called on Sunday for immediate talks on the future of Transnistria, Moldova."
    request = one(events_of(nlp, text), "REQUEST")
    assert countries(request.target) == {"MDA"}


# Error kind: no target for a threat that names none.
def test_a_threat_without_a_named_target_aims_at_the_state_its_sentence_names(
    nlp: Language,
) -> None:
    text = "Belarus has threatened to intervene if ethnic Belarusians in Latvia need protection."
    threat = one(events_of(nlp, text), "THREATEN")
    assert countries(threat.source) == {"BLR"} and countries(threat.target) == {"LVA"}


# Error kinds: a person "attacking" is coded as violence; a target pronoun resolved to the
# source itself.
def test_a_person_attacking_another_accuses_and_the_pronoun_is_someone_else(
    nlp: Language,
) -> None:
    text = "Tikhanovskaya spoke in Vilnius. Lukashenko has publicly attacked her."
    attack = one(events_of(nlp, text), "ACCUSE")
    assert [a.actor for a in attack.source] == ["Alexander Lukashenko"]
    assert [a.actor for a in attack.target] == ["Sviatlana Tsikhanouskaya"]
    troops = events_of(nlp, "Azerbaijani troops attacked Armenian positions.")
    assert countries(one(troops, "ASSAULT").source) == {"AZE"}


# Error kind: an agreement announced after a meeting coded as the announcer's alone.
def test_an_agreement_announced_at_a_meeting_is_every_partys(nlp: Language) -> None:
    text = (
        "Lukashenko hosted a meeting of prime ministers from Armenia and Moldova in Minsk "
        "and announced an agreement on transit fees."
    )
    agreement = one(events_of(nlp, text), "AGREE")
    assert countries(agreement.source) == {"BLR", "ARM", "MDA"}
    alone = one(events_of(nlp, "Lukashenko announced an agreement on transit fees."), "AGREE")
    assert countries(alone.source) == {"BLR"}


# Error kinds: "push X to join" read as the pusher joining; "were to blame" read as blaming.
def test_push_to_join_is_one_request_and_to_blame_is_no_accusation(nlp: Language) -> None:
    events = events_of(nlp, "Russia pushed Armenia to join the customs union.")
    assert [e.event_type for e in events] == ["REQUEST"]
    assert countries(events[0].target) == {"ARM"}
    assert events_of(nlp, "Georgia and Armenia were to blame.") == []


# Error kind: "they" resolved to the last state named, not to the people who were the
# subject of the sentence before.
def test_they_after_a_coordinated_subject_of_people_is_those_people(nlp: Language) -> None:
    text = (
        "Lukashenko and Pashinyan hope the accords will appeal to voters nostalgic for the "
        "Soviet Union. They condemned Lithuania on Thursday."
    )
    accusation = one(events_of(nlp, text), "ACCUSE")
    assert countries(accusation.source) == {"BLR", "ARM"}


def test_the_body_one_freezes_membership_in_is_the_target_not_the_scene(nlp: Language) -> None:
    events = events_of(
        nlp, "Georgia suspended its membership in the Commonwealth of Independent States."
    )
    suspension = one(events, "SANCTION")
    assert countries(suspension.source) == {"GEO"}
    assert [a.actor for a in suspension.target] == ["Commonwealth of Independent States"]


def test_the_union_named_earlier_is_the_body_one_becomes_a_member_of(nlp: Language) -> None:
    events = events_of(
        nlp,
        "The Court of the African Union sat in Arusha. The African Union met in Addis Ababa. "
        "Morocco became the union's fifty-fifth member state that year.",
    )
    joining = [e for e in events if e.event_type == "COOPERATE" and countries(e.source) == {"MAR"}]
    assert len(joining) == 1
    assert [a.actor for a in joining[0].target] == ["African Union"]


def test_a_forecast_inside_a_quotation_is_no_event_but_one_outside_is(nlp: Language) -> None:
    quoted = events_of(
        nlp, '"Beijing will pressure us to sign the pact," the Mongolian minister said.'
    )
    assert not [e for e in quoted if e.modality in ("future", "hypothetical")]
    reported = events_of(nlp, "The Mongolian minister said Beijing will pressure Ulaanbaatar.")
    assert [e.modality for e in reported if e.event_type == "REQUEST"] == ["future"]


def test_the_three_countries_are_the_three_named_earlier_though_none_acted_then(
    nlp: Language,
) -> None:
    events = events_of(
        nlp,
        "The Andean office, run by a bloc formed by Chile, Peru and Colombia, opened in Lima "
        "on Monday, a month after the three countries launched their joint stock exchange.",
    )
    launch = one(events, "COOPERATE")
    assert countries(launch.source) == {"CHL", "PER", "COL"}
    # What a launch brings into being is no one it is done to.
    assert launch.target == ()


def test_an_attack_launched_on_a_state_still_has_it_as_target(nlp: Language) -> None:
    attack = one(events_of(nlp, "Russia launched an attack on Georgia."), "ASSAULT")
    assert countries(attack.target) == {"GEO"}


def test_the_treaty_one_is_asked_to_sign_is_the_request_not_a_second_event(
    nlp: Language,
) -> None:
    events = events_of(nlp, "Pashinyan asked his partners to sign Armenia's accession treaty.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_completing_entry_joins_the_body_and_a_submitted_application_is_a_request(
    nlp: Language,
) -> None:
    joined = one(events_of(nlp, "Montenegro completed its accession to NATO."), "COOPERATE")
    assert countries(joined.source) == {"MNE"}
    assert [a.actor for a in joined.target] == ["NATO"]
    asked = events_of(nlp, "Skopje submitted its application to the European Union.")
    assert [e.event_type for e in asked] == ["REQUEST"]


def test_a_crowd_gathering_is_a_protest_not_a_meeting(nlp: Language) -> None:
    events = events_of(nlp, "By nightfall a crowd had gathered on Tbilisi's Freedom Square.")
    assert [e.event_type for e in events] == ["PROTEST"]
    assert events[0].cameo == "141"


def test_an_act_a_state_is_reluctant_to_do_is_no_event(nlp: Language) -> None:
    events = events_of(nlp, "Serbia has been reluctant to sign the trade pact.")
    assert not [e for e in events if e.event_type == "AGREE"]
    eager = events_of(nlp, "Serbia has agreed to sign the trade pact.")
    assert [e.event_type for e in eager] == ["AGREE"]


def test_joining_with_no_object_joins_the_body_named_last(nlp: Language) -> None:
    events = events_of(
        nlp,
        "The European Union is a bloc of states. Croatia joined the next day, "
        "and Serbia in August of that year.",
    )
    joining = one(events, "COOPERATE")
    assert countries(joining.source) == {"HRV"}
    assert [a.actor for a in joining.target] == ["European Union"]
