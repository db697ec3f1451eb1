"""Table 二: proactive disclosure under Article 20, as each template prints it.

Each template is a heading tree: table → row (an item of information, under
its 小标题 第二十条第（N）项) → column.  The block a row sits in is the
Article 20 item of its first article reference.
"""

from __future__ import annotations

from ._headings import ArticleRef, Heading

__all__ = ["INFORMATION_CONTENT", "PROACTIVE_2019", "PROACTIVE_2021"]

#: The header of the row-label column in each block of table 二.
INFORMATION_CONTENT = Heading("content", "信息内容", "Information")


def _item(number: int) -> tuple[ArticleRef, ...]:
    return (ArticleRef(20, item=number),)


_DOCS_2019 = (
    Heading("new_made", "本年新制作数量", "Newly made this year"),
    Heading("new_published", "本年新公开数量", "Newly published this year"),
    Heading("total_published", "对外公开总数量", "Total published"),
)
_ITEMS_2019 = (
    Heading("previous_year", "上一年项目数量", "Items in the previous year"),
    Heading("change", "本年增/减", "Change this year (may be negative)"),
    Heading("decisions", "处理决定数量", "Decisions made"),
)

#: Table 二 of the 2019 template (国办公开办函〔2019〕60号).
PROACTIVE_2019 = Heading(
    "proactive",
    "二、主动公开政府信息情况",
    "Proactive disclosure",
    children=(
        Heading("rules", "规章", "Rules", articles=_item(1), children=_DOCS_2019),
        Heading("normative_documents", "规范性文件", "Normative documents", articles=_item(1), children=_DOCS_2019),
        Heading("licensing", "行政许可", "Administrative licensing", articles=_item(5), children=_ITEMS_2019),
        Heading(
            "other_services",
            "其他对外管理服务事项",
            "Other external management services",
            articles=_item(5),
            children=_ITEMS_2019,
        ),
        Heading("penalties", "行政处罚", "Administrative penalties", articles=_item(6), children=_ITEMS_2019),
        Heading("coercion", "行政强制", "Administrative coercion", articles=_item(6), children=_ITEMS_2019),
        Heading("fees", "行政事业性收费", "Administrative fees", articles=_item(8), children=_ITEMS_2019[:2]),
        Heading(
            "procurement",
            "政府集中采购",
            "Centralised government procurement",
            articles=_item(9),
            children=(
                Heading("projects", "采购项目数量", "Procurement projects"),
                Heading("amount", "采购总金额", "Total procurement amount", unit="万元"),
            ),
        ),
    ),
)

_DOCS_2021 = (
    Heading("issued", "本年制发件数", "Issued this year"),
    Heading("repealed", "本年废止件数", "Repealed this year"),
    Heading("in_force", "现行有效件数", "In force"),
)
_DECISIONS_2021 = (Heading("decisions", "本年处理决定数量", "Decisions made this year"),)

#: Table 二 of the 2021 template (国办公开办函〔2021〕30号).
PROACTIVE_2021 = Heading(
    "proactive",
    "二、主动公开政府信息情况",
    "Proactive disclosure",
    children=(
        Heading("rules", "规章", "Rules", articles=_item(1), children=_DOCS_2021),
        Heading(
            "normative_documents",
            "行政规范性文件",
            "Administrative normative documents",
            articles=_item(1),
            children=_DOCS_2021,
        ),
        Heading("licensing", "行政许可", "Administrative licensing", articles=_item(5), children=_DECISIONS_2021),
        Heading("penalties", "行政处罚", "Administrative penalties", articles=_item(6), children=_DECISIONS_2021),
        Heading("coercion", "行政强制", "Administrative coercion", articles=_item(6), children=_DECISIONS_2021),
        Heading(
            "fees",
            "行政事业性收费",
            "Administrative fees",
            articles=_item(8),
            children=(Heading("amount", "本年收费金额（单位：万元）", "Fees collected this year", unit="万元"),),
        ),
    ),
)
