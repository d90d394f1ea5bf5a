"""How a quote was said (``Quote.medium``), read from its cue's phrase (``cue_phrase``).

Three kinds of evidence, strongest first; None when the phrase says nothing of the kind:

1. a word that names the form: "in an interview", "in a statement", "at a press conference",
   "in a speech", "in his manifesto", "wrote on Twitter", "tweeted" (``MEDIUM_WORDS``);
2. a word for the channel: "on state television", "told Ekho Moskvy radio" (``CHANNEL_WORDS``);
3. an outlet: a mention the linker resolved to a KB media actor (``media:`` ids, from
   ``actors_media.csv`` and the other actor files), or a word for one ("newspaper", "agency").
   How the speaker used it says the medium: told to it or spoken with it is an interview
   ("told Rossiya-24"), written in or for it a newspaper piece ("wrote in Izvestia"), spoken on
   it a broadcast ("said on Rossiya-24"). The outlet that is the cue's own subject ("Izvestia
   reported") is where the words were reported, not how they were said.

A form or channel beside the saying says nothing of how it was said: "after a contentious
interview, X accused ...", the object spoken of ("calling the news conference a disgrace"), a
channel's name ("Radio Free Europe calls ..."), and the outlet of "according to X", which
names who reported the words.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.quotes.frames import Cue
from dossier.extract.quotes.speakers import MentionIndex
from dossier.extract.quotes.vocabulary import (
    CHANNEL_WORDS,
    MEDIUM_AFTER_PRESS,
    MEDIUM_WORDS,
    OUTLET_WORDS,
    cue_lemma,
)

#: The KB id prefix of news outlets.
MEDIA_ID_PREFIX = "media:"
#: Prepositions before an outlet, and what using the outlet that way was.
_OUTLET_PREPOSITIONS = {
    "to": "interview",
    "with": "interview",
    "in": "newspaper",
    "for": "newspaper",
    "on": "television",
}
#: Cue verbs whose object is the outlet spoken to ("told Rossiya-24", "gave Izvestia ...").
_TOLD = frozenset({"tell"})
#: Cue verbs whose object is the piece they made or the audience it was said to ("read a
#: statement", "told a news conference"); the object of any other cue is what was spoken of
#: ("calling the news conference a disgrace").
_MAKES_ITS_OBJECT = frozenset(
    {"read", "write", "post", "tweet", "issue", "release", "publish", "tell"}
)
#: Prepositions that put a named form beside the saying, not around it: "after a contentious
#: interview, X accused ...", "the subject of a statement".
_BESIDE = frozenset({"after", "before", "since", "following", "until", "prior", "about", "of"})


def _named_form(token: Token) -> str | None:
    word = token.lower_
    if token.pos_ == "VERB" and word not in ("tweeted", "tweet", "tweets"):
        return None  # "addressed the crowd", "posted troops": verbs, not the form's name
    if token.dep_ == "dobj" and (cue_lemma(token.head.text) or "read") not in _MAKES_ITS_OBJECT:
        return None  # "calling the speech a disgrace": the speech is spoken of
    if word in MEDIUM_AFTER_PRESS:
        before = {c.lower_ for c in token.children} | {token.nbor(-1).lower_ if token.i else ""}
        return MEDIUM_AFTER_PRESS[word] if before & {"press", "news"} else None
    return MEDIUM_WORDS.get(word)


def _beside(token: Token) -> bool:
    """Whether ``token`` is in a phrase beside the saying ("after a long interview with X")."""
    current = token
    for _ in range(4):
        if current.dep_ == "prep" and current.lower_ in _BESIDE:
            return True
        if current.head is current or current.pos_ == "VERB":
            return False
        current = current.head
    return False


def _is_outlet(token: Token, index: MentionIndex) -> bool:
    if token.lower_ in OUTLET_WORDS and token.pos_ == "NOUN":
        return True
    if token.pos_ != "PROPN":
        return False
    end = token.idx + len(token.text)
    return any(
        (m.actor_id or "").startswith(MEDIA_ID_PREFIX) for m in index.covering(token.idx, end)
    )


def _outlet_use(token: Token, cue: Cue) -> str | None:
    """What using the outlet ``token`` was: by its preposition, or as what was told."""
    if cue.subject is not None and token.i == cue.subject.i:
        return None
    # The outlet's noun phrase head: "the Izvestia newspaper", "Rossiya-24 television".
    head = token
    while head.dep_ in ("compound", "amod", "poss", "nmod", "appos") and head.head is not head:
        head = head.head
    if head.dep_ == "pobj":
        return _OUTLET_PREPOSITIONS.get(head.head.lower_)
    if head.dep_ in ("dobj", "dative", "npadvmod") and cue_lemma(head.head.text) in _TOLD:
        return "interview"
    return None


def medium_of(cue: Cue | None, phrase: list[Token], index: MentionIndex) -> str | None:
    """How the words framed by ``cue`` were said, from the words of its phrase (module doc)."""
    if cue is None or not phrase:
        return None
    phrase = [t for t in phrase if not _beside(t)]
    for token in phrase:
        found = _named_form(token)
        if found is not None:
            return found
    if cue.text == "according to":
        return None  # "according to Iowa Public Radio": who reported it, not how it was said
    for token in phrase:
        # A common noun ("on state television", "Ekho Moskvy radio"), not a word of a name
        # ("Radio Free Europe calls ...").
        found = CHANNEL_WORDS.get(token.lower_)
        if found is not None and (token.pos_ != "PROPN" or token.text == "TV"):
            return found
    for token in phrase:
        if _is_outlet(token, index):
            found = _outlet_use(token, cue)
            if found is not None:
                return found
    return None
