"""The Dask engine (``--engine dask``): annotate's and ingest's pure per-document work on a Dask
cluster, the writing and everything corpus-wide still in this process.

Dask's distributed scheduler runs the work: a ``LocalCluster`` of single-threaded worker
processes by default (spaCy holds the GIL, so one thread a process), or an existing cluster
given by its scheduler's address. Nothing here schedules: it submits tasks and takes their
results back in submission order.

- annotate: ``DaskAnnotate`` is a ``Runner`` for ``annotate_store``. Each worker builds the
  pipeline and loads the KB once, when it joins (``PipelinePlugin``: ``load_pipeline`` caches
  the pipeline by its ``PipelineConfig`` for the worker's life); a task is ``TASK_SIZE``
  documents through ``annotate_documents``, the same function the multiprocess runner maps, and
  returns plain ``DocumentFacts`` records that the one writer stores in order. Statements
  grouping and event merging run after the map, in ``annotate_store``, as with any engine.
- ingest: ``DaskIngest`` is a ``Preparer`` for ``ingest_paths``. The driver reads the files
  (one JSONL file may hold a whole corpus, so files are no unit to spread), skips what the store
  holds, and sends partitions of ``PARTITION_SIZE`` records to be cleaned, described and signed
  (``prepare_record``); duplicate checks, story assignment and writes stay in the driver in
  reading order, so the store is the one a single-process ingest makes.

At most ``IN_FLIGHT_PER_WORKER`` tasks a worker wait at once: enough to keep every worker busy
while the writer catches up, few enough that memory does not grow with the corpus.

Importing this module imports Dask; only the two engines' entry points do.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import dask
from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from dossier.drivers.annotate import (
    TASK_SIZE,
    Results,
    WorkItem,
    annotate_documents,
    default_workers,
)
from dossier.ingest.document import prepare_record
from dossier.model import RawRecord, content_id
from dossier.nlp import PipelineConfig, load_pipeline

if TYPE_CHECKING:
    from dossier.drivers.ingest import Prepared
    from dossier.ingest.readers import ReadItem

#: Records a worker prepares in one ingest task: cleaning one takes milliseconds, so a task
#: holds enough of them to outweigh the round trip to the worker.
PARTITION_SIZE = 32
IN_FLIGHT_PER_WORKER = 3
#: The name the pipeline plugin is registered under: registering it again replaces it.
PLUGIN_NAME = "dossier-pipeline"
#: Dask settings for a local cluster: its housekeeping runs less often, since on a small
#: machine every wake-up takes the GIL or a core from the pipeline. The worker's profiler,
#: which samples the running task's stack every 10 ms, is off (nothing here reads it).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    # Dask starts each worker with MALLOC_TRIM_THRESHOLD_=65536 (to hand memory back to the
    # system sooner). Setting it fixes glibc's otherwise dynamic thresholds, so every array
    # over 128 KiB the parser allocates is mapped and unmapped afresh: page faults that cost
    # the pipeline about a fifth more CPU per word than in a plain process. Workers here keep
    # glibc's defaults, as the multiprocess runner's do; the thread caps stay.
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}
#: A text for each component to read once at start-up (names, a date, a quote, an event).
WARM_UP = (
    "MOSCOW, 1 January 2020. President Vladimir Putin said on Monday that Russia would join "
    'the treaty. "We support the Eurasian Economic Union," he told reporters. Russia accused '
    "Ukraine of violating the ceasefire."
)


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers``
    single-threaded processes (default one per core), closed (with the cluster) on exit.

    scheduler: an address such as ``tcp://10.0.0.5:8786``; None starts a ``LocalCluster``.
    workers: worker processes of the local cluster; ignored with ``scheduler``.
    """
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),
        LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            # No web dashboard (nothing here looks at it), and the scheduler's small HTTP
            # server on any free local port rather than 8787, which another cluster may hold.
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def worker_count(client: Client) -> int:
    """Threads across the cluster's workers: how many tasks run at once."""
    return max(sum(client.nthreads().values()), 1)


class PipelinePlugin(WorkerPlugin):
    """Builds the pipeline (and loads its KB) on each worker as it joins the cluster, so no
    task pays for it and a worker that restarts builds it again. Its state is the pipeline
    cache of ``load_pipeline``, which the tasks read."""

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def setup(self, worker: Any) -> None:
        nlp = load_pipeline(self.config)
        # The components read their KB tables on their first document: pay that here too.
        nlp(WARM_UP)


def start_pipelines(client: Client, config: PipelineConfig) -> None:
    """Build the pipeline on every worker of ``client``'s cluster, and wait for it."""
    client.register_plugin(PipelinePlugin(config), name=PLUGIN_NAME)


def _annotate_task(items: list[WorkItem], config: PipelineConfig) -> Results:
    """What a worker runs: ``annotate_documents`` with the worker's pipeline."""
    return annotate_documents(load_pipeline(config), items, config)


def _prepare_task(records: list[RawRecord], kb_dir: str | None) -> list[Prepared]:
    """What a worker runs for ingest: each record cleaned, described and signed."""
    return [prepare_record(record, kb_dir=kb_dir) for record in records]


def _in_order(
    client: Client, tasks: Iterator[tuple[Any, Callable[..., Any], tuple[Any, ...]]]
) -> Iterator[tuple[Any, Any]]:
    """Submit each ``(key, function, args)`` and yield ``(key, result)`` in submission order,
    with at most ``IN_FLIGHT_PER_WORKER`` tasks a worker waiting; pending tasks are cancelled
    when the caller stops early (an error, Ctrl-C)."""
    limit = IN_FLIGHT_PER_WORKER * worker_count(client)
    in_flight: deque[tuple[Any, Future]] = deque()
    try:
        for key, function, args in tasks:
            in_flight.append((key, client.submit(function, *args, pure=False)))
            while len(in_flight) >= limit or (in_flight and in_flight[0][1].done()):
                done_key, future = in_flight.popleft()
                yield done_key, future.result()
        while in_flight:
            done_key, future = in_flight.popleft()
            yield done_key, future.result()
    finally:
        if in_flight:
            client.cancel([future for _, future in in_flight])


@dataclass
class DaskAnnotate:
    """Runs annotate's batches on Dask (a ``Runner`` for ``annotate_store``).

    scheduler: a cluster's address; None starts a local cluster for the run.
    workers: the local cluster's worker processes; None for one per core.
    client: a client to use instead (kept open): the bench starts the cluster beforehand so
        that its start-up is not counted as annotation.
    """

    scheduler: str | None = None
    workers: int | None = None
    client: Client | None = None
    engine: str = field(default="dask", init=False)

    def __call__(
        self,
        batches: Iterator[list[WorkItem]],
        config: PipelineConfig,
        store_results: Callable[[Results], None],
    ) -> int:
        with contextlib.ExitStack() as stack:
            client = self.client or stack.enter_context(dask_client(self.scheduler, self.workers))
            start_pipelines(client, config)

            def tasks() -> Iterator[tuple[None, Callable[..., Any], tuple[Any, ...]]]:
                for items in batches:
                    for first in range(0, len(items), TASK_SIZE):
                        yield None, _annotate_task, (items[first : first + TASK_SIZE], config)

            for _, results in _in_order(client, tasks()):
                store_results(results)
            return worker_count(client)


@dataclass
class DaskIngest:
    """Prepares ingest's records on Dask (a ``Preparer`` for ``ingest_paths``).

    scheduler, workers, client: as for ``DaskAnnotate``.
    """

    scheduler: str | None = None
    workers: int | None = None
    client: Client | None = None

    def __call__(
        self,
        read: Iterator[ReadItem],
        stored: Callable[[str], bool],
        kb_dir: str | None,
    ) -> Iterator[tuple[ReadItem, Prepared | None]]:
        with contextlib.ExitStack() as stack:
            client = self.client or stack.enter_context(dask_client(self.scheduler, self.workers))
            for items, prepared in _in_order(client, _partitions(read, stored, kb_dir)):
                found = iter(prepared)
                for item, sent in items:
                    yield item, next(found) if sent else None


def _partitions(
    read: Iterator[ReadItem], stored: Callable[[str], bool], kb_dir: str | None
) -> Iterator[tuple[list[tuple[ReadItem, bool]], Callable[..., Any], tuple[Any, ...]]]:
    """Tasks of up to ``PARTITION_SIZE`` records to prepare, each keyed by the items read
    meanwhile (failures and stored documents included, marked unsent) so the driver sees
    every item in reading order."""
    items: list[tuple[ReadItem, bool]] = []
    records: list[RawRecord] = []
    for item in read:
        # A document the store holds now is a duplicate when its turn comes: not worth sending.
        sent = isinstance(item, RawRecord) and not stored(content_id(item.text))
        items.append((item, sent))
        if sent:
            assert isinstance(item, RawRecord)
            records.append(item)
        # A long run of stored documents (an ingest run again) must not pile up unsent.
        if len(records) >= PARTITION_SIZE or len(items) >= 4 * PARTITION_SIZE:
            yield items, _prepare_task, (records, kb_dir)
            items, records = [], []
    if items:
        yield items, _prepare_task, (records, kb_dir)
