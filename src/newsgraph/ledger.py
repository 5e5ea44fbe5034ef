"""The build ledger: what each article in a build folder was made from (``OUT/ledger.sqlite``).

One row per article: the content hash of the input, its extraction (before
cross-article resolution), a small summary for resolution, and a fingerprint
of the resolved extraction whose graph is in the store with its validation
report. The ledger is what makes a build resumable: an article whose hash is
known is not parsed again, and a graph whose fingerprint is unchanged is not
written again. Rows are only ever conservative: a graph is marked written
after the store has it, so a crash in between means one more rewrite, never
a missing graph.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from newsgraph.model import Article

LEDGER_FILE = "ledger.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    extraction BLOB NOT NULL,
    summary BLOB NOT NULL,
    written TEXT,
    report BLOB
)
"""


def content_hash(article: Article) -> str:
    """sha256 of everything of an article that reaches its graph."""
    fields = (article.id, article.original, article.text, article.source, article.title,
              article.published and article.published.isoformat(), article.url)
    return hashlib.sha256(repr(fields).encode("utf-8")).hexdigest()


def pack(value: Any) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> Any:
    return pickle.loads(zlib.decompress(blob))


class Ledger:
    """The sqlite side table of a build folder; use as a context manager."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / LEDGER_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # WAL: a killed build loses at most the uncommitted batch.
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def hashes(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT id, hash FROM articles"))

    def ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY id")]

    def put_extractions(self, rows: Iterable[tuple[str, str, bytes, bytes]]) -> None:
        """(id, hash, packed extraction, packed summary); the article's graph is not written yet."""
        self._db.executemany(
            "INSERT OR REPLACE INTO articles (id, hash, extraction, summary, written, report) VALUES (?, ?, ?, ?, NULL, NULL)",
            rows)
        self._db.commit()

    def summaries(self) -> Iterator[tuple[str, bytes]]:
        """(id, packed summary), ordered by id."""
        yield from self._db.execute("SELECT id, summary FROM articles ORDER BY id")

    def rows(self, ids: list[str]) -> list[tuple[str, bytes, str | None, bytes | None]]:
        """(id, packed extraction, written fingerprint, packed report) for ``ids``, in that order."""
        marks = ",".join("?" * len(ids))
        found = {row[0]: row for row in self._db.execute(
            f"SELECT id, extraction, written, report FROM articles WHERE id IN ({marks})", ids)}
        return [found[i] for i in ids]

    def mark_written(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        """(id, fingerprint, packed report) of graphs the store now holds."""
        self._db.executemany("UPDATE articles SET written = ?, report = ? WHERE id = ?",
                             ((fp, report, i) for i, fp, report in rows))
        self._db.commit()
