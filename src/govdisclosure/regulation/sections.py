"""The sections of a report, and the legacy (pre-2019) measures extracted from them."""

from __future__ import annotations

from ._headings import ArticleRef, Heading

__all__ = ["LEGACY_MEASURES", "NARRATIVE", "SECTIONS_2008", "SECTIONS_2019"]

_OVERVIEW = Heading("overview", "一、总体情况", "Overview")
_PROBLEMS = Heading(
    "problems", "五、存在的主要问题及改进情况", "Main problems and improvements", articles=(ArticleRef(50, item=4),)
)
_OTHER = Heading("other", "六、其他需要报告的事项", "Other matters to report", articles=(ArticleRef(50, item=5),))

#: The six sections of a report under both national templates (Art. 50).
SECTIONS_2019 = Heading(
    "sections",
    "政府信息公开工作年度报告",
    "Annual report on government information disclosure",
    children=(
        _OVERVIEW,
        Heading("proactive", "二、主动公开政府信息情况", "Proactive disclosure", articles=(ArticleRef(50, item=1),)),
        Heading(
            "requests",
            "三、收到和处理政府信息公开申请情况",
            "Requests received and handled",
            articles=(ArticleRef(50, item=2),),
        ),
        Heading(
            "review_litigation",
            "四、政府信息公开行政复议、行政诉讼情况",
            "Administrative review and litigation",
            articles=(ArticleRef(50, item=3),),
        ),
        _PROBLEMS,
        _OTHER,
    ),
)


def _art32(item: int) -> tuple[ArticleRef, ...]:
    return (ArticleRef(32, item=item, regulation="492"),)


_FEES_2008 = Heading("fees", "政府信息公开的收费及减免情况", "Fees charged and waived", articles=_art32(3))

#: The contents of a pre-2019 report (2008 Regulation, Art. 32), with the
#: customary 概述 before them.  Labels are the article's wording.
SECTIONS_2008 = Heading(
    "sections",
    "政府信息公开工作年度报告",
    "Annual report on government information disclosure",
    children=(
        Heading("overview", "概述", "Overview"),
        Heading("proactive", "行政机关主动公开政府信息的情况", "Proactive disclosure", articles=_art32(1)),
        Heading(
            "requests",
            "行政机关依申请公开政府信息和不予公开政府信息的情况",
            "Disclosure on request and information withheld",
            articles=_art32(2),
        ),
        _FEES_2008,
        Heading(
            "review_litigation",
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "Administrative review and litigation",
            articles=_art32(4),
        ),
        Heading(
            "problems", "政府信息公开工作存在的主要问题及改进情况", "Main problems and improvements", articles=_art32(5)
        ),
        Heading("other", "其他需要报告的事项", "Other matters to report", articles=_art32(6)),
    ),
)

#: The free-text sections a report may carry, by key: the union of both
#: regimes' sections, in report order.  Labels are the 2019 template's where
#: it has the section.
NARRATIVE = Heading(
    "narrative",
    "报告正文",
    "Narrative sections",
    children=(*SECTIONS_2019.children[:3], _FEES_2008, *SECTIONS_2019.children[3:]),
)

#: The fixed vocabulary of figures extracted from a pre-2019 narrative report.
#: ``unit`` is the unit the figure is customarily reported in.
LEGACY_MEASURES = Heading(
    "measures",
    "统计指标",
    "Measures",
    children=(
        Heading("proactive_published", "主动公开政府信息数", "Items disclosed proactively", unit="条"),
        Heading("normative_documents_published", "主动公开规范性文件数", "Normative documents disclosed", unit="件"),
        Heading("requests_received", "受理政府信息公开申请数", "Requests received", unit="件"),
        Heading("requests_answered", "对申请的答复总数", "Requests answered", unit="件"),
        Heading("granted", "同意公开", "Disclosed", unit="件"),
        Heading("partly_granted", "同意部分公开", "Partly disclosed", unit="件"),
        Heading("withheld", "不予公开", "Not disclosed", unit="件"),
        Heading("not_held", "信息不存在或非本机关掌握", "Not held or does not exist", unit="件"),
        Heading("unclear", "申请内容不明确", "Request unclear", unit="件"),
        Heading("other_answers", "其他答复", "Other answers", unit="件"),
        Heading("consultations", "咨询", "Consultations", unit="人次"),
        Heading("fees", "收取费用", "Fees charged", unit="元"),
        Heading("fee_waivers", "减免费用", "Fees waived", unit="元"),
        Heading("reviews", "行政复议", "Administrative reviews", unit="件"),
        Heading("litigations", "行政诉讼", "Lawsuits", unit="件"),
        Heading("complaints", "举报投诉", "Complaints and reports", unit="件"),
    ),
)
