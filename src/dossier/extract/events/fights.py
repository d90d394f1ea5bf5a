"""Losses told in a fight, and losses told alone.

A passive with no agent tells what befell someone ("two helicopters were shot down", "they
were under attack"), not who did it. Where the passive sets the loss in the fighting ("were
killed in the fighting", "were wounded during the offensive"), the doer is the other side of
that fight, and the opponents rule (``opponents``) may name it; a loss told alone leaves its
doer unknown, and the act incomplete.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import Lemmas

#: Nouns of fighting that, as the scene of a loss, make it a loss in the fight.
FIGHTS = frozenset({
    "fighting", "fight", "offensive", "counteroffensive", "clash", "battle", "attack",
    "shelling", "assault", "operation", "combat", "violence", "skirmish", "raid",
    "bombardment", "strike", "airstrike", "crossfire", "firefight", "ambush", "war",
    "hostility", "explosion", "blast", "bombing",
})  # fmt: skip
#: Prepositions that set a loss in a scene.
SETTINGS = frozenset({"in", "during", "amid", "after"})


def _participles(token: Token) -> list[Token]:
    """``token`` and the participles coordinated with it ("were killed, injured and
    arrested"; the parse may hang the list by ``conj`` or ``advcl``)."""
    top = token
    while top.dep_ in ("conj", "advcl") and top.head.tag_ == "VBN" and top.head is not top:
        top = top.head
    found, todo = [], [top]
    while todo and len(found) < 8:
        verb = todo.pop()
        found.append(verb)
        todo += [c for c in verb.children if c.dep_ in ("conj", "advcl") and c.tag_ == "VBN"]
    return found


def in_fight(token: Token, lemmas: Lemmas) -> bool:
    """Whether the verb ``token``, or a participle coordinated with it, sets its loss in a
    fight (module doc)."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in SETTINGS
        and any(lemmas(o) in FIGHTS or o.lower_ in FIGHTS for o in prep.children)
        for verb in _participles(token)
        for prep in verb.children
    )


__all__ = ["FIGHTS", "in_fight"]
