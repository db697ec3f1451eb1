"""What a failed relation means where cells are blank, and which cell is the root cause of several failures.

The compiled check (:mod:`._compile`) counts a blank as 0.  Under the
lenient policy a blank is a count not written down: some count of 0 or more.
So a relation that fails with blanks counted as 0 has one of three meanings:

* a blank **total** beside written parts (every part written): its value
  is known (the parts' sum); it is taken as that sum wherever it is read
  (:func:`impute`), so it breaks no other relation, and is reported once, as
  a warning at itself;
* a blank on the side that falls short: a written count there could make
  the relation hold, so the relation is **not assessable**;
* otherwise the relation **fails**, by its imbalance (left − right).

Under the strict policy a blank is a 0 left out, and every failure fails.

Among the failing equalities (sums and balances) the cell whose change makes
the most relations hold, net of those the change would break, is taken as
the root cause (:func:`root_causes`); ties go to the cell the relations read
first (:attr:`Evaluator.cells` order).
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from ._compile import Evaluator, Failure
from .relations import Balance, Path, Sum

__all__ = ["Judgement", "Outcome", "Shape", "judge", "root_causes"]


class Outcome(str, enum.Enum):
    """What checking one relation came to."""

    HOLDS = "holds"
    FAILS = "fails"
    NOT_ASSESSABLE = "not_assessable"
    BLANK_TOTAL = "blank_total"


Number: TypeAlias = int | Decimal


@attrs.frozen
class Terms:
    """A relation as Σ *left* *op* Σ *right* + *constant*, its cells as indexes into the values."""

    left: tuple[int, ...]
    op: Literal["==", "<=", ">="]
    right: tuple[int, ...]
    constant: Number = 0
    total: int | None = None

    def imbalance(self, values: Sequence[Any]) -> Number:
        """Σ left − Σ right − constant, blanks counted as 0."""
        left: Number = sum((values[i] or 0 for i in self.left), 0)
        right: Number = sum((values[i] or 0 for i in self.right), 0)
        return left - right - self.constant

    def short_side(self, imbalance: Number) -> tuple[int, ...]:
        """The side whose growing could make a failing relation hold."""
        if self.op == "==":
            return self.right if imbalance > 0 else self.left
        return self.left if self.op == ">=" else self.right


@attrs.frozen
class Shape:
    """What judging needs of an evaluator's relations, worked out once per template."""

    evaluator: Evaluator
    terms: tuple[Terms, ...]
    #: Sum relations in an order where a total is worked out before any sum reads it.
    sums: tuple[int, ...]
    #: For each cell, the equalities (sums and balances) reading it.
    equalities: tuple[tuple[int, ...], ...]
    #: Each cell's place in the values, by key path.
    index: dict[Path, int]

    @classmethod
    def of(cls, evaluator: Evaluator) -> Shape:
        """The shape of *evaluator*'s relations."""
        index = {cell: i for i, cell in enumerate(evaluator.cells)}
        terms: list[Terms] = []
        for relation in evaluator.relations:
            if isinstance(relation, Sum):
                total = index[relation.total]
                terms.append(Terms((total,), "==", tuple(index[c] for c in relation.addends), total=total))
            elif isinstance(relation, Balance):
                terms.append(
                    Terms(tuple(index[c] for c in relation.left), "==", tuple(index[c] for c in relation.right))
                )
            else:
                left, right = tuple(index[c] for c in relation.left), tuple(index[c] for c in relation.right)
                terms.append(Terms(left, relation.op, right, relation.constant))
        equalities: list[list[int]] = [[] for _ in evaluator.cells]
        for number, term in enumerate(terms):
            if term.op == "==":
                for cell in (*term.left, *term.right):
                    equalities[cell].append(number)
        return cls(evaluator, tuple(terms), _sum_order(terms), tuple(map(tuple, equalities)), index)


def _sum_order(terms: Sequence[Terms]) -> tuple[int, ...]:
    """The sums, each after every sum whose total it adds up."""
    by_total: dict[int, list[int]] = {}
    for number, term in enumerate(terms):
        if term.total is not None:
            by_total.setdefault(term.total, []).append(number)
    order: dict[int, None] = {}

    def visit(number: int, seen: frozenset[int]) -> None:
        if number in order or number in seen:
            return
        for part in terms[number].right:
            for inner in by_total.get(part, ()):
                visit(inner, seen | {number})
        order[number] = None

    for number, term in enumerate(terms):
        if term.total is not None:
            visit(number, frozenset())
    return tuple(order)


@attrs.frozen
class Judgement:
    """The relations of one report that did not hold, and what each came to.

    *outcomes* maps a relation's index to its outcome (relations not named
    hold); *failures* holds the compiled check's ``(index, expected,
    actual)`` for each, on *values* (the report's values, blank totals taken
    as their parts' sum under the lenient policy); *imbalances* and *needed*
    (the blank cells a not-assessable relation needed) are by index too.
    """

    outcomes: dict[int, Outcome]
    failures: dict[int, Failure]
    imbalances: dict[int, Number]
    needed: dict[int, tuple[int, ...]]
    values: tuple[Any, ...]


def judge(shape: Shape, values: tuple[Any, ...], failed: list[Failure], *, lenient: bool) -> Judgement:
    """What the relations that *failed* on *values* (blanks as 0) come to under the blank policy."""
    outcomes: dict[int, Outcome] = {}
    # A total taken as its parts' sum fails with blanks as 0: without such a failure there is none to take.
    totals = (shape.terms[number].total for number, _, _ in failed)
    if lenient and any(total is not None and values[total] is None for total in totals):
        values, blank_totals = impute(shape, values)
        if blank_totals:
            failed = shape.evaluator.check(values)
            outcomes.update(dict.fromkeys(blank_totals, Outcome.BLANK_TOTAL))
    failures = {failure[0]: failure for failure in failed}
    imbalances: dict[int, Number] = {}
    needed: dict[int, tuple[int, ...]] = {}
    for number in failures:
        term = shape.terms[number]
        imbalance = imbalances[number] = term.imbalance(values)
        blanks = tuple(i for i in term.short_side(imbalance) if values[i] is None) if lenient else ()
        if blanks:
            needed[number] = blanks
        outcomes[number] = Outcome.NOT_ASSESSABLE if blanks else Outcome.FAILS
    return Judgement(outcomes, failures, imbalances, needed, values)


def impute(shape: Shape, values: tuple[Any, ...]) -> tuple[tuple[Any, ...], dict[int, Number]]:
    """*values* with each blank total whose parts are all known and add up to more than 0 taken as their sum.

    A part is known when written or itself taken so; a blank part leaves the
    total unknown (it would be a lower bound only).  Also returns the sums
    whose total was taken so, by index, with the sum.
    """
    taken: dict[int, Number] = {}
    current = list(values)
    for number in shape.sums:
        term = shape.terms[number]
        assert term.total is not None
        if current[term.total] is None and all(current[i] is not None for i in term.right):
            total: Number = sum((current[i] for i in term.right), 0)
            if total:
                current[term.total] = total
                taken[number] = total
    return (tuple(current), taken) if taken else (values, taken)


@attrs.frozen
class RootCause:
    """The cell at index *cell* reads *value*; *value* + *change* makes every relation in *fixes* hold."""

    cell: int
    value: Any
    change: Number
    fixes: tuple[int, ...]


def root_causes(shape: Shape, judgement: Judgement, among: Collection[int]) -> list[RootCause]:
    """The root causes of the failing equalities *among* the relations, greedily, each fixing two or more.

    A cell's score is the failing relations one change of it makes hold,
    less the holding relations reading it that the change would break; the
    change must leave a count of 0 or more.  The best cell is taken, its
    relations set aside, and the rest scored again; ties go to the cell read
    first.
    """
    values = judgement.values
    failing = {n for n in among if judgement.outcomes.get(n) is Outcome.FAILS and shape.terms[n].op == "=="}
    if len(failing) < 2:
        return []
    # Each cell read by two or more failing equalities: the equalities reading it, and how many hold.
    candidates: list[tuple[int, list[int], int]] = []
    for cell in sorted({c for n in failing for c in (*shape.terms[n].left, *shape.terms[n].right)}):
        reading = [n for n in shape.equalities[cell] if n in among]
        if sum(n in failing for n in reading) >= 2:
            holding = sum(1 for n in reading if n not in judgement.outcomes)
            candidates.append((cell, [n for n in reading if n in failing], holding))
    causes: list[RootCause] = []
    while len(failing) >= 2:
        best: tuple[int, RootCause] | None = None
        for cell, reading, breaks in candidates:
            changes: dict[Number, list[int]] = {}
            for n in reading:
                if n in failing:
                    imbalance = judgement.imbalances[n]
                    changes.setdefault(-imbalance if cell in shape.terms[n].left else imbalance, []).append(n)
            for change, fixes in changes.items():
                if len(fixes) < 2 or (values[cell] or 0) + change < 0:
                    continue
                score = len(fixes) - breaks
                if best is None or score > best[0]:
                    best = (score, RootCause(cell, values[cell], change, tuple(fixes)))
        if best is None:
            break
        causes.append(best[1])
        failing.difference_update(best[1].fixes)
    return causes
