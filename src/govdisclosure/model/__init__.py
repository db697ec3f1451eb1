"""Typed, immutable models of a report in the interchange shape.

Every class is an attrs frozen, slotted, keyword-only class.  A count cell is
``int | None``: ``None`` is a blank cell, ``0`` a written zero.  Money is a
:class:`~decimal.Decimal` in 万元.  Models check each value's type and range
when built; whether the cells add up is for the rules to say, so a flawed
published report still loads.
"""

from ._cells import Cell, iter_cells
from .agency import Agency
from .proactive import (
    Decisions,
    DocumentCounts2019,
    DocumentCounts2021,
    FeeAmount,
    FeeItems2019,
    ItemCounts2019,
    Proactive2019,
    Proactive2021,
    Procurement2019,
)
from .reports import (
    REPORT_CLASSES,
    SCHEMA,
    AnnualReport,
    AnnualReport2019,
    AnnualReport2021,
    Figure,
    LegacyReport,
    Narrative,
    SourceSpan,
)
from .requests import (
    NotProcessed,
    OtherOutcomes,
    Outcomes2019,
    Outcomes2021,
    RequestRow,
    RequestTable2019,
    RequestTable2021,
    Unable,
    Withheld,
)
from .review import ReviewLitigation, ReviewOutcomes

__all__ = [
    "REPORT_CLASSES",
    "SCHEMA",
    "Agency",
    "AnnualReport",
    "AnnualReport2019",
    "AnnualReport2021",
    "Cell",
    "Decisions",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "FeeAmount",
    "FeeItems2019",
    "Figure",
    "ItemCounts2019",
    "LegacyReport",
    "Narrative",
    "NotProcessed",
    "OtherOutcomes",
    "Outcomes2019",
    "Outcomes2021",
    "Proactive2019",
    "Proactive2021",
    "Procurement2019",
    "RequestRow",
    "RequestTable2019",
    "RequestTable2021",
    "ReviewLitigation",
    "ReviewOutcomes",
    "SourceSpan",
    "Unable",
    "Withheld",
    "iter_cells",
]
