"""Verb readings the lexicon alone gets wrong, told from the parse around the verb.

- What a denial denies ("denied sending troops and arming the rebels"): the acts under
  "deny" (its complement and that complement's conjuncts) are what the denial is about, not
  acts told as done; the denial is the event. So are the acts under an accusation ("accused
  Kyiv of shelling the town"): alleged, the accusation is the event.
- A meeting verb whose object is a thing ("met stiff resistance", "gathering evidence",
  "met the deadline"): no one is met, so no meeting.
- Words made public, told by a participle or a passive ("a statement released by the
  ministry", "the transcript was published"): no act between actors (``PUBLISHING`` with an
  object is read in ``triggers``).
- Joining a gathering ("joined the session", "joined the talks"): taking part in a meeting
  whose other parties the clause does not name, no act of cooperation with anyone.
- A vote with no one voted for or against ("Russians vote in an election"): no act between
  actors (a vote to do something is read from its infinitive).
- A phone call: "call" with a named person or a pronoun as its object and nothing after it
  that reads otherwise ("Merkel called Putin on Monday") consults them.
- An object predicate ("called the minister a liar", "branded them traitors"): the
  lexicon's reading of the verb with that predicate, aimed at the object.
- Halting an act in the making ("suspended preparations to sign the accord", "froze plans to
  open an embassy"): the act under the halted work is not done; halting it is a refusal
  (``REJECT``) of that act, not a sanction.
- A kind of act, not an act: a plural event noun with nothing that picks out acts (no
  article, possessor, number or preposition of its own) inside another noun's phrase ("the
  turnout for opposition rallies", "a display rare for opposition protests").
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.events.lexicon import EventEntry, EventLexicon, Lemmas

#: Verbs of denial, whose complement is what is denied.
DENYING = frozenset({"deny", "refute"})
#: Verbs of accusation, whose "of" or "for" complement is what is alleged, not told as done.
ACCUSING = frozenset({"accuse", "blame", "charge", "suspect", "fault", "criticize", "criticise"})
#: Verbs that name a meeting only when someone is met.
MEETING = frozenset({"meet", "gather", "confront", "encounter"})
#: Things met or gathered: targets, demands, opposition, evidence.
MET_THINGS = frozenset({
    "resistance", "opposition", "criticism", "deadline", "target", "goal", "demand",
    "requirement", "standard", "condition", "criterion", "need", "expectation", "obligation",
    "evidence", "information", "data", "intelligence", "momentum", "pace", "strength", "fate",
    "end", "challenge", "problem", "difficulty", "obstacle", "signature", "fire", "test",
})  # fmt: skip
#: Gatherings one joins or attends.
GATHERINGS = frozenset({
    "session", "meeting", "summit", "talks", "ceremony", "forum", "conference", "discussion",
    "discussions", "negotiations", "celebration", "gathering", "event", "debate",
})  # fmt: skip
#: Verbs of bargaining, whose issue ("over Turkish tariffs") may name the other side.
BARGAINING = frozenset({"bargain", "haggle", "wrangle", "negotiate"})
#: Verbs that halt something under way.
HALTING = frozenset({"suspend", "halt", "freeze", "stop", "abandon", "shelve", "drop"})
#: Work toward an act, told with the act as its infinitive ("preparations to sign").
PREPARING = frozenset({"preparation", "plan", "work", "effort", "move", "bid", "attempt"})
_VOTED = frozenset({"for", "against", "on", "to", "down"})
#: The reading of a phone call (CAMEO 040, consult).
PHONE_CALL = EventEntry("call", "", "", "040", "CONSULT", None, None, True)
#: Verbs that name or call someone something.
NAMING = frozenset({"call", "brand", "label", "term", "dub"})
_PUBLISHING = frozenset({"release", "issue", "publish", "post"})
_DOCUMENTS = frozenset({
    "statement", "report", "memo", "transcript", "testimony", "document", "video", "footage",
    "account", "text", "photo", "image", "recording", "summary", "readout", "excerpt",
    "letter", "decree", "communique", "declaration",
})  # fmt: skip


def denied(token: Token, lemmas: Lemmas) -> bool:
    """Whether ``token`` is (a conjunct of) the complement of a verb of denial."""
    for _ in range(4):
        if token.dep_ != "conj":
            break
        token = token.head
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        token = token.head
    if token.dep_ == "prep" and token.lower_ in ("of", "for") and lemmas(token.head) in ACCUSING:
        return True  # "accused Kyiv of shelling the town": alleged, not told as done
    return token.dep_ in ("xcomp", "ccomp", "pcomp", "prep") and lemmas(token.head) in DENYING


def meets_a_thing(lemma: str, obj: Token | None, lemmas: Lemmas) -> bool:
    """Whether a meeting verb's object is a thing met or gathered (see the module doc)."""
    return lemma in MEETING and obj is not None and lemmas(obj) in MET_THINGS


def published(lemma: str, token: Token, passive: Token | None, lemmas: Lemmas) -> bool:
    """Whether a verb of publishing tells a document made public by a participle ("a
    statement released by") or a passive ("the transcript was released")."""
    if lemma not in _PUBLISHING:
        return False
    if token.dep_ in ("acl", "relcl") and lemmas(token.head) in _DOCUMENTS:
        return True
    if token.dep_ == "acl" and token.head.pos_ != "NOUN":
        # "the transcript was one of the latest released by X": the participle hangs from a
        # word standing for an elided noun, which the clause's subject names.
        clause = token.head
        while clause.dep_ in ("pobj", "prep", "attr") and clause.head.i != clause.i:
            clause = clause.head
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        return subject is not None and lemmas(subject) in _DOCUMENTS
    return passive is not None and lemmas(passive) in _DOCUMENTS


def _predicate(token: Token) -> Token | None:
    """The object predicate of a naming verb ("called him a liar": liar; the parse may give
    it as a second object)."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if len(objects) > 1 and objects[-1].pos_ in ("NOUN", "ADJ"):
        return objects[-1]
    for child in token.children:
        if child.dep_ == "oprd":
            return child
        if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("NOUN", "ADJ"):
            return child
    return None


def named_as(token: Token, lexicon: EventLexicon, lemmas: Lemmas) -> EventEntry | None:
    """The reading of a naming verb from its object predicate ("called X a liar"), or a
    phone call ("called X"); None when neither applies."""
    lemma = lemmas(token)
    if lemma not in NAMING:
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    predicate = _predicate(token)
    if obj is not None and predicate is not None:
        entry = lexicon.objects.get((lemma, lemmas(predicate)))
        return entry if entry is not None else lexicon.verbs.get((lemma, ""))
    if lemma != "call" or obj is None or predicate is not None:
        return None
    if obj.pos_ not in ("PROPN", "PRON") or obj.lower_ in ("it", "this", "that"):
        return None
    if any(c.dep_ in ("prt", "xcomp", "ccomp", "dative") for c in token.children):
        return None  # "called off", "called X to ...", "called X to say"
    return PHONE_CALL


def joins_a_gathering(lemma: str, obj: Token | None, lemmas: Lemmas) -> bool:
    """Whether "join" names taking part in a meeting (see the module doc)."""
    return lemma == "join" and obj is not None and lemmas(obj) in GATHERINGS


def idle_vote(lemma: str, token: Token) -> bool:
    """Whether "vote" names no one voted for or against (see the module doc)."""
    if lemma != "vote":
        return False
    for child in token.children:
        if child.dep_ in ("prt", "xcomp", "dobj"):
            return False
        dated = any(g.ent_type_ in ("DATE", "TIME") for g in child.children)  # "on Sunday"
        if (
            child.dep_ == "prep"
            and not dated
            and (
                child.lower_ in _VOTED
                or any(g.lower_ in ("favour", "favor") for g in child.children)  # "in favour of"
            )
        ):
            return False
    return True


def halted_act(verb: Token, lemmas: Lemmas) -> Token | None:
    """The infinitive told by work a halting verb halts ("suspended preparations to sign":
    the parse hangs "sign" from the noun or from the verb); None otherwise."""
    if lemmas(verb) not in HALTING:
        return None
    work = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if work is None or lemmas(work) not in PREPARING:
        return None
    for act in (*work.children, *verb.children):
        if act.tag_ != "VB" or act.i < work.i:
            continue
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children)
        if act.dep_ in ("acl", "xcomp") or (act.dep_ == "advcl" and to):
            return act  # the parse may give the infinitive as a clause of purpose
    return None


def halted(token: Token, lemmas: Lemmas) -> bool:
    """Whether ``token`` is the act under work a verb halts (see the module doc)."""
    verb = token.head if token.head.dep_ != "dobj" else token.head.head
    return halted_act(verb, lemmas) == token


def halting_reading(token: Token, lexicon: EventLexicon, lemmas: Lemmas) -> EventEntry | None:
    """The reading of a verb that halts an act in the making: a refusal of it; None when the
    verb halts no such act."""
    if halted_act(token, lemmas) is None:
        return None
    return lexicon.verbs.get(("reject", ""))


def issue_owners(token: Token, lemmas: Lemmas) -> list[Token]:
    """The owners of what a bargaining verb is over ("haggled over Turkish tariffs": Turkey,
    the other side of the bargain); empty for other verbs."""
    if lemmas(token) not in BARGAINING:
        return []
    owners = []
    # "haggled until the final days over X": the parse may hang the issue on a time phrase.
    near = [c for c in token.children if c.dep_ == "prep"]
    near += [g for c in near for p in c.children if p.dep_ == "pobj" for g in p.children]
    for prep in near:
        if prep.dep_ == "prep" and prep.lower_ in ("over", "about"):
            for issue in (c for c in prep.children if c.dep_ == "pobj"):
                owners += [
                    c for c in issue.children
                    if (c.dep_ == "amod" and c.ent_type_ == "NORP") or c.dep_ == "poss"
                ]  # fmt: skip
    return owners


#: Words that pick out particular acts in a plural noun phrase.
_PICKING = frozenset({"det", "poss", "nummod", "prep", "predet"})


def kind_of_act(noun: Token) -> bool:
    """Whether a plural event noun names a kind of act (see the module doc)."""
    if noun.tag_ != "NNS" or noun.dep_ != "pobj" or noun.head.head.pos_ != "NOUN":
        return False
    return not any(c.dep_ in _PICKING for c in noun.children)
