"""Readers: files, folders and glob patterns in, ``RawRecord`` objects out.

One entry point, ``iter_records``, walks what it is given and hands each file to the reader for
its type: plain text, JSON Lines (and JSON), HTML pages, RSS/Atom feeds, and ``.gz``/``.zip``
archives whose members go through the same dispatch. Bad input never raises: a file, line,
archive member or feed entry that cannot be read becomes a ``ReadFailure`` whose reason carries
an error code from ``dossier.errors``, and the batch goes on.

``decode_text`` turns bytes into text for every reader: byte-order marks, strict UTF-8, then a
guess for legacy encodings, with newlines normalised to ``\\n``. What it returns is the
document's original text from then on; every later offset counts from it.
"""

from dossier.ingest.readers.decoding import decode_text
from dossier.ingest.readers.dispatch import SUPPORTED_TYPES
from dossier.ingest.readers.files import iter_records
from dossier.ingest.readers.source import ReadItem

__all__ = ["SUPPORTED_TYPES", "ReadItem", "decode_text", "iter_records"]
