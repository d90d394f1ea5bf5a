"""The words the quote stage reads: speech and belief verbs, the marks that open and close a
quotation, and the frames that name a speaker without a verb ("according to").

Lemmas, lower case. A verb is a cue only in a speech frame (it has a subject, or it follows a
quotation); "add" alone in "add sugar" never reaches the quote stage.
"""

from __future__ import annotations

#: Verbs of saying and writing: their subject is the speaker of the clause or quotation they
#: govern.
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "note",
        "warn",
        "insist",
        "claim",
        "deny",
        "write",
        "state",
        "declare",
        "announce",
        "explain",
        "argue",
        "stress",
        "emphasize",
        "emphasise",
        "remark",
        "reply",
        "respond",
        "answer",
        "ask",
        "acknowledge",
        "admit",
        "confirm",
        "assert",
        "contend",
        "maintain",
        "suggest",
        "predict",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "urge",
        "caution",
        "complain",
        "concede",
        "recall",
        "report",
        "observe",
        "comment",
        "continue",
        "conclude",
        "allege",
        "repeat",
        "reiterate",
        "recount",
        "quip",
        "joke",
        "tweet",
        "post",
        "testify",
        "assure",
        "point",
        "mention",
        "describe",
        "accuse",
        "charge",
        "boast",
        "lament",
        "shout",
        "whisper",
        "agree",
        "disagree",
        "counter",
        "retort",
        "underline",
        "underscore",
        "proclaim",
        "speculate",
        "estimate",
        "indicate",
        "reveal",
        "disclose",
        "blast",
        "slam",
        "criticize",
        "criticise",
        "praise",
        "call",
        "demand",
        "signal",
        "tout",
        # Naming and labelling, whose quoted object is the speaker's word ("calling him a
        # "loser"").
        "portray",
        "brand",
        "dub",
        "label",
        "term",
        # Spoken or written in other ways.
        "echo",
        "read",
        "thank",
        "quote",
        "confess",
        "cry",
        "exclaim",
        "scream",
        "yell",
        "plead",
        "sigh",
        "muse",
        # Said sharply, angrily or in passing: frames of quarrels and interviews.
        "bark",
        "snap",
        "retaliate",
        "interject",
        "interrupt",
        "scoff",
        "sneer",
        "growl",
        "grumble",
        "mutter",
        "murmur",
        "chide",
        "scold",
        "tease",
        "laugh",
        "gush",
        "marvel",
        "fume",
        "rail",
        "thunder",
        "chant",
        "wonder",
    }  # fmt: skip
)

#: Verbs of holding a view: their clause is a belief, not a statement.
BELIEF_VERBS = frozenset(
    {
        "believe",
        "think",
        "expect",
        "hope",
        "fear",
        "doubt",
        "feel",
        "suspect",
        "worry",
        "reckon",
        "assume",
        "trust",
        "anticipate",
        "guess",
    }
)

#: Verbs that are speech only with their particle ("Trump shot back", '"...," he went on'):
#: each inflected form -> the particle it needs. "went on" frames only a quotation before it.
PHRASAL_CUES = {
    **dict.fromkeys(("shoot", "shoots", "shot", "shooting"), "back"),
    **dict.fromkeys(("fire", "fires", "fired", "firing"), "back"),
    **dict.fromkeys(("hit", "hits", "hitting"), "back"),
    **dict.fromkeys(("chime", "chimes", "chimed", "chiming"), "in"),
    **dict.fromkeys(("go", "goes", "went", "going"), "on"),
}
#: The phrasal cues that frame a quotation only from after it.
AFTER_ONLY_PHRASAL = frozenset({"go", "goes", "went", "going"})

#: Words that name the form a statement took ("in an interview", "in a statement", "in his
#: manifesto", "wrote on Twitter"): word -> ``Quote.medium``. "conference" and "release" count
#: only after "press" or "news" (``MEDIUM_AFTER_PRESS``).
MEDIUM_WORDS: dict[str, str] = {
    **dict.fromkeys(("interview", "interviews"), "interview"),
    **dict.fromkeys(("statement", "statements", "communique", "communiqu\u00e9"), "statement"),
    **dict.fromkeys(
        ("article", "op-ed", "column", "editorial", "essay", "manifesto", "commentary"),
        "newspaper",
    ),
    **dict.fromkeys(("speech", "speeches", "address", "lecture", "sermon"), "speech"),
    **dict.fromkeys(("book", "memoir", "memoirs", "autobiography"), "book"),
    **dict.fromkeys(
        ("twitter", "telegram", "facebook", "instagram", "vkontakte", "youtube", "weibo")
        + ("tweet", "tweets", "tweeted", "blog", "livejournal"),
        "social media",
    ),
    **dict.fromkeys(("briefing", "presser"), "press conference"),
}
#: Nouns that name a medium only after "press" / "news": "press conference", "press release".
MEDIUM_AFTER_PRESS = {"conference": "press conference", "release": "statement"}
#: Words for a broadcast channel: "on state television", "told Ekho Moskvy radio".
CHANNEL_WORDS = {
    **dict.fromkeys(("television", "tv", "televised", "channel", "broadcaster"), "television"),
    "radio": "radio",
}
#: Words for a news outlet that, like a KB media actor, say the medium by how the speaker
#: used it: told it (an interview), wrote in it (a newspaper), spoke on it (a broadcast).
OUTLET_WORDS = frozenset(
    {"newspaper", "paper", "daily", "weekly", "magazine", "agency", "journal", "tabloid"}
    | {"website", "outlet", "station"}
)

#: Quotation marks: openers, closers, and the straight mark that is either.
OPENING_MARKS = frozenset("\u201c\u00ab\u201e")  # “ « „
CLOSING_MARKS = frozenset("\u201d\u00bb")  # ” »
STRAIGHT_MARK = '"'
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS | {STRAIGHT_MARK}

#: A quotation ending in one of these (inside the marks) is a statement, not a term.
STATEMENT_END = frozenset(",.!?;:\u2026\u2014-")

#: Dependency labels of a speech verb's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependency labels of the clause a speech verb governs.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})

#: Irregular forms of the verbs above (the pipeline runs without spaCy's lemmatizer).
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "felt": "feel",
    "spoke": "speak",
    "spoken": "speak",
    "knew": "know",
    "known": "know",
    "forecast": "forecast",
    "put": "put",
}
#: Short verbs whose last consonant doubles before -ed and -ing.
_DOUBLING = frozenset({"admit", "quip", "regret", "commit", "omit", "slam", "plan", "snap"})


def _forms(lemma: str) -> set[str]:
    """The regular inflections of ``lemma``: -s, -ed, -ing with English spelling rules."""
    forms = {lemma}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma in _DOUBLING:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _form_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in sorted(SPEECH_VERBS | BELIEF_VERBS):
        for form in _forms(lemma):
            table.setdefault(form, lemma)
    for form, lemma in _IRREGULAR.items():
        if lemma in SPEECH_VERBS or lemma in BELIEF_VERBS:
            table[form] = lemma
    return table


#: Every form of a cue verb -> its lemma.
CUE_FORMS: dict[str, str] = _form_table()


def cue_lemma(word: str) -> str | None:
    """The lemma of ``word`` if it is a form of a speech or belief verb, else None."""
    return CUE_FORMS.get(word.lower())
