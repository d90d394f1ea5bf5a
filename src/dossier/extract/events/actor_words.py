"""The words that name an event's actors, or stand for them: a state's officials and forces,
the leaders of its members, a place or body named earlier ("the territory", "the union"), and
the marks of a side rather than a country ("pro-Russia"). Word lists and checks on single
tokens, read by ``actors.ActorFinder`` and the triggers."""

from __future__ import annotations

import re

from spacy.tokens import Token

#: Dependency labels of the words inside a noun phrase (not its clauses).
PHRASE_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
#: Prepositions that give a phrase its scene, not its members ("a treaty in Minsk").
SCENE = frozenset({"in", "at"})
#: Nouns for a state's own people and bodies: "Russian officials" act as the state.
OFFICIALS = frozenset({
    "official", "officials", "government", "authorities", "authority", "troops", "forces",
    "army", "military", "diplomats", "diplomat", "leader", "leaders", "ministry", "navy",
    "president", "minister", "ministers", "soldiers", "police", "envoy", "delegation",
})  # fmt: skip
#: Nouns for the people who lead their states: "the leaders of the union" are its members'.
LEADERS = frozenset({
    "leader", "leaders", "president", "presidents", "head", "heads", "member", "members",
    "minister", "ministers", "premier", "premiers", "state", "states", "country", "countries",
})  # fmt: skip
#: Nouns that, with "the", stand for a place named earlier ("annexed the territory").
PLACE_NOUNS = frozenset({"territory", "region", "peninsula", "province", "city", "town"})
#: Nouns that, with "the", stand for a body named earlier ("the union", "the alliance").
BODIES = frozenset({"union", "bloc", "alliance", "organisation", "organization", "community"})
#: Of those, the ones that any organisation may be called ("the bloc").
GENERIC_BODIES = frozenset({"bloc"})
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "him", "we"})
#: What a sector is, from the KB's actor type where the KB gives no sector.
SECTOR_OF_TYPE = {
    "government": "government",
    "country": "government",
    "igo": "international organisation",
    "organisation": "organisation",
    "media": "media",
    "military": "military",
}


DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [A-Za-z .'-]+)? ?[—–-]+ ")


def sided(token: Token) -> bool:
    """Whether ``token`` follows "pro-" or "anti-" ("pro-Russia", "anti-Kiev")."""
    doc, i = token.doc, token.i
    if i < 1:
        return False
    previous = doc[i - 1].lower_
    if i >= 2 and previous == "-" and doc[i - 2].lower_ in ("pro", "anti"):
        return True
    return previous in ("pro-", "anti-")


def paragraph_breaks(text: str) -> list[int]:
    """Where ``text``'s paragraph breaks (blank lines) start, in order."""
    return [match.start() for match in re.finditer(r"\n\s*\n", text)]
