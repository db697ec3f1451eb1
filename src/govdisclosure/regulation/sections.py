"""The sections of a report under each regime."""

from __future__ import annotations

from ._headings import ArticleRef, Heading

__all__ = ["NARRATIVE", "SECTIONS_2008", "SECTIONS_2019"]

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
