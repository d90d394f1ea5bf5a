"""A side taken with its target left unsaid: "Other republics, which Moscow urged to join the
Customs Union, have been reluctant to sign up". A want and an act named with no object take
the last KB target named before them in the sentence (moved out of ``dossier.extract.stance``
unchanged).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.stance.holders import FIRST_PERSON, holders_of
from dossier.extract.stance.lexicon import StanceLexicon
from dossier.extract.stance.targets import TargetFinder

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector


def _object_of(token: Token) -> bool:
    """Whether a cue word says what it is toward: an object, or a prepositional phrase."""
    return any(c.dep_ in ("dobj", "pobj", "prep", "attr", "ccomp") for c in token.children)


def elliptical_stances(
    collector: _Collector,
    sentence,
    targets: TargetFinder,
    finder: ActorFinder,
    words: tuple[StanceLexicon, Lemmas],
    reference: str | None,
    evidence: tuple[str, str | None],
) -> None:
    """A side taken with its target left unsaid ("Other republics, which Moscow urged to join
    the Customs Union, have been reluctant to sign up"): the cue chain from the innermost
    verb up to the subject has no object, and the target is the last KB target named before it
    in the sentence."""
    lexicon, lemmas = words
    named = [h for h in targets.in_span(sentence) if (h.target_id or "").startswith("target:")]
    if not named:
        return
    for token in sentence:
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in FIRST_PERSON:
            continue
        chain = [token]
        while True:
            below = [c for c in chain[-1].children if c.dep_ in ("xcomp", "acomp")]
            if not below:
                break
            chain.append(below[0])
        if len(chain) < 2 or _object_of(chain[-1]) or chain[-1].dep_ not in ("xcomp",):
            continue
        polarity, strength, cues = 1, 1.0, []
        for word in chain:
            pos = {"VERB": "verb", "ADJ": "adj"}.get(word.pos_)
            particle = next((c.lower_ for c in word.children if c.dep_ == "prt"), None)
            lemma = word.lower_ if pos == "adj" else lemmas(word)
            cue = None if pos is None else lexicon.cue(pos, lemma, particle)
            if cue is not None and cue.polarity:
                polarity, strength = polarity * cue.polarity, min(strength, cue.strength)
                cues.append(word)
            if any(c.dep_ == "neg" for c in word.children):
                polarity = -polarity
        if len(cues) < 2:
            continue  # a want and an act ("reluctant to sign", "eager to join") both named
        before = [h for h in named if h.end <= chain[-1].idx]
        if not before:
            continue
        hit = before[-1]
        start = min(subject.idx, cues[0].idx)
        end = max(w.idx + len(w.text) for w in chain)
        for holder in holders_of(subject, finder, collector.kb, reference):
            collector.add(
                holder,
                (hit.target, hit.target_id, hit.mention),
                polarity,
                (start, end),
                "reported",
                evidence,
                reference,
                cues[0].text,
                strength,
                0.6,
            )
