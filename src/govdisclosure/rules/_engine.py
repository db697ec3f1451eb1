"""The engine: the selected report rules of the registry over one report, findings yielded lazily."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .._findings import Finding, ReportInvalid, Severity
from ..model import REPORT_CLASSES, AnnualReport
from ..regulation import Language, check_language
from ._compile import Failure, compile_relations
from ._judge import Outcome, RootCause, Shape, judge, root_causes
from .context import BlankPolicy, Context, finding, pointer
from .registry import RULES, Rule, select_rules, selectors
from .relations import relations_for
from .summary import RelationCounts, Result, Suppression, ValidationSummary, suppressions

__all__ = ["BlankPolicy", "check", "finding", "is_valid", "iter_findings", "validate"]


def iter_findings(
    report: AnnualReport,
    *,
    blank: BlankPolicy = "lenient",
    lang: Language = "zh",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    cascades: bool = False,
    suppress: Iterable[Suppression | str | tuple[str, str | None]] | None = None,
) -> Iterator[Finding]:
    """Lazily yield every finding about *report*, in document order.

    *blank* is the blank-cell policy.  ``"lenient"`` reads a blank cell as a
    count not written down: a relation that holds with blanks counted as 0
    holds; a blank total beside written parts is a warning at that total
    (``GD-TOTAL-BLANK``), read as its parts' sum everywhere else; a relation
    a blank on its short side could make hold is not assessable, at info
    level (``GD-NOT-ASSESSABLE``); the rest fail, each finding carrying its
    ``imbalance`` (left − right); the count of blanks is said once, at info
    level.  ``"strict"`` reads a blank as a 0 left out: every blank cell a
    relation reads is an error, and the relations hold or fail with blanks
    counted as 0.

    Where one cell breaks several sums or balances, the cell whose change
    makes the most relations hold is reported once (``GD-ROOT-CAUSE``),
    carrying the findings of the relations it breaks as ``consequences``;
    *cascades* reports every failing relation on its own instead.

    *lang* is the language the findings speak (``"zh"`` or ``"en"``).
    *select* and *ignore* choose rules by code or code prefix, as
    :func:`~govdisclosure.rules.select_rules` reads them (default: every
    report rule).  *suppress* leaves out findings by code and JSON Pointer
    (see :func:`~govdisclosure.rules.suppressions`); :func:`check` counts
    what it left out.

    The report rules run in catalogue order; the relation rules run
    together, at the place of the first of them, their findings ordered by
    the printed row of the cell each points at.

    Raises:
        ValueError: for an unknown *blank* policy, language, rule code or suppressed code.
        TypeError: for anything but a report.
    """
    plan = _plan(type(report), blank, lang, select, ignore)
    rules = suppressions(suppress)
    found = _findings(plan, report, blank, lang, cascades, None)
    return _unsuppressed(found, rules, None) if rules else found


def check(
    report: AnnualReport,
    *,
    blank: BlankPolicy = "lenient",
    lang: Language = "zh",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    cascades: bool = False,
    suppress: Iterable[Suppression | str | tuple[str, str | None]] | None = None,
) -> Result:
    """Every finding about *report* and their :class:`ValidationSummary`, relations counted.

    The arguments are those of :func:`iter_findings`.
    """
    plan = _plan(type(report), blank, lang, select, ignore)
    rules = suppressions(suppress)
    tally = _Tally()
    found = _findings(plan, report, blank, lang, cascades, tally)
    findings = tuple(_unsuppressed(found, rules, tally) if rules else found)
    summary = ValidationSummary.of(findings, relations=tally.relations, suppressed=tally.suppressed)
    return Result(findings, summary)


class _Tally:
    """What :func:`check` counts beside the findings: the relations' outcomes, the findings suppressed."""

    def __init__(self) -> None:
        self.relations = RelationCounts()
        self.suppressed: Counter[str] = Counter()


def _unsuppressed(found: Iterator[Finding], rules: tuple[Suppression, ...], tally: _Tally | None) -> Iterator[Finding]:
    for one in found:
        if any(rule.covers(one) for rule in rules):
            if tally is not None:
                tally.suppressed[one.code] += 1
        else:
            yield one


def _findings(
    plan: _Plan, report: AnnualReport, blank: BlankPolicy, lang: Language, cascades: bool, tally: _Tally | None
) -> Iterator[Finding]:
    """The findings of *plan*'s rules about *report*, counting the relations' outcomes into *tally* if given."""
    evaluator = plan.shape.evaluator
    failed, values = evaluator.evaluate(report)
    context = Context(report, lang, blank, evaluator.cells, values)
    for rule in plan.steps:
        if rule is None:
            if failed:
                yield from _relation_findings(plan, report, values, failed, blank == "lenient", cascades, lang, tally)
            elif tally is not None:
                tally.relations = RelationCounts(plan.relation_count, plan.relation_count)
        else:
            assert rule.check is not None
            yield from rule.check(rule, context)


def _relation_findings(
    plan: _Plan,
    report: AnnualReport,
    values: tuple[Any, ...],
    failed: list[Failure],
    lenient: bool,
    cascades: bool,
    lang: Language,
    tally: _Tally | None,
) -> Iterator[Finding]:
    """The findings of the relations that failed with blanks counted as 0, in relation order."""
    shape, cls = plan.shape, type(report)
    relations, cells = shape.evaluator.relations, shape.evaluator.cells
    judgement = judge(shape, values, failed, lenient=lenient)
    selected = [n for n in sorted(judgement.outcomes) if relations[n].code in plan.relation_codes]
    among = frozenset(selected)
    if tally is not None:
        outcomes = Counter(judgement.outcomes[n] for n in selected)
        failures = outcomes[Outcome.FAILS]
        unknown = outcomes[Outcome.NOT_ASSESSABLE] + outcomes[Outcome.BLANK_TOTAL]
        tally.relations = RelationCounts(
            plan.relation_count, plan.relation_count - failures - unknown, failures, unknown
        )

    def own(number: int) -> Finding:
        relation = relations[number]
        _, expected, actual = judgement.failures[number]
        imbalance = judgement.imbalances[number]
        return finding(
            RULES[relation.code], cls, relation.at, lang, expected=expected, actual=actual, imbalance=imbalance
        )

    grouped: dict[int, RootCause] = {}
    if not cascades and "GD-ROOT-CAUSE" in plan.outcome_codes:
        for cause in root_causes(shape, judgement, among):
            grouped.update(dict.fromkeys(cause.fixes, cause))
    for number in selected:
        outcome, relation = judgement.outcomes[number], relations[number]
        if outcome is Outcome.BLANK_TOTAL:
            if "GD-TOTAL-BLANK" in plan.outcome_codes:
                total = judgement.values[shape.index[relation.at]]
                yield finding(RULES["GD-TOTAL-BLANK"], cls, relation.at, lang, expected=total, relation=relation.code)
        elif outcome is Outcome.NOT_ASSESSABLE:
            if "GD-NOT-ASSESSABLE" in plan.outcome_codes:
                needed = ", ".join(pointer(cells[i]) for i in judgement.needed[number])
                yield finding(RULES["GD-NOT-ASSESSABLE"], cls, relation.at, lang, relation=relation.code, cells=needed)
        elif number not in grouped:
            yield own(number)
        elif grouped[number].fixes[0] == number:
            cause = grouped[number]
            yield finding(
                RULES["GD-ROOT-CAUSE"],
                cls,
                cells[cause.cell],
                lang,
                expected=(cause.value or 0) + cause.change,
                actual=cause.value,
                change=cause.change,
                count=len(cause.fixes),
                relations=", ".join(f"{relations[n].code} {pointer(relations[n].at)}" for n in cause.fixes),
                consequences=tuple(own(n) for n in cause.fixes),
            )


def validate(
    report: AnnualReport,
    *,
    blank: BlankPolicy = "lenient",
    lang: Language = "zh",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    cascades: bool = False,
    suppress: Iterable[Suppression | str | tuple[str, str | None]] | None = None,
) -> None:
    """Raise :class:`ReportInvalid` carrying every error-level finding, if there is any.

    The arguments are those of :func:`iter_findings`; the findings speak
    *lang*, the message names the most relevant of them in it.
    """
    findings = iter_findings(
        report, blank=blank, lang=lang, select=select, ignore=ignore, cascades=cascades, suppress=suppress
    )
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise ReportInvalid(errors, lang=lang)


def is_valid(
    report: AnnualReport,
    *,
    blank: BlankPolicy = "lenient",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    cascades: bool = False,
    suppress: Iterable[Suppression | str | tuple[str, str | None]] | None = None,
) -> bool:
    """Whether *report* has no error-level finding (stops at the first one)."""
    findings = iter_findings(report, blank=blank, select=select, ignore=ignore, cascades=cascades, suppress=suppress)
    return not any(f.severity is Severity.ERROR for f in findings)


# ------------------------------------------------------------------ what to run, prepared once


@attrs.frozen
class _Plan:
    """The rules to run over a report class: check rules, and ``None`` where the relations' findings go."""

    shape: Shape
    steps: tuple[Rule | None, ...]
    relation_codes: frozenset[str]
    outcome_codes: frozenset[str]
    #: How many of the report's relations the selected rules check.
    relation_count: int


_EVALUATORS: dict[tuple[type[Any], int], Shape] = {}
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
    shape = _EVALUATORS.get((cls, len(RULES)))
    if shape is None:
        # Every relation is evaluated, selected or not: the blank rules read every cell the relations read.
        shape = _EVALUATORS[cls, len(RULES)] = Shape.of(compile_relations(relations_for(cls.template)))
    steps: list[Rule | None] = []
    for rule in rules:
        if rule.check is not None:
            steps.append(rule)
        elif None not in steps:
            steps.append(None)
    relation_codes = frozenset(rule.code for rule in rules if rule.relations is not None)
    outcome_codes = frozenset(rule.code for rule in rules if rule.outcome is not None)
    count = sum(relation.code in relation_codes for relation in shape.evaluator.relations)
    return _Plan(shape, tuple(steps), relation_codes, outcome_codes, count)
