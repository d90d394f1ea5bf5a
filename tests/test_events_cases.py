"""The event rules on invented sentences, as case tables: tests/cases/events/*.toml, one file
per kind of error (a spurious event, a missed one, a wrong type, wrong actors). Each case names
the rule it pins and the kind of error it shows, gives one text or several, and lists checks
on the events coded in each (see ``event_helpers`` for what a check may say).

A case's text is read as a document of the case's date (else the file's, else 2014-05-10); its
checks read the complete records, or every act coded where the check, the case or the file
says ``read = "coded"``."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.extract.document import prepare_doc
from event_helpers import check_holds, described, events_of, select, typed, unknown_keys

CASES = Path(__file__).parent / "cases" / "events"
DEFAULT_DATE = "2014-05-10"


def _tables() -> list[tuple[str, dict]]:
    return [
        (path.stem, tomllib.loads(path.read_text(encoding="utf-8")))
        for path in sorted(CASES.glob("*.toml"))
    ]


def _params() -> list:
    """One test per text of each case: its id is the file, the case's name and, where the name
    is shared, the text's number."""
    rows = []
    for stem, table in _tables():
        for case in table["case"]:
            texts = case.get("texts") or [case["text"]]
            date = case.get("date", table.get("date", DEFAULT_DATE))
            for text in texts:
                read = case.get("read", table.get("read", "events"))
                rows.append((f"{stem}:{case['name']}", text, date, {**case, "read": read}))
    seen = Counter(key for key, *_ in rows)
    counts: Counter = Counter()
    params = []
    for key, text, date, case in rows:
        counts[key] += 1
        name = key if seen[key] == 1 else f"{key}:{counts[key]}"
        params.append(pytest.param(text, date, case, id=name))
    return params


@pytest.mark.parametrize(("text", "date", "case"), _params())
def test_event_case(nlp: Language, text: str, date: str, case: dict) -> None:
    doc = nlp(prepare_doc(nlp, text, date=date))
    readings = {
        "events": list(doc._.dossier_events),
        "coded": list(doc._.dossier_event_candidates),
    }
    for check in case["expect"]:
        events = readings[check.get("read", case["read"])]
        assert check_holds(select(events, check), check), (text, check, described(events))


def test_every_case_is_well_formed() -> None:
    """Each case has a name, a kind of error, a text and checks, and every key of its checks is
    one a check reads."""
    for stem, table in _tables():
        assert set(table) <= {"date", "read", "case"}, stem
        for case in table["case"]:
            assert case.keys() <= {"name", "kind", "text", "texts", "date", "read", "expect"}, case
            assert case["name"] and case["kind"] and case["expect"], case
            assert ("text" in case) != ("texts" in case), case
            assert case.get("read", "events") in ("events", "coded"), case
            for check in case["expect"]:
                assert check.get("read", "events") in ("events", "coded"), case
                assert not unknown_keys(check), (case["name"], unknown_keys(check))


# --- what a table cannot say ------------------------------------------------------------------


def test_a_directed_act_without_a_recipient_leaves_no_link(nlp: Language) -> None:
    # kind: spurious event (a directed act with no recipient is no record of who did what to
    # whom: "he blasted the plan", "she insisted"): it stays a candidate, and no link is left
    # pointing at an event the document does not report.
    text = "The Serbian minister Dragan Petrovic condemned the plan on Monday."
    doc = nlp(prepare_doc(nlp, text, date="2013-05-10"))
    assert not typed(list(doc._.dossier_events), "ACCUSE")
    candidates = list(doc._.dossier_event_candidates)
    assert typed(candidates, "ACCUSE")
    kept = {e.fact_id for e in doc._.dossier_events}
    events = {e.fact_id for e in candidates}
    assert not any(
        link.from_fact in events - kept for link in doc._.dossier_links if link.from_fact
    )


@pytest.mark.parametrize(
    "text",
    [
        "The European Union imposed new sanctions in Minsk on Monday.",
        "Western sanctions over the war have squeezed the Belarusian economy.",
    ],
)
def test_body_of_no_country_is_not_placed(nlp: Language, text: str) -> None:
    # kind: wrong actor country (an international body or a grouping of states is of no one
    # country: "the EU imposed sanctions on Belarus" does not make the EU Belarusian)
    for event in events_of(nlp, text):
        for actor in event.source:
            if (actor.actor_id or "").startswith(("igo:", "group:")):
                assert actor.country is None, (text, actor)
