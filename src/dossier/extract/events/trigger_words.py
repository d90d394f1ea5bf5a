"""Word lists of the trigger stage (``triggers``): which verbs absorb an infinitive, which
prepositions point at a target, which verbs are too light to name an event alone."""

from __future__ import annotations

#: Verbs that are the event when an infinitive hangs from them (see the module doc).
ABSORBING = frozenset(
    {
        "refuse",
        "decline",
        "reject",
        "threaten",
        "warn",
        "urge",
        "ask",
        "press",
        "push",
        "pressure",
        "call",
        "agree",
        "promise",
        "pledge",
        "vow",
        "demand",
        "appeal",
        "fail",
    }
)
#: Verbs that name a refusal only with what is refused ("failed to pass", not "will fail").
NEEDS_COMPLEMENT = frozenset({"fail"})
#: Verbs whose passive without an agent says where the subject stands ("is opposed to",
#: "is committed to"): the subject is the source, not what was acted on.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "determine", "resolve"})
#: Verbs that are no event of their own with an infinitive under them ("helped carve out").
HELPING = frozenset({"help"})
#: Verbs whose infinitive is controlled by their object ("urged Ukraine to join").
OBJECT_CONTROL = frozenset(
    {"urge", "ask", "press", "push", "call", "invite", "encourage", "force", "pressure"}
    # Causing or ordering someone to act: that someone acts ("prompted Western governments
    # to impose sanctions").
    | {"prompt", "persuade", "convince", "order", "instruct", "compel", "induce", "oblige"}
)
TARGET_PREPOSITIONS = frozenset(
    {"against", "on", "to", "into", "toward", "towards", "from", "upon"}
)
WITH = frozenset({"with"})
#: Nouns for one's place in a body ("froze its membership in the alliance"): the body is the
#: target, which the "in" phrase would otherwise give as the scene.
MEMBERSHIP = frozenset(
    {"membership", "participation", "seat", "involvement", "accession", "entry", "presence"}
)
#: Adjectives of reluctance: their infinitive is an act held back ("wary of", "loath to").
RELUCTANT = frozenset({"reluctant", "unwilling", "hesitant", "loath", "loth", "wary"})
#: Adjectives of feeling: their infinitive tells what one feels about, not an act one does or
#: promises ("many are elated to join Russia", "proud to serve").
FEELING_ABOUT = frozenset({
    "happy", "glad", "elated", "proud", "pleased", "delighted", "thrilled", "excited", "sad",
    "sorry", "relieved", "overjoyed", "saddened", "upset",
})  # fmt: skip
#: Verbs whose object is what the act brings into being ("launched a common market"): no
#: one the act is done to.
CREATING = frozenset({"launch", "found", "establish", "create", "form"})
SCENE_PREPOSITIONS = frozenset({"in", "at"})
RELATIVE = frozenset({"which", "who", "that", "whom"})
SUBJECTS = ("nsubj", "csubj")
#: Subject pronouns that, in a clause reporting someone's words, are that someone.
SAYER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
#: Words too general to name an event on their own, whatever a dictionary says of them.
LIGHT_VERBS = frozenset(
    {
        "be",
        "have",
        "do",
        "make",
        "take",
        "give",
        "get",
        "go",
        "come",
        "say",
        "tell",
        "see",
        "become",
        "put",
        "keep",
        "let",
        "seem",
        "use",
        "find",
        "know",
        "think",
        "include",
        "set",
        "want",
        "hope",
        "plan",
        "intend",
        "expect",
        "try",
        "attempt",
        "decide",
        "seek",
        # Verbs whose bare dictionary reading is mostly figurative in news ("society needs
        # integration", "the drive aims to", "we encountered indifference", "the initiative
        # suggests", "the questions were determined by"): events only with an object reading
        # ("increase security" mobilises).
        "need",
        "aim",
        "determine",
        "encounter",
        "engage",
        "ensure",
        "increase",
        "face",
        "hear",
        "consider",
        "pass",
        "suggest",
        "conduct",  # "conducted the vote", "conduct foreign policy": no act between actors
        "accord",  # "according to": who reports it, not an event
        "lead",  # "roads leading to", "led by": no act between actors
    }
)
