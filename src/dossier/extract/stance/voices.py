"""The voices of a document as stance holders: a quote's speakers, the state a speaker speaks
for, an opinion piece's author, and the side a stretch of words takes (its cue words).

Shared by the readings of ``dossier.extract.stance``: what a holder says and what it does.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.extract import document
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.quotes.author import OPINION_GENRES
from dossier.extract.stance.holders import FIRST_PERSON, Holder, as_holder, holder_country
from dossier.extract.stance.lexicon import StanceLexicon
from dossier.extract.stance.targets import TargetHit
from dossier.kb.loader import KnowledgeBase
from dossier.model import EventActor, Quote

#: spaCy parts of speech that carry stance cues, as ``stance_cues.csv`` names them.
WORD_POS = {"VERB": "verb", "ADJ": "adj", "NOUN": "noun"}


def target_actors(kb: KnowledgeBase, target_id: str) -> tuple[str, ...]:
    """The KB actors a target stands for (the EU for "European integration"), () for none."""
    target = kb.targets.get(target_id)
    return target.actors if target is not None else ()


def same_state(a: str, b: str) -> bool:
    """A government and its country (``gov:RUS``, ``country:RUS``) are one side."""
    pa, _, ca = a.partition(":")
    pb, _, cb = b.partition(":")
    return ca == cb and {pa, pb} <= {"gov", "country"}


def holder_of_name(kb: KnowledgeBase, name: str, actor_id: str | None) -> Holder:
    if actor_id is None:
        found = {a.id for a in kb.find_actors(name)}
        actor_id = found.pop() if len(found) == 1 else None
    country = None
    if actor_id and actor_id.startswith("country:"):
        country = actor_id.split(":", 1)[1]
    return as_holder(EventActor(actor=name, actor_id=actor_id, country=country), kb)


def quote_speakers(quote: Quote, kb: KnowledgeBase) -> list[Holder]:
    """A quote's speakers as holders (several when several speak as one)."""
    if len(quote.speaker_actors) > 1:
        return [holder_of_name(kb, name, None) for name in quote.speaker_actors]
    if quote.speaker_actor:
        holder = holder_of_name(kb, quote.speaker_actor, quote.speaker_actor_id)
        if quote.speaker_start is not None and quote.speaker_end is not None:
            holder = Holder(holder.name, holder.actor_id, quote.speaker_start, quote.speaker_end)
        return [holder]
    return []


def spoken_for(
    holders: list[Holder], speakers: list[Holder], kb: KnowledgeBase, day: str | None
) -> list[Holder]:
    """Holders with a state the speaker speaks for on ``day`` replaced by the speaker: "Armenia
    will join the union, its president said" is the president's stance, which counts for his
    country through his office (error kind a: the gold names the person who said it); so is
    a ministry's (``_own_voice``)."""
    found: list[Holder] = []
    for holder in holders:
        state = kb.actors.get(holder.actor_id or "")
        country = (
            state.country if state is not None and state.type in ("government", "country") else None
        )
        voices = [s for s in speakers if country and holder_country(kb, s.actor_id, day) == country]
        voices = [v for v in voices if _own_voice(kb, v)]
        found.extend(voices or [holder])
    return list(dict.fromkeys(found))


def _own_voice(kb: KnowledgeBase, speaker: Holder) -> bool:
    """Whether a speaker who speaks for a state holds what it says of that state as its own
    side: a person, or one of the state's agencies ("the Foreign Ministry said Russia would
    back ...": the ministry's stance; error kind other-holder: read as the government's)."""
    actor = kb.actors.get(speaker.actor_id or "")
    return (speaker.actor_id or "").startswith("person:") or (
        actor is not None and actor.type == "agency"
    )


def opinion_author(doc: Doc, kb: KnowledgeBase) -> Holder | None:
    """An opinion piece's author, who holds its unattributed claims; None for other genres."""
    genre = (doc._.get(document.GENRE) or "").strip().lower()
    author = (doc._.get(document.AUTHOR) or "").strip()
    if genre not in OPINION_GENRES or not author or ";" in author:
        return None
    return holder_of_name(kb, author, None)


def first_person(subject: Token) -> bool:
    """ "We", "I", or "our farmers", "my country": the speaker's own side."""
    return subject.lower_ in FIRST_PERSON or any(
        c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children
    )


def quote_at(quotes: list[Quote], char: int) -> Quote | None:
    """The innermost quote whose content holds ``char``."""
    inside = [q for q in quotes if q.start <= char < q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def content_polarity(
    doc: Doc, start: int, end: int, lexicon: StanceLexicon, lemmas: Lemmas
) -> tuple[int, str | None]:
    """The sign of the cue words of ``start:end`` (a quote's content, an opinion piece's
    sentence), each negated one flipped, and its first cue word. Cue words that tell what
    others did or felt are not the voice's own side (error kind: an op-ed author's stance
    summed to 0 from the deeds he recounts): a passive verb ("the bloc was created", "was
    left to drift": done by someone unnamed) and an attitude noun whose source a "from" names
    ("met only hostility from the ministries": the ministries' attitude) or a possessor
    ("the country's accession"), a noun said of a third party ("Turkey remains its biggest
    partner"), and an adjective
    after its noun that names a role ("the ministries responsible for trade")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0, None
    total, first = 0, None
    for token in span:
        pos = WORD_POS.get(token.pos_)
        if pos is None:
            continue
        cue = lexicon.cue(pos, token.lower_ if pos == "adj" else lemmas(token))
        if cue is None or cue.polarity == 0 or _others_doing(token, pos):
            continue
        negated = any(c.dep_ == "neg" for c in token.children)
        total += -cue.polarity if negated else cue.polarity
        first = first or token.text
    return (total > 0) - (total < 0), first


def _others_doing(token: Token, pos: str) -> bool:
    """Whether a cue word tells of someone else's deed or attitude (see content_polarity)."""
    if pos == "verb":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        # "should be built": a passive the voice prescribes is its own wish
        return passive and not any(c.tag_ == "MD" for c in token.children)
    if pos == "noun":
        if token.dep_ == "nsubjpass":
            # "membership of X cannot be combined with Y": a passive's subject is what is
            # done with, as a passive verb tells of others' deeds (error kind unsupported)
            return True
        heads = [token, token.head] if token.dep_ in ("dobj", "conj", "pobj") else [token]
        if token.dep_ == "conj":
            heads.append(token.head.head)
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            heads.append(token.head.head)  # "the country's process of accession"
        if token.dep_ == "attr":
            # "Russia remains its largest partner": a word said of a third party
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in FIRST_PERSON:
                return True
        return any(
            (c.dep_ == "prep" and c.lower_ == "from")
            or (c.dep_ == "poss" and c.lower_ not in FIRST_PERSON)
            for head in heads
            for c in head.children
        )
    if pos == "adj":
        # "the ministries responsible for trade": a role after its noun, not a verdict
        return token.dep_ == "amod" and token.head.i < token.i
    return False


def acting_subject(hit: TargetHit, hits: list[TargetHit], doc: Doc) -> bool:
    """Whether a target named as its clause's subject acts there on someone else ("the EU was
    ready to impose sanctions against Russia", "Europe considers Russia's move illegal"): the
    body is the doer, and the clause's words are its side toward the other, not the speaker's
    toward it (error kind other-target: the words read as the speaker's side on the body)."""
    if hit.root.dep_ != "nsubj":
        return False
    own = {t.i for t in hit.root.subtree}
    clause = {t.i for t in hit.root.head.subtree} - own
    if any(h.root.i in clause and h.target_id != hit.target_id for h in hits):
        return True
    return any(
        event.target and any(a.mention_start == hit.start for a in event.source)
        for event in doc._.get(document.EVENTS) or []
    )
