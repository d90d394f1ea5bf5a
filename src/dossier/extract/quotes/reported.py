"""Reported speech and beliefs, without quotation marks, from the dependency parse.

- ``X said (that) ...``, ``..., X says``, ``X told reporters ...``: a speech verb of the
  lexicon with a subject and a clausal complement; the clause is the content (``indirect``);
- ``X believes / expects / thinks that ...``: the same with a belief verb (``belief``);
- ``according to X, ...``: the rest of the sentence is what X said (``indirect``).

A cue inside a quotation belongs to the quoted speaker's words, not to the frame, and a clause
that a direct quote already covers is that quote, not reported speech.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dossier.extract.char_ranges import CharRanges
from dossier.extract.document import token_indices
from dossier.extract.quotes.frames import Cue, according_to, is_belief, is_cue_verb, speaker_head
from dossier.extract.quotes.vocabulary import CLAUSE_DEPS

#: Reported speech shorter than this (in words) is too little to be a statement.
MIN_WORDS = 3
_TRIM = frozenset({",", ";", ":", ".", "\u2014", "-", '"', "\u201c", "\u201d", "''", "``"})


@dataclass(frozen=True)
class Reported:
    """A clause of reported speech or belief: content characters, kind, cue."""

    start: int
    end: int
    kind: str
    cue: Cue


def _trimmed(doc: Doc, start: int, end: int) -> Span | None:
    while start < end and (doc[start].text in _TRIM or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end - start >= MIN_WORDS else None


def _clause_of(verb: Token) -> Span | None:
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if is_belief(verb):
        clauses = [c for c in clauses if c.dep_ == "ccomp"]  # "wants to go" is no belief
    if not clauses:
        return None
    clause = clauses[0]
    if clause.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "mark") for c in clause.children):
        return None  # "promised to help": an intention, not a reported statement
    return _trimmed(verb.doc, clause.left_edge.i, clause.right_edge.i + 1)


def _according_content(token: Token, cue: Cue) -> Span | None:
    doc = token.doc
    sentence = token.sent
    phrase = doc[token.i : (cue.subject.right_edge.i + 1) if cue.subject else token.i + 2]
    before = _trimmed(doc, sentence.start, phrase.start)
    after = _trimmed(doc, phrase.end, sentence.end)
    if before is None or (after is not None and len(after) > len(before)):
        return after
    return before


def reported_speech(doc: Doc, quoted: list[tuple[int, int]]) -> list[Reported]:
    """Every clause of reported speech or belief in ``doc`` outside quotations."""
    inside = CharRanges(quoted)  # one bisect per word, not a scan of every quotation
    found: list[Reported] = []
    # Only a verb (a cue verb is one) or "according" can open a clause: the others are passed
    # over without building their tokens.
    verbs = token_indices(doc, "POS", ("VERB", "AUX"))
    according = token_indices(doc, "LOWER", ("according",))
    for i in sorted({*verbs, *according}):
        token = doc[i]
        if token.idx in inside:
            continue
        if is_cue_verb(token):
            subject = speaker_head(token)
            if subject is None or subject.idx in inside:
                continue
            content = _clause_of(token)
            if content is None:
                continue
            belief = is_belief(token)
            cue = Cue(token.idx, token.idx + len(token.text), token.text, subject, belief)
            kind = "belief" if belief else "indirect"
        elif token.lower_ == "according":
            cue = according_to(token)
            if cue is None:
                continue
            content = _according_content(token, cue)
            if content is None:
                continue
            kind = "indirect"
        else:
            continue
        found.append(Reported(content.start_char, content.end_char, kind, cue))
    return found


def complement_around(doc: Doc, cue: Cue, start: int, end: int) -> Reported | None:
    """What a speech verb with no clause says, around a partial quote in its complement:
    ``calling him a "loser"``, ``described the field as "all very good"`` are reported speech
    ("him a loser"), of which the quoted words are a part. None when the quote is not in the
    verb's complement."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    content = _trimmed(doc, verb.i + 1, verb.right_edge.i + 1)
    if content is None or not (content.start_char <= start and end <= content.end_char + 2):
        return None
    return Reported(content.start_char, content.end_char, "indirect", cue)
