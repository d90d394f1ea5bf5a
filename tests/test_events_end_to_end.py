"""Events from text to the command, on both databases: ``annotate`` codes the events of small
invented articles and merges the reports of one signing told by two outlets, and ``dossier
events`` finds them, each format parsed back."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.drivers.annotate import annotate_store
from dossier.nlp import COMPONENT_NAMES, DEFAULT_CONFIG
from dossier.store import Store

# Invented: a wire and a paper report one signing (the paper by the leaders' names, a day
# later); a signing two and a half years later; a ban.
WIRE = (
    "MOSCOW, Nov 19 (Wire) -- The presidents of Russia, Belarus and Kazakhstan signed a "
    "declaration on economic integration on Friday.\n\n"
    "Russia banned imports of Ukrainian cheese last week.\n"
)
DAILY = (
    "Vladimir Putin, Alexander Lukashenko and Nursultan Nazarbayev signed the integration "
    "declaration in Moscow on Friday, officials said.\n"
)
LATER = (
    "The presidents of Russia, Belarus and Kazakhstan signed a treaty on the Eurasian Economic "
    "Union in Astana on Thursday.\n"
)


# The extractor lands from its own branch (``events``); until then there is nothing to code.
pytestmark = pytest.mark.skipif(
    "dossier_events" not in COMPONENT_NAMES, reason="the dossier_events extractor is not here yet"
)


def test_annotate_codes_and_merges_events_that_the_command_finds(
    store_url: str, nlp, make_document
) -> None:
    wire = make_document(WIRE, date="2011-11-19", outlet="Wire")
    daily = make_document(DAILY, date="2011-11-20", outlet="Daily")
    later = make_document(LATER, date="2014-05-30", outlet="Wire")
    with Store.open(store_url) as store:
        store.add_documents([(wire, None), (daily, None), (later, None)])
        summary = annotate_store(store, nlp=nlp)
        assert not summary.failures and summary.events >= 4
        assert summary.merged_events is not None and summary.merged_events.repeated == 1
        # Nothing changed since: the next run does not merge again.
        assert annotate_store(store, nlp=nlp).merged_events is None
        # Merging behind (as after a run interrupted before it): a pipeline that codes no
        # events leaves it alone, the next that does catches up.
        store.replace_merged_events([])
        without = DEFAULT_CONFIG.without("dossier_events")
        assert annotate_store(store, config=without, nlp=nlp).merged_events is None
        assert store.merged_events_behind()
        assert annotate_store(store, nlp=nlp).merged_events.repeated == 1

    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["events", *args, "--db", store_url])
        assert result.exit_code == 0, result.output
        return result.output

    merged = [
        json.loads(line)
        for line in run("--type", "AGREE", "--merged", "--format", "json").splitlines()
    ]
    by_date = {record["date"]: record for record in merged}
    # The two reports of the 2011 signing are one event, carried by both outlets...
    signing = by_date["2011-11-18"]
    assert (signing["reports"], signing["documents"], signing["outlets"]) == (
        2,
        2,
        ["Wire", "Daily"],
    )
    assert {a["country"] for a in signing["source"]} == {"RUS", "BLR", "KAZ"}
    # ...and the 2014 signing is another.
    assert by_date["2014-05-29"]["reports"] == 1
    # Asked by a leader's name, the merged event is found through the paper's report.
    [found] = [
        json.loads(line)
        for line in run("--actor", "Lukashenko", "--merged", "--format", "json").splitlines()
    ]
    assert found["merged_id"] == signing["merged_id"]
    # The ban: Russia against Ukraine, in PLOVER and in GDELT.
    [ban] = [
        json.loads(line) for line in run("--type", "SANCTION", "--format", "plover").splitlines()
    ]
    assert [a["code"] for a in ban["actor"]] == ["RUS"]
    assert [r["code"] for r in ban["recipient"]] == ["UKR"]
    assert "cheese" in ban["text"] and ban["modality"] == "asserted"
    rows = [line.split("\t") for line in run("--country", "UKR", "--format", "gdelt").splitlines()]
    assert rows and all(len(row) == 61 for row in rows)
    assert {(row[7], row[17]) for row in rows} == {("RUS", "UKR")}  # Actor1/Actor2CountryCode
