"""Read what a document says about itself: date, dateline, outlet, author, language, genre.

Fields the source states outright (a JSONL record's ``date``, a page's ``authors``) win over
anything read from the text; the text is read only where they are silent. Nothing is guessed:
where neither says, the value is None, and for the date a note says why, so an undated document
is never silently given today's date or a date from its body.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dossier.ingest.metadata.bylines import author_of
from dossier.ingest.metadata.common import str_field
from dossier.ingest.metadata.dates import UNDATED_NOTE, normalise_date, stated_date
from dossier.ingest.metadata.genre import genre_of
from dossier.ingest.metadata.language import language_of
from dossier.ingest.metadata.outlet import dateline_of, outlet_of, text_agency
from dossier.model import CleanedText, DocumentMeta

__all__ = ["UNDATED_NOTE", "extract_metadata", "normalise_date"]


def extract_metadata(
    text: str,
    cleaned: CleanedText,
    fields: Mapping[str, Any] | None = None,
    *,
    source_format: str | None = None,
    kb_dir: str | None = None,
) -> DocumentMeta:
    """Describe a document from its original ``text``, its ``cleaned`` body and stated ``fields``.

    ``source_format`` is the reader's format; for ``html`` a stated date came from the page's
    meta tags and is reported as ``html-meta``. ``kb_dir`` is the knowledge-base folder whose
    ``authors.csv`` names the heads of organisations (None: the package's own).
    """
    fields = fields or {}
    date, date_source, date_note = stated_date(text, fields, source_format)
    dateline, dateline_agency = dateline_of(cleaned.text, fields)
    outlet = outlet_of(text, cleaned, fields, dateline_agency)
    author, author_note = author_of(cleaned.text, fields, date, kb_dir)
    return DocumentMeta(
        title=str_field(fields, "title"),
        url=str_field(fields, "url"),
        date=date,
        date_source=date_source,
        date_note=date_note,
        dateline=dateline,
        outlet=outlet,
        author=author,
        author_note=author_note,
        language=language_of(cleaned.text, fields),
        genre=genre_of(
            cleaned.text, fields, dateline, dateline_agency or text_agency(text, cleaned)
        ),
    )
