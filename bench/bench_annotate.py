"""Annotation throughput: dossier's pipeline against spaCy alone, on the same texts, same run.

The baseline is spaCy's English pipeline (without the lemmatizer, as dossier loads it); dossier
adds its NER repairs, the KB ruler and the linker. Both read each document at its own date.

    python bench/bench_annotate.py                 # 200 AllSides articles from ../shared
    python bench/bench_annotate.py --limit 500 --corpus FILE.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from spacy.language import Language

from dossier.ingest.clean import clean_text
from dossier.nlp import build_pipeline

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "allsides"
    / "allsides_eurasia.jsonl"
)


def load_texts(corpus: Path, limit: int) -> list[tuple[str, str | None]]:
    """(cleaned text, date) of the first ``limit`` records."""
    texts = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts.append((clean_text(record["text"], record).text, record.get("date")))
            if len(texts) >= limit:
                break
    return texts


def run(nlp: Language, texts: list[tuple[str, str | None]]) -> tuple[float, int]:
    """Seconds to annotate ``texts`` and the number of mentions (entities for the baseline)."""
    docs = []
    for text, date in texts:
        doc = nlp.make_doc(text)
        if doc.has_extension("dossier_date"):
            doc._.dossier_date = date
        docs.append(doc)
    started = time.perf_counter()
    found = 0
    for doc in nlp.pipe(docs, batch_size=16):
        mentions = doc._.dossier_mentions if doc.has_extension("dossier_mentions") else None
        found += len(mentions) if mentions is not None else len(doc.ents)
    return time.perf_counter() - started, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (is ../shared beside the repo?)", file=sys.stderr)
        return 2
    texts = load_texts(args.corpus, args.limit)
    words = sum(len(text.split()) for text, _ in texts)
    baseline = build_pipeline(components=())
    dossier = build_pipeline()
    run(dossier, texts[:5])  # load the KB and warm both pipelines before timing
    run(baseline, texts[:5])
    base_seconds, entities = run(baseline, texts)
    seconds, mentions = run(dossier, texts)
    print(f"corpus: {args.corpus} ({len(texts)} documents, {words} words)")
    print(
        f"baseline spaCy alone: {words / base_seconds:8.0f} words/s  {base_seconds:6.1f} s  "
        f"{entities} entities"
    )
    print(
        f"dossier pipeline:     {words / seconds:8.0f} words/s  {seconds:6.1f} s  "
        f"{mentions} mentions"
    )
    print(f"ratio dossier/baseline speed: {base_seconds / seconds:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
