"""Shared fixtures: a fresh store on each database, documents built without the pipeline, and
knowledge-base folders written from CSV text.

``store_url`` runs a test once on SQLite and once on PostgreSQL. The PostgreSQL run gets a
database of its own, created for the test and dropped after it, on the server named by
$DOSSIER_TEST_POSTGRES. Without a server the PostgreSQL runs are skipped, except under CI=true,
where they fail: a green CI run must mean they really ran.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from dossier.kb.loader import KnowledgeBase
from dossier.model import CleanedText, Document, DocumentMeta, OffsetMap, content_id
from dossier.store import database_url
from toy_kind import registered_toy_kind

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from spacy.language import Language

    from dossier.query import Dossier

POSTGRES_ENV = "DOSSIER_TEST_POSTGRES"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

_META_FIELDS = set(DocumentMeta.__dataclass_fields__)


@pytest.fixture(scope="session")
def postgres_server() -> URL:
    """The URL of a PostgreSQL server tests may create databases on; skips (fails in CI) if none."""
    url = database_url(os.environ.get(POSTGRES_ENV) or DEFAULT_POSTGRES)
    engine = create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        reason = (
            f"no PostgreSQL server answers at {url.render_as_string(hide_password=True)} "
            f"(set {POSTGRES_ENV}): {str(getattr(error, 'orig', error)).strip().splitlines()[0]}"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    finally:
        engine.dispose()
    return url


@pytest.fixture
def postgres_database(postgres_server: URL) -> Iterator[str]:
    """A URL to a new, empty PostgreSQL database, dropped after the test."""
    name = f"dossier_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield postgres_server.set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE ends connections a failing test left open, so the drop never hangs.
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where to open a fresh, empty store: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store" / "dossier.db")
    return request.getfixturevalue("postgres_database")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (``load_pipeline()``, built once and shared); a module that needs
    another configuration defines its own ``nlp``, which pytest prefers to this one. spaCy is
    imported here, not at the top, so tests that never ask for the pipeline do not load it."""
    from dossier.nlp import load_pipeline

    return load_pipeline()


WriteKb = Callable[[Path, dict[str, str]], Path]


@pytest.fixture(scope="session")
def write_kb() -> WriteKb:
    """A function that writes a knowledge-base folder: ``write_kb(folder, {kind: csv text})``
    creates ``folder`` and one ``kind.csv`` in it per entry, and returns ``folder``.

    Session-scoped, so module-scoped fixtures (a pipeline loaded once) can use it too.
    """

    def write(folder: Path, files: dict[str, str]) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for kind, body in files.items():
            (folder / f"{kind}.csv").write_text(body, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def kb_files() -> dict[str, str]:
    """The KB a module's tests read through ``kb_dir`` and ``kb``: {kind: csv text}. A module
    that uses them defines its own ``kb_files``."""
    pytest.fail("this module uses kb_dir or kb: define a kb_files fixture in it")


@pytest.fixture
def kb_dir(tmp_path: Path, write_kb: WriteKb, kb_files: dict[str, str]) -> Path:
    """A KB folder of the module's ``kb_files``."""
    return write_kb(tmp_path / "kb", kb_files)


@pytest.fixture
def kb(kb_dir: Path) -> KnowledgeBase:
    """The module's ``kb_files``, loaded and validated."""
    return KnowledgeBase.load(kb_dir)


@pytest.fixture
def toy_migrations(tmp_path: Path) -> Iterator[str]:
    """The migrations folder of a fact kind only the tests know (``toy_kind.ToyClaim``),
    registered while the test runs."""
    with registered_toy_kind(tmp_path / "toy_migrations") as folder:
        yield folder


MakeDocument = Callable[..., Document]


@pytest.fixture
def make_document() -> MakeDocument:
    """A factory for ``Document`` objects whose cleaned text is the original, unchanged.

    Call it as ``make_document(text, title=..., date=..., outlet=..., ...)``: keywords naming a
    ``DocumentMeta`` field go to the metadata; ``source_path``, ``story_id``, ``format``,
    ``external_id`` and ``encoding`` go to the document. The id is ``content_id(text)``.
    """

    def build(text: str, **fields: Any) -> Document:
        meta = {key: fields.pop(key) for key in list(fields) if key in _META_FIELDS}
        doc_id = content_id(text)
        fields.setdefault("source_path", f"corpus/{doc_id}.txt")
        fields.setdefault("format", "text")
        return Document(
            doc_id=doc_id,
            original_text=text,
            cleaned=CleanedText(text, OffsetMap.identity(len(text))),
            meta=DocumentMeta(**meta),
            **fields,
        )

    return build


# --- the bundled sample, stored once per session --------------------------------------------------

SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "sample" / "corpus"


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of the SQLite store at ``source`` (WAL included), at ``target``."""
    import sqlite3

    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    original.close()
    copy.close()
    return target


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample ingested into a SQLite store, as the README's first command leaves
    it before annotating. Shared by the session: commands that write get a copy
    (``copy_sample_store``)."""
    from dossier.query import Dossier

    path = tmp_path_factory.mktemp("sample") / "dossier.db"
    summary = Dossier(str(path)).ingest([str(SAMPLE_CORPUS)])
    assert summary.failed == 0 and summary.new > 0
    return path


@pytest.fixture(scope="session")
def annotated_sample_store(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store after ``dossier annotate``: what the README's first command leaves.
    Shared by the session, for commands that only read."""
    from dossier.query import Dossier

    path = copy_store(sample_store, tmp_path_factory.mktemp("annotated") / "dossier.db")
    summary = Dossier(str(path)).annotate(workers=1)
    assert summary.annotated > 0 and not summary.failures
    return path


#: An article whose title and text carry markup that would run if a page let it through: each
#: payload sets ``window.__dossier_pwned`` or opens a dialog. Its words are invented.
HOSTILE_ARTICLE = {
    "title": 'Minsk talks <script>window.__dossier_pwned = "title"; alert(1)</script>',
    "date": "2012-05-15",
    "source": "Test Wire <b>bold</b>",
    "text": (
        "MINSK — Vladimir Putin met Alexander Lukashenko in Minsk on Tuesday to discuss the "
        'customs code. <script>window.__dossier_pwned = "text"</script> '
        '"We will sign the protocol next month," Putin said. '
        "<img src=x onerror=\"window.__dossier_pwned = 'img'; alert(2)\"> "
        "Lukashenko said the delegations would meet again in June & agree on tariffs."
    ),
}


@pytest.fixture(scope="session")
def hostile_sample_store(
    annotated_sample_store: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The annotated sample plus ``HOSTILE_ARTICLE``, ingested from JSON lines and annotated:
    markup in a title, an outlet and a text, around real facts. Shared; read only."""
    import json

    from dossier.query import Dossier

    folder = tmp_path_factory.mktemp("hostile")
    path = copy_store(annotated_sample_store, folder / "dossier.db")
    source = folder / "hostile.jsonl"
    source.write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    dossier = Dossier(str(path))
    assert dossier.ingest([str(source)]).new == 1
    assert dossier.annotate(workers=1).annotated == 1
    return path


@pytest.fixture
def copy_sample_store(tmp_path: Path) -> Callable[[Path], Path]:
    """A factory: a private copy of a session store (``sample_store`` or
    ``annotated_sample_store``) that a test may write to."""
    count = 0

    def copy(source: Path) -> Path:
        nonlocal count
        count += 1
        return copy_store(source, tmp_path / f"copy{count}" / "dossier.db")

    return copy


# --- a session store opened by the API and the query layer ------------------------------------


@pytest.fixture(scope="module")
def served_store() -> Path:
    """The store a module's ``client`` serves and its ``dossier`` opens. A module that uses them
    defines its own ``served_store`` (module-scoped), naming one of the session stores."""
    pytest.fail("this module uses client or dossier: define a served_store fixture in it")


@pytest.fixture(scope="module")
def client(served_store: Path) -> Iterator[TestClient]:
    """The web app (REST API and UI) over the module's ``served_store``."""
    from fastapi.testclient import TestClient

    from dossier.api import ApiSettings, create_app

    with TestClient(create_app(ApiSettings(db=str(served_store)))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def dossier(served_store: Path) -> Iterator[Dossier]:
    """The query API opened on the module's ``served_store``."""
    from dossier.query import Dossier

    with Dossier(str(served_store)) as opened:
        yield opened


# --- hypothesis profiles ----------------------------------------------------------------------
# "ci" (chosen when CI=true) runs the same examples every time, so a red run reproduces; "dev"
# explores new ones. Both bound the examples and the time one may take, so the property and
# fuzz tests stay within seconds. HYPOTHESIS_PROFILE picks one outright.
hypothesis_settings.register_profile(
    "dev",
    max_examples=40,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "ci",
    parent=hypothesis_settings.get_profile("dev"),
    derandomize=True,
    database=None,
    print_blob=True,
)
# A long hunt for new failures, run by hand: HYPOTHESIS_PROFILE=thorough pytest tests/test_prop*
hypothesis_settings.register_profile(
    "thorough", parent=hypothesis_settings.get_profile("dev"), max_examples=1000, deadline=None
)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").lower() == "true" else "dev")
)
