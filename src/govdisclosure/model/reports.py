"""Whole reports: one class per template, and the legacy narrative report."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar, TypeAlias

import attrs

from ..regulation import (
    LEGACY,
    LEGACY_MEASURES,
    NARRATIVE,
    OTHER_MEASURE,
    TEMPLATE_2019,
    TEMPLATE_2021,
    TemplateVersion,
)
from ._fields import (
    bind,
    date_field,
    json_field,
    nested_field,
    optional_field,
    required,
    sequence_field,
    text_field,
)
from .agency import Agency
from .kinds import KEYWORD, NAME, NESTED, NUMBER, OFFSET, TEXT, YEAR
from .proactive import Proactive2019, Proactive2021
from .requests import RequestTable2019, RequestTable2021
from .review import ReviewLitigation

__all__ = [
    "REPORT_CLASSES",
    "SCHEMA",
    "AnnualReport",
    "AnnualReport2019",
    "AnnualReport2021",
    "Figure",
    "LegacyReport",
    "Narrative",
    "SourceSpan",
]


#: The value of ``schema`` in every document of the interchange shape.
SCHEMA = "govdisclosure/annual-report/1"


@bind(NARRATIVE)
@attrs.frozen(kw_only=True)
class Narrative:
    """The free-text sections of a report, each ``None`` when not given."""

    overview: str | None = text_field()
    proactive: str | None = text_field()
    requests: str | None = text_field()
    fees: str | None = text_field()
    review_litigation: str | None = text_field()
    problems: str | None = text_field()
    other: str | None = text_field()


@attrs.frozen(kw_only=True)
class _Report:
    """What every report has: the year, the agency and when it was published."""

    #: The format this class models.
    #:
    #: :meta hide-value:
    template: ClassVar[TemplateVersion]


@attrs.frozen(kw_only=True)
class AnnualReport2019(_Report):
    """A report under the 2019 template (国办公开办函〔2019〕60号), for 2019 and 2020."""

    template: ClassVar[TemplateVersion] = TEMPLATE_2019

    year: int = attrs.field(**required(YEAR))
    agency: Agency = attrs.field(**required(NESTED, Agency))
    published: datetime.date | None = date_field()
    proactive: Proactive2019 = nested_field(Proactive2019)
    requests: RequestTable2019 = nested_field(RequestTable2019)
    review_litigation: ReviewLitigation = nested_field(ReviewLitigation)
    narrative: Narrative | None = optional_field(Narrative, omit_none=True)
    extensions: Mapping[str, Any] | None = json_field()


@attrs.frozen(kw_only=True)
class AnnualReport2021(_Report):
    """A report under the 2021 template (国办公开办函〔2021〕30号), for 2021 onwards."""

    template: ClassVar[TemplateVersion] = TEMPLATE_2021

    year: int = attrs.field(**required(YEAR))
    agency: Agency = attrs.field(**required(NESTED, Agency))
    published: datetime.date | None = date_field()
    proactive: Proactive2021 = nested_field(Proactive2021)
    requests: RequestTable2021 = nested_field(RequestTable2021)
    review_litigation: ReviewLitigation = nested_field(ReviewLitigation)
    narrative: Narrative | None = optional_field(Narrative, omit_none=True)
    extensions: Mapping[str, Any] | None = json_field()


@attrs.frozen(kw_only=True)
class SourceSpan:
    """Where a figure was read: character offsets *start*–*end* into the text, and that text."""

    start: int = attrs.field(**required(OFFSET))
    end: int = attrs.field(**required(OFFSET))
    text: str = attrs.field(**required(TEXT))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"SourceSpan.end: {self.end} is before start {self.start}")


@attrs.frozen(kw_only=True)
class Figure:
    """A figure extracted from a legacy report: a measure, its value and unit, and where it was read.

    *label* is the measure as the report words it.  A figure the vocabulary
    has no measure for is carried as measure ``"other"`` with its *label*,
    which it must then give.
    """

    measure: str = attrs.field(**required(KEYWORD, choices=LEGACY_MEASURES))
    label: str | None = text_field()
    value: int | Decimal = attrs.field(**required(NUMBER))
    unit: str = attrs.field(**required(NAME))
    source: SourceSpan | None = optional_field(SourceSpan)

    def __attrs_post_init__(self) -> None:
        if self.measure == OTHER_MEASURE and (self.label is None or not self.label.strip()):
            raise ValueError(
                f"Figure.label: a figure of measure {OTHER_MEASURE!r} gives its label as the report words it"
            )


@attrs.frozen(kw_only=True)
class LegacyReport(_Report):
    """A pre-2019 narrative report: the figures extracted from it, and its sections.

    *written* is the date the report is signed off (成文日期), which for a
    narrative report is often all the date its text gives; *published* is
    when the portal published it.
    """

    template: ClassVar[TemplateVersion] = LEGACY

    year: int = attrs.field(**required(YEAR))
    agency: Agency = attrs.field(**required(NESTED, Agency))
    published: datetime.date | None = date_field()
    written: datetime.date | None = date_field()
    figures: Sequence[Figure] = sequence_field(Figure)
    narrative: Narrative | None = optional_field(Narrative, omit_none=True)
    extensions: Mapping[str, Any] | None = json_field()


#: Any report, whatever its template.
AnnualReport: TypeAlias = AnnualReport2019 | AnnualReport2021 | LegacyReport

#: The report class for each value of ``template`` in the interchange shape.
REPORT_CLASSES: dict[str, type[AnnualReport]] = {
    cls.template.key: cls for cls in (AnnualReport2019, AnnualReport2021, LegacyReport)
}
