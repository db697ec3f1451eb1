"""Rules across the reports of one agency: carry-over, the item and in-force chains, jumps, duplicates.

Reports are grouped by agency: by 统一社会信用代码 where the report gives one,
by name otherwise.  Within a group the reports of consecutive years are
compared.  Carry-over (``GD-CARRY``) compares only cells written in both
years: a blank says nothing of what was carried, so a blank against a number
is not judged.  The item chain (``GD-CHAIN``) likewise judges a row only
when last year's 上一年项目数量 and 本年增/减 and this year's 上一年项目数量
are all written.  The in-force chain (``GD-IN-FORCE-CHAIN``, 2021 template)
judges a row of 规章 or 行政规范性文件 only when last year's 现行有效件数 and
this year's 本年制发件数, 本年废止件数 and 现行有效件数 are all written.  A
jump (``GD-JUMP``) compares a headline cell (:data:`JUMP_CELLS`) written in
both years, when the larger figure is at least *jump_minimum* and more than
*jump_factor* times the smaller.

:class:`CollectionChecker` takes reports one at a time and keeps, per agency
and year, only what the rules compare (the carried-over and carried-forward
rows, the headline cells, the 2019 item counts, the 2021 document counts,
who came first), never the reports themselves;
each finding is yielded as soon as both reports of its pair have been seen.
:func:`iter_collection_findings` runs it over an iterable of reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Generic, TypeVar

import attrs

from .._findings import Finding
from ..identifiers import uscc
from ..model import AnnualReport, LegacyReport
from ..regulation import APPLICANTS
from ._engine import finding
from .catalog import RULES, Language
from .relations import Path

__all__ = [
    "JUMP_CELLS",
    "JUMP_FACTOR",
    "JUMP_MINIMUM",
    "CollectionChecker",
    "agency_key",
    "iter_collection_findings",
]

#: The caller's handle on a report: what each finding is said to be about.
S = TypeVar("S")

_Cells = tuple[int | None, ...]
_WIDTH = len(tuple(APPLICANTS))  # cells in a row of table 三
_NO_ROWS: tuple[str, ...] = ()
_ITEM_ROWS: dict[type[Any], tuple[str, ...]] = {}
_IN_FORCE_ROWS: dict[type[Any], tuple[str, ...]] = {}
_DOCUMENT_COUNTS = ("issued", "repealed", "in_force")  # table 二's columns for 规章 and 行政规范性文件 (2021)

#: The headline cells ``GD-JUMP`` compares year on year: 本年新收政府信息公开申请数量 and
#: the 总计 of each group of table 四.  Each is a flow of one year with one
#: meaning on the 2019 and the 2021 form, so a jump between any two years is
#: the report's and not the form's.  Table 二's 处理决定数量 are left out:
#: they follow campaigns and transfers of powers (放管服), so a tenfold change
#: is ordinary there.
JUMP_CELLS: Final[tuple[Path, ...]] = (
    ("requests", "received", "total"),
    ("review_litigation", "review", "total"),
    ("review_litigation", "litigation_direct", "total"),
    ("review_litigation", "litigation_after_review", "total"),
)
#: By default a jump is a headline figure more than 10 times the other year's ...
JUMP_FACTOR: Final = 10
#: ... when the larger of the two is at least 50 (so 1 → 30 is no jump).
JUMP_MINIMUM: Final = 50
_HEADLINE = len(JUMP_CELLS)


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


def _in_force_rows(cls: type[Any]) -> tuple[str, ...]:
    """The rows of table 二 with 本年制发件数, 本年废止件数 and 现行有效件数 (2021 template), none for others."""
    rows = _IN_FORCE_ROWS.get(cls)
    if rows is None:
        template = cls.template
        rows = _IN_FORCE_ROWS[cls] = (
            tuple(row.key for row in template.proactive.children if set(_DOCUMENT_COUNTS) <= set(row.keys()))
            if template.key == "2021"
            else _NO_ROWS
        )
    return rows


def _cell(report: Any, path: Path) -> int | None:
    value = report
    for key in path:
        value = getattr(value, key)
    return value  # type: ignore[no-any-return]


@attrs.frozen
class _Year(Generic[S]):
    """What the cross-report rules need of the first report of one agency for one year, and no more.

    *cells* holds the carried-over row, the carried-forward row, the
    headline cells (:data:`JUMP_CELLS`), each document row's 本年制发件数,
    本年废止件数 and 现行有效件数 (2021 template), then each item row's
    上一年项目数量 and 本年增/减 (2019 template); nothing for a legacy
    report, which has no table 三.
    """

    source: S
    cls: type[Any]
    agency: str | None  # how a duplicate names this report, when the checker has no describe
    cells: _Cells

    def carried_over(self) -> _Cells:
        return self.cells[:_WIDTH]

    def carried_forward(self) -> _Cells:
        return self.cells[_WIDTH : 2 * _WIDTH]

    def headline(self) -> _Cells:
        return self.cells[2 * _WIDTH : 2 * _WIDTH + _HEADLINE]

    def document_counts(self) -> Iterator[tuple[str, int | None, int | None, int | None]]:
        """Each 2021 document row with its issued, repealed and in-force counts."""
        values = self.cells[2 * _WIDTH + _HEADLINE :]
        for index, row in enumerate(_in_force_rows(self.cls)):
            issued, repealed, in_force = values[3 * index : 3 * index + 3]
            yield row, issued, repealed, in_force

    def items(self) -> Iterator[tuple[str, int | None, int | None]]:
        values = self.cells[2 * _WIDTH + _HEADLINE + 3 * len(_in_force_rows(self.cls)) :]
        for index, row in enumerate(_item_rows(self.cls)):
            yield row, values[2 * index], values[2 * index + 1]


def _year(report: AnnualReport, source: S, agency: str | None) -> _Year[S]:
    if isinstance(report, LegacyReport):
        return _Year(source, type(report), agency, ())
    requests, proactive = report.requests, report.proactive
    cells = [getattr(requests.carried_over, column) for column in APPLICANTS]
    cells += [getattr(requests.carried_forward, column) for column in APPLICANTS]
    cells += [_cell(report, path) for path in JUMP_CELLS]
    for row in _in_force_rows(type(report)):
        cells += (getattr(getattr(proactive, row), column) for column in _DOCUMENT_COUNTS)
    for row in _item_rows(type(report)):
        cells += (getattr(proactive, row).previous_year, getattr(proactive, row).change)
    return _Year(source, type(report), agency, tuple(cells))


class CollectionChecker(Generic[S]):
    """The cross-report rules, fed one report at a time.

    Each :meth:`add` yields ``(source, finding)`` for the findings it makes
    decidable, *source* being the handle given with the report the finding
    is about: the later report of a pair, or the second report for a year.
    A duplicate names the first report by ``describe(source)`` (a file name,
    say), by its agency's name without *describe*.  A headline cell is a
    jump when the larger of its two years' figures is at least
    *jump_minimum* and more than *jump_factor* times the smaller.

    Raises:
        ValueError: for a *jump_factor* not above 1 or a *jump_minimum* below 1.
    """

    def __init__(
        self,
        *,
        lang: Language = "zh",
        describe: Callable[[S], str] | None = None,
        jump_factor: float = JUMP_FACTOR,
        jump_minimum: int = JUMP_MINIMUM,
    ) -> None:
        self.lang: Language = lang
        self.describe = describe
        self.jumps = _Jumps.of(jump_factor, jump_minimum)
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
            yield from ((this.source, f) for f in _between(before, this, self.lang, self.jumps))
        if after is not None:
            yield from ((after.source, f) for f in _between(this, after, self.lang, self.jumps))
        for year in (report.year - 1, report.year, report.year + 1):
            _settle(years, year)


def _settle(years: dict[int, _Year[S]], year: int) -> None:
    """Forget the cells of *year* once both its neighbours have been compared with it: only who came first remains."""
    settled = years.get(year)
    if settled is not None and settled.cells and year - 1 in years and year + 1 in years:
        years[year] = attrs.evolve(settled, cells=())


def iter_collection_findings(
    reports: Iterable[AnnualReport],
    *,
    lang: Language = "zh",
    jump_factor: float = JUMP_FACTOR,
    jump_minimum: int = JUMP_MINIMUM,
) -> Iterator[tuple[AnnualReport, Finding]]:
    """Yield ``(report, finding)`` for every problem between reports of the same agency.

    The finding is about the later report of a pair: its carry-over, its
    items, its documents in force, a jump in a headline figure, or its being
    a second report for the same year (*jump_factor* and *jump_minimum* as
    for :class:`CollectionChecker`).  To hold no report, feed a
    :class:`CollectionChecker` with handles of your own.
    """
    checker: CollectionChecker[AnnualReport] = CollectionChecker(
        lang=lang, jump_factor=jump_factor, jump_minimum=jump_minimum
    )
    for report in reports:
        yield from checker.add(report, report)


@attrs.frozen
class _Jumps:
    """When a headline figure is a jump: the larger at least *minimum* and more than *factor* times the smaller."""

    factor: float
    minimum: int

    @classmethod
    def of(cls, factor: float, minimum: int) -> _Jumps:
        if isinstance(factor, bool) or not isinstance(factor, int | float) or not factor > 1:
            raise ValueError(f"jump_factor must be a number above 1, such as {JUMP_FACTOR}; got {factor!r}")
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
            raise ValueError(
                f"jump_minimum must be a whole number of at least 1, such as {JUMP_MINIMUM}; got {minimum!r}"
            )
        return cls(int(factor) if float(factor).is_integer() else factor, minimum)  # 10.0 reads "10"

    def between(self, last: int, now: int) -> bool:
        larger, smaller = max(last, now), min(last, now)
        return larger >= self.minimum and larger > self.factor * smaller


def _between(previous: _Year[Any], current: _Year[Any], lang: Language, jumps: _Jumps) -> Iterator[Finding]:
    if not previous.cells or not current.cells:
        return
    for column, last, now in zip(APPLICANTS, previous.carried_forward(), current.carried_over(), strict=True):
        if last is not None and now is not None and last != now:
            path: Path = ("requests", "carried_over", column)
            yield finding(RULES["GD-CARRY"], current.cls, path, lang, expected=last, actual=now)
    for path, last, now in zip(JUMP_CELLS, previous.headline(), current.headline(), strict=True):
        if last is not None and now is not None and jumps.between(last, now):
            yield finding(RULES["GD-JUMP"], current.cls, path, lang, expected=last, actual=now, factor=jumps.factor)
    if previous.cls is current.cls:
        yield from _item_chain(previous, current, lang)
        yield from _in_force_chain(previous, current, lang)


def _item_chain(previous: _Year[Any], current: _Year[Any], lang: Language) -> Iterator[Finding]:
    """2019 template: this year's 上一年项目数量 is last year's plus last year's change."""
    for (row, before, change), (_, now, _) in zip(previous.items(), current.items(), strict=True):
        if before is None or change is None or now is None:
            continue  # a blank says nothing of the chain: not judged, as with carry-over
        if before + change != now:
            path: Path = ("proactive", row, "previous_year")
            yield finding(RULES["GD-CHAIN"], current.cls, path, lang, expected=before + change, actual=now)


def _in_force_chain(previous: _Year[Any], current: _Year[Any], lang: Language) -> Iterator[Finding]:
    """2021 template: this year's 现行有效件数 is last year's plus this year's 本年制发件数 less its 本年废止件数."""
    for (row, _, _, before), (_, issued, repealed, now) in zip(
        previous.document_counts(), current.document_counts(), strict=True
    ):
        if before is None or issued is None or repealed is None or now is None:
            continue  # a blank says nothing of the chain: not judged
        expected = before + issued - repealed
        if now != expected:
            path: Path = ("proactive", row, "in_force")
            yield finding(
                RULES["GD-IN-FORCE-CHAIN"], current.cls, path, lang, expected=expected, actual=now, previous=before
            )
