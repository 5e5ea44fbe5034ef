"""The Dask engine gives the same graph as the local build (a LocalCluster of two workers on 127.0.0.1)."""

import itertools
import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from newsgraph.engines import Engine
from newsgraph.pipeline import build

distributed = pytest.importorskip("dask.distributed", reason="the Dask engine needs dask.distributed")

MEETINGS = Path(__file__).parent.parent.parent / "shared" / "corpora" / "news-meetings.jsonl"


def _corpus(path: Path) -> Path:
    """40 items of news-meetings when present (read by path, written to tmp), else synthetic articles."""
    if MEETINGS.exists():
        with MEETINGS.open(encoding="utf-8") as lines:
            items = [json.loads(line) for line in itertools.islice(lines, 40)]
    else:
        from test_streaming import synthetic_articles

        items = synthetic_articles(40)
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


@pytest.mark.timeout(900)
def test_the_dask_build_gives_the_local_graph(tmp_path):
    corpus = _corpus(tmp_path / "news.jsonl")
    local = build([corpus], tmp_path / "local", jobs=1)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                       dashboard_address=None, processes=True)
    try:
        remote = build([corpus], tmp_path / "dask", engine=Engine.DASK, scheduler=cluster.scheduler_address,
                       chunk_size=8)
    finally:
        cluster.close()

    assert remote.stats.extracted == local.stats.extracted == 40
    assert [(a.article_id, a.triples) for a in remote.articles] == [(a.article_id, a.triples) for a in local.articles]
    assert isomorphic(Graph().parse(tmp_path / "dask" / "graph.ttl"), Graph().parse(tmp_path / "local" / "graph.ttl"))
    assert (tmp_path / "dask" / "validation.txt").read_text() == (tmp_path / "local" / "validation.txt").read_text()
