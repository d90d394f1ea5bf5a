"""``dossier_caps_ner``: entities of ALL-CAPS lines, found on a case-restored copy.

Headlines, datelines and result lines are often ALL CAPS ("SOCCER - JAPAN GET LUCKY WIN ,
CHINA IN SURPRISE DEFEAT ."). The model's features (word shape, suffix) have rarely seen such
tokens, so it misses or mangles the names in them. The component re-runs ``ner`` on a
case-restored copy of the all-caps lines, token for token, and takes the copy's entities. Case
comes from the document itself first (the body names the same things in mixed case), then from
the tagger run on a lower-cased copy (proper nouns get a capital).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dossier.extract.document import text_of
from dossier.extract.ner.common import is_caps_word, sentences


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def caps_lines(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` written in capitals: no lower-case letter, one all-caps word."""
    text = text_of(doc)  # a sentence's words are ``text[start_char:end_char]`` and spaces
    return [
        sentence
        for sentence in sentences(doc)
        if not _has_lower(text[sentence.start_char : sentence.end_char])
        and any(is_caps_word(t) for t in sentence)
    ]


def _capitalise(word: str) -> str:
    """'JAPAN' -> 'Japan', 'O'BRIEN' -> 'O'brien', 'U.S.' stays: dotted abbreviations keep case."""
    if "." in word or not any(c.isalpha() for c in word):
        return word
    return word[:1].upper() + word[1:].lower()


@dataclass
class CasingEvidence:
    """How the document writes words and short phrases outside its all-caps lines.

    ``forms`` maps a lower-cased n-gram (a tuple of words) to the counts of its written forms,
    counted only where the n-gram does not open a sentence (there case says nothing).
    """

    forms: dict[tuple[str, ...], Counter[tuple[str, ...]]]
    max_n: int = 3

    @classmethod
    def from_doc(
        cls,
        doc: Doc,
        skip: Iterable[Span] = (),
        max_n: int = 3,
        wanted: set[tuple[str, ...]] | None = None,
    ) -> CasingEvidence:
        """The evidence of ``doc`` outside the sentences starting in ``skip``.

        wanted: the lower-cased n-grams that will be looked up (None: every n-gram); the
        others are not counted, and ``lookup`` answers the same for the wanted ones.
        """
        skipped = set()
        for span in skip:
            skipped.update(range(span.start, span.end))
        forms: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
        # Each word's text, lower case, shape and letters, read once for all its n-grams.
        texts = [t.text for t in doc]
        lowers = [w.lower() for w in texts]
        # Only n-grams opening on a wanted n-gram's first word are read (most words open
        # none): their words' shapes are computed as they are needed.
        firsts = None if wanted is None else {gram[0] for gram in wanted}
        caps: dict[int, bool] = {}

        def is_caps(k: int) -> bool:
            found = caps.get(k)
            if found is None:
                found = caps[k] = is_caps_word(texts[k])
            return found

        for sentence in sentences(doc):
            if sentence.start in skipped:
                continue
            first, end = sentence.start, sentence.end
            for i in range(first + 1, end):
                if firsts is not None and lowers[i] not in firsts:
                    continue
                if not any(c.isalpha() for c in texts[i]):  # an n-gram opens on a letter
                    continue
                for n in range(1, min(max_n, end - i) + 1):
                    if all(is_caps(k) for k in range(i, i + n)):
                        continue
                    key = tuple(lowers[i : i + n])
                    if wanted is None or key in wanted:
                        forms[key][tuple(texts[i : i + n])] += 1
        return cls(dict(forms), max_n)

    @staticmethod
    def wanted_in(lines: Iterable[Sequence[str]], max_n: int = 3) -> set[tuple[str, ...]]:
        """The lower-cased n-grams ``restore_case`` may look up in ``lines`` (each a list of
        words): those of ``max_n`` words or fewer, every word all caps, inside one line."""
        wanted: set[tuple[str, ...]] = set()
        for words in lines:
            caps = [is_caps_word(w) for w in words]
            for i in range(len(words)):
                for n in range(1, max_n + 1):
                    if i + n > len(words) or not caps[i + n - 1]:
                        break
                    wanted.add(tuple(w.lower() for w in words[i : i + n]))
        return wanted

    def lookup(self, words: Sequence[str]) -> tuple[str, ...] | None:
        """The document's usual written form of ``words`` (any case), or None if never seen."""
        counts = self.forms.get(tuple(w.lower() for w in words))
        return counts.most_common(1)[0][0] if counts else None


def restore_case(
    words: Sequence[str],
    evidence: CasingEvidence | None = None,
    proper: Sequence[bool] | None = None,
) -> list[str]:
    """A mixed-case copy of an all-caps line, one word for one word.

    Longest phrases first, each word or phrase takes the form the rest of the document writes it
    in (``evidence``). A word the document never writes otherwise is capitalised when
    ``proper`` marks it as a proper noun, and lower-cased when not; without ``proper``, English
    function words are lower-cased and other words capitalised, as in a title. Words that are not
    all caps ("1996-08-30", "-", "Mr") are kept, clitics ("'S") are lower-cased and dotted
    abbreviations ("U.S.") keep their capitals. The line's first word is not forced to a
    capital: a wire's subject slug ("SOCCER - ...") is not a name, and capitalising it made
    the model take it for one.
    """
    restored = list(words)
    i = 0
    while i < len(words):
        if not is_caps_word(words[i]):
            if words[i].startswith("'"):  # a clitic: "'S", "'LL"
                restored[i] = words[i].lower()
            i += 1
            continue
        form = None
        if evidence is not None:
            for n in range(evidence.max_n, 0, -1):
                gram = words[i : i + n]
                if len(gram) == n and all(is_caps_word(w) for w in gram):
                    form = evidence.lookup(gram)
                    if form is not None:
                        break
        if form is not None:
            restored[i : i + len(form)] = form
            i += len(form)
            continue
        word = words[i]
        if word.startswith("'") or (
            "." not in word
            and (not proper[i] if proper is not None else word.lower() in STOP_WORDS)
        ):
            restored[i] = word.lower()
        else:
            restored[i] = _capitalise(word)
        i += 1
    return restored


class CapsLineNer:
    """Re-runs the pipeline's ``ner`` on case-restored copies of the all-caps lines of a doc.

    The copy holds the all-caps lines only, token for token, so its entities map back by index.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        ner_component: str,
        tagger_components: Sequence[str],
        use_document: bool,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.ner_component = ner_component
        self.tagger_components = tuple(tagger_components)
        self.use_document = use_document

    def __call__(self, doc: Doc) -> Doc:
        lines = caps_lines(doc)
        if not lines:
            return doc
        line_words = [[t.text for t in line] for line in lines]
        evidence = None
        if self.use_document:
            wanted = CasingEvidence.wanted_in(line_words)
            evidence = CasingEvidence.from_doc(doc, skip=lines, wanted=wanted)
        proper = self._proper_nouns(lines)
        words: list[str] = []
        for line, texts in zip(lines, line_words, strict=True):
            flags = proper[len(words) : len(words) + len(line)] if proper else None
            words.extend(restore_case(texts, evidence, flags))
        copy = self._copy(lines, words)
        copy = self.nlp.get_pipe(self.ner_component)(copy)
        origin = [i for line in lines for i in range(line.start, line.end)]
        in_caps = set(origin)
        kept = [e for e in doc.ents if e.start not in in_caps and e.end - 1 not in in_caps]
        for ent in copy.ents:
            start, end = origin[ent.start], origin[ent.end - 1] + 1
            kept.append(Span(doc, start, end, label=ent.label_))
        doc.ents = filter_spans(kept)
        return doc

    def _copy(self, lines: Sequence[Span], words: Sequence[str]) -> Doc:
        """A doc of ``words`` with the lines' spacing and one sentence per line."""
        return Doc(
            self.nlp.vocab,
            words=list(words),
            spaces=[bool(t.whitespace_) for line in lines for t in line],
            sent_starts=[t.i == line.start for line in lines for t in line],
        )

    def _proper_nouns(self, lines: Sequence[Span]) -> list[bool] | None:
        """Which words the tagger calls proper nouns once the lines are lower-cased.

        Lower case is the shape the tagger knows best for common words; names it learnt (their
        lower-cased form is a feature) still come out as NNP. None when no tagger is configured.
        """
        if not self.tagger_components:
            return None
        lower = self._copy(lines, [t.text.lower() for line in lines for t in line])
        for component in self.tagger_components:
            lower = self.nlp.get_pipe(component)(lower)
        return [t.tag_ in ("NNP", "NNPS") for t in lower]


@Language.factory(
    "dossier_caps_ner",
    default_config={
        "ner_component": "ner",
        "tagger_components": ["tok2vec", "tagger"],
        "use_document": True,
    },
)
def make_caps_line_ner(
    nlp: Language,
    name: str,
    ner_component: str,
    tagger_components: list[str],
    use_document: bool,
) -> CapsLineNer:
    """Entities of all-caps lines, found on a case-restored copy (see ``restore_case``).

    ner_component (str): the name of the pipeline's NER component to re-run.
    tagger_components (list[str]): components that set ``Token.tag_`` (tok2vec, tagger), run on
        a lower-cased copy to tell proper nouns; empty to use the title-case rule instead.
    use_document (bool): take the case of words and phrases from the rest of the document.
    """
    return CapsLineNer(nlp, name, ner_component, tagger_components, use_document)
