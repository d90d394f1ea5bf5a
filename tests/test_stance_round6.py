"""Stance accuracy, round 6 (issue 12): error kinds found on the shared AllSides corpus, each on
sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from stance_helpers import polarities, read_with, stances_of

EURASIAN = "target:eurasian-integration"
#: A Brexit-era date: the reports these error kinds come from.
DATE = "2019-09-20"


@pytest.mark.parametrize(
    ("text", "date", "field", "values"),
    [
        # kind: other-target (the EU's customs union in a Brexit story read as Eurasian integration)
        pytest.param("The prime minister said she wanted Britain to leave the E.U. Customs Union. Dublin hopes to keep the whole island inside the EU's customs union.", DATE, "target_id", (EURASIAN,), id="a_customs_union_qualified_by_another_bloc_is_not_eurasian_integration"),
        # kind: other-target (a choice of tactics toward the EU, "instead of negotiating", read as
        # a turn away from the EU's rival course)
        pytest.param("The minister said Britain should sue the European Union instead of negotiating with its officials over the deal.", DATE, "target_id", (EURASIAN,), id="a_contrast_of_two_deeds_names_no_rival_course"),
    ],
)  # fmt: skip
def test_no_stance_read(nlp: Language, text: str, date: str, field: str, values: tuple) -> None:
    assert not read_with(stances_of(nlp, text, date), field, values)


def test_the_customs_union_on_its_own_is_still_eurasian_integration(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Armenia's president said his country wanted to join the Customs Union.", "2013-09-04"
    )
    assert polarities(stances, target_id=EURASIAN) == {1}
