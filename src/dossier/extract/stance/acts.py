"""Reading 1 of ``dossier.extract.stance``: what a holder does. An event whose source is the
holder and whose target is a KB target or actor gives a stance with the polarity of its PLOVER
type, unless the act is only wanted or resisted ("reluctant to sign"), conditional or a habit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from dossier.extract import document
from dossier.extract.events.actors import PLACE_NOUNS, ActorFinder
from dossier.extract.events.lexicon import GROUP_NOUNS, Lemmas
from dossier.extract.stance.holders import (
    OFFICE_NOUNS,
    PRESS,
    STATE_NOUNS,
    collective,
    gendered_pronoun,
    holders_of,
    office_holders,
)
from dossier.extract.stance.lexicon import StanceLexicon
from dossier.extract.stance.paths import INSTRUMENTS, alleged, contrast
from dossier.extract.stance.reasons import redirect_destinations
from dossier.extract.stance.targets import (
    OBJECT_PRONOUNS,
    TargetFinder,
    TargetHit,
    actor_target,
)
from dossier.extract.stance.voices import WORD_POS, quote_at, quote_speakers, spoken_for
from dossier.model import Event, EventActor, Mention, Quote

if TYPE_CHECKING:
    from dossier.extract.stance import _Collector

#: Event modalities that say nothing of a side taken (a conditional, a habit).
NO_STANCE_MODALITIES = frozenset({"hypothetical", "generic"})


#: Acts of joining that say nothing of a side toward a person ("Putin joined his host").
MEMBERSHIP = frozenset({"AGREE", "COOPERATE", "join", "sign", "accede", "integrate", "ratify"})


#: Targets an act of joining takes no side toward: a person, a state ("Armenia joined, and
#: Kyrgyzstan"; "ratified by Moldova"). Error kind: spurious ``did`` stances between members.
_NO_JOINING = ("person:", "country:", "gov:")
#: Bodies one joins as a post, not a side: a state's agency ("she joined the diplomatic
#: service", "he joined the ministry in 2005"; error kind unsupported: a career step read as
#: a side toward the employer).
_STAFFED = ("agency:",)


#: Acts that take a side toward what they leave (a union, a treaty, a territory), not toward a
#: person they let go: "released the detainee", "released the transcript of X's call" (error
#: kind unsupported: a release read as a stance against the person released or named).
RELEASE = frozenset({"RETREAT"})


def membership_toward_person(cues: tuple[Token, ...], hit: TargetHit, lemmas: Lemmas) -> bool:
    """Whether a path's only cues are acts of joining, aimed at a person, or at a state that
    joins alongside ("signed together with Kazakhstan"; joining a state is a side: "eager to
    join Russia"). The state of a gapped clause joins too ("joined in May, and
    Kazakhstan later")."""
    target_id = hit.target_id or ""
    root = hit.root
    # "with Kazakhstan", or a gapped second joiner ("joined in May, and Kazakhstan later")
    alongside = (root.head.lower_ == "with" and root.dep_ == "pobj") or (
        root.dep_ == "conj" and root.head.pos_ in ("VERB", "AUX")
    )
    if target_id.startswith(_STAFFED) and cues and all(lemmas(c) == "join" for c in cues):
        return True  # "she joined the diplomatic service": a post taken, no side
    person = target_id.startswith("person:") or (target_id.startswith(_NO_JOINING) and alongside)
    return person and all(lemmas(cue) in MEMBERSHIP for cue in cues)


def _joined(trigger: Span | None, lemmas: Lemmas) -> bool:
    return trigger is not None and lemmas(trigger.root) == "join"


def governed_by(word: Token, trigger: Token) -> bool:
    """Whether ``word`` is what ``trigger`` acts on: below it in the parse, through
    prepositions and instrument nouns only ("signed a treaty on the EAEU", not "signed a
    deal to counter the EU")."""
    token = word
    for _ in range(6):
        if token.head == token:
            return False
        token = token.head
        if token == trigger:
            return True
        if token.pos_ != "ADP" and token.lower_ not in INSTRUMENTS:
            return False
    return False


def against(polarity: int, mention: Mention | None, trigger, doc: Doc) -> int:
    """A favourable act aimed at a target through "against" is against it ("supported the
    fight against X", "joined the campaign against X"); a hostile act stays as it is
    ("imposed sanctions against X")."""
    if polarity <= 0 or mention is None or trigger is None:
        return polarity
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return polarity
    token = span.root
    for _ in range(6):
        if token.head == token or token == trigger.root:
            return polarity
        token = token.head
        if token.lower_ == "against" and token.pos_ == "ADP":
            return -polarity
    return polarity


#: Verbs that hold someone back from an act ("prevented Kiev from signing"); not stance cues,
#: since bare they name events with no side ("prevent a war", "stop the shelling").
_HOLDING_BACK = frozenset({"prevent", "stop", "bar", "block", "discourage", "dissuade"})


def set_aside(mention: Mention | None, trigger, doc: Doc) -> bool:  # noqa: ANN001
    """Whether a target reaches the act's trigger through "instead of" or "rather than"."""
    if mention is None or trigger is None:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(6):
        if token is None or token.head == token or token == trigger.root:
            return False
        token = token.head
        if contrast(token):
            return True
    return False


def wanted_only(trigger: Token, lexicon: StanceLexicon, lemmas: Lemmas | None = None) -> bool:
    """Whether an act is only wanted or resisted, not done: the complement of a stance word
    ("reluctant to sign", "eager to join", "refused to sign"), which the sentence reading
    takes up with that word's side; likewise an act a stance word prevents through its
    preposition ("kept Ukraine from joining", "stopped X from signing"): not the act's doer's
    deed (error kind unsupported: a joining prevented read as done)."""
    prep = None
    if trigger.dep_ == "pcomp" and trigger.head.dep_ == "prep":
        prep, head = trigger.head.lower_, trigger.head.head
        if prep == "from" and (lemmas(head) if lemmas else head.lemma_) in _HOLDING_BACK:
            return True  # "stopped X from signing": not cues of their own (events use them)
    elif trigger.dep_ == "xcomp":
        head = trigger.head
    else:
        return False
    pos = WORD_POS.get(head.pos_) or ("verb" if head.pos_ == "AUX" else None)
    if pos is None:
        return False
    lemma = head.lower_ if pos == "adj" else (lemmas(head) if lemmas else head.lemma_.lower())
    cue = lexicon.cue(pos, lemma, prep)
    if cue is None or cue.polarity == 0:
        return False
    # through a preposition only a word that holds the act back ("keep ... from"), not one
    # whose means it is ("backed X by joining"): the act is then still done
    return prep is None or (cue.polarity < 0 and prep in (cue.prep, "from"))


#: "pro-Moscow", "pro-Russian", "Russian-backed": a state a group's name says it sides with.
_SIDED = re.compile(r"\bpro-(\w+)|\b(\w+)-(?:backed|leaning|allied)\b", re.I)


#: An event the event stage rates below this lacks a known actor or a curated trigger.
SURE_EVENT = 0.9


def weak_act(event: Event, trigger: Span | None, lexicon: StanceLexicon, lemmas: Lemmas) -> bool:
    """Whether an event is too weak a sign of a side to read one from: the event stage is
    unsure of it (an actor it does not know, a trigger nobody curated, a noun) and its trigger
    is no stance word of its own (error kind unsupported: 'held an emergency session' read as
    coercion of Russia, 'expressing concerns about aid to X' as an accusation of X); a stance
    word ("warned", "signed", "joined") still gives the act its side."""
    if event.provenance.confidence >= SURE_EVENT or trigger is None:
        return False
    word = trigger.root
    pos = WORD_POS.get(word.pos_)
    return pos is None or not lexicon.knows(pos, word.lower_ if pos == "adj" else lemmas(word))


def _sided_with(event: Event, collector: _Collector) -> set[str]:
    """The countries the event's sources name as their side in their own names ("pro-Moscow
    militants"): the event stage may read that state as the act's target, a state the
    group does not act against (error kind unsupported: "pro-Russian fighters captured the
    town" read as against Russia)."""
    text = document.text_of(collector.doc)
    found: set[str] = set()
    for actor in event.source:
        if actor.mention_start is None or actor.mention_end is None:
            continue
        for match in _SIDED.finditer(text[actor.mention_start : actor.mention_end]):
            word = match.group(1) or match.group(2)
            place = collector.kb.place(word)
            country = collector.kb.country_of_adjective(word) or (
                place.country if place is not None else None
            )
            if country is None:
                states = [a for a in collector.kb.find_actors(word) if a.type == "country"]
                country = states[0].country if states else None
            if country is not None:
                found.add(country)
    return found


def _owner_of_land(collector: _Collector, named: Mention) -> bool:
    """Whether a mention is the owner of a place the act is done to ("annex Ukraine's
    Crimea", "shelled Ukraine's eastern region", "annexing Crimea from Ukraine"): as for an
    act on a territory named alone, no side toward the state (error kind unsupported)."""
    span = collector.doc.char_span(named.start, named.end, alignment_mode="expand")
    if span is None:
        return False
    land = span.root.head
    if span.root.dep_ == "pobj" and land.lower_ == "from":
        # "annexing Crimea from Ukraine": the land taken is the verb's object (round 12)
        above = land.head  # the land itself ("Crimea from Ukraine"), or the verb
        land = (
            above
            if above.pos_ in ("NOUN", "PROPN")
            else next((c for c in above.children if c.dep_ == "dobj"), None)  # type: ignore[assignment]
        )
        if land is None:
            return False
    elif span.root.dep_ != "poss":
        return False
    if land.lower_ in PLACE_NOUNS:
        return True
    return any(
        m.label in ("GPE", "LOC") and m.start <= land.idx < m.end
        for m in collector.mentions.values()
    )


def _others_act(
    trigger: Span | None, actor: EventActor, named: Mention | None, collector: _Collector
) -> bool:
    """Whether a target lies in a clause the act's verb reports whose own subject is someone
    else, not as that subject ("Merkel warned that the EU was ready to impose sanctions
    against Russia"): the clause tells the other's side, which the sentence reading gives
    it (error kind other-target: the speaker read as acting on the target). A target that is
    the clause's subject ("warned that Ukrainian forces should not ...") is what the warning
    is about. A target the event stage read from the clause without a mention of its own is
    in it unless the subject names it. A subject that names no known actor ("warned it
    would ...") leaves the act as it is."""
    if trigger is None:
        return False
    doc = collector.doc
    span = None if named is None else doc.char_span(named.start, named.end, "expand")
    for clause in trigger.root.children:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if clause.dep_ != "ccomp" or subject is None:
            continue
        words = list(subject.subtree)
        first, last = words[0].idx, words[-1].idx + len(words[-1].text)
        named_there = [
            m for m in collector.mentions.values() if first <= m.start < last and m.actor_id
        ]
        if not named_there:
            continue  # "warned it would ...": whose clause it is, the parse does not say
        if span is not None:
            if span.root in clause.subtree and span.root not in subject.subtree:
                return True
            continue
        return not any(
            m.actor_id == actor.actor_id or (actor.country and m.country == actor.country)
            for m in named_there
        )
    return False


def _agentless_passive(trigger: Token) -> bool:
    """Whether an act is told in the passive with no doer ("she was smeared and threatened",
    "felt threatened"):
    a source the event stage found for it lies outside its clause, a guess (error kind
    unsupported: a state named nearby read as the one who threatened)."""
    passive = (
        any(c.dep_ == "auxpass" for c in trigger.children)
        or (trigger.dep_ == "conj" and any(c.dep_ == "auxpass" for c in trigger.head.children))
        # "felt threatened", "seemed isolated": a participle that tells a state
        or (trigger.tag_ == "VBN" and trigger.dep_ in ("acomp", "oprd"))
    )
    if not passive:
        return False
    return not any(c.dep_ == "agent" for c in trigger.children) and not (
        trigger.dep_ == "conj" and any(c.dep_ == "agent" for c in trigger.head.children)
    )


def _side_word(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows "pro-" or "anti-" (it names a side taken)."""
    return text[max(start - 5, 0) : start].lower().endswith(("pro-", "anti-"))


def _pronoun_object(trigger: Span | None, targets: TargetFinder) -> TargetHit | None:
    """The person an act's object "her" or "him" stands for (``person_pronoun``), or the body
    its "it" does (``thing_pronoun``); None where the act has no such object or the text
    shows no such antecedent."""
    if trigger is None:
        return None
    for child in trigger.root.children:
        objects = [child] if child.dep_ in ("dobj", "dative") else []
        if child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj"]
        for word in objects:
            if word.lower_ in OBJECT_PRONOUNS:
                return targets.person_pronoun(word)
            if word.lower_ == "it":
                return targets.thing_pronoun(word)
    return None


#: Nouns of talking with someone: "open a dialogue with X" is no side toward X.
_TALKS = frozenset(
    {"dialogue", "talk", "talks", "negotiation", "negotiations", "consultation", "consultations"}
)


def _talks_with(collector: _Collector, named: Mention) -> bool:
    """Whether a mention is whom talks are held with ("pledged to open a dialogue with the
    militants"): an act of agreeing to talk takes no side toward the other party (error kind
    unsupported: the pledge read as for the militants), as an agreement with X takes none
    (``stance_cues.csv``: "agreement with" is neutral). Talks with a union a state may join
    ("agreed to open talks with the EU") are a step toward it, and keep their side."""
    span = collector.doc.char_span(named.start, named.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lower_ in _TALKS


def _as_described(
    actor: EventActor, mention: Mention | None, collector: _Collector
) -> tuple[str, str | None, Mention | None]:
    """An event's target as the text names it: a state the event stage read from "the
    country" or "the nation" is the country, as a state named by its name is (error kind
    other-target: "criticized the country's lack of progress" read as toward its
    government); any other target as the event stage gives it."""
    text = document.text_of(collector.doc)
    word = text[actor.mention_start : actor.mention_end] if mention is None else ""
    if actor.country and actor.mention_start is not None and word.lower() in STATE_NOUNS:
        country = collector.kb.country_actor(actor.country)
        if country is not None:
            return (country.name, country.id, None)
    return (actor.actor, actor.actor_id, mention)


def _nearer_thing(trigger: Span | None, collector: _Collector) -> bool:
    """Whether an act's object "it" has a nearer antecedent than any actor: a subject before
    it in its sentence that names no one ("The bill began life as an initiative, the
    government endorsed it"), which the event stage passes over for a body named a sentence
    back (error kind other-target: the endorsement read as toward the parliament)."""
    if trigger is None:
        return False
    objects = [c for c in trigger.root.children if c.dep_ == "dobj" and c.lower_ == "it"]
    if not objects:
        return False
    it = objects[0]
    for word in it.sent:
        if word.i >= it.i:
            break
        if word.dep_ not in ("nsubj", "nsubjpass") or word.pos_ != "NOUN":
            continue
        if word.head == trigger.root:
            continue  # the act's own doer
        if not any(m.start <= word.idx < m.end for m in collector.mentions.values()):
            return True
    return False


def _own_affirmed(trigger: Span | None) -> bool:
    """Whether a verb conjoined to a negated one is affirmed in a form of its own ("did not
    recognise X and condemned Y"): the negation the event took from the first verb is not its
    own (error kind polarity); one form ("did not sign or ratify Y") shares it."""
    if trigger is None or not len(trigger):
        return False
    verb = trigger.root
    return (
        verb.dep_ == "conj"
        and not any(c.dep_ == "neg" for c in verb.children)
        and verb.tag_ != verb.head.tag_
    )


def event_stances(
    collector: _Collector,
    events: list[Event],
    targets: TargetFinder,
    sentences: list,
    lexicon: StanceLexicon,
    finder: ActorFinder,
    quotes: list[Quote],
    lemmas: Lemmas,
) -> None:
    """Stances from what holders do (reading 1 of the module doc)."""
    kb = collector.kb
    for event in events:
        cue = lexicon.event(event.event_type)
        if cue is None or cue.polarity == 0 or event.modality in NO_STANCE_MODALITIES:
            continue
        trigger_span = collector.doc.char_span(event.start, event.end, alignment_mode="expand")
        negated = event.modality == "negated" and not _own_affirmed(trigger_span)
        polarity = -cue.polarity if negated else cue.polarity
        aimed: list[tuple[str, str | None, Mention | None]] = []
        sided = _sided_with(event, collector)
        pronoun = _pronoun_object(trigger_span, targets)
        if pronoun is None and _nearer_thing(trigger_span, collector):
            continue  # "the bill ..., the government endorsed it": not toward a body
        for actor in event.target:
            person = (actor.actor_id or "person:").startswith("person:")
            if pronoun is not None and person == (pronoun.root.lower_ != "it"):
                # "X attacked her": the person of that gender the pronoun takes up, as the
                # sentence reading resolves it (error kind other-target: the last person
                # named, whatever their gender); the event's own reading where the text
                # shows no one of that gender
                aimed.append((pronoun.target, pronoun.target_id, pronoun.mention))
                pronoun = None
                continue
            if actor.actor_id is None:
                continue
            named = collector.mentions.get((actor.mention_start, actor.mention_end))  # type: ignore[arg-type]
            state = kb.actors.get(actor.actor_id)
            if (named is None or named.actor_id != actor.actor_id) and (
                state is not None and state.country in sided
            ):
                # "pro-Moscow militants seized the offices": the state the group sides with,
                # read onto a word that does not name it, is not what they act against
                continue
            if named is not None and _side_word(document.text_of(collector.doc), named.start):
                continue  # "released pro-Russia detainees": a side they take, not Russia
            if (
                named is not None
                and kb.target_of_actor(actor.actor_id) is None
                and _talks_with(collector, named)
            ):
                continue  # "open a dialogue with X": talking is no side (toward a union it is)
            if named is not None and _owner_of_land(collector, named):
                continue  # "moved to annex Ukraine's Crimea": an act on land, not on its state
            if _others_act(trigger_span, actor, named, collector):
                continue  # "X warned that the EU would sanction Russia": the EU's side
            if actor.actor_id.startswith(_STAFFED) and _joined(trigger_span, lemmas):
                continue  # "she joined the diplomatic service": a post taken, no side
            if event.event_type in MEMBERSHIP and actor.actor_id.startswith(_NO_JOINING):
                continue  # co-signatories and co-members act together, not toward each other
            if event.event_type in RELEASE and actor.actor_id.startswith("person:"):
                continue
            target = kb.target_of_actor(actor.actor_id)
            mention = collector.mentions.get((actor.mention_start, actor.mention_end))  # type: ignore[arg-type]
            if target is not None:
                aimed.append((target.name, target.id, mention))
            elif mention is not None and mention.actor_id == actor.actor_id:
                aimed.append((*actor_target(mention, kb), mention))
            elif mention is not None and mention.label in ("GPE", "LOC", "FAC"):
                # "annexed Crimea", "shelled the town": the event stage put the place's state
                # on it, but an act on a territory is no side toward a state (error kind
                # unsupported: "Russia annexed Crimea" read as against Ukraine's government)
                continue
            else:
                aimed.append(_as_described(actor, mention, collector))
        if trigger_span is not None and wanted_only(trigger_span.root, lexicon, lemmas):
            continue  # "reluctant to sign", "wants to join": no act done; the sentence says it
        if trigger_span is not None and alleged(trigger_span.root, lemmas):
            continue  # "accused X of sending arms": an act alleged, not one known done
        if weak_act(event, trigger_span, lexicon, lemmas):
            continue
        if trigger_span is not None and _agentless_passive(trigger_span.root):
            continue
        if not aimed and event.index is not None and event.index < len(sentences):
            trigger = trigger_span
            for hit in targets.in_span(sentences[event.index]):
                if (
                    trigger is not None
                    and (hit.target_id or "").startswith("target:")
                    and governed_by(hit.root, trigger.root)
                ):
                    aimed.append((hit.target, hit.target_id, hit.mention))
        holders = collective(event.source, kb, collector.mentions)
        if trigger_span is not None:
            subject = next(
                (c for c in trigger_span.root.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
            if subject is not None and subject.lower_ in ("which", "who"):
                # "the government of X, which backs ...": the body, as the sentence reads it;
                # "X, the prosecutor of Ukraine, who accused ...": the person, not his state
                holders = holders_of(subject, finder, kb, event.date) or holders
            elif (
                subject is not None
                and (subject.lower_ in GROUP_NOUNS or subject.lower_ in PRESS)
                and subject.lower_ not in OFFICE_NOUNS
                and holders
                and all(
                    (h.actor_id or "").startswith(("gov:", "country:", "agency:")) for h in holders
                )
            ):
                # "Russian officials warned", "Russia's media supported": a group of the
                # state's people, or its press, not the state (error kind other-holder: the
                # state credited with its officials' words or its media's line)
                holders = holders_of(subject, finder, kb, event.date) or holders
            elif subject is not None:
                # "she signed": the person of that gender the text shows nearby, as the
                # sentence reading takes her (error kind other-holder)
                gendered = gendered_pronoun(subject, finder)
                holders = (
                    [gendered]
                    if gendered is not None
                    else office_holders(subject, finder, kb, event.date) or holders
                )
        quote = quote_at(quotes, event.start)
        if quote is not None:
            holders = spoken_for(
                holders, quote_speakers(quote, kb), kb, quote.said_on or event.date
            )
        # "agreed to closer ties with Russia instead of the EU": the course set aside takes
        # not the act's side (error kind polarity; the rival reading gives it its own)
        aimed = [t for t in aimed if not set_aside(t[2], trigger_span, collector.doc)]
        # "refused to travel to X since Y sided with Z": toward Y, not the place
        aimed = redirect_destinations(aimed, trigger_span, targets, lemmas)
        for holder in holders:
            for target in aimed:
                collector.add(
                    holder,
                    target,
                    against(polarity, target[2], trigger_span, collector.doc),
                    (event.start, event.end),
                    "did",
                    ("event", event.fact_id),
                    event.date,
                    event.event_type,
                    cue.strength,
                    event.provenance.confidence * 0.9,
                )
