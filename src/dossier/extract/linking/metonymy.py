"""Place or government: whether a place name or a country's name acts (a metonym for the
actor it stands for) or only locates.

A place that acts or speaks (grammatical subject, possessor of "plans", object of "pressure",
modifier of "critics", partner "with", ...) is a metonym; elsewhere ("in Moscow", "return to the
Kremlin", a dateline) it is the place itself. A country is the same: "Russia denies", "Ukraine
insists", "blamed Moscow", "talks with Kyiv" are acts of its government (PLOVER's convention),
"in Russia", "eastern Ukraine" the territory. Which is which is read from the dependency parse
the pipeline already made, never from a list of phrases.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract.linking.build import mention, surface_name
from dossier.extract.linking.context import LinkingContext
from dossier.extract.linking.vocabulary import (
    ATTITUDE_PREFIXES,
    POSSESSIVE_MARKERS,
)
from dossier.kb.records import Actor, Place
from dossier.model import Mention

#: Who speaks or acts for a place, in both lists below: "the Kremlin's envoy", "Moscow
#: officials".
REPRESENTATIVES = frozenset(
    {
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "envoys",
        "diplomats",
    }
)

#: Nouns whose possessor acts: "Moscow's plans", "Yerevan's relations", "the Kremlin's envoy".
AGENTIVE_NOUNS = (
    frozenset(
        {
            "plan",
            "plans",
            "partner",
            "partners",
            "ally",
            "allies",
            "relations",
            "ties",
            "policy",
            "policies",
            "decision",
            "position",
            "stance",
            "proposal",
            "demand",
            "demands",
            "effort",
            "efforts",
            "offer",
            "pressure",
            "support",
            "opposition",
            "response",
            "reaction",
            "refusal",
            "insistence",
            "bid",
            "push",
            "attempt",
            "strategy",
            "initiative",
            "approach",
            "interests",
            "ambitions",
            "influence",
            "leverage",
            "critics",
            "backing",
            "objections",
            "concerns",
            "warning",
            "warnings",
            "threat",
            "threats",
            "move",
            "request",
            "consent",
            "approval",
            "veto",
            "line",
            "leadership",
            "negotiators",
            "representatives",
            "intentions",
            "goals",
            "aims",
            "wishes",
            "view",
            "views",
            "reply",
            "accusations",
            "claims",
            "sanctions",
            "talks",
            "negotiations",
            "dispute",
            "criticism",
            "meddling",
            "interference",
            "attempts",
            "aggression",
            "action",
            "actions",
            "involvement",
            "annexation",
            "invasion",
            "campaign",
            "disinformation",
            "propaganda",
            "decisions",
            "denial",
            "assurances",
            "promise",
            "promises",
            "commitment",
            "agenda",
            "bailout",
            "loan",
            "loans",
            "backers",
            "proxies",
            "takeover",
            "defiance",
            "leaders",
            "ministers",
            "delegation",
            "orders",
            "order",
            "denials",
            "intervention",
            "occupation",
            "role",
            "retaliation",
            "offensive",
            "moves",
        }
    )
    | REPRESENTATIVES
)

#: Nouns a place name modifies when it acts: "Kremlin critics", "Moscow officials".
MODIFIED_NOUNS = (
    frozenset(
        {
            "critic",
            "critics",
            "ally",
            "allies",
            "loyalists",
            "insiders",
            "aide",
            "aides",
            "adviser",
            "advisers",
            "advisor",
            "advisors",
            "leadership",
            "line",
            "policy",
            "negotiators",
            "sources",
            "chief",
            "government",
            "authorities",
            "regime",
            "bailout",
            "loan",
            "propaganda",
            "pressure",
            "statement",
        }
    )
    | REPRESENTATIVES
)

#: Verbs whose object acts or is acted on as an actor: "pressure Kyiv to agree", "costs the
#: Kremlin nothing", "Moscow has urged Ukraine".
OBJECT_ACTOR_VERBS = frozenset(
    {
        "pressure",
        "pressurize",
        "pressurise",
        "press",
        "urge",
        "persuade",
        "accuse",
        "push",
        "blame",
        "criticise",
        "criticize",
        "warn",
        "ask",
        "tell",
        "let",
        "allow",
        "force",
        "help",
        "support",
        "back",
        "cost",
        "choose",
        "invite",
        "court",
        "convince",
        "reassure",
        "threaten",
        "sanction",
        "punish",
        "lobby",
        "thank",
        "praise",
        "condemn",
        "oppose",
        "defy",
        "join",
        "irritate",
        "anger",
        "snub",
        "beg",
        "implore",
        "petition",
        "provoke",
        "appease",
        "mollify",
        "placate",
        "involve",
        "engage",
        "recognize",
        "recognise",
        "deter",
        "confront",
    }
)

#: Prepositions whose object is a partner or target, hence an actor: "talks with Yerevan",
#: "relies on Moscow", "sanctions against Moscow", "was urged by Moscow".
ACTOR_PREPOSITIONS = frozenset({"with", "on", "against", "by", "upon"})

#: "between" is about actors when it follows one of these nouns ("talks between Moscow and
#: Kyiv"), about places otherwise ("the highway between Bishkek and Almaty").
RELATIONAL_HEADS = frozenset(
    {
        "talks",
        "relations",
        "ties",
        "dispute",
        "deal",
        "agreement",
        "war",
        "conflict",
        "negotiations",
        "rift",
        "standoff",
        "tension",
        "tensions",
        "trade",
        "rapprochement",
        "dialogue",
        "row",
        "feud",
    }
)

#: Subjects of these verbs are where something is, not who acts ("Moscow lies on the Moskva"),
#: when a place follows ("sits on", "stands in"): "Russia cannot stand aside" still acts.
LOCATIVE_VERBS = frozenset({"lie", "sit", "stand", "locate", "situate", "border"})
#: Verbs that locate their subject whatever follows ("Belarus borders Poland").
ALWAYS_LOCATIVE_VERBS = frozenset({"locate", "situate", "border"})
#: Prepositions that place the subject of a locative verb somewhere.
LOCATIVE_PREPOSITIONS = frozenset(
    {"on", "in", "at", "near", "along", "between", "beside", "by", "across", "astride", "inside"}
)


def resolve_place(context: LinkingContext, span: Span, place: Place) -> Mention:
    """A place name: its ``stands_for`` actor where it acts ("Moscow rejected"), else the place
    itself ("in Moscow")."""
    if place.stands_for and _acts(span) and not _a_part_of(span):
        actor = context.kb.actors.get(place.stands_for)
        if actor is not None:
            return mention(
                context,
                span,
                span.label_,
                actor.id,
                actor.name,
                None,
                place.country,
                "metonym",
                metonym=True,
            )
    local = _local_institution(span)
    if local is not None:
        # "Moscow police": the city's own institution, named as the text names it.
        name = f"{surface_name(span)} {local}"
        return mention(context, span, "ORG", None, name, None, place.country, "nil")
    return mention(context, span, span.label_, None, place.name, None, place.country, "alias")


#: Words that make a place's name name a part of it ("Eastern Europe", "western Kyiv").
PART_OF_A_PLACE = frozenset(
    {"eastern", "western", "central", "northern", "southern", "east", "west", "north", "south"}
)


def _a_part_of(span: Span) -> bool:
    """ "Eastern Europe is worried": a part of the place, which stands for no one."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in PART_OF_A_PLACE


#: Nouns a city's name modifies to name the city's own institution ("Moscow police").
LOCAL_INSTITUTIONS = frozenset({"police", "prosecutors", "council", "mayor's"})


def _local_institution(span: Span) -> str | None:
    """ "Moscow police", "Kyiv city council": the noun of a city's institution the place name
    modifies, as written; None otherwise."""
    token = _root(span)
    head = token.head
    if token.dep_ != "compound" or head.lower_ not in LOCAL_INSTITUTIONS or head.i != span.end:
        return None
    return head.text


def resolve_country(context: LinkingContext, span: Span, country: Actor) -> Mention:
    """A country's name: its government where the country acts or is acted on as a state
    ("Russia denies", "blamed Moscow", "talks with Ukraine"), kept as a metonym with the
    country; else the country itself ("in Russia", "eastern Ukraine")."""
    if country.country and _acts(span):
        government = context.kb.government_actor(country.country)
        name = government.name if government is not None else f"Government of {country.name}"
        return mention(
            context,
            span,
            span.label_,
            government.id if government is not None else None,
            name,
            None,
            country.country,
            "metonym",
            metonym=True,
        )
    return mention(
        context, span, span.label_, country.id, country.name, None, country.country, "alias"
    )


# --- helpers ---------------------------------------------------------------------------------


def _acts(span: Span) -> bool:
    """Whether a place name in ``span`` acts or speaks (a metonym) rather than locates.

    It acts as the subject of a verb, the possessor of an agentive noun ("Moscow's plans"), the
    modifier of "critics" or "officials", the object of "pressure"/"urge"/..., or a partner after
    "with", "on", "against", "by", or "between" after "talks"/"relations".
    """
    if _is_dateline(span):
        return False
    if _taken_side_of(span):
        return True
    token = _across_a_line_break(_root(span))
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    dep = token.dep_
    head = token.head
    if dep in {"nsubj", "nsubjpass", "csubj"}:
        return not _locates(head)
    if dep == "poss":
        return head.lower_ in AGENTIVE_NOUNS
    if _backed_by(span):
        return True
    if dep in {"compound", "nmod", "amod"}:
        return head.lower_ in MODIFIED_NOUNS
    if dep in {"dobj", "dative", "obj", "iobj"}:
        return _lemma(head) in OBJECT_ACTOR_VERBS
    if dep == "pobj":
        preposition = head.lower_
        governor = head.head
        if preposition in ACTOR_PREPOSITIONS:
            return True
        if preposition == "between":
            return governor.lower_ in RELATIONAL_HEADS
        return governor.lower_ in AGENTIVE_NOUNS and preposition in {"from", "of", "to"}
    return False


def _across_a_line_break(token: Token) -> Token:
    """ "spied on the U.S." at a line's end: the parser reads the name as a modifier of the
    next line's first word, which then stands where the name stood; that word's place in the
    sentence is the name's."""
    head = token.head
    if token.dep_ not in {"compound", "nmod", "amod"} or head.i <= token.i:
        return token
    between = token.doc[token.i : head.i]
    if any("\n" in t.text_with_ws for t in between):
        return head
    return token


def _taken_side_of(span: Span) -> bool:
    """ "a pro-Kremlin rally", "anti-Moscow protests": the side taken is an actor's."""
    doc, start = span.doc, span.start
    return (
        start >= 2
        and doc[start - 1].text in {"-", "–"}
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].lower_ in ATTITUDE_PREFIXES
    )


def _locates(verb: Token) -> bool:
    """Whether a verb places its subject ("lies on the Moskva", "borders Poland")."""
    lemma = _lemma(verb)
    if lemma in ALWAYS_LOCATIVE_VERBS:
        return True
    if lemma not in LOCATIVE_VERBS:
        return False
    return any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPOSITIONS for c in verb.children)


def _is_dateline(span: Span) -> bool:
    """ "MOSCOW —", "WASHINGTON (Reuters) -" opening a paragraph: where the story was filed,
    never an actor."""
    doc = span.doc
    first = span[0]
    at_line_start = first.i == 0 or "\n" in doc[first.i - 1].text_with_ws
    after = doc[span.end].text if span.end < len(doc) else ""
    capitals = all(t.text.isupper() for t in span if t.is_alpha)
    return at_line_start and capitals and after in {"—", "–", "-", "--", "(", ","}


#: "Moscow-backed", "Kremlin-led": the place does what the participle says.
AGENT_PARTICIPLES = frozenset(
    {"backed", "led", "sponsored", "controlled", "installed", "funded", "supported", "imposed"}
)


def _backed_by(span: Span) -> bool:
    """ "Moscow-backed leader": the place name is the agent of a hyphenated participle."""
    doc = span.doc
    end = span.end
    return (
        end + 1 < len(doc)
        and doc[end].text in {"-", "–"}
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].lower_ in AGENT_PARTICIPLES
    )


def _root(span: Span) -> Token:
    """The syntactic head of a span (the word the rest of the sentence attaches to)."""
    tokens = [t for t in span if t.text not in POSSESSIVE_MARKERS and t.lower_ != "the"]
    if not tokens:
        return span.root
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head is token:
            return token
    return tokens[-1]


def _lemma(token: Token) -> str:
    """The token's lemma; without a lemmatizer in the pipeline, a guess from its inflection."""
    if token.lemma_:
        return token.lemma_.lower()
    word = token.lower_
    for form in _base_forms(word):
        if form in OBJECT_ACTOR_VERBS or form in LOCATIVE_VERBS:
            return form
    return word


def _base_forms(word: str) -> list[str]:
    """Candidate base forms of an inflected English verb: "costs", "pressured", "urging"."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e", word[:-4]]
    if word.endswith("en"):
        forms += [word[:-2], word[:-1]]
    return forms
