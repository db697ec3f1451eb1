"""Validation: rules as data, evaluated by one engine, findings located and named.

:func:`iter_findings` yields every finding about a report lazily;
:func:`validate` raises :class:`ReportInvalid` with all error-level ones.
The rules catalogue (:data:`RULES`) gives each rule's stable code; the
relations between cells (:func:`relations_for`) are derived from the
vocabulary.  Rules across several reports of one agency live in
:mod:`govdisclosure.rules.collection`.
"""

from .._findings import Finding, ReportInvalid, Severity, best_match, relevance
from ._engine import BlankPolicy, is_valid, iter_findings, validate
from .catalog import RULES, Language, Rule
from .relations import Balance, Compare, Path, Relation, Sum, relations_for

__all__ = [
    "RULES",
    "Balance",
    "BlankPolicy",
    "Compare",
    "Finding",
    "Language",
    "Path",
    "Relation",
    "ReportInvalid",
    "Rule",
    "Severity",
    "Sum",
    "best_match",
    "is_valid",
    "iter_findings",
    "relations_for",
    "relevance",
    "validate",
]
