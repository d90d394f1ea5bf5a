"""What the migration tests share: a store left at an older schema revision, holding one
document, as a dossier of that time would have written it, and a trip down to such a revision
and back up."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, insert, inspect, text
from sqlalchemy.engine import Connection

from dossier.model import Document
from dossier.store import alembic_config, database_url
from dossier.store.database import _document_row
from dossier.store.schema import documents


@contextmanager
def store_at_revision(store_url: str, revision: str, document: Document) -> Iterator[Connection]:
    """Migrate the empty store at ``store_url`` up to ``revision`` only and write ``document``
    into it; yield the connection, inside the same transaction, for the rows a test adds of that
    time. The transaction commits and the engine is let go on leaving."""
    url = database_url(store_url)
    if url.get_backend_name() == "sqlite":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
            connection.execute(
                insert(documents), [_document_row(document, None, datetime(2026, 1, 1))]
            )
            yield connection
    finally:
        engine.dispose()


def tables_at_revision(store_url: str, revision: str, document: Document) -> set[str]:
    """The tables of the store ``store_at_revision`` leaves at ``revision`` with ``document``."""
    with store_at_revision(store_url, revision, document) as connection:
        return set(inspect(connection).get_table_names())


def _alembic_config(store_url: str) -> Config:
    # The password stays in: alembic opens the database itself.
    return alembic_config(url=database_url(store_url).render_as_string(hide_password=False))


def migrate_down(store_url: str, revision: str) -> None:
    """Migrate the store at ``store_url`` down to ``revision``."""
    command.downgrade(_alembic_config(store_url), revision)


def migrate_up(store_url: str) -> None:
    """Migrate the store at ``store_url`` up to the newest revision."""
    command.upgrade(_alembic_config(store_url), "head")


def migrate_down_and_up(store_url: str, revision: str) -> None:
    """Migrate the store at ``store_url`` down to ``revision``, then up to the newest again."""
    migrate_down(store_url, revision)
    migrate_up(store_url)


def scalars(store_url: str, sql: str, params: dict[str, str]) -> list:
    """The first column of ``sql``'s rows in the store at ``store_url``: a reference query by
    plain SQL for a test to set beside what the store itself answers."""
    engine = create_engine(database_url(store_url))
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql), params).scalars())
    finally:
        engine.dispose()
