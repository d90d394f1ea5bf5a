"""The CPU cuts of issue 7 change no output: each per-document shortcut (a column read once, a
result remembered) gives what the per-token or per-call reading it replaces gives, on invented
sentences."""

from __future__ import annotations

import pytest
import spacy

from dossier import settings
from dossier.extract.document import indices_within, token_indices

TEXT = (
    "The minister praised him. Her deputy, who backed the pro-Western plan, criticised her "
    "openly, and he said the Russia-backed forces were attacked in the press. "
    "Nobody praised them."
)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load(settings.SPACY_MODEL, exclude=["lemmatizer"])


def test_indices_within_a_sentence_are_those_of_its_tokens(nlp) -> None:
    doc = nlp(TEXT)
    words = frozenset({"him", "her", "backed"})
    for sentence in doc.sents:
        expected = [t.i for t in sentence if t.lower_ in words]
        assert indices_within(doc, "LOWER", words, sentence.start, sentence.end) == expected
    verbs = frozenset({"VERB"})
    for sentence in doc.sents:
        expected = [t.i for t in sentence if t.pos_ == "VERB"]
        assert indices_within(doc, "POS", verbs, sentence.start, sentence.end) == expected
    assert indices_within(doc, "LOWER", words, 0, len(doc)) == token_indices(doc, "LOWER", words)


def test_indices_are_read_anew_after_a_merge(nlp) -> None:
    # A merge (the KB ruler's join of a split abbreviation) moves every later token: an index
    # read before it must not be served after it.
    doc = nlp("Sec . Jones met him. Then he left.")
    words = frozenset({"him", "he"})
    before = indices_within(doc, "LOWER", words, 0, len(doc))
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    after = indices_within(doc, "LOWER", words, 0, len(doc))
    assert after == [i - 1 for i in before]
    assert [doc[i].lower_ for i in after] == ["him", "he"]


def test_genders_are_read_once_per_doc_and_mentions(nlp) -> None:
    from dossier.extract.quotes.pronouns import genders_in
    from dossier.extract.quotes.speakers import MentionIndex
    from dossier.model import Mention, Provenance

    doc = nlp("Ms. Ivy Rowe spoke. Rowe said she would stay. Tom Hale said he would go.")

    def mention(text: str) -> Mention:
        start = doc.text.index(text)
        end = start + len(text)
        provenance = Provenance("d", start, end, start, end, 0, "test", "1")
        actor = text.split()[-1]
        return Mention(text, start, end, "PERSON", None, actor, provenance=provenance)

    people = [mention("Ivy Rowe"), mention("Tom Hale")]
    first = genders_in(doc, MentionIndex(people))
    assert first == {"Rowe": "f", "Hale": "m"}
    first["Rowe"] = "m"  # a caller's copy: the remembered answer is not changed
    assert genders_in(doc, MentionIndex(list(reversed(people)))) == {"Rowe": "f", "Hale": "m"}
    # Other mentions are read anew: without Tom Hale, no one is his gender.
    assert genders_in(doc, MentionIndex(people[:1])) == {"Rowe": "f"}


def test_a_bare_surname_takes_the_latest_full_name_before_it() -> None:
    from dossier.extract.quotes.speakers import MentionIndex, Speaker, by_surname
    from dossier.model import Mention, Provenance

    text = "Anna Marsh met Ben Marsh and Carl Dunn. Later Marsh spoke, and Carl left. Dunn Co."

    def mention(phrase: str, label: str = "PERSON", at: int = 0) -> Mention:
        start = text.index(phrase, at)
        end = start + len(phrase)
        provenance = Provenance("d", start, end, start, end, 0, "test", "1")
        return Mention(phrase, start, end, label, None, phrase, provenance=provenance)

    index = MentionIndex(
        [mention("Anna Marsh"), mention("Ben Marsh"), mention("Carl Dunn", "ORG"),
         mention("Dunn Co", "ORG")]
    )  # fmt: skip
    bare = text.index("Marsh spoke")
    marsh = Speaker("Marsh", bare, bare + 5, "Marsh", None, None)
    assert by_surname(marsh, [], index).actor == "Ben Marsh"  # the latest before it
    # An earlier speaker comes before any mention, and a later mention is never read.
    earlier = [Speaker("Anna Marsh", 0, 10, "Anna Marsh", None, None)]
    assert by_surname(marsh, earlier, index).actor == "Anna Marsh"
    # A first name, when no surname fits: the NIL organisation "Carl Dunn" is a full name.
    at = text.index("Carl left")
    carl = Speaker("Carl", at, at + 4, "Carl", None, None)
    assert by_surname(carl, [], index).actor == "Carl Dunn"
    at = text.index("Dunn Co")
    dunn = Speaker("Dunn", at, at + 4, "Dunn", None, None)
    assert by_surname(dunn, [], index).actor == "Carl Dunn"  # "Dunn Co" ends after it
