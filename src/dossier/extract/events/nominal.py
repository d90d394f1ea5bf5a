"""Where a noun naming an act stands in its clause: the verb whose clause holds it, whether
it is that verb's own event or an act of its own under another noun, and who is in the state
it names ("soldiers in full retreat")."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.actor_words import OFFICIALS
from dossier.extract.events.lexicon import GROUP_NOUNS

#: Nouns for people who act in the news, besides groups and officials (``GROUP_NOUNS``).
PEOPLE = frozenset({"senators", "diplomats", "envoys", "negotiators", "delegates", "delegation"})


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause holds the noun ``token`` (through objects and prepositions)."""
    current = token
    for _ in range(4):
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def in_state(token: Token) -> Token | None:
    """The people a noun of state says are in it ("soldiers in full retreat", "workers on
    strike"): they act."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ not in ("in", "on") or head.head.i == head.i:
        return None
    people = head.head
    return people if people.lower_ in GROUP_NOUNS | PEOPLE | OFFICIALS else None


def under_a_noun(token: Token, verb: Token) -> bool:
    """Whether a noun hangs from the verb through another noun's preposition ("expressed
    frustration about a hold on aid": hold), not as its object or its own preposition's."""
    head = token.head
    if head.dep_ != "prep" or head.i == head.head.i:
        return False
    return head.head.i != verb.i and head.head.pos_ == "NOUN"
