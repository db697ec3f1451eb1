"""govdisclosure: China's government-information-disclosure annual reports as typed data.

Load a report, check it, write it out::

    import govdisclosure as gd

    report = gd.load("report.json", as_=gd.AnnualReport2021)
    gd.dump(report, "copy.json")
    for finding in gd.iter_findings(report):
        print(finding)

The vocabulary of the Regulation (labels, keys, article references) lives in
:mod:`govdisclosure.regulation`; the models in :mod:`govdisclosure.model`.
"""

from __future__ import annotations

from typing import Any

from ._errors import GovDisclosureError, ParseError, Problem
from .codecs import Loaded, dump, dumps, iter_load, load, loads
from .importers import ImportResult, Source, import_report
from .model import (
    Agency,
    AnnualReport,
    AnnualReport2019,
    AnnualReport2021,
    Cell,
    Figure,
    LegacyReport,
    Narrative,
    SourceSpan,
    iter_cells,
)
from .model._replace import PointerError, replace
from .rules import (
    RULESET_VERSION,
    Finding,
    RelationCounts,
    ReportInvalid,
    Result,
    Severity,
    Suppression,
    ValidationSummary,
    check,
    is_valid,
    iter_findings,
    validate,
)
from .schemas import json_schema, xml_schema

__all__ = [
    "RULESET_VERSION",
    "Agency",
    "AnnualReport",
    "AnnualReport2019",
    "AnnualReport2021",
    "Cell",
    "Figure",
    "Finding",
    "GovDisclosureError",
    "ImportResult",
    "LegacyReport",
    "Loaded",
    "Narrative",
    "ParseError",
    "PointerError",
    "Problem",
    "RelationCounts",
    "ReportInvalid",
    "Result",
    "Severity",
    "Source",
    "SourceSpan",
    "Suppression",
    "ValidationSummary",
    "check",
    "dump",
    "dumps",
    "import_report",
    "is_valid",
    "iter_cells",
    "iter_findings",
    "iter_load",
    "json_schema",
    "load",
    "loads",
    "replace",
    "validate",
    "xml_schema",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("govdisclosure")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
