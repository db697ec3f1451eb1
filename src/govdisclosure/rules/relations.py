"""The arithmetic relations between a report's cells, as data.

Three kinds, each naming its cells by key path from the report down:

* :class:`Sum` — a total cell equals the sum of its addends;
* :class:`Balance` — the left cells add up to the right cells (the 勾稽 of
  table 三), reported at one of the right-hand cells;
* :class:`Compare` — the left cells stand in an order to the right cells plus
  a constant (plausibility and sign checks).

:func:`relations_for` gathers every relation a template implies from the
registered relation rules; the built-in ones derive theirs here from the
vocabulary in :mod:`govdisclosure.regulation` (no row or column is named
twice).  The engine compiles them into one function per template.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final, Literal, TypeAlias

import attrs

from ..regulation import APPLICANTS, Heading, TemplateVersion

__all__ = [
    "Balance",
    "Compare",
    "Path",
    "Relation",
    "Sum",
    "balances",
    "column_sums",
    "issued_within_in_force",
    "item_signs",
    "plausible_amounts",
    "published_within_total",
    "relations_for",
    "review_totals",
    "row_sums",
]

#: A cell's place: the keys from the report down to it.
Path: TypeAlias = tuple[str, ...]

#: Amounts in 万元 above this are taken to have been written in 元: 10 billion yuan, beyond
#: any one agency's year of fees (a provincial procurement total may exceed 1 billion).
IMPLAUSIBLE_WAN: Final = Decimal(1_000_000)


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
    """Every relation between the cells of a report under *template*, in document order.

    The relations are those of every registered relation rule
    (:data:`~govdisclosure.rules.RULES`), ordered by the printed row of the
    cell each points at; within a row, in registry order.
    """
    from .registry import RULES  # the registry is filled after this module is defined

    rows = _row_order(template)
    relations = [
        relation for rule in RULES.values() if rule.relations is not None for relation in rule.relations(template)
    ]
    return tuple(sorted(relations, key=lambda relation: rows.get(relation.at[:-1], len(rows))))


def _tables(template: TemplateVersion) -> Iterator[Heading]:
    for table in (template.proactive, template.requests, template.review_litigation):
        if table is not None:
            yield table


def _row_order(template: TemplateVersion) -> dict[Path, int]:
    """The printed position of every row (and heading) of the template's tables, by key path."""
    paths = [(table.key, *path) for table in _tables(template) for path, _ in table.walk()]
    return {path: index for index, path in enumerate(paths)}


# ------------------------------------------------------------------ the built-in derivations


def _proactive_rows(template: TemplateVersion) -> Iterator[tuple[Path, set[str], Heading]]:
    """Each row of table 二: its key path, its column keys, and its heading."""
    table = template.proactive
    if table is None:
        return
    for row in table.children:
        yield (table.key, row.key), set(row.keys()), row


def item_signs(template: TemplateVersion) -> Iterator[Relation]:
    """GD-T2-ITEMS: previous year's items plus the change is not negative (2019 template)."""
    for path, columns, _ in _proactive_rows(template):
        if {"previous_year", "change"} <= columns:
            yield Compare(
                "GD-T2-ITEMS",
                ((*path, "previous_year"), (*path, "change")),
                ">=",
                (),
                at=(*path, "change"),
                written_only=False,
            )


def published_within_total(template: TemplateVersion) -> Iterator[Relation]:
    """GD-T2-PUBLISHED: newly published is not more than total published (2019 template)."""
    for path, columns, _ in _proactive_rows(template):
        if {"new_published", "total_published"} <= columns:
            yield Compare(
                "GD-T2-PUBLISHED",
                ((*path, "new_published"),),
                "<=",
                ((*path, "total_published"),),
                at=(*path, "new_published"),
            )


def issued_within_in_force(template: TemplateVersion) -> Iterator[Relation]:
    """GD-T2-IN-FORCE: issued this year is not more than in force plus repealed (2021 template)."""
    for path, columns, _ in _proactive_rows(template):
        if {"issued", "repealed", "in_force"} <= columns:
            yield Compare(
                "GD-T2-IN-FORCE",
                ((*path, "issued"),),
                "<=",
                ((*path, "in_force"), (*path, "repealed")),
                at=(*path, "issued"),
            )


def plausible_amounts(template: TemplateVersion) -> Iterator[Relation]:
    """GD-T2-UNIT: an amount the form's header puts in 万元 is not implausibly large.

    Only where the header prints the unit (2021: 本年收费金额（单位：万元）); the
    2019 form's 采购总金额 states none, so its magnitude says nothing of a unit.
    """
    for path, _, row in _proactive_rows(template):
        for column in row.children:
            if column.unit == "万元" and column.unit in column.zh:
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


def _applicants() -> list[str]:
    return [column.key for column in APPLICANTS.children if column.key != "total"]


def _outcome_rows(table: Heading) -> tuple[Path, list[Path]]:
    """Table 三's （七）总计 row, and the outcome rows it totals."""
    outcomes = table.children[2].key
    total_row = (table.key, outcomes, "total")
    return total_row, [row for row in _request_rows(table) if row[1] == outcomes and row != total_row]


def row_sums(template: TemplateVersion) -> Iterator[Relation]:
    """GD-T3-ROW: in each row of table 三 the applicant columns add up to 总计."""
    if template.requests is None:
        return
    applicants = _applicants()
    for row in _request_rows(template.requests):
        yield Sum("GD-T3-ROW", (*row, "total"), tuple((*row, column) for column in applicants))


def column_sums(template: TemplateVersion) -> Iterator[Relation]:
    """GD-T3-COLUMN: in each column of table 三 the outcome rows add up to （七）总计."""
    if template.requests is None:
        return
    total_row, outcome_rows = _outcome_rows(template.requests)
    for column in APPLICANTS:
        yield Sum("GD-T3-COLUMN", (*total_row, column), tuple((*row, column) for row in outcome_rows))


def balances(template: TemplateVersion) -> Iterator[Relation]:
    """GD-T3-BALANCE: the template's 勾稽 note, 一 + 二 = （七） + 四, column by column."""
    table = template.requests
    if table is None:
        return
    received, carried_over, _, carried_forward = (child.key for child in table.children)
    total_row, _ = _outcome_rows(table)
    for column in APPLICANTS:
        at = (table.key, carried_forward, column)
        yield Balance(
            "GD-T3-BALANCE",
            left=((table.key, received, column), (table.key, carried_over, column)),
            right=((*total_row, column), at),
            at=at,
        )


def review_totals(template: TemplateVersion) -> Iterator[Relation]:
    """GD-T4-TOTAL: in each group of table 四 the four results add up to 总计."""
    table = template.review_litigation
    if table is None:
        return
    for group in table.children:
        results = tuple((table.key, group.key, column.key) for column in group.children if column.key != "total")
        yield Sum("GD-T4-TOTAL", (table.key, group.key, "total"), results)
