"""A side told as a reaction to a deed: "X annexed the region despite international
criticism", "X went ahead amid protests from Y". The reaction (criticism, condemnation,
outcry) is against whoever did the deed, the subject of the verb the "despite" or "amid"
phrase hangs on; it is held by whoever the reaction names: an owner ("Y's criticism"), a
"from" or "in" phrase ("protests from Y", "outrage in Y"), or, for an "international"
reaction, the international community (error kind none: a side implied by a reaction to a
deed, lost because no verb of saying or doing carries it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import LOWER
from spacy.symbols import NOUN
from spacy.tokens import Doc, Span, Token

from dossier.extract.document import indices_within, token_indices
from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.stance.holders import Holder, as_holder, holders_of
from dossier.extract.stance.lexicon import StanceLexicon
from dossier.extract.stance.paths import _negated
from dossier.extract.stance.subjects import coordinated_subject
from dossier.extract.stance.targets import TargetHit
from dossier.kb.loader import KnowledgeBase

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector

#: Nouns of a hostile reaction to a deed.
REACTIONS = frozenset(
    {
        "criticism",
        "condemnation",
        "outrage",
        "outcry",
        "protest",
        "objection",
        "opposition",
        "anger",
        "censure",
    }
)
#: Prepositions that set a deed against a reaction to it.
_AGAINST_REACTION = frozenset({"despite", "amid"})
#: The holder of an "international" reaction, as a group the KB need not know.
INTERNATIONAL = "international community"


#: Nouns of the press: "X was attacked in the conservative media" is the media's side.
PRESS = frozenset({"media", "press", "newspaper", "tabloid", "outlet"})
#: The parts of speech the loops below read; the doc's column finds them (``indices_within``).
_VERBS = frozenset({"VERB"})
_NOUNS = frozenset({"NOUN"})


def press_sides(
    sentence: Span, hits: list[TargetHit], lexicon: StanceLexicon, lemmas: Lemmas
) -> list[tuple[Holder, TargetHit, int, Token]]:
    """(holder, target, polarity, verb) for each passive cue verb whose subject is a target
    and whose "in" phrase names the press ("X was attacked in conservative media"): the
    press, in the phrase's own words, takes the verb's side (error kind none: the source of
    a passive given by where it was said, not by "by")."""
    found: list[tuple[Holder, TargetHit, int, Token]] = []
    doc = sentence.doc
    passive = _passive_verbs(doc)
    for i in indices_within(doc, "POS", _VERBS, sentence.start, sentence.end):
        if i not in passive:
            continue  # no "auxpass" child: the test below, without building the verb's Token
        verb = doc[i]
        if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        cue = lexicon.cue("verb", lemmas(verb))
        if cue is None or cue.polarity == 0:
            continue
        polarity = -cue.polarity if _negated(verb) else cue.polarity
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        targets = [h for h in hits for s in subjects if h.root == s]
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or not {noun.lower_, lemmas(noun)} & PRESS:
                    continue
                phrase = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "det"]
                holder = Holder(" ".join(t.text for t in phrase), None)
                found.extend((holder, hit, polarity, verb) for hit in targets)
    return found


def _passive_verbs(doc: Doc) -> frozenset[int]:
    """The tokens that have an ``auxpass`` child, found from the few ``auxpass`` words (read
    once per doc and remembered on it, its length in the key as ``indices_within`` has it)."""
    key = (_PASSIVE_VERBS, len(doc))
    found = doc.user_data.get(key)
    if found is None:
        heads = (doc[j].head.i for j in token_indices(doc, "DEP", ("auxpass",)))
        found = doc.user_data[key] = frozenset(heads)
    return found


def _lowers(doc: Doc) -> list[int]:
    """The doc's LOWER column (ids), read once per doc and remembered on it."""
    key = (_LOWERS, len(doc))
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = doc.to_array(LOWER).tolist()
    return found


_PASSIVE_VERBS = "dossier.stance.passive_verbs"
_LOWERS = "dossier.stance.lowers"


def _doer(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with ("X sent troops and
    annexed the region")."""
    subject = coordinated_subject(verb, ("nsubj", "nsubjpass"))
    return None if subject is not None and subject.dep_ == "nsubjpass" else subject


def _reactors(noun: Token, finder: ActorFinder, kb: KnowledgeBase, day: str | None) -> list[Holder]:
    """Who reacts: the noun's owner, the actors of its "from" or "in" phrase, or the
    international community for an "international" reaction."""
    found: list[Holder] = []
    for child in noun.children:
        if child.dep_ == "poss":
            found.extend(holders_of(child, finder, kb, day))
        elif child.dep_ == "prep" and child.lower_ in ("from", "in", "by"):
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                for each in (obj, *obj.conjuncts):
                    found.extend(as_holder(a, kb) for a in finder.actors(each, members=False))
    if not found and any(c.dep_ == "amod" and c.lower_ == "international" for c in noun.children):
        found.append(Holder(INTERNATIONAL))
    return found


def reaction_stances(
    collector: _Collector,
    sentence: Span,
    hits: list[TargetHit],
    finder: ActorFinder,
    words: tuple[StanceLexicon, Lemmas],
    day: str | None,
    evidence: tuple[str, str | None],
) -> None:
    """Add the stances of each reaction to a deed in ``sentence`` (see the module doc): always
    against the deed's doer; and of each deed done to a target "in the press"
    (``press_sides``)."""
    kb = collector.kb
    lexicon, lemmas = words
    for holder, hit, polarity, verb in press_sides(sentence, hits, lexicon, lemmas):
        collector.add(
            holder,
            (hit.target, hit.target_id, hit.mention),
            polarity,
            (min(hit.start, verb.idx), max(hit.end, verb.idx + len(verb.text))),
            "reported",
            evidence,
            day,
            verb.text,
            0.5,
            0.55,
        )
    doc = sentence.doc
    lowers = _lowers(doc)
    for i in indices_within(doc, "POS", _NOUNS, sentence.start, sentence.end):
        known = lemmas.known(lowers[i], NOUN)
        if known is not None and known not in REACTIONS:
            continue  # the test below, read from the columns without building the Token
        noun = doc[i]
        if noun.pos_ != "NOUN" or lemmas(noun) not in REACTIONS:
            continue
        if noun.dep_ != "pobj" or noun.head.lower_ not in _AGAINST_REACTION:
            continue
        verb = noun.head.head
        doer = _doer(verb) if verb.pos_ in ("VERB", "AUX") else None
        targets = [h for h in hits if doer is not None and h.root == doer]
        if not targets:
            continue
        for holder in _reactors(noun, finder, kb, day):
            for hit in targets:
                collector.add(
                    holder,
                    (hit.target, hit.target_id, hit.mention),
                    -1,
                    (min(hit.start, noun.idx), max(hit.end, noun.idx + len(noun.text))),
                    "reported",
                    evidence,
                    day,
                    noun.text,
                    0.5,
                    0.55,
                )
