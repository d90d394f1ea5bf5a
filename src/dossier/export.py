"""Files other tools read, written from the query API: every fact kind as JSON lines, CSV or
Parquet; events as GDELT 2.0 TSV and PLOVER JSON (``dossier.event_formats``); time expressions
as TimeML, one ``.tml`` per document; the actor co-occurrence network as GraphML and GEXF
(networkx writes both).

Each writer takes a ``Dossier`` and a folder, writes into it, and returns the paths written.
``dossier export`` is its command line.
"""

from __future__ import annotations

from collections import defaultdict
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from dossier.answers import ActorNetwork, Records
    from dossier.model import Document, Timex
    from dossier.query import Dossier


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"
    timeml = "timeml"
    graphml = "graphml"
    gexf = "gexf"


#: Formats that write one file per fact kind.
TABLE_FORMATS = (ExportFormat.jsonl, ExportFormat.csv, ExportFormat.parquet)


def export(
    dossier: Dossier,
    output: ExportFormat,
    out_dir: Path,
    *,
    kinds: list[str] | None = None,
    merged: bool = False,
) -> list[Path]:
    """Write ``output`` files into ``out_dir`` (created if need be); returns their paths.

    kinds: fact kinds for jsonl, csv and parquet; None for every registered kind. Raises
        ValueError for an unknown kind.
    merged: events once each (reports merged) for gdelt and plover, not every report.
    """
    # Open the store first: a missing or mistyped store is refused before any folder is made.
    dossier.store  # noqa: B018 (opening is the point)
    known = dossier.fact_kinds()
    out_dir.mkdir(parents=True, exist_ok=True)
    if output in TABLE_FORMATS:
        for kind in kinds or ():
            if kind not in known:
                raise ValueError(f"no fact kind {kind!r}; known: {', '.join(known)}")
        return [
            write_table(dossier.facts(kind), output, out_dir / f"{kind}.{output.value}")
            for kind in kinds or known
        ]
    if output is ExportFormat.gdelt:
        from dossier.event_formats import to_gdelt

        path = out_dir / "events.gdelt.tsv"
        path.write_text(to_gdelt(dossier.events(merged=merged)), encoding="utf-8")
        return [path]
    if output is ExportFormat.plover:
        from dossier.event_formats import to_plover

        path = out_dir / "events.plover.jsonl"
        found = dossier.events(merged=merged)
        path.write_text(to_plover(found) + ("\n" if found else ""), encoding="utf-8")
        return [path]
    if output is ExportFormat.timeml:
        return write_timeml(dossier, out_dir / "timeml")
    return [write_network(dossier.actor_network(), output, out_dir / f"actors.{output.value}")]


def write_table(records: Records[Any], output: ExportFormat, path: Path) -> Path:
    """``records`` as JSON lines, CSV (``Records.to_csv``) or Parquet, at ``path``.

    Parquet keeps nested values typed (an event's actors are a list of structs); a kind with no
    facts still gets its columns.
    """
    if output is ExportFormat.jsonl:
        text = records.to_json()
        path.write_text(text + "\n" if text else "", encoding="utf-8")
    elif output is ExportFormat.csv:
        path.write_text(records.to_csv(), encoding="utf-8")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pandas(records.frame(), preserve_index=False), path)
    return path


# --- TimeML --------------------------------------------------------------------------------------


def write_timeml(dossier: Dossier, folder: Path) -> list[Path]:
    """One TimeML file per stored document, ``<doc_id>.tml``: the cleaned text with each time
    expression tagged TIMEX3 (tid, type, value, mod) and the publication date as DCT."""
    folder.mkdir(parents=True, exist_ok=True)
    by_document: dict[str, list[Timex]] = defaultdict(list)
    for timex in dossier.facts("timex"):
        by_document[timex.doc_id].append(timex)
    written = []
    for summary in dossier.documents():
        document = dossier.document(summary.doc_id)
        path = folder / f"{document.doc_id}.tml"
        path.write_text(timeml(document, by_document.get(document.doc_id, [])), encoding="utf-8")
        written.append(path)
    return written


def timeml(document: Document, timexes: list[Timex]) -> str:
    """A document as TimeML markup. Timexes that overlap an earlier one are left out: TimeML
    tags do not overlap."""
    text = document.clean_text
    pieces = []
    position = 0
    for number, timex in enumerate(sorted(timexes, key=lambda t: (t.start, -t.end)), start=1):
        if timex.start < position or timex.end > len(text):
            continue
        attributes = f"tid={quoteattr(f't{number}')} type={quoteattr(timex.type)}"
        attributes += f" value={quoteattr(timex.value)}"
        if timex.mod:
            attributes += f" mod={quoteattr(timex.mod)}"
        pieces.append(escape(text[position : timex.start]))
        pieces.append(f"<TIMEX3 {attributes}>{escape(text[timex.start : timex.end])}</TIMEX3>")
        position = timex.end
    pieces.append(escape(text[position:]))
    dct = ""
    if document.meta.date:
        value = quoteattr(document.meta.date)
        dct = (
            f'<DCT><TIMEX3 tid="t0" type="DATE" value={value} '
            f'functionInDocument="CREATION_TIME">{escape(document.meta.date)}</TIMEX3></DCT>\n'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
        f"<DOCID>{escape(document.doc_id)}</DOCID>\n{dct}<TEXT>{''.join(pieces)}</TEXT>\n</TimeML>\n"
    )


# --- the actor network ---------------------------------------------------------------------------


def write_network(network: ActorNetwork, output: ExportFormat, path: Path) -> Path:
    """The co-occurrence network as GraphML or GEXF: nodes by KB id with ``name``, ``country``
    and ``documents``; undirected edges with ``weight``."""
    import networkx as nx

    graph = nx.Graph(within=network.within)
    for node in network.nodes:
        attributes = {"name": node.name, "documents": node.documents}
        if node.country:
            attributes["country"] = node.country
        graph.add_node(node.actor_id, label=node.name, **attributes)
    for link in network.links:
        graph.add_edge(link.source_id, link.target_id, weight=link.weight)
    if output is ExportFormat.graphml:
        nx.write_graphml(graph, path)
    elif output is ExportFormat.gexf:
        nx.write_gexf(graph, path)
    else:
        raise ValueError(f"not a network format: {output}")
    return path
