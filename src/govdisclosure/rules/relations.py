"""The arithmetic relations between a report's cells, as data.

Three kinds, each naming its cells by key path from the report down:

* :class:`Sum` — a total cell equals the sum of its addends;
* :class:`Balance` — the left cells add up to the right cells (the 勾稽 of
  table 三), reported at one of the right-hand cells;
* :class:`Compare` — the left cells stand in an order to the right cells plus
  a constant (plausibility and sign checks).

:func:`relations_for` builds every relation a template implies from the
vocabulary in :mod:`govdisclosure.regulation`: no row or column is named
twice.  The engine compiles them into one function per template.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final, Literal, TypeAlias

import attrs

from ..regulation import APPLICANTS, Heading, TemplateVersion

__all__ = ["Balance", "Compare", "Path", "Relation", "Sum", "relations_for"]

#: A cell's place: the keys from the report down to it.
Path: TypeAlias = tuple[str, ...]

#: Amounts in 万元 above this are taken to have been written in 元 (1,000,000,000 元).
IMPLAUSIBLE_WAN: Final = Decimal(100_000)


@attrs.frozen
class Sum:
    """*total* equals the sum of *addends*."""

    code: str
    total: Path
    addends: tuple[Path, ...]

    @property
    def at(self) -> Path:
        """The cell a finding about this relation points at."""
        return self.total

    def cells(self) -> tuple[Path, ...]:
        """Every cell the relation reads."""
        return (*self.addends, self.total)


@attrs.frozen
class Balance:
    """The *left* cells add up to the *right* cells; a finding points at *at*, one of *right*."""

    code: str
    left: tuple[Path, ...]
    right: tuple[Path, ...]
    at: Path

    def cells(self) -> tuple[Path, ...]:
        """Every cell the relation reads."""
        return (*self.left, *self.right)


@attrs.frozen
class Compare:
    """Σ *left* *op* Σ *right* + *constant*; a finding points at *at*.

    With *written_only* the comparison is judged only when every cell it
    reads is written, as plausibility checks should not guess at blanks.
    """

    code: str
    left: tuple[Path, ...]
    op: Literal["<=", ">="]
    right: tuple[Path, ...]
    at: Path
    constant: int | Decimal = 0
    written_only: bool = True

    def cells(self) -> tuple[Path, ...]:
        """Every cell the relation reads."""
        return (*self.left, *self.right)


Relation: TypeAlias = Sum | Balance | Compare


def relations_for(template: TemplateVersion) -> tuple[Relation, ...]:
    """Every relation between the cells of a report under *template*, in document order."""
    relations: list[Relation] = []
    if template.proactive is not None:
        relations.extend(_proactive(template.proactive))
    if template.requests is not None:
        relations.extend(_requests(template.requests))
    if template.review_litigation is not None:
        relations.extend(_review(template.review_litigation))
    return tuple(relations)


def _proactive(table: Heading) -> Iterator[Relation]:
    """Sign, plausibility and unit checks on table 二, by the columns each row has."""
    for row in table.children:
        path = (table.key, row.key)
        columns = set(row.keys())
        if {"previous_year", "change"} <= columns:
            yield Compare(
                "GD-T2-ITEMS",
                ((*path, "previous_year"), (*path, "change")),
                ">=",
                (),
                at=(*path, "change"),
                written_only=False,
            )
        if {"new_published", "total_published"} <= columns:
            yield Compare(
                "GD-T2-PUBLISHED",
                ((*path, "new_published"),),
                "<=",
                ((*path, "total_published"),),
                at=(*path, "new_published"),
            )
        if {"issued", "repealed", "in_force"} <= columns:
            yield Compare(
                "GD-T2-IN-FORCE",
                ((*path, "issued"),),
                "<=",
                ((*path, "in_force"), (*path, "repealed")),
                at=(*path, "issued"),
            )
        for column in row.children:
            if column.unit == "万元":
                cell = (*path, column.key)
                yield Compare("GD-T2-UNIT", (cell,), "<=", (), at=cell, constant=IMPLAUSIBLE_WAN)


def _request_rows(table: Heading) -> Iterator[Path]:
    """The key path of every row of table 三 that holds cells, in printed order."""
    for row in table.children:
        if not row.children:
            yield (table.key, row.key)
            continue
        for group in row.children:
            if not group.children:
                yield (table.key, row.key, group.key)
            for leaf in group.children:
                yield (table.key, row.key, group.key, leaf.key)


def _requests(table: Heading) -> Iterator[Relation]:
    """Table 三: each row adds up across, each column adds up down, and the 勾稽 balance."""
    applicants = [column.key for column in APPLICANTS.children if column.key != "total"]
    rows = list(_request_rows(table))
    for row in rows:
        yield Sum("GD-T3-ROW", (*row, "total"), tuple((*row, column) for column in applicants))
    received, carried_over, outcomes, carried_forward = (child.key for child in table.children)
    total_row = (table.key, outcomes, "total")
    outcome_rows = [row for row in rows if row[1] == outcomes and row != total_row]
    for column in APPLICANTS:
        yield Sum("GD-T3-COLUMN", (*total_row, column), tuple((*row, column) for row in outcome_rows))
    for column in APPLICANTS:
        at = (table.key, carried_forward, column)
        yield Balance(
            "GD-T3-BALANCE",
            left=((table.key, received, column), (table.key, carried_over, column)),
            right=((*total_row, column), at),
            at=at,
        )


def _review(table: Heading) -> Iterator[Relation]:
    """Table 四: in each group the four results add up to 总计."""
    for group in table.children:
        results = tuple((table.key, group.key, column.key) for column in group.children if column.key != "total")
        yield Sum("GD-T4-TOTAL", (table.key, group.key, "total"), results)
