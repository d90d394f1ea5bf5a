"""Whether an event happened: asserted, negated, future, hypothetical or generic.

Read from the trigger's clause in the parse:
- negated: a negation on the trigger or on the verb it hangs from ("did not sign", "never
  joined"); a refusal is no negation but an event of its own (REJECT, in the lexicon);
- future: "will"/"shall" ("will open"), "is to" ("is to open in July"), a plan or intention
  verb above the trigger ("plans to join", "intends to", "is set to", "is going to"), a promise
  ("has promised to sign");
- hypothetical: "would", "could", "might", "may", "should" and a condition ("if it signed");
- generic: a habit, said in the simple present of a clause with a "when"/"whenever" clause or a
  habitual adverb ("when Russia wants attention, it cuts off the gas", "Moscow usually bans").
The first that applies wins, in the order negated, hypothetical, future, generic.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dossier.model import EventModality

NEGATIONS = frozenset({"not", "n't", "never", "no"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
#: Verbs whose infinitive complement has not happened yet ("plans to join").
INTENTION_VERBS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "want",
        "seek",
        "hope",
        "prepare",
        "expect",
        "promise",
        "pledge",
        "vow",
        "go",
        "set",
        "schedule",
        "mean",
        "propose",
        "offer",
        "threaten",
        "try",
        "attempt",
        # Adjectives of readiness: "is ready to contribute troops".
        "ready",
        "willing",
        "prepared",
    }
)
CONDITIONS = frozenset({"if", "unless"})
HABIT_MARKS = frozenset({"when", "whenever"})
HABIT_ADVERBS = frozenset({"usually", "often", "always", "typically", "regularly", "routinely"})


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs its clause hangs from through infinitives and conjunctions
    ("is to open": open, is; "did not sign and ratify": ratify, sign)."""
    chain = [trigger]
    token = trigger
    while token.dep_ in ("xcomp", "conj", "acomp") and token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def _marks(token: Token) -> set[str]:
    return {child.lower_ for child in token.children if child.dep_ in ("mark", "advmod")}


def _conditional(token: Token) -> bool:
    """Whether ``token`` heads, or has under it, a clause of condition ("if it signed")."""
    if token.dep_ == "advcl" and _marks(token) & CONDITIONS:
        return True
    return any(c.dep_ == "advcl" and _marks(c) & CONDITIONS for c in token.children)


def _habitual(token: Token) -> bool:
    """Whether ``token`` has a "when" clause or a habitual adverb under it."""
    for child in token.children:
        if child.dep_ == "advcl" and _marks(child) & HABIT_MARKS:
            return True
        if child.dep_ == "advmod" and child.lower_ in HABIT_ADVERBS:
            return True
    return False


def modality_of(trigger: Token, lemma_of: Callable[[Token], str]) -> EventModality:
    """The modality of the event ``trigger`` names (see the module doc)."""
    chain = _chain(trigger)
    for token in chain:
        if any(
            child.dep_ == "neg" or (child.lower_ in NEGATIONS and child.dep_ == "advmod")
            for child in token.children
        ):
            return "negated"
    auxiliaries = {c.lower_ for token in chain for c in token.children if c.dep_ == "aux"}
    if auxiliaries & HYPOTHETICAL_AUX or any(_conditional(token) for token in chain):
        return "hypothetical"
    if auxiliaries & FUTURE_AUX:
        return "future"
    for above in chain[1:]:
        if trigger.dep_ != "xcomp" and above is chain[1]:
            continue  # a coordinated verb ("signed and agreed") is no intention
        if lemma_of(above) in INTENTION_VERBS or (lemma_of(above) == "be" and above.i < trigger.i):
            return "future"
    if trigger.tag_ in ("VBZ", "VBP") and not auxiliaries and any(_habitual(t) for t in chain):
        return "generic"
    return "asserted"
