"""Verbs of asking and pressing that ask a question, and words made public: readings of trigger
verbs that name no act between actors.

- "asked if Russia was ready", "Kelly asked Pompeo": a question, not a request; an act asked
  about ("asked if he tried to block the plan") is not told as done.
- "Kelly pressed him": a question put hard, nothing asked for.
- "released a memo", "offered no details": words made public, no act.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import Lemmas


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


#: Verbs that make words public, and the words they make public: no act between actors.
PUBLISHING = frozenset({"release", "issue", "publish", "offer", "provide", "present", "post"})
DOCUMENTS = frozenset(
    {
        "statement", "report", "memo", "transcript", "testimony", "document", "video",
        "footage", "data", "detail", "figure", "account", "text", "photo", "image",
        "recording", "information", "finding", "comment", "summary", "readout", "excerpt",
    }
)  # fmt: skip
#: Verbs of asking, which request only with what is asked for ("asked for help", "asked
#: Kyiv to pay", "asked that troops leave"); else they ask a question.
QUESTIONING = frozenset({"ask"})


#: Verbs of pressing someone, which request only with what is pressed for or on.
PRESSING = frozenset({"press"})
#: Prepositions that set a scene or a time, not what is pressed for.
SETTING = frozenset({"in", "at", "during", "after", "before"})


def pressed_in_talk(token: Token) -> bool:
    """Whether a verb of pressing has a person and nothing else ("she pressed him"): pressed
    in talk, not for anything ("pressed Kyiv to pay", "pressed Moscow on its troops")."""
    obj = _child(token, "dobj")
    others = [
        c
        for c in token.children
        if c.dep_ in ("prt", "xcomp", "ccomp", "advcl")
        or (c.dep_ == "prep" and c.lower_ not in SETTING)  # "in the interview" sets the scene
    ]
    return obj is not None and obj.pos_ in ("PRON", "PROPN") and not others


def question(token: Token) -> bool:
    """Whether ``token`` (a verb of asking) asks a question rather than for something: no
    "for", no infinitive, and a complement, if any, that "if" or "whether" opens."""
    if any(c.dep_ in ("prep", "prt") and c.lower_ == "for" for c in token.children):
        return False
    if _child(token, "xcomp") is not None:
        return False
    clause = _child(token, "ccomp", "advcl")
    if clause is None:
        return _child(token, "dobj") is None or _child(token, "dobj").pos_ == "PROPN"
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)


def asked_about(token: Token, lemmas: Lemmas) -> bool:
    """Whether ``token`` is what a question asks about ("asked if he tried to block the
    plan"): an act asked about is not told as done, threatened or promised."""
    clause = token
    for _ in range(3):
        if clause.dep_ in ("ccomp", "advcl") and lemmas(clause.head) in QUESTIONING:
            return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)
        if clause.head.i == clause.i:
            return False
        clause = clause.head
    return False
