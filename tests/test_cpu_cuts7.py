"""Issue 7's CPU cuts: each changed function gives what the straightforward reading gave.
Invented sentences only."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.events.lexicon import Lemmas, load_lexicon
from dossier.extract.events.triggers import _passed_over, sentence_triggers
from dossier.nlp import kb_folder

TEXT = (
    "Borovia said Kestria must withdraw its troops. The war between Borovia and Kestria claimed "
    "hundreds of lives. Kestrian tanks crossed into Borovia on Monday. The ministers met in "
    "Lindau and signed a treaty. The commission is to open in July. Borovia condemned the "
    "attack and the invasion. Protesters demanded the release of the journalists, sparking "
    "outrage in Kestria. Officials walked along the river and ate lunch."
)


def _readings(doc: Doc, lemmas: Lemmas) -> list[list[tuple]]:
    lexicon = load_lexicon(kb_folder(None))
    found = []
    for sentence in doc.sents:
        found.append(
            [
                (
                    t.token.i,
                    t.entry,
                    t.source.i if t.source is not None else None,
                    [w.i for w in t.target],
                    [w.i for w in t.partners],
                    t.passive_target,
                    [w.i for w in t.scene],
                    t.nominal,
                )
                for t in sentence_triggers(sentence, lexicon, lemmas)
            ]
        )
    return found


def test_triggers_read_from_the_columns_are_those_read_token_by_token(nlp: Language) -> None:
    # A fresh Lemmas knows no word: every verb and noun is then read from its Token, as
    # before the cut; a second pass, with every lemma known, passes words over unbuilt.
    doc = nlp(TEXT)
    lemmas = Lemmas(nlp)
    first = _readings(doc, lemmas)
    assert any(first)  # the text has triggers
    assert _readings(doc, lemmas) == first
    assert _readings(nlp(TEXT), Lemmas(nlp)) == first


def test_a_verb_is_passed_over_only_where_no_rule_reads_its_lemma() -> None:
    lexicon = load_lexicon(kb_folder(None))
    listed = next(iter(lexicon.verb_lemmas))
    assert not _passed_over(listed, lexicon)
    for special in ("claim", "come", "open", "cross", "say", "react", "spark"):
        assert not _passed_over(special, lexicon), special
    assert _passed_over("eat", lexicon) == ("eat" not in lexicon.verb_lemmas)
    assert _passed_over("walk", lexicon) == ("walk" not in lexicon.verb_lemmas)


def test_passive_verbs_are_the_tokens_with_an_auxpass_child(nlp: Language) -> None:
    from dossier.extract.stance.reactions import _lowers, _passive_verbs

    doc = nlp(
        "Borovia was criticised in the Kestrian press. The minister was attacked by critics "
        "and left. Kestria annexed the region despite international criticism."
    )
    straight = {t.i for t in doc if any(c.dep_ == "auxpass" for c in t.children)}
    assert straight  # the text has passives
    assert _passive_verbs(doc) == straight
    assert _lowers(doc) == [t.lower for t in doc]


def test_reaction_and_press_stances_are_those_read_token_by_token(nlp: Language) -> None:
    # A fresh pipeline's Lemmas knows few words: most nouns are then read from their Token;
    # the second document, the same text, finds them known and passes them over unbuilt.
    text = (
        "Kestria annexed the region despite international criticism. Borovia went ahead "
        "amid protests from Kestria. The Borovian leader was attacked in the Kestrian media."
    )
    first = [(s.holder, s.target, s.polarity) for s in nlp(text)._.dossier_stances]
    again = [(s.holder, s.target, s.polarity) for s in nlp(text)._.dossier_stances]
    assert again == first
