"""The ``dossier`` command line: thin commands over ``dossier.query.Dossier``.

Every command takes ``--db`` where it reads or writes a store (a SQLite path or a PostgreSQL
URL; default $DOSSIER_DB, else ./dossier.db) and has an example in its help. Commands live by
what they work on: ``documents`` (ingest, docs, show, search, stats), ``facts`` (annotate,
mentions, times), ``quotes``, ``events``, ``stance``, ``kb`` (who, actor, kb check, kb import),
``faces`` (serve, export) and ``evaluate`` (eval ...); ``render`` prints their answers, ``app``
holds what they share. No
command runs SQL or builds JSON: the query API answers with records, and the records serialise
themselves.

A read command imports neither spaCy nor Alembic: each command imports what only it needs
inside its own body.
"""

from dossier.cli import (  # noqa: F401  (each registers commands)
    documents,
    evaluate,
    events,
    faces,
    facts,
    kb,
    quotes,
    reports,
    stance,
)
from dossier.cli.app import app

__all__ = ["app"]
