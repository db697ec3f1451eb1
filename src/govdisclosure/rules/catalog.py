"""The built-in rules, each one registered object: code, basis, severity, scope, words, evaluation.

Codes are stable: once published a code keeps its meaning.  Each message is
a :class:`~govdisclosure.rules.Text` template filled with ``label``, ``expected``,
``actual`` and, where a rule names them, more values; it is the one place a
rule's words are written.  The order here is the order the engine runs the
report rules in (the relation rules together, at the place of the first of
them) and the order of the generated catalogue in docs/rules.md.
"""

from __future__ import annotations

from typing import Final

from .._findings import Severity, Text
from ..regulation import Language
from . import checks, legacy, relations
from .imports import IMPORT_RULES
from .registry import RULES, Basis, Rule, register_rule

__all__ = ["BUILTIN_RULES", "RULES", "Language", "Rule"]

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: The rules the library ships, in catalogue order.
_CORE_RULES: Final = (
    Rule(
        code="GD-PARSE",
        severity=_E,
        scope="document",
        basis=Basis("interchange", "the interchange shape (JSON, XML or tidy CSV; see the schemas)"),
        example='"year": "2021" (a string where the shape has a four-digit number)',
        title=Text(zh="文档无法读取为报告", en="The document cannot be read as a report"),
        # The detail is the reader's own account of the problem (a Problem's message).
        message=Text(zh="{detail}", en="{detail}"),
    ),
    Rule(
        code="GD-TEMPLATE-YEAR",
        severity=_E,
        scope="report",
        basis=Basis(
            "template",
            "国办公开办函〔2021〕30号 issues the format for reports from 2021 on (“请认真贯彻执行”) and "
            "国办公开办函〔2019〕60号 the trial format for 2019–2020; for 2019 alone 60号 allows otherwise "
            "(“2019年政府信息公开工作年度报告，鼓励按照统一格式发布，确实存在现实困难的，可参照统一格式发布”), "
            "so a 2019 report not on the form is a warning",
        ),
        example="a 2022 report on the 2019 form (error); a 2019 narrative report (warning)",
        title=Text(zh="报告格式与报告年度不符", en="The report's template is not the one its year requires"),
        message=Text(
            zh="{year}年度报告应使用{required}，实际使用{given}",
            en="a report for {year} must use {required}, not {given}",
        ),
        check=checks.template_year,
    ),
    Rule(
        code="GD-USCC",
        severity=_E,
        scope="report",
        basis=Basis("standard", "GB 32100-2015: 18 characters of the code's alphabet, the 18th a check character"),
        example="agency.uscc 115000000092759913 (check character 3 where 4 is due)",
        title=Text(zh="统一社会信用代码有误", en="Malformed unified social credit code"),
        message=Text(
            zh="{label}：{actual} 不是有效的统一社会信用代码（{reason}）",
            en="{label}: {actual} is not a valid unified social credit code ({reason})",
        ),
        check=checks.uscc_form,
    ),
    Rule(
        code="GD-PUBLISHED-EARLY",
        severity=_W,
        scope="report",
        basis=Basis("convention", "a year's report describes the whole year (Art. 49: 上一年度…年度报告)"),
        example="a 2021 report published 2021-12-01",
        title=Text(zh="报告在报告年度结束前公布", en="Published before the report year ended"),
        message=Text(
            zh="{label}：{actual} 公布，早于报告年度结束",
            en="{label}: published {actual}, before the report year ended",
        ),
        check=checks.published_early,
    ),
    Rule(
        code="GD-DEADLINE",
        severity=_W,
        scope="report",
        basis=Basis(
            "regulation",
            "Art. 49: 县级以上人民政府部门 by 31 January (¶1), 县级以上地方人民政府 by 31 March (¶2); "
            "it sets no date for township governments (local rules do). For reports to 2018, 2008 Regulation "
            "Art. 31: 各级行政机关 by 31 March. A warning: a late report breaches the Regulation but its figures stand",
        ),
        example="a municipal department's 2019 report published 2020-08-14",
        title=Text(zh="报告晚于法定期限公布", en="Published after the statutory deadline"),
        message=Text(
            zh="{label}：{actual} 公布，晚于{basis}规定的 {expected}",
            en="{label}: published {actual}, after the deadline of {expected} ({basis})",
        ),
        check=checks.deadline,
    ),
    Rule(
        code="GD-T2-ITEMS",
        severity=_E,
        scope="report",
        basis=Basis(
            "arithmetic", "上一年项目数量 plus 本年增/减 is this year's number of items, which cannot be below 0"
        ),
        example="行政许可: 上一年项目数量 0, 本年增/减 −1 (not assessable when 上一年项目数量 is blank)",
        title=Text(
            zh="表二（2019年格式）：上一年项目数量加本年增/减不得为负",
            en="Table 2 (2019 template): previous year's items plus the change is not negative",
        ),
        message=Text(
            zh="{label}：上一年项目数量加本年增/减为 {actual}，不应小于 0",
            en="{label}: previous year's items plus the change is {actual}, which is below 0",
        ),
        relations=relations.item_signs,
    ),
    Rule(
        code="GD-T2-PUBLISHED",
        severity=_W,
        scope="report",
        basis=Basis("convention", "this year's publications are part of 对外公开总数量 (no stated rule)"),
        example="规章: 本年新公开数量 5, 对外公开总数量 3",
        title=Text(
            zh="表二（2019年格式）：本年新公开数量不大于对外公开总数量",
            en="Table 2 (2019 template): newly published is not more than total published",
        ),
        message=Text(
            zh="{label}：本年新公开数量 {actual} 大于对外公开总数量 {expected}",
            en="{label}: {actual} newly published is more than the {expected} published in total",
        ),
        relations=relations.published_within_total,
    ),
    Rule(
        code="GD-T2-IN-FORCE",
        severity=_W,
        scope="report",
        basis=Basis("convention", "a document issued this year is in force or was repealed (documents also lapse)"),
        example="规章: 本年制发件数 4, 本年废止件数 0, 现行有效件数 2",
        title=Text(
            zh="表二（2021年格式）：本年制发件数不大于现行有效件数与本年废止件数之和",
            en="Table 2 (2021 template): issued this year is not more than in force plus repealed",
        ),
        message=Text(
            zh="{label}：本年制发件数 {actual} 大于现行有效件数与本年废止件数之和 {expected}",
            en="{label}: {actual} issued this year is more than in force plus repealed ({expected})",
        ),
        relations=relations.issued_within_in_force,
    ),
    Rule(
        code="GD-T2-UNIT",
        severity=_W,
        scope="report",
        basis=Basis(
            "convention",
            "the 2021 form fixes the unit (本年收费金额（单位：万元）) and reports do write 元 there; "
            "an amount over 1,000,000 万元 (10 billion yuan) is beyond any one agency's year of fees, "
            "so it was most likely written in 元. The 2019 form states no unit for 采购总金额: not checked",
        ),
        example="本年收费金额 25100000 (in 万元: 251 billion yuan)",
        title=Text(
            zh="表二：金额可能以元而非万元填报",
            en="Table 2: an amount may be in yuan rather than in 10,000 yuan",
        ),
        message=Text(
            zh="{label}：{actual} 万元异常偏大，可能误以元为单位填报",
            en="{label}: {actual} (in 10,000 yuan) is implausibly large; it may have been written in yuan",
        ),
        relations=relations.plausible_amounts,
    ),
    Rule(
        code="GD-T3-ROW",
        severity=_E,
        scope="report",
        basis=Basis(
            "template",
            "the form's 总计 column closes 自然人 and the five 法人或其他组织 columns (it prints no subtotal)",
        ),
        example="（一）予以公开: 自然人 3, 商业企业 2, 总计 6",
        title=Text(
            zh="表三每行：各类申请人之和等于总计",
            en="Table 3, each row: the six applicant columns add up to the total",
        ),
        message=Text(
            zh="{label}：各类申请人合计为 {expected}，总计栏填报为 {actual}",
            en="{label}: the applicant columns add up to {expected}, but the total reads {actual}",
        ),
        relations=relations.row_sums,
    ),
    Rule(
        code="GD-T3-COLUMN",
        severity=_E,
        scope="report",
        basis=Basis("template", "the form's （七）总计 row closes the outcome rows （一）–（六）"),
        example="自然人: （一） 3, （二） 1, （七）总计 5",
        title=Text(
            zh="表三每列：各项办理结果之和等于（七）总计",
            en="Table 3, each column: the outcome rows add up to the total of outcomes",
        ),
        message=Text(
            zh="{label}：各项办理结果合计为 {expected}，（七）总计填报为 {actual}",
            en="{label}: the outcome rows add up to {expected}, but the total of outcomes reads {actual}",
        ),
        relations=relations.column_sums,
    ),
    Rule(
        code="GD-T3-BALANCE",
        severity=_E,
        scope="report",
        basis=Basis("template", "its own note: （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
        example="总计: 一 10, 二 2, （七） 9, 四 2",
        title=Text(
            zh="表三勾稽关系：第一项加第二项之和，等于第三项加第四项之和",
            en="Table 3 balance: new requests + carried over = handled + carried forward",
        ),
        message=Text(
            zh="{label}：按勾稽关系应为 {expected}（一＋二－（七）），填报为 {actual}",
            en="{label}: the balance requires {expected} (new + carried over − handled), but the cell reads {actual}",
        ),
        relations=relations.balances,
    ),
    Rule(
        code="GD-T4-TOTAL",
        severity=_E,
        scope="report",
        basis=Basis("template", "the form's 总计 closes each group's 结果维持, 结果纠正, 其他结果 and 尚未审结"),
        example="行政复议: 结果维持 1, 结果纠正 1, 总计 3",
        title=Text(zh="表四：四类结果之和等于总计", en="Table 4: the four results add up to the total"),
        message=Text(
            zh="{label}：四类结果合计为 {expected}，总计填报为 {actual}",
            en="{label}: the four results add up to {expected}, but the total reads {actual}",
        ),
        relations=relations.review_totals,
    ),
    Rule(
        code="GD-BLANK",
        severity=_E,
        scope="report",
        basis=Basis(
            "convention",
            "blank policy strict (chosen by the caller): a blank is a 0 left out, and the relations count it as 0",
        ),
        example='blank="strict" and （一）予以公开 · 自然人 left blank',
        title=Text(zh="空白单元格", en="Blank cells"),
        message=Text(
            zh="{label}：空白，应填写数字（无则填 0）",
            en="{label}: left blank where a number belongs (write 0 for none)",
        ),
        check=checks.blank_cells,
    ),
    Rule(
        code="GD-BLANK-COUNTED",
        severity=_I,
        scope="report",
        basis=Basis("convention", "blank policy lenient: most portals publish blanks for zero (domain.md §6 #1–2)"),
        example="a report with 152 blank cells",
        title=Text(zh="空白单元格按 0 计算", en="Blank cells counted as 0"),
        message=Text(zh="{actual} 个空白单元格按 0 参与计算", en="{actual} blank cells were counted as 0"),
        check=checks.blank_count,
    ),
    Rule(
        code="GD-TOTAL-BLANK",
        severity=_W,
        scope="report",
        basis=Basis(
            "arithmetic",
            "a total's value follows from its written parts; the total is read as their sum wherever it is read",
        ),
        title=Text(zh="合计栏空白而分项已填", en="A total left blank beside written parts"),
        message=Text(
            zh="{label}：空白；其各分项之和为 {expected}",
            en="{label}: left blank; its parts sum to {expected}",
        ),
        outcome="blank_total",
        example="（一）予以公开: 自然人 5, other applicants blank, 总计 blank",
    ),
    Rule(
        code="GD-NOT-ASSESSABLE",
        severity=_I,
        scope="report",
        basis=Basis(
            "arithmetic",
            "a blank on the short side of a relation could hold the difference, so the relation cannot be checked",
        ),
        title=Text(zh="因空白无法核对的关系", en="A relation blank cells leave unchecked"),
        message=Text(
            zh="{label}：{relation} 无法核对，所需单元格空白：{cells}",
            en="{label}: {relation} cannot be checked; it needs the blank cells {cells}",
        ),
        outcome="not_assessable",
        example="（一）予以公开: only 总计 15 written (domain.md §6 #2)",
    ),
    Rule(
        code="GD-ROOT-CAUSE",
        severity=_E,
        scope="report",
        basis=Basis(
            "arithmetic",
            "the one cell whose change makes the most failing sums and balances hold, net of those it would "
            "break; the relations it breaks are its consequences",
        ),
        title=Text(zh="一个单元格导致多项关系不成立", en="One cell breaks several relations"),
        message=Text(
            zh="{label}：填报为 {actual}；若为 {expected}，则以下 {count} 项关系均成立：{relations}",
            en="{label}: reads {actual}; {expected} would make these {count} relations hold: {relations}",
        ),
        outcome="root_cause",
        example="一、本年新收 · 自然人 one too high: its row and the 勾稽 of its column both fail",
    ),
    Rule(
        code="GD-CARRY",
        severity=_W,
        scope="collection",
        basis=Basis(
            "convention",
            "reviewers' convention, not an official rule (domain.md §6 #12): 结转下年度继续办理 of year N is "
            "上年结转 of year N+1; a blank against a number is not judged",
        ),
        example="2019 结转下年度 · 自然人 3, 2020 上年结转 · 自然人 4",
        title=Text(
            zh="上年结转数与上一年度结转下年度数不一致",
            en="Carried over does not match last year's carried forward",
        ),
        message=Text(
            zh="{label}：应等于上一年度报告的结转下年度继续办理数 {expected}，填报为 {actual}",
            en="{label}: should equal last year's carried-forward figure {expected}, but reads {actual}",
        ),
    ),
    Rule(
        code="GD-CHAIN",
        severity=_W,
        scope="collection",
        basis=Basis(
            "convention",
            "reviewers' convention (2019 form): 上一年项目数量 of year N+1 is "
            "year N's 上一年项目数量 plus its 本年增/减",
        ),
        example="2019 行政许可 7 − 0, 2020 上一年项目数量 8",
        title=Text(
            zh="上一年项目数量与上一年度报告不衔接",
            en="Previous year's items do not follow from last year's report",
        ),
        message=Text(
            zh="{label}：应等于上一年度报告的上一年项目数量加本年增/减 {expected}，填报为 {actual}",
            en="{label}: should be last year's items plus last year's change, {expected}, but reads {actual}",
        ),
    ),
    Rule(
        code="GD-DUPLICATE",
        severity=_E,
        scope="collection",
        basis=Basis("regulation", "Art. 49: each agency publishes its 上一年度 annual report, one per agency and year"),
        example="two 2019 reports of 天水市民政局",
        title=Text(zh="同一机关同一年度有多份报告", en="More than one report for the same agency and year"),
        message=Text(
            zh="{actual} 年度已有同一机关的报告：{expected}",
            en="another report for this agency and {actual} was given: {expected}",
        ),
    ),
    Rule(
        code="GD-IN-FORCE-CHAIN",
        severity=_W,
        scope="collection",
        basis=Basis(
            "convention",
            "reviewers' stock-and-flow check (2021 form): 现行有效件数 of year N is year N−1's plus year N's "
            "本年制发件数 less its 本年废止件数. Documents also leave force without being repealed (they lapse "
            "at the end of a 有效期 or are consolidated) and the form counts none of that, so a difference is a "
            "warning; judged only when all four cells are written",
        ),
        example="规章: 2021 现行有效件数 12; 2022 本年制发件数 3, 本年废止件数 1, 现行有效件数 15",
        title=Text(
            zh="现行有效件数与上一年度报告不衔接",
            en="Documents in force do not follow from last year's report",
        ),
        message=Text(
            zh="{label}：上一年度现行有效件数 {previous} 加本年制发件数、减本年废止件数应为 {expected}，"
            "填报为 {actual}",
            en="{label}: last year's {previous} in force, plus issued less repealed, is {expected}; it reads {actual}",
        ),
    ),
    Rule(
        code="GD-JUMP",
        severity=_W,
        scope="collection",
        basis=Basis(
            "convention",
            "plausibility, not a rule: a headline figure (new requests received, the 总计 of reviews and "
            "of lawsuits) more than 10 times the previous year's or less than a tenth of it, the larger "
            "at least 50 (the defaults), is more often a slip (a cumulative figure, another agency's row, "
            "a misplaced digit) than a real change; factor and minimum are settings",
        ),
        example="一、本年新收政府信息公开申请数量 · 总计: 2020 12, 2021 1200",
        title=Text(zh="主要数据较上一年度变化异常", en="A headline figure jumps from last year's"),
        message=Text(
            zh="{label}：填报为 {actual}，上一年度报告为 {expected}，变化超过 {factor} 倍",
            en="{label}: reads {actual} against last year's {expected}, a change of more than {factor} times",
        ),
    ),
    # Legacy (pre-2019) narrative reports: no official form binds their figures, so these are warnings.
    Rule(
        code="GD-LEGACY-MEASURE",
        severity=_I,
        scope="report",
        basis=Basis(
            "interchange", "the legacy vocabulary (LEGACY_MEASURES): a figure outside it is kept with its label"
        ),
        title=Text(zh="旧版报告：统计指标不在词表中", en="Legacy report: a measure outside the vocabulary"),
        message=Text(
            zh="{label}：{actual} {unit}，不在统计指标词表中，按报告原文的名称保留",
            en="{label}: {actual} {unit}, not a measure of the vocabulary, is kept under the report's own name",
        ),
        example='a figure {"measure": "other", "label": "网络诉求", "value": 434, "unit": "件"}',
        check=legacy.unknown_measures,
    ),
    Rule(
        code="GD-LEGACY-RESTATED",
        severity=_W,
        scope="report",
        basis=Basis("convention", "a report states each figure once; two values for one measure cannot both be right"),
        title=Text(zh="旧版报告：同一指标前后数字不一", en="Legacy report: one measure stated with two values"),
        message=Text(
            zh="{label}：{first}为 {expected}，{second}却为 {actual}",
            en="{label}: {first} gives {expected}, but {second} gives {actual}",
        ),
        example="主动公开政府信息733条 in the text and 626 in the 附表",
        check=legacy.restated,
    ),
    Rule(
        code="GD-LEGACY-PARTS",
        severity=_W,
        scope="report",
        basis=Basis(
            "convention",
            "a breakdown counts within its whole (LEGACY_BREAKDOWNS), and makes it up where every part is stated; "
            "no official form binds a narrative report",
        ),
        title=Text(zh="旧版报告：分项与总数不符", en="Legacy report: a breakdown does not fit its whole"),
        message=Text(
            zh="{label}：{parts}合计 {actual}，应{comparison}{whole} {expected}",
            en="{label}: {parts} come to {actual}, which should be {comparison} the {whole} figure of {expected}",
        ),
        example="行政诉讼3件(驳回1件、撤诉3件)",
        check=legacy.parts_within_whole,
    ),
    Rule(
        code="GD-LEGACY-OUTCOMES",
        severity=_W,
        scope="report",
        basis=Basis(
            "convention",
            "2008 Regulation Art. 21 and 24: each request is answered, so a year's answers are no more than its "
            "requests and those carried over; no official form binds a narrative report",
        ),
        title=Text(zh="旧版报告：答复数多于受理申请数", en="Legacy report: more requests answered than received"),
        message=Text(
            zh="{label}：对申请的答复 {actual} 件，多于受理的申请 {expected} 件（{caveat}）",
            en="{label}: {actual} requests answered is more than the {expected} received ({caveat})",
        ),
        example="受理申请3件, 答复5件, no carry-over stated",
        check=legacy.outcomes_within_received,
    ),
    Rule(
        code="GD-WRITTEN-DATE",
        severity=_W,
        scope="report",
        basis=Basis("convention", "a year's report is written after the year ends and published after it is written"),
        title=Text(zh="成文日期与报告年度或发布日期不符", en="Date written does not fit the year or the publication"),
        message=Text(zh="{label}：{actual} 成文，{problem}", en="{label}: written {actual}, {problem}"),
        example="seed 000: a 2014 report signed 2013-12-19",
        check=legacy.written_date,
    ),
)

#: Every built-in rule: the reader's, the report rules, the collection rules, then the import rules.
BUILTIN_RULES: Final = (*_CORE_RULES, *IMPORT_RULES)

for _rule in BUILTIN_RULES:
    register_rule(_rule)
