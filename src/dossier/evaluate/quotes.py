"""Scorers for the quote stage: PolNeAR attributions (brat) and dossier-format gold.

Both run the production pipeline on the cleaned text, as ``dossier annotate`` does, and read
its ``Quote`` facts back in the gold text's characters (through the cleaning's offset map).

How quotes are matched (the same for both gold kinds). Texts are compared as sets of word
tokens (``\\w+``), so quotation marks and spacing do not count.

* A gold quote is **found** when one prediction covers at least ``COVERAGE`` of its tokens;
  that prediction is its match. ``recall`` is found over gold.
* A prediction is **right** when at least ``COVERAGE`` of its tokens lie in gold quotes of any
  kind (a split quote the gold keeps as two items is one right prediction). ``precision`` is
  right over predicted.
* ``said_on_accuracy`` (dossier gold): over found gold quotes with a ``date``, those whose
  match's ``said_on`` is that TIMEX3 value exactly.
* ``speaker_accuracy``: over found gold quotes, those whose match names the gold speaker.
  PolNeAR: the predicted speaker span shares a word with the gold ``Source`` span, or names
  the same person elsewhere (a capitalised name word, not a pronoun or title, shared by the
  gold source and the predicted span or its canonical name: "Kaine" for "Sen. Tim Kaine" a
  paragraph up); gold quotes with no source are not scored. Pronouns must be the same token.
  Dossier gold: the predicted speaker's canonical name is the gold ``speaker`` (or one of
  several joined by ``; ``), compared as ``eval mentions`` compares actors.

Subsets. PolNeAR: ``direct`` is the gold content holding a quotation mark and the predictions
that are direct quotes or hold a mark; ``all`` is every attribution. A partial quote inside
predicted reported speech is that speech's part, not a second prediction. Dossier gold:
``per_kind`` scores each kind alone, ``direct_partial`` the two together (the top-level
figures), ``all`` every quote; ``not_quotes`` counts the gold's not-quote strings a direct or
partial prediction reported as speech (an occurrence inside a gold quote does not count).

``baseline`` (PolNeAR): textacy's ``direct_quotations`` on the same texts, with spaCy's own
pipeline (lemmatizer included, as textacy expects), scored as ``direct`` is. A text it raises
on counts as no predictions (``baseline.failed``). Absent when textacy is not installed.
"""

from __future__ import annotations

import bisect
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dossier.evaluate.brat import AttributedText, is_brat_folder, load_brat_folder
from dossier.evaluate.gold import load_gold_folder
from dossier.evaluate.mentions import (
    ActorNames,
    find_occurrences,
    run_document,
    run_gold_document,
)
from dossier.evaluate.metrics import PRF, f1_score, ratio
from dossier.extract.document import QUOTES
from dossier.extract.linking.spelling import fold
from dossier.extract.quotes.vocabulary import QUOTE_MARKS
from dossier.ingest.clean import clean_text
from dossier.kb.loader import load_kb
from dossier.kb.rows import normalise_name
from dossier.model import OffsetMap, Quote
from dossier.nlp import PipelineConfig, load_pipeline

#: Share of a quote's tokens another must cover for the two to match.
COVERAGE = 0.5
_WORD = re.compile(r"\w+")
_MARKS = frozenset(QUOTE_MARKS)  # not the single curly marks: mostly apostrophes


@dataclass(frozen=True)
class PredictedQuote:
    """A predicted quote in the gold text's characters (one line of ``--predictions``);
    ``said_on``: when it was said (``Quote.said_on``)."""

    start: int
    end: int
    speaker_start: int | None
    speaker_end: int | None
    speaker: str | None
    kind: str
    said_on: str | None = None


@dataclass(frozen=True)
class _Gold:
    """A gold quote: its token set (one per occurrence) and what its speaker check needs."""

    occurrences: tuple[frozenset[int], ...]
    speaker_tokens: frozenset[int]
    speaker: str | None
    kind: str
    date: str | None = None  # dossier gold: when it was said, where the text says


class Words:
    """The word tokens of one text, to turn character spans into token sets."""

    def __init__(self, text: str) -> None:
        self.starts = [m.start() for m in _WORD.finditer(text)]

    def of(self, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
        tokens: set[int] = set()
        for start, end in spans:
            first = bisect.bisect_left(self.starts, start)
            last = bisect.bisect_left(self.starts, end)
            tokens.update(range(first, last))
        return frozenset(tokens)


def predicted_quotes(quotes: Iterable[Quote], offsets: OffsetMap | None) -> list[PredictedQuote]:
    """``quotes`` in the characters of the text before cleaning."""

    def original(start: int | None, end: int | None) -> tuple[int | None, int | None]:
        if start is None or end is None or offsets is None:
            return start, end
        return offsets.to_original(start), offsets.to_original(end - 1) + 1

    found = []
    for quote in quotes:
        p = quote.provenance
        speaker_start, speaker_end = original(quote.speaker_start, quote.speaker_end)
        # Several speakers are written as the gold writes them: joined by "; ".
        speaker = "; ".join(quote.speaker_actors) or quote.speaker_actor
        found.append(
            PredictedQuote(
                p.original_start,
                p.original_end,
                speaker_start,
                speaker_end,
                speaker,
                quote.quote_kind,
                quote.said_on,
            )
        )
    return found


def _doc_quotes(
    doc: Doc, offsets: OffsetMap | None, name: str, predictions: list[dict[str, Any]] | None
) -> list[PredictedQuote]:
    """The quotes the pipeline left on ``doc``, in the text's characters before cleaning;
    added to ``predictions`` (when given) as the record of the text ``name``."""
    quotes = predicted_quotes(doc._.get(QUOTES) or [], offsets)
    if predictions is not None:
        predictions.append({"doc": name, "quotes": [asdict(q) for q in quotes]})
    return quotes


@dataclass
class _Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0
    speakers_scored: int = 0
    speakers_right: int = 0
    dates_scored: int = 0
    dates_right: int = 0

    def add(self, other: _Tally) -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)

    def figures(self) -> dict[str, Any]:
        # Precision counts right predictions, recall found gold: the two sides may differ in
        # number (one prediction can find two gold halves of a split quote).
        precision = self.right / self.predicted if self.predicted else float(not self.gold)
        recall = self.found / self.gold if self.gold else float(not self.predicted)
        scores = PRF(precision, recall, f1_score(precision, recall), self.gold)
        accuracy = ratio(self.speakers_right, self.speakers_scored)
        dates = ratio(self.dates_right, self.dates_scored)
        return {
            **scores.to_dict(),
            "n": self.gold,
            "predicted": self.predicted,
            "found": self.found,
            "speaker_accuracy": accuracy,
            "speakers_scored": self.speakers_scored,
            "said_on_accuracy": dates,
            "said_on_scored": self.dates_scored,
        }


def tally(
    gold: list[_Gold],
    every_gold: frozenset[int],
    predicted: list[tuple[PredictedQuote, frozenset[int]]],
    speaker_right: Callable[[_Gold, PredictedQuote], bool | None],
) -> _Tally:
    """Found gold, right predictions and speakers (see the module doc)."""
    counts = _Tally(gold=len(gold), predicted=len(predicted))
    for _, tokens in predicted:
        if tokens and len(tokens & every_gold) >= COVERAGE * len(tokens):
            counts.right += 1
    for item in gold:
        best: tuple[float, PredictedQuote | None] = (0.0, None)
        for occurrence in item.occurrences:
            if not occurrence:
                continue
            for quote, tokens in predicted:
                share = len(occurrence & tokens) / len(occurrence)
                if share > best[0]:
                    best = (share, quote)
        if best[1] is None or best[0] < COVERAGE:
            continue
        counts.found += 1
        verdict = speaker_right(item, best[1])
        if verdict is not None:
            counts.speakers_scored += 1
            counts.speakers_right += verdict
        if item.date:  # said_on: the same TIMEX3 value as the gold date
            counts.dates_scored += 1
            counts.dates_right += best[1].said_on == item.date
    return counts


def _outermost(quotes: list[PredictedQuote]) -> list[PredictedQuote]:
    """Predictions not inside another (a partial quote inside its reported speech)."""
    return [
        q
        for q in quotes
        if not any(o is not q and o.start <= q.start and q.end <= o.end for o in quotes)
    ]


#: Capitalised words that name no one: a sentence's first word, titles.
_NOT_NAMES = frozenset(
    {
        "The",
        "A",
        "An",
        "He",
        "She",
        "They",
        "It",
        "I",
        "We",
        "His",
        "Her",
        "Their",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sen",
        "Rep",
        "Gov",
        "President",
        "Senator",
        "Former",
    }
)


def name_words(text: str) -> set[str]:
    """The capitalised words of ``text`` that may be names (not pronouns or titles)."""
    return {w for w in _WORD.findall(text) if w[:1].isupper() and w not in _NOT_NAMES}


def _holds_mark(text: str, start: int, end: int) -> bool:
    return any(c in _MARKS for c in text[max(start - 1, 0) : end + 1])


# --- PolNeAR ------------------------------------------------------------------------------------


def _polnear_tallies(
    item: AttributedText, quotes: list[PredictedQuote], direct_of: Callable[[PredictedQuote], bool]
) -> tuple[_Tally, _Tally]:
    words = Words(item.text)
    gold_all = [
        _Gold(
            (words.of(a.content),),
            words.of(a.source),
            " ".join(item.text[s:e] for s, e in a.source),
            "",
        )
        for a in item.attributions
    ]
    gold_direct = [
        g
        for g, a in zip(gold_all, item.attributions, strict=True)
        if any(_holds_mark(item.text, s + 1, e - 1) for s, e in a.content)
    ]
    every = frozenset().union(*(g.occurrences[0] for g in gold_all)) if gold_all else frozenset()
    predicted = [(q, words.of([(q.start, q.end)])) for q in quotes]

    def speaker_right(gold: _Gold, quote: PredictedQuote) -> bool | None:
        if not gold.speaker_tokens:
            return None
        if quote.speaker_start is None or quote.speaker_end is None:
            return False
        if gold.speaker_tokens & words.of([(quote.speaker_start, quote.speaker_end)]):
            return True
        # Another mention of the same person ("Kaine" for "Tim Kaine" a paragraph up).
        said = f"{item.text[quote.speaker_start : quote.speaker_end]} {quote.speaker or ''}"
        return bool(name_words(said) & name_words(gold.speaker or ""))

    direct = [(q, t) for q, t in predicted if direct_of(q)]
    return (
        tally(gold_direct, every, direct, speaker_right),
        tally(gold_all, every, predicted, speaker_right),
    )


def _textacy_quotes(nlp: Language, text: str) -> list[PredictedQuote]:
    from textacy.extract.triples import direct_quotations

    found = []
    for triple in direct_quotations(nlp(text)):
        speaker = sorted(triple.speaker, key=lambda t: t.i)
        found.append(
            PredictedQuote(
                triple.content.start_char,
                triple.content.end_char,
                speaker[0].idx if speaker else None,
                speaker[-1].idx + len(speaker[-1].text) if speaker else None,
                " ".join(t.text for t in speaker) or None,
                "direct",
            )
        )
    return found


def _textacy_pipeline() -> Language | None:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return None
    import spacy

    from dossier import settings

    return spacy.load(settings.SPACY_MODEL)


def evaluate_polnear(
    folder: Path,
    on_item: Callable[[str], None] | None = None,
    nlp: Language | None = None,
    predictions: list[dict[str, Any]] | None = None,
    limit: int | None = None,
    baseline: bool = True,
) -> dict[str, Any]:
    """Score the quote stage on a PolNeAR split (see the module doc).

    predictions: a list to append one ``{"doc", "quotes"}`` record per text to.
    limit: score only the first ``limit`` texts. baseline: also run textacy when installed.
    """
    started = time.perf_counter()
    nlp = nlp or load_pipeline()
    texts = load_brat_folder(folder, limit)
    textacy_nlp = _textacy_pipeline() if baseline else None
    direct, every, base_direct, base_all = _Tally(), _Tally(), _Tally(), _Tally()
    failed = 0
    for item in texts:
        cleaned = clean_text(item.text, {})
        doc = run_document(nlp, cleaned.text, _polnear_date(item.name), item.name, cleaned.offsets)
        quotes = _doc_quotes(doc, cleaned.offsets, item.name, predictions)
        text = item.text

        def is_direct(quote: PredictedQuote, text: str = text) -> bool:
            return quote.kind == "direct" or _holds_mark(text, quote.start, quote.end)

        tallies = _polnear_tallies(item, _outermost(quotes), is_direct)
        direct.add(tallies[0])
        every.add(tallies[1])
        if textacy_nlp is not None:
            try:
                found = _textacy_quotes(textacy_nlp, item.text)
            except Exception:  # noqa: BLE001 - textacy raises on unbalanced marks; counted
                failed += 1
                found = []
            base = _polnear_tallies(item, found, lambda q: True)
            base_direct.add(base[0])
            base_all.add(base[1])
        if on_item is not None:
            on_item(item.name)
    result: dict[str, Any] = {
        "task": "quotes",
        "gold": str(folder),
        "format": "polnear",
        **direct.figures(),
        "direct": direct.figures(),
        "all": every.figures(),
        "documents": len(texts),
        "coverage": COVERAGE,
    }
    if textacy_nlp is not None:
        result["baseline"] = {
            "name": "textacy.extract.triples.direct_quotations",
            **base_direct.figures(),
            "direct": base_direct.figures(),
            "all": base_all.figures(),
            "failed": failed,
        }
    result["seconds"] = time.perf_counter() - started
    return result


def _polnear_date(name: str) -> str | None:
    match = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
    return match.group(1) if match else None


# --- dossier gold -------------------------------------------------------------------------------

KINDS = ("direct", "partial", "indirect", "belief")


def _names(joined: str | None) -> list[str]:
    return [s.strip() for s in (joined or "").split(";") if s.strip()]


def _same_name(names: ActorNames, a: str | None, b: str | None) -> bool:
    """The same actor, or, for a name the KB does not know, the same name in another
    transliteration ("Mark Feigin", "Mark Feygin"): the linker's own spelling fold, word by
    word, so a NIL speaker is not wrong for the spelling the text used."""
    if names.same(a, b):
        return True
    if not a or not b:
        return False
    folded = [" ".join(fold(w) for w in normalise_name(n).split()) for n in (a, b)]
    return folded[0] == folded[1]


def same_speakers(names: ActorNames, predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker names the gold one. Several predicted speakers (joined by
    "; ") must be the gold's set, each matched once; one predicted speaker must be the gold
    speaker or one of the gold's several."""
    said, wanted = _names(predicted), _names(gold)
    if len(said) <= 1:
        return any(_same_name(names, predicted, s) for s in wanted)
    if len(said) != len(wanted):
        return False
    left = list(wanted)
    for name in said:
        match = next((w for w in left if _same_name(names, name, w)), None)
        if match is None:
            return False
        left.remove(match)
    return True


def evaluate_dossier_gold(
    folder: Path,
    on_item: Callable[[str], None] | None = None,
    nlp: Language | None = None,
    predictions: list[dict[str, Any]] | None = None,
    kb_dir: str | None = None,
) -> dict[str, Any]:
    """Score the quote stage on a folder of dossier-format gold (see the module doc)."""
    started = time.perf_counter()
    nlp = nlp or load_pipeline(PipelineConfig(kb_dir=kb_dir))
    names = ActorNames(load_kb(kb_dir))
    groups = {"direct_partial": ("direct", "partial"), "all": (*KINDS, "hypothetical")}
    groups.update({kind: (kind,) for kind in (*KINDS, "hypothetical")})
    tallies = {name: _Tally() for name in groups}
    not_quotes = {"gold": 0, "reported": 0, "strings": []}
    documents = load_gold_folder(folder)
    for gold in documents:
        text = gold.record.text
        cleaned, doc = run_gold_document(nlp, gold, kb_dir)
        quotes = _doc_quotes(doc, cleaned.offsets, gold.name, predictions)
        words = Words(text)
        items = [
            _Gold(
                tuple(words.of([(o.start, o.end)]) for o in find_occurrences(text, q["text"])),
                frozenset(),
                q.get("speaker"),
                q.get("kind", ""),
                q.get("date"),
            )
            for q in gold.annotation.get("quotes") or []
        ]
        every = frozenset().union(*(o for g in items for o in g.occurrences))
        predicted = [(q, words.of([(q.start, q.end)])) for q in quotes]

        def speaker_right(item: _Gold, quote: PredictedQuote) -> bool:
            return same_speakers(names, quote.speaker, item.speaker)

        for name, kinds in groups.items():
            tallies[name].add(
                tally(
                    [g for g in items if g.kind in kinds],
                    every,
                    [(q, t) for q, t in predicted if q.kind in kinds],
                    speaker_right,
                )
            )
        speech = [t for q, t in predicted if q.kind in ("direct", "partial") and t]
        for string in gold.annotation.get("not_quotes") or []:
            not_quotes["gold"] += 1
            # An occurrence inside a gold quote ("long-term national interests" in Putin's
            # words) is that quote's, not the not-quote's.
            spans = [
                found
                for o in find_occurrences(text, string)
                for found in [words.of([(o.start, o.end)])]
                if not found <= every
            ]
            if any(len(s & t) >= COVERAGE * len(t) for s in spans if s for t in speech):
                not_quotes["reported"] += 1
                not_quotes["strings"].append({"doc": gold.name, "text": string})
        if on_item is not None:
            on_item(gold.name)
    return {
        "task": "quotes",
        "gold": str(folder),
        "format": "dossier",
        **tallies["direct_partial"].figures(),
        "direct_partial": tallies["direct_partial"].figures(),
        "all": tallies["all"].figures(),
        "direct": tallies["direct"].figures(),
        "per_kind": {k: tallies[k].figures() for k in (*KINDS, "hypothetical")},
        "not_quotes": not_quotes,
        "documents": len(documents),
        "coverage": COVERAGE,
        "seconds": time.perf_counter() - started,
    }


def evaluate_quotes(
    gold: Path,
    on_item: Callable[[str], None] | None = None,
    predictions_file: Path | None = None,
    kb_dir: str | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Score quotes on ``gold``: a PolNeAR split (``text/``, ``attributions/``) or a folder of
    dossier-format gold; with ``predictions_file``, write one JSON line per text there."""
    predictions: list[dict[str, Any]] = []
    if is_brat_folder(gold):
        nlp = load_pipeline(PipelineConfig(kb_dir=kb_dir))
        result = evaluate_polnear(gold, on_item, nlp, predictions, limit)
    else:
        result = evaluate_dossier_gold(gold, on_item, None, predictions, kb_dir)
    if predictions_file is not None:
        with predictions_file.open("w", encoding="utf-8") as out:
            for record in predictions:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return result
