"""Table 三: requests by applicant type and outcome."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from ..regulation import APPLICANTS, OUTCOMES_2019, OUTCOMES_2021, REQUEST_ROWS_2019, REQUEST_ROWS_2021
from ._fields import bind, count_field, nested_field
from ._sums import blank_sum

__all__ = [
    "NotProcessed",
    "OtherOutcomes",
    "Outcomes2019",
    "Outcomes2021",
    "RequestRow",
    "RequestTable2019",
    "RequestTable2021",
    "Unable",
    "Withheld",
]


@bind(APPLICANTS)
@attrs.frozen(kw_only=True)
class RequestRow:
    """One row of table 三: a count per applicant type and the 总计 column."""

    natural_person: int | None = count_field()
    commercial: int | None = count_field()
    research: int | None = count_field()
    public_interest: int | None = count_field()
    legal_services: int | None = count_field()
    other_org: int | None = count_field()
    total: int | None = count_field()

    @property
    def applicants(self) -> tuple[int | None, ...]:
        """The six applicant cells, without 总计."""
        return attrs.astuple(self, recurse=False)[:-1]

    def computed_total(self) -> int | None:
        """What 总计 should read: the six applicant cells added up (blank if all are)."""
        return blank_sum(self.applicants)


def row_sum(rows: Iterable[RequestRow]) -> RequestRow:
    """The column-wise sum of *rows*; a column is blank when it is blank in every row."""
    rows = tuple(rows)
    names = (field.name for field in attrs.fields(RequestRow))
    return RequestRow(**{name: blank_sum(getattr(row, name) for row in rows) for name in names})


class _RowGroup:
    """A group of outcome rows printed under one heading, without a subtotal row."""

    __slots__ = ()

    def rows(self) -> Iterator[tuple[str, RequestRow]]:
        """Yield ``(key, row)`` for each row of the group, in printed order."""
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]
            yield field.name, getattr(self, field.name)

    def subtotal(self) -> RequestRow:
        """The group's rows added up column by column (the form prints no such row)."""
        return row_sum(tuple(row for _, row in self.rows()))


@bind(OUTCOMES_2019["withheld"])
@attrs.frozen(kw_only=True)
class Withheld(_RowGroup):
    """（三）不予公开: the eight grounds for withholding."""

    state_secret: RequestRow = nested_field(RequestRow)
    prohibited_by_law: RequestRow = nested_field(RequestRow)
    three_safeties_one_stability: RequestRow = nested_field(RequestRow)
    third_party_rights: RequestRow = nested_field(RequestRow)
    internal_affairs: RequestRow = nested_field(RequestRow)
    process_information: RequestRow = nested_field(RequestRow)
    enforcement_case_file: RequestRow = nested_field(RequestRow)
    administrative_query: RequestRow = nested_field(RequestRow)


@bind(OUTCOMES_2019["unable"])
@attrs.frozen(kw_only=True)
class Unable(_RowGroup):
    """（四）无法提供: the three reasons information cannot be provided."""

    not_held: RequestRow = nested_field(RequestRow)
    needs_creation: RequestRow = nested_field(RequestRow)
    unclear_after_correction: RequestRow = nested_field(RequestRow)


@bind(OUTCOMES_2019["not_processed"])
@attrs.frozen(kw_only=True)
class NotProcessed(_RowGroup):
    """（五）不予处理: the five kinds of request not processed."""

    petition_complaint: RequestRow = nested_field(RequestRow)
    duplicate: RequestRow = nested_field(RequestRow)
    publication: RequestRow = nested_field(RequestRow)
    massive_repeated: RequestRow = nested_field(RequestRow)
    confirm_or_reissue: RequestRow = nested_field(RequestRow)


@bind(OUTCOMES_2021["other"])
@attrs.frozen(kw_only=True)
class OtherOutcomes(_RowGroup):
    """（六）其他处理 in the 2021 template: three rows."""

    no_correction: RequestRow = nested_field(RequestRow)
    unpaid_fee: RequestRow = nested_field(RequestRow)
    other: RequestRow = nested_field(RequestRow)


class _Outcomes:
    """三、本年度办理结果: leaf outcome rows and the （七）总计 row."""

    __slots__ = ()
    total: RequestRow

    def leaves(self) -> Iterator[tuple[tuple[str, ...], RequestRow]]:
        """Yield ``(key path, row)`` for every outcome row except 总计, in printed order."""
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]
            value: Any = getattr(self, field.name)
            if field.name == "total":
                continue
            if isinstance(value, RequestRow):
                yield (field.name,), value
            else:
                for key, row in value.rows():
                    yield (field.name, key), row

    def computed_total(self) -> RequestRow:
        """What （七）总计 should read: every outcome row added up column by column."""
        return row_sum(tuple(row for _, row in self.leaves()))


@bind(OUTCOMES_2019)
@attrs.frozen(kw_only=True)
class Outcomes2019(_Outcomes):
    """三、本年度办理结果 under the 2019 template (one 其他处理 row)."""

    granted: RequestRow = nested_field(RequestRow)
    partly_granted: RequestRow = nested_field(RequestRow)
    withheld: Withheld = nested_field(Withheld)
    unable: Unable = nested_field(Unable)
    not_processed: NotProcessed = nested_field(NotProcessed)
    other: RequestRow = nested_field(RequestRow)
    total: RequestRow = nested_field(RequestRow)


@bind(OUTCOMES_2021)
@attrs.frozen(kw_only=True)
class Outcomes2021(_Outcomes):
    """三、本年度办理结果 under the 2021 template (其他处理 in three rows)."""

    granted: RequestRow = nested_field(RequestRow)
    partly_granted: RequestRow = nested_field(RequestRow)
    withheld: Withheld = nested_field(Withheld)
    unable: Unable = nested_field(Unable)
    not_processed: NotProcessed = nested_field(NotProcessed)
    other: OtherOutcomes = nested_field(OtherOutcomes)
    total: RequestRow = nested_field(RequestRow)


@bind(REQUEST_ROWS_2019)
@attrs.frozen(kw_only=True)
class RequestTable2019:
    """Table 三 under the 2019 template."""

    received: RequestRow = nested_field(RequestRow)
    carried_over: RequestRow = nested_field(RequestRow)
    outcomes: Outcomes2019 = nested_field(Outcomes2019)
    carried_forward: RequestRow = nested_field(RequestRow)


@bind(REQUEST_ROWS_2021)
@attrs.frozen(kw_only=True)
class RequestTable2021:
    """Table 三 under the 2021 template."""

    received: RequestRow = nested_field(RequestRow)
    carried_over: RequestRow = nested_field(RequestRow)
    outcomes: Outcomes2021 = nested_field(Outcomes2021)
    carried_forward: RequestRow = nested_field(RequestRow)
