"""The parties to a founding treaty signed in a passive with no agent ("its founding treaty
was signed in the capital", "the treaty establishing the bloc was signed last May"): the
founders of the body it founds, as the knowledge base's memberships record them (status
``founder``, whatever the document's date: the founders signed before the body began)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dossier.extract.events.antecedents import member_state
from dossier.model import EventActor

if TYPE_CHECKING:
    from dossier.extract.events.actors import ActorFinder
    from dossier.extract.events.lexicon import Lemmas
    from dossier.extract.events.triggers import Trigger

#: Nouns for the act that founds a body.
TREATIES = frozenset({"treaty", "charter", "agreement", "accord", "pact", "convention"})
#: Words that say the act founds the body ("founding treaty", "the treaty establishing").
FOUNDING = frozenset({"found", "founding", "establish", "create", "constitute", "constituent"})


def _founding(treaty: Token, lemmas: Lemmas) -> bool:
    if lemmas(treaty) not in TREATIES:
        return False
    return any(w.lower_ in FOUNDING or lemmas(w) in FOUNDING for w in treaty.subtree)


def founders_of(finder: ActorFinder, organisation: str) -> tuple[EventActor, ...]:
    """The founding members of the organisation with id ``organisation``; () for none."""
    kb = finder.kb
    if kb is None:
        return ()
    found = []
    for membership in kb.memberships:
        if membership.org == organisation and membership.status == "founder":
            member = kb.actors.get(membership.member)
            if member is not None:
                found.append(member_state(member))
    return tuple(found)


def founding_parties(
    trigger: Trigger, finder: ActorFinder, lemmas: Lemmas
) -> tuple[EventActor, ...]:
    """The founders of the body a founding treaty founds, signed with no agent told: the
    body the treaty's phrase names ("the treaty founding the union"), else the last
    organisation with founders named before it; () for any other passive."""
    treaty = trigger.target[0] if trigger.target else None
    if treaty is None or not _founding(treaty, lemmas):
        return ()
    for word in treaty.subtree:
        if word is treaty or word.pos_ not in ("NOUN", "PROPN"):
            continue
        for actor in finder.actors(word, members=False):
            found = founders_of(finder, actor.actor_id) if actor.actor_id else ()
            if found:
                return found
    for mention in reversed(finder.index.covering(0, trigger.token.idx)):
        if mention.end <= treaty.idx and mention.label == "ORG" and mention.actor_id:
            found = founders_of(finder, mention.actor_id)
            if found:
                return found
    return ()


def ratified_with(
    trigger: Trigger, source: tuple[EventActor, ...], finder: ActorFinder, lemmas: Lemmas
) -> tuple[EventActor, ...]:
    """The other party to a treaty one state ratifies by signing its ratification law
    ("X signed his country's ratification law"): the last state named by its name before that
    is not the signer's (the one whose accession or treaty is ratified); () when none or no such
    law is signed."""
    objects = [c for c in trigger.token.children if c.dep_ == "dobj"]
    if not objects or not any(lemmas(w) in ("ratification", "ratify") for w in objects[0].subtree):
        return ()
    own = {a.country for a in source if a.country}
    if not own:
        return ()
    for mention in reversed(finder.index.covering(0, trigger.token.idx)):
        named = mention.text.lower().removeprefix("the ")
        if (
            mention.end <= trigger.token.idx
            and (mention.actor_id or "").startswith(("country:", "gov:"))
            and mention.country not in own
            and named in finder.countries  # a state by its name, not its capital
        ):
            return (finder._from_mention(mention),)  # noqa: SLF001
    return ()
