"""Conduct toward someone, judged by its adjective; and the side of a speaker whose own country
that conduct is aimed at.

Error kind: none. "Moscow will continue its tough dealing with Ukraine", "a harsh attitude
toward Kyrgyzstan": the noun of conduct ("dealing", "treatment", "attitude") is no cue, its
adjective says the side, and the doer is the clause's subject. And "Moscow will keep up its
pressure on Kazakhstan, a Kazakh lawmaker expects": a speaker who tells of a state's hostile
conduct toward his own country takes the side against that state (his country is the one his
office or the adjective before his name says).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from dossier.extract.events.actors import ActorFinder
from dossier.extract.stance.holders import Holder, holder_country, holders_of
from dossier.extract.stance.subjects import coordinated_subject
from dossier.extract.stance.targets import TargetHit
from dossier.extract.stance.voices import quote_at, quote_speakers
from dossier.kb.loader import KnowledgeBase
from dossier.model import Quote

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector

#: Nouns of conduct toward someone, which take their side from their adjective.
_CONDUCT = frozenset(
    {
        "dealing",
        "dealings",
        "treatment",
        "attitude",
        "approach",
        "behaviour",
        "behavior",
        "policy",
        "posture",
        "rhetoric",
        "handling",
    }
)
_HOSTILE = frozenset(
    {
        "tough",
        "harsh",
        "hostile",
        "aggressive",
        "punitive",
        "brutal",
        "belligerent",
        "confrontational",
        "heavy-handed",
        "cruel",
    }
)
_FRIENDLY = frozenset({"friendly", "warm", "generous", "conciliatory", "cordial"})
_TOWARD = frozenset({"with", "toward", "towards", "to", "of", "on", "against"})


def _conduct(root: Token) -> tuple[int, Token] | None:
    """The side and the noun of conduct that ``root`` is the object of ("its tough dealing
    with X": -1)."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _TOWARD or prep.dep_ != "prep":
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.lower_ not in _CONDUCT:
        return None
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in _HOSTILE:
            return -1, noun
        if child.dep_ == "amod" and child.lower_ in _FRIENDLY:
            return 1, noun
    return None


def _doer(noun: Token) -> Token | None:
    """The subject of the clause the conduct noun is the object of."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "attr") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return coordinated_subject(verb, through=("conj", "xcomp"))


def conduct_stances(
    collector: _Collector,
    hits: list[TargetHit],
    finder: ActorFinder,
    quotes: list[Quote],
    reference: str | None,
    evidence: tuple[str, str | None],
) -> None:
    """A doer's conduct toward a target judged by its adjective (see the module doc). Told
    in a quote or reported speech, it is the speaker's forecast or claim, not the doer's
    known side: only the speaker's own side is read from it (``victims_voice``)."""
    for hit in hits:
        found = _conduct(hit.root)
        if found is None:
            continue
        polarity, noun = found
        subject = _doer(noun)
        if subject is None:
            continue
        quote = quote_at(quotes, hit.start)
        span = (min(subject.idx, hit.start), max(noun.idx + len(noun.text), hit.end))
        for holder in holders_of(subject, finder, collector.kb, reference):
            if quote is None:
                collector.add(
                    holder,
                    (hit.target, hit.target_id, hit.mention),
                    polarity,
                    span,
                    "reported",
                    evidence,
                    reference,
                    noun.text,
                    0.6,
                    0.6,
                )
            elif polarity < 0:
                _victims_side(collector, quote, holder, hit.target_id or "", span, noun.text)


def _speaker_country(doc: Doc, quote: Quote, holder: Holder, kb: KnowledgeBase) -> str | None:
    """The country a speaker speaks for: his office's, or the adjective before his name
    ("Ukrainian lawmaker X")."""
    country = holder_country(kb, holder.actor_id, quote.said_on)
    if country is not None or quote.speaker_start is None:
        return country
    span = doc.char_span(quote.speaker_start, quote.speaker_end or 0, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span.root.subtree if t.i < span.root.i and t.dep_ in ("amod", "compound")]
    for word in words:
        country = kb.country_of_adjective(word.text)
        if country is not None:
            return country
    return None


def _victims_side(
    collector: _Collector,
    quote: Quote,
    doer: Holder,
    target: str,
    span: tuple[int, int],
    cue: str | None,
) -> None:
    """The speakers of ``quote`` whose own country ``target`` is are against ``doer``'s
    state (or ``doer``, a person)."""
    kb = collector.kb
    if not target.startswith(("country:", "gov:")):
        return
    actor = kb.actors.get(doer.actor_id or "")
    if actor is None:
        return
    if actor.type in ("government", "country") and actor.country:
        actor = kb.country_actor(actor.country) or actor
    elif actor.type != "person":
        return
    for speaker in quote_speakers(quote, kb):
        if speaker.actor_id == doer.actor_id:
            continue
        if _speaker_country(collector.doc, quote, speaker, kb) != target.split(":", 1)[1]:
            continue
        collector.add(
            speaker,
            (actor.name, actor.id, None),
            -1,
            span,
            "said",
            ("quote", quote.fact_id),
            quote.said_on,
            cue,
            0.5,
            0.5,
        )


def victims_voice(collector: _Collector, quotes: list[Quote]) -> None:
    """A speaker who tells of a state's hostile conduct toward his own country is against
    that state (see the module doc)."""
    by_id = {q.fact_id: q for q in quotes}
    for stance in list(collector.stances):
        quote = by_id.get(stance.evidence_id or "")
        if quote is None or stance.polarity >= 0 or stance.basis != "reported":
            continue
        _victims_side(
            collector,
            quote,
            Holder(stance.holder, stance.holder_id),
            stance.target_id or "",
            (stance.start, stance.end),
            stance.cue,
        )
