"""``dossier_gazetteer``: curated place and nationality names, from the KB's gazetteer.

Countries, capitals and large cities are tagged GPE, continents and regions LOC, and nationality
words NORP, from the curated list ``ner_gazetteer.csv`` of the KB folder (loaded and validated by
``dossier.kb.loader.load_gazetteer``). The model often calls a small country ORG or PERSON
("Moldova", "Liechtenstein") or misses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.lang.en import English
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from dossier.extract.ner.common import is_caps_word
from dossier.kb.gazetteer import GazetteerEntry, load_gazetteer


def _phrase_key(tokens: Iterable[Token]) -> str:
    return " ".join(t.lower_ for t in tokens)


class Gazetteer:
    """Finds gazetteer names in a doc, any case, starting with a capital, longest first.

    vocab (Vocab): the pipeline's vocabulary.
    entries (Iterable[GazetteerEntry]): the names to find (``load_gazetteer(kb_dir)``).
    kinds (Iterable[str] | None): the kinds of entry to use; None for all.
    """

    def __init__(
        self,
        vocab: Vocab,
        entries: Iterable[GazetteerEntry],
        kinds: Iterable[str] | None = None,
    ) -> None:
        wanted = set(kinds) if kinds is not None else None
        self.entries: dict[str, GazetteerEntry] = {}
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        tokenizer = English(vocab=vocab).tokenizer
        for entry in entries:
            if wanted is not None and entry.kind not in wanted:
                continue
            words = tokenizer(entry.name)
            key = _phrase_key(words)
            if key not in self.entries:  # the first row of a name decides its label
                self.entries[key] = entry
                self.matcher.add(key, [words])

    def _accepts(self, span: Span, entry: GazetteerEntry) -> bool:
        # a name must be capitalised, and an all-caps abbreviation ("US", "UK") written so
        if is_caps_word(entry.name) and " " not in entry.name:
            return span.text == entry.name
        return span[0].text[:1].isupper()

    def find(self, doc: Doc | Span) -> list[tuple[Span, GazetteerEntry]]:
        """Non-overlapping matches in ``doc``, the longest where two overlap."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            if self._accepts(span, self.entries[doc.vocab.strings[match_id]]):
                spans.append(Span(span.doc, span.start, span.end, label=match_id))
        return [(span, self.entries[span.label_]) for span in filter_spans(spans)]

    def entry(self, span: Span) -> GazetteerEntry | None:
        """The entry naming exactly ``span``, if any."""
        entry = self.entries.get(_phrase_key(span))
        return entry if entry is not None and self._accepts(span, entry) else None


class GazetteerTagger:
    """Tags gazetteer names: new where nothing was found, relabelled where the span is the same.

    A match inside or across a longer entity ("Bank of England", "New York Times") is left
    alone: the longer name wins. A match the model calls PERSON is relabelled only for the
    ``override_person`` kinds (all by default: on wire text a lone "Liechtenstein", "Benin" or
    "Tajik" tagged PERSON is far more often the model's error than a person; leave out a kind
    to trust the model's PERSON there).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        entries: Iterable[GazetteerEntry],
        kinds: list[str] | None,
        override_person: list[str],
    ) -> None:
        self.name = name
        self.gazetteer = Gazetteer(nlp.vocab, entries, kinds)
        self.override_person = frozenset(override_person)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        owner = {i: index for index, ent in enumerate(ents) for i in range(ent.start, ent.end)}
        for span, entry in self.gazetteer.find(doc):
            covering = {owner[i] for i in range(span.start, span.end) if i in owner}
            if not covering:
                ents.append(Span(doc, span.start, span.end, label=entry.label))
                continue
            if len(covering) > 1:
                continue
            index = covering.pop()
            ent = ents[index]
            if (ent.start, ent.end) != (span.start, span.end):
                continue
            if ent.label_ != "PERSON" or entry.kind in self.override_person:
                ents[index] = Span(doc, ent.start, ent.end, label=entry.label)
        doc.ents = filter_spans(ents)
        return doc


@Language.factory(
    "dossier_gazetteer",
    default_config={
        "kb_dir": None,
        "kinds": None,
        "override_person": ["country", "capital", "city", "us_state", "region", "demonym"],
    },
)
def make_gazetteer(
    nlp: Language,
    name: str,
    kb_dir: str | None,
    kinds: list[str] | None,
    override_person: list[str],
) -> GazetteerTagger:
    """Countries, capitals and cities as GPE, regions as LOC, nationalities as NORP.

    kb_dir (str | None): a folder of KB CSV files whose ``ner_gazetteer.csv`` to use; None for
        the package's own KB.
    kinds (list[str] | None): the gazetteer kinds to use (country, capital, city, us_state,
        region, demonym); None for all.
    override_person (list[str]): kinds whose matches replace a PERSON the model found.
    """
    return GazetteerTagger(nlp, name, load_gazetteer(kb_dir), kinds, override_person)
