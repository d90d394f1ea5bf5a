"""Tense: which way a date the text leaves open looks from the document date, read off the
verb governing the expression and the signal words before it."""

from __future__ import annotations

from spacy.tokens import Span, Token

# --- tense ------------------------------------------------------------------------------------

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"
#: A weak future: an infinitive or a modal ("plans to sign in May", "could open in July").
#: Months and dates follow it forward; a weekday does not (news rarely looks a week ahead with
#: a bare weekday unless "will" says so).
PROSPECTIVE = "PROSPECTIVE"
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_MODAL_AUX = frozenset({"would", "could", "may", "might", "should", "must", "can", "ca", "'d"})
_PERFECT_AUX = frozenset({"had", "has", "have", "'ve"})
_PAST_AUX = frozenset({"was", "were", "did", "had"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'re", "'m", "be", "do", "does"})
_BE = frozenset({"is", "are", "am", "'re", "'m", "'s", "be"})
#: Verbs whose infinitive complement happened already ("failed to pass it in July").
_PAST_CONTROL_VERBS = frozenset(
    {"fail", "failed", "manage", "managed", "try", "tried", "refuse", "refused", "begin", "began",
     "start", "started", "continue", "continued", "seem", "seemed", "appear", "appeared", "used",
     "decline", "declined", "choose", "chose", "come", "came", "happen", "happened"}
)  # fmt: skip
#: Words that make an infinitive a firm plan: "is to open", "is due to start", "set to come".
_SCHEDULE_WORDS = frozenset(
    {"is", "are", "be", "was", "were", "due", "set", "scheduled", "slated", "going", "poised",
     "expected", "planned", "plans", "plan", "intends", "intend", "about"}
)  # fmt: skip
#: Words right before an open date that point it forward ("payable Dec. 7", "effective June 1",
#: "by Dec. 15", "through January", "until March").
_FORWARD_SIGNALS = frozenset(
    {"until", "till", "payable", "effective", "by", "record", "expire", "expires", "starting",
     "beginning"}
)  # fmt: skip


def governing_verb(span: Span) -> Token | None:
    """The nearest verb above ``span`` in the dependency tree, None if there is none."""
    token = span.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and not (token.i >= span.start and token.i < span.end):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(verb: Token) -> str | None:
    """``PAST``, ``PRESENT``, ``FUTURE`` or ``PROSPECTIVE`` of ``verb`` from its tag and
    auxiliaries; None when they do not say."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if words & _FUTURE_AUX:
        return FUTURE
    if verb.tag_ == "VB" and "to" in words:
        governor = verb.head
        if governor.i == verb.i:
            return PROSPECTIVE
        if governor.lower_ in _PAST_CONTROL_VERBS and governor.tag_ in ("VBD", "VBN"):
            return PAST
        if governor.lower_ in _SCHEDULE_WORDS or (
            governor.head.i != governor.i and governor.head.lower_ in _SCHEDULE_WORDS
        ):
            # "had been due to expire Friday", "was to open in July": a plan of the past.
            above = [governor, governor.head] if governor.pos_ == "ADJ" else [governor]
            for word in above:
                tenses = {c.lower_ for c in word.children if c.dep_ in ("aux", "auxpass")}
                if word.tag_ == "VBD" or tenses & {"had", "was", "were"}:
                    return PAST
            return FUTURE
        return PROSPECTIVE
    if words & _MODAL_AUX:
        return PAST if "have" in words else PROSPECTIVE
    if words & _PAST_AUX:
        return PAST
    if words & _PERFECT_AUX and verb.tag_ == "VBN":
        return PAST
    if verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN":
        if words & _PRESENT_AUX or "'s" in words:
            return PRESENT
        # A participle with no auxiliary: a reduced relative ("the treaty signed in May").
        return PAST
    if verb.tag_ == "VBG":
        if words & _BE:
            return FUTURE  # "is meeting on Friday"
        if words & {"was", "were"}:
            return PAST
        if verb.head.i != verb.i:
            head = verb.head
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.pos_ in ("VERB", "AUX") and head.i != verb.i:
                return verb_tense(head)
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None


def tense_of(span: Span, signals: bool = True) -> str | None:
    """The tense that decides which way an open date ("in July") points from the document
    date: with ``signals``, a word right before it ("since", "until", "payable") first; then
    the governing verb."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if signals and span.start > 0 else ""
    if before in ("since", "ago"):
        return PAST
    verb = governing_verb(span)
    tense = verb_tense(verb) if verb is not None else None
    # A forward signal outweighs a present or modal verb, not a past one ("had filed by
    # Wednesday"); a past verb far from a near date is handled where dates are placed.
    if before in _FORWARD_SIGNALS and tense != PAST:
        return FUTURE
    return tense
