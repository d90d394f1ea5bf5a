"""Hostilities told by words that name fighting only with a foe.

Ground won ("made headway", "made gains", in the lexicon as ASSAULT) is fighting only when it
is won against someone ("made headway against the rebels"); headway in talks, or gains in an
election, are no attack. Without an "against" phrase on the verb or its object, the reading
is left out.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry

#: Objects of "make" that the lexicon reads as fighting, with a foe only.
GROUND_WON = frozenset({"headway", "gain"})


def _against(token: Token) -> bool:
    return any(child.dep_ == "prep" and child.lower_ == "against" for child in token.children)


def foe_missing(token: Token, entry: EventEntry) -> bool:
    """Whether ``token`` reads as ground won (``GROUND_WON``) with no foe named."""
    if entry.object not in GROUND_WON:
        return False
    objects = [child for child in token.children if child.dep_ == "dobj"]
    return not _against(token) and not any(_against(obj) for obj in objects)
