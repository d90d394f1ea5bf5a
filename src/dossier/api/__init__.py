"""The REST API: a thin face over ``dossier.query.Dossier``, as the CLI is.

``create_app(ApiSettings(db=...))`` builds a FastAPI application (OpenAPI at ``/docs``) that
reads one store: documents, search, sentences, mentions, actors and their offices, who held an
office on a day, quotes, events, a timeline and the actor network, each listing as JSON or
CSV; and the web UI's pages (``web.py``: search, documents, actors, timeline) with /docs, all
from the package's own files. It is read-only unless an ingest token is configured;
``dossier serve`` runs it on 127.0.0.1. No route runs SQL: every answer comes from the query
API, and the records serialise themselves.
"""

from dossier.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
