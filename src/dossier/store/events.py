"""Events in the store: asking for them (by actor, country, type and date; each report, or each
merged event once), the reports the merging stage reads, the merged events it writes, and
whether they are behind the reports.

``merged_events`` holds one row per merged event, ``merged_event_reports`` the merged event of
each stored event fact. The stage rewrites both whole, in one transaction: merging is over the
whole corpus, and a new report may join two documents' reports into one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict
from typing import Any

from sqlalchemy import Connection, func, or_, select

from dossier.extract.merge_events import EventReport, MergedEvent
from dossier.model import EventActor
from dossier.store.groups import facts_to_group, groups_behind, replace_groups
from dossier.store.joins import with_document_and_sentence
from dossier.store.quote_text import date_bounds
from dossier.store.records import EventHit
from dossier.store.schema import (
    documents,
    event_actors,
    events,
    merged_event_reports,
    merged_events,
    sentences,
)


def actors_of(value: Any) -> tuple[EventActor, ...]:
    """A stored JSON list of actors as records."""
    return tuple(EventActor(**item) for item in value or ())


def _actor_json(actors: Sequence[EventActor]) -> list[dict[str, Any]]:
    return [asdict(actor) for actor in actors]


class EventsMixin:
    """``Store``'s events: the query, and the merging stage's reads and writes."""

    def _transaction(self, write: bool = False) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # provided by Store

    # -- asking -----------------------------------------------------------------------------

    def events(
        self,
        *,
        actor_ids: Sequence[str] = (),
        actor_name: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        merged: bool = False,
        event: str | None = None,
        limit: int | None = None,
    ) -> list[EventHit]:
        """Stored events, by date (undated last), then document and position: every report, or
        with ``merged`` each merged event once (its first matching report, with the merged
        event's date, actors, modality and counts).

        actor_ids: KB ids one of its actors may have; actor_name: or words an actor's canonical
            name contains (case-insensitive; for actors the KB lacks). Either side counts.
        country: ISO 3166-1 alpha-3 of one of its actors, either side.
        event_type: a PLOVER type. date_from, date_to: ISO dates (any precision) bounding when
            it happened, inclusive; an event with no known date is left out of a bounded ask.
        event: only the reports of this merged event (its id, or a prefix of it).
        limit: at most this many rows (merged events with ``merged``).
        """
        happened = func.coalesce(merged_events.c.date, events.c.date) if merged else events.c.date
        when = happened.label("when")
        query = with_document_and_sentence(
            select(
                events,
                when,
                sentences.c.text.label("sentence_text"),
                documents.c.pub_date,
                documents.c.outlet.label("doc_outlet"),
                documents.c.title,
                documents.c.url,
                merged_events.c.merged_id,
                merged_events.c.date.label("merged_date"),
                merged_events.c.source.label("merged_source"),
                merged_events.c.target.label("merged_target"),
                merged_events.c.cameo.label("merged_cameo"),
                merged_events.c.goldstein.label("merged_goldstein"),
                merged_events.c.modality.label("merged_modality"),
                merged_events.c.reports,
                merged_events.c.documents.label("merged_documents"),
                merged_events.c.outlets,
            ),
            events,
        )
        query = query.outerjoin(
            merged_event_reports, merged_event_reports.c.fact_id == events.c.fact_id
        ).outerjoin(merged_events, merged_events.c.merged_id == merged_event_reports.c.merged_id)
        who = []
        narrowing: list[Any] = []
        if actor_ids:
            who.append(event_actors.c.actor_id.in_(list(actor_ids)))
        if actor_name:
            who.append(func.lower(event_actors.c.actor).contains(actor_name.lower()))
        if who:
            theirs = select(event_actors.c.fact_id).where(or_(*who))
            if not merged:
                # The same bounds on the event's date kept beside its actors: an actor's
                # events of a year are one range of ``ix_event_actors_actor_id_date_fact_id``,
                # not every event of theirs (migration 0017).
                theirs = theirs.where(*date_bounds(event_actors.c.date, date_from, date_to))
                if limit is not None and limit > 0 and actor_ids and not actor_name:
                    # The date of the actor's ``limit``-th row by date, off the same index:
                    # no event of a page is later, so only events up to it are joined and
                    # sorted (tens, not the year's thousands). Fewer hits than a page means
                    # rows and events differ (an actor twice in one event, other filters):
                    # asked again without it below.
                    floor = (
                        theirs.with_only_columns(event_actors.c.date)
                        .where(event_actors.c.date.is_not(None))
                        .order_by(event_actors.c.date)
                        .limit(1)
                        .offset(limit - 1)
                        .scalar_subquery()
                    )
                    narrowing = [or_(floor.is_(None), events.c.date <= floor)]
            query = query.where(events.c.fact_id.in_(theirs))
        if country:
            query = query.where(
                events.c.fact_id.in_(
                    select(event_actors.c.fact_id).where(event_actors.c.country == country.upper())
                )
            )
        if event_type:
            query = query.where(events.c.event_type == event_type.upper())
        if event:
            query = query.where(merged_event_reports.c.merged_id.startswith(event, autoescape=True))
        query = query.where(*date_bounds(happened, date_from, date_to))
        query = query.order_by(
            happened.is_(None),
            happened,
            documents.c.seq,
            events.c.doc_id,
            events.c.start,
            events.c.fact_id,
        )
        if limit is not None and not merged:
            query = query.limit(limit)
        with self._transaction() as connection:
            if narrowing:
                hits = self._event_hits(connection, query.where(*narrowing), merged, limit)
                if len(hits) >= (limit or 0):
                    return hits
            return self._event_hits(connection, query, merged, limit)

    @staticmethod
    def _event_hits(
        connection: Connection, query: Any, merged: bool, limit: int | None
    ) -> list[EventHit]:
        hits: list[EventHit] = []
        seen: set[str] = set()
        for row in connection.execute(query).mappings():
            if merged:
                # Rows come by date: an event's first matching report stands for it.
                event = row["merged_id"] or row["fact_id"]
                if event in seen:
                    continue
                seen.add(event)
            hits.append(_hit(row, merged))
            if limit is not None and len(hits) >= limit:
                break
        return hits

    # -- the merging stage ------------------------------------------------------------------

    def event_reports(self) -> list[EventReport]:
        """Every stored event with what merging needs of its document (order, story, date,
        outlet)."""
        query = facts_to_group(
            events,
            events.c.event_type,
            events.c.source,
            events.c.target,
            events.c.date,
            events.c.modality,
            events.c.cameo,
            events.c.goldstein,
        )
        with self._transaction() as connection:
            return [
                EventReport(
                    fact_id=row.fact_id,
                    doc_id=row.doc_id,
                    seq=row.seq or 0,
                    story_id=row.story_id,
                    pub_date=row.pub_date,
                    outlet=row.outlet,
                    start=row.start,
                    event_type=row.event_type,
                    source=actors_of(row.source),
                    target=actors_of(row.target),
                    date=row.date,
                    modality=row.modality,
                    cameo=row.cameo,
                    goldstein=row.goldstein,
                )
                for row in connection.execute(query)
            ]

    def merged_events_behind(self) -> bool:
        """Whether the merged events no longer match the stored events: an event with no merged
        event (annotated since the last merging) or a merged event that lost a report."""
        with self._transaction() as connection:
            return groups_behind(connection, events, merged_event_reports, merged_events.c.reports)

    def replace_merged_events(self, found: Sequence[MergedEvent]) -> None:
        """Store ``found`` as the corpus's merged events, in place of all earlier ones, at once.

        found: the merged events of every stored event fact.
        """
        rows = [
            {
                "merged_id": event.merged_id,
                "event_type": event.event_type,
                "date": event.date,
                "source": _actor_json(event.source),
                "target": _actor_json(event.target),
                "cameo": event.cameo,
                "goldstein": event.goldstein,
                "modality": event.modality,
                "first_doc_id": event.first.doc_id,
                "reports": len(event.reports),
                "documents": len(event.documents),
                "outlets": event.outlets,
            }
            for event in found
        ]
        members = ((report.fact_id, event.merged_id) for event in found for report in event.reports)
        with self._transaction(write=True) as connection:
            replace_groups(connection, merged_events, merged_event_reports, rows, members)


def _hit(row: Any, merged: bool) -> EventHit:
    """One query row as a record; with ``merged``, carrying its merged event's own fields."""
    as_event = merged and row["merged_id"] is not None
    return EventHit(
        fact_id=row["fact_id"],
        doc_id=row["doc_id"],
        date=row["when"],
        event_type=row["event_type"],
        source=actors_of(row["merged_source"] if as_event else row["source"]),
        target=actors_of(row["merged_target"] if as_event else row["target"]),
        modality=row["merged_modality"] if as_event else row["modality"],
        mode=row["mode"],
        context=row["context"],
        cameo=row["merged_cameo"] if as_event else row["cameo"],
        goldstein=row["merged_goldstein"] if as_event else row["goldstein"],
        location=row["location"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        sentence=row["sentence"],
        sentence_text=row["sentence_text"],
        date_basis=row["date_basis"],
        confidence=row["confidence"],
        extractor=row["extractor"],
        pub_date=row["pub_date"],
        outlet=row["doc_outlet"],
        title=row["title"],
        url=row["url"],
        merged_id=row["merged_id"],
        reports=row["reports"] or 1,
        documents=row["merged_documents"] or 1,
        outlets=tuple(row["outlets"] or ((row["doc_outlet"],) if row["doc_outlet"] else ())),
    )
