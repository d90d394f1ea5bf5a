"""Answers built from other answers of the query API, over the whole corpus: the timeline
(merged events and statements by date) and the actor co-occurrence network. Pure functions of
records; ``Dossier.timeline`` and ``Dossier.actor_network`` read the records and call them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from dossier.answers import ActorLink, ActorNetwork, ActorNode, Records, TimelineEntry
from dossier.model import Fact, Mention
from dossier.store.records import EventHit, QuoteHit


def timeline_entries(events: Iterable[EventHit], quotes: Iterable[QuoteHit]) -> list[TimelineEntry]:
    """Merged events and statements as one list, by date (undated last), then kind and id."""
    entries = [
        TimelineEntry(
            date=hit.date,
            kind="event",
            what=hit.event_type,
            who=", ".join(a.actor for a in hit.source),
            whom=", ".join(a.actor for a in hit.target),
            text=(hit.sentence_text or hit.text).strip(),
            doc_id=hit.doc_id,
            fact_id=hit.merged_id or hit.fact_id,
            outlet=hit.outlet,
            documents=hit.documents,
        )
        for hit in events
    ]
    entries += [
        TimelineEntry(
            date=hit.date,
            kind="quote",
            what=hit.kind,
            who=hit.speaker_actor or hit.speaker or "",
            whom="",
            text=hit.text,
            doc_id=hit.doc_id,
            fact_id=hit.statement_id or hit.fact_id,
            outlet=hit.outlet,
            documents=hit.copies or 1,
        )
        for hit in quotes
    ]
    entries.sort(key=lambda e: (e.date is None, e.date or "", e.kind, e.fact_id))
    return entries


def cooccurrence(
    mentions: Iterable[Fact], *, within: str = "document", min_weight: int = 1
) -> ActorNetwork:
    """The network of KB actors named together in one document (or sentence): a node per actor
    with the documents naming it, a link per pair weighted by the documents (or sentences)
    naming both. Mentions of no KB actor (NIL, places) are left out.

    Raises ValueError for a ``within`` other than "document" or "sentence".
    """
    if within not in ("document", "sentence"):
        raise ValueError(f"within must be 'document' or 'sentence', not {within!r}")
    names: dict[str, tuple[str, str | None]] = {}
    groups: dict[tuple[str, int | None], set[str]] = {}
    for mention in mentions:
        if not isinstance(mention, Mention) or mention.actor_id is None:
            continue
        names.setdefault(mention.actor_id, (mention.actor, mention.country))
        where = mention.provenance.sentence if within == "sentence" else None
        groups.setdefault((mention.doc_id, where), set()).add(mention.actor_id)
    documents: dict[str, set[str]] = {}
    pairs: Counter[tuple[str, str]] = Counter()
    for (doc_id, _), actor_ids in groups.items():
        ordered = sorted(actor_ids)
        for index, first in enumerate(ordered):
            documents.setdefault(first, set()).add(doc_id)
            for second in ordered[index + 1 :]:
                pairs[first, second] += 1
    links = [
        ActorLink(a, names[a][0], b, names[b][0], weight)
        for (a, b), weight in sorted(pairs.items())
        if weight >= min_weight
    ]
    nodes = [
        ActorNode(actor_id, name, country, len(documents[actor_id]))
        for actor_id, (name, country) in sorted(names.items())
    ]
    return ActorNetwork(within, Records(nodes, ActorNode), Records(links, ActorLink))
