"""A crowd that protests is protesters: "a crowd gathered on the square", "demonstrators
marched" name no actor of their own, only people protesting. ``protesters`` gives such an
unlinked source the name of the group it is (the words of a side, "pro-Kremlin
demonstrators", are kept: they say whose side the crowd is on)."""

from __future__ import annotations

from dataclasses import replace

from dossier.model import EventActor

#: Bare nouns for a gathering of people, which in a protest are its protesters.
CROWD_NOUNS = frozenset({
    "crowd", "crowds", "demonstrators", "marchers", "protestors", "demonstrator", "protester",
})  # fmt: skip
PROTESTERS = "protesters"


def protesters(event_type: str, source: tuple[EventActor, ...]) -> tuple[EventActor, ...]:
    """``source`` with an unlinked bare crowd noun named ``protesters`` in a PROTEST event."""
    if event_type != "PROTEST":
        return source
    return tuple(
        replace(actor, actor=PROTESTERS)
        if actor.actor_id is None and actor.actor.lower().strip() in CROWD_NOUNS
        else actor
        for actor in source
    )
