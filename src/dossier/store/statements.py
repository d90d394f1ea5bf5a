"""Statements in the store: the quotes the statements stage reads, the groups it writes, and
whether they are behind the quotes.

``statements`` holds one row per statement, ``statement_quotes`` the statement of each quote.
The stage rewrites both whole, in one transaction: grouping is over the whole corpus, and a
new copy may move a statement's first appearance or join two groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

from sqlalchemy import Connection

from dossier.extract.statements import QuoteCopy, Statement
from dossier.store.groups import facts_to_group, groups_behind, replace_groups
from dossier.store.schema import quotes, statement_quotes, statements


class StatementsMixin:
    """``Store``'s statement tables: read the quotes to group, replace the groups."""

    def _transaction(self, write: bool = False) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # provided by Store

    def quote_copies(self) -> list[QuoteCopy]:
        """Every stored quote with what grouping needs of its document (date, outlet, order)."""
        query = facts_to_group(
            quotes, quotes.c.text, quotes.c.speaker_actor_id, quotes.c.speaker_actor
        )
        with self._transaction() as connection:
            return [
                QuoteCopy(fact_id, doc_id, seq or 0, date, outlet, start, text, actor_id, actor)
                for fact_id, doc_id, seq, _, date, outlet, start, text, actor_id, actor in (
                    connection.execute(query)
                )
            ]

    def statements_behind(self) -> bool:
        """Whether the statements no longer match the stored quotes: a quote with no statement
        (annotated since the last grouping) or a statement that lost a copy (re-annotated)."""
        with self._transaction() as connection:
            return groups_behind(connection, quotes, statement_quotes, statements.c.quote_count)

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
        members = ((copy.fact_id, group.statement_id) for group in found for copy in group.copies)
        with self._transaction(write=True) as connection:
            replace_groups(connection, statements, statement_quotes, rows, members)
