"""The report rules that are functions: template for the year, the agency's code, publication, blanks.

Each is a :data:`~govdisclosure.rules.registry.Check`: called with its rule
and the report's :class:`~govdisclosure.rules.context.Context`, it yields
the rule's findings.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator

from .._findings import Finding, Severity, Text
from ..identifiers import InvalidIdentifier, uscc
from ..regulation import (
    AGENCY_KINDS,
    ARTICLE_49_LEVELS,
    LEGACY,
    TEMPLATE_2019,
    Deadline,
    TemplateVersion,
    template_for_year,
)
from .context import Context
from .registry import Rule

__all__ = [
    "blank_cells",
    "blank_count",
    "deadline",
    "published_early",
    "template_year",
    "uscc_form",
]


def template_year(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-TEMPLATE-YEAR: the report uses the template its year requires.

    A 2019 report not on the 2019 form is a warning: 国办公开办函〔2019〕60号
    lets 2019 reports 参照统一格式 where the form is truly hard to follow.
    """
    report = context.report
    template = type(report).template
    try:
        required: TemplateVersion | None = template_for_year(report.year)
    except ValueError:
        required = None
    if required is not template:
        yield context.finding(
            rule,
            ("template",),
            expected=required.key if required else None,
            actual=template.key,
            year=report.year,
            required=_template_name(required),
            given=_template_name(template),
            severity=Severity.WARNING if required is TEMPLATE_2019 and report.year == 2019 else None,
        )


def _template_name(template: TemplateVersion | None) -> Text:
    """A template as a message names it: its key and the notice that issued it (or its regime)."""
    if template is None:
        return Text(zh="（无适用格式：年度报告始于2008年）", en="(none: annual reports start with 2008)")
    return Text(
        zh=f"“{template.key}”格式（{template.document or template.zh}）",
        en=f'template "{template.key}" ({template.en})',
    )


def uscc_form(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-USCC: the agency's 统一社会信用代码, where given, is well formed."""
    code = context.report.agency.uscc
    if code is None:
        return
    try:
        uscc.validate(code)
    except InvalidIdentifier as error:
        reason = Text(zh=error.summary_zh, en=error.message)
        yield context.finding(rule, ("agency", "uscc"), actual=code, reason=reason)


def published_early(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-PUBLISHED-EARLY: a report is not published before its year has ended."""
    report = context.report
    if report.published is not None and report.published <= datetime.date(report.year, 12, 31):
        yield context.finding(rule, ("published",), actual=report.published)


def deadline(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-DEADLINE: a report published after its year is published by the statutory deadline.

    From report year 2019, Art. 49 holds only the agencies it names: departments
    of governments at county level and above, and local governments at county
    level and above (:data:`~govdisclosure.regulation.ARTICLE_49_LEVELS`); an
    agency of unknown level is held to it.  Before, the 2008 Regulation's
    Art. 31 held every agency to 31 March.
    """
    report = context.report
    published = report.published
    if published is None or published <= datetime.date(report.year, 12, 31):
        return
    due = _due(report.year, report.agency.kind, report.agency.level)
    if due is not None and published > due[0]:
        basis = Text(zh=due[1].article.zh, en=due[1].article.en)
        yield context.finding(rule, ("published",), expected=due[0], actual=published, basis=basis)


@functools.lru_cache(maxsize=1024)
def _due(year: int, kind: str | None, level: str | None) -> tuple[datetime.date, Deadline] | None:
    """The last day to publish a *year* report of an agency of *kind* and *level*, and its deadline (None: no deadline).

    Worked out once for each combination: reports of one year share it.
    """
    try:
        template = template_for_year(year)
    except ValueError:
        return None
    if template is not LEGACY and level is not None:
        kinds = [kind] if kind is not None else list(template.deadlines)
        if not any(level in ARTICLE_49_LEVELS[k] for k in kinds):
            return None
    deadlines = [_deadline_of(template, kind)] if kind is not None else list(template.deadlines.values())
    # With the kind unknown, only the latest deadline can be held against the report.
    latest = max(deadlines, key=lambda d: d.date_for(year))
    return latest.date_for(year), latest


def _deadline_of(template: TemplateVersion, kind: str) -> Deadline:
    """The deadline of a *kind* of agency: the template's deadline citing the kind's article, else the kind's own."""
    articles = AGENCY_KINDS[kind].articles
    for deadline in template.deadlines.values():
        if deadline.article in articles:
            return deadline
    return template.deadlines.get(kind) or max(template.deadlines.values(), key=lambda d: (d.month, d.day))


def blank_cells(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-BLANK: under the strict policy, each blank cell a relation reads."""
    if context.blank == "strict":
        for path, value in zip(context.cells, context.values, strict=True):
            if value is None:
                yield context.finding(rule, path)


def blank_count(rule: Rule, context: Context) -> Iterator[Finding]:
    """GD-BLANK-COUNTED: under the lenient policy, how many blank cells were counted as 0."""
    if context.blank == "lenient":
        count = context.values.count(None)
        if count:
            yield context.finding(rule, (), actual=count)
