"""A refusal to go somewhere, for a reason someone gave: a side toward that someone.

Error kind: other-target. "X has refused to travel to Belarus since Lukashenko sided with
Azerbaijan", "Y refused to visit Russia after Putin insulted him": the place is where the
holder will not go, not whom he is against; the clause that gives the reason ("since",
"because", "after") names whose deed he answers, and the side is toward its subject. With no
such subject named, the refusal takes no side toward the place's state from the trip alone.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract.stance.targets import TargetFinder
from dossier.model import Mention

#: Verbs of going somewhere, whose "to" phrase (or object, for "visit") is a destination.
_GOING = frozenset({"travel", "go", "fly", "come", "return", "visit", "attend"})
#: Marks of a clause that gives the reason for a refusal.
_REASONS = frozenset({"since", "because", "after", "as"})

Aimed = tuple[str, str | None, Mention | None]


def going_to(root: Token, lemmas) -> Token | None:  # noqa: ANN001 - a Lemmas
    """The verb of going whose destination ``root`` is ("travel to X", "visit X")."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "to" and lemmas(head.head) in _GOING:
        return head.head
    if root.dep_ == "dobj" and lemmas(head) == "visit":
        return head
    return None


def _reason_subject(verbs: list[Token]) -> Token | None:
    """The subject of a reason clause hung on one of ``verbs``."""
    for verb in verbs:
        for clause in verb.children:
            if clause.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in _REASONS for c in clause.children
            ):
                continue
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def redirect_destinations(
    aimed: list[Aimed],
    trigger: Span | None,
    targets: TargetFinder,
    lemmas,  # noqa: ANN001 - a Lemmas
) -> list[Aimed]:
    """``aimed`` with each destination of a refused trip replaced by whose deed the refusal
    answers, or dropped where the text names no one (see the module doc)."""
    if trigger is None:
        return aimed
    found: list[Aimed] = []
    hits = None
    for target in aimed:
        mention = target[2]
        if mention is None:
            found.append(target)
            continue
        span = trigger.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        root = span.root if span is not None else None
        going = going_to(root, lemmas) if root is not None else None
        if going is None or trigger.root not in (going, *going.ancestors):
            found.append(target)
            continue
        subject = _reason_subject([going, trigger.root])
        if subject is None:
            continue
        if hits is None:
            hits = targets.in_span(trigger.root.sent)
        for hit in hits:
            if hit.root == subject:
                found.append((hit.target, hit.target_id, hit.mention))
    return found
