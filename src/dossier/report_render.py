"""A ``Report`` (``dossier.report``) as Markdown, HTML or PDF, with its timeline chart drawn
without a display (matplotlib's Agg backend).

Article text is untrusted: HTML goes through Jinja2 with autoescape on; Markdown escapes the
characters that would make markup of it; PDF writes it as text, never as markup.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.report import Report, ReportEvent, ReportStance


# -- the chart ----------------------------------------------------------------------------------


def timeline_png(report: Report, *, width: float = 7.0, height: float = 2.6) -> bytes | None:
    """The timeline chart (events and quotes per year, bars) as PNG bytes; None when nothing
    in the report is dated."""
    if not report.timeline:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    years = list(report.timeline)
    events = [report.timeline[y]["events"] for y in years]
    quotes = [report.timeline[y]["quotes"] for y in years]
    figure = Figure(figsize=(width, height), dpi=150)
    axes = figure.add_subplot()
    positions = range(len(years))
    axes.bar([p - 0.2 for p in positions], events, width=0.4, label="events", color="#1f5f8b")
    axes.bar([p + 0.2 for p in positions], quotes, width=0.4, label="quotes", color="#d9822b")
    axes.set_xticks(list(positions), years)
    axes.set_ylabel("count")
    axes.set_title(f"{report.subject}: events and quotes per year")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(frameon=False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    FigureCanvasAgg(figure)  # drawn off-screen: no display, no pyplot state touched
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


# -- Markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md(text: str | None) -> str:
    """``text`` safe inside Markdown: one line, markup characters escaped."""
    return " ".join((text or "").split()).translate(_MD_SPECIAL)


def _source_line(source) -> str:
    parts = [source.outlet or "unknown outlet", source.date or "undated"]
    title = f"“{source.title}”" if source.title else "untitled"
    return f"{', '.join(parts)}, {title} (document {source.doc_id})"


_EVENT_COLUMNS = ("date", "type", "who", "to whom", "reports", "source")
_STANCE_COLUMNS = ("holder", "target", "period", "side", "evidence", "sources")


def _event_row(e: ReportEvent) -> str:
    return (
        f"| {e.date or '?'} | {e.event_type} | {md(e.source)} | {md(e.target)} | "
        f"{e.reports} | [^{e.note}] |"
    )


def _stance_row(s: ReportStance) -> str:
    notes = " ".join(f"[^{n}]" for n in s.notes)
    return (
        f"| {md(s.group)} | {md(s.target)} | {s.period or 'all'} | {s.side} ({s.score:+.2f}) "
        f"| {s.evidence} | {notes} |"
    )


def _table_section(title: str, header: tuple[str, ...], rows: list[str], empty: str) -> list[str]:
    """A Markdown section: its heading, then a table of ``rows`` (each already a ``| ... |``
    line) under ``header``, or the line ``empty`` when there are none."""
    lines = ["", f"## {title}", ""]
    if not rows:
        return [*lines, empty]
    return [*lines, "| " + " | ".join(header) + " |", "|" + "---|" * len(header), *rows]


def render_markdown(report: Report, chart: Path | None = None) -> str:
    """The report as Markdown; footnotes as ``[^N]``. With ``chart`` (a path) the timeline chart
    is written there as PNG and linked; without it the timeline is a table."""
    lines = [f"# {md(report.title)}", "", f"*{report.kind}*", "", "## Summary", ""]
    lines += [f"- {name}: {value}" for name, value in report.figures.items()]
    lines += ["", "## Timeline", ""]
    png = timeline_png(report) if chart is not None else None
    if png is not None and chart is not None:
        chart.write_bytes(png)
        lines += [f"![events and quotes per year]({chart.name})", ""]
    lines += ["| year | events | quotes |", "|---|---|---|"]
    lines += [f"| {y} | {c['events']} | {c['quotes']} |" for y, c in report.timeline.items()]
    lines += ["", "## Key quotes", ""]
    for quote in report.quotes:
        lines.append(
            f"- {quote.date or 'undated'}, **{md(quote.speaker)}**: “{md(quote.text)}”"
            f" ({md(quote.outlet) or 'unknown outlet'})[^{quote.note}]"
        )
    if not report.quotes:
        lines.append("No quote found.")
    events = [_event_row(event) for event in report.events]
    lines += _table_section("Events", _EVENT_COLUMNS, events, "No event found.")
    stances = [_stance_row(stance) for stance in report.stances]
    lines += _table_section("Stance over time", _STANCE_COLUMNS, stances, "No stance found.")
    lines += ["", "## Sources", ""]
    lines += [f"[^{s.number}]: {md(_source_line(s))}: “{md(s.sentence)}”" for s in report.notes]
    return "\n".join(lines) + "\n"


# -- HTML ---------------------------------------------------------------------------------------

HTML_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ r.title }}</title>
<style>
body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;
text-align:left;vertical-align:top}sup a{text-decoration:none}.notes li{margin:.3rem 0}
.figures{display:flex;gap:1.5rem;flex-wrap:wrap}.figures div{font-size:.9rem}
.figures b{display:block;font-size:1.4rem}img{max-width:100%}
</style></head><body>
<h1>{{ r.title }}</h1><p><em>{{ r.kind }}</em></p>
<h2>Summary</h2><div class="figures">
{% for name, value in r.figures.items() %}<div><b>{{ value }}</b>{{ name }}</div>{% endfor %}
</div>
<h2>Timeline</h2>
{% if chart %}<img alt="events and quotes per year" src="data:image/png;base64,{{ chart }}">
{% else %}<p>Nothing dated.</p>{% endif %}
<h2>Key quotes</h2>
{% for q in r.quotes %}<blockquote><p>“{{ q.text }}”<sup><a href="#note-{{ q.note }}">{{ q.note
}}</a></sup></p><footer>— {{ q.speaker }}, {{ q.date or "undated" }}{% if q.outlet %},
{{ q.outlet }}{% endif %}</footer></blockquote>
{% else %}<p>No quote found.</p>{% endfor %}
<h2>Events</h2>
{% if r.events %}<table><tr><th>date</th><th>type</th><th>who</th><th>to whom</th>
<th>reports</th><th>source</th></tr>
{% for e in r.events %}<tr><td>{{ e.date or "?" }}</td><td>{{ e.event_type }}</td>
<td>{{ e.source }}</td><td>{{ e.target }}</td><td>{{ e.reports }}</td>
<td><sup><a href="#note-{{ e.note }}">{{ e.note }}</a></sup></td></tr>{% endfor %}
</table>{% else %}<p>No event found.</p>{% endif %}
<h2>Stance over time</h2>
{% if r.stances %}<table><tr><th>holder</th><th>target</th><th>period</th><th>side</th>
<th>evidence</th><th>sources</th></tr>
{% for s in r.stances %}<tr><td>{{ s.group }}</td><td>{{ s.target }}</td>
<td>{{ s.period or "all" }}</td><td>{{ s.side }} ({{ "%+.2f"|format(s.score) }})</td>
<td>{{ s.evidence }}</td><td>{% for n in s.notes %}<sup><a href="#note-{{ n }}">{{ n
}}</a></sup> {% endfor %}</td></tr>{% endfor %}
</table>{% else %}<p>No stance found.</p>{% endif %}
<h2>Sources</h2><ol class="notes">
{% for s in r.notes %}<li id="note-{{ s.number }}">{{ s.outlet or "unknown outlet" }},
{{ s.date or "undated" }}, {% if s.title %}“{{ s.title }}”{% else %}untitled{% endif %}
(document <code>{{ s.doc_id }}</code>): “{{ s.sentence }}”</li>{% endfor %}
</ol></body></html>
"""


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (chart inlined, no network), article text
    escaped by Jinja2's autoescape."""
    from jinja2 import Environment

    environment = Environment(autoescape=True)
    png = timeline_png(report)
    chart = base64.b64encode(png).decode("ascii") if png else None
    return environment.from_string(HTML_TEMPLATE).render(r=report, chart=chart)


# -- PDF ----------------------------------------------------------------------------------------


def _font_path() -> str:
    """DejaVu Sans, which matplotlib ships: a Unicode font for any script an article uses."""
    import matplotlib

    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf")


def render_pdf(report: Report) -> bytes:
    """The report as PDF (fpdf2): figures, the timeline chart as an image, quotes, events and
    stance tables with footnote numbers, and the numbered sources at the end."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    font = _font_path()
    pdf.add_font("DejaVu", "", font)
    pdf.add_font("DejaVu", "B", str(Path(font).with_name("DejaVuSans-Bold.ttf")))
    pdf.set_title(report.title)
    pdf.add_page()
    width = pdf.epw

    def heading(text: str, size: int = 13) -> None:
        pdf.ln(2)
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(width, 8, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)

    def para(text: str, height: float = 5) -> None:
        pdf.multi_cell(width, height, text, align="L", new_x="LMARGIN", new_y="NEXT")

    heading(report.title, 16)
    para(report.kind)
    heading("Summary")
    para(" · ".join(f"{name}: {value}" for name, value in report.figures.items()))
    heading("Timeline")
    png = timeline_png(report)
    if png is None:
        para("Nothing dated.")
    else:
        pdf.image(io.BytesIO(png), w=width)
    heading("Key quotes")
    for quote in report.quotes:
        para(
            f"{quote.date or 'undated'}, {quote.speaker}: “{quote.text}” "
            f"({quote.outlet or 'unknown outlet'}) [{quote.note}]"
        )
        pdf.ln(1)
    if not report.quotes:
        para("No quote found.")

    def table_section(
        title: str,
        widths: tuple[int, ...],
        header: tuple[str, ...],
        rows: list[tuple[str, ...]],
        empty: str,
    ) -> None:
        heading(title)
        if not rows:
            para(empty)
            return
        with pdf.table(col_widths=widths, text_align="LEFT") as table:
            table.row(header)
            for row in rows:
                table.row(row)

    events = [
        (e.date or "?", e.event_type, e.source, e.target, str(e.reports), f"[{e.note}]")
        for e in report.events
    ]
    table_section("Events", (14, 14, 28, 28, 11, 9), _EVENT_COLUMNS, events, "No event found.")
    stances = [
        (
            s.group,
            s.target,
            s.period or "all",
            f"{s.side} ({s.score:+.2f})",
            str(s.evidence),
            " ".join(f"[{n}]" for n in s.notes),
        )
        for s in report.stances
    ]
    widths = (22, 26, 10, 18, 10, 14)
    table_section("Stance over time", widths, _STANCE_COLUMNS, stances, "No stance found.")
    heading("Sources")
    pdf.set_font("DejaVu", "", 8)
    for source in report.notes:
        title = f"“{source.title}”" if source.title else "untitled"
        para(
            f"[{source.number}] {source.outlet or 'unknown outlet'}, "
            f"{source.date or 'undated'}, {title} (document {source.doc_id}): "
            f"“{source.sentence}”",
            4,
        )
        pdf.ln(1)
    return bytes(pdf.output())
