"""The web UI through FastAPI's TestClient: every page answers HTML built from the query API,
facets and filters narrow what the query API says they should, article markup comes out
escaped, and /docs loads nothing from another site. The browser suite (test_ui_browser.py)
clicks through the same pages in Chromium."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import pytest
from fastapi.testclient import TestClient

from conftest import HOSTILE_ARTICLE
from dossier.answers import ActorLink, ActorNetwork, ActorNode, Records
from dossier.api import ApiSettings, create_app
from dossier.api.app import PAGE_POLICY
from dossier.api.drawing import ego_drawing
from dossier.api.marking import Mark, pieces
from dossier.api.web import MATCH_CLOSE, MATCH_OPEN, snippet_parts
from dossier.query import Dossier


@pytest.fixture(scope="module")
def served_store(hostile_sample_store: Path) -> Path:
    return hostile_sample_store


def _page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == PAGE_POLICY
    assert "<script" not in response.text  # no page of the UI carries a script
    return response.text


def _doc_links(html: str) -> list[str]:
    return re.findall(r'class="hit-title" href="/ui/documents/([0-9a-f]+)"', html)


def _hostile_id(dossier: Dossier) -> str:
    return next(d.doc_id for d in dossier.documents(limit=1000) if "Minsk talks" in (d.title or ""))


# --- the text cut at fact boundaries ---------------------------------------------------------------


def test_pieces_cover_the_text_once_and_carry_every_overlapping_mark() -> None:
    text = '"We will sign," Putin said on Tuesday.'
    marks = [
        Mark(1, 13, "quote", "direct quote of Putin"),
        Mark(9, 13, "event", "Russia → AGREE → ?"),
        Mark(16, 21, "mention", "Vladimir Putin", "/ui/actors/person:vladimir-putin"),
        Mark(30, 37, "timex", "DATE 2012-05-15"),
        Mark(40, 90, "timex", "outside the text"),
    ]
    found = pieces(text, marks)
    assert "".join(p.text for p in found) == text
    sign = next(p for p in found if p.text == "sign")
    assert sign.kinds == ("quote", "event")
    assert next(p for p in found if p.text == "We will ").kinds == ("quote",)
    putin = next(p for p in found if p.text == "Putin")
    assert putin.href == "/ui/actors/person:vladimir-putin"
    assert not any(p.kinds for p in found if p.text.startswith(" said"))


def test_snippet_matches_are_cut_out_by_the_markers() -> None:
    snippet = f"the {MATCH_OPEN}customs{MATCH_CLOSE} code and {MATCH_OPEN}union{MATCH_CLOSE}."
    assert snippet_parts(snippet) == [
        ("the ", False),
        ("customs", True),
        (" code and ", False),
        ("union", True),
        (".", False),
    ]


def test_the_network_drawing_keeps_the_actors_named_with_it_most() -> None:
    names = {"a": "Ana Ruiz", "b": "Bo Lind", "c": "Cy Park", "d": "Di Moss", "e": "Ed Vance"}
    nodes = Records([ActorNode(k, v, None, 5) for k, v in names.items()], ActorNode)
    pairs = [("a", "b", 9), ("c", "a", 4), ("a", "d", 1), ("d", "e", 30)]
    links = Records([ActorLink(x, names[x], y, names[y], w) for x, y, w in pairs], ActorLink)
    drawing = ego_drawing(ActorNetwork("document", nodes, links), ["a"], most=2)
    assert drawing is not None
    assert [n.name for n in drawing.nodes] == ["Ana Ruiz", "Bo Lind", "Cy Park"]
    assert drawing.nodes[0].centre and not drawing.nodes[1].centre
    assert [line.weight for line in drawing.links] == [9, 4]
    assert drawing.links[0].width > drawing.links[1].width
    for node in drawing.nodes:
        assert 0 <= node.x <= drawing.width and 0 <= node.y <= drawing.height
    assert ego_drawing(ActorNetwork("document", nodes, links), ["z"]) is None


# --- search -------------------------------------------------------------------------------------


def test_the_search_page_lists_every_document_without_words(
    client: TestClient, dossier: Dossier
) -> None:
    html = _page(client, "/")
    stored = dossier.documents(limit=1000)
    assert f">{len(stored)} documents" in html
    assert set(_doc_links(html)) == {d.doc_id for d in stored}


def test_search_words_rank_documents_and_mark_the_matches(
    client: TestClient, dossier: Dossier
) -> None:
    html = _page(client, "/?q=customs")
    expected = [hit.doc_id for hit in dossier.search("customs", limit=1000)]
    assert expected and _doc_links(html) == expected
    assert re.search(r"<mark>customs</mark>", html, re.IGNORECASE)


def test_facets_narrow_the_results_as_the_query_api_does(
    client: TestClient, dossier: Dossier
) -> None:
    events = dossier.events(event_type="AGREE")
    assert events
    html = _page(client, "/?type=AGREE")
    assert set(_doc_links(html)) == {e.doc_id for e in events}

    outlet = next(d.outlet for d in dossier.documents(limit=1000) if d.outlet)
    html = _page(client, "/?" + f"outlet={outlet}")
    assert set(_doc_links(html)) == {d.doc_id for d in dossier.documents(outlet=outlet)}

    report = dossier.actor("Putin", limit=1000)
    named = {m.doc_id for m in report.mentions or ()}
    html = _page(client, "/?actor=Putin&from=2012&to=2012")
    in_2012 = {d.doc_id for d in dossier.documents(date_from="2012", date_to="2012")}
    assert named & in_2012 and set(_doc_links(html)) == named & in_2012


def test_actor_and_event_type_facets_count_the_documents_shown(
    client: TestClient, dossier: Dossier
) -> None:
    html = _page(client, "/?q=customs")
    shown = _doc_links(html)
    named: Counter[str] = Counter()
    coded: Counter[str] = Counter()
    for doc_id in shown:
        named.update({m.actor_id for m in dossier.mentions(doc_id=doc_id) if m.actor_id})
        coded.update({e.event_type for e in dossier.facts("event", doc_id=doc_id)})
    facet = r'<li><a href="/\?([^"]+)">[^<]+</a> <span class="count">(\d+)</span>'
    actors = re.search(r'<ul id="facet-actors">(.*?)</ul>', html, re.S)
    types = re.search(r'<ul id="facet-types">(.*?)</ul>', html, re.S)
    assert actors is not None and types is not None
    links = [(parse_qs(unescape(q)), int(n)) for q, n in re.findall(facet, actors.group(1))]
    assert links and [n for _, n in links] == sorted((n for _, n in links), reverse=True)
    for query, count in links:
        assert named[query["actor"][0]] == count
    assert {
        query["type"][0]: n
        for query, n in (
            (parse_qs(unescape(q)), int(n)) for q, n in re.findall(facet, types.group(1))
        )
    } == dict(coded)
    top = links[0][0]["actor"][0]
    narrowed = _doc_links(_page(client, "/?" + urlencode({"q": "customs", "actor": top})))
    assert set(narrowed) == {
        d for d in shown if any(m.actor_id == top for m in dossier.mentions(doc_id=d))
    }


def test_a_bad_facet_is_a_page_saying_what_to_fix(client: TestClient) -> None:
    assert "not an ISO date" in _page(client, "/?from=last+spring", 422)
    assert "no PLOVER type" in _page(client, "/?type=GOSSIP", 422)


# --- a document -----------------------------------------------------------------------------------


def test_the_document_page_marks_every_fact_and_links_mentions_to_actors(
    client: TestClient, dossier: Dossier
) -> None:
    doc_id = next(
        d.doc_id for d in dossier.documents(limit=1000) if dossier.facts("event", doc_id=d.doc_id)
    )
    html = _page(client, f"/ui/documents/{doc_id}")
    facts = dossier.document_facts(doc_id)
    linked = {m.actor_id for m in facts["mention"] if m.actor_id}
    assert linked
    for actor_id in linked:
        assert f'href="/ui/actors/{actor_id}"' in html
    for timex in facts["timex"]:
        assert f"<code>{timex.value}</code>" in html
    assert html.count("<q>") == len(facts["quote"])
    assert 'class="event' in html or ' event"' in html
    article = re.search(r'<article class="text cleaned" id="doc-text">(.*?)</article>', html, re.S)
    assert article is not None
    plain = unescape(re.sub(r"<[^>]+>", "", article.group(1)))
    assert plain == dossier.document(doc_id).clean_text


def test_the_original_text_shows_what_cleaning_removed(
    client: TestClient, dossier: Dossier
) -> None:
    document = next(
        dossier.document(d.doc_id)
        for d in dossier.documents(limit=1000)
        if dossier.document(d.doc_id).cleaned.removed
    )
    html = _page(client, f"/ui/documents/{document.doc_id}?text=original")
    article = re.search(r'<article class="text original" id="doc-text">(.*?)</article>', html, re.S)
    assert article is not None
    assert unescape(re.sub(r"<[^>]+>", "", article.group(1))) == document.original_text
    assert 'class="removed"' in article.group(1)
    assert f"found by {document.meta.date_source}" in html
    assert 'href="?text=cleaned"' in html


def test_article_markup_is_shown_as_text_on_every_page(
    client: TestClient, dossier: Dossier
) -> None:
    doc_id = _hostile_id(dossier)
    for url in (
        f"/ui/documents/{doc_id}",
        f"/ui/documents/{doc_id}?text=original",
        "/?q=delegations",
        "/ui/actors/Lukashenko",
        "/ui/timeline?from=2012-05&to=2012-05",
    ):
        html = _page(client, url)
        assert "<img" not in html and "<b>" not in html
        assert not re.search(r"<[^>]*onerror", html, re.IGNORECASE)  # no tag holds a handler
    html = _page(client, f"/ui/documents/{doc_id}")
    assert "&lt;script&gt;window.__dossier_pwned" in html
    assert "&lt;img src=x onerror=" in html
    assert "Test Wire &lt;b&gt;bold&lt;/b&gt;" in html
    assert HOSTILE_ARTICLE["title"] not in html


def test_an_unknown_document_is_a_404_page(client: TestClient) -> None:
    html = _page(client, "/ui/documents/ffffffffffff", 404)
    assert "no document" in html


# --- an actor and the timeline -------------------------------------------------------------------


def test_the_actor_page_shows_offices_quotes_events_and_network(
    client: TestClient, dossier: Dossier
) -> None:
    html = _page(client, "/ui/actors/Putin")
    report = dossier.actor("Putin")
    profile = report.profiles[0]
    assert f'id="actor-name">{profile.actor.name}<' in html
    for spell in profile.offices:
        assert spell.office in unescape(html) and spell.start in html
    quotes = dossier.quotes(speaker="Putin", limit=100)
    assert quotes and html.count("<q>") == len(quotes)
    network = dossier.actor_network()
    partners = {
        link.target_id if link.source_id == profile.actor.id else link.source_id
        for link in network.links
        if profile.actor.id in (link.source_id, link.target_id)
    }
    assert partners
    assert html.count("<line ") == min(len(partners), 12)
    assert html.count("<circle ") == min(len(partners), 12) + 1


def test_a_place_page_links_the_actor_its_name_stands_for(
    client: TestClient, dossier: Dossier
) -> None:
    report = dossier.actor("Moscow")
    assert report.place is not None and report.stands_for is not None
    html = _page(client, "/ui/actors/Moscow")
    assert "A place" in html
    assert f'href="/ui/actors/{report.stands_for.id}">{report.stands_for.name}</a>' in html


def test_an_unknown_actor_is_a_404_page_with_the_name_escaped(client: TestClient) -> None:
    html = _page(client, "/ui/actors/%3Cscript%3Ex", 404)
    assert "&lt;script&gt;x" in html


def test_the_timeline_filters_by_kind_type_and_actor(client: TestClient, dossier: Dossier) -> None:
    everything = dossier.timeline()
    html = _page(client, "/ui/timeline")
    assert f">{len(everything)} entries" in html
    events = [e for e in everything if e.kind == "event"]
    assert f">{len(events)} entries" in _page(client, "/ui/timeline?kind=event")
    agree = [e for e in events if e.what == "AGREE"]
    html = _page(client, "/ui/timeline?type=AGREE")
    assert html.count('<li class="entry entry-event">') == min(len(agree), 100)
    assert '<li class="entry entry-quote">' not in html
    putin = dossier.timeline(actor="Putin")
    assert f">{len(putin)} entr" in _page(client, "/ui/timeline?actor=Putin")


# --- /docs without a CDN --------------------------------------------------------------------------


def test_docs_load_swagger_ui_from_this_server_only(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert assets and all(url.startswith("/static/") for url in assets)
    for url in assets:
        assert client.get(url).status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "unsafe-eval" not in response.headers["content-security-policy"]
    assert client.get("/openapi.json").status_code == 200


def test_page_errors_are_pages_and_api_errors_stay_json(client: TestClient, tmp_path: Path) -> None:
    html = _page(client, "/ui/documents/abc?text=%3Cb%3Esideways", 422)
    assert "query.text" in html and "<b>" not in html
    assert client.get("/documents/ffffffffffff").headers["content-type"] == "application/json"
    _page(client, "/ui/no-such-page", 404)
    with TestClient(create_app(ApiSettings(db=str(tmp_path / "none.db")))) as empty:
        response = empty.get("/")
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("text/html")
        assert "no dossier store" in response.text
