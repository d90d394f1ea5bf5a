"""The article-extraction scorer: the shingle metric by hand, a tiny gold set, the shared gold."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dossier.errors import DossierError, ErrorCode
from dossier.evaluate.extract import (
    evaluate_extraction,
    load_gold,
    run_extraction,
    shingle_scores,
    shingles,
    tokenize,
)
from dossier.evaluate.metrics import PRF, f1_score

SHARED_GOLD = Path(__file__).parents[1].parent / "shared" / "gold" / "article_extraction"

# --- the metric ---------------------------------------------------------------------------------


def test_tokens_are_word_runs_with_case_kept() -> None:
    assert tokenize("Hello, world! It's 2019.") == ["Hello", "world", "It", "s", "2019"]


def test_identical_texts_score_one_and_match_exactly() -> None:
    text = "The council approved the tram line on Tuesday evening."
    assert shingle_scores(text, text) == (1.0, 1.0, True)


def test_punctuation_and_spacing_do_not_matter_but_case_does() -> None:
    assert shingle_scores("New York, the city;\n\nhere", "New York the city here") == (
        1.0,
        1.0,
        True,
    )
    precision, recall, exact = shingle_scores("new York the city here", "New York the city here")
    assert not exact
    assert (precision, recall) == (0.5, 0.5)  # "York the city here" is the one shared shingle


def test_disjoint_texts_score_zero() -> None:
    assert shingle_scores("one two three four five", "six seven eight nine ten") == (
        0.0,
        0.0,
        False,
    )


def test_partial_overlap_with_known_counts() -> None:
    # gold shingles: abcd bcdf; predicted: abcd bcde -> tp 1, fp 1, fn 1
    assert shingle_scores("a b c d e", "a b c d f") == (0.5, 0.5, False)
    # predicted has one extra word: tp 2 (abcd, bcde), fp 1 (cdef), fn 0
    precision, recall, exact = shingle_scores("a b c d e f", "a b c d e")
    assert (precision, recall, exact) == (pytest.approx(2 / 3), 1.0, False)
    # predicted misses the last word: tp 1, fp 0, fn 1
    assert shingle_scores("a b c d", "a b c d e") == (1.0, 0.5, False)


def test_shingles_are_a_multiset() -> None:
    assert shingles(["a", "b", "c", "d", "a", "b", "c", "d"])[("a", "b", "c", "d")] == 2
    # gold repeats its paragraph; a prediction with it once matches one copy of five shingles
    assert shingle_scores("a b c d", "a b c d a b c d") == (1.0, 0.2, False)
    # and a prediction that repeats it is charged for the copies the gold lacks
    precision, recall, _ = shingle_scores("a b c d a b c d", "a b c d")
    assert (precision, recall) == (0.2, 1.0)


def test_texts_shorter_than_a_shingle_are_one_shingle() -> None:
    assert shingles(["New", "York"]) == {("New", "York"): 1}
    assert shingle_scores("New York", "New York") == (1.0, 1.0, True)
    assert shingle_scores("New York", "Old York") == (0.0, 0.0, False)


def test_empty_gold_and_empty_prediction() -> None:
    # nothing spurious and nothing missed: both scores are 1
    assert shingle_scores("", "") == (1.0, 1.0, True)
    assert shingle_scores("", "  ...  ") == (1.0, 1.0, True)
    # anything predicted against an empty gold body is spurious
    assert shingle_scores("some words here now", "") == (0.0, 0.0, False)
    # an empty prediction finds nothing
    assert shingle_scores("", "some words here now") == (0.0, 0.0, False)


def test_prf_micro_and_macro() -> None:
    micro = PRF.from_counts(tp=3, fp=1, fn=3)
    assert (micro.precision, micro.recall, micro.n) == (0.75, 0.5, 6)
    assert micro.f1 == pytest.approx(0.6)
    assert PRF.from_counts(0, 0, 0).to_dict() == {
        "n": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    macro = PRF.macro([(1.0, 1.0), (0.5, 0.0)])
    assert (macro.precision, macro.recall, macro.n) == (0.75, 0.5, 2)
    assert macro.f1 == pytest.approx(f1_score(0.75, 0.5))
    assert PRF.macro([]).to_dict() == {"n": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert f1_score(0.0, 0.0) == 0.0


# --- a tiny gold set ----------------------------------------------------------------------------

ARTICLE = [
    "The harbour master closed the port on Monday morning after waves of more than six metres "
    "broke over the outer pier, tearing two fishing boats from their moorings.",
    "Ferry services to the islands will not resume before Thursday, the operator said, and "
    "travellers were advised to postpone any journey that was not strictly necessary.",
]

PAGE = (
    "<!DOCTYPE html><html><head><title>Storm closes harbour | Coastal Times</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
    "<article><h1>Storm closes harbour</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE)
    + "<p>Read more: Ferry timetable for the winter</p></article></body></html>"
)

NO_ARTICLE = "<html><body><nav><a href='/'>Home</a></nav></body></html>"


def make_gold(root: Path, pages: dict[str, tuple[str, str]], *, compress: bool = True) -> Path:
    """A gold directory in the benchmark's layout: ``{id: (html, gold body)}``."""
    (root / "html").mkdir(parents=True)
    truth = {}
    for doc_id, (html, body) in pages.items():
        if compress:
            (root / "html" / f"{doc_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        else:
            (root / "html" / f"{doc_id}.html").write_text(html, encoding="utf-8")
        truth[doc_id] = {"articleBody": body, "url": f"https://example.com/{doc_id}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_evaluate_extraction_on_a_tiny_gold_set(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path / "gold",
        {"a-good": (PAGE, "\n\n".join(ARTICLE)), "b-empty": (NO_ARTICLE, "Some gold text.")},
    )
    seen: list[str] = []
    advanced: list[int] = []
    result = evaluate_extraction(gold, progress=advanced.append, on_item=seen.append)
    assert seen == ["a-good", "b-empty"]
    assert advanced == [1, 1]
    assert result["task"] == "extract"
    assert result["gold"] == str(gold)
    assert result["n"] == 2
    # the good page is exact; the page with no article counts as an empty prediction
    assert (result["precision"], result["recall"], result["accuracy"]) == (0.5, 0.5, 0.5)
    assert result["f1"] == pytest.approx(0.5)
    assert result["seconds"] >= 0
    baseline = result["baseline"]
    assert set(baseline) == {"n", "precision", "recall", "f1", "accuracy", "seconds"}
    assert baseline["n"] == 2
    # plain trafilatura keeps the headline and the "Read more" line on the good page
    assert baseline["precision"] < result["precision"]


def test_per_page_scores_and_errors(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path / "gold",
        {"a-good": (PAGE, "\n".join(ARTICLE)), "b-empty": (NO_ARTICLE, "Some gold text.")},
        compress=False,
    )
    ours, baseline = run_extraction(gold)
    good, empty = ours.pages
    assert (good.doc_id, good.url, good.exact, good.error) == (
        "a-good",
        "https://example.com/a-good",
        True,
        None,
    )
    assert empty.error is not None and empty.error.startswith("[R007]")
    assert (empty.precision, empty.recall) == (0.0, 0.0)
    assert [p.doc_id for p in baseline.pages] == ["a-good", "b-empty"]


def test_bad_gold_directory_is_e001(tmp_path: Path) -> None:
    with pytest.raises(DossierError) as caught:
        evaluate_extraction(tmp_path / "missing")
    assert caught.value.code is ErrorCode.E001_BAD_GOLD

    broken = tmp_path / "broken"
    (broken / "html").mkdir(parents=True)
    (broken / "ground-truth.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DossierError) as caught:
        load_gold(broken)
    assert caught.value.code is ErrorCode.E001_BAD_GOLD

    lacking = make_gold(tmp_path / "lacking", {"a": (PAGE, "body")})
    (lacking / "html" / "a.html.gz").unlink()
    with pytest.raises(DossierError, match=r"\[E001\].*no page for a"):
        load_gold(lacking)

    truncated = make_gold(tmp_path / "truncated", {"a": (PAGE, "body")})
    (truncated / "html" / "a.html.gz").write_bytes(gzip.compress(PAGE.encode())[:20])
    with pytest.raises(DossierError) as caught:
        load_gold(truncated)
    assert caught.value.code is ErrorCode.E001_BAD_GOLD


# --- the shared gold ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_result() -> dict:
    if not (SHARED_GOLD / "ground-truth.json").is_file():
        pytest.skip(f"{SHARED_GOLD} is not available")
    return evaluate_extraction(SHARED_GOLD)


@pytest.mark.shared
def test_shared_gold_f1_at_least_095(shared_result: dict) -> None:
    assert shared_result["n"] == len(json.loads((SHARED_GOLD / "ground-truth.json").read_text()))
    assert shared_result["f1"] >= 0.95, shared_result


@pytest.mark.shared
def test_shared_gold_beats_plain_trafilatura(shared_result: dict) -> None:
    assert shared_result["f1"] >= shared_result["baseline"]["f1"], shared_result
    assert shared_result["precision"] >= shared_result["baseline"]["precision"], shared_result
