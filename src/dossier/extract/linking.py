"""Resolve candidate mentions to actors on the document's date: the ``dossier_linker`` component.

Reads ``doc.spans["dossier_candidates"]`` (from ``dossier_kb_ruler``, ``extract/mentions.py``)
and the document date ``doc._.dossier_date`` (ISO, any precision, or None), and writes
``doc._.dossier_mentions`` (a list of ``dossier.model.Mention``) and
``doc.spans["dossier_mentions"]``. Candidates are resolved in text order, because later ones
lean on earlier ones:

* a **name** or alias is its KB actor; a person gets as role the most senior office the KB
  says they held on the date (head of state, head of government, foreign minister, minister,
  then the rest);
* a **role phrase** is whoever held the office on the date ("Russia's President" in November
  2011 is Dmitry Medvedev, in 2013 Vladimir Putin); "-elect" and "new" ask for the person who
  had won the office but not yet taken it ("Kyrgyzstan's new president" on 2011-11-18);
  "his Kazakh counterpart" holds in Kazakhstan the kind of office the antecedent of "his" holds;
  "the president" without a country is the last person the document named with that title,
  else the holder in the document's main country;
* **title + name** links the name and takes the role from the title (the text's title wins over
  the KB's terms, which only choose between homonyms); a title that is no KB office gives no
  role unless the KB knows the person ("political scientist" no, "correspondent" with an outlet
  gives "correspondent, RFE/RL");
* a **place** that acts or speaks (grammatical subject, possessor of "plans", object of
  "pressure", modifier of "critics", partner "with", ...) is a metonym for its ``stands_for``
  actor; elsewhere ("in Moscow", "return to the Kremlin") it is the place itself;
* a **surname** is the person named in full earlier in the document, else the one KB person
  with that surname in office on the date (or at all);
* everything else keeps its surface name (NIL), with a country from its title's adjective.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dossier.extract.mentions import (
    CANDIDATE_EXTENSION,
    CANDIDATES_KEY,
    INITIAL,
    PAST_MODIFIERS,
    POSSESSIVE_MARKERS,
    Candidate,
    KBComponent,
    RolePhrase,
    is_standalone_name,
    token_key,
)
from dossier.kb.loader import KnowledgeBase, normalise_name
from dossier.kb.records import Actor, Office, Place
from dossier.model import Mention, Provenance

DATE_EXTENSION = "dossier_date"
DOC_ID_EXTENSION = "dossier_doc_id"
MENTIONS_EXTENSION = "dossier_mentions"
MENTIONS_KEY = "dossier_mentions"
EXTRACTOR = "dossier_linker"
EXTRACTOR_VERSION = "1"

#: Office kinds from most to least senior: a bare name's role is the most senior office held.
SENIORITY = ("head_of_state", "head_of_government", "foreign_minister", "minister", "legislator")

#: Titles that name a kind of office where the KB has no office with that title in the country:
#: "the Belarusian leader" is Belarus's head of state.
GENERIC_TITLE_KINDS = {
    "leader": "head_of_state",
    "head of state": "head_of_state",
    "head of government": "head_of_government",
    "premier": "head_of_government",
    "foreign minister": "foreign_minister",
}

#: Modifiers that look for the incoming holder ("Kyrgyzstan's new president").
INCOMING_MODIFIERS = frozenset({"new", "incoming", "newly", "elected"})
#: "Kazakhstan's first president": a holder the KB may show out of office by now.
ORDINAL_MODIFIERS = frozenset({"first"})

#: How far back (in sentences) "his" and "the president" look for their antecedent.
ANTECEDENT_SENTENCES = 3

# --- metonymy ------------------------------------------------------------------------------

#: Nouns whose possessor acts: "Moscow's plans", "Yerevan's relations", "the Kremlin's envoy".
AGENTIVE_NOUNS = frozenset(
    {
        "plan",
        "plans",
        "partner",
        "partners",
        "ally",
        "allies",
        "relations",
        "ties",
        "policy",
        "policies",
        "decision",
        "position",
        "stance",
        "proposal",
        "demand",
        "demands",
        "effort",
        "efforts",
        "offer",
        "pressure",
        "support",
        "opposition",
        "response",
        "reaction",
        "refusal",
        "insistence",
        "bid",
        "push",
        "attempt",
        "strategy",
        "initiative",
        "approach",
        "interests",
        "ambitions",
        "influence",
        "leverage",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "envoys",
        "diplomats",
        "critics",
        "backing",
        "objections",
        "concerns",
        "warning",
        "warnings",
        "threat",
        "threats",
        "move",
        "request",
        "consent",
        "approval",
        "veto",
        "line",
        "leadership",
        "negotiators",
        "representatives",
        "intentions",
        "goals",
        "aims",
        "wishes",
        "view",
        "views",
        "reply",
        "accusations",
        "claims",
        "sanctions",
        "talks",
        "negotiations",
        "dispute",
        "criticism",
        "meddling",
        "interference",
        "attempts",
        "aggression",
        "action",
        "actions",
        "involvement",
        "annexation",
        "invasion",
        "campaign",
        "disinformation",
        "propaganda",
        "decisions",
        "denial",
        "assurances",
        "promise",
        "promises",
        "commitment",
        "agenda",
        "bailout",
        "loan",
        "loans",
        "backers",
        "proxies",
    }
)

#: Nouns a place name modifies when it acts: "Kremlin critics", "Moscow officials".
MODIFIED_NOUNS = frozenset(
    {
        "critic",
        "critics",
        "official",
        "officials",
        "ally",
        "allies",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "envoys",
        "diplomats",
        "loyalists",
        "insiders",
        "aide",
        "aides",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "leadership",
        "line",
        "policy",
        "negotiators",
        "sources",
        "chief",
        "government",
        "authorities",
        "regime",
        "bailout",
        "loan",
        "propaganda",
        "pressure",
        "statement",
    }
)

#: Verbs whose object acts or is acted on as an actor: "pressure Kyiv to agree", "costs the
#: Kremlin nothing", "Moscow has urged Ukraine".
OBJECT_ACTOR_VERBS = frozenset(
    {
        "pressure",
        "pressurize",
        "pressurise",
        "press",
        "urge",
        "persuade",
        "accuse",
        "push",
        "blame",
        "criticise",
        "criticize",
        "warn",
        "ask",
        "tell",
        "let",
        "allow",
        "force",
        "help",
        "support",
        "back",
        "cost",
        "choose",
        "invite",
        "court",
        "convince",
        "reassure",
        "threaten",
        "sanction",
        "punish",
        "lobby",
        "thank",
        "praise",
        "condemn",
        "oppose",
        "defy",
        "join",
        "irritate",
        "anger",
        "snub",
        "beg",
        "implore",
        "petition",
        "provoke",
        "appease",
    }
)

#: Prepositions whose object is a partner or target, hence an actor: "talks with Yerevan",
#: "relies on Moscow", "sanctions against Moscow", "was urged by Moscow".
ACTOR_PREPOSITIONS = frozenset({"with", "on", "against", "by", "upon"})

#: "between" is about actors when it follows one of these nouns ("talks between Moscow and
#: Kyiv"), about places otherwise ("the highway between Bishkek and Almaty").
RELATIONAL_HEADS = frozenset(
    {
        "talks",
        "relations",
        "ties",
        "dispute",
        "deal",
        "agreement",
        "war",
        "conflict",
        "negotiations",
        "rift",
        "standoff",
        "tension",
        "tensions",
        "trade",
        "rapprochement",
        "dialogue",
        "row",
        "feud",
    }
)

#: Subjects of these verbs are where something is, not who acts ("Moscow lies on the Moskva").
LOCATIVE_VERBS = frozenset({"lie", "sit", "stand", "locate", "situate", "border"})

#: Dependencies of a word used as a noun phrase of its own (a people noun such as "Russians").
NOUN_PHRASE_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "ROOT"}
)

#: Confidence of each way of resolving, for ``Provenance.confidence``.
CONFIDENCE = {
    "alias": 0.95,
    "title+name": 0.95,
    "role": 0.85,
    "metonym": 0.8,
    "coref": 0.85,
    "surname": 0.7,
    "nil": 0.6,
}


def register_extensions() -> None:
    """The Doc extensions the linker reads and writes; safe to call more than once."""
    for name in (DATE_EXTENSION, DOC_ID_EXTENSION, MENTIONS_EXTENSION):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


# --- what the linker remembers while reading a document -----------------------------------


@dataclass
class _Entity:
    """A person the document has named so far, for surnames, pronouns and "the president"."""

    actor_id: str | None
    actor: str
    country: str | None
    offices: list[Office]
    surnames: set[str]
    sentence: int
    start: int  # character offset of the latest mention
    first_names: set[str] = field(default_factory=set)
    count: int = 1  # mentions so far: "the president" prefers the most talked-about,
    first_start: int = 0  # then the one named first


@dataclass
class _DocState:
    date: str | None
    main_country: str | None
    sentence_starts: list[int]
    entities: list[_Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def sentence_of(self, char: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, char) - 1, 0)


class MentionLinker(KBComponent):
    """Resolves candidates to ``Mention`` records (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, kb_path: str | None = None) -> None:
        super().__init__(nlp, name, kb_path)
        register_extensions()

    # --- the component ------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        candidates = [
            (span, span._.get(CANDIDATE_EXTENSION))
            for span in doc.spans.get(CANDIDATES_KEY, [])
            if span._.get(CANDIDATE_EXTENSION) is not None
        ]
        candidates.sort(key=lambda pair: (pair[0].start_char, pair[0].end_char))
        state = _DocState(
            date=normalise_date(doc._.get(DATE_EXTENSION)),
            main_country=self._main_country(candidates),
            sentence_starts=[s.start_char for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else [0],
        )
        doc_id = doc._.get(DOC_ID_EXTENSION) or ""
        deferred: list[tuple[Span, Candidate]] = []
        for span, candidate in candidates:
            if candidate.kind == "government" and candidate.of_person_start is not None:
                deferred.append((span, candidate))
                continue
            mention = self._resolve(span, candidate, state)
            if mention is not None:
                self._remember(state, mention, span)
                state.mentions.append(mention)
        for span, candidate in deferred:
            mention = self._resolve(span, candidate, state)
            if mention is not None:
                state.mentions.append(mention)
        mentions = sorted(state.mentions, key=lambda m: (m.start, m.end))
        mentions = [self._with_provenance(m, doc_id, state) for m in mentions]
        doc._.set(MENTIONS_EXTENSION, mentions)
        spans = []
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, label=mention.label)
            if span is not None:
                spans.append(span)
        doc.spans[MENTIONS_KEY] = spans
        return doc

    def _with_provenance(self, mention: Mention, doc_id: str, state: _DocState) -> Mention:
        provenance = Provenance(
            doc_id=doc_id,
            start=mention.start,
            end=mention.end,
            original_start=mention.start,
            original_end=mention.end,
            sentence=state.sentence_of(mention.start),
            extractor=EXTRACTOR,
            extractor_version=EXTRACTOR_VERSION,
            confidence=CONFIDENCE.get(mention.resolution, 0.5),
        )
        return replace(mention, provenance=provenance)

    def _main_country(self, candidates: list[tuple[Span, Candidate]]) -> str | None:
        """The country a document is mostly about: the most often named, in any form."""
        counts: Counter[str] = Counter()
        kb = self.kb
        for _, candidate in candidates:
            if candidate.role is not None and candidate.role.country:
                counts[candidate.role.country] += 1
            for actor_id in candidate.actor_ids:
                actor = kb.actors.get(actor_id)
                if actor is not None and actor.type == "country" and actor.country:
                    counts[actor.country] += 1
            if candidate.place is not None:
                place = kb.place(candidate.place)
                if place is not None and place.country:
                    counts[place.country] += 1
        return counts.most_common(1)[0][0] if counts else None

    # --- dispatch ------------------------------------------------------------------------

    def _resolve(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        if candidate.kind == "title+name":
            return self._title_and_name(span, candidate, state)
        if candidate.kind == "role":
            return self._role(span, candidate, state)
        if candidate.kind == "government":
            return self._government(span, candidate, state)
        if candidate.kind == "name":
            return self._name(span, candidate, state)
        if candidate.kind == "surname":
            return self._surname(span, candidate, state, keep_nil=False)
        return self._ner(span, candidate, state)

    # --- names ---------------------------------------------------------------------------

    def _name(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        kb = self.kb
        if candidate.place is not None and not candidate.actor_ids:
            place = kb.place(candidate.place)
            if place is not None:
                return self._place(span, place)
        if candidate.office_id is not None and not candidate.actor_ids:
            office = kb.offices[candidate.office_id]
            holder = kb.holder(office.id, state.date) if state.date else None
            if holder is None:
                return None
            return self._mention(
                span, "PERSON", holder, office.name, office.country or holder.country, "role"
            )
        actor = self._choose_actor(candidate.actor_ids, candidate.label, state)
        if actor is None:
            return None
        if actor.type == "person":
            role, country = self._person_role(actor, candidate, state)
            return self._mention(span, "PERSON", actor, role, country, "alias")
        return self._mention(span, candidate.label, actor, None, actor.country, "alias")

    def _choose_actor(self, actor_ids: Iterable[str], label: str, state: _DocState) -> Actor | None:
        """One actor among several with the same name: a person in office on the date first,
        then one of the type the label suggests, then the first by id."""
        actors = [self.kb.actors[a] for a in actor_ids if a in self.kb.actors]
        if not actors:
            return None
        if len(actors) == 1:
            return actors[0]
        if state.date:
            in_office = [
                a for a in actors if a.type == "person" and self.kb.offices_held(a.id, state.date)
            ]
            if len(in_office) == 1:
                return in_office[0]
        wanted = {"PERSON": {"person"}, "GPE": {"country"}, "EVENT": {"event"}}.get(label)
        if wanted:
            typed = [a for a in actors if a.type in wanted]
            if typed:
                return typed[0]
        return sorted(actors, key=lambda a: a.id)[0]

    def _person_role(
        self, actor: Actor, candidate: Candidate, state: _DocState
    ) -> tuple[str | None, str | None]:
        """A named person's role: from an appositive role phrase, else the KB's most senior
        office on the date, else the appositive description."""
        if candidate.appositive_role is not None and candidate.appositive_role.title_kind in {
            "office",
            "relational",
        }:
            role, country = self._role_of_person(actor, candidate.appositive_role, state)
            if role is not None:
                return role, country or actor.country
        office = self._senior_office(actor.id, state.date)
        if office is not None:
            return office.name, actor.country or office.country
        return candidate.description, actor.country

    def _place(self, span: Span, place: Place) -> Mention:
        kb = self.kb
        if place.stands_for and _acts(span):
            actor = kb.actors.get(place.stands_for)
            if actor is not None:
                return Mention(
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    label=span.label_,
                    actor_id=actor.id,
                    actor=actor.name,
                    role=None,
                    country=place.country,
                    metonym=True,
                    resolution="metonym",
                )
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            label=span.label_,
            actor_id=None,
            actor=place.name,
            role=None,
            country=place.country,
            metonym=False,
            resolution="alias",
        )

    # --- role phrases --------------------------------------------------------------------

    def _role(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        role = candidate.role
        assert role is not None
        if role.org_id is not None and role.country is None and role.title_kind == "office":
            # "the president of the European Commission": an organisation's office.
            for office in self._org_offices(role):
                holder, name = self._holder(office, role, state.date) if state.date else (None, "")
                if holder is not None:
                    return self._mention(span, "PERSON", holder, name, holder.country, "role")
            return None
        if role.country is None and role.title_kind == "office":
            entity = self._entity_with_title(role.title, state, span.start_char)
            if entity is not None:
                office = next(o for o in entity.offices if role.title in self._titles_of(o))
                return Mention(
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    label="PERSON",
                    actor_id=entity.actor_id,
                    actor=entity.actor,
                    role=office.name,
                    country=entity.country or office.country,
                    resolution="coref",
                )
            country = state.main_country
        else:
            country = role.country
        if country is None or not state.date:
            return None
        offices = self._offices_for(role, country, state, span.start_char)
        for office in offices:
            holder, name = self._holder(office, role, state.date)
            if holder is not None:
                return self._mention(
                    span, "PERSON", holder, name, office.country or country, "role"
                )
        return None

    def _holder(self, office: Office, role: RolePhrase, date: str) -> tuple[Actor | None, str]:
        """Who the phrase means on ``date``, and the role name: the elect for "-elect" and,
        when there is one, for "new"; else the holder."""
        kb = self.kb
        if role.elect or INCOMING_MODIFIERS & set(role.modifiers):
            elect = kb.elect(office.id, date)
            if elect is not None:
                return elect, elect_role_name(office)
            if role.elect:
                return None, office.name
        return kb.holder(office.id, date), office.name

    def _offices_for(
        self, role: RolePhrase, country: str, state: _DocState, before: int
    ) -> list[Office]:
        """The offices a title names in ``country``, most senior first. A relational title
        ("counterpart") names the office of the antecedent's kind."""
        kb = self.kb
        if role.title_kind == "relational":
            kind = self._antecedent_kind(state, before)
            if kind is None:
                return []
            return _by_seniority(
                o for o in kb.offices.values() if o.country == country and o.kind == kind
            )
        offices = [
            kb.offices[o]
            for o in self.lexicon.offices_by_title.get(role.title, [])
            if kb.offices[o].country == country
        ]
        if not offices and role.title in GENERIC_TITLE_KINDS:
            kind = GENERIC_TITLE_KINDS[role.title]
            offices = [o for o in kb.offices.values() if o.country == country and o.kind == kind]
        return _by_seniority(offices)

    def _org_offices(self, role: RolePhrase) -> list[Office]:
        """Offices of the phrase's organisation with the phrase's title."""
        kb = self.kb
        return _by_seniority(
            kb.offices[o]
            for o in self.lexicon.offices_by_title.get(role.title, [])
            if kb.offices[o].org == role.org_id
        )

    def _antecedent_kind(self, state: _DocState, before: int) -> str | None:
        """The office kind of the person "his"/"her" points back to; None when that person
        holds no office the KB knows (a counterpart of what, then?)."""
        entity = self._antecedent(state, before)
        if entity is not None and entity.offices:
            return _by_seniority(entity.offices)[0].kind
        return None

    def _antecedent(self, state: _DocState, before: int) -> _Entity | None:
        sentence = state.sentence_of(before)
        earlier = [
            e
            for e in state.entities
            if e.start < before and sentence - e.sentence <= ANTECEDENT_SENTENCES
        ]
        return max(earlier, key=lambda e: e.start) if earlier else None

    def _entity_with_title(self, title: str, state: _DocState, before: int) -> _Entity | None:
        """The person last named with an office of this title ("the president" after "President
        Viktor Yanukovych")."""
        found = [
            e
            for e in state.entities
            if e.start < before and any(title in self._titles_of(o) for o in e.offices)
        ]
        return max(found, key=lambda e: (e.count, -e.first_start)) if found else None

    def _titles_of(self, office: Office) -> set[str]:
        return self.lexicon.office_titles.get(office.id, set())

    # --- title + name --------------------------------------------------------------------

    def _title_and_name(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        kb = self.kb
        role = candidate.role
        assert role is not None and candidate.name_start is not None
        name_text = _text_between(span, candidate.name_start, candidate.name_end)
        ids = [a for a in candidate.actor_ids if kb.actors[a].type == "person"]
        if not ids:
            ids = [a.id for a in kb.find_actors(name_text) if a.type == "person"]
        actor: Actor | None = None
        resolution = "title+name"
        if ids:
            actor = self._choose_person(ids, role, state)
        else:
            name_span = span.doc.char_span(candidate.name_start, candidate.name_end)
            linked = self._surname_link(name_span, state, role) if name_span is not None else None
            if linked is not None:
                actor_or_entity, _ = linked
                if isinstance(actor_or_entity, _Entity):
                    entity = actor_or_entity
                    actor = kb.actors.get(entity.actor_id) if entity.actor_id else None
                    if actor is None:
                        return self._nil_person(span, entity.actor, role, candidate, state)
                else:
                    actor = actor_or_entity
        if actor is None:
            return self._nil_person(span, name_text, role, candidate, state)
        role_name, country = self._role_of_person(actor, role, state)
        # A title the KB contradicts ("Russia President Trump", a headline run into the body)
        # is the text's slip, not a new office holder: the KB's office on the date wins.
        contradicted = self._title_contradicts_kb(actor, role, state)
        if role_name is None or contradicted:
            office = self._senior_office(actor.id, state.date)
            if office is not None:
                role_name = office.name
            else:
                role_name = None if contradicted else _description(role)
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            label="PERSON",
            actor_id=actor.id,
            actor=actor.name,
            role=role_name,
            country=role.country or country or actor.country,
            resolution=resolution,
        )

    def _title_contradicts_kb(self, actor: Actor, role: RolePhrase, state: _DocState) -> bool:
        """Whether the title names an office whose holders the KB lists, and this person was
        never one of them nor elected to it."""
        if role.title_kind != "office" or role.of_other:
            return False
        offices = self._title_offices(role, role.country or actor.country, actor, state)
        if not offices:
            return False
        office = offices[0]
        terms = self.kb.terms_in(office.id)
        return bool(terms) and all(t.holder != actor.id for t in terms)

    def _choose_person(self, ids: list[str], role: RolePhrase, state: _DocState) -> Actor:
        """Among homonyms, the one holding (or elected to) the titled office, then the one
        from the title's country, then the first."""
        kb = self.kb
        actors = [kb.actors[i] for i in ids]
        if len(actors) == 1 or not state.date:
            return actors[0]
        for actor in actors:
            country = role.country or actor.country
            for office in self._title_offices(role, country, actor, state):
                if kb.holder(office.id, state.date) == actor or (
                    kb.elect(office.id, state.date) == actor
                ):
                    return actor
        for actor in actors:
            if role.country and actor.country == role.country:
                return actor
        return actors[0]

    def _title_offices(
        self, role: RolePhrase, country: str | None, actor: Actor | None, state: _DocState
    ) -> list[Office]:
        """The KB offices a title (with the phrase's or the person's country) may name, those
        the person holds on the date first."""
        kb = self.kb
        if role.title_kind == "relational":
            if country is None:
                return []
            return self._offices_for(role, country, state, 10**9)
        if role.title_kind != "office":
            return []
        titled = [kb.offices[o] for o in self.lexicon.offices_by_title.get(role.title, [])]
        if role.org_id is not None and role.country is None:
            in_org = self._org_offices(role)
            if in_org:
                return in_org
        if country is not None:
            in_country = [o for o in titled if o.country == country]
            if not in_country and role.title in GENERIC_TITLE_KINDS:
                kind = GENERIC_TITLE_KINDS[role.title]
                in_country = [
                    o for o in kb.offices.values() if o.country == country and o.kind == kind
                ]
        else:
            in_country = []
        held: list[Office] = []
        if actor is not None and state.date:
            held = [o for o in titled if o in kb.offices_held(actor.id, state.date)]
        if not in_country and not held and actor is not None:
            # No country in the text: offices with that title the person ever held.
            ever = {t.office for t in kb.terms_of(actor.id)}
            held = [o for o in titled if o.id in ever]
        ordered = held + [o for o in _by_seniority(in_country) if o not in held]
        return ordered

    def _role_of_person(
        self, actor: Actor, role: RolePhrase, state: _DocState
    ) -> tuple[str | None, str | None]:
        """The role a title gives a KB person on the date, and the office's country."""
        kb = self.kb
        if role.of_other:
            return None, None
        offices = self._title_offices(role, role.country or actor.country, actor, state)
        if not offices:
            return None, None
        date = state.date
        office = offices[0]
        modifiers = set(role.modifiers)
        holds = bool(date) and kb.holder(office.id, date) == actor
        if role.title_kind == "relational" and not holds:
            return None, None
        if role.elect:
            return elect_role_name(office), office.country
        if modifiers & PAST_MODIFIERS:
            current = self._senior_office(actor.id, date)
            if current is not None and current.id != office.id:
                return current.name, current.country
            return f"former {office.name}", office.country
        incoming = modifiers & INCOMING_MODIFIERS and date and not holds
        if incoming and kb.elect(office.id, date) == actor:
            return elect_role_name(office), office.country
        # "Kazakhstan's first president" out of office by the date: a former holder.
        past_holder = any(t.office == office.id for t in kb.terms_of(actor.id))
        if modifiers & ORDINAL_MODIFIERS and date and not holds and past_holder:
            current = self._senior_office(actor.id, date)
            if current is not None:
                return current.name, current.country
            return f"former {office.name}", office.country
        return office.name, office.country

    def _nil_person(
        self,
        span: Span,
        name: str,
        role: RolePhrase,
        candidate: Candidate,
        state: _DocState,
    ) -> Mention:
        """A person the KB lacks: the surface name, the title's country, a KB office named by
        title and country (the text's title wins), or the description with its outlet."""
        role_name: str | None = None
        country = role.country
        if role.title_kind == "office" and role.country is not None:
            offices = self._title_offices(role, role.country, None, state)
            if offices:
                office = offices[0]
                if role.elect:
                    role_name = elect_role_name(office)
                elif PAST_MODIFIERS & set(role.modifiers):
                    role_name = f"former {office.name}"
                else:
                    role_name = office.name
        if role_name is None:
            role_name = _description(role)
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            label="PERSON",
            actor_id=None,
            actor=name,
            role=role_name,
            country=country,
            resolution="nil",
        )

    # --- governments ---------------------------------------------------------------------

    def _government(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        kb = self.kb
        country = candidate.role.country if candidate.role is not None else None
        if country is None and candidate.of_person_start is not None:
            person = next(
                (
                    m
                    for m in state.mentions
                    if m.start == candidate.of_person_start
                    or (m.start <= candidate.of_person_start < m.end)
                ),
                None,
            )
            if person is not None:
                office = kb.office(person.role) if person.role else None
                country = office.country if office is not None else person.country
        if country is None:
            return None
        government = kb.government_actor(country)
        if government is None:
            country_actor = kb.country_actor(country)
            name = f"Government of {country_actor.name if country_actor else country}"
            return Mention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                label="ORG",
                actor_id=None,
                actor=name,
                country=country,
                resolution="nil",
            )
        return self._mention(span, "ORG", government, None, country, "role")

    # --- surnames and NER names ----------------------------------------------------------

    def _surname(
        self, span: Span, candidate: Candidate, state: _DocState, keep_nil: bool
    ) -> Mention | None:
        linked = self._surname_link(span, state, None)
        if linked is None:
            if not keep_nil:
                return None
            return self._mention_nil(span, "PERSON", _surface_name(span), None)
        target, resolution = linked
        if isinstance(target, _Entity):
            office = _by_seniority(target.offices)[0] if target.offices else None
            actor = self.kb.actors.get(target.actor_id) if target.actor_id else None
            role = None
            if actor is not None:
                role, _ = self._person_role(actor, candidate, state)
            elif office is not None:
                role = office.name
            return Mention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                label="PERSON",
                actor_id=target.actor_id,
                actor=target.actor,
                role=role,
                country=target.country,
                resolution=resolution,
            )
        role, country = self._person_role(target, candidate, state)
        return self._mention(span, "PERSON", target, role, country, resolution)

    def _surname_link(
        self, span: Span, state: _DocState, role: RolePhrase | None
    ) -> tuple[_Entity | Actor, str] | None:
        """What a name that is (or ends in) a surname refers to: a person named earlier in the
        document ("coref"), else the one KB person with that surname ("surname"); for a longer
        name ("Vladimir V. Putin"), the one with that surname and first name.

        Several KB persons with the surname: those who ever held an office of the title in
        front of the name ("President Clinton"), then those in office on the date.
        """
        tokens = [t for t in span if t.text not in POSSESSIVE_MARKERS and not INITIAL.match(t.text)]
        if not tokens:
            return None
        key = token_key(tokens[-1].text)
        first = token_key(tokens[0].text)
        surface = normalise_name(" ".join(t.text for t in tokens))
        earlier = [
            e
            for e in state.entities
            if e.start < span.start_char
            and (
                key in e.surnames
                if len(tokens) == 1
                else surface == normalise_name(e.actor)
                or (key in e.surnames and first in e.first_names)
            )
        ]
        if earlier:
            return max(earlier, key=lambda e: e.start), "coref"
        kb = self.kb
        ids = sorted(self.lexicon.surnames.get(key, ()))
        if len(tokens) > 1:
            ids = [i for i in ids if first in _first_names(kb.actors[i])]
        elif role is None and not is_standalone_name(tokens[0]):
            return None  # "Harris" in "the Harris Poll", "Trump" in "Ivana Trump"
        if len(ids) > 1 and role is not None and role.title_kind == "office":
            titled = [
                i
                for i in ids
                if any(role.title in self._titles_of(kb.offices[t.office]) for t in kb.terms_of(i))
            ]
            ids = titled or ids
        if len(ids) > 1 and state.date:
            in_office = [i for i in ids if kb.offices_held(i, state.date)]
            ids = in_office or ids
        if len(ids) != 1:
            return None
        return kb.actors[ids[0]], "surname"

    def _ner(self, span: Span, candidate: Candidate, state: _DocState) -> Mention | None:
        kb = self.kb
        label = candidate.label
        text = _surface_name(span)
        if not text:
            return None
        people = _people_noun(span, kb)
        if people is not None:
            return self._mention_nil(span, "NORP", text, people)
        if label == "NORP":
            return None
        found = kb.find_actors(text)
        if label == "PERSON":
            persons = [a.id for a in found if a.type == "person"]
            if persons:
                return self._name(
                    span, Candidate("name", "PERSON", actor_ids=tuple(persons)), state
                )
            linked = self._surname(span, candidate, state, keep_nil=False)
            if linked is not None:
                return linked
            mention = self._mention_nil(span, label, text, None)
            if candidate.description:
                mention = replace(mention, role=candidate.description)
            return mention
        if found:
            return self._name(
                span, Candidate("name", label, actor_ids=tuple(a.id for a in found)), state
            )
        if len(text.split()) == 1 and label in {"ORG", "GPE", "NORP", "FAC"}:
            # The model often calls a surname ORG or GPE ("Sargsyan", "Nazarbayev"); one that
            # repeats a person named earlier is that person.
            linked = self._surname_link(span, state, None)
            if linked is not None and isinstance(linked[0], _Entity):
                return self._surname(span, candidate, state, keep_nil=False)
        place = kb.place(text)
        if place is not None:
            return self._place(span, place)
        inverted = _possessive_inverted(span, kb)
        if inverted is not None:
            name, country = inverted
            actors = kb.find_actors(name)
            if actors:
                return self._name(
                    span, Candidate("name", label, actor_ids=tuple(a.id for a in actors)), state
                )
            return self._mention_nil(span, label, name, country)
        return self._mention_nil(span, label, text, None)

    # --- building mentions and remembering persons -----------------------------------------

    def _mention(
        self,
        span: Span,
        label: str,
        actor: Actor,
        role: str | None,
        country: str | None,
        resolution: str,
    ) -> Mention:
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            label=label,
            actor_id=actor.id,
            actor=actor.name,
            role=role,
            country=country,
            resolution=resolution,
        )

    def _mention_nil(self, span: Span, label: str, name: str, country: str | None) -> Mention:
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            label=label,
            actor_id=None,
            actor=name,
            country=country,
            resolution="nil",
        )

    def _senior_office(self, actor_id: str, date: str | None) -> Office | None:
        if not date:
            return None
        held = _by_seniority(self.kb.offices_held(actor_id, date))
        return held[0] if held else None

    def _remember(self, state: _DocState, mention: Mention, span: Span) -> None:
        if mention.label != "PERSON":
            return
        kb = self.kb
        offices: list[Office] = []
        if mention.role:
            office = kb.office(mention.role)
            if office is not None:
                offices.append(office)
        surnames: set[str] = set()
        actor = kb.actors.get(mention.actor_id) if mention.actor_id else None
        names = [mention.actor]
        if actor is not None:
            names.extend(actor.aliases)
            if state.date:
                offices.extend(o for o in kb.offices_held(actor.id, state.date) if o not in offices)
        first_names: set[str] = set()
        for name in names:
            words = name.split()
            if words:
                surnames.add(token_key(words[-1]))
            if len(words) > 1:
                first_names.add(token_key(words[0]))
        sentence = state.sentence_of(span.start_char)
        for entity in state.entities:
            same = (actor is not None and entity.actor_id == actor.id) or (
                actor is None and entity.actor_id is None and entity.actor == mention.actor
            )
            if same:
                entity.start = span.start_char
                entity.sentence = sentence
                entity.count += 1
                entity.offices.extend(o for o in offices if o not in entity.offices)
                return
        state.entities.append(
            _Entity(
                actor_id=mention.actor_id,
                actor=mention.actor,
                country=mention.country,
                offices=offices,
                surnames=surnames,
                sentence=sentence,
                start=span.start_char,
                first_names=first_names,
                first_start=span.start_char,
            )
        )


# --- helpers ---------------------------------------------------------------------------------


_ISO_DATE = re.compile(r"\A(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")


def normalise_date(value: object) -> str | None:
    """The document date as the KB takes it: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Accepts an ISO string (a time part is dropped: "2011-11-18T09:30:00Z"), a ``date`` or a
    ``datetime``; anything else is no date.
    """
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    match = _ISO_DATE.match(str(value).strip())
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)


def elect_role_name(office: Office) -> str:
    """ "President of Kyrgyzstan" -> "President-elect of Kyrgyzstan": "-elect" after the title."""
    name, title = office.name, office.title
    if title and name.lower().startswith(title.lower()):
        return f"{name[: len(title)]}-elect{name[len(title) :]}"
    if " of " in name:
        head, _, rest = name.partition(" of ")
        return f"{head}-elect of {rest}"
    return f"{name}-elect"


def _first_names(actor: Actor) -> set[str]:
    """The first words of an actor's name and aliases ("vladimir" for Vladimir Putin)."""
    return {token_key(n.split()[0]) for n in (actor.name, *actor.aliases) if len(n.split()) > 1}


def _by_seniority(offices: Iterable[Office]) -> list[Office]:
    def rank(office: Office) -> tuple[int, str]:
        kind = SENIORITY.index(office.kind) if office.kind in SENIORITY else len(SENIORITY)
        return kind, office.id

    return sorted(set(offices), key=rank)


def _description(role: RolePhrase) -> str | None:
    """ "correspondent, RFE/RL" for a descriptive title with an organisation, else None."""
    if role.title_kind == "descriptive" and role.org_text:
        return f"{role.description or role.title}, {role.org_text}"
    return None


def _text_between(span: Span, start: int, end: int) -> str:
    """Characters ``start``..``end`` of the document, which lie inside ``span``. (``doc.text``
    would rebuild the whole text on every call.)"""
    return span.text[start - span.start_char : end - span.start_char]


def _surface_name(span: Span) -> str:
    """The span's text without a leading article or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in POSSESSIVE_MARKERS:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return _text_between(span, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _people_noun(span: Span, kb: KnowledgeBase) -> str | None:
    """The country of a people noun used as a noun ("Russians vote", "many Azerbaijanis"), not
    as an adjective ("Ukrainian cheese")."""
    if len(span) != 1 or span[0].dep_ not in NOUN_PHRASE_DEPS:
        return None
    return kb.country_of_people_noun(span.text)


def _possessive_inverted(span: Span, kb: KnowledgeBase) -> tuple[str, str] | None:
    """ "Armenia's National Assembly" -> ("National Assembly of Armenia", "ARM")."""
    tokens = list(span)
    for index, token in enumerate(tokens):
        if token.text in POSSESSIVE_MARKERS and 0 < index < len(tokens) - 1:
            before, after = tokens[index - 1], tokens[-1]
            owner = _text_between(span, tokens[0].idx, before.idx + len(before))
            owned = _text_between(span, tokens[index + 1].idx, after.idx + len(after))
            actors = [a for a in kb.find_actors(owner) if a.type == "country"]
            if actors and actors[0].country:
                return f"{owned} of {actors[0].name}", actors[0].country
    return None


def _acts(span: Span) -> bool:
    """Whether a place name in ``span`` acts or speaks (a metonym) rather than locates.

    It acts as the subject of a verb, the possessor of an agentive noun ("Moscow's plans"), the
    modifier of "critics" or "officials", the object of "pressure"/"urge"/..., or a partner after
    "with", "on", "against", "by", or "between" after "talks"/"relations".
    """
    if _is_dateline(span):
        return False
    token = _root(span)
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    dep = token.dep_
    head = token.head
    if dep in {"nsubj", "nsubjpass", "csubj"}:
        return _lemma(head) not in LOCATIVE_VERBS
    if dep == "poss":
        return head.lower_ in AGENTIVE_NOUNS
    if _backed_by(span):
        return True
    if dep in {"compound", "nmod", "amod"}:
        return head.lower_ in MODIFIED_NOUNS
    if dep in {"dobj", "dative", "obj", "iobj"}:
        return _lemma(head) in OBJECT_ACTOR_VERBS
    if dep == "pobj":
        preposition = head.lower_
        governor = head.head
        if preposition in ACTOR_PREPOSITIONS:
            return True
        if preposition == "between":
            return governor.lower_ in RELATIONAL_HEADS
        return governor.lower_ in AGENTIVE_NOUNS and preposition in {"from", "of", "to"}
    return False


def _is_dateline(span: Span) -> bool:
    """ "MOSCOW —", "WASHINGTON (Reuters) -" opening a paragraph: where the story was filed,
    never an actor."""
    doc = span.doc
    first = span[0]
    at_line_start = first.i == 0 or "\n" in doc[first.i - 1].text_with_ws
    after = doc[span.end].text if span.end < len(doc) else ""
    capitals = all(t.text.isupper() for t in span if t.is_alpha)
    return at_line_start and capitals and after in {"—", "–", "-", "--", "(", ","}


#: "Moscow-backed", "Kremlin-led": the place does what the participle says.
AGENT_PARTICIPLES = frozenset(
    {"backed", "led", "sponsored", "controlled", "installed", "funded", "supported", "imposed"}
)


def _backed_by(span: Span) -> bool:
    """ "Moscow-backed leader": the place name is the agent of a hyphenated participle."""
    doc = span.doc
    end = span.end
    return (
        end + 1 < len(doc)
        and doc[end].text in {"-", "–"}
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].lower_ in AGENT_PARTICIPLES
    )


def _root(span: Span) -> Token:
    """The syntactic head of a span (the word the rest of the sentence attaches to)."""
    tokens = [t for t in span if t.text not in POSSESSIVE_MARKERS and t.lower_ != "the"]
    if not tokens:
        return span.root
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head is token:
            return token
    return tokens[-1]


def _lemma(token: Token) -> str:
    """The token's lemma; without a lemmatizer in the pipeline, a guess from its inflection."""
    if token.lemma_:
        return token.lemma_.lower()
    word = token.lower_
    for form in _base_forms(word):
        if form in OBJECT_ACTOR_VERBS or form in LOCATIVE_VERBS:
            return form
    return word


def _base_forms(word: str) -> list[str]:
    """Candidate base forms of an inflected English verb: "costs", "pressured", "urging"."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e", word[:-4]]
    if word.endswith("en"):
        forms += [word[:-2], word[:-1]]
    return forms


# --- wiring ----------------------------------------------------------------------------------


@Language.factory("dossier_linker", default_config={"kb_path": None})
def make_linker(nlp: Language, name: str, kb_path: str | None) -> MentionLinker:
    """Resolves ``dossier_candidates`` to actors on ``doc._.dossier_date``.

    kb_path (str | None): a folder of KB CSV files; None for the package's own KB.
    """
    return MentionLinker(nlp, name, kb_path)


def add_linking_components(nlp: Language, kb: KnowledgeBase | None = None) -> Language:
    """Add ``dossier_kb_ruler`` and ``dossier_linker`` to ``nlp`` after its NER components.

    nlp: a pipeline with spaCy's ``ner`` (and dossier's NER repairs, if any: the ruler goes
        after the last of them).
    kb: the knowledge base to use; None for the package's own.
    Returns ``nlp``. Components already present are left as they are, except that ``kb`` is set.
    """
    import dossier.extract.mentions  # noqa: F401  (registers dossier_kb_ruler)

    register_extensions()
    names = nlp.pipe_names
    if "dossier_kb_ruler" not in names:
        after = [n for n in names if n == "ner" or n.startswith("dossier_")]
        options = {"after": after[-1]} if after else {}
        nlp.add_pipe("dossier_kb_ruler", **options)
    if "dossier_linker" not in nlp.pipe_names:
        nlp.add_pipe("dossier_linker", after="dossier_kb_ruler")
    if kb is not None:
        nlp.get_pipe("dossier_kb_ruler").set_kb(kb)
        nlp.get_pipe("dossier_linker").set_kb(kb)
    return nlp
