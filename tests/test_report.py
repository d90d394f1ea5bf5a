"""``dossier report`` and ``dossier brief`` on the annotated sample: the PDF's pages, rendered to
PNG, show the timeline chart and the footnotes; every footnote of the Markdown names a real
document and one of its sentences; article markup is escaped in HTML and Markdown; the brief
names quotes, events and country stances that the store holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.query import Dossier
from dossier.report import build_report
from dossier.report_render import md as md_escape

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_report_renders_the_chart_and_the_footnotes(
    annotated_sample_store: Path, tmp_path: Path
) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    pdf_path = tmp_path / "russia.pdf"
    _run(
        "report",
        "Russia",
        "--format",
        "pdf",
        "--out",
        str(pdf_path),
        "--db",
        str(annotated_sample_store),
    )
    assert pdf_path.read_bytes().startswith(b"%PDF")

    report = build_report(Dossier(str(annotated_sample_store)), "Russia")
    assert report.kind == "country" and report.notes and report.timeline

    document = pdfium.PdfDocument(str(pdf_path))
    text = ""
    chart_pixels = None
    for index, page in enumerate(document):
        image = page.render(scale=2).to_pil().convert("RGB")
        image.save(tmp_path / f"page-{index}.png")
        text += page.get_textpage().get_text_range() + "\n"
        pictures = list(page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE]))
        if pictures and chart_pixels is None:
            left, bottom, right, top = pictures[0].get_bounds()
            height = page.get_height()
            # PDF points from the bottom left, to pixels from the top left at scale 2.
            box = (
                int(left * 2),
                int((height - top) * 2),
                int(right * 2),
                int((height - bottom) * 2),
            )
            chart_pixels = image.crop(box)
    assert (tmp_path / "page-0.png").stat().st_size > 0

    # The chart: an image on a page, not blank, with the events bars' blue in it.
    assert chart_pixels is not None, "no image (the chart) on any page"
    assert chart_pixels.width > 300 and chart_pixels.height > 80
    colours = chart_pixels.getcolors(maxcolors=1 << 20)
    not_white = sum(count for count, rgb in colours if sum(rgb) < 700)
    assert not_white > 0.02 * chart_pixels.width * chart_pixels.height
    assert any(count > 200 and b > r + 60 and b > 100 for count, (r, g, b) in colours), (
        "no bar of the events colour in the chart"
    )

    # The footnotes: each source's number, document id and sentence are on the pages.
    flat = _flat(text)
    assert "Sources" in flat
    for source in report.notes:
        assert f"[{source.number}]" in flat
        assert source.doc_id in flat
        assert _flat(source.sentence)[:40] in flat


def test_markdown_footnotes_resolve_to_real_documents_and_sentences(
    annotated_sample_store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "eurasia.md"
    _run(
        "report",
        "Eurasian integration",
        "--format",
        "md",
        "--out",
        str(out),
        "--db",
        str(annotated_sample_store),
    )
    markdown = out.read_text(encoding="utf-8")
    assert (tmp_path / "eurasia-timeline.png").read_bytes().startswith(b"\x89PNG")
    body, _, sources = markdown.partition("## Sources")
    cited = {int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)}
    defined = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", sources, flags=re.M))
    assert cited, "no claim is footnoted"
    assert cited == {int(n) for n in defined}, "a footnote is cited but not defined, or not cited"
    dossier = Dossier(str(annotated_sample_store))
    for line in defined.values():
        doc_id = re.search(r"\(document ([0-9a-f]+)\)", line).group(1)
        sentence = line.split(": “", 1)[1].rstrip("”")
        document = dossier.document(doc_id)
        stored = _flat(document.clean_text)
        assert line.startswith(md_escape(document.meta.outlet or "unknown outlet") + ", ")
        if document.meta.title:
            assert f"“{md_escape(_flat(document.meta.title))}”" in line
        # Markdown escapes markup characters; undo that to compare with the stored text.
        assert _flat(re.sub(r"\\(.)", r"\1", sentence)) in stored
    assert "## Key quotes" in markdown and "## Events" in markdown
    assert "## Stance over time" in markdown and "| ARM |" in markdown


def test_html_and_markdown_escape_article_markup(hostile_sample_store: Path) -> None:
    store = str(hostile_sample_store)
    report = build_report(Dossier(store), "Vladimir Putin", date_from="2012-05", date_to="2012-05")
    assert any("<script>" in (s.title or "") for s in report.notes), (
        "the hostile article is not cited"
    )

    html = _run(
        "report",
        "Vladimir Putin",
        "--from",
        "2012-05",
        "--to",
        "2012-05",
        "--format",
        "html",
        "--db",
        store,
    )
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert html.count("<img") == 1 and "data:image/png;base64," in html  # only the chart

    markdown = _run(
        "report", "Vladimir Putin", "--from", "2012-05", "--to", "2012-05", "--db", store
    )
    assert "<script>" not in markdown and "\\<script\\>" in markdown


def test_report_refuses_a_bad_date(annotated_sample_store: Path) -> None:
    result = runner.invoke(
        app, ["report", "Russia", "--from", "2012-31", "--db", str(annotated_sample_store)]
    )
    assert result.exit_code == 2


def test_brief_names_real_quotes_events_and_country_stances(annotated_sample_store: Path) -> None:
    store = str(annotated_sample_store)
    shown = _flat(_run("brief", "--db", store))
    dossier = Dossier(store)
    quotes = list(dossier.quotes(about="Eurasian")) + list(dossier.quotes(about="customs union"))
    assert quotes
    named = [
        q for q in quotes if (q.speaker_actor or q.speaker) in shown and _flat(q.text)[:30] in shown
    ]
    assert len(named) >= 2, shown

    events = list(dossier.events(merged=True))
    assert any(f"{e.date} {e.event_type}:" in shown for e in events if e.date)

    trends = list(dossier.stance_trends(target="Eurasian integration", by="country"))
    assert trends
    for trend in trends:
        assert f"({trend.group}): {trend.side} ({trend.score:+.2f};" in shown
    assert "Russia (RUS)" in shown

    assert "dossier serve" in shown and "http://127.0.0.1:8000/" in shown
    assert (
        shown.index("Who said what") < shown.index("Main events") < shown.index("Country stances")
    )


def test_the_first_command_ends_with_the_brief() -> None:
    setup = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    commands = [line for line in setup.splitlines() if line.startswith(".venv/bin/dossier ")]
    assert commands[-1].split()[1] == "brief"


def test_the_subject_decides_what_is_gathered(annotated_sample_store: Path) -> None:
    dossier = Dossier(str(annotated_sample_store))
    person = build_report(dossier, "Vladimir Putin", date_from="2011", date_to="2014")
    assert person.kind == "actor" and person.quotes and person.events
    assert {q.speaker for q in person.quotes} == {"Vladimir Putin"}
    assert all("Vladimir Putin" in f"{e.source}, {e.target}" for e in person.events)
    dated = [q.date for q in person.quotes] + [e.date for e in person.events]
    assert all("2011" <= d[:4] <= "2014" for d in dated if d)
    assert {s.group for s in person.stances} == {"Vladimir Putin"}

    country = build_report(dossier, "Russia")
    assert country.kind == "country" and {s.group for s in country.stances} == {"RUS"}

    topic = build_report(dossier, "Customs Union")  # an alias of the target
    assert topic.kind == "topic" and topic.stances
    assert {s.target for s in topic.stances} == {"Eurasian integration"}
    numbers = [n.number for n in topic.notes]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len({(n.doc_id, n.sentence) for n in topic.notes}) == len(numbers)
