"""A body that an agreement set up, to open or start work: its founders' cooperation, to come.

"The presidents signed an agreement to set up a joint commission. The commission is to open
in July": the body's opening carries out what its founders agreed, a COOPERATE (CAMEO 060) by
the signers of the agreement that set it up, and its modality is whatever the verb's is
("is to open": future). The body is found by its noun: the subject of "open", "start work" or
"begin operating" whose noun an earlier sentence has "set up", "establish" or "create" under a
verb of signing or agreeing; the signers are that verb's subject (and its conjuncts). A body
named with no such founding in the document ("the museum opens in May") is no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, Lemmas

OPENING = EventEntry("open", "", "", "060", "COOPERATE", None, "diplomatic", True)
#: Verbs of a body beginning its life or its work.
OPENING_VERBS = frozenset({"open", "start", "begin", "convene", "commence"})
#: What a body may start ("start work", "begin operations"); any other object is no opening.
WORK = frozenset({"work", "operation", "operations", "operating", "functioning"})
#: Verbs of setting a body up.
FOUNDING = frozenset({"set", "establish", "create", "form", "found"})
#: Verbs under which a founding is agreed.
AGREEING = frozenset({"sign", "agree", "approve", "conclude"})


def _signer(founding: Token, lemmas: Lemmas) -> Token | None:
    """The subject of the signing that a founding verb stands under ("signed an agreement to
    set up ..."), climbing at most four heads."""
    word = founding
    for _ in range(4):
        word = word.head
        if word.pos_ == "VERB" and lemmas(word) in AGREEING:
            return next((c for c in word.children if c.dep_ == "nsubj"), None)
        if word.head is word:
            return None
    return None


def opening(verb: Token, lemmas: Lemmas) -> list[Token] | None:
    """The heads of the signers who set up the body that ``verb`` opens (the first with its
    conjuncts), or None (see the module doc)."""
    if lemmas(verb) not in OPENING_VERBS:
        return None
    if any(c.dep_ == "dobj" and c.lower_ not in WORK for c in verb.children):
        return None
    body = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if body is None and verb.dep_ == "xcomp":  # "is to open": the subject hangs on "is"
        body = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if body is None or body.pos_ != "NOUN":
        return None
    doc = verb.doc
    for word in reversed(doc[: body.i]):
        if word.lower_ != body.lower_ or word.dep_ not in ("dobj", "pobj"):
            continue
        if word.head.pos_ != "VERB" or lemmas(word.head) not in FOUNDING:
            continue
        signer = _signer(word.head, lemmas)
        if signer is not None:
            return [signer, *signer.conjuncts]
    return None
