"""PostgreSQL's walk through the oldest quotes reads half pages, each going on from the last
one's key instead of an offset: quote search by text still answers as the reference query, in
the same order, when the walk spans many pages (a first window of most of the table)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dossier.store import Store, quote_text
from test_quote_text_order import _assert_as_reference, _fill


@pytest.mark.postgres
def test_a_walk_of_many_keyset_pages_answers_as_the_reference(
    postgres_database: str, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(postgres_database) as store:
        _fill(store, make_document, documents=40)
        with store.engine.begin() as connection:
            connection.execute(text("ANALYZE quotes"))
            total = connection.execute(text("SELECT count(*) FROM quotes")).scalar_one()
        # A first span of just under half the quotes: pages of one to 250 ids walk it.
        monkeypatch.setattr(quote_text, "FIRST_WINDOW_QUOTES", int(0.45 * total))
        with store.engine.connect() as connection:
            assert len(quote_text.date_windows(connection)) == 2
        _assert_as_reference(store, postgres_database)
