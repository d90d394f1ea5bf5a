"""The subject of a verb, looked for through the verbs it is coordinated with: what the stance
readings that need a clause's doer (an agenda's maker, a conduct's doer, a reaction's doer, the
teller of a verdict) share.
"""

from __future__ import annotations

from spacy.tokens import Token


def coordinated_subject(
    verb: Token, deps: tuple[str, ...] = ("nsubj",), through: tuple[str, ...] = ("conj",)
) -> Token | None:
    """The first child of ``verb`` whose dependency is one of ``deps``; else, where ``verb``
    hangs by one of ``through`` from another verb ("X met Y and said that ..."), that verb's,
    up to three verbs in all; None where there is none."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in deps), None)
        if subject is not None or verb.dep_ not in through:
            return subject
        verb = verb.head
    return None
