"""An actor's co-occurrence network laid out for an inline SVG, drawn on the server.

The actor sits in the middle; the actors named with it most often sit on a circle around it,
each linked by a line as thick as the (log of the) number of documents naming both. No script
draws it, so the page works with scripts off and under a strict content policy.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from dossier.answers import ActorNetwork
from dossier.api.marking import actor_href


@dataclass(frozen=True)
class NodeDot:
    """One actor on the drawing: its centre, name, link, and how many documents name it."""

    x: float
    y: float
    name: str
    href: str
    documents: int
    centre: bool
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor: the label sits outside the circle, away from the centre


@dataclass(frozen=True)
class LinkLine:
    """One pair named together: a line between two dots, ``weight`` documents naming both."""

    x1: float
    y1: float
    x2: float
    y2: float
    weight: int
    width: float
    title: str


@dataclass(frozen=True)
class EgoDrawing:
    """The drawing: its size, the dots and the lines (lines first, so dots sit on top)."""

    width: int
    height: int
    nodes: tuple[NodeDot, ...]
    links: tuple[LinkLine, ...]


def ego_drawing(
    network: ActorNetwork,
    actor_ids: Collection[str],
    *,
    most: int = 12,
    width: int = 760,
    height: int = 440,
) -> EgoDrawing | None:
    """The actors of ``actor_ids`` and the ``most`` actors named with them most, or None when
    the network holds none of ``actor_ids``."""
    names = {node.actor_id: node for node in network.nodes}
    centre_ids = [actor_id for actor_id in actor_ids if actor_id in names]
    if not centre_ids:
        return None
    weights: dict[str, int] = {}
    for link in network.links:
        for one, other in ((link.source_id, link.target_id), (link.target_id, link.source_id)):
            if one in centre_ids and other not in centre_ids:
                weights[other] = weights.get(other, 0) + link.weight
    neighbours = sorted(weights, key=lambda actor_id: (-weights[actor_id], names[actor_id].name))
    neighbours = neighbours[:most]
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 40
    centre = names[centre_ids[0]]
    href = actor_href(centre.actor_id)
    dots = [NodeDot(cx, cy, centre.name, href, centre.documents, True, cx, cy - 20, "middle")]
    lines: list[LinkLine] = []
    for index, actor_id in enumerate(neighbours):
        angle = 2 * math.pi * index / max(len(neighbours), 1) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        node = names[actor_id]
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        label_x, label_y = x + 12 * cos, y + 12 * sin + (14 if sin > 0.3 else 4)
        if sin < -0.3:
            label_y = y - 12
        dots.append(
            NodeDot(
                x,
                y,
                node.name,
                actor_href(actor_id),
                node.documents,
                False,
                label_x,
                label_y,
                anchor,
            )
        )
        weight = weights[actor_id]
        title = f"{centre.name} and {node.name}: {weight} together"
        lines.append(LinkLine(cx, cy, x, y, weight, 1 + 2 * math.log2(weight), title))
    return EgoDrawing(width, height, tuple(dots), tuple(lines))


# --- stance over time: a grid of rows (countries, or an actor's targets) by years ---------------


@dataclass(frozen=True)
class GridCell:
    """One row's stance in one year: its side, the counts behind it, and the evidence link."""

    x: float
    y: float
    side: str  # ``for``, ``against``, ``mixed`` or ``neutral`` (``StanceTrend.side``)
    in_favour: int
    against: int
    neutral: int
    href: str
    title: str


@dataclass(frozen=True)
class GridRow:
    """One row: its label, the link of its whole evidence, and its cells."""

    y: float
    label: str
    href: str
    cells: tuple[GridCell, ...]


@dataclass(frozen=True)
class StanceGrid:
    """The drawing: its size, the year labels (x, year) across the top, and the rows."""

    width: int
    height: int
    cell: int
    years: tuple[tuple[float, str], ...]
    rows: tuple[GridRow, ...]


def stance_grid(
    rows: list[tuple[str, str, dict[str, Any]]],
    href: Callable[[str, str | None], str],
    *,
    cell: int = 44,
    label_width: int = 220,
) -> StanceGrid | None:
    """``rows`` of (key, label, {year: StanceTrend}) as a grid, one column per year from the
    first to the last with a stance (years between kept, so gaps show); ``href(key, year)``
    links a cell (``year`` None: the whole row) to its evidence. None when no row has a year."""
    found = sorted({int(year) for _, _, by_year in rows for year in by_year if year.isdigit()})
    if not found:
        return None
    years = [str(year) for year in range(found[0], found[-1] + 1)]
    top = 30
    drawn: list[GridRow] = []
    for index, (key, label, by_year) in enumerate(rows):
        y = top + index * cell
        cells = []
        for column, year in enumerate(years):
            trend = by_year.get(year)
            if trend is None:
                continue
            counts = f"{trend.in_favour} for, {trend.against} against, {trend.neutral} neutral"
            cells.append(
                GridCell(
                    label_width + column * cell,
                    y,
                    trend.side,
                    trend.in_favour,
                    trend.against,
                    trend.neutral,
                    href(key, year),
                    f"{label} {year}: {trend.side} ({counts})",
                )
            )
        drawn.append(GridRow(y, label, href(key, None), tuple(cells)))
    labels = tuple(
        (label_width + column * cell + cell / 2, year) for column, year in enumerate(years)
    )
    width = label_width + len(years) * cell + 10
    return StanceGrid(width, top + len(rows) * cell + 10, cell, labels, tuple(drawn))
