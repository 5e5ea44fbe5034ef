"""Pictures of the graph with matplotlib: the meeting network and timelines.

Figures are drawn on the Agg canvas without pyplot, so no global backend is
switched and nothing opens a window. Layouts use a fixed seed, and files carry
no date or version stamps: the same graph gives the same picture.
"""

from __future__ import annotations

import calendar
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

import matplotlib
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch

from newsgraph.network import NodeKind, TimelineEvent

LAYOUT_SEED = 7
# Beyond these, only the best-connected nodes and busiest pairs get a label.
MAX_NODE_LABELS = 40
MAX_EDGE_LABELS = 25
MAX_TIMELINE_ROWS = 60
MAX_LABEL_CHARS = 70
_PAD = 0.8  # room around the outer nodes for their labels, in layout units

_COLORS = {NodeKind.PERSON.value: "#4c78a8", NodeKind.STATE.value: "#f58518"}
_OTHER_COLOR = "#9d9d9d"
_STATUS_STYLE = {"planned": "--", "cancelled": ":"}


class PictureFormat(StrEnum):
    PNG = "png"
    SVG = "svg"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class DateSpan:
    """The days an ISO date at its precision covers: ``2022-07`` is all of July 2022."""

    start: date
    end: date
    precision: Precision


def parse_span(text: str | None) -> DateSpan | None:
    """The span of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None when undated or unreadable."""
    if not text:
        return None
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return DateSpan(date(numbers[0], 1, 1), date(numbers[0], 12, 31), Precision.YEAR)
        if len(numbers) == 2:
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            return DateSpan(date(numbers[0], numbers[1], 1), date(numbers[0], numbers[1], last), Precision.MONTH)
        if len(numbers) == 3:
            day = date(*numbers)
            return DateSpan(day, day, Precision.DAY)
    except ValueError:
        return None
    return None


# -- the meeting network ------------------------------------------------------

def draw_meeting_network(graph: nx.MultiGraph, path: Path, *, fmt: PictureFormat | None = None,
                         title: str = "Who met whom") -> None:
    """Nodes coloured by kind; one line per pair and status, wider with more meetings, planned ones dashed."""
    positions = _layout(graph) if graph.number_of_nodes() else {}
    figure = _figure(10, _network_height(positions))
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_title(title, fontsize=14)
    if not positions:
        axes.text(0.5, 0.5, "no meetings in the graph", ha="center", va="center", transform=axes.transAxes)
        _save(figure, path, fmt)
        return
    groups = _edge_groups(graph)
    _draw_edges(axes, positions, groups)
    _draw_nodes(axes, graph, positions)
    _fit(axes, positions)
    axes.legend(handles=_network_legend(), loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=4, fontsize=9,
                frameon=False)
    _save(figure, path, fmt)


def _network_height(positions: dict[str, tuple[float, float]]) -> float:
    # The picture keeps the layout's proportions (axes are drawn at equal scales).
    if not positions:
        return 4.0
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    ratio = (max(ys) - min(ys) + 2 * _PAD) / (max(xs) - min(xs) + 2 * _PAD)
    return min(max(10 * ratio + 1.5, 4.5), 14.0)


def _layout(graph: nx.MultiGraph) -> dict[str, tuple[float, float]]:
    """Each connected component laid out on its own (spring, fixed seed), then placed on a grid.

    One spring layout over all components pushes them far apart and squeezes
    each; a grid keeps every pair readable.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted(graph.edges()))
    parts = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))
    columns = math.ceil(math.sqrt(len(parts)))
    cell = 2 * max(_scale(len(p)) for p in parts) + 1.5
    positions: dict[str, tuple[float, float]] = {}
    for index, part in enumerate(parts):
        centre = ((index % columns) * cell, -(index // columns) * cell)
        layout = nx.spring_layout(simple.subgraph(part), seed=LAYOUT_SEED, scale=_scale(len(part)), center=centre)
        positions.update({node: (float(x), float(y)) for node, (x, y) in layout.items()})
    return positions


def _scale(size: int) -> float:
    return max(1.0, math.sqrt(size) / 1.5)


def _edge_groups(graph: nx.MultiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """Meetings grouped by pair (sorted) and status."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for one, other, data in graph.edges(data=True):
        first, second = sorted((one, other))
        groups[(first, second, data.get("status") or "")].append(data)
    return dict(sorted(groups.items()))


def _draw_edges(axes, positions, groups) -> None:
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    for one, other, status in groups:
        by_pair[(one, other)].append(status)
    busiest = sorted(groups, key=lambda g: -len(groups[g]))[:MAX_EDGE_LABELS]
    for (one, other, status), meetings in groups.items():
        statuses = by_pair[(one, other)]
        rad = _arc(statuses.index(status), len(statuses))
        start, end = positions[one], positions[other]
        axes.add_patch(FancyArrowPatch(start, end, arrowstyle="-", connectionstyle=f"arc3,rad={rad}",
                                       linestyle=_STATUS_STYLE.get(status, "-"), linewidth=1.5 + 1.5 * len(meetings),
                                       color="#54a24b" if status == "occurred" else "#7f7f7f", zorder=1,
                                       shrinkA=0, shrinkB=0))
        if (one, other, status) in busiest:
            x, y = _arc_middle(start, end, rad)
            axes.text(x, y, _meetings_text(status, meetings), fontsize=8, ha="center", va="center", zorder=3,
                      bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "#cccccc", "alpha": 0.9})


def _arc(index: int, count: int) -> float:
    # Groups of one pair bend away from each other: 0, then +/-0.3, +/-0.6 ...
    if count == 1:
        return 0.0
    step = 0.3 * ((index // 2) + 1) if count % 2 == 0 else 0.3 * ((index + 1) // 2)
    return step if index % 2 == 0 else -step


def _arc_middle(start: tuple[float, float], end: tuple[float, float], rad: float) -> tuple[float, float]:
    # The middle of matplotlib's arc3 quadratic curve (control point mid + rad * (dy, -dx)).
    (x1, y1), (x2, y2) = start, end
    return (x1 + x2) / 2 + rad * (y2 - y1) / 2, (y1 + y2) / 2 - rad * (x2 - x1) / 2


def _meetings_text(status: str, meetings: list[dict]) -> str:
    lines = [", in ".join(p for p in (m.get("date") or "undated", m.get("place") or "") if p)
             for m in sorted(meetings, key=lambda m: (m.get("date") or "9999", m.get("place") or ""))]
    shown = lines[:4] + ([f"... {len(lines) - 4} more"] if len(lines) > 4 else [])
    return "\n".join(([status] if status and status != "occurred" else []) + shown)


def _draw_nodes(axes, graph: nx.MultiGraph, positions) -> None:
    degrees = dict(graph.degree())
    labelled = set(sorted(graph, key=lambda n: (-degrees[n], n))[:MAX_NODE_LABELS])
    for node in sorted(graph):
        data = graph.nodes[node]
        x, y = positions[node]
        color = _COLORS.get(data.get("kind", ""), _OTHER_COLOR)
        axes.scatter([x], [y], s=300 + 80 * min(degrees[node], 20), color=color, zorder=2, edgecolors="white")
        if node in labelled:
            axes.annotate(_node_text(data), (x, y), xytext=(0, -14), textcoords="offset points", fontsize=10,
                          ha="center", va="top", zorder=4, bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": color, "alpha": 0.95})


def _node_text(data: dict) -> str:
    label = _short(data.get("label") or "?", 40)
    represents = data.get("represents")
    return f"{label}\n({_short(represents, 40)})" if represents else label


def _fit(axes, positions) -> None:
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    axes.set_xlim(min(xs) - _PAD, max(xs) + _PAD)
    axes.set_ylim(min(ys) - _PAD, max(ys) + _PAD)
    # Equal scales: arcs are bent in display space, and their labels are placed in data space.
    axes.set_aspect("equal", adjustable="box")


def _network_legend() -> list:
    return [Patch(color=_COLORS[NodeKind.PERSON.value], label="person"),
            Patch(color=_COLORS[NodeKind.STATE.value], label="state"),
            Line2D([], [], color="#54a24b", linewidth=3, label="meetings held (wider: more)"),
            Line2D([], [], color="#7f7f7f", linewidth=3, linestyle="--", label="planned meetings")]


# -- timelines ----------------------------------------------------------------

def draw_timeline(events: Sequence[TimelineEvent], path: Path, *, title: str,
                  fmt: PictureFormat | None = None) -> None:
    """One row per event: a dot for a day, a bar over a month or year; planned hollow/hatched; undated at the right."""
    rows = sorted(events, key=_timeline_order)[:MAX_TIMELINE_ROWS]
    figure = _figure(11, 1.6 + 0.42 * max(len(rows), 1))
    axes = figure.add_subplot()
    axes.set_title(title if len(events) <= len(rows) else f"{title} (first {len(rows)} of {len(events)})",
                   fontsize=13)
    if not rows:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "no events", ha="center", va="center", transform=axes.transAxes)
        _save(figure, path, fmt)
        return
    spans = [parse_span(e.date) for e in rows]
    low, high, undated_x = _time_range([s for s in spans if s])
    for y, (event, span) in enumerate(zip(rows, spans)):
        _draw_event(axes, y, event, span, undated_x)
    _timeline_axes(axes, rows, low, high, undated_x, any(s is None for s in spans))
    _save(figure, path, fmt)


def _timeline_order(event: TimelineEvent) -> tuple:
    span = parse_span(event.date)
    return (span is None, span.start if span else date.min, event.kind, event.event)


def _time_range(spans: list[DateSpan]) -> tuple[float, float, float]:
    if not spans:
        today = date2num(date(2000, 1, 1))  # any fixed day: only undated events are drawn
        return today - 1, today + 1, today
    low = date2num(min(s.start for s in spans))
    high = date2num(max(s.end for s in spans) + timedelta(days=1))
    pad = max((high - low) * 0.04, 15)
    return low - pad, high + pad, high + pad * 2.5


def _draw_event(axes, y: int, event: TimelineEvent, span: DateSpan | None, undated_x: float) -> None:
    planned = event.status == "planned"
    color = "#d62728" if event.status == "cancelled" else ("#7f7f7f" if planned else "#4c78a8")
    if span is None:
        axes.plot([undated_x], [y], marker="D", markersize=9, color=color,
                  markerfacecolor="white" if planned else color, linestyle="none")
    elif span.precision is Precision.DAY:
        axes.plot([date2num(span.start)], [y], marker="x" if event.status == "cancelled" else "o", markersize=10,
                  color=color, markerfacecolor="white" if planned else color, markeredgewidth=2, linestyle="none")
    else:
        start = date2num(span.start)
        width = date2num(span.end + timedelta(days=1)) - start
        axes.broken_barh([(start, width)], (y - 0.3, 0.6), facecolors="white" if planned else color,
                         edgecolors=color, hatch="//" if planned else None, linewidth=1.5)


def _timeline_axes(axes, rows: list[TimelineEvent], low: float, high: float, undated_x: float,
                   undated: bool) -> None:
    axes.set_yticks(range(len(rows)), [_event_text(e) for e in rows], fontsize=9)
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.xaxis_date()
    axes.set_xlim(low, undated_x + (undated_x - high) if undated else high)
    if undated:
        axes.axvspan(high, undated_x + (undated_x - high), color="#eeeeee", zorder=0)
        axes.text(undated_x, -0.45, "undated", ha="center", va="top", fontsize=8, color="#555555")
    axes.grid(axis="x", color="#dddddd")
    axes.legend(handles=_timeline_legend(), loc="upper center", bbox_to_anchor=(0.5, -0.08 - 0.6 / max(len(rows), 1)),
                ncol=4, fontsize=8, frameon=False)
    axes.figure.tight_layout()


def _event_text(event: TimelineEvent) -> str:
    status = f" ({event.status})" if event.status and event.status != "occurred" else ""
    where = f" in {event.place}" if event.place else ""
    who = ", ".join(event.participants)
    return _short(f"{event.date or 'undated'} {event.kind}{where}{status}: {who}", MAX_LABEL_CHARS)


def _timeline_legend() -> list:
    return [Line2D([], [], marker="o", color="#4c78a8", linestyle="none", label="on a day"),
            Patch(facecolor="#4c78a8", label="in a month or year"),
            Patch(facecolor="white", edgecolor="#7f7f7f", hatch="//", label="planned"),
            Line2D([], [], marker="D", color="#4c78a8", linestyle="none", label="undated")]


# -- common -------------------------------------------------------------------

def _figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), dpi=120)
    FigureCanvasAgg(figure)
    return figure


def _save(figure: Figure, path: Path, fmt: PictureFormat | None) -> None:
    """Save without date or software stamps (and with fixed SVG ids) so files are reproducible."""
    path = Path(path)
    fmt = fmt or PictureFormat(path.suffix.lstrip(".").lower() or "png")
    metadata = {"Date": None} if fmt is PictureFormat.SVG else {"Software": None}
    with matplotlib.rc_context({"svg.hashsalt": "newsgraph"}):
        figure.savefig(path, format=fmt.value, metadata=metadata, bbox_inches="tight")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
