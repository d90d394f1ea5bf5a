"""A thing taken up by "the" after the text named its owner: "the House's impeachment inquiry
... he blasted the ongoing impeachment inquiry" is the House's inquiry, so a side toward it is
a side toward the House (error kind none: a side toward a body's deed lost, the second
mention naming no one).

Only a phrase of two words or more (a noun and its compounds: "impeachment inquiry", "peace
plan") is taken up, by the same words; a single noun ("the decision") is too loose to tie to
an owner by its words alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.model import Mention


def _phrase(noun: Token) -> str | None:
    """A noun and its compounds in lower case ("impeachment inquiry"), None for a bare noun."""
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if noun.pos_ != "NOUN" or not compounds:
        return None
    return " ".join([*(c.lower_ for c in compounds), noun.lower_])


def owned_phrases(doc: Doc, mentions: list[Mention]) -> dict[str, list[tuple[int, Mention]]]:
    """Each phrase the document gives an owner ("the House's impeachment inquiry"), with
    where it is and the owner's mention (a KB actor's). Read from the mentions, not the
    words: a document has far fewer of them."""
    found: dict[str, list[tuple[int, Mention]]] = {}
    for mention in mentions:
        if not mention.actor_id:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "poss" or span.root.pos_ != "PROPN":
            continue
        owned = span.root.head
        phrase = _phrase(owned)
        if phrase is not None:
            found.setdefault(phrase, []).append((owned.idx, mention))
    return found


def taken_up_owner(noun: Token, owned: dict[str, list[tuple[int, Mention]]]) -> Mention | None:
    """The owner the text gave ``noun``'s phrase before it, where ``noun`` is "the" phrase
    with no owner of its own; None otherwise."""
    if not any(key.endswith(" " + noun.lower_) for key in owned):
        return None  # the cheap test first: no owned phrase ends in this word
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    phrase = _phrase(noun)
    earlier = [m for at, m in owned.get(phrase or "", []) if at < noun.idx]
    owners = {m.actor_id for m in earlier}
    return earlier[-1] if len(owners) == 1 else None
