"""Candidate mentions from the knowledge base: the ``dossier_kb_ruler`` component.

The ruler reads the knowledge base (``dossier.kb``) as a lexicon (``lexicon.py``) and marks, in
``doc.spans["dossier_candidates"]``, every stretch of text that may name an actor:

* **names**: an actor's name or alias, a place's name or alias, an office's full name;
* **role phrases** (``role_phrases.py``): a title with what qualifies it, "the Kazakh leader",
  "Kyrgyzstan's new president";
* **title + name**: a role phrase followed by a person's name ("Russian Prime Minister Vladimir
  Putin", "his Kazakh counterpart, Nursultan Nazarbayev"), one candidate for the whole;
* **government phrases**: "Ukraine's government", "the government of Prime Minister X";
* **surnames** of KB persons written alone ("Putin"), and the statistical NER's names
  (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT) where no KB candidate covers them.

Each candidate span carries a ``Candidate`` in ``span._.dossier_candidate`` that says what was
recognised; ``dossier_linker`` (``linker.py``) turns candidates into resolved mentions.
``dossier.evaluate.mentions.score_candidates`` measures the ruler alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from dossier.extract.document import CANDIDATE, text_of
from dossier.extract.linking.bylines import byline_description, byline_names
from dossier.extract.linking.candidates import CANDIDATES_KEY, Candidate, RolePhrase
from dossier.extract.linking.component import KBComponent
from dossier.extract.linking.coordination import coordinated_candidates
from dossier.extract.linking.functions import (
    FunctionIndex,
    function_at,
    function_may_start,
)
from dossier.extract.linking.lexicon import (
    KBLexicon,
    NameEntry,
    Scan,
    all_proper,
    is_standalone_name,
)
from dossier.extract.linking.nested import inside_a_longer_place, organisations_inside
from dossier.extract.linking.role_phrases import is_role_mention, name_after, role_at
from dossier.extract.linking.sides import PhraseCandidate, side_groups
from dossier.extract.linking.spelling import SPLIT_ABBREVIATION, fold, split_abbreviation_end
from dossier.extract.linking.spokespeople import spokesperson_phrases
from dossier.extract.linking.vocabulary import (
    AFFILIATION_PREPOSITIONS,
    DETERMINERS,
    LABEL_OF_TYPE,
    MAX_NAME_TOKENS,
    NER_LABELS,
    NON_SPECIFIC,
    POSSESSIVE_MARKERS,
)
from dossier.kb.loader import KnowledgeBase


class KBRuler(KBComponent):
    """Marks candidate mentions from the knowledge base and the NER (see the module docstring).

    kb_dir: a folder of KB CSV files; None for the package's own KB. The KB is read on first
    use, so that building a pipeline does not need it.
    """

    def __call__(self, doc: Doc) -> Doc:
        _join_split_abbreviations(doc)
        scan = Scan.of(doc, self.lexicon)
        found = _resolve_overlaps(list(_kb_candidates(scan, self.functions)))
        found.extend(_ner_candidates(scan, found))
        so_far = [(f.start, f.end, f.candidate) for f in found]
        _add_phrases(
            found,
            side_groups(scan)
            + coordinated_candidates(scan, self.functions)
            + spokesperson_phrases(scan, so_far),
        )
        found.sort(key=lambda f: (f.start, f.end))
        _attach_appositives(scan, found)
        inner = organisations_inside(scan, [(f.start, f.end, f.candidate) for f in found])
        found.extend(_Found(start, end, candidate, 1) for start, end, candidate in inner)
        found.sort(key=lambda f: (f.start, f.end))
        spans = []
        for item in found:
            span = Span(doc, item.start, item.end, label=item.candidate.label)
            span._.set(CANDIDATE, item.candidate)
            spans.append(span)
        doc.spans[CANDIDATES_KEY] = spans
        return doc


@Language.factory("dossier_kb_ruler", default_config={"kb_dir": None, "extractor_version": ""})
def make_kb_ruler(nlp: Language, name: str, kb_dir: str | None, extractor_version: str) -> KBRuler:
    """Candidate mentions from the KB (names, role phrases, title + name) and the NER.

    kb_dir (str | None): a folder of KB CSV files; None for the package's own KB.
    extractor_version (str): this component's effective version (see ``dossier.nlp``); the
        ruler stores no facts, so it is not used.
    """
    return KBRuler(nlp, name, kb_dir)


@dataclass
class _Found:
    start: int  # token indices
    end: int
    candidate: Candidate
    priority: int  # higher wins an overlap


def _join_split_abbreviations(doc: Doc) -> None:
    """Join title abbreviations the tokenizer split ("Sec" "." -> "Sec."), so that a title
    written short is one word, as "Gen." and "Sen." already are."""
    joins = []
    for found in SPLIT_ABBREVIATION.finditer(text_of(doc)):
        token = doc.char_span(found.start(), found.end() - 1)
        if token is not None and len(token) == 1:
            end = split_abbreviation_end(doc, token.start)
            if end is not None and (not joins or token.start >= joins[-1][1]):
                joins.append((token.start, end))
    if joins:
        with doc.retokenize() as retokenizer:
            for start, end in joins:
                retokenizer.merge(doc[start:end])


# --- KB-driven candidates --------------------------------------------------------------------


def _kb_candidates(scan: Scan, functions: FunctionIndex) -> Iterator[_Found]:
    doc, keys = scan.doc, scan.keys
    # Inside a role phrase that names nobody ("the former president of Russia", "any
    # U.S. secretary of state") an office's full name must not name its holder either.
    no_office_before = 0
    # A role phrase is parsed once, from its first word: "president of Russia" inside "the
    # former president of Russia" is not a phrase of its own.
    no_role_before = 0
    roles, institutions, names, led, surnames = _may_start(scan, functions)
    i = 0
    while i < len(doc):
        if not (roles[i] or institutions[i] or names[i] or led[i] or surnames[i]):
            i += 1
            continue
        parsed = role_at(scan, i) if roles[i] and i >= no_role_before else None
        if parsed is not None:
            end, role = parsed
            no_role_before = max(no_role_before, end)
            if not role.of_other:
                # The phrase is what it is; only "the president of the European Commission"
                # (an office the title parse cannot place) is left to the office names.
                no_office_before = max(no_office_before, end)
            person = name_after(scan, end, role)
            if role.title_kind == "government":
                found = _government(scan, i, end, role)
                longer = function_at(scan, functions, i)
                if longer is not None and longer[0] > end:
                    found = None  # "Ukrainian government forces" are its armed forces
                if found is not None:
                    yield found
                    i = end
                    continue
            elif person is not None:
                name_start, name_end, actor_ids = person
                yield _Found(
                    i,
                    name_end,
                    Candidate(
                        "title+name",
                        "PERSON",
                        actor_ids=actor_ids,
                        role=role,
                        name_start=doc[name_start].idx,
                        name_end=doc[name_end - 1].idx + len(doc[name_end - 1]),
                    ),
                    3,
                )
                i = name_end
                continue
            elif is_role_mention(role):
                if not (i > 0 and keys[i - 1] in NON_SPECIFIC):
                    yield _Found(i, end, Candidate("role", "PERSON", role=role), 2)
                i = end
                continue
        institution = function_at(scan, functions, i) if institutions[i] else None
        if institution is not None:
            end, key, country = institution
            candidate = Candidate("institution", "ORG", function=" ".join(key), country=country)
            yield _Found(i, end, candidate, 2)
            i = end
            continue
        named = None
        if names[i]:
            named = _owned_by_a_country(scan, i) or _name_at(scan, i, offices=i >= no_office_before)
        if named is None and led[i]:
            named = _led_by(scan, i)
        if named is not None:
            yield named
            i = named.end
            continue
        surname = _surname_at(scan, i) if surnames[i] else None
        if surname is not None:
            yield surname
        i += 1


def _may_start(
    scan: Scan, functions: FunctionIndex
) -> tuple[list[bool], list[bool], list[bool], list[bool], list[bool]]:
    """For each token, whether each rule of ``_kb_candidates`` may find a candidate starting
    there: (a role phrase, an institution's function, a KB name or a country's possessive
    before one, a leader's government, a surname). Each is the rule's own first test, read
    for all tokens at once, so that a token is offered only to the rules that can match it
    (most words pass none; of the rest, most pass one) without a call to every rule."""
    lex, keys, texts = scan.lexicon, scan.keys, scan.texts
    led_by_ahead = _led_by_nouns_ahead(scan)
    count = range(len(keys))
    return (
        scan.role_starts,
        function_may_start(scan, functions),
        # A KB name may start where the word starts a name of some length (``match_name``
        # finds none elsewhere); the lengths are remembered per word.
        [bool(shape[0]) for shape in lex.key_shapes(keys)],
        [led_by_ahead[i + 1] <= i + MAX_NAME_TOKENS + 1 for i in count],
        # A surname: a capitalised proper noun (read from the array) the KB knows as one.
        [
            pos == PROPN and text[:1].isupper() and _is_surname(lex, key)
            for pos, text, key in zip(scan.shapes[0], texts, keys, strict=True)
        ],
    )


def _is_surname(lex: KBLexicon, key: str) -> bool:
    return bool(lex.surnames.get(key) or lex.folded_surnames.get(fold(key)))


def _owned_by_a_country(scan: Scan, i: int) -> _Found | None:
    """ "Russia's Gazprom", "Ukraine's Naftogaz": a country's possessive before an
    organisation's KB name is one mention, of the organisation, not two."""
    doc, keys, lex = scan.doc, scan.keys, scan.lexicon
    if scan.next_where("possessive", POSSESSIVE_MARKERS.__contains__)[i + 1] > i + MAX_NAME_TOKENS:
        return None
    match = lex.match_name(doc, keys, i, kinds=("actor",))
    if match is None or lex.country_of_name(match[1]) is None:
        return None
    owner_end = match[0]
    if owner_end + 1 >= len(doc) or doc[owner_end].text not in POSSESSIVE_MARKERS:
        return None
    owned = lex.match_name(doc, keys, owner_end + 1, kinds=("actor",))
    if owned is None:
        return None
    end, entries = owned
    types = {scan.kb.actors[e.ref].type for e in entries}
    if types & {"person", "country"}:
        return None
    candidate = _name_candidate(scan.kb, entries)
    return _Found(i, end, replace(candidate, country=lex.country_of_name(match[1])), 2)


def _name_at(scan: Scan, i: int, offices: bool) -> _Found | None:
    """A KB name from token ``i``; an office's name only where ``offices`` and not after a
    word such as "any" (which names no one holder)."""
    kinds = None if offices else ("actor", "place")
    if i > 0 and scan.keys[i - 1] in NON_SPECIFIC:
        kinds = ("actor", "place")
    match = scan.lexicon.match_name(scan.doc, scan.keys, i, kinds=kinds)
    if match is None or inside_a_longer_place(scan, match):
        return None
    end, entries = match
    return _Found(i, end, _name_candidate(scan.kb, entries), 1)


def _name_candidate(kb: KnowledgeBase, entries: list[NameEntry]) -> Candidate:
    actors = tuple(e.ref for e in entries if e.kind == "actor")
    places = [e.ref for e in entries if e.kind == "place"]
    offices = [e.ref for e in entries if e.kind == "office"]
    if places and not actors:
        place = kb.place(places[0])
        label = "FAC" if place is not None and place.kind == "seat" else "GPE"
        return Candidate("name", label, place=places[0])
    if offices and not actors:
        return Candidate("name", "PERSON", office_id=offices[0])
    types = {kb.actors[a].type for a in actors}
    label = LABEL_OF_TYPE.get(sorted(types)[0], "ORG") if len(types) == 1 else "ORG"
    if "person" in types:
        label = "PERSON"
    return Candidate("name", label, actor_ids=actors, place=places[0] if places else None)


def _surname_at(scan: Scan, i: int) -> _Found | None:
    if not scan.texts[i][:1].isupper():
        return None  # tested first on the text read once: most words are not capitalised
    if scan.shapes[0][i] != PROPN:
        return None  # read from the array first: no Token is built for most words
    token = scan.doc[i]
    if not token.text[:1].isupper():
        return None
    # "May" in "May 2014" is a month, not Theresa May.
    if token.ent_type_ and token.ent_type_ not in NER_LABELS:
        return None
    if not is_standalone_name(token):
        return None
    if token.i > 0 and token.doc[token.i - 1].lower_ == "the":
        return None  # "the Hague" is no William Hague
    ids = scan.lexicon.surnames.get(scan.keys[i]) or scan.lexicon.folded_surnames.get(
        fold(scan.keys[i])
    )
    if not ids:
        return None
    end = i + 1
    return _Found(i, end, Candidate("surname", "PERSON", actor_ids=tuple(sorted(ids))), 1)


#: Nouns that make a leader's name name the government he leads: "the Obama administration".
LED_BY_NOUNS = frozenset({"administration", "government", "regime", "cabinet"})


def _led_by(scan: Scan, i: int) -> _Found | None:
    """ "the Obama administration", "the Putin regime": the government of the country the
    named person leads, one candidate from the article to the noun."""
    doc, keys, lex = scan.doc, scan.keys, scan.lexicon
    if _led_by_nouns_ahead(scan)[i + 1] > i + MAX_NAME_TOKENS + 1:
        return None
    j = i + 1 if keys[i] == "the" else i
    if j >= len(doc) or not doc[j].text[:1].isupper():
        return None
    match = lex.match_name(doc, keys, j, kinds=("actor",))
    if match is not None:
        end = match[0]
        ids = tuple(e.ref for e in match[1] if scan.kb.actors[e.ref].type == "person")
    else:
        end = j + 1
        ids = tuple(sorted(lex.folded_surnames.get(fold(keys[j]), ())))
    if not ids or end >= len(doc) or keys[end] not in LED_BY_NOUNS:
        return None
    return _Found(i, end + 1, Candidate("government", "ORG", actor_ids=ids), 2)


def _led_by_nouns_ahead(scan: Scan) -> list[int]:
    """For each token, the first ``LED_BY_NOUNS`` word at or after it."""
    return scan.next_where("led by", LED_BY_NOUNS.__contains__)


def _government(scan: Scan, i: int, end: int, role: RolePhrase) -> _Found | None:
    """ "Ukraine's government", "the Russian government", "the government of <person>"."""
    doc, keys = scan.doc, scan.keys
    if role.country is not None:
        return _Found(i, end, Candidate("government", "ORG", role=role), 2)
    if end + 1 < len(doc) and keys[end] == "of":
        person = role_at(scan, end + 1)
        name_start = end + 1
        if person is not None:
            name = name_after(scan, person[0], person[1])
        else:
            name = name_after(scan, name_start - 1, RolePhrase("", "office"))
        if name is not None or person is not None:
            return _Found(
                i,
                end,
                Candidate("government", "ORG", role=role, of_person_start=doc[name_start].idx),
                2,
            )
    return None


# --- NER candidates --------------------------------------------------------------------------


def _ner_candidates(scan: Scan, found: list[_Found]) -> Iterator[_Found]:
    taken: dict[int, _Found] = {}
    for item in found:
        for t in range(item.start, item.end):
            taken[t] = item
    for start, end, label in _ner_spans(scan):
        covering = {id(taken[t]): taken[t] for t in range(start, end) if t in taken}
        if covering:
            inner = list(covering.values())
            if not _ner_name_wins(scan, start, end, label, inner):
                continue
            for f in inner:
                found.remove(f)
                for t in range(f.start, f.end):
                    taken.pop(t, None)
        item = _Found(start, end, Candidate("ner", label), 0)
        for t in range(start, end):
            taken[t] = item
        yield item


def _ner_spans(scan: Scan) -> list[tuple[int, int, str]]:
    """The NER's names as (start, end, label): articles and possessives dropped, names cut
    at a hyphen joined again ("Nagorno-Karabakh", "Vardanyan-Keller"), lower-case spans
    (never names) left out, and a byline's author added when the NER missed it."""
    # Read from the scan's texts, not ``doc[i]`` (which builds a Token each time): a token's
    # ``lower_`` is its text lower-cased, ``is_space`` and ``is_alpha`` its text's.
    doc, texts = scan.doc, scan.texts
    spans: list[tuple[int, int, str]] = []
    for ent in scan.ents:
        if ent.label_ not in NER_LABELS:
            continue
        start, end = ent.start, ent.end
        while end > start and texts[end - 1] in POSSESSIVE_MARKERS:
            end -= 1  # ``drop_possessive``
        while start < end and (texts[start].lower() in DETERMINERS or texts[start].isspace()):
            start += 1
        while end > start and texts[end - 1].isspace():
            end -= 1
        if end <= start or not any(c.isupper() for t in texts[start:end] for c in t):
            continue
        if spans and scan.hyphen_joined(spans[-1][1], start):
            previous = spans.pop()
            start = previous[0]
            label = previous[2] if previous[2] == "PERSON" else ent.label_
        else:
            label = ent.label_
        spans.append((start, end, label))
    extended = []
    for start, end, label in spans:
        # A surname's second half the NER left out: "Vardanyan" "-" "Keller".
        while (
            end + 1 < len(texts)
            and scan.hyphen_joined(end, end + 1)
            and texts[end + 1].isalpha()
            and texts[end + 1][:1].isupper()
        ):
            end += 2
        extended.append((start, end, label))
    for start, end in byline_names(doc, scan.texts):
        # The byline's author replaces whatever the NER made of the name ("Hanna" NORP).
        extended = [s for s in extended if s[1] <= start or s[0] >= end or s[2] == "PERSON"]
        if not any(s[0] < end and start < s[1] for s in extended):
            extended.append((start, end, "PERSON"))
    return sorted(extended)


def _ner_name_wins(scan: Scan, start: int, end: int, label: str, inner: list[_Found]) -> bool:
    """Whether an NER name should replace the KB candidates inside it: an organisation's
    name built on a KB name ("Moscow State University", "Armenia's National Assembly",
    "Customs Union Commission", "Court of the Eurasian Economic Union")."""
    doc, kb = scan.doc, scan.kb
    if label == "PERSON" and all(f.candidate.kind == "surname" for f in inner):
        return all(start <= f.start and f.end <= end for f in inner) and end - start > 1
    if label not in {"ORG", "FAC", "PERSON"} or not all_proper(doc[start:end]):
        return False
    if not all(f.candidate.kind == "name" and start <= f.start and f.end <= end for f in inner):
        return False
    if any(kb.actors[a].type == "person" for f in inner for a in f.candidate.actor_ids):
        return False
    if label == "PERSON" and not all(_is_place_name(kb, f.candidate) for f in inner):
        # "George Washington" is a person; "Gazprom Putin" is not a name.
        return False
    inside = {t for f in inner for t in range(f.start, f.end)}
    extra = [doc[t] for t in range(start, end) if t not in inside]
    # "Russian Gazprom" is still Gazprom: an adjective of a country adds nothing.
    return any(
        t.text[:1].isupper()
        and t.is_alpha
        and kb.country_of_adjective(t.text) is None
        and not kb.find_actors(t.text)
        for t in extra
    )


# --- appositives and bylines -----------------------------------------------------------------


def _attach_appositives(scan: Scan, found: list[_Found]) -> None:
    """Descriptions after a person's name: ", a trade economist at the Centre for Open
    Markets", ", the Kremlin's spokesman", " of the Sevan Policy Forum", and bylines."""
    starts = {f.start: f for f in found}
    for index, item in enumerate(found):
        candidate = item.candidate
        if candidate.label != "PERSON" or candidate.kind not in {"ner", "name", "surname"}:
            continue
        description, role = _appositive(scan, item.end, starts)
        if description is None and role is None:
            description = byline_description(scan.doc, item.start, item.end)
        if description is None and role is None:
            continue
        found[index] = _Found(
            item.start,
            item.end,
            Candidate(
                candidate.kind,
                candidate.label,
                actor_ids=candidate.actor_ids,
                place=candidate.place,
                office_id=candidate.office_id,
                description=description,
                appositive_role=role,
            ),
            item.priority,
        )


def _appositive(
    scan: Scan, end: int, starts: dict[int, _Found]
) -> tuple[str | None, RolePhrase | None]:
    doc, keys = scan.doc, scan.keys
    n = len(doc)
    if end < n and keys[end] == "of":
        org = _org_after(doc, keys, end + 1, starts)
        if org is not None:
            return org, None
    if end + 1 >= n or doc[end].text != ",":
        return None, None
    parsed = role_at(scan, end + 1)
    if parsed is None:
        return None, None
    role_end, role = parsed
    if role_end < n and (role_end in starts or doc[role_end].pos_ == "PROPN"):
        # The title belongs to a name that follows it ("Dmitry Peskov, Russian President
        # Vladimir Putin's spokesman"): it is someone else's, not an appositive of ours.
        return None, None
    if role.title_kind == "descriptive":
        org = None
        if role_end < n and keys[role_end] in AFFILIATION_PREPOSITIONS:
            org = _org_after(doc, keys, role_end + 1, starts)
        if org is None and role.org_text is None:
            return None, role
        return f"{role.description}, {org or role.org_text}", role
    if role.title_kind in {"office", "relational"}:
        return None, role
    return None, None


def _org_after(doc: Doc, keys: list[str], k: int, starts: dict[int, _Found]) -> str | None:
    """The organisation named at token ``k`` (after "at", "of"), without its "the"."""
    if k < len(doc) and keys[k] == "the":
        k += 1
    item = starts.get(k)
    if item is None or item.candidate.label not in {"ORG", "FAC"}:
        return None
    start = max(item.start, k)
    return doc[start : item.end].text


def _is_place_name(kb: KnowledgeBase, candidate: Candidate) -> bool:
    """A place or a country: what a person's name may contain ("George Washington")."""
    if candidate.place is not None:
        return True
    return bool(candidate.actor_ids) and all(
        kb.actors[a].type == "country" for a in candidate.actor_ids
    )


def _add_phrases(found: list[_Found], phrases: list[PhraseCandidate]) -> None:
    """Add the phrase rules' candidates (``sides``, ``coordination``), each dropping the
    candidates inside the tokens it replaces (the "Russia" of "pro-Russia forces")."""
    for phrase in phrases:
        if phrase.drop_end == phrase.drop_start:
            if any(f.start == phrase.start and f.end == phrase.end for f in found):
                continue  # "a pro-Kremlin rally": the place is a candidate already
        else:
            found[:] = [
                f
                for f in found
                if not (
                    f.start < phrase.drop_end
                    and phrase.drop_start < f.end
                    and phrase.start <= f.start
                    and f.end <= phrase.end
                )
            ]
        found.append(_Found(phrase.start, phrase.end, phrase.candidate, 2))


def _resolve_overlaps(found: list[_Found]) -> list[_Found]:
    """Keep non-overlapping candidates: higher priority first, then the longer, then earlier."""
    kept: list[_Found] = []
    taken: set[int] = set()
    for item in sorted(found, key=lambda f: (-f.priority, -(f.end - f.start), f.start)):
        if any(t in taken for t in range(item.start, item.end)):
            continue
        kept.append(item)
        taken.update(range(item.start, item.end))
    return sorted(kept, key=lambda f: f.start)
