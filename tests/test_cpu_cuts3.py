"""The CPU cuts of issue 7, round 3, change no output: a role phrase is parsed only from a token
whose parse can reach a title (each step the parser takes, read right to left once per
document), and the ruler finds what it finds with every gate open, on invented sentences."""

from __future__ import annotations

import pytest

from dossier.extract.linking.lexicon import Scan
from dossier.extract.linking.role_phrases import _parse_role
from ruler_helpers import before_ruler, candidates, open_every_gate

SENTENCES = [
    # Titles before names, in title case, lower case and capitals.
    "Foreign Minister Petra Valdoné met Interior Minister Karel Osmund in Riga.",
    "foreign minister petra valdoné met the interior minister on Tuesday.",
    "FOREIGN MINISTER PETRA VALDONE SAID THE PRIME MINISTER WOULD RESIGN.",
    # "the X minister", "foreign minister of Y", an office of something the KB cannot place.
    "The Latvian foreign minister and the foreign minister of Armenia disagreed.",
    "The defence minister of the breakaway region and the president of the chess club left.",
    # Possessives: a country's, an organisation's, after an article; a pronoun's.
    "Russia's president and Armenia's new prime minister spoke; the Kremlin's spokesman did not.",
    "Kazakhstan's former president met his Kyrgyz counterpart and their deputy foreign minister.",
    # Hyphens: "ex-", "then-", "-elect", "pro-"/"anti-" and a hyphenated surname.
    "The ex-president, the then-interim prime minister and President-elect Ilse Marrow-Pike met.",
    "Anti-war activists and the pro-Kremlin governor's deputy denied that the vice-president left.",
    # Modifiers and adjectives: many of them, a verb written like one, a superlative.
    "The newly appointed acting deputy prime minister and the longest-serving senator spoke.",
    "Voters ousted the former ambassador; outspoken economist Lena Dorsk and a trade economist "
    "said the most powerful governor would stay.",
    # An organisation or a country name before a title, an entity before a title.
    "Kremlin spokesman Oleg Varnov and United States President Jon Hale and Gazprom chief "
    "executive Ivan Serov met the NATO secretary general.",
    # Words that open no phrase: an article before a verb, an adjective before no title.
    "The new rules were strict, a great many people said, and the old ones were better.",
    "In the morning he said that the political situation in the country was calm.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_gated_ruler_finds_what_the_ruler_with_every_gate_open_finds(
    nlp, text, monkeypatch
) -> None:
    doc = before_ruler(nlp, text)
    gated = candidates(nlp, doc.copy())
    open_every_gate(monkeypatch)
    unfiltered = candidates(nlp, doc.copy())
    assert gated == unfiltered


@pytest.mark.parametrize("text", SENTENCES)
def test_role_gate_closes_only_where_the_parse_finds_nothing(nlp, text) -> None:
    doc = before_ruler(nlp, text)
    scan = Scan.of(doc, nlp.get_pipe("dossier_kb_ruler").lexicon)
    for i in range(len(doc)):
        if not scan.role_may_start(i):
            assert _parse_role(scan, i) is None, (text, doc[i].text)


def test_role_gate_is_tight_and_the_sentences_hold_role_phrases(nlp) -> None:
    # Not vacuous: phrases parse, and most words that could open one (articles, adjectives,
    # modifiers) but reach no title are not offered to the parser.
    parsed = closed = opener_closed = 0
    for text in SENTENCES:
        doc = before_ruler(nlp, text)
        scan = Scan.of(doc, nlp.get_pipe("dossier_kb_ruler").lexicon)
        for i in range(len(doc)):
            parsed += _parse_role(scan, i) is not None
            if not scan.role_may_start(i):
                closed += 1
                opener_closed += doc[i].lower_ in {"the", "a", "new", "old", "great", "political"}
    assert parsed >= 25
    assert closed > 100
    assert opener_closed >= 6


def test_the_article_before_a_verb_or_no_title_is_closed(nlp) -> None:
    doc = before_ruler(nlp, "The new rules were strict, and the old ones were better.")
    scan = Scan.of(doc, nlp.get_pipe("dossier_kb_ruler").lexicon)
    assert [doc[i].text for i in range(len(doc)) if scan.role_may_start(i)] == []
    doc = before_ruler(nlp, "The new foreign minister of Armenia spoke.")
    scan = Scan.of(doc, nlp.get_pipe("dossier_kb_ruler").lexicon)
    assert scan.role_may_start(0) and scan.role_may_start(1) and scan.role_may_start(2)
    assert not scan.role_may_start(len(doc) - 2)  # "spoke"
