"""Scores dossier's named-entity recognition on CoNLL-2003 (``eng.testa``, the dev split).

Metric: exact span, exact type, micro precision/recall/F1 over entities, as the shared task's
``conlleval`` counts them; also per type (PER, ORG, LOC, MISC).

spaCy's English pipelines label with OntoNotes types. Predictions are mapped to CoNLL's four
types before scoring, and the other OntoNotes types (dates, numbers, money, ...) are dropped:

=================================================================  =====
OntoNotes                                                          CoNLL
=================================================================  =====
PERSON                                                             PER
ORG                                                                ORG
GPE, LOC, FAC                                                      LOC
NORP, EVENT, WORK_OF_ART, LAW, PRODUCT, LANGUAGE                   MISC
DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL            (dropped)
=================================================================  =====

Both systems run on the gold tokens (``Doc(vocab, words=..., spaces=...)``), so token
boundaries match the gold exactly and only the entities differ:

* **baseline**: plain spaCy (``BASELINE_CONFIG``, no dossier component), sentence by sentence,
  the way the figure in OFFLINE-NLP.md was taken;
* **dossier**: the production pipeline up to its NER repairs (``NER_CONFIG``: the components
  after them do not change entities) on each ``-DOCSTART-`` document as a whole, with the gold
  sentence boundaries preset. A whole article is what dossier sees in use; it lets the
  components use the rest of the document (the case of an all-caps headline's words, a name's
  other mentions).

Both pipelines come from ``dossier.nlp``, the builder ``dossier annotate`` uses.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dossier.evaluate.conll import LABELS, ConllDocument, read_conll
from dossier.evaluate.metrics import PRF
from dossier.nlp import DEFAULT_CONFIG, PipelineConfig, build_pipeline, load_pipeline

#: What is measured: the production pipeline up to its last NER repair.
NER_CONFIG = DEFAULT_CONFIG.only_up_to("dossier_doc_consistency")
#: What it is measured against: spaCy's own pipeline.
BASELINE_CONFIG = PipelineConfig(components=())

#: OntoNotes label -> CoNLL-2003 type; labels not here are not scored.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}

#: Documents (dossier) and sentences (baseline) per ``nlp.pipe`` batch.
DOCUMENT_BATCH = 8
SENTENCE_BATCH = 256

#: An entity: first token, end token (exclusive), CoNLL type; offsets in its document.
Entity = tuple[int, int, str]


def gold_entities(document: ConllDocument) -> set[Entity]:
    """The gold entities of ``document``, with token offsets from the document's start."""
    entities = set()
    offset = 0
    for sentence in document.sentences:
        entities.update((offset + s.start, offset + s.end, s.label) for s in sentence.spans)
        offset += len(sentence.words)
    return entities


def mapped_entities(doc: Doc, offset: int = 0) -> set[Entity]:
    """The entities of ``doc`` with a CoNLL type, shifted by ``offset`` tokens."""
    return {
        (offset + ent.start, offset + ent.end, LABEL_MAP[ent.label_])
        for ent in doc.ents
        if ent.label_ in LABEL_MAP
    }


def document_doc(nlp: Language, document: ConllDocument) -> Doc:
    """One unprocessed ``Doc`` of a whole document's gold tokens, a sentence per gold sentence."""
    words = document.words
    sent_starts = [i == 0 for sentence in document.sentences for i in range(len(sentence.words))]
    return Doc(nlp.vocab, words=words, spaces=[True] * len(words), sent_starts=sent_starts)


def sentence_docs(nlp: Language, document: ConllDocument) -> list[Doc]:
    """Unprocessed ``Doc`` objects, one per gold sentence of ``document``."""
    return [Doc(nlp.vocab, words=s.words, spaces=[True] * len(s.words)) for s in document.sentences]


def predict_documents(
    nlp: Language,
    documents: Sequence[ConllDocument],
    on_item: Callable[[int], None] | None = None,
) -> list[set[Entity]]:
    """dossier's way: each document through ``nlp`` whole."""
    predictions = []
    docs = (document_doc(nlp, document) for document in documents)
    for index, doc in enumerate(nlp.pipe(docs, batch_size=DOCUMENT_BATCH)):
        predictions.append(mapped_entities(doc))
        if on_item is not None:
            on_item(index)
    return predictions


def predict_sentences(
    nlp: Language,
    documents: Sequence[ConllDocument],
    on_item: Callable[[int], None] | None = None,
) -> list[set[Entity]]:
    """The baseline's way: each sentence through ``nlp`` on its own."""
    docs = (doc for document in documents for doc in sentence_docs(nlp, document))
    processed = nlp.pipe(docs, batch_size=SENTENCE_BATCH)
    predictions = []
    for index, document in enumerate(documents):
        entities: set[Entity] = set()
        offset = 0
        for sentence in document.sentences:
            entities |= mapped_entities(next(processed), offset)
            offset += len(sentence.words)
        predictions.append(entities)
        if on_item is not None:
            on_item(index)
    return predictions


def score_entities(gold: Iterable[set[Entity]], predicted: Iterable[set[Entity]]) -> dict[str, Any]:
    """Exact-span micro P/R/F1 over documents, overall and ``per_type``; ``n`` is gold entities.

    An entity counts as found only when its first token, last token and type all match.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for gold_set, predicted_set in zip(gold, predicted, strict=True):
        for _, _, label in gold_set & predicted_set:
            counts["tp", label] += 1
        for _, _, label in predicted_set - gold_set:
            counts["fp", label] += 1
        for _, _, label in gold_set - predicted_set:
            counts["fn", label] += 1
    per_type = {
        label: PRF.from_counts(
            counts["tp", label], counts["fp", label], counts["fn", label]
        ).to_dict()
        for label in LABELS
    }
    overall = PRF.from_counts(
        *(sum(counts[kind, label] for label in LABELS) for kind in ("tp", "fp", "fn"))
    )
    return {**overall.to_dict(), "per_type": per_type}


def ner_config(
    components: Sequence[str] | None = None, without: Sequence[str] = ()
) -> PipelineConfig:
    """The pipeline to measure: ``NER_CONFIG``, or just ``components``, less ``without``.

    Raises ValueError naming any component of ``without`` that the pipeline does not have.
    """
    config = NER_CONFIG if components is None else PipelineConfig(components=tuple(components))
    unknown = sorted(set(without) - set(config.components))
    if unknown:
        raise ValueError(
            f"no dossier component {', '.join(unknown)}; choose from {', '.join(config.components)}"
        )
    return config.without(*without) if without else config


def evaluate_ner(
    gold_file: Path | str,
    on_item: Callable[[str], None] | None = None,
    components: Sequence[str] | None = None,
    *,
    without: Sequence[str] = (),
) -> dict[str, Any]:
    """dossier's NER against a CoNLL-2003 file, with the plain spaCy pipeline as the baseline.

    gold_file (Path | str): a CoNLL-2003 file (IOB1 or IOB2).
    on_item (Callable | None): called after each document of each system with "baseline <i>" or
        "dossier <i>".
    components (Sequence[str] | None): the dossier components to run instead of the NER repairs
        of ``NER_CONFIG`` (names from ``dossier.nlp.COMPONENT_NAMES``).
    without (Sequence[str]): components to leave out, for an ablation (``--without``); a fresh
        pipeline is built. Raises ValueError naming one the pipeline does not have.

    Raises ``E001_BAD_GOLD`` when the file cannot be read.
    """
    config = ner_config(components, without)
    documents = read_conll(gold_file)
    gold = [gold_entities(document) for document in documents]

    def progress(system: str) -> Callable[[int], None] | None:
        if on_item is None:
            return None
        return lambda index: on_item(f"{system} {index}")

    started = time.perf_counter()
    baseline = predict_sentences(load_pipeline(BASELINE_CONFIG), documents, progress("baseline"))
    baseline_seconds = time.perf_counter() - started

    started = time.perf_counter()
    # the shared pipeline for the usual run; an ablation's is built, used once and let go
    nlp = load_pipeline(config) if config == NER_CONFIG else build_pipeline(config)
    ours = predict_documents(nlp, documents, progress("dossier"))
    seconds = time.perf_counter() - started

    return {
        "task": "ner",
        "gold": str(gold_file),
        **score_entities(gold, ours),
        "seconds": round(seconds, 3),
        "baseline": {**score_entities(gold, baseline), "seconds": round(baseline_seconds, 3)},
        "label_map": dict(LABEL_MAP),
        "components": list(config.components),
        "documents": len(documents),
        "tokens": sum(len(document.words) for document in documents),
    }
