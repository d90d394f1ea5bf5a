"""Forces sent: a state that sends troops does not aid anyone by that alone (the lexicon's
bare "send" is AID). Following the PLOVER manual, forces sent in or into a land, or sent to
fight there, coerce it (COERCE 'seize', CAMEO 192, as the lexicon reads "deploy inside");
forces sent with no such aim are deployed (MOBILIZE 'troops', CAMEO 154); forces sent to help,
protect or keep the peace keep the lexicon's reading. The fighting forces are sent to do is
the sending's aim, not a fight of its own ("sent troops to fight in X" is one event)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, Lemmas
from dossier.extract.events.reported import FORCES

INTERVENTION = EventEntry("send", "in", "troops", "192", "COERCE", "seize", "military", True)
DEPLOYMENT = EventEntry("send", "", "troops", "154", "MOBILIZE", "troops", "military", True)
#: Verbs of sending.
SENDING = frozenset({"send"})
#: Aims of forces sent that are fighting or taking ground.
HOSTILE = frozenset({
    "fight", "attack", "invade", "occupy", "seize", "annex", "crush", "suppress", "quell",
    "capture", "storm", "battle", "intervene",
})  # fmt: skip
#: Aims of forces sent that help: the lexicon's reading stands.
HELPFUL = frozenset({"help", "assist", "aid", "support", "protect", "guard", "rescue", "keep"})


def dispatched(verb: Token, obj: Token | None, lemmas: Lemmas) -> EventEntry | None:
    """The reading of forces sent (see the module doc), None where ``verb`` sends no forces
    or sends them to help."""
    if lemmas(verb) not in SENDING or obj is None or obj.lower_ not in FORCES:
        return None
    aims = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
    aims += [c for c in obj.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if any(lemmas(aim) in HELPFUL for aim in aims):
        return None
    into = any(
        (c.dep_ == "prt" and c.lower_ == "in")
        or (c.dep_ == "prep" and c.lower_ == "into")
        or (c.dep_ == "prep" and c.lower_ == "in" and _bare_time(c))
        for c in verb.children
    )
    if into or any(lemmas(aim) in HOSTILE for aim in aims):
        return INTERVENTION
    return DEPLOYMENT


#: Determiners of a time phrase that takes no preposition ("this spring", "last week").
_DEICTIC = frozenset({"this", "last", "next", "that"})


def _bare_time(preposition: Token) -> bool:
    """Whether "in" stands before a time phrase that needs no preposition ("sent troops in
    this spring"): the "in" is then the verb's particle, not the time's preposition."""
    return any(
        c.dep_ == "pobj" and any(d.lower_ in _DEICTIC for d in c.children if d.dep_ == "det")
        for c in preposition.children
    )


def sent_to_fight(verb: Token, lemmas: Lemmas) -> bool:
    """Whether ``verb`` is the hostile aim of forces sent ("sent troops to fight"), which the
    sending codes (see the module doc)."""
    if lemmas(verb) not in HOSTILE or verb.dep_ not in ("xcomp", "advcl", "acl", "relcl"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.lower_ in FORCES:  # "sent troops to fight", the infinitive on the troops
        head = head.head
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    return lemmas(head) in SENDING and obj is not None and obj.lower_ in FORCES
