"""The layout the README draws holds: stages import only what is upstream of them, only the
store speaks SQL, and no module grows past 600 lines (the linker's lexicon did, and was split)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "dossier"
MAX_LINES = 600
IMPORT = re.compile(r"^\s*(?:from|import) ([\w.]+)", re.M)


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    return set(IMPORT.findall(path.read_text(encoding="utf-8")))


def test_no_module_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(SRC)): lines
        for path in _modules(SRC)
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_only_the_store_imports_a_database_driver() -> None:
    drivers = ("sqlalchemy", "sqlite3", "psycopg")
    outside = {
        str(path.relative_to(SRC))
        for path in _modules(SRC)
        if "store" not in path.relative_to(SRC).parts
        and any(name.split(".")[0] in drivers for name in _imports(path))
    }
    assert outside == set()


@pytest.mark.parametrize("stage", ["extract", "ingest", "kb"])
def test_a_stage_imports_neither_the_store_nor_the_drivers_nor_the_faces(stage: str) -> None:
    downstream = ("dossier.store", "dossier.drivers", "dossier.query", "dossier.cli")
    reaching = {
        f"{path.relative_to(SRC)}: {name}"
        for path in _modules(SRC / stage)
        for name in _imports(path)
        if name.startswith(downstream)
    }
    assert reaching == set()
