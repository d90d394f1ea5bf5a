"""Triggers and their arguments: which words of a sentence name an event, and which phrases are
its source, its target and its scene.

A verb names an event when the lexicon reads it (with its particle, "cut off"; or its object,
"impose sanctions"); a noun when the lexicon lists it ("a ban on", "the signing of") and no
verb of its clause already names the event ("signed an agreement" is one event, not two).

Arguments from the parse:
- source: the subject; for a passive, the "by" agent (the subject is then the target); for a
  verb with no subject of its own, the subject of the verb it is coordinated with ("signed ...
  and agreed"), or the controller of an infinitive (the object of "urged Ukraine to join", else
  the subject of "agreed to set up"); a relative pronoun stands for the noun the clause
  modifies ("Ukraine, which Moscow urged"); for a noun, its possessor or a name or country
  adjective before it ("Moscow's ban", "the Russian ban"), else the subject of its verb
  ("Moscow announced a ban");
- target: the object, else the object of a preposition that points at someone ("against",
  "on", "with", "to", "into", "over", "toward"); for a noun, its preposition's object;
- scene: the object of "in" or "at" when it is a place as a place ("in Minsk").

One event per trigger: an infinitive under a verb that is itself the event is that verb's
("refused to sign" is REJECT, "urged Ukraine to join" REQUEST, "agreed to set up" AGREE).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.symbols import DEP, LOWER, NOUN, VERB
from spacy.tokens import Span, Token

from dossier.extract.events.actors import LEADERS, OFFICIALS
from dossier.extract.events.answers import CLAIMED, answers_claims
from dossier.extract.events.asking import (
    DOCUMENTS,
    PRESSING,
    PUBLISHING,
    QUESTIONING,
    asked_about,
    pressed_in_talk,
    question,
)
from dossier.extract.events.dispatches import dispatched, sent_to_fight
from dossier.extract.events.inception import ENTERING, INCEPTION, inception
from dossier.extract.events.incursions import CROSSING, INCURSION, incursion
from dossier.extract.events.lexicon import (
    GROUP_NOUNS,
    PARTICLES,
    EventEntry,
    EventLexicon,
    Lemmas,
)
from dossier.extract.events.nominal import PEOPLE, governing_verb, in_state, under_a_noun
from dossier.extract.events.openings import OPENING, OPENING_VERBS, opening
from dossier.extract.events.particles import left_behind, particles_of, turned
from dossier.extract.events.reactions import (
    DRAWING,
    REACTING,
    REACTION,
    outraged,
    reacted_to,
)
from dossier.extract.events.readings import (
    denied,
    halted,
    halted_act,
    halting_reading,
    idle_vote,
    issue_owners,
    joins_a_gathering,
    kind_of_act,
    meets_a_thing,
    named_as,
    published,
)
from dossier.extract.events.reported import ACCUSATION, FORCES, REPORTING, accused
from dossier.extract.events.senses import (
    averted,
    broken_norm,
    felt,
    removed_symbol,
    swayed_thing,
)
from dossier.extract.events.shunning import shunning_reading
from dossier.extract.events.standing import construed, denied_meaning, left_post, permitted
from dossier.extract.events.tolls import TAKING, TOLL, toll
from dossier.extract.events.trigger_words import (
    ABSORBING,
    CREATING,
    FEELING_ABOUT,
    HELPING,
    LIGHT_VERBS,
    MEMBERSHIP,
    NEEDS_COMPLEMENT,
    OBJECT_CONTROL,
    RELATIVE,
    RELUCTANT,
    SAYER_PRONOUNS,
    SCENE_PREPOSITIONS,
    STATIVE_PASSIVES,
    SUBJECTS,
    TARGET_PREPOSITIONS,
    WITH,
)


@dataclass(frozen=True)
class Trigger:
    """A word naming an event, its reading and the heads of its argument phrases."""

    token: Token
    entry: EventEntry
    source: Token | None
    target: list[Token]
    partners: list[Token]  # "with" phrases: co-actors of a symmetric event, else targets
    passive_target: bool
    scene: list[Token]
    nominal: bool


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _relative(token: Token | None, verb: Token) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies."""
    if token is not None and token.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return token


def _acting(participle: Token) -> bool:
    """Whether the noun a participle modifies acts: people ("demonstrators calling"), or a
    name the participle is set off from by a comma ("Merkel, meeting with ...")."""
    noun = participle.head
    if noun.lower_ in GROUP_NOUNS | LEADERS | OFFICIALS | PEOPLE:
        return True
    doc = participle.doc
    return noun.pos_ == "PROPN" and participle.i > 0 and doc[participle.i - 1].text == ","


#: Prepositions whose verb complement the object of the verb above does ("accused X of").
COMPLEMENTING = frozenset({"of", "for", "from", "into"})


def subject_of(verb: Token, lemmas: Lemmas, depth: int = 0) -> Token | None:
    """The phrase that acts for ``verb`` (see the module doc: source)."""
    subject = _relative(_child(verb, *SUBJECTS), verb)
    if (
        subject is not None
        and subject.lower_ in SAYER_PRONOUNS
        and verb.dep_ == "ccomp"
        and lemmas(verb.head) in SPEECH_VERBS
    ):
        # "Iraq said it would allow ...": the pronoun is the one who says so.
        sayer = _child(verb.head, *SUBJECTS)
        if sayer is not None and sayer.lower_ not in SAYER_PRONOUNS:
            return _relative(sayer, verb.head)
    if subject is not None or depth > 3:
        return subject
    if verb.dep_ == "xcomp":
        head = verb.head
        obj = _child(head, "dobj")
        if obj is not None and lemmas(head) in OBJECT_CONTROL:
            return _relative(obj, head)
        passive = _child(head, "nsubjpass")
        if passive is not None and not _prepositional(head, frozenset({"by"})):
            # "Merkel is scheduled to travel", "Kyiv was asked to pay": the passive's subject.
            return _relative(passive, head)
        return subject_of(head, lemmas, depth + 1)
    if verb.dep_ == "acomp":
        return subject_of(verb.head, lemmas, depth + 1)  # "Norway is opposed to"
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head, lemmas, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head if _child(verb, "dobj") is not None else None
    if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.dep_ == "ROOT":
        # "Putin, whom critics attacked, condemned the killing" parsed as a clause of the
        # name, which the parse made the root: the name is the verb's subject.
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and _acting(verb):
        # "Merkel, meeting with Poroshenko, said", "demonstrators calling for a purge": the
        # name or people a present participle modifies do what it says (not a thing:
        # "agreements linking the two economies", "a union linking ten states").
        return verb.head
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "Russia's decision to annex ...": the noun's possessor acts.
        return _child(verb.head, "poss")
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "accused Russia of sending weapons": the object of the verb above acts; "used the
        # term after annexing Crimea": its subject does (a preposition of time or manner).
        above = verb.head.head
        obj = _child(above, "dobj") if verb.head.lower_ in COMPLEMENTING else None
        return obj if obj is not None else subject_of(above, lemmas, depth + 1)
    return None


def _prepositional(token: Token, kinds: frozenset[str]) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in kinds:
            found.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return found


def _infinitive(token: Token) -> bool:
    """Whether ``token`` is an infinitive complement of the verb above it ("urged Kyiv to
    join"), which the parse also gives as a clause of purpose (``advcl``)."""
    if token.dep_ == "xcomp":
        return True
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and not any(c.dep_ in SUBJECTS for c in token.children)
    )


def _when(preposition: Token) -> bool:
    """Whether a preposition only dates the act ("called on Sunday for talks" is no "call
    on"): its object is a date or a time."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in preposition.children)


def _verb_trigger(token: Token, lexicon: EventLexicon, lemmas: Lemmas) -> Trigger | None:
    lemma = lemmas(token)
    if lemma not in lexicon.verb_lemmas:
        return None  # no reading, whatever its particles and object: most verbs
    if _infinitive(token) and lemmas(token.head) in ABSORBING:
        return None  # the verb above is the event
    if sent_to_fight(token, lemmas):
        return None  # "sent troops to fight": the sending is the event (``dispatches``)
    if token.dep_ == "xcomp" and token.head.lower_ in RELUCTANT | FEELING_ABOUT:
        return None  # "reluctant to sign up", "elated to join": no act done nor announced
    obj = _child(token, "dobj") or _child(token, "attr")
    # A preposition names the reading ("call for", "withdraw from") only where the verb has
    # no object of its own: "called Putin for clarification" is no call for something.
    particles = [c.lower_ for c in particles_of(token, obj is not None) if not _when(c)]
    entry = lexicon.verb(lemma, particles, lemmas(obj) if obj is not None else None)
    if obj is not None and obj.pos_ == "PRON" and answers_claims(token, lemmas):
        # "repeated them", where "them" stands for allegations named just before.
        entry = lexicon.verb(lemma, particles, CLAIMED) or entry
    if lemma in COMMANDING and _forces(obj):
        # "ordered the fleet to be put on alert": a state readying its own forces.
        return Trigger(token, MOBILIZED, subject_of(token, lemmas), [], [], False, [], False)
    if turned(token, entry):
        return None  # "backed out of", "walked away from": not the bare verb (``particles``)
    if entry is None or not entry.object:
        entry = named_as(token, lexicon, lemmas) or entry  # "called X a liar", "called X"
    entry = halting_reading(token, lexicon, lemmas) or entry  # "halted plans to sign": REJECT
    entry = shunning_reading(token, entry, lemmas) or entry  # "refused to visit X" (``shunning``)
    entry = dispatched(token, obj, lemmas) or entry  # "sent troops in" (``dispatches``)
    if halted(token, lemmas):
        return None  # the act under halted work is not done (see ``readings``)
    if denied(token, lemmas) or meets_a_thing(lemma, obj, lemmas):
        return None  # what a denial denies; "met resistance" (see ``readings``)
    if joins_a_gathering(lemma, obj, lemmas) or idle_vote(lemma, token):
        return None  # "joined the session", "Russians vote in an election"
    if broken_norm(lemma, obj, lemmas) or felt(token, lemmas):
        return None  # "broke the law", "felt threatened" (see ``senses``)
    if averted(lemma, obj, lemmas) or swayed_thing(lemma, obj):
        return None  # "to prevent a war", "influenced the decision" (see ``senses``)
    if permitted(token, lemmas) or left_post(token, lemmas) or denied_meaning(token, lemmas):
        return None  # "lets X send", "gave up his post", "does not mean X joins" (``standing``)
    if removed_symbol(lemma, token, obj, lemmas):
        return None  # "the flags were removed" (see ``senses``)
    if entry is None or (lemma in LIGHT_VERBS and not entry.object and not _phrasal(entry)):
        return None  # a light verb names an event only with its object ("became a member")
        # or its particle ("took over the province")
    if obj is not None and lemma in PUBLISHING and lemmas(obj) in DOCUMENTS:
        return None  # "released a memo", "offered no details": words made public, no act
    if lemma in QUESTIONING and question(token):
        return None  # "asked if Russia was ready", "Kelly asked Pompeo": a question
    if lemma in PRESSING and pressed_in_talk(token):
        return None  # "Kelly pressed him": a question put hard, nothing asked for
    complement = _child(token, "xcomp", "ccomp")
    if lemma in HELPING and complement is not None and complement.tag_ == "VB":
        return None  # "helped topple the government": the act helped is the event
    if lemma == "blame" and token.dep_ == "xcomp" and lemmas(token.head) == "be" and obj is None:
        return None  # "the states were to blame": at fault, not blaming anyone
    if lemma in NEEDS_COMPLEMENT and obj is None and _child(token, "xcomp") is None:
        return None  # "the plan failed" rejects nothing; "failed to pass the bill" does
    passive = _child(token, "nsubjpass")
    if published(lemma, token, passive, lemmas):
        return None  # "a statement released by the ministry": words made public
    agents = _prepositional(token, frozenset({"by"}))
    if passive is None and agents and token.dep_ == "acl" and token.tag_ == "VBN":
        # "a summit hosted by Putin": the agent acts; the noun is what it did, and those its
        # phrase names ("a session of the CIS heads hosted by X") are the ones X met.
        met = [token.head] if entry.plover == "CONSULT" else []
        return Trigger(token, entry, agents[0], met, [], True, _scene(token), False)
    if passive is not None and not agents and lemma in STATIVE_PASSIVES:
        # "Israel is opposed to the plan": a state of the subject, which is the one acting.
        source = _relative(passive, token)
        targets = []
    elif passive is not None and not agents and entry.plover == "MOBILIZE":
        # "Russia's missile systems were deployed": forces deployed are their owner's act,
        # the owner named as their possessor (not the systems' own name, "Bastion").
        forces = _relative(passive, token)
        source, targets = _child(forces, "poss") if forces is not None else None, []
        source = forces if source is None or source.pos_ == "PRON" else source
    elif passive is not None:
        source = agents[0] if agents else None
        targets = [_relative(passive, token)]
    else:
        source = subject_of(token, lemmas)
        made = lemma in CREATING
        targets = [_relative(obj, token)] if obj is not None and not made else []
    if obj is not None and targets:
        # "hosted his Kazakh counterpart, X, and Belarus's Y": past an apposition the parse
        # hangs the second object on the verb; a name coordinated with the verb is an object.
        targets += [
            c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > obj.i
        ]
    targets += _prepositional(token, TARGET_PREPOSITIONS)
    if obj is None:
        targets += left_behind(token, entry)  # "backed out of the deal with X": X
    if entry.particle and entry.particle != "with":
        targets += _prepositional(token, frozenset({entry.particle}))
    partners = _prepositional(token, WITH)
    if obj is not None:
        # "became a member of the union": the body one joins.
        kinds = TARGET_PREPOSITIONS | {"of"} if obj.dep_ == "attr" else TARGET_PREPOSITIONS
        if lemmas(obj) in MEMBERSHIP:
            kinds = kinds | {"in", "of"}
        if not any(c.dep_ == "poss" and c.pos_ != "PRON" for c in obj.children):
            # Not past another's act: "denounced Kyiv's operation against the rebels" is
            # aimed at Kyiv, not at the rebels.
            targets += _prepositional(obj, kinds)
        if obj.dep_ == "attr":
            # "became the bloc's newest member": the owner is the body one joins.
            targets += [c for c in obj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
        # "a memorandum of cooperation with the commission": the partner, however deep.
        for word in obj.subtree:
            if word.dep_ == "prep" and word.lower_ in WITH:
                partners += [c for c in word.children if c.dep_ == "pobj"]
    if not targets and not partners:
        targets += issue_owners(token, lemmas)  # "haggled over Turkish tariffs": Turkey
    complement = _child(token, "xcomp") if lemma in ABSORBING else None
    halting = halted_act(token, lemmas)  # "halted plans to sign a pact with X": X
    if halting is not None:
        targets, partners = [], []  # the work halted is no one; the act's partner is
    if not targets and (complement is not None or halting is not None):
        # "asked to join the union", "refused to travel to Belarus": what the request or
        # refusal is about is its target.
        complement = halting or complement
        inner = _child(complement, "dobj")
        targets += [inner] if inner is not None else []
        targets += _prepositional(complement, TARGET_PREPOSITIONS)
        if halting is not None:  # "plans to sign a pact with X": X, however deep
            targets += [w for w in halting.subtree if w.dep_ == "pobj" and w.head.lower_ in WITH]
    return Trigger(
        token, entry, source, targets, partners, passive is not None, _scene(token), False
    )


def _phrasal(entry: EventEntry) -> bool:
    """Whether a light verb's reading is a phrasal verb's ("take over"), not a motion's ("go
    away", "go to"), which is a trip, not an act."""
    return entry.particle in PARTICLES and entry.lemma not in ("go", "come")


def _scene(token: Token) -> list[Token]:
    """Objects of "in" and "at" anywhere in the trigger's clause but its subject and its
    subordinate clauses ("signed a pact with Russia in Minsk": the parser may hang "in Minsk"
    from Russia)."""
    found = []
    todo = [c for c in token.children if c.dep_ not in (*SUBJECTS, "ccomp", "advcl", "relcl")]
    while todo:
        child = todo.pop()
        if child.dep_ in ("ccomp", "advcl", "relcl", "conj"):
            continue
        if child.dep_ == "prep" and child.lower_ in SCENE_PREPOSITIONS:
            found.extend(grand for grand in child.children if grand.dep_ == "pobj")
        todo.extend(child.children)
    return sorted(found, key=lambda t: t.i)


def _noun_trigger(
    token: Token, lexicon: EventLexicon, lemmas: Lemmas, verbs: set[int]
) -> Trigger | None:
    prepositions = [c.lower_ for c in token.children if c.dep_ == "prep"]
    entry = lexicon.noun(lemmas(token), prepositions) or lexicon.noun(token.lower_, prepositions)
    if entry is None or kind_of_act(token) or construed(token, lemmas):
        return None  # "turnout for rallies": a kind of act (``readings``); "saw it as X's
        # withdrawal": a reading of an act (``standing``)
    verb = governing_verb(token)
    if verb is not None and verb.i in verbs and not under_a_noun(token, verb):
        return None  # "signed an agreement": the verb is the event (not "voiced anger
        # about the freeze on aid": an act of its own under another noun)
    if verb is not None and _infinitive(verb) and verb.head.i in verbs:
        return None  # "asked Kyiv to sign the treaty": the request is the event
    source = _child(token, "poss") or in_state(token)
    if source is None:
        # "additional Western sanctions": a modifier that names someone is capitalised; a
        # noun with only other modifiers ("existing agreements") has no source of its own.
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        named = [c for c in modifiers if c.text[:1].isupper()]
        # A noun ("opposition rallies"), a participle or a word of time ("existing
        # agreements", "earlier talks") says whose or which act it is, other than the verb's
        # subject's; an adjective of kind ("financial sanctions") does not.
        other = [
            c
            for c in modifiers
            if c.dep_ == "compound" or c.tag_.startswith("VB") or c.lower_ in EARLIER
        ]
        source = (named or other or [None])[0]
    between = _prepositional(token, frozenset({"between"}))
    partners = _prepositional(token, WITH)
    if source is None and between:
        # "talks between Paris and Rome": the first side acts, the others are its partners.
        source = between[0]
        partners += list(between[0].conjuncts)
    if source is None and verb is not None:
        source = subject_of(verb, lemmas)
    kinds = frozenset({entry.particle}) if entry.particle else TARGET_PREPOSITIONS
    targets = _prepositional(token, kinds - WITH)
    if not targets and verb is not None and token.dep_ == "dobj" and token.head.i == verb.i:
        # "put the blame on Kyiv", "placed a ban on imports": the verb carries the noun's
        # target when the noun is all the verb says.
        targets = _prepositional(verb, TARGET_PREPOSITIONS)
    scene = _scene(token) + (_scene(verb) if verb is not None else [])
    return Trigger(token, entry, source, targets, partners, False, scene, True)


#: Modifiers that place a nominal act before the clause that mentions it.
EARLIER = frozenset({"previous", "earlier", "former", "past", "old", "prior", "existing"})


#: Verbs of commanding forces, and what forces ordered to act do: they are readied.
COMMANDING = frozenset({"order", "instruct", "command", "direct"})
MOBILIZED = EventEntry("order", "", "", "154", "MOBILIZE", "troops", "military", True)


def _forces(obj: Token | None) -> bool:
    return obj is not None and (obj.lower_ in FORCES or obj.lower_ in ("fleet", "navy", "army"))


#: Verbs of words that may accuse whatever the lexicon lists (``reported``, ``reactions``).
WORDING = REPORTING | REACTING | DRAWING


def _reaction(token: Token, lemmas: Lemmas) -> Trigger | None:
    """An act's drawing outrage, or an angry reaction to an act (``reactions``)."""
    who = outraged(token, lemmas)
    if who is not None:
        doer = subject_of(token, lemmas)
        return Trigger(token, REACTION, who, [doer] if doer else [], [], False, [], False)
    doer = reacted_to(token, lemmas)
    if doer is None:
        return None
    return Trigger(token, REACTION, subject_of(token, lemmas), [doer], [], False, [], False)


#: The reading of a verb no lexicon lists, in words someone says must happen: a demand.
DEMAND = EventEntry("must", "", "", "100", "REQUEST", None, None, True)


def sentence_triggers(
    sentence: Span,
    lexicon: EventLexicon,
    lemmas: Lemmas,
    pos: numpy.ndarray | None = None,
    words: numpy.ndarray | None = None,
) -> list[Trigger]:
    """The triggers of one sentence, verbs first, in text order within each kind.

    pos: the doc's part-of-speech column (``doc.to_array("POS")``), read once per doc by the
    caller; None reads it here. Only verbs and nouns can be triggers: the column finds them
    without building a ``Token`` for every other word.
    words: the doc's LOWER and DEP columns (``doc.to_array([LOWER, DEP])``), read once per doc
    by the caller; None reads them here. A verb whose lemma is known already (``Lemmas.known``)
    and that no rule below reads (``_passed_over``), and a noun no lexicon lists, are passed
    over without building their ``Token``: most words.
    """
    doc = sentence.doc
    column = doc.to_array("POS") if pos is None else pos
    start = sentence.start
    tags = column[start : sentence.end]
    verb_at = (numpy.flatnonzero(tags == VERB) + start).tolist()
    noun_at = (numpy.flatnonzero(tags == NOUN) + start).tolist()
    if words is None:
        words = doc.to_array([LOWER, DEP])
    lower_of, dep_of = words[start : sentence.end].T.tolist()
    strings = doc.vocab.strings
    ccomp = strings["ccomp"]
    found: list[Trigger] = []
    for i in verb_at:
        lemma = lemmas.known(lower_of[i - start], VERB)
        if lemma is not None and dep_of[i - start] != ccomp and _passed_over(lemma, lexicon):
            continue  # what the tests below find of most verbs, read from the columns
        token = doc[i]
        lemma = lemmas(token)
        taken = toll(token, lemmas)
        if taken is not None:  # "the war between X and Y claimed lives" (``tolls``)
            found.append(Trigger(token, TOLL, *taken, False, [], False))
            continue
        parties = inception(token, lemmas)
        if parties is not None:  # "came into existence with X, Y as founders" (``inception``)
            found.append(Trigger(token, INCEPTION, parties[0], [], parties[1:], False, [], False))
            continue
        signers = opening(token, lemmas)
        if signers is not None:  # "the commission is to open in July" (``openings``)
            found.append(Trigger(token, OPENING, signers[0], [], signers[1:], False, [], False))
            continue
        lands = incursion(token, lemmas)
        if lands is not None:  # "troops crossed into Georgia" (``incursions``)
            source = subject_of(token, lemmas)
            found.append(Trigger(token, INCURSION, source, lands, [], False, [], False))
            continue
        if lemma not in lexicon.verb_lemmas and token.dep_ != "ccomp" and lemma not in WORDING:
            continue  # neither a listed verb, a reported demand nor reported words: most verbs
        if asked_about(token, lemmas):
            continue
        trigger = _verb_trigger(token, lexicon, lemmas)
        if trigger is None and demanded_by(token, lemmas) is not None:
            subject = _child(token, *SUBJECTS)
            trigger = Trigger(token, DEMAND, subject, [], [], False, _scene(token), False)
        if trigger is None and lemma in REACTING | DRAWING:
            trigger = _reaction(token, lemmas)  # "sparking outrage in Kyiv" (``reactions``)
        if trigger is None or (trigger.entry.plover == "ACCUSE" and not trigger.target):
            blamed = accused(token, lemmas)  # "NATO said Moscow had troops there" (``reported``)
            if blamed is not None:
                source = subject_of(token, lemmas)
                trigger = Trigger(token, ACCUSATION, source, [blamed], [], False, [], False)
        if trigger is not None:
            found.append(trigger)
    verbs = {trigger.token.i for trigger in found}
    for i in noun_at:
        lemma = lemmas.known(lower_of[i - start], NOUN)
        if (
            lemma is not None
            and lemma not in lexicon.nouns
            and strings[lower_of[i - start]] not in lexicon.nouns
        ):
            continue  # no noun the lexicon lists: most nouns, read from the columns
        token = doc[i]
        if lemmas(token) in lexicon.nouns or token.lower_ in lexicon.nouns:
            trigger = _noun_trigger(token, lexicon, lemmas, verbs)
            if trigger is not None:
                found.append(trigger)
    return found


#: The verbs ``toll``, ``inception``, ``opening`` and ``incursion`` read, or whose words may
#: accuse (each returns None for any other verb, before reading anything else).
_SPECIAL_VERBS = TAKING | ENTERING | OPENING_VERBS | CROSSING | WORDING


def _passed_over(lemma: str, lexicon: EventLexicon) -> bool:
    """Whether ``sentence_triggers`` finds nothing for a verb of this lemma that is no
    reported clause (``ccomp``): no special reading (``_SPECIAL_VERBS``) and no listed verb."""
    return lemma not in _SPECIAL_VERBS and lemma not in lexicon.verb_lemmas


#: Verbs that report what someone says; "X said Y must go" is X's demand on Y.
SPEECH_VERBS = frozenset(
    {"say", "announce", "insist", "tell", "declare", "state", "stress", "add", "write"}
    | {"warn", "emphasize", "emphasise", "reiterate"}  # "warned they should not ..."
)
OBLIGATION = frozenset({"must", "should"})


def demanded_by(token: Token, lemmas: Lemmas) -> Token | None:
    """The speaker whose reported words say the trigger's subject must (or should) act
    ("Moscow said Kyiv must pay": Moscow), None when the trigger is no such obligation."""
    if token.dep_ != "ccomp" or lemmas(token.head) not in SPEECH_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in token.children):
        return None
    return subject_of(token.head, lemmas)
