"""A body named by the person who chairs it: "Schiff's panel", "Nadler's committee".

The ruler marks a person's name followed by a possessive and "panel" or "committee"
(``chaired_bodies``); the linker resolves it to the organisation the person's office on the date
chairs, read from the office's name ("Chairman of the House Intelligence Committee"). The
person's own mention stays, inside the phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Span

from dossier.extract.linking.build import actor_mention
from dossier.extract.linking.candidates import Candidate
from dossier.extract.linking.context import LinkingContext
from dossier.extract.linking.lexicon import Scan
from dossier.extract.linking.vocabulary import POSSESSIVE_MARKERS
from dossier.model import Mention

#: Nouns that name a body by its chair: "Schiff's panel".
CHAIRED_NOUNS = frozenset({"panel", "committee", "subcommittee"})

#: The organisation an office chairs, in the office's name.
_CHAIR_OF = re.compile(r"^(?:Chairman|Chairwoman|Chair|Chairperson) of (?:the )?(?P<org>.+)$")


def chaired_bodies(
    scan: Scan, persons: Iterable[tuple[int, int, Candidate]]
) -> Iterator[tuple[int, int, Candidate]]:
    """(start, end, candidate) of "<person>'s panel" for each person candidate (start, end,
    candidate) followed by a possessive and a chaired noun."""
    n = len(scan.keys)
    for start, end, candidate in persons:
        if (
            end + 1 < n
            and scan.texts[end] in POSSESSIVE_MARKERS
            and scan.keys[end + 1] in CHAIRED_NOUNS
        ):
            yield start, end + 2, Candidate("chaired", "ORG", actor_ids=candidate.actor_ids)


def resolve_chaired(context: LinkingContext, span: Span, candidate: Candidate) -> Mention | None:
    """The body the person named at the phrase's start chairs on the document's date."""
    if not context.date:
        return None
    kb = context.kb
    person_ids = [
        m.actor_id
        for m in context.mentions
        if m.start == span.start_char and m.actor_id and m.label == "PERSON"
    ] or list(candidate.actor_ids)
    for person_id in person_ids:
        for office in kb.offices_held(person_id, context.date):
            found = _CHAIR_OF.match(office.name)
            if found is None:
                continue
            bodies = [a for a in kb.find_actors(found.group("org")) if a.type != "person"]
            if len(bodies) == 1:
                body = bodies[0]
                return actor_mention(context, span, "ORG", body, None, body.country, "alias")
    return None
