"""The quote stage: quotation marks, direct and partial quotes, reported speech, beliefs,
what is not speech, and speakers resolved through the linker's mentions. Sentences are our own
wording about real events."""

from __future__ import annotations

import pytest

from dossier.extract.document import prepare_doc
from dossier.extract.quotes.direct import is_term
from dossier.extract.quotes.marks import quoted_spans
from dossier.extract.quotes.vocabulary import cue_lemma
from dossier.model import Quote
from quote_helpers import quotes_of


def by_kind(quotes: list[Quote], kind: str) -> list[Quote]:
    return [q for q in quotes if q.quote_kind == kind]


# --- marks (no parse) -------------------------------------------------------------------------


def test_curly_straight_and_guillemet_marks_pair():
    text = 'He said \u201cwe agree\u201d and "they will" and \u00abthe bloc is ready\u00bb.'
    contents = [text[s.start : s.end] for s in quoted_spans(text)]
    assert contents == ["we agree", "they will", "the bloc is ready"]


def test_quotation_running_over_paragraphs_is_one_span():
    # Newspaper style: no closing mark at the paragraph end, a new opening mark next paragraph.
    text = '"The treaty opens our markets.\n\n"It also binds our tariffs," he said.'
    spans = quoted_spans(text)
    assert len(spans) == 1 and spans[0].paragraphs == 2
    assert text[spans[0].start : spans[0].end].endswith("binds our tariffs,")


def test_unbalanced_marks_never_raise():
    for text in ['"', '""', 'a " b', "\u201d closes first \u201c", "\u00ab open\n\nnext"]:
        quoted_spans(text)  # no exception
    spans = quoted_spans('He said "the talks failed\n\nThe next paragraph.')
    assert spans[0].closed is False and "\n" not in '"the talks failed'


def test_cue_forms_without_the_lemmatizer():
    assert cue_lemma("said") == "say" and cue_lemma("Denied") == "deny"
    assert cue_lemma("expects") == "expect" and cue_lemma("admitted") == "admit"
    assert cue_lemma("table") is None


def test_names_and_terms_in_marks():
    assert is_term("Eurasian Union") and is_term("Union of Soviet Writers")
    assert not is_term("We agree.") and not is_term("not going to rush anyone")


# --- direct and partial quotes -----------------------------------------------------------------


def test_split_quote_is_one_direct_quote_with_its_speaker(nlp):
    quotes = quotes_of(
        nlp,
        '"We signed the treaty today," Nursultan Nazarbayev said in Astana. '
        '"It is a new page for our three countries."',
    )
    direct = by_kind(quotes, "direct")
    assert len(direct) == 1
    assert direct[0].text.startswith("We signed") and direct[0].text.endswith("three countries.")
    assert direct[0].speaker_actor == "Nursultan Nazarbayev" and direct[0].cue == "said"


def test_partial_quote_inside_reported_speech(nlp):
    quotes = quotes_of(
        nlp, 'Vladimir Putin said on Thursday that Russia was "not in a hurry" to widen the union.'
    )
    partial = by_kind(quotes, "partial")
    assert [q.text for q in partial] == ["not in a hurry"]
    assert partial[0].speaker_actor == "Vladimir Putin"
    assert by_kind(quotes, "indirect")  # the clause around it is reported speech


def test_speaker_in_the_frame_after_and_a_pronoun_speaker(nlp):
    quotes = quotes_of(
        nlp,
        '"Our farmers will lose their markets," said Mikheil Saakashvili.\n\n'
        '"Nobody asked them," he added.',
    )
    direct = by_kind(quotes, "direct")
    assert [q.speaker_actor for q in direct] == ["Mikheil Saakashvili", "Mikheil Saakashvili"]


def test_quote_with_no_frame_takes_the_last_speaker(nlp):
    quotes = quotes_of(
        nlp,
        'Alexander Lukashenko spoke to reporters in Minsk. He said: "We will not give up our '
        'sovereignty."\n\n"Belarus decides for itself."',
    )
    direct = by_kind(quotes, "direct")
    assert len(direct) == 2 and direct[1].text == "Belarus decides for itself."
    assert direct[1].speaker == direct[0].speaker == "He"


def test_names_scare_quotes_and_headlines_are_not_speech(nlp):
    quotes = quotes_of(
        nlp,
        '"A Union for Whom"\n\nThe "Eurasian Union" was the plan of the Kremlin. '
        'The talks in Minsk were a "show" for the cameras.',
    )
    assert not [q for q in quotes if q.quote_kind in ("direct", "partial")]


# --- reported speech and beliefs ---------------------------------------------------------------


def test_reported_speech_forms(nlp):
    text = (
        "Sergey Lavrov told reporters that the talks had gone well. "
        "According to Dmitry Peskov, the summit will take place in May. "
        "The customs union will grow next year, Nursultan Nazarbayev says."
    )
    indirect = by_kind(quotes_of(nlp, text), "indirect")
    speakers = {q.speaker_actor: q.text for q in indirect}
    assert speakers["Sergey Lavrov"] == "that the talks had gone well"
    assert speakers["Dmitry Peskov"] == "the summit will take place in May"
    assert speakers["Nursultan Nazarbayev"].startswith("The customs union will grow")


def test_belief_is_not_a_statement(nlp):
    quotes = quotes_of(nlp, "Many analysts expect that Armenia will join the union this year.")
    assert [q.quote_kind for q in quotes] == ["belief"]
    assert quotes[0].speaker_actor == "Many analysts"


def test_a_speech_verb_inside_a_quotation_is_the_speaker_s_words(nlp):
    quotes = quotes_of(nlp, '"I said that we would wait," Viktor Yanukovych told the press.')
    assert [q.quote_kind for q in quotes] == ["direct"]


def test_quote_facts_carry_provenance_and_a_speaker_link(nlp):
    doc = nlp(
        prepare_doc(
            nlp, '"The door stays open," Angela Merkel said.', date="2014-05-29", doc_id="d" * 16
        )
    )
    quote = doc._.dossier_quotes[0]
    assert quote.provenance.doc_id == "d" * 16 and quote.provenance.extractor == "dossier_quotes"
    links = [link for link in doc._.dossier_links if link.from_fact == quote.fact_id]
    mention_ids = {m.fact_id for m in doc._.dossier_mentions}
    assert links and links[0].relation == "speaker" and links[0].to_fact in mention_ids


# --- speakers ----------------------------------------------------------------------------------


def test_a_person_named_after_a_comma_in_the_subject_is_the_speaker(nlp):
    quotes = quotes_of(
        nlp,
        'The vote was "a farce from the start," said one of the protest leaders, '
        "Ilya Yashin, a Moscow city councillor.",
    )
    assert {q.speaker_actor for q in quotes} == {"Ilya Yashin"}


def test_a_paragraph_ending_in_a_colon_frames_the_next_one(nlp):
    quotes = quotes_of(
        nlp,
        "Angela Merkel continued:\n\n"
        '"We will keep talking to Moscow, and we will keep the sanctions in place."',
    )
    direct = by_kind(quotes, "direct")
    assert direct and direct[0].speaker_actor == "Angela Merkel"


def test_a_pronoun_speaker_is_the_last_person_quoted_not_an_object(nlp):
    quotes = quotes_of(
        nlp,
        '"We came for Boris," said Olga Petrova, holding a poster that read "Stop the war."\n\n'
        '"He was the only honest one," she said.',
    )
    direct = [q for q in by_kind(quotes, "direct") if q.text.startswith("He was")]
    assert direct[0].speaker_actor == "Olga Petrova"


def test_a_term_with_the_period_inside_the_marks_is_still_a_term(nlp):
    quotes = quotes_of(
        nlp, 'Vladimir Putin set out his plan for a "Eurasian Union." Then he went to Minsk.'
    )
    assert not by_kind(quotes, "direct") and not by_kind(quotes, "partial")


def test_a_short_quoted_phrase_under_a_belief_verb_is_a_scare_quote(nlp):
    quotes = quotes_of(
        nlp, 'Smaller members often feel as if their "national interests" are being ignored.'
    )
    assert not by_kind(quotes, "partial")


def test_a_relative_clause_on_an_apposition_gives_the_name(nlp):
    quotes = quotes_of(
        nlp,
        "Vladimir Putin, a former KGB officer who has called the Soviet collapse "
        '"a major geopolitical disaster", will run again.',
    )
    assert [q.speaker_actor for q in by_kind(quotes, "partial")] == ["Vladimir Putin"]


def test_an_unresolved_pronoun_skips_a_person_of_the_other_gender(nlp):
    # Invented people, so the linker knows neither: the honorifics tell the pronouns apart.
    quotes = quotes_of(
        nlp,
        "Ms. Darina Kovalchuk questioned Mr. Bohdan Lysenko in the city council on Monday.\n\n"
        '"Where did the money go?" Ms. Darina Kovalchuk asked.\n\n'
        '"It went to the schools," he said.',
    )
    answer = next(q for q in quotes if q.text.startswith("It went"))
    assert answer.speaker_actor != by_kind(quotes, "direct")[0].speaker_actor
    assert "Lysenko" in (answer.speaker_actor or "")


def test_a_capitalised_fragment_mid_sentence_is_partial_not_a_split_quote(nlp):
    quotes = quotes_of(
        nlp,
        "Alexander Lukashenko gave a long defence of \u201cBelarusian stability,\u201d saying "
        "the country was \u201can island of calm in a stormy region.\u201d",
    )
    assert not by_kind(quotes, "direct")
    assert [q.text for q in by_kind(quotes, "partial")] == [
        "Belarusian stability,",
        "an island of calm in a stormy region.",
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "We met Oleksandr Kovalenko, a retired miner, in Donetsk.\n\n"
            '"Nobody asked us about the referendum," Kovalenko says.',
            "Oleksandr Kovalenko",
            id="a_bare_surname_is_the_person_named_in_full_before",
        ),
        pytest.param(
            "The early lead did not surprise the Kazakh economist Aidar Nurlanov: "
            "\u201cSmall parties often gain in the first weeks.\u201d",
            "Aidar Nurlanov",
            id="a_colon_frame_without_a_speech_verb_names_the_speaker",
        ),
        pytest.param(
            '"The exercises will go on as planned," a NATO diplomat told reporters in Brussels.',
            "NATO diplomat",
            id="a_name_modifying_a_common_noun_is_not_the_speaker",
        ),
        pytest.param(
            '"Nobody is in charge here," cried Svetlana Orlova, a school teacher in Sloviansk.',
            "Svetlana Orlova",
            id="cries_and_exclamations_are_cues",
        ),
        pytest.param(
            "Hillary Clinton seemed ready to joke about the incident in Iowa, telling the crowd, "
            "\u201cSome people get a little carried away, have you noticed that?\u201d",
            "Hillary Clinton",
            id="a_participle_cue_hung_on_the_quotation_takes_the_frame_s_subject",
        ),
    ],
)
def test_the_speaker_of_a_direct_quote(nlp, text: str, speaker: str):
    assert by_kind(quotes_of(nlp, text), "direct")[0].speaker_actor == speaker
