"""The stance pages of the web UI through TestClient: the country grid counts what
``Dossier.stance_trends(by="country", period="year")`` counts, each cell's evidence list is what
``Dossier.stances`` lists, the actor page draws its holder's stances by year, the report page
serves ``dossier report``'s HTML under a policy that allows its inline chart and style only, and
bad parameters are 4xx pages. Article markup in an evidence sentence comes out as text."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from conftest import copy_store
from dossier.api.app import PAGE_POLICY
from dossier.api.drawing import stance_grid
from dossier.api.web import POST_SOVIET
from dossier.query import Dossier
from dossier.store.records import StanceTrend

#: An invented report whose stance sentences carry markup a page must show as text.
MARKED_ARTICLE = {
    "title": "Minsk backs the union <b>again</b>",
    "date": "2013-03-05",
    "source": "Invented Wire",
    "text": (
        "MINSK — Alexander Lukashenko said on Tuesday that Belarus fully supports Eurasian "
        "integration <em>and</em> the customs union. "
        '"We welcome the Eurasian Economic Union <script>window.x=1</script>," Lukashenko said.'
    ),
}
TARGET = "Eurasian integration"


@pytest.fixture(scope="module")
def stance_store(hostile_sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stance-ui")
    path = copy_store(hostile_sample_store, folder / "dossier.db")
    source = folder / "marked.jsonl"
    source.write_text(json.dumps(MARKED_ARTICLE) + "\n", encoding="utf-8")
    with Dossier(str(path)) as dossier:
        assert dossier.ingest([str(source)]).new == 1
        assert dossier.annotate(workers=1).annotated == 1
    return path


@pytest.fixture(scope="module")
def served_store(stance_store: Path) -> Path:
    return stance_store


def _page(client: TestClient, url: str, status: int = 200, policy: str = PAGE_POLICY) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == policy
    assert "<script" not in response.text
    return response.text


def _cells(html: str) -> list[tuple[dict[str, str], str]]:
    """Each grid cell: its evidence link's parameters and its for/against(/neutral) label."""
    found = re.findall(
        r'<a href="(/ui/stance/evidence\?[^"]*)" class="stance-cell">.*?<text[^>]*>([^<]*)</text>',
        html,
    )
    return [
        ({k: v[0] for k, v in parse_qs(urlsplit(unescape(href)).query).items()}, label)
        for href, label in found
    ]


def _trend(group: str, period: str, side: str = "for") -> StanceTrend:
    return StanceTrend(group, TARGET, period, 2, 1, 0, 0.33, side, 3, 2, period, period)


def test_the_grid_spans_every_year_between_the_first_and_last_and_links_each_cell() -> None:
    rows = [("RUS", "Russia", {"2011": _trend("RUS", "2011")}), ("UKR", "Ukraine", {})]
    rows.append(("BLR", "Belarus", {"2014": _trend("BLR", "2014", "against")}))
    grid = stance_grid(rows, lambda key, year: f"{key}/{year}")
    assert grid is not None
    assert [year for _, year in grid.years] == ["2011", "2012", "2013", "2014"]
    assert [row.label for row in grid.rows] == ["Russia", "Ukraine", "Belarus"]
    assert grid.rows[1].cells == () and grid.rows[1].href == "UKR/None"
    (last,) = grid.rows[2].cells
    assert (last.side, last.href, last.in_favour, last.against) == ("against", "BLR/2014", 2, 1)
    assert last.x > grid.rows[0].cells[0].x  # 2014 sits right of 2011
    assert stance_grid([("RUS", "Russia", {})], lambda key, year: "") is None


def test_the_stance_page_counts_what_the_query_api_counts(
    client: TestClient, dossier: Dossier
) -> None:
    html = _page(client, "/ui/stance?target=Eurasian+integration")
    assert 'href="/ui/stance"' in html  # the header links to the stance page
    trends = {
        (t.group, t.period): t
        for t in dossier.stance_trends(target=TARGET, by="country", period="year")
    }
    assert trends, "the sample holds dated stances on Eurasian integration"
    cells = _cells(html)
    assert {(query["country"], query["year"]) for query, _ in cells} == set(trends)
    for query, label in cells:
        trend = trends[(query["country"], query["year"])]
        assert query["target"] == TARGET
        counts = [trend.in_favour, trend.against] + ([trend.neutral] if trend.neutral else [])
        assert label == "/".join(map(str, counts))
    for code in POST_SOVIET:  # every post-Soviet state has a row, evidence or not
        assert f"country={code}" in html
    total = sum(t.evidence for t in trends.values())
    assert f"{total} dated stance" in html
    assert 'id="stance-report" href="/ui/report?subject=Eurasian+integration"' in html


def test_each_cell_lists_the_stances_the_query_api_lists(
    client: TestClient, dossier: Dossier
) -> None:
    trends = dossier.stance_trends(target=TARGET, by="country", period="year")
    for trend in trends:
        url = f"/ui/stance/evidence?target={TARGET}&country={trend.group}&year={trend.period}"
        html = _page(client, url)
        assert f'<span id="evidence-count">{trend.evidence}</span>' in html
        assert html.count('<tr class="stance-hit">') == trend.evidence
        hits = dossier.stances(target=TARGET, country=trend.group)
        for hit in hits:
            if hit.date and hit.date[:4] == trend.period:
                assert f'href="/ui/documents/{hit.doc_id}"' in html


def test_european_integration_is_a_target_too(client: TestClient, dossier: Dossier) -> None:
    html = _page(client, "/ui/stance?target=European+integration")
    assert "Stance on European integration" in html
    trends = dossier.stance_trends(target="European integration", by="country", period="year")
    assert len(_cells(html)) == len(trends)
    assert '<option value="Eurasian integration">' in html  # the other target is selectable


def test_evidence_shows_holder_polarity_basis_cue_and_escapes_the_sentence(
    client: TestClient, dossier: Dossier
) -> None:
    html = _page(client, f"/ui/stance/evidence?target={TARGET}&country=BLR&year=2013")
    marked = [
        h
        for h in dossier.stances(target=TARGET, country="BLR", date_from="2013", date_to="2013")
        if h.sentence_text and "<" in h.sentence_text
    ]
    assert marked, "the invented article gives Belarus a stance in a sentence with markup"
    assert "<em>" not in html and "window.x=1</script>" not in html
    assert "&lt;em&gt;and&lt;/em&gt;" in html
    hit = marked[0]
    row = next(r for r in html.split('<tr class="stance-hit">')[1:] if hit.doc_id in r)
    assert hit.holder in unescape(row) and hit.basis in row and (hit.cue or "") in row
    assert ">for<" in row  # polarity +1


def test_the_actor_page_draws_its_stances_by_year_and_links_its_report(
    client: TestClient, dossier: Dossier
) -> None:
    name = "Alexander Lukashenko"
    html = _page(client, "/ui/actors/" + name.replace(" ", "%20"))
    trends = dossier.stance_trends(holder=name, by="actor", period="year")
    assert trends
    section = html.split('id="actor-stance"')[1].split("</section>")[0]
    cells = _cells(section)
    assert len(cells) == len(trends)
    for query, _ in cells:
        shown = _page(
            client, "/ui/stance/evidence?" + "&".join(f"{k}={v}" for k, v in query.items())
        )
        hits = [
            h
            for h in dossier.stances(target=query["target"], holder=query["holder"])
            if h.date and h.date[:4] == query["year"]
        ]
        assert f'<span id="evidence-count">{len(hits)}</span>' in shown
    assert 'id="actor-report" href="/ui/report?subject=Alexander+Lukashenko"' in html


def test_the_report_page_allows_its_chart_and_style_and_nothing_else(client: TestClient) -> None:
    response = client.get("/ui/report?subject=Russia")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "img-src 'self' data:" in policy and "script-src" not in policy
    assert "unsafe-inline" not in policy
    style = re.search(r"<style>(.*?)</style>", response.text, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy  # the one inline stylesheet, by its hash
    assert "<script" not in response.text and "data:image/png;base64," in response.text
    assert "Russia" in response.text
    # every other page keeps the strict policy
    assert client.get("/ui/stance").headers["content-security-policy"] == PAGE_POLICY


def test_the_report_downloads_as_pdf(client: TestClient) -> None:
    response = client.get("/ui/report?subject=Russia&format=pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response.headers["content-disposition"]


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/ui/stance?target=Martian+integration", 404, "Martian integration"),
        ("/ui/stance?target=%3Cb%3Ex%3C%2Fb%3E", 404, "&lt;b&gt;x&lt;/b&gt;"),
        ("/ui/stance/evidence?country=RU", 422, "country"),
        ("/ui/stance/evidence?year=20x", 422, "year"),
        ("/ui/stance/evidence?target=nowhere", 404, "nowhere"),
        ("/ui/report", 422, "subject"),
        ("/ui/report?subject=Russia&from=soon", 422, "from"),
        ("/ui/report?subject=Russia&format=docx", 422, "format"),
    ],
)
def test_bad_stance_and_report_parameters_are_pages_saying_what_to_fix(
    client: TestClient, url: str, status: int, says: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "<b>x</b>" not in response.text
    message = re.search(r'id="error-message">(.*?)</p>', response.text, re.S)
    assert message is not None and says in message.group(1)


def test_stances_by_holder_ids_are_exactly_those_actors_stances(dossier: Dossier) -> None:
    every = list(dossier.stances())
    holder_id = next(hit.holder_id for hit in every if hit.holder_id)
    found = dossier.stances(holder_ids=[holder_id])
    assert [h.fact_id for h in found] == [h.fact_id for h in every if h.holder_id == holder_id]
    assert dossier.stances(holder_ids=["person:nobody-at-all"]) == []


def test_the_actor_stance_timeline_keeps_the_rows_with_most_evidence(
    client: TestClient, dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.api import web

    name = "Alexander Lukashenko"
    trends = dossier.stance_trends(holder=name, by="actor", period="year")
    evidence: dict[str, int] = {}
    for trend in trends:
        evidence[trend.target] = evidence.get(trend.target, 0) + trend.evidence
    assert len(evidence) >= 2, "Lukashenko holds stances toward more than one target"
    most = min(evidence, key=lambda target: (-evidence[target], target))
    monkeypatch.setattr(web, "STANCE_ROWS", 1)
    html = _page(client, "/ui/actors/Alexander%20Lukashenko")
    section = html.split('id="actor-stance"')[1].split("</section>")[0]
    assert {query["target"] for query, _ in _cells(section)} == {most}
    assert f"The {len(evidence) - 1} other targets" in section
