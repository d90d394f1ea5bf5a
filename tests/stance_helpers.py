"""What the stance tests share: the stances the pipeline reads in an invented text, and the
sides one holder takes toward one target among them."""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.model import Stance


def stances_of(
    nlp: Language, text: str, date: str = "2014-03-10", doc_id: str = "stance-test", **meta: str
) -> list[Stance]:
    """The stances ``nlp`` finds in ``text``, read as a document of ``date``."""
    doc = nlp(prepare_doc(nlp, text, date=date, doc_id=doc_id, **meta))
    return list(doc._.dossier_stances)


def polarities(stances: list[Stance], **where: str | None) -> set[int]:
    """The polarities of the stances whose fields hold the values ``where`` gives them, e.g.
    ``polarities(stances, holder="Laura Smith")`` for a holder the KB does not know."""
    return {s.polarity for s in stances if all(getattr(s, f) == v for f, v in where.items())}


def sides(stances: list[Stance], holder_id: str, target_id: str) -> set[int]:
    """The polarities ``holder_id`` takes toward ``target_id``."""
    return polarities(stances, holder_id=holder_id, target_id=target_id)


#: The sides a test expects: (holder id, target id) -> the polarities read there (empty: none).
Sides = dict[tuple[str, str], set[int]]


def sides_toward(stances: list[Stance], expected: Sides) -> Sides:
    """The polarities read for each (holder id, target id) pair that ``expected`` names."""
    return {pair: sides(stances, *pair) for pair in expected}


def read_with(stances: list[Stance], field: str, values: tuple[str, ...]) -> list[Stance]:
    """The stances whose ``field`` is one of ``values``."""
    return [s for s in stances if getattr(s, field) in values]
