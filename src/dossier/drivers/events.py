"""The event merging driver: stored events -> ``extract.merge_events`` -> the store's merged
events.

Run at the end of ``annotate_store`` after the statements stage, when the pipeline codes events
(and callable alone): merging reads every stored event, so it belongs after the per-document
work, once per run. It runs when the merged events are behind the stored events (new or
re-annotated reports, a run interrupted before its merging, a store just migrated), and not
otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.drivers.regrouping import Regrouped, regroup_when_behind
from dossier.extract.merge_events import merge_events

if TYPE_CHECKING:
    from dossier.store import Store


def link_events(store: Store, force: bool = False) -> Regrouped | None:
    """Merge every stored event report into events and store them, when they are behind the
    reports (or ``force``); None when there was nothing to do.

    store: a store opened for writing.
    """
    return regroup_when_behind(
        store.merged_events_behind,
        store.event_reports,
        merge_events,
        store.replace_merged_events,
        force=force,
    )
