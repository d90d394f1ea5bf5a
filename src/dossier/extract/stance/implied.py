"""Sides whose holder the clause itself does not name as its subject: a verdict told in an
object clause with no quotation, and a hostile course owned by its holder.

- A verdict told ("They voted that X was not guilty", "Y ruled that X's annexation was
  illegal"): where the quote stage found no quote, the subject of the verb of saying, voting
  or ruling holds the verdict that its object clause gives the target (error kind none: a
  verdict lost for want of a quote to give it a speaker).
- A course owned ("their case against X", "Y's campaign against X"): the owner of a noun
  that is set "against" the target is against it, even where the noun is no stance word of
  its own (error kind none: the climb stops at a noun that is no cue). "their" and "our" in a
  quote are its speakers: the group that speaks together ("A, B and C said in a statement
  that ... their case against X"), or the single speaker for "our"; outside a quote "their"
  is the group named before (``holders.plural_antecedent``).
- A state's sovereignty championed: a quote that speaks of X's sovereignty, territorial
  integrity or independence ("we will not give up before the territorial integrity of X has
  been restored") is its speaker's side for X, whatever verb carries it (error kind
  other-target: the words as a whole, with no cue on the path to X, read as no side).
- Troops abroad: a state said to have, send or deploy troops in another state named in the
  same clause ("NATO said Moscow had 1,000 troops on the ground in Ukraine") is judged by
  whoever says so, as a verdict on an intervention (error kind other-holder: the claim read
  as no side of its teller's). So too the state's forces said to enter, invade or occupy
  another state ("Russian troops have entered Y").
- A setback named: whoever calls something a blow, setback or disappointment for X ("the
  decision was a disappointment for the union") takes X's side, as the one let down (error
  kind other-holder: the words as a whole summed to 0).
- Domination named: a state's policy called hegemony, domination or aggression ("Russian
  hegemony", "China's aggression") in a quote or an opinion piece's own sentence is a verdict
  against that state by whoever says so, whoever the clause has furthering it (error kind
  none: "X will strengthen Russian hegemony," says Y was no side of Y's).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.extract.events.actors import ActorFinder, mention_actor
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.stance.holders import PLURAL, Holder, as_holder, holders_of
from dossier.extract.stance.subjects import coordinated_subject
from dossier.kb.loader import KnowledgeBase
from dossier.model import Mention, Quote

#: Verbs whose object clause is a position their subject states, whether or not in words that
#: the quote stage takes for a quote.
TELLING = frozenset(
    {
        "say",
        "vote",
        "argue",
        "insist",
        "declare",
        "rule",
        "conclude",
        "maintain",
        "contend",
        "assert",
        "state",
        "testify",
    }
)
#: Owners that are the speakers of the quote they are in.
_OUR = frozenset({"our", "my"})


def teller(root: Token, lemmas: Lemmas) -> Token | None:
    """The subject of the verb of saying or voting whose object clause gives a verdict on
    ``root`` (its subject, or the owner of its subject: "X's act was illegal"); None where the
    clause hangs from no such verb."""
    subject = root.head if root.dep_ == "poss" else root
    clause = subject.head
    if subject.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if lemmas(verb) not in TELLING:
        return None
    return coordinated_subject(verb)  # "X met Y and said that ...": the first verb's subject


def speaker_group(quote: Quote, doc: Doc, finder: ActorFinder, kb: KnowledgeBase) -> list[Holder]:
    """The people who speak a quote together: the speaker and those set beside it by
    coordination or apposition ("Chairman A (D-Calif.), Chairwoman B (D-N.Y.), and Chairman
    C said"); [] when the speaker stands alone or its words cannot be found."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return []
    span = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    heads = [head, *head.conjuncts]
    for beside in head.children:
        if beside.dep_ == "appos" and beside.ent_type_ == "PERSON":
            heads += [beside, *beside.conjuncts]
    found: dict[str, Holder] = {}
    for word in heads:
        for actor in finder.actors(word, members=False):
            # the person the word names, not a body in his title ("Committee Chairman A")
            at = actor.mention_start is not None and actor.mention_end is not None
            if actor.actor_id and at and actor.mention_start <= word.idx < actor.mention_end:  # type: ignore[operator]
                found.setdefault(actor.actor_id, as_holder(actor, kb))
    return list(found.values()) if len(found) >= 2 else []


def course_owner(root: Token) -> Token | None:
    """The owner of a noun set "against" ``root`` ("their case against X"), None if none."""
    if root.dep_ != "pobj" or root.head.lower_ != "against":
        return None
    noun = root.head.head
    if noun.pos_ == "VERB":
        # "strengthens their case against X": the parse may hang "against" on the verb
        noun = next((c for c in noun.children if c.dep_ == "dobj"), noun)
    if noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _named_owner(owner: Token, finder: ActorFinder, kb: KnowledgeBase) -> list[Holder]:
    """The actors the mentions at a possessive name ("X's lawsuit"): the event stage's phrase
    reading takes a person's possessive for whose thing it is, not for who acts."""
    return [
        as_holder(mention_actor(m), kb)
        for m in finder.index.covering(owner.idx, owner.idx + len(owner.text))
        if m.start <= owner.idx < m.end and m.label in ("PERSON", "ORG", "GPE", "NORP")
    ]


def owners(
    owner: Token,
    quote: Quote | None,
    speakers: list[Holder],
    finder: ActorFinder,
    kb: KnowledgeBase,
    day: str | None,
) -> list[Holder]:
    """Who an owner word stands for (see the module doc); [] for "his", "her", "its", whose
    antecedent position alone does not tell."""
    word = owner.lower_
    if word in PLURAL:
        if quote is not None:
            group = speaker_group(quote, owner.doc, finder, kb)
            if group:
                return group
        return holders_of(owner, finder, kb, day)
    if word in _OUR:
        return speakers if quote is not None else []
    if owner.pos_ == "PRON":
        return []
    return _named_owner(owner, finder, kb)


#: Nouns of a state's standing as a state: who speaks of them speaks for the state.
SOVEREIGNTY = frozenset({"sovereignty", "independence"})


def _sovereign(noun: Token) -> bool:
    """A noun of sovereignty: "sovereignty", "independence", "territorial integrity" (not a
    person's "integrity", a virtue)."""
    if noun.lower_ == "integrity":
        return any(c.dep_ == "amod" and c.lower_ == "territorial" for c in noun.children)
    return noun.lower_ in SOVEREIGNTY


def sovereignty_of(root: Token, target_id: str | None) -> bool:
    """Whether ``root`` names a state that owns a noun of sovereignty ("X's sovereignty", "the
    sovereignty and territorial integrity of X")."""
    if not (target_id or "").startswith(("country:", "gov:")):
        return False
    if root.dep_ == "poss":
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
    else:
        return False
    return any(_sovereign(n) for n in (noun, *noun.conjuncts))


#: Verbs of keeping or putting forces somewhere, and the nouns of forces.
_DEPLOYING = frozenset({"have", "send", "deploy", "station", "move", "keep", "pour"})
FORCES_NOUNS = _FORCES = frozenset({"troops", "soldiers", "forces", "units", "servicemen", "tanks"})
#: Verbs by which forces go into, or are in, another state's land ("are in Y", as "had troops
#: in Y" above).
_ENTERING = frozenset({"enter", "cross", "invade", "occupy", "seize", "be"})


def troops_abroad(root: Token, hits: list, target_id: str | None, lemmas: Lemmas):  # noqa: ANN201
    """(-1, the verb) when the state ``root`` names is the subject of a clause that puts its
    forces in another state named below them ("X had troops on the ground in Y"); None
    otherwise (see the module doc)."""
    state = (target_id or "").partition(":")
    if root.dep_ != "nsubj":
        return None
    verb = root.head
    if root.lower_ in _FORCES and lemmas(verb) in _ENTERING:
        # "Russian forces have entered Y": the state's forces themselves (its armed forces,
        # or the state named by its adjective on them) go into another state
        own = next((h for h in hits if h.root == root and h.mention is not None), None)
        home = own.mention.country if own is not None else state[2]  # type: ignore[union-attr]
        below = {t.i for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
        for hit in hits:
            kind, _, country = (hit.target_id or "").partition(":")
            if kind in ("country", "gov") and country != home and hit.root.i in below:
                return -1, verb
        return None
    if state[0] not in ("country", "gov") or lemmas(verb) not in _DEPLOYING:
        return None
    for forces in verb.children:
        if forces.dep_ != "dobj" or forces.lower_ not in _FORCES:
            continue
        below = {t.i for t in forces.subtree}
        # "sent troops into Y": the place may hang on the verb
        below |= {
            t.i
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "into", "to", "inside")
            for t in c.subtree
        }
        for hit in hits:
            kind, _, country = (hit.target_id or "").partition(":")
            if kind in ("country", "gov") and country != state[2] and hit.root.i in below:
                return -1, verb
    return None


#: Nouns that name a state's policy as one of dominating others: saying them is a verdict.
DOMINATION = frozenset(
    {"hegemony", "domination", "dominance", "aggression", "expansionism", "imperialism"}
)


def dominion(root: Token) -> tuple[int, Token] | None:
    """(-1, the noun) when the target ``root`` names is the state whose domination a noun of
    ``DOMINATION`` names (the noun itself, as a state's adjective on it roots its target, or
    its owner: "Russia's hegemony"); None otherwise (see the module doc)."""
    if root.lower_ in DOMINATION and any(
        c.dep_ == "amod" and c.pos_ == "ADJ" for c in root.children
    ):
        return -1, root
    if root.dep_ == "poss" and root.head.lower_ in DOMINATION:
        return -1, root.head
    return None


def forces_state(mention: Mention, kb: KnowledgeBase) -> tuple[str, str, Mention] | None:
    """The state whose forces a mention names ("Russian troops", linked as its armed forces)
    as the target of a verdict on sending them abroad: the state, not the government that
    commands them, is the one judged for an intervention; None for a mention of no state."""
    state = kb.country_actor(mention.country) if mention.country else None
    return None if state is None else (state.name, state.id, mention)


#: Nouns that name a loss suffered: "a blow to X", "a setback for X".
SETBACKS = frozenset({"blow", "setback", "disappointment", "defeat", "loss"})


def setback_for(root: Token) -> tuple[int, Token] | None:
    """(+1, the noun) when the target ``root`` names is the one a noun of ``SETBACKS`` says
    was let down ("a disappointment for X", "a blow to X"); None otherwise (see the module
    doc)."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("for", "to"):
        return None
    noun = prep.head
    return (1, noun) if noun.lower_ in SETBACKS else None
