"""Senses of trigger verbs that name no act between actors, told from the parse.

- Breaking a norm ("broke the law", "broke his promise", "broke the record", "broke the
  news"): an offence, a failure or a feat, not violence (the lexicon's bare "break" is
  CAMEO 190, force); "broke the ceasefire" and "broke off relations" keep their readings.
- A state of mind in a participle ("felt threatened", "seemed pressured", "looked
  defeated"): how someone felt, not what anyone did to them.
- Averting a calamity ("to prevent a civil war", "avert a crisis"): a wish for peace, not
  coercion of anyone (the lexicon's bare "prevent" is CAMEO 170); "prevented the rally"
  keeps its reading.
- Swaying or reviving a thing ("may have influenced the decision", "revived the idea"): no
  act towards an actor (the lexicon's bare readings are support and a promise); "influence"
  or "revive" with a name as object keeps them. Helping a thing ("would have helped his
  campaign", "helped the economy") is no aid to anyone either; helping a name, a pronoun
  or people ("helped the rebels") is.
- Removing a symbol ("the flags were removed", "removed the portraits"): a thing taken down,
  no one expelled (the lexicon's bare "remove" is CAMEO 174, deportation); "removed the
  militants" keeps its reading.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.actor_words import LEADERS, OFFICIALS
from dossier.extract.events.lexicon import GROUP_NOUNS, Lemmas

#: Verbs whose object a norm or a record makes no act of force.
BREAKING = frozenset({"break"})
#: Norms, promises, records and news one breaks without harming anyone.
NORMS = frozenset({
    "law", "rule", "regulation", "promise", "pledge", "word", "vow", "oath", "record",
    "silence", "news", "story", "habit", "tradition", "taboo", "protocol", "code", "ice",
    "ground", "rank", "mould", "mold",
})  # fmt: skip
#: Verbs whose participle complement tells a state of mind or a look, not an act.
FEELING = frozenset({"feel", "seem", "appear", "look", "sound", "remain", "grow", "become"})


def broken_norm(lemma: str, obj: Token | None, lemmas: Lemmas) -> bool:
    """Whether a verb of breaking breaks a norm, a record or the news (see the module doc)."""
    return lemma in BREAKING and obj is not None and lemmas(obj) in NORMS


def felt(token: Token, lemmas: Lemmas) -> bool:
    """Whether ``token`` is a participle telling a state of mind with no one named as its
    cause (see the module doc; "felt threatened by X" leaves X's act to the parse)."""
    if token.tag_ != "VBN" or any(c.dep_ == "agent" for c in token.children):
        return False
    if token.dep_ in ("acomp", "oprd", "xcomp") and lemmas(token.head) in FEELING:
        return True
    # The parse may give the verb of feeling as the participle's passive auxiliary.
    return any(c.dep_ == "auxpass" and lemmas(c) in FEELING for c in token.children)


#: Verbs of averting, and the calamities one averts without coercing anyone.
AVERTING = frozenset({"prevent", "avert", "avoid", "forestall"})
CALAMITIES = frozenset({
    "war", "conflict", "crisis", "escalation", "bloodshed", "violence", "collapse", "default",
    "catastrophe", "disaster", "confrontation", "clash", "famine", "recession", "shortage",
})  # fmt: skip
#: Verbs whose bare reading needs an actor as object.
SWAYING = frozenset({"influence", "revive"})


def averted(lemma: str, obj: Token | None, lemmas: Lemmas) -> bool:
    """Whether a verb of averting has a calamity as object (see the module doc)."""
    return lemma in AVERTING and obj is not None and lemmas(obj) in CALAMITIES


def swayed_thing(lemma: str, obj: Token | None) -> bool:
    """Whether "influence" or "revive" acts on a thing, not a name, or "help" helps a thing
    (see the module doc)."""
    if lemma == "help":
        return obj is not None and obj.pos_ == "NOUN" and obj.tag_ != "NNS" and not _people(obj)
    return lemma in SWAYING and (obj is None or obj.pos_ != "PROPN")


def _people(word: Token) -> bool:
    return word.lower_ in GROUP_NOUNS | OFFICIALS | LEADERS


#: Verbs of taking away, and the symbols one takes down without expelling anyone.
REMOVING = frozenset({"remove"})
SYMBOLS = frozenset({
    "flag", "banner", "portrait", "statue", "monument", "sign", "poster", "emblem", "symbol",
    "plaque", "mural", "billboard", "coat",
})  # fmt: skip


def removed_symbol(lemma: str, token: Token, obj: Token | None, lemmas: Lemmas) -> bool:
    """Whether a verb of removing takes down a symbol, as object or passive subject (see the
    module doc)."""
    if lemma not in REMOVING:
        return False
    things = [obj] if obj is not None else [c for c in token.children if c.dep_ == "nsubjpass"]
    return any(lemmas(thing) in SYMBOLS for thing in things)
