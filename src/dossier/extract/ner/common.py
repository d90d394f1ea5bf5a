"""What the NER repairs share: label sets, token shapes, sentences, and fixed entities."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

#: Entity labels that name a person, organisation or place: the ones whose spans never contain a
#: bare number or a separator. Event, law, product and work titles may ("Euro 96", "F-16").
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

#: Labels spaCy gives to quantities and times: never relabelled as names by consistency voting.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

#: ``doc.spans`` group of entities set from the layout of a line (datelines, result tables):
#: document consistency counts their votes but does not relabel them.
FIXED_SPANS_KEY = "dossier_ner_fixed"

#: A bare number or ordinal ("1", "114", "75th", "3.5").
NUMBER = re.compile(r"^\d+(?:[.,]\d+)*(?:st|nd|rd|th)?$")
#: Between two team names in a fixture ("Birmingham v Barnsley").
VERSUS = frozenset({"v", "v.", "vs", "vs."})


def sentences(doc: Doc) -> Iterable[Span]:
    """The doc's sentences, or the whole doc as one when no component has set any."""
    return doc.sents if doc.has_annotation("SENT_START") else [doc[:]]


def is_caps_word(token: Token | str) -> bool:
    """A token with at least two letters, all of them upper case ("JAPAN", "U.S.", "O'BRIEN")."""
    text = token if isinstance(token, str) else token.text
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def set_fixed_entities(doc: Doc, spans: Sequence[Span]) -> None:
    """Makes ``spans`` entities, replacing what overlaps them, and records them as fixed."""
    covered = {i for span in spans for i in range(span.start, span.end)}
    ents = [e for e in doc.ents if not any(i in covered for i in range(e.start, e.end))]
    doc.ents = filter_spans([*ents, *spans])
    group = list(doc.spans[FIXED_SPANS_KEY]) if FIXED_SPANS_KEY in doc.spans else []
    doc.spans[FIXED_SPANS_KEY] = [*group, *spans]
