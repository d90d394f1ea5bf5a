"""The web UI in a real browser: Debian's Chromium, headless, driven by Playwright, against
``dossier serve``'s application run by uvicorn on a free loopback port.

It clicks search → document → actor → timeline, and search → document → actor → stance →
report, asserts what each page shows, and saves a
screenshot of every page under ``artifacts/screenshots/``. A document whose title, outlet and
text carry ``<script>`` and ``onerror=`` payloads is opened, and no script of it may run: the
flag the payloads set stays unset and no dialog opens. It also checks that no page asks
anything of another site (the UI must work with no network).

Without /usr/bin/chromium the suite is skipped, saying so; under CI=true it fails instead,
since ``.ci/run`` installs Chromium.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from dossier.api import ApiSettings, create_app
from dossier.query import Dossier

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"

if not CHROMIUM.exists():
    reason = f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does)"
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError(f"the browser tests must run in CI: {reason}")
    pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(hostile_sample_store: Path) -> Iterator[str]:
    """The app over the sample (plus the hostile article), served by uvicorn on 127.0.0.1."""
    import uvicorn

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    app = create_app(ApiSettings(db=str(hostile_sample_store)))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


class Watched:
    """A page with what it did recorded: requests made, dialogs opened, console errors."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def off_site(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base_url)]

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 1000


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield Watched(page, base_url)
    context.close()


def test_search_document_actor_timeline(
    watched: Watched, base_url: str, hostile_sample_store: Path
) -> None:
    page = watched.page
    with Dossier(str(hostile_sample_store)) as dossier:
        hits = dossier.search("customs", limit=1000)
        first = dossier.document_detail(hits[0].doc_id).document
        facts = dossier.document_facts(first.doc_id)

    # Search: type words, submit, see the ranking.
    page.goto(base_url + "/")
    expect(page.locator("#result-count")).to_contain_text("documents")
    watched.shot("01-search-start")
    page.fill("input[name=q]", "customs")
    page.click("#search-form button[type=submit]")
    page.wait_for_url(re.compile(r"\?q=customs"))
    expect(page.locator("#result-count")).to_have_text(re.compile(rf"^{len(hits)} document"))
    expect(page.locator(".hit mark").first).to_have_text(re.compile("customs", re.I))
    watched.shot("02-search-results")

    # A facet: the first outlet link narrows the results to that outlet.
    outlet_link = page.locator(".facets a").first
    outlet = outlet_link.inner_text()
    outlet_link.click()
    page.wait_for_load_state()
    for meta in page.locator(".hit .meta").all_inner_texts():
        assert outlet in meta
    watched.shot("03-search-facet")

    # Document: open the best hit; its title, its facts marked in the text.
    page.goto(base_url + "/?q=customs")
    page.locator(".hit-title").first.click()
    page.wait_for_url(re.compile(r"/ui/documents/"))
    expect(page.locator("#doc-title")).to_have_text(first.meta.title or first.doc_id)
    linked = [m for m in facts["mention"] if m.actor_id]
    assert page.locator("#doc-text a.mention").count() >= 1 and linked
    assert page.locator("#doc-text .timex").count() >= min(1, len(facts["timex"]))
    watched.shot("04-document-cleaned")
    page.click("#text-toggle a")
    page.wait_for_url(re.compile(r"text=original"))
    expect(page.locator("#doc-text")).to_have_class(re.compile("original"))
    watched.shot("05-document-original")
    page.click("#text-toggle a")
    page.wait_for_url(re.compile(r"text=cleaned"))

    # Actor: follow the first linked mention; offices, network and quotes are there.
    mention = page.locator("#doc-text a.mention").first
    href = mention.get_attribute("href")
    assert href is not None
    mention.click()
    page.wait_for_url(re.compile(r"/ui/actors/"))
    expect(page.locator("#actor-name")).not_to_be_empty()
    expect(page.locator("#actor-offices")).to_be_visible()
    expect(page.locator("#actor-network")).to_be_visible()
    watched.shot("06-actor")

    # The actor page of the KB's best-known leader: a drawn network with linked dots.
    page.goto(base_url + "/ui/actors/Putin")
    expect(page.locator("#actor-name")).to_have_text("Vladimir Putin")
    assert page.locator("svg.network circle").count() >= 2
    assert page.locator("#actor-quotes q").count() >= 1
    watched.shot("07-actor-putin")

    # Timeline: from the actor page, then filtered to events of one type.
    page.click("#actor-timeline")
    page.wait_for_url(re.compile(r"/ui/timeline\?actor="))
    expect(page.locator("h1")).to_contain_text("Timeline of Vladimir Putin")
    assert page.locator("#timeline-entries li").count() >= 1
    watched.shot("08-timeline-actor")
    page.goto(base_url + "/ui/timeline")
    page.select_option("select[name=kind]", "event")
    page.select_option("select[name=type]", "AGREE")
    page.click("#timeline-form button[type=submit]")
    page.wait_for_url(re.compile(r"type=AGREE"))
    entries = page.locator("#timeline-entries li")
    assert entries.count() >= 1
    for text in entries.all_inner_texts():
        assert "AGREE" in text
    watched.shot("09-timeline-filtered")

    assert watched.off_site() == []
    assert watched.dialogs == []


def test_search_document_actor_stance_report(
    watched: Watched, base_url: str, hostile_sample_store: Path
) -> None:
    """search → document → actor (its stance timeline) → stance page → evidence → report."""
    page = watched.page
    target = "Eurasian integration"
    with Dossier(str(hostile_sample_store)) as dossier:
        hits = dossier.search("Eurasian", limit=1000)
        stances = list(dossier.stances())
        # The first hit naming a person who holds a dated stance: the click path's actor.
        doc_id, mention = next(
            (hit.doc_id, m)
            for hit in hits
            for m in dossier.mentions(doc_id=hit.doc_id)
            if (m.actor_id or "").startswith("person:")
            and any(s.holder_id == m.actor_id and s.date for s in stances)
        )
        held = {
            (s.target, s.date[:4]) for s in stances if s.holder_id == mention.actor_id and s.date
        }
        countries = dossier.stance_trends(target=target, by="country", period="year")
        cell = countries[0]
        cell_hits = [
            h
            for h in dossier.stances(target=target, country=cell.group)
            if h.date and h.date[:4] == cell.period
        ]

    page.goto(base_url + "/")
    page.fill("input[name=q]", "Eurasian")
    page.click("#search-form button[type=submit]")
    page.wait_for_url(re.compile(r"\?q=Eurasian"))
    expect(page.locator("#result-count")).to_have_text(re.compile(rf"^{len(hits)} document"))
    watched.shot("20-search-eurasian")

    page.click(f'.hit-title[href="/ui/documents/{doc_id}"]')
    page.wait_for_url(re.compile(rf"/ui/documents/{doc_id}"))
    link = page.locator(f'#doc-text a.mention[href*="{mention.actor_id}"]').first
    expect(link).to_be_visible()
    watched.shot("21-document-with-stance-holder")

    link.click()
    page.wait_for_url(re.compile(r"/ui/actors/"))
    expect(page.locator("#actor-stance svg.stance-grid")).to_be_visible()
    assert page.locator("#actor-stance a.stance-cell").count() == len(held)
    expect(page.locator("#actor-report")).to_be_visible()
    watched.shot("22-actor-stance-timeline")

    page.click("header nav a[href='/ui/stance']")
    page.wait_for_url(re.compile(r"/ui/stance$"))
    expect(page.locator("#stance-title")).to_have_text(f"Stance on {target}")
    assert page.locator("#stance-chart a.stance-cell").count() == len(countries)
    watched.shot("23-stance-countries")

    page.locator("#stance-chart a.stance-cell").first.click()
    page.wait_for_url(re.compile(r"/ui/stance/evidence\?"))
    expect(page.locator("#evidence-count")).to_have_text(str(len(cell_hits)))
    assert page.locator("tr.stance-hit").count() == len(cell_hits)
    watched.shot("24-stance-evidence")

    page.go_back()
    page.click("#stance-report")
    page.wait_for_url(re.compile(r"/ui/report\?subject="))
    expect(page.locator("h1")).to_contain_text(target)
    chart = page.locator("img[src^='data:image/png']")
    assert chart.count() == 1  # and it loads under the report page's policy (data: images)
    assert chart.first.evaluate("img => img.complete && img.naturalWidth > 0")
    watched.shot("25-report")

    assert watched.off_site() == []
    assert watched.dialogs == []


def test_the_api_docs_render_from_local_files(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("dossier", timeout=20_000)
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    watched.shot("10-api-docs")
    assert watched.off_site() == []


def test_no_script_of_an_article_runs(
    watched: Watched, base_url: str, hostile_sample_store: Path
) -> None:
    page = watched.page
    with Dossier(str(hostile_sample_store)) as dossier:
        doc_id = next(
            d.doc_id for d in dossier.documents(limit=1000) if "Minsk talks" in (d.title or "")
        )
    for name, url in (
        ("11-hostile-document", f"/ui/documents/{doc_id}"),
        ("12-hostile-original", f"/ui/documents/{doc_id}?text=original"),
        ("13-hostile-search", "/?q=delegations"),
        ("14-hostile-actor", "/ui/actors/Lukashenko"),
    ):
        page.goto(base_url + url)
        page.wait_for_load_state("load")
        watched.shot(name)
        assert page.evaluate("() => window.__dossier_pwned === undefined"), url
    # The markup is on the page as text a reader can see, not as elements.
    page.goto(base_url + f"/ui/documents/{doc_id}")
    expect(page.locator("#doc-title")).to_contain_text("<script>window.__dossier_pwned")
    expect(page.locator("#doc-text")).to_contain_text('<img src=x onerror="window.__dossier_pwned')
    assert page.locator("#doc-text img, #doc-text script, main script, main img").count() == 0
    assert page.locator("#doc-text a.mention").count() >= 1  # the facts around it still shown
    assert watched.dialogs == []
    assert watched.off_site() == []
