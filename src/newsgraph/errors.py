"""The one family of errors newsgraph raises.

Messages say what is wrong, where, and how to fix it. The CLI turns them into
exit code 2 and a one-line message; nothing else prints.
"""

from __future__ import annotations

from dataclasses import dataclass

SKIP_HINT = "or pass --on-error skip"  # the advice that ends a problem's message where skipping is possible


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where it is and what it is."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"

    def as_skipped(self) -> str:
        """What and where, without the advice to skip it: for a problem that was skipped."""
        return str(self).removesuffix(f" {SKIP_HINT}")


class InputError(NewsgraphError):
    """Unreadable or malformed input. Lists every problem found."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(NewsgraphError):
    """A command or API call that cannot be carried out as asked."""


class StoreError(NewsgraphError):
    """The store is missing, locked, or refused a write."""


class QueryError(NewsgraphError):
    """A query that does not parse, or an unknown query name or parameter."""
