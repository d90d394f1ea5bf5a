"""Reading stored quotes across documents: by speaker, words, and when they were said; each
statement once, or every copy of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    bindparam,
    func,
    or_,
    select,
    update,
)

from dossier.store.quote_text import (
    candidate_pages,
    date_bounds,
    trigram,
    trigram_keys,
    trigram_match,
    trigram_phrase,
)
from dossier.store.records import QuoteHit
from dossier.store.schema import documents, quotes, sentences, statement_quotes, statements


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
        all_copies: bool = False,
    ) -> list[QuoteHit]:
        """Stored quotes, oldest first: each statement once (its earliest matching copy, with
        the statement's copies, outlets and first appearance), or every copy.

        speaker_ids: KB ids the speaker may have; speaker_name: or a name the speaker's
            canonical name contains (case-insensitive; for NIL speakers and groups).
        about: words the quote's text contains (case-insensitive).
        date_from, date_to: ISO dates (any precision) bounding when it was said, inclusive.
        limit: at most this many rows (statements, or copies with ``all_copies``).
        all_copies: every quote, copies of one statement included; each still names its
            statement. A quote not grouped yet is shown as a statement of its own.
        """
        # When it was said (``said_on``, else its sentence's time, else the document's date),
        # stored by the writer so that the order and the bounds come off an index.
        said = quotes.c.said_date.label("said")
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
                quotes.c.medium,
                quotes.c.said_on,
                statements.c.statement_id,
                statements.c.copies,
                statements.c.outlets,
                statements.c.first_date,
                statements.c.first_doc_id,
            )
            .join(documents, documents.c.doc_id == quotes.c.doc_id)
            .outerjoin(statement_quotes, statement_quotes.c.fact_id == quotes.c.fact_id)
            .outerjoin(statements, statements.c.statement_id == statement_quotes.c.statement_id)
        )
        who = []
        if speaker_ids:
            who.append(quotes.c.speaker_actor_id.in_(list(speaker_ids)))
        if speaker_name:
            who.append(func.lower(quotes.c.speaker_actor).contains(speaker_name.lower()))
        exact: list[ColumnElement[bool]] = [or_(*who)] if who else []
        like = func.lower(quotes.c.text).contains((about or "").lower())
        if about:
            exact.append(like)
        exact.extend(date_bounds(quotes.c.said_date, date_from, date_to))
        # fact_id last: a total order, so that pages of it follow on from each other.
        order = (quotes.c.said_date, quotes.c.doc_id, quotes.c.start, quotes.c.fact_id)
        hits: list[QuoteHit] = []
        seen: set[str] = set()

        def keep(rows: Sequence[Any]) -> bool:
            """Add ``rows`` (oldest first) to the hits; True once ``limit`` are in."""
            for row in rows:
                *quote, outlets, first_seen, first_seen_doc = row
                hit = QuoteHit(*quote, tuple(outlets or ()), first_seen, first_seen_doc)
                if not all_copies:
                    # Rows come oldest first: a statement's first matching copy stands for it.
                    statement = hit.statement_id or hit.fact_id
                    if statement in seen:
                        continue
                    seen.add(statement)
                hits.append(hit)
                if limit is not None and len(hits) >= limit:
                    return True
            return False

        # Read in pages, each with a LIMIT the database can stop at, rather than every matching
        # row: each statement once may skip copies, so a page may fall short and the next
        # follows. (A driver buffers a whole result; PostgreSQL's would be every quote.)
        page = None if limit is None else (limit if all_copies else max(2 * limit, 100))
        with self._transaction() as connection:  # type: ignore[attr-defined]
            pages = None
            if about and page is not None and not who:
                # A page of candidates at a time, in order, off a text index (``quote_text``);
                # the rows are read for a page only, and kept where the exact conditions hold.
                pages = candidate_pages(connection, about, like, (date_from, date_to), page)
            if pages is not None:
                # A page holds twice the asked rows, in case copies are passed over; its rows are
                # read ``limit`` at a time, in order, so that a page whose first rows suffice
                # reads no more of them (each a random read of three tables on a cold cache).
                step = max(limit or 0, 1)
                # The same LIKE on ``text || ''``, which no index holds: PostgreSQL's planner
                # otherwise took the trigram index for it and read every match of the words
                # (thousands, at a million documents) to keep the page's few ids, where each id
                # is one look-up of the primary key.
                text_again = func.lower(quotes.c.text.concat("")).contains((about or "").lower())
                rows_exact = [text_again if term is like else term for term in exact]
                for ids in pages:
                    for start in range(0, len(ids), step):
                        chunk = ids[start : start + step]
                        found = query.where(quotes.c.fact_id.in_(chunk), *rows_exact)
                        found = found.order_by(*order)
                        if keep(connection.execute(found).all()):
                            return hits
                return hits
            query = query.where(*exact).order_by(*order)
            if about and self.dialect == "sqlite":  # type: ignore[attr-defined]
                # PostgreSQL's planner takes its trigram index for the LIKE by itself.
                query = query.where(*trigram_prefilter(about))
            offset = 0
            while True:
                rows = connection.execute(query.limit(page).offset(offset or None)).all()
                if keep(rows) or page is None or len(rows) < page:
                    return hits
                offset += page


def trigram_prefilter(about: str) -> list[ColumnElement[bool]]:
    """On SQLite, the condition that narrows a text search to the quotes the trigram index
    finds: a superset of the LIKE's matches (the index folds case at least as far as the LIKE
    does), which the LIKE then narrows to exactly them. None where no piece of ``about``
    between LIKE's wildcards has three characters: the index finds nothing shorter."""
    phrase = trigram_phrase(about)
    if phrase is None:
        return []
    found = (
        select(trigram_keys.c.fact_id)
        .join(trigram, trigram.c.rowid == trigram_keys.c.key)
        .where(trigram_match(phrase))
    )
    return [quotes.c.fact_id.in_(found)]


def refresh_said_dates(connection: Connection, doc_id: str) -> None:
    """Derive ``quotes.said_date`` again for one document's quotes: ``said_on``, else the
    reference time of the quote's sentence, else the document's date. Run after every write to
    the document's facts or date, since any of the three may have changed."""
    connection.execute(_REFRESH_SAID, {"doc": doc_id})


def said_date_of_quote() -> ColumnElement[str | None]:
    """The SQL for a quote's said date, correlated to the ``quotes`` row being written (the one
    derivation: migration 0014 backfilled with a frozen copy of it)."""
    sentence_time = (
        select(func.min(sentences.c.reference_time))
        .where(sentences.c.doc_id == quotes.c.doc_id, sentences.c.sentence == quotes.c.sentence)
        .scalar_subquery()
    )
    document_date = (
        select(documents.c.pub_date).where(documents.c.doc_id == quotes.c.doc_id).scalar_subquery()
    )
    return func.coalesce(quotes.c.said_on, sentence_time, document_date)


# Built once (a statement keeps its cache key): the writer runs it for every document.
_REFRESH_SAID = (
    update(quotes).where(quotes.c.doc_id == bindparam("doc")).values(said_date=said_date_of_quote())
)
