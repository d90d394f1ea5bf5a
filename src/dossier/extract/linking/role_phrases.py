"""Role phrases: a title with what qualifies it, and the name that may follow it.

A role phrase is a title (an office's title or title alias from the KB, a description such as
"political scientist", or a relational noun such as "counterpart") with a determiner or
possessive pronoun, a country (adjective "Russian", possessive "Russia's", or "of Russia"), an
organisation ("RFE/RL correspondent", "the EU's") and modifiers ("new", "former", "first",
"-elect"): "the Kazakh leader", "Kyrgyzstan's new president". ``role_at`` parses one into a
``RolePhrase``; ``name_after`` finds a person's name right after it ("Russian Prime Minister
Vladimir Putin"); ``is_role_mention`` says whether a phrase without a name names one person.
"""

from __future__ import annotations

from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Token

from dossier.extract.linking.candidates import RolePhrase
from dossier.extract.linking.lexicon import (
    NameEntry,
    Scan,
    all_proper,
    drop_possessive,
)
from dossier.extract.linking.spelling import fold, written_out
from dossier.extract.linking.vocabulary import (
    ATTITUDE_PREFIXES,
    COUNTRY_ONLY_TITLES,
    DETERMINERS,
    INITIAL,
    MAX_DESCRIPTION_WORDS,
    MAX_NAME_TOKENS,
    MODIFIERS,
    NER_LABELS,
    PAST_MODIFIERS,
    POSSESSIVE_MARKERS,
    POSSESSIVE_PRONOUNS,
)
from dossier.kb.loader import KnowledgeBase


def role_at(scan: Scan, i: int) -> tuple[int, RolePhrase] | None:
    """A role phrase starting at token ``i``: (end token, parsed phrase), or None."""
    if not scan.role_may_start(i):
        return None  # the parse would find nothing here
    parsed = _parse_role(scan, i)
    if parsed is not None and "\n" in scan.doc[i : parsed[0]].text:
        return None  # a headline's last words and the next line's title are two things
    return parsed


def _parse_role(scan: Scan, i: int) -> tuple[int, RolePhrase] | None:
    doc, keys, lex = scan.doc, scan.keys, scan.lexicon
    n = len(doc)
    if i > 0 and scan.hyphen_joined(i - 1, i):
        return None  # "pro-Kremlin president": the phrase starts before the hyphen
    j = i
    determiner: str | None = None
    country: str | None = None
    org_id: str | None = None
    org_text: str | None = None
    country_from_org = False
    superlative = False
    modifiers: list[str] = []
    if keys[j] in DETERMINERS or keys[j] in POSSESSIVE_PRONOUNS:
        determiner = keys[j]
        j += 1
    # A possessive name: "Russia's", "the Kremlin's", "the EU's".
    if j < n:
        match = lex.match_name(doc, keys, j, kinds=("actor", "place"))
        if match is not None and match[0] < n and scan.texts[match[0]] in POSSESSIVE_MARKERS:
            end, entries = match
            country, org_id = owner(scan.kb, entries)
            if country is None and org_id is None:
                return None
            if org_id is not None:
                org_text = doc[j:end].text
                country_from_org = country is not None
            determiner = "poss"
            j = end + 1
    steps = 0
    while j < n and steps < 5:
        steps += 1
        title = lex.match_title(doc, keys, j)
        if title is not None:
            end, key, kind = title
            return _finish_role(
                scan,
                j,
                end,
                key,
                kind,
                country,
                org_id,
                org_text,
                determiner,
                modifiers,
                country_from_org=country_from_org,
                superlative=superlative,
            )
        word = keys[j]
        if word in MODIFIERS and _acts(doc[j]):
            return None  # "Trump ousted former ambassador X": the verb is no title's modifier
        if word in MODIFIERS:
            modifiers.append(word)
            j += 1
            if j + 1 < n and scan.hyphen_joined(j, j + 1):
                j += 1  # "then-interim government", "ex-president": the hyphen joins them
            continue
        if word == "ex" and j + 1 < n and scan.texts[j + 1] == "-":
            modifiers.append("former")
            j += 2
            continue
        if word in ATTITUDE_PREFIXES and j + 2 < n and scan.hyphen_joined(j + 1, j + 2):
            modifiers.append(doc[j : j + 3].text)
            j += 3
            continue
        text = scan.texts[j]
        adjective = lex.kb.country_of_adjective(text) if text[:1].isupper() else None
        if adjective is not None and country is None:
            country = adjective
            j += 1
            continue
        # An organisation before a title: "RFE/RL correspondent", "Kremlin spokesman"; or a
        # country's name used as an adjective: "United States President", "Ukraine President".
        match = lex.match_name(doc, keys, j, kinds=("actor", "place"))
        if match is not None and org_id is None and lex.match_title(doc, keys, match[0]):
            end, entries = match
            named_country = lex.country_of_name(entries)
            if named_country is not None and country is None:
                country = named_country
                j = end
                continue
            owner_country, owner_id = owner(scan.kb, entries)
            if owner_id is not None:
                org_id, org_text = owner_id, doc[j:end].text
                if country is None and owner_country is not None:
                    country, country_from_org = owner_country, True
                j = end
                continue
        ent = scan.ents_by_start.get(j)
        if (
            ent is not None
            and org_text is None
            and ent.label_ in {"ORG", "FAC"}
            and lex.match_title(doc, keys, ent.end)
        ):
            org_text = ent.text
            j = ent.end
            continue
        description = _description_at(scan, j)
        if description is not None:
            end, key, words = description
            return _finish_role(
                scan,
                j,
                end,
                key,
                "descriptive",
                country,
                org_id,
                org_text,
                determiner,
                modifiers,
                description=words,
                country_from_org=country_from_org,
                superlative=superlative,
            )
        if scan.shapes[0][j] == ADJ and scan.shapes[1][j] and len(modifiers) < 3:
            modifiers.append(word)
            superlative = superlative or doc[j].tag_ == "JJS"
            j += 1
            continue
        return None
    return None


def _description_at(scan: Scan, j: int) -> tuple[int, str, str] | None:
    """Lower-case words ending in a descriptive title: "trade economist", "foreign policy
    chief". Returns (end token, title key, the words as written)."""
    doc, keys, lex = scan.doc, scan.keys, scan.lexicon
    pos_of, lower_of, alpha_of = scan.shapes
    for k in range(j + 1, min(j + 1 + MAX_DESCRIPTION_WORDS, len(doc))):
        if not alpha_of[k - 1] or not lower_of[k - 1]:
            return None
        if pos_of[k - 1] not in (ADJ, NOUN, PROPN):
            return None  # "met Sen. McCain", "and Gen. Hodges": only modifiers describe
        title = lex.match_title(doc, keys, k)
        if title is not None and title[2] == "descriptive":
            end = title[0]
            return end, title[1], written_out(doc[j:end])
    return None


def _finish_role(
    scan: Scan,
    title_start: int,
    end: int,
    key: str,
    kind: str,
    country: str | None,
    org_id: str | None,
    org_text: str | None,
    determiner: str | None,
    modifiers: list[str],
    description: str | None = None,
    country_from_org: bool = False,
    superlative: bool = False,
) -> tuple[int, RolePhrase]:
    doc, keys, lex = scan.doc, scan.keys, scan.lexicon
    elect = False
    if end + 1 < len(doc) and doc[end].text in {"-", "–"} and keys[end + 1] == "elect":
        elect = True
        end += 2
    of_other = False
    if end + 1 < len(doc) and keys[end] == "of" and kind in {"office", "government"}:
        match = lex.match_name(doc, keys, end + 1, kinds=("actor", "place"))
        of_country = lex.country_of_name(match[1]) if match is not None else None
        of_owner = owner(scan.kb, match[1])[1] if match is not None else None
        if match is not None and of_country is not None and country in {None, of_country}:
            country, country_from_org = of_country, False
            end = match[0]
        elif match is not None and of_owner is not None and org_id is None:
            # "the president of the European Commission": an organisation's office.
            org_id, org_text = of_owner, doc[end + 1 : match[0]].text
            end = match[0]
        else:
            # "the president of Chechnya", "the president of the country's chess
            # federation": an office of something the KB cannot resolve.
            of_other = True
    if kind == "descriptive" and description is None:
        description = written_out(doc[title_start:end])
    return end, RolePhrase(
        title=key,
        title_kind=kind,
        description=description,
        country=country,
        org_id=org_id,
        org_text=org_text,
        determiner=determiner,
        modifiers=tuple(modifiers),
        elect=elect,
        country_from_org=country_from_org,
        of_other=of_other,
        superlative=superlative,
    )


def name_after(scan: Scan, j: int, role: RolePhrase) -> tuple[int, int, tuple[str, ...]] | None:
    """A person's name right after a role phrase: (start, end, KB actor ids), or None.

    After a comma only strong evidence counts (a KB person, a PERSON entity, a KB surname),
    so that "the president, Russia and ..." does not take "Russia" for a name.
    """
    doc, keys, lex = scan.doc, scan.keys, scan.lexicon
    n = len(doc)
    if j >= n or role.title_kind == "government":
        return None
    comma = doc[j].text == ","
    if comma and role.title_kind == "descriptive" and not role.definite:
        # "contributing columnist, Caspian Ledger" is a title and an outlet, not a name.
        return None
    k = j + 1 if comma else j
    if k >= n or not doc[k].text[:1].isupper():
        return None
    match = lex.match_name(doc, keys, k, kinds=("actor",))
    if match is not None:
        persons = tuple(e.ref for e in match[1] if lex.kb.actors[e.ref].type == "person")
        if persons:
            return k, match[0], persons
        return None
    ent = scan.ents_by_start.get(k)
    if ent is not None and ent.label_ == "PERSON":
        end = drop_possessive(ent)
        if end > k:
            return k, end, ()
    # The model sometimes calls a name ORG or GPE; a date or a number is never a name.
    if ent is not None and (ent.label_ not in NER_LABELS or not all_proper(ent)):
        return None
    end = k
    while end < n and end - k < MAX_NAME_TOKENS:
        word = doc[end]
        if end > k and INITIAL.match(word.text):  # "Vladimir V. Putin"
            end += 1
            continue
        if not (
            word.pos_ == "PROPN"
            and word.is_alpha
            and word.text[:1].isupper()
            and not word.is_upper  # "4:33 PM ET": acronyms are no names
            and lex.match_name(doc, keys, end, kinds=("place", "office")) is None
            and lex.match_title(doc, keys, end) is None
        ):
            break
        end += 1
    while end > k and INITIAL.match(doc[end - 1].text):
        end -= 1
    if end == k:
        return None
    if end < n and lex.match_title(doc, keys, end) is not None:
        # "Deputy Economy Minister": the capitalised words belong to a longer title.
        return None
    if comma and not (
        (ent is not None and ent.start == k) or fold(keys[end - 1]) in lex.folded_surnames
    ):
        return None
    # A single capitalised word after a title is a name only if it is not a KB name.
    if end - k == 1 and lex.match_name(doc, keys, k) is not None:
        return None
    return k, end, ()


def owner(kb: KnowledgeBase, entries: list[NameEntry]) -> tuple[str | None, str | None]:
    """(country ISO3, organisation actor id) a possessive or modifying name stands for."""
    for entry in entries:
        if entry.kind == "actor":
            actor = kb.actors[entry.ref]
            if actor.type == "country":
                return actor.country, None
            if actor.type != "person":
                return actor.country, actor.id
        if entry.kind == "place":
            place = kb.place(entry.ref)
            if place is not None and place.stands_for:
                stands_for = kb.actors.get(place.stands_for)
                if stands_for is not None and stands_for.type == "government":
                    return place.country, None
                return place.country, place.stands_for
    return None, None


def is_role_mention(role: RolePhrase) -> bool:
    """Whether a role phrase without a name names one person: "the Kazakh leader", "Russia's
    President", "the president", "his Kazakh counterpart"; not "a president", "former
    presidents", "an analyst"."""
    if role.of_other or role.superlative or PAST_MODIFIERS & set(role.modifiers):
        return False
    if role.title_kind == "relational":
        # "his Kazakh counterpart", not "Fox News host".
        return role.country is not None and not role.country_from_org and role.definite
    if role.title_kind != "office":
        return False
    if role.country is not None or role.org_id is not None:
        return True
    # Without a country only "the president", "the prime minister": someone named before.
    return role.determiner == "the" and role.title not in COUNTRY_ONLY_TITLES


def _acts(token: Token) -> bool:
    """Whether a modifier word is the parse's verb of a clause ("Trump ousted the envoy"),
    not an adjective before a title ("ousted president X")."""
    return token.pos_ == "VERB" and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in token.children
    )
