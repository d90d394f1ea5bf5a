"""Resolve candidate mentions to actors on the document's date: the ``dossier_linker`` component.

Reads ``doc.spans["dossier_candidates"]`` (from ``dossier_kb_ruler``) and the document date
``doc._.dossier_date``; writes ``doc._.dossier_mentions`` (``Mention`` facts, in text order) and
the span group ``doc.spans["dossier_mentions"]``.

Candidates are resolved in text order, because later ones lean on earlier ones (a surname on
the full name, "the president" on the person named with that title): each goes to the resolver
of its kind (``RESOLVERS``) with the document's ``LinkingContext``, and each person it names is
remembered in the context. "The government of <person>" waits until every person is resolved.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.extract.document import CANDIDATE, DATE, MENTIONS, sentence_starts
from dossier.extract.linking.candidates import CANDIDATES_KEY, MENTIONS_KEY, Candidate
from dossier.extract.linking.chaired import resolve_chaired
from dossier.extract.linking.component import KBComponent
from dossier.extract.linking.context import (
    LinkingContext,
    main_country,
    normalise_date,
)
from dossier.extract.linking.coordination import resolve_shared_surname
from dossier.extract.linking.coreference import remember
from dossier.extract.linking.institutions import resolve_institution
from dossier.extract.linking.names import resolve_name, resolve_ner
from dossier.extract.linking.people import resolve_title_and_name
from dossier.extract.linking.roles import resolve_government, resolve_role
from dossier.extract.linking.sides import resolve_side_group
from dossier.extract.linking.spokespeople import resolve_spokesperson
from dossier.extract.linking.surnames import resolve_surname
from dossier.model import Mention

Resolver = Callable[[LinkingContext, Span, Candidate], Mention | None]

#: The resolver of each kind of candidate (``Candidate.kind``); NER names for any other kind.
RESOLVERS: dict[str, Resolver] = {
    "title+name": resolve_title_and_name,
    "role": resolve_role,
    "government": resolve_government,
    "institution": resolve_institution,
    "name": resolve_name,
    "surname": resolve_surname,
    "chaired": resolve_chaired,
    "ner": resolve_ner,
    "side": resolve_side_group,
    "shared_surname": resolve_shared_surname,
    "spokesperson": resolve_spokesperson,
}


def resolve(context: LinkingContext, span: Span, candidate: Candidate) -> Mention | None:
    """The mention a candidate resolves to in ``context``, None when it names no one."""
    return RESOLVERS.get(candidate.kind, resolve_ner)(context, span, candidate)


class MentionLinker(KBComponent):
    """Resolves candidates to ``Mention`` facts (see the module docstring).

    kb_dir: a folder of KB CSV files; None for the package's own KB (read on first use).
    extractor_version: the linker's effective version, put in every mention's provenance.
    """

    def __init__(
        self, nlp: Language, name: str, kb_dir: str | None, extractor_version: str
    ) -> None:
        super().__init__(nlp, name, kb_dir)
        self.extractor_version = extractor_version

    def __call__(self, doc: Doc) -> Doc:
        candidates = []
        for span in doc.spans.get(CANDIDATES_KEY, []):
            candidate = span._.get(CANDIDATE)  # read once: each ``span._`` builds an accessor
            if candidate is not None:
                candidates.append((span, candidate))
        candidates.sort(key=lambda pair: (pair[0].start_char, pair[0].end_char))
        lexicon = self.lexicon
        context = LinkingContext(
            doc=doc,
            kb=lexicon.kb,
            lexicon=lexicon,
            extractor_version=self.extractor_version,
            date=normalise_date(doc._.get(DATE)),
            main_country=main_country(lexicon.kb, candidates),
            sentence_starts=sentence_starts(doc),
            functions=self.functions,
            candidates=candidates,
        )
        deferred: list[tuple[Span, Candidate]] = []
        for span, candidate in candidates:
            if candidate.kind == "government" and candidate.of_person_start is not None:
                deferred.append((span, candidate))
                continue
            mention = resolve(context, span, candidate)
            if mention is not None:
                remember(context, mention, span)
                context.mentions.append(mention)
        for span, candidate in deferred:
            mention = resolve(context, span, candidate)
            if mention is not None:
                context.mentions.append(mention)
        mentions = sorted(context.mentions, key=lambda m: (m.start, m.end))
        doc._.set(MENTIONS, mentions)
        spans = [doc.char_span(m.start, m.end, label=m.label) for m in mentions]
        doc.spans[MENTIONS_KEY] = [span for span in spans if span is not None]
        return doc


@Language.factory("dossier_linker", default_config={"kb_dir": None, "extractor_version": ""})
def make_linker(
    nlp: Language, name: str, kb_dir: str | None, extractor_version: str
) -> MentionLinker:
    """Resolves ``dossier_candidates`` to actors on ``doc._.dossier_date``.

    kb_dir (str | None): a folder of KB CSV files; None for the package's own KB.
    extractor_version (str): this component's effective version (see ``dossier.nlp``), put in
        every mention's provenance.
    """
    return MentionLinker(nlp, name, kb_dir, extractor_version)
