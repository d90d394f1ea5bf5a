"""What the linker knows while it reads one document: the ``LinkingContext``.

Every resolver is a function of the context, a candidate span and its ``Candidate``. The
context holds what does not change while the document is read (the document, the KB and its
lexicon, the date, the main country, the sentence starts, the extractor version) and what grows
as it is read in text order: the persons named so far (``NamedPerson``, for surnames, pronouns
and "the president") and the mentions resolved so far.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import IDX, ORTH, POS
from spacy.symbols import ADJ, PROPN
from spacy.tokens import Doc, Span

from dossier.extract.document import text_of
from dossier.extract.linking.candidates import Candidate
from dossier.extract.linking.functions import FunctionIndex
from dossier.extract.linking.lexicon import KBLexicon
from dossier.kb.loader import KnowledgeBase
from dossier.kb.records import Office
from dossier.model import Mention


@dataclass
class NamedPerson:
    """A person the document has named so far, for surnames, pronouns and "the president"."""

    actor_id: str | None
    actor: str
    country: str | None
    offices: list[Office]
    surnames: set[str]
    sentence: int
    start: int  # character offset of the latest mention
    first_names: set[str] = field(default_factory=set)
    description: str | None = None  # the role the text gave a person the KB lacks
    count: int = 1  # mentions so far: "the president" prefers the most talked-about,
    first_start: int = 0  # then the one named first


@dataclass
class LinkingContext:
    """The linker's state for one document.

    doc: the document being linked (its mentions' provenance points into it).
    kb, lexicon: the knowledge base and its token lexicon.
    extractor_version: the linker's effective version, for each mention's provenance.
    date: the document date as the KB takes it (``normalise_date``), None when undated.
    main_country: the country the document is mostly about (``main_country``).
    sentence_starts: character offsets where the document's sentences start.
    functions: the KB's institutions by function (``functions.py``).
    candidates: the ruler's candidates, in text order (for where countries are named).
    persons: the persons named so far, in order of first mention.
    mentions: the mentions resolved so far.
    """

    doc: Doc
    kb: KnowledgeBase
    lexicon: KBLexicon
    extractor_version: str
    date: str | None
    main_country: str | None
    sentence_starts: list[int]
    functions: FunctionIndex | None = None
    candidates: list[tuple[Span, Candidate]] = field(default_factory=list)
    persons: list[NamedPerson] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _marks: list[tuple[int, str]] | None = None
    _paragraph_starts: list[int] | None = None

    @property
    def country_marks(self) -> list[tuple[int, str]]:
        """Where the document names a country (``country_marks``, ``adjective_marks``), read
        on first use: only an institution without a country asks."""
        if self._marks is None:
            self._marks = sorted(
                country_marks(self.kb, self.candidates) + adjective_marks(self.lexicon, self.doc)
            )
        return self._marks

    @property
    def paragraph_starts(self) -> list[int]:
        if self._paragraph_starts is None:
            self._paragraph_starts = paragraph_starts(text_of(self.doc))
        return self._paragraph_starts

    def sentence_of(self, char: int) -> int:
        """The number of the sentence holding character ``char``."""
        return max(bisect.bisect_right(self.sentence_starts, char) - 1, 0)

    def country_near(self, char: int, among: set[str]) -> str | None:
        """The country (one of ``among``) the text around character ``char`` is about: the
        most named in its sentence, else in its paragraph (its line), else in the document;
        a tie goes to the one named last before ``char``."""
        for starts in (self.sentence_starts, self.paragraph_starts):
            at = bisect.bisect_right(starts, char) - 1
            start = starts[at] if at >= 0 else 0
            end = starts[at + 1] if at + 1 < len(starts) else None
            marks = [
                (c, m)
                for m, c in self.country_marks
                if c in among and m >= start and (end is None or m < end)
            ]
            if marks:
                counts = Counter(c for c, _ in marks)
                best = max(counts.values())
                tied = [(c, m) for c, m in marks if counts[c] == best]
                before = [(c, m) for c, m in tied if m < char]
                if before:
                    return max(before, key=lambda cm: cm[1])[0]
                return min(tied, key=lambda cm: cm[1])[0]
        counts = Counter(c for _, c in self.country_marks if c in among)
        if counts:
            return counts.most_common(1)[0][0]
        return self.main_country if self.main_country in among else None


def main_country(kb: KnowledgeBase, candidates: Iterable[tuple[Span, Candidate]]) -> str | None:
    """The country a document is mostly about: the most often named, in any form."""
    counts: Counter[str] = Counter()
    for _, candidate in candidates:
        if candidate.role is not None and candidate.role.country:
            counts[candidate.role.country] += 1
        for actor_id in candidate.actor_ids:
            actor = kb.actors.get(actor_id)
            if actor is not None and actor.type == "country" and actor.country:
                counts[actor.country] += 1
        if candidate.place is not None:
            place = kb.place(candidate.place)
            if place is not None and place.country:
                counts[place.country] += 1
    return counts.most_common(1)[0][0] if counts else None


def country_marks(
    kb: KnowledgeBase, candidates: Iterable[tuple[Span, Candidate]]
) -> list[tuple[int, str]]:
    """Where the document names a country, in any form: (character offset, ISO3) for a
    country's name, a capital, a role phrase's or an institution's country, an adjective."""
    marks: list[tuple[int, str]] = []
    for span, candidate in candidates:
        at = span.start_char
        if candidate.role is not None and candidate.role.country:
            marks.append((at, candidate.role.country))
        if candidate.country:
            marks.append((at, candidate.country))
        for actor_id in candidate.actor_ids:
            actor = kb.actors.get(actor_id)
            if actor is not None and actor.type == "country" and actor.country:
                marks.append((at, actor.country))
        if candidate.place is not None:
            place = kb.place(candidate.place)
            if place is not None and place.country:
                marks.append((at, place.country))
        if candidate.kind == "ner" and candidate.label == "NORP":
            country = kb.country_of_people_noun(span.text)
            if country:
                marks.append((at, country))
    return marks


def adjective_marks(lexicon: KBLexicon, doc: Doc) -> list[tuple[int, str]]:
    """Where the document qualifies something by a country's adjective ("Russian tanks"):
    (character offset, ISO3)."""
    marks = []
    strings = doc.vocab.strings
    # Read as arrays, and only the adjectives and proper nouns made Python values: no Token is
    # built, and nothing is read of the many words that are neither.
    array = doc.to_array([ORTH, POS, IDX])
    if not len(array):
        return marks
    named = array[(array[:, 1] == ADJ) | (array[:, 1] == PROPN)]
    for orth, idx in named[:, [0, 2]].tolist():
        text = strings[orth]
        if text[:1].isupper():
            country = lexicon.country_of_adjective(text)
            if country:
                marks.append((idx, country))
    return marks


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where the text's paragraphs (its lines) start."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text) if m.end() < len(text)]


_ISO_DATE = re.compile(r"\A(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")


def normalise_date(value: object) -> str | None:
    """The document date as the KB takes it: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Accepts an ISO string (a time part is dropped: "2011-11-18T09:30:00Z"), a ``date`` or a
    ``datetime``; anything else is no date.
    """
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    match = _ISO_DATE.match(str(value).strip())
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)
