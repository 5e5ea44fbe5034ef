"""Where the per-article stages run: in this process, a local process pool, or a Dask cluster.

The per-article work (parse + extract; map to RDF + validate + quarantine) is
two plain functions over chunks of articles, so every engine runs the same
code and gives the same results. Engines only differ in where the chunks go;
results always come back in submission order, with a bounded number of chunks
in flight so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, TypeVar

from newsgraph.errors import UsageError
from newsgraph.export import OUTPUT_FILES, Format, write_output, write_trig_share
from newsgraph.extract import extract
from newsgraph.ledger import pack, unpack
from newsgraph.model import Article, Extraction
from newsgraph.nlp import DEFAULT_MODEL, shared_pipeline
from newsgraph.rdf import Minter, article_triples
from newsgraph.resolve import apply_resolution, summarize
from newsgraph.store import open_store, to_ntriples
from newsgraph.validate import ValidationReport, fastest_engine, quarantine, validate_each

T = TypeVar("T")
R = TypeVar("R")

NLP_BATCH = 32


class Engine(StrEnum):
    LOCAL = "local"
    DASK = "dask"


@dataclass(frozen=True, slots=True)
class ArticleGraphs:
    """One article's graphs after validation, ready for the store (read-only: they travel between processes)."""

    article_id: str
    name: str
    kept: bytes  # N-Triples (store.to_ntriples)
    triples: int  # in kept
    quarantined: bytes  # N-Triples, empty when nothing is quarantined
    report: ValidationReport


@dataclass(frozen=True, slots=True)
class PackedExtraction:
    """An article's extraction and its summary for resolution, packed for the ledger where they were made."""

    article_id: str
    extraction: bytes
    summary: bytes


# -- the per-article stages (run wherever the engine puts them) -------------------

def extract_chunk(articles: list[Article], model: str = DEFAULT_MODEL) -> list[PackedExtraction]:
    """Parse and extract; the Docs are dropped here, and the extractions leave packed.

    Packing here spares the process that writes the ledger an unpickling
    and a packing of every extraction, on the cores the workers share with it.
    """
    nlp = shared_pipeline(model)
    pairs = ((article.text, article) for article in articles)
    extractions = (extract(doc, article) for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=NLP_BATCH))
    return [PackedExtraction(x.article.id, pack(x), pack(summarize(x))) for x in extractions]


def resolved_graph_chunk(items: list[tuple[Extraction, bytes]], base: str) -> list[ArticleGraphs]:
    """``graph_chunk`` of (resolved summary, packed extraction) pairs, unpacked and put together here."""
    return graph_chunk([apply_resolution(resolved, unpack(blob)) for resolved, blob in items], base)


def graph_chunk(extractions: list[Extraction], base: str) -> list[ArticleGraphs]:
    """Map resolved extractions to RDF, validate each graph on its own and quarantine violations.

    ``validate_each`` screens the chunk's graphs together and validates on
    its own only a graph the screen finds something in: the reports are
    those of one validation per graph, at a fraction of the cost.
    """
    minter = Minter(base)
    graphs = [article_triples(extraction, minter=minter) for extraction in extractions]
    out = []
    for extraction, graph, report in zip(extractions, graphs, validate_each(graphs, engine=fastest_engine()), strict=True):
        # Most graphs have no violation: nothing to move, so no quarantine graph to build.
        kept, quarantined = quarantine(graph, report) if report.violations else (graph, ())
        out.append(ArticleGraphs(extraction.article.id, str(minter.graph(extraction.article.id)),
                                 to_ntriples(kept), len(kept), to_ntriples(quarantined), report))
    return out


@dataclass(frozen=True, slots=True)
class OutputPart:
    """One of the build's files, or a share of graph.trig's graphs (fractions of them, by name) for ``join_trig``."""

    fmt: Format
    share: tuple[float, float] | None = None


def write_store_output(part: OutputPart, out_dir: Path) -> Path | None:
    """Write a file or share from the build's store, opened read-only: two local workers write them at once.

    Oxigraph's writers hold the GIL, so two threads of one process took as
    long as one file after the other. None when a share meets a blank node.
    """
    with open_store(out_dir, read_only=True) as store:
        if part.share is None:
            return write_output(store, out_dir, part.fmt)
        start, stop = part.share
        return write_trig_share(store, out_dir / f".{OUTPUT_FILES[part.fmt]}.{start:.3f}-{stop:.3f}.part", part.share)


# -- running chunks ------------------------------------------------------------------

class Runner(Protocol):
    local_workers: bool  # whether the chunks run in other processes of this machine, which can open the build's files

    def map(self, fn: Callable[..., R], chunks: Iterable[T], *args: Any) -> Iterator[R]: ...

    def close(self) -> None: ...


class InlineRunner:
    """Everything in this process: no start-up cost, for small inputs and --jobs 1."""

    local_workers = False

    def map(self, fn: Callable[..., R], chunks: Iterable[T], *args: Any) -> Iterator[R]:
        for chunk in chunks:
            yield fn(chunk, *args)

    def close(self) -> None:
        pass


class _FutureRunner:
    """Submit chunks to a futures-style executor, keeping at most ``window`` in flight."""

    def __init__(self, window: int):
        self.window = window

    def _submit(self, fn: Callable[..., R], chunk: T, *args: Any) -> Future:
        raise NotImplementedError

    def map(self, fn: Callable[..., R], chunks: Iterable[T], *args: Any) -> Iterator[R]:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(self._submit(fn, chunk, *args))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


class PoolRunner(_FutureRunner):
    """A local process pool of ``jobs`` workers, each loading the pipeline once."""

    local_workers = True

    def __init__(self, jobs: int):
        super().__init__(window=2 * jobs)
        # forkserver: the build later holds a store with its own threads; forking that is unsafe.
        self._pool: Executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("forkserver"))

    def _submit(self, fn: Callable[..., R], chunk: T, *args: Any) -> Future:
        return self._pool.submit(fn, chunk, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class ThreadRunner(_FutureRunner):
    """One thread of this process, two chunks in flight: work that releases the GIL (the store's bulk loads)
    runs while the caller goes on."""

    local_workers = False

    def __init__(self):
        super().__init__(window=2)
        self._thread = ThreadPoolExecutor(max_workers=1)

    def _submit(self, fn: Callable[..., R], chunk: T, *args: Any) -> Future:
        return self._thread.submit(fn, chunk, *args)

    def close(self) -> None:
        self._thread.shutdown(wait=True)


class DaskRunner(_FutureRunner):
    """Chunks go to a Dask cluster; results come back here, where the store is."""

    local_workers = False  # a cluster's workers may be other machines

    def __init__(self, scheduler: str):
        try:
            from dask.distributed import Client
        except ImportError as error:
            raise UsageError("--engine dask needs dask.distributed: pip install 'newsgraph[dask]'") from error
        try:
            self._client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as error:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
        workers = max(1, sum(self._client.nthreads().values()))
        super().__init__(window=2 * workers)

    def _submit(self, fn: Callable[..., R], chunk: T, *args: Any) -> Future:
        # pure=False: two equal chunks (e.g. re-runs) must still both run.
        return self._client.submit(fn, chunk, *args, pure=False)

    def close(self) -> None:
        self._client.close()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def make_runner(*, engine: Engine = Engine.LOCAL, jobs: int | None = None, scheduler: str | None = None) -> Runner:
    engine = Engine(engine)
    if engine is Engine.DASK:
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return DaskRunner(scheduler)
    if scheduler:
        raise UsageError("--scheduler is only for --engine dask")
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    return InlineRunner() if jobs == 1 else PoolRunner(jobs)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
