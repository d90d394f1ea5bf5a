"""Events through the store on both databases: event facts written and read back with their
actor sets, asked by actor, country, type and date, merged across reports by the merging stage,
and carried forward from a store written before the events tables. The facts are built here;
the extractor's own path is ``test_events_end_to_end.py``."""

from __future__ import annotations

import pytest

from dossier.drivers.events import link_events
from dossier.model import DocumentFacts, Event, EventActor, Provenance
from dossier.query import Dossier
from dossier.store import Store

EXTRACTOR = "dossier_events"
RUS = EventActor("Government of Russia", "gov:RUS", "RUS", "government")
PUTIN = EventActor("Vladimir Putin", "person:vladimir-putin", "RUS", "government", 0, 14)
BLR = EventActor("Government of Belarus", "gov:BLR", "BLR", "government")
KAZ = EventActor("Government of Kazakhstan", "gov:KAZ", "KAZ", "government")
UKR = EventActor("Government of Ukraine", "gov:UKR", "UKR", "government")
MAKER = EventActor("Cheese makers", None, "UKR", "business")

# Invented articles: two outlets report one signing; a year later another signing; a ban.
WIRE = "Vladimir Putin and the leaders of Belarus and Kazakhstan signed the treaty on Friday."
DAILY = "The presidents of Russia, Belarus and Kazakhstan signed a pact yesterday in Moscow."
LATER = "A year on, Russia, Belarus and Kazakhstan signed a second treaty."
BAN = "Russia banned imports from Ukrainian cheese makers, and talks may follow."


def event(document, trigger: str, event_type: str, **fields) -> Event:
    """The event whose trigger is the first ``trigger`` of ``document``'s text."""
    start = document.clean_text.index(trigger)
    end = start + len(trigger)
    provenance = Provenance(document.doc_id, start, end, start, end, 0, EXTRACTOR, "1", 0.9)
    return Event(trigger, start, end, event_type, provenance=provenance, **fields)


def write(store: Store, document, *events: Event) -> None:
    store.write_facts(DocumentFacts(document.doc_id, {EXTRACTOR: "1"}, tuple(events)))


@pytest.fixture
def corpus(store_url: str, make_document) -> dict[str, Event]:
    """The four articles stored, their events written and merged; name -> event."""
    wire = make_document(WIRE, date="2011-11-18", outlet="Wire", url="https://wire.example/1")
    daily = make_document(DAILY, date="2011-11-19", outlet="Daily")
    later = make_document(LATER, date="2012-11-20", outlet="Wire")
    ban = make_document(BAN, date="2012-07-30", outlet="Daily")
    found = {
        "wire": event(
            wire, "signed", "AGREE", source=(PUTIN, BLR, KAZ), mode="sign", cameo="057",
            goldstein=8.0, date="2011-11-18", date_basis="timex",
        ),
        "daily": event(
            daily, "signed", "AGREE", source=(RUS, BLR, KAZ), cameo="057", goldstein=8.0,
            date="2011-11-18", date_basis="timex", location="Moscow",
        ),
        "later": event(later, "signed", "AGREE", source=(RUS, BLR, KAZ), date="2012-11"),
        "ban": event(
            ban, "banned", "SANCTION", source=(RUS,), target=(MAKER,), cameo="163",
            goldstein=-8.0, date="2012-07-30", context="economic",
        ),
        "talks": event(ban, "talks", "CONSULT", source=(RUS,), target=(UKR,),
                       modality="hypothetical"),
    }  # fmt: skip
    with Store.open(store_url) as store:
        store.add_documents([(d, None) for d in (wire, daily, later, ban)])
        write(store, wire, found["wire"])
        write(store, daily, found["daily"])
        write(store, later, found["later"])
        write(store, ban, found["ban"], found["talks"])
        assert store.merged_events_behind()
        summary = link_events(store)
        assert summary is not None and (summary.read, summary.made) == (5, 4)
        assert summary.repeated == 1
        assert not store.merged_events_behind() and link_events(store) is None
    return found


def test_events_round_trip_with_their_actor_sets(store_url: str, corpus) -> None:
    with Store.open(store_url) as store:
        wire = corpus["wire"]
        assert store.read_facts("event", doc_id=wire.doc_id) == [wire]
        assert store.fact_counts()["event"] == 5
    with Dossier(store_url) as dossier:
        [read] = dossier.facts("event", doc_id=wire.doc_id)
        assert read.source == (PUTIN, BLR, KAZ) and read.target == ()


def test_events_are_asked_by_actor_country_type_and_date(store_url: str, corpus) -> None:
    with Dossier(store_url) as dossier:
        every = dossier.events()
        # By date; an event the text gives no date for comes last.
        assert [hit.fact_id for hit in every] == [
            corpus[name].fact_id for name in ("wire", "daily", "ban", "later", "talks")
        ]
        assert every[-1].date is None
        # An alias the KB knows finds the actor by id; words find an actor the KB lacks.
        assert [h.fact_id for h in dossier.events(actor="Putin")] == [corpus["wire"].fact_id]
        assert [h.fact_id for h in dossier.events(actor="cheese")] == [corpus["ban"].fact_id]
        # A country on either side.
        assert {h.event_type for h in dossier.events(country="ukr")} == {"SANCTION", "CONSULT"}
        assert len(dossier.events(country="KAZ")) == 3
        assert [h.event_type for h in dossier.events(event_type="sanction")] == ["SANCTION"]
        # Dates at any precision; an undated event is left out of a bounded ask.
        assert [h.date for h in dossier.events(date_from="2012")] == ["2012-07-30", "2012-11"]
        assert len(dossier.events(date_to="2011-11")) == 2
        assert len(dossier.events(date_from="2012-08", date_to="2012-12")) == 1
        assert len(dossier.events(limit=2)) == 2
        hit = dossier.events(event_type="SANCTION")[0]
        assert (hit.outlet, hit.context, hit.cameo, hit.goldstein) == (
            "Daily",
            "economic",
            "163",
            -8.0,
        )
        assert hit.target == (MAKER,)
        frame = dossier.events().frame()
        assert {"date", "event_type", "source", "target", "modality", "merged_id"} <= set(
            frame.columns
        )
        for bad in ({"date_from": "2012-13"}, {"event_type": "SIGN"}, {"country": "Russia"}):
            with pytest.raises(ValueError):
                dossier.events(**bad)


def test_two_reports_of_one_signing_are_one_merged_event(store_url: str, corpus) -> None:
    with Dossier(store_url) as dossier:
        merged = dossier.events(merged=True, event_type="AGREE")
        # The two outlets' reports are one event; the signing a year later is another.
        assert [(h.date, h.reports, h.documents) for h in merged] == [
            ("2011-11-18", 2, 2),
            ("2012-11", 1, 1),
        ]
        first = merged[0]
        assert first.merged_id == corpus["wire"].fact_id == first.fact_id
        assert first.outlets == ("Wire", "Daily")
        assert [a.actor_id for a in first.source] == [
            "person:vladimir-putin", "gov:BLR", "gov:KAZ", "gov:RUS"
        ]  # fmt: skip
        # Every report names its merged event.
        reports = dossier.events(event_type="AGREE")
        assert [h.merged_id for h in reports[:2]] == [first.merged_id] * 2
        assert reports[1].reports == 2
        # A merged event is found by any report's actor.
        assert [h.merged_id for h in dossier.events(actor="Putin", merged=True)] == [
            first.merged_id
        ]
        assert len(dossier.events(merged=True)) == 4
        # The reports of one merged event, by its id or a prefix of it.
        told = dossier.events(event=first.merged_id[:8])
        assert [h.doc_id for h in told] == [corpus["wire"].doc_id, corpus["daily"].doc_id]


def test_a_rewritten_report_is_merged_again(store_url: str, corpus, make_document) -> None:
    daily = make_document(DAILY, date="2011-11-19", outlet="Daily")
    with Store.open(store_url) as store:
        # The extractor runs again and now dates the daily's signing a week later.
        moved = event(daily, "signed", "AGREE", source=(RUS, BLR, KAZ), date="2011-11-25")
        write(store, daily, moved)
        assert store.merged_events_behind()
        summary = link_events(store)
        assert summary is not None and summary.repeated == 0
        # Actors go with their event: no stale row asks for the old one.
        assert len(store.events(country="BLR")) == 3
    with Dossier(store_url) as dossier:
        assert [h.reports for h in dossier.events(merged=True, event_type="AGREE")] == [1, 1, 1]


def test_a_0009_store_is_carried_forward(store_url: str, make_document) -> None:
    from store_helpers import migrate_down_and_up, tables_at_revision

    document = make_document(WIRE, date="2011-11-18")
    assert "events" not in tables_at_revision(store_url, "0009", document)
    signing = event(document, "signed", "AGREE", source=(PUTIN,), date="2011-11-18")
    with Store.open(store_url) as store:
        write(store, document, signing)
        assert store.read_facts("event") == [signing]
        assert link_events(store) is not None
    # Down to 0009 and up again: the tables go and come back, the documents stay.
    migrate_down_and_up(store_url, "0009")
    with Store.open(store_url) as store:
        assert store.has_document(document.doc_id) and store.read_facts("event") == []


def test_the_events_command_writes_every_format_and_each_parses_back(
    store_url: str, corpus
) -> None:
    import csv
    import io
    import json

    from typer.testing import CliRunner

    from dossier.cli import app
    from dossier.event_formats import GDELT_COLUMNS

    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["events", *args, "--db", store_url])
        assert result.exit_code == 0, result.output
        return result.output

    table = run("--merged")
    assert "4 events" in table and "2 reports" in table and "2 outlets" in table
    assert corpus["wire"].fact_id[:8] in table  # the merged event's id, for --event
    assert "5 event reports" in run()
    told = [
        json.loads(line)
        for line in run("--event", corpus["wire"].fact_id, "--format", "json").splitlines()
    ]
    assert [r["outlet"] for r in told] == ["Wire", "Daily"]
    # JSON lines: the records, actor sets as lists of objects.
    records = [json.loads(line) for line in run("--format", "json").splitlines()]
    assert [r["fact_id"] for r in records][:2] == [corpus["wire"].fact_id, corpus["daily"].fact_id]
    assert [EventActor(**a) for a in records[0]["source"]] == [PUTIN, BLR, KAZ]
    # CSV: one cell per actor set.
    rows = list(csv.DictReader(io.StringIO(run("--type", "SANCTION", "--format", "csv"))))
    assert [(r["event_type"], r["source"], r["target"]) for r in rows] == [
        ("SANCTION", "Government of Russia [RUS]", "Cheese makers [UKR]")
    ]
    # GDELT 2.0: headerless TSV of 61 columns; a compound source is one row per actor.
    lines = run("--merged", "--type", "AGREE", "--format", "gdelt").splitlines()
    gdelt = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    signing = [row for row in gdelt if row["SQLDATE"] == "20111118"]
    assert len({int(row["GLOBALEVENTID"]) // 100 for row in signing}) == 1
    assert [row["Actor1CountryCode"] for row in signing] == ["RUS", "BLR", "KAZ", "RUS"]
    assert signing[0]["Actor1Code"] == "RUSGOV" and signing[0]["Actor1Name"] == "Vladimir Putin"
    first = signing[0]
    codes = ("EventCode", "EventBaseCode", "EventRootCode")
    assert [first[code] for code in codes] == ["057", "057", "05"]
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("1", "8")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "2", "2")
    assert first["SOURCEURL"] == "https://wire.example/1" and first["Year"] == "2011"
    # The month-precise signing: no day invented.
    later = [row for row in gdelt if row["Year"] == "2012"]
    assert {(row["SQLDATE"], row["MonthYear"]) for row in later} == {("", "201211")}
    [ban] = [
        dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
        for line in run("--type", "SANCTION", "--format", "gdelt").splitlines()
    ]
    assert (ban["Actor2Code"], ban["Actor2Name"], ban["QuadClass"]) == (
        "UKRBUS",
        "Cheese makers",
        "4",
    )
    assert ban["SOURCEURL"] == f"dossier:{corpus['ban'].doc_id}"
    # PLOVER JSON: actor and recipient as lists of entities; reports of one event share a link.
    plover = [json.loads(line) for line in run("--format", "plover").splitlines()]
    assert [p["event"] for p in plover] == [
        ["AGREE"],
        ["AGREE"],
        ["SANCTION"],
        ["AGREE"],
        ["CONSULT"],
    ]
    assert plover[0]["link"] == plover[1]["link"] == corpus["wire"].fact_id
    assert [e["code"] for e in plover[0]["actor"]] == ["RUS", "BLR", "KAZ"]
    assert plover[0]["actor"][0]["identifier_id"] == "person:vladimir-putin"
    assert plover[0]["mode"] == ["sign"] and plover[0]["quad_code"] == 1
    sanction = plover[2]
    assert sanction["recipient"] == [
        {"code": "UKR", "sector": "BUS", "entity_text": "Cheese makers", "identifier_id": None,
         "identifier_text": "Cheese makers"}
    ]  # fmt: skip
    assert (sanction["quad_code"], sanction["event_scale"], sanction["context"]) == (
        3, -8.0, ["economic"]
    )  # fmt: skip
    assert plover[4]["modality"] == "hypothetical" and plover[4]["date"] is None
    # Bad asks end with exit code 2 and say why; the help has an example.
    bad = runner.invoke(app, ["events", "--type", "SIGN", "--db", store_url])
    assert bad.exit_code == 2 and "PLOVER" in bad.output
    assert "Example: dossier events" in runner.invoke(app, ["events", "--help"]).output
