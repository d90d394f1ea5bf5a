"""Reading stored quotes across documents: by speaker, words, and when they were said."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select

from dossier.store.records import QuoteHit
from dossier.store.schema import documents, quotes, sentences


class QuoteReadsMixin:
    """``Store.quotes``: the quotes matching a question, oldest first."""

    def quotes(
        self,
        *,
        speaker_ids: Sequence[str] = (),
        speaker_name: str | None = None,
        about: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteHit]:
        """Stored quotes, oldest first.

        speaker_ids: KB ids the speaker may have; speaker_name: or a name the speaker's
            canonical name contains (case-insensitive; for NIL speakers and groups).
        about: words the quote's text contains (case-insensitive).
        date_from, date_to: ISO dates (any precision) bounding when it was said, inclusive.
        """
        said = func.coalesce(sentences.c.reference_time, documents.c.pub_date).label("said")
        query = (
            select(
                quotes.c.fact_id,
                quotes.c.doc_id,
                said,
                documents.c.outlet,
                documents.c.title,
                quotes.c.speaker_actor,
                quotes.c.speaker_actor_id,
                quotes.c.speaker,
                quotes.c.quote_kind,
                quotes.c.cue,
                quotes.c.text,
                quotes.c.start,
                quotes.c.end,
            )
            .join(documents, documents.c.doc_id == quotes.c.doc_id)
            .outerjoin(
                sentences,
                and_(
                    sentences.c.doc_id == quotes.c.doc_id,
                    sentences.c.sentence == quotes.c.sentence,
                ),
            )
        )
        who = []
        if speaker_ids:
            who.append(quotes.c.speaker_actor_id.in_(list(speaker_ids)))
        if speaker_name:
            who.append(func.lower(quotes.c.speaker_actor).contains(speaker_name.lower()))
        if who:
            query = query.where(or_(*who))
        if about:
            query = query.where(func.lower(quotes.c.text).contains(about.lower()))
        if date_from:
            query = query.where(said >= date_from)
        if date_to:
            # "2014" holds "2014-05-29": compare against the end of the prefix.
            query = query.where(said <= date_to + "~")
        query = query.order_by(said, quotes.c.doc_id, quotes.c.start)
        if limit is not None:
            query = query.limit(limit)
        with self._transaction() as connection:  # type: ignore[attr-defined]
            return [QuoteHit(*row) for row in connection.execute(query).all()]
