"""Every cell of a report's tables, with its place and its official name."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from ..regulation import Heading, Language, check_language
from .kinds import kind_of

__all__ = ["Cell", "iter_cells"]


@attrs.frozen
class Cell:
    """One cell of table 二, 三 or 四.

    *path* is the chain of keys from the report down to the cell, e.g.
    ``("requests", "outcomes", "withheld", "state_secret", "total")``;
    *table* the table's heading; *rows* the row headings from the table down;
    *column* the column heading.
    """

    path: tuple[str, ...]
    value: int | Decimal | None
    table: Heading
    rows: tuple[Heading, ...]
    column: Heading

    @property
    def pointer(self) -> str:
        """The cell's JSON Pointer in the interchange shape."""
        return "/" + "/".join(self.path)

    def label(self, language: Language = "zh") -> str:
        """The cell's official name, e.g. ``三、本年度办理结果（三）不予公开 1.属于国家秘密 · 总计``.

        In English the row headings are joined with ``›``:
        ``Outcomes this year › Not disclosed › State secret · Total``.

        Raises:
            ValueError: for a language that is not a :data:`~govdisclosure.regulation.Language`.
        """
        if check_language(language) == "en":
            return " › ".join(_with_group(h, "en") for h in self.rows) + " · " + _with_group(self.column, "en")
        row = ""
        for heading in self.rows:
            text = _with_group(heading, "zh")
            row += text if not row or text.startswith("（") else " " + text
        return f"{row} · {_with_group(self.column, 'zh')}"


def _with_group(heading: Heading, language: Language) -> str:
    text = heading.en if language == "en" else heading.zh
    if heading.group is None:
        return text
    return f"{heading.group} {text}" if language == "zh" else text


def iter_cells(report: Any) -> Iterator[Cell]:
    """Yield every table cell of *report*, blank ones included, in printed order.

    A legacy report has no tables and yields nothing.
    """
    template = type(report).template
    for table in (template.proactive, template.requests, template.review_litigation):
        if table is not None:
            yield from _cells(getattr(report, table.key), (table.key,), table, ())


def _cells(part: Any, path: tuple[str, ...], table: Heading, rows: tuple[Heading, ...]) -> Iterator[Cell]:
    headings: dict[str, Heading] = type(part).__headings__
    for field in attrs.fields(type(part)):
        value = getattr(part, field.name)
        heading = headings[field.name]
        if kind_of(field).cell:
            yield Cell((*path, field.name), value, table, rows, heading)
        else:
            yield from _cells(value, (*path, field.name), table, (*rows, heading))
