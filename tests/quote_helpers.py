"""Helpers the quote tests share."""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.model import Quote


def quotes_of(
    nlp: Language, text: str, date: str = "2014-05-29", **inputs: str | None
) -> list[Quote]:
    """The quotes ``nlp`` finds in ``text``, dated ``date`` (roles are read at that date);
    ``inputs``: other document inputs of ``prepare_doc`` (``genre``, ``author``)."""
    doc = nlp(prepare_doc(nlp, text, date=date, **inputs))
    return list(doc._.dossier_quotes)
