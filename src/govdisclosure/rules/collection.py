"""Rules across the reports of one agency: carry-over, the 2019 item chain, duplicates.

Reports are grouped by agency: by 统一社会信用代码 where the report gives one,
by name otherwise.  Within a group the reports of consecutive years are
compared; blank cells count as 0, as under the lenient policy, but a pair of
cells that are both blank is never a finding.

:class:`CollectionChecker` takes reports one at a time and keeps, per agency
and year, only what the rules compare (the carried-over and carried-forward
rows, the 2019 item counts, who came first), never the reports themselves;
each finding is yielded as soon as both reports of its pair have been seen.
:func:`iter_collection_findings` runs it over an iterable of reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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

_Row = tuple[int | None, ...]


def agency_key(report: AnnualReport) -> str:
    """What identifies a report's agency across years: its USCC as checked (compacted), else its name."""
    code = report.agency.uscc
    return uscc.compact(code) if code else report.agency.name


@attrs.frozen
class _Year(Generic[S]):
    """What the cross-report rules need of the first report of one agency for one year."""

    source: S
    name: str  # what a duplicate names as the first report
    cls: type[Any]
    carried_over: _Row | None  # None for a legacy report, which has no table 三
    carried_forward: _Row | None
    items: dict[str, tuple[int | None, int | None]] | None  # 2019 template: row → (上一年项目数量, 本年增/减)


def _items(report: Any) -> dict[str, tuple[int | None, int | None]] | None:
    if report.template.key != "2019":
        return None
    rows = (row for row in report.template.proactive.children if {"previous_year", "change"} <= set(row.keys()))
    return {
        row.key: (getattr(report.proactive, row.key).previous_year, getattr(report.proactive, row.key).change)
        for row in rows
    }


def _year(report: AnnualReport, source: S, name: str | None) -> _Year[S]:
    if isinstance(report, LegacyReport):
        return _Year(source, name or report.agency.name, type(report), None, None, None)
    requests = report.requests
    return _Year(
        source,
        name or report.agency.name,
        type(report),
        tuple(getattr(requests.carried_over, column) for column in APPLICANTS),
        tuple(getattr(requests.carried_forward, column) for column in APPLICANTS),
        _items(report),
    )


class CollectionChecker(Generic[S]):
    """The cross-report rules, fed one report at a time.

    Each :meth:`add` yields ``(source, finding)`` for the findings it makes
    decidable, *source* being the handle given with the report the finding
    is about: the later report of a pair, or the second report for a year.
    """

    def __init__(self, *, lang: Language = "zh") -> None:
        self.lang: Language = lang
        self._agencies: dict[str, dict[int, _Year[S]]] = {}

    def add(self, report: AnnualReport, source: S, *, name: str | None = None) -> Iterator[tuple[S, Finding]]:
        """Take *report* in; yield every finding it completes.

        *name* is how a duplicate of this report names it (a file name, say);
        by default, its agency's name.
        """
        years = self._agencies.setdefault(agency_key(report), {})
        first = years.get(report.year)
        if first is not None:
            rule = RULES["GD-DUPLICATE"]
            yield source, finding(rule, type(report), (), self.lang, expected=first.name, actual=report.year)
            return
        this = years[report.year] = _year(report, source, name)
        before, after = years.get(report.year - 1), years.get(report.year + 1)
        if before is not None:
            yield from ((this.source, f) for f in _between(before, this, self.lang))
        if after is not None:
            yield from ((after.source, f) for f in _between(this, after, self.lang))


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
    if previous.carried_forward is None or current.carried_over is None:
        return
    for column, last, now in zip(APPLICANTS, previous.carried_forward, current.carried_over, strict=True):
        if _differ(last, now):
            path: Path = ("requests", "carried_over", column)
            yield finding(RULES["GD-CARRY"], current.cls, path, lang, expected=last, actual=now)
    if previous.cls is current.cls and previous.items is not None and current.items is not None:
        yield from _item_chain(previous.items, current, lang)


def _item_chain(
    items: dict[str, tuple[int | None, int | None]], current: _Year[Any], lang: Language
) -> Iterator[Finding]:
    """2019 template: this year's 上一年项目数量 is last year's plus last year's change."""
    assert current.items is not None
    for row, (before, change) in items.items():
        if before is None and change is None:
            continue
        expected = (before or 0) + (change or 0)
        now = current.items[row][0]
        if _differ(expected, now):
            path: Path = ("proactive", row, "previous_year")
            yield finding(RULES["GD-CHAIN"], current.cls, path, lang, expected=expected, actual=now)


def _differ(expected: int | None, actual: int | None) -> bool:
    if expected is None and actual is None:
        return False
    return (expected or 0) != (actual or 0)
