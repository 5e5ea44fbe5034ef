"""The Python API: the CLI's verbs as methods of a ``KnowledgeGraph``.

    import newsgraph
    with newsgraph.build(["seeds/"], "out") as graph:
        print(graph.ask("meetings-of", person="Lopez").to_table())

The store is opened read-only, so several readers (and a read-only
``newsgraph serve``) can share it; building again needs the graph closed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from newsgraph.export import Format
from newsgraph.export import export as export_store
from newsgraph.gsp import Auth, LoadResult
from newsgraph.query import Answer
from newsgraph.store import GraphKind, GraphStore, open_store
from newsgraph.validate import ValidationReport


class KnowledgeGraph:
    """The graph a build left in ``out_dir``. Close it (or use ``with``) to release the store."""

    def __init__(self, store: GraphStore, *, out_dir: Path, build_result: Any = None):
        self._store = store
        self.out_dir = out_dir
        self.build_result = build_result  # the pipeline's BuildResult when made by newsgraph.build

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeGraph({str(self.out_dir)!r})"

    def close(self) -> None:
        self._store.close()

    @property
    def store(self) -> GraphStore:
        return self._store

    @property
    def articles(self) -> list[str]:
        """The article graphs' names, sorted."""
        return self._store.graph_names(kinds={GraphKind.ARTICLE})

    def ask(self, name: str, **params: str) -> Answer:
        """A library question (``newsgraph ask``), e.g. ``ask("roles-of", person="Ana Lopez")``."""
        from newsgraph.query import ask

        return ask(self._store, name, params=params)

    def sparql(self, text: str) -> Answer:
        """Any SPARQL query over the article graphs (``newsgraph sparql``)."""
        from newsgraph.query import run_sparql

        return run_sparql(self._store, text)

    def validate(self) -> ValidationReport:
        """The SHACL report of the article graphs (``newsgraph validate``)."""
        from newsgraph.validate import validate

        return validate(self._store.dataset())

    def export(self, fmt: Format | str = Format.TTL) -> bytes:
        """The graph as Turtle, TriG, N-Quads or JSON-LD (``newsgraph export``), byte-stable."""
        return export_store(self._store, Format(fmt))

    def load(
        self,
        endpoint: str,
        auth: Auth | None = None,
        *,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> LoadResult:
        """PUT the graphs into a Graph Store Protocol server (``newsgraph load``)."""
        from newsgraph.gsp import load

        return load(self._store, endpoint, auth=auth, on_progress=on_progress)


def build(inputs: Iterable[str | Path] | str | Path, out_dir: str | Path = "out", **options: Any) -> KnowledgeGraph:
    """Build (or update) the graph in ``out_dir`` from ``inputs`` and open it.

    ``options`` are those of ``newsgraph.pipeline.build``: ``published`` (a
    date), ``on_error`` (``"stop"`` or ``"skip"``), ``base`` (the IRI base),
    ``jobs``, ``engine``, ``on_article``, ``on_progress``, ... Builds use worker
    processes: in a script, call this under ``if __name__ == "__main__":``.
    """
    from newsgraph.ingest import OnError
    from newsgraph.pipeline import build as run_build

    if isinstance(inputs, str | Path):
        inputs = [inputs]
    if "on_error" in options:
        options["on_error"] = OnError(options["on_error"])
    result = run_build(list(inputs), out_dir, **options)
    return open_graph(out_dir, build_result=result)


def open_graph(out_dir: str | Path = "out", *, build_result: Any = None) -> KnowledgeGraph:
    """The graph of an earlier build in ``out_dir`` (``newsgraph.open``)."""
    return KnowledgeGraph(open_store(out_dir, read_only=True), out_dir=Path(out_dir), build_result=build_result)
