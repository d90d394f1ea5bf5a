"""A target's generic alias that names another bloc's institution.

Some aliases of a target are plain institutional words ("the Customs Union", "the Common
Economic Space", "association agreement"): in a report about Brexit, "keep Northern Ireland
inside the Customs Union" is the EU's customs union, not Eurasian integration (error kind
other-target). Such an alias is read as this target only where the document gives it this
target's sense: it names the target by a specific alias ("Eurasian Union", "EAEU") or by a
body that is not itself named by generic words, or a member state of the target's bodies is
named in the alias's sentence or the one before ("Russia pressed Kyiv to join the customs
union"). Where none of these holds and the document names a rival target (the EU, for
Eurasian integration), the generic alias is that rival's, and no hit.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dossier.kb.loader import KnowledgeBase
from dossier.kb.records import Target
from dossier.model import Mention

#: Words of institutional names that say nothing of whose institution it is.
INSTITUTIONAL_WORDS = frozenset({
    "customs", "union", "state", "common", "economic", "space", "single", "association",
    "agreement", "community", "membership", "free", "trade", "area", "market", "the",
})  # fmt: skip


def is_generic(alias: str) -> bool:
    """Whether an alias is made only of institutional words ("Customs Union": yes;
    "Eurasian Union", "EAEU": no)."""
    words = alias.lower().split()
    return len(words) >= 2 and all(w in INSTITUTIONAL_WORDS for w in words)


@lru_cache(maxsize=64)
def _specific_pattern(kb: KnowledgeBase, target_id: str) -> re.Pattern[str] | None:
    target = kb.targets[target_id]
    names = [a for a in {target.name, *target.aliases} if not is_generic(a)]
    if not names:
        return None
    parts = sorted((re.escape(n) if n.isupper() else f"(?i:{re.escape(n)})" for n in names),
                   key=len, reverse=True)  # fmt: skip
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


@lru_cache(maxsize=64)
def _member_countries(kb: KnowledgeBase, target_id: str) -> frozenset[str]:
    bodies = set(kb.targets[target_id].actors)
    return frozenset(
        m.member.split(":", 1)[1]
        for m in kb.memberships
        if m.org in bodies and m.member.startswith("country:")
    )


class GenericAliases:
    """Decides, for one document, whether a generic alias names its target."""

    def __init__(self, text: str, mentions: list[Mention], starts: list[int], kb: KnowledgeBase):
        self.text = text
        self.mentions = mentions
        self.starts = starts
        self.kb = kb
        self._specific: dict[str, bool] = {}  # by target id, read once per document
        self._rival: dict[str, bool] = {}

    def _named_specifically(self, target: Target) -> bool:
        known = self._specific.get(target.id)
        if known is None:
            pattern = _specific_pattern(self.kb, target.id)
            known = pattern is not None and pattern.search(self.text) is not None
            known = known or any(
                self.kb.target_of_actor(m.actor_id) is target
                and not is_generic(self.text[m.start : m.end].removeprefix("the "))
                for m in self.mentions
            )
            self._specific[target.id] = known
        return known

    def _rival_named(self, target: Target) -> bool:
        known = self._rival.get(target.id)
        if known is None:
            known = self._rival[target.id] = self._names_rival(target)
        return known

    def _names_rival(self, target: Target) -> bool:
        rivals = set(target.rivals)
        return any(
            m.actor_id in rivals
            or (found := self.kb.target_of_actor(m.actor_id)) is not None
            and found.id in rivals
            for m in self.mentions
        )

    def names_other(self, start: int, end: int, target: Target, around: tuple[int, int]) -> bool:
        """Whether the generic alias at ``start``-``end`` is another bloc's (see module doc);
        ``around``: the characters of its sentence and the one before."""
        if not is_generic(self.text[start:end]) or self._named_specifically(target):
            return False
        members = _member_countries(self.kb, target.id)
        first, last = around
        for mention in self.mentions[bisect.bisect_left(self.starts, first) :]:
            if mention.start >= last:
                break
            if mention.country in members:
                return False
        return self._rival_named(target)
