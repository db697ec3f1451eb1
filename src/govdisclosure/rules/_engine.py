"""The engine: every rule over one report, findings yielded lazily."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterator
from functools import cache
from typing import Any, Final, Literal

import attrs

from .._findings import Finding, ReportInvalid, Severity
from ..identifiers import InvalidIdentifier, uscc
from ..model import REPORT_CLASSES, Agency, AnnualReport, iter_cells
from ..regulation import REPORT_FIELDS, Heading, TemplateVersion, template_for_year
from ._compile import Evaluator, compile_relations
from .catalog import RULES, Language, Rule
from .relations import Path, relations_for

__all__ = ["BlankPolicy", "finding", "is_valid", "iter_findings", "validate"]

BlankPolicy = Literal["lenient", "strict"]

_BLANK_TEXT: Final = {"zh": "空白", "en": "blank"}


def iter_findings(report: AnnualReport, *, blank: BlankPolicy = "lenient", lang: Language = "zh") -> Iterator[Finding]:
    """Lazily yield every finding about *report*, in document order.

    *blank* is the blank-cell policy: ``"lenient"`` counts a blank cell as 0
    and says so once, at info level; ``"strict"`` reports every blank cell a
    relation reads as an error.  *lang* is the language of labels and
    messages (``"zh"`` or ``"en"``).
    """
    if blank not in ("lenient", "strict"):
        raise ValueError(f"blank must be 'lenient' or 'strict', got {blank!r}")
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
    checks = _checks_for(type(report))
    yield from _report_findings(report, lang)
    failed, values = checks.evaluator.evaluate(report)
    for index, expected, actual in failed:
        relation = checks.evaluator.relations[index]
        yield finding(RULES[relation.code], type(report), relation.at, lang, expected=expected, actual=actual)
    yield from _blank_findings(type(report), values, blank, lang)


def validate(report: AnnualReport, *, blank: BlankPolicy = "lenient") -> None:
    """Raise :class:`ReportInvalid` carrying every error-level finding, if there is any."""
    errors = [f for f in iter_findings(report, blank=blank) if f.severity is Severity.ERROR]
    if errors:
        raise ReportInvalid(errors)


def is_valid(report: AnnualReport, *, blank: BlankPolicy = "lenient") -> bool:
    """Whether *report* has no error-level finding (stops at the first one)."""
    return not any(f.severity is Severity.ERROR for f in iter_findings(report, blank=blank))


# ------------------------------------------------------------------ per class, once


@attrs.frozen
class _Checks:
    """What checking a report class needs, prepared once: the evaluator and the cells' labels."""

    evaluator: Evaluator
    labels: dict[Language, dict[str, str]]


_CHECKS: dict[type[Any], _Checks] = {}


def _checks_for(cls: type[Any]) -> _Checks:
    checks = _CHECKS.get(cls)
    if checks is None:
        checks = _CHECKS[cls] = _prepare(cls)
    return checks


def _prepare(cls: type[Any]) -> _Checks:
    if cls not in REPORT_CLASSES.values():
        raise TypeError(f"expected a report, got {cls.__name__}")
    template = cls.template
    blank = cls(year=template.first_year, agency=Agency(name="-"))
    cells = list(iter_cells(blank))
    labels: dict[Language, dict[str, str]] = {
        language: {cell.pointer: cell.label(language) for cell in cells} for language in ("zh", "en")
    }
    return _Checks(compile_relations(relations_for(template)), labels)


def _pointer(path: Path) -> str:
    return "/" + "/".join(path)


@cache
def _field_label(path: Path, lang: Language) -> str:
    heading: Heading = REPORT_FIELDS
    for key in path:
        heading = heading[key]
    return heading.zh if lang == "zh" else heading.en


def _label(cls: type[Any], path: Path, lang: Language) -> str:
    label = _checks_for(cls).labels[lang].get(_pointer(path))
    return label if label is not None else _field_label(path, lang)


def _text(value: object, lang: Language) -> str:
    if value is None:
        return _BLANK_TEXT[lang]
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def finding(
    rule: Rule,
    cls: type[Any],
    path: Path,
    lang: Language,
    *,
    expected: object = None,
    actual: object = None,
    severity: Severity | None = None,
    **more: object,
) -> Finding:
    """A finding of *rule* at *path* of a *cls* report, its label and message in *lang*."""
    label = _label(cls, path, lang) if path else ""
    message = rule.message(lang, label=label, expected=_text(expected, lang), actual=_text(actual, lang), **more)
    return Finding(
        code=rule.code,
        severity=severity or rule.severity,
        path=_pointer(path) if path else "",
        label=label,
        expected=expected,
        actual=actual,
        message=message,
    )


# ------------------------------------------------------------------ report-level rules


def _report_findings(report: AnnualReport, lang: Language) -> Iterator[Finding]:
    """Template for the year, the agency's code, and when the report was published."""
    template = type(report).template
    try:
        required = template_for_year(report.year)
    except ValueError:
        required = None
    if required is not template:
        yield finding(
            RULES["GD-TEMPLATE-YEAR"],
            type(report),
            ("template",),
            lang,
            expected=required.key if required else None,
            actual=template.key,
            year=report.year,
            required=_template_name(required, lang),
            given=_template_name(template, lang),
        )
    if report.agency.uscc is not None:
        try:
            uscc.validate(report.agency.uscc)
        except InvalidIdentifier as error:
            reason = error.message if lang == "en" else error.summary_zh
            yield finding(
                RULES["GD-USCC"], type(report), ("agency", "uscc"), lang, actual=report.agency.uscc, reason=reason
            )
    yield from _publication_findings(report, lang)


def _template_name(template: TemplateVersion | None, lang: Language) -> str:
    """A template as a message names it: its key and the notice that issued it (or its regime)."""
    if template is None:
        return "（无适用格式：年度报告始于2008年）" if lang == "zh" else "(none: annual reports start with 2008)"
    origin = template.document or (template.zh if lang == "zh" else template.en)
    return f"“{template.key}”格式（{origin}）" if lang == "zh" else f'template "{template.key}" ({origin})'


def _publication_findings(report: AnnualReport, lang: Language) -> Iterator[Finding]:
    published = report.published
    if published is None:
        return
    if published <= datetime.date(report.year, 12, 31):
        yield finding(RULES["GD-PUBLISHED-EARLY"], type(report), ("published",), lang, actual=published)
        return
    try:
        template = template_for_year(report.year)
    except ValueError:
        return
    kind = report.agency.kind
    deadlines = [template.deadlines[kind]] if kind is not None else list(template.deadlines.values())
    # With the kind unknown, only the latest deadline can be held against the report.
    deadline = max(deadlines, key=lambda d: d.date_for(report.year))
    due = deadline.date_for(report.year)
    if published > due:
        yield finding(
            RULES["GD-DEADLINE"],
            type(report),
            ("published",),
            lang,
            expected=due,
            actual=published,
            basis_zh=deadline.article.zh,
            basis_en=deadline.article.en,
        )


def _blank_findings(cls: type[Any], values: tuple[Any, ...], blank: BlankPolicy, lang: Language) -> Iterator[Finding]:
    if blank == "lenient":
        count = values.count(None)
        if count:
            yield finding(RULES["GD-BLANK-COUNTED"], cls, (), lang, actual=count)
        return
    for path, value in zip(_checks_for(cls).evaluator.cells, values, strict=True):
        if value is None:
            yield finding(RULES["GD-BLANK"], cls, path, lang)
