"""The statements driver: stored quotes -> ``extract.statements`` -> the store's statements.

Run at the end of ``annotate_store`` (and callable alone): grouping reads every stored quote, so
it belongs after the per-document work, once per run, not inside any one document's. It runs
when that annotate wrote quotes or when the stored statements are behind the quotes (a run
interrupted before its grouping, a store migrated to the statements tables), and not otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.drivers.regrouping import Regrouped, regroup_when_behind
from dossier.extract.statements import group_statements

if TYPE_CHECKING:
    from dossier.store import Store


def link_statements(store: Store, force: bool = False) -> Regrouped | None:
    """Group every stored quote into statements and store them, when they are behind the
    quotes (or ``force``); None when there was nothing to do.

    store: a store opened for writing.
    """
    return regroup_when_behind(
        store.statements_behind,
        store.quote_copies,
        group_statements,
        store.replace_statements,
        force=force,
    )
