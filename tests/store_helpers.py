"""What the migration tests share: a store left at an older schema revision, holding one
document, as a dossier of that time would have written it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, insert
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
