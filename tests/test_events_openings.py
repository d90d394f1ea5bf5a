"""A body an agreement set up, to open or start work: its founders' promised cooperation; each
test names the kind of error it shows, on invented sentences."""

from __future__ import annotations

from spacy.language import Language

from event_helpers import countries, events_of


def test_a_founded_body_to_open_is_its_founders_future_act(nlp: Language) -> None:
    # kind: missed event (a body's opening, which carries out its founders' agreement)
    text = (
        "The presidents of Norway, Sweden and Denmark signed an agreement to set up a joint "
        "commission on Friday. The commission is to open in Oslo in July."
    )
    (opening,) = [e for e in events_of(nlp, text, date="2011-11-18") if e.text == "open"]
    assert countries(opening.source) == {"NOR", "SWE", "DNK"}
    assert opening.modality == "future" and opening.date == "2012-07"


def test_a_body_nobody_founded_in_the_document_opens_no_event(nlp: Language) -> None:
    text = "Norway and Sweden met on Friday. The museum is to open in Oslo in July."
    assert not [e for e in events_of(nlp, text, date="2011-11-18") if e.text == "open"]


def test_founders_named_a_paragraph_before_the_opening_are_its_source(nlp: Language) -> None:
    # kind: missing source (the side finder took a subject across a paragraph break for a
    # byline and looked for an actor in the opening's own paragraph instead)
    text = (
        "The leaders of Norway, Sweden and Denmark met in Oslo on Friday.\n\n"
        "The leaders also signed an agreement to set up a joint council.\n\n"
        "The council is to start work in Bergen in March."
    )
    (opening,) = [e for e in events_of(nlp, text, date="2011-11-18") if e.text == "start"]
    assert countries(opening.source) == {"NOR", "SWE", "DNK"} and opening.modality == "future"
