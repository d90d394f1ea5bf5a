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

The package, one concern a module (``MentionLinker`` mixes in one class from each):

* ``state`` -- the per-document bookkeeping (``_DocState``, ``_Entity``) and the document date;
* ``names`` -- KB names and aliases, and names only the NER found;
* ``roles`` -- offices and holders on the date, "-elect"/"new" and "former", governments;
* ``people`` -- title + name, and people the KB lacks (NIL);
* ``coreference`` -- surnames, "his"/"the president" antecedents, the persons named so far;
* ``metonymy`` -- whether a place name acts (its government) or locates (the place);
* ``build`` -- building ``Mention`` records, and span-text helpers;
* this module -- the component, its registration and the Doc extensions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.extract.linking.build import MentionBuilderMixin
from dossier.extract.linking.coreference import ANTECEDENT_SENTENCES, CoreferenceMixin
from dossier.extract.linking.metonymy import (
    ACTOR_PREPOSITIONS,
    AGENT_PARTICIPLES,
    AGENTIVE_NOUNS,
    LOCATIVE_VERBS,
    MODIFIED_NOUNS,
    OBJECT_ACTOR_VERBS,
    RELATIONAL_HEADS,
    MetonymyMixin,
)
from dossier.extract.linking.names import NOUN_PHRASE_DEPS, NamesMixin
from dossier.extract.linking.people import PeopleMixin
from dossier.extract.linking.roles import (
    GENERIC_TITLE_KINDS,
    INCOMING_MODIFIERS,
    ORDINAL_MODIFIERS,
    SENIORITY,
    RolesMixin,
    elect_role_name,
)
from dossier.extract.linking.state import _DocState, normalise_date
from dossier.extract.mentions import (
    CANDIDATE_EXTENSION,
    CANDIDATES_KEY,
    Candidate,
    KBComponent,
)
from dossier.kb.loader import KnowledgeBase
from dossier.model import Mention, Provenance

__all__ = [
    "ACTOR_PREPOSITIONS",
    "AGENTIVE_NOUNS",
    "AGENT_PARTICIPLES",
    "ANTECEDENT_SENTENCES",
    "CONFIDENCE",
    "DATE_EXTENSION",
    "DOC_ID_EXTENSION",
    "EXTRACTOR",
    "EXTRACTOR_VERSION",
    "GENERIC_TITLE_KINDS",
    "INCOMING_MODIFIERS",
    "LOCATIVE_VERBS",
    "MENTIONS_EXTENSION",
    "MENTIONS_KEY",
    "MODIFIED_NOUNS",
    "NOUN_PHRASE_DEPS",
    "OBJECT_ACTOR_VERBS",
    "ORDINAL_MODIFIERS",
    "RELATIONAL_HEADS",
    "SENIORITY",
    "MentionLinker",
    "add_linking_components",
    "elect_role_name",
    "make_linker",
    "normalise_date",
    "register_extensions",
]

DATE_EXTENSION = "dossier_date"
DOC_ID_EXTENSION = "dossier_doc_id"
MENTIONS_EXTENSION = "dossier_mentions"
MENTIONS_KEY = "dossier_mentions"
EXTRACTOR = "dossier_linker"
EXTRACTOR_VERSION = "1"

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


class MentionLinker(
    NamesMixin,
    RolesMixin,
    PeopleMixin,
    CoreferenceMixin,
    MetonymyMixin,
    MentionBuilderMixin,
    KBComponent,
):
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
