"""Accusations told as reported words: someone says that another did wrong.

"NATO said that Moscow had troops in the country", "declaring that foreign forces had entered
its territory", "he was certain the embassy was behind the plot", "critics said the minister
wanted the probe to damage his rival": the report asserts that the speaker blames the one the
clause is about, an accusation (PLOVER ACCUSE, CAMEO 112) by the speaker, aimed at that one.

The clause is the reporting verb's content clause (through "was certain/sure that"); it
accuses its subject when it
- puts it behind something ("X was behind the coup");
- has forces of it enter, cross or stand somewhere ("its troops crossed the border", "there
  are foreign soldiers in the region"), or has it hold, send or mass forces ("Moscow had
  troops on the ground");
- has it harm someone, however deep in the clause ("wanted the probe to damage his rival").

Acts the lexicon reads are events of their own and left to it; a clause about the speaker
("it", "we") or asked about ("asked whether") accuses no one.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, Lemmas

#: Verbs that report someone's words or belief.
REPORTING = frozenset({
    "say", "tell", "declare", "claim", "allege", "assert", "state", "maintain", "contend",
    "argue", "write", "charge",
})  # fmt: skip
#: Adjectives of certainty whose clause is what the speaker holds ("was certain that").
CERTAIN = frozenset({"certain", "sure", "convinced", "confident", "positive"})
#: Words for armed forces.
FORCES = frozenset({
    "troop", "troops", "soldier", "soldiers", "force", "forces", "serviceman", "servicemen",
    "unit", "units", "tank", "tanks", "paratrooper", "paratroopers", "mercenary",
    "mercenaries", "battalion", "battalions",
})  # fmt: skip
#: Verbs of forces moving in, and of being somewhere.
ENTERING = frozenset(
    {"enter", "cross", "invade", "move", "pour", "roll", "be", "remain", "operate"}
)
#: Verbs of having or placing forces.
HOLDING = frozenset({"have", "send", "deploy", "station", "mass", "keep", "move"})
#: Verbs of harming someone that no event lexicon lists as an act between actors.
HARMING = frozenset({
    "damage", "harm", "undermine", "smear", "discredit", "destabilize", "destabilise",
    "sabotage", "meddle", "interfere", "rig",
})  # fmt: skip
#: Nouns of a state's own ground ("on its own soil").
HOME_GROUND = frozenset({"soil", "territory", "land", "ground", "borders", "country"})
#: Subjects that are the speaker, or no one.
NO_ONE = frozenset({"it", "we", "i", "there", "this", "that", "what", "which", "who"})
#: The reading of such an accusation.
ACCUSATION = EventEntry("say", "", "", "112", "ACCUSE", "disapprove", None, True)


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _content(verb: Token, lemmas: Lemmas) -> Token | None:
    """The content clause of a reporting verb, through "was certain (that)"."""
    clause = _child(verb, "ccomp")
    if clause is None:
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children):
        return None
    if lemmas(clause) != "be":
        return clause
    sure = _child(clause, "acomp")
    if sure is not None and sure.lower_ in CERTAIN:
        return _child(sure, "ccomp")
    inner = _child(clause, "ccomp")
    if inner is not None and any(w.lower_ in CERTAIN for w in clause.subtree):
        return inner  # the parse may hang "certain" from the inner clause's subject
    return clause


def _forces(token: Token | None) -> bool:
    return token is not None and token.lower_ in FORCES


def accused(verb: Token, lemmas: Lemmas) -> Token | None:
    """The phrase a reporting verb's clause accuses (see the module doc); None for none."""
    if lemmas(verb) not in REPORTING:
        return None
    clause = _content(verb, lemmas)
    if clause is None:
        return None
    subject = _child(clause, "nsubj", "expl")
    if subject is None:
        return None
    lemma = lemmas(clause)
    if subject.dep_ == "expl":
        # "there are foreign soldiers in the region": the soldiers' state.
        present = _child(clause, "attr")
        return present if _forces(present) and lemma == "be" else None
    if subject.lower_ in NO_ONE or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    if lemma == "be" and any(c.dep_ == "prep" and c.lower_ == "behind" for c in clause.children):
        return subject
    if _forces(subject) and lemma in ENTERING:
        return subject
    if lemma in HOLDING and _forces(_child(clause, "dobj")) and not _at_home(clause):
        return subject
    harm = any(w.pos_ == "VERB" and lemmas(w) in HARMING and _own(w) for w in clause.subtree)
    return subject if harm else None


def _at_home(clause: Token) -> bool:
    """Whether the forces a clause has stand on the holder's own ground ("had troops on its
    own soil", "keeps forces at home"): keeping one's army at home accuses no one."""
    words = [w.lower_ for w in clause.subtree]
    return "home" in words or any(
        a == "own" and b in HOME_GROUND for a, b in zip(words, words[1:], strict=False)
    )


def _own(verb: Token) -> bool:
    """Whether a verb deep in a clause is the clause's doing: not another's words, nor a
    relative clause of its own ("investigations to damage X" is the doer's aim)."""
    if verb.dep_ not in ("ccomp", "relcl"):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # an infinitive
