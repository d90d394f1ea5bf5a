"""The CPU cuts of issue 7, round 2, change no output: the KB ruler offers a token only to the
rules whose own first test it passes, and finds what trying every rule at every token finds, on
invented sentences."""

from __future__ import annotations

import pytest

from dossier.extract.linking import ruler
from ruler_helpers import before_ruler, candidates, open_every_gate

SENTENCES = [
    # A KB name at the start of a sentence, after a title, and alone as a surname.
    "Vladimir Putin met the Kazakh leader on Monday. Putin said little.",
    "Russian President Vladimir Putin and his Kazakh counterpart spoke; the president left.",
    # Case variants, possessives, an organisation owned by a country, a multiword place.
    "VLADIMIR PUTIN spoke. russia's gazprom and Russia's Gazprom cut supplies to Ukraine.",
    "The Obama administration and the Putin regime argued over the Black Sea and Crimea.",
    # Institutions by function, government phrases, role phrases that name no one.
    "Ukrainian troops and the Russian defence ministry denied it; Ukraine's government agreed.",
    "The government of Prime Minister Ivor Tallent fell. Any U.S. secretary of state would balk.",
    "The former president of Russia and the new foreign minister of Armenia met in Moscow.",
    # Functions after an adjective, a hyphenated modifier or no article at all.
    "The Western-backed government and the interim government met; new defence ministry rules.",
    "House investigators and an Army offensive worried the Senate; interior ministry staff left.",
    "Officials said interim House investigators met, and newly-formed House panels left.",
    # Invented names, titles written short, a hyphenated surname, lower-case prose.
    "Sec. Mara Quillfeather said Gen. Oskar Vardo-Lindqvist would not attend the summit.",
    "the talks ended without a deal, officials said, and nobody named anyone at all.",
    "May 2014 was cold. Theresa May spoke in the Hague, and then in The Hague again.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_ruler_finds_what_every_rule_at_every_token_finds(nlp, text, monkeypatch) -> None:
    doc = before_ruler(nlp, text)
    gated = candidates(nlp, doc.copy())

    open_every_gate(monkeypatch)
    unfiltered = candidates(nlp, doc.copy())
    assert gated == unfiltered
    assert gated or text.startswith("the talks")  # the sentences do name something


def test_the_gates_pass_each_rules_start(nlp) -> None:
    # The gates are not all open: a lower-case verb passes none, a KB name passes its own.
    doc = before_ruler(
        nlp, "Vladimir Putin walked slowly along the river for an hour or two before dawn."
    )
    scan = ruler.Scan.of(doc, nlp.get_pipe("dossier_kb_ruler").lexicon)
    roles, institutions, names, led, surnames = ruler._may_start(
        scan, nlp.get_pipe("dossier_kb_ruler").functions
    )
    walked = 2
    assert names[0] and surnames[1]  # "Putin" is also a surname the KB knows
    assert not (names[walked] or surnames[walked] or led[walked] or roles[walked])
