"""The rules catalogue: every rule's stable code, severity, and what it says.

Codes are stable: once published a code keeps its meaning.  Messages are
templates filled with ``label``, ``expected``, ``actual`` and, where a rule
names them, more values; each has a Chinese and an English form.
docs/rules.md is generated from this table.
"""

from __future__ import annotations

from typing import Final

import attrs

from .._findings import Severity
from ..regulation import Language

__all__ = ["RULES", "Language", "Rule"]


@attrs.frozen(kw_only=True)
class Rule:
    """One rule: *code*, default *severity*, titles and message templates in both languages.

    *basis* says what the rule rests on: the template's own statement, the
    Regulation, arithmetic the form implies, or plausibility.
    """

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    basis: str

    def title(self, language: Language) -> str:
        """The rule's title in *language*."""
        return self.title_zh if language == "zh" else self.title_en

    def message(self, language: Language, **values: object) -> str:
        """The rule's message in *language*, filled with *values*."""
        template = self.message_zh if language == "zh" else self.message_en
        return template.format(**values)


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

_TABLE: Final = (
    Rule(
        code="GD-T3-ROW",
        severity=_E,
        title_zh="表三每行：各类申请人之和等于总计",
        title_en="Table 三, each row: the six applicant columns add up to 总计",
        message_zh="{label}：各类申请人合计为 {expected}，总计栏填报为 {actual}",
        message_en="{label}: the applicant columns add up to {expected}, but 总计 reads {actual}",
        basis="arithmetic of the form: 总计 is the total of the applicant columns",
    ),
    Rule(
        code="GD-T3-COLUMN",
        severity=_E,
        title_zh="表三每列：各项办理结果之和等于（七）总计",
        title_en="Table 三, each column: the outcome rows add up to （七）总计",
        message_zh="{label}：各项办理结果合计为 {expected}，（七）总计填报为 {actual}",
        message_en="{label}: the outcome rows add up to {expected}, but （七）总计 reads {actual}",
        basis="arithmetic of the form: （七）总计 is the total of the outcome rows",
    ),
    Rule(
        code="GD-T3-BALANCE",
        severity=_E,
        title_zh="表三勾稽关系：第一项加第二项之和，等于第三项加第四项之和",
        title_en="Table 三 balance: new requests + carried over = handled + carried forward",
        message_zh="{label}：按勾稽关系应为 {expected}（一＋二－（七）），填报为 {actual}",
        message_en="{label}: the balance requires {expected} (一 + 二 − （七）), but the cell reads {actual}",
        basis="the template's own note: （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    ),
    Rule(
        code="GD-T4-TOTAL",
        severity=_E,
        title_zh="表四：四类结果之和等于总计",
        title_en="Table 四: the four results add up to 总计",
        message_zh="{label}：四类结果合计为 {expected}，总计填报为 {actual}",
        message_en="{label}: the four results add up to {expected}, but 总计 reads {actual}",
        basis="arithmetic of the form: 总计 is the total of the four results",
    ),
    Rule(
        code="GD-T2-ITEMS",
        severity=_E,
        title_zh="表二（2019年格式）：上一年项目数量加本年增/减不得为负",
        title_en="Table 二 (2019 template): previous year's items plus the change is not negative",
        message_zh="{label}：上一年项目数量加本年增/减为 {actual}，不应小于 0",
        message_en="{label}: previous year's items plus the change is {actual}, which is below 0",
        basis="arithmetic: a number of items cannot be negative",
    ),
    Rule(
        code="GD-T2-PUBLISHED",
        severity=_W,
        title_zh="表二（2019年格式）：本年新公开数量不大于对外公开总数量",
        title_en="Table 二 (2019 template): newly published is not more than total published",
        message_zh="{label}：本年新公开数量 {actual} 大于对外公开总数量 {expected}",
        message_en="{label}: {actual} newly published is more than the {expected} published in total",
        basis="plausibility: this year's publications are part of the total",
    ),
    Rule(
        code="GD-T2-IN-FORCE",
        severity=_W,
        title_zh="表二（2021年格式）：本年制发件数不大于现行有效件数与本年废止件数之和",
        title_en="Table 二 (2021 template): issued this year is not more than in force plus repealed",
        message_zh="{label}：本年制发件数 {actual} 大于现行有效件数与本年废止件数之和 {expected}",
        message_en="{label}: {actual} issued this year is more than in force plus repealed ({expected})",
        basis="plausibility: a document issued this year is in force or was repealed",
    ),
    Rule(
        code="GD-T2-UNIT",
        severity=_W,
        title_zh="表二：金额可能以元而非万元填报",
        title_en="Table 二: an amount may be in 元 rather than 万元",
        message_zh="{label}：{actual} 万元异常偏大，可能误以元为单位填报",
        message_en="{label}: {actual} 万元 is implausibly large; it may have been written in 元",
        basis="plausibility: the form asks for 万元; published reports often write 元 (domain.md §6)",
    ),
    Rule(
        code="GD-TEMPLATE-YEAR",
        severity=_E,
        title_zh="报告格式与报告年度不符",
        title_en="The report's template is not the one its year requires",
        message_zh="{year}年度报告应使用{required}，实际使用{given}",
        message_en="a report for {year} must use {required}, not {given}",
        basis="国办公开办函〔2019〕60号 (2019–2020) and 国办公开办函〔2021〕30号 (2021 onwards)",
    ),
    Rule(
        code="GD-BLANK",
        severity=_E,
        title_zh="空白单元格",
        title_en="Blank cells",
        message_zh="{label}：空白，应填写数字（无则填 0）",
        message_en="{label}: left blank where a number belongs (write 0 for none)",
        basis="blank policy strict: each blank cell a relation reads is an error (lenient counts them as 0)",
    ),
    Rule(
        code="GD-BLANK-COUNTED",
        severity=_I,
        title_zh="空白单元格按 0 计算",
        title_en="Blank cells counted as 0",
        message_zh="{actual} 个空白单元格按 0 参与计算",
        message_en="{actual} blank cells were counted as 0",
        basis="blank policy lenient: most portals publish blanks for zero",
    ),
    Rule(
        code="GD-USCC",
        severity=_E,
        title_zh="统一社会信用代码有误",
        title_en="Malformed unified social credit code",
        message_zh="{label}：{actual} 不是有效的统一社会信用代码（{reason}）",
        message_en="{label}: {actual} is not a valid unified social credit code ({reason})",
        basis="GB 32100-2015",
    ),
    Rule(
        code="GD-DEADLINE",
        severity=_W,
        title_zh="报告晚于法定期限公布",
        title_en="Published after the statutory deadline",
        message_zh="{label}：{actual} 公布，晚于{basis_zh}规定的 {expected}",
        message_en="{label}: published {actual}, after the deadline of {expected} ({basis_en})",
        basis="Regulation Art. 49 (departments by 31 January, governments by 31 March); 2008 Regulation Art. 31",
    ),
    Rule(
        code="GD-PUBLISHED-EARLY",
        severity=_W,
        title_zh="报告在报告年度结束前公布",
        title_en="Published before the report year ended",
        message_zh="{label}：{actual} 公布，早于报告年度结束",
        message_en="{label}: published {actual}, before the report year ended",
        basis="plausibility: a year's report describes the whole year",
    ),
    Rule(
        code="GD-CARRY",
        severity=_E,
        title_zh="上年结转数与上一年度结转下年度数不一致",
        title_en="Carried over does not match last year's carried forward",
        message_zh="{label}：应等于上一年度报告的结转下年度继续办理数 {expected}，填报为 {actual}",
        message_en="{label}: should equal last year's carried-forward figure {expected}, but reads {actual}",
        basis="arithmetic across years: what is carried forward is next year's carry-over",
    ),
    Rule(
        code="GD-CHAIN",
        severity=_E,
        title_zh="上一年项目数量与上一年度报告不衔接",
        title_en="Previous year's items do not follow from last year's report",
        message_zh="{label}：应等于上一年度报告的上一年项目数量加本年增/减 {expected}，填报为 {actual}",
        message_en="{label}: should be last year's items plus last year's change, {expected}, but reads {actual}",
        basis="arithmetic across years (2019 template)",
    ),
    Rule(
        code="GD-DUPLICATE",
        severity=_E,
        title_zh="同一机关同一年度有多份报告",
        title_en="More than one report for the same agency and year",
        message_zh="{actual} 年度已有同一机关的报告：{expected}",
        message_en="another report for this agency and {actual} was given: {expected}",
        basis="one annual report per agency and year (Art. 49)",
    ),
)

#: Every rule by code, in catalogue order.
RULES: Final[dict[str, Rule]] = {rule.code: rule for rule in _TABLE}
