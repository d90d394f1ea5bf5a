"""Incursions: forces that cross a border or enter another's territory attack that state
("Armenian troops crossed into Georgia", "soldiers pushed beyond the border"). The PLOVER
manual codes invasions as ASSAULT (CAMEO 190, as the lexicon reads "invade"); the forces'
state is the source, the land's owner (the country named, or the one whose border or
territory it is) the target.

Only forces do so: refugees or traders crossing a border, or troops entering a building, are
no incursion. Nor is one quoted as a speaker's words ('declaring that "troops have entered
X"'): the speaker's accusation (``reported``) is the event told."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, Lemmas
from dossier.extract.events.reported import FORCES, REPORTING

INCURSION = EventEntry("cross", "", "", "190", "ASSAULT", None, "military", True)
#: Verbs of forces moving over a line or into a land.
CROSSING = frozenset({"cross", "enter", "penetrate", "push", "pour", "roll", "advance", "move"})
#: Words for a state's bounds and land.
BOUNDS = frozenset({"border", "frontier", "boundary", "territory", "airspace", "soil", "land"})
#: Prepositions of moving over or into.
OVER = frozenset({"into", "across", "beyond", "over", "onto"})
#: Verbs that need a preposition to say they go over ("pushed into", not "pushed for").
NEEDS_OVER = frozenset({"push", "pour", "roll", "advance", "move"})


def _bound_or_state(word: Token, lemmas: Lemmas) -> bool:
    return lemmas(word) in BOUNDS or word.ent_type_ == "GPE"


def incursion(verb: Token, lemmas: Lemmas) -> list[Token] | None:
    """What land ``verb``'s forces cross into (its heads, possibly none named), or None when
    ``verb`` is no incursion."""
    if lemmas(verb) not in CROSSING or _quoted_report(verb, lemmas):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in FORCES:
        return None
    lands: list[Token] = []
    if lemmas(verb) not in NEEDS_OVER:
        lands += [c for c in verb.children if c.dep_ == "dobj" and _bound_or_state(c, lemmas)]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in OVER:
            lands += [c for c in prep.children if c.dep_ == "pobj" and _bound_or_state(c, lemmas)]
    if not lands:
        return None
    # "into Georgia": the state; "Georgian territory", "Georgia's border": its owner.
    owners = [
        c
        for land in lands
        for c in land.children
        if c.dep_ in ("poss", "amod", "compound") and c.text[:1].isupper()
    ]
    return [land for land in lands if land.ent_type_ == "GPE"] + owners


#: Quotation marks as tokens.
_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _quoted_report(verb: Token, lemmas: Lemmas) -> bool:
    """Whether ``verb`` heads a reported clause in quotation marks ('said "troops entered X"')."""
    if verb.dep_ != "ccomp" or lemmas(verb.head) not in REPORTING:
        return False
    start = verb.left_edge.i
    before = verb.doc[start - 1].text in _QUOTES if start > 0 else False
    return before or any(word.text in _QUOTES for word in verb.subtree)
