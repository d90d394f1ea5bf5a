"""The attribution frame of a quotation: the words around its marks that say who spoke.

``"...," Putin said.`` puts the frame after the quotation; ``Putin said: "..."`` and ``Putin
said Russia is "not going to rush"`` before it. A frame runs from the quotation's marks to the
nearest sentence end, line break or other quotation. Its cue is a speech or belief verb of the
lexicon (or "according to"); its speaker the verb's subject, or its head's when the verb is a
conjunct or an adverbial clause ("he said, adding ...").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.tokens import Doc, Token

from dossier.extract.char_ranges import CharRanges
from dossier.extract.quotes.vocabulary import (
    AFTER_ONLY_PHRASAL,
    BELIEF_VERBS,
    PHRASAL_CUES,
    QUOTE_MARKS,
    SUBJECT_DEPS,
    cue_lemma,
)

#: How far a frame reaches, in tokens, on each side of a quotation.
FRAME_AFTER = 25
FRAME_BEFORE = 40
_SENTENCE_END = frozenset({".", "!", "?"})
_RELATIVE = frozenset({"who", "that", "which"})


@dataclass(frozen=True)
class Cue:
    """A cue: the verb (or "according to"), and the head word of its speaker, if any."""

    start: int  # characters of the cue words
    end: int
    text: str
    subject: Token | None
    belief: bool = False


#: Cue verbs that are not speech when they govern an infinitive: "continued to look into",
#: "called witnesses to testify" (go on, summon).
_NOT_SPEECH_WITH_INFINITIVE = frozenset({"continue", "call"})


def is_cue_verb(token: Token) -> bool:
    """Whether ``token`` is a speech or belief verb used as a verb, in its speech sense."""
    lemma = cue_lemma(token.text) if token.pos_ in ("VERB", "AUX") else None
    if lemma is None:
        return False
    if lemma in _NOT_SPEECH_WITH_INFINITIVE and any(c.dep_ == "xcomp" for c in token.children):
        return False
    # "asked officials to testify about ...": a speech asked of someone, not one made. A
    # participle is not that ("uses footage of her asking, ..."): it is the named one's speech.
    return not (
        token.dep_ == "xcomp"
        and token.tag_ != "VBG"
        and any(c.dep_ == "dobj" for c in token.head.children)
    )


def _inflected_cue(token: Token) -> bool:
    """An inflected cue form the tagger took for a noun: ``," Viguerie notes.`` (a frame
    after a quotation is a speech frame whatever the tag)."""
    lemma = cue_lemma(token.text)
    return lemma is not None and token.lower_ != lemma and token.pos_ in ("NOUN", "PROPN")


def is_belief(token: Token) -> bool:
    """Whether ``token`` is a belief verb ("expects", "thought")."""
    return cue_lemma(token.text) in BELIEF_VERBS


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it hangs on as a conjunct or participle clause;
    the agent of a passive ("was quoted by ...")."""
    current: Token | None = verb
    for _ in range(3):
        if current is None:
            return None
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "SCONJ"]
        # "said one of the leaders, Ilya Yashin": two subjects; the name is the speaker.
        subjects.sort(key=lambda c: c.pos_ != "PROPN")
        for child in subjects[:1]:
            if child.lower_ in _RELATIVE and current.dep_ == "relcl":
                # "Sanders, who said ...": the noun the clause is on, and the name that noun
                # describes ("Putin, a KGB officer who has called ...").
                noun = current.head
                return noun.head if noun.dep_ == "appos" else noun
            return child
        for child in current.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if current.dep_ in ("conj", "advcl", "xcomp", "relcl") and current.head is not current:
            current = current.head
        else:
            return None
    return None


#: Things whose words are a record of someone's speech, not speech of their own: "according
#: to the transcript" says where the words were read, the speaker is named elsewhere.
_RECORDS = frozenset(
    {"transcript", "transcripts", "record", "records", "document", "documents", "filing",
     "recording", "minutes", "footage", "video", "copy", "excerpt", "excerpts"}
)  # fmt: skip


def cites_a_record(cue: Cue) -> bool:
    """Whether ``cue`` is "according to" a record ("according to the transcript")."""
    return (
        cue.text == "according to" and cue.subject is not None and (cue.subject.lower_ in _RECORDS)
    )


def according_to(token: Token) -> Cue | None:
    """``according to X``: a cue whose speaker is X (``token`` is "according")."""
    if token.lower_ != "according":
        return None
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None or following.lower_ != "to":
        return None
    objects = [c for c in following.children if c.dep_ == "pobj"]
    if not objects:
        objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        return None
    return Cue(token.idx, following.idx + 2, "according to", objects[0])


def _phrasal_cue(token: Token, loose: bool) -> Cue | None:
    """``shot back``, ``fired back``, ``chimed in``; ``went on`` only after a quotation."""
    particle = PHRASAL_CUES.get(token.lower_)
    doc = token.doc
    if particle is None or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != particle:
        return None
    if token.lower_ in AFTER_ONLY_PHRASAL and not loose:
        return None
    if token.lower_ in AFTER_ONLY_PHRASAL and any(c.dep_ == "xcomp" for c in token.children):
        return None  # "went on to promote ...": going on doing something else
    end = doc[token.i + 1].idx + len(doc[token.i + 1].text)
    return Cue(token.idx, end, doc[token.i : token.i + 2].text, subject_of(token))


def _cue_of(token: Token, loose: bool = False) -> Cue | None:
    phrasal = _phrasal_cue(token, loose)
    if phrasal is not None:
        return phrasal
    if loose and _inflected_cue(token):
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.pos_ in ("PROPN", "PRON", "NOUN"):
            return Cue(token.idx, token.idx + len(token.text), token.text, before)
    if is_cue_verb(token):
        return Cue(
            token.idx,
            token.idx + len(token.text),
            token.text,
            speaker_head(token),
            is_belief(token),
        )
    return according_to(token)


def speaker_head(verb: Token) -> Token | None:
    """The head word of ``verb``'s speaker: its subject, with two shapes the parse misses.

    - A participle right after a name ('footage of Maria Lenko asking, "..."', 'ends with
      Lenko saying, "..."'): the name speaks, not the subject of the clause it hangs on.
    - An inverted frame that opens with the verb ('Said Lenko: "..."'): the name after it.
    """
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON":
        return before
    subject = subject_of(verb)
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    opens = verb.i == verb.sent.start or (before is not None and before.is_punct)
    if subject is None and opens and after is not None and after.pos_ == "PROPN":
        return after
    return subject


def _inside(token: Token, quoted: CharRanges) -> bool:
    return token.idx in quoted


def tokens_after(doc: Doc, char: int) -> int:
    """The index of the first token at or after character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None:
        return span.start
    # (A space or the text's end.) The first token starting at or after it, by bisection of
    # the token starts read as one column, not a walk that builds every token before it.
    return int(numpy.searchsorted(doc.to_array("IDX"), char, side="left"))


def frame_after(doc: Doc, first: int) -> list[Token]:
    """Tokens from ``first`` to the next sentence end, line break or quotation mark."""
    if first >= len(doc):
        # A quotation that ends the text has nothing after it; and spaCy builds an empty span
        # at the doc's end from the whole ``doc.text``, joined anew (a cost per quotation).
        return []
    tokens = []
    for token in doc[first : first + FRAME_AFTER]:
        if "\n" in token.text or token.text in QUOTE_MARKS:
            break
        tokens.append(token)
        if token.text in _SENTENCE_END:
            break
    return tokens


def frame_before(doc: Doc, last: int) -> list[Token]:
    """Tokens before index ``last`` back to the previous sentence end, line break or mark.

    A paragraph that ends with a colon introduces the quotation that opens the next one
    ("Cruz continued:"): it is the frame.
    """
    tokens = []
    for token in reversed(doc[max(last - FRAME_BEFORE, 0) : last]):
        if "\n" in token.text and not tokens and token.i > 0 and doc[token.i - 1].text == ":":
            continue
        if "\n" in token.text or token.text in _SENTENCE_END or token.text in QUOTE_MARKS:
            break
        tokens.append(token)
    tokens.reverse()
    return tokens


def cue_in(tokens: list[Token], quoted: CharRanges, nearest_last: bool) -> Cue | None:
    """The cue among ``tokens`` (outside any quotation) nearest the quotation: the last when
    ``nearest_last`` (a frame before it), else the first. A frame after a quotation reads
    inflected cue forms whatever their tag."""
    found = [
        c
        for t in tokens
        # After a quotation, a verb in a clause on a noun ('..., in reference to a campaign
        # that termed ...') frames that clause, not the quotation.
        if not _inside(t, quoted) and (nearest_last or t.dep_ not in ("relcl", "acl"))
        for c in [_cue_of(t, loose=not nearest_last)]
        if c is not None
    ]
    if nearest_last:
        found.reverse()
    for cue in found:
        if not nearest_last and cue.subject is not None and _inside(cue.subject, quoted):
            # '...," Tulsa police Chief Ann Rusk said.' parsed with the name in the quoted
            # clause: the name between the quotation and the cue is the speaker.
            named = [
                t
                for t in tokens
                if t.idx < cue.start and t.pos_ == "PROPN" and t.ent_type_ == "PERSON"
            ]
            if named:
                return Cue(cue.start, cue.end, cue.text, named[0], cue.belief)
        if cue.subject is None or _inside(cue.subject, quoted):
            # A participle the parser hung on the quotation ("Clinton ..., telling the crowd,
            # "..."): the frame's own subject before the cue says it.
            subjects = [
                t
                for t in tokens
                if t.idx < cue.start and t.dep_ in SUBJECT_DEPS and not _inside(t, quoted)
            ]
            subject = subjects[-1] if subjects else None
            return Cue(cue.start, cue.end, cue.text, subject, cue.belief)
        return cue
    return None


#: Dashes that put a quotation's author after it, alone at the end of its line.
_SIGNATURE_DASHES = ("\u2015", "\u2014", "\u2013", "--")
#: Words a signature name may hold that are not capitalised ("Gonzalo de la Vega").
_NAME_PARTICLES = frozenset({"de", "la", "del", "van", "von", "der", "da", "di", "du", "bin", "al"})
_SIGNATURE_WORDS = 6


def dash_signature(doc: Doc, text: str, after: int) -> Cue | None:
    """A quotation signed by a name after a dash that ends its line: ``"..." \u2015 Ana Ruiz``
    (readers' comments, vox pops, epigraphs). The rest of the line after the dash is the
    name: a few capitalised words, nothing else (a clause after a dash is the writer's).

    after: the character just past the quotation's closing mark.
    """
    line_end = text.find("\n", after)
    line = text[after : len(text) if line_end < 0 else line_end]
    stripped = line.lstrip(" \t\u00a0")
    dash = next((d for d in _SIGNATURE_DASHES if stripped.startswith(d)), None)
    if dash is None:
        return None
    name = stripped[len(dash) :].strip(" \t\u00a0").rstrip(".")
    words = name.split()
    if not words or len(words) > _SIGNATURE_WORDS:
        return None
    if not all(w[:1].isupper() or w in _NAME_PARTICLES for w in words):
        return None
    if not any(c.islower() for c in name):
        return None  # "\u2014 AP", "\u2014 THE END": an agency's or a section's mark
    dash_at = after + (len(line) - len(stripped))
    name_at = text.index(name, dash_at)
    span = doc.char_span(name_at, name_at + len(name), alignment_mode="expand")
    if span is None:
        return None
    return Cue(dash_at, dash_at + len(dash), dash, span[-1])


def colon_frame(tokens: list[Token], quoted: CharRanges) -> Cue | None:
    """A frame that introduces a quotation with a colon and no speech verb of the lexicon:
    ``Shaw: "..."`` (the name before the colon speaks) or ``She then addressed the crowd:
    "..."`` (the clause's subject speaks, its verb is the cue)."""
    words = [t for t in tokens if not t.is_space]
    if len(words) < 2 or words[-1].text != ":":
        return None
    colon = words[-1]
    named = words[-2]
    if named.pos_ == "PROPN":
        return Cue(colon.idx, colon.idx + 1, ":", named)
    subjects = [
        t
        for t in words
        if t.dep_ in SUBJECT_DEPS and t.head.pos_ in ("VERB", "AUX") and not _inside(t, quoted)
    ]
    if not subjects:
        return None
    verb = subjects[-1].head
    return Cue(verb.idx, verb.idx + len(verb.text), verb.text, subjects[-1])
