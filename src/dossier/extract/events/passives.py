"""Coordinated passives share their sides: "the town was attacked and occupied by Armenian
troops" tells two acts of the troops on the town, though the parse gives "attacked" the
subject and "occupied" the agent. A passive verb with no agent takes the agent of a passive
verb coordinated with it; a verb with an agent and no subject of its own, coordinated with a
passive, takes that passive's subject as what it was done to."""

from __future__ import annotations

from spacy.tokens import Token


def _agents(verb: Token) -> list[Token]:
    return [
        pobj
        for child in verb.children
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"


def shared_agents(verb: Token) -> list[Token]:
    """The agent of a passive coordinated with ``verb`` (itself passive, with none)."""
    for other in verb.conjuncts:
        if _passive(other):
            found = _agents(other)
            if found:
                return found
    return []


def shared_patient(verb: Token) -> Token | None:
    """The subject of the passive ``verb`` is coordinated under ("was attacked and occupied
    by X": the subject of "attacked" for "occupied"), None where there is none."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
