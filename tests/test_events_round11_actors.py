"""Event actors, eleventh round: each test names the kind of actor error it shows (a wrong or
missing source or target set), on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import events_of, typed


def _names(actors: tuple) -> set[str]:
    return {a.actor for a in actors}


# Error kind: wrong source (a crowd that protests named as "crowd"/"demonstrators", not as
# the protesters it is).
@pytest.mark.parametrize(
    "text",
    [
        "By nightfall a crowd had gathered outside the parliament in Tbilisi.",
        "Demonstrators marched through central Minsk on Saturday.",
    ],
)  # fmt: skip
def test_crowd_protesting_is_protesters(nlp: Language, text: str) -> None:
    found = typed(events_of(nlp, text), "PROTEST")
    assert found, text
    assert _names(found[0].source) == {"protesters"}


# Error kind: missing source (a founding treaty signed in a passive with no agent: its parties
# are the founders of the body it founds, from the KB's memberships). The record was dropped.
@pytest.mark.parametrize(
    "text",
    [
        "The Commonwealth of Independent States marked an anniversary this week. Its founding agreement was signed in a forest lodge in December.",
        "Leaders of the Commonwealth of Independent States met in Minsk. The treaty establishing the commonwealth was signed decades ago.",
    ],
)  # fmt: skip
def test_founding_treaty_parties_are_founders(nlp: Language, text: str) -> None:
    found = typed(events_of(nlp, text, date="2021-10-10"), "AGREE")
    assert found, text
    assert {"RUS", "BLR", "UKR"} <= {a.country for a in found[0].source}


def test_other_passive_treaty_has_no_founders(nlp: Language) -> None:
    text = "The Commonwealth of Independent States met in Minsk. A trade treaty was signed there."
    found = typed(events_of(nlp, text, date="2021-10-10"), "AGREE")
    assert not any({"RUS", "BLR", "UKR"} <= {a.country for a in e.source} for e in found)


# Error kind: missing target (a ratification law signed by one state's leader ratifies a
# treaty with the state named before, not with a capital where talks were held).
@pytest.mark.parametrize(
    "text",
    [
        "Tajikistan applied to join the Eurasian Economic Union after talks in Moscow. Putin signed Russia's ratification law on Friday.",
        "Kyrgyzstan completed its accession talks in Minsk. Lukashenko signed Belarus's ratification bill this week.",
    ],
)  # fmt: skip
def test_ratification_law_is_with_state_named_before(nlp: Language, text: str) -> None:
    found = typed(events_of(nlp, text, date="2015-06-01"), "AGREE")
    assert found, text
    assert {a.country for a in found[0].target} & {"TJK", "KGZ"}
    assert not {a.country for a in found[0].target} & {"RUS", "BLR"}
