"""Misuse: query injection through ``ask`` parameters, output paths, network access at run time."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from rdflib import Dataset

from newsgraph.cli import main
from newsgraph.query import ask
from newsgraph.store import GraphKind, open_store

DATA = Path(__file__).parent / "data"

INJECTIONS = [
    'Ana Lopez" } UNION { ?person ?p ?o } #',
    "Ana Lopez' } UNION { ?s ?p ?o } #",
    "} UNION { ?meeting ?p ?o }",
    "x\" . } DROP ALL ; INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
    "DROP ALL",
    "Ana Lopez # comment",
    "Ana Lopez\n} UNION {\n?s ?p ?o",
    "\\u0022 } UNION { ?s ?p ?o } \\u0023",
    "Ana Lopez\u0000",
    "<https://w3id.org/newsgraph/id/person-ana-lopez>",
    "?person",
    "*",
]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sec")
    dataset = Dataset()
    dataset.parse(DATA / "contract-example.trig", format="trig")
    with open_store(out, create=True) as store:
        for graph in dataset.graphs():
            if len(graph):
                store.replace_graph(str(graph.identifier), graph)
    return out


def quads(out: Path) -> frozenset[str]:
    with open_store(out, read_only=True) as store:
        return frozenset(str(q) for q in store.quads(kinds=list(GraphKind)))


QUESTIONS = [("meetings-of", "person"), ("roles-of", "person")]


@pytest.mark.parametrize("question,param", QUESTIONS)
def test_the_real_name_matches(store_dir, question, param):
    with open_store(store_dir, read_only=True) as store:
        assert ask(store, question, params={param: "Ana Lopez"}).rows  # the injections below could match too


@pytest.mark.parametrize("question,param", QUESTIONS)
@pytest.mark.parametrize("value", INJECTIONS)
def test_ask_parameters_cannot_change_the_query(store_dir, question, param, value):
    before = quads(store_dir)
    with open_store(store_dir, read_only=True) as store:
        answer = ask(store, question, params={param: value})
    assert answer.rows == ()  # a clean "no match", no error
    assert quads(store_dir) == before


def test_injection_through_the_cli_is_a_clean_no_match(store_dir, capsys):
    before = quads(store_dir)
    code = main(["ask", "meetings-of", "--param", f"person={INJECTIONS[0]}", "--store", str(store_dir),
                 "--format", "json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["rows"] == []
    assert quads(store_dir) == before


HOSTILE_IDS = ["../../escaped", "/tmp/newsgraph-absolute-escape", "~/home-escape", "..", "C:\\windows\\evil"]


def _no_network(*args, **kwargs):
    raise AssertionError(f"network access at run time: {args!r}")


def test_a_build_runs_offline_and_writes_only_inside_its_folder(tmp_path, monkeypatch, capsys):
    """Article ids shaped like paths never become file paths, and nothing touches the network."""
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    news = work / "news.jsonl"
    news.write_text("".join(json.dumps({"id": i, "text": f"Sergei Lavrov met Antony Blinken in Geneva ({n})."}) + "\n"
                            for n, i in enumerate(HOSTILE_IDS)), encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}

    assert main(["build", str(news), "--out", "out", "--jobs", "1"]) == 0, capsys.readouterr().err

    written = {p for p in tmp_path.rglob("*")} - before
    assert all(p == work / "out" or work / "out" in p.parents for p in written), sorted(map(str, written))
    top = {p.name for p in (work / "out").iterdir()}
    assert top <= {"graph.ttl", "graph.trig", "validation.txt", "validation.ttl", "store", "ledger.sqlite",
                   "ledger.sqlite-wal", "ledger.sqlite-shm"}, top
    assert not Path("/tmp/newsgraph-absolute-escape").exists() and not (tmp_path / "escaped").exists()
    assert not any("~" in p.name or ".." in p.name for p in written)
    trig = (work / "out" / "graph.trig").read_text(encoding="utf-8")
    assert '"../../escaped"' in trig and "graph-escaped" in trig  # kept as an identifier, slugged into the IRI
