"""Table 三: requests received and handled, by applicant type and outcome.

Labels are the official ones of both national templates, character for
character (full-width brackets, curly quotes).  The articles each outcome
rests on follow the 2019 Regulation; mappings marked *interpretive* rest on
reading the text, not on the template.
"""

from __future__ import annotations

from ._headings import ArticleRef, Heading

__all__ = [
    "APPLICANTS",
    "BALANCE_NOTE",
    "BALANCE_NOTE_EN",
    "LEGAL_PERSON",
    "OUTCOMES_2019",
    "OUTCOMES_2021",
    "REQUEST_ROWS_2019",
    "REQUEST_ROWS_2021",
]

#: The merged top-left header cell: the table's own statement of the 勾稽 balance.
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
#: :data:`BALANCE_NOTE` in English.
BALANCE_NOTE_EN = "(In each column, items 1 and 2 together equal items 3 and 4 together)"

#: The header printed above the five kinds of organisation among the applicants.
LEGAL_PERSON = Heading("legal_person", "法人或其他组织", "Legal persons and other organisations")
_LEGAL_PERSON = LEGAL_PERSON.zh

#: The seven columns under 申请人情况: 自然人, the five kinds of 法人或其他组织, 总计.
APPLICANTS = Heading(
    "applicants",
    "申请人情况",
    "Applicants",
    children=(
        Heading("natural_person", "自然人", "Natural persons"),
        Heading("commercial", "商业企业", "Commercial enterprises", group=_LEGAL_PERSON),
        Heading("research", "科研机构", "Research institutions", group=_LEGAL_PERSON),
        Heading("public_interest", "社会公益组织", "Public-interest organisations", group=_LEGAL_PERSON),
        Heading("legal_services", "法律服务机构", "Legal service providers", group=_LEGAL_PERSON),
        Heading("other_org", "其他", "Other organisations", group=_LEGAL_PERSON),
        Heading("total", "总计", "Total"),
    ),
)

_A = ArticleRef

_WITHHELD = Heading(
    "withheld",
    "（三）不予公开",
    "Not disclosed",
    articles=(_A(36, item=3),),
    children=(
        Heading("state_secret", "1.属于国家秘密", "State secret", articles=(_A(14),)),
        Heading(
            "prohibited_by_law",
            "2.其他法律行政法规禁止公开",
            "Disclosure prohibited by other laws or administrative regulations",
            articles=(_A(14),),
        ),
        Heading(
            "three_safeties_one_stability",
            "3.危及“三安全一稳定”",
            "Would endanger national, public or economic security or social stability",
            articles=(_A(14),),
        ),
        Heading(
            "third_party_rights", "4.保护第三方合法权益", "Protects lawful rights of third parties", articles=(_A(15),)
        ),
        Heading("internal_affairs", "5.属于三类内部事务信息", "Internal affairs information", articles=(_A(16, 1),)),
        Heading("process_information", "6.属于四类过程性信息", "Process information", articles=(_A(16, 2),)),
        Heading(
            "enforcement_case_file", "7.属于行政执法案卷", "Administrative enforcement case file", articles=(_A(16, 2),)
        ),
        Heading(
            "administrative_query",
            "8.属于行政查询事项",
            "Administrative query matter",
            articles=(_A(36, item=7, interpretive=True),),
        ),
    ),
)

_UNABLE = Heading(
    "unable",
    "（四）无法提供",
    "Cannot be provided",
    children=(
        Heading(
            "not_held",
            "1.本机关不掌握相关政府信息",
            "Information not held by this agency",
            articles=(_A(36, item=4), _A(36, item=5)),
        ),
        Heading(
            "needs_creation",
            "2.没有现成信息需要另行制作",
            "No existing information; would need to be created",
            articles=(_A(38),),
        ),
        Heading(
            "unclear_after_correction",
            "3.补正后申请内容仍不明确",
            "Request still unclear after correction",
            articles=(_A(30),),
        ),
    ),
)

_NOT_PROCESSED = Heading(
    "not_processed",
    "（五）不予处理",
    "Not processed",
    children=(
        Heading("petition_complaint", "1.信访举报投诉类申请", "Petition, report or complaint", articles=(_A(39, 1),)),
        Heading("duplicate", "2.重复申请", "Repeated request", articles=(_A(36, item=6),)),
        Heading("publication", "3.要求提供公开出版物", "Request for a public publication", articles=(_A(39, 2),)),
        Heading(
            "massive_repeated",
            "4.无正当理由大量反复申请",
            "Large numbers of repeated requests without good reason",
            articles=(_A(35),),
        ),
        Heading(
            "confirm_or_reissue",
            "5.要求行政机关确认或重新出具已获取信息",
            "Request to confirm or reissue information already obtained",
        ),
    ),
)

_GRANTED = Heading("granted", "（一）予以公开", "Disclosed", articles=(_A(36, item=1), _A(36, item=2)))
_PARTLY = Heading(
    "partly_granted",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "Partly disclosed (severed requests are counted here only)",
    articles=(_A(37),),
)
_TOTAL = Heading("total", "（七）总计", "Total")


def _outcomes(other: Heading) -> Heading:
    return Heading(
        "outcomes",
        "三、本年度办理结果",
        "Outcomes this year",
        children=(_GRANTED, _PARTLY, _WITHHELD, _UNABLE, _NOT_PROCESSED, other, _TOTAL),
    )


#: 三、本年度办理结果 in the 2019 template: one 其他处理 row.
OUTCOMES_2019 = _outcomes(Heading("other", "（六）其他处理", "Other handling"))

#: 三、本年度办理结果 in the 2021 template: 其他处理 split into three rows.
OUTCOMES_2021 = _outcomes(
    Heading(
        "other",
        "（六）其他处理",
        "Other handling",
        children=(
            Heading(
                "no_correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "Applicant failed to correct the request in time without good reason; no longer processed",
                articles=(_A(30),),
            ),
            Heading(
                "unpaid_fee",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "Applicant did not pay the fee in time; no longer processed",
                articles=(_A(42),),
            ),
            Heading("other", "3.其他", "Other"),
        ),
    )
)


def _rows(outcomes: Heading) -> Heading:
    return Heading(
        "requests",
        "三、收到和处理政府信息公开申请情况",
        "Requests received and handled",
        children=(
            Heading("received", "一、本年新收政府信息公开申请数量", "New requests received this year"),
            Heading("carried_over", "二、上年结转政府信息公开申请数量", "Requests carried over from the previous year"),
            outcomes,
            Heading("carried_forward", "四、结转下年度继续办理", "Carried forward to next year"),
        ),
    )


#: The rows of table 三, 2019 template.
REQUEST_ROWS_2019 = _rows(OUTCOMES_2019)
#: The rows of table 三, 2021 template.
REQUEST_ROWS_2021 = _rows(OUTCOMES_2021)
