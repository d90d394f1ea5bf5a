"""A state that submits its own request or application with no addressee named: it asks the
body named last before to let it in ("X has said it wants to be inside the union, and X
submitted its request last year": REQUEST aimed at the union)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import Lemmas

#: What one hands in to be let into a body.
APPLICATIONS = frozenset({"request", "application", "bid", "candidacy", "petition"})
#: Verbs of handing one in.
SUBMITTING = frozenset({"submit", "file", "lodge", "hand", "send", "present", "make"})
OWN = frozenset({"its", "their"})
#: Prepositions that name to whom or for what ("to the council", "for membership").
ADDRESSING = frozenset({"to", "for", "with"})


def own_application(token: Token, lemmas: Lemmas) -> bool:
    """Whether ``token`` submits the subject's own request or application ("submitted its
    request"), with no preposition naming to whom or for what."""
    if lemmas(token) not in SUBMITTING:
        return False
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None or lemmas(obj) not in APPLICATIONS:
        return False
    if any(c.dep_ == "prep" for c in obj.children) or any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ADDRESSING) for c in token.children
    ):
        return False  # "submitted its request to X", "its bid for membership": named
    return any(c.dep_ == "poss" and c.lower_ in OWN for c in obj.children)
