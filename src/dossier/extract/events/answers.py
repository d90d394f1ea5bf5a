"""Answers to claims: whom a denial, a retraction or a repetition of allegations is aimed at.

"The ministry denied the allegations" names no one, yet the report has told who made them:
a denial (REJECT) of claims is aimed at the one who made them; a retraction (CONCEDE: "the
prosecutor recanted them") at the one they were made against; a repetition (ACCUSE: "his
lawyer repeated them") at the one they were made against too. The claims answered are the
latest accusation the document told before (with both sides named): for a denial, the latest
aimed at the one denying, else the latest made by a side of another country (a denial answers
the other side, not an ally); for a retraction, the latest made by the one retracting.

The claims are named by the verb's object: a noun of claims ("the allegations", "the
charges"), or a pronoun ("recanted them") where such a noun stands in the sentence or the one
before.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import Lemmas
from dossier.model import Event, EventActor

#: Nouns of claims made against someone.
CLAIMS = frozenset({
    "allegation", "accusation", "claim", "charge", "assertion", "smear", "rumor", "rumour",
})  # fmt: skip
#: The noun of claims a pronoun standing for them is read as ("repeated them": the lexicon's
#: "repeat" with "allegation").
CLAIMED = "allegation"
#: Pronouns that stand for claims named just before.
STANDING_FOR = frozenset({"them", "it", "those", "these"})
#: Types that answer claims.
ANSWERING = frozenset({"REJECT", "CONCEDE", "ACCUSE"})


def _claims_named_before(pronoun: Token, lemmas: Lemmas) -> bool:
    sentence = pronoun.sent
    start = sentence.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    return any(w.pos_ == "NOUN" and lemmas(w) in CLAIMS for w in pronoun.doc[start : pronoun.i])


def answers_claims(token: Token, lemmas: Lemmas) -> bool:
    """Whether the verb ``token`` has claims as its object (see the module doc)."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.pos_ == "NOUN":
        return lemmas(obj) in CLAIMS
    return obj.lower_ in STANDING_FOR and _claims_named_before(obj, lemmas)


def _keys(actors: tuple[EventActor, ...]) -> set[str]:
    return {a.actor_id or a.actor.lower() for a in actors}


def _countries(actors: tuple[EventActor, ...]) -> set[str]:
    return {a.country for a in actors if a.country}


def answered(
    event_type: str, source: tuple[EventActor, ...], before: list[Event]
) -> tuple[EventActor, ...]:
    """The target of an answer to claims of type ``event_type`` by ``source``, from the
    accusations told ``before`` it (see the module doc); () where none fits."""
    claims = [e for e in reversed(before) if e.event_type == "ACCUSE" and e.source and e.target]
    if event_type == "ACCUSE":
        # Claims repeated are allegations of wrongdoing (CAMEO 112), not criticism (111).
        alleged = [e for e in claims if (e.cameo or "").startswith("112")] or claims
        return alleged[0].target if alleged else ()
    keys, countries = _keys(source), _countries(source)
    if event_type == "CONCEDE":
        own = [e for e in claims if _keys(e.source) & keys]
        return own[0].target if own else ()
    against = [e for e in claims if _keys(e.target) & keys]
    if not against and countries:
        against = [e for e in claims if not _countries(e.source) & countries]
    return against[0].source if against else ()
