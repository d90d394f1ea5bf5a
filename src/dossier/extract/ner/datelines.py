"""``dossier_datelines``: the places a wire story was filed from are places.

A wire story opens with where it was filed ("TAVILDARA , Tajikistan 1996-08-30"): those names
are places, whatever the model made of an unknown capitalised word before a date.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.calendar import MONTHS
from dossier.extract.ner.common import is_caps_word, sentences, set_fixed_entities

#: Dates a wire dateline ends with: "1996-08-30", "Aug 30", "August 30" (the months' spellings
#: are ``dossier.calendar.MONTHS``).
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
        while k < end and doc[k].text[:1].isupper() and doc[k].lower_ not in MONTHS:
            k += 1
        if k > j + 1:
            places.append(doc[j + 1 : k])
            j = k
    if j < end and doc[j].text == ",":
        j += 1
    if j >= end:
        return []
    opener = doc[j]
    if _ISO_DATE.match(opener.text) or opener.lower_.rstrip(".") in MONTHS:
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
    places = [place for sentence in sentences(doc) for place in _dateline_places(sentence)]
    if places:
        set_fixed_entities(doc, [Span(doc, p.start, p.end, label="GPE") for p in places])
    return doc
