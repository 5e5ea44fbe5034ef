"""The build: articles in, a validated graph in the output folder out.

ingest -> nlp -> extract -> resolve -> rdf (link) -> validate -> store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH
from spacy.language import Language

from newsgraph.engines import (ArticleGraphs, Engine, OutputPart, Runner, ThreadRunner, chunked, extract_chunk,
                               make_runner, resolved_graph_chunk, write_store_output)
from newsgraph.errors import Problem
from newsgraph.export import OUTPUT_FILES, Format, join_trig, write_atomically
from newsgraph.extract import extract
from newsgraph.ingest import OnError, read_articles
from newsgraph.ledger import Ledger, content_hash, pack, unpack
from newsgraph.model import Article, Extraction
from newsgraph.nlp import DEFAULT_MODEL, shared_pipeline
from newsgraph.rdf import DEFAULT_BASE, Minter
from newsgraph.resolve import resolve
from newsgraph.store import open_store
from newsgraph.validate import ValidationReport

ONTOLOGY_GRAPH = "https://w3id.org/newsgraph/ontology"
QUARANTINE_SUFFIX = "-quarantine"
CHUNK_SIZE = 64  # articles per task: big enough to amortize a round trip, small enough to bound memory


def extract_corpus(articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 16) -> Iterator[Extraction]:
    """Parse and extract each article; streams, one Doc in memory per batch."""
    nlp = nlp or shared_pipeline(DEFAULT_MODEL)
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract(doc, article)


# Chunks per store write: each bulk load writes new table files, and one of 256 articles
# took 0.75x the time of four of 64 (news-68k, pyoxigraph 0.5.13).
STORE_CHUNKS = 4


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article_id: str
    graph: str
    triples: int
    report: ValidationReport


@dataclass(frozen=True, slots=True)
class BuildResult:
    out_dir: Path
    articles: tuple[ArticleResult, ...]
    skipped: tuple[Problem, ...]
    stats: BuildStats | None = None

    @property
    def conforms(self) -> bool:
        return all(a.report.conforms for a in self.articles)


class Phase(StrEnum):
    EXTRACT = "extract"  # parsing and extraction of new or changed articles
    WRITE = "write"  # mapping to RDF, validation and store writes


@dataclass(frozen=True, slots=True)
class Progress:
    phase: Phase
    done: int  # articles finished in this phase so far
    resumed: int  # articles skipped because the ledger already had them


@dataclass(frozen=True, slots=True)
class BuildStats:
    extracted: int  # articles parsed in this run
    resumed: int  # input articles whose hash was already in the ledger (not parsed again)
    written: int  # article graphs written to the store in this run
    unchanged: int  # stored graphs left as they were (same resolved content)


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    published: dt.date | None = None,
    on_error: OnError = OnError.STOP,
    base: str = DEFAULT_BASE,
    on_article: Callable[[ArticleResult], None] | None = None,
    jobs: int | None = None,
    engine: Engine = Engine.LOCAL,
    scheduler: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    on_progress: Callable[[Progress], None] | None = None,
) -> BuildResult:
    """Build (or update, or resume) the graph in ``out_dir`` from ``inputs``.

    Two streaming passes. First, articles are read and hashed; new or changed
    ones are parsed and extracted in chunks (``jobs`` local processes, or a
    Dask cluster) and their extractions go to the ledger, not to memory.
    Then people and events are resolved over small summaries of every
    article in the ledger, so articles added later still merge with stored
    ones; each article whose resolved content changed is mapped to RDF,
    validated on its own (same workers), its violations quarantined, and
    written to the store in one transaction. An interrupted build, run again,
    skips what the ledger has and ends with the same graph.
    """
    out_dir = Path(out_dir)
    skipped: list[Problem] = []
    runner = make_runner(engine=engine, jobs=jobs, scheduler=scheduler)
    try:
        with Ledger(out_dir) as ledger:
            ids, extracted, resumed = _extract_new(
                read_articles(inputs, published=published, on_error=on_error, on_skip=skipped.append),
                ledger, runner, chunk_size=chunk_size, on_progress=on_progress)
            with open_store(out_dir, create=True) as store:
                store.load_ontology(ONTOLOGY_GRAPH)
                results, reports, written, unchanged = _write_graphs(
                    ledger, store, runner, ids, base=base, chunk_size=chunk_size,
                    on_article=on_article, on_progress=on_progress, resumed=resumed)
                if written:
                    store.optimize()
            _write_outputs(out_dir, runner)
    finally:
        runner.close()
    _write_validation(out_dir, reports)
    stats = BuildStats(extracted=extracted, resumed=resumed, written=written, unchanged=unchanged)
    return BuildResult(out_dir, tuple(results), tuple(skipped), stats)


# A pool's two workers write the exports: one the last 5/6 of graph.trig's graphs, the other graph.ttl
# and then the first 1/6 (the whole news-68k corpus: graph.ttl 32.1 s, graph.trig 48.0 s apart).
_TRIG_HEAD = 1 / 6
_OUTPUT_PARTS = (OutputPart(Format.TRIG, (_TRIG_HEAD, 1.0)), OutputPart(Format.TTL), OutputPart(Format.TRIG, (0.0, _TRIG_HEAD)))


def _write_outputs(out_dir: Path, runner: Runner) -> None:
    """graph.ttl and graph.trig from the closed store, by a pool's workers at once.

    Closed first: a read-only store opened beside a writable one can miss the
    table files the writer's compaction has just replaced.
    """
    if not runner.local_workers:
        for fmt in OUTPUT_FILES:
            write_store_output(OutputPart(fmt), out_dir)
        return
    tail, _, head = runner.map(write_store_output, _OUTPUT_PARTS, out_dir)
    if join_trig(out_dir, [head, tail]) is None:  # a blank node: graph.trig is written whole, sorted
        write_store_output(OutputPart(Format.TRIG), out_dir)


def _extract_new(articles: Iterable[Article], ledger: Ledger, runner: Runner, *, chunk_size: int,
                 on_progress: Callable[[Progress], None] | None) -> tuple[set[str], int, int]:
    """Extract the articles the ledger does not have (by content hash); the ids of all inputs."""
    known = ledger.hashes()
    ids: set[str] = set()
    hashes: dict[str, str] = {}
    counts = {"resumed": 0, "extracted": 0}

    def new_articles() -> Iterator[Article]:
        for article in articles:
            ids.add(article.id)
            digest = content_hash(article)
            if known.get(article.id) == digest:
                counts["resumed"] += 1
                continue
            hashes[article.id] = digest
            yield article

    for packed in runner.map(extract_chunk, chunked(new_articles(), chunk_size)):
        ledger.put_extractions((x.article_id, hashes.pop(x.article_id), x.extraction, x.summary) for x in packed)
        counts["extracted"] += len(packed)
        if on_progress:
            on_progress(Progress(Phase.EXTRACT, counts["extracted"], counts["resumed"]))
    return ids, counts["extracted"], counts["resumed"]


def _write_graphs(ledger: Ledger, store, runner: Runner, inputs: set[str], *, base: str, chunk_size: int,
                  on_article: Callable[[ArticleResult], None] | None,
                  on_progress: Callable[[Progress], None] | None, resumed: int):
    """Resolve over every article in the ledger, then write the graphs whose resolved content changed."""
    order = ledger.ids()
    resolved = resolve([unpack(blob) for _, blob in ledger.summaries()])
    fingerprints = {x.article.id: _fingerprint(x, base) for x in resolved}
    minter = Minter(base)
    results: list[ArticleResult] = []
    reports: list[ValidationReport] = []
    counts = {"written": 0, "unchanged": 0}

    def keep(result: ArticleResult) -> None:
        reports.append(result.report)
        if result.article_id in inputs:
            results.append(result)
            if on_article:
                on_article(result)

    def stale() -> Iterator[list[tuple[Extraction, bytes]]]:
        """Chunks of (resolved summary, packed extraction) that need writing; reuses the rest as they are."""
        by_id = dict(zip(order, resolved))
        for chunk_ids in chunked(order, chunk_size):
            todo = []
            for article_id, blob, written, report in ledger.rows(chunk_ids):
                name = str(minter.graph(article_id))
                if written == fingerprints[article_id] and report is not None and store.has_graph(name):
                    saved = unpack(report)
                    keep(ArticleResult(article_id, name, store.triple_count(name), saved))
                    counts["unchanged"] += 1
                else:
                    todo.append((by_id[article_id], blob))
            if todo:
                yield todo

    batches = _regrouped(runner.map(resolved_graph_chunk, stale(), base), STORE_CHUNKS)
    for graphs in _stored(store, batches):
        marks = []
        for g in graphs:
            marks.append((g.article_id, fingerprints[g.article_id], pack(g.report)))
            keep(ArticleResult(g.article_id, g.name, g.triples, g.report))
        ledger.mark_written(marks)
        counts["written"] += len(graphs)
        if on_progress:
            on_progress(Progress(Phase.WRITE, counts["written"], resumed))
    return results, reports, counts["written"], counts["unchanged"]


def _stored(store, batches: Iterable[list[ArticleGraphs]]) -> Iterator[list[ArticleGraphs]]:
    """Each batch once the store holds it.

    The store writes in a thread of its own (oxigraph releases the GIL), so
    this one meanwhile takes the workers' next results and keeps them busy:
    writing here, the workers waited for every write.
    """
    writer = ThreadRunner()
    try:
        yield from writer.map(_store_chunk, batches, store)
    finally:
        writer.close()


def _regrouped(chunks: Iterable[list[ArticleGraphs]], size: int) -> Iterator[list[ArticleGraphs]]:
    """The chunks' items again, ``size`` chunks to a list (the last list may take fewer)."""
    for group in chunked(chunks, size):
        yield [item for chunk in group for item in chunk]


def _store_chunk(chunk: list[ArticleGraphs], store) -> list[ArticleGraphs]:
    """Write a chunk's graphs (those new to the store in one bulk load, each other one in a transaction
    of its own) and return it."""
    new: dict[str, bytes] = {}
    for graphs in chunk:
        quarantine = _quarantine_change(store, graphs)
        if quarantine is None and not store.has_graph(graphs.name):
            new[graphs.name] = graphs.kept
        else:
            store.replace_graph(graphs.name, graphs.kept, quarantine=quarantine)
    store.replace_graphs(new)
    return chunk


def _quarantine_change(store, graphs: ArticleGraphs) -> tuple[str, bytes] | None:
    """The quarantine graph to write with an article's graph; None when there is none, before or after.

    Most articles have nothing quarantined: skipping the drop of a graph the
    store does not hold saves a write in every article's transaction.
    """
    name = graphs.name + QUARANTINE_SUFFIX
    if not graphs.quarantined and not store.has_graph(name):
        return None
    return name, graphs.quarantined


# -- resolution over summaries ---------------------------------------------------

def _fingerprint(resolved: Extraction, base: str) -> str:
    # The resolved summary plus the article's content hash (in the ledger row) fix the graph.
    return hashlib.sha256(f"{base}\x1f{resolved!r}".encode("utf-8")).hexdigest()


def combine_reports(reports: list[ValidationReport]) -> ValidationReport:
    """One report for the whole build, from the per-article ones."""
    graph = Graph()
    for report in reports:
        graph += report.graph
    conforms = all(r.conforms for r in reports)
    for node in set(graph.subjects(RDF.type, SH.ValidationReport)):
        graph.set((node, SH.conforms, Literal(conforms)))
    return ValidationReport(conforms, tuple(r for report in reports for r in report.results), graph)


def _write_validation(out_dir: Path, reports: list[ValidationReport]) -> None:
    combined = combine_reports(reports)
    write_atomically(out_dir / "validation.txt", combined.to_text().encode("utf-8"))
    write_atomically(out_dir / "validation.ttl", combined.graph.serialize(format="turtle").encode("utf-8"))
