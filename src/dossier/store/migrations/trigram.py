"""SQLite's trigram index of quote texts: the triggers that keep ``quotes_trigram`` and
``quotes_trigram_keys`` in step with ``quotes`` (revisions 0015 and 0018).

Frozen, like ``ddl.py``: 0015 creates these triggers, 0018 recreates them with the keys in date
order and puts 0015's back on downgrade. SQLite keeps a trigger's text as written, so changing a
character here would change the schema those revisions leave.
"""

from __future__ import annotations

# Removes the old text from the contentless index (which needs it, as ``old.text``) and the
# quote's key.
_FORGET_OLD = """INSERT INTO quotes_trigram(quotes_trigram, rowid, text)
            SELECT 'delete', key, old.text FROM quotes_trigram_keys WHERE fact_id = old.fact_id;
        DELETE FROM quotes_trigram_keys WHERE fact_id = old.fact_id;"""

# last_insert_rowid() inside a trigger is the rowid of the trigger's own last insert: the key.
_INDEX_NEW = "INSERT INTO quotes_trigram(rowid, text) VALUES (last_insert_rowid(), new.text);"

#: 0015's key row: the quote's fact id only.
KEY_BY_FACT = "INSERT INTO quotes_trigram_keys(fact_id) VALUES (new.fact_id);"

#: 0018's key row: the fact id and the quote's place in date order.
KEY_IN_DATE_ORDER = """INSERT INTO quotes_trigram_keys(fact_id, said_date, doc_id, start)
            VALUES (new.fact_id, new.said_date, new.doc_id, new.start);"""

DELETE_TRIGGER = f"""
    CREATE TRIGGER quotes_trigram_delete AFTER DELETE ON quotes BEGIN
        {_FORGET_OLD}
    END
    """


def insert_trigger(add_key: str) -> str:
    """The trigger indexing a new quote; ``add_key`` writes its row of ``quotes_trigram_keys``."""
    return f"""
    CREATE TRIGGER quotes_trigram_insert AFTER INSERT ON quotes BEGIN
        {add_key}
        {_INDEX_NEW}
    END
    """


def update_trigger(add_key: str) -> str:
    """The trigger reindexing a quote whose fact id or text changes; ``add_key`` as above."""
    return f"""
    CREATE TRIGGER quotes_trigram_update AFTER UPDATE OF fact_id, text ON quotes BEGIN
        {_FORGET_OLD}
        {add_key}
        {_INDEX_NEW}
    END
    """
