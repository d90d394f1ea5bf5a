"""Phrasal verbs: the particle that makes a verb another verb, and what the act is done to.

- The parse often gives a particle as a preposition or an adverb ("drove the troops out of
  the town", "backed out of the deal", "walked away from the talks"): a word of ``PARTICLES``
  hanging from the verb is its particle whatever its label, so the lexicon reads "drive out",
  "back out", "walk away".
- A particle that turns the verb's sense (``TURNING``: "backed out of" is no backing, "pulled
  away from" no pull toward) leaves a verb of embrace (support, agreement, cooperation,
  meeting, aid) without its bare reading where the lexicon lists no reading with that
  particle: the stage codes nothing rather than the verb's opposite ("shot down" still shoots).
- The act of a phrasal verb is done to the object of the particle's own preposition ("out of
  the deal", "away from the talks"), and, where that is an accord or talks, to the party the
  accord is with ("backed out of the deal with Armenia": Armenia).
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import PARTICLES, EventEntry

#: Particles that turn a verb's sense away from its bare reading ("back out", "walk away").
TURNING = frozenset({"out", "away", "off", "down"})
#: Readings a turning particle undoes: embracing, joining, meeting ("shot down" still shoots).
EMBRACING = frozenset({"SUPPORT", "AGREE", "COOPERATE", "CONSULT", "AID"})
#: Labels the parse gives such particles besides ``prt``.
_LABELS = frozenset({"prt", "prep", "advmod"})
#: The prepositions that follow a particle and name what the act leaves ("out of", "away
#: from").
_LEFT = frozenset({"of", "from"})


def particles_of(token: Token, with_object: bool) -> list[Token]:
    """The verb's particles: ``prt`` children, particle words under any label, and, for a
    verb without an object, its other prepositions ("call for", "withdraw from")."""
    return [
        child
        for child in token.children
        if child.dep_ == "prt"
        or (child.dep_ in _LABELS and child.lower_ in PARTICLES)
        or (child.dep_ == "prep" and not with_object)
    ]


def turned(token: Token, entry: EventEntry | None) -> bool:
    """Whether ``entry`` is the verb's bare reading while a turning particle hangs from it
    (see the module doc): the reading is not the verb's."""
    if entry is None or entry.particle or entry.object or entry.plover not in EMBRACING:
        return False
    return any(c.dep_ in _LABELS and c.lower_ in TURNING for c in token.children)


def left_behind(token: Token, entry: EventEntry) -> list[Token]:
    """What a phrasal act leaves, and the party it was shared with ("backed out of the deal
    with Armenia": the deal and Armenia); [] for a verb read without a particle."""
    particle = entry.particle or entry.object
    if particle not in PARTICLES:
        return []
    found: list[Token] = []
    for child in token.children:
        if child.lower_ != particle or child.dep_ not in _LABELS:
            continue
        # "out of the deal" hangs from the particle; "away from the talks" from the verb.
        for holder in (child, token):
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in _LEFT:
                    found += [p for p in prep.children if p.dep_ == "pobj"]
    partners = [
        pobj
        for thing in found
        for word in thing.subtree
        if word.dep_ == "prep" and word.lower_ == "with"
        for pobj in word.children
        if pobj.dep_ == "pobj"
    ]
    return found + partners
