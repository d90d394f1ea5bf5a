"""What the KB ruler's speed tests share: a document carried up to the ruler, the candidates the
ruler finds in it, and the ruler with every gate opened (the reference the gates must equal)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.document import CANDIDATE
from dossier.extract.linking import ruler
from dossier.extract.linking.candidates import CANDIDATES_KEY
from dossier.extract.linking.lexicon import Scan


def before_ruler(nlp: Language, text: str) -> Doc:
    """``text`` through every component before the KB ruler."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "dossier_kb_ruler":
            break
        doc = component(doc)
    return doc


def candidates(nlp: Language, doc: Doc) -> list[tuple[int, int, str, object]]:
    """The ruler's candidate spans in ``doc``: start, end, label and candidate."""
    nlp.get_pipe("dossier_kb_ruler")(doc)
    return [(s.start, s.end, s.label_, s._.get(CANDIDATE)) for s in doc.spans[CANDIDATES_KEY]]


def open_every_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Offer every token to every rule, and every token to the role parser."""

    def every_rule_everywhere(scan, functions):  # noqa: ANN001, ANN202
        every = [True] * len(scan.keys)
        return every, every, every, every, every

    monkeypatch.setattr(ruler, "_may_start", every_rule_everywhere)
    monkeypatch.setattr(Scan, "role_may_start", lambda self, i: True)
