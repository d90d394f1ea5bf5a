"""A target's generic alias ("the Customs Union") that names another bloc's institution; each
test names the kind of error it shows, on invented sentences."""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.stance.generic_alias import is_generic
from stance_helpers import stances_of

EURASIAN = "target:eurasian-integration"


def test_generic_aliases_are_institutional_words_only() -> None:
    assert is_generic("Customs Union") and is_generic("Common Economic Space")
    assert not is_generic("Eurasian Union") and not is_generic("EAEU")
    assert not is_generic("union")  # one word is a back-reference's business, not this rule's


def test_the_eus_customs_union_in_a_brexit_report_is_no_eurasian_target(nlp: Language) -> None:
    # kind: other-target (a generic alias read as Eurasian integration in a report on the EU)
    text = (
        "The Irish prime minister met E.U. negotiators in Brussels on Monday. "
        "He said Dublin wants Northern Ireland to stay inside the Customs Union after Brexit."
    )
    assert not [s for s in stances_of(nlp, text, date="2019-03-04") if s.target_id == EURASIAN]


def test_a_customs_union_beside_its_member_states_keeps_its_sense(nlp: Language) -> None:
    # the same words in a report that names the union's members keep the Eurasian sense
    text = (
        "Kazakhstan and Belarus signed a new trade deal with Russia on Monday. "
        "Armenia wants to join the Customs Union, rather than sign with the European Union."
    )
    found = [s for s in stances_of(nlp, text, date="2013-09-04") if s.target_id == EURASIAN]
    assert any(s.holder_country == "ARM" and s.polarity == 1 for s in found)


def test_a_specific_alias_anywhere_gives_the_generic_one_its_sense(nlp: Language) -> None:
    text = (
        "Plans for a Eurasian Union were discussed in Astana last year. "
        "Armenia wants to join the Customs Union, not the European Union."
    )
    found = [s for s in stances_of(nlp, text, date="2013-09-04") if s.target_id == EURASIAN]
    assert any(s.holder_country == "ARM" and s.polarity == 1 for s in found)
