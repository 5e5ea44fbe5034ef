"""networkx views and pictures of the seeds' graph, read back from real files."""

from pathlib import Path

import networkx as nx
import pytest
from PIL import Image

from newsgraph.cli import main
from newsgraph.network import (NetworkFormat, centrality, communities, meeting_network, state_relations,
                               state_timeline, write_network)
from newsgraph.pictures import Precision, draw_timeline, parse_span
from newsgraph.store import open_store

ROOT = Path(__file__).parent.parent
MEETING_DATES = {"2022-01-14", "2022-07-01"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("network-out")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert main(["build", "seeds", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def store(built):
    with open_store(built, read_only=True) as store:
        yield store


def meetings(graph):
    return sorted(((d["date"], d["place"], d["status"]) for _, _, d in graph.edges(data=True)))


def test_the_meeting_network_has_the_three_seed_meetings(store):
    graph = meeting_network(store)
    assert isinstance(graph, nx.MultiGraph)
    assert graph.number_of_nodes() == 2 and graph.number_of_edges() == 3
    edges = meetings(graph)
    assert {date for date, _, _ in edges} == MEETING_DATES | {""}
    assert [status for date, _, status in edges if date == ""] == ["planned"]
    assert [status for date, _, status in edges if date] == ["occurred", "occurred"]
    assert {d["kind"] for _, d in graph.nodes(data=True)} == {"person"}
    assert all(d["label"] and d["represents"] for _, d in graph.nodes(data=True))
    assert all(key == d["event"] for _, _, key, d in graph.edges(keys=True, data=True))


def test_state_relations_count_events_through_people(store):
    graph = state_relations(store)
    weights = sorted(d["weight"] for _, _, d in graph.edges(data=True))
    assert weights and weights[-1] >= 3  # the three meetings between the two states' envoys at least
    (one, other, data), = [e for e in graph.edges(data=True) if e[2]["weight"] == weights[-1]]
    assert len(data["events"]) == data["weight"]
    assert {graph.nodes[one]["kind"], graph.nodes[other]["kind"]} == {"state"}


def test_centrality_and_communities_are_stable(store):
    graph = meeting_network(store)
    scores = centrality(graph)
    assert set(scores) == set(graph) and all(s.degree == 1.0 and s.betweenness == 0.0 for s in scores.values())
    assert communities(graph) == communities(graph) == [frozenset(graph)]
    states = state_relations(store)
    assert sum(len(c) for c in communities(states)) == states.number_of_nodes()


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_exports_parse_back_with_networkx_and_are_deterministic(store, tmp_path, fmt, read):
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    write_network(store, fmt, first)
    write_network(store, NetworkFormat(fmt), second)
    assert first.read_bytes() == second.read_bytes()
    graph = read(first)
    assert graph.number_of_nodes() == 2 and graph.number_of_edges() == 3
    assert {d["date"] for _, _, d in graph.edges(data=True)} == MEETING_DATES | {""}
    assert all(isinstance(v, str) for _, d in graph.nodes(data=True) for v in d.values())
    assert all({"degree", "betweenness", "community", "kind"} <= set(d) for _, d in graph.nodes(data=True))


def test_the_network_command_writes_each_format(built, tmp_path):
    for fmt in NetworkFormat:
        path = tmp_path / f"network.{fmt.value}"
        assert main(["network", "--store", str(built), "--format", fmt.value, "-o", str(path)]) == 0
        assert path.stat().st_size > 1000, fmt
    assert "<svg" in (tmp_path / "network.svg").read_text()


def non_trivial(path: Path) -> None:
    with Image.open(path) as image:
        assert image.format == "PNG" and image.width >= 600 and image.height >= 200
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # lines, text and antialiasing, not a blank canvas


def test_pngs_are_real_pictures(store, tmp_path):
    write_network(store, "png", tmp_path / "network.png")
    non_trivial(tmp_path / "network.png")
    events = state_timeline(store, "Armenia", "Türkiye")
    assert {e.date for e in events} >= MEETING_DATES and "planned" in {e.status for e in events}
    draw_timeline(events, tmp_path / "timeline.png", title="Armenia and Türkiye")
    non_trivial(tmp_path / "timeline.png")


def test_pictures_are_reproducible(store, tmp_path):
    for name in ("a.svg", "b.svg", "a.png", "b.png"):
        write_network(store, name.rsplit(".", 1)[1], tmp_path / name)
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_dates_are_drawn_at_their_precision(tmp_path):
    assert parse_span("2022").precision is Precision.YEAR and parse_span("2022").end.isoformat() == "2022-12-31"
    assert parse_span("2024-02").end.isoformat() == "2024-02-29"
    assert parse_span("2022-07-01").precision is Precision.DAY
    assert parse_span(None) is None and parse_span("soon") is None


def test_an_empty_graph_still_gives_pictures(tmp_path):
    from newsgraph.pictures import draw_meeting_network

    draw_meeting_network(nx.MultiGraph(), tmp_path / "empty.png")
    draw_timeline([], tmp_path / "none.png", title="nothing")
    assert (tmp_path / "empty.png").stat().st_size > 0 and (tmp_path / "none.png").stat().st_size > 0
