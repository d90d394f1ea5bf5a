"""A read command starts light: ``who``, ``actor``, ``search`` and ``show`` import neither spaCy
(nor thinc), nor datasketch (nor scipy), nor Alembic. Each runs in a fresh interpreter, as a
user runs it, and reports what it imported."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.model import Document
from dossier.store import Store

HEAVY = ("spacy", "thinc", "datasketch", "scipy", "alembic", "dask", "distributed")
MARKER = "MODULES:"

# Runs the CLI as `dossier` would, then prints the top-level modules it imported.
_RUN_THEN_LIST_MODULES = f"""
import sys
from dossier.cli import app

try:
    app(args=sys.argv[1:], prog_name="dossier")
except SystemExit as exit:
    code = exit.code
else:
    code = 0
print()
print({MARKER!r}, " ".join(sorted({{name.split(".")[0] for name in sys.modules}})))
sys.exit(code)
"""


@pytest.fixture
def store_with_documents(tmp_path: Path, make_document: Callable[..., Document]) -> tuple[str, str]:
    """A SQLite store of two documents (written directly, no pipeline), and one document's id."""
    db = str(tmp_path / "small.db")
    documents = [
        make_document(
            "MOSCOW — Alexander Lukashenko and Vladimir Putin signed the Eurasian Economic Union "
            "treaty in Astana on Thursday.",
            title="Treaty signed",
            date="2014-05-29",
            outlet="Steppe Wire",
        ),
        make_document("Kyrgyzstan joined the Eurasian Economic Union.", date="2015-08-12"),
    ]
    with Store.open(db) as store:
        store.add_documents([(document, None) for document in documents])
    return db, documents[0].doc_id


def _run(*args: str) -> tuple[int, str, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _RUN_THEN_LIST_MODULES, *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output, _, modules = result.stdout.rpartition(MARKER)
    return result.returncode, output + result.stderr, set(modules.split())


@pytest.mark.parametrize("command", ["who", "actor", "search", "show"])
def test_a_read_command_imports_no_pipeline_and_no_migrations(
    command: str, store_with_documents: tuple[str, str]
) -> None:
    db, doc_id = store_with_documents
    args = {
        "who": ["who", "President of Russia", "--on", "2011-11-18"],
        "actor": ["actor", "Lukashenka", "--db", db],
        "search": ["search", "eurasian", "--db", db],
        "show": ["show", doc_id[:8], "--db", db],
    }[command]
    code, output, modules = _run(*args)
    assert code == 0, output
    assert modules, output  # the wrapper ran to its end
    assert {"dossier", "typer"} <= modules
    assert not modules & set(HEAVY), f"{command} imported {sorted(modules & set(HEAVY))}"
    expected = {
        "who": "Dmitry Medvedev",
        "actor": "Alexander Lukashenko",
        "search": "Treaty signed",
        "show": "Steppe Wire",
    }[command]
    assert expected in output
