"""Whom an expression of alarm or a condemnation with no one named is aimed at: the doer of
the hostile act the report told just before ("Russian forces shelled the town. Leaders from
Paris to Berlin have expressed alarm."), or the one an accusation just before was aimed at.

Only where the condemnation names no actor of its own (its object, if any, names none) and
says nothing in a clause ("lamented that ...", "claimed that ...": what is said is the
matter, not an act just told), and only from the two sentences up to it: further back the
report has moved on.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.model import Event, EventActor

#: Acts whose doer an alarm raised just after is aimed at.
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})
#: How many sentences back the act may have been told.
REACH = 2


def _keys(actors: tuple[EventActor, ...]) -> set[str]:
    return {a.actor_id or a.actor for a in actors} | {a.country for a in actors if a.country}


def _names_nothing(token: Token, finder_actors) -> bool:  # noqa: ANN001 - a callable
    if any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "prep")]
    return all(not finder_actors(o) for o in objects)


def condemned(
    token: Token,
    source: tuple[EventActor, ...],
    told: list[tuple[int, Event]],
    number: int,
    finder_actors,  # noqa: ANN001 - ActorFinder.actors
) -> tuple[EventActor, ...]:
    """The target of a condemnation naming no one (see the module doc); () for none."""
    if not source or not _names_nothing(token, finder_actors):
        return ()
    mine = _keys(source)
    for at, event in reversed(told):
        if at < number - REACH:
            break
        if event.event_type in HOSTILE and event.source:
            found = event.source
        elif event.event_type == "ACCUSE" and event.target:
            found = event.target
        else:
            continue
        if not _keys(found) & mine:
            return found
    return ()
