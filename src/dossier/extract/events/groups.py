"""An armed group told by a bare word: "the separatists", "rebels", "the insurgents" after the
document has named the group ("pro-Russian separatists in Ukraine", linked to the KB) stand for
that group, as "the union" stands for the union named before (``ActorFinder``).

Only where one armed group (the KB's ``REB`` sector, not its leaders) is named more often than
all the others together, and the phrase names no side of its own ("pro-Kiev militias" are
another group): with no such group the bare word stays the unlinked words it is.
"""

from __future__ import annotations

from collections import Counter
from weakref import WeakKeyDictionary

from spacy.tokens import Token

from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.aims import INSURGENT_SECTOR, INSURGENT_WORDS
from dossier.model import EventActor

#: Each finder's (document's) one named armed group, None for none or several.
_GROUPS: WeakKeyDictionary[ActorFinder, EventActor | None] = WeakKeyDictionary()


def _named_group(finder: ActorFinder) -> EventActor | None:
    if finder in _GROUPS:
        return _GROUPS[finder]
    found: dict[str, EventActor] = {}
    counts: Counter[str] = Counter()
    kb = finder.kb
    for mention in finder.index.mentions if kb is not None else []:
        key = mention.actor_id
        if key is None or key.startswith("person:"):
            continue  # a rebel leader is a person, not the group
        if key not in found:
            actor = kb.actors.get(key)
            if actor is None or actor.sector != INSURGENT_SECTOR:
                continue
            found[key] = EventActor(
                actor=mention.actor,
                actor_id=key,
                country=mention.country or actor.country,
                sector=INSURGENT_SECTOR,
                mention_start=mention.start,
                mention_end=mention.end,
            )
        counts[key] += 1
    ranked = counts.most_common()
    # The group the document is about: named more often than all the others together.
    group = None
    if ranked and ranked[0][1] > sum(count for _, count in ranked[1:]):
        group = found[ranked[0][0]]
    _GROUPS[finder] = group
    return group


def _sided(head: Token) -> bool:
    """Whether the phrase names a side of its own ("pro-Kiev militias", "anti-government")."""
    return any(
        t.lower_ in ("pro", "anti") or t.lower_.startswith(("pro-", "anti-")) for t in head.subtree
    )


def armed_group(head: Token, finder: ActorFinder) -> tuple[EventActor, ...]:
    """The armed group a bare word stands for (see the module doc), () for none."""
    if head.lower_ not in INSURGENT_WORDS or _sided(head):
        return ()
    group = _named_group(finder)
    return (group,) if group is not None else ()
