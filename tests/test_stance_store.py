"""Stances through the store on both databases: stance facts written with their evidence links
and read back, asked by target (a target's alias, or an actor), holder, country and date, added
up by actor or by country per year, shown by ``dossier stance`` in every format, and carried
forward from a store written before the stances table. The facts are built here; the
extractor's own path is ``test_stance.py``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from dossier.model import DocumentFacts, FactLink, Provenance, Stance
from dossier.query import Dossier
from dossier.store import Store

EXTRACTOR = "dossier_stance"
EURASIAN = ("Eurasian integration", "target:eurasian-integration")
EUROPEAN = ("European integration", "target:european-integration")

# Invented articles: Ukraine's drift from the Customs Union toward the EU over two years, and a
# Kyrgyz minister who wants in.
EARLY = "Ukraine is reluctant to join the Customs Union, its prime minister said."
LATER = "Kyiv signed the association agreement with the EU on Friday."
KYRGYZ = "Kyrgyz Prime Minister Omurbek Babanov wants to join the Customs Union soon."


def stance(document, words: str, holder, target, polarity: int, **fields) -> Stance:
    start = document.clean_text.index(words)
    end = start + len(words)
    provenance = Provenance(document.doc_id, start, end, start, end, 0, EXTRACTOR, "1", 0.7)
    return Stance(
        text=words,
        start=start,
        end=end,
        holder=holder[0],
        holder_id=holder[1],
        holder_country=holder[2],
        target=target[0],
        target_id=target[1],
        polarity=polarity,
        provenance=provenance,
        **fields,
    )


UKR = ("Government of Ukraine", "gov:UKR", "UKR")
BABANOV = ("Omurbek Babanov", "person:omurbek-babanov", "KGZ")


@pytest.fixture
def corpus(store_url: str, make_document) -> dict[str, Stance]:
    early = make_document(EARLY, date="2012-06-01", outlet="Wire")
    later = make_document(LATER, date="2014-06-28", outlet="Daily")
    kyrgyz = make_document(KYRGYZ, date="2012-03-05", outlet="Wire")
    found = {
        "early": stance(early, "Ukraine is reluctant to join the Customs Union", UKR, EURASIAN,
                        -1, basis="said", cue="reluctant", evidence_kind="quote",
                        evidence_id="q" * 20, date="2012-06-01"),
        "later": stance(later, "signed", UKR, EUROPEAN, 1, basis="did", cue="AGREE",
                        evidence_kind="event", evidence_id="e" * 20, date="2014-06-27"),
        "kyrgyz": stance(kyrgyz, "wants to join the Customs Union", BABANOV, EURASIAN, 1,
                         cue="join", date="2012-03"),
        "undated": stance(kyrgyz, "Customs Union", BABANOV, EURASIAN, 0),
    }  # fmt: skip
    link = FactLink(early.doc_id, found["early"].fact_id, "q" * 20, "evidence", EXTRACTOR, "1")
    with Store.open(store_url) as store:
        store.add_documents([(d, None) for d in (early, later, kyrgyz)])
        for document, names in (
            (early, ["early"]),
            (later, ["later"]),
            (kyrgyz, ["kyrgyz", "undated"]),
        ):
            links = (link,) if document is early else ()
            store.write_facts(
                DocumentFacts(
                    document.doc_id,
                    {EXTRACTOR: "1"},
                    tuple(found[name] for name in names),
                    links,
                )
            )
    return found


def test_stances_round_trip_with_their_evidence_link(store_url: str, corpus) -> None:
    early = corpus["early"]
    with Store.open(store_url) as store:
        assert store.read_facts("stance", doc_id=early.doc_id) == [early]
        assert store.fact_counts()["stance"] == 4
    with Dossier(store_url) as dossier:
        [read] = dossier.facts("stance", doc_id=early.doc_id)
        assert (read.polarity, read.basis, read.evidence_id) == (-1, "said", "q" * 20)


def test_stances_are_asked_by_target_alias_holder_country_and_date(store_url: str, corpus) -> None:
    with Dossier(store_url) as dossier:
        every = dossier.stances()
        assert [h.fact_id for h in every] == [
            corpus[name].fact_id for name in ("kyrgyz", "early", "later", "undated")
        ]
        # An alias asks for its target; an actor's name for the actor as holder.
        union = dossier.stances(target="Customs Union")
        assert {h.target for h in union} == {"Eurasian integration"} and len(union) == 3
        assert [h.polarity for h in dossier.stances(target="EU")] == [1]
        assert len(dossier.stances(holder="Babanov")) == 2
        assert {h.holder for h in dossier.stances(country="ukr")} == {"Government of Ukraine"}
        assert [h.date for h in dossier.stances(date_from="2013")] == ["2014-06-27"]
        assert len(dossier.stances(date_to="2012-03")) == 1
        hit = dossier.stances(target="Eurasian integration", country="UKR")[0]
        assert (hit.outlet, hit.evidence_kind, hit.cue) == ("Wire", "quote", "reluctant")
        frame = dossier.stances().frame()
        assert {"date", "holder", "holder_country", "target", "polarity", "evidence_id"} <= set(
            frame.columns
        )
        for bad in ({"date_from": "2012-13"}, {"country": "Ukraine"}):
            with pytest.raises(ValueError):
                dossier.stances(**bad)
        # The store's filters are one set of keywords (``StanceWhere``): a misspelt one is refused.
        with pytest.raises(TypeError, match="holder_nmae"):
            dossier.store.stances(holder_nmae="Babanov")
        with pytest.raises(TypeError, match="holder_nmae"):
            dossier.store.stance_counts(by="actor", period="all", holder_nmae="Babanov")


def test_stances_add_up_by_country_per_year_with_evidence_counts(store_url: str, corpus) -> None:
    with Dossier(store_url) as dossier:
        trends = dossier.stance_trends(target="Eurasian integration", by="country", period="year")
        rows = {(t.group, t.period): t for t in trends}
        # The undated neutral stance is left out of a dated view.
        assert set(rows) == {("KGZ", "2012"), ("UKR", "2012")}
        assert (rows["KGZ", "2012"].side, rows["KGZ", "2012"].evidence) == ("for", 1)
        assert (rows["UKR", "2012"].side, rows["UKR", "2012"].against) == ("against", 1)
        # Over all time, by holder: the undated neutral stance counts, so Babanov is still for.
        babanov = [t for t in dossier.stance_trends(by="actor") if t.group == "Omurbek Babanov"]
        assert [(t.in_favour, t.neutral, t.side, t.evidence) for t in babanov] == [(1, 1, "for", 2)]
        # A change of side over the years: Ukraine against one, then for the other.
        ukraine = dossier.stance_trends(country="UKR", by="country", period="year")
        assert [(t.period, t.target, t.side) for t in ukraine] == [
            ("2012", "Eurasian integration", "against"),
            ("2014", "European integration", "for"),
        ]
        assert "score" in ukraine.frame().columns
        with pytest.raises(ValueError):
            dossier.stance_trends(by="party")


def test_the_stance_command_writes_every_format(store_url: str, corpus) -> None:
    from dossier.cli import app

    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["stance", *args, "--db", store_url])
        assert result.exit_code == 0, result.output
        return result.output

    table = run("--target", "Eurasian integration", "--by", "country")
    assert "KGZ" in table and "UKR" in table and "against" in table
    evidence = run("--target", "Customs Union", "--by", "evidence")
    assert "3 stances" in evidence and "Babanov" in evidence and "(KGZ)" in evidence
    records = [
        json.loads(line) for line in run("--by", "evidence", "--format", "json").splitlines()
    ]
    assert [r["fact_id"] for r in records][0] == corpus["kyrgyz"].fact_id
    rows = list(
        csv.DictReader(io.StringIO(run("--by", "country", "--per", "year", "--format", "csv")))
    )
    assert {(r["group"], r["period"], r["side"]) for r in rows} >= {("UKR", "2014", "for")}
    assert "no stance matches" in run("--target", "NATO")
    bad = runner.invoke(app, ["stance", "--from", "2012-13", "--db", store_url])
    assert bad.exit_code == 2 and "2012-13" in bad.output
    assert "Example: dossier stance" in runner.invoke(app, ["stance", "--help"]).output


def test_a_0010_store_is_carried_forward(store_url: str, make_document) -> None:
    from store_helpers import migrate_down_and_up, tables_at_revision

    document = make_document(EARLY, date="2012-06-01")
    assert "stances" not in tables_at_revision(store_url, "0010", document)
    found = stance(document, "reluctant", UKR, EURASIAN, -1, date="2012-06-01")
    with Store.open(store_url) as store:
        store.write_facts(DocumentFacts(document.doc_id, {EXTRACTOR: "1"}, (found,)))
        assert store.read_facts("stance") == [found]
    migrate_down_and_up(store_url, "0010")
    with Store.open(store_url) as store:
        assert store.has_document(document.doc_id) and store.read_facts("stance") == []
