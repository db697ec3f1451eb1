"""What kind of agency publishes a report, and at which level of government."""

from __future__ import annotations

from ._headings import ArticleRef, Heading

__all__ = ["AGENCY_KINDS", "AGENCY_LEVELS"]

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

#: Government or department: it decides the publication deadline (Art. 49).
AGENCY_KINDS = Heading(
    "kind",
    "机关类型",
    "Kind of agency",
    children=(
        Heading("government", "人民政府", "People's government or its general office",
                articles=(ArticleRef(49, 2),)),
        Heading("department", "政府部门", "Government department", articles=(ArticleRef(49, 1),)),
    ),
)
