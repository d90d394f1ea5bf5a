"""dossier: an offline-first news-intelligence engine."""

__version__ = "0.1.0"
