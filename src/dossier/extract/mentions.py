"""Candidate mentions from the knowledge base: the ``dossier_kb_ruler`` component.

The ruler reads the knowledge base (``dossier.kb``) as a lexicon and marks, in
``doc.spans["dossier_candidates"]``, every stretch of text that may name an actor:

* **names**: an actor's name or alias, a place's name or alias, an office's full name. Matching
  is token by token on the KB's lookup key (case, accents and apostrophe style aside), except that
  a KB word written with a capital needs a capital in the text ("customs union" is not the
  "Customs Union") and a short all-caps acronym must be written exactly ("EU", "CIS", not "Eu");
* **role phrases**: a title (an office's title or title alias from the KB, a description such as
  "political scientist", or a relational noun such as "counterpart") with what qualifies it: a
  determiner or possessive pronoun, a country (adjective "Russian", possessive "Russia's", or
  "of Russia"), an organisation ("RFE/RL correspondent", "the EU's"), modifiers ("new",
  "former", "first", "-elect"). "the Kazakh leader", "Kyrgyzstan's new president";
* **title + name**: a role phrase followed by a person's name ("Russian Prime Minister Vladimir
  Putin", "his Kazakh counterpart, Nursultan Nazarbayev"), one candidate for the whole;
* **government phrases**: "Ukraine's government", "the government of Prime Minister X";
* **surnames** of KB persons written alone ("Putin"), and the statistical NER's names
  (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT) where no KB candidate covers them.

Each candidate span carries a ``Candidate`` in ``span._.dossier_candidate`` that says what was
recognised; ``dossier_linker`` (``extract/linking/``) turns candidates into resolved mentions.
``dossier.evaluate.mentions.score_candidates`` measures the ruler alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dossier.kb.loader import KnowledgeBase, default_kb, normalise_name

CANDIDATES_KEY = "dossier_candidates"
CANDIDATE_EXTENSION = "dossier_candidate"

#: NER labels taken as candidates where no KB candidate covers them.
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})

#: Label of a KB actor's mention, by actor type.
LABEL_OF_TYPE = {
    "person": "PERSON",
    "country": "GPE",
    "government": "ORG",
    "agency": "ORG",
    "igo": "ORG",
    "party": "ORG",
    "company": "ORG",
    "media": "ORG",
    "group": "ORG",
    "event": "EVENT",
}

#: Words that open a role phrase. Possessive pronouns point back at an antecedent ("his Kazakh
#: counterpart" is the counterpart of whoever "his" is).
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
POSSESSIVE_MARKERS = frozenset({"'s", "'", "’s", "’"})

#: Modifiers that put an office in the past ("former prime minister", "the previous
#: president"): with a name they give "former <office>", without one no holder.
PAST_MODIFIERS = frozenset(
    {
        "former",
        "ex",
        "late",
        "then",
        "previous",
        "past",
        "erstwhile",
        "onetime",
        "one-time",
        "deposed",
        "ousted",
        "toppled",
    }
)

#: Titles too loose to stand for someone named before without a country: "their leader".
COUNTRY_ONLY_TITLES = frozenset({"leader", "head of state", "head of government", "top diplomat"})

#: Words before a role phrase that make it no particular holder: "any U.S. secretary of state".
NON_SPECIFIC = frozenset({"any", "every", "each", "no", "another", "future", "next", "whichever"})

#: Modifiers of a title that change which holder is meant: "new", "former", "first", ...
MODIFIERS = PAST_MODIFIERS | frozenset(
    {
        "new",
        "newly",
        "elected",
        "first",
        "former",
        "ex",
        "then",
        "outgoing",
        "incoming",
        "acting",
        "interim",
        "late",
        "current",
        "incumbent",
        "sitting",
        "longtime",
        "long-time",
        "veteran",
    }
)

#: Titles that describe a person without naming an office. With a name they give the person a
#: country (from an adjective) and, with an organisation, a description ("correspondent,
#: RFE/RL"); they are never resolved without a name. Longer entries win ("political scientist"
#: before "scientist"), so compound office titles listed here ("deputy prime minister") keep a
#: word like "deputy" from being read as a title of its own.
DESCRIPTIVE_TITLES = frozenset(
    {
        "analyst",
        "political analyst",
        "scientist",
        "political scientist",
        "economist",
        "researcher",
        "research fellow",
        "fellow",
        "senior fellow",
        "expert",
        "scholar",
        "professor",
        "historian",
        "sociologist",
        "commentator",
        "columnist",
        "contributing columnist",
        "correspondent",
        "reporter",
        "journalist",
        "editor",
        "photographer",
        "writer",
        "blogger",
        "activist",
        "lawyer",
        "diplomat",
        "official",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "director",
        "head",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "deputy prime minister",
        "first deputy prime minister",
        "deputy minister",
        "deputy foreign minister",
        "vice president",
        "vice-president",
        "deputy head",
        "deputy chairman",
        "deputy speaker",
        "opposition leader",
        "lawmaker",
        "legislator",
        "parliamentarian",
        "senator",
        "politician",
    }
)

#: Nouns naming the person across the table from an antecedent: "his Kazakh counterpart" holds,
#: in Kazakhstan, the office the antecedent holds at home.
RELATIONAL_TITLES = frozenset({"counterpart", "host", "guest", "opposite number"})

#: Nouns that make a country-qualified phrase name its government ("Ukraine's government").
GOVERNMENT_TITLES = frozenset({"government"})

#: Descriptive titles may follow up to this many lower-case words that belong to the
#: description ("trade economist", "foreign policy chief").
MAX_DESCRIPTION_WORDS = 3

#: Prepositions that introduce an organisation after an appositive description ("a researcher
#: at the Samarkand Centre"), or after a name ("Arpi Hakobyan of the Sevan Policy Forum").
AFFILIATION_PREPOSITIONS = frozenset({"at", "of", "with", "from"})

#: Most words a name after a title may have.
MAX_NAME_TOKENS = 4

#: A middle initial inside a name ("Vladimir V. Putin").
INITIAL = re.compile(r"\A[A-Z]\.\Z")

#: "pro-Kremlin", "anti-Western": a prefix and hyphen that make the next word an adjective.
ATTITUDE_PREFIXES = frozenset({"pro", "anti"})


@dataclass(frozen=True)
class RolePhrase:
    """A title as the text qualifies it ("the Russian president", "Kyrgyzstan's new president").

    title: the title's lookup key ("president", "industry minister", "counterpart").
    title_kind: ``office`` (a KB office title), ``descriptive``, ``relational`` or ``government``.
    description: for descriptive titles, the words as written ("trade economist").
    country: ISO3 from an adjective, a possessive or "of <country>", None if the text gives none.
    org_id, org_text: an organisation qualifying the title ("the EU's", "RFE/RL correspondent"):
        its KB actor id (None if unknown) and its text.
    determiner: "the", "a", "an", "his", "her", "their", "its", "poss" (a possessive name), None.
    modifiers: "new", "former", "first", ... in text order.
    elect: "president-elect".
    country_from_org: the country comes only from the organisation ("Fox News host").
    of_other: the title is "of" something that is no country ("the president of Chechnya"),
        so it names no office the KB can resolve.
    superlative: "the strongest president": a kind of holder, not one.
    """

    title: str
    title_kind: str
    description: str | None = None
    country: str | None = None
    org_id: str | None = None
    org_text: str | None = None
    determiner: str | None = None
    modifiers: tuple[str, ...] = ()
    elect: bool = False
    country_from_org: bool = False
    of_other: bool = False
    superlative: bool = False

    @property
    def definite(self) -> bool:
        return self.determiner in {"the", "poss", "his", "her", "their", "its"}


@dataclass(frozen=True)
class Candidate:
    """What the ruler recognised in one candidate span.

    kind: ``name`` (a KB name or alias), ``title+name``, ``role`` (a role phrase without a name),
        ``government``, ``surname``, ``ner``.
    label: spaCy/KB label.
    actor_ids: KB actors whose name or alias the name part matched.
    place: the KB place name matched (its canonical name), if any.
    office_id: the KB office whose full name or alias matched, if any.
    role: the parsed role phrase (title+name, role, government).
    name_start, name_end: character offsets of the name part (title+name), else the span's.
    of_person_start: for "the government of <person>", where the person's mention starts.
    description: an appositive or byline description ("trade economist, Centre for Open
        Markets"); appositive_role: an appositive role phrase after the name ("Dmitry Peskov,
        the Kremlin's spokesman").
    """

    kind: str
    label: str
    actor_ids: tuple[str, ...] = ()
    place: str | None = None
    office_id: str | None = None
    role: RolePhrase | None = None
    name_start: int | None = None
    name_end: int | None = None
    of_person_start: int | None = None
    description: str | None = None
    appositive_role: RolePhrase | None = None


@dataclass(frozen=True)
class NameEntry:
    """One KB name as tokens: an actor's, a place's, or an office's."""

    kind: str  # actor, place, office
    ref: str  # actor id, place name, office id
    words: tuple[str, ...]  # the KB's own spelling, token by token, for the case check


def token_key(text: str) -> str:
    """The lookup key of one token: the KB's ``normalise_name`` without its "the" rule."""
    return normalise_name(text) if text.lower() != "the" else "the"


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def case_agrees(kb_word: str, text_word: str, strict: bool = True) -> bool:
    """Whether ``text_word`` may stand for the KB's ``kb_word``: acronyms exactly, capitals kept
    (unless not ``strict``: office names are written "the president of the European
    Commission" as often as with capitals)."""
    if _is_acronym(kb_word):
        return text_word == kb_word
    if kb_word[:1].isupper() and strict:
        return text_word[:1].isupper()
    return True


class KBLexicon:
    """The KB's names and titles as token sequences, for matching against a ``Doc``.

    kb: the knowledge base. tokenizer: the pipeline's tokenizer, so names split as text does.
    """

    def __init__(self, kb: KnowledgeBase, tokenizer) -> None:  # noqa: ANN001 (spaCy Tokenizer)
        self.kb = kb
        self._tokenizer = tokenizer
        self.names: dict[tuple[str, ...], list[NameEntry]] = defaultdict(list)
        for actor in kb.actors.values():
            for name in (actor.name, *actor.aliases):
                self._add_name(name, NameEntry("actor", actor.id, ()))
        for place in kb.places:
            for name in (place.name, *place.aliases):
                self._add_name(name, NameEntry("place", place.name, ()))
        for office in kb.offices.values():
            for name in (office.name, *office.aliases):
                self._add_name(name, NameEntry("office", office.id, ()))
        self.max_name = max((len(k) for k in self.names), default=1)
        self._name_starts = {k[0] for k in self.names}
        self.titles: dict[tuple[str, ...], str] = {}
        #: title key ("prime minister") -> offices with that title or title alias, and back.
        self.offices_by_title: dict[str, list[str]] = defaultdict(list)
        self.office_titles: dict[str, set[str]] = defaultdict(set)
        for office in kb.offices.values():
            for title in (office.title, *office.title_aliases):
                key = self._add_title(title, "office")
                if key and office.id not in self.offices_by_title[key]:
                    self.offices_by_title[key].append(office.id)
                    self.office_titles[office.id].add(key)
        for title in DESCRIPTIVE_TITLES:
            self._add_title(title, "descriptive")
        for title in RELATIONAL_TITLES:
            self._add_title(title, "relational")
        for title in GOVERNMENT_TITLES:
            self._add_title(title, "government")
        self.max_title = max((len(k) for k in self.titles), default=1)
        self._title_starts = {k[0] for k in self.titles}
        self.surnames: dict[str, set[str]] = defaultdict(set)
        for actor in kb.actors.values():
            if actor.type != "person":
                continue
            for name in (actor.name, *actor.aliases):
                words = self._words(name)
                if len(words) >= 2 and words[-1][:1].isupper():
                    self.surnames[token_key(words[-1])].add(actor.id)

    # --- building ------------------------------------------------------------------------

    def _words(self, name: str) -> tuple[str, ...]:
        words = tuple(t.text for t in self._tokenizer(name) if not t.is_space)
        if words and words[0].lower() == "the":
            words = words[1:]
        return words

    def _add_name(self, name: str, entry: NameEntry) -> None:
        words = self._words(name)
        if not words:
            return
        key = tuple(token_key(w) for w in words)
        self.names[key].append(NameEntry(entry.kind, entry.ref, words))

    def _add_title(self, title: str, kind: str) -> str:
        key = tuple(token_key(w) for w in self._words(title.lower()))
        # A KB office title wins over a built-in description of the same words.
        if key and (kind == "office" or key not in self.titles):
            self.titles[key] = kind
        return " ".join(key)

    # --- matching ------------------------------------------------------------------------

    def match_name(
        self, doc: Doc, keys: list[str], i: int, kinds: Iterable[str] | None = None
    ) -> tuple[int, list[NameEntry]] | None:
        """The longest KB name starting at token ``i``: (end token, its entries), or None."""
        if keys[i] not in self._name_starts:
            return None
        wanted = set(kinds) if kinds is not None else None
        for n in range(min(self.max_name, len(doc) - i), 0, -1):
            entries = self.names.get(tuple(keys[i : i + n]))
            if not entries:
                continue
            fitting = [
                e
                for e in entries
                if (wanted is None or e.kind in wanted)
                and all(
                    case_agrees(w, doc[i + k].text, strict=e.kind != "office")
                    for k, w in enumerate(e.words)
                )
            ]
            if fitting:
                return i + n, fitting
        return None

    def match_title(self, doc: Doc, keys: list[str], i: int) -> tuple[int, str, str] | None:
        """The longest title starting at token ``i``: (end token, title key, kind), or None."""
        if i >= len(doc) or keys[i] not in self._title_starts:
            return None
        for n in range(min(self.max_title, len(doc) - i), 0, -1):
            key = tuple(keys[i : i + n])
            kind = self.titles.get(key)
            if kind is None:
                continue
            # "host" and "head" are verbs too; a title is a noun ("Prime Minister" is PROPN).
            if doc[i + n - 1].pos_ in {"VERB", "AUX"}:
                continue
            # "4:33 PM ET" is a time: an all-caps title after a number is no title.
            if doc[i].is_upper and i > 0 and (doc[i - 1].like_num or ":" in doc[i - 1].text):
                continue
            return i + n, " ".join(key), kind
        return None

    def country_of_name(self, entries: Iterable[NameEntry]) -> str | None:
        """The ISO3 code when one of ``entries`` is a country actor."""
        for entry in entries:
            if entry.kind == "actor":
                actor = self.kb.actors[entry.ref]
                if actor.type == "country" and actor.country:
                    return actor.country
        return None


# --- the ruler -------------------------------------------------------------------------------


@dataclass
class _Found:
    start: int  # token indices
    end: int
    candidate: Candidate
    priority: int  # higher wins an overlap


@dataclass
class _Scan:
    doc: Doc
    keys: list[str]
    ents_by_start: dict[int, Span] = field(default_factory=dict)


def _register_extensions() -> None:
    if not Span.has_extension(CANDIDATE_EXTENSION):
        Span.set_extension(CANDIDATE_EXTENSION, default=None)


class KBComponent:
    """A pipeline component that reads the knowledge base and its token lexicon.

    kb_path: a folder of KB CSV files; None for the package's own KB. The KB is loaded on first
    use, so that building a pipeline does not need it.
    """

    def __init__(self, nlp: Language, name: str, kb_path: str | None = None) -> None:
        self.name = name
        self._tokenizer = nlp.tokenizer
        self._kb_path = kb_path
        self._kb: KnowledgeBase | None = None
        self._lexicon: KBLexicon | None = None
        _register_extensions()

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase.load(Path(self._kb_path)) if self._kb_path else default_kb()
        return self._kb

    @property
    def lexicon(self) -> KBLexicon:
        if self._lexicon is None:
            self._lexicon = KBLexicon(self.kb, self._tokenizer)
        return self._lexicon

    def set_kb(self, kb: KnowledgeBase) -> None:
        """Use ``kb`` instead of the configured one."""
        self._kb = kb
        self._lexicon = None


class KBRuler(KBComponent):
    """Marks candidate mentions from the knowledge base and the NER (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        scan = _Scan(doc, [token_key(t.text) for t in doc])
        for ent in doc.ents:
            scan.ents_by_start.setdefault(ent.start, ent)
        found = list(self._kb_candidates(scan))
        found = _resolve_overlaps(found)
        found.extend(self._ner_candidates(scan, found))
        found.sort(key=lambda f: (f.start, f.end))
        self._attach_appositives(scan, found)
        spans = []
        for item in found:
            span = Span(doc, item.start, item.end, label=item.candidate.label)
            span._.set(CANDIDATE_EXTENSION, item.candidate)
            spans.append(span)
        doc.spans[CANDIDATES_KEY] = spans
        return doc

    # --- KB-driven candidates --------------------------------------------------------------

    def _kb_candidates(self, scan: _Scan) -> Iterator[_Found]:
        doc, keys, lex = scan.doc, scan.keys, self.lexicon
        # Inside a role phrase that names nobody ("the former president of Russia", "any
        # U.S. secretary of state") an office's full name must not name its holder either.
        no_office_before = 0
        # A role phrase is parsed once, from its first word: "president of Russia" inside "the
        # former president of Russia" is not a phrase of its own.
        no_role_before = 0
        i = 0
        while i < len(doc):
            parsed = self._role_at(scan, i) if i >= no_role_before else None
            if parsed is not None:
                end, role = parsed
                no_role_before = max(no_role_before, end)
                if not role.of_other:
                    # The phrase is what it is; only "the president of the European Commission"
                    # (an office the title parse cannot place) is left to the office names.
                    no_office_before = max(no_office_before, end)
                person = self._name_after(scan, end, role)
                if role.title_kind == "government":
                    found = self._government(scan, i, end, role)
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
                elif _is_role_mention(role):
                    if not (i > 0 and keys[i - 1] in NON_SPECIFIC):
                        yield _Found(i, end, Candidate("role", "PERSON", role=role), 2)
                    i = end
                    continue
            kinds = ("actor", "place") if i < no_office_before else None
            if i > 0 and keys[i - 1] in NON_SPECIFIC:
                kinds = ("actor", "place")
            match = lex.match_name(doc, keys, i, kinds=kinds)
            if match is not None:
                end, entries = match
                yield _Found(i, end, self._name_candidate(entries), 1)
                i = end
                continue
            surname = self._surname_at(scan, i)
            if surname is not None:
                yield surname
            i += 1

    def _name_candidate(self, entries: list[NameEntry]) -> Candidate:
        actors = tuple(e.ref for e in entries if e.kind == "actor")
        places = [e.ref for e in entries if e.kind == "place"]
        offices = [e.ref for e in entries if e.kind == "office"]
        if places and not actors:
            place = self.kb.place(places[0])
            label = "FAC" if place is not None and place.kind == "seat" else "GPE"
            return Candidate("name", label, place=places[0])
        if offices and not actors:
            return Candidate("name", "PERSON", office_id=offices[0])
        types = {self.kb.actors[a].type for a in actors}
        label = LABEL_OF_TYPE.get(sorted(types)[0], "ORG") if len(types) == 1 else "ORG"
        if "person" in types:
            label = "PERSON"
        return Candidate("name", label, actor_ids=actors, place=places[0] if places else None)

    def _surname_at(self, scan: _Scan, i: int) -> _Found | None:
        token = scan.doc[i]
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            return None
        # "May" in "May 2014" is a month, not Theresa May.
        if token.ent_type_ and token.ent_type_ not in NER_LABELS:
            return None
        if not is_standalone_name(token):
            return None
        if token.i > 0 and token.doc[token.i - 1].lower_ == "the":
            return None  # "the Hague" is no William Hague
        ids = self.lexicon.surnames.get(scan.keys[i])
        if not ids:
            return None
        end = i + 1
        return _Found(i, end, Candidate("surname", "PERSON", actor_ids=tuple(sorted(ids))), 1)

    def _role_at(self, scan: _Scan, i: int) -> tuple[int, RolePhrase] | None:
        """A role phrase starting at token ``i``: (end token, parsed phrase), or None."""
        parsed = self._parse_role(scan, i)
        if parsed is not None and "\n" in scan.doc[i : parsed[0]].text:
            return None  # a headline's last words and the next line's title are two things
        return parsed

    def _parse_role(self, scan: _Scan, i: int) -> tuple[int, RolePhrase] | None:
        doc, keys, lex = scan.doc, scan.keys, self.lexicon
        n = len(doc)
        if i > 0 and _hyphen_joined(doc, i - 1, i):
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
            if match is not None and match[0] < n and doc[match[0]].text in POSSESSIVE_MARKERS:
                end, entries = match
                country, org_id = self._owner(entries)
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
                return self._finish_role(
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
            if word in MODIFIERS:
                modifiers.append(word)
                j += 1
                continue
            if word == "ex" and j + 1 < n and doc[j + 1].text == "-":
                modifiers.append("former")
                j += 2
                continue
            if word in ATTITUDE_PREFIXES and j + 2 < n and _hyphen_joined(doc, j + 1, j + 2):
                modifiers.append(doc[j : j + 3].text)
                j += 3
                continue
            adjective = (
                lex.kb.country_of_adjective(doc[j].text) if doc[j].text[:1].isupper() else None
            )
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
                owner_country, owner = self._owner(entries)
                if owner is not None:
                    org_id, org_text = owner, doc[j:end].text
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
            description = self._description_at(scan, j)
            if description is not None:
                end, key, words = description
                return self._finish_role(
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
            if doc[j].pos_ == "ADJ" and doc[j].is_lower and len(modifiers) < 3:
                modifiers.append(word)
                superlative = superlative or doc[j].tag_ == "JJS"
                j += 1
                continue
            return None
        return None

    def _description_at(self, scan: _Scan, j: int) -> tuple[int, str, str] | None:
        """Lower-case words ending in a descriptive title: "trade economist", "foreign policy
        chief". Returns (end token, title key, the words as written)."""
        doc, keys, lex = scan.doc, scan.keys, self.lexicon
        for k in range(j + 1, min(j + 1 + MAX_DESCRIPTION_WORDS, len(doc))):
            if not doc[k - 1].is_alpha or not doc[k - 1].is_lower:
                return None
            title = lex.match_title(doc, keys, k)
            if title is not None and title[2] == "descriptive":
                end = title[0]
                return end, title[1], doc[j:end].text
        return None

    def _finish_role(
        self,
        scan: _Scan,
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
        doc, keys, lex = scan.doc, scan.keys, self.lexicon
        elect = False
        if end + 1 < len(doc) and doc[end].text in {"-", "–"} and keys[end + 1] == "elect":
            elect = True
            end += 2
        of_other = False
        if end + 1 < len(doc) and keys[end] == "of" and kind in {"office", "government"}:
            match = lex.match_name(doc, keys, end + 1, kinds=("actor", "place"))
            of_country = lex.country_of_name(match[1]) if match is not None else None
            of_owner = self._owner(match[1])[1] if match is not None else None
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
            description = doc[title_start:end].text
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

    def _owner(self, entries: list[NameEntry]) -> tuple[str | None, str | None]:
        """(country ISO3, organisation actor id) a possessive or modifying name stands for."""
        kb = self.kb
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

    def _name_after(
        self, scan: _Scan, j: int, role: RolePhrase
    ) -> tuple[int, int, tuple[str, ...]] | None:
        """A person's name right after a role phrase: (start, end, KB actor ids), or None.

        After a comma only strong evidence counts (a KB person, a PERSON entity, a KB surname),
        so that "the president, Russia and ..." does not take "Russia" for a name.
        """
        doc, keys, lex = scan.doc, scan.keys, self.lexicon
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
            end = _drop_possessive(ent)
            if end > k:
                return k, end, ()
        # The model sometimes calls a name ORG or GPE; a date or a number is never a name.
        if ent is not None and (ent.label_ not in NER_LABELS or not _all_proper(ent)):
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
        if comma and not ((ent is not None and ent.start == k) or keys[end - 1] in lex.surnames):
            return None
        # A single capitalised word after a title is a name only if it is not a KB name.
        if end - k == 1 and lex.match_name(doc, keys, k) is not None:
            return None
        return k, end, ()

    def _government(self, scan: _Scan, i: int, end: int, role: RolePhrase) -> _Found | None:
        """ "Ukraine's government", "the Russian government", "the government of <person>"."""
        doc, keys = scan.doc, scan.keys
        if role.country is not None:
            return _Found(i, end, Candidate("government", "ORG", role=role), 2)
        if end + 1 < len(doc) and keys[end] == "of":
            person = self._role_at(scan, end + 1)
            name_start = end + 1
            if person is not None:
                name = self._name_after(scan, person[0], person[1])
            else:
                name = self._name_after(scan, name_start - 1, RolePhrase("", "office"))
            if name is not None or person is not None:
                return _Found(
                    i,
                    end,
                    Candidate("government", "ORG", role=role, of_person_start=doc[name_start].idx),
                    2,
                )
        return None

    # --- NER candidates -------------------------------------------------------------------

    def _ner_candidates(self, scan: _Scan, found: list[_Found]) -> Iterator[_Found]:
        taken: dict[int, _Found] = {}
        for item in found:
            for t in range(item.start, item.end):
                taken[t] = item
        for start, end, label in self._ner_spans(scan):
            covering = {id(taken[t]): taken[t] for t in range(start, end) if t in taken}
            if covering:
                inner = list(covering.values())
                if not self._ner_name_wins(scan, start, end, label, inner):
                    continue
                for f in inner:
                    found.remove(f)
                    for t in range(f.start, f.end):
                        taken.pop(t, None)
            item = _Found(start, end, Candidate("ner", label), 0)
            for t in range(start, end):
                taken[t] = item
            yield item

    def _ner_spans(self, scan: _Scan) -> list[tuple[int, int, str]]:
        """The NER's names as (start, end, label): articles and possessives dropped, names cut
        at a hyphen joined again ("Nagorno-Karabakh", "Vardanyan-Keller"), lower-case spans
        (never names) left out, and a byline's author added when the NER missed it."""
        doc = scan.doc
        spans: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS:
                continue
            start, end = ent.start, _drop_possessive(ent)
            while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_space):
                start += 1
            while end > start and doc[end - 1].is_space:
                end -= 1
            if end <= start or not any(c.isupper() for c in doc[start:end].text):
                continue
            if spans and _hyphen_joined(doc, spans[-1][1], start):
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
                end + 1 < len(doc)
                and _hyphen_joined(doc, end, end + 1)
                and doc[end + 1].is_alpha
                and doc[end + 1].text[:1].isupper()
            ):
                end += 2
            extended.append((start, end, label))
        for start, end in _byline_names(doc):
            # The byline's author replaces whatever the NER made of the name ("Hanna" NORP).
            extended = [s for s in extended if s[1] <= start or s[0] >= end or s[2] == "PERSON"]
            if not any(s[0] < end and start < s[1] for s in extended):
                extended.append((start, end, "PERSON"))
        return sorted(extended)

    def _ner_name_wins(
        self, scan: _Scan, start: int, end: int, label: str, inner: list[_Found]
    ) -> bool:
        """Whether an NER name should replace the KB candidates inside it: an organisation's
        name built on a KB name ("Moscow State University", "Armenia's National Assembly",
        "Customs Union Commission", "Court of the Eurasian Economic Union")."""
        doc, kb = scan.doc, self.kb
        if label == "PERSON" and all(f.candidate.kind == "surname" for f in inner):
            return all(start <= f.start and f.end <= end for f in inner) and end - start > 1
        if label not in {"ORG", "FAC", "PERSON"} or not _all_proper(doc[start:end]):
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

    # --- appositives and bylines -----------------------------------------------------------

    def _attach_appositives(self, scan: _Scan, found: list[_Found]) -> None:
        """Descriptions after a person's name: ", a trade economist at the Centre for Open
        Markets", ", the Kremlin's spokesman", " of the Sevan Policy Forum", and bylines."""
        starts = {f.start: f for f in found}
        for index, item in enumerate(found):
            candidate = item.candidate
            if candidate.label != "PERSON" or candidate.kind not in {"ner", "name", "surname"}:
                continue
            description, role = self._appositive(scan, item.end, starts)
            if description is None and role is None:
                description = self._byline(scan, item)
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
        self, scan: _Scan, end: int, starts: dict[int, _Found]
    ) -> tuple[str | None, RolePhrase | None]:
        doc, keys = scan.doc, scan.keys
        n = len(doc)
        if end < n and keys[end] == "of":
            org = _org_after(doc, keys, end + 1, starts)
            if org is not None:
                return org, None
        if end + 1 >= n or doc[end].text != ",":
            return None, None
        parsed = self._role_at(scan, end + 1)
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

    def _byline(self, scan: _Scan, item: _Found) -> str | None:
        """ "By Oksana Derkach | Caspian Ledger" gives "reporter, Caspian Ledger"; "By X,
        contributing columnist, Caspian Ledger" gives "contributing columnist, Caspian Ledger"."""
        doc = scan.doc
        before = item.start - 1
        if before < 0 or doc[before].text != "By":
            return None
        if before > 0 and "\n" not in doc[before - 1].text and not doc[before].is_sent_start:
            return None
        line_end = item.end
        while line_end < len(doc) and "\n" not in doc[line_end].text:
            line_end += 1
        rest = doc[item.end : line_end].text.strip()
        if rest.startswith("|"):
            outlet = rest[1:].strip()
            return f"reporter, {outlet}" if outlet else None
        if rest.startswith(","):
            parts = [p.strip() for p in rest[1:].split(",") if p.strip()]
            if len(parts) >= 2:
                return f"{parts[0]}, {parts[-1]}"
        return None


def is_standalone_name(token: Token) -> bool:
    """Whether a capitalised word stands alone, not inside a longer name: "Trump" in "Trump
    said", not in "Melania Trump" or "the Harris Poll"."""
    doc = token.doc

    def capitalised(other: Token) -> bool:
        return other.is_alpha and other.text[:1].isupper() and other.pos_ == "PROPN"

    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and INITIAL.match(before.text):
        return False  # "Susan E. Rice"
    # "Melania Trump": a capitalised word before (not a title such as "Mr.") makes a longer name.
    if (
        before is not None
        and capitalised(before)
        and not token.is_sent_start
        and not before.text.endswith(".")
        and before.lower_ not in {"mr", "mrs", "ms", "dr"}
    ):
        return False
    return not (after is not None and capitalised(after))


def _is_role_mention(role: RolePhrase) -> bool:
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


def _hyphen_joined(doc: Doc, left_end: int, right_start: int) -> bool:
    """Whether tokens ``left_end`` .. ``right_start`` are one hyphen written without spaces."""
    if right_start != left_end + 1 or left_end >= len(doc) or left_end < 1:
        return False
    hyphen = doc[left_end]
    return (
        hyphen.text in {"-", "–"} and not doc[left_end - 1].whitespace_ and not hyphen.whitespace_
    )


def _byline_names(doc: Doc) -> Iterator[tuple[int, int]]:
    """Authors in byline lines ("By Hanna Wierzbicka | Caspian Ledger", "By X, columnist, Y"):
    two or more capitalised words after a line-opening "By", up to a bar, a comma or the line's
    end."""
    for token in doc:
        if token.text != "By" or (token.i > 0 and "\n" not in doc[token.i - 1].text_with_ws):
            continue
        start = end = token.i + 1
        while end < len(doc) and end - start < MAX_NAME_TOKENS:
            word = doc[end]
            if word.is_alpha and word.text[:1].isupper():
                end += 1
            elif (
                _hyphen_joined(doc, end, end + 1)
                and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper()
            ):
                end += 2
            else:
                break
            if "\n" in doc[end - 1].whitespace_:
                break
        at_stop = (
            end == len(doc)
            or doc[end].text in {"|", ","}
            or doc[end].is_space
            or "\n" in doc[end - 1].whitespace_
        )
        if end - start >= 2 and at_stop:
            yield start, end


def _drop_possessive(span: Span) -> int:
    end = span.end
    while end > span.start and span.doc[end - 1].text in POSSESSIVE_MARKERS:
        end -= 1
    return end


def _all_proper(span: Span) -> bool:
    """Capitalised words and the small words inside names ("of", "for", "the", "'s")."""
    for token in span:
        if token.text[:1].isupper() or token.lower_ in {"of", "for", "the", "and", "on", "de"}:
            continue
        if token.text in POSSESSIVE_MARKERS or token.text in {"-", "–"}:
            continue
        return False
    return True


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


@Language.factory("dossier_kb_ruler", default_config={"kb_path": None})
def make_kb_ruler(nlp: Language, name: str, kb_path: str | None) -> KBRuler:
    """Candidate mentions from the KB (names, role phrases, title + name) and the NER.

    kb_path (str | None): a folder of KB CSV files; None for the package's own KB.
    """
    return KBRuler(nlp, name, kb_path)
