"""Every example a user is shown runs as written: each ``dossier ...`` line of the README and
the example ending each command's ``--help``, on the sample store the README's first command
builds (``./dossier.db`` from ``sample/corpus``, annotated).

Each example runs from the repository root, as the README's commands do. Only where it writes
is redirected: the store it names (``--db``, or $DOSSIER_DB when it names none) is the sample
store, a private copy of it for ``ingest`` and ``annotate``; an ``--out`` folder is a temporary
one. Examples reading ../shared run when it is there and skip when it is not.

And the README says plainly what works today and what is planned, naming no command that does
not exist.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
SHARED = REPO.parent / "shared"
runner = CliRunner()

#: Commands that write to the store they are given: they get a copy of the sample store.
WRITERS = ("ingest", "annotate")
#: Options naming a place an example writes to, and what the test gives instead.
REDIRECTED = ("--db", "--out")
#: Output that means an example found nothing: an example must show something.
HOLLOW = (
    "no document matches",
    " 0 documents",
    "0 stories with copies",
    "no mentions",
    "no time expressions",
    "no sentences",
    "not annotated",
    "no stored mention",
    "no store at",
    "no event matches",
    "no stance matches",
)


def _command_tree() -> dict[tuple[str, ...], object]:
    """Every command of the CLI by its path (("kb", "check"), ...), found by walking the groups."""
    import typer.main

    found: dict[tuple[str, ...], object] = {}

    def walk(command: object, path: tuple[str, ...]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, (*path, name))
        else:
            found[path] = command

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = _command_tree()
GROUPS = {path[0] for path in COMMANDS if len(path) > 1}


def readme_examples() -> list[str]:
    """The ``dossier ...`` lines of the README's shell blocks, comments dropped."""
    text = README.read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            if line.startswith("dossier "):
                lines.append(shlex.join(shlex.split(line, comments=True)))
    return lines


def help_examples() -> list[str]:
    """The example ending each command's --help."""
    examples = []
    for path, command in COMMANDS.items():
        epilog = getattr(command, "epilog", None) or ""
        match = re.search(r"Example: (dossier .*)", epilog, flags=re.S)
        assert match, f"dossier {' '.join(path)} --help has no example"
        examples.append(" ".join(match.group(1).split()))
    return examples


def _examples() -> list[pytest.param]:
    found = {}
    for source, lines in (("README", readme_examples()), ("--help", help_examples())):
        for line in lines:
            found.setdefault(shlex.join(shlex.split(line)), source)
    params = []
    for line, source in found.items():
        marks = [pytest.mark.shared] if "../shared" in line else []
        params.append(pytest.param(line, id=f"{source}: {line}", marks=marks))
    return params


EXAMPLES = _examples()


def test_the_examples_were_found() -> None:
    lines = [param.values[0] for param in EXAMPLES]
    assert len(readme_examples()) >= 20 and len(help_examples()) == len(COMMANDS) >= 15
    # every command appears in at least one example
    for path in COMMANDS:
        assert any(line.startswith(f"dossier {' '.join(path)}") for line in lines), path


def _redirect(args: list[str], option: str, value: str) -> list[str]:
    """``args`` with the value of ``option`` (``--db x`` or ``--db=x``) replaced by ``value``."""
    out: list[str] = []
    skip = False
    for index, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg == option and index + 1 < len(args):
            out += [option, value]
            skip = True
        elif arg.startswith(f"{option}="):
            out.append(f"{option}={value}")
        else:
            out.append(arg)
    return out


@pytest.mark.parametrize("line", EXAMPLES)
def test_example_runs_as_written(
    line: str,
    sample_store: Path,
    annotated_sample_store: Path,
    copy_sample_store: Callable[[Path], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = shlex.split(line)[1:]
    if "../shared" in line and not SHARED.is_dir():
        pytest.skip("../shared is absent")
    store = copy_sample_store(sample_store) if args[0] in WRITERS else annotated_sample_store
    args = _redirect(args, "--db", str(store))
    args = _redirect(args, "--out", str(tmp_path / "out"))
    monkeypatch.chdir(REPO)
    if args[0] == "serve":  # the example starts up to listening, and is not left serving
        import uvicorn

        monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    result = runner.invoke(app, args, env={"DOSSIER_DB": str(store)})
    assert result.exit_code == 0, f"{line}\n{result.stdout}\n{result.stderr}"
    shown = " ".join(result.stdout.split())
    assert len(shown) > 40, f"{line} printed next to nothing: {result.stdout!r}"
    hollow = [phrase for phrase in HOLLOW if phrase in f" {shown}"]
    assert not hollow, f"{line} found nothing ({hollow}):\n{result.stdout}"


# --- what works today, and what is planned --------------------------------------------------------

SECTION = "## What works today, and what is planned"
#: The capabilities the README's first paragraph promises and no command provides yet, with the
#: issue that builds each, and the words its row must use. When one lands, its row moves up.
PLANNED: dict[int, str] = {}


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    assert SECTION in text, "the README does not say what works today and what is planned"
    body = text.split(SECTION, 1)[1]
    return body.split("\n## ", 1)[0]


def test_readme_says_what_works_today_and_what_is_planned() -> None:
    rows = [line for line in _section().splitlines() if line.startswith("|")]
    for issue, words in PLANNED.items():
        row = next((r for r in rows if f"planned (issue {issue})" in r), None)
        assert row is not None, f"no planned row for issue {issue}"
        assert words in row and "not built yet" in row
    today = [r for r in rows if r.startswith("| works today")]
    assert today
    for row in today:
        named = re.findall(r"`(?:dossier )?([a-z]+(?: [a-z]+)?)`", row)
        assert named, row
        for name in named:
            path = tuple(name.split())
            assert path in COMMANDS or path[:1] in COMMANDS or path[0] in GROUPS, (
                f"the README says `{name}` works today; no such command"
            )


def test_readme_claims_no_command_that_does_not_exist() -> None:
    text = README.read_text(encoding="utf-8")
    code = re.findall(r"```.*?```", text, flags=re.S) + re.findall(r"`[^`\n]+`", text)
    claimed = set()
    for snippet in code:
        for first, second in re.findall(
            r"(?:^|[\s`])dossier ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?", snippet
        ):
            claimed.add((first, second) if first in GROUPS else (first,))
    assert len(claimed) >= 10
    unknown = sorted(" ".join(c) for c in claimed if c not in COMMANDS and c[0] not in GROUPS)
    assert not unknown, f"the README shows commands that do not exist: {unknown}"
