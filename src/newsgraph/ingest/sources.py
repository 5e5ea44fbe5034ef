"""Which files the given paths stand for, in a deterministic order.

A file given directly is read whatever its name; inside a folder only files
with a known ending are read (hidden files and folders, and links to folders,
are passed over; a broken link is a problem). Folders are walked lazily, sorted by name, so a corpus of
many files is listed without holding it in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from newsgraph.errors import Problem


class Kind(StrEnum):
    TEXT = "text"
    JSONL = "jsonl"
    HTML = "html"


# Longer endings first: ".jsonl.gz" before anything ending in ".gz".
ENDINGS: tuple[tuple[str, Kind], ...] = (
    (".jsonl.gz", Kind.JSONL),
    (".jsonl", Kind.JSONL),
    (".html", Kind.HTML),
    (".htm", Kind.HTML),
    (".txt", Kind.TEXT),
)
KNOWN_ENDINGS = ", ".join(ending for ending, _ in ENDINGS) + " or no extension"


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read: where it is, how it is shown, and the id it gives an article."""

    path: Path
    shown: str  # the path as the user gave it (folder joined with the relative name)
    name: str  # the article id for a text or HTML file
    kind: Kind

    @property
    def compressed(self) -> bool:
        return self.path.name.lower().endswith(".gz")


def kind_of(name: str) -> Kind | None:
    """The kind a file in a folder is read as, or None when it is not read."""
    lowered = name.lower()
    for ending, kind in ENDINGS:
        if lowered.endswith(ending):
            return kind
    return Kind.TEXT if "." not in name else None


def find_sources(paths: Iterable[str | Path]) -> Iterator[Source | Problem]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _folder_sources(path, str(given))
        elif path.exists():
            yield Source(path, str(given), path.name, kind_of(path.name) or Kind.TEXT)
        else:
            yield Problem(str(given), None, "file not found; check the path")


def _folder_sources(folder: Path, shown: str) -> Iterator[Source | Problem]:
    found = False
    for item in _walk(folder, ()):
        if isinstance(item, Problem):
            yield item
            continue
        found = True
        relative = "/".join(item)
        yield Source(folder.joinpath(*item), str(Path(shown, *item)), relative, kind_of(item[-1]))
    if not found:
        yield Problem(shown, None, f"folder holds no articles (files ending {KNOWN_ENDINGS}); check the path")


def _walk(folder: Path, parts: tuple[str, ...]) -> Iterator[tuple[str, ...] | Problem]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Problem(str(folder), None, f"cannot list folder ({error.strerror}); check its permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), (*parts, entry.name))
        elif kind_of(entry.name) is None:
            continue
        elif entry.is_file():
            yield (*parts, entry.name)
        elif entry.is_symlink() and not os.path.exists(entry.path):
            # A link to nowhere is an article the user meant to give: say so, never drop it quietly.
            yield Problem(entry.path, None, f"broken link (to {os.readlink(entry.path)}); fix or remove it")
