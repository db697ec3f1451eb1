"""The engine: the selected report rules of the registry over one report, findings yielded lazily."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .._findings import Finding, ReportInvalid, Severity
from ..model import REPORT_CLASSES, AnnualReport
from ..regulation import Language, check_language
from ._compile import Evaluator, compile_relations
from .context import BlankPolicy, Context, finding
from .registry import RULES, Rule, select_rules, selectors
from .relations import relations_for

__all__ = ["BlankPolicy", "finding", "is_valid", "iter_findings", "validate"]


def iter_findings(
    report: AnnualReport,
    *,
    blank: BlankPolicy = "lenient",
    lang: Language = "zh",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> Iterator[Finding]:
    """Lazily yield every finding about *report*, in document order.

    *blank* is the blank-cell policy: ``"lenient"`` counts a blank cell as 0
    and says so once, at info level; ``"strict"`` reports every blank cell a
    relation reads as an error.  *lang* is the language the findings speak
    (``"zh"`` or ``"en"``).  *select* and *ignore* choose rules by code or
    code prefix, as :func:`~govdisclosure.rules.select_rules` reads them
    (default: every report rule).

    The report rules run in catalogue order; the relation rules run
    together, at the place of the first of them, their findings ordered by
    the printed row of the cell each points at.

    Raises:
        ValueError: for an unknown *blank* policy, language, or rule code.
        TypeError: for anything but a report.
    """
    plan = _plan(type(report), blank, lang, select, ignore)
    failed, values = plan.evaluator.evaluate(report)
    context = Context(report, lang, blank, plan.evaluator.cells, values)
    for rule in plan.steps:
        if rule is None:
            for index, expected, actual in failed:
                relation = plan.evaluator.relations[index]
                if relation.code in plan.relation_codes:
                    yield finding(
                        RULES[relation.code], type(report), relation.at, lang, expected=expected, actual=actual
                    )
        else:
            assert rule.check is not None
            yield from rule.check(rule, context)


def validate(
    report: AnnualReport,
    *,
    blank: BlankPolicy = "lenient",
    lang: Language = "zh",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> None:
    """Raise :class:`ReportInvalid` carrying every error-level finding, if there is any.

    The arguments are those of :func:`iter_findings`; the findings speak *lang*.
    """
    findings = iter_findings(report, blank=blank, lang=lang, select=select, ignore=ignore)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise ReportInvalid(errors)


def is_valid(
    report: AnnualReport,
    *,
    blank: BlankPolicy = "lenient",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> bool:
    """Whether *report* has no error-level finding (stops at the first one)."""
    findings = iter_findings(report, blank=blank, select=select, ignore=ignore)
    return not any(f.severity is Severity.ERROR for f in findings)


# ------------------------------------------------------------------ what to run, prepared once


@attrs.frozen
class _Plan:
    """The rules to run over a report class: check rules, and ``None`` where the relations' findings go."""

    evaluator: Evaluator
    steps: tuple[Rule | None, ...]
    relation_codes: frozenset[str]


_EVALUATORS: dict[tuple[type[Any], int], Evaluator] = {}
_PLANS: dict[tuple[type[Any], int, tuple[str, ...] | None, tuple[str, ...] | None], _Plan] = {}


def _plan(
    cls: type[Any], blank: str, lang: object, select: Iterable[str] | None, ignore: Iterable[str] | None
) -> _Plan:
    if blank not in ("lenient", "strict"):
        raise ValueError(f"blank must be 'lenient' or 'strict', got {blank!r}")
    check_language(lang)
    chosen, dropped = selectors("select", select), selectors("ignore", ignore)
    # Rules are only ever added, so the registry's size tells its state apart.
    key = (cls, len(RULES), chosen, dropped)
    plan = _PLANS.get(key)
    if plan is None:
        if cls not in REPORT_CLASSES.values():
            raise TypeError(f"expected a report, got {cls.__name__}")
        plan = _PLANS[key] = _prepare(cls, select_rules(chosen, dropped, scope="report"))
    return plan


def _prepare(cls: type[Any], rules: tuple[Rule, ...]) -> _Plan:
    evaluator = _EVALUATORS.get((cls, len(RULES)))
    if evaluator is None:
        # Every relation is evaluated, selected or not: the blank rules read every cell the relations read.
        evaluator = _EVALUATORS[cls, len(RULES)] = compile_relations(relations_for(cls.template))
    steps: list[Rule | None] = []
    for rule in rules:
        if rule.check is not None:
            steps.append(rule)
        elif None not in steps:
            steps.append(None)
    relation_codes = frozenset(rule.code for rule in rules if rule.relations is not None)
    return _Plan(evaluator, tuple(steps), relation_codes)
