"""Validation: every rule a registered object, evaluated by one engine, findings kept as data.

:func:`iter_findings` yields every finding about a report lazily;
:func:`validate` raises :class:`ReportInvalid` with all error-level ones.
Every rule — its code, basis, severity, scope, words and what it evaluates —
is one :class:`Rule` in the registry :data:`RULES`
(:mod:`govdisclosure.rules.registry`; the built-in ones in
:mod:`govdisclosure.rules.catalog`); :func:`register_rule` adds more and
:func:`select_rules` resolves a selection by code or prefix.  The relations
between cells (:func:`relations_for`) are derived from the vocabulary; each
holds, fails, or cannot be checked for blanks, and a cell that breaks several
is reported once as their root cause (see :func:`iter_findings`).
:func:`check` returns the findings with their :class:`ValidationSummary`
(:mod:`govdisclosure.rules.summary`), the relations' outcomes counted.
Rules across several reports of one agency are evaluated by
:mod:`govdisclosure.rules.collection`.
"""

from .._findings import NO_LABEL, Finding, ReportInvalid, Severity, Text, best_match, relevance
from ..regulation import Language
from . import catalog as catalog  # registers the built-in rules
from ._engine import check, is_valid, iter_findings, validate
from .context import BlankPolicy, Context
from .registry import (
    RULES,
    RULESET_VERSION,
    Basis,
    BasisKind,
    RelationOutcome,
    Rule,
    Scope,
    register_rule,
    select_rules,
)
from .relations import Balance, Compare, Path, Relation, Sum, relations_for
from .summary import RelationCounts, Result, Suppression, ValidationSummary, suppressions

__all__ = [
    "NO_LABEL",
    "RULES",
    "RULESET_VERSION",
    "Balance",
    "Basis",
    "BasisKind",
    "BlankPolicy",
    "Compare",
    "Context",
    "Finding",
    "Language",
    "Path",
    "Relation",
    "RelationCounts",
    "RelationOutcome",
    "ReportInvalid",
    "Result",
    "Rule",
    "Scope",
    "Severity",
    "Sum",
    "Suppression",
    "Text",
    "ValidationSummary",
    "best_match",
    "check",
    "is_valid",
    "iter_findings",
    "register_rule",
    "relations_for",
    "relevance",
    "select_rules",
    "suppressions",
    "validate",
]
