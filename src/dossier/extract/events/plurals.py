"""Numbered plurals of states and their members: "the prime ministers of eight former Soviet
republics signed a treaty. Russia, Ukraine, ... and Moldova put their names to it."

A phrase that counts states ("eight republics", "the three countries", "leaders of five
states") stands for the list of exactly that many named actors told nearby: in its own
sentence, the two before it or the two after it (news names the members just after the
count as often as before). The adjective such a phrase carries ("former Soviet") names what
the states were, not who acts.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.actor_words import PHRASE_CLAUSES
from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.aims import INSURGENT_WORDS
from dossier.extract.events.groups import armed_group
from dossier.model import EventActor

#: Plural nouns that count states or those who act for them.
STATE_PLURALS = frozenset({
    "republics", "countries", "states", "nations", "members", "governments", "leaders",
    "presidents", "ministers", "premiers", "parties", "signatories", "neighbours", "neighbors",
})  # fmt: skip
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _count(word: Token) -> int | None:
    for child in word.children:
        if child.dep_ != "nummod":
            continue
        if child.lower_ in NUMBER_WORDS:
            return NUMBER_WORDS[child.lower_]
        if child.text.isdigit() and 2 <= int(child.text) <= 30:
            return int(child.text)
    return None


def counted(head: Token) -> int | None:
    """How many states the phrase headed by ``head`` counts ("prime ministers of eight
    republics": 8), None where it counts none; not a part of a group ("three of the
    signatories"), which is no group of its own."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) and head.like_num:
        return None
    todo = [head]
    while todo:
        word = todo.pop()
        if word.tag_ in ("NNS", "NNPS") and word.lower_ in STATE_PLURALS:
            size = _count(word)
            if size is not None:
                return size
        todo.extend(c for c in word.children if c.dep_ not in PHRASE_CLAUSES and c.dep_ != "appos")
    return None


def _list_at(token: Token, size: int, finder: ActorFinder) -> tuple[EventActor, ...]:
    if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
        return ()
    members = [token, *token.conjuncts]
    if len(members) != size or any(m.pos_ != "PROPN" for m in members):
        return ()
    # Each name's own actor: the phrase of the first name spans the whole list.
    found = [
        [a for a in finder.actors(m, members=False) if a.mention_start <= m.idx < a.mention_end]
        for m in members
    ]
    if all(len(actors) == 1 and actors[0].country for actors in found):
        return tuple(actors[0] for actors in found)
    return ()


def listed_near(head: Token, size: int, finder: ActorFinder) -> tuple[EventActor, ...]:
    """The list of ``size`` named actors nearest ``head`` (see the module doc), () for none."""
    sentences = list(head.doc.sents)
    here = max(n for n, sentence in enumerate(sentences) if sentence.start <= head.i)
    phrase = {t.i for t in head.subtree}
    order = [here, here - 1, here + 1, here - 2, here + 2]
    for number in order:
        if not 0 <= number < len(sentences):
            continue
        for token in sentences[number]:
            if token.i in phrase:
                continue
            found = _list_at(token, size, finder)
            if found:
                return found
    return ()


def counted_states(
    head: Token, found: tuple[EventActor, ...], finder: ActorFinder
) -> tuple[EventActor, ...]:
    """The members a numbered plural stands for (see the module doc), in place of ``found``
    where ``found`` names fewer; ``found`` otherwise."""
    size = counted(head)
    if size is None or len(found) >= size:
        return found
    return listed_near(head, size, finder) or found


def clause_group(pronoun: Token, finder: ActorFinder) -> tuple[EventActor, ...]:
    """The armed men "they" stands for in a clause hanging from a plural of them earlier in
    its sentence ("seeks to remove militants from buildings they have been occupying"): the
    group the bare word stands for (``groups``); () otherwise."""
    if pronoun.lower_ != "they":
        return ()
    clause = pronoun.head
    if clause.dep_ not in ("relcl", "acl"):
        return ()
    sentence = pronoun.sent
    for word in reversed(pronoun.doc[sentence.start : pronoun.i]):
        if word.tag_ == "NNS" and word.lower_ in INSURGENT_WORDS:
            return armed_group(word, finder) or finder.actors(word)
    return ()


#: How many sentences back one's partners may have been listed (a report of a summit names
#: its hosts, then tells what each said before a guest's request).
PARTNER_REACH = 8
#: Nouns for those an actor deals with as equals.
PARTNER_NOUNS = frozenset({"partners", "counterparts", "allies", "colleagues"})


def partners_of(
    head: Token, source: tuple[EventActor, ...], finder: ActorFinder
) -> tuple[EventActor, ...]:
    """The actors one's partners are (see the module doc); () for any other phrase."""
    if head.lower_ not in PARTNER_NOUNS or not any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children
    ):
        return ()
    mine = {a.actor_id or a.actor for a in source} | {a.country for a in source if a.country}
    sentences = list(head.doc.sents)
    here = max(n for n, sentence in enumerate(sentences) if sentence.start <= head.i)
    first = sentences[max(here - PARTNER_REACH, 0)].start
    for token in reversed(head.doc[first : head.i]):
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        found = _list_at(token, len([token, *token.conjuncts]), finder)
        if found and not any((a.actor_id or a.actor) in mine or a.country in mine for a in found):
            return found
    return ()
