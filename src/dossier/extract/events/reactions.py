"""Reactions of blame: acts that draw outrage, and angry reactions to an act.

- "annexed the region, sparking outrage in Kyiv and the West", "the move drew criticism
  from Brussels": those outraged (the object of "in", "among" or "from") accuse the one whose
  act drew it (the verb's subject): PLOVER ACCUSE, CAMEO 111.
- "Moscow reacted angrily to the offensive by Kyiv's forces": the one reacting accuses the
  doer of the act reacted to (its "by" agent or possessor, else the act's own phrase).
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, Lemmas

#: Verbs of drawing a reaction, and the reactions of blame they draw.
DRAWING = frozenset({"spark", "provoke", "cause", "trigger", "draw", "prompt", "stir", "ignite"})
REACTIONS = frozenset({
    "outrage", "anger", "condemnation", "criticism", "fury", "indignation", "backlash", "ire",
    "rebuke", "protest", "outcry",
})  # fmt: skip
#: Verbs of reacting, and the manners that make a reaction one of blame.
REACTING = frozenset({"react", "respond"})
ANGRY = frozenset({"angrily", "furiously", "sharply", "harshly", "indignantly", "fiercely"})
#: The reading of a reaction of blame.
REACTION = EventEntry("react", "", "", "111", "ACCUSE", "disapprove", None, True)


def _objects(token: Token, prepositions: frozenset[str]) -> list[Token]:
    return [
        grand
        for child in token.children
        if child.dep_ in ("prep", "agent") and child.lower_ in prepositions
        for grand in child.children
        if grand.dep_ == "pobj"
    ]


def outraged(verb: Token, lemmas: Lemmas) -> Token | None:
    """Those whose outrage a verb of drawing draws ("sparking outrage in Kyiv"); None for
    none (the act's doer, the verb's subject, is the one accused)."""
    if lemmas(verb) not in DRAWING:
        return None
    reaction = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if reaction is None or lemmas(reaction) not in REACTIONS:
        return None
    found = _objects(reaction, frozenset({"in", "among", "from"})) or _objects(
        verb, frozenset({"among", "from"})
    )
    return found[0] if found else None


def reacted_to(verb: Token, lemmas: Lemmas) -> Token | None:
    """The doer of the act an angry reaction answers ("reacted angrily to the offensive by
    Kyiv's forces": the forces); None where the reaction is no angry one."""
    if lemmas(verb) not in REACTING:
        return None
    if not any(c.dep_ == "advmod" and c.lower_ in ANGRY for c in verb.children):
        return None
    acts = _objects(verb, frozenset({"to"}))
    if not acts:
        return None
    by = _objects(acts[0], frozenset({"by"})) or _objects(verb, frozenset({"by"}))
    owner = [c for c in acts[0].children if c.dep_ == "poss"]
    return (by or owner or acts)[0]
