"""A person who confronts another challenges them in words.

The lexicon reads a bare "confront" as a meeting (CAMEO 040, CONSULT). One person who
"confronted" another ("the senator confronted the minister about the payments") faces them
with a complaint: no consultation, a criticism (PLOVER ACCUSE). A confrontation of forces
("troops confronted the protesters") or any other actor keeps the lexicon's reading.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import Lemmas
from dossier.model import EventActor

#: Verbs of facing someone that, between people, tell a challenge in words.
CONFRONTING = frozenset({"confront"})


def _person(actors: tuple[EventActor, ...]) -> bool:
    return bool(actors) and all((a.actor_id or "").startswith("person:") for a in actors)


def challenged(
    token: Token,
    lemmas: Lemmas,
    source: tuple[EventActor, ...],
    target: tuple[EventActor, ...],
) -> bool:
    """Whether ``token`` is a verb of confronting done by a person to a person (module doc)."""
    return (
        token.pos_ == "VERB"
        and lemmas(token) in CONFRONTING
        and _person(source)
        and (_person(target))
    )


__all__ = ["CONFRONTING", "challenged"]
