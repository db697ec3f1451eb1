"""Rules across the reports of one agency: carry-over, the 2019 item chain, duplicates.

Reports are grouped by agency: by 统一社会信用代码 where the report gives one,
by name otherwise.  Within a group the reports of consecutive years are
compared.  Carry-over (``GD-CARRY``) compares only cells written in both
years: a blank says nothing of what was carried, so a blank against a number
is not judged.  The item chain (``GD-CHAIN``) likewise judges a row only
when last year's 上一年项目数量 and 本年增/减 and this year's 上一年项目数量
are all written.

:class:`CollectionChecker` takes reports one at a time and keeps, per agency
and year, only what the rules compare (the carried-over and carried-forward
rows, the 2019 item counts, who came first), never the reports themselves;
each finding is yielded as soon as both reports of its pair have been seen.
:func:`iter_collection_findings` runs it over an iterable of reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

import attrs

from .._findings import Finding
from ..identifiers import uscc
from ..model import AnnualReport, LegacyReport
from ..regulation import APPLICANTS
from ._engine import finding
from .catalog import RULES, Language
from .relations import Path

__all__ = ["CollectionChecker", "agency_key", "iter_collection_findings"]

#: The caller's handle on a report: what each finding is said to be about.
S = TypeVar("S")

_Cells = tuple[int | None, ...]
_WIDTH = len(tuple(APPLICANTS))  # cells in a row of table 三
_NO_ROWS: tuple[str, ...] = ()
_ITEM_ROWS: dict[type[Any], tuple[str, ...]] = {}


def agency_key(report: AnnualReport) -> str:
    """What identifies a report's agency across years: its USCC as checked (compacted), else its name.

    A 办公厅's own report (kind ``general_office``) is told apart from the
    government's report it publishes, even under one code or name.
    """
    code = report.agency.uscc
    key = uscc.compact(code) if code else report.agency.name
    return f"{key} (general_office)" if report.agency.kind == "general_office" else key


def _item_rows(cls: type[Any]) -> tuple[str, ...]:
    """The rows of table 二 with 上一年项目数量 and 本年增/减 (2019 template), none for other templates."""
    rows = _ITEM_ROWS.get(cls)
    if rows is None:
        template = cls.template
        rows = _ITEM_ROWS[cls] = (
            tuple(row.key for row in template.proactive.children if {"previous_year", "change"} <= set(row.keys()))
            if template.key == "2019"
            else _NO_ROWS
        )
    return rows


@attrs.frozen
class _Year(Generic[S]):
    """What the cross-report rules need of the first report of one agency for one year, and no more.

    *cells* holds the carried-over row, the carried-forward row, then each
    item row's 上一年项目数量 and 本年增/减 (2019 template); nothing for a
    legacy report, which has no table 三.
    """

    source: S
    cls: type[Any]
    agency: str | None  # how a duplicate names this report, when the checker has no describe
    cells: _Cells

    def carried_over(self) -> _Cells:
        return self.cells[:_WIDTH]

    def carried_forward(self) -> _Cells:
        return self.cells[_WIDTH : 2 * _WIDTH]

    def items(self) -> Iterator[tuple[str, int | None, int | None]]:
        values = self.cells[2 * _WIDTH :]
        for index, row in enumerate(_item_rows(self.cls)):
            yield row, values[2 * index], values[2 * index + 1]


def _year(report: AnnualReport, source: S, agency: str | None) -> _Year[S]:
    if isinstance(report, LegacyReport):
        return _Year(source, type(report), agency, ())
    requests, proactive = report.requests, report.proactive
    cells = [getattr(requests.carried_over, column) for column in APPLICANTS]
    cells += [getattr(requests.carried_forward, column) for column in APPLICANTS]
    for row in _item_rows(type(report)):
        cells += (getattr(proactive, row).previous_year, getattr(proactive, row).change)
    return _Year(source, type(report), agency, tuple(cells))


class CollectionChecker(Generic[S]):
    """The cross-report rules, fed one report at a time.

    Each :meth:`add` yields ``(source, finding)`` for the findings it makes
    decidable, *source* being the handle given with the report the finding
    is about: the later report of a pair, or the second report for a year.
    A duplicate names the first report by ``describe(source)`` (a file name,
    say), by its agency's name without *describe*.
    """

    def __init__(self, *, lang: Language = "zh", describe: Callable[[S], str] | None = None) -> None:
        self.lang: Language = lang
        self.describe = describe
        self._agencies: dict[str, dict[int, _Year[S]]] = {}

    def add(self, report: AnnualReport, source: S) -> Iterator[tuple[S, Finding]]:
        """Take *report* in; yield every finding it completes."""
        years = self._agencies.setdefault(agency_key(report), {})
        first = years.get(report.year)
        if first is not None:
            named = self.describe(first.source) if self.describe else first.agency
            rule = RULES["GD-DUPLICATE"]
            yield source, finding(rule, type(report), (), self.lang, expected=named, actual=report.year)
            return
        this = years[report.year] = _year(report, source, None if self.describe else report.agency.name)
        before, after = years.get(report.year - 1), years.get(report.year + 1)
        if before is not None:
            yield from ((this.source, f) for f in _between(before, this, self.lang))
        if after is not None:
            yield from ((after.source, f) for f in _between(this, after, self.lang))
        for year in (report.year - 1, report.year, report.year + 1):
            _settle(years, year)


def _settle(years: dict[int, _Year[S]], year: int) -> None:
    """Forget the cells of *year* once both its neighbours have been compared with it: only who came first remains."""
    settled = years.get(year)
    if settled is not None and settled.cells and year - 1 in years and year + 1 in years:
        years[year] = attrs.evolve(settled, cells=())


def iter_collection_findings(
    reports: Iterable[AnnualReport], *, lang: Language = "zh"
) -> Iterator[tuple[AnnualReport, Finding]]:
    """Yield ``(report, finding)`` for every problem between reports of the same agency.

    The finding is about the later report of a pair: its carry-over, its
    items, or its being a second report for the same year.  To hold no
    report, feed a :class:`CollectionChecker` with handles of your own.
    """
    checker: CollectionChecker[AnnualReport] = CollectionChecker(lang=lang)
    for report in reports:
        yield from checker.add(report, report)


def _between(previous: _Year[Any], current: _Year[Any], lang: Language) -> Iterator[Finding]:
    if not previous.cells or not current.cells:
        return
    for column, last, now in zip(APPLICANTS, previous.carried_forward(), current.carried_over(), strict=True):
        if last is not None and now is not None and last != now:
            path: Path = ("requests", "carried_over", column)
            yield finding(RULES["GD-CARRY"], current.cls, path, lang, expected=last, actual=now)
    if previous.cls is current.cls:
        yield from _item_chain(previous, current, lang)


def _item_chain(previous: _Year[Any], current: _Year[Any], lang: Language) -> Iterator[Finding]:
    """2019 template: this year's 上一年项目数量 is last year's plus last year's change."""
    for (row, before, change), (_, now, _) in zip(previous.items(), current.items(), strict=True):
        if before is None or change is None or now is None:
            continue  # a blank says nothing of the chain: not judged, as with carry-over
        if before + change != now:
            path: Path = ("proactive", row, "previous_year")
            yield finding(RULES["GD-CHAIN"], current.cls, path, lang, expected=before + change, actual=now)
