"""What the event tests share: the events the pipeline codes in an invented text, read as a
document of a given date, and the filters the tests read them through."""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.model import Event


def events_of(nlp: Language, text: str, date: str = "2014-05-10") -> list[Event]:
    """The events a document reports: complete records only."""
    doc = nlp(prepare_doc(nlp, text, date=date))
    return list(doc._.dossier_events)


def coded(nlp: Language, text: str, date: str = "2014-05-10") -> list[Event]:
    """Every act the stage coded in ``text``, incomplete records included."""
    doc = nlp(prepare_doc(nlp, text, date=date))
    return list(doc._.dossier_event_candidates)


def typed(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]


def countries(actors: tuple) -> set[str]:
    return {a.country for a in actors}
