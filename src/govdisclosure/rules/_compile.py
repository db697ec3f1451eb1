"""Compile a template's relations into one function that evaluates them all.

The relations stay data (:mod:`.relations`); this module turns them into
straight-line Python once per report class: *evaluate* reads every cell's
value once and evaluates every relation on them, counting a blank as 0,
returning only the relations that do not hold; *check* does the same on
values already read.  Judging what a
failure means where cells are blank (:mod:`._judge`) is done on the failures
alone, so a report whose relations hold costs a few attribute reads and
additions per relation.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

import attrs

from .relations import Balance, Compare, Path, Relation, Sum

__all__ = ["Evaluation", "Evaluator", "Failure", "compile_relations"]

#: ``(index of the failed relation, expected, actual)``.
Failure: TypeAlias = tuple[int, Any, Any]

#: The failures of a report, and every cell's value.
Evaluation: TypeAlias = tuple[list[Failure], tuple[Any, ...]]


@attrs.frozen
class Evaluator:
    """The compiled form of *relations*.

    *evaluate* gives a report's failures (blank cells counted as 0) and the
    values of *cells*, in this order; *check* the failures of such values.
    """

    relations: tuple[Relation, ...]
    cells: tuple[Path, ...]
    evaluate: Callable[[Any], Evaluation]
    check: Callable[[Sequence[Any]], list[Failure]]


def compile_relations(relations: tuple[Relation, ...]) -> Evaluator:
    """Build the evaluator of *relations* (their cells must exist on the reports it is given)."""
    cells = tuple(dict.fromkeys(cell for relation in relations for cell in relation.cells()))
    name = {cell: f"c{index}" for index, cell in enumerate(cells)}
    unpack = "".join(name[cell] + ", " for cell in cells)
    checks = ["    failed = []"]
    for index, relation in enumerate(relations):
        checks += _check(index, relation, name)
    lines = ["def evaluate(r):", *_reads(cells, name), *checks, f"    return failed, ({unpack})"]
    lines += ["def check(v):", f"    ({unpack}) = v" if cells else "    pass", *checks, "    return failed"]
    namespace: dict[str, Any] = {"Decimal": decimal.Decimal}
    exec(compile("\n".join(lines) + "\n", "<govdisclosure relations>", "exec"), namespace)
    return Evaluator(relations, cells, namespace["evaluate"], namespace["check"])


def _reads(cells: tuple[Path, ...], name: dict[Path, str]) -> list[str]:
    """Lines reading every cell once, through a local for each part on the way."""
    lines: list[str] = []
    parts: dict[Path, str] = {(): "r"}
    for cell in cells:
        for depth in range(1, len(cell)):
            prefix = cell[:depth]
            if prefix not in parts:
                parts[prefix] = f"p{len(parts)}"
                lines.append(f"    {parts[prefix]} = {parts[prefix[:-1]]}.{prefix[-1]}")
        lines.append(f"    {name[cell]} = {parts[cell[:-1]]}.{cell[-1]}")
    return lines


def _total(cells: tuple[Path, ...], name: dict[Path, str], constant: object = 0) -> str:
    terms = [f"({name[cell]} or 0)" for cell in cells]
    if constant or not terms:
        terms.append(repr(constant))
    return " + ".join(terms)


def _check(index: int, relation: Relation, name: dict[Path, str]) -> list[str]:
    """Lines evaluating one relation and recording it in ``failed`` if it does not hold."""
    if isinstance(relation, Sum):
        actual = name[relation.total]
        return [
            f"    e = {_total(relation.addends, name)}",
            f"    if e != ({actual} or 0): failed.append(({index}, e, {actual}))",
        ]
    if isinstance(relation, Balance):
        actual = name[relation.at]
        others = tuple(cell for cell in relation.right if cell != relation.at)
        subtract = f" - ({_total(others, name)})" if others else ""
        return [
            f"    e = {_total(relation.left, name)}{subtract}",
            f"    if e != ({actual} or 0): failed.append(({index}, e, {actual}))",
        ]
    return _compare(index, relation, name)


def _compare(index: int, relation: Compare, name: dict[Path, str]) -> list[str]:
    body = [
        f"l = {_total(relation.left, name)}",
        f"e = {_total(relation.right, name, relation.constant)}",
        f"if not (l {relation.op} e): failed.append(({index}, e, l))",
    ]
    if not relation.written_only:
        return ["    " + line for line in body]
    written = " and ".join(f"{name[cell]} is not None" for cell in relation.cells())
    return [f"    if {written}:", *("        " + line for line in body)]
