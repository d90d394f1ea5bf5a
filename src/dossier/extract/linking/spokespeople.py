"""Spokespeople named by whom they speak for: "a spokesman for President Vladimir Putin",
"Putin's spokesman", "the Kremlin spokesman", "a spokesperson for the foreign ministry".

The person is the holder, on the document's date, of the KB's spokesperson office of the
principal. The principal is read from the text as any other mention is (a person, an
institution, a place that stands for one), and the office found from it, never from a list of
names: an office named "Spokesperson for <X>", "Press Secretary of <X>" (or with such an alias)
speaks for X, and X is the principal's office on the date ("President of Russia") or the
principal's own name ("United States Department of State", "Ministry of Foreign Affairs of
Russia"). Where the text names the principal by a name the KB gives the office itself ("Kremlin
spokesman", an alias), that alias decides.

The ruler (``spokesperson_phrases``) marks "<spokesperson> for <principal>" and "<principal>'s
spokesperson" as one candidate over the whole phrase, which says who the person is; the
principal keeps its own mention inside it. A role phrase "the <principal> spokesman" the title
parse already made becomes such a candidate too, and falls back to the role's own resolution
when no spokesperson office of the principal is found.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from dossier.extract.linking.build import actor_mention, nil_mention, surface_name
from dossier.extract.linking.candidates import Candidate
from dossier.extract.linking.context import LinkingContext
from dossier.extract.linking.lexicon import Scan
from dossier.extract.linking.sides import PhraseCandidate, positions
from dossier.extract.linking.vocabulary import POSSESSIVE_MARKERS
from dossier.kb.loader import KnowledgeBase, normalise_name
from dossier.kb.records import Office
from dossier.model import Mention

#: The nouns of a spokesperson (lookup keys); "press secretary" is found by its second word.
SPOKESPERSON_NOUNS = ("spokesman", "spokeswoman", "spokesperson", "secretary")
#: An office that speaks for someone: "Spokesperson for the United States Department of
#: State", "Press Secretary of the President of Russia".
_SPEAKS_FOR = re.compile(
    r"^(?:spokes(?:man|woman|person)|press secretary)\s+(?:of|for|to)\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
#: "Ministry of Foreign Affairs (Russia)": the KB's way of naming a country's institution,
#: which an office's name writes "Ministry of Foreign Affairs of Russia".
_COUNTRY_IN_BRACKETS = re.compile(r"^(.+?)\s*\((.+)\)$")


def spokesperson_phrases(
    scan: Scan, found: list[tuple[int, int, Candidate]]
) -> list[PhraseCandidate]:
    """Candidates of spokespeople named by their principal (see the module docstring);
    ``found``: the ruler's candidates so far as (start token, end token, candidate)."""
    doc, keys = scan.doc, scan.keys
    phrases: list[PhraseCandidate] = []
    starts = {start: (start, end, c) for start, end, c in found}
    ends = {end: (start, end, c) for start, end, c in found}
    nouns = sorted(i for key in SPOKESPERSON_NOUNS for i in positions(keys, key))
    for at in nouns:
        first, last = at, at + 1
        if keys[at] == "secretary":
            if at == 0 or keys[at - 1] != "press":
                continue
            first = at - 1
        role = ends.get(last)
        if role is not None and role[2].kind == "role" and role[2].role is not None:
            if role[2].role.org_text is not None or role[2].role.org_id is not None:
                # "the Kremlin spokesman": the title parse read the principal already.
                words = role[0] + 1 if keys[role[0]] in {"a", "an", "the"} else role[0]
                surface = doc[words:first].text if words < first else role[2].role.org_text
                candidate = Candidate("spokesperson", "PERSON", role=role[2].role, surface=surface)
                phrases.append(PhraseCandidate(role[0], last, candidate, role[0], last))
            continue
        if any(s <= first < e for s, e, _ in found):
            continue  # inside another phrase: a title of a name ("spokesman Dmitry Peskov")
        start = first - 1 if first > 0 and keys[first - 1] in {"a", "an", "the"} else first
        principal = None
        end = last
        if last + 1 < len(doc) and keys[last] == "for":
            # "a spokesman for President Vladimir Putin", "a spokesperson for the ministry"
            principal = starts.get(last + 1)
            if principal is None and keys[last + 1] == "the":
                principal = starts.get(last + 2)
            end = principal[1] if principal is not None else end
        elif first >= 2 and scan.texts[first - 1] in POSSESSIVE_MARKERS:
            principal = ends.get(first - 1)  # "Putin's spokesman"
        elif ends.get(first) is not None:
            principal = ends.get(first)  # "a State Department spokeswoman"
        if principal is None:
            continue
        if principal[0] < start:
            start = principal[0]
            if start > 0 and keys[start - 1] in {"a", "an", "the"}:
                start -= 1
        p_start, p_end, p_candidate = principal
        candidate = Candidate(
            "spokesperson",
            "PERSON",
            name_start=doc[p_start].idx,
            name_end=doc[p_end - 1].idx + len(doc[p_end - 1]),
            surface=doc[p_start:p_end].text,
        )
        phrases.append(PhraseCandidate(start, end, candidate, start, start))
    return phrases


def resolve_spokesperson(
    context: LinkingContext, span: Span, candidate: Candidate
) -> Mention | None:
    """The holder on the date of the principal's spokesperson office; a NIL person with the
    office as role when the KB knows no holder; when no office is found, a role phrase's own
    resolution, else nothing (the principal keeps its own mention)."""
    office = _office_of_principal(context, candidate)
    if office is None:
        if candidate.role is not None:
            from dossier.extract.linking.roles import resolve_role

            return resolve_role(context, span, Candidate("role", "PERSON", role=candidate.role))
        return None
    holder = context.kb.holder(office.id, context.date) if context.date else None
    if holder is None:
        return nil_mention(context, span, "PERSON", surface_name(span), office.country, office.name)
    return actor_mention(context, span, "PERSON", holder, office.name, office.country, "role")


def _office_of_principal(context: LinkingContext, candidate: Candidate) -> Office | None:
    kb = context.kb
    speaks_for = _offices_speaking_for(kb)
    for name in _principal_names(context, candidate):
        office = speaks_for.get(normalise_name(name))
        if office is not None:
            return office
    if candidate.surface:
        # The KB's own alias of the office: "Kremlin spokesman", "State Department spokeswoman".
        noun = "spokesman" if candidate.role is None else candidate.role.title
        for title in dict.fromkeys((noun, "spokesman", "spokeswoman", "spokesperson")):
            office = kb.office(f"{candidate.surface} {title}")
            if office is not None and _speaks(office):
                return office
    return None


def _principal_names(context: LinkingContext, candidate: Candidate) -> list[str]:
    """The names the principal goes by on the date: its offices' names (a person), its own
    name and aliases (an institution, a place's stands-for)."""
    kb = context.kb
    actor_ids: list[str] = []
    if candidate.role is not None and candidate.role.org_id is not None:
        actor_ids.append(candidate.role.org_id)
    principal = _principal_mention(context, candidate)
    names: list[str] = []
    if principal is not None:
        if principal.role:
            names.append(principal.role)
        if principal.actor_id:
            actor_ids.append(principal.actor_id)
    for actor_id in actor_ids:
        actor = kb.actors.get(actor_id)
        if actor is None:
            continue
        if actor.type == "person" and context.date:
            names.extend(o.name for o in kb.offices_held(actor.id, context.date))
        for name in (actor.name, *actor.aliases):
            names.append(name)
            bracketed = _COUNTRY_IN_BRACKETS.match(name)
            if bracketed:
                names.append(f"{bracketed.group(1)} of {bracketed.group(2)}")
    return names


def _principal_mention(context: LinkingContext, candidate: Candidate) -> Mention | None:
    """The principal's candidate resolved as the linker resolves it."""
    if candidate.name_start is None:
        return None
    from dossier.extract.linking.linker import resolve  # the linker imports this module

    for span, other in context.candidates:
        if span.start_char == candidate.name_start and span.end_char == candidate.name_end:
            return resolve(context, span, other)
    return None


def _speaks(office: Office) -> bool:
    return any(_SPEAKS_FOR.match(n) for n in (office.name, *office.aliases)) or bool(
        re.search(r"spokes|press secretary", office.title, re.IGNORECASE)
    )


@cache
def _offices_speaking_for(kb: KnowledgeBase) -> dict[str, Office]:
    """Normalised principal name -> the office that speaks for it, from the offices' names
    and aliases (computed once per knowledge base)."""
    found: dict[str, Office] = {}
    for office in kb.offices.values():
        for name in (office.name, *office.aliases):
            match = _SPEAKS_FOR.match(name)
            if match:
                found.setdefault(normalise_name(match.group(1)), office)
    return found
