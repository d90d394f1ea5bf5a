"""Acts that are no event between actors: an act someone is only let do, and a person giving
up their own post.

- "Observer status lets X send a representative", "the deal enables X to export": what the
  status or deal permits is a possibility, not an act done (the permitting, where a verb of
  its own codes it, "Russia allowed ...", is the event);
- "X, who gave up his post as minister": a career step, not a concession to anyone;
- "the law does not mean X is joining the EU": what something is denied to mean is not done;
- "Moscow saw the vote as the start of X's withdrawal": an act one construes another as is a
  reading of it, not an act reported.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import Lemmas

#: Verbs whose clause below them is an act permitted, not done.
PERMITTING = frozenset({"let", "allow", "enable", "permit"})
#: Verbs of what something means or shows, whose clause, under a negation, is denied.
MEANING = frozenset({"mean", "imply", "signal", "indicate", "suggest", "amount"})
#: Verbs of construing something "as" something else.
CONSTRUING = frozenset(
    {"see", "view", "regard", "interpret", "describe", "portray", "characterise", "characterize"}
)
#: Verbs of leaving a post.
LEAVING = frozenset({"give", "resign", "quit", "leave", "vacate", "relinquish"})
#: A person's posts.
POSTS = frozenset({"post", "position", "job", "office", "portfolio", "seat", "chair", "role"})
#: Possessive pronouns of a person.
PERSONAL = frozenset({"his", "her", "my", "their"})


def permitted(token: Token, lemmas: Lemmas) -> bool:
    """Whether ``token`` is an act another word only lets someone do."""
    return token.dep_ in ("ccomp", "xcomp") and lemmas(token.head) in PERMITTING


def denied_meaning(token: Token, lemmas: Lemmas) -> bool:
    """Whether ``token`` is what a negated verb of meaning denies ("does not mean X is
    joining")."""
    head = token.head
    return (
        token.dep_ == "ccomp"
        and lemmas(head) in MEANING
        and any(c.dep_ == "neg" for c in head.children)
    )


def left_post(token: Token, lemmas: Lemmas) -> bool:
    """Whether ``token`` is a person giving up their own post ("gave up his post")."""
    if lemmas(token) not in LEAVING:
        return False
    if lemmas(token) == "give" and not any(
        c.dep_ == "prt" and c.lower_ == "up" for c in token.children
    ):
        return False
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return (
        obj is not None
        and lemmas(obj) in POSTS
        and any(c.dep_ == "poss" and c.lower_ in PERSONAL for c in obj.children)
    )


def construed(noun: Token, lemmas: Lemmas) -> bool:
    """Whether the nominal act ``noun`` lies in the "as" phrase of a verb of construing ("saw it
    as the beginning of X's withdrawal")."""
    word = noun
    for _ in range(6):
        if word.dep_ not in ("pobj", "prep") or word.head is word:
            return False
        word = word.head
        if word.dep_ == "prep" and word.lower_ == "as":
            # "described the move as X": the parse may hang "as" on the object.
            verb = word.head.head if word.head.dep_ == "dobj" else word.head
            return lemmas(verb) in CONSTRUING
    return False
