"""Acts named as known things: a noun of force or of meeting with a possessive ("the
activist's killing", "Russia's annexation of the peninsula", "her meeting with the
president") refers back to an act the reader already knows, as the topic of a judgement
("does not consider X's annexation legal"), a time ("during her meeting") or a cause; it is
not the report of that act, which the document tells (or told) with a verb.

A possessive act that is the subject of its sentence's main verb and names what it was done
to ("Russia's seizure of the ships alarmed its neighbours": the possessor its doer) is the news
the sentence reports, and keeps its reading; with no such object ("the activist's killing
shocked the capital") the possessor is as likely its victim, and the act a known one. An act
that a verb's subject performs on its own behalf ("Israel mounted its invasion of X", "they
held their meeting") is told here, not referred to.

Other nouns keep their readings: a possessive inquiry, demand or accusation ("the House's
inquiry into the dealings") is often the act's only telling.
"""

from __future__ import annotations

from spacy.tokens import Token

#: PLOVER types whose possessive noun names an act already known, not one reported.
KNOWN_ACTS = frozenset({"ASSAULT", "COERCE", "CONSULT"})


def referenced(token: Token, plover: str, nominal: bool) -> bool:
    """Whether ``token`` is a noun of force or meeting with a possessive (module doc)."""
    if not nominal or plover not in KNOWN_ACTS:
        return False
    news = token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"
    if news and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    owners = [c for c in token.children if c.dep_ == "poss"]
    if owners and token.dep_ == "dobj" and owners[0].pos_ == "PRON":
        return False  # "mounted its invasion of X": the subject's own act, done here
    return bool(owners)


__all__ = ["KNOWN_ACTS", "referenced"]
