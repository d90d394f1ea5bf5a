"""How long the event merging stage takes: reading every stored event, merging, writing.

Issue 11 asks for a corpus-level merging stage fast on the whole shared corpus. Two ways to
measure it:

    python bench/bench_event_merging.py --db dossier.db          # a real, annotated store
    python bench/bench_event_merging.py --synthetic 100000       # invented events, fresh SQLite

``--db`` merges the store's events again (forced; the store is written). ``--synthetic N``
stores N invented event reports (six types, sixty actors, dates over ten years, three reports
a document, one in ten documents a copy of another's story) and merges them. Prints one JSON
line: reports, merged events, events told by several documents, and seconds (read, merge,
write, all).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from dossier.drivers.events import link_events
from dossier.extract.merge_events import merge_events
from dossier.model import (
    CleanedText,
    Document,
    DocumentFacts,
    DocumentMeta,
    Event,
    EventActor,
    OffsetMap,
    Provenance,
    content_id,
)
from dossier.store import Store

TYPES = ("AGREE", "CONSULT", "SANCTION", "REQUEST", "ACCUSE", "THREATEN")


def fill(store: Store, reports: int, seed: int = 11) -> None:
    """Store ``reports`` invented event reports, three a document."""
    pick = random.Random(seed)
    actors = [EventActor(f"Actor {n}", f"gov:X{n:02d}", f"X{n:02d}") for n in range(60)]
    documents = []
    for number in range(reports // 3):
        text = f"Invented report number {number}: one signed, one met, one warned."
        doc_id = content_id(text)
        story = (
            documents[pick.randrange(len(documents))].doc_id
            if documents and pick.random() < 0.1
            else doc_id
        )
        meta = DocumentMeta(
            date=f"{pick.randint(2005, 2015)}-01-01", outlet=f"Outlet {number % 40}"
        )
        cleaned = CleanedText(text, OffsetMap.identity(len(text)))
        documents.append(
            Document(doc_id, f"bench/{number}.txt", "text", text, cleaned, meta, story_id=story)
        )
    store.add_documents([(document, None) for document in documents])
    for document in documents:
        found = []
        for position in range(3):
            date = f"{pick.randint(2005, 2015)}-{pick.randint(1, 12):02d}-{pick.randint(1, 28):02d}"
            start = position * 10
            provenance = Provenance(
                document.doc_id, start, start + 5, start, start + 5, 0, "dossier_events", "1"
            )
            found.append(
                Event(
                    "word", start, start + 5, pick.choice(TYPES),
                    source=(pick.choice(actors),), target=(pick.choice(actors),),
                    date=date if pick.random() < 0.9 else None, provenance=provenance,
                )
            )  # fmt: skip
        store.write_facts(DocumentFacts(document.doc_id, {"dossier_events": "1"}, tuple(found)))


def measure(store: Store) -> dict[str, float | int]:
    started = time.perf_counter()
    reports = store.event_reports()
    read = time.perf_counter()
    merged = merge_events(reports)
    grouped = time.perf_counter()
    store.replace_merged_events(merged)
    written = time.perf_counter()
    again = link_events(store)  # up to date now: only the check runs
    return {
        "reports": len(reports),
        "events": len(merged),
        "repeated": sum(len(event.documents) > 1 for event in merged),
        "read_s": round(read - started, 2),
        "merge_s": round(grouped - read, 2),
        "write_s": round(written - grouped, 2),
        "all_s": round(written - started, 2),
        "up_to_date": again is None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="an annotated store (SQLite path or PostgreSQL URL)")
    where.add_argument("--synthetic", type=int, help="invented reports in a fresh SQLite store")
    options = parser.parse_args()
    if options.db:
        with Store.open(options.db) as store:
            print(json.dumps(measure(store)))
        return
    with tempfile.TemporaryDirectory() as folder, Store.open(str(Path(folder) / "b.db")) as store:
        fill(store, options.synthetic)
        print(json.dumps(measure(store)))


if __name__ == "__main__":
    sys.exit(main())
