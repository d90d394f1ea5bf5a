"""What the linker remembers while reading one document, and the document date it reads.

``_DocState`` is the per-document bookkeeping the resolvers share: the date, the main country,
the sentence boundaries, the persons named so far (``_Entity``, for surnames, pronouns and
"the president") and the mentions resolved so far. ``normalise_date`` turns
``doc._.dossier_date`` into the form the knowledge base takes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from dossier.kb.records import Office
from dossier.model import Mention

# --- what the linker remembers while reading a document -----------------------------------


@dataclass
class _Entity:
    """A person the document has named so far, for surnames, pronouns and "the president"."""

    actor_id: str | None
    actor: str
    country: str | None
    offices: list[Office]
    surnames: set[str]
    sentence: int
    start: int  # character offset of the latest mention
    first_names: set[str] = field(default_factory=set)
    count: int = 1  # mentions so far: "the president" prefers the most talked-about,
    first_start: int = 0  # then the one named first


@dataclass
class _DocState:
    date: str | None
    main_country: str | None
    sentence_starts: list[int]
    entities: list[_Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def sentence_of(self, char: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, char) - 1, 0)


# --- the document date ----------------------------------------------------------------


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
