"""Where the bundled ontology and shapes live.

In a source checkout they sit at the repository root (``ontology/``,
``shapes/``); in an installed package they are shipped inside the package
directory. Both places are tried, the package first, so an installed copy never
reads a stale checkout by accident.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import UsageError

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATE_ROOTS = (_PACKAGE_DIR, _PACKAGE_DIR.parents[1])


def resource_path(relative: str) -> Path:
    """The path of a bundled resource such as ``"shapes"`` or ``"ontology/roles.ttl"``."""
    for root in _CANDIDATE_ROOTS:
        candidate = root / relative
        if candidate.exists():
            return candidate
    tried = ", ".join(str(root / relative) for root in _CANDIDATE_ROOTS)
    raise UsageError(
        f"bundled resource {relative!r} not found (looked in {tried}); "
        "reinstall newsgraph or run it from a source checkout"
    )


def resource_files(folder: str, *, pattern: str = "*.ttl") -> tuple[Path, ...]:
    """The files of a bundled folder matching ``pattern``, in a stable order."""
    return tuple(sorted(resource_path(folder).glob(pattern)))
