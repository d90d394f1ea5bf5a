"""Settling a sentence's stances: those the rest of their sentence overturns, and one side
told several ways in one sentence counted once.

Error kind polarity: "X was due to sign an association agreement with the EU, but at the last
minute he dumped the plan" was read as X for the EU (the signing, as an event and as a
reported intent); the abandonment is the holder's last word, so the course is against.
Runs on the collected stances, after every reading, since each reading finds the course on
its own span and none sees the clause that drops it.

Error kind double-counting: "X was due to sign the agreement" gave one stance from the signing
event and two from the reported clause (a shorter and a longer span), so a by-country timeline
counted one sentence as three pieces of evidence. Overlapping stances of one holder, target and
side in one sentence collapse to the strongest; the others' evidence facts are linked to it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dossier.model import FactLink

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector

#: Verbs (as written) by which a holder gives up a course it had taken or meant to take.
_DROPPING = frozenset(
    {
        "abandon", "abandoned", "abandons", "dump", "dumped", "dumps", "drop", "dropped",
        "drops", "scrap", "scrapped", "scraps", "shelve", "shelved", "shelves", "ditch",
        "ditched", "ditches", "cancel", "cancelled", "canceled", "cancels", "renounce",
        "renounced", "renounces", "reneged", "abandoning", "dropping", "scrapping",
        "reversed", "reverses", "reverse",
    }
)  # fmt: skip
#: Verbs that drop a course with a particle or preposition ("backed out of the deal").
_LEAVING = frozenset({"backed", "walked", "pulled", "backs", "walks", "pulls"})
#: What the dropped thing is called when it takes the course up ("the plan", "the deal").
_COURSE_NOUNS = frozenset(
    {"plan", "plans", "deal", "agreement", "accord", "pact", "treaty", "idea", "bid",
     "project", "move", "course", "signing", "decision", "pledge", "promise"}
)  # fmt: skip
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _takes_up_course(obj: Token) -> bool:
    """Whether the dropped object is the course named before: "it", or "the plan"."""
    if obj.lower_ in ("it", "them"):
        return True
    if obj.lower_ == "course" and obj.head.lower_.startswith("revers"):
        return True  # "reversed course": the idiom needs no article
    if obj.lower_ not in _COURSE_NOUNS:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in obj.children)


def _dropped_object(verb: Token) -> Token | None:
    """The object a dropping verb gives up: its direct object, or the noun of "out of",
    "away from" ("walked away from the deal")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    for child in verb.children:
        # "backed out of", "walked away from", "pulled out of": not "at the last minute"
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ in ("prt", "advmod") and child.lower_ in ("out", "away"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _dropper_is(verb: Token, holder: str) -> bool:
    """Whether the dropping verb's subject is the holder: a pronoun, the holder's name
    (or its last word), or none of its own (a verb sharing the first clause's subject)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return verb.dep_ == "conj"
    if subject.lower_ in _PRONOUNS:
        return True
    words = holder.casefold().split()
    return bool(words) and subject.lower_ == words[-1]


def dropped_courses(collector: _Collector) -> None:
    """Turn a stance for a course against it where a later clause of its sentence says its
    holder then dropped that course ("..., but he dumped the plan")."""
    doc = collector.doc
    for n, stance in enumerate(collector.stances):
        if stance.polarity <= 0:
            continue
        span = doc.char_span(stance.start, stance.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span[0].sent
        for verb in sent:
            if verb.i < span.end or verb.lower_ not in _DROPPING | _LEAVING:
                continue
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            # a turn of course: "but" (or "then") between the course and its dropping
            between = doc[span.end : verb.i]
            if not any(t.lower_ in ("but", "then", "later") for t in between):
                continue
            obj = _dropped_object(verb)
            if obj is None or not _takes_up_course(obj) or not _dropper_is(verb, stance.holder):
                continue
            collector.stances[n] = replace(stance, polarity=-1)
            break


def settle_stances(collector: _Collector) -> None:
    """Both settlements, in order: the dropped course turns first, so a stance and its
    overturned twins collapse on the same side."""
    dropped_courses(collector)
    collapse_overlaps(collector)
    leaders_for_states(collector)


def leaders_for_states(collector: _Collector) -> None:
    """Error kind other-holder (a state credited where the report credits its leader): where
    a person who speaks for a state takes a side on a course (a KB target: an integration
    project) in the document, the same side that the document gives the state itself ("Moscow
    hopes for a Eurasian Union" beside its president signing the declaration) is the course
    he leads, not a second holder's. A state's side that no person of it shares stays, and so
    does a state's side toward another actor, which states and their people both take
    ("Moscow denounced Kyiv's operation" beside its president's demand to Kyiv). A state's
    agency is the state here ("the Kremlin pressed X to join the union" beside its president's
    plan for the union; round 12, error kind other-holder)."""
    led = {
        (stance.holder_country, stance.target_id, stance.polarity)
        for stance in collector.stances
        if (stance.holder_id or "").startswith("person:")
        and stance.holder_country
        and (stance.target_id or "").startswith("target:")
    }
    gone = {
        stance.fact_id
        for stance in collector.stances
        if (stance.holder_id or "").startswith(("gov:", "country:", "agency:"))
        and (stance.holder_country, stance.target_id, stance.polarity) in led
    }
    if gone:
        collector.stances = [s for s in collector.stances if s.fact_id not in gone]
        collector.links = [link for link in collector.links if link.from_fact not in gone]


def _overlap(a, b) -> bool:  # noqa: ANN001 - two Stance facts
    return a.start < b.end and b.start < a.end


def collapse_overlaps(collector: _Collector) -> None:
    """Keep one stance per holder, target and side among overlapping evidence in a sentence:
    the strongest (then the surest, then the widest span); link the others' evidence to it."""
    stances = collector.stances
    rank = sorted(
        range(len(stances)),
        key=lambda i: (
            -stances[i].strength,
            -stances[i].provenance.confidence,
            -(stances[i].end - stances[i].start),
            i,
        ),
    )
    kept: list[int] = []
    dropped: dict[str, str] = {}  # dropped fact_id -> kept fact_id
    for i in rank:
        stance = stances[i]
        twin = next(
            (
                stances[k]
                for k in kept
                if stances[k].provenance.sentence == stance.provenance.sentence
                and (stances[k].holder_id or stances[k].holder)
                == (stance.holder_id or stance.holder)
                and stances[k].target_id == stance.target_id
                and stances[k].polarity == stance.polarity
                and _overlap(stances[k], stance)
            ),
            None,
        )
        if twin is None:
            kept.append(i)
        else:
            dropped[stance.fact_id] = twin.fact_id
    if not dropped:
        return
    linked = {(link.from_fact, link.to_fact) for link in collector.links}
    links: list[FactLink] = []
    for link in collector.links:
        into = dropped.get(link.from_fact)
        if into is None:
            links.append(link)
        elif link.relation == "evidence" and (into, link.to_fact) not in linked:
            # the twin's evidence (an event, a quote) still backs the stance kept
            links.append(replace(link, from_fact=into))
            linked.add((into, link.to_fact))
    collector.links = links
    collector.stances = [stances[i] for i in sorted(kept)]
