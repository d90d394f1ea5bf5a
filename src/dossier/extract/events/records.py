"""Which coded acts are whole records of who did what to whom (see the package doc): every
act needs its doer (a passive with no agent, "was shot", "have been killed", tells what befell
someone, not who did it), a directed act its recipient, an agreement, a cooperation or a
meeting a second party."""

from __future__ import annotations

from dossier.model import Event

#: PLOVER 2 types whose act is aimed at a recipient: without one the record is incomplete.
DIRECTED = frozenset(
    {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "SANCTION", "AID", "CONCEDE"}
    # Violence and force are done to someone too; a clash between sides (a source of several
    # actors: "fighting between X and Y") is whole without one.
    | {"ASSAULT", "COERCE"}
)
#: Types an act may be shared in rather than aimed: a clash between sides, parties that sign
#: together ("A, B and C signed a treaty"), partners that work or meet together ("the two
#: presidents met"). With several actors as its source such an act is whole without a
#: recipient; one actor alone ("she agreed to keep it off the record", "the committee pledged
#: a reward", "he oversaw the vote", "he met war veterans", "the summit he hosted") names no
#: party to the agreement, the cooperation or the meeting and is no record of one.
SHARED = frozenset({"ASSAULT", "AGREE", "COOPERATE", "CONSULT"})


#: Words of arrival and attendance: a visit whose host is not named ("arrived at the airport",
#: "arrived on Thursday for the forum", "attended a ceremony") tells a journey or a presence,
#: not whom the visitor met.
ARRIVALS = frozenset({
    "arrive", "arrived", "arrives", "arriving", "arrival",
    "attend", "attended", "attends", "attending",
})  # fmt: skip


def complete(event: Event) -> bool:
    """Whether an event is a whole record of who did what to whom: any act needs its doer, a
    directed act its recipient, a shared act a second party, a visit its host (see the
    module doc)."""
    if event.event_type == "CONSULT" and not event.target and event.text.lower() in ARRIVALS:
        return False
    if not event.source:
        return False
    if event.target or event.event_type not in DIRECTED | SHARED:
        return True
    return event.event_type in SHARED and len(event.source) > 1


__all__ = ["DIRECTED", "complete"]
