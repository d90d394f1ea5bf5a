"""Quotations read as speech or not: direct quotes, partial quotes, and the quoted words that
are not speech (names, terms, scare quotes, titles, headlines).

Each quoted span (``marks.quoted_spans``) is sorted by its own shape and its frame:

- a **term or name**: one to four words, each capitalised (or a small joining word), with no
  closing punctuation inside the marks ("Eurasian Union", "Shark Tank") -- never speech;
- a **headline or title line**: a quotation that is its whole paragraph, with no closing
  punctuation and no cue -- never speech;
- a **scare quote**: a short fragment (up to ``SCARE_QUOTE_WORDS``) with no cue in its frame;
- a **direct quote**: starts a statement (capital letter, or right after a colon or a line
  start) and ends one (closing punctuation inside the marks, or the end of its sentence);
- a **partial quote**: any other fragment, inside reported speech ("said Russia is "not going
  to rush"").

A direct quote split by its frame (``"...," Putin said. "..."``) is one quote: the second part
has no frame of its own and follows the first in the same sentence run.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dossier.extract.char_ranges import CharRanges
from dossier.extract.quotes.frames import (
    Cue,
    cites_a_record,
    colon_frame,
    cue_in,
    dash_signature,
    frame_after,
    frame_before,
    tokens_after,
)
from dossier.extract.quotes.marks import QuotedSpan
from dossier.extract.quotes.vocabulary import STATEMENT_END, SUBJECT_DEPS, cue_lemma
from dossier.extract.quotes.written import piece_frame

#: A fragment this short with no cue is a scare quote.
SCARE_QUOTE_WORDS = 3
#: Words that may join the capitalised words of a name or title ("Union of Soviet ...").
_JOINING_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "to", "de", "&"})
#: Characters, after a split quote's first part, within which its second part must open.
SPLIT_GAP = 80


@dataclass(frozen=True)
class FoundQuote:
    """A quotation judged to be speech, before its speaker is resolved.

    start, end: the content's characters (without the marks); kind: ``direct`` or
    ``partial``; cue: its frame's cue, None when the quotation has none of its own.
    continues: whether it is the second part of a split quote (it takes the first's cue).
    """

    start: int
    end: int
    kind: str
    cue: Cue | None
    closed: bool = True


def is_term(content: str) -> bool:
    """A name or term in marks: a few capitalised words, no statement punctuation."""
    words = content.split()
    if not words or len(words) > 4 or content.rstrip()[-1] in STATEMENT_END:
        return False
    capitalised = [w for w in words if w.lower() not in _JOINING_WORDS]
    return bool(capitalised) and all(w[0].isupper() or w[0].isdigit() for w in capitalised)


#: Words before a quotation that make it a noun phrase: a name or term in marks, even with
#: the period American style puts inside the marks ('his vision of a "Eurasian Union."').
_NOUN_PHRASE_OPENERS = frozenset(
    {"the", "a", "an", "of", "its", "his", "her", "their", "our", "this", "that", "to", "for"}
    | {"from", "in", "at", "into", "with", "by"}  # 'wine from "Crimea, Russia."'
)
#: Words that introduce the name or title of something, not what someone said ('a film
#: titled "..."', 'a website called "..."').
_NAMING_WORDS = frozenset({"titled", "entitled", "headlined", "named", "nicknamed", "called"})
#: Things that carry written words: what they "say" is an inscription, not speech ('a sign
#: that said "..."').
INSCRIPTIONS = frozenset(
    {"sign", "banner", "poster", "placard", "sticker", "billboard", "graffiti", "t-shirt",
     "shirt", "label", "slogan", "caption", "plaque", "inscription"}
)  # fmt: skip


def is_named_term(text: str, span: QuotedSpan, content: str) -> bool:
    """A name or term in marks: ``is_term``, or a capitalised term ending in a period or comma
    inside the marks after an article, possessive or preposition."""
    if is_term(content):
        return True
    before = text[max(span.open_at - 12, 0) : span.open_at].split()
    return (
        bool(before)
        and before[-1].lower() in _NOUN_PHRASE_OPENERS
        and is_term(content.rstrip(".,"))
    )


def is_named_work(text: str, span: QuotedSpan, content: str) -> bool:
    """A title or name after a naming word: 'a documentary titled "Crimea: Way Home,"',
    'a group called "Citizens for Peace"' (capitalised words, a colon allowed)."""
    before = text[max(span.open_at - 14, 0) : span.open_at].split()
    if not before or before[-1].lower().strip(",") not in _NAMING_WORDS:
        return False
    return is_term(content.rstrip(".,").replace(":", ""))


def _subject_term(doc: Doc, span: QuotedSpan, words: int) -> bool:
    """A short quoted phrase that is the subject of a clause whose verb is no cue ('as a
    Ukrainian "anti-terrorist operation" was mounted'): a term in the writer's sentence."""
    if words > SCARE_QUOTE_WORDS + 1:
        return False
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    root = tokens.root
    outside = [t for t in root.children if t.i < tokens.start and not t.is_punct]
    if not outside:
        return False  # the noun phrase does not begin outside the marks
    if root.dep_ == "pobj":  # the parser's reading of 'as a "..." was mounted'
        return cue_lemma(root.head.head.text) is None and cue_lemma(root.head.text) is None
    return root.dep_ in SUBJECT_DEPS and cue_lemma(root.head.text) is None


def _opens_statement(text: str, span: QuotedSpan, content: str) -> bool:
    """Whether the quotation starts a statement: after a sentence end, a colon, a comma or a
    speech verb ("said "We ..."), with a capital; or after a colon or a line start whatever its
    first letter. Mid-sentence, a capitalised fragment is a fragment ("a defense of "New York
    values," saying ...")."""
    before = text[max(span.open_at - 40, 0) : span.open_at].rstrip(" \t")
    if not before or before[-1] in ":\n":
        return True
    first = next((c for c in content if c.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    if before[-1] in ",.!?;\u2014-([":
        return True
    words = before.split()
    return bool(words) and cue_lemma(words[-1].strip(",")) is not None


def _ends_statement(text: str, span: QuotedSpan, content: str) -> bool:
    if content.rstrip()[-1:] in STATEMENT_END or not span.closed:
        return True
    after = text[span.close_at + 1 : span.close_at + 3].lstrip(" ")
    return not after or after[0] in ".!?\n"


def _whole_line(text: str, span: QuotedSpan) -> bool:
    line_start = text.rfind("\n", 0, span.open_at) + 1
    line_end = text.find("\n", span.close_at)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : span.open_at].strip() and not text[
        span.close_at + 1 : line_end
    ].strip(" .\t")


def frame_cue(doc: Doc, text: str, span: QuotedSpan, quoted: CharRanges) -> Cue | None:
    """The cue of ``span``'s frame: after it first when the quotation ends with a comma (or
    its frame follows at once), else before it."""
    after_close = span.close_at + (1 if span.closed else 0)
    signed = dash_signature(doc, text, after_close)
    if signed is not None:
        return signed
    after = frame_after(doc, tokens_after(doc, after_close))
    before = frame_before(doc, tokens_after(doc, span.open_at))
    cue_after = cue_in(after, quoted, nearest_last=False)
    cue_before = cue_in(before, quoted, nearest_last=True)
    ends_comma = text[span.start : span.end].rstrip()[-1:] in (",", "\u2014", "-")
    after_wins = cue_before is None or ends_comma or cue_before.subject is None
    if cue_after is not None and cue_before is not None and cue_before.subject is not None:
        after_wins = after_wins and not cites_a_record(cue_after)  # the record is no speaker
    if cue_after is not None and (ends_comma or cue_after.subject is not None) and after_wins:
        return cue_after
    return (
        cue_before
        or cue_after
        or colon_frame(before, quoted)
        or piece_frame(before, quoted)
        or dash_frame(before, quoted)
    )


#: Dashes that introduce a speaker's words: ``Putin \u2014 "We will not ..."``.
_DASHES = frozenset({"\u2014", "\u2013"})


def dash_frame(tokens: list[Token], quoted: CharRanges) -> Cue | None:
    """A frame that is a person's name and a dash before a quotation, with no speech verb:
    ``Putin \u2014 "We will not rush."``. Only a name the tagger reads as a person's, and
    nothing else in the frame, so a term before a dash ("the union \u2014 "...") is no
    speaker."""
    words = [t for t in tokens if not t.is_space]
    if len(words) < 2 or words[-1].text not in _DASHES:
        return None
    name = words[:-1]
    if any(t.ent_type_ != "PERSON" or t.idx in quoted for t in name):
        return None
    dash = words[-1]
    return Cue(dash.idx, dash.idx + 1, dash.text, name[-1])


def read_quotations(doc: Doc, text: str, spans: list[QuotedSpan]) -> list[FoundQuote]:
    """The quotations of ``spans`` that are speech, with their frame's cue (see module doc)."""
    # Every quotation, marks included, asked of many tokens: by bisection.
    quoted = CharRanges((s.open_at, s.close_at + 1) for s in spans)
    found: list[FoundQuote] = []
    previous: FoundQuote | None = None
    previous_close = -(10**9)
    for span in spans:
        content = text[span.start : span.end]
        if not content.strip() or is_named_term(text, span, content):
            continue
        if is_named_work(text, span, content):
            continue
        cue = frame_cue(doc, text, span, quoted)
        if cue is not None and cue.subject is not None and cue.subject.lower_ in INSCRIPTIONS:
            continue  # written on a sign or banner: a slogan, not speech
        # A term in the writer's own clause; a cue whose subject is its hearer ("residents
        # were warned") names no one whose words the term could be.
        unspoken = cue is None or cue.subject is None or cue.subject.dep_ == "nsubjpass"
        if (
            unspoken
            and content.rstrip()[-1:] not in STATEMENT_END
            and _subject_term(doc, span, len(content.split()))
        ):
            continue
        if cue is not None and cue.belief and len(content.split()) <= SCARE_QUOTE_WORDS:
            continue  # 'countries feel their "national interests" are...': a scare quote
        words = len(content.split())
        statement = _opens_statement(text, span, content) and _ends_statement(text, span, content)
        if cue is None and _whole_line(text, span) and content.rstrip()[-1:] not in STATEMENT_END:
            continue  # a headline or a title on its own line
        if cue is None and words <= SCARE_QUOTE_WORDS:
            continue
        if (
            previous is not None
            and previous.kind == "direct"
            and span.open_at - previous_close < SPLIT_GAP
            and "\n" not in text[previous_close : span.open_at]
            # The same cue word, whichever frame found it (the two may name its speaker
            # differently when the parse hid the subject from one of them).
            and (cue is None or (previous.cue is not None and cue.start == previous.cue.start))
        ):
            # The second half of a split quote: one quote from the first word to the last.
            found[-1] = FoundQuote(previous.start, span.end, "direct", previous.cue, span.closed)
            previous = found[-1]
            previous_close = span.close_at
            continue
        kind = "direct" if statement else "partial"
        if kind == "partial" and cue is None and words <= SCARE_QUOTE_WORDS + 2:
            continue
        quote = FoundQuote(span.start, span.end, kind, cue, span.closed)
        found.append(quote)
        previous, previous_close = quote, span.close_at
    return found
