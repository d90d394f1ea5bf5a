"""``dossier_sports_teams``: the names in sports results, fixtures and standings are teams.

Results, fixtures and standings ("Colchester 1 Hereford 1", "BALTIMORE AT SEATTLE") name teams:
clubs are organisations even when named after a city ("Cleveland"), national sides keep their
country's GPE, as CoNLL-2003 annotates them.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dossier.extract.ner.common import NUMBER, VERSUS, sentences, set_fixed_entities
from dossier.extract.ner.gazetteer import Gazetteer
from dossier.kb.gazetteer import load_gazetteer

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
    return bool(NUMBER.match(token.text)) and "." not in token.text


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
    if k < end and (doc[k].text == "AT" or doc[k].lower_ in VERSUS):
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


class SportsTeams:
    """Labels the names in sports result lines: teams ORG (a national side GPE), venues GPE.

    In "Cleveland 5 Chicago 2" the names are clubs, which the model, seeing city names, calls
    GPE, or persons; a country's name stays GPE ("Israel 2 , Bulgaria 0"), as in CoNLL-2003,
    where national teams are locations, and so does the place after "AT" in a fixture. Document
    consistency then carries a club's label to its other mentions in the report.
    """

    def __init__(self, nlp: Language, name: str, kb_dir: str | None) -> None:
        self.name = name
        self.gazetteer = Gazetteer(nlp.vocab, load_gazetteer(kb_dir), kinds=["country"])

    def label(self, name: Span, role: str) -> str:
        if role == "venue" or self.gazetteer.entry(name) is not None:
            return "GPE"
        return "ORG"

    def __call__(self, doc: Doc) -> Doc:
        found = [
            Span(doc, span.start, span.end, label=self.label(span, role))
            for sentence in sentences(doc)
            for span, role in result_line_names(sentence)
        ]
        if found:
            set_fixed_entities(doc, found)
        return doc


@Language.factory("dossier_sports_teams", default_config={"kb_dir": None})
def make_sports_teams(nlp: Language, name: str, kb_dir: str | None) -> SportsTeams:
    """Teams in result, fixture and standings lines as ORG (national sides GPE).

    kb_dir (str | None): a folder of KB CSV files whose gazetteer tells countries' names; None
        for the package's own KB.
    """
    return SportsTeams(nlp, name, kb_dir)
