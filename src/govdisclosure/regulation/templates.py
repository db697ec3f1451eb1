"""The report formats: the two national templates and the pre-2019 regime.

A report year maps to exactly one format: 2008–2018 are legacy narrative
reports under the 2008 Regulation; 2019–2020 use the trial template of
国办公开办函〔2019〕60号; 2021 onwards the template of 国办公开办函〔2021〕30号.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ._headings import ArticleRef, Heading
from .articles import REGULATION_2008, REGULATION_2019
from .proactive import PROACTIVE_2019, PROACTIVE_2021
from .requests import REQUEST_ROWS_2019, REQUEST_ROWS_2021
from .review import REVIEW_LITIGATION
from .sections import SECTIONS_2008, SECTIONS_2019

__all__ = [
    "LEGACY",
    "TEMPLATES",
    "TEMPLATE_2019",
    "TEMPLATE_2021",
    "Deadline",
    "TemplateVersion",
    "template_for_year",
]


@attrs.frozen
class Deadline:
    """A publication deadline: *month*/*day* of the year after the report year."""

    month: int
    day: int
    article: ArticleRef

    def date_for(self, year: int) -> datetime.date:
        """The last day to publish the report for *year*."""
        return datetime.date(year + 1, self.month, self.day)


@attrs.frozen(kw_only=True)
class TemplateVersion:
    """One report format and the years it governs.

    *key* is the value of ``template`` in the interchange shape; *document* the
    notice that issued the format and *released* the day gov.cn published it.  The table
    headings are ``None`` for the legacy format, which has no tables.
    *deadlines* maps an agency kind (``government``, ``department``) to the
    day its report is due.
    """

    key: str
    zh: str
    en: str
    document: str | None
    released: datetime.date | None
    regulation: Heading
    first_year: int
    last_year: int | None
    sections: Heading
    proactive: Heading | None = None
    requests: Heading | None = None
    review_litigation: Heading | None = None
    deadlines: Mapping[str, Deadline] = attrs.field(hash=False)

    def covers(self, year: int) -> bool:
        """Whether reports for *year* must use this format."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


_DEADLINES_2019 = MappingProxyType(
    {
        "department": Deadline(1, 31, ArticleRef(49, 1)),
        "government": Deadline(3, 31, ArticleRef(49, 2)),
    }
)
_MARCH_31_2008 = Deadline(3, 31, ArticleRef(31, regulation="492"))

#: 中华人民共和国政府信息公开工作年度报告格式（试行）, report years 2019–2020.
TEMPLATE_2019 = TemplateVersion(
    key="2019",
    zh="中华人民共和国政府信息公开工作年度报告格式（试行）",
    en="Annual report format on government information disclosure (trial)",
    document="国办公开办函〔2019〕60号",
    released=datetime.date(2019, 11, 27),
    regulation=REGULATION_2019,
    first_year=2019,
    last_year=2020,
    sections=SECTIONS_2019,
    proactive=PROACTIVE_2019,
    requests=REQUEST_ROWS_2019,
    review_litigation=REVIEW_LITIGATION,
    deadlines=_DEADLINES_2019,
)

#: 中华人民共和国政府信息公开工作年度报告格式, report years 2021 onwards.
TEMPLATE_2021 = TemplateVersion(
    key="2021",
    zh="中华人民共和国政府信息公开工作年度报告格式",
    en="Annual report format on government information disclosure",
    document="国办公开办函〔2021〕30号",
    released=datetime.date(2021, 9, 29),
    regulation=REGULATION_2019,
    first_year=2021,
    last_year=None,
    sections=SECTIONS_2019,
    proactive=PROACTIVE_2021,
    requests=REQUEST_ROWS_2021,
    review_litigation=REVIEW_LITIGATION,
    deadlines=_DEADLINES_2019,
)

#: Narrative reports under the 2008 Regulation (国务院令第492号), 2008–2018.
LEGACY = TemplateVersion(
    key="legacy",
    zh="政府信息公开工作年度报告（2008年条例）",
    en="Narrative annual report (2008 Regulation)",
    document=None,
    released=None,
    regulation=REGULATION_2008,
    first_year=2008,
    last_year=2018,
    sections=SECTIONS_2008,
    deadlines=MappingProxyType({"department": _MARCH_31_2008, "government": _MARCH_31_2008}),
)

#: Every format by its ``template`` key.
TEMPLATES: dict[str, TemplateVersion] = {t.key: t for t in (TEMPLATE_2019, TEMPLATE_2021, LEGACY)}


def template_for_year(year: int) -> TemplateVersion:
    """The format a report for *year* must use.

    >>> template_for_year(2020).document
    '国办公开办函〔2019〕60号'
    >>> template_for_year(2023).key
    '2021'

    Raises:
        ValueError: for a year before the 2008 Regulation took effect.
    """
    for template in TEMPLATES.values():
        if template.covers(year):
            return template
    raise ValueError(f"no report format for {year}: annual reports start with 2008")
