"""A project made part of someone's programme: "Putin has made a wider Eurasian Union part of
his campaign", "she made EU membership the centrepiece of her platform", "he made the customs
union a priority".

Error kind: none (a side taken by adopting a project as one's own goal was not read: the
target is the object of "make" and the word that says the side is its complement, off the
path from the target up to the subject). The subject of "make" takes the project's side (+1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.stance.holders import holders_of
from dossier.extract.stance.subjects import coordinated_subject
from dossier.extract.stance.targets import TargetHit

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector

#: Verbs that make their object into what their complement names.
_MAKING = frozenset({"make", "set"})
#: Complements that make a project one's own goal.
_GOALS = frozenset(
    {"priority", "goal", "aim", "objective", "centrepiece", "centerpiece", "cornerstone"}
)
#: "part of his X", "plank of her X": a programme one's own.
_PROGRAMMES = frozenset(
    {"campaign", "agenda", "platform", "programme", "program", "manifesto", "strategy"}
)
_COMPLEMENTS = ("oprd", "xcomp", "ccomp", "attr", "dobj", "acomp")
#: Words that carry a target's name up to its noun phrase's head ("a wider Eurasian Union").
_INSIDE = ("nmod", "compound", "amod", "appos", "poss")


def _goal(word: Token, lemmas: Lemmas) -> bool:
    """Whether ``word`` names a goal: "a priority", "part of his campaign"."""
    lemma = lemmas(word)
    if lemma in _GOALS:
        return True
    if lemma not in ("part", "plank", "pillar"):
        return False
    return any(
        child.lower_ == "of" and any(lemmas(p) in _PROGRAMMES for p in child.children)
        for child in word.children
    )


def _made_goal(root: Token, lemmas: Lemmas) -> Token | None:
    """The verb "make" whose object holds ``root`` and whose complement names a goal."""
    token = root
    for _ in range(3):
        if token.dep_ not in _INSIDE or token.head == token:
            break
        if token.dep_ in ("nmod", "compound") and _goal(token.head, lemmas):
            token = token.head  # "made a wider Eurasian Union part of ...", parsed as one noun
            break
        token = token.head
    verb = token.head
    if token.dep_ == "nsubj" and verb.dep_ in _COMPLEMENTS and _goal(verb, lemmas):
        # "made EU membership the centrepiece of ...", parsed as a small clause
        return verb.head if lemmas(verb.head) in _MAKING else None
    if token.dep_ not in ("dobj", *_COMPLEMENTS) or lemmas(verb) not in _MAKING:
        return None
    if _goal(token, lemmas) and token.dep_ == "dobj":
        return verb
    for child in verb.children:
        if child is token:
            continue
        if child.dep_ in _COMPLEMENTS and _goal(child, lemmas):
            return verb
        if (
            child.dep_ == "prep"
            and child.lower_ == "as"
            and any(_goal(p, lemmas) for p in child.children if p.dep_ == "pobj")
        ):
            return verb
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is conjoined to ("who ran and made ...")."""
    return coordinated_subject(verb, ("nsubj", "nsubjpass"))


def agenda_stances(
    collector: _Collector,
    hits: list[TargetHit],
    finder: ActorFinder,
    lemmas: Lemmas,
    reference: str | None,
    evidence: tuple[str, str | None],
) -> None:
    """The subject of "make X part of his campaign" is for X (see the module doc)."""
    for hit in hits:
        verb = _made_goal(hit.root, lemmas)
        subject = _subject(verb) if verb is not None else None
        if verb is None or subject is None:
            continue
        for holder in holders_of(subject, finder, collector.kb, reference):
            collector.add(
                holder,
                (hit.target, hit.target_id, hit.mention),
                1,
                (min(verb.idx, hit.start), max(verb.idx + len(verb.text), hit.end)),
                "reported",
                evidence,
                reference,
                verb.text,
                0.6,
                0.6,
            )
