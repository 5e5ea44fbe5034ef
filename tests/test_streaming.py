"""Resume: a build killed halfway and run again ends with the same graph as an uninterrupted one.

The build runs in a subprocess on synthetic articles that spell people
differently across articles and report the same meetings, so resolution has
work to do across the kill. Memory bounds are measured in bench/, not here.
"""

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.ledger import LEDGER_FILE
from newsgraph.pipeline import build

PEOPLE = [("Ruben Rubinyan", "Rubinian"), ("Serdar Kılıç", "Kilic"), ("Sergei Lavrov", "Sergey Lavrov"),
          ("Antony Blinken", "Blinken"), ("Ararat Mirzoyan", "Mirzoyan"), ("Mevlut Cavusoglu", "Cavusoglu")]
PLACES = ["Vienna", "Moscow", "Geneva", "Ankara", "Yerevan"]


def synthetic_articles(count: int) -> list[dict]:
    """Articles whose meetings repeat across items, with the people's names spelled two ways."""
    items = []
    for n in range(count):
        (a, a_short), (b, b_short) = PEOPLE[n % 6], PEOPLE[(n + 1 + n // 6) % 6]
        place, day = PLACES[n % 5], 1 + n % 7
        first = a if n % 2 else a_short
        text = (f"{a} met {b} in {place} on {day} March 2022, the foreign ministry said. "
                f"{first} and {b_short} discussed the border and agreed to meet again.")
        items.append({"id": f"syn-{n:03d}", "text": text, "title": f"Talks in {place}", "published": "2022-03-20"})
    return items


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


# One chunk per store write, so the ledger marks graphs written three at a time (with four chunks a write, 12,
# 24 and 30 could all be marked between two polls); and each ledger commit lingers a quarter second, so the poll
# below, every 20 ms, sees every count the build passes through before the build goes on (a poll that missed
# them all once read (30, 30), the build finished).
BUILD = """
import sys, time
from newsgraph import ledger, pipeline

def lingering(write):
    def written(self, rows):
        write(self, rows)
        time.sleep(0.25)
    return written

ledger.Ledger.put_extractions = lingering(ledger.Ledger.put_extractions)
ledger.Ledger.mark_written = lingering(ledger.Ledger.mark_written)
pipeline.STORE_CHUNKS = 1
pipeline.build([sys.argv[1]], sys.argv[2], jobs=1, chunk_size=3)
"""


def _ledger_counts(out: Path) -> tuple[int, int]:
    path = out / LEDGER_FILE
    if not path.exists():
        return 0, 0
    try:
        with sqlite3.connect(path, timeout=1) as db:
            return db.execute("SELECT COUNT(*), COUNT(written) FROM articles").fetchone()
    except sqlite3.OperationalError:  # the table is not made yet
        return 0, 0


def _kill_when(corpus: Path, out: Path, ready) -> tuple[int, int]:
    """Run a build in a subprocess and SIGKILL it as soon as ``ready(rows, written)``."""
    process = subprocess.Popen([sys.executable, "-c", BUILD, str(corpus), str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if ready(*_ledger_counts(out)):
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL, f"the build ended on its own: {process.stderr.read().decode()[-2000:]}"
    return _ledger_counts(out)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "news.jsonl", synthetic_articles(30))


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("whole")
    result = build([corpus], out, jobs=1)
    assert len(result.articles) == 30 and result.stats.extracted == 30
    return out


def _same_outputs(a: Path, b: Path) -> None:
    for name in ("graph.ttl", "graph.trig", "validation.txt"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.timeout(600)
def test_two_local_processes_give_the_files_of_one(corpus, uninterrupted, tmp_path):
    """The pool's workers parse, map and validate, and write graph.ttl and graph.trig from the store."""
    result = build([corpus], tmp_path / "pool", jobs=2, chunk_size=4)
    assert result.stats.extracted == 30
    _same_outputs(tmp_path / "pool", uninterrupted)


@pytest.mark.timeout(600)
def test_killed_while_writing_graphs_resumes_to_the_same_graph(corpus, uninterrupted, tmp_path):
    out = tmp_path / "out"
    rows, written = _kill_when(corpus, out, lambda rows, written: written >= 6)
    assert rows == 30 and 6 <= written < 30, (rows, written)

    result = build([corpus], out, jobs=1)

    assert result.stats.extracted == 0 and result.stats.resumed == 30  # nothing parsed again
    assert result.stats.unchanged == written and result.stats.written == 30 - written  # stored graphs kept
    assert len(result.articles) == 30
    _same_outputs(out, uninterrupted)


@pytest.mark.timeout(600)
def test_killed_while_parsing_resumes_to_the_same_graph(corpus, uninterrupted, tmp_path):
    out = tmp_path / "out"
    rows, written = _kill_when(corpus, out, lambda rows, written: rows >= 6)
    assert 6 <= rows < 30 and written == 0, (rows, written)

    result = build([corpus], out, jobs=1)

    assert result.stats.resumed == rows and result.stats.extracted == 30 - rows
    _same_outputs(out, uninterrupted)


def test_a_finished_build_run_again_parses_and_writes_nothing(corpus, uninterrupted):
    result = build([corpus], uninterrupted, jobs=1)
    assert (result.stats.extracted, result.stats.written, result.stats.unchanged) == (0, 0, 30)


LATE = {"id": "syn-late", "published": "2022-03-21", "text": (
    "Sergei Lavrov met Antony Blinken in Vienna on 2 March 2022. " + "Sergei Lavrov said so. " * 12)}


def test_an_article_added_later_merges_with_stored_people_and_events(tmp_path):
    """Adding an article that tips a person's label rewrites the stored graphs that name them,
    and ends with the graph of building everything at once."""
    items = synthetic_articles(30)
    corpus, out, whole = tmp_path / "news.jsonl", tmp_path / "out", tmp_path / "whole"
    build([write_jsonl(corpus, items)], out, jobs=1)
    result = build([write_jsonl(corpus, items + [LATE])], out, jobs=1)
    assert result.stats.extracted == 1 and result.stats.resumed == 30
    assert result.stats.written > 1  # stored articles about Lavrov now carry the new label
    build([corpus], whole, jobs=1)
    _same_outputs(out, whole)
    assert "Sergei Lavrov" in (out / "graph.ttl").read_text(encoding="utf-8")
