"""``dossier_entity_boundaries``: entity spans cut where a name ends.

OntoNotes spans start with "the" ("the Federal Reserve") and the model lets names run across
scores, list numbers and dashes ("Colchester 1 Hereford 1", "3 - Monica Seles"). A name does not
contain a bare number, a dash or a bracket: spans are cut there, a leading article or trailing
possessive is dropped, and a person's name split at a middle initial is joined again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.extract.ner.common import NAME_LABELS, NUMBER, NUMERIC_LABELS, VERSUS

#: Punctuation that separates two names rather than sitting inside one ("Romania - Cosmin
#: Contra", "Durie ( 75th )", "Derbyshire , Surrey").
_PUNCTUATION = re.compile(r"^(?:[-\u2013\u2014:;,()\[\]{}/|\"\u201c\u201d]+|--|\.\.\.)$")
#: Scores, dates, times and bowling figures ("6-4", "1996-08-30", "1:25", "9-0-54-1").
_FIGURE = re.compile(r"^\d+(?:[-:/.]\d+)+$")
_LEADING_WORDS = frozenset({"the", "a", "an"})
_TRAILING_WORDS = frozenset({"'s", "'", "\u2019s", "\u2019"})


def _cuts_name(span: Span, i: int, numbers: int) -> bool:
    """Whether token ``i`` of ``span`` separates two names instead of belonging to one."""
    token = span.doc[i]
    text = token.text
    if _PUNCTUATION.match(text) or _FIGURE.match(text) or text.lower() in VERSUS:
        return True
    if span.label_ in NAME_LABELS:
        # names hold no bare number, and no lone lower-case letter (cricket's "c Knight b Gough")
        return (
            bool(NUMBER.match(text))
            or (len(text) == 1 and text.islower())
            or (span.label_ == "PERSON" and token.lower_ == "and")
        )
    # events, laws, products and works may carry one number at either end ("Euro 96",
    # "1997 Fed Cup"); more numbers, or one inside, are a table row that the model ran together
    inner = span.start < i < span.end - 1
    return bool(NUMBER.match(text)) and (numbers > 1 or inner)


def split_name(span: Span) -> list[Span]:
    """The parts of an entity once separators, a leading article and a possessive are dropped.

    OntoNotes includes a leading "the" in names ("the Federal Reserve") and the model lets a
    name run on across scores, list numbers, dashes and brackets; news names (CoNLL's among
    them) do not. Quantities and dates are returned as they are.
    """
    if span.label_ in NUMERIC_LABELS:
        return [span]
    doc = span.doc
    numbers = sum(1 for t in span if NUMBER.match(t.text))
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
