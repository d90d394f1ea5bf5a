"""What the read commands answer: dates checked as dates, "(estimated)" beside every estimated
date, places looked up like actors, an empty list of facts that says why it is empty, and an
error that names the id once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.errors import DossierError, ErrorCode
from dossier.model import Document, DocumentFacts, Mention, Provenance
from dossier.query import Dossier
from dossier.store import Store

runner = CliRunner()


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# --- dates given to commands --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["docs", "--from", "2012-31"],
        ["docs", "--to", "2012-13"],
        ["docs", "--from", "2012-02-30"],
        ["docs", "--from", "12-03"],
        ["docs", "--to", "last year"],
        ["who", "President of Russia", "--on", "2012-31"],
        ["who", "President of Russia", "--on", "2011-11-31"],
    ],
    ids=" ".join,
)
def test_a_date_that_is_no_date_is_refused_saying_what_is_wanted(
    args: list[str], sample_store: Path
) -> None:
    result = runner.invoke(app, [*args, "--db", str(sample_store)] if args[0] == "docs" else args)
    assert result.exit_code == 2, result.output
    given = args[-1]
    message = " ".join(result.stderr.split())
    assert given in message and "YYYY-MM-DD" in message
    assert args[-2] in message  # which option


@pytest.mark.parametrize("value", ["2011", "2011-11", "2011-11-18"])
def test_a_year_a_month_or_a_day_is_accepted(value: str, sample_store: Path) -> None:
    docs = runner.invoke(app, ["docs", "--from", value, "--to", value, "--db", str(sample_store)])
    assert docs.exit_code == 0, docs.output
    who = runner.invoke(app, ["who", "President of Russia", "--on", value, "--json"])
    assert who.exit_code == 0 and json.loads(who.stdout)["holder"] == "Dmitry Medvedev"


def test_docs_from_a_month_keeps_that_month(sample_store: Path) -> None:
    rows = _json_lines(
        runner.invoke(
            app,
            ["docs", "--from", "2011-11", "--to", "2011-11", "--db", str(sample_store), "--json"],
        ).stdout
    )
    assert rows and all(str(row["pub_date"]).startswith("2011-11") for row in rows)


def test_the_query_api_refuses_a_date_that_is_no_date(sample_store: Path) -> None:
    with Dossier(str(sample_store)) as dossier:
        with pytest.raises(ValueError, match="2012-31"):
            dossier.documents(date_from="2012-31")
        assert len(dossier.documents(date_from="2012-03")) > 0


# --- "(estimated)" wherever a date is shown -----------------------------------------------------


@pytest.fixture(scope="module")
def estimated(annotated_sample_store: Path) -> dict[str, object]:
    """The annotated sample's one document whose date was estimated (the undated explainer)."""
    rows = _json_lines(
        runner.invoke(app, ["docs", "--db", str(annotated_sample_store), "--json"]).stdout
    )
    (row,) = [r for r in rows if r["date_is_estimated"]]
    return row


def test_docs_and_show_mark_an_estimated_date(
    annotated_sample_store: Path, estimated: dict[str, object]
) -> None:
    db = str(annotated_sample_store)
    shown_date = f"{estimated['pub_date']} (estimated)"
    listing = runner.invoke(app, ["docs", "--db", db])
    assert shown_date in " ".join(listing.stdout.split())
    shown = runner.invoke(app, ["show", str(estimated["doc_id"]), "--db", db])
    assert shown_date in shown.stdout


def test_search_marks_an_estimated_date(
    annotated_sample_store: Path, estimated: dict[str, object]
) -> None:
    db = str(annotated_sample_store)
    hits = _json_lines(runner.invoke(app, ["search", "explainer", "--db", db, "--json"]).stdout)
    hit = next(h for h in hits if h["doc_id"] == estimated["doc_id"])
    assert hit["date_is_estimated"] is True and hit["pub_date"] == estimated["pub_date"]
    table = runner.invoke(app, ["search", "explainer", "--db", db])
    line = next(line for line in table.stdout.splitlines() if str(estimated["doc_id"]) in line)
    assert f"{estimated['pub_date']} (estimated)" in line


def test_actor_marks_an_estimated_date(
    annotated_sample_store: Path, estimated: dict[str, object]
) -> None:
    db = str(annotated_sample_store)
    record = json.loads(
        runner.invoke(app, ["actor", "Eurasian Economic Union", "--db", db, "--json"]).stdout
    )
    mention = next(m for m in record["mentions"] if m["doc_id"] == estimated["doc_id"])
    assert mention["date_is_estimated"] is True
    table = runner.invoke(app, ["actor", "Eurasian Economic Union", "--db", db, "--limit", "50"])
    assert "(estimated)" in table.stdout


# --- places --------------------------------------------------------------------------------------


def test_actor_moscow_shows_the_place_and_whom_it_stands_for(annotated_sample_store: Path) -> None:
    db = str(annotated_sample_store)
    result = runner.invoke(app, ["actor", "Moscow", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Moscow (place)" in result.stdout and "Government of Russia" in result.stdout
    assert "no such actor" not in result.output and "K002" not in result.output
    record = json.loads(runner.invoke(app, ["actor", "Moskva", "--db", db, "--json"]).stdout)
    assert record["profiles"] == [] and record["place"]["name"] == "Moscow"
    assert record["place"]["stands_for"] == "gov:RUS"
    # the documents naming Moscow as a place, as `mentions` shows them
    for row in record["mentions"]:
        mentions = _json_lines(
            runner.invoke(app, ["mentions", row["doc_id"], "--db", db, "--json"]).stdout
        )
        places = [m for m in mentions if m["actor"] == "Moscow" and m["actor_id"] is None]
        assert len(places) == row["mentions"]
    assert record["mentions"]


def test_a_name_neither_actor_nor_place_is_still_unknown(annotated_sample_store: Path) -> None:
    result = runner.invoke(app, ["actor", "Atlantis", "--db", str(annotated_sample_store)])
    assert result.exit_code == 2 and "K002" in result.stderr


# --- empty facts say why -------------------------------------------------------------------------


def _store(db: str, make_document: Callable[..., Document]) -> dict[str, str]:
    """Three documents: annotated with a mention and no time expression; never annotated; in
    Russian, which the pipeline does not read."""
    annotated = make_document("Putin spoke.", date="2011-11-18")
    plain = make_document("An article nobody annotated yet.", date="2011-11-18")
    russian = make_document("Путин выступил в Москве.", date="2011-11-18", language="ru")
    mention = Mention(
        "Putin",
        0,
        5,
        "PERSON",
        "person:vladimir-putin",
        "Vladimir Putin",
        provenance=Provenance(annotated.doc_id, 0, 5, 0, 5, 0, "dossier_linker", "1"),
    )
    versions = {"dossier_linker": "1", "dossier_timex": "1", "dossier_fact_time": "1"}
    with Store.open(db) as store:
        store.add_documents([(d, None) for d in (annotated, plain, russian)])
        store.write_facts(DocumentFacts(annotated.doc_id, versions, (mention,)))
    return {"annotated": annotated.doc_id, "plain": plain.doc_id, "russian": russian.doc_id}


@pytest.mark.parametrize(
    ("command", "what"),
    [(["times"], "time expressions"), (["times", "--sentences"], "sentences")],
)
def test_no_facts_says_whether_the_document_was_annotated(
    command: list[str], what: str, tmp_path: Path, make_document: Callable[..., Document]
) -> None:
    db = str(tmp_path / "facts.db")
    ids = _store(db, make_document)

    def says(doc: str) -> str:
        result = runner.invoke(app, [command[0], ids[doc], *command[1:], "--db", db])
        assert result.exit_code == 0, result.output
        return " ".join(result.stdout.split())

    annotated = says("annotated")
    assert f"no {what} found" in annotated and "run dossier annotate" not in annotated
    assert "run dossier annotate" in says("plain")
    russian = says("russian")
    assert "language the pipeline does not read (ru)" in russian
    assert "run dossier annotate" not in russian


def test_no_mentions_says_whether_the_document_was_annotated(
    tmp_path: Path, make_document: Callable[..., Document]
) -> None:
    db = str(tmp_path / "facts.db")
    ids = _store(db, make_document)
    assert "1 mentions" in runner.invoke(app, ["mentions", ids["annotated"], "--db", db]).stdout
    plain = runner.invoke(app, ["mentions", ids["plain"], "--db", db]).stdout
    assert "not annotated" in plain and "run dossier annotate" in plain
    russian = " ".join(runner.invoke(app, ["mentions", ids["russian"], "--db", db]).stdout.split())
    assert "(ru)" in russian and "run dossier annotate" not in russian
    with Dossier(db) as dossier:
        states = {name: dossier.annotation_state(doc_id).state for name, doc_id in ids.items()}
    assert states == {
        "annotated": "annotated",
        "plain": "not annotated",
        "russian": "unsupported language",
    }


# --- errors name the id once ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["show", "mentions", "times"])
def test_an_unknown_id_is_named_once(command: str, sample_store: Path) -> None:
    result = runner.invoke(app, [command, "fedcba987654", "--db", str(sample_store)])
    assert result.exit_code == 2
    assert "S002" in result.stderr and result.stderr.count("fedcba987654") == 1
    short = runner.invoke(app, [command, "c8", "--db", str(sample_store)])
    assert short.exit_code == 2 and short.stderr.count("'c8'") == 1


def test_the_query_api_error_carries_the_id(sample_store: Path) -> None:
    with Dossier(str(sample_store)) as dossier, pytest.raises(DossierError) as raised:
        dossier.document("fedcba987654")
    assert raised.value.code is ErrorCode.S002_NOT_FOUND and "fedcba987654" in str(raised.value)
