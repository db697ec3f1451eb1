"""Table 二: proactive disclosure, one class per row shape of each template."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ..regulation import PROACTIVE_2019, PROACTIVE_2021
from ._fields import bind, count_field, delta_field, money_field, nested_field

__all__ = [
    "Decisions",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "FeeAmount",
    "FeeItems2019",
    "ItemCounts2019",
    "Proactive2019",
    "Proactive2021",
    "Procurement2019",
]


@bind(PROACTIVE_2019["rules"])
@attrs.frozen(kw_only=True)
class DocumentCounts2019:
    """规章 or 规范性文件 under the 2019 template."""

    new_made: int | None = count_field()
    new_published: int | None = count_field()
    total_published: int | None = count_field()


@bind(PROACTIVE_2019["licensing"])
@attrs.frozen(kw_only=True)
class ItemCounts2019:
    """A row of items under Article 20 (五) or (六), 2019 template; *change* may be negative."""

    previous_year: int | None = count_field()
    change: int | None = delta_field()
    decisions: int | None = count_field()

    def current(self) -> int | None:
        """This year's number of items: previous year plus the change.

        Blank when the previous year is blank, since the base is unknown; a
        blank change counts as no change.
        """
        if self.previous_year is None:
            return None
        return self.previous_year + (self.change or 0)


@bind(PROACTIVE_2019["fees"])
@attrs.frozen(kw_only=True)
class FeeItems2019:
    """行政事业性收费 under the 2019 template: fee items and their change."""

    previous_year: int | None = count_field()
    change: int | None = delta_field()


@bind(PROACTIVE_2019["procurement"])
@attrs.frozen(kw_only=True)
class Procurement2019:
    """政府集中采购 under the 2019 template; *amount* in 万元."""

    projects: int | None = count_field()
    amount: Decimal | None = money_field()


@bind(PROACTIVE_2019)
@attrs.frozen(kw_only=True)
class Proactive2019:
    """Table 二 under the 2019 template."""

    rules: DocumentCounts2019 = nested_field(DocumentCounts2019)
    normative_documents: DocumentCounts2019 = nested_field(DocumentCounts2019)
    licensing: ItemCounts2019 = nested_field(ItemCounts2019)
    other_services: ItemCounts2019 = nested_field(ItemCounts2019)
    penalties: ItemCounts2019 = nested_field(ItemCounts2019)
    coercion: ItemCounts2019 = nested_field(ItemCounts2019)
    fees: FeeItems2019 = nested_field(FeeItems2019)
    procurement: Procurement2019 = nested_field(Procurement2019)


@bind(PROACTIVE_2021["rules"])
@attrs.frozen(kw_only=True)
class DocumentCounts2021:
    """规章 or 行政规范性文件 under the 2021 template."""

    issued: int | None = count_field()
    repealed: int | None = count_field()
    in_force: int | None = count_field()


@bind(PROACTIVE_2021["licensing"])
@attrs.frozen(kw_only=True)
class Decisions:
    """A row with one cell, 本年处理决定数量 (2021 template)."""

    decisions: int | None = count_field()


@bind(PROACTIVE_2021["fees"])
@attrs.frozen(kw_only=True)
class FeeAmount:
    """行政事业性收费 under the 2021 template: fees collected this year, in 万元."""

    amount: Decimal | None = money_field()


@bind(PROACTIVE_2021)
@attrs.frozen(kw_only=True)
class Proactive2021:
    """Table 二 under the 2021 template."""

    rules: DocumentCounts2021 = nested_field(DocumentCounts2021)
    normative_documents: DocumentCounts2021 = nested_field(DocumentCounts2021)
    licensing: Decisions = nested_field(Decisions)
    penalties: Decisions = nested_field(Decisions)
    coercion: Decisions = nested_field(Decisions)
    fees: FeeAmount = nested_field(FeeAmount)
