"""Acts a speaker supposes: "a counteroffensive is likely underway", "they probably crossed".

A hedging adverb on the act's verb, on its clause's verb (for a noun naming the act) or on
that verb's complement of state ("is likely underway") tells the act as the speaker's
guess. Quoted, such a guess reports no act (the speaker's own act is the statement), as a
quoted forecast does not; told by the writer, the act keeps its reading.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Adverbs that tell an act as a supposition.
HEDGES = frozenset({"likely", "probably", "possibly", "perhaps", "presumably"})


def _hedged_at(token: Token) -> bool:
    heads = [token, *(c for c in token.children if c.dep_ == "acomp")]
    return any(c.dep_ == "advmod" and c.lower_ in HEDGES for h in heads for c in h.children)


def hedged(token: Token, clause: Token) -> bool:
    """Whether the act ``token`` names, in the clause of ``clause``, is told as a guess."""
    return _hedged_at(token) or (clause is not token and _hedged_at(clause))


__all__ = ["HEDGES", "hedged"]
