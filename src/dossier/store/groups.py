"""Stored groups of facts, as both whole-corpus stages keep them: statements over quotes,
merged events over event reports.

Each stage has a table of groups, a link table naming the group of each fact (by ``fact_id``),
and a per-group count of its facts. Whether the groups are behind the facts, and rewriting them
whole, are the same for both: here once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Select, Table, delete, exists, func, select

from dossier.store.fact_rows import insert_dicts
from dossier.store.schema import documents

# Rows per executemany batch, as the fact writer uses.


def facts_to_group(facts: Table, *columns: Column[Any]) -> Select[Any]:
    """Every stored fact of ``facts`` as a grouping stage reads it: its id, document, what
    grouping needs of the document (storage order, story, date, outlet), its start, then
    ``columns``."""
    return select(
        facts.c.fact_id,
        facts.c.doc_id,
        documents.c.seq,
        documents.c.story_id,
        documents.c.pub_date,
        documents.c.outlet,
        facts.c.start,
        *columns,
    ).join(documents, documents.c.doc_id == facts.c.doc_id)


def groups_behind(connection: Connection, facts: Table, links: Table, count: Column[Any]) -> bool:
    """Whether the groups no longer match the stored facts: a fact in no group (annotated since
    the last grouping) or a group that lost a fact (re-annotated), where the links no longer add
    up to the groups' ``count`` column."""
    loose = select(facts.c.fact_id).where(~exists().where(links.c.fact_id == facts.c.fact_id))
    if connection.execute(loose.limit(1)).first() is not None:
        return True
    linked = connection.execute(select(func.count()).select_from(links))
    counted = connection.execute(select(func.sum(count)))
    return (linked.scalar() or 0) != (counted.scalar() or 0)


def replace_groups(
    connection: Connection,
    groups: Table,
    links: Table,
    rows: Sequence[dict[str, Any]],
    members: Iterable[tuple[str, str]],
) -> None:
    """``rows`` as all of ``groups`` and ``members`` (fact id, group id) as all of ``links``,
    the old ones gone; a link names its group by the groups' key column."""
    (key,) = groups.primary_key.columns.keys()
    links_rows = [{"fact_id": fact_id, key: group_id} for fact_id, group_id in members]
    connection.execute(delete(links))
    connection.execute(delete(groups))
    for table, batch in ((groups, rows), (links, links_rows)):
        insert_dicts(connection, table, list(batch))  # the driver's executemany (``fact_rows``)
