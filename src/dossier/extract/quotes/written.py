"""Speech framed by the piece it was said in: "in a statement", "in his manifesto".

- ``statement_clauses``: ``The ministry said in a statement that ...``. The parser hangs the
  "that" clause on the noun ("a statement that ..."), so the speech verb has no clause of its
  own; the clause is what was said (``indirect``), the verb its cue.
- ``piece_frame``: a quotation introduced by the piece it appeared in, with no speech verb:
  ``In his manifesto, Putin proposed "..."`` (the clause's subject wrote it),
  ``In Putin's manifesto: "..."`` (the possessor named did).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.extract import document
from dossier.extract.char_ranges import CharRanges
from dossier.extract.quotes.frames import Cue, is_cue_verb, subject_of
from dossier.extract.quotes.reported import Reported, _trimmed
from dossier.extract.quotes.vocabulary import MEDIUM_WORDS, SUBJECT_DEPS

#: Prepositions that put words in a piece: "in a statement", "in an article for".
_IN = frozenset({"in"})
#: The forms of piece that frame a quotation without a speech verb (not "book", whose
#: quotations are often its title, nor social media names).
_PIECES = frozenset(
    word for word, medium in MEDIUM_WORDS.items() if medium in ("statement", "newspaper")
) | frozenset({"interview", "speech", "address"})


def _piece_of(verb: Token) -> Token | None:
    """The piece noun of ``verb``'s "in a statement" phrase, if it has one."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _IN:
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lower_ in _PIECES:
                    return noun
    return None


def statement_clauses(doc: Doc, inside: list[tuple[int, int]]) -> list[Reported]:
    """``X said in a statement that ...``: each such clause outside the quotations
    ``inside``, as reported speech cued by the verb (see the module doc)."""
    found = []
    quoted = CharRanges(inside)
    # A cue verb is a verb: the other words are passed over without building their tokens.
    for i in document.token_indices(doc, "POS", ("VERB", "AUX")):
        token = doc[i]
        if not is_cue_verb(token) or token.idx in quoted:
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in token.children):
            continue  # the verb has its own clause: ``reported_speech`` reads it
        piece = _piece_of(token)
        subject = subject_of(token)
        if piece is None or subject is None:
            continue
        clauses = [
            c
            for c in piece.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ]
        if not clauses:
            continue
        clause = clauses[0]
        content = _trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1)
        if content is None:
            continue
        cue = Cue(token.idx, token.idx + len(token.text), token.text, subject)
        found.append(Reported(content.start_char, content.end_char, "indirect", cue))
    return found


def piece_frame(tokens: list[Token], quoted: CharRanges) -> Cue | None:
    """The cue of a frame before a quotation that names the piece it appeared in and no
    speech verb: the verb the phrase hangs on with its subject, else the piece's possessor."""
    for token in reversed(tokens):
        if token.lower_ not in _PIECES or token.dep_ != "pobj":
            continue
        prep = token.head
        if prep.lower_ not in _IN or token.idx in quoted:
            continue
        verb = prep.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if verb.pos_ == "VERB" and subjects and subjects[0].pos_ in ("PROPN", "NOUN", "PRON"):
            return Cue(verb.idx, verb.idx + len(verb.text), verb.text, subjects[0])
        # "In Putin's manifesto: ..." (a name; a possessive pronoun is left to no one).
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if owners:
            end = token.idx + len(token.text)
            return Cue(prep.idx, end, document.text_of(token.doc)[prep.idx : end], owners[0])
    return None
