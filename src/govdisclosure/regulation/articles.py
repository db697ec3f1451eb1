"""Article 20 of the Regulation: what every agency must disclose proactively.

Text of the Regulation on the Disclosure of Government Information as revised
by State Council Order No. 711 (2019-04-03, in force 2019-05-15).
"""

from __future__ import annotations

from ._headings import ArticleRef, Heading, zh_numeral

__all__ = ["ARTICLE_20", "REGULATION_2008", "REGULATION_2019", "item_label"]

#: The 2019 Regulation (国务院令第711号), in force from 2019-05-15.
REGULATION_2019 = Heading(
    "regulation_2019",
    "中华人民共和国政府信息公开条例（国务院令第711号）",
    "Regulation on the Disclosure of Government Information (State Council Order No. 711)",
)
#: The 2008 Regulation (国务院令第492号), in force 2008-05-01 to 2019-05-14.
REGULATION_2008 = Heading(
    "regulation_2008",
    "中华人民共和国政府信息公开条例（国务院令第492号）",
    "Regulation on the Disclosure of Government Information (State Council Order No. 492)",
)

_ITEMS = (
    ("regulations", "行政法规、规章和规范性文件", "Administrative regulations, rules and normative documents"),
    (
        "agency_information",
        "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
        "Functions, organisation, address, office hours, contact details and heads of the agency",
    ),
    (
        "plans",
        "国民经济和社会发展规划、专项规划、区域规划及相关政策",
        "Economic and social development plans, special and regional plans and related policies",
    ),
    ("statistics", "国民经济和社会发展统计信息", "Economic and social development statistics"),
    (
        "licensing_and_services",
        "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
        "Basis, conditions, procedure and results of administrative licensing and other services",
    ),
    (
        "penalties_and_coercion",
        "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
        "Basis, conditions and procedure of administrative penalties and coercive measures, "
        "and penalty decisions of social significance",
    ),
    ("budgets", "财政预算、决算信息", "Budgets and final accounts"),
    ("fees", "行政事业性收费项目及其依据、标准", "Administrative fees, their basis and rates"),
    (
        "procurement",
        "政府集中采购项目的目录、标准及实施情况",
        "Catalogue, standards and execution of centralised government procurement",
    ),
    ("major_projects", "重大建设项目的批准和实施情况", "Approval and execution of major construction projects"),
    (
        "social_policies",
        "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
        "Policies and measures on poverty relief, education, health, social security, employment "
        "and their implementation",
    ),
    (
        "emergencies",
        "突发公共事件的应急预案、预警信息及应对情况",
        "Contingency plans, warnings and responses for public emergencies",
    ),
    (
        "inspections",
        "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
        "Supervision and inspection of environment, public health, work safety, food and drugs, and product quality",
    ),
    (
        "civil_service_recruitment",
        "公务员招考的职位、名额、报考条件等事项以及录用结果",
        "Civil service recruitment: posts, numbers, conditions and results",
    ),
    # The doubled 规定规定 is in the official text.
    (
        "other",
        "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
        "Other information that laws, regulations, rules or state provisions require to be disclosed",
    ),
)

#: 第二十条: the fifteen items of government information to disclose proactively.
#: Each heading's ``zh`` is the item text without its enumerator and final
#: punctuation; ``articles[0]`` is the item's own reference (第二十条第（N）项).
ARTICLE_20: tuple[Heading, ...] = tuple(
    Heading(key, zh, en, articles=(ArticleRef(20, item=number),))
    for number, (key, zh, en) in enumerate(_ITEMS, start=1)
)


def item_label(number: int) -> str:
    """The 小标题 of table 二 for Article 20 item *number*: ``第二十条第（一）项``."""
    return f"第二十条第（{zh_numeral(number)}）项"
