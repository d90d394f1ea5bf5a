"""The statements driver: stored quotes -> ``extract.statements`` -> the store's statements.

Run at the end of ``annotate_store`` (and callable alone): grouping reads every stored quote, so
it belongs after the per-document work, once per run, not inside any one document's. It runs
when that annotate wrote quotes or when the stored statements are behind the quotes (a run
interrupted before its grouping, a store migrated to the statements tables), and not otherwise.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.extract.statements import group_statements

if TYPE_CHECKING:
    from dossier.store import Store


@dataclass(frozen=True)
class StatementsSummary:
    """What one grouping found.

    quotes: stored quotes grouped. statements: statements they make.
    repeated: statements carried by two or more documents.
    seconds: wall time, reading and writing included.
    """

    quotes: int
    statements: int
    repeated: int
    seconds: float


def link_statements(store: Store, force: bool = False) -> StatementsSummary | None:
    """Group every stored quote into statements and store them, when they are behind the
    quotes (or ``force``); None when there was nothing to do.

    store: a store opened for writing.
    """
    started = time.perf_counter()
    if not force and not store.statements_behind():
        return None
    copies = store.quote_copies()
    found = group_statements(copies)
    store.replace_statements(found)
    return StatementsSummary(
        quotes=len(copies),
        statements=len(found),
        repeated=sum(len(statement.documents) > 1 for statement in found),
        seconds=time.perf_counter() - started,
    )
