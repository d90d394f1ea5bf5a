"""Alembic environment for the store's migrations.

``Store.open`` runs these programmatically and hands over its own connection, already inside the
transaction (and, on PostgreSQL, the lock) the whole upgrade runs in. No alembic.ini exists; to
write the next revision, point ``dossier.store.alembic_config(url=...)`` at a database at the
current head and call ``alembic.command.revision(config, "message", autogenerate=True)``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import Connection

from dossier.store.maintenance import run_requested_vacuums
from dossier.store.schema import Base, autogenerate_includes

config = context.config
target_metadata = Base.metadata


def _url() -> str | None:
    return context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=autogenerate_includes,
        # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        include_object=autogenerate_includes,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = _url()
    if not url:
        raise RuntimeError("no database: pass -x url=... or set sqlalchemy.url")
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as own_connection:
        with own_connection.begin():
            _run(own_connection)
        # What the migrations asked to run outside their transaction (PostgreSQL's VACUUM).
        run_requested_vacuums(own_connection)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
