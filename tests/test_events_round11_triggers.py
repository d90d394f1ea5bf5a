"""Event triggers and types, eleventh round: each test names the error kind it shows, on
invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, typed


# Error kind: missed event (an incursion: forces crossing a border or entering another's land
# attack that state, ASSAULT by the forces' state).
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Armenian soldiers crossed the border into Georgia on Tuesday.", {"GEO"}),
        ("Armenian troops entered Georgian territory on Monday.", {"GEO"}),
        ("Armenian troops crossed the Georgian border overnight.", {"GEO"}),
        ("Armenian tanks rolled into Georgia at dawn.", {"GEO"}),
    ],
)  # fmt: skip
def test_incursion(nlp: Language, text: str, target: set[str]) -> None:
    found = typed(coded(nlp, text), "ASSAULT")
    assert any(countries(e.source) == {"ARM"} and countries(e.target) == target for e in found), (
        text
    )


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Armenian refugees crossed the border into Georgia.",
        "Armenian troops entered the building on Monday.",
        "Armenian troops crossed the river near the village.",
        "Armenian troops pushed for a better deal.",
    ],
)  # fmt: skip
def test_crossing_without_incursion(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "ASSAULT"), text


# Error kind: missed event (a death toll: fighting that claims lives is an attack by its
# sides, the first named in its "between" phrase on the others, or its owner on its foe).
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The war between Armenian rebels and Georgian forces has claimed hundreds of lives.", "ARM", "GEO"),
        ("The conflict between Georgian troops and Armenian militants has taken dozens of lives.", "GEO", "ARM"),
        ("The Armenian offensive against Georgia has cost hundreds of lives.", "ARM", "GEO"),
    ],
)  # fmt: skip
def test_death_toll_of_fighting(nlp: Language, text: str, source: str, target: str) -> None:
    found = typed(coded(nlp, text), "ASSAULT")
    assert any(
        countries(e.source) == {source} and countries(e.target) == {target} for e in found
    ), text


@pytest.mark.parametrize(
    "text",
    [
        "The storm claimed dozens of lives in Georgia.",
        "The epidemic has cost thousands of lives across Armenia.",
    ],
)  # fmt: skip
def test_toll_without_fighting(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "ASSAULT"), text


# Error kind: wrong type (forces sent: into a land or to fight there they coerce it; with no
# aim they are deployed; to help they keep the lexicon's aid).
@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Armenia sent troops into Georgia last month.", "COERCE"),
        ("Armenia has sent soldiers to fight in Georgia.", "COERCE"),
        ("Since Armenia sent troops in this winter, the valley has changed.", "COERCE"),
        ("Armenia sent troops to the border with Georgia.", "MOBILIZE"),
        ("Armenia sent more soldiers in March.", "MOBILIZE"),
        ("Armenia sent troops to help Georgia after the earthquake.", "AID"),
    ],
)  # fmt: skip
def test_forces_sent(nlp: Language, text: str, plover: str) -> None:
    sent = [e for e in coded(nlp, text) if e.event_type == plover]
    assert any(countries(e.source) == {"ARM"} for e in sent), text


# Error kind: spurious event (the fighting forces are sent to do is the sending's aim, one
# event, and under a denial of the sending no fight is told as done).
@pytest.mark.parametrize(
    "text",
    [
        "Armenia has sent soldiers to fight in Georgia.",
        "Yerevan has denied that Armenia sent regular troops to fight in Georgia.",
    ],
)  # fmt: skip
def test_aim_of_forces_sent_is_no_fight(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "ASSAULT"), text


def test_fighting_forces_not_sent_still_fight(nlp: Language) -> None:
    text = "Armenian troops went to fight in Georgia."
    assert typed(coded(nlp, text), "ASSAULT"), text


# Error kind: spurious event (an incursion quoted as a speaker's words is that speaker's
# accusation, no attack the text reports; unquoted, the report still tells the attack).
def test_quoted_incursion_is_the_speakers_accusation(nlp: Language) -> None:
    text = (
        'Declaring that "Armenian forces have entered Georgia," the Georgian president called '
        "an emergency session."
    )
    found = coded(nlp, text)
    assert not typed(found, "ASSAULT"), text
    assert any(countries(e.target) == {"ARM"} for e in typed(found, "ACCUSE")), text


def test_reported_incursion_unquoted(nlp: Language) -> None:
    text = "A Georgian spokesman said Armenian soldiers crossed the border into Georgia."
    found = typed(coded(nlp, text), "ASSAULT")
    assert any(countries(e.source) == {"ARM"} for e in found), text


# Error kind: spurious event (removing a symbol takes a thing down and expels no one).
@pytest.mark.parametrize(
    "text",
    [
        "Georgian flags that flew over the town hall have been removed, replaced by Armenian ones.",
        "Armenian police removed the portraits of the Georgian president.",
    ],
)  # fmt: skip
def test_removed_symbol_is_no_coercion(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "COERCE"), text


def test_removed_people_still_coerced(nlp: Language) -> None:
    text = "Armenian police removed the Georgian protesters from the square."
    assert typed(coded(nlp, text), "COERCE"), text
