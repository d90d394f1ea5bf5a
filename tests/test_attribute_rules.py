"""The column matcher of the attribute ruler (``dossier.attribute_rules``) finds exactly the
matches spaCy's Matcher finds, so every token gets the same POS, morphology and lemma; a ruler
with a rule it cannot read is left to spaCy."""

from __future__ import annotations

import pytest
import spacy

from dossier import settings
from dossier.attribute_rules import ColumnMatcher, speed_up
from dossier.nlp import PipelineConfig, build_pipeline

#: Sentences written for this test: contractions, expletives, auxiliaries, stray spaces,
#: determiners as pronouns, quoted speech and a headline.
TEXTS = [
    "There's a ferry in the harbour, and there were two more yesterday.",
    "Y'all ain't gonna believe it: we gotta leave, let's go, c'mon!",
    "She said that it had rained; I did it myself and you did too.",
    "That is what the minister wants, but this is not.  Those who left   returned.",
    "He gets up early. He got up late. It has been done, has it not?",
    "\n\nHEADLINE ABOUT THE  HARBOUR\n \tThe mayor, 54, spoke on Tuesday.\n",
    "",
    " ",
    "Wow",
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load(settings.SPACY_MODEL, exclude=["lemmatizer"])


def _untouched_docs(nlp: spacy.language.Language) -> list[spacy.tokens.Doc]:
    with nlp.select_pipes(disable=["attribute_ruler"]):
        return list(nlp.pipe(TEXTS))


def test_column_matches_are_the_matchers(nlp: spacy.language.Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    columns = ColumnMatcher(ruler)
    for doc in _untouched_docs(nlp):
        assert columns.match(doc) == ruler.match(doc), doc.text


def test_pipelines_tag_tokens_alike() -> None:
    fast = build_pipeline(PipelineConfig(components=()))
    stock = build_pipeline(PipelineConfig(components=(), column_rules=False))
    assert "match" in vars(fast.get_pipe("attribute_ruler"))
    assert "match" not in vars(stock.get_pipe("attribute_ruler"))
    for one, other in zip(fast.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in one] == [
            (t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in other
        ]


def test_a_rule_of_another_shape_leaves_the_ruler_to_spacy() -> None:
    nlp = spacy.load(settings.SPACY_MODEL, exclude=["lemmatizer"])
    nlp.get_pipe("attribute_ruler").add([[{"POS": "NOUN"}, {"LOWER": "x", "OP": "?"}]], {})
    assert not speed_up(nlp)
    assert "match" not in vars(nlp.get_pipe("attribute_ruler"))


def test_rules_added_later_are_matched_by_spacy() -> None:
    nlp = build_pipeline(PipelineConfig(components=()))
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ferry", "OP": "+"}]], {"LEMMA": "boat"})
    assert [t.lemma_ for t in nlp("A ferry left.") if t.lower_ == "ferry"] == ["boat"]


def test_a_pipeline_without_the_ruler_is_left_alone() -> None:
    nlp = spacy.blank("en")
    assert not speed_up(nlp)
