"""The query API: read-only, complete, and answering in typed records with frames and JSON."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from pathlib import Path
from typing import get_type_hints

import pytest

from dossier.errors import DossierError, ErrorCode
from dossier.model import Document, DocumentFacts, Provenance
from dossier.query import Dossier, Records, record_columns, to_json
from dossier.store import Store
from dossier.store.records import DocumentFilters, DocumentSummary, SearchHit
from toy_kind import ToyClaim

KB = {
    "actors": """id,name,type,country,sector,qid,aliases,source
country:BLR,Belarus,country,BLR,,,,test
person:alexander-lukashenko,Alexander Lukashenko,person,BLR,GOV,,Alyaksandr Lukashenka,test
""",
    "offices": """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:president-blr,President of Belarus,President,,BLR,,head_of_state,GOV,,test
""",
    "terms": """office,holder,start,end,elected,acting,source
office:president-blr,person:alexander-lukashenko,1994-07-20,,,,test: lukashenko
""",
    "memberships": "org,member,status,start,end,source\n",
}


@pytest.fixture
def kb_files() -> dict[str, str]:
    return KB


@pytest.fixture
def stored(store_url: str, make_document: Callable[..., Document]) -> dict[str, Document]:
    """Three documents on the store at ``store_url``: two tell one story."""
    first = make_document(
        "Minsk hosted the talks on the customs union.",
        title="Talks",
        date="2012-03-05",
        outlet="Steppe Wire",
        language="en",
    )
    documents = {
        "first": first,
        "copy": make_document(
            "Minsk hosted the talks on the customs union, officials said.",
            story_id=first.doc_id,
            date="2012-03-06",
            outlet="Caspian Ledger",
        ),
        "other": make_document("Grain exports rose in May.", date="2013-05", language="en"),
    }
    with Store.open(store_url) as store:
        store.add_documents([(document, None) for document in documents.values()])
    return documents


def test_documents_are_records_with_a_frame_and_json_lines(
    store_url: str, stored: dict[str, Document]
) -> None:
    with Dossier(store_url) as dossier:
        listed = dossier.documents()
        assert isinstance(listed, Records) and len(listed) == 3
        assert [d.doc_id for d in listed] == [
            stored["first"].doc_id,
            stored["copy"].doc_id,
            stored["other"].doc_id,
        ]
        frame = listed.frame()
        assert list(frame.columns) == record_columns(DocumentSummary)
        assert frame.doc_id.tolist() == [d.doc_id for d in listed]
        lines = [json.loads(line) for line in listed.to_json().splitlines()]
        assert lines[0]["title"] == "Talks" and lines[0]["date_is_estimated"] is False
        assert dossier.documents(date_from="2013").frame().doc_id.tolist() == [
            stored["other"].doc_id
        ]
        assert [d.doc_id for d in dossier.documents(outlet="steppe wire", limit=5)] == [
            stored["first"].doc_id
        ]
        assert [d.doc_id for d in dossier.documents(story_id=stored["first"].doc_id)] == [
            stored["first"].doc_id,
            stored["copy"].doc_id,
        ]
        empty = dossier.documents(outlet="nobody")
        assert empty == [] and empty.to_json() == ""
        assert list(empty.frame().columns) == record_columns(DocumentSummary)
        with pytest.raises(TypeError):
            dossier.documents("2012")  # every filter is named


def test_the_listing_filters_are_the_store_listing_parameters() -> None:
    # Dossier.documents passes DocumentFilters through to Store.list_documents unchanged.
    parameters = inspect.signature(Store.list_documents).parameters
    keywords = [name for name, p in parameters.items() if p.kind is p.KEYWORD_ONLY]
    assert list(get_type_hints(DocumentFilters)) == keywords


def test_one_document_sources_search_duplicates_stats(
    store_url: str, stored: dict[str, Document]
) -> None:
    first = stored["first"]
    with Dossier(store_url) as dossier:
        assert dossier.document(first.doc_id[:8]).meta.title == "Talks"
        assert dossier.sources(first.doc_id[:8]) == [first.source_path]
        detail = json.loads(dossier.document_detail(first.doc_id[:8]).to_json())
        assert detail["doc_id"] == first.doc_id and detail["sources"] == [first.source_path]
        assert detail["text"] == first.clean_text and detail["removed"] == []

        hits = dossier.search("minsk")
        assert {hit.doc_id for hit in hits} == {first.doc_id, stored["copy"].doc_id}
        assert list(hits.frame().columns) == record_columns(SearchHit)
        assert "[Minsk]" in hits[0].snippet
        assert "<b>Minsk</b>" in dossier.search("minsk", highlight=("<b>", "</b>"))[0].snippet

        copies = dossier.duplicates()
        assert [c.doc_id for c in copies] == [first.doc_id, stored["copy"].doc_id]
        assert copies.frame().story_id.nunique() == 1

        stats = dossier.stats()
        assert (stats.documents, stats.stories, stats.near_duplicates) == (3, 2, 1)
        assert json.loads(to_json(stats))["date_range"] == ["2012-03-05", "2013-05"]

        with pytest.raises(DossierError) as error:
            dossier.document("ffffffffffff")
        assert error.value.code is ErrorCode.S002_NOT_FOUND


def test_the_store_is_opened_read_only(store_url: str, stored: dict[str, Document]) -> None:
    with Dossier(store_url) as dossier:
        assert dossier.store.read_only
        with pytest.raises(RuntimeError, match="read-only"):
            dossier.store.add_source(stored["first"].doc_id, "elsewhere.txt")


def test_a_missing_store_is_a_clear_error_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "none" / "dossier.db"
    with Dossier(str(missing)) as dossier, pytest.raises(DossierError) as error:
        dossier.documents()
    assert error.value.code is ErrorCode.S003_NO_STORE
    assert str(missing) in str(error.value)
    assert not missing.parent.exists()


def test_the_read_path_imports_no_writer() -> None:
    import dossier.query as query

    source = Path(query.__file__).read_text(encoding="utf-8")
    header = source[: source.index("class Dossier")]
    # The drivers, the pipeline and the ingest stage are imported inside the writing methods
    # only, never where a read would load them.
    for module in ("dossier.drivers", "dossier.nlp", "dossier.ingest", "dossier.extract"):
        assert f"from {module}" not in header and f"import {module}" not in header


def test_who_and_actor_go_through_the_query_api(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No store named and none at the default place: the KB still answers, and says why no
    # mentions are shown. A store named but missing is refused (test_cli_stores).
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOSSIER_DB", raising=False)
    with Dossier(kb_dir=kb_dir) as dossier:
        answer = dossier.who("President of Belarus", on="2011-11-18")
        assert answer.holder.name == "Alexander Lukashenko"
        assert json.loads(to_json(answer))["start"] == "1994-07-20"
        report = dossier.actor("Lukashenka")
        assert [p.actor.id for p in report.profiles] == ["person:alexander-lukashenko"]
        assert report.mentions is None and "no store at" in (report.mentions_note or "")
        record = json.loads(report.to_json())
        assert record["profiles"][0]["offices"][0]["office"] == "President of Belarus"
        with pytest.raises(DossierError) as error:
            dossier.actor("Nobody Atall")
        assert error.value.code is ErrorCode.K002_UNKNOWN
        with pytest.raises(ValueError, match="ISO"):
            dossier.who("President of Belarus", on="yesterday")


def test_check_kb_counts_through_the_query_api(kb_dir: Path) -> None:
    check = Dossier(kb_dir=kb_dir).check_kb()
    assert check.counts["actors"] == 2 and check.counts["terms"] == 1
    assert json.loads(check.to_json()) == {"valid": True, "counts": check.counts}


# --- a plugin's fact kind, read through the query API ---------------------------------------------


def test_a_plugins_fact_kind_is_read_through_the_query_api(
    store_url: str, make_document: Callable[..., Document], toy_migrations: str
) -> None:
    document = make_document("He said: we will join the union.")
    claim = ToyClaim(
        "we will join the union",
        0.9,
        provenance=Provenance(document.doc_id, 9, 31, 9, 31, 0, "toy_claims", "1"),
    )
    with Store.open(store_url, extra_migrations=(toy_migrations,)) as store:
        store.add_documents([(document, None)])
        store.write_facts(DocumentFacts(document.doc_id, {"toy_claims": "1"}, (claim,)))
    # Without the plugin's migrations its revision is unknown: refused, not misread.
    with Dossier(store_url) as dossier, pytest.raises(DossierError, match="plugin"):
        dossier.facts("toy_claim")
    with Dossier(store_url, extra_migrations=(toy_migrations,)) as dossier:
        found = dossier.facts("toy_claim", doc_id=document.doc_id[:8])
        assert found == [claim] and dossier.store.read_only
        row = json.loads(found.to_json())
        assert (row["text"], row["start"], row["fact_id"]) == (claim.text, 9, claim.fact_id)
        assert list(found.frame().columns) == record_columns(ToyClaim)


def test_runs_lists_each_ingest_run_with_its_status(sample_store: Path) -> None:
    """The query API shows the ingest runs the sample store recorded: one, finished, with the
    documents it stored; the frame has the record's columns."""
    with Dossier(str(sample_store)) as dossier:
        runs = dossier.runs()
        stats = dossier.stats()
    assert [run.status for run in runs] == ["finished"]
    assert runs[0].new == stats.documents > 0
    assert {"status", "started_at", "new"} <= set(runs.frame().columns)
