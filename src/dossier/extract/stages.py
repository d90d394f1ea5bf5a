"""What the fact stages that read a KB folder (quotes, events, stance) share: how spaCy builds
one (``register``), what it is built with (``KbStage``, ``LexiconStage``), and how it leaves its
facts and their links on the doc (``put_facts``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract import document
from dossier.model import Fact, FactLink
from dossier.nlp import kb_folder


class KbStage(document.VersionedComponent):
    """A fact stage reading the KB of the folder ``kb_dir`` (None: the package's own)."""

    def __init__(
        self, nlp: Language, name: str, extractor_version: str, kb_dir: str | None = None
    ) -> None:
        super().__init__(nlp, name, extractor_version)
        self.kb_dir = kb_dir


class LexiconStage(KbStage):
    """A ``KbStage`` with a lexicon of its own, read from the same folder by ``read_lexicon``,
    and the pipeline's lemmas (``Lemmas``)."""

    read_lexicon: ClassVar[Callable[[Path], Any]]

    def __init__(
        self, nlp: Language, name: str, extractor_version: str, kb_dir: str | None = None
    ) -> None:
        # Here, not at the top: the event stage's package imports this module.
        from dossier.extract.events.lexicon import Lemmas

        super().__init__(nlp, name, extractor_version, kb_dir)
        self.lexicon = type(self).read_lexicon(kb_folder(kb_dir))
        self.lemmas = Lemmas(nlp)


def put_facts(doc: Doc, extension: str, facts: Sequence[Any], links: Sequence[FactLink]) -> Doc:
    """Set the doc's ``extension`` to a stage's ``facts``, and add their ``links`` to the links
    the stages before left (``document.LINKS``)."""
    doc._.set(extension, facts)
    doc._.set(document.LINKS, [*(doc._.get(document.LINKS) or []), *links])
    return doc


def fact_link(fact: Fact, to_fact: str, relation: str, extractor: str, version: str) -> FactLink:
    """The link ``relation`` from ``fact`` to the fact ``to_fact`` of the same document (a
    quote's speaker, an event's actor, a stance's evidence), written by ``extractor`` at
    ``version``."""
    return FactLink(fact.doc_id, fact.fact_id, to_fact, relation, extractor, version)


def register(factory: str, stage: type[KbStage]) -> None:
    """Register ``stage`` as the spaCy factory ``factory``: built from the pipeline, its pipe
    name, ``extractor_version`` (the version ``dossier.nlp`` computes for it) and ``kb_dir``."""

    def make(nlp: Language, name: str, extractor_version: str, kb_dir: str | None) -> KbStage:
        return stage(nlp, name, extractor_version, kb_dir)

    config = {"extractor_version": "", "kb_dir": None}
    Language.factory(factory, default_config=config, func=make)
