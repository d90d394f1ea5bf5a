"""Full-text search over stored documents, in each database's own engine.

SQLite: the FTS5 table ``documents_fts`` (porter stemming, titles weighted over bodies), ranked
by bm25 and highlighted by ``snippet()``. The query is tried as FTS5 syntax first, so phrases,
``OR``, ``NOT``, ``prefix*`` and ``title:word`` work; a query FTS5 rejects (an unbalanced quote,
``AND`` alone, ``U.S.``, ``al-Assad``) is rewritten into quoted terms instead of failing.

PostgreSQL: the generated ``search_vector`` column, queried with ``websearch_to_tsquery`` (which
accepts any input), ranked by ``ts_rank_cd`` and highlighted by ``ts_headline``.

Both return the same ``SearchHit`` records, best match first; scores are comparable within
one result only.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from dossier.store.records import SearchHit, columns

#: Fields of every search hit, in order.
SEARCH_COLUMNS = columns(SearchHit)

#: Snippet size: FTS5 counts tokens (at most 64), ts_headline words.
SNIPPET_TOKENS = 32
ELLIPSIS = "…"

#: How much of a body PostgreSQL indexes (see migration 0001); a match can only lie in there.
POSTGRESQL_INDEXED_CHARS = 500_000

# Ranking and highlighting are split: snippet() and ts_headline re-read the whole text, so they
# run only on the rows kept by LIMIT, not on every match of a common word.
_SQLITE_QUERY = text(
    """
    WITH top AS (
        SELECT rowid AS seq, rank FROM documents_fts
        WHERE documents_fts MATCH :query ORDER BY rank LIMIT :limit
    )
    SELECT d.doc_id, -top.rank AS score, d.pub_date, d.date_is_estimated, d.outlet, d.title,
           snippet(documents_fts, 1, :start, :stop, :ellipsis, :tokens) AS snippet
    FROM top
    JOIN documents_fts ON documents_fts.rowid = top.seq
    JOIN documents AS d ON d.seq = top.seq
    WHERE documents_fts MATCH :query
    ORDER BY top.rank, d.doc_id
    """
)

# Normalisation 1 divides by 1 + log(length), so long articles do not win on size alone.
_POSTGRESQL_QUERY = text(
    """
    WITH q AS (SELECT websearch_to_tsquery('english', :query) AS tsq),
    top AS (
        SELECT d.doc_id, ts_rank_cd(d.search_vector, q.tsq, 1) AS score
        FROM documents AS d, q
        WHERE d.search_vector @@ q.tsq
        ORDER BY score DESC, d.doc_id
        LIMIT :limit
    )
    SELECT top.doc_id, top.score, d.pub_date, d.date_is_estimated, d.outlet, d.title,
           ts_headline('english', left(d.clean_text, :indexed), q.tsq, :options) AS snippet
    FROM top JOIN documents AS d ON d.doc_id = top.doc_id CROSS JOIN q
    ORDER BY top.score DESC, top.doc_id
    """
)

_FTS5_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUERY_PARTS = re.compile(r'(-?)"([^"]*)"|(\S+)')


def search_documents(
    connection: Connection, query: str, limit: int, highlight: tuple[str, str]
) -> list[SearchHit]:
    """Documents matching ``query``, best first.

    connection: an open connection to the store.
    query: what a person typed; never raises for its syntax.
    limit: most rows to return.
    highlight: the markers put before and after each match in the snippet.
    """
    # NUL cannot reach PostgreSQL at all, and means nothing to FTS5.
    query = query.replace("\x00", " ")
    highlight = (highlight[0].replace("\x00", ""), highlight[1].replace("\x00", ""))
    if not query.strip() or limit <= 0:
        return []
    if connection.dialect.name == "postgresql":
        return _search_postgresql(connection, query, limit, highlight)
    return _search_sqlite(connection, query, limit, highlight)


def _hits(rows: list[tuple[object, ...]]) -> list[SearchHit]:
    return [
        SearchHit(doc_id, float(score), pub_date, bool(estimated), outlet, title, snippet)
        for doc_id, score, pub_date, estimated, outlet, title, snippet in rows
    ]


def _search_sqlite(
    connection: Connection, query: str, limit: int, highlight: tuple[str, str]
) -> list[SearchHit]:
    params = {
        "limit": limit,
        "start": highlight[0],
        "stop": highlight[1],
        "ellipsis": ELLIPSIS,
        "tokens": SNIPPET_TOKENS,
    }
    try:
        rows = connection.execute(_SQLITE_QUERY, {**params, "query": query}).all()
    except OperationalError:
        # FTS5 rejected the syntax (or named a column that does not exist): a statement error
        # in SQLite leaves the transaction usable, so retry with every term quoted.
        safe = quote_fts5_terms(query)
        if safe is None:
            return []
        rows = connection.execute(_SQLITE_QUERY, {**params, "query": safe}).all()
    return _hits([tuple(row) for row in rows])


def quote_fts5_terms(query: str) -> str | None:
    """``query`` rewritten so FTS5 can always parse it: each word or phrase quoted.

    Quoted phrases stay phrases, and ``-word`` excludes a word as it does in web search
    engines (and in PostgreSQL's websearch_to_tsquery); bare operator words are dropped. None
    when nothing searchable is left.

    query: the text a person typed.
    """
    wanted: list[str] = []
    excluded: list[str] = []
    for match in _QUERY_PARTS.finditer(query):
        negated, phrase, word = match.groups()
        if word is not None:
            negated = "-" if word.startswith("-") and len(word) > 1 else ""
            phrase = word.lstrip("-") if negated else word
            if phrase in _FTS5_OPERATORS:
                continue
        term = phrase.replace('"', "")  # an unbalanced quote
        if not any(char.isalnum() for char in term):
            continue  # FTS5 finds no token in it; as a phrase it would match nothing
        (excluded if negated else wanted).append(f'"{term}"')
    if not wanted:
        return None
    expression = " ".join(wanted)
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(excluded)})"
    return expression


def _headline_options(highlight: tuple[str, str]) -> str:
    # ts_headline reads a comma-separated key=value list; double-quoted values may hold commas,
    # spaces and control characters, with "" for a quote inside.
    start, stop = (marker.replace('"', '""') for marker in highlight)
    ellipsis = f" {ELLIPSIS} "
    return (
        f'StartSel="{start}", StopSel="{stop}", MaxWords=35, MinWords=15, '
        f'MaxFragments=2, FragmentDelimiter="{ellipsis}"'
    )


def _search_postgresql(
    connection: Connection, query: str, limit: int, highlight: tuple[str, str]
) -> list[SearchHit]:
    rows = connection.execute(
        _POSTGRESQL_QUERY,
        {
            "query": query,
            "limit": limit,
            "indexed": POSTGRESQL_INDEXED_CHARS,
            "options": _headline_options(highlight),
        },
    ).all()
    return _hits([tuple(row) for row in rows])
