"""The collector of the ``dossier_stance`` component: each (span, holder, target) stance once,
with its links, and the checks every reading's stance passes before it is kept (a holder that
can take a side, no side toward itself, a leader's side toward his own state, a state's act
told as history). Moved out of ``dossier.extract.stance`` unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from dossier.extract import document
from dossier.extract.stages import fact_link
from dossier.extract.stance.history import told_as_history
from dossier.extract.stance.holders import Holder, commanding, holder_country, legislating
from dossier.extract.stance.targets import commanded
from dossier.extract.stance.voices import same_state, target_actors
from dossier.kb.loader import KnowledgeBase
from dossier.model import FactLink, Mention, Stance

EXTRACTOR = "dossier_stance"
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class _Collector:
    """The stances of one document, each (span, holder, target) once, and their links."""

    doc: Doc
    version: str
    kb: KnowledgeBase
    mentions: dict[tuple[int, int], Mention]
    stances: list[Stance] = field(default_factory=list)
    links: list[FactLink] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    #: the document's author when it is no opinion piece: a byline reports, it takes no side
    reporter: str | None = None

    def can_hold(self, holder: Holder) -> bool:
        """Whether a holder can take a side: not an outlet or a news report's own byline
        (they report), nor a dateline or a stray phrase the event stage took for an actor."""
        if (holder.actor_id or "").startswith("media:"):
            return False
        if self.reporter and holder.name.casefold() == self.reporter.casefold():
            return False
        if holder.actor_id is None:
            mention = self.mentions.get((holder.mention_start, holder.mention_end))  # type: ignore[arg-type]
            if mention is not None and mention.label in _PLACE_LABELS:
                return False  # a place the KB does not know as a state ("in Vilnius") acts not
            words = holder.name.split()
            return not holder.name.isupper() and len(words) <= 4
        return True

    def add(
        self,
        holder: Holder,
        hit_target: tuple[str, str | None, Mention | None],
        polarity: int,
        span: tuple[int, int],
        basis: str,
        evidence: tuple[str, str | None],
        date: str | None,
        cue: str | None,
        strength: float,
        confidence: float,
    ) -> None:
        target, target_id, target_mention = commanded(hit_target, self.kb)
        holder = legislating(commanding(holder, self.kb), self.kb, target_id)
        if not self.can_hold(holder):
            return
        if basis in ("did", "reported") and told_as_history(
            self.doc, holder.actor_id, target_id, date
        ):
            return  # "Moldova became an observer in 2018", told in 2021: background
        if (
            holder.actor_id is not None
            and target_id is not None
            and (
                holder.actor_id == target_id
                or same_state(holder.actor_id, target_id)
                or holder.actor_id in target_actors(self.kb, target_id)
            )
        ):
            return  # no one takes a side toward itself, nor a body toward the project it is
        country = holder_country(self.kb, holder.actor_id, date)
        if (
            country is not None
            and (holder.actor_id or "").startswith(("person:", "agency:"))
            and target_id in (f"country:{country}", f"gov:{country}")
        ):
            # a leader or a state's own agency speaks for his state, not toward it ("the
            # Kremlin wants to extend Russian influence"; error kind: unsupported)
            return
        start, end = span
        stance = Stance(
            text=document.text_of(self.doc)[start:end],
            start=start,
            end=end,
            holder=holder.name,
            holder_id=holder.actor_id,
            holder_country=country,
            target=target,
            target_id=target_id,
            polarity=polarity,
            strength=round(strength, 2),
            basis=basis,  # type: ignore[arg-type]
            cue=cue,
            evidence_kind=evidence[0],
            evidence_id=evidence[1],
            date=date,
            provenance=document.provenance(
                self.doc, start, end, EXTRACTOR, self.version, round(confidence, 2)
            ),
        )
        if stance.fact_id in self.seen:
            return
        self.seen.add(stance.fact_id)
        self.stances.append(stance)
        ends = [("evidence", evidence[1])]
        if holder.mention_start is not None and holder.mention_end is not None:
            mention = self.mentions.get((holder.mention_start, holder.mention_end))
            ends.append(("holder", mention.fact_id if mention else None))
        if target_mention is not None:
            ends.append(("target", target_mention.fact_id))
        for relation, to_fact in ends:
            if to_fact is not None:
                self.links.append(fact_link(stance, to_fact, relation, EXTRACTOR, self.version))
