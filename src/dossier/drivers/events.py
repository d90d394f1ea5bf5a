"""The event merging driver: stored events -> ``extract.merge_events`` -> the store's merged
events.

Run at the end of ``annotate_store`` after the statements stage, when the pipeline codes events
(and callable alone): merging reads every stored event, so it belongs after the per-document
work, once per run. It runs when the merged events are behind the stored events (new or
re-annotated reports, a run interrupted before its merging, a store just migrated), and not
otherwise.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.extract.merge_events import merge_events

if TYPE_CHECKING:
    from dossier.store import Store


@dataclass(frozen=True)
class EventMergeSummary:
    """What one merging found.

    reports: stored event facts merged. events: merged events they make.
    repeated: merged events told by two or more documents.
    seconds: wall time, reading and writing included.
    """

    reports: int
    events: int
    repeated: int
    seconds: float


def link_events(store: Store, force: bool = False) -> EventMergeSummary | None:
    """Merge every stored event report into events and store them, when they are behind the
    reports (or ``force``); None when there was nothing to do.

    store: a store opened for writing.
    """
    started = time.perf_counter()
    if not force and not store.merged_events_behind():
        return None
    reports = store.event_reports()
    found = merge_events(reports)
    store.replace_merged_events(found)
    return EventMergeSummary(
        reports=len(reports),
        events=len(found),
        repeated=sum(len(event.documents) > 1 for event in found),
        seconds=time.perf_counter() - started,
    )
