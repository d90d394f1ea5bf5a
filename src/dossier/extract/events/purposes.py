"""Triggers that name no act of their own: the aim of another act, or a reference to one.

A possessive event noun ("one of the rally's organizers", "the attack's victims") refers to
an act the report tells elsewhere, to say whose organizers or victims; it tells no act here.

An infinitive of purpose ("sent an envoy to negotiate", "carried a flag to commemorate him",
"in its quest to hurt the president") says what an act was for, not that a second act
happened: the act reported is its clause's (the sending, the carrying). Coding the aim as an
event of its own counts an act nobody reported, and gives it the first act's doer.
A complement infinitive ("asked him to join", "pressed Kyiv to open talks") is another
matter: the asking is coded by its own verb, and the triggers stage reads the complement.

A stance stated is no aim either: "went on record to deny the claims" reports the denial,
the going on record being how it was stated (``VOICED``).

Two aims stay acts: that of a transfer ("sent weapons to aid the rebels": the sending is the
aid, and the aim names who gets it), and the content of a decided act named by a noun
("Russia's move to annex Crimea", "the decision to expel"): only a disposition noun ("its
willingness to comply", "its quest to hurt him") states no act.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

#: Verbs of transfer, whose aim is the act itself (see the module doc).
TRANSFERS = frozenset(
    {"send", "move", "ship", "deliver", "supply", "provide", "transfer", "funnel", "give"}
)
#: Nouns of a disposition or pursuit, whose infinitive is no act decided.
DISPOSITIONS = frozenset(
    {
        "willingness",
        "unwillingness",
        "readiness",
        "reluctance",
        "eagerness",
        "desire",
        "quest",
        "ability",
        "inability",
        "wish",
        "urge",
    }
)


#: Verbs of a stance stated, whose infinitive after a verb of appearing is the statement
#: itself ("went on record to deny the claims", "took to television to condemn the attack"):
#: one denies by going on record, and the denial is what is reported.
VOICED = frozenset(
    {"deny", "refute", "rebut", "dismiss", "reject", "condemn", "denounce", "criticize"}
    | {"criticise", "accuse", "blame"}
)


def _infinitive(token: Token) -> bool:
    """Whether ``token`` is a "to" infinitive (its marker a child tagged TO)."""
    return token.tag_ == "VB" and any(
        child.tag_ == "TO" and child.i < token.i for child in token.children
    )


def possessor_only(token: Token) -> bool:
    """Whether ``token`` is an event noun in the possessive ("one of the rally's organizers",
    "the attack's victims"): a reference to an act, not a report of one."""
    return token.pos_ == "NOUN" and token.dep_ == "poss"


def purpose_only(token: Token, lemmas: Callable[[Token], str]) -> bool:
    """Whether ``token`` is an infinitive of purpose hung from another word (see the module
    doc): no act reported of its own."""
    if not _infinitive(token) or token.head.i == token.i:
        return False
    if token.dep_ == "advcl":
        return lemmas(token.head) not in TRANSFERS and lemmas(token) not in VOICED
    return token.dep_ == "acl" and lemmas(token.head) in DISPOSITIONS


def no_act_told(token: Token, lemmas: Callable[[Token], str]) -> bool:
    """Whether ``token`` names no act the document reports: an aim or a possessive reference
    (see the module doc)."""
    return possessor_only(token) or purpose_only(token, lemmas)
