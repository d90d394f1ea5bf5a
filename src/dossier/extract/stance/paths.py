"""The polarity a sentence gives a target, read along its parse from the target up to the
clause whose subject holds it.

From the target's root word the path climbs head by head. Each word on it that is a cue
(``stance_cues.csv``) multiplies the polarity: "wants to join the Customs Union" is +1 x +1,
"is reluctant to sign up for the Customs Union" -1 x +1, "does not support NATO" flips +1 for
its negation. The climb stops at the first word with a subject: that subject holds the stance.
A path with no cue on it takes no side, and gives no stance; nor does one that passes through
a noun that is no cue ("creating its own answer to the EU" says nothing of the EU): the target
is then part of another thing, not what the side is taken toward.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dossier.extract.events.lexicon import Lemmas
from dossier.extract.stance.lexicon import StanceLexicon

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: Words whose clause states what someone said or believes: the climb stops below them, so a
#: target in "Putin said that ..." is held by the clause's own subject, not by the saying.
_POS = {"VERB": "verb", "AUX": "verb", "ADJ": "adj", "NOUN": "noun", "ADP": "prep"}
_MAX_STEPS = 8


@dataclass(frozen=True)
class PathReading:
    """What the path from a target says: the polarity, the cue words, the strength, and the
    subject that holds it (None when the climb reached the root without one)."""

    polarity: int
    cues: tuple[Token, ...]
    strength: float
    subject: Token | None
    verb: Token


def _negated(token: Token) -> bool:
    return any(
        (c.dep_ == "neg" and not _adding(c))
        or (c.lower_ in ("never", "no") and c.dep_ == "advmod")
        or (c.lower_ == "no" and c.dep_ == "det")  # "no future in X", "no support for X"
        for c in token.children
    )


#: "not just", "not only": the words that make a "not" add a second thing, not deny the first.
_ADDING = frozenset({"just", "only", "merely", "simply", "solely"})


def _adding(negation: Token) -> bool:
    """Whether a "not" opens "not just X but Y" (error kind polarity: "sees his country not
    just in the customs union but in the Eurasian union" read as against both)."""
    following = negation.nbor(1) if negation.i + 1 < len(negation.doc) else None
    return following is not None and following.lower_ in _ADDING


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in SUBJECTS:
            return child
    return None


#: Nouns of a course's phase ("the start of EU accession"): the course's own cue says the
#: side, through them (error kind none: the climb stopped at a noun that is no cue).
_PHASES = frozenset({"start", "beginning", "launch", "process", "path", "completion"})


#: Acts of a legislature whose content ("a law declaring the start of EU accession") is the
#: side of whoever passes or backs them.
_LAWS = frozenset({"law", "bill", "resolution", "decree", "motion"})


def read_path(root: Token, lexicon: StanceLexicon, lemmas: Lemmas) -> PathReading | None:
    """The reading of the path from ``root`` (a target's root word) up to its holder, None
    when no cue lies on it."""
    polarity, strength = 1, 1.0
    cues: list[Token] = []
    below: Token | None = None
    token = root
    for _ in range(_MAX_STEPS):
        if token != root and (_through_allegation(token, below, lemmas) or _forgone(token, below)):
            return None
        # The first of two conjoined verbs ("did not recognise X and condemned Y") is its
        # own act: its cue and its negation are not the second's (error kind polarity); a
        # negation both share ("did not sign or ratify Y") leaves both verbs one form.
        conjoined = below is not None and below.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
        if conjoined and _negated(token) and token.tag_ == below.tag_:
            polarity = -polarity
        if token != root and not conjoined:
            pos = _POS.get(token.pos_)
            if pos is not None:
                prep = None
                if below is not None and below.dep_ in ("prep", "agent", "dative"):
                    prep = below.lower_
                particles = [c.lower_ for c in token.children if c.dep_ in ("prt", "advmod")]
                lemma = token.lower_ if pos in ("adj", "prep") else lemmas(token)
                cue = None
                for particle in particles:
                    cue = cue or lexicon.cue(pos, lemma, particle)
                    if cue is not None and cue.prep != particle:
                        cue = None
                cue = cue or lexicon.cue(pos, lemma, prep)
                if pos == "verb" and cue is None and below is not None and below.dep_ == "prep":
                    # A light verb and its cue noun ("put the blame on X", "voiced support
                    # for X"): the noun's cue, through the preposition that reaches X.
                    cue = _light_verb_cue(token, lexicon, lemmas, below.lower_)
                if pos == "verb" and cue is None and token.pos_ == "AUX":
                    cue = None
                if cue is not None and _described(token, lemmas):
                    return None
                if cue is not None and lemma == "be" and _predicated(token):
                    cue = None  # "is important for X": the predicate, not the copula, says it
                if (
                    cue is None
                    and token.pos_ in ("NOUN", "PROPN")
                    and not _named_instrument(token, below, lemmas)
                    and not _rule_of(token, below, lemmas)
                    and not _manner(below, cues)
                    and not (lemma in _PHASES and below is not None and below.lower_ == "of")
                    and not (lemma in _LAWS and below is not None and below.dep_ == "acl")
                    # "signed a memorandum of cooperation with X": the instrument's own
                    # content names the side, as "a treaty on X" does (error kind none)
                    and not (lemma in INSTRUMENTS and below is not None and below.lower_ == "of")
                ):
                    return None
                if cue is not None and pos == "prep" and _hostile(token.head, lexicon, lemmas):
                    # "sanctions against X", "protested against X": the preposition only
                    # links X to a hostile word, which says the side once
                    cue = None
                if cue is not None and token.pos_ == "NOUN" and doers_measure(root, lemmas):
                    return None
                if cue is not None and token.dep_ in ("acomp", "attr") and effect(token, below):
                    return None  # "X is dangerous for Y": a verdict on X, not X's side on Y
                if cue is not None and cue.polarity != 0:
                    polarity *= cue.polarity
                    strength = min(strength, cue.strength)
                    cues.append(token)
                if _negated(token):
                    polarity = -polarity
        subject = _subject(token) if token != root else None
        if subject is None and token != root:
            subject = _caused(token, lemmas)
        if subject is not None or token.head == token:
            if all(lemmas(cue) in _BELONGING for cue in cues):
                return None  # no cue, or only "part of X": "Kaliningrad is part of Russia"
            return PathReading(polarity, tuple(cues), strength, subject, token)
        below, token = token, token.head
    return None


#: Measures a doer takes against someone: named with their doer ("EU sanctions"), a word
#: about them judges the measure, not the doer's project.
_MEASURES = frozenset({"sanction", "sanctions", "ban", "embargo", "tariff", "boycott", "blockade"})


def doers_measure(root: Token, lemmas: Lemmas) -> bool:
    """Whether a target names the doer of a hostile measure ("the EU sanctions", "sanctions
    imposed by the EU"): the target owns it, it is not aimed at the target, so a word about the
    measure is no side toward the target's project (error kind other-target: "the EU
    sanctions were unhelpful" read as against European integration)."""
    if root.dep_ == "compound" and lemmas(root.head) in _MEASURES:
        return True
    by = root.head if root.dep_ == "pobj" else None
    if by is None or by.dep_ != "agent" or by.head.dep_ != "acl":
        return False
    return lemmas(by.head.head) in _MEASURES


#: Nouns through which an act reaches what it is about: "signed a treaty on the EAEU".
INSTRUMENTS = frozenset(
    {"treaty", "agreement", "accord", "deal", "pact", "declaration", "memorandum", "protocol"}
)


def _named_instrument(noun: Token, below: Token | None, lemmas: Lemmas) -> bool:
    """Whether ``noun`` is an instrument that the target below it names as a modifier ("asked
    its partners to sign the Eurasian Economic Union treaty"): the verb over the instrument
    takes the side toward the target, as through "a treaty on X" (error kind: reported wanting
    not read, the climb stopped at "treaty", a noun that is no cue). A possessor ("Armenia's
    treaty") owns the instrument and is no target of it."""
    return (
        below is not None
        and below.dep_ in ("compound", "nmod", "amod")
        and lemmas(noun) in INSTRUMENTS
    )


def _manner(below: Token | None, cues: list[Token]) -> bool:
    """Whether the climb came up through "in <cue noun>" ("complied with a subpoena in
    defiance of X", "marched in support of X"): a phrase of the act's manner, which the parse
    may hang on the nearest noun, so the climb goes on to the verb (error kind none: the side
    lost at a noun that is no cue)."""
    return (
        below is not None
        and below.dep_ == "prep"
        and below.lower_ == "in"
        and bool(cues)
        and cues[-1].head == below
    )


#: Acts of leaving off or getting out: told of a subject as what it should do, a demand.
_RETREATS = frozenset({"withdraw", "leave", "stop", "cease", "halt", "quit", "retreat"})
#: Verbs that, with "out", "off" or "away", say the same ("keep out of", "back off").
_AWAY = frozenset({"keep", "stay", "get", "pull", "back", "move"})
_DEMANDING = frozenset({"should", "must", "ought"})


def _told_to_leave(verb: Token, lemmas: Lemmas) -> bool:
    """Whether a clause demands that its subject withdraw or stop ("X should keep out of
    Ukraine's affairs", "X must withdraw its troops"): whoever tells it is against the
    subject (error kind none: a demand read as no side). A negated demand ("should not
    leave") is none."""
    if not any(c.tag_ == "MD" and c.lower_ in _DEMANDING for c in verb.children):
        return False
    if _negated(verb):
        return False
    lemma = lemmas(verb)
    away = any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "off", "away")
        for c in verb.children
    )
    return lemma in _RETREATS or (lemma in _AWAY and away)


#: Nouns for a person's rule: "the government of X", "X's regime" is X in power.
_RULE = frozenset({"government", "regime", "administration", "cabinet", "rule"})


def _rule_of(noun: Token, below: Token | None, lemmas: Lemmas) -> bool:
    """Whether ``noun`` is the rule of the person below it ("toppled the government of X",
    "X's regime"): what is done to it is done to X (error kind none: the climb stopped at a
    noun that is no cue, and the side toward the ruler was lost)."""
    if below is None or lemmas(noun) not in _RULE:
        return False
    person = below
    if below.dep_ == "prep" and below.lower_ == "of":
        person = next((c for c in below.children if c.dep_ == "pobj"), below)
    elif below.dep_ != "poss":
        return False
    return person.ent_type_ == "PERSON"


#: Cue nouns that say where something belongs: a side only under a word of wanting or
#: resisting ("does not want to be part of X"), none on their own ("is part of X").
_BELONGING = frozenset({"part"})


def _predicated(copula: Token) -> bool:
    """Whether a copula has a predicate of its own ("is important for X", "is a partner for
    X"): only a bare "to be for X" takes X's side."""
    return any(c.dep_ in ("acomp", "attr", "oprd") for c in copula.children)


#: Nouns of a standing tie between two parties: "X is an ally of Y" describes X, it reports
#: no side X was seen to take.
_TIES = frozenset({"ally", "partner", "friend", "patriot"})


def _described(noun: Token, lemmas: Lemmas) -> bool:
    """Whether ``noun`` is a tie noun predicated of a third party ("Ukraine is a pivotal U.S.
    ally", "he was an ally of the president"): a description of who stands with whom, not a
    stance the subject said or showed (error kind unsupported). "We are your allies" stays
    the speaker's own word."""
    if noun.pos_ != "NOUN" or lemmas(noun) not in _TIES or noun.dep_ != "attr":
        return False
    subject = _subject(noun.head)
    return subject is not None and subject.lower_ not in ("we", "i")


#: Verbs whose object does what their complement says: "prompted Western governments to
#: impose sanctions", "forced Kyiv to sign" (the object acts, whatever moved it).
CAUSATIVES = frozenset({"prompt", "lead", "cause", "spur", "drive", "move", "inspire"})


def _caused(verb: Token, lemmas: Lemmas) -> Token | None:
    """The object of a causative verb that governs ``verb`` as its complement: the one who
    does ``verb`` (error kind other-holder: "accusations have prompted Western governments to
    impose sanctions against X" gave the side to "accusations", which is no one)."""
    if verb.dep_ != "xcomp" or lemmas(verb.head) not in CAUSATIVES:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj"), None)


def _hostile(word: Token, lexicon: StanceLexicon, lemmas: Lemmas) -> bool:
    """Whether ``word`` is itself a cue against what it governs."""
    pos = _POS.get(word.pos_)
    if pos not in ("verb", "noun", "adj"):
        return False
    cue = lexicon.cue(pos, word.lower_ if pos == "adj" else lemmas(word), "against")
    return cue is not None and cue.polarity < 0


def _light_verb_cue(verb: Token, lexicon: StanceLexicon, lemmas: Lemmas, prep: str):
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ == "NOUN":
            cue = lexicon.cue("noun", lemmas(child), prep)
            if cue is not None and cue.polarity != 0:
                return cue
    return None


#: Verbs that, with "to be" left out, state what their subject is: "X has become dishonest".
COPULAS = frozenset({"be", "become", "seem"})
#: Verbs that put a label on their object: "she called him a liar", "they branded it a farce".
LABELS = frozenset({"call", "label", "brand", "dub", "describe", "denounce", "condemn"})


def _verdict(word: Token, lexicon: StanceLexicon, lemmas: Lemmas):
    """The cue of a predicate word (an adjective or a noun), or of a cue adjective on a noun
    that is none ("a weak leader"); None when it judges nothing."""
    pos = _POS.get(word.pos_)
    if pos not in ("adj", "noun"):
        return None, word
    cue = lexicon.cue(pos, word.lower_ if pos == "adj" else lemmas(word))
    if (cue is None or cue.polarity == 0) and pos == "noun":
        for child in word.children:
            if child.dep_ == "amod" and child.pos_ == "ADJ":
                found = lexicon.cue("adj", child.lower_)
                if found is not None and found.polarity != 0:
                    return found, child
    return cue, word


def quoted_label(root: Token, lemmas: Lemmas) -> bool:
    """Whether a possessive "her" is the object of a labelling verb whose label follows in
    quotation marks ("called her "bad news""): "her" is the one labelled, not an owner
    (error kind none: the verdict on a person lost to the parse)."""
    following = root.nbor(1) if root.i + 1 < len(root.doc) else None
    return (
        root.dep_ == "poss"
        and root.lower_ == "her"
        and following is not None
        and following.is_quote
        and root.head.dep_ == "dobj"
        and lemmas(root.head.head) in LABELS
    )


def labelled(
    root: Token, lexicon: StanceLexicon, lemmas: Lemmas
) -> tuple[int, Token, Token] | None:
    """ "Y called X a liar", "Y branded X's vote a farce": the label's polarity, its cue word and
    the labelling verb's subject, who holds it; None when the target is no labelled object."""
    if root.dep_ == "dobj" and lemmas(root.head) in LABELS:
        # "called X a liar" parsed as two objects, or an object and its predicate
        verb = root.head
        labels = [
            c
            for c in verb.children
            if c != root and c.dep_ in ("oprd", "ccomp", "xcomp", "dobj", "attr")
        ]
        # ... or the label as the object's apposition ("called X a hero")
        labels += [c for c in root.children if c.dep_ == "appos"]
    elif quoted_label(root, lemmas):
        # "called her "bad news"": the parse takes "her" for the label's possessive
        verb, labels = root.head.head, [root.head]
    elif (
        root.dep_ == "nsubj"
        and root.head.dep_ in ("ccomp", "oprd", "xcomp")
        and lemmas(root.head.head) in LABELS
    ):
        # "called [X a liar]" parsed as a small clause whose subject is X
        verb, labels = root.head.head, [root.head]
    else:
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    for label in labels:
        for word in (label, *(c for c in label.children if c.dep_ in ("acomp", "attr"))):
            cue, said = _verdict(word, lexicon, lemmas)
            if cue is not None and cue.polarity != 0:
                polarity = -cue.polarity if _negated(verb) else cue.polarity
                return polarity, said, subject
    return None


def judgement(root: Token, lexicon: StanceLexicon, lemmas: Lemmas) -> tuple[int, Token] | None:
    """What a clause says of a target that is its subject, when the clause judges it: "X is
    dangerous", "X is a threat" (a cue adjective or noun after "to be"), "X lied" (a
    ``conduct`` verb: an act that, told of someone, condemns them). The polarity (its
    negation turned) and the cue word; None when the clause does not judge its subject.

    The judgement is whoever tells it: a quote's speaker, an opinion piece's author.
    """
    if root.dep_ == "poss" and root.head.dep_ == "nsubj" and _deed(root.head, lemmas):
        return _deed_judged(root.head, lexicon, lemmas)
    if root.dep_ in ("dobj", "pobj"):
        return _course_judged(root, lexicon, lemmas)
    if root.dep_ != "nsubj":
        return None  # "rebels have been killed" tells what was done to them, not of them
    verb = root.head
    if _told_to_leave(verb, lemmas):
        return -1, verb
    cue, word = None, verb
    if lemmas(verb) in COPULAS:
        for child in verb.children:
            # An adjective with a complement is an attitude ("ready to sign"), not a verdict;
            # a phrase of the scene ("guilty in the trial") is no complement.
            attitude = any(
                c.dep_ in ("xcomp", "ccomp")
                or (c.dep_ == "prep" and c.lower_ not in _SCENE and not effect(child, c))
                for c in child.children
            )
            if (
                child.dep_ in ("acomp", "attr")
                and not attitude
                and _POS.get(child.pos_)
                in (
                    "adj",
                    "noun",
                )
            ):
                cue, word = _verdict(child, lexicon, lemmas)
                break
    else:
        cue = lexicon.cue("conduct", lemmas(verb))
    if cue is None or cue.polarity == 0:
        return None
    return (-cue.polarity if _negated(verb) else cue.polarity), word


#: Words that judge what something does to someone ("dangerous for X", "a threat to X"):
#: with "for" or "to" they name whom it affects, not an attitude the subject holds.
_EFFECTS = frozenset(
    {"dangerous", "harmful", "beneficial", "detrimental", "good", "bad", "unhelpful", "helpful",
     "threat", "disaster", "trap", "benefit", "danger", "blow", "boon"}
)  # fmt: skip


def effect(word: Token, prep: Token | None = None) -> bool:
    """Whether ``word`` judges its subject's effect, through ``prep`` where given (error
    kind other-holder: "an analyst says the union is dangerous for X" read as the union
    against X, not the analyst against the union)."""
    return word.lower_ in _EFFECTS and (prep is None or prep.lower_ in ("for", "to"))


#: Prepositions of the scene of a verdict ("guilty in the trial"), not of what it is about.
_SCENE = frozenset({"in", "at", "during"})


#: Nouns of conduct whose possessor did it ("Russia's actions", "its behaviour"), and the
#: endings of nouns made from verbs ("annexation", "involvement", "seizure", "interference").
_DEEDS = frozenset(
    {"action", "act", "behavior", "behaviour", "conduct", "policy", "move", "takeover", "attack"}
)
_DEED_ENDINGS = ("tion", "sion", "ment", "ure", "ance", "ence")
#: Verbs that give their object a verdict: "does not consider X's act legal".
_HOLDING = frozenset({"consider", "deem", "find", "regard", "call"})


def _deed(noun: Token, lemmas: Lemmas) -> bool:
    """Whether a noun names a deed of its possessor, not a person or thing it owns."""
    lemma = lemmas(noun)
    return noun.pos_ == "NOUN" and (lemma in _DEEDS or lemma.endswith(_DEED_ENDINGS))


def _deed_judged(deed: Token, lexicon: StanceLexicon, lemmas: Lemmas):  # noqa: ANN202
    """The verdict a clause gives a deed that is its subject, as a verdict on its doer:
    "X's annexation was illegal", "(Y does not consider) X's annexation (to be) legal"
    (error kind none: the judgement of a state's act missed, its doer being no subject)."""
    verb = deed.head
    cue, word = None, verb
    if verb.pos_ == "ADJ":
        cue, word = _verdict(verb, lexicon, lemmas)  # "considers X's act illegal"
    elif lemmas(verb) in COPULAS:
        for child in verb.children:
            if child.dep_ in ("acomp", "attr") and _POS.get(child.pos_) in ("adj", "noun"):
                cue, word = _verdict(child, lexicon, lemmas)
                break
    if cue is None or cue.polarity == 0:
        return None
    polarity = -cue.polarity if _negated(verb) else cue.polarity
    holding = verb.head if verb.dep_ in ("ccomp", "xcomp", "oprd") else None
    if holding is not None and lemmas(holding) in _HOLDING and _negated(holding):
        polarity = -polarity
    return polarity, word


def _course_judged(root: Token, lexicon: StanceLexicon, lemmas: Lemmas):  # noqa: ANN202
    """A verdict on a course of action toward the target that is its clause's subject:
    "joining X would be a mistake" (against X), "signing with X is the right step" (for):
    the act's side times the verdict (error kind none: the target inside the subject, where
    the path reading stops, and the words as a whole summed to 0)."""
    act = root.head
    if act.pos_ == "ADP" and root.dep_ == "pobj":
        act = act.head
    if act.tag_ != "VBG" or act.dep_ not in ("csubj", "nsubj"):
        return None
    done = lexicon.cue("verb", lemmas(act), root.head.lower_ if root.dep_ == "pobj" else None)
    if done is None or done.polarity == 0:
        return None
    verb = act.head
    if lemmas(verb) not in COPULAS:
        return None
    verdict = next(
        (
            _verdict(c, lexicon, lemmas)
            for c in verb.children
            if c.dep_ in ("acomp", "attr") and _POS.get(c.pos_) in ("adj", "noun")
        ),
        (None, verb),
    )
    cue, word = verdict
    if cue is None or cue.polarity == 0:
        return None
    polarity = done.polarity * cue.polarity
    return (-polarity if _negated(verb) or _negated(act) else polarity), word


#: Words whose complement is an act alleged or denied, not one done: "accused X of sending",
#: "accusations that he pressured X", "denied aiding X", "evidence that X armed Y".
ALLEGING = frozenset(
    {
        "accuse",
        "allege",
        "deny",
        "suspect",
        "accusation",
        "allegation",
        "charge",
        "claim",
        "suspicion",
        "denial",
        "evidence",
    }
)
#: The links by which an act hangs from such a word: its object clause or "of" phrase.
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "acl", "pcomp", "pobj", "prep", "advcl"})


def _through_allegation(word: Token, below: Token | None, lemmas: Lemmas) -> bool:
    """Whether a climb reaches an accusing or denying word from the act it alleges ("accused
    Russia of sending arms to aid the rebels": the rebels are in the alleged act): what the
    accused is said to do gives the accuser no side toward its object (error kind
    other-target: Kyiv read as against the rebels Russia is said to aid). The accused itself,
    the object or "against" phrase, is reached otherwise and keeps its reading."""
    if below is None or not (lemmas(word) in ALLEGING or word.lower_ in ALLEGING):
        return False
    if below.dep_ == "prep":
        return below.lower_ in ("of", "that")
    return below.dep_ in ("ccomp", "xcomp", "advcl", "acl", "pcomp")


def _forgone(word: Token, below: Token | None) -> bool:
    """Whether the climb comes up from the course not taken: through the "of" of "instead
    of" or the "than" of "rather than", or from the conjunct those words join ("sought
    markets in Europe instead of, as Moscow wishes, selling its gas to X"), which the verb
    above does not want (error kind other-target: the seeking read as for X)."""
    if contrast(word):
        return True
    return (
        below is not None
        and below.dep_ == "conj"
        and any(c.dep_ == "cc" and contrast(c) for c in word.children)
    )


def contrast(word: Token) -> bool:
    """Whether ``word`` is the "of" of "instead of" or the "than" of "rather than"."""
    marker = {"of": "instead", "than": "rather"}.get(word.lower_)
    return marker is not None and any(
        t.lower_ == marker for t in (*word.children, word.doc[word.i - 1] if word.i else word)
    )


#: Marks of a clause that tells when, told as a fact beside an accusation, not inside it.
_TIME_MARKS = frozenset({"after", "before", "since", "when", "while", "until"})


def alleged(act: Token, lemmas: Lemmas) -> bool:
    """Whether ``act`` (an event's trigger, or the verb whose subject a path reached) is the
    content of an accusation or a denial ("Kyiv accused Moscow of sending arms to aid the
    rebels", "defending him from accusations that he pressured X", "Moscow denies aiding
    them"): what the accused is said to do is no side he is known to take (error kind
    unsupported); the accuser's own side toward him is read from the accusing word."""
    token = act
    for _ in range(8):
        # "evidence that X was arming and aiding Y": the second act is alleged as the first
        if token.dep_ not in _COMPLEMENTS and token.dep_ != "conj" or token.head == token:
            return False
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in token.children
        ):
            return False  # "accused X of Y after she criticized Z": when, not what is alleged
        token = token.head
        if lemmas(token) in ALLEGING or token.lower_ in ALLEGING:
            return True
    return False
