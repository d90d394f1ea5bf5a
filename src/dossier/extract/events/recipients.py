"""Recipients the parse hangs away from the trigger: where a directed act names whom it is
aimed at, but not in the trigger's own phrases.

- a request's "from" phrase inside the thing asked for ("requested records relating to the
  deal from the ministry"): the one asked;
- the parties of the talks a request asks for ("called for talks between Kyiv and the
  rebels", "pushing for a round of talks involving Minsk and Vilnius"): those asked to talk;
- what a named act, as its verb's subject, falls on ("Western sanctions have squeezed the
  Russian economy", "the blockade hurt Moldovan farmers"): the one it is aimed at;
- a named act's "against" or "on" phrase hung on the verb whose object holds it, or on the
  noun it is "of" ("voted to draft articles of impeachment against the president", "drew up
  a package of sanctions on Iran"): the one it is aimed at.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.triggers import Trigger
from dossier.model import EventActor

#: Prepositions that point an act at its recipient.
AIMING = frozenset({"against", "on", "upon"})
#: Acts whose recipient may be told as what their effect falls on.
FELT = frozenset({"SANCTION", "COERCE", "ASSAULT"})
#: Nouns of the meetings a request may ask for, and the words that give their parties.
MEETINGS = frozenset({
    "talks", "negotiations", "dialogue", "meeting", "meetings", "summit", "conference",
    "consultations",
})  # fmt: skip
PARTIES = frozenset({"between", "involving", "including", "among"})
#: Clauses that are no part of the thing asked for ("records that the ministry holds").
FINITE_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "parataxis"})


def _objects(preposition: Token) -> list[Token]:
    return [c for c in preposition.children if c.dep_ == "pobj"]


def _others(found: tuple[EventActor, ...], source: tuple[EventActor, ...]) -> tuple:
    mine = {a.actor_id or a.actor for a in source}
    return tuple(a for a in found if (a.actor_id or a.actor) not in mine)


def _asked_from(trigger: Trigger, finder: ActorFinder, source: tuple) -> tuple:
    """The "from" phrase inside a request's object (see the module doc)."""
    token = trigger.token
    for thing in (c for c in token.children if c.dep_ == "dobj"):
        todo = [thing]
        while todo:
            word = todo.pop()
            for child in word.children:
                if child.dep_ in FINITE_CLAUSES:
                    continue
                if child.dep_ == "prep" and child.lower_ == "from":
                    for head in _objects(child):
                        found = _others(finder.actors(head, target=True), source)
                        if found:
                            return found
                todo.append(child)
    return ()


def _talks_parties(trigger: Trigger, finder: ActorFinder, source: tuple) -> tuple:
    """The parties of the talks a request asks for (see the module doc)."""
    token = trigger.token
    things = [c for c in token.children if c.dep_ == "dobj"]
    things += [
        o
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("for", "to")
        for o in _objects(c)
    ]
    for thing in things:
        words = [
            w for w in thing.subtree if not any(a.dep_ in FINITE_CLAUSES for a in _up_to(w, thing))
        ]
        if not any(w.lower_ in MEETINGS for w in words):
            continue
        for word in words:
            if word.lower_ not in PARTIES or word.dep_ not in ("prep", "acl"):
                continue
            for head in (c for c in word.children if c.dep_ in ("pobj", "dobj")):
                found = _others(finder.actors(head, target=True), source)
                if found:
                    return found
    return ()


def _up_to(word: Token, top: Token) -> list[Token]:
    """The words from ``word`` up to ``top`` (``top`` left out)."""
    path = []
    while word.i != top.i and word.head.i != word.i:
        path.append(word)
        word = word.head
    return path


def _aimed_above(trigger: Trigger, finder: ActorFinder, source: tuple) -> tuple:
    """The "against"/"on" phrase of the noun a named act is "of", or of the verb whose object
    holds it (see the module doc)."""
    token = trigger.token
    if not trigger.nominal:
        return ()
    hosts = []
    word = token
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ == "NOUN":
        word = word.head.head  # "articles of impeachment": the articles
        hosts.append(word)
    if word.dep_ == "dobj" and word.head.pos_ == "VERB":
        hosts.append(word.head)  # "draft articles ... against X": the drafting
    for host in hosts:
        for child in host.children:
            if child.dep_ == "prep" and child.lower_ in AIMING and child.i > token.i:
                for head in _objects(child):
                    found = _others(finder.actors(head, target=True), source)
                    if found:
                        return found
    return ()


def _felt_by(trigger: Trigger, finder: ActorFinder, source: tuple) -> tuple:
    """Those an act named by its verb's subject is felt by (see the module doc)."""
    token = trigger.token
    if token.dep_ != "nsubj" or token.head.pos_ != "VERB":
        return ()
    for thing in (c for c in token.head.children if c.dep_ == "dobj"):
        found = _others(finder.actors(thing, target=True), source)
        if found:
            return found
    return ()


def implied_recipient(
    trigger: Trigger, finder: ActorFinder, source: tuple[EventActor, ...]
) -> tuple[EventActor, ...]:
    """The recipient of a directed act the parse hangs away from its trigger (see the module
    doc); () for none."""
    if trigger.entry.plover == "REQUEST" and not trigger.nominal:
        return _asked_from(trigger, finder, source) or _talks_parties(trigger, finder, source)
    if trigger.nominal and trigger.entry.plover in FELT:
        found = _felt_by(trigger, finder, source)
        if found:
            return found
    return _aimed_above(trigger, finder, source)
