"""What kind of agency publishes a report, and at which level of government."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ._headings import ArticleRef, Heading

__all__ = ["AGENCY", "AGENCY_KINDS", "AGENCY_LEVELS", "ARTICLE_49_LEVELS", "EXTENSIONS", "FIGURES", "REPORT_FIELDS"]

#: The level of government an agency belongs to.
AGENCY_LEVELS = Heading(
    "level",
    "行政层级",
    "Level of government",
    children=(
        Heading("national", "国家级", "National"),
        Heading("provincial", "省级", "Provincial"),
        Heading("municipal", "市级", "Municipal"),
        Heading("county", "县级", "County"),
        Heading("township", "乡级", "Township"),
    ),
)

#: Whose report it is: it decides the publication deadline (Art. 49).  A government's
#: 办公厅（室） publishes two: the government's own (``government``, Art. 49 ¶2) and its
#: own as a department of that government (``general_office``, Art. 49 ¶1).
AGENCY_KINDS = Heading(
    "kind",
    "机关类型",
    "Kind of agency",
    children=(
        Heading(
            "government",
            "人民政府（本级政府报告）",
            "People's government (the government's report, also when its general office publishes it)",
            articles=(ArticleRef(49, 2),),
        ),
        Heading("department", "政府部门", "Government department", articles=(ArticleRef(49, 1),)),
        Heading(
            "general_office",
            "政府办公厅（室）（本机关报告）",
            "A government's general office (its own report, as a department)",
            articles=(ArticleRef(49, 1),),
        ),
    ),
)

#: The levels at which Art. 49 (2019) sets each kind's deadline: 县级以上人民政府部门 (¶1) and
#: 县级以上地方人民政府 (¶2).  It sets none for township governments (local rules do), nor for
#: the State Council, which is not a local government.
ARTICLE_49_LEVELS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "department": frozenset({"national", "provincial", "municipal", "county"}),
        "general_office": frozenset({"national", "provincial", "municipal", "county"}),
        "government": frozenset({"provincial", "municipal", "county"}),
    }
)

#: The fields that identify the reporting agency.
AGENCY = Heading(
    "agency",
    "发布机关",
    "Reporting agency",
    children=(
        Heading("name", "机关名称", "Name"),
        Heading("uscc", "统一社会信用代码", "Unified social credit code"),
        Heading("level", AGENCY_LEVELS.zh, AGENCY_LEVELS.en),
        Heading("kind", AGENCY_KINDS.zh, AGENCY_KINDS.en),
        Heading("parent", "上级机关", "Parent government"),
    ),
)

#: The fields of a report outside its tables, by key.
REPORT_FIELDS = Heading(
    "report",
    "政府信息公开工作年度报告",
    "Annual report on government information disclosure",
    children=(
        Heading("template", "报告格式", "Report template"),
        Heading("year", "报告年度", "Report year"),
        AGENCY,
        Heading("published", "发布日期", "Publication date", articles=(ArticleRef(49),)),
        Heading("written", "成文日期", "Date written (the report's sign-off)"),
    ),
)

#: A report's extensions: data other packages keep under their own namespace.
EXTENSIONS = Heading("extensions", "扩展数据", "Extensions")

#: The figures extracted from a pre-2019 narrative report.
FIGURES = Heading("figures", "提取的统计数据", "Extracted figures")
