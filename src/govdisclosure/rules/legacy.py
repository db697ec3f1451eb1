"""The report rules of a legacy (pre-2019) narrative report: its figures held against each other.

Each is a :data:`~govdisclosure.rules.registry.Check` that reads a
:class:`~govdisclosure.LegacyReport`'s figures and yields nothing for any
other report (and nothing for a legacy report without figures).  Figures are
compared in one unit per measure: amounts in 元 (a 万元 figure times 10 000),
items in any of :data:`~govdisclosure.regulation.ITEM_UNITS` alike (条, 件, 项 …),
other counts in the unit they are written in (人次, 次); figures whose units cannot be
compared are not held against each other.  A measure stated with two
different values is reported once, by :func:`restated`, and read by no
other rule: which of the two is right is unknown.

No official form binds a narrative report, so every relation here rests on
what reviewers expect of its figures and is a warning.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, Final

from .._findings import Finding, Text
from ..model import Figure, LegacyReport
from ..regulation import ITEM_UNITS, LEGACY_BREAKDOWNS, LEGACY_MEASURES, MONEY_UNITS, OTHER_MEASURE, Breakdown
from .context import Context, pointer
from .registry import Rule

__all__ = ["outcomes_within_received", "parts_within_whole", "restated", "unknown_measures", "written_date"]

#: The figures of one measure that a rule reads: (index in ``figures``, figure).
_Stated = Sequence[tuple[int, Figure]]

_SEPARATOR: Final = Text(zh="、", en=", ")


def _figures(context: Context) -> Sequence[Figure]:
    report = context.report
    return report.figures if isinstance(report, LegacyReport) else ()


def _amount(figure: Figure) -> tuple[str, Decimal]:
    """The figure's value in the unit it is compared in: (unit, value)."""
    unit = figure.unit.strip()
    if unit in MONEY_UNITS:
        return "元", Decimal(figure.value) * MONEY_UNITS[unit]
    return ("件" if unit in ITEM_UNITS else unit), Decimal(figure.value)


def _key(figure: Figure) -> tuple[str, str]:
    """What makes two figures the same measure: the measure, and for ``other`` its label."""
    label = (figure.label or "").strip() if figure.measure == OTHER_MEASURE else ""
    return figure.measure, label


def label_of(figure: Figure) -> Text:
    """A figure's name in every language: its measure's heading, or for ``other`` the report's own label."""
    if figure.measure == OTHER_MEASURE:
        other = LEGACY_MEASURES[OTHER_MEASURE]
        return Text(zh=f"{other.zh}“{figure.label}”", en=f"Other measure “{figure.label}”")
    heading = LEGACY_MEASURES[figure.measure]
    return Text(zh=heading.zh, en=heading.en)


def _span(index: int, figure: Figure) -> Text:
    """Where a figure was read, as a message names it."""
    source = figure.source
    if source is None:
        return Text(zh=f"第{index + 1}项数字（无出处）", en=f"figure {index + 1} (no source)")
    return Text(
        zh=f"“{source.text}”（第{source.start}–{source.end}字）",
        en=f"“{source.text}” (characters {source.start}–{source.end})",
    )


def _at(index: int, field: str = "value") -> str:
    return pointer(("figures", str(index), field))


def _finding(rule: Rule, context: Context, index: int, figure: Figure, **values: Any) -> Finding:
    return rule.finding(_at(index), lang=context.lang, label=label_of(figure), **values)


def _by_measure(figures: Sequence[Figure]) -> dict[tuple[str, str], list[tuple[int, Figure]]]:
    stated: dict[tuple[str, str], list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(figures):
        stated.setdefault(_key(figure), []).append((index, figure))
    return stated


def _values(figures: Sequence[Figure]) -> dict[str, tuple[int, Figure, tuple[str, Decimal]]]:
    """Each known measure stated with one value (however often), by key: its first figure and that value."""
    single: dict[str, tuple[int, Figure, tuple[str, Decimal]]] = {}
    for (measure, _), stated in _by_measure(figures).items():
        amounts = {_amount(figure) for _, figure in stated}
        if measure != OTHER_MEASURE and len(amounts) == 1:
            index, figure = stated[0]
            single[measure] = (index, figure, _amount(figure))
    return single


def _stated(figures: Sequence[Figure], measure: str) -> bool:
    return any(figure.measure == measure for figure in figures)


def restated(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-LEGACY-RESTATED: a measure stated twice has the same value both times."""
    for stated in _by_measure(_figures(context)).values():
        first_index, first = stated[0]
        unit, value = _amount(first)
        for index, figure in stated[1:]:
            other_unit, other_value = _amount(figure)
            if other_unit == unit and other_value != value:
                yield _finding(
                    rule,
                    context,
                    index,
                    figure,
                    expected=first.value,
                    actual=figure.value,
                    first=_span(first_index, first),
                    second=_span(index, figure),
                )


def _sum(amounts: Sequence[tuple[str, Decimal]]) -> tuple[str, Decimal] | None:
    """The sum of *amounts*, or None when their units differ."""
    units = {unit for unit, _ in amounts}
    return (units.pop(), sum((value for _, value in amounts), Decimal(0))) if len(units) == 1 else None


def _shown(amount: Decimal, like: Figure) -> int | Decimal:
    """*amount* (in the compared unit) in the unit *like* is written in."""
    unit = like.unit.strip()
    value = amount / MONEY_UNITS[unit] if unit in MONEY_UNITS else amount
    return int(value) if type(like.value) is int and value == value.to_integral_value() else value


def _part_names(breakdown: Breakdown, stated: Sequence[str]) -> Text:
    names = [LEGACY_MEASURES[key] for key in breakdown.parts if key in stated]
    return Text(zh=_SEPARATOR.zh.join(h.zh for h in names), en=_SEPARATOR.en.join(h.en for h in names))


def parts_within_whole(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-LEGACY-PARTS: a breakdown's parts are within its whole, and make it up where every part is stated."""
    figures = _figures(context)
    if not figures:  # every table report: nothing to hold against the breakdowns
        return
    values = _values(figures)
    for breakdown in LEGACY_BREAKDOWNS:
        whole = values.get(breakdown.whole)
        parts = [key for key in breakdown.parts if key in values]
        if whole is None or not parts:
            continue
        index, figure, (unit, total) = whole
        if breakdown.kind == "overlapping":
            for key in parts:
                part_index, part, (part_unit, value) = values[key]
                if part_unit == unit and value > total:
                    yield _finding(
                        rule,
                        context,
                        part_index,
                        part,
                        expected=figure.value,
                        actual=part.value,
                        whole=label_of(figure),
                        parts=label_of(part),
                        comparison=Text(zh="不大于", en="at most"),
                    )
            continue
        summed = _sum([values[key][2] for key in parts])
        if summed is None or summed[0] != unit:
            continue
        complete = breakdown.kind == "partition" and len(parts) == len(breakdown.parts)
        if summed[1] > total or (complete and summed[1] != total):
            yield _finding(
                rule,
                context,
                index,
                figure,
                expected=figure.value,
                actual=_shown(summed[1], figure),
                whole=label_of(figure),
                parts=_part_names(breakdown, parts),
                comparison=Text(zh="等于", en="equal to") if complete else Text(zh="不大于", en="at most"),
            )


def outcomes_within_received(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-LEGACY-OUTCOMES: no more requests are answered than were received (and carried over, where stated)."""
    figures = _figures(context)
    if not figures:
        return
    values = _values(figures)
    received = values.get("requests_received")
    if received is None or ("requests_carried_over" not in values and _stated(figures, "requests_carried_over")):
        return  # without the requests, or with two different carry-overs, the limit is unknown
    answered = values.get("requests_answered")
    if answered is not None:
        index, figure, (unit, count) = answered
    else:
        (outcomes,) = (b for b in LEGACY_BREAKDOWNS if b.whole == "requests_answered")
        stated = [key for key in outcomes.parts if key in values]
        summed = _sum([values[key][2] for key in stated])
        if summed is None:
            return
        unit, count = summed
        index, figure = received[0], received[1]
    carried = values.get("requests_carried_over")
    limit = received[2][1]
    if carried is not None:
        if carried[2][0] != unit:
            return
        limit += carried[2][1]
    if received[2][0] == unit and count > limit:
        caveat = (
            Text(zh="含上年结转", en="including those carried over")
            if carried is not None
            else Text(
                zh="报告未说明上年结转的申请，若有结转则可能成立",
                en="the report states no requests carried over, which could account for the difference",
            )
        )
        yield rule.finding(
            _at(index),
            lang=context.lang,
            label=label_of(figure),
            expected=_shown(limit, received[1]),
            actual=_shown(count, figure),
            caveat=caveat,
        )


def unknown_measures(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-LEGACY-MEASURE: a figure whose measure is outside the vocabulary is carried with its own label."""
    for index, figure in enumerate(_figures(context)):
        if figure.measure == OTHER_MEASURE:
            yield rule.finding(
                _at(index, "measure"), lang=context.lang, label=label_of(figure), actual=figure.value, unit=figure.unit
            )


def written_date(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-WRITTEN-DATE: a report is signed off after its year has ended, and no later than it was published."""
    report = context.report
    if not isinstance(report, LegacyReport) or report.written is None:
        return
    where = pointer(("written",))
    label = Text(zh="成文日期", en="Date written")
    if report.written <= datetime.date(report.year, 12, 31):
        yield rule.finding(
            where,
            lang=context.lang,
            label=label,
            actual=report.written,
            problem=Text(
                zh=f"早于{report.year}年度结束", en=f"before the end of {report.year}, the year it reports on"
            ),
        )
    elif report.published is not None and report.written > report.published:
        yield rule.finding(
            where,
            lang=context.lang,
            label=label,
            actual=report.written,
            problem=Text(zh=f"晚于发布日期 {report.published}", en=f"after it was published on {report.published}"),
        )
