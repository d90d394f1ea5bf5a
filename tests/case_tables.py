"""Golden case tables kept as data (``tests/cases/<name>.toml``): each table names the test's
arguments (``args``) and holds its ``rows``, each row a list of those arguments."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def _table(name: str, key: str) -> dict:
    return data(name)[key]


def table(name: str, key: str) -> list[tuple]:
    """The rows of the table ``key`` in ``tests/cases/<name>.toml``, as tuples."""
    return [tuple(row) for row in _table(name, key)["rows"]]


def case_rows(name: str, key: str) -> pytest.MarkDecorator:
    """A test parametrised by the table ``key`` in ``tests/cases/<name>.toml``."""
    return pytest.mark.parametrize(_table(name, key)["args"], table(name, key))


def data(name: str) -> dict:
    """All of ``tests/cases/<name>.toml``."""
    return tomllib.loads((CASES / f"{name}.toml").read_text(encoding="utf-8"))
