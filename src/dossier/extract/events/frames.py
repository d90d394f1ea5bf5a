"""Acts told as the frame of another: "In defending the minister, his allies have sought to
shift the blame". A gerund under "in" says what the main clause's act consists of or aims
at; the main clause is the report, the gerund its description. Words and stances framed so
(support, criticism, rejection) report no act of their own; force keeps its reading ("in
attacking the village, the troops killed ten people" reports the attack too).
"""

from __future__ import annotations

from spacy.tokens import Token

#: PLOVER types whose framing gerund still reports an act: force and deployments.
DEEDS = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})


def framing(token: Token, plover: str) -> bool:
    """Whether ``token`` is a gerund under "in" framing the main clause's act (module doc)."""
    return (
        plover not in DEEDS
        and token.tag_ == "VBG"
        and token.dep_ == "pcomp"
        and token.head.lower_ == "in"
    )


__all__ = ["DEEDS", "framing"]
