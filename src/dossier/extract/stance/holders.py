"""Who holds a stance: the subject of the clause that takes the side, resolved to an actor
through the linker's mentions (as the event stage resolves its sources), and the country the
holder speaks for on the stance's date.

A country that wants or resists is its government ("Ukraine is reluctant" is Kyiv's stance);
a group the KB does not know keeps its words ("Kyrgyz critics"); "I" and "we" are left to the
caller, who knows whose words they are (a quote's speaker, an opinion piece's author).

A plural pronoun ("they", "their") is the last subject that named two actors or more by
coordination ("Grassley and Johnson have requested records. They both voted ..."), in its
sentence before it or the two before (error kind other-holder: a plural pronoun left
unresolved); a bare "the country" or "the nation" is the last state named in its sentence
before it or in the one before (error kind none: a state described, not named). Only a named
coordination counts for "they": a plural noun ("the senators") is too loose an antecedent to
resolve by position alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

from dossier.extract.events import GROUP_NOUNS
from dossier.extract.events.actors import ActorFinder
from dossier.extract.quotes.pronouns import GENDER, genders_in
from dossier.kb.loader import KnowledgeBase
from dossier.kb.rows import widen
from dossier.model import EventActor, Mention

FIRST_PERSON = frozenset({"i", "we", "us", "me"})
#: Actor types that speak for their country as such.
STATE_TYPES = frozenset({"government", "country", "agency"})
_ISO_DAY = re.compile(r"\A\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Holder:
    """A stance holder: canonical name, KB id (None for NIL), and the mention it was read from."""

    name: str
    actor_id: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None


def collective(
    actors: tuple[EventActor, ...] | list[EventActor],
    kb: KnowledgeBase,
    mentions: dict[tuple[int, int], Mention],
) -> list[Holder]:
    """Actors as holders, where several read from one mention of an organisation (the event
    stage's "the bloc's members" as each member state) are that organisation again: one
    collective holder, since the clause gives no member its own side."""
    spans: dict[tuple[int | None, int | None], list[EventActor]] = {}
    for actor in actors:
        spans.setdefault((actor.mention_start, actor.mention_end), []).append(actor)
    found: list[Holder] = []
    for (start, end), group in spans.items():
        mention = mentions.get((start, end)) if start is not None and end is not None else None
        if (
            len(group) > 1
            and mention is not None
            and mention.actor_id in kb.actors
            and kb.actor(mention.actor_id).type not in STATE_TYPES
        ):
            found.append(Holder(mention.actor, mention.actor_id, start, end))
            continue
        found.extend(as_holder(actor, kb) for actor in group)
    return found


def as_holder(actor: EventActor, kb: KnowledgeBase) -> Holder:
    """An actor as a holder: a country is its government."""
    actor_id, name = actor.actor_id, actor.actor
    if actor_id and actor_id.startswith("country:") and actor.country:
        government = kb.government_actor(actor.country)
        if government is not None:
            actor_id, name = government.id, government.name
    return Holder(name, actor_id, actor.mention_start, actor.mention_end)


#: Nouns of office that, followed by states ("the presidents of Russia and Belarus"), name the
#: people who held that office then, and the title of the office in the KB.
OFFICE_NOUNS = {
    "president": ("President",),
    "presidents": ("President",),
    "premier": ("Prime Minister",),
    "premiers": ("Prime Minister",),
    # "the leaders of Russia and Belarus": who led each state then, its president where it has
    # one, else its prime minister (error kind a: the gold names the people, not the states)
    "leader": ("President", "Prime Minister"),
    "leaders": ("President", "Prime Minister"),
}


def _office_holders(
    subject: Token, named: tuple[EventActor, ...], kb: KnowledgeBase, day: str | None
) -> list[Holder]:
    """ "The presidents of Russia and Belarus": whoever held each state's office on ``day``;
    [] when the head is no office noun or a state's holder is unknown."""
    titles = OFFICE_NOUNS.get(subject.lower_)
    known = _ISO_DAY.match(day or "")
    if titles is None or known is None or not named:
        return []
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in subject.children):
        return []  # "opposition leaders", "rebel leader": not those who lead the state
    found = []
    for actor in named:
        kind = (actor.actor_id or "").split(":")[0]
        if kind not in ("country", "gov") or not actor.country:
            return []
        person = None
        for title in titles:
            offices = kb.offices_with_title(title, actor.country)
            person = kb.holder(offices[0].id, known.group(0)) if offices else None
            if person is not None:
                break
        if person is None:
            return []
        found.append(Holder(person.name, person.id, actor.mention_start, actor.mention_end))
    return found


def office_holders(
    subject: Token, finder: ActorFinder, kb: KnowledgeBase, day: str | None
) -> list[Holder]:
    """ "The presidents (leaders) of Russia and Belarus": the people in those offices on
    ``day``; [] when the subject names no office of states."""
    if subject.lower_ not in OFFICE_NOUNS:
        return []
    return _office_holders(subject, finder.actors(subject, members=False), kb, day)


#: Each document's people by the gender its text shows them to be (``genders_in``).
_GENDERS: WeakKeyDictionary[Doc, dict[str, str]] = WeakKeyDictionary()
#: Sentences before a "he" or "she" in which to look for whom it takes up.
_PRONOUN_REACH = 2


def gendered_pronoun(subject: Token, finder: ActorFinder) -> Holder | None:
    """The person a subject "he" or "she" takes up, where the text has shown someone of that
    gender in its sentence before it or in the two before: the last such person ("X, center,
    sits during her meeting with President Y. ... she complied" is X; error kind
    other-holder: the last person named, whatever their gender). None otherwise, and the
    event stage's reading stands."""
    wanted = GENDER.get(subject.lower_)
    if wanted is None:
        return None
    doc = subject.doc
    genders = _GENDERS.get(doc)
    if genders is None:
        genders = _GENDERS[doc] = genders_in(doc, finder.index)
    main = _main_subject(subject, finder, genders, wanted)
    if main is not None:
        return main
    sentence = subject.sent
    for _ in range(_PRONOUN_REACH):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    people = [
        m
        for m in finder.index.covering(sentence.start_char, subject.idx)
        if m.label == "PERSON" and m.end <= subject.idx and genders.get(m.actor) == wanted
    ]
    if not people:
        return None
    person = people[-1]
    return Holder(person.actor, person.actor_id, person.start, person.end)


def _main_subject(
    pronoun: Token, finder: ActorFinder, genders: dict[str, str], wanted: str
) -> Holder | None:
    """The person who is the subject of the main clause a "he" or "she" is subordinate to
    ("Trump appeared at a rally, where he blasted the inquiry"), where the text shows no
    other gender for them (error kind other-holder: the last person of that gender named
    before, over the main clause's own subject); None otherwise."""
    main = pronoun.sent.root
    if pronoun.head == main:
        return None
    top = next((c for c in main.children if c.dep_ == "nsubj"), None)
    if top is None or top.i > pronoun.i or top.lower_ in GENDER:
        return None
    for mention in finder.index.covering(top.idx, top.idx + len(top.text)):
        if (
            mention.label == "PERSON"
            and mention.start <= top.idx < mention.end
            and genders.get(mention.actor, wanted) == wanted
        ):
            return Holder(mention.actor, mention.actor_id, mention.start, mention.end)
    return None


def _named(head: Token) -> Token | None:
    """The name a "which" clause qualifies: a proper noun, or the name in apposition to a
    common noun ("the group Right Sector, which ..."; error kind none: the clause's side lost
    for want of a named holder); None for a common noun alone."""
    if head.pos_ == "PROPN":
        return head
    return next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _is_person(token: Token, finder: ActorFinder) -> bool:
    return any(
        m.label == "PERSON" and m.start <= token.idx < m.end
        for m in finder.index.covering(token.idx, token.idx + len(token.text))
    )


def _person_up(head: Token, finder: ActorFinder) -> Token:
    """The person "who" stands for when the parse hung its clause on a word that names no
    one: "X, the former prosecutor of Ukraine, who accused Y" hangs "who" on "Ukraine"; up
    through "of" and the apposition it is X (error kind other-holder: the state a person's
    title names read as the holder). ``head`` itself where no person is found that way."""
    token = head
    for _ in range(5):
        if _is_person(token, finder):
            return token
        if token.dep_ not in ("pobj", "prep", "appos") or token.head == token:
            return head
        token = token.head
    return token if _is_person(token, finder) else head


def _unnamed_post(head: Token, finder: ActorFinder) -> Holder | None:
    """The person a "who" clause qualifies when a common noun names him by his post alone
    ("Ukraine's former prosecutor, who accused her"): that post, by its words, not the state
    it names (error kind other-holder: the state credited with its official's act); None
    where the noun is a person's or a body's own name."""
    if head.pos_ != "NOUN" or _is_person(head, finder):
        return None
    named = finder.actors(head, members=False)
    if not named or any(
        a.mention_start is not None
        and a.mention_end is not None
        and a.mention_start <= head.idx < a.mention_end
        for a in named
    ):
        return None
    words = finder.words(head)
    return Holder(words.actor.rstrip(" ,;:"), None, words.mention_start, words.mention_end)


def holders_of(
    subject: Token, finder: ActorFinder, kb: KnowledgeBase, day: str | None = None
) -> list[Holder]:
    """The holders a subject names; [] for a first-person pronoun or words naming no one.

    day: the stance's date, at which "the presidents of ..." are the people in office.
    """
    if subject.lower_ in FIRST_PERSON:
        return []
    gendered = gendered_pronoun(subject, finder)
    if gendered is not None:
        return [gendered]
    grouped = (
        plural_antecedent(subject, finder, kb)
        or described_state(subject, finder, kb)
        or saying_body(subject, finder, kb)
    )
    if grouped:
        return grouped
    if (
        subject.dep_ == "nsubj"
        and subject.head.dep_ == "relcl"
        and (
            subject.lower_ == "who"
            or (subject.lower_ == "which" and _named(subject.head.head) is not None)
        )
    ):
        # "X, who accused Y of lying", "Kyiv, which hopes to sign ...": the relative clause's
        # subject is the person or the named body it qualifies (not so "who was accused by
        # Y", whose holder is Y)
        which = subject.lower_ == "which"
        subject = _named(subject.head.head) if which else subject.head.head
        if not which:
            subject = _person_up(subject, finder)
            post = _unnamed_post(subject, finder)
            if post is not None:
                return [post]
        if which and subject.dep_ == "pobj" and subject.head.lower_ == "of":
            # "the government of Prime Minister X, which backs ...": "which" is the body whose
            # name ends in the person, never the person (error kind other-holder)
            body = subject.head.head
            if body.pos_ == "NOUN":
                bodies = [
                    a
                    for a in finder.actors(body, members=False)
                    if not (a.actor_id or "").startswith("person:")
                ]
                if bodies:
                    return [as_holder(actor, kb) for actor in bodies]
    # One collective holder: "the bloc's members are wary" is the bloc's stance, not one
    # stance per member state, which the clause does not give each of them.
    named = finder.actors(subject, members=False)
    in_office = _office_holders(subject, named, kb, day)
    if in_office:
        return in_office
    at_head = any(
        a.mention_start is not None
        and a.mention_end is not None
        and a.mention_start <= subject.idx < a.mention_end
        for a in named
    )
    if (subject.lower_ in GROUP_NOUNS or subject.lower_ in PRESS) and not at_head:
        # "Kremlin officials", "Kyrgyz critics": a group of people, not the body it is near;
        # "Russia's media": a press, not the state it is of.
        words = finder.words(subject)
        return [Holder(words.actor, None, words.mention_start, words.mention_end)]
    return [as_holder(actor, kb) for actor in named]


#: Nouns that name a press: a state's press holds its own line, not the state's.
PRESS = frozenset({"media", "press", "newspaper", "newspapers", "tabloid", "tabloids"})
PLURAL = frozenset({"they", "their", "them", "theirs"})
#: Nouns by which a text takes up a state it named ("the country", "the Eastern European nation").
STATE_NOUNS = frozenset({"country", "nation"})
#: Sentences before the pronoun in which to look for its antecedent.
_REACH = 2


def _earlier_sentences(token: Token, reach: int) -> list:
    """``token``'s sentence and up to ``reach`` before it, nearest first."""
    doc = token.doc
    found = [token.sent]
    for _ in range(reach):
        start = found[-1].start
        if start == 0:
            break
        found.append(doc[start - 1].sent)
    return found


def plural_antecedent(token: Token, finder: ActorFinder, kb: KnowledgeBase) -> list[Holder]:
    """The actors a "they" or "their" takes up (see the module doc); [] when none is found."""
    if token.lower_ not in PLURAL:
        return []
    for sentence in _earlier_sentences(token, _REACH):
        for word in reversed([t for t in sentence if t.i < token.i]):
            if word.dep_ not in ("nsubj", "nsubjpass") or word.pos_ != "PROPN":
                continue
            if not any(c.dep_ == "conj" for c in word.children):
                continue
            named = list(finder.actors(word, members=False))
            if len(named) >= 2:
                return _distinct(as_holder(a, kb) for a in named)
    return []


def described_state(token: Token, finder: ActorFinder, kb: KnowledgeBase) -> list[Holder]:
    """The state a bare "the country" takes up (see the module doc); [] when it names its own
    ("the country's president") or no state was named just before."""
    if token.lower_ not in STATE_NOUNS or token.pos_ != "NOUN":
        return []
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return []
    if any(c.dep_ in ("prep", "poss", "appos") for c in token.children):
        return []  # "the country of X", "X's country": named, or someone else's
    if any(a.actor_id for a in finder.actors(token, members=False)):
        return []  # "the EU country": the phrase names its own actor
    for sentence in _earlier_sentences(token, 1):
        states = [
            m
            for m in finder.index.covering(sentence.start_char, token.idx)
            if m.end <= token.idx and (m.actor_id or "").startswith(("country:", "gov:"))
        ]
        if states:
            last = states[-1]
            country = kb.actors[last.actor_id].country if last.actor_id in kb.actors else None
            government = kb.government_actor(country) if country else None
            if government is not None:
                return [Holder(government.name, government.id, last.start, last.end)]
    return []


#: Verbs of saying whose object clause an "it" subject of a body's own words hangs from.
_SAYING = frozenset(
    {"say", "said", "says", "announce", "announced", "announces", "state", "stated",
     "states", "declare", "declared", "declares", "insist", "insisted", "insists"}
)  # fmt: skip


def saying_body(token: Token, finder: ActorFinder, kb: KnowledgeBase) -> list[Holder]:
    """The body an "it" stands for as the subject of that body's own reported words ("the EU
    said it was ready to impose sanctions"): the subject of the verb of saying whose object
    clause "it" is in, where that subject names a body, not a person (error kind none: the
    side lost for want of a holder); [] otherwise."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
        return []
    clause = token.head
    for _ in range(3):
        if clause.dep_ == "ccomp" and clause.head.lower_ in _SAYING:
            break
        if clause.dep_ not in ("xcomp", "conj") or clause.head == clause:
            return []
        clause = clause.head
    else:
        return []
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.lower_ == "it":
        return []
    bodies = [
        a
        for a in finder.actors(speaker, members=False)
        if a.actor_id and not a.actor_id.startswith("person:")
    ]
    return [as_holder(bodies[0], kb)] if len(bodies) == 1 else []


def _distinct(holders) -> list[Holder]:  # noqa: ANN001 - any iterable of holders
    """Holders, each actor once (the first mention of it)."""
    found: dict[str, Holder] = {}
    for holder in holders:
        found.setdefault(holder.actor_id or holder.name, holder)
    return list(found.values())


def holder_country(kb: KnowledgeBase, actor_id: str | None, day: str | None) -> str | None:
    """The country ``actor_id`` speaks for on ``day``: a person through an office the KB says
    they held then, a government, state or state agency as itself; None otherwise."""
    if not actor_id or actor_id not in kb.actors:
        return None
    actor = kb.actor(actor_id)
    if actor.type in STATE_TYPES:
        return actor.country
    if actor.type == "person":
        for known in period_days(day):
            for office in kb.offices_held(actor_id, known):
                if office.country:
                    return office.country
    return None


_ISO_WEEK = re.compile(r"\A(\d{4})-W(\d{2})")


def period_days(value: str | None) -> list[str]:
    """The first and last day of the period a date names ("2018-05-14" itself; "2018-W19",
    "2018-05", "2018" from first to last day): a speaker represents a country through an
    office held at any time in it (error kind other-holder: "Pashinyan said last week" dated
    by its week, read on the year's first day, before he took office, spoke for no state)."""
    week = _ISO_WEEK.match(value or "")
    if week is not None:
        monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return [monday.isoformat(), (monday + timedelta(days=6)).isoformat()]
    known = _ISO_DAY.match(value or "")
    if known is None:
        return []
    return list(dict.fromkeys([widen(known.group(0), end=False), widen(known.group(0), end=True)]))


#: Sectors of a state's forces whose acts are the state's: its army ("Ukrainian troops blocked
#: the roads" is Kyiv's act), as a side toward them is a side toward the state.
COMMANDED_SECTORS = frozenset({"MIL"})


def commanding(holder: Holder, kb: KnowledgeBase) -> Holder:
    """A holder that is a state's armed forces as the government that commands them (error
    kind other-holder: the army's act read as its own side, not its government's); any other
    holder, a defence ministry included, as it is."""
    actor = kb.actors.get(holder.actor_id or "")
    if actor is None or actor.type != "agency" or actor.sector not in COMMANDED_SECTORS:
        return holder
    if "ministry" in actor.id:
        return holder  # a ministry speaks with its own voice, as the gold names it
    government = kb.government_actor(actor.country) if actor.country else None
    if government is None:
        return holder
    return Holder(government.name, government.id, holder.mention_start, holder.mention_end)


def legislating(holder: Holder, kb: KnowledgeBase, target_id: str | None) -> Holder:
    """A state's legislature taking a side on a course (a KB target: "parliament passed a law
    calling for EU accession") as its state's government: a law sets the state's course
    (error kind other-holder: the parliament credited where the report's state is); toward
    an actor, and any other holder, as it is."""
    actor = kb.actors.get(holder.actor_id or "")
    if actor is None or actor.type != "agency" or actor.sector != "LEG":
        return holder
    if not (target_id or "").startswith("target:") or not actor.country:
        return holder
    government = kb.government_actor(actor.country)
    if government is None:
        return holder
    return Holder(government.name, government.id, holder.mention_start, holder.mention_end)
