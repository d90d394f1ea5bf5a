"""Groups named by the side they take: "pro-Russian separatists", "pro-Moscow militants",
"pro-Ukraine fighters".

A "pro-<country>" modifier before a group noun names a group that sides with the country, not
the country's government: the ruler marks the whole phrase (``side_groups``), and the linker
(``resolve_side_group``) names it in one normal form, the country's adjective whatever the text
wrote ("pro-Russia", "pro-Moscow" and "pro-Kremlin" are all "pro-Russian"), and links it to the
KB group of that name (the curated rows hold the well-known ones, with the variants of the noun
as aliases) or keeps it as a NIL group under that name.

A "pro-<place>" modifier without a group noun ("pro-Kremlin president Viktor Yanukovych") still
names the side taken: when a longer candidate swallowed it, the place gets a nested candidate of
its own, which ``metonymy`` resolves as the side's actor (the Kremlin's stands-for), never as
the person the longer phrase names.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from dossier.extract.linking.build import named_mention
from dossier.extract.linking.candidates import Candidate
from dossier.extract.linking.context import LinkingContext
from dossier.extract.linking.lexicon import Scan
from dossier.kb.loader import KnowledgeBase
from dossier.model import Mention

#: Nouns of a group that takes a side: "pro-Russian rebels", "pro-Western protesters".
GROUP_NOUNS = frozenset(
    {
        "separatists",
        "rebels",
        "militants",
        "fighters",
        "forces",
        "gunmen",
        "insurgents",
        "activists",
        "militias",
        "militiamen",
        "paramilitaries",
        "protesters",
        "protestors",
        "demonstrators",
        "groups",
    }
)


@dataclass(frozen=True)
class PhraseCandidate:
    """A candidate a phrase rule adds to the ruler's: tokens ``start``..``end``, and the
    tokens ``drop_start``..``drop_end`` whose candidates it replaces (none when equal)."""

    start: int
    end: int
    candidate: Candidate
    drop_start: int
    drop_end: int


def positions(keys: list[str], key: str) -> list[int]:
    """The tokens whose lookup key is ``key``: searched by ``list.index``, so that the rules
    that need one word cost no Python work per token of a document without it."""
    found: list[int] = []
    at = -1
    while True:
        try:
            at = keys.index(key, at + 1)
        except ValueError:
            return found
        found.append(at)


def side_groups(scan: Scan) -> list[PhraseCandidate]:
    """ "pro-<country> <group noun>" phrases, and the place of a "pro-<place>" no group noun
    follows (see the module docstring)."""
    found: list[PhraseCandidate] = []
    for pro in positions(scan.keys, "pro"):
        side = pro + 2
        if side >= len(scan.keys) or not scan.hyphen_joined(pro + 1, side):
            continue
        taken = _side_taken(scan, side)
        if taken is None:
            continue
        side_end, country, entries = taken
        noun = _group_noun_after(scan, side_end)
        if noun is not None:
            adjective = _adjective_of(scan.kb, country)
            name = f"pro-{adjective} {scan.keys[noun]}" if adjective else None
            candidate = Candidate("side", "ORG", country=country, surface=name)
            found.append(PhraseCandidate(pro, noun + 1, candidate, pro, noun + 1))
        elif entries is not None:
            found.append(PhraseCandidate(side, side_end, entries, side, side))
    return found


def _side_taken(scan: Scan, i: int) -> tuple[int, str, Candidate | None] | None:
    """The side named at token ``i``: (end token, its country, a name candidate for it when
    it is a KB name), None when it is no country's ("pro-Western", "pro-democracy")."""
    text = scan.texts[i]
    if not text[:1].isupper():
        return None
    lex = scan.lexicon
    country = lex.country_of_adjective(text)
    if country is not None:
        return i + 1, country, None
    match = lex.match_name(scan.doc, scan.keys, i, kinds=("actor", "place"))
    if match is None:
        return None
    end, entries = match
    country = lex.country_of_name(entries)
    if country is not None:
        actors = tuple(e.ref for e in entries if e.kind == "actor")
        return end, country, Candidate("name", "GPE", actor_ids=actors)
    for entry in entries:
        place = scan.kb.place(entry.ref) if entry.kind == "place" else None
        if place is not None and place.country:
            label = "FAC" if place.kind == "seat" else "GPE"
            return end, place.country, Candidate("name", label, place=entry.ref)
    return None


def _group_noun_after(scan: Scan, i: int) -> int | None:
    """The token of the group noun at ``i`` or after one lower-case adjective ("pro-Russian
    armed separatists"), else None."""
    keys, n = scan.keys, len(scan.keys)
    if i < n and keys[i] in GROUP_NOUNS:
        return i
    if i + 1 < n and keys[i + 1] in GROUP_NOUNS and scan.doc[i].pos_ == "ADJ":
        return i + 1
    return None


def _adjective_of(kb: KnowledgeBase, country: str) -> str | None:
    """The country's first adjective in the KB ("Russian" for RUS)."""
    for demonym in kb.demonyms:
        if demonym.country == country and demonym.adjectives:
            return demonym.adjectives[0]
    return None


def resolve_side_group(context: LinkingContext, span: Span, candidate: Candidate) -> Mention:
    """A group named by its side: the KB group of the normal name, else a NIL group."""
    return named_mention(context, span, "ORG", candidate.surface or span.text, "group")
