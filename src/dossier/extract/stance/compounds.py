"""Sides that a hyphenated adjective states about the noun it modifies: "the Western-backed
government" (the West is for the government), "the Russia-leaning government of X" (X is
for Russia). The adjective names one party and the noun phrase the other; the reading keeps
to KB actors on both sides.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from dossier.extract.document import indices_within
from dossier.extract.stance.targets import TargetHit
from dossier.kb.loader import KnowledgeBase

#: "<A>-backed N": A takes N's side.
BACKING = frozenset({"backed", "supported", "funded", "sponsored", "financed"})
#: "<A>-leaning N": N takes A's side.
LEANING = frozenset({"leaning", "friendly", "allied", "oriented"})
_SIDE_WORDS = BACKING | LEANING

#: (holder's actor id, holder's name, target hit, polarity, the adjective).
Side = tuple[str, str, TargetHit, int, Token]


def _prefix_actor(word: Token, kb: KnowledgeBase) -> tuple[str, str] | None:
    """The KB actor a prefix names ("Russia", "West"; "Western" as the West), by name."""
    for name in (word.text, word.text[:-3] if word.lower_.endswith("ern") else None):
        if not name:
            continue
        found = {a.id: a.name for a in kb.find_actors(name)}
        if len(found) == 1:
            return next(iter(found.items()))
    return None


def _prefix(adjective: Token) -> Token | None:
    """The word before the hyphen of "<A>-backed", None when the adjective has none."""
    if adjective.i < 2 or adjective.doc[adjective.i - 1].text != "-":
        return None
    word = adjective.doc[adjective.i - 2]
    return word if word.head == adjective or word.head == adjective.head else None


def compound_sides(
    sentence: Span,
    hits: list[TargetHit],
    kb: KnowledgeBase,
    hit_actor: Callable[[TargetHit], tuple[str, str] | None],
) -> list[Side]:
    """The sides the sentence's hyphenated adjectives state (see the module doc).
    ``hit_actor``: the actor (id, name) a target hit names, to hold a side."""
    sides: list[Side] = []
    doc = sentence.doc
    # Only the side words themselves, found in the doc's column: no Token for the others.
    for i in indices_within(doc, "LOWER", _SIDE_WORDS, sentence.start, sentence.end):
        adjective = doc[i]
        kind = adjective.lower_
        if kind not in BACKING and kind not in LEANING or adjective.dep_ != "amod":
            continue
        word = _prefix(adjective)
        named = _prefix_actor(word, kb) if word is not None else None
        if named is None:
            continue
        noun = adjective.head
        phrase = [h for h in hits if h.root == noun or h.root in noun.subtree]
        phrase = [h for h in phrase if not (h.start <= word.idx < h.end) or h.root == noun]
        if not phrase:
            continue
        if kind in BACKING:
            # the noun phrase as a whole is what the prefix backs
            hit = min(phrase, key=lambda h: (h.root != noun, h.start))
            sides.append((named[0], named[1], hit, 1, adjective))
            continue
        # "the X-leaning government of Y": Y whose government it is, before the noun itself
        for hit in sorted(phrase, key=lambda h: (h.root == noun, h.start)):
            actor = hit_actor(hit)
            if actor is not None and actor[0] != named[0]:
                target = TargetHit(word.idx, word.idx + len(word.text), word, named[1], named[0])
                sides.append((actor[0], actor[1], target, 1, adjective))
                break
    return sides
