"""Start-up time of the read commands, beside Python's own and spaCy's import, in one run.

    python bench/bench_startup.py [--db STORE] [--repeat 5]

Each command runs in a fresh interpreter, as a user runs it (``python -m dossier.cli ...``);
the figure is the median wall time of ``--repeat`` runs. Without ``--db`` a small SQLite store
is written to a temporary folder first (documents stored directly, no pipeline), so the figures
measure start-up and one small query, not the corpus.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dossier.model import Document, DocumentMeta
from dossier.store import Store

TEXTS = (
    "MOSCOW — Alexander Lukashenko and Vladimir Putin met in the Kremlin on Friday to discuss "
    "the Eurasian Economic Union.",
    "Kyrgyzstan joined the Eurasian Economic Union on Wednesday, officials in Bishkek said.",
    "Armenia became a member of the union a day after its treaty entered into force.",
)


def small_store(folder: Path) -> tuple[str, str]:
    """A SQLite store of a few documents in ``folder``, and the first one's id."""
    db = str(folder / "startup.db")
    documents = [
        Document.from_plain_text(
            text,
            f"bench/{n}.txt",
            DocumentMeta(title=f"Story {n}", date="2014-05-29", outlet="Steppe Wire"),
        )
        for n, text in enumerate(TEXTS)
    ]
    with Store.open(db) as store:
        store.add_documents([(document, None) for document in documents])
    return db, documents[0].doc_id


def wall_time(command: list[str], repeat: int) -> float:
    """Median seconds ``command`` takes, run ``repeat`` times; fails loudly if it fails."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store to query instead of a small temporary one")
    parser.add_argument("--doc", help="a document id (prefix) of --db for `show`")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (median)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db, doc_id = (args.db, args.doc) if args.db else small_store(Path(folder))
        if doc_id is None:
            with Store.open(db, read_only=True) as store:
                doc_id = store.document_ids()[0]
        python = [sys.executable]
        cli = [*python, "-m", "dossier.cli"]
        commands = {
            "python -c pass": [*python, "-c", "pass"],
            'python -c "import spacy"': [*python, "-c", "import spacy"],
            "dossier who": [*cli, "who", "President of Russia", "--on", "2011-11-18"],
            "dossier actor": [*cli, "actor", "Lukashenka", "--db", db],
            "dossier search": [*cli, "search", "eurasian", "--db", db],
            "dossier show": [*cli, "show", doc_id[:8], "--db", db],
        }
        print(f"median wall time of {args.repeat} runs each, {sys.executable}")
        baseline = None
        for name, command in commands.items():
            seconds = wall_time(command, args.repeat)
            baseline = baseline if baseline is not None else seconds
            print(f"{name:28s} {seconds:6.3f} s   ({seconds - baseline:+.3f} s over python)")


if __name__ == "__main__":
    main()
