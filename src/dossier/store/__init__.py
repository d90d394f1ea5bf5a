"""The document store: SQLite or PostgreSQL through one API, with full-text search."""

from dossier.store.database import Store
from dossier.store.engine import alembic_config, database_url

__all__ = ["Store", "alembic_config", "database_url"]
