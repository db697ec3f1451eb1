"""The findings an import makes: every ``GD-IMPORT-*`` rule, as data.

Each is a ``document`` rule: the importers (:mod:`govdisclosure.importers`)
make its findings while they read a published page, naming the raw text
(``raw``) wherever there is one, so nothing read is lost even when a cell is
left blank.  They are registered with the built-in rules
(:mod:`govdisclosure.rules.catalog`), so they appear in the generated
catalogue beside the report rules.
"""

from __future__ import annotations

from typing import Final

from .._findings import Severity, Text
from .registry import Basis, Rule

__all__ = ["IMPORT_RULES"]

_CONVENTION: Final = Basis("convention", "what the importer reads from a published page, and how sure it is")
_TEMPLATE_TEXT: Final = Basis("template", "the official layout of the template's tables")
_ARITHMETIC: Final = Basis("arithmetic", "the relations between a table's cells")


def _rule(code: str, severity: Severity, basis: Basis, title: Text, message: Text) -> Rule:
    return Rule(
        code=code,
        severity=severity,
        scope="document",
        basis=basis,
        title=title,
        message=message,
        example=_EXAMPLES[code],
    )


#: A page that gives a finding of each rule.
_EXAMPLES: Final = {
    "GD-IMPORT-TEMPLATE": "a page whose table 二 prints 本年制发件数 (read as the 2021 form)",
    "GD-IMPORT-YEAR": "a page titled …2021年度政府信息公开工作年度报告",
    "GD-IMPORT-AGENCY": "a page whose title and sign-off name no agency",
    "GD-IMPORT-PUBLISHED": "a page dated 发布时间: 2022-01-10, or signed 二〇二四年一月二十日",
    "GD-IMPORT-TABLE-MISSING": "a page cut short before table 四",
    "GD-IMPORT-ROW-MISSING": "a page whose table 二 prints no 规章 row",
    "GD-IMPORT-ROW-EXTRA": "a row 其他主动公开文件 | 3 | 2 | 1 under 规章",
    "GD-IMPORT-LABEL-VARIANT": "规范性文件 printed on the 2021 form (行政规范性文件)",
    "GD-IMPORT-LABEL-ANNOTATED": "规章（设区的市、自治州人民政府应提供相关数据）",
    "GD-IMPORT-LABEL-APPROXIMATE": "属于国家秘密 printed without its 1.",
    "GD-IMPORT-NOT-APPLICABLE": "a cell printed / or 不适用",
    "GD-IMPORT-CONVERTED": "a cell printed +2, 3件, 1,234 or １２",
    "GD-IMPORT-MONEY-YUAN": "采购总金额 printed 251000元",
    "GD-IMPORT-UNREADABLE": "a count printed 007 or 约30",
    "GD-IMPORT-SPLIT-LEXICAL": "规章000 under three columns (0 | 0 | 0)",
    "GD-IMPORT-SPLIT-PROVED": "a row whose run-together digits only one way make the row total hold",
    "GD-IMPORT-PLACEMENT-PROVED": "（七）总计 2 1 3 under seven columns, placed by the column sums",
    "GD-IMPORT-AMBIGUOUS": "行政许可8801 under three columns (8 | 80 | 1 or 88 | 0 | 1)",
    "GD-IMPORT-TOO-MANY": "a row of table 二 printing four numbers under three columns",
}


#: The rules of what an import read or guessed, in the order the importers meet them.
IMPORT_RULES: Final = (
    _rule(
        "GD-IMPORT-TEMPLATE",
        Severity.INFO,
        _TEMPLATE_TEXT,
        Text(zh="由表格用语判定模板", en="Template told by the tables' wording"),
        Text(zh="按{evidence}判定为{actual}年模板", en="read as the {actual} template from {evidence}"),
    ),
    _rule(
        "GD-IMPORT-YEAR",
        Severity.INFO,
        _CONVENTION,
        Text(zh="报告年度的来源", en="Where the report year was read"),
        Text(zh="报告年度{actual}取自{evidence}", en="report year {actual} read from {evidence}"),
    ),
    _rule(
        "GD-IMPORT-AGENCY",
        Severity.WARNING,
        _CONVENTION,
        Text(zh="未找到机关名称", en="No agency name found"),
        Text(
            zh="页面标题和落款中没有机关名称，机关名称记为“{actual}”",
            en="neither the title nor the sign-off names the agency; recorded as {actual!r}",
        ),
    ),
    _rule(
        "GD-IMPORT-PUBLISHED",
        Severity.INFO,
        _CONVENTION,
        Text(zh="发布日期的来源", en="Where the publication date was read"),
        Text(
            zh="发布日期{actual}取自{evidence}（原文“{raw}”）",
            en="publication date {actual} read from {evidence} ({raw!r})",
        ),
    ),
    _rule(
        "GD-IMPORT-TABLE-MISSING",
        Severity.WARNING,
        _TEMPLATE_TEXT,
        Text(zh="缺少表格", en="Table missing"),
        Text(zh="页面中没有“{label}”表，其单元格留空", en="the page has no table {label!r}; its cells are left blank"),
    ),
    _rule(
        "GD-IMPORT-ROW-MISSING",
        Severity.WARNING,
        _TEMPLATE_TEXT,
        Text(zh="缺少表格行", en="Row missing"),
        Text(zh="页面中没有“{label}”行，其单元格留空", en="the page has no row {label!r}; its cells are left blank"),
    ),
    _rule(
        "GD-IMPORT-ROW-EXTRA",
        Severity.WARNING,
        _TEMPLATE_TEXT,
        Text(zh="模板之外的行", en="Row the template does not have"),
        Text(
            zh="“{raw}”不是模板的行，保存在 extensions 中",
            en="{raw!r} is no row of the template; kept in extensions",
        ),
    ),
    _rule(
        "GD-IMPORT-LABEL-VARIANT",
        Severity.INFO,
        _TEMPLATE_TEXT,
        Text(zh="标签为已知异文", en="Label in a known variant wording"),
        Text(zh="“{raw}”按已知异文读作“{label}”", en="{raw!r} read as {label!r}, a known variant"),
    ),
    _rule(
        "GD-IMPORT-LABEL-ANNOTATED",
        Severity.INFO,
        _TEMPLATE_TEXT,
        Text(zh="标签附有注释", en="Label with an annotation"),
        Text(zh="“{label}”后附注释“{raw}”", en="{label!r} is followed by the annotation {raw!r}"),
    ),
    _rule(
        "GD-IMPORT-LABEL-APPROXIMATE",
        Severity.WARNING,
        _TEMPLATE_TEXT,
        Text(zh="标签近似匹配", en="Label matched approximately"),
        Text(zh="“{raw}”缺少序号，近似读作“{label}”", en="{raw!r} lacks its numbering; read as {label!r}"),
    ),
    _rule(
        "GD-IMPORT-NOT-APPLICABLE",
        Severity.INFO,
        _CONVENTION,
        Text(zh="不适用标记读作空白", en="Not-applicable mark read as blank"),
        Text(zh="{label}：“{raw}”读作空白", en="{label}: {raw!r} read as blank"),
    ),
    _rule(
        "GD-IMPORT-CONVERTED",
        Severity.INFO,
        _CONVENTION,
        Text(zh="单元格文字已换算", en="Cell text converted"),
        Text(zh="{label}：“{raw}”读作 {actual}（{evidence}）", en="{label}: {raw!r} read as {actual} ({evidence})"),
    ),
    _rule(
        "GD-IMPORT-MONEY-YUAN",
        Severity.WARNING,
        _CONVENTION,
        Text(zh="以元填写的金额已换算为万元", en="Amount in yuan converted to ten thousands of yuan"),
        Text(
            zh="{label}：“{raw}”以元填写，换算为 {actual} 万元",
            en="{label}: {raw!r} is in yuan; converted to {actual} (ten thousands of yuan)",
        ),
    ),
    _rule(
        "GD-IMPORT-UNREADABLE",
        Severity.WARNING,
        _CONVENTION,
        Text(zh="单元格无法读取", en="Cell not readable"),
        Text(zh="{label}：“{raw}”不是数值，留空", en="{label}: {raw!r} is not a value; left blank"),
    ),
    _rule(
        "GD-IMPORT-SPLIT-LEXICAL",
        Severity.INFO,
        _CONVENTION,
        Text(zh="连写数字按列数唯一拆分", en="Run-together digits split the one way the columns allow"),
        Text(
            zh="“{raw}”连写于{columns}列，只有 {actual} 一种拆法不含前导零",
            en="{raw!r} ran together over {columns} columns; {actual} is the only split without leading zeros",
        ),
    ),
    _rule(
        "GD-IMPORT-SPLIT-PROVED",
        Severity.WARNING,
        _ARITHMETIC,
        Text(zh="连写数字经表内关系确定", en="Run-together digits settled by the table's relations"),
        Text(
            zh="“{raw}”的拆法中只有 {actual} 使{evidence}成立（候选：{candidates}）",
            en="of the splits of {raw!r} only {actual} makes {evidence} hold (candidates: {candidates})",
        ),
    ),
    _rule(
        "GD-IMPORT-PLACEMENT-PROVED",
        Severity.WARNING,
        _ARITHMETIC,
        Text(zh="数值所在列经表内关系确定", en="Column of a value settled by the table's relations"),
        Text(
            zh="“{raw}”少于{columns}列，只有 {actual} 的排法使{evidence}成立（候选：{candidates}）",
            en="{raw!r} fills fewer than {columns} columns; only {actual} makes {evidence} hold"
            " (candidates: {candidates})",
        ),
    ),
    _rule(
        "GD-IMPORT-AMBIGUOUS",
        Severity.WARNING,
        _ARITHMETIC,
        Text(zh="无法确定单元格的数值", en="Cells that cannot be settled"),
        Text(
            zh="“{raw}”在{columns}列中有多种读法（{candidates}），表内关系无法确定，留空",
            en="{raw!r} over {columns} columns reads several ways ({candidates}) and no relation tells; left blank",
        ),
    ),
    _rule(
        "GD-IMPORT-TOO-MANY",
        Severity.WARNING,
        _TEMPLATE_TEXT,
        Text(zh="数值多于列数", en="More values than columns"),
        Text(zh="“{raw}”多于{columns}列，留空", en="{raw!r} holds more values than the {columns} columns; left blank"),
    ),
)
