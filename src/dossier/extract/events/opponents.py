"""The other side of a fight: a recipient or doer of force the sentence leaves out.

A report of fighting names both sides once ("rebels attacked Georgian troops") and then tells
each side's acts with only one of them ("the rebels launched a new offensive", "several
soldiers were killed in the fighting", "troops blocked the roads into the town"). Two actors
are opponents where an act of force (ASSAULT, COERCE) or forces deployed against someone
(MOBILIZE) set them against each other, both sides named. Where that gives an actor one
opponent and only one, an act of force told as done (not threatened nor supposed) with that
actor alone on one side is done to, or by, that opponent; and a retreat told with the
retreating side alone is a retreat before it. A person's act is left as it was: a leader who
"took control of the inquiry" is not a side of the fight the document reports.

An actor with several opponents in the document (a war of three sides), or none, leaves the
act as it was: incomplete, and out of the reported events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from dossier.extract.events.aims import insurgent
from dossier.model import Event, EventActor

#: Acts of force, whose sides make two actors opponents.
FORCE = frozenset({"ASSAULT", "COERCE"})
#: Acts whose two sides are opponents: force, and forces deployed against someone.
OPPOSING = FORCE | {"MOBILIZE"}
#: Acts told with the doer alone that are done before an opponent: a retreat is from the
#: other side ("the militants are retreating ahead of an army offensive").
BEFORE_OPPONENT = FORCE | {"RETREAT"}
#: How many acts of force make two actors opponents.
SEEN = 1


#: Sectors of a state's own offices and forces: one side in a fight, whichever of them acts.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "government", "military"})


def _key(actor: EventActor) -> str:
    """One key per side: a state's government, army and police are one side ("Ukrainian
    troops" fight whom "Kiev" fights); an armed group fighting its state is its own."""
    state = actor.sector in _STATE_SECTORS or (actor.actor_id or "").startswith(
        ("gov:", "country:")
    )
    if actor.country and (state or actor.actor_id is None) and not insurgent(actor):
        return f"state:{actor.country}"
    return actor.actor_id or actor.actor.lower()


def _opponents(events: list[Event]) -> dict[str, dict[str, EventActor]]:
    """Each actor's opponents, by key: those it fought in ``SEEN`` acts of force at least,
    with both sides named."""
    pairs: Counter[tuple[str, str]] = Counter()
    actors: dict[str, EventActor] = {}
    for event in events:
        if event.event_type not in OPPOSING or not event.source or not event.target:
            continue
        for doer in event.source:
            for done_to in event.target:
                one, other = _key(doer), _key(done_to)
                if one != other:
                    actors.setdefault(one, doer)
                    actors.setdefault(other, done_to)
                    pairs[tuple(sorted((one, other)))] += 1  # type: ignore[arg-type]
    found: dict[str, dict[str, EventActor]] = {}
    for (one, other), count in pairs.items():
        if count >= SEEN:
            found.setdefault(one, {})[other] = actors[other]
            found.setdefault(other, {})[one] = actors[one]
    return found


def _sole(actors: tuple[EventActor, ...], opponents: dict) -> EventActor | None:
    """The one opponent every actor of ``actors`` has, None where any has none or several."""
    if any((actor.actor_id or "").startswith("person:") for actor in actors):
        return None  # a person's act ("took control of the inquiry") is no side's in a fight
    keys = {_key(actor) for actor in actors}
    found: dict[str, EventActor] = {}
    for actor in actors:
        theirs = {k: a for k, a in opponents.get(_key(actor), {}).items() if k not in keys}
        if len(theirs) != 1:
            return None
        found.update(theirs)
    return next(iter(found.values())) if len(found) == 1 else None


def with_opponents(events: list[Event], alone: frozenset[int] = frozenset()) -> list[Event]:
    """``events`` with each act of force that names one side given the other (module doc);
    ``alone``: the ``id`` of each loss told outside a fight, left without its doer."""
    opponents = _opponents(events)
    if not opponents:
        return events
    kept = []
    for event in events:
        if event.modality != "asserted":
            pass  # a threat or a supposition ("would have been killed") names its own sides
        elif event.event_type in BEFORE_OPPONENT and event.source and not event.target:
            other = _sole(event.source, opponents)
            event = replace(event, target=(other,)) if other is not None else event
        elif event.event_type in FORCE and event.target and not event.source:
            if id(event) in alone:
                kept.append(event)
                continue
            other = _sole(event.target, opponents)
            event = replace(event, source=(other,)) if other is not None else event
        kept.append(event)
    return kept
