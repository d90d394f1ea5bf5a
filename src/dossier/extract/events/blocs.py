"""Groupings of states named by an adjective alone: "Western sanctions", "Western diplomats".

The KB lists a grouping by the phrases news writes of it ("Western governments", "Western
powers"); the adjective before any other noun ("new Western sanctions on Russia") names the
same grouping as the source of the act. A country adjective ("Russian sanctions") is no
grouping: the actor finder reads it first.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.kb.loader import KnowledgeBase
from dossier.kb.records import Actor

#: The nouns the KB's aliases of a grouping pair with its adjective.
GROUPING_NOUNS = ("countries", "governments", "powers", "nations", "states", "allies")
#: Actor types a grouping may have (never a person or one state).
GROUPING_TYPES = frozenset({"group", "igo", "organisation"})


def grouping_of(token: Token, kb: KnowledgeBase | None) -> Actor | None:
    """The grouping a capitalised adjective names ("Western": the KB's "Western
    governments"), None for any other word or where the KB knows no single such grouping."""
    if kb is None or token.pos_ != "ADJ" or not token.text[:1].isupper():
        return None
    found = {
        actor.id: actor
        for noun in GROUPING_NOUNS
        for actor in kb.find_actors(f"{token.text} {noun}")
        if actor.type in GROUPING_TYPES
    }
    return next(iter(found.values())) if len(found) == 1 else None
