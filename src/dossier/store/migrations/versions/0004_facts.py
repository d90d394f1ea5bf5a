"""One spine for every fact: stable fact ids, confidence on every fact, sentences as facts,
fact links, and annotation marks per extractor.

Existing facts are carried forward, not dropped: mentions and timexes get their stable
``fact_id`` (the same hash ``dossier.model.make_fact_id`` computes, frozen here so that later
changes to the model cannot change what this migration wrote) and a confidence; each
``sentence_times`` row becomes a ``sentences`` fact with its text and original offsets. The old
per-stage marks go, so the next ``dossier annotate`` redoes every document once, at the new
per-extractor versions, rewriting the same ids.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dossier.store.migrations.ddl import (
    create_annotations,
    create_fact_table,
    document_key,
    extractor_columns,
    mention_columns,
    text_column,
    timex_columns,
)

revision = "0004"
down_revision = "0003"

_CHUNK = 500


def _fact_id(doc_id: str, kind: str, extractor: str, start: int, end: int) -> str:
    material = "\x1f".join((doc_id, kind, extractor, str(start), str(end), ""))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:20]


#: The columns an old mention or timex row carries over as they are: its span and extractor.
_SPAN = ("doc_id", "start", "end", "original_start", "original_end", "sentence")
_CARRIED = (*_SPAN, "extractor", "extractor_version")


def _carried(
    connection: sa.Connection, old: str, kind: str, fields: Sequence[str]
) -> list[dict[str, object]]:
    """Every row of the old table ``old`` as a row of the new one, with its fact id."""
    rows = connection.execute(sa.text(f'SELECT * FROM "{old}"')).mappings().all()
    carried: dict[str, dict[str, object]] = {}
    for row in rows:
        record: dict[str, object] = {name: row[name] for name in (*_CARRIED, *fields)}
        fact_id = _fact_id(row["doc_id"], kind, row["extractor"], row["start"], row["end"])
        record.update(fact_id=fact_id, confidence=row.get("confidence", 1.0))
        # Two old rows on one span (not possible from one extractor run) keep the first.
        carried.setdefault(fact_id, record)
    return list(carried.values())


def _insert(connection: sa.Connection, table: sa.Table, rows: list[dict[str, object]]) -> None:
    for first in range(0, len(rows), _CHUNK):
        connection.execute(sa.insert(table), rows[first : first + _CHUNK])


def _to_original(segments: list[list[int]], offset: int) -> int:
    # OffsetMap.to_original as of this revision, frozen here like the fact id above.
    if not segments:
        return 0
    starts = [s[0] for s in segments]
    index = max(bisect.bisect_right(starts, offset) - 1, 0)
    clean_start, original_start, length = segments[index]
    return original_start + min(offset - clean_start, length)


def _sentences_from_times(connection: sa.Connection) -> list[dict[str, object]]:
    rows = connection.execute(
        sa.text(
            'SELECT t.doc_id, t.sentence, t.start, t."end", t.reference_time, d.clean_text,'
            " d.offset_map FROM sentence_times t JOIN documents d ON d.doc_id = t.doc_id"
        )
    ).all()
    batch = []
    for doc_id, number, start, end, reference, clean_text, offset_map in rows:
        segments = json.loads(offset_map) if isinstance(offset_map, str) else offset_map
        original_start = _to_original(segments, start)
        original_end = _to_original(segments, end - 1) + 1 if end > start else original_start
        batch.append(
            {
                "fact_id": _fact_id(doc_id, "sentence", "dossier_fact_time", start, end),
                "doc_id": doc_id,
                "start": start,
                "end": end,
                "original_start": original_start,
                "original_end": original_end,
                "sentence": number,
                "extractor": "dossier_fact_time",
                "extractor_version": "0003",
                "confidence": 1.0,
                "text": clean_text[start:end],
                "reference_time": reference,
            }
        )
    return batch


_MENTION_FIELDS = ("text", "label", "actor_id", "actor", "role", "country", "metonym", "resolution")
_TIMEX_FIELDS = ("text", "type", "value", "anchor", "mod")


def upgrade() -> None:
    connection = op.get_bind()
    # Read what is stored, drop the old tables (their constraint and index names are reused),
    # create the new ones and write it back.
    old_mentions = _carried(connection, "mentions", "mention", _MENTION_FIELDS)
    old_timexes = _carried(connection, "timexes", "timex", _TIMEX_FIELDS)
    old_sentences = _sentences_from_times(connection)
    for index in ("ix_mentions_doc_id", "ix_mentions_actor_id"):
        op.drop_index(index, table_name="mentions")
    for index in ("ix_timexes_doc_id", "ix_timexes_value"):
        op.drop_index(index, table_name="timexes")
    op.drop_table("mentions")
    op.drop_table("timexes")
    op.drop_table("sentence_times")

    mentions = create_fact_table(
        "mentions",
        *mention_columns(),
    )
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"])
    timexes = create_fact_table(
        "timexes",
        *timex_columns(),
    )
    op.create_index("ix_timexes_value", "timexes", ["value"])
    sentences = create_fact_table(
        "sentences",
        text_column(),
        sa.Column("reference_time", sa.String(64)),
    )
    _insert(connection, mentions, old_mentions)
    _insert(connection, timexes, old_timexes)
    _insert(connection, sentences, old_sentences)

    op.create_table(
        "fact_links",
        document_key("fact_links"),
        sa.Column("from_fact", sa.String(20), nullable=False),
        sa.Column("to_fact", sa.String(20), nullable=False),
        sa.Column("relation", sa.String(64), nullable=False),
        *extractor_columns(),
        sa.PrimaryKeyConstraint("from_fact", "to_fact", "relation", name="pk_fact_links"),
    )
    op.create_index("ix_fact_links_doc_id", "fact_links", ["doc_id"])
    op.create_index("ix_fact_links_to_fact", "fact_links", ["to_fact"])

    # Marks were per stage; they become per extractor. Dropping the old ones makes the next
    # annotate redo each document once (its facts stay readable meanwhile).
    op.drop_table("annotations")
    create_annotations(sa.Column("extractor", sa.String(64), nullable=False))


def downgrade() -> None:
    raise NotImplementedError("0004 is not reversible: restore a backup taken before upgrading")
