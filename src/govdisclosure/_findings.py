"""Findings: what a rule says about a report, located and named."""

from __future__ import annotations

import datetime
import decimal
import enum
from collections.abc import Iterable, Sequence

import attrs

from ._errors import GovDisclosureError

__all__ = ["Finding", "ReportInvalid", "Severity", "best_match"]


class Severity(str, enum.Enum):
    """How much a finding matters: an ``error`` fails validation, the others inform."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(kw_only=True)
class Finding:
    """One problem a rule found in a report.

    *code* is the rule's stable identifier (see the rules catalogue);
    *path* a JSON Pointer into the interchange shape (``""`` for the whole
    report); *label* the official name of the cell or field, in the language
    asked for; *expected* and *actual* the values the rule compared, where it
    compared values; *message* a sentence in the language asked for.
    """

    code: str
    severity: Severity
    path: str
    label: str
    expected: object = None
    actual: object = None
    message: str

    def __str__(self) -> str:
        where = f"{self.path} " if self.path else ""
        return f"{where}[{self.code}] {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The finding as plain JSON data: amounts as decimal strings, dates as ``YYYY-MM-DD``."""
        data = attrs.asdict(self)
        data["severity"] = self.severity.value
        data["expected"] = _plain(self.expected)
        data["actual"] = _plain(self.actual)
        return data


def _plain(value: object) -> object:
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def relevance(finding: Finding) -> tuple[int, int, str]:
    """A sort key: errors first, then shallower paths (more is wrong higher up), then by code."""
    return (_RANK[finding.severity], finding.path.count("/"), finding.code)


def best_match(findings: Iterable[Finding]) -> Finding | None:
    """The finding most worth showing first, or None when there are none.

    The answer does not depend on the order of *findings*.
    """
    return min(findings, key=lambda finding: (*relevance(finding), finding.path, finding.message), default=None)


class ReportInvalid(GovDisclosureError, ValueError):
    """A report has error-level findings; *findings* holds all of them, in document order."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        self.best = best_match(self.findings)
        count = len(self.findings)
        head = f"{count} error{'s' if count != 1 else ''}"
        super().__init__(f"{head}; first: {self.best}" if self.best else head)

    def __reduce__(self) -> tuple[type[ReportInvalid], tuple[tuple[Finding, ...]]]:
        # Rebuild from the findings, not from the message (for pickle and copy).
        return (type(self), (self.findings,))
