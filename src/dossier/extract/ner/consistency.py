"""``dossier_doc_consistency``: one label per name throughout an article.

A name means the same thing throughout one article: the majority label of a string is given to
all its mentions, unlabelled repeats of a labelled name are labelled, and a person's surname
used alone later ("Lebed" after "Alexander Lebed") is a PERSON.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dossier.extract.ner.common import FIXED_SPANS_KEY, NUMERIC_LABELS


def _words(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's text and lower-cased text, read as arrays once (each ``doc[i]``, and each
    token of a ``Span`` iterated, builds a Token)."""
    strings = doc.vocab.strings
    orths, lower_ids = doc.to_array([ORTH, LOWER]).T.tolist()
    return [strings[orth] for orth in orths], [strings[lower] for lower in lower_ids]


def _is_name_word(token: Token | str) -> bool:
    """A capitalised word of two letters or more: what a name repeated alone looks like."""
    text = token if isinstance(token, str) else token.text
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and text[:1].isupper()


class DocumentConsistency:
    """One label per name in a document, and repeats of known names found.

    1. Persons' names: the first and last word of a PERSON of two or more words ("Alexander
       Lebed", "Wang Donghai"), found alone, refer to that person: PERSON.
    2. Votes: every mention of a name (compared case-insensitively, so headlines count) takes
       the label most of its mentions have; a tie keeps each mention's own label.
    3. Repeats: an unlabelled occurrence of a labelled name is labelled the same, when it is
       capitalised (one-word names: only with ``single_words``, and only words of two letters
       or more, so initials like "R." are not taken for names).
    """

    def __init__(self, name: str, single_words: bool, person_parts: bool) -> None:
        self.name = name
        self.single_words = single_words
        self.person_parts = person_parts

    def labels(self, doc: Doc) -> dict[tuple[str, ...], str]:
        """The label each name of ``doc`` should have, by lower-cased words."""
        texts, lowers = _words(doc) if len(doc) else ([], [])
        return self._labels(doc.ents, texts, lowers)

    def _labels(
        self, ents: tuple[Span, ...], texts: list[str], lowers: list[str]
    ) -> dict[tuple[str, ...], str]:
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        persons: set[tuple[str, ...]] = set()
        for ent in ents:
            label = ent.label_
            if label in NUMERIC_LABELS:
                continue
            start, end = ent.start, ent.end
            votes[tuple(lowers[start:end])][label] += 1
            if label == "PERSON" and end - start >= 2 and self.person_parts:
                persons.update((lowers[i],) for i in (start, end - 1) if _is_name_word(texts[i]))
        labels = {}
        for key, counts in votes.items():
            ranked = counts.most_common(2)
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                labels[key] = ranked[0][0]
        labels.update(dict.fromkeys(persons, "PERSON"))
        return labels

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # Token texts read once, as arrays; a name is looked up by its lower-cased words.
        texts, lowers = _words(doc)
        found_ents = doc.ents
        labels = self._labels(found_ents, texts, lowers)
        fixed = {(s.start, s.end) for s in doc.spans.get(FIXED_SPANS_KEY, [])}
        ents = []
        for ent in found_ents:
            label = labels.get(tuple(lowers[ent.start : ent.end]), ent.label_)
            if (
                ent.label_ not in NUMERIC_LABELS
                and label != ent.label_
                and ((ent.start, ent.end) not in fixed)
            ):
                ent = Span(doc, ent.start, ent.end, label=label)
            ents.append(ent)
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        # Only at the lengths some name has.
        lengths = {len(key) for key in labels}
        longest = max(lengths, default=0)
        i = 0
        while i < len(texts):
            found = None
            if i not in taken and texts[i][:1].isupper():
                for n in range(min(longest, len(texts) - i), 0, -1):
                    if n not in lengths:
                        continue
                    if n == 1 and not (self.single_words and _is_name_word(texts[i])):
                        continue
                    if any(j in taken for j in range(i, i + n)):
                        continue
                    label = labels.get(tuple(lowers[i : i + n]))
                    if label is not None:
                        found = Span(doc, i, i + n, label=label)
                        break
            if found is None:
                i += 1
                continue
            ents.append(found)
            taken.update(range(found.start, found.end))
            i = found.end
        doc.ents = filter_spans(ents)
        return doc


@Language.factory(
    "dossier_doc_consistency", default_config={"single_words": True, "person_parts": True}
)
def make_doc_consistency(
    nlp: Language, name: str, single_words: bool, person_parts: bool
) -> DocumentConsistency:
    """Document-level label votes, repeats of labelled names, and persons' names used alone.

    single_words (bool): also label unlabelled repeats of one-word names.
    person_parts (bool): a word that opens or ends a multi-word PERSON is that person when alone.
    """
    return DocumentConsistency(name, single_words, person_parts)
