"""Organisations named inside a title: "House Intelligence Committee Chairman Adam Schiff", "Jen
Psaki, the State Department spokeswoman", "Gazprom CEO Alexei Miller".

The title phrase names its holder, but the organisation's name in it is a mention of the
organisation as well: a reader learns from it that the committee, the department or the company
is in the story. The ruler keeps the whole phrase as one candidate (its holder); this module adds,
inside it, a candidate for each KB organisation the title names, which the linker resolves as
any other name. Persons, countries and places inside a title are left alone: "U.S. Secretary of
State John Kerry" names the United States only to qualify the office. The bodies named by their
chair ("Schiff's panel", ``chaired``) are added here too, and a group's name that opens a longer
place name ("the West Bank") is left to the place (``inside_a_longer_place``).
"""

from __future__ import annotations

from collections.abc import Iterator

from dossier.extract.linking.candidates import Candidate
from dossier.extract.linking.chaired import chaired_bodies
from dossier.extract.linking.lexicon import NameEntry, Scan
from dossier.kb.loader import KnowledgeBase

#: Actor types that are organisations, whose name inside a title is a mention of its own.
ORGANISATION_TYPES = frozenset({"agency", "igo", "media", "party", "company", "group"})

#: Candidate kinds whose span holds a title.
TITLED_KINDS = frozenset({"title+name", "role"})


def organisations_inside(
    scan: Scan, found: list[tuple[int, int, Candidate]]
) -> Iterator[tuple[int, int, Candidate]]:
    """(start, end, candidate) of each organisation named inside the ruler's candidates
    (start, end, candidate): a KB organisation in a title ("House Intelligence Committee
    Chairman Adam Schiff", "the State Department spokeswoman"), and a body named by its chair
    ("Schiff's panel", ``chaired``)."""
    for start, end, candidate in found:
        if candidate.kind in TITLED_KINDS:
            stop = title_end(scan, start, end, candidate)
            for inner_start, inner_end, ids in organisations_in_title(scan, start, stop):
                yield inner_start, inner_end, Candidate("name", "ORG", actor_ids=ids)
    persons = [
        (start, end, candidate)
        for start, end, candidate in found
        if candidate.label == "PERSON" and candidate.kind in {"name", "surname"}
    ]
    yield from chaired_bodies(scan, persons)


def inside_a_longer_place(scan: Scan, match: tuple[int, list[NameEntry]]) -> bool:
    """Whether an organisation's or a group's name is the start of a longer place name the NER
    found: "the West" is a group, "the West Bank" and "West Virginia" are places."""
    end, entries = match
    if end >= len(scan.doc) or any(e.kind != "actor" for e in entries):
        return False
    after = scan.doc[end]
    if after.ent_iob_ != "I" or after.ent_type_ not in {"GPE", "LOC"}:
        return False
    return all(scan.kb.actors[e.ref].type not in {"country", "person"} for e in entries)


def title_end(scan: Scan, start: int, end: int, candidate: Candidate) -> int:
    """The token after a candidate's title: where its name starts (title+name), else its end."""
    if candidate.kind != "title+name" or candidate.name_start is None:
        return end
    for t in range(start, end):
        if scan.doc[t].idx >= candidate.name_start:
            return t
    return end


def organisations_in_title(
    scan: Scan, start: int, end: int
) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """(start, end, actor ids) of each KB organisation named within tokens ``start``..``end``."""
    keys, lex, kb = scan.keys, scan.lexicon, scan.kb
    i = start
    while i < end:
        if not scan.texts[i][:1].isupper() or not lex.name_may_start(keys[i]):
            i += 1
            continue
        match = lex.match_name(scan.doc, keys, i, kinds=("actor",))
        if match is None or match[0] > end:
            i += 1
            continue
        stop, entries = match
        ids = _organisations(kb, entries)
        if ids and (i, stop) != (start, end):
            yield i, stop, ids
        i = stop


def _organisations(kb: KnowledgeBase, entries: list[NameEntry]) -> tuple[str, ...]:
    # The imported second tier names posts as organisations ("US Secretary of State"): only
    # the curated KB's organisations count.
    second_tier = getattr(kb, "second_tier", frozenset())
    ids = tuple(e.ref for e in entries)
    if ids and all(kb.actors[a].type in ORGANISATION_TYPES and a not in second_tier for a in ids):
        return ids
    return ()
