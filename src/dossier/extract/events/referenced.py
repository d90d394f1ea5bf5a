"""Acts named as known things: a noun of force or of meeting with a possessive ("the
activist's killing", "Russia's annexation of the peninsula", "her meeting with the
president") refers back to an act the reader already knows, as the topic of a judgement
("does not consider X's annexation legal"), a time ("during her meeting") or a cause; it is
not the report of that act, which the document tells (or told) with a verb.

Other nouns keep their readings: a possessive inquiry, demand or accusation ("the House's
inquiry into the dealings") is often the act's only telling.
"""

from __future__ import annotations

from spacy.tokens import Token

#: PLOVER types whose possessive noun names an act already known, not one reported.
KNOWN_ACTS = frozenset({"ASSAULT", "COERCE", "CONSULT"})


def referenced(token: Token, plover: str, nominal: bool) -> bool:
    """Whether ``token`` is a noun of force or meeting with a possessive (module doc)."""
    return nominal and plover in KNOWN_ACTS and any(c.dep_ == "poss" for c in token.children)


__all__ = ["KNOWN_ACTS", "referenced"]
