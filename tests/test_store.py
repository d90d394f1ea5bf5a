"""The store on SQLite and PostgreSQL: what goes in comes out, search, and consistency."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import insert, text, update
from sqlalchemy.exc import SQLAlchemyError

from dossier.errors import DossierError, ErrorCode
from dossier.model import (
    CleanedText,
    Document,
    DocumentMeta,
    OffsetMap,
    ReadFailure,
    RemovedSpan,
    content_id,
)
from dossier.store import Store, alembic_config
from dossier.store.engine import migration_revisions
from dossier.store.reads import DUPLICATE_COLUMNS, LIST_COLUMNS
from dossier.store.records import DocumentSummary, SearchHit, StoryCopy
from dossier.store.schema import Base, autogenerate_includes, ingest_runs
from dossier.store.search import SEARCH_COLUMNS, quote_fts5_terms

VOLCANO_TITLE = "Volcano erupts in Iceland"
VOLCANO_BODY = (
    "The volcano erupted on Sunday. Ash from the volcano closed airports across the north, "
    "and scientists said the volcano could keep erupting for weeks."
)
LONG_BODY = (
    "Ministers met in Brussels to discuss the budget, fishing quotas and rail links. "
    "One official mentioned the volcano only in passing, then returned to the budget. "
    + "The talks went on late into the night and resumed on Monday morning. "
    * 8
)
UNRELATED_BODY = "The customs union between Russia, Belarus and Kazakhstan began work in 2010."


@pytest.fixture
def store(store_url: str):
    with Store.open(store_url) as opened:
        yield opened


def _document_with_removed_spans() -> Document:
    original = " date 2012-03-05 MOSCOW Talks resumed.\n\nPhoto: AP\nOfficials met again."
    caption = original.index("Photo")
    removed = [
        RemovedSpan(0, original.index("MOSCOW"), "date-line"),
        RemovedSpan(caption, original.index("Officials"), "caption"),
    ]
    offsets = OffsetMap.from_removed(len(original), removed)
    kept = "".join(original[o : o + n] for _, o, n in offsets.segments)
    return Document(
        doc_id=content_id(original),
        source_path="feeds/wire.jsonl#L7",
        format="jsonl",
        original_text=original,
        cleaned=CleanedText(kept, offsets, tuple(removed)),
        meta=DocumentMeta(
            title="Talks resume",
            url="https://example.org/talks",
            date="2012-03",
            date_source="estimated",
            date_note="month named in the lead",
            dateline="MOSCOW",
            outlet="Steppe Wire",
            author="A. Writer",
            author_note="staff",
            language="en",
            genre="news",
        ),
        story_id="0123456789abcdef",
        external_id="wire-7",
        encoding="cp1251",
    )


def test_a_document_comes_back_exactly_as_stored(store: Store) -> None:
    document = _document_with_removed_spans()
    store.add_documents([(document, b"\x01\x02\x03\x00")])

    assert store.get_document(document.doc_id) == document
    back = store.get_document(document.doc_id)
    assert back.meta.date_is_estimated
    assert back.cleaned.offsets.to_original(0) == 17
    assert back.cleaned.removed[1].reason == "caption"
    assert store.get_sources(document.doc_id) == ["feeds/wire.jsonl#L7"]
    assert store.load_signatures() == [(document.doc_id, "0123456789abcdef", b"\x01\x02\x03\x00")]
    assert store.has_document(document.doc_id)
    assert not store.has_document("ffffffffffffffff")
    assert store.known_ids([document.doc_id, "ffffffffffffffff"]) == {document.doc_id}


def test_a_plain_text_document_is_its_own_cleaned_text_and_comes_back(store: Store) -> None:
    text = "The envoy left Bishkek on Tuesday.\nTalks resume in May."
    document = Document.from_plain_text(text, "notes/envoy.txt", DocumentMeta(title="Envoy"))
    assert document.doc_id == content_id(text)
    assert document.clean_text == document.original_text == text
    assert document.cleaned.offsets.to_original(len(text) - 1) == len(text) - 1
    store.add_documents([(document, None)])
    back = store.get_document(document.doc_id)
    assert (back.clean_text, back.original_text, back.meta.title) == (text, text, "Envoy")
    assert store.get_sources(document.doc_id) == ["notes/envoy.txt"]


def test_nul_characters_are_stored_as_replacement_characters(store: Store, make_document) -> None:
    # PostgreSQL cannot hold NUL in text; both stores keep one character per NUL instead, so
    # offsets into the text still hold.
    document = make_document(
        "Broken\x00 bytes in a wire story.", title="Nul\x00", source_path="a\x00b"
    )
    store.add_documents([(document, None)])
    back = store.get_document(document.doc_id)
    assert back.clean_text == "Broken\ufffd bytes in a wire story."
    assert len(back.original_text) == len(document.original_text)
    assert back.meta.title == "Nul\ufffd"
    assert store.get_sources(document.doc_id) == ["a\ufffdb"]
    assert _ids(store.search("broken")) == [document.doc_id]


def test_a_document_without_story_is_its_own_story(store: Store, make_document) -> None:
    document = make_document("A lone article about grain exports.")
    store.add_documents([(document, None)])
    assert store.get_document(document.doc_id).story_id == document.doc_id
    assert store.load_signatures() == []  # no signature, nothing to index


def test_adding_again_only_adds_the_new_source_path(store: Store, make_document) -> None:
    first = make_document("Grain exports rose in May.", source_path="a/one.txt", title="Grain")
    store.add_documents([(first, None)])
    store.add_documents([(first, None)])  # the same copy again: nothing changes
    copy = replace(first, source_path="b/two.txt", meta=replace(first.meta, title="Other"))
    store.add_documents([(copy, b"sig"), (copy, b"sig")])  # and twice in one batch
    store.add_source(first.doc_id, "c/three.txt")
    store.add_source(first.doc_id, "c/three.txt")

    assert store.get_sources(first.doc_id) == ["a/one.txt", "b/two.txt", "c/three.txt"]
    kept = store.get_document(first.doc_id)
    assert kept.meta.title == "Grain" and kept.source_path == "a/one.txt"  # first seen wins
    assert store.stats().documents == 1
    assert store.stats().sources == 3
    with pytest.raises(DossierError) as error:
        store.add_source("ffffffffffffffff", "x.txt")
    assert error.value.code is ErrorCode.S002_NOT_FOUND


def _two_ids_sharing_six_digits() -> tuple[str, str]:
    seen: dict[str, str] = {}
    for n in itertools.count():
        body = f"Article number {n} about the grain trade."
        prefix = content_id(body)[:6]
        if prefix in seen:
            return seen[prefix], body
        seen[prefix] = body
    raise AssertionError("unreachable")


def test_lookup_by_unique_prefix(store: Store, make_document) -> None:
    one, two = _two_ids_sharing_six_digits()
    alike = [make_document(one), make_document(two)]
    other = make_document("Something else entirely.")
    store.add_documents([(d, None) for d in [*alike, other]])

    assert store.get_document(other.doc_id[:6]).doc_id == other.doc_id
    assert store.get_document(other.doc_id[:10].upper()).doc_id == other.doc_id
    assert store.get_sources(other.doc_id[:8]) == [other.source_path]
    with pytest.raises(DossierError, match="several") as ambiguous:
        store.get_document(alike[0].doc_id[:6])
    assert ambiguous.value.code is ErrorCode.S002_NOT_FOUND
    assert store.get_document(alike[0].doc_id).doc_id == alike[0].doc_id
    for missing in (other.doc_id[:5], "ffffffffffffff", "", "abc%"):
        with pytest.raises(DossierError) as error:
            store.get_document(missing)
        assert error.value.code is ErrorCode.S002_NOT_FOUND


@pytest.fixture
def dated(store: Store, make_document) -> dict[str, str]:
    """Documents at every date precision, two outlets in two spellings, two languages."""
    specs = {
        "year": dict(date="2012", outlet="TASS", language="ru"),
        "feb": dict(date="2012-02-29", outlet="Reuters", language="en"),
        "march": dict(date="2012-03", outlet="Reuters", language="en", date_source="estimated"),
        "mid_march": dict(date="2012-03-15", outlet="reuters", language="en", author="B. Day"),
        "april": dict(date="2012-04-01", outlet="TASS", language="ru"),
        "undated": dict(outlet="Reuters", language="en"),
    }
    ids = {}
    batch = []
    for name, meta in specs.items():
        document = make_document(f"Report {name}: markets moved again.", title=name, **meta)
        ids[name] = document.doc_id
        batch.append((document, None))
    store.add_documents(batch)
    return ids


def _ids(records) -> list[str]:
    return [record.doc_id for record in records]


def _names(records, ids: dict[str, str]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[doc_id] for doc_id in _ids(records)]


def test_listing_sorts_by_date_and_filters(store: Store, dated: dict[str, str]) -> None:
    everything = store.list_documents()
    assert all(type(row) is DocumentSummary for row in everything)
    assert LIST_COLUMNS[:3] == ["doc_id", "pub_date", "date_is_estimated"]
    assert _names(everything, dated) == ["year", "feb", "march", "mid_march", "april", "undated"]
    assert [row.date_is_estimated for row in everything] == [False, False, True] + [False] * 3
    assert [row.word_count for row in everything] == [5] * 6

    march = store.list_documents(date_from="2012-03-01", date_to="2012-03-31")
    assert _names(march, dated) == ["year", "march", "mid_march"]
    # A month as the upper bound takes in all of it; a day inside a month keeps the month.
    assert _names(store.list_documents(date_to="2012-03"), dated) == [
        "year",
        "feb",
        "march",
        "mid_march",
    ]
    assert _names(store.list_documents(date_from="2012-03-20"), dated) == [
        "year",
        "march",
        "april",
    ]
    assert _names(store.list_documents(date_from="2013"), dated) == []

    reuters = store.list_documents(outlet="REUTERS")
    assert _names(reuters, dated) == ["feb", "march", "mid_march", "undated"]
    assert _names(store.list_documents(language="RU"), dated) == ["year", "april"]
    assert _names(store.list_documents(outlet="reuters", date_from="2012-03-10"), dated) == [
        "march",
        "mid_march",
    ]
    assert _names(store.list_documents(story_id=dated["april"]), dated) == ["april"]
    assert _names(store.list_documents(limit=2, offset=1), dated) == ["feb", "march"]
    assert store.list_documents(outlet="Nobody") == []
    with pytest.raises(ValueError, match="ISO"):
        store.list_documents(date_from="March 2012")
    with pytest.raises(TypeError):
        store.list_documents("2012")  # every filter is named
    assert store.document_ids() == list(dated.values())  # in the order stored
    assert store.summaries([dated["feb"], "ffffffffffffffff"]) == {dated["feb"]: everything[1]}


@pytest.fixture
def searchable(store: Store, make_document) -> dict[str, str]:
    documents = {
        "volcano": make_document(VOLCANO_BODY, title=VOLCANO_TITLE, outlet="Reuters"),
        "budget": make_document(LONG_BODY, title="Budget talks", date="2012-05-02"),
        "customs": make_document(UNRELATED_BODY, title="Customs union"),
        "reversed": make_document("The union of customs officers went on strike."),
    }
    store.add_documents([(d, None) for d in documents.values()])
    return {name: d.doc_id for name, d in documents.items()}


@pytest.mark.parametrize(
    ("columns", "names"),
    [
        (SEARCH_COLUMNS, "doc_id score pub_date date_is_estimated outlet title snippet"),
        (DUPLICATE_COLUMNS, "story_id doc_id pub_date date_is_estimated outlet title"),
    ],
    ids=["search", "duplicates"],
)
def test_the_columns_search_and_duplicate_groups_answer(columns: list[str], names: str) -> None:
    assert columns == names.split()


def test_search_ranks_and_highlights(store: Store, searchable: dict[str, str]) -> None:
    found = store.search("volcano")
    assert all(type(hit) is SearchHit for hit in found)
    assert _names(found, searchable) == ["volcano", "budget"]
    scores = [hit.score for hit in found]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0
    assert found[0].title == VOLCANO_TITLE and found[0].outlet == "Reuters"
    assert "[volcano]" in found[0].snippet
    assert "[volcano]" in found[1].snippet

    bold = store.search("volcano", highlight=("<b>", "</b>"))
    assert "<b>volcano</b>" in bold[0].snippet
    marks = store.search("volcano", highlight=("\x02", "\x03"))
    assert "\x02volcano\x03" in marks[0].snippet

    # Stemming: "eruptions" finds "erupts" / "erupted".
    assert _names(store.search("eruptions"), searchable) == ["volcano"]
    assert _names(store.search('"customs union"'), searchable) == ["customs"]
    assert len(store.search("volcano", limit=1)) == 1
    assert store.search("   ") == []
    assert _names(store.search("volcano -iceland"), searchable) == ["budget"]


WEIRD_QUERIES = [
    '"unbalanced',
    "AND",
    "OR",
    "NOT",
    "-",
    "--",
    "*",
    "^",
    "(",
    ")",
    ":",
    "title:",
    "nocolumn:volcano",
    "NEAR(",
    "volcano AND",
    "AND volcano",
    '"volcano',
    "volcano -",
    "U.S. al-Assad O'Brien",
    "50% of #budget @ministers",
    '"" ""',
    "\\",
    "'",
    "volcano\x00",
    "вулкан",
    "a" * 2000,
]


@pytest.mark.parametrize("query", WEIRD_QUERIES, ids=range(len(WEIRD_QUERIES)))
def test_any_query_is_safe(store: Store, searchable: dict[str, str], query: str) -> None:
    found = store.search(query)
    assert all(type(hit) is SearchHit for hit in found)
    if query in ("volcano AND", "AND volcano", '"volcano', "volcano -"):
        assert _names(found, searchable) == ["volcano", "budget"]


def test_fts5_fallback_quotes_terms() -> None:
    assert quote_fts5_terms('"customs union" -armenia AND') == '("customs union") NOT ("armenia")'
    assert quote_fts5_terms('"unbalanced') == '"unbalanced"'
    assert quote_fts5_terms("AND - *") is None
    assert quote_fts5_terms("-armenia") is None


def test_duplicate_groups_list_each_story_with_its_copies(store: Store, make_document) -> None:
    first = make_document("Armenia joins the union on Friday.", date="2015-01-02")
    # Copies dated earlier than the first document still list after it.
    copies = [
        make_document(
            "Armenia joins the union on Friday, officials said.",
            story_id=first.doc_id,
            date="2015-01-01",
        ),
        make_document("Armenia joins the union this Friday.", story_id=first.doc_id),
    ]
    alone = make_document("Kyrgyzstan joins later.")
    store.add_documents([(first, None), (alone, None)])
    store.add_documents([(c, None) for c in copies])

    groups = store.duplicate_groups()
    assert all(type(copy) is StoryCopy for copy in groups)
    assert [copy.story_id for copy in groups] == [first.doc_id] * 3
    assert _ids(groups) == [first.doc_id, copies[0].doc_id, copies[1].doc_id]
    assert [copy.pub_date for copy in groups] == ["2015-01-02", "2015-01-01", None]
    assert len(store.list_documents(story_id=first.doc_id)) == 3


def test_stats_count_everything(store: Store, dated: dict[str, str], make_document) -> None:
    copy = make_document("A copy of the April report.", story_id=dated["april"], language=None)
    store.add_documents([(copy, None)])
    store.add_source(dated["feb"], "elsewhere/feb.txt")

    first_run = store.start_run(["in/"])
    store.add_failures(first_run, [ReadFailure("in/a.bin", "binary"), ReadFailure("in/b", "x", 3)])
    store.finish_run(first_run, {"read": 7, "new": 7, "failed": 2}, interrupted=False)
    second_run = store.start_run(["in/", "more/"])
    assert second_run != first_run
    store.add_failures(second_run, [ReadFailure("more/c.jsonl", "not JSON", 2)])
    store.add_failures(second_run, [])
    store.finish_run(second_run, {"read": 1, "duplicate": 1, "failed": 1}, interrupted=True)
    with pytest.raises(ValueError, match="unknown run counts"):
        store.finish_run(second_run, {"skipped": 1}, interrupted=False)

    stats = store.stats()
    assert stats.documents == 7
    assert stats.stories == 6
    assert stats.near_duplicates == 1
    assert stats.sources == 8
    assert stats.undated == 2
    assert stats.estimated == 1
    assert stats.date_range == ("2012", "2012-04-01")
    assert stats.by_year == {"2012": 5}
    assert stats.by_language == {"en": 4, "ru": 2, "(unknown)": 1}
    assert stats.by_outlet == {"Reuters": 3, "TASS": 2, "(unknown)": 1, "reuters": 1}
    assert stats.runs == 2
    assert stats.failures_last_run == 1
    last = stats.last_run
    assert last.id == second_run and last.interrupted
    assert (last.read, last.new, last.duplicate, last.failed) == (1, 0, 1, 1)
    assert last.finished_at >= last.started_at


def test_empty_store_stats(store: Store) -> None:
    stats = store.stats()
    assert stats.documents == 0 and stats.date_range == () and stats.last_run is None
    assert stats.runs == 0 and stats.unfinished_runs == {"killed": 0, "running": 0}
    assert store.ingest_runs() == []


# --- runs that never record their end -------------------------------------------------------------

_LIVE_RUN = textwrap.dedent(
    """
    import sys
    from dossier.store import Store

    store = Store.open(sys.argv[1])
    print(store.start_run(["in/"]), flush=True)
    sys.stdin.read()  # until the test kills this process
    """
)


def _statuses(store: Store) -> dict[int, str]:
    return {run.id: run.status for run in store.ingest_runs()}


def test_a_killed_run_is_told_from_a_live_one_and_not_counted(store_url: str) -> None:
    with Store.open(store_url) as store:
        finished = store.start_run(["in/"])
        store.finish_run(finished, {"read": 3, "new": 3}, interrupted=False)
        stopped = store.start_run(["in/"])
        store.finish_run(stopped, {"read": 1, "new": 1}, interrupted=True)
        process = subprocess.Popen(
            [sys.executable, "-c", _LIVE_RUN, store_url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            live = int(process.stdout.readline())
            stats = store.stats()
            assert stats.runs == 2 and stats.unfinished_runs == {"killed": 0, "running": 1}
            running = {finished: "finished", stopped: "interrupted", live: "running"}
            assert _statuses(store) == running
            assert stats.last_run.id == stopped and stats.last_run.status == "interrupted"
            run = store.ingest_runs(limit=1)[0]
            assert (run.id, run.pid, run.finished_at) == (live, process.pid, None)
        finally:
            process.kill()  # SIGKILL: the run never records its end
            process.wait(timeout=60)
        # PostgreSQL drops the lock once it sees the connection gone: a moment, not at once.
        for _ in range(100):
            if _statuses(store)[live] == "killed":
                break
            time.sleep(0.05)
        assert _statuses(store) == {**running, live: "killed"}
        stats = store.stats()
        assert stats.runs == 2 and stats.unfinished_runs == {"killed": 1, "running": 0}
        assert stats.last_run.id == stopped
        # The same in a store opened read-only, as the query API opens it.
        with Store.open(store_url, read_only=True) as reader:
            assert reader.stats().unfinished_runs == {"killed": 1, "running": 0}
            assert _statuses(reader)[live] == "killed"


def test_a_run_recorded_before_processes_were_kept_reads_as_killed(store: Store) -> None:
    live = store.start_run(["in/"])
    with store.engine.begin() as connection:
        connection.execute(
            insert(ingest_runs).values(
                started_at=datetime(2026, 1, 1),
                paths=["old/"],
                interrupted=False,
                read=0,
                new=0,
                duplicate=0,
                near_duplicate=0,
                failed=0,
            )
        )
    old = max(_statuses(store))
    assert _statuses(store) == {live: "running", old: "killed"}
    assert store.stats().unfinished_runs == {"killed": 1, "running": 1}
    store.finish_run(live, {"read": 0}, interrupted=False)
    assert _statuses(store) == {live: "finished", old: "killed"}
    assert store.stats().runs == 1


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start times: Linux")
def test_a_reused_pid_does_not_keep_a_dead_run_alive(tmp_path: Path) -> None:
    from dossier.store.runs import process_is_alive, this_process

    me = this_process()
    assert me["pid"] == os.getpid() and me["process_start"]
    assert process_is_alive(me["host"], me["pid"], me["process_start"])
    # The same pid, given to this process after the run's own process died (or another boot).
    assert not process_is_alive(me["host"], me["pid"], "another-boot/12345")
    boot, tick = me["process_start"].split("/")
    assert not process_is_alive(me["host"], me["pid"], f"{boot}/{int(tick) + 1}")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert not process_is_alive(me["host"], int(gone.stdout), None)
    assert not process_is_alive(None, None, None)
    # Nobody here can tell whether a process on another host lives.
    assert process_is_alive(me["host"] + ".elsewhere", me["pid"], "x/1")

    with Store.open(str(tmp_path / "runs.db")) as store:
        run = store.start_run(["in/"])
        with store.engine.begin() as connection:
            connection.execute(
                update(ingest_runs).where(ingest_runs.c.id == run).values(process_start="b/1")
            )
        assert _statuses(store) == {run: "killed"}


def test_the_process_columns_migrate_both_ways_keeping_failures(store_url: str) -> None:
    from store_helpers import migrate_down_and_up

    with Store.open(store_url) as store:
        run = store.start_run(["in/"])
        store.add_failures(run, [ReadFailure("in/a.bin", "binary")])
        store.finish_run(run, {"read": 1, "failed": 1}, interrupted=False)
    migrate_down_and_up(store_url, "0005")
    with Store.open(store_url) as store:
        assert _statuses(store) == {run: "finished"}
        assert store.stats().failures_last_run == 1


def test_stats_command_shows_unfinished_runs(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dossier.cli import app

    location = str(tmp_path / "cli.db")
    with Store.open(location) as store:
        store.start_run(["in/"])
        with store.engine.begin() as connection:
            connection.execute(update(ingest_runs).values(pid=None))  # as if killed
    result = CliRunner().invoke(app, ["stats", "--db", location])
    assert result.exit_code == 0, result.output
    assert "unfinished runs" in result.output and "killed: 1, running: 0" in result.output
    result = CliRunner().invoke(app, ["stats", "--db", location, "--json"])
    assert '"unfinished_runs": {"killed": 1, "running": 0}' in result.output


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "deep" / "er" / "x.db")) as store:
        assert store.dialect == "sqlite"
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_in_memory_sqlite_works(make_document) -> None:
    with Store.open("sqlite://") as store:
        document = make_document("Held in memory only.")
        store.add_documents([(document, None)])
        assert store.get_document(document.doc_id) == replace(document, story_id=document.doc_id)
        assert len(store.search("memory")) == 1


HEAD_REVISION = ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_opening_again_migrates_nothing_and_keeps_data(store_url: str, make_document) -> None:
    document = make_document("Kept across openings.", title="Kept")
    with Store.open(store_url) as store:
        store.add_documents([(document, None)])
    for _ in range(2):
        with Store.open(store_url) as store:
            assert store.has_document(document.doc_id)
            assert len(store.search("openings")) == 1
            with store.engine.connect() as connection:
                versions = connection.execute(text("SELECT version_num FROM alembic_version"))
                assert versions.scalars().all() == [HEAD_REVISION]
                if store.dialect == "postgresql":
                    column = connection.execute(
                        text(
                            "SELECT is_generated FROM information_schema.columns "
                            "WHERE table_name = 'documents' AND column_name = 'search_vector'"
                        )
                    ).scalar()
                    assert column == "ALWAYS"


def test_declared_schema_matches_the_migrated_one(store: Store) -> None:
    # A column added to schema.py without a migration (or the reverse) shows up here.
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": autogenerate_includes, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def _fts_is_consistent(store: Store) -> None:
    if store.dialect != "sqlite":
        return  # a generated column cannot drift from its sources
    with store.engine.begin() as connection:
        # Raises SQLITE_CORRUPT_VTAB when the index and the documents table disagree.
        connection.exec_driver_sql(
            "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_full_text_follows_every_write(store: Store, make_document) -> None:
    one = make_document("The glacier retreated by a kilometre.", title="Glacier")
    two = make_document("The glacier advanced in a cold year.", title="Advance")
    store.add_documents([(one, None)])
    store.add_documents([(two, None)])
    assert set(_ids(store.search("glacier"))) == {one.doc_id, two.doc_id}
    _fts_is_consistent(store)

    # No public update or delete exists; later stages may write directly, and the index must
    # still follow.
    with store.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE documents SET title = 'Tundra', clean_text = 'Tundra thawed.' "
                "WHERE doc_id = :id"
            ),
            {"id": one.doc_id},
        )
        connection.execute(text("DELETE FROM documents WHERE doc_id = :id"), {"id": two.doc_id})
    assert store.search("glacier") == []
    assert _ids(store.search("tundra")) == [one.doc_id]
    assert store.get_sources(one.doc_id) == [one.source_path]
    with pytest.raises(DossierError):
        store.get_sources(two.doc_id)  # its sources went with it
    _fts_is_consistent(store)

    three = make_document("A third glacier story.")
    store.add_documents([(three, None)])
    assert _ids(store.search("glacier")) == [three.doc_id]
    _fts_is_consistent(store)


def test_a_failing_batch_leaves_nothing_behind(
    store: Store, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_document("Fishing quotas were agreed.")
    broken = replace(make_document("A record with no original text."), original_text=None)
    with pytest.raises(SQLAlchemyError):
        store.add_documents([(good, None), (broken, None)])
    assert not store.has_document(good.doc_id)
    assert store.search("quotas") == []

    # Fail after the documents are written but before their sources are: the transaction
    # must take the documents (and their index entries) back out.
    real_insert = Store._insert_new

    def fail_on_sources(self, connection, table, keys, rows):
        if table.name == "document_sources":
            raise RuntimeError("disk full")
        return real_insert(self, connection, table, keys, rows)

    monkeypatch.setattr(Store, "_insert_new", fail_on_sources)
    with pytest.raises(RuntimeError):
        store.add_documents([(good, None)])
    monkeypatch.undo()
    assert store.stats().documents == 0 and store.stats().sources == 0
    assert store.search("quotas") == []
    _fts_is_consistent(store)

    store.add_documents([(good, None)])
    assert _ids(store.search("quotas")) == [good.doc_id]


_KILL_MID_WRITE = textwrap.dedent(
    """
    import os, sys
    from dossier.model import CleanedText, Document, DocumentMeta, OffsetMap
    from dossier.store import Store, alembic_config

    real_insert = Store._insert_new

    def die_on_sources(self, connection, table, keys, rows):
        if table.name == "document_sources":
            os._exit(9)  # as a kill -9 would: no rollback, no cleanup
        return real_insert(self, connection, table, keys, rows)

    Store._insert_new = die_on_sources
    store = Store.open(sys.argv[1])
    text = "Killed while this was written. " * 50
    store.add_documents([(Document("0" * 16, "k.txt", "text", text,
                                   CleanedText(text, OffsetMap.identity(len(text))),
                                   DocumentMeta(title="Killed")), None)])
    """
)


def test_a_killed_writer_leaves_a_consistent_store(store_url: str, make_document) -> None:
    kept = make_document("Stored before the crash.")
    with Store.open(store_url) as store:
        store.add_documents([(kept, None)])
    result = subprocess.run(
        [sys.executable, "-c", _KILL_MID_WRITE, store_url], capture_output=True, timeout=120
    )
    assert result.returncode == 9, result.stderr.decode()
    with Store.open(store_url) as store:
        assert store.known_ids(["0" * 16, kept.doc_id]) == {kept.doc_id}
        assert store.search("killed") == []
        assert len(store.search("crash")) == 1
        _fts_is_consistent(store)


def test_large_documents_are_stored_and_searchable(store: Store, make_document) -> None:
    # More distinct words than a PostgreSQL tsvector can hold (1 MB of lexemes).
    words = " ".join(f"w{n:07d}z" for n in range(150_000))
    document = make_document("Needle first. " + words, title="Large")
    store.add_documents([(document, None)])
    assert _ids(store.search("needle")) == [document.doc_id]
    assert store.get_document(document.doc_id).clean_text == document.clean_text


def test_open_reports_what_cannot_be_opened(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("just some notes, not SQLite\n" * 100, encoding="utf-8")
    for location in (
        str(blocker / "store.db"),  # parent is a file
        str(tmp_path),  # a folder
        str(not_a_db),
        "postgresql://nobody@127.0.0.1:1/nothing",  # nothing listens on port 1
        "mysql://someone@localhost/db",
        "::not a url://",
    ):
        with pytest.raises(DossierError) as error:
            Store.open(location)
        assert error.value.code is ErrorCode.S001_CANNOT_OPEN, location
        assert "[S001]" in str(error.value)
    assert not_a_db.read_text(encoding="utf-8").startswith("just some notes")


# --- read-only opening ----------------------------------------------------------------------------


def test_the_head_revision_is_read_from_the_migration_files() -> None:
    revisions, head = migration_revisions()
    assert head == HEAD_REVISION
    assert HEAD_REVISION in revisions and "0001" in revisions


def test_a_read_only_store_reads_and_refuses_writes(store_url: str, make_document) -> None:
    document = make_document("Read but never written again.", title="Read only")
    with Store.open(store_url) as store:
        store.add_documents([(document, None)])
    with Store.open(store_url, read_only=True) as store:
        assert store.read_only
        assert store.get_document(document.doc_id[:8]).doc_id == document.doc_id
        assert _ids(store.search("written")) == [document.doc_id]
        assert store.stats().documents == 1
        with pytest.raises(RuntimeError, match="read-only"):
            store.add_documents([(make_document("Another one."), None)])
        # The database itself refuses too, whatever a caller does with the engine.
        with pytest.raises(SQLAlchemyError), store.engine.begin() as connection:
            connection.execute(text("DELETE FROM documents"))
    with Store.open(store_url) as store:
        assert store.has_document(document.doc_id)


def test_read_only_never_creates_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "dossier.db"
    with pytest.raises(DossierError) as error:
        Store.open(str(missing), read_only=True)
    assert error.value.code is ErrorCode.S003_NO_STORE
    assert str(missing) in str(error.value)
    assert not missing.parent.exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(DossierError) as error:
        Store.open(str(empty), read_only=True)
    assert error.value.code is ErrorCode.S003_NO_STORE and str(empty) in str(error.value)
    assert empty.stat().st_size == 0
    with pytest.raises(DossierError) as error:
        Store.open("sqlite://", read_only=True)
    assert error.value.code is ErrorCode.S003_NO_STORE


@pytest.mark.postgres
def test_read_only_never_creates_the_schema_on_postgresql(postgres_database: str) -> None:
    with pytest.raises(DossierError) as error:
        Store.open(postgres_database, read_only=True)
    assert error.value.code is ErrorCode.S003_NO_STORE
    with Store.open(postgres_database) as store, store.engine.connect() as connection:
        assert connection.dialect.has_table(connection, "alembic_version")


def test_an_older_store_is_upgraded_when_opened_read_only(store_url: str, make_document) -> None:
    from store_helpers import store_at_revision

    # A store written by the dossier before the newest migration.
    previous = ScriptDirectory.from_config(alembic_config()).get_revision(HEAD_REVISION)
    document = make_document("Stored under an older schema.")
    with store_at_revision(store_url, previous.down_revision, document):
        pass  # the document is all the older store holds

    with Store.open(store_url, read_only=True) as store:
        assert store.has_document(document.doc_id)
        with store.engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert versions.scalars().all() == [HEAD_REVISION]


def test_a_store_at_an_unknown_revision_is_refused(store_url: str) -> None:
    with Store.open(store_url) as store, store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    for read_only in (False, True):
        with pytest.raises(DossierError, match="newer version") as error:
            Store.open(store_url, read_only=read_only)
        assert error.value.code is ErrorCode.S001_CANNOT_OPEN


_OPEN_TWICE = textwrap.dedent(
    """
    import sys
    from dossier.store import Store

    Store.open(sys.argv[1]).close()
    Store.open(sys.argv[1], read_only=True).close()
    print("alembic" in sys.modules)
    """
)


def test_opening_a_current_store_does_not_import_alembic(store_url: str) -> None:
    Store.open(store_url).close()
    result = subprocess.run(
        [sys.executable, "-c", _OPEN_TWICE, store_url], capture_output=True, timeout=120, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
