"""How and when a quote was said: ``Quote.medium`` from the cue's phrase and ``Quote.said_on``
from a time in that phrase, else the sentence's reference time. Sentences are our own."""

from __future__ import annotations

import pytest

from dossier.model import Quote
from quote_helpers import quotes_of


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [(q.text, q.quote_kind) for q in quotes]
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        # Told an outlet the KB lists as media: an interview with it.
        ("Sergey Lavrov told Rossiya-24 that the talks would go on until spring.", "interview"),
        # A word for the channel outranks the outlet: a radio interview is radio.
        ('"We are not in a hurry," Lavrov told Ekho Moskvy radio.', "radio"),
        # The form named in a prepositional phrase, before or after the cue.
        ("In an interview with Izvestia, Lavrov said that the talks had stalled.", "interview"),
        ("The ministry said in a statement that the border would stay shut.", "statement"),
        ("A Kremlin statement said the two leaders would meet again in the spring.", "statement"),
        ("At a press conference in Minsk, Lukashenko said he would sign the treaty.",
         "press conference"),
        ("Alexander Lukashenko told a news conference that the treaty was ready.",
         "press conference"),
        ('"The union is open to all," Vladimir Putin said in a speech to parliament.', "speech"),
        ("Speaking on state television, Dmitry Medvedev said taxes would fall.", "television"),
        # Written: in an outlet the KB lists, in a piece, on a social network.
        ("Vladimir Putin wrote in Izvestia that a new union would rise in the east.", "newspaper"),
        ("Nursultan Nazarbayev wrote on Twitter that the treaty was a historic step.",
         "social media"),
        ("In his memoirs, Nursultan Nazarbayev wrote that the union was his idea.", "book"),
    ],
)  # fmt: skip
def test_medium_is_read_from_the_cue_phrase(nlp, text: str, medium: str) -> None:
    assert only(quotes_of(nlp, text, date="2011-11-18")).medium == medium


def test_no_medium_when_the_text_does_not_say(nlp) -> None:
    quote = only(quotes_of(nlp, "Sergey Lavrov said that the talks would go on until spring."))
    assert quote.medium is None


@pytest.mark.parametrize(
    "text",
    [
        # "according to X": who carried the words, not how they were said.
        "Sergey Lavrov said the talks would resume soon, according to Interfax.",
        "Sergey Lavrov warned that the talks could fail, according to Iowa Public Radio.",
        "Russia will provide only air support to the army, according to the Tass news agency.",
        # A channel's name as the speaker is no channel the words went out on.
        'Radio Liberty calls the town "a stronghold of the opposition and its fighters."',
        # A form beside the saying: the accusation came after the interview.
        "After a long interview with Izvestia, Sergey Lavrov said the West had acted in bad faith.",
        # The form spoken of, not spoken in.
        'Sergey Lavrov called the press conference "a disgrace to the whole profession."',
    ],
)
def test_an_outlet_or_form_beside_the_saying_is_not_its_medium(nlp, text: str) -> None:
    quotes = quotes_of(nlp, text)
    assert quotes and {q.medium for q in quotes} == {None}


def test_said_on_is_the_time_the_cue_phrase_gives(nlp) -> None:
    # Published on Friday 18 November 2011; told on the Monday before.
    text = "Sergey Lavrov told Rossiya-24 on Monday that the talks would go on until spring."
    assert only(quotes_of(nlp, text, date="2011-11-18")).said_on == "2011-11-14"


def test_said_on_ignores_a_time_inside_what_was_said(nlp) -> None:
    # "next year" is when the taxes fall, not when he spoke: the publication date dates it.
    text = "Dmitry Medvedev said on television that the government would cut taxes next year."
    assert only(quotes_of(nlp, text, date="2011-11-18")).said_on == "2011-11-18"


def test_said_on_falls_back_to_the_paragraphs_narrative_time(nlp) -> None:
    # The paragraph's first sentence names the day; the quote's sentence names none.
    text = (
        "Leaders of the three states met in Minsk on Tuesday. "
        '"We signed what we came to sign," Alexander Lukashenko said.'
    )
    quote = only(quotes_of(nlp, text, date="2011-11-18"))
    assert quote.said_on == "2011-11-15"


def test_said_on_of_a_split_quote_with_its_frame_inside(nlp) -> None:
    text = (
        '"We will not rush anyone," Vladimir Putin told Rossiya-24 on Monday. '
        '"The door stays open."'
    )
    quote = only(quotes_of(nlp, text, date="2011-11-18"))
    assert (quote.medium, quote.said_on) == ("interview", "2011-11-14")


def test_a_quote_with_no_frame_of_its_own_keeps_the_last_ones_occasion(nlp) -> None:
    # The second paragraph goes on from the interview given on Monday.
    text = (
        '"We will not rush anyone," Vladimir Putin told Rossiya-24 on Monday.\n\n'
        '"The door stays open for every neighbour that wants to join."\n\n'
        "Analysts doubted it.\n"
    )
    quotes = quotes_of(nlp, text, date="2011-11-18")
    assert [(q.speaker_actor, q.medium, q.said_on) for q in quotes] == [
        ("Vladimir Putin", "interview", "2011-11-14")
    ] * 2
