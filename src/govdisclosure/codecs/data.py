"""Reports as plain data: the interchange shape in dicts and lists, every codec's middle.

:func:`to_data` turns a report into plain data (dicts, lists, ``str``,
``int``, ``None``) in the interchange shape, keys in the models' order;
:func:`from_data` builds a report from such data, checking everything.  Every
codec goes through them: JSON parses text into plain data and prints it, the
CSV reader assembles plain data from its rows, the XML writer walks it beside
the model.  Both directions are functions compiled once per model class from
its fields and their kinds (:mod:`._structure`); data the compiled path
declines is read again carefully (:mod:`._problems`) to name every problem.
"""

from __future__ import annotations

from typing import Any, Final

from ..model import REPORT_CLASSES, SCHEMA, AnnualReport
from ._problems import report_problems
from ._structure import structure_fn, unstructure_fn

__all__ = ["from_data", "structure_fast", "to_data"]

_STRUCTURE: Final = {key: structure_fn(cls) for key, cls in REPORT_CLASSES.items()}
_UNSTRUCTURE: Final = {cls: unstructure_fn(cls) for cls in REPORT_CLASSES.values()}


def from_data(data: Any) -> AnnualReport:
    """Build a report from plain data, as :func:`json.loads` returns it.

    Raises:
        ParseError: listing every problem at its JSON Pointer.
    """
    report = structure_fast(data)
    if report is not None:
        return report
    problems = report_problems(data)
    if not problems:  # pragma: no cover - the two paths read the same kinds
        problems.add("", lambda: "the document was declined for a reason no check names")
    raise problems.error()


def to_data(report: AnnualReport) -> dict[str, Any]:
    """The report as plain data in the interchange shape (dicts, lists, str, int, None).

    Raises:
        TypeError: when *report* is not a report.
    """
    try:
        unstructure = _UNSTRUCTURE[type(report)]
    except KeyError:
        raise TypeError(f"expected a report, got {type(report).__name__}") from None
    return unstructure(report)


def structure_fast(data: Any) -> AnnualReport | None:
    """The report the compiled path builds from *data*, or None if it declines (it never says why)."""
    if type(data) is dict:
        template = data.get("template")
        structure = _STRUCTURE.get(template) if type(template) is str else None
        if structure is not None and data.get("schema") == SCHEMA:
            try:
                report: AnnualReport = structure(data)
            except Exception:  # noqa: BLE001 - declined: the careful path says why
                return None
            return report
    return None
