"""The REST API over the annotated bundled sample: every route answers what the query API
answers, pages and filters hold, CSV is real CSV, every bad parameter is a 4xx that says what
is wrong, article text comes back inert, and uploads need the token and fit the limit."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dossier.api import ApiSettings, create_app
from dossier.query import Dossier

TOKEN = "a-test-token-of-some-length"


@pytest.fixture(scope="module")
def served_store(annotated_sample_store: Path) -> Path:
    return annotated_sample_store


def _ok(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- the routes, each against the query API -------------------------------------------------------


def test_openapi_documents_every_route_and_docs_are_served(client: TestClient) -> None:
    schema = _ok(client, "/openapi.json")
    paths = set(schema["paths"])
    for path in (
        "/documents",
        "/documents/{doc_id}",
        "/documents/{doc_id}/sentences",
        "/search",
        "/mentions",
        "/actors/{name}",
        "/actors/{name}/offices",
        "/who",
        "/quotes",
        "/events",
        "/timeline",
        "/network",
        "/stance",
        "/stance/trends",
    ):
        assert path in paths
    assert "post" in schema["paths"]["/documents"]
    assert client.get("/docs").status_code == 200


def test_documents_page_through_the_listing_in_order(client: TestClient, dossier: Dossier) -> None:
    every = [d.doc_id for d in dossier.documents()]
    assert len(every) > 4
    first = _ok(client, "/documents", limit=3)
    second = _ok(client, "/documents", limit=3, offset=3)
    assert [d["doc_id"] for d in first["items"] + second["items"]] == every[:6]
    assert first["next_offset"] == 3 and first["count"] == 3
    last = _ok(client, "/documents", limit=3, offset=len(every) - 1)
    assert last["count"] == 1 and last["next_offset"] is None


def test_documents_filter_by_outlet_and_date(client: TestClient, dossier: Dossier) -> None:
    dated = [d for d in dossier.documents() if d.outlet and d.pub_date]
    outlet, year = dated[0].outlet, dated[0].pub_date[:4]
    by_outlet = _ok(client, "/documents", outlet=outlet.upper(), limit=1000)["items"]
    assert by_outlet and all(d["outlet"] == outlet for d in by_outlet)
    assert len(by_outlet) == sum(d.outlet == outlet for d in dossier.documents())
    in_year = _ok(client, "/documents", **{"from": year, "to": year, "limit": 1000})["items"]
    assert in_year and all(d["pub_date"].startswith(year) for d in in_year)


def test_documents_as_csv_by_parameter_or_accept_header(client: TestClient) -> None:
    by_parameter = client.get("/documents", params={"format": "csv", "limit": 4})
    assert by_parameter.status_code == 200
    assert by_parameter.headers["content-type"].startswith("text/csv")
    rows = _csv(by_parameter.text)
    expected = _ok(client, "/documents", limit=4)["items"]
    assert [r["doc_id"] for r in rows] == [d["doc_id"] for d in expected]
    assert list(rows[0]) == list(expected[0])
    by_header = client.get("/documents", params={"limit": 4}, headers={"Accept": "text/csv"})
    assert by_header.text == by_parameter.text


def test_one_document_comes_with_every_kind_of_its_facts(
    client: TestClient, dossier: Dossier
) -> None:
    doc_id = dossier.facts("quote", limit=1)[0].doc_id
    found = _ok(client, f"/documents/{doc_id[:8]}")
    assert found["doc_id"] == doc_id and found["annotation"] == "annotated"
    assert set(found["facts"]) == set(dossier.fact_kinds())
    for kind, facts in found["facts"].items():
        assert [f["fact_id"] for f in facts] == [
            f.fact_id for f in dossier.facts(kind, doc_id=doc_id)
        ]
    assert found["facts"]["mention"] and found["facts"]["sentence"]
    assert found["text"] == dossier.document(doc_id).clean_text


def test_sentences_of_a_document_in_order_and_paged(client: TestClient, dossier: Dossier) -> None:
    doc_id = dossier.facts("sentence", limit=1)[0].doc_id
    every = _ok(client, f"/documents/{doc_id}/sentences", limit=1000)["items"]
    assert [s["sentence"] for s in every] == list(range(len(every)))
    page = _ok(client, f"/documents/{doc_id}/sentences", limit=2, offset=1)["items"]
    assert page == every[1:3]


def test_search_pages_the_ranking_and_marks_matches(client: TestClient, dossier: Dossier) -> None:
    word = "union"
    ranking = [hit.doc_id for hit in dossier.search(word, limit=6)]
    assert len(ranking) >= 3
    first = _ok(client, "/search", q=word, limit=2)["items"]
    second = _ok(client, "/search", q=word, limit=2, offset=2)["items"]
    assert [h["doc_id"] for h in first + second] == ranking[:4]
    assert all("[" in h["snippet"] for h in first)


def test_mentions_of_one_actor_are_all_that_actors(client: TestClient, dossier: Dossier) -> None:
    actor_id = next(m.actor_id for m in dossier.mentions() if m.actor_id)
    found = _ok(client, "/mentions", actor_id=actor_id, limit=1000)["items"]
    assert found and all(m["actor_id"] == actor_id for m in found)
    assert len(found) == len(dossier.mentions(actor_id=actor_id))
    rows = _csv(client.get("/mentions", params={"actor_id": actor_id, "format": "csv"}).text)
    assert {r["actor_id"] for r in rows} == {actor_id}


def test_an_actor_profile_and_its_offices_over_time(client: TestClient) -> None:
    who = _ok(client, "/who", office="President of Russia", on="2011-11-18")
    holder_id = who["holder_id"]
    assert holder_id and who["start"] <= "2011-11-18" <= (who["end"] or "9999")
    profile = _ok(client, f"/actors/{holder_id}")
    assert [p["id"] for p in profile["profiles"]] == [holder_id]
    assert profile["mentions"], "the sample mentions the holder"
    offices = _ok(client, f"/actors/{holder_id}/offices")["items"]
    assert [o["start"] for o in offices] == sorted(o["start"] for o in offices)
    held = [o for o in offices if o["office_id"] == who["office_id"]]
    assert any(o["start"] == who["start"] for o in held)
    rows = _csv(client.get(f"/actors/{holder_id}/offices", params={"format": "csv"}).text)
    assert [r["office_id"] for r in rows] == [o["office_id"] for o in offices]


def test_quotes_filter_by_speaker_and_page(client: TestClient, dossier: Dossier) -> None:
    every = dossier.quotes()
    speaker_id = next(q.speaker_actor_id for q in every if q.speaker_actor_id)
    speaker = next(q.speaker_actor for q in every if q.speaker_actor_id == speaker_id)
    found = _ok(client, "/quotes", speaker=speaker, limit=1000)["items"]
    assert found and all(q["speaker_actor_id"] == speaker_id for q in found)
    page = _ok(client, "/quotes", limit=2, offset=1)["items"]
    assert [q["fact_id"] for q in page] == [q.fact_id for q in every[1:3]]
    rows = _csv(client.get("/quotes", params={"format": "csv", "limit": 3}).text)
    assert [r["fact_id"] for r in rows] == [q.fact_id for q in every[:3]]


def test_events_filter_by_type_and_date_merged_or_not(client: TestClient, dossier: Dossier) -> None:
    reports = dossier.events()
    dated = next(e for e in reports if e.date and len(e.date) >= 4)
    by_type = _ok(client, "/events", type=dated.event_type.lower(), limit=1000)["items"]
    assert by_type and {e["event_type"] for e in by_type} == {dated.event_type}
    year = dated.date[:4]
    in_year = _ok(client, "/events", **{"from": year, "to": year, "limit": 1000})["items"]
    assert in_year and all(e["date"].startswith(year) for e in in_year)
    merged = _ok(client, "/events", merged="true", limit=1000)["items"]
    assert len(merged) == len(dossier.events(merged=True)) <= len(reports)
    rows = _csv(client.get("/events", params={"format": "csv", "limit": 1000}).text)
    index = next(i for i, e in enumerate(reports) if e.source)
    actors = json.loads(rows[index]["source"])  # an actor set stays whole in one cell
    assert actors == [dict(a.__dict__) for a in reports[index].source]


def test_the_timeline_holds_events_and_quotes_by_date(client: TestClient, dossier: Dossier) -> None:
    items = _ok(client, "/timeline", limit=1000)["items"]
    assert {i["kind"] for i in items} == {"event", "quote"}
    dates = [i["date"] for i in items if i["date"]]
    assert dates == sorted(dates)
    assert len(items) == len(dossier.events(merged=True)) + len(dossier.quotes())
    speaker = next(q.speaker_actor for q in dossier.quotes() if q.speaker_actor_id)
    of_actor = _ok(client, "/timeline", actor=speaker, limit=1000)["items"]
    assert 0 < len(of_actor) < len(items)


def test_the_network_links_actors_named_together(client: TestClient, dossier: Dossier) -> None:
    found = _ok(client, "/network")
    assert found["within"] == "document"
    assert found == dossier.actor_network().as_dict()
    ids = {n["actor_id"] for n in found["nodes"]}
    assert found["links"] and all({k["source_id"], k["target_id"]} <= ids for k in found["links"])
    heavy = _ok(client, "/network", within="sentence", min_weight=2)["links"]
    assert all(k["weight"] >= 2 for k in heavy) and len(heavy) < len(found["links"])


# --- every bad parameter is a 4xx with a message ---------------------------------------------------


@pytest.mark.parametrize(
    ("url", "params", "status", "says"),
    [
        ("/documents", {"from": "2011-02-30"}, 422, "2011-02-30"),
        ("/documents", {"to": "last year"}, 422, "YYYY-MM-DD"),
        ("/documents", {"limit": 0}, 422, "limit"),
        ("/documents", {"limit": 100_000}, 422, "limit"),
        ("/documents", {"offset": -1}, 422, "offset"),
        ("/documents", {"format": "xml"}, 422, "format"),
        ("/quotes", {"from": "2012-13"}, 422, "2012-13"),
        ("/events", {"to": "yesterday"}, 422, "yesterday"),
        ("/events", {"type": "TELEPORT"}, 422, "TELEPORT"),
        ("/events", {"country": "R1S"}, 422, "R1S"),
        ("/events", {"country": "RUSSIA"}, 422, "country"),
        ("/timeline", {"from": "2011-11-31"}, 422, "2011-11-31"),
        ("/who", {"office": "President of Russia", "on": "2011-11-31"}, 422, "2011-11-31"),
        ("/who", {}, 422, "office"),
        ("/who", {"office": "Grand Vizier of Atlantis"}, 404, "Grand Vizier of Atlantis"),
        ("/actors/Nobody%20Zzyzxian", {}, 404, "Nobody Zzyzxian"),
        ("/actors/Nobody%20Zzyzxian/offices", {}, 404, "Nobody Zzyzxian"),
        ("/mentions", {"actor_id": "person:nobody-zzyzxian"}, 404, "person:nobody-zzyzxian"),
        ("/mentions", {"doc_id": "ffffffffffff"}, 404, "ffffffffffff"),
        ("/documents/ffffffffffff", {}, 404, "ffffffffffff"),
        ("/documents/abc", {}, 404, "6 characters"),
        ("/documents/ffffffffffff/sentences", {}, 404, "ffffffffffff"),
        ("/search", {}, 422, "q"),
        ("/search", {"q": ""}, 422, "q"),
        ("/network", {"within": "paragraph"}, 422, "within"),
        ("/network", {"min_weight": 0}, 422, "min_weight"),
    ],
)
def test_a_bad_parameter_is_a_4xx_that_says_what_is_wrong(
    client: TestClient, url: str, params: dict[str, Any], status: int, says: str
) -> None:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    assert says in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "-", "*", "NEAR(", "' OR 1=1 --", "a AND OR NOT", "^$%&\\", "\x00"],
)
def test_no_search_text_makes_the_server_fail(client: TestClient, query: str) -> None:
    response = client.get("/search", params={"q": query})
    assert response.status_code < 500, response.text


# --- safety: inert text, read-only by default, a guarded upload ------------------------------------

PAYLOAD_TITLE = 'Ministry statement <script>alert("title")</script>'
PAYLOAD_TEXT = (
    "ASTANA — The ministry said on Tuesday that talks on the customs code would go on. "
    '<img src=x onerror=alert("text")> A spokesman added <script>document.cookie</script> '
    "that the delegations would meet again next month & sign a protocol."
)


@pytest.fixture
def writable(
    annotated_sample_store: Path, copy_sample_store: Callable[[Path], Path]
) -> Iterator[TestClient]:
    """A client over a private copy of the sample store, with ingest allowed and a 2 KB limit."""
    db = copy_sample_store(annotated_sample_store)
    settings = ApiSettings(db=str(db), ingest_token=TOKEN, max_upload_bytes=2048)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _upload(client: TestClient, body: bytes, token: str | None = TOKEN, **headers: str) -> Any:
    headers.setdefault("Content-Type", "application/x-ndjson")
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.post("/documents", content=body, headers=headers)


def test_uploaded_markup_comes_back_as_data_never_as_markup(writable: TestClient) -> None:
    record = {"title": PAYLOAD_TITLE, "text": PAYLOAD_TEXT, "date": "2012-05-15"}
    created = _upload(writable, json.dumps(record).encode())
    assert created.status_code == 201, created.text
    assert created.json()["new"] == 1
    listed = writable.get("/search", params={"q": "customs protocol delegations"})
    doc_id = listed.json()["items"][0]["doc_id"]
    for url in (f"/documents/{doc_id}", "/documents?limit=1000", "/search?q=delegations"):
        response = writable.get(url)
        body = response.text
        assert "\\u003cscript" in body  # the title is there, escaped
        assert "<script" not in body and "<img" not in body
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-security-policy"] == "default-src 'none'"
    document = writable.get(f"/documents/{doc_id}").json()
    assert document["title"] == PAYLOAD_TITLE  # the same string to any JSON reader
    assert "<script>document.cookie</script>" in document["text"]


def test_a_validation_error_does_not_echo_markup(client: TestClient) -> None:
    response = client.get("/documents", params={"limit": "<script>alert(1)</script>"})
    assert response.status_code == 422
    assert "<script" not in response.text


def test_without_a_token_the_server_is_read_only(client: TestClient) -> None:
    response = _upload(client, b'{"text": "A text."}')
    assert response.status_code == 404
    assert "read-only" in response.json()["detail"]
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)("/documents").status_code in (404, 405)


@pytest.mark.parametrize("token", [None, "", "wrong-token", TOKEN + "x"])
def test_an_upload_without_the_right_token_is_forbidden(writable: TestClient, token: Any) -> None:
    before = writable.get("/documents", params={"limit": 1000}).json()["count"]
    response = _upload(writable, b'{"text": "Talks went on in Minsk on Monday."}', token=token)
    assert response.status_code == 403 and "token" in response.json()["detail"]
    assert writable.get("/documents", params={"limit": 1000}).json()["count"] == before


def test_an_upload_over_the_limit_is_refused_declared_or_streamed(writable: TestClient) -> None:
    big = json.dumps({"text": "The summit opened. " * 200}).encode()
    assert len(big) > 2048
    declared = _upload(writable, big)
    assert declared.status_code == 413 and "2048" in declared.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        for start in range(0, len(big), 512):
            yield big[start : start + 512]

    streamed = writable.post(
        "/documents",
        content=chunks(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"},
    )
    assert streamed.status_code == 413


def test_an_upload_of_a_type_no_reader_takes_is_refused(writable: TestClient) -> None:
    response = _upload(writable, b"%PDF-1.4", **{"Content-Type": "application/pdf"})
    assert response.status_code == 415 and "text/plain" in response.json()["detail"]


def test_a_missing_store_is_a_clear_503_not_a_crash(tmp_path: Path) -> None:
    app = create_app(ApiSettings(db=str(tmp_path / "none.db")))
    with TestClient(app) as test_client:
        response = test_client.get("/documents")
    assert response.status_code == 503 and "none.db" in response.json()["detail"]
    assert not (tmp_path / "none.db").exists()


def test_stance_answers_what_the_query_api_answers(client: TestClient, dossier: Dossier) -> None:
    target = "Eurasian integration"
    every = dossier.stances(target=target)
    assert len(every) > 0, "the annotated sample holds stances toward Eurasian integration"
    items = _ok(client, "/stance", target=target, limit=1000)["items"]
    assert [i["fact_id"] for i in items] == [s.fact_id for s in every]
    assert all(i["target"] == target for i in items)
    country = next(s.holder_country for s in every if s.holder_country)
    only = _ok(client, "/stance", target=target, country=country, limit=1000)["items"]
    assert only and all(i["holder_country"] == country for i in only)
    rows = _csv(client.get("/stance", params={"target": target, "format": "csv"}).text)
    assert {r["fact_id"] for r in rows} <= {s.fact_id for s in every} and rows


def test_stance_trends_by_country_add_up_the_stances(client: TestClient, dossier: Dossier) -> None:
    target = "Eurasian integration"
    items = _ok(client, "/stance/trends", target=target, by="country", limit=1000)["items"]
    expected = dossier.stance_trends(target=target, by="country")
    assert [(i["group"], i["evidence"]) for i in items] == [(t.group, t.evidence) for t in expected]
    assert items and all(
        i["in_favour"] + i["against"] + i["neutral"] == i["evidence"] for i in items
    )


@pytest.mark.parametrize(
    ("url", "params", "needle"),
    [
        ("/stance", {"country": "Ukraine"}, "country"),
        ("/stance", {"from": "2013-13"}, "2013-13"),
        ("/stance/trends", {"per": "week"}, "per"),
        ("/stance/trends", {"by": "planet"}, "by"),
    ],
)
def test_bad_stance_parameters_are_a_4xx_that_says_which(
    client: TestClient, url: str, params: dict[str, str], needle: str
) -> None:
    response = client.get(url, params=params)
    assert 400 <= response.status_code < 500, response.text
    assert needle in response.text
