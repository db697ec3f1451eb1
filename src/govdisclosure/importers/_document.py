"""A published page as the importers read it: one text, and where each part of it came from.

Every format is first turned into a :class:`Document`: its text, with the
cells of HTML tables written one row a line between ``|`` (as a pipe table
is), and the :class:`Source` of any offset in it.  The table reader works on
that text alone, so HTML, pipe tables, spaced rows and flattened copies are
read by one set of rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal, NamedTuple

import attrs

__all__ = ["CellOrigin", "Document", "Meta", "Source", "Sources"]

_NEWLINE = re.compile("\n")


@attrs.frozen(kw_only=True)
class Source:
    """Where one cell's value was read.

    For HTML: *table* (0-based, in document order), *row* and *column* (0-based
    in that table's span-expanded grid) and *text*, the cell's raw text.  For
    text: *line* and *column* (1-based), *start* and *end* (offsets into the
    text) and *text*, the characters read.
    """

    kind: Literal["html", "text"]
    text: str
    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        if self.kind == "html":
            return f"table {self.table} row {self.row} column {self.column}: {self.text!r}"
        return f"line {self.line} column {self.column}: {self.text!r}"


class CellOrigin(NamedTuple):
    """An HTML cell written into a document's text at *start*–*end*: its table, grid row and column, raw text."""

    start: int
    end: int
    table: int
    row: int
    column: int
    raw: str


@attrs.frozen(kw_only=True)
class Meta:
    """What the page says about itself outside its text: its title and date, where it has them."""

    title: str | None = None
    date: str | None = None


@attrs.define
class Document:
    """The text the tables are read from, and how to locate an offset in it."""

    text: str
    kind: Literal["html", "text"]
    cells: Sequence[CellOrigin] = ()
    meta: Meta = attrs.field(factory=Meta)
    _lines: list[int] | None = None
    _starts: list[int] | None = None

    def source(self, start: int, end: int) -> Source:
        """Where the characters at *start*–*end* came from."""
        if self.kind == "html" and self.cells:
            if self._starts is None:
                self._starts = [cell.start for cell in self.cells]
            index = bisect.bisect_right(self._starts, start) - 1
            if index >= 0 and self.cells[index].start <= start <= self.cells[index].end:
                cell = self.cells[index]
                raw = cell.raw.replace("\xa0", " ").strip()
                return Source(kind="html", text=raw, table=cell.table, row=cell.row, column=cell.column)
        if self._lines is None:
            self._lines = [0, *(match.end() for match in _NEWLINE.finditer(self.text))]
        line = bisect.bisect_right(self._lines, start)
        return Source(
            kind="text",
            text=self.text[start:end],
            line=line,
            column=start - self._lines[line - 1] + 1,
            start=start,
            end=end,
        )


class Sources(Mapping[str, Source]):
    """Where each cell was read, by pointer: each :class:`Source` worked out when first looked up."""

    def __init__(self, document: Document, spans: Mapping[str, tuple[int, int]]) -> None:
        self._document = document
        self._spans = spans
        self._made: dict[str, Source] = {}

    def __getitem__(self, pointer: str) -> Source:
        source = self._made.get(pointer)
        if source is None:
            source = self._made[pointer] = self._document.source(*self._spans[pointer])
        return source

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __repr__(self) -> str:
        return f"Sources({len(self)} cells)"
