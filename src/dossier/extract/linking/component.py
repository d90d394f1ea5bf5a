"""What the ruler and the linker share: the KB read as a lexicon and as an index of institutions
by function, built once per KB folder and tokenizer on first use (a pipeline's two components,
and every pipeline of a process with the same KB, use one copy, not one each)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language

from dossier.extract.linking.functions import FunctionIndex
from dossier.extract.linking.lexicon import KBLexicon
from dossier.kb.loader import load_kb


@lru_cache(maxsize=4)
def kb_indexes(kb_dir: str | None, tokenizer: Any) -> tuple[KBLexicon, FunctionIndex]:
    """The lexicon and function index of the KB in ``kb_dir`` (None: the package's own)."""
    lexicon = KBLexicon(load_kb(kb_dir), tokenizer)
    return lexicon, FunctionIndex(lexicon.kb, lexicon.words)


class KBComponent:
    """A pipeline component that reads the KB. The KB is read on first use, so that building a
    pipeline does not need it.

    kb_dir: a folder of KB CSV files; None for the package's own KB.
    """

    def __init__(self, nlp: Language, name: str, kb_dir: str | None) -> None:
        self.name = name
        self.kb_dir = kb_dir
        self._tokenizer = nlp.tokenizer

    @property
    def lexicon(self) -> KBLexicon:
        return kb_indexes(self.kb_dir, self._tokenizer)[0]

    @property
    def functions(self) -> FunctionIndex:
        return kb_indexes(self.kb_dir, self._tokenizer)[1]
