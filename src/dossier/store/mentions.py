"""Stored annotations: mentions of actors, time expressions, sentence reference times, and the
record of which documents each stage has annotated.

A mixin of ``Store``: the methods run in the store's own transactions, so a document's
mentions and its "annotated" mark are written together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import Connection, delete, func, insert, select

from dossier.store.schema import annotations, documents, mentions, sentence_times, timexes

if TYPE_CHECKING:
    from dossier.model import Mention, Timex

MENTION_COLUMNS = [
    "doc_id",
    "start",
    "end",
    "original_start",
    "original_end",
    "sentence",
    "text",
    "label",
    "actor_id",
    "actor",
    "role",
    "country",
    "metonym",
    "resolution",
    "extractor",
    "extractor_version",
    "confidence",
]


class MentionsMixin:
    """Annotation storage for ``Store``: mentions, time expressions, sentence times."""

    def _transaction(self, write: bool = False) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # provided by Store

    def replace_mentions(
        self,
        doc_id: str,
        found: list[Mention],
        stage: str,
        version: str,
        found_timexes: list[Timex] | None = None,
        reference_times: list[tuple[int, int, str | None]] | None = None,
    ) -> None:
        """Store a document's annotations from ``stage``, replacing earlier ones, in one go.

        doc_id: the full id of a stored document.
        found: mentions whose provenance carries offsets into both of the document's texts.
        stage: the annotating stage ("entities").
        version: the stage's version; the document counts as annotated by it.
        found_timexes: time expressions with provenance; None leaves stored ones alone.
        reference_times: (start, end, reference time) per sentence, in order; None leaves the
            stored ones alone.
        """
        rows = [_mention_row(doc_id, mention) for mention in found]
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._transaction(write=True) as connection:
            connection.execute(
                delete(mentions).where(
                    mentions.c.doc_id == doc_id,
                    mentions.c.extractor.in_(list(_extractors(stage, rows))),
                )
            )
            if rows:
                connection.execute(insert(mentions), rows)
            if found_timexes is not None:
                connection.execute(delete(timexes).where(timexes.c.doc_id == doc_id))
                if found_timexes:
                    connection.execute(
                        insert(timexes), [_timex_row(doc_id, timex) for timex in found_timexes]
                    )
            if reference_times is not None:
                connection.execute(delete(sentence_times).where(sentence_times.c.doc_id == doc_id))
                if reference_times:
                    connection.execute(
                        insert(sentence_times),
                        [
                            {
                                "doc_id": doc_id,
                                "sentence": number,
                                "start": start,
                                "end": end,
                                "reference_time": reference,
                            }
                            for number, (start, end, reference) in enumerate(reference_times)
                        ],
                    )
            connection.execute(
                delete(annotations).where(
                    annotations.c.doc_id == doc_id, annotations.c.stage == stage
                )
            )
            connection.execute(
                insert(annotations),
                [{"doc_id": doc_id, "stage": stage, "version": version, "annotated_at": now}],
            )

    def annotated_ids(self, stage: str, version: str) -> set[str]:
        """Ids of the documents ``stage`` has annotated at ``version``."""
        with self._transaction() as connection:
            return set(
                connection.execute(
                    select(annotations.c.doc_id).where(
                        annotations.c.stage == stage, annotations.c.version == version
                    )
                ).scalars()
            )

    def mentions(
        self, doc_id: str | None = None, actor_id: str | None = None, limit: int | None = None
    ) -> pd.DataFrame:
        """Stored mentions, by document and position, optionally of one document or actor."""
        query = select(*(mentions.c[name] for name in MENTION_COLUMNS))
        if doc_id is not None:
            query = query.where(mentions.c.doc_id == doc_id)
        if actor_id is not None:
            query = query.where(mentions.c.actor_id == actor_id)
        query = query.order_by(mentions.c.doc_id, mentions.c.start).limit(limit)
        with self._transaction() as connection:
            rows = connection.execute(query).all()
        return pd.DataFrame([tuple(r) for r in rows], columns=MENTION_COLUMNS)

    def timexes(self, doc_id: str) -> pd.DataFrame:
        """A document's stored time expressions, in text order."""
        columns = [
            "start",
            "end",
            "original_start",
            "original_end",
            "sentence",
            "text",
            "type",
            "value",
            "anchor",
            "mod",
        ]
        query = (
            select(*(timexes.c[name] for name in columns))
            .where(timexes.c.doc_id == doc_id)
            .order_by(timexes.c.start)
        )
        with self._transaction() as connection:
            rows = connection.execute(query).all()
        return pd.DataFrame([tuple(r) for r in rows], columns=columns)

    def sentence_times(self, doc_id: str) -> pd.DataFrame:
        """Each sentence's reference time, in order."""
        columns = ["sentence", "start", "end", "reference_time"]
        query = (
            select(*(sentence_times.c[name] for name in columns))
            .where(sentence_times.c.doc_id == doc_id)
            .order_by(sentence_times.c.sentence)
        )
        with self._transaction() as connection:
            rows = connection.execute(query).all()
        return pd.DataFrame([tuple(r) for r in rows], columns=columns)

    def mention_counts(self, actor_id: str) -> pd.DataFrame:
        """Per document: how often ``actor_id`` is mentioned, with the document's date and title."""
        count = func.count().label("mentions")
        query = (
            select(documents.c.doc_id, documents.c.pub_date, documents.c.title, count)
            .join(mentions, mentions.c.doc_id == documents.c.doc_id)
            .where(mentions.c.actor_id == actor_id)
            .group_by(documents.c.doc_id, documents.c.pub_date, documents.c.title)
            .order_by(documents.c.pub_date, documents.c.doc_id)
        )
        with self._transaction() as connection:
            rows = connection.execute(query).all()
        return pd.DataFrame(
            [tuple(r) for r in rows], columns=["doc_id", "pub_date", "title", "mentions"]
        )


def _extractors(stage: str, rows: list[dict[str, Any]]) -> Iterator[str]:
    # A stage may write mentions under several extractor names; replace all of them, and its
    # own name too, so a re-run that now finds nothing still clears the old mentions.
    yield stage
    yield from {row["extractor"] for row in rows}


def _provenance_columns(doc_id: str, fact: Mention | Timex) -> dict[str, Any]:
    """The columns every stored fact shares: where it is in both texts and who found it."""
    provenance = fact.provenance
    if provenance is None:
        raise ValueError(f"{type(fact).__name__} {fact.text!r} in {doc_id} carries no provenance")
    return {
        "doc_id": doc_id,
        "start": provenance.start,
        "end": provenance.end,
        "original_start": provenance.original_start,
        "original_end": provenance.original_end,
        "sentence": provenance.sentence,
        "text": fact.text,
        "extractor": provenance.extractor,
        "extractor_version": provenance.extractor_version,
    }


def _timex_row(doc_id: str, timex: Timex) -> dict[str, Any]:
    return {
        **_provenance_columns(doc_id, timex),
        "type": timex.type,
        "value": timex.value,
        "anchor": timex.anchor,
        "mod": timex.mod,
    }


def _mention_row(doc_id: str, mention: Mention) -> dict[str, Any]:
    return {
        **_provenance_columns(doc_id, mention),
        "label": mention.label,
        "actor_id": mention.actor_id,
        "actor": mention.actor,
        "role": mention.role,
        "country": mention.country,
        "metonym": bool(mention.metonym),
        "resolution": mention.resolution,
        "confidence": mention.provenance.confidence,
    }
