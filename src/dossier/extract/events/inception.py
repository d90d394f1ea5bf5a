"""A body or agreement coming into being: its founders or parties cooperate.

"The bloc came into existence with X, Y and Z as its founders": the founders launch it, as
"X, Y and Z launched the bloc" would say (COOPERATE, CAMEO 060). "An agreement between X and
Y entered into force": its parties start carrying it out, COOPERATE too. The parties are the
phrase of "with ... as its founders/members" or the "between" (or "with") phrase of the
subject; with neither named there is no one to code, and no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, Lemmas

INCEPTION = EventEntry("come", "into", "", "060", "COOPERATE", None, "diplomatic", True)
#: Verbs of passing into a state ("came into existence", "entered into force").
ENTERING = frozenset({"come", "enter", "go", "spring"})
#: What a body or agreement enters when it begins.
BEGINNINGS = frozenset({"existence", "being", "force", "effect"})
#: Roles a "with ... as its ..." phrase gives the parties.
ROLES = frozenset({"founder", "founders", "member", "members", "party", "parties"})


def _beginning(verb: Token) -> Token | None:
    """The "existence" of "came into existence" ("being" may parse as a clause), or None."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "into":
            for c in prep.children:
                if c.dep_ in ("pobj", "pcomp") and c.lower_ in BEGINNINGS:
                    return c
    return None


def _objects(word: Token, prepositions: frozenset[str]) -> list[Token]:
    return [
        c
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in prepositions
        for c in prep.children
        if c.dep_ == "pobj"
    ]


def inception(verb: Token, lemmas: Lemmas) -> list[Token] | None:
    """The heads of the parties of what ``verb`` brings into being (the first with its
    conjuncts), or None when ``verb`` is no such beginning or names no parties."""
    beginning = _beginning(verb) if lemmas(verb) in ENTERING else None
    if beginning is None:
        return None
    roles = [r for prep in _objects(verb, frozenset({"as"})) for r in [prep] if r.lower_ in ROLES]
    if roles:
        # "came into being on Monday with X": the parse may hang "with" on what comes after.
        near = [verb, beginning, *(w for w in beginning.subtree if w.dep_ == "pobj")]
        heads = [h for word in near for h in _objects(word, frozenset({"with"}))]
    else:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        heads = _objects(subject, frozenset({"between", "with"})) if subject is not None else []
    if not heads:
        return None
    first = heads[0]
    return [first, *first.conjuncts]
