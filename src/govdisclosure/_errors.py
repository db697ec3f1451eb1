"""The exceptions the package raises, and the located problems they carry."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["GovDisclosureError", "ParseError", "Problem"]


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
    def location(self) -> str:
        """Where the problem is, as a person would read it."""
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}, column {self.column}" if self.column else f"line {self.line}")
        if self.pointer:
            parts.append(self.pointer)
        return " ".join(parts)

    def __str__(self) -> str:
        location = self.location
        return f"{location}: {self.message}" if location else self.message


class ParseError(GovDisclosureError, ValueError):
    """An input document is not a valid report; *problems* lists everything wrong with it.

    *source* names the file (or other origin) when known.  ``str(error)`` is a
    readable summary, one problem per line.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._summary())

    def _summary(self) -> str:
        head = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        if count == 1:
            return f"{head}{self.problems[0]}"
        lines = [f"{head}{count} problems"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[ParseError], tuple[tuple[Problem, ...], str | None]]:
        # Rebuild from the problems, not from the message (for pickle and copy).
        return (type(self), (self.problems, self.source))

    def with_source(self, source: str) -> ParseError:
        """The same error, naming *source* as where the input came from."""
        return ParseError(self.problems, source)
