"""Scores dossier's HTML reader on an article-body benchmark (Zyte's article-extraction layout).

The gold directory holds ``ground-truth.json`` (``{id: {"articleBody": str, "url": str}}``) and
``html/<id>.html.gz`` (or ``.html``). A prediction is compared with the gold body by 4-word
shingles: both texts are cut into ``\\w+`` tokens, every run of four consecutive tokens is one
shingle, and the two multisets are matched. Each page gets a precision and a recall; they are
averaged over pages and F1 is taken from the averages, so a short page weighs as much as a long
one. Accuracy is the share of pages whose token lists match exactly.

Every run also scores plain ``trafilatura.extract`` with its defaults on the same pages, so a
report always shows whether dossier's settings still beat the library they wrap.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

from dossier.errors import DossierError, ErrorCode
from dossier.evaluate.metrics import PRF
from dossier.ingest.html import extract_article

#: Words per shingle, as in the benchmark's own evaluator.
SHINGLE_SIZE = 4

_TOKEN = re.compile(r"\w+")


def tokenize(text: str) -> list[str]:
    """The benchmark's tokens: maximal runs of word characters, case kept."""
    return _TOKEN.findall(text)


def shingles(tokens: list[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token windows.

    A text shorter than ``size`` tokens is one shorter shingle, so a two-word prediction can still
    match a two-word gold body instead of both vanishing.
    """
    if not tokens:
        return Counter()
    last = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(last))


def shingle_scores(predicted: str, gold: str) -> tuple[float, float, bool]:
    """Precision, recall and exact token match of one prediction against its gold body.

    tp, fp and fn count shingles with multiplicity (a repeated paragraph only matches as often
    as the gold repeats it). When nothing is spurious and nothing is missed, both scores are 1;
    that includes an empty prediction for an empty gold body.
    """
    predicted_tokens = tokenize(predicted)
    gold_tokens = tokenize(gold)
    pred = shingles(predicted_tokens)
    true = shingles(gold_tokens)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    scores = PRF.from_counts(tp, fp, fn)
    return scores.precision, scores.recall, predicted_tokens == gold_tokens


@dataclass(frozen=True)
class GoldPage:
    doc_id: str
    url: str | None
    html: str
    body: str


@dataclass(frozen=True)
class PageScore:
    """One page scored for one extractor; ``error`` is set when the extractor raised."""

    doc_id: str
    url: str | None
    precision: float
    recall: float
    exact: bool
    seconds: float
    error: str | None = None


@dataclass
class ExtractorRun:
    """All pages scored for one extractor."""

    pages: list[PageScore] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        scores = PRF.macro((p.precision, p.recall) for p in self.pages)
        n = len(self.pages)
        accuracy = sum(p.exact for p in self.pages) / n if n else 0.0
        seconds = sum(p.seconds for p in self.pages)
        return {**scores.to_dict(), "accuracy": accuracy, "seconds": round(seconds, 3)}


def _read_page(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    # trafilatura's own decoder honours the page's declared charset and falls back to detection,
    # which is what a crawler that saved raw bytes needs.
    return decode_file(data)


def load_gold(gold_dir: Path) -> list[GoldPage]:
    """The benchmark's pages with their gold bodies, in id order.

    Raises ``E001_BAD_GOLD`` when the directory, the ground truth or any of its pages is missing
    or unreadable: a partial gold set would give scores that cannot be compared with others.
    """
    gold_dir = Path(gold_dir)
    truth_file = gold_dir / "ground-truth.json"
    html_dir = gold_dir / "html"
    if not truth_file.is_file() or not html_dir.is_dir():
        raise DossierError(
            ErrorCode.E001_BAD_GOLD,
            f"{gold_dir}: expected ground-truth.json and an html/ directory",
        )
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{truth_file}: {exc}") from exc
    if not isinstance(truth, dict) or not truth:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{truth_file}: no documents")
    pages: list[GoldPage] = []
    for doc_id in sorted(truth):
        entry = truth[doc_id]
        if not isinstance(entry, dict) or not isinstance(entry.get("articleBody"), str):
            detail = f"{truth_file}: {doc_id} has no articleBody"
            raise DossierError(ErrorCode.E001_BAD_GOLD, detail)
        candidates = [html_dir / f"{doc_id}.html.gz", html_dir / f"{doc_id}.html"]
        path = next((c for c in candidates if c.is_file()), None)
        if path is None:
            raise DossierError(ErrorCode.E001_BAD_GOLD, f"{html_dir}: no page for {doc_id}")
        try:
            html = _read_page(path)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise DossierError(ErrorCode.E001_BAD_GOLD, f"{path}: {exc}") from exc
        pages.append(GoldPage(doc_id, entry.get("url"), html, entry["articleBody"]))
    return pages


def _dossier_text(page: GoldPage) -> str:
    text, _meta = extract_article(page.html, page.url)
    return text


def _baseline_text(page: GoldPage) -> str:
    # Deliberately no options and no URL: the reference is trafilatura as a newcomer would call it.
    return trafilatura.extract(page.html) or ""


def _score(page: GoldPage, extractor: Callable[[GoldPage], str]) -> PageScore:
    error = None
    started = time.perf_counter()
    try:
        predicted = extractor(page)
    except DossierError as exc:
        # A page the reader refuses is scored as an empty prediction, not skipped.
        predicted, error = "", str(exc)
    except Exception as exc:  # a crash on one page must not end the run; it scores as empty
        predicted, error = "", f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - started
    precision, recall, exact = shingle_scores(predicted, page.body)
    return PageScore(page.doc_id, page.url, precision, recall, exact, seconds, error)


def run_extraction(
    gold_dir: Path,
    progress: Callable[[int], None] | None = None,
    on_item: Callable[[str], None] | None = None,
) -> tuple[ExtractorRun, ExtractorRun]:
    """Per-page scores of dossier's reader and of the plain-trafilatura baseline.

    After each page (both extractors), ``progress(1)`` and ``on_item(doc_id)`` are called when
    given, so a caller can drive a progress bar sized by ``len(load_gold(gold_dir))``.
    """
    pages = load_gold(gold_dir)
    ours, baseline = ExtractorRun(), ExtractorRun()
    for page in pages:
        ours.pages.append(_score(page, _dossier_text))
        baseline.pages.append(_score(page, _baseline_text))
        if progress is not None:
            progress(1)
        if on_item is not None:
            on_item(page.doc_id)
    return ours, baseline


def evaluate_extraction(
    gold_dir: Path,
    progress: Callable[[int], None] | None = None,
    on_item: Callable[[str], None] | None = None,
) -> dict:
    """Scores of dossier's HTML reader on ``gold_dir``, with the plain-trafilatura baseline.

    For per-page scores use ``run_extraction``.
    """
    ours, baseline = run_extraction(gold_dir, progress=progress, on_item=on_item)
    return {
        "task": "extract",
        "gold": str(gold_dir),
        **ours.summary(),
        "baseline": baseline.summary(),
    }


def page_scores(run: ExtractorRun) -> list[dict]:
    """Plain-dict rows of a run's per-page scores, for JSON reports."""
    return [asdict(p) for p in run.pages]
