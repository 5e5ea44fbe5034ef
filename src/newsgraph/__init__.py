"""newsgraph: news articles in, a validated RDF knowledge graph out.

    import newsgraph
    with newsgraph.build(["seeds/"], "out") as graph:
        graph.ask("who-met-where").to_table()

The names below load on first use, so ``import newsgraph`` (and the CLI) stay
fast: spaCy is imported only when something is built.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> (module, attribute)
_EXPORTS = {
    "build": ("newsgraph.api", "build"),
    "open": ("newsgraph.api", "open_graph"),
    "KnowledgeGraph": ("newsgraph.api", "KnowledgeGraph"),
    "Answer": ("newsgraph.query", "Answer"),
    "list_queries": ("newsgraph.query", "list_queries"),
    "Format": ("newsgraph.export", "Format"),
    "LoadResult": ("newsgraph.gsp", "LoadResult"),
    "RemoteEndpoint": ("newsgraph.gsp", "RemoteEndpoint"),
    "ValidationReport": ("newsgraph.validate", "ValidationReport"),
    "NewsgraphError": ("newsgraph.errors", "NewsgraphError"),
    "InputError": ("newsgraph.errors", "InputError"),
    "QueryError": ("newsgraph.errors", "QueryError"),
    "StoreError": ("newsgraph.errors", "StoreError"),
    "UsageError": ("newsgraph.errors", "UsageError"),
}

__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:
    from newsgraph.api import KnowledgeGraph, build
    from newsgraph.api import open_graph as open
    from newsgraph.errors import InputError, NewsgraphError, QueryError, StoreError, UsageError
    from newsgraph.export import Format
    from newsgraph.gsp import LoadResult, RemoteEndpoint
    from newsgraph.query import Answer, list_queries
    from newsgraph.validate import ValidationReport


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
