"""Statements through the store on both databases: annotate groups the copies of a quote
across documents at its end, the query API shows each statement once (or every copy), and a
re-annotated document is regrouped."""

from __future__ import annotations

from dossier.drivers.annotate import annotate_store
from dossier.drivers.statements import link_statements
from dossier.query import Dossier
from dossier.store import Store

SAID = (
    "the customs union will be open to every neighbour that wants to join it, and nobody "
    "will be pushed into it"
)
WIRE = f'MOSCOW, Oct 4 (Wire) -- "{SAID.capitalize()}," Vladimir Putin said on Tuesday.\n'
# A day later, another outlet: the quote trimmed, re-punctuated, in curly marks.
DAILY = (
    "Talks on the new bloc went on in Astana.\n\n"
    "“The Customs Union will be open to every neighbour that wants to join it,” "
    "Vladimir Putin told reporters.\n"
)
# The same day as the wire, stored later: a third outlet carries the whole quote.
WEEKLY = (
    f'Leaders met again.\n\n"{SAID.capitalize()}," Vladimir Putin said. '
    '"We will sign the treaty in November," he added.\n'
)
OTHER = '"Gas prices for Belarus will fall next year," Vladimir Putin said in Minsk.\n'


def test_copies_of_a_quote_are_shown_once_with_their_first_appearance(
    store_url: str, make_document
) -> None:
    daily = make_document(DAILY, date="2011-10-05", outlet="Daily")
    wire = make_document(WIRE, date="2011-10-04", outlet="Wire")
    weekly = make_document(WEEKLY, date="2011-10-04", outlet="Weekly")
    other = make_document(OTHER, date="2011-11-20", outlet="Wire")
    with Store.open(store_url) as store:
        # Stored in this order: the wire and the weekly share a date, the wire was stored first.
        store.add_documents([(daily, None), (wire, None), (weekly, None), (other, None)])
        summary = annotate_store(store)
        assert not summary.failures
        assert summary.statements is not None and summary.statements.repeated == 1
        # Nothing changed since: the next run does not regroup.
        assert annotate_store(store).statements is None
    with Dossier(store_url) as dossier:
        shown = dossier.quotes(speaker="Putin")
        union = [hit for hit in shown if "open to every neighbour" in hit.text]
        assert len(union) == 1
        [hit] = union
        assert hit.doc_id == wire.doc_id and hit.copies == 3
        assert hit.outlets == ("Wire", "Weekly", "Daily")
        assert (hit.first_seen, hit.first_seen_doc) == ("2011-10-04", wire.doc_id)
        assert hit.statement_id is not None
        alone = [h for h in shown if "Gas prices" in h.text]
        assert [h.copies for h in alone] == [1]
        every = dossier.quotes(speaker="Putin", all_copies=True)
        copies = [h for h in every if h.statement_id == hit.statement_id]
        assert sorted(h.doc_id for h in copies) == sorted(
            [wire.doc_id, weekly.doc_id, daily.doc_id]
        )
        # A limit counts statements, not copies.
        assert len(dossier.quotes(speaker="Putin", limit=1)) == 1
        # Asked from the day after, the trimmed copy stands for the statement, its first
        # appearance still the wire's.
        [late] = [h for h in dossier.quotes(date_from="2011-10-05") if "neighbour" in h.text]
        assert late.doc_id == daily.doc_id and late.first_seen_doc == wire.doc_id
    # The command: each statement once, saying how far it went; --all-copies every copy.
    import json

    from typer.testing import CliRunner

    from dossier.cli import app

    runner = CliRunner()
    table = runner.invoke(app, ["quotes", "--speaker", "Putin", "--db", store_url]).output
    assert "3 statements" in table and "3 documents, 3 outlets" in table
    assert wire.doc_id[:8] in table
    lines = runner.invoke(
        app, ["quotes", "--speaker", "Putin", "--all-copies", "--format", "json", "--db", store_url]
    ).output.splitlines()
    copies = [r for r in map(json.loads, lines) if r["statement_id"] == hit.statement_id]
    assert len(copies) == 3 and {r["copies"] for r in copies} == {3}


def test_a_reannotated_document_is_regrouped(store_url: str, make_document) -> None:
    wire = make_document(WIRE, date="2011-10-04", outlet="Wire")
    weekly = make_document(WEEKLY, date="2011-10-04", outlet="Weekly")
    with Store.open(store_url) as store:
        store.add_documents([(wire, None), (weekly, None)])
        annotate_store(store)
        assert not store.statements_behind()
        # Rewriting a document's quotes drops their statement rows with them.
        facts = store.read_facts("quote", doc_id=weekly.doc_id)
        from dossier.model import DocumentFacts

        version = facts[0].provenance.extractor_version
        store.write_facts(
            DocumentFacts(doc_id=weekly.doc_id, versions={"dossier_quotes": version}, facts=())
        )
        assert store.statements_behind()
        grouped = link_statements(store)
        assert grouped is not None and grouped.repeated == 0
        assert not store.statements_behind()
    with Dossier(store_url) as dossier:
        [hit] = [h for h in dossier.quotes() if "neighbour" in h.text]
        assert hit.copies == 1 and hit.outlets == ("Wire",)
