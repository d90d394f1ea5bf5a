"""A store that does not exist is refused, by name, by every command but ``ingest``: a mistyped
``--db`` is an error, never a new, empty store (nor the folders it would sit in)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.errors import DossierError, ErrorCode
from dossier.query import Dossier

runner = CliRunner()

#: Arguments each store command needs besides --db, to get as far as opening the store.
ARGUMENTS = {
    "show": ["36587b26"],
    "search": ["union"],
    "mentions": ["36587b26"],
    "times": ["36587b26"],
    "actor": ["Lukashenka"],
    "annotate": ["--quiet"],
    # The store is opened before the output folder is made, so this folder is never created.
    "export": ["--format", "jsonl", "--out", "never-written"],
    "report": ["Russia", "--format", "md"],
}


def _store_commands() -> list[str]:
    """Every command with a --db option, found from the CLI itself: none can be forgotten."""
    import typer.main

    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():
        if any("--db" in getattr(p, "opts", ()) for p in getattr(command, "params", ())):
            names.append(name)
    return names


STORE_COMMANDS = _store_commands()


def test_the_store_commands_were_found() -> None:
    assert {"ingest", "docs", "show", "search", "stats", "annotate", "actor"} <= set(STORE_COMMANDS)


@pytest.mark.parametrize("command", [c for c in STORE_COMMANDS if c != "ingest"])
def test_a_missing_store_is_refused_by_name_and_nothing_is_created(
    command: str, tmp_path: Path
) -> None:
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    result = runner.invoke(app, [command, *ARGUMENTS.get(command, []), "--db", str(missing)])
    assert result.exit_code == 2, result.output
    assert "S003" in result.stderr and str(missing) in result.stderr
    assert "dossier ingest creates one" in result.stderr
    assert not (tmp_path / "nonexistent").exists()
    assert not Path("never-written").exists(), "export made its folder for a missing store"


@pytest.mark.parametrize("command", ["stats", "annotate", "actor"])
def test_a_missing_store_named_by_the_environment_is_refused(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(
        app, [command, *ARGUMENTS.get(command, [])], env={"DOSSIER_DB": str(missing)}
    )
    assert result.exit_code == 2 and "S003" in result.stderr and str(missing) in result.stderr
    assert not missing.exists()


def test_only_ingest_creates_a_store(tmp_path: Path) -> None:
    text = tmp_path / "in" / "a.txt"
    text.parent.mkdir()
    text.write_text("Kyrgyzstan joined the Eurasian Economic Union on Wednesday.\n")
    db = tmp_path / "new" / "dossier.db"
    assert runner.invoke(app, ["annotate", "--db", str(db), "-q"]).exit_code == 2
    assert not db.parent.exists()
    result = runner.invoke(app, ["ingest", str(text.parent), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert db.is_file()
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0 and "documents" in stats.stdout


def test_the_query_api_refuses_to_annotate_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "none" / "x.db"
    with pytest.raises(DossierError) as raised:
        Dossier(str(missing)).annotate(workers=1)
    assert raised.value.code is ErrorCode.S003_NO_STORE and str(missing) in str(raised.value)
    assert not missing.parent.exists()
