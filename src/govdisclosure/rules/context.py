"""What a report rule's check is given: the report, the run's settings, and how to make a finding.

A check (:data:`~govdisclosure.rules.registry.Check`) is called with its
:class:`~govdisclosure.rules.Rule` and a :class:`Context`; it yields
findings made with :meth:`Context.finding`, which names the cell in every
language from the vocabulary.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal, TypeAlias

import attrs

from .._findings import NO_LABEL, Finding, Severity, Text
from ..model import REPORT_CLASSES, Agency, AnnualReport, iter_cells
from ..regulation import REPORT_FIELDS, Heading, Language
from .registry import Rule
from .relations import Path

__all__ = ["BlankPolicy", "Context", "finding", "label_of", "pointer"]

#: How blank cells are judged: ``lenient`` counts them as 0, ``strict`` reports each.
BlankPolicy: TypeAlias = Literal["lenient", "strict"]


@attrs.frozen
class Context:
    """One report being checked: *report*, the *lang* and *blank* policy of the run.

    *cells* are the cells the relations read, in relation order, and
    *values* their values in the report (blank cells as ``None``).
    """

    report: AnnualReport
    lang: Language
    blank: BlankPolicy
    cells: tuple[Path, ...]
    values: tuple[Any, ...]

    def finding(
        self,
        rule: Rule,
        path: Path,
        *,
        expected: object = None,
        actual: object = None,
        severity: Severity | None = None,
        **values: object,
    ) -> Finding:
        """A finding of *rule* at the key path *path* of this report (``()`` for the whole report)."""
        return finding(
            rule, type(self.report), path, self.lang, expected=expected, actual=actual, severity=severity, **values
        )


def pointer(path: Path) -> str:
    """The JSON Pointer of a key path (``""`` for the whole report)."""
    return "/" + "/".join(path) if path else ""


_CELL_LABELS: dict[type[Any], dict[str, Text]] = {}


def _cell_labels(cls: type[Any]) -> dict[str, Text]:
    """The name of every cell of a *cls* report, by pointer, in every language (worked out once per class)."""
    labels = _CELL_LABELS.get(cls)
    if labels is None:
        if cls not in REPORT_CLASSES.values():
            raise TypeError(f"expected a report, got {cls.__name__}")
        blank = cls(year=cls.template.first_year, agency=Agency(name="-"))
        labels = {cell.pointer: Text(zh=cell.label("zh"), en=cell.label("en")) for cell in iter_cells(blank)}
        _CELL_LABELS[cls] = labels
    return labels


@cache
def _field_label(path: Path) -> Text:
    heading: Heading = REPORT_FIELDS
    for key in path:
        heading = heading[key]
    return Text(zh=heading.zh, en=heading.en)


def label_of(cls: type[Any], path: Path) -> Text:
    """The official name of the cell or field at *path* of a *cls* report."""
    return _label(cls, path, pointer(path))


def _label(cls: type[Any], path: Path, where: str) -> Text:
    if not path:
        return NO_LABEL
    label = _cell_labels(cls).get(where)
    return label if label is not None else _field_label(path)


def finding(
    rule: Rule,
    cls: type[Any],
    path: Path,
    lang: Language,
    *,
    expected: object = None,
    actual: object = None,
    severity: Severity | None = None,
    **values: object,
) -> Finding:
    """A finding of *rule* at *path* of a *cls* report, named from the vocabulary, speaking *lang*."""
    where = pointer(path)
    return rule.finding(
        where,
        lang=lang,
        label=_label(cls, path, where),
        expected=expected,
        actual=actual,
        severity=severity,
        **values,
    )
