"""The figures a pre-2019 narrative report counts, and which of them break down which.

No national form bound a report under the 2008 Regulation (国务院令第492号):
Article 32 names what a report covers, and the figures are whatever the
report's sentences and its local 统计表 count.  :data:`LEGACY_MEASURES` is
the vocabulary of those figures, drawn from the seeds and the customary
2008–2018 statistics (domain.md §4): each a :class:`Heading` with the
customary label, an English name, the unit it is customarily counted in,
and the article of the 2008 Regulation its section rests on.  A figure whose
measure is not here is carried as :data:`OTHER_MEASURE` with the report's own
label.

:data:`LEGACY_BREAKDOWNS` says which measures are parts of which: a
:class:`Breakdown` names a whole, its parts, and how the parts relate to it,
so a rule can hold the parts against the whole and an importer knows that
"行政诉讼3件(驳回1件、撤诉2件)" is a whole and two of its parts.

    >>> LEGACY_MEASURES["litigation_dismissed"].en, LEGACY_MEASURES["litigation_dismissed"].unit
    ('Lawsuits dismissed', '件')
    >>> [b.parts for b in breakdowns_of("proposals")]
    [('npc_suggestions', 'cppcc_proposals'), ('proposals_led', 'proposals_assisted')]
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from decimal import Decimal
from typing import Final, Literal, TypeAlias

import attrs

from ._headings import ArticleRef, Heading

__all__ = [
    "ITEM_UNITS",
    "LEGACY_BREAKDOWNS",
    "LEGACY_MEASURES",
    "MONEY_UNITS",
    "OTHER_MEASURE",
    "Breakdown",
    "BreakdownKind",
    "breakdowns_of",
]


def _art(article: int, item: int | None = None) -> tuple[ArticleRef, ...]:
    return (ArticleRef(article, item=item, regulation="492"),)


_PROACTIVE, _REQUESTS, _FEES, _REVIEW = _art(32, 1), _art(32, 2), _art(32, 3), _art(32, 4)
_ANSWERS = _art(21)
_SECRETS = (ArticleRef(14, 4, regulation="492"),)


def _m(key: str, zh: str, en: str, unit: str, articles: tuple[ArticleRef, ...] = ()) -> Heading:
    return Heading(key, zh, en, articles, unit=unit)


#: The classifiers a report counts items with, each counting alike: "主动公开信息120条，其中规范性文件5件"
#: counts documents among the items.  Other units (人次, 次, 人, 元) count something else.
ITEM_UNITS: Final = frozenset({"条", "件", "项", "个", "篇", "份", "起"})

#: The units money figures are written in, and how many 元 each is: a report
#: may state 12 500 元 in one sentence and 1.25万元 in another.
MONEY_UNITS: Final[Mapping[str, Decimal]] = types.MappingProxyType({"元": Decimal(1), "万元": Decimal(10_000)})

#: The key of a figure whose measure is not in the vocabulary; such a figure carries the report's own label.
OTHER_MEASURE: Final = "other"

#: The vocabulary of figures extracted from a pre-2019 narrative report, in
#: the customary order of a report's sections.  ``unit`` is the unit the
#: figure is customarily reported in; ``articles`` the item of Article 32 of
#: the 2008 Regulation its section rests on (Article 21 for the four kinds of
#: answer, Article 28 for waivers).
LEGACY_MEASURES: Final = Heading(
    "measures",
    "统计指标",
    "Measures",
    children=(
        # 主动公开 (Art. 32(1))
        _m("proactive_published", "主动公开政府信息数", "Items disclosed proactively", "条", _PROACTIVE),
        _m("normative_documents_published", "主动公开规范性文件数", "Normative documents disclosed", "件", _PROACTIVE),
        _m("proactive_website", "通过政府网站公开", "Disclosed on the government website", "条", _PROACTIVE),
        _m("proactive_gazette", "通过政府公报公开", "Disclosed in the government gazette", "条", _PROACTIVE),
        _m(
            "proactive_media",
            "通过报刊、广播、电视公开",
            "Disclosed in the press, on radio and television",
            "条",
            _PROACTIVE,
        ),
        _m(
            "proactive_new_media",
            "通过政务微博、微信公开",
            "Disclosed on government Weibo and WeChat",
            "条",
            _PROACTIVE,
        ),
        _m("press_conferences", "召开新闻发布会", "Press conferences held", "次", _PROACTIVE),
        # 依申请公开 (Art. 32(2))
        _m("requests_received", "受理政府信息公开申请数", "Requests received", "件", _REQUESTS),
        _m("requests_in_person", "当面申请数", "Requests made in person", "件", _REQUESTS),
        _m("requests_online", "网上申请数", "Requests made online", "件", _REQUESTS),
        _m("requests_email", "电子邮件申请数", "Requests made by e-mail", "件", _REQUESTS),
        _m("requests_letter", "信函申请数", "Requests made by letter", "件", _REQUESTS),
        _m("requests_fax", "传真申请数", "Requests made by fax", "件", _REQUESTS),
        _m("requests_other_channel", "其他形式申请数", "Requests made in other ways", "件", _REQUESTS),
        _m("requests_carried_over", "上年结转申请数", "Requests carried over from the previous year", "件", _REQUESTS),
        _m("requests_answered", "对申请的答复总数", "Requests answered", "件", _REQUESTS),
        _m("granted", "同意公开", "Disclosed", "件", _ANSWERS),
        _m("partly_granted", "同意部分公开", "Partly disclosed", "件", _ANSWERS),
        _m("withheld", "不予公开", "Not disclosed", "件", _ANSWERS),
        _m("withheld_state_secret", "涉及国家秘密", "Withheld: state secret", "件", _SECRETS),
        _m("withheld_trade_secret", "涉及商业秘密", "Withheld: trade secret", "件", _SECRETS),
        _m("withheld_privacy", "涉及个人隐私", "Withheld: personal privacy", "件", _SECRETS),
        _m(
            "withheld_security",
            "危及国家安全、公共安全、经济安全和社会稳定",
            "Withheld: would endanger national, public or economic security or social stability",
            "件",
            _art(8),
        ),
        _m("withheld_other", "其他不予公开情形", "Withheld on other grounds", "件", _REQUESTS),
        _m("not_held", "信息不存在或非本机关掌握", "Not held or does not exist", "件", _ANSWERS),
        _m("not_held_nonexistent", "信息不存在", "Information does not exist", "件", _ANSWERS),
        _m("not_held_elsewhere", "非本机关掌握", "Held by another agency", "件", _ANSWERS),
        _m("unclear", "申请内容不明确", "Request unclear", "件", _ANSWERS),
        _m("not_government_information", "不属于政府信息", "Not government information", "件", _REQUESTS),
        _m("other_answers", "其他答复", "Other answers", "件", _REQUESTS),
        # 咨询
        _m("consultations", "咨询", "Consultations", "人次"),
        _m("consultations_phone", "电话咨询", "Consultations by telephone", "人次"),
        _m("consultations_online", "网上咨询", "Consultations online", "人次"),
        _m("consultations_in_person", "现场咨询", "Consultations in person", "人次"),
        _m("consultations_other_channel", "其他方式咨询", "Consultations in other ways", "人次"),
        # 收费及减免 (Art. 32(3))
        _m("fees", "收取费用", "Fees charged", "元", _FEES),
        _m("fee_waivers", "减免费用", "Fees waived", "元", _art(28)),
        # 行政复议、行政诉讼 (Art. 32(4))
        _m("reviews", "行政复议", "Administrative reviews", "件", _REVIEW),
        _m("review_upheld", "行政复议维持", "Reviews upholding the decision", "件", _REVIEW),
        _m("review_corrected", "行政复议被依法纠错", "Reviews correcting the decision", "件", _REVIEW),
        _m("review_dismissed", "行政复议驳回", "Reviews dismissed", "件", _REVIEW),
        _m("review_withdrawn", "行政复议撤回或终止", "Reviews withdrawn or terminated", "件", _REVIEW),
        _m("review_other", "行政复议其他情形", "Reviews ending otherwise", "件", _REVIEW),
        _m("review_pending", "行政复议尚未审结", "Reviews pending", "件", _REVIEW),
        _m("litigations", "行政诉讼", "Lawsuits", "件", _REVIEW),
        _m("litigation_upheld", "行政诉讼维持", "Lawsuits upholding the decision", "件", _REVIEW),
        _m(
            "litigation_corrected", "行政诉讼撤销或纠正", "Lawsuits annulling or correcting the decision", "件", _REVIEW
        ),
        _m("litigation_dismissed", "行政诉讼驳回", "Lawsuits dismissed", "件", _REVIEW),
        _m("litigation_withdrawn", "行政诉讼撤诉", "Lawsuits withdrawn", "件", _REVIEW),
        _m("litigation_other", "行政诉讼其他情形", "Lawsuits ending otherwise", "件", _REVIEW),
        _m("litigation_pending", "行政诉讼尚未审结", "Lawsuits pending", "件", _REVIEW),
        _m("administrative_appeals", "行政申诉", "Administrative appeals", "件", _REVIEW),
        _m("complaints", "举报投诉", "Complaints and reports", "件"),
        # 其他需要报告的事项 (Art. 32(6))
        _m("proposals", "办理建议提案", "Deputies' suggestions and members' proposals handled", "件", _art(32, 6)),
        _m("npc_suggestions", "人大代表建议", "People's Congress deputies' suggestions", "件", _art(32, 6)),
        _m("cppcc_proposals", "政协委员提案", "CPPCC members' proposals", "件", _art(32, 6)),
        _m("proposals_led", "主办建议提案", "Suggestions and proposals handled as lead office", "件", _art(32, 6)),
        _m("proposals_assisted", "协办建议提案", "Suggestions and proposals handled in support", "件", _art(32, 6)),
        _m("online_messages", "网络诉求", "Messages received online", "件", _art(32, 6)),
        _m("meetings", "召开政府信息公开工作会议", "Meetings on disclosure work", "次", _art(32, 6)),
        _m("training_sessions", "举办培训班", "Training sessions held", "次", _art(32, 6)),
        _m("trainees", "接受培训人员", "People trained", "人次", _art(32, 6)),
        _m("staff_full_time", "专职工作人员", "Full-time disclosure staff", "人", _art(32, 6)),
        _m("staff_part_time", "兼职工作人员", "Part-time disclosure staff", "人", _art(32, 6)),
        _m("funding", "政府信息公开工作专项经费", "Funds for disclosure work", "万元", _art(32, 6)),
        # A figure the vocabulary has no measure for, carried with the report's own label.
        Heading(OTHER_MEASURE, "其他指标", "Other measure (labelled as the report words it)"),
    ),
)

#: How a breakdown's parts relate to its whole.  ``partition``: the parts are
#: disjoint and together make up the whole (one of them is the catch-all), so
#: when every part is stated they add up to it, and otherwise they add up to
#: no more than it.  ``disjoint``: no item is counted in two parts, but the
#: parts need not cover the whole, so they add up to no more than it.
#: ``overlapping``: an item may be counted in several parts (the same
#: information published on several channels counts once in the whole), so
#: each part alone is no more than the whole.
BreakdownKind: TypeAlias = Literal["partition", "disjoint", "overlapping"]

_KINDS: Final = ("partition", "disjoint", "overlapping")


@attrs.frozen
class Breakdown:
    """A whole measure, the measures that are its *parts*, and how they relate (*kind*)."""

    whole: str
    parts: tuple[str, ...]
    kind: BreakdownKind

    def __attrs_post_init__(self) -> None:
        unknown = [key for key in (self.whole, *self.parts) if key not in LEGACY_MEASURES or key == OTHER_MEASURE]
        if unknown:
            raise ValueError(f"a breakdown names measures outside the vocabulary: {', '.join(unknown)}")
        if self.kind not in _KINDS:
            raise ValueError(f"a breakdown's kind is one of {', '.join(_KINDS)}; got {self.kind!r}")


#: Which measures break down which, and how.
LEGACY_BREAKDOWNS: Final = (
    Breakdown(
        "proactive_published",
        ("proactive_website", "proactive_gazette", "proactive_media", "proactive_new_media"),
        "overlapping",
    ),
    Breakdown("proactive_published", ("normative_documents_published",), "disjoint"),
    Breakdown(
        "requests_received",
        (
            "requests_in_person",
            "requests_online",
            "requests_email",
            "requests_letter",
            "requests_fax",
            "requests_other_channel",
        ),
        "partition",
    ),
    Breakdown(
        "requests_answered",
        ("granted", "partly_granted", "withheld", "not_held", "unclear", "not_government_information", "other_answers"),
        "partition",
    ),
    Breakdown(
        "withheld",
        ("withheld_state_secret", "withheld_trade_secret", "withheld_privacy", "withheld_security", "withheld_other"),
        "partition",
    ),
    Breakdown("not_held", ("not_held_nonexistent", "not_held_elsewhere"), "partition"),
    Breakdown(
        "consultations",
        ("consultations_phone", "consultations_online", "consultations_in_person", "consultations_other_channel"),
        "partition",
    ),
    Breakdown(
        "reviews",
        (
            "review_upheld",
            "review_corrected",
            "review_dismissed",
            "review_withdrawn",
            "review_other",
            "review_pending",
        ),
        "partition",
    ),
    Breakdown(
        "litigations",
        (
            "litigation_upheld",
            "litigation_corrected",
            "litigation_dismissed",
            "litigation_withdrawn",
            "litigation_other",
            "litigation_pending",
        ),
        "partition",
    ),
    Breakdown("proposals", ("npc_suggestions", "cppcc_proposals"), "partition"),
    Breakdown("proposals", ("proposals_led", "proposals_assisted"), "partition"),
)

_BY_WHOLE: Final[Mapping[str, tuple[Breakdown, ...]]] = {
    whole: tuple(b for b in LEGACY_BREAKDOWNS if b.whole == whole) for whole in {b.whole for b in LEGACY_BREAKDOWNS}
}


def breakdowns_of(whole: str) -> tuple[Breakdown, ...]:
    """The breakdowns of the measure *whole*, in :data:`LEGACY_BREAKDOWNS` order (none for most measures)."""
    return _BY_WHOLE.get(whole, ())
