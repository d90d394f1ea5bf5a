"""Cross-report merging on invented reports, without a store: which reports are one event (type,
actors, the window the dates' precision allows, modality), no chaining, and fast on a corpus."""

from __future__ import annotations

import random
import time
from dataclasses import replace

import pytest

from dossier.extract.merge_events import (
    EventReport,
    actors_agree,
    dates_agree,
    days,
    merge_events,
)
from dossier.model import EventActor

RUS = EventActor("Government of Russia", "gov:RUS", "RUS", "government")
PUTIN = EventActor("Vladimir Putin", "person:vladimir-putin", "RUS", "government")
BLR = EventActor("Government of Belarus", "gov:BLR", "BLR", "government")
KAZ = EventActor("Government of Kazakhstan", "gov:KAZ", "KAZ", "government")
UKR = EventActor("Government of Ukraine", "gov:UKR", "UKR", "government")


def report(number: int, **fields) -> EventReport:
    """A report in document ``number`` (its own story unless ``story_id`` says otherwise)."""
    values = {
        "fact_id": f"f{number:019d}",
        "doc_id": f"d{number:015d}",
        "seq": number,
        "story_id": f"d{number:015d}",
        "pub_date": "2011-11-19",
        "outlet": f"Outlet {number}",
        "start": 0,
        "event_type": "AGREE",
        "source": (RUS, BLR, KAZ),
        "target": (),
        "date": "2011-11-18",
        "modality": "asserted",
    }
    values.update(fields)
    return EventReport(**values)


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("2011-11-18", "2011-11-18", True),  # the same day
        ("2011-11-18", "2011-11-19", True),  # a day apart: "Thursday" and "Friday" by time zone
        ("2011-11-18", "2011-11-20", False),  # two days apart: another meeting
        ("2011-11", "2011-11-18", True),  # the month holds the day
        ("2011-11", "2011-12-01", False),  # a month is not widened by a day
        ("2011-11", "2011-11", True),
        ("2011-11", "2012-11", False),  # a year apart
        ("2011-W46", "2011-11-18", True),  # the week of 14-20 November
        ("2011", "2011-11-18", None),  # a year is too vague to tell events apart
        ("2011-FA", "2011-11", None),  # so is a season
        (None, "2011-11-18", None),  # and no date at all
        ("PRESENT_REF", "2011-11-18", None),
    ],
)
def test_dates_agree_within_the_window_their_precision_allows(first, second, agree) -> None:
    assert dates_agree(first, second) is agree
    assert dates_agree(second, first) is agree


def test_a_date_is_read_as_the_days_it_may_mean() -> None:
    assert days("2012-02") == (days("2012-02-01")[0], days("2012-02-29")[0])  # a leap year
    assert days("2011-11-18T10:00") == days("2011-11-18")
    assert days("2011-13") is None and days("XXXX-12-25") is None


def test_actor_sets_overlap_by_kb_id_or_by_country() -> None:
    # Another actor of the same country (Putin for the government) is the same side.
    assert actors_agree(report(1), report(2, source=(PUTIN,), target=(BLR,))) > 0
    # Symmetric type: one outlet codes the partner as a target, another as a source.
    assert actors_agree(report(1, source=(RUS,), target=(BLR,)), report(2, source=(BLR, RUS)))
    # A directed type: Russia's sanction on Ukraine is not Ukraine's on Russia.
    sanction = report(1, event_type="SANCTION", source=(RUS,), target=(UKR,))
    assert actors_agree(sanction, replace(sanction, fact_id="x")) > 0
    assert actors_agree(sanction, replace(sanction, source=(UKR,), target=(RUS,))) == 0
    # A report without a target leaves the target side free.
    assert actors_agree(sanction, replace(sanction, target=())) > 0
    assert actors_agree(report(1, source=(KAZ,)), report(2, source=(UKR,))) == 0


def test_a_shared_country_counts_only_where_one_actor_stands_for_the_state() -> None:
    # Domestic politics: two American politicians accusing each other's camp are not one
    # actor because both are American; the government and its president are.
    senator = EventActor("Senator Brown", "person:brown", "USA", "LEG")
    governor = EventActor("Governor Green", None, "USA", "GOV")
    usa = EventActor("Government of the United States", "gov:USA", "USA", "GOV")
    president = EventActor("President White", "person:white", "USA", "GOV")
    accuse = report(1, event_type="ACCUSE", source=(senator,), target=(president,))
    assert actors_agree(accuse, replace(accuse, source=(governor,))) == 0
    # The state stands for any of its people: "Washington accused" may be the senator's words.
    assert actors_agree(accuse, replace(accuse, source=(usa,))) == 2
    assert actors_agree(accuse, replace(accuse, target=(usa,))) == 2
    assert actors_agree(accuse, replace(accuse, fact_id="x")) == 2


def test_two_reports_of_one_signing_are_merged_and_a_signing_a_year_later_is_not() -> None:
    wire = report(1, outlet="Wire")
    # The paper, published a day later, dates it the day after (its "yesterday").
    paper = report(2, outlet="Daily", date="2011-11-19", source=(PUTIN,), target=(BLR, KAZ))
    next_year = report(3, outlet="Wire", date="2012-11-18")
    sanction = report(4, event_type="SANCTION", source=(RUS,), target=(BLR,))
    found = merge_events([next_year, paper, wire, sanction])
    by_id = {event.merged_id: event for event in found}
    signing = by_id[wire.fact_id]
    assert [r.fact_id for r in signing.reports] == [wire.fact_id, paper.fact_id]
    assert signing.outlets == ["Wire", "Daily"] and len(signing.documents) == 2
    # Every actor of either report, once: the paper's Putin beside the wire's governments.
    assert [a.actor_id for a in signing.source] == [
        "gov:RUS", "gov:BLR", "gov:KAZ", "person:vladimir-putin"
    ]  # fmt: skip
    assert [a.actor_id for a in signing.target] == ["gov:BLR", "gov:KAZ"]
    assert signing.date == "2011-11-18"
    assert [r.fact_id for r in by_id[next_year.fact_id].reports] == [next_year.fact_id]
    assert [r.fact_id for r in by_id[sanction.fact_id].reports] == [sanction.fact_id]
    assert len(found) == 3


def test_undated_reports_merge_only_within_their_story() -> None:
    dated = report(1)
    copy = report(2, date=None, story_id=dated.story_id)  # a near-duplicate of the first
    elsewhere = report(3, date=None)
    found = merge_events([dated, copy, elsewhere])
    assert [len(event.reports) for event in found] == [2, 1]
    # A year is as vague: only within the story.
    assert len(merge_events([dated, report(4, date="2011")])) == 2


def test_modalities_merge_only_with_their_like_and_generic_never() -> None:
    done = report(1)
    announced = report(2, modality="future")  # "will sign on Friday", the same day
    denied = report(3, modality="negated")
    generic = report(4, modality="generic")
    again_generic = report(5, modality="generic")
    found = merge_events([done, announced, denied, generic, again_generic])
    assert [len(event.reports) for event in found] == [2, 1, 1, 1]
    assert found[0].modality == "asserted"


def test_reports_do_not_chain_across_days() -> None:
    # 18th ~ 19th and 19th ~ 20th, but the 18th and the 20th are two days apart.
    days_apart = [report(n, date=f"2011-11-{17 + n}") for n in (1, 2, 3)]
    found = merge_events(days_apart)
    assert [[r.date for r in e.reports] for e in found] == [
        ["2011-11-18", "2011-11-19"],
        ["2011-11-20"],
    ]


def test_the_merged_date_is_the_most_precise_and_the_cameo_code_the_commonest() -> None:
    found = merge_events(
        [
            report(1, date="2011-11", cameo="057", goldstein=8.0),
            report(2, date="2011-11-18", cameo="0311", goldstein=5.2),
            report(3, date="2011-11-18", cameo="0311", goldstein=5.2),
        ]
    )
    [event] = found
    assert (event.date, event.cameo, event.goldstein) == ("2011-11-18", "0311", 5.2)


def test_merging_a_corpus_sized_set_of_reports_is_fast() -> None:
    pick = random.Random(11)
    actors = [EventActor(f"Actor {n}", f"gov:X{n:02d}", f"X{n:02d}") for n in range(60)]
    types = ["AGREE", "CONSULT", "SANCTION", "REQUEST", "ACCUSE", "THREATEN"]
    reports = [
        report(
            n,
            event_type=pick.choice(types),
            source=(pick.choice(actors),),
            target=(pick.choice(actors),),
            date=f"{pick.randint(2005, 2015)}-{pick.randint(1, 12):02d}-{pick.randint(1, 28):02d}",
        )
        for n in range(50_000)
    ]
    started = time.perf_counter()
    found = merge_events(reports)
    elapsed = time.perf_counter() - started
    assert sum(len(event.reports) for event in found) == len(reports)
    assert elapsed < 20, f"merging 50,000 reports took {elapsed:.1f} s"
