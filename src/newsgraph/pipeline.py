"""The build: articles in, a validated graph in the output folder out.

ingest -> nlp -> extract -> resolve -> rdf (link) -> validate -> store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH
from spacy.language import Language

from newsgraph.errors import Problem
from newsgraph.export import write_atomically, write_outputs
from newsgraph.extract import extract
from newsgraph.ingest import OnError, read_articles
from newsgraph.model import Article, Extraction
from newsgraph.nlp import DEFAULT_MODEL, shared_pipeline
from newsgraph.rdf import DEFAULT_BASE, Minter, article_graph
from newsgraph.resolve import resolve
from newsgraph.store import open_store
from newsgraph.validate import ValidationReport, quarantine, validate

ONTOLOGY_GRAPH = "https://w3id.org/newsgraph/ontology"
QUARANTINE_SUFFIX = "-quarantine"


def extract_corpus(articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 16) -> Iterator[Extraction]:
    """Parse and extract each article; streams, one Doc in memory per batch."""
    nlp = nlp or shared_pipeline(DEFAULT_MODEL)
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract(doc, article)


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

    @property
    def conforms(self) -> bool:
        return all(a.report.conforms for a in self.articles)


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    published: dt.date | None = None,
    on_error: OnError = OnError.STOP,
    base: str = DEFAULT_BASE,
    on_article: Callable[[ArticleResult], None] | None = None,
) -> BuildResult:
    """Build (or update) the graph in ``out_dir`` from ``inputs``.

    Every article's graph is validated on its own; facts that violate a shape
    go to that article's quarantine graph. Each article is written to the
    store in one transaction, so an interrupted build leaves whole articles.
    """
    out_dir = Path(out_dir)
    skipped: list[Problem] = []
    # Reading validates every input first: a bad file stops the build before anything is stored.
    articles = list(read_articles(inputs, published=published, on_error=on_error, on_skip=skipped.append))
    extractions = resolve(list(extract_corpus(articles)))
    minter = Minter(base)
    results = []
    with open_store(out_dir, create=True) as store:
        store.load_ontology(ONTOLOGY_GRAPH)
        for extraction in extractions:
            result = _store_article(store, extraction, minter)
            results.append(result)
            if on_article:
                on_article(result)
        write_outputs(store, out_dir)
    reports = [r.report for r in results]
    _write_validation(out_dir, reports)
    return BuildResult(out_dir, tuple(results), tuple(skipped))


def _store_article(store, extraction: Extraction, minter: Minter) -> ArticleResult:
    graph = article_graph(extraction, minter=minter)
    report = validate(graph)
    kept, quarantined = quarantine(graph, report)
    name = str(minter.graph(extraction.article.id))
    store.replace_graph(name, kept, quarantine=(name + QUARANTINE_SUFFIX, quarantined))
    return ArticleResult(extraction.article.id, name, len(kept), report)


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
