"""The ingest stage, source to ``Document``, touching no store.

``readers/`` turn files, folders, globs and archives into ``RawRecord`` objects; ``clean`` cuts
what is not article body, keeping the way back to the original; ``metadata/`` reads what the
document says about itself; ``document.build_document`` puts the three together; and
``near_duplicates`` signs each document and assigns it a story. ``dossier.drivers.ingest`` runs
them and writes what they produce.
"""
