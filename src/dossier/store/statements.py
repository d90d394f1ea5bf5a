"""Statements in the store: the quotes the statements stage reads, the groups it writes, and
whether they are behind the quotes.

``statements`` holds one row per statement, ``statement_quotes`` the statement of each quote.
The stage rewrites both whole, in one transaction: grouping is over the whole corpus, and a
new copy may move a statement's first appearance or join two groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

from sqlalchemy import Connection, delete, exists, func, select

from dossier.extract.statements import QuoteCopy, Statement
from dossier.store.fact_rows import insert_dicts
from dossier.store.schema import documents, quotes, statement_quotes, statements


class StatementsMixin:
    """``Store``'s statement tables: read the quotes to group, replace the groups."""

    def _transaction(self, write: bool = False) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # provided by Store

    def quote_copies(self) -> list[QuoteCopy]:
        """Every stored quote with what grouping needs of its document (date, outlet, order)."""
        query = select(
            quotes.c.fact_id,
            quotes.c.doc_id,
            documents.c.seq,
            documents.c.pub_date,
            documents.c.outlet,
            quotes.c.start,
            quotes.c.text,
            quotes.c.speaker_actor_id,
            quotes.c.speaker_actor,
        ).join(documents, documents.c.doc_id == quotes.c.doc_id)
        with self._transaction() as connection:
            return [
                QuoteCopy(fact_id, doc_id, seq or 0, date, outlet, start, text, actor_id, actor)
                for fact_id, doc_id, seq, date, outlet, start, text, actor_id, actor in (
                    connection.execute(query)
                )
            ]

    def statements_behind(self) -> bool:
        """Whether the statements no longer match the stored quotes: a quote with no statement
        (annotated since the last grouping) or a statement that lost a copy (re-annotated)."""
        ungrouped = select(quotes.c.fact_id).where(
            ~exists().where(statement_quotes.c.fact_id == quotes.c.fact_id)
        )
        with self._transaction() as connection:
            if connection.execute(ungrouped.limit(1)).first() is not None:
                return True
            linked = connection.execute(select(func.count()).select_from(statement_quotes))
            counted = connection.execute(select(func.sum(statements.c.quote_count)))
            return (linked.scalar() or 0) != (counted.scalar() or 0)

    def replace_statements(self, found: Sequence[Statement]) -> None:
        """Store ``found`` as the corpus's statements, in place of all earlier ones, at once.

        found: the statements of every stored quote.
        """
        rows = [
            {
                "statement_id": statement.statement_id,
                "speaker_actor_id": statement.speaker_actor_id,
                "speaker_actor": statement.speaker_actor,
                "first_doc_id": statement.first.doc_id,
                "first_date": statement.first.date,
                "copies": len(statement.documents),
                "quote_count": len(statement.copies),
                "outlets": list(statement.outlets),
            }
            for statement in found
        ]
        members = [
            {"fact_id": copy.fact_id, "statement_id": statement.statement_id}
            for statement in found
            for copy in statement.copies
        ]
        with self._transaction(write=True) as connection:
            connection.execute(delete(statement_quotes))
            connection.execute(delete(statements))
            for table, batch in ((statements, rows), (statement_quotes, members)):
                insert_dicts(connection, table, batch)  # the driver's executemany (``fact_rows``)
