"""Benchmark newsgraph against its physical limits; writes bench/results.md.

    .venv/bin/python bench/run.py CORPUS [CORPUS ...] [--limit N] [--jobs N] [--triples N]

For each corpus (JSON Lines, plain or gzip; its first --limit items), in one
run and with the same cores: raw spaCy ``nlp.pipe`` throughput with the
build's pipeline and with the statistical model alone (newsgraph's rule
components are then build cost), the end-to-end build throughput (parse,
extract, resolve, RDF, validate, store, export), their ratios, peak memory
and store size. Each is measured in a
fresh subprocess so peak memory (getrusage ru_maxrss) is its own. A missing
corpus is reported as absent, not skipped silently.

Then, on a generated graph of --triples triples shaped like newsgraph's output
(real extractions of a few articles, cloned with new article ids and people):
who-met-where in the store (`ask` in a process of its own, as `newsgraph ask`
runs) against rdflib's in-memory SPARQL (in the process holding the graph), the two
taking turns over several rounds, newsgraph's
validation against one pySHACL call over an rdflib graph (on a sample: pySHACL
over the whole graph takes hours here; the sample size is in the table), and
the time to add one article to the large store. Figures are ratios against a
baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).parent
ROOT = HERE.parent
RESULTS = HERE / "results.md"
SINGLE_PASS = HERE / "who-met-where-single-pass.rq"
T = TypeVar("T")
RUNS = 5  # rounds of who-met-where, one run a side each; the fastest is reported, and the median beside it


# -- subprocess modes ---------------------------------------------------------------

def _peak_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb": own, "peak_child_mb": children}


class _MemoryWatch(threading.Thread):
    """Resident memory of this process and all its descendants, sampled every 0.2 s (Linux /proc).

    The build's workers run under a forkserver that is never waited for, so
    RUSAGE_CHILDREN does not see them; sampling does. ``peak_total_mb`` is the
    largest sum over one sample: what the machine had to hold at once.
    """

    def __init__(self):
        super().__init__(daemon=True)
        self.stopped = threading.Event()
        self.peak_total = self.peak_worker = 0.0

    def run(self) -> None:
        while not self.stopped.wait(0.2):
            sizes = {pid: _rss_mb(pid) for pid in [os.getpid(), *_descendants(os.getpid())]}
            self.peak_total = max(self.peak_total, sum(sizes.values()))
            workers = [mb for pid, mb in sizes.items() if pid != os.getpid()]
            self.peak_worker = max([self.peak_worker, *workers])

    def result(self) -> dict[str, float]:
        self.stopped.set()
        self.join()
        return {"peak_total_mb": self.peak_total, "peak_worker_mb": self.peak_worker}


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:  # field 4 of /proc/PID/stat, after the ")" that ends the command name
                parents[int(entry.name)] = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # the process ended meanwhile
    found, todo = [], [root]
    while todo:
        parent = todo.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found.extend(children)
        todo.extend(children)
    return found


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 1024


def run_raw(corpus: Path, jobs: int, pipeline: str = "full") -> dict:
    """Raw spaCy over the same cleaned texts the build parses, same processes.

    ``pipeline`` "full" is the build's own pipeline (the model plus newsgraph's
    rule components); "model" is the statistical model alone.
    """
    from newsgraph.ingest import OnError, read_articles
    from newsgraph.nlp import load_model, shared_pipeline

    # Bad lines (the 68k corpus repeats an id) are skipped by both runs alike, so both parse the same articles.
    texts = [a.text for a in read_articles([corpus], on_error=OnError.SKIP)]
    nlp = shared_pipeline() if pipeline == "full" else load_model()
    watch = _MemoryWatch()
    watch.start()
    start = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=jobs))
    return {"seconds": time.perf_counter() - start, "articles": count,
            "words": sum(len(t.split()) for t in texts), **_peak_mb(), **watch.result()}


def run_build(corpus: Path, out: Path, jobs: int) -> dict:
    from newsgraph.ingest import OnError
    from newsgraph.pipeline import build

    watch = _MemoryWatch()
    watch.start()
    start = time.perf_counter()
    result = build([corpus], out, jobs=jobs, on_error=OnError.SKIP)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(result.articles), "triples": sum(a.triples for a in result.articles),
            "violations": sum(len(a.report.violations) for a in result.articles), "skipped": len(result.skipped),
            **_peak_mb(), **watch.result()}


def run_ask(out: Path) -> dict:
    """who-met-where on the store in ``out``, in a process of its own, as `newsgraph ask` runs it; the run
    timed is the second (the first reads the query library and warms the store's caches, as rdflib's first
    run of its query warms its own)."""
    from newsgraph.query import ask
    from newsgraph.store import open_store

    with open_store(out, read_only=True) as store:
        ask(store, "who-met-where")
        seconds, rows = _timed(lambda: len(ask(store, "who-met-where").rows))
    return {"seconds": seconds, "rows": rows}


def _child(mode: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, f"--{mode}", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- corpus throughput -----------------------------------------------------------------

def _take(corpus: Path, limit: int | None, into: Path) -> Path:
    """The corpus' first ``limit`` items in a temporary file (the corpus itself is only read)."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines, into.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(lines, limit))
    return into


def _memory(run: dict) -> str:
    return (f"{run['peak_total_mb']:.0f} MB all processes at once (sampled); {run['peak_mb']:.0f} MB main process, "
            f"{max(run['peak_worker_mb'], run['peak_child_mb']):.0f} MB largest worker")


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def bench_corpus(corpus: Path, limit: int | None, jobs: int, work: Path, *, model_alone: bool = True,
                 ) -> list[tuple[str, str]]:
    if not corpus.exists():
        return [(f"corpus {corpus.name}", f"ABSENT ({corpus} not found): not measured")]
    sample = _take(corpus, limit, work / f"{corpus.name.split('.')[0]}-sample.jsonl")
    raw = _child("raw", str(sample), str(jobs))
    model = _child("raw", str(sample), str(jobs), "model") if model_alone else None
    out = work / f"out-{corpus.name.split('.')[0]}"
    built = _child("build", str(sample), str(out), str(jobs))
    raw_rate, build_rate = raw["articles"] / raw["seconds"], built["articles"] / built["seconds"]
    name = f"{corpus.name} (first {raw['articles']} items, {raw['words']:,} words)"
    rows = [
        (f"{name}: raw spaCy `nlp.pipe`, the build's pipeline (model and newsgraph's rule components), {jobs} processes",
         f"{raw_rate:.1f} articles/s ({raw['seconds']:.1f} s)"),
        (f"{name}: end-to-end build, {jobs} jobs", f"{build_rate:.1f} articles/s ({built['seconds']:.1f} s), "
                                                   f"{built['triples']:,} triples, {built['violations']} violations, "
                                                   f"{built['skipped']} bad lines skipped"),
        (f"{name}: build / raw spaCy throughput, same pipeline", f"**{build_rate / raw_rate:.2f}x**"),
    ]
    if model:
        model_rate = model["articles"] / model["seconds"]
        rows[1:1] = [(f"{name}: raw spaCy `nlp.pipe`, the statistical model alone, {jobs} processes",
                      f"{model_rate:.1f} articles/s ({model['seconds']:.1f} s)")]
        rows.append((f"{name}: build / raw spaCy throughput, model alone", f"{build_rate / model_rate:.2f}x"))
    return rows + [
        (f"{name}: peak memory of the build", _memory(built)),
        (f"{name}: peak memory of raw spaCy", _memory(raw)),
        (f"{name}: store size", f"{_size_mb(out / 'store'):.1f} MB store, "
                                f"{_size_mb(out) - _size_mb(out / 'store'):.1f} MB ledger and exports"),
    ]


# -- the generated large graph -------------------------------------------------------

def _templates(count: int):
    """Real resolved extractions of a few articles, the shapes the large graph is cloned from."""
    from newsgraph.ingest import read_articles
    from newsgraph.pipeline import extract_corpus
    from newsgraph.resolve import resolve

    meetings = ROOT.parent / "shared" / "corpora" / "news-meetings.jsonl"
    paths = [meetings] if meetings.exists() else [ROOT / "seeds"]
    articles = list(itertools.islice(read_articles(paths), count))
    return [x for x in resolve(list(extract_corpus(articles))) if x.events or x.roles]


def _clone(template, n: int, people: int):
    """The template as article ``n``: a new id, and its people renamed to one of ``people`` others."""
    from newsgraph.model import EntityType, Participant

    suffix = f"-{n % people}"
    persons = {e.key for e in template.entities if e.type is EntityType.PERSON}

    def key(k):
        return k + suffix if k in persons else k

    return replace(
        template,
        article=replace(template.article, id=f"gen-{n:06d}"),
        entities=tuple(replace(e, key=key(e.key), name=e.name + suffix) if e.key in persons else e
                       for e in template.entities),
        roles=tuple(replace(r, holder=key(r.holder)) for r in template.roles),
        events=tuple(replace(e, participants=tuple(Participant(key(p.entity), p.role) for p in e.participants))
                     for e in template.events),
    )


def _timed(run: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def bench_graph(triples: int, jobs: int, sample: int, work: Path) -> list[tuple[str, str]]:
    from pyshacl import validate as pyshacl_validate
    from rdflib import Dataset, Graph

    from newsgraph.engines import chunked, graph_chunk, make_runner
    from newsgraph.rdf import Minter, article_graph
    from newsgraph.store import open_store
    from newsgraph.validate import load_ontology, load_shapes

    templates = _templates(60)
    minter = Minter()
    dataset = Dataset(default_union=True)
    total, n = 0, 0
    with open_store(work / "big", create=True) as store:
        while total < triples:
            batch = {}
            for _ in range(200):
                graph = article_graph(_clone(templates[n % len(templates)], n, 3000), minter=minter)
                name = str(minter.graph(f"gen-{n:06d}"))
                batch[name] = graph
                dataset.graph(minter.graph(f"gen-{n:06d}")).__iadd__(graph)
                total += len(graph)
                n += 1
            store.replace_graphs(batch)
        store.optimize()  # as a build ends
        articles = n
        _say(f"generated {total} triples")
        rows = []
        rows.append(("generated graph", f"{total:,} triples in {articles:,} article graphs "
                                        f"(cloned from {len(templates)} real extractions)"))

        # Each side runs as its users run it: `newsgraph ask` in a process that opens the store (this one holds
        # the 1M-triple rdflib graph and the templates' pipeline, which slow any Python work by a tenth or more),
        # rdflib in the process that holds its graph.
        # rdflib gets the formulation it runs fastest (same rows): best against best. The sides take turns, a
        # run each per round, so that both meet the same phases of a noisy machine (timed one after the other,
        # the store's few seconds fell in one phase and rdflib's minute in several).
        single_pass = SINGLE_PASS.read_text(encoding="utf-8")
        store_times, rdflib_times = [], []
        for _ in range(RUNS):
            timed = _child("ask", str(work / "big"))
            store_times.append(timed["seconds"])
            rdflib_time, rdflib_rows = _timed(lambda: len(list(dataset.query(single_pass))))
            rdflib_times.append(rdflib_time)
        store_s, rdflib_s = min(store_times), min(rdflib_times)
        rows.append((f"who-met-where: store (pyoxigraph, `newsgraph ask`) vs rdflib in memory (single-pass text), "
                     f"fastest of {RUNS} rounds, one run a side each",
                     f"{store_s * 1000:.0f} ms vs {rdflib_s * 1000:.0f} ms: **{rdflib_s / store_s:.0f}x** "
                     f"({timed['rows']} vs {rdflib_rows} rows; medians {statistics.median(store_times) * 1000:.0f} "
                     f"vs {statistics.median(rdflib_times) * 1000:.0f} ms)"))

        _say(f"{rows[-1][0]}: {rows[-1][1]}")
        if not sample:  # --sample 0: the query comparison alone
            return rows
        # Validation on a sample: newsgraph's path (per article, in the build's worker processes)
        # against one pySHACL call over an rdflib graph of the same articles.
        extractions = [_clone(templates[i % len(templates)], i, 3000) for i in range(sample)]
        runner = make_runner(jobs=jobs)
        try:
            # Start every worker (one chunk each), so the timing below holds no start-up.
            list(runner.map(graph_chunk, [[x] for x in extractions[:jobs]], minter.base))
            start = time.perf_counter()
            for _ in runner.map(graph_chunk, chunked(extractions, 16), minter.base):
                pass
            ours_s = time.perf_counter() - start
        finally:
            runner.close()
        _say(f"newsgraph validation done in {ours_s:.1f} s")
        union = Graph()
        for x in extractions:
            union += article_graph(x, minter=minter)
        sample_triples = len(union)
        union += load_ontology()
        pyshacl_s, _ = _timed(lambda: pyshacl_validate(union, shacl_graph=load_shapes(), inference="none",
                                                       advanced=True, allow_warnings=True))
        rows.append((f"validation of {sample} articles ({sample_triples:,} triples): newsgraph ({jobs} processes) "
                     f"vs one pySHACL call over an rdflib graph",
                     f"{ours_s:.1f} s vs {pyshacl_s:.1f} s: **{pyshacl_s / ours_s:.2f}x**; "
                     f"extrapolated to {total:,} triples: newsgraph {ours_s / sample * articles / 60:.1f} min"))
        _say(f"{rows[-1][0]}: {rows[-1][1]}")
        extra = _clone(templates[0], articles + 1, 3000)
        mapped_s, (g,) = _timed(lambda: graph_chunk([extra], minter.base))
        quarantine = (g.name + "-quarantine", g.quarantined)
        write_s, _ = _timed(lambda: store.replace_graph(g.name, g.kept, quarantine=quarantine))
        rows.append((f"add one article to the {total:,}-triple store",
                     f"{(mapped_s + write_s) * 1000:.0f} ms (map + validate {mapped_s * 1000:.0f} ms, "
                     f"store write {write_s * 1000:.0f} ms)"))
    return rows


def _say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


# -- report ---------------------------------------------------------------------------

def _machine() -> str:
    pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    return (f"{len(os.sched_getaffinity(0))} cores ({platform.processor() or platform.machine()}), "
            f"{pages * size / 2**30:.0f} GB memory, Python {platform.python_version()}, {platform.system()}")


def write_results(rows: list[tuple[str, str]], *, command: str, path: Path = RESULTS) -> str:
    lines = [
        "# newsgraph benchmark",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} on {_machine()}.",
        f"Command: `{command}`",
        "",
        "| measure | result |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in rows),
        "",
    ]
    text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")
    return text


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--raw", "--build", "--ask"):
        mode, *args = sys.argv[1:]
        if mode == "--raw":
            print(json.dumps(run_raw(Path(args[0]), int(args[1]), *args[2:])))
        elif mode == "--ask":
            print(json.dumps(run_ask(Path(args[0]))))
        else:
            print(json.dumps(run_build(Path(args[0]), Path(args[1]), int(args[2]))))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path, help="JSON Lines corpora (.jsonl or .jsonl.gz)")
    parser.add_argument("--limit", type=int, default=None, help="first N items of each corpus (default: all)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated graph (0: skip)")
    parser.add_argument("--sample", type=int, default=100, help="articles in the validation comparison (0: skip it and the add-one-article timing)")
    parser.add_argument("--model-alone", action=argparse.BooleanOptionalAction, default=True,
                        help="also time raw spaCy with the statistical model alone (one more pass over each corpus)")
    parser.add_argument("--results", type=Path, default=RESULTS, help=f"where to write the table (default: {RESULTS})")
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        work = Path(tmp)
        for corpus in args.corpora:
            found = bench_corpus(corpus, args.limit, args.jobs, work, model_alone=args.model_alone)
            rows += found
            _say(f"done {corpus}: " + "; ".join(f"{k}: {v}" for k, v in found if "end-to-end" in k or "build / raw" in k))
        if args.triples:
            rows += bench_graph(args.triples, args.jobs, args.sample, work)
        shutil.rmtree(work, ignore_errors=True)
    print(write_results(rows, command="python bench/run.py " + " ".join(sys.argv[1:]), path=args.results))


if __name__ == "__main__":
    main()
