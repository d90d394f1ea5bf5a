"""HTML pages: the article body and the page's own metadata, through ``ingest.html``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from dossier.errors import DossierError, ErrorCode
from dossier.ingest.readers.decoding import NEWLINES, SNIFF_BYTES, decode_text
from dossier.ingest.readers.source import ReadItem, Source, read_bounded
from dossier.model import RawRecord

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read_html(source: Source) -> Iterator[ReadItem]:
    # Imported here so that reading text and JSONL does not load trafilatura.
    from dossier.ingest.html import extract_article

    data = read_bounded(source)
    declared = _META_CHARSET.search(data[:SNIFF_BYTES])
    page, encoding = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    try:
        text, meta = extract_article(page)
    except DossierError:
        raise
    except Exception as error:  # a page that breaks the extractor must not stop the batch
        detail = f"the extractor failed: {type(error).__name__}: {error}"
        raise DossierError(ErrorCode.R007_NO_ARTICLE, detail) from error
    fields: dict[str, Any] = {}
    for key, value in meta.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        # The extractor says "author"; records say "authors" (a string, possibly several).
        fields["authors" if key == "author" else key] = value
    yield RawRecord(source.label, "html", NEWLINES.sub("\n", text), fields, encoding)
