"""The annotate driver: stored documents -> the one pipeline -> facts -> the store.

Top to bottom:

1. ``plan``: for each stored document, which extractors are stale: those whose stored version
   (``annotations``) differs from their effective version now (``nlp.extractor_versions``).
   Editing a KB row changes the linker's version only, so only linking is redone; an undated
   document whose date estimate is stale is redone whole, since every fact is read at its date.
2. ``annotate_documents`` (the per-document function, no store): run the pipeline with just
   the components the stale extractors need, and turn each ``Doc`` into ``DocumentFacts``.
   This is what a worker process runs; it returns plain records, never spaCy objects.
3. ``annotate_store``: feed batches of documents to ``workers`` processes (each with its own
   pipeline, built from the same ``PipelineConfig``) and write each document's facts through
   ``Store.write_facts``, one transaction per document, in this process alone. Another engine
   (``runner``: Dask, in ``drivers/dask_engine.py``) maps the same function over the same
   batches elsewhere and hands the results back to the same writer, in the same order.
4. Then the corpus-level steps, once per run, over the whole store: quotes carried by several
   documents are grouped as statements (``drivers/statements.py``), and, when the pipeline
   codes events, reports of one event are merged (``drivers/events.py``).

One worker or several give the same facts: a document's facts depend only on the document, the
pipeline config and the KB.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dossier.drivers.events import link_events
from dossier.drivers.regrouping import Regrouped
from dossier.drivers.statements import link_statements
from dossier.model import Document, DocumentFacts, Fact
from dossier.nlp import (
    DEFAULT_CONFIG,
    PipelineConfig,
    extractor_versions,
    fact_extractors,
    is_supported,
    load_pipeline,
    upstream_of,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from dossier.store import Store

#: Documents handed to spaCy (and to a worker) at once: enough to amortise batching, small
#: enough that an interruption loses little.
BATCH_SIZE = 16
#: Documents a worker process takes at once: small, so that two workers finish together.
TASK_SIZE = 4
DATE_ESTIMATOR = "dossier_date_estimate"

#: Where each fact-producing component leaves its facts on the ``Doc``.
_OUTPUTS = {
    "dossier_linker": "dossier_mentions",
    "dossier_timex": "dossier_timexes",
    "dossier_fact_time": "dossier_sentences",
    "dossier_quotes": "dossier_quotes",
    "dossier_events": "dossier_events",
    "dossier_stance": "dossier_stances",
}

#: One unit of work: a document and the extractors to run on it.
WorkItem = tuple[Document, frozenset[str]]


@dataclass
class AnnotateSummary:
    """What one annotation run did."""

    annotated: int = 0
    skipped: int = 0
    #: language -> documents left unannotated because the pipeline does not read it
    unsupported: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    linked: int = 0
    timexes: int = 0
    sentences: int = 0
    events: int = 0
    stances: int = 0
    estimated: int = 0
    workers: int = 1
    #: what ran the pipeline: "multiprocess" (this process, or its worker processes) or "dask"
    engine: str = "multiprocess"
    #: extractor -> documents it ran on (a KB edit shows as the linker alone)
    ran: Counter[str] = field(default_factory=Counter)
    interrupted: bool = False
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    #: the statements grouping after the documents; None when the statements were up to date
    statements: Regrouped | None = None
    #: the event merging after the statements; None when the merged events were up to date or
    #: the pipeline codes no events
    merged_events: Regrouped | None = None


@dataclass(frozen=True)
class DocumentFailure:
    """A document the pipeline could not annotate; it is left as it was."""

    doc_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.reason}"


#: What a task returns: each document's facts, or why it has none.
Results = list[DocumentFacts | DocumentFailure]
#: An engine other than this module's processes: runs ``annotate_documents`` (with the
#: pipeline built from the config) over the batches and hands each task's results, in the
#: batches' order, to the writer callback; returns how many workers ran them.
Runner = Callable[[Iterator[list[WorkItem]], PipelineConfig, Callable[[Results], None]], int]


# -- 1. what to redo ------------------------------------------------------------------------


def input_date(document: Document) -> str | None:
    """The date the pipeline reads ``document`` at: its source's date, or None when undated
    (an earlier estimate is not an input: the estimator recomputes it)."""
    meta = document.meta
    return None if meta.date_source == "estimated" else meta.date


def stale_extractors(
    document: Document,
    done: dict[str, str],
    config: PipelineConfig = DEFAULT_CONFIG,
    force: bool = False,
) -> frozenset[str]:
    """The fact extractors to run on ``document``.

    done: extractor -> version the stored facts of this document were made with.
    force: every extractor, whatever is stored.
    """
    versions = extractor_versions(config)
    undated = input_date(document) is None
    relevant = {name for name in fact_extractors(config) if name != DATE_ESTIMATOR or undated}
    stale = {name for name in relevant if force or done.get(name) != versions[name]}
    if undated and DATE_ESTIMATOR in stale:
        stale = relevant  # a new date may move every date-dependent fact
    return frozenset(stale)


# -- 2. the per-document function ------------------------------------------------------------


def facts_of(doc: Doc, doc_id: str, ran: frozenset[str], versions: dict[str, str]) -> DocumentFacts:
    """The facts the extractors in ``ran`` left on ``doc``, ready for the writer."""
    facts: list[Fact] = []
    for extractor in sorted(ran):
        extension = _OUTPUTS.get(extractor)
        if extension is not None:
            facts.extend(doc._.get(extension) or [])
    estimate = doc._.get("dossier_date_estimate") if DATE_ESTIMATOR in ran else None
    # Links are replaced with their extractor's facts: keep those of the extractors that ran.
    links = tuple(link for link in doc._.get("dossier_links") or [] if link.extractor in ran)
    return DocumentFacts(
        doc_id=doc_id,
        versions={name: versions[name] for name in sorted(ran)},
        facts=tuple(facts),
        links=links,
        dated=DATE_ESTIMATOR in ran,
        date_estimate=estimate,
    )


def annotate_documents(
    nlp: Language, items: list[WorkItem], config: PipelineConfig = DEFAULT_CONFIG
) -> list[DocumentFacts | DocumentFailure]:
    """Run ``nlp`` (built from ``config``) over ``items`` and return each document's facts.

    Documents that need the same extractors run together through ``nlp.pipe``, with the
    components no stale extractor needs switched off. A document that breaks a component is
    returned as a ``DocumentFailure``; the others are not affected.
    """
    from dossier.extract.document import prepare_doc

    versions = extractor_versions(config)
    groups: dict[frozenset[str], list[Document]] = defaultdict(list)
    for document, stale in items:
        if stale:
            groups[stale].append(document)
    results: list[DocumentFacts | DocumentFailure] = []
    for stale, documents in groups.items():
        needed = upstream_of(set(stale))
        disabled = [name for name in config.components if name not in needed]

        def prepared(document: Document) -> Doc:
            return prepare_doc(
                nlp,
                document.clean_text,
                date=input_date(document),
                doc_id=document.doc_id,
                offsets=document.cleaned.offsets,
                genre=document.meta.genre,
                author=document.meta.author,
            )

        with nlp.select_pipes(disable=disabled):
            try:
                docs = list(nlp.pipe(prepared(document) for document in documents))
                pairs = list(zip(documents, docs, strict=True))
            except Exception:  # noqa: BLE001 - find the document that failed, below
                pairs = []
                for document in documents:
                    try:
                        pairs.append((document, nlp(prepared(document))))
                    except Exception as error:  # noqa: BLE001 - reported, the run goes on
                        reason = f"{type(error).__name__}: {error}"
                        results.append(DocumentFailure(document.doc_id, reason))
        results.extend(
            checked(facts_of(doc, document.doc_id, stale, versions)) for document, doc in pairs
        )
    return results


def checked(found: DocumentFacts) -> DocumentFacts | DocumentFailure:
    """``found``, or a failure naming the fact id two of its facts share: the store keys facts
    by id, so writing them would stop the whole run at this document."""
    seen: set[str] = set()
    for fact in found.facts:
        if fact.fact_id in seen:
            return DocumentFailure(
                found.doc_id,
                f"{fact.provenance.extractor} gave two {fact.kind} facts one id {fact.fact_id} "
                f"(characters {fact.provenance.start}-{fact.provenance.end}); "
                "its facts are not stored",
            )
        seen.add(fact.fact_id)
    return found


def settle_long_lived() -> bool:
    """Once per process, after the first documents: move the objects alive now (the spaCy
    models, and the KB and lexicons the components read on their first document, some 250,000
    objects that live as long as the process) out of the garbage collector's view
    (``gc.freeze``), so that its full passes during a run walk the run's own objects only
    (they cost about 4 CPU µs a word otherwise). The young generations are collected first,
    so that little of the first documents' garbage is kept. Changes no output: the collector
    only frees unreachable cycles. Returns whether it froze (False: done before).

    The youngest generation is then collected every ``YOUNG_GC_THRESHOLD`` allocations
    rather than Python's 700 (never fewer than the threshold already set): a document leaves
    tens of thousands of short-lived objects, and the many small passes over them cost more
    than a few larger ones (some 0.5 CPU µs a word)."""
    if _SETTLED:
        return False
    _SETTLED.append(True)
    gc.collect(1)
    gc.freeze()
    young, middle, old_ = gc.get_threshold()
    if young:  # 0: the collector's automatic passes are off; left so
        gc.set_threshold(max(young, YOUNG_GC_THRESHOLD), middle, old_)
    return True


#: Allocations between passes of the garbage collector over its youngest generation, once the
#: long-lived objects are frozen (``settle_long_lived``).
YOUNG_GC_THRESHOLD = 10_000


_SETTLED: list[bool] = []


# -- worker processes ---------------------------------------------------------------------

_WORKER: dict[str, object] = {}


def _start_worker(config: PipelineConfig) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and keeps what was written.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["config"] = config
    _WORKER["nlp"] = load_pipeline(config)


def _work(items: list[WorkItem]) -> list[DocumentFacts | DocumentFailure]:
    config = _WORKER["config"]
    assert isinstance(config, PipelineConfig)
    results = annotate_documents(_WORKER["nlp"], items, config)  # type: ignore[arg-type]
    settle_long_lived()
    return results


# -- 3. the run ------------------------------------------------------------------------------


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


def annotate_store(
    store: Store,
    config: PipelineConfig = DEFAULT_CONFIG,
    workers: int = 1,
    force: bool = False,
    on_document: Callable[[str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    nlp: Language | None = None,
    start: str | None = None,
    runner: Runner | None = None,
) -> AnnotateSummary:
    """Annotate every stored document some extractor of ``config`` has not done at its version.

    store: the open store (written by this process only).
    config: the pipeline to run.
    workers: processes running the pipeline; 1 runs it in this process.
    force: redo every extractor on every document.
    on_document: called with each document id when its facts are stored (progress display).
    on_start: called once with the number of documents to annotate.
    nlp: a pipeline already built from ``config`` (one worker only); None builds or reuses one.
    start: how to start workers, "fork" or "spawn"; None forks when no other thread runs.
    runner: another engine to run the batches on (``workers`` is then its business), e.g.
        ``dask_engine.DaskAnnotate``; the writing and the corpus-level steps stay here.
    """
    started = time.perf_counter()
    summary = AnnotateSummary(workers=max(workers, 1))
    marks = store.annotation_versions()
    versions = extractor_versions(config)
    all_ids = store.document_ids()
    # Up front, from the marks alone: documents with a stale extractor. Whether a document is
    # undated (and so needs its date estimated) is known once it is read, below.
    plan = [
        doc_id
        for doc_id in all_ids
        if force or not _all_current(marks.get(doc_id, {}), versions, config)
    ]
    summary.skipped = len(all_ids) - len(plan)
    if on_start is not None:
        on_start(len(plan))

    def batches() -> Iterator[list[WorkItem]]:
        for first in range(0, len(plan), BATCH_SIZE):
            items = []
            for doc_id in plan[first : first + BATCH_SIZE]:
                document = store.get_document(doc_id)
                if not is_supported(document):
                    summary.unsupported[document.meta.language or "?"] += 1
                    if on_document is not None:
                        on_document(doc_id)
                    continue
                stale = stale_extractors(document, marks.get(doc_id, {}), config, force)
                if stale:
                    items.append((document, stale))
                else:
                    summary.skipped += 1
                    if on_document is not None:
                        on_document(doc_id)
            yield items

    def store_results(results: Results) -> None:
        for result in results:
            if isinstance(result, DocumentFailure):
                summary.failures.append(str(result))
            else:
                store.write_facts(result)
                _count(summary, result)
            if on_document is not None:
                on_document(result.doc_id)

    try:
        if runner is not None:
            summary.engine = getattr(runner, "engine", type(runner).__name__)
            if plan:  # nothing to do starts no cluster
                summary.workers = runner(batches(), config, store_results)
        elif summary.workers == 1:
            pipeline = nlp if nlp is not None else load_pipeline(config)
            for items in batches():
                store_results(annotate_documents(pipeline, items, config))
                settle_long_lived()
        else:
            _run_pool(batches(), summary.workers, config, store_results, start)
    except KeyboardInterrupt:
        summary.interrupted = True  # every stored document is whole; a re-run resumes
    if not summary.interrupted:
        # Over the whole corpus, so once the documents are done; an interrupted run leaves it
        # to the next, which finds the statements behind the quotes.
        try:
            summary.statements = link_statements(store)
            if "event" in fact_extractors(config).values():
                summary.merged_events = link_events(store)
        except KeyboardInterrupt:
            summary.interrupted = True  # one transaction each: the old groups stay whole
    summary.seconds = time.perf_counter() - started
    return summary


def _all_current(done: dict[str, str], versions: dict[str, str], config: PipelineConfig) -> bool:
    # The date estimator matters only for undated documents; stale_extractors decides those.
    return all(
        done.get(name) == versions[name]
        for name in fact_extractors(config)
        if name != DATE_ESTIMATOR
    ) and (DATE_ESTIMATOR not in done or done[DATE_ESTIMATOR] == versions.get(DATE_ESTIMATOR))


def start_method() -> str:
    """How to start worker processes: "fork" when this process runs no other thread (each
    worker then inherits the loaded pipeline, where "spawn" imports spaCy and loads it anew in
    every worker), else "spawn" (forking a process with threads may copy a held lock)."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _run_pool(
    batches: Iterator[list[WorkItem]],
    workers: int,
    config: PipelineConfig,
    store_results: Callable[[list[DocumentFacts | DocumentFailure]], None],
    method: str | None = None,
) -> None:
    """Run batches on ``workers`` processes, in tasks of ``TASK_SIZE`` documents, at most
    three tasks a worker in flight, storing the results here, in order, as they come back.

    method: "fork" or "spawn"; None chooses (``start_method``).
    """
    method = method or start_method()
    if method == "fork":
        load_pipeline(config)  # once, here: the workers inherit it
    context = multiprocessing.get_context(method)
    pool = context.Pool(workers, initializer=_start_worker, initargs=(config,))
    try:
        in_flight: deque = deque()
        for items in batches:
            for first in range(0, len(items), TASK_SIZE):
                task = items[first : first + TASK_SIZE]
                in_flight.append(pool.apply_async(_work, (task,)))
            while len(in_flight) >= 3 * workers or (in_flight and in_flight[0].ready()):
                store_results(in_flight.popleft().get())
        while in_flight:
            store_results(in_flight.popleft().get())
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _count(summary: AnnotateSummary, found: DocumentFacts) -> None:
    summary.annotated += 1
    summary.ran.update(list(found.versions))
    for fact in found.facts:
        if fact.kind == "mention":
            summary.mentions += 1
            summary.linked += fact.actor_id is not None  # type: ignore[attr-defined]
        elif fact.kind == "timex":
            summary.timexes += 1
        elif fact.kind == "sentence":
            summary.sentences += 1
        elif fact.kind == "event":
            summary.events += 1
        elif fact.kind == "stance":
            summary.stances += 1
    summary.estimated += found.date_estimate is not None
