"""Acts told as the content of a claim: alleged by someone, not told as done.

"Nemtsov had been gathering evidence that Moscow was arming the rebels", "Georgia's claim
that Armenia shelled the village": the arming and the shelling are what the evidence or the
claim says, which the report does not assert. What it asserts is the claim: its holder (the
noun's possessor, else the subject of the verb the noun hangs from) accuses the act's doer
(PLOVER ACCUSE, CAMEO 112), an event of its own beside the act (which an analyst codes as
well, as what the claim is about). A claim whose holder the sentence names as no actor adds
nothing.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dossier.extract import document
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.events.triggers import subject_of
from dossier.model import Event, EventActor

#: Nouns whose "that" clause (or "of" phrase) is what someone claims or holds to be shown.
CLAIM_NOUNS = frozenset({
    "claim", "allegation", "accusation", "charge", "evidence", "proof", "suggestion",
    "assertion", "insinuation",
})  # fmt: skip
#: The reading of the accusation a claim makes.
ACCUSE_CAMEO = "112"


def claim_noun(token: Token, lemmas: Lemmas) -> Token | None:
    """The noun of claims whose content clause holds the verb ``token`` ("evidence that
    Moscow was arming and aiding": arming, aiding); None for none."""
    for _ in range(3):
        if token.dep_ != "conj":
            break
        token = token.head
    if token.dep_ not in ("acl", "ccomp") or token.head.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        return None  # "the evidence gathered by X" is no content of the evidence
    return token.head if lemmas(token.head) in CLAIM_NOUNS else None


def holder(noun: Token, lemmas: Lemmas) -> Token | None:
    """The phrase of whoever holds the claim ``noun`` names: its possessor, else the
    subject of the verb it is the object of ("Nemtsov, who had gathered evidence")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    return subject_of(noun.head, lemmas) if noun.dep_ == "dobj" else None


def accused_by(
    event: Event, noun: Token, holders: tuple[EventActor, ...], goldstein: float | None
) -> Event | None:
    """The accusation a claim holding ``event`` makes: ``holders`` accuse its doers; None
    where no holder is an actor, or the holders are the doers ("we have evidence that we
    won").

    Its trigger is the claim's noun, not the act's verb: the claim is what tells it, and an
    act that is itself an accusation ("evidence that X abused his power", coded ACCUSE) would
    otherwise give two facts of one type on one span, that is one fact id.
    """
    doers = {a.actor_id or a.actor for a in event.source}
    if not holders or not event.source or doers & {a.actor_id or a.actor for a in holders}:
        return None
    start = noun.idx
    end = start + len(noun.text)
    return replace(
        event,
        text=noun.text,
        start=start,
        end=end,
        provenance=document.provenance(
            noun.doc,
            start,
            end,
            event.provenance.extractor,
            event.provenance.extractor_version,
            event.provenance.confidence,
        ),
        event_type="ACCUSE",
        source=holders,
        target=event.source,
        cameo=ACCUSE_CAMEO,
        goldstein=goldstein,
        mode=None,
        modality="asserted",
    )
