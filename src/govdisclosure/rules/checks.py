"""The report rules that are functions: template for the year, the agency's code, publication, blanks.

Each is a :data:`~govdisclosure.rules.registry.Check`: called with its rule
and the report's :class:`~govdisclosure.rules.context.Context`, it yields
the rule's findings.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from .._findings import Finding, Text
from ..identifiers import InvalidIdentifier, uscc
from ..regulation import TemplateVersion, template_for_year
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
    """GD-TEMPLATE-YEAR: the report uses the template its year requires."""
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
    """GD-DEADLINE: a report published after its year is published by the statutory deadline."""
    report = context.report
    published = report.published
    if published is None or published <= datetime.date(report.year, 12, 31):
        return
    try:
        template = template_for_year(report.year)
    except ValueError:
        return
    kind = report.agency.kind
    deadlines = [template.deadlines[kind]] if kind is not None else list(template.deadlines.values())
    # With the kind unknown, only the latest deadline can be held against the report.
    latest = max(deadlines, key=lambda d: d.date_for(report.year))
    due = latest.date_for(report.year)
    if published > due:
        basis = Text(zh=latest.article.zh, en=latest.article.en)
        yield context.finding(rule, ("published",), expected=due, actual=published, basis=basis)


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
