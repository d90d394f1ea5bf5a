"""Whom an act is done to when the sentence names no actor as its recipient: the state whose
places it is done to ("seized buildings in Nakhchivan, Azerbaijan"), or the one who knows or
fears it ("Kyiv knows that when Moscow is angry it cuts off the gas"). Guesses from context.

Insurgents (the KB's ``REB`` sector, or a phrase that names them: "the rebels") act against
the state whose land they hold: their own country, unlike a state's, is no reason to look past
it ("separatists seized police stations in eastern Moldova" is done to Moldova).
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.events.recipients import implied_recipient
from dossier.extract.events.triggers import Trigger
from dossier.model import EventActor

#: Types of acts done to places as well as to actors.
TERRITORIAL = frozenset({"ASSAULT", "COERCE"})
#: Types of acts done to someone, whose target the sentence may give only as the one who
#: knows or fears them; and the verbs of that knowing or fearing.
EXPERIENCED = frozenset({"SANCTION", "COERCE", "THREATEN", "ASSAULT"})
COGNITION = frozenset({"know", "fear", "remember", "understand", "worry", "dread"})
#: Directed acts about a matter, whose matter's places may name the state they are aimed at.
PLACED = frozenset({"REQUEST", "ACCUSE", "REJECT"})
#: Words for insurgents, and the KB's sector code for them.
INSURGENT_WORDS = frozenset({
    "rebels", "insurgents", "separatists", "militants", "gunmen", "militias", "militiamen",
    "rebel", "insurgent", "separatist", "militant", "militia",
})  # fmt: skip
INSURGENT_SECTOR = "REB"
#: Words that stand for a state named before ("the country's record").
STATE_WORDS = frozenset({"country", "nation", "state"})
#: What one proposes or asks, whose maker an answer to it is aimed at.
PROPOSALS = frozenset({
    "request", "requests", "offer", "offers", "proposal", "proposals", "demand", "demands",
    "appeal", "invitation", "initiative", "application", "bid", "plea",
})  # fmt: skip

#: Verbs (as written: the pipeline has no lemmatizer) of making or handing in one's own
#: proposal: "submitted its request" is the subject's.
MAKING = frozenset({
    "submit", "submits", "submitted", "submitting", "make", "makes", "made", "making",
    "file", "files", "filed", "filing", "lodge", "lodges", "lodged", "lodging", "send",
    "sends", "sent", "sending", "present", "presents", "presented", "presenting", "table",
    "tables", "tabled", "tabling", "renew", "renews", "renewed", "renewing", "withdraw",
    "withdraws", "withdrew", "withdrawn", "withdrawing", "drop", "drops", "dropped",
    "dropping", "hand", "hands", "handed", "handing", "put", "puts", "putting",
})  # fmt: skip


def insurgent(actor: EventActor) -> bool:
    """Whether ``actor`` is an armed group fighting its own state (see the module doc)."""
    if actor.sector == INSURGENT_SECTOR:
        return True
    words = actor.actor.lower().split()
    return actor.actor_id is None and bool(words) and words[-1] in INSURGENT_WORDS


def doers(
    head: Token,
    verb: Token,
    finder: ActorFinder,
    besides: frozenset[str],
    source: tuple[EventActor, ...] = (),
) -> tuple[EventActor, ...]:
    """Those an act named by a noun is done by ("condemned the shelling by Serbian forces",
    "welcomed the offer by Kyiv"): an act aimed at what someone did is aimed at its doer. The
    parse may hang the "by" phrase on the verb, which, active, has no agent of its own."""
    if head.pos_ != "NOUN":
        return ()
    if head.lower_ in PROPOSALS and verb.lower_ not in MAKING:
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in ("his", "her", "its", "their"):
                # "agreed to his request": the one who made it.
                return finder.actors(child, target=True, besides=besides)
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            # "condemned Moscow's annexation", "criticised the country's record": an act
            # aimed at what someone did or has is aimed at its owner.
            owners = finder.actors(child, target=True, besides=besides)
            if not owners and child.lower_ in STATE_WORDS:
                owners = _the_state(child, finder, source)
            if owners:
                return owners
    children = list(head.children)
    if any(c.dep_ == "nsubj" for c in verb.children):
        children += [c for c in verb.children if c.i > head.i]
    for child in children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            for word in child.children:
                if word.dep_ == "pobj":
                    return finder.actors(word, target=True, besides=besides)
    return ()


def _the_state(word: Token, finder: ActorFinder, source: tuple[EventActor, ...]) -> tuple:
    """The state "the country" stands for: the one its sentence names, else the last one
    named before it, other than the source's own; () for none."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in word.children):
        return ()
    mine = {actor.country for actor in source if actor.country}
    country = finder.sentence_country(word.sent, mine)
    if country is None:
        before = finder.state_before(word.idx, mine)
        country = before.country if before is not None else None
    return () if country is None else (finder.state(country, word),)


def owning_body(head: Token, finder: ActorFinder) -> tuple[EventActor, ...]:
    """The member states of the body a plural of leaders names as its own ("the union's
    leaders", "the leaders of the bloc"), on the document's date; () for none."""
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for owner in owners:
        for body in finder.actors(owner, members=False):
            members = finder.members(body)
            if members:
                return members
    return ()


def experiencer(
    trigger: Trigger, finder: ActorFinder, source: tuple[EventActor, ...], lemmas: Lemmas
) -> tuple[EventActor, ...]:
    """The subject of a verb of knowing or fearing whose complement holds the trigger (see
    ``EXPERIENCED``), when it is an actor other than the source; () otherwise."""
    token = trigger.token
    for _ in range(4):
        if token.dep_ == "ccomp" or token.head.i == token.i:
            break
        token = token.head
    if token.dep_ != "ccomp" or lemmas(token.head) not in COGNITION:
        return ()
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return ()
    found = finder.actors(subject)
    mine = {a.actor_id or a.actor for a in source} | {a.country for a in source if a.country}
    if any((a.actor_id or a.actor) in mine or a.country in mine for a in found):
        return ()
    return found


def _phrase_country(heads: list[Token], finder: ActorFinder, besides: set[str]) -> str | None:
    """The first country the phrases of ``heads`` name (by a place, a capital or an adjective)."""
    for head in heads:
        span = head.doc[head.left_edge.i : head.right_edge.i + 1]
        country = finder.sentence_country(span, besides)
        if country is not None:
            return country
    return None


def _finite_relative(word: Token) -> bool:
    return word.dep_ == "relcl" and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in word.children
    )


def _place_country(heads: list[Token], finder: ActorFinder, besides: set[str]) -> str | None:
    """The first country a place named in the phrases of ``heads`` lies in, not by an
    adjective ("a Ukrainian prosecutor" is no place), nor in a finite relative clause: a
    matter's place."""
    for head in heads:
        # Not a finite relative clause's places: "help with refugees who came from X" is not
        # about X; an infinitive tells what is asked ("rights to be accorded to X's regions").
        clauses = {w.i for w in head.subtree if _finite_relative(w) for w in w.subtree}
        for word in head.subtree:
            if word.ent_type_ in ("GPE", "LOC") and word.i not in clauses:
                country = finder.sentence_country(word.doc[word.i : word.i + 1], besides)
                if country is not None:
                    return country
    return None


def aimed(
    trigger: Trigger,
    finder: ActorFinder,
    source: tuple[EventActor, ...],
    target: tuple[EventActor, ...],
) -> tuple[EventActor, ...]:
    """The target of an attack on or seizure of places that name no actor, or of a threat
    that names none ("threatened to invade if Russians in Moldova need protection"): the
    state the places' phrases name, else the one its sentence names, besides the source's
    own (an insurgent's excepted: see the module doc)."""
    if target or not source:
        return target
    implied = implied_recipient(trigger, finder, source)
    if implied:
        return implied
    threat = trigger.entry.plover == "THREATEN"
    if trigger.entry.plover in PLACED and trigger.target:
        # "called for greater rights for the eastern regions of Ukraine": the state whose
        # places the request or charge is about, from its own phrases only.
        besides = {actor.country or "" for actor in source}
        country = _place_country(trigger.target, finder, besides)
        return target if country is None else (finder.state(country, trigger.target[0]),)
    if not threat and not (trigger.entry.plover in TERRITORIAL and trigger.target):
        return target
    at = trigger.target[0] if trigger.target else trigger.token
    besides = {actor.country or "" for actor in source if not insurgent(actor)}
    country = None
    if not threat:
        country = _phrase_country([*trigger.target, *trigger.scene], finder, besides)
    if country is None:
        country = finder.sentence_country(trigger.token.sent, besides)
    return target if country is None else (finder.state(country, at),)
