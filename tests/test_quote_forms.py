"""Forms of speech besides quotation marks and speech verbs: dash-introduced speech, words in
guillemets, statements framed by the piece they appeared in, and the claims of an opinion
piece's author. Sentences are our own."""

from __future__ import annotations

import pytest

from dossier.extract.quotes.marks import dash_spans, quoted_spans
from dossier.model import Quote
from quote_helpers import quotes_of


def speech(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.quote_kind, q.text, q.speaker_actor) for q in quotes]


# --- dash-introduced speech -----------------------------------------------------------------


def test_continental_dash_speech_is_spans_between_the_dashes():
    text = "\u2014 We will not hurry, \u2014 the minister said. \u2014 The door stays open.\n"
    contents = [text[s.start : s.end] for s in quoted_spans(text)]
    assert contents == ["We will not hurry,", "The door stays open."]


def test_a_dash_list_or_an_unframed_turn_is_no_speech():
    # List items, and an interview turn with no speech verb after its closing dash.
    assert not dash_spans("Agenda:\n\u2014 trade rules\n\u2014 the customs code\n")
    assert not dash_spans("\u2013 Is the union ready?\n\u2013 Not yet, \u2013 not at all.\n")


def test_continental_dash_speech_is_one_direct_quote_with_its_speaker(nlp):
    text = (
        "\u2014 We will not rush anyone into the union, \u2014 Vladimir Putin said. "
        "\u2014 The door stays open for every neighbour.\n\nAnalysts were not convinced."
    )
    [quote] = quotes_of(nlp, text)
    assert quote.quote_kind == "direct" and quote.speaker_actor == "Vladimir Putin"
    assert quote.text.startswith("We will not rush") and quote.text.endswith("neighbour.")


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            'Vladimir Putin \u2014 "We will not rush anyone into this union."',
            "We will not rush anyone into this union.",
            "Vladimir Putin",
            id="a-name-and-a-dash-introduce-a-quotation",
        ),
        pytest.param(
            "\u00abThe union will not become a political one,\u00bb Nursultan Nazarbayev said.",
            "The union will not become a political one,",
            "Nursultan Nazarbayev",
            id="guillemets-quote-like-curly-marks",
        ),
    ],
)
def test_a_quotation_without_curly_marks_is_direct_speech_of_its_speaker(nlp, text, words, speaker):
    assert speech(quotes_of(nlp, text)) == [("direct", words, speaker)]


def test_a_term_and_a_dash_before_a_quotation_name_no_speaker(nlp):
    text = 'The customs union \u2014 "A project for the next decade and beyond."'
    assert [(q.cue, q.speaker) for q in quotes_of(nlp, text)] in ([], [(None, None)])


# --- written statements -----------------------------------------------------------------------


def test_said_in_a_statement_that_is_reported_speech(nlp):
    # The parser hangs the "that" clause on "statement": the verb still reports it.
    text = "The Kazakh foreign ministry said in a statement that the border would stay shut."
    [quote] = quotes_of(nlp, text)
    assert quote.quote_kind == "indirect" and quote.text == "that the border would stay shut"
    assert quote.cue == "said" and quote.medium == "statement"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Vladimir Putin wrote in Izvestia that a new union would rise in the east.",
            {"cue": "wrote"},
            id="wrote-in-an-outlet",
        ),
        # No verb at all: the piece's possessor wrote it.
        pytest.param(
            'In Vladimir Putin\'s manifesto: "A union of sovereign states is our goal."',
            {"quote_kind": "direct"},
            id="a-quotation-introduced-by-a-named-writers-piece",
        ),
        # No speech verb: the piece ("in his manifesto") frames it; the clause's subject wrote it.
        pytest.param(
            'In his manifesto, Vladimir Putin proposed "a powerful union of sovereign states."',
            {"quote_kind": "partial"},
            id="a-quotation-framed-by-the-piece-it-appeared-in",
        ),
    ],
)
def test_words_in_a_newspaper_piece_are_its_writers_written_statement(nlp, text, expected):
    [quote] = quotes_of(nlp, text, date="2011-10-04")
    expected = {**expected, "speaker_actor": "Vladimir Putin", "medium": "newspaper"}
    assert {field: getattr(quote, field) for field in expected} == expected


# --- the author of an opinion piece -----------------------------------------------------------

OPINION = (
    '"Integration is our priority," the minister told a forum in Astana.\n\n'
    "I believe that the union has failed its smaller members.\n\n"
    "We should stop pretending that the customs code works for everyone.\n"
)


def test_an_opinion_pieces_first_person_claims_are_its_authors(nlp):
    quotes = quotes_of(nlp, OPINION, genre="opinion", author="Maria Testova")
    mine = [(q.quote_kind, q.cue) for q in quotes if q.speaker_actor == "Maria Testova"]
    assert mine == [("belief", "believe"), ("indirect", "should")]
    # The minister's quotation stays the minister's.
    assert quotes[0].speaker_actor != "Maria Testova"


def test_a_known_author_is_linked_to_the_kb(nlp):
    text = "I think the West has misread the union entirely.\n"
    [quote] = quotes_of(nlp, text, genre="opinion", author="Sergey Lavrov")
    assert (quote.speaker_actor, quote.speaker_actor_id) == (
        "Sergey Lavrov",
        "person:sergey-lavrov",
    )


@pytest.mark.parametrize(
    ("genre", "author"),
    [("news", "Maria Testova"), ("opinion", None), ("opinion", "Maria Testova; Ivan Drugov")],
)
def test_no_author_claims_outside_a_single_authors_opinion_piece(nlp, genre, author):
    # A reporter's "I" in a news story, an unsigned piece, several authors: no one's claims.
    quotes = quotes_of(nlp, OPINION, genre=genre, author=author)
    assert all(q.speaker_actor != "Maria Testova" for q in quotes)
    assert all(q.cue != "should" for q in quotes)
