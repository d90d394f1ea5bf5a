"""The join the fact listings (events, stances) share: each fact with its document and its
sentence, so that a hit can show where it was read and the sentence it stands in."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, and_

from dossier.store.schema import documents, sentences


def with_document_and_sentence(query: Select[Any], facts: Table) -> Select[Any]:
    """``query`` over ``facts`` joined to each fact's document and, where the fact has one
    stored, its sentence (an outer join: a fact's sentence may be missing)."""
    return query.join(documents, documents.c.doc_id == facts.c.doc_id).outerjoin(
        sentences,
        and_(sentences.c.doc_id == facts.c.doc_id, sentences.c.sentence == facts.c.sentence),
    )
