"""Table 四: administrative review and litigation over disclosure (same in both templates)."""

from __future__ import annotations

from ._headings import ArticleRef, Heading

__all__ = ["LITIGATION", "REVIEW_LITIGATION"]

_RESULTS = (
    Heading("upheld", "结果维持", "Upheld"),
    Heading("corrected", "结果纠正", "Corrected"),
    Heading("other", "其他结果", "Other result"),
    Heading("pending", "尚未审结", "Pending"),
    Heading("total", "总计", "Total"),
)

#: The header printed above the two litigation groups.
LITIGATION = Heading("litigation", "行政诉讼", "Administrative litigation")
_LITIGATION = LITIGATION.zh

#: Table 四: three groups of five result columns, one data row.
REVIEW_LITIGATION = Heading(
    "review_litigation",
    "四、政府信息公开行政复议、行政诉讼情况",
    "Administrative review and litigation",
    articles=(ArticleRef(51),),
    children=(
        Heading("review", "行政复议", "Administrative review", children=_RESULTS),
        Heading(
            "litigation_direct",
            "未经复议直接起诉",
            "Litigation without prior review",
            children=_RESULTS,
            group=_LITIGATION,
        ),
        Heading(
            "litigation_after_review", "复议后起诉", "Litigation after review", children=_RESULTS, group=_LITIGATION
        ),
    ),
)
