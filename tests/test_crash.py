"""Crash safety and idempotence of ``newsgraph build``.

A real ``python -m newsgraph.cli build`` is killed with SIGKILL while it writes
article graphs to the store; the store must then open and hold only whole
articles, each exactly as a clean build makes it, and a rerun must end with the
same graph. (tests/test_streaming.py kills ``pipeline.build`` between chunks;
this kills the CLI while it writes the graphs of a 120-article corpus.)
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from newsgraph.cli import main
from newsgraph.ledger import LEDGER_FILE
from newsgraph.store import GraphKind, open_store

PEOPLE = ["Ruben Rubinyan", "Serdar Kılıç", "Sergei Lavrov", "Antony Blinken", "Ararat Mirzoyan", "Mevlut Cavusoglu"]
PLACES = ["Vienna", "Moscow", "Geneva", "Ankara", "Yerevan", "Tbilisi"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SHAPES = [
    "{a} met {b} in {place} on {day}.",
    "{a} and {b} held talks in {place} on {day}, the foreign ministry said.",
    "On {day}, {a} met {b} in {place} to discuss the border.",
    "{a} will meet {b} in {place} next month, officials said on {day}.",
]


ARTICLES = 120  # enough that mapping, validating and writing take longer than the watcher's poll


def corpus(path: Path, count: int = ARTICLES) -> Path:
    lines = []
    for n in range(count):
        text = SHAPES[n % 4].format(a=PEOPLE[n % 6], b=PEOPLE[(n + 1 + n // 6) % 6], place=PLACES[n % 5],
                                    day=DAYS[n % 5])
        lines.append(json.dumps({"id": f"crash-{n:02d}", "text": text, "published": f"2022-03-{1 + n % 28:02d}"},
                                ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build(inputs: Path, out: Path) -> int:
    return main(["build", str(inputs), "--out", str(out), "--jobs", "1"])


def article_graphs(out: Path) -> dict[str, Graph]:
    with open_store(out) as store:  # writable: a store left by a killed process must open and recover
        dataset = store.dataset(kinds=[GraphKind.ARTICLE])
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def store_quads(out: Path) -> frozenset[str]:
    """Quads of the article and quarantine graphs (the ontology is reloaded, with fresh blank nodes, each build)."""
    with open_store(out, read_only=True) as store:
        return frozenset(str(q) for q in store.quads(kinds=[GraphKind.ARTICLE, GraphKind.QUARANTINE]))


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("crash") / "news.jsonl")


@pytest.fixture(scope="module")
def clean_out(news, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "out"
    assert build(news, out) == 0
    return out


def _written(out: Path) -> int:
    """Articles the ledger says the store holds."""
    try:
        with sqlite3.connect(out / LEDGER_FILE, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM articles WHERE written IS NOT NULL").fetchone()[0]
    except sqlite3.OperationalError:  # no ledger or no table yet
        return 0


def kill_while_writing(news: Path, out: Path) -> None:
    """SIGKILL the build as soon as the ledger says the first chunk of graphs is in the store.

    The kill lands while the next chunk is written (or mapped and validated): some graphs
    are stored, others not yet.
    """
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "build", str(news), "--out", str(out),
                                "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while _written(out) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL, f"the build ended on its own: {process.stderr.read().decode()[-2000:]}"


@pytest.mark.timeout(600)
def test_killed_build_leaves_whole_articles_and_a_rerun_gives_the_same_graph(news, clean_out, tmp_path):
    out = tmp_path / "out"
    kill_while_writing(news, out)

    clean = article_graphs(clean_out)
    survived = article_graphs(out)
    assert set(survived) <= set(clean)
    for name, graph in survived.items():
        assert isomorphic(graph, clean[name]), f"{name} is not whole after the kill"
    print(f"after SIGKILL the store held {len(survived)} of {len(clean)} article graphs, each whole")

    assert build(news, out) == 0
    for name in ("graph.ttl", "graph.trig"):
        assert (out / name).read_bytes() == (clean_out / name).read_bytes(), name
    assert store_quads(out) == store_quads(clean_out)


def test_building_the_same_input_twice_into_the_same_folder_changes_nothing(news, clean_out, tmp_path):
    before = {name: (clean_out / name).read_bytes() for name in ("graph.ttl", "graph.trig")}
    quads = store_quads(clean_out)
    assert build(news, clean_out) == 0
    assert {name: (clean_out / name).read_bytes() for name in before} == before
    assert store_quads(clean_out) == quads
