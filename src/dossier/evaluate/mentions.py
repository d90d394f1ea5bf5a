"""Scorers for the mention ruler and the linker against dossier-format gold.

``evaluate_mentions`` is the component evaluation of linking: each gold document is read and
cleaned as the ingest pipeline does (``clean_text``), the production pipeline
(``dossier.nlp.load_pipeline``, with the KB folder asked for) runs on the cleaned text prepared
with the gold file's ``date`` (so linking is measured given the date, reported as
``date_from: "gold"``), and every gold mention is looked up in the cleaned text.

How a gold mention is matched. Gold ``text`` values are substrings of the original text, often
with a few words of context ("Moscow recently announced"); every occurrence in the cleaned text
counts. A predicted mention matches an occurrence when their characters overlap. A gold mention
that cleaning removed with the boilerplate cannot be found: it counts as missed, and
``in_boilerplate`` says how many there were.

Figures.

* ``mention_recall``: gold mentions with at least one overlapping predicted mention.
* ``actor_accuracy``: over the found gold mentions, those with an overlapping prediction whose
  actor is the gold actor. Names compare case-insensitively (accents, "the" aside) after the KB
  maps each through its aliases to one canonical name.
* ``role_accuracy``: over the found gold mentions whose role names an office the KB knows (by
  name or alias; "X-elect of Y" when "X of Y" is known; "former X" when X is known), those whose
  prediction with the right actor gives the same office (and "-elect" when the gold has it); a
  "former X" is right when the prediction does not give the actor office X. ``roles_scored``
  counts them; ``roles_unknown`` counts gold roles the KB lacks (descriptions such as
  "correspondent, RFE/RL" among them), which are not scored.
* ``precision``/``recall``/``f1``: a gold mention is a true positive when an overlapping
  prediction has its actor (so ``recall`` is found-and-right over all gold mentions). The gold
  lists the salient mentions, not every mention, so precision is judged only where the gold
  speaks: over predictions that overlap a gold mention. Such a prediction is right when one of
  the gold mentions it overlaps has its actor; it is not judged when the gold mentions it
  overlaps are all matched by other predictions (a nested name, like the Kremlin inside "Dmitry
  Medvedev has been in the Kremlin"); otherwise it is a false positive. Predictions outside every
  gold span (a second "Moscow" the annotator did not list) are counted in ``unjudged``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dossier.evaluate.gold import GoldDocument, load_gold_folder
from dossier.evaluate.metrics import PRF, ratio
from dossier.extract.document import MENTIONS, prepare_doc
from dossier.extract.linking import CANDIDATES_KEY
from dossier.ingest.clean import clean_text
from dossier.ingest.metadata import extract_metadata
from dossier.kb.loader import KnowledgeBase, load_kb, normalise_name
from dossier.model import CleanedText, Mention, OffsetMap
from dossier.nlp import PipelineConfig, load_pipeline


@dataclass(frozen=True)
class _Occurrence:
    start: int
    end: int


#: The tallies kept per document and summed over the gold folder.
COUNT_KEYS = (
    "gold",
    "found",
    "actor_right",
    "roles_scored",
    "roles_right",
    "roles_unknown",
    "in_boilerplate",
    "lost_in_cleaning",
    "tp",
    "fp",
    "predicted",
    "unjudged",
)


def find_occurrences(text: str, needle: str) -> list[_Occurrence]:
    """Every place ``needle`` occurs in ``text`` as whole words, whitespace compared loosely."""
    parts = [re.escape(p) for p in needle.split()]
    if not parts:
        return []
    pattern = r"\s+".join(parts)
    if needle[:1].isalnum() or needle[:1] == "_":
        pattern = r"(?<!\w)" + pattern
    if needle[-1:].isalnum() or needle[-1:] == "_":
        pattern += r"(?!\w)"
    return [_Occurrence(m.start(), m.end()) for m in re.finditer(pattern, text)]


class ActorNames:
    """Canonical names for comparison: a name the KB knows maps to its actor's name."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def key(self, name: str | None) -> str:
        if not name:
            return ""
        actors = self.kb.find_actors(name)
        if len({a.id for a in actors}) == 1:
            name = actors[0].name
        return normalise_name(name)

    def same(self, a: str | None, b: str | None) -> bool:
        return bool(a) and bool(b) and self.key(a) == self.key(b)


@dataclass(frozen=True)
class GoldRole:
    """A gold role as the KB understands it: office id, "-elect", "former"; None if unknown."""

    office_id: str
    elect: bool = False
    former: bool = False


def parse_role(kb: KnowledgeBase, role: str | None) -> GoldRole | None:
    """The office a role names ("President of Russia", "President-elect of Kyrgyzstan",
    "former Prime Minister of Ukraine"), or None when the KB knows no such office."""
    if not role:
        return None
    text = " ".join(role.split())
    former = False
    if text.lower().startswith("former "):
        former, text = True, text[len("former ") :]
    office = kb.office(text)
    if office is not None:
        return GoldRole(office.id, former=former)
    unelected = re.sub(r"(?i)-elect\b", "", text, count=1)
    if unelected != text:
        office = kb.office(unelected)
        if office is not None:
            return GoldRole(office.id, elect=True, former=former)
    return None


def role_is_right(kb: KnowledgeBase, gold: GoldRole, predicted: str | None) -> bool:
    """Whether a predicted role string agrees with a KB-known gold role.

    A "former X" is right when the prediction does not give the actor office X (as holder or
    elect); otherwise the prediction must name the same office, with "-elect" when gold has it.
    """
    found = parse_role(kb, predicted)
    if gold.former:
        return found is None or found.former or found.office_id != gold.office_id
    return (
        found is not None
        and not found.former
        and found.office_id == gold.office_id
        and found.elect == gold.elect
    )


def _overlaps(mention: Mention, occurrence: _Occurrence) -> bool:
    return mention.start < occurrence.end and occurrence.start < mention.end


def run_document(
    nlp: Language,
    text: str,
    date: str | None,
    doc_id: str = "",
    offsets: OffsetMap | None = None,
    genre: str | None = None,
    author: str | None = None,
) -> Doc:
    """Run ``nlp`` on ``text`` prepared (``prepare_doc``) with the document's date and id (and
    its genre and author, which the quote stage reads)."""
    return nlp(
        prepare_doc(
            nlp, text, date=date, doc_id=doc_id, offsets=offsets, genre=genre, author=author
        )
    )


def run_gold_document(
    nlp: Language, gold: GoldDocument, kb_dir: str | Path | None = None
) -> tuple[CleanedText, Doc]:
    """A dossier-format gold document cleaned, its genre and author read as ingest reads them
    (an opinion piece's "I" is its author: the quote and stance stages need that), and run
    through ``nlp`` with its gold date: what ``annotate`` would store for it."""
    text = gold.record.text
    cleaned = clean_text(text, gold.record.fields)
    meta = extract_metadata(
        text,
        cleaned,
        gold.record.fields,
        source_format=gold.record.format,
        kb_dir=None if kb_dir is None else str(kb_dir),
    )
    doc = run_document(
        nlp,
        cleaned.text,
        gold.annotation.get("date"),
        gold.name,
        cleaned.offsets,
        genre=meta.genre,
        author=meta.author,
    )
    return cleaned, doc


def mentions_pipeline(kb_dir: str | Path | None = None) -> Language:
    """The production pipeline (``dossier.nlp.load_pipeline``) reading the KB in ``kb_dir``
    (None: the package's own)."""
    return load_pipeline(PipelineConfig(kb_dir=_folder(kb_dir)))


def _folder(kb_dir: str | Path | None) -> str | None:
    return None if kb_dir is None else str(kb_dir)


def evaluate_mentions(
    gold_dir: Path,
    on_item: Callable[[str], None] | None = None,
    nlp: Language | None = None,
    kb: KnowledgeBase | None = None,
    kb_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Score mention finding and linking on every gold document in ``gold_dir``.

    gold_dir: a folder of dossier-format gold files.
    on_item: called with each gold file's name once it is scored (for progress display).
    nlp: the pipeline to run (default: ``mentions_pipeline(kb_dir)``, the production one).
    kb: the knowledge base names and roles are compared with (default: the one in ``kb_dir``);
        a loaded KB cannot configure a pipeline, so give it only with ``nlp``.
    kb_dir: a folder of KB CSV files for the pipeline and the comparisons; None for the
        package's own.
    """
    started = time.perf_counter()
    folder_kb = None if kb is not None and nlp is not None else load_kb(_folder(kb_dir))
    if kb is None:
        kb = folder_kb
    elif nlp is None and kb is not folder_kb:
        raise ValueError(
            "evaluate_mentions: the pipeline reads its KB from a folder; pass kb_dir= (the "
            "folder the KB was loaded from) instead of kb="
        )
    nlp = nlp or mentions_pipeline(kb_dir)
    names = ActorNames(kb)
    documents = load_gold_folder(gold_dir)
    totals = dict.fromkeys(COUNT_KEYS, 0)
    per_document: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for gold in documents:
        cleaned = clean_text(gold.record.text, gold.record.fields)
        date = gold.annotation.get("date")
        doc = run_document(nlp, cleaned.text, date, gold.name, cleaned.offsets)
        predicted: list[Mention] = list(doc._.get(MENTIONS) or [])
        counts, doc_errors = _score_document(
            kb, names, gold.name, gold.annotation, cleaned.text, predicted
        )
        for key, value in counts.items():
            totals[key] += value
        errors.extend(doc_errors)
        per_document.append({"doc": gold.name, "date": date, **counts})
        if on_item is not None:
            on_item(gold.name)
    fn = totals["gold"] - totals["tp"]
    scores = PRF.from_counts(totals["tp"], totals["fp"], fn, n=totals["gold"])
    return {
        "task": "mentions",
        "gold": str(gold_dir),
        "date_from": "gold",
        **scores.to_dict(),
        "mention_recall": ratio(totals["found"], totals["gold"]),
        "actor_accuracy": ratio(totals["actor_right"], totals["found"]),
        "role_accuracy": ratio(totals["roles_right"], totals["roles_scored"]),
        "roles_scored": totals["roles_scored"],
        "roles_unknown": totals["roles_unknown"],
        "found": totals["found"],
        "in_boilerplate": totals["in_boilerplate"],
        "lost_in_cleaning": totals["lost_in_cleaning"],
        "predicted": totals["predicted"],
        "unjudged": totals["unjudged"],
        "documents": len(documents),
        "per_document": per_document,
        "errors": errors,
        "seconds": time.perf_counter() - started,
    }


def _score_document(
    kb: KnowledgeBase,
    names: ActorNames,
    doc_name: str,
    annotation: dict[str, Any],
    text: str,
    predicted: list[Mention],
) -> tuple[dict[str, int], list[dict[str, Any]]]:
    counts = dict.fromkeys(COUNT_KEYS, 0)
    errors: list[dict[str, Any]] = []
    boilerplate = [b for b in annotation.get("boilerplate") or [] if b]
    gold_mentions = [m for m in annotation.get("mentions") or [] if m.get("text")]
    # For precision: which predictions overlap which gold mentions, and which gold are matched.
    overlapping: dict[int, list[int]] = {}
    matched_gold: set[int] = set()
    for index, gold in enumerate(gold_mentions):
        counts["gold"] += 1
        occurrences = find_occurrences(text, gold["text"])
        gold_role = parse_role(kb, gold.get("role"))
        if gold.get("role") and gold_role is None:
            counts["roles_unknown"] += 1
        if not occurrences:
            if any(gold["text"] in b for b in boilerplate):
                counts["in_boilerplate"] += 1
            else:
                counts["lost_in_cleaning"] += 1
            errors.append(_error(doc_name, gold, None, "not in the cleaned text"))
            continue
        hits = [
            (n, m)
            for n, m in enumerate(predicted)
            if any(_overlaps(m, occurrence) for occurrence in occurrences)
        ]
        for n, _ in hits:
            overlapping.setdefault(n, []).append(index)
        if not hits:
            errors.append(_error(doc_name, gold, None, "no predicted mention"))
            continue
        counts["found"] += 1
        right = [m for _, m in hits if names.same(m.actor, gold.get("actor"))]
        if not right:
            errors.append(_error(doc_name, gold, _closest(hits, gold["text"]), "actor"))
            if gold_role is not None:
                counts["roles_scored"] += 1
            continue
        counts["actor_right"] += 1
        counts["tp"] += 1
        matched_gold.add(index)
        if gold_role is None:
            continue
        counts["roles_scored"] += 1
        if any(role_is_right(kb, gold_role, m.role) for m in right):
            counts["roles_right"] += 1
        else:
            errors.append(_error(doc_name, gold, right[0], "role"))
    counts["predicted"] = len(predicted)
    for n, mention in enumerate(predicted):
        golds = overlapping.get(n)
        if not golds:
            counts["unjudged"] += 1
            continue
        if any(names.same(mention.actor, gold_mentions[g].get("actor")) for g in golds):
            continue
        if all(g in matched_gold for g in golds):
            counts["unjudged"] += 1
            continue
        counts["fp"] += 1
    return counts, errors


def _closest(hits: list[tuple[int, Mention]], gold_text: str) -> Mention:
    """The prediction to show in an error: the one sharing most characters with the gold."""
    return max(hits, key=lambda pair: len(set(pair[1].text.split()) & set(gold_text.split())))[1]


def _error(
    doc_name: str, gold: dict[str, Any], predicted: Mention | None, kind: str
) -> dict[str, Any]:
    return {
        "doc": doc_name,
        "kind": kind,
        "text": gold.get("text"),
        "gold_actor": gold.get("actor"),
        "gold_role": gold.get("role"),
        "predicted_text": predicted.text if predicted else None,
        "predicted_actor": predicted.actor if predicted else None,
        "predicted_role": predicted.role if predicted else None,
        "resolution": predicted.resolution if predicted else None,
    }


def score_candidates(
    gold_dir: Path, nlp: Language | None = None, kb_dir: str | Path | None = None
) -> dict[str, Any]:
    """The ruler alone: the share of gold mentions (outside boilerplate) that some candidate in
    ``doc.spans["dossier_candidates"]`` overlaps. Candidates are what the linker can resolve,
    so this bounds ``mention_recall``.

    nlp: the pipeline to run (default: ``mentions_pipeline(kb_dir)``, the production one).
    kb_dir: a folder of KB CSV files; None for the package's own.
    """
    nlp = nlp or mentions_pipeline(kb_dir)
    total = found = 0
    missed: list[dict[str, Any]] = []
    for gold in load_gold_folder(gold_dir):
        cleaned = clean_text(gold.record.text, gold.record.fields)
        date = gold.annotation.get("date")
        doc = run_document(nlp, cleaned.text, date, gold.name, cleaned.offsets)
        spans = list(doc.spans.get(CANDIDATES_KEY, []))
        for mention in gold.annotation.get("mentions") or []:
            occurrences = find_occurrences(cleaned.text, mention.get("text", ""))
            if not occurrences:
                continue
            total += 1
            if any(
                s.start_char < o.end and o.start < s.end_char for s in spans for o in occurrences
            ):
                found += 1
            else:
                missed.append({"doc": gold.name, "text": mention["text"]})
    return {
        "task": "mention_candidates",
        "gold": str(gold_dir),
        "n": total,
        "recall": ratio(found, total),
        "missed": missed,
    }


def mentions_table(mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    """Mentions as plain dicts (for JSON output and debugging)."""
    return [
        {
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "label": m.label,
            "actor_id": m.actor_id,
            "actor": m.actor,
            "role": m.role,
            "country": m.country,
            "metonym": m.metonym,
            "resolution": m.resolution,
        }
        for m in mentions
    ]
