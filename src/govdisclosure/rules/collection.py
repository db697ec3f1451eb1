"""Rules across the reports of one agency: carry-over, the 2019 item chain, duplicates.

Reports are grouped by agency: by 统一社会信用代码 where the report gives one,
by name otherwise.  Within a group the reports of consecutive years are
compared; blank cells count as 0, as under the lenient policy, but a pair of
cells that are both blank is never a finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from .._findings import Finding
from ..identifiers import uscc
from ..model import AnnualReport, LegacyReport
from ..regulation import APPLICANTS
from ._engine import finding
from .catalog import RULES, Language
from .relations import Path

__all__ = ["agency_key", "iter_collection_findings"]


def agency_key(report: AnnualReport) -> str:
    """What identifies a report's agency across years: its USCC as checked (compacted), else its name."""
    code = report.agency.uscc
    return uscc.compact(code) if code else report.agency.name


def iter_collection_findings(
    reports: Iterable[AnnualReport], *, lang: Language = "zh"
) -> Iterator[tuple[AnnualReport, Finding]]:
    """Yield ``(report, finding)`` for every problem between reports of the same agency.

    The finding is about the later report of a pair: its carry-over, its
    items, or its being a second report for the same year.
    """
    groups: dict[str, list[AnnualReport]] = defaultdict(list)
    for report in reports:
        groups[agency_key(report)].append(report)
    for group in groups.values():
        by_year: dict[int, AnnualReport] = {}
        for report in group:
            first = by_year.setdefault(report.year, report)
            if first is not report:
                yield (
                    report,
                    finding(
                        RULES["GD-DUPLICATE"], type(report), (), lang, expected=first.agency.name, actual=report.year
                    ),
                )
        for year in sorted(by_year):
            previous = by_year.get(year - 1)
            if previous is not None:
                yield from ((by_year[year], f) for f in _between(previous, by_year[year], lang))


def _between(previous: AnnualReport, current: AnnualReport, lang: Language) -> Iterator[Finding]:
    if isinstance(previous, LegacyReport) or isinstance(current, LegacyReport):
        return
    for column in APPLICANTS:
        last = getattr(previous.requests.carried_forward, column)
        now = getattr(current.requests.carried_over, column)
        if _differ(last, now):
            yield finding(
                RULES["GD-CARRY"], type(current), ("requests", "carried_over", column), lang, expected=last, actual=now
            )
    if previous.template is current.template and current.template.key == "2019":
        yield from _item_chain(previous, current, lang)


def _item_chain(previous: Any, current: Any, lang: Language) -> Iterator[Finding]:
    """2019 template: this year's 上一年项目数量 is last year's plus last year's change."""
    table = current.template.proactive
    for row in table.children:
        if {"previous_year", "change"} <= set(row.keys()):
            before, now = getattr(previous.proactive, row.key), getattr(current.proactive, row.key)
            if before.previous_year is None and before.change is None:
                continue
            expected = (before.previous_year or 0) + (before.change or 0)
            if _differ(expected, now.previous_year):
                path: Path = ("proactive", row.key, "previous_year")
                yield finding(RULES["GD-CHAIN"], type(current), path, lang, expected=expected, actual=now.previous_year)


def _differ(expected: int | None, actual: int | None) -> bool:
    if expected is None and actual is None:
        return False
    return (expected or 0) != (actual or 0)
