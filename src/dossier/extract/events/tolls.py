"""Death tolls: fighting that claims lives ("the war between X and Y has claimed thousands of
lives", "the offensive took hundreds of lives") tells an attack (ASSAULT, CAMEO 190) by the
fighting's sides: the first side named in its "between" phrase on the rest, or the one whose
fighting it is ("X's offensive") on those it is "against".

Only fighting does so: a storm or an epidemic that claims lives is no act between actors."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, Lemmas

TOLL = EventEntry("claim", "", "life", "190", "ASSAULT", None, "military", True)
#: Verbs that take lives.
TAKING = frozenset({"claim", "take", "cost"})
#: What fighting takes.
LIVES = frozenset({"life", "lives"})
#: Words for fighting.
FIGHTING = frozenset({
    "war", "conflict", "fighting", "fight", "clash", "clashes", "violence", "offensive",
    "battle", "insurgency", "hostilities", "shelling", "bombing", "attack", "assault",
    "campaign", "uprising", "rebellion", "combat",
})  # fmt: skip


def _takes_lives(verb: Token, lemmas: Lemmas) -> bool:
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if lemmas(obj) in LIVES or obj.lower_ in LIVES:
            return True
        # "thousands of lives": the count is the object, the lives its "of" phrase.
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            if any(g.dep_ == "pobj" and g.lower_ in LIVES for g in prep.children):
                return True
    return False


def toll(verb: Token, lemmas: Lemmas) -> tuple[Token | None, list[Token], list[Token]] | None:
    """The sides of fighting that ``verb`` says took lives (source, targets, and the other
    sides of a "between" phrase, which the source phrase spans too), or None when ``verb``
    tells no such toll."""
    if lemmas(verb) not in TAKING or not _takes_lives(verb, lemmas):
        return None
    fight = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if fight is None or (lemmas(fight) not in FIGHTING and fight.lower_ not in FIGHTING):
        return None
    preps = {c.lower_: c for c in fight.children if c.dep_ == "prep"}
    if "between" in preps:
        sides = [g for g in preps["between"].children if g.dep_ == "pobj"]
        if sides:
            return sides[0], [], list(sides[0].conjuncts) + sides[1:]
    # "X's offensive", "the Armenian offensive": whose fighting it is.
    owners = [
        c
        for c in fight.children
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.text[:1].isupper())
    ]
    owner = owners[0] if owners else None
    foes = [g for g in preps["against"].children if g.dep_ == "pobj"] if "against" in preps else []
    return owner, foes, []
