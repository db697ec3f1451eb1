"""The exceptions the package raises, and the located problems they carry."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Final

import attrs

__all__ = ["MAX_PROBLEMS", "GovDisclosureError", "ParseError", "Problem", "ProblemLog"]

#: How many problems a :class:`ParseError` keeps; any others are only counted.
MAX_PROBLEMS: Final = 100


class GovDisclosureError(Exception):
    """The root of every exception govdisclosure raises on purpose."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input document, and where it is.

    *pointer* is a JSON Pointer (RFC 6901) into the interchange shape;
    *line* and *column* (1-based) locate it in the text where known; *xpath*
    is set for XML input.
    """

    pointer: str
    message: str
    line: int | None = None
    column: int | None = None
    xpath: str | None = None

    @property
    def position(self) -> str:
        """Where the problem is in the text (``line 3, column 7``, ``line 3``), or ``""`` when unknown."""
        if self.line is None:
            return ""
        return f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"

    @property
    def location(self) -> str:
        """Where the problem is, as a person would read it."""
        return " ".join(part for part in (self.position, self.pointer) if part)

    def __str__(self) -> str:
        location = self.location
        return f"{location}: {self.message}" if location else self.message


class ProblemLog:
    """The problems found in one document: the first *limit* kept, the others only counted.

    A hostile document can hold millions of problems; past the limit nothing
    is built for them.  :meth:`add` takes the message as a callable, so its
    text (and anything costly, such as a suggestion) is made only for a
    problem that is kept.  ``len(log)`` counts every problem, kept or not.
    """

    __slots__ = ("kept", "limit", "total")

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self.kept: list[Problem] = []
        self.limit = limit
        self.total = 0

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.kept)

    @property
    def full(self) -> bool:
        """Whether a further problem would only be counted."""
        return self.total >= self.limit

    def append(self, problem: Problem) -> None:
        """Record *problem* (kept while there is room)."""
        if self.total < self.limit:
            self.kept.append(problem)
        self.total += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record each of *problems*."""
        for problem in problems:
            self.append(problem)

    def add(
        self,
        pointer: str,
        message: Callable[[], str],
        *,
        line: int | None = None,
        column: int | None = None,
        xpath: str | None = None,
    ) -> None:
        """Record a problem at *pointer*; *message* is called only if the problem is kept."""
        if self.total < self.limit:
            self.kept.append(Problem(pointer=pointer, message=message(), line=line, column=column, xpath=xpath))
        self.total += 1

    def error(self, source: str | None = None) -> ParseError:
        """The :class:`ParseError` for the problems recorded."""
        return ParseError(self.kept, source, total=self.total)


class ParseError(GovDisclosureError, ValueError):
    """An input document is not a valid report; *problems* lists what is wrong with it.

    *problems* holds at most :data:`MAX_PROBLEMS`; *total* counts every
    problem found and *omitted* those left out.  *source* names the file (or
    other origin) when known.  ``str(error)`` is a readable summary, one
    problem per line, ending "and N more" when some were left out.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None, *, total: int | None = None) -> None:
        iterator = iter(problems)
        self.problems: tuple[Problem, ...] = tuple(itertools.islice(iterator, MAX_PROBLEMS))
        rest = sum(1 for _ in iterator)
        self.total: int = max(total if total is not None else 0, len(self.problems) + rest)
        self.source = source
        super().__init__(self._summary())

    @property
    def omitted(self) -> int:
        """How many problems were found but not kept in *problems*."""
        return self.total - len(self.problems)

    def _summary(self) -> str:
        head = f"{self.source}: " if self.source else ""
        if self.total == 1 and self.problems:
            return f"{head}{self.problems[0]}"
        lines = [f"{head}{self.total} problems"]
        lines.extend(f"  {problem}" for problem in self.problems)
        if self.omitted:
            lines.append(f"  and {self.omitted} more")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Callable[..., ParseError], tuple[tuple[Problem, ...], str | None, int]]:
        # Rebuild from the problems, not from the message (for pickle and copy).
        return (_rebuild, (self.problems, self.source, self.total))

    def with_source(self, source: str) -> ParseError:
        """The same error, naming *source* as where the input came from."""
        return ParseError(self.problems, source, total=self.total)


def _rebuild(problems: tuple[Problem, ...], source: str | None, total: int) -> ParseError:
    return ParseError(problems, source, total=total)
