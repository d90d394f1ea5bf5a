"""Refusing to go to a state: a snub of that state, not a refusal of an offer.

"The president has refused to travel to X", "declined to visit X": a leader who will not set
foot in a country cuts back relations with it, PLOVER's SANCTION (CAMEO 161, reduce or break
diplomatic relations), aimed at the country, not a REJECT of something asked.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, Lemmas

#: Verbs of holding back an act of one's own.
REFUSING = frozenset({"refuse", "decline"})
#: Verbs of going somewhere.
GOING = frozenset({"travel", "visit", "go", "come", "fly", "set"})


def _place(word: Token) -> bool:
    return word.ent_type_ in ("GPE", "LOC") or (word.pos_ == "PROPN" and not word.ent_type_)


def shunned_place(token: Token, lemmas: Lemmas) -> Token | None:
    """The place ``token`` (a verb of refusal) refuses to go to, or None."""
    if lemmas(token) not in REFUSING:
        return None
    going = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if going is None or lemmas(going) not in GOING:
        return None
    places = [c for c in going.children if c.dep_ == "dobj"] if lemmas(going) == "visit" else []
    for prep in going.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
            places += [c for c in prep.children if c.dep_ == "pobj"]
    return next((p for p in places if _place(p)), None)


def shunning_reading(token: Token, entry: EventEntry | None, lemmas: Lemmas) -> EventEntry | None:
    """The SANCTION reading of a refusal to go to a place; None when ``token`` is no such
    refusal (or has no reading of its own to recast)."""
    if entry is None or shunned_place(token, lemmas) is None:
        return None
    return replace(entry, cameo="161", plover="SANCTION", mode="withdraw", context="diplomatic")
