"""A state's act toward a bloc, told as history, is no side it takes on the document's date.

Error kinds: spurious and polarity. "Moldova became an observer in 2018" in a 2020 article,
"Armenia joined in 2015" in a 2021 explainer, "ever since it walked away from an EU deal in
2013" in a 2025 opinion piece: the act is the state's course years ago, told as background;
its side on the document's date is what the rest of the text says (or nothing). A person's
deed keeps its side ("X criticized Y in 2012" still tells how X stood toward Y), and so does an
act of the last year or two (the news itself and what led up to it).
"""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.extract import document

#: Years between the act and the document from which the act is history.
HISTORY_YEARS = 2
#: Holders whose acts toward a bloc are a course that can change: states and governments.
_STATES = ("gov:", "country:")


def _year(value: object) -> int | None:
    text = str(value or "")[:4]
    return int(text) if len(text) == 4 and text.isdigit() else None


def told_as_history(doc: Doc, holder_id: str | None, target_id: str | None, date: object) -> bool:
    """Whether a state's act toward a KB project, dated ``date``, lies ``HISTORY_YEARS`` or
    more before the document's date (see the module doc)."""
    if not (holder_id or "").startswith(_STATES) or not (target_id or "").startswith("target:"):
        return False
    then, now = _year(date), _year(doc._.get(document.DATE))
    return then is not None and now is not None and now - then >= HISTORY_YEARS
