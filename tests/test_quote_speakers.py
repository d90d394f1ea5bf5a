"""Speakers of quotes, by the kind of error each rule fixes. Sentences are our own wording
about real or invented events; invented people keep the linker from knowing them already."""

from __future__ import annotations

import pytest

from dossier.model import Quote
from quote_helpers import quotes_of

DATE = "2019-03-12"


def quote_starting(quotes: list[Quote], words: str) -> Quote:
    return next(q for q in quotes if q.text.startswith(words))


# --- speakers: pronoun gender, interview turns, first names, role phrases, rarer cues ------


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # Kind: a pronoun given to the person quoted last whatever their gender. The text shows
        # Halyna Moroz is a woman ("Moroz said she ..."), so "she" is her, not the mayor.
        pytest.param(
            'Halyna Moroz grew up in Lviv. Moroz said she had wanted to teach since childhood.\n\nThe mayor, Taras Bondar, called the school plan "a good start."\n\n"We opened three classrooms this year," she said.',
            "We opened",
            "Halyna Moroz",
            id="she_said_skips_a_man_quoted_last_for_a_woman_the_text_calls_she",
        ),
        # Kind: interview back-and-forth. The host is shown to be a woman by an apposition; the
        # man she asked answers.
        pytest.param(
            'Oksana Hrytsenko, a spokeswoman turned radio host, interviewed Petro Savchuk on Tuesday.\n\n"Will the plant close?" Hrytsenko asked Savchuk.\n\n"Not while I run it," he responded.',
            "Not while",
            "Petro Savchuk",
            id="he_responded_after_a_woman_asked_is_the_man_she_asked",
        ),
        # Kind: interview turns. Nothing tells the two apart by gender: the reply verb does.
        pytest.param(
            '"When will the bridge reopen?" Dana Lipko asked Artem Zhuk at the briefing.\n\n"In the spring, if the steel arrives," he answered.',
            "In the spring",
            "Artem Zhuk",
            id="he_answered_is_the_one_asked_when_the_text_says_no_gender",
        ),
        # Kind: a pronoun resolved to someone the last speaker only talked about.
        pytest.param(
            'Mrs. Olena Tkach runs the shelter in Kherson. Mr. Petro Hnatyuk drives its van.\n\n"Ask Yulia Tymoshenko where the money went," Mr. Hnatyuk said.\n\n"We spent it on fuel," she said.',
            "We spent",
            "Olena Tkach",
            id="a_person_named_inside_a_quotation_is_not_a_pronoun_s_speaker",
        ),
        # Kind: interview back-and-forth. The man was named three paragraphs up; the woman quoted
        # last is not "he", and "he" last meant him.
        pytest.param(
            'Mr. Oleh Dubenko met reporters in Odesa on Monday.\n\n"The port is open," he said.\n\n"And the grain?" asked Ms. Vira Lisova, a reporter.\n\n"Ships leave every day," he said.',
            "Ships leave",
            "Oleh Dubenko",
            id="he_goes_on_meaning_the_man_it_meant_when_a_woman_speaks_between",
        ),
        # Kind: feature stories call ordinary people by their first names after introducing them.
        pytest.param(
            'Outside the market, Nadia Kostenko sold honey from her own hives.\n\n"Prices went up twice this winter," Nadia said.',
            "Prices went",
            "Nadia Kostenko",
            id="a_first_name_alone_is_the_person_named_in_full_before",
        ),
        # Kind: role phrases the linker leaves unresolved (the KB lacks the role on that date).
        pytest.param(
            "Former Prime Minister Mykola Azarov left Kyiv in 2014.\n\n"
            'The former prime minister, for his part, has called the charges "pure invention."',
            "pure invention",
            "Mykola Azarov",
            id="a_title_before_the_name",
        ),
        pytest.param(
            "Taras Hnatiuk, the former port director, was questioned on Monday.\n\n"
            '"I signed what I was given," the former port director told the court.',
            "I signed",
            "Taras Hnatiuk",
            id="an_apposition_after_the_name",
        ),
        # Kind: frames whose cue the lexicon did not read.
        pytest.param(
            '"Go back to your seat," Alexander Lukashenko barked at the reporter.',
            "Go back",
            "Alexander Lukashenko",
            id="said_sharply",
        ),
        pytest.param(
            "After the criticism from Kyiv, Alexander Lukashenko shot back, "
            '"I have been president longer than you have been on television."',
            "I have been",
            "Alexander Lukashenko",
            id="shot_back_before_the_quotation",
        ),
        pytest.param(
            "Sviatlana Tsikhanouskaya spoke in Vilnius.\n\n"
            '"We are not afraid," Emmanuel Macron went on, "and we will not leave."',
            "We are not afraid",
            "Emmanuel Macron",
            id="went_on_after_the_quotation",
        ),
        pytest.param(
            '"That is simply a lie," an angry Emmanuel Macron retaliated.',
            "That is simply",
            "Emmanuel Macron",
            id="retaliated",
        ),
        # Kind: a quotation signed by a name after a dash at the end of its line (readers'
        # comments, vox pops); a mark glued to the dash is not part of the name.
        pytest.param(
            "What readers told us about the new bridge.\n\n"
            "\u201cIt took ten years and it still leaks.\u201d \u2015 Marta Ilchenko\n"
            "\u201cMy commute is twenty minutes shorter.\u201d\u2015 Dmytro Savka.\n",
            "My commute",
            "Dmytro Savka",
            id="a_name_after_a_dash_signs_the_quotation",
        ),
        # Kind: a participle right after a name speaks for that name, not for the subject of
        # the clause the parser hung it on ("The video uses footage of X asking, ...").
        pytest.param(
            "A new campaign video uses footage of Mayor Oksana Derkach asking, "
            '"Who will pay for the buses?"',
            "Who will pay",
            "Oksana Derkach",
            id="a_participle_right_after_a_name",
        ),
        # Kind: an inverted frame that opens with the cue verb before a colon.
        pytest.param(
            'Most economists doubt the plan will pass. Said Hulak: "Nobody in the council '
            'has read it."',
            "Nobody in",
            "Hulak",
            id="said_name_colon",
        ),
        # Kind: the parse puts the frame's cue under the quoted clause (its subject "We" inside
        # the marks): the person named between the quotation and the cue speaks.
        pytest.param(
            '"We will rebuild every school in this district," Lviv police Chief Roman Tsap '
            "said Monday.",
            "We will rebuild",
            "Roman Tsap",
            id="a_name_between_the_quotation_and_a_cue_the_parse_hid",
        ),
        # Kind: "she" given to a man because the text's only gender evidence was misread. "X
        # told Y he ..." says nothing of X (he may be Y); a possessive in a clause whose
        # subject is the person ("Kovalenko sat through her hearing") says she is a woman.
        pytest.param(
            "Iryna Kovalenko questioned Bohdan Marchuk for an hour.\n\n"
            "Kovalenko told Marchuk he would have to answer in writing. Kovalenko then read "
            "her own notes aloud.\n\n"
            '"Not one of these contracts was tendered," Marchuk said.\n\n'
            '"Then who signed them?" she said.',
            "Then who",
            "Iryna Kovalenko",
            id="she_after_a_man_quoted_is_the_woman_her_possessive_shows",
        ),
        # Kind: a quotation with no frame of its own after a sentence about a person in the
        # same paragraph is that person's, not the speaker quoted last.
        pytest.param(
            '"The budget is balanced," Mayor Petro Hulak said on Monday.\n\n'
            "On local radio, council member Iryna Kovalenko, who voted against the plan, "
            'called the figures a fiction. "Nobody has seen the invoices."',
            "Nobody has seen",
            "Iryna Kovalenko",
            id="a_quote_without_a_frame_after_a_sentence_about_a_person",
        ),
        # Kind: "according to" a record (a transcript, documents) after a partial quote says
        # where the words were read; the reporting verb's subject before it is the speaker.
        pytest.param(
            'Hulak recalled that one clerk had "asked twice about the missing invoices," '
            "according to the transcript, but he did not name her.",
            "asked twice",
            "Hulak",
            id="according_to_a_transcript_is_no_speaker",
        ),
    ],
)
def test_the_speaker_of_a_quote_by_kind(nlp, text: str, words: str, speaker: str):
    assert quote_starting(quotes_of(nlp, text, DATE), words).speaker_actor == speaker


# --- cue verbs in a sense that is not speech -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        pytest.param(
            "Two opposition senators said on Monday they were continuing to examine "
            '"every single payment made by the ministry" in the grain deal.',
            "every single",
            "Two opposition senators",
            id="continuing_to_do_something_is_not_speech",
        ),
        pytest.param(
            "Lindsey Graham said he expected the committee would call officials to testify "
            'about the deal "well before the summer recess."',
            "well before",
            "Lindsey Graham",
            id="a_speech_asked_of_someone_is_not_made_by_them",
        ),
    ],
)
def test_a_partial_quote_under_a_verb_that_is_not_speech_keeps_the_reporter(
    nlp, text: str, fragment: str, speaker: str
):
    quote = quote_starting(quotes_of(nlp, text, DATE), fragment)
    assert quote.quote_kind == "partial" and quote.speaker_actor == speaker


# --- quoted words that are not speech ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'Olga Petrova stood by the fountain holding a placard that said "stop the war."',
            id="an_inscription_on_a_placard",
        ),
        pytest.param(
            'In the documentary, titled "Donbas: The Long Winter," Serhiy Loznytsia said the '
            "war had emptied the region.",
            id="a_title_after_a_naming_word",
        ),
        pytest.param(
            'The honey jars in the shop carry new labels saying they come from "Abkhazia, '
            'Georgia."',
            id="a_place_name_after_a_preposition",
        ),
        pytest.param(
            "Villagers near Avdiivka were warned to stay in their cellars as a Ukrainian "
            '"security operation" began on Tuesday.',
            id="a_term_in_the_writer_s_own_clause",
        ),
        pytest.param(
            'The march had one message, "no more lies," in reference to a television campaign '
            'that called the marchers "traitors."',
            id="a_cue_in_a_clause_on_a_noun_after_the_quotation",
        ),
    ],
)
def test_quoted_words_that_are_not_speech(nlp, text: str):
    quotes = quotes_of(nlp, text, DATE)
    reported = [q.text for q in quotes if q.quote_kind in ("direct", "partial")]
    assert not [r for r in reported if r.rstrip(".,") != "traitors"]


# --- several speakers and groups -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment", "actors", "group"),
    [
        # Kind: conjoined names as the cue's subject: every one of them, in text order.
        pytest.param(
            "Oksana Derkach and Petro Hulak said in a joint statement that the buses "
            '"will run again by May."',
            "will run",
            ("Oksana Derkach", "Petro Hulak"),
            False,
            id="x_and_y_said",
        ),
        # Kind: a counted group ("the two leaders") that stands for the two people the
        # sentence named together before it.
        pytest.param(
            "After talks between Russian President Vladimir Putin and German Chancellor "
            'Angela Merkel on Friday, the two leaders stressed the need for "an immediate '
            'ceasefire along the whole line."',
            "an immediate",
            ("Vladimir Putin", "Angela Merkel"),
            False,
            id="the_two_leaders_after_their_names",
        ),
        # Kind: a plural common noun no one is named for is a group, kept as its words.
        pytest.param(
            'Analysts said the deal "changes nothing for ordinary farmers."',
            "changes nothing",
            (),
            True,
            id="analysts_are_a_group",
        ),
    ],
)
def test_several_speakers_and_groups(nlp, text: str, fragment: str, actors, group: bool):
    quote = quote_starting(quotes_of(nlp, text, DATE), fragment)
    assert quote.speaker_actors == actors
    assert quote.speaker_group is group
