"""Upkeep that a migration asks for but cannot run inside its own transaction: PostgreSQL's
``VACUUM`` (issue 14; ``bench/bench_store_volume.py``).

A migration that rewrites every row of a table (a column added and filled) leaves the old row
versions dead and the table's pages no longer marked all-visible: until a vacuum, an index-only
scan reads the table for every entry it returns, and the planner's statistics miss the new
column. Autovacuum does that in time where it is on; a server with it off (or a store read
before it comes round) answers from the rewritten table. ``VACUUM`` cannot run in a transaction
block, and the whole upgrade is one transaction (``engine.migrate``), so a migration names the
tables here and the vacuum runs once the upgrade has committed, outside any transaction.
SQLite needs none of it: nothing is asked there.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection

log = logging.getLogger(__name__)

# Kept in the DBAPI connection's ``info``: the migrations and the code that committed their
# transaction share the connection, not any object between them.
_KEY = "dossier_vacuum_after_migration"


def request_vacuum(connection: Connection, *tables: str) -> None:
    """Ask for ``VACUUM (ANALYZE)`` of ``tables`` once the running upgrade has committed
    (PostgreSQL; nothing elsewhere). Table names are the schema's own, never user input."""
    if connection.dialect.name != "postgresql":
        return
    wanted: list[str] = connection.info.setdefault(_KEY, [])
    wanted.extend(table for table in tables if table not in wanted)


def run_requested_vacuums(connection: Connection) -> list[str]:
    """Run the vacuums the migrations asked for on ``connection`` (outside any transaction: call
    it after the upgrade's commit); the tables vacuumed. A vacuum refused (a role that does not
    own the table) is logged and passed over: the upgrade stands, only slower to read until
    autovacuum or an owner's ``VACUUM`` comes round."""
    tables: list[str] = connection.info.pop(_KEY, [])
    if not tables or connection.dialect.name != "postgresql":
        return []
    raw = connection.connection.driver_connection
    was = raw.autocommit
    raw.autocommit = True
    try:
        done = []
        for table in tables:
            try:
                raw.execute(f'VACUUM (ANALYZE) "{table}"')
            except Exception as error:  # the driver's error: this module imports no driver
                log.warning("VACUUM of %s after the upgrade failed: %s", table, error)
                continue
            done.append(table)
    finally:
        raw.autocommit = was
    return done
