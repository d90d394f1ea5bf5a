"""Named entities: spaCy components that run after spaCy's own ``ner`` and repair what it gets
wrong on news wires.

spaCy's English pipelines are trained on OntoNotes 5, mostly mixed-case running text. On wire
copy (CoNLL-2003 is Reuters 1996) the model stumbles in a few recurring ways; each component
here repairs one, keeping OntoNotes labels (PERSON, ORG, GPE, LOC, NORP, ...) so that later
stages see one scheme. In pipeline order (``dossier.nlp.DOSSIER_COMPONENTS``):

``dossier_caps_ner``
    Headlines, datelines and result lines are often ALL CAPS ("SOCCER - JAPAN GET LUCKY WIN ,
    CHINA IN SURPRISE DEFEAT ."). The model's features (word shape, suffix) have rarely seen
    such tokens, so it misses or mangles the names in them. The component re-runs ``ner`` on a
    case-restored copy of the all-caps lines, token for token, and takes the copy's entities.
    Case comes from the document itself first (the body names the same things in mixed case),
    then from the tagger run on a lower-cased copy (proper nouns get a capital).
``dossier_entity_boundaries``
    OntoNotes spans start with "the" ("the Federal Reserve") and the model lets names run across
    scores, list numbers and dashes ("Colchester 1 Hereford 1", "3 - Monica Seles"). A name does
    not contain a bare number, a dash or a bracket: spans are cut there, and a leading article or
    trailing possessive is dropped.
``dossier_gazetteer``
    Countries, capitals and large cities are tagged GPE, continents and regions LOC, and
    nationality words NORP, from a curated list shipped in ``kb/data/ner_gazetteer.csv``. The
    model often calls a small country ORG or PERSON ("Moldova", "Liechtenstein") or misses it.
``dossier_datelines``
    A wire story opens with where it was filed ("TAVILDARA , Tajikistan 1996-08-30"): those
    names are places, whatever the model made of an unknown capitalised word before a date.
``dossier_sports_teams``
    Results, fixtures and standings ("Colchester 1 Hereford 1", "BALTIMORE AT SEATTLE") name
    teams: clubs are organisations even when named after a city ("Cleveland"), national sides
    keep their country's GPE, as CoNLL-2003 annotates them.
``dossier_doc_consistency``
    A name means the same thing throughout one article: the majority label of a string is given
    to all its mentions, unlabelled repeats of a labelled name are labelled, and a person's
    surname used alone later ("Lebed" after "Alexander Lebed") is a PERSON.

Contributions measured on CoNLL-2003 eng.testa (dev), F1 of the whole pipeline 0.805 against
0.644 for plain spaCy: leaving one component out costs caps 0.008, boundaries 0.044, gazetteer
0.013, datelines 0.004, sports teams 0.053, consistency 0.022 (``dossier eval ner --without``).

Importing this module registers the factories; ``dossier.nlp`` adds them to the pipeline.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en import English
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

#: Entity labels that name a person, organisation or place: the ones whose spans never contain a
#: bare number or a separator. Event, law, product and work titles may ("Euro 96", "F-16").
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

#: Labels spaCy gives to quantities and times: never relabelled as names by consistency voting.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

GAZETTEER_FILE = "ner_gazetteer.csv"

#: ``doc.spans`` group of entities set from the layout of a line (datelines, result tables):
#: document consistency counts their votes but does not relabel them.
FIXED_SPANS_KEY = "dossier_ner_fixed"


def _sentences(doc: Doc) -> Iterable[Span]:
    """The doc's sentences, or the whole doc as one when no component has set any."""
    return doc.sents if doc.has_annotation("SENT_START") else [doc[:]]


# --- all-caps lines ------------------------------------------------------------------------------


def is_caps_word(token: Token | str) -> bool:
    """A token with at least two letters, all of them upper case ("JAPAN", "U.S.", "O'BRIEN")."""
    text = token if isinstance(token, str) else token.text
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def caps_lines(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` written in capitals: no lower-case letter, one all-caps word."""
    return [
        sentence
        for sentence in _sentences(doc)
        if not any(_has_lower(t.text) for t in sentence) and any(is_caps_word(t) for t in sentence)
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
    def from_doc(cls, doc: Doc, skip: Iterable[Span] = (), max_n: int = 3) -> CasingEvidence:
        skipped = set()
        for span in skip:
            skipped.update(range(span.start, span.end))
        forms: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
        for sentence in _sentences(doc):
            if sentence.start in skipped:
                continue
            words = [t.text for t in sentence]
            for i in range(1, len(words)):
                for n in range(1, max_n + 1):
                    gram = tuple(words[i : i + n])
                    if len(gram) < n:
                        break
                    if not any(c.isalpha() for c in gram[0]) or all(is_caps_word(w) for w in gram):
                        continue
                    forms[tuple(w.lower() for w in gram)][gram] += 1
        return cls(dict(forms), max_n)

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
        evidence = CasingEvidence.from_doc(doc, skip=lines) if self.use_document else None
        proper = self._proper_nouns(lines)
        words: list[str] = []
        for line in lines:
            flags = proper[len(words) : len(words) + len(line)] if proper else None
            words.extend(restore_case([t.text for t in line], evidence, flags))
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


# --- span boundaries -----------------------------------------------------------------------------

#: Punctuation that separates two names rather than sitting inside one ("Romania - Cosmin
#: Contra", "Durie ( 75th )", "Derbyshire , Surrey").
_PUNCTUATION = re.compile(r"^(?:[-\u2013\u2014:;,()\[\]{}/|\"\u201c\u201d]+|--|\.\.\.)$")
#: A bare number or ordinal ("1", "114", "75th", "3.5").
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*(?:st|nd|rd|th)?$")
#: Scores, dates, times and bowling figures ("6-4", "1996-08-30", "1:25", "9-0-54-1").
_FIGURE = re.compile(r"^\d+(?:[-:/.]\d+)+$")
#: Between two team names in a fixture ("Birmingham v Barnsley").
_VERSUS = frozenset({"v", "v.", "vs", "vs."})
_LEADING_WORDS = frozenset({"the", "a", "an"})
_TRAILING_WORDS = frozenset({"'s", "'", "\u2019s", "\u2019"})


def _cuts_name(span: Span, i: int, numbers: int) -> bool:
    """Whether token ``i`` of ``span`` separates two names instead of belonging to one."""
    token = span.doc[i]
    text = token.text
    if _PUNCTUATION.match(text) or _FIGURE.match(text) or text.lower() in _VERSUS:
        return True
    if span.label_ in NAME_LABELS:
        # names hold no bare number, and no lone lower-case letter (cricket's "c Knight b Gough")
        return (
            bool(_NUMBER.match(text))
            or (len(text) == 1 and text.islower())
            or (span.label_ == "PERSON" and token.lower_ == "and")
        )
    # events, laws, products and works may carry one number at either end ("Euro 96",
    # "1997 Fed Cup"); more numbers, or one inside, are a table row that the model ran together
    inner = span.start < i < span.end - 1
    return bool(_NUMBER.match(text)) and (numbers > 1 or inner)


def split_name(span: Span) -> list[Span]:
    """The parts of an entity once separators, a leading article and a possessive are dropped.

    OntoNotes includes a leading "the" in names ("the Federal Reserve") and the model lets a
    name run on across scores, list numbers, dashes and brackets; news names (CoNLL's among
    them) do not. Quantities and dates are returned as they are.
    """
    if span.label_ in NUMERIC_LABELS:
        return [span]
    doc = span.doc
    numbers = sum(1 for t in span if _NUMBER.match(t.text))
    parts: list[tuple[int, int]] = []
    start = span.start
    for i in range(span.start, span.end):
        if _cuts_name(span, i, numbers):
            parts.append((start, i))
            start = i + 1
    parts.append((start, span.end))
    trimmed = []
    for begin, end in parts:
        while begin < end and doc[begin].lower_ in _LEADING_WORDS:
            begin += 1
        while end > begin and doc[end - 1].lower_ in _TRAILING_WORDS:
            end -= 1
        if end > begin and any(c.isalpha() for t in doc[begin:end] for c in t.text):
            trimmed.append(Span(doc, begin, end, label=span.label_))
    return trimmed


#: A middle initial: "V." in "Vladimir V. Putin", which the statistical NER often takes for a
#: sentence break and so splits the name into two people.
_MIDDLE_INITIAL = re.compile(r"\A[A-Z]\.\Z")


def join_middle_initials(ents: Sequence[Span]) -> list[Span]:
    """Join two PERSON entities separated only by one or two middle initials."""
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        gap = ent.doc[previous.end : ent.start] if previous is not None else None
        if (
            previous is not None
            and previous.label_ == ent.label_ == "PERSON"
            and gap is not None
            and 1 <= len(gap) <= 2
            and all(_MIDDLE_INITIAL.match(t.text) for t in gap)
        ):
            joined[-1] = Span(ent.doc, previous.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    return joined


@Language.component("dossier_entity_boundaries")
def entity_boundaries(doc: Doc) -> Doc:
    """Cuts entities at separators and numbers; drops leading articles and possessives; joins a
    name split at a middle initial."""
    doc.ents = join_middle_initials([part for ent in doc.ents for part in split_name(ent)])
    return doc


# --- gazetteer -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GazetteerEntry:
    """One row of ``kb/data/ner_gazetteer.csv``."""

    name: str
    label: str  # the OntoNotes label a match gets: GPE, LOC or NORP
    kind: str  # country, capital, city, us_state, region, demonym
    source: str


GAZETTEER_LABELS = frozenset({"GPE", "LOC", "NORP"})


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """The curated place and nationality names of ``kb/data/ner_gazetteer.csv``.

    Raises ValueError naming the file and line of a row without a name, a known label or a
    source: the list is reviewed data, and a broken row should stop the pipeline loading.
    """
    path = resources.files("dossier.kb").joinpath("data", GAZETTEER_FILE)
    entries = []
    with path.open(encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            name, label = (row.get("name") or "").strip(), (row.get("label") or "").strip()
            if not name or label not in GAZETTEER_LABELS or not (row.get("source") or "").strip():
                raise ValueError(
                    f"{GAZETTEER_FILE}:{line}: each row needs a name, a label "
                    f"({', '.join(sorted(GAZETTEER_LABELS))}) and a source"
                )
            entries.append(
                GazetteerEntry(name, label, (row.get("kind") or "").strip(), row["source"])
            )
    return tuple(entries)


def _phrase_key(tokens: Iterable[Token]) -> str:
    return " ".join(t.lower_ for t in tokens)


class Gazetteer:
    """Finds gazetteer names in a doc, any case, starting with a capital, longest first."""

    def __init__(self, vocab: Vocab, kinds: Iterable[str] | None = None) -> None:
        wanted = set(kinds) if kinds is not None else None
        self.entries: dict[str, GazetteerEntry] = {}
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        tokenizer = English(vocab=vocab).tokenizer
        for entry in load_gazetteer():
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
        self, nlp: Language, name: str, kinds: list[str] | None, override_person: list[str]
    ) -> None:
        self.name = name
        self.gazetteer = Gazetteer(nlp.vocab, kinds)
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
        "kinds": None,
        "override_person": ["country", "capital", "city", "us_state", "region", "demonym"],
    },
)
def make_gazetteer(
    nlp: Language, name: str, kinds: list[str] | None, override_person: list[str]
) -> GazetteerTagger:
    """Countries, capitals and cities as GPE, regions as LOC, nationalities as NORP.

    kinds (list[str] | None): the gazetteer kinds to use (country, capital, city, us_state,
        region, demonym); None for all.
    override_person (list[str]): kinds whose matches replace a PERSON the model found.
    """
    return GazetteerTagger(nlp, name, kinds, override_person)


# --- datelines -----------------------------------------------------------------------------------

#: Dates a wire dateline ends with: "1996-08-30", "Aug 30", "August 30".
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTHS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _dateline_places(sentence: Span) -> list[Span]:
    """The place names of a sentence that opens with a wire dateline, else nothing.

    A dateline is an ALL-CAPS place, optionally ", Region" in capitalised words, then a date
    ("TAVILDARA , Tajikistan 1996-08-30") or an agency in brackets ("MOSCOW , Aug 30 (Reuters)").
    """
    doc = sentence.doc
    places = []
    i, end = sentence.start, sentence.end
    j = i
    while j < end and is_caps_word(doc[j]):
        j += 1
    if j == i:
        return []
    places.append(doc[i:j])
    if j < end and doc[j].text == ",":
        k = j + 1
        while k < end and doc[k].text[:1].isupper() and doc[k].lower_ not in _MONTHS:
            k += 1
        if k > j + 1:
            places.append(doc[j + 1 : k])
            j = k
    if j < end and doc[j].text == ",":
        j += 1
    if j >= end:
        return []
    opener = doc[j]
    if _ISO_DATE.match(opener.text) or opener.lower_.rstrip(".") in _MONTHS:
        return places
    if opener.text == "(" and j + 1 < end and doc[j + 1].text[:1].isupper():
        return places
    return []


@Language.component("dossier_datelines")
def datelines(doc: Doc) -> Doc:
    """Tags the place names of wire datelines ("BRUSSELS 1996-08-22", "NICE , France ...") GPE.

    A dateline names where the story was filed; the model, seeing a lone capitalised word before
    a date, often calls it a person or an organisation.
    """
    places = [place for sentence in _sentences(doc) for place in _dateline_places(sentence)]
    if places:
        _set_fixed_entities(doc, [Span(doc, p.start, p.end, label="GPE") for p in places])
    return doc


# --- sports results ------------------------------------------------------------------------------

#: Words that may sit inside a team's name ("Queen of the South", "Paris St Germain").
_NAME_CONNECTORS = frozenset({"of", "the", "de", "la", "del", "di", "da", "du", "van", "von", "&"})


def _team_name_end(doc: Doc, i: int, end: int) -> int:
    """The end of the capitalised name starting at token ``i`` (``i`` if none starts there).

    Name words are capitalised and hold letters but no digits; connector words may sit between
    two of them. "AT" and "V" are fixture words, not name words.
    """
    j = i
    while j < end:
        text = doc[j].text
        word = (
            text[:1].isupper()
            and any(c.isalpha() for c in text)
            and not any(c.isdigit() for c in text)
            and text not in ("AT", "V")
        )
        if word:
            j += 1
            continue
        # connectors count only between two name words: "Queen of the South"
        k = j
        while k < end and doc[k].text.lower() in _NAME_CONNECTORS:
            k += 1
        if j == i or k in (j, end) or not doc[k].text[:1].isupper():
            break
        j = k
    return j


#: A rank before a name in a table: "1.", "12)".
_RANK = re.compile(r"^\d+[.)]$")

#: A cell of a standings table: a count, a percentage, a games-behind figure, or a dash.
_STAT = re.compile(r"^(?:[-+]?[\d.,:/]*\d[\d.,:/-]*|-)$")


def _is_score(token: Token) -> bool:
    return bool(_NUMBER.match(token.text)) and "." not in token.text


def result_line_names(sentence: Span) -> list[tuple[Span, str]]:
    """The names in a sports result, fixture or standings line, as (span, "team" or "venue").

    Recognised lines, a trailing bracket and full stop aside: results "Colchester 1 Hereford 1"
    and "Israel 2 , Bulgaria 0"; fixtures "Birmingham v Barnsley" (two teams) and "BALTIMORE AT
    SEATTLE" (a team, then the venue it plays at); standings rows "Bournemouth 4 2 0 2 5 5 6" or
    "NEW YORK 74 59 .556 -" (a name, then three or more figures, optionally after a rank).
    Any other sentence gives nothing.
    """
    doc = sentence.doc
    start, end = sentence.start, sentence.end
    if end > start and doc[end - 1].text == ".":
        end -= 1
    if end > start and doc[end - 1].text == ")":
        opening = [t.i for t in doc[start:end] if t.text == "("]
        end = opening[-1] if opening else end
    i = start
    if _RANK.match(doc[i].text):  # a rank: "1. Ajax ..."
        i += 1
    elif i + 1 < end and _is_score(doc[i]) and doc[i + 1].text in (".", ")"):
        i += 2
    first_end = _team_name_end(doc, i, end)
    if first_end == i:
        return []
    first = doc[i:first_end]
    rest = doc[first_end:end]
    if len(rest) >= 3 and all(_STAT.match(t.text) for t in rest):
        if sum(any(c.isdigit() for c in t.text) for t in rest) >= 3:
            return [(first, "team")]
        return []
    k = first_end
    if k < end and (doc[k].text == "AT" or doc[k].lower_ in _VERSUS):
        second_end = _team_name_end(doc, k + 1, end)
        if second_end == end and second_end > k + 1:
            role = "venue" if doc[k].text == "AT" else "team"
            return [(first, "team"), (doc[k + 1 : second_end], role)]
        return []
    if k < end and _is_score(doc[k]):
        k += 1
        if k < end and doc[k].text == ",":
            k += 1
        second_end = _team_name_end(doc, k, end)
        if second_end > k and second_end + 1 == end and _is_score(doc[second_end]):
            return [(first, "team"), (doc[k:second_end], "team")]
    return []


def _set_fixed_entities(doc: Doc, spans: Sequence[Span]) -> None:
    """Makes ``spans`` entities, replacing what overlaps them, and records them as fixed."""
    covered = {i for span in spans for i in range(span.start, span.end)}
    ents = [e for e in doc.ents if not any(i in covered for i in range(e.start, e.end))]
    doc.ents = filter_spans([*ents, *spans])
    group = list(doc.spans[FIXED_SPANS_KEY]) if FIXED_SPANS_KEY in doc.spans else []
    doc.spans[FIXED_SPANS_KEY] = [*group, *spans]


class SportsTeams:
    """Labels the names in sports result lines: teams ORG (a national side GPE), venues GPE.

    In "Cleveland 5 Chicago 2" the names are clubs, which the model, seeing city names, calls
    GPE, or persons; a country's name stays GPE ("Israel 2 , Bulgaria 0"), as in CoNLL-2003,
    where national teams are locations, and so does the place after "AT" in a fixture. Document
    consistency then carries a club's label to its other mentions in the report.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.gazetteer = Gazetteer(nlp.vocab, kinds=["country"])

    def label(self, name: Span, role: str) -> str:
        if role == "venue" or self.gazetteer.entry(name) is not None:
            return "GPE"
        return "ORG"

    def __call__(self, doc: Doc) -> Doc:
        found = [
            Span(doc, span.start, span.end, label=self.label(span, role))
            for sentence in _sentences(doc)
            for span, role in result_line_names(sentence)
        ]
        if found:
            _set_fixed_entities(doc, found)
        return doc


@Language.factory("dossier_sports_teams")
def make_sports_teams(nlp: Language, name: str) -> SportsTeams:
    """Teams in result, fixture and standings lines as ORG (national sides GPE)."""
    return SportsTeams(nlp, name)


# --- document-level consistency ------------------------------------------------------------------


def _key(span: Span) -> tuple[str, ...]:
    return tuple(t.lower_ for t in span)


def _is_name_word(token: Token) -> bool:
    """A capitalised word of two letters or more: what a name repeated alone looks like."""
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and token.text[:1].isupper()


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
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        persons: set[tuple[str, ...]] = set()
        for ent in doc.ents:
            if ent.label_ in NUMERIC_LABELS:
                continue
            votes[_key(ent)][ent.label_] += 1
            if ent.label_ == "PERSON" and len(ent) >= 2 and self.person_parts:
                persons.update((t.lower_,) for t in (ent[0], ent[-1]) if _is_name_word(t))
        labels = {}
        for key, counts in votes.items():
            ranked = counts.most_common(2)
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                labels[key] = ranked[0][0]
        labels.update(dict.fromkeys(persons, "PERSON"))
        return labels

    def __call__(self, doc: Doc) -> Doc:
        labels = self.labels(doc)
        fixed = {(s.start, s.end) for s in doc.spans.get(FIXED_SPANS_KEY, [])}
        ents = []
        for ent in doc.ents:
            label = labels.get(_key(ent), ent.label_)
            if (
                ent.label_ not in NUMERIC_LABELS
                and label != ent.label_
                and ((ent.start, ent.end) not in fixed)
            ):
                ent = Span(doc, ent.start, ent.end, label=label)
            ents.append(ent)
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        longest = max((len(key) for key in labels), default=0)
        i = 0
        while i < len(doc):
            found = None
            if i not in taken and doc[i].text[:1].isupper():
                for n in range(min(longest, len(doc) - i), 0, -1):
                    span = doc[i : i + n]
                    if n == 1 and not (self.single_words and _is_name_word(doc[i])):
                        continue
                    if any(j in taken for j in range(i, i + n)):
                        continue
                    label = labels.get(_key(span))
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
