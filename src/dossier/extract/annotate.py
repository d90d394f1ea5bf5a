"""The annotation stage: run the NLP pipeline over stored documents and store what it finds:
mentions of actors, time expressions and each sentence's reference time.

Each document is read at its own date (``doc._.dossier_date``), so "the Russian president" in a
2011 wire resolves to the holder of 2011. Every mention is stored with offsets into both the
cleaned and the original text. A document counts as annotated by one version of the stage; the
version includes a fingerprint of the knowledge base, so editing the KB makes the next run redo
every document, and an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.document import prepare_doc
from dossier.model import Document, Mention, Provenance
from dossier.store import Store

STAGE = "entities"
#: Bump when the stage's logic changes in a way that changes its output.
STAGE_LOGIC_VERSION = "2"  # 2: time expressions and sentence reference times
#: Documents handed to spaCy at once: enough to amortise its batching, small enough that an
#: interruption loses little.
BATCH_SIZE = 16


@dataclass
class AnnotateSummary:
    """What one annotation run did."""

    annotated: int = 0
    skipped: int = 0
    mentions: int = 0
    linked: int = 0
    timexes: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def kb_fingerprint() -> str:
    """A short hash of the package's knowledge-base files: their names and contents."""
    digest = hashlib.sha256()
    data = resources.files("dossier.kb").joinpath("data")
    for item in sorted(data.iterdir(), key=lambda f: f.name):
        if item.name.endswith(".csv"):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    return digest.hexdigest()[:8]


def stage_version() -> str:
    """The version a document is marked annotated with: logic version plus KB fingerprint."""
    return f"{STAGE_LOGIC_VERSION}-{kb_fingerprint()}"


def mentions_with_provenance(document: Document, doc: Doc) -> list[Mention]:
    """The linker's mentions of ``doc`` with provenance pointing into ``document``'s texts."""
    sentence_starts = [sentence.start_char for sentence in doc.sents]
    offsets = document.cleaned.offsets
    found: list[Mention] = []
    for mention in doc._.dossier_mentions or []:
        sentence = _sentence_index(sentence_starts, mention.start)
        earlier = mention.provenance
        provenance = Provenance(
            doc_id=document.doc_id,
            start=mention.start,
            end=mention.end,
            original_start=offsets.to_original(mention.start),
            original_end=offsets.to_original(mention.end - 1) + 1 if mention.end else 0,
            sentence=sentence,
            extractor=earlier.extractor if earlier else "dossier_linker",
            extractor_version=earlier.extractor_version if earlier else STAGE_LOGIC_VERSION,
            confidence=earlier.confidence if earlier else 1.0,
        )
        found.append(replace(mention, provenance=provenance))
    return found


def reference_times(doc: Doc) -> list[tuple[int, int, str | None]] | None:
    """(start, end, reference time) of each sentence; None when the pipeline sets none."""
    sentences = doc._.dossier_sentences
    if sentences is None:
        return None
    return [(s.provenance.start, s.provenance.end, s.reference_time) for s in sentences]


def _sentence_index(starts: list[int], offset: int) -> int:
    index = 0
    for number, start in enumerate(starts):
        if start > offset:
            break
        index = number
    return index


def _prepared(nlp: Language, document: Document) -> Doc:
    return prepare_doc(
        nlp, document.clean_text, document.meta.date, document.doc_id, document.cleaned.offsets
    )


def _run_batch(
    nlp: Language, documents: list[Document], summary: AnnotateSummary
) -> list[tuple[Document, Doc]]:
    """Run the pipeline over a batch; if it fails, one document at a time, so one document that
    breaks a component is reported (and left unannotated) while the rest are stored."""
    try:
        docs = nlp.pipe([_prepared(nlp, document) for document in documents])
        return list(zip(documents, docs, strict=True))
    except Exception:  # noqa: BLE001 - find the document that failed, below
        done = []
        for document in documents:
            try:
                done.append((document, nlp(_prepared(nlp, document))))
            except Exception as error:  # noqa: BLE001 - reported, the run goes on
                summary.failures.append(f"{document.doc_id}: {type(error).__name__}: {error}")
        return done


def annotate_store(
    store: Store,
    nlp: Language | None = None,
    on_document: Callable[[str], None] | None = None,
    force: bool = False,
    on_start: Callable[[int], None] | None = None,
) -> AnnotateSummary:
    """Annotate every stored document not yet annotated by this version of the stage.

    store: the open store.
    nlp: the pipeline to use (default: dossier's shared pipeline).
    on_document: called with each document id when done (for progress display).
    force: annotate every document again.
    on_start: called once with the number of documents to annotate.
    """
    if nlp is None:
        from dossier.nlp import load_pipeline

        nlp = load_pipeline()
    started = time.perf_counter()
    summary = AnnotateSummary()
    version = stage_version()
    done = set() if force else store.annotated_ids(STAGE, version)
    all_ids = list(store.list_documents(None, None, None, None, None, None, 0).doc_id)
    todo = [doc_id for doc_id in all_ids if doc_id not in done]
    summary.skipped = len(all_ids) - len(todo)
    if on_start is not None:
        on_start(len(todo))
    try:
        for first in range(0, len(todo), BATCH_SIZE):
            documents = [store.get_document(doc_id) for doc_id in todo[first : first + BATCH_SIZE]]
            for document, doc in _run_batch(nlp, documents, summary):
                found = mentions_with_provenance(document, doc)
                timexes = list(doc._.dossier_timexes or [])
                store.replace_mentions(
                    document.doc_id, found, STAGE, version, timexes, reference_times(doc)
                )
                summary.timexes += len(timexes)
                summary.annotated += 1
                summary.mentions += len(found)
                summary.linked += sum(m.actor_id is not None for m in found)
                if on_document is not None:
                    on_document(document.doc_id)
    except KeyboardInterrupt:
        summary.interrupted = True  # every stored document is whole; a re-run resumes
    summary.seconds = time.perf_counter() - started
    return summary
