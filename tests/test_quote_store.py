"""Quotes through the whole path on both databases: annotate stores them with provenance and a
speaker link, and the query API reads them back."""

from __future__ import annotations

import pytest

from dossier.drivers.annotate import annotate_store
from dossier.query import Dossier
from dossier.store import Store

ARTICLE = (
    "MINSK, May 29 (Wire) -- Leaders of three former Soviet states signed a treaty on Thursday.\n\n"
    '"We are creating a union of equals," Nursultan Nazarbayev said after the ceremony.\n\n'
    "Alexander Lukashenko told reporters that Belarus had won the oil terms it wanted.\n"
)


def test_quotes_round_trip_through_annotate_store_and_query(
    store_url: str, nlp, make_document
) -> None:
    document = make_document(ARTICLE, date="2014-05-29", title="Treaty signed")
    with Store.open(store_url) as store:
        store.add_documents([(document, None)])
        summary = annotate_store(store, nlp=nlp)
        assert not summary.failures
        stored = store.read_facts("quote", doc_id=document.doc_id)
        by_speaker = {q.speaker_actor: q for q in stored}
        direct = by_speaker["Nursultan Nazarbayev"]
        assert direct.quote_kind == "direct" and direct.text == "We are creating a union of equals,"
        p = direct.provenance
        assert document.original_text[p.original_start : p.original_end] == direct.text
        assert by_speaker["Alexander Lukashenko"].quote_kind == "indirect"
        links = store.read_links(document.doc_id, relation="speaker")
        mentions = {m.fact_id: m for m in store.read_facts("mention", doc_id=document.doc_id)}
        assert {mentions[link.to_fact].actor for link in links} >= {
            "Nursultan Nazarbayev",
            "Alexander Lukashenko",
        }
    with Dossier(store_url) as dossier:
        read = dossier.facts("quote", doc_id=document.doc_id)
        assert {q.fact_id for q in read} == {q.fact_id for q in stored}
        assert "speaker_actor" in read.frame().columns


def test_quotes_are_asked_by_speaker_words_and_dates(store_url: str, nlp, make_document) -> None:
    first = make_document(ARTICLE, date="2014-05-29")
    later = make_document(
        '"The union will not become a political one," Nazarbayev said in Astana.',
        date="2015-01-02",
    )
    with Store.open(store_url) as store:
        store.add_documents([(first, None), (later, None)])
        annotate_store(store, nlp=nlp)
    with Dossier(store_url) as dossier:
        # An alias the KB knows finds every quote of the actor, oldest first.
        by_alias = dossier.quotes(speaker="Nazarbayev")
        assert [q.doc_id for q in by_alias] == [first.doc_id, later.doc_id]
        assert {q.speaker_actor for q in by_alias} == {"Nursultan Nazarbayev"}
        assert [q.text for q in dossier.quotes(about="political")] == [by_alias[1].text]
        assert [q.doc_id for q in dossier.quotes(speaker="Nazarbayev", date_from="2015")] == [
            later.doc_id
        ]
        assert [q.doc_id for q in dossier.quotes(date_to="2014-05")] == [first.doc_id] * len(
            dossier.quotes(date_to="2014-05")
        )
        assert not dossier.quotes(speaker="Lukashenko", date_from="2015")
        frame = dossier.quotes().frame()
        assert {"date", "speaker_actor", "kind", "text"} <= set(frame.columns)
        with pytest.raises(ValueError):
            dossier.quotes(date_from="2014-13")


def test_quote_records_carry_how_and_when_it_was_said(store_url: str, nlp, make_document) -> None:
    # The kind of case: the text says how (an interview with a broadcaster the KB lists) and
    # when ("on Monday", before the publication day) of the saying.
    told = make_document(
        "ASTANA, Nov. 18 (Wire) -- Talks on the customs union resumed on Friday.\n\n"
        "Nursultan Nazarbayev told Rossiya-24 on Monday that the union would stay open to "
        "every neighbour.\n",
        date="2011-11-18",
    )
    with Store.open(store_url) as store:
        store.add_documents([(told, None)])
        assert not annotate_store(store, nlp=nlp).failures
        stored = store.read_facts("quote", doc_id=told.doc_id)
        assert [(q.medium, q.said_on) for q in stored] == [("interview", "2011-11-14")]
    with Dossier(store_url) as dossier:
        [hit] = dossier.quotes(speaker="Nazarbayev")
        assert (hit.medium, hit.said_on, hit.date) == ("interview", "2011-11-14", "2011-11-14")
        # The saying's own date bounds the question, not the publication date.
        assert dossier.quotes(speaker="Nazarbayev", date_to="2011-11-14")
        assert not dossier.quotes(speaker="Nazarbayev", date_from="2011-11-15")
        assert {"medium", "said_on"} <= set(dossier.quotes().frame().columns)
    from typer.testing import CliRunner

    from dossier.cli import app

    table = CliRunner().invoke(app, ["quotes", "--db", store_url]).output
    assert "interview" in table and "2011-11-14" in table  # under its kind, and its date


def test_the_quotes_command_writes_table_json_and_csv(annotated_sample_store) -> None:
    import csv
    import io
    import json

    from typer.testing import CliRunner

    from dossier.cli import app

    runner = CliRunner()
    db = str(annotated_sample_store)
    table = runner.invoke(app, ["quotes", "--speaker", "Putin", "--db", db])
    assert table.exit_code == 0 and "Vladimir Putin" in table.output
    lines = runner.invoke(app, ["quotes", "--speaker", "Putin", "--format", "json", "--db", db])
    records = [json.loads(line) for line in lines.output.splitlines()]
    assert records and all(r["speaker_actor"] == "Vladimir Putin" for r in records)
    assert all({"medium", "said_on"} <= set(r) for r in records)
    assert all(r["said_on"] for r in records)  # every stored quote is dated
    rows = list(csv.DictReader(io.StringIO(runner.invoke(
        app, ["quotes", "--speaker", "Putin", "--format", "csv", "--db", db]
    ).output)))  # fmt: skip
    assert [row["fact_id"] for row in rows] == [r["fact_id"] for r in records]
    assert [row["said_on"] for row in rows] == [r["said_on"] for r in records]
    bad = runner.invoke(app, ["quotes", "--to", "May 2014", "--db", db])
    assert bad.exit_code == 2
