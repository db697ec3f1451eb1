"""A report's tables printed in the official layout, as a CMS or Word export would publish them (test support).

:func:`page_html` prints every table of :data:`~govdisclosure.regulation.LAYOUTS`
with its header rows, spans and row labels, inside a portal page (menus,
narrative between the tables, a sign-off); :func:`page_text` prints the same
as pipe tables.  *perturb* applies what published pages do to the same
tables: labels split over spans and lines, Word markup, half-width brackets,
``&nbsp;`` in blank cells.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from govdisclosure.codecs.data import to_data
from govdisclosure.model import AnnualReport2019, AnnualReport2021
from govdisclosure.regulation import LAYOUTS
from govdisclosure.regulation.layout import HeaderCell, TableLayout

Report = AnnualReport2019 | AnnualReport2021
AGENCY = "平潭综合实验区测试局"
SECTIONS = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")


def _value(data: dict[str, Any], pointer: str) -> str:
    node: Any = data
    for key in pointer.split("/")[1:]:
        node = node[key]
    if node is None:
        return ""
    if isinstance(node, Decimal):
        return format(node, "f")
    return str(node)


def _label(text: str, perturb: bool) -> str:
    if not perturb:
        return html.escape(text)
    half = text.translate(str.maketrans("（）：，", "():,"))
    middle = len(half) // 2
    return (
        f'<span style="font-size: 10pt;">{html.escape(half[:middle])}</span>'
        f'<span style="font-family: 仿宋_GB2312;">{html.escape(half[middle:])}</span><o:p></o:p>'
    )


def _td(cell: HeaderCell, perturb: bool) -> str:
    spans = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
        f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
    )
    inner = _label(cell.text, perturb)
    if perturb:
        inner = f'<p class="MsoNormal" align="center">{inner}</p>'
    return f"<td{spans}>{inner}</td>"


def _value_td(text: str, perturb: bool) -> str:
    if not text:
        return "<td>&nbsp;</td>" if perturb else "<td></td>"
    if perturb:
        span = f'<span style="font-size: 10pt;"><font face="Calibri">{text}</font></span>'
        return f'<td valign="center"><p class="MsoNormal">{span}</p></td>'
    return f"<td>{text}</td>"


def table_html(table: TableLayout, data: dict[str, Any], *, perturb: bool = False, split: bool = False) -> str:
    """*table* as HTML; with *split*, each block its own ``<table>``."""
    parts = ["<table border=1>"]
    for index, block in enumerate(table.blocks):
        if split and index:
            parts.append("</table><p>&nbsp;</p><table border=1>")
        if block.title is not None:
            parts.append(f"<tr>{_td(block.title, perturb)}</tr>")
        for number, header in enumerate(block.header):
            corner = _td(block.corner, perturb) if number == 0 and block.corner is not None else ""
            parts.append("<tr>" + corner + "".join(_td(cell, perturb) for cell in header) + "</tr>")
        for row in block.rows:
            labels = "".join(_td(cell, perturb) for cell in row.labels)
            values = "".join(_value_td(_value(data, pointer), perturb) for pointer in row.pointers)
            parts.append(f"<tr>{labels}{values}</tr>")
    parts.append("</table>")
    return "".join(parts)


def page_html(report: Report, *, perturb: bool = False, split: bool = False) -> str:
    """A portal page around *report*'s tables, narrative between them."""
    data = to_data(report)
    layout = LAYOUTS[report.template.key]
    title = f"{AGENCY}{report.year}年政府信息公开工作年度报告"
    body = [
        f"<html><head><title>{title}_政府信息公开年报</title>",
        '<meta name="PubDate" content="2024-01-20 09:00"></head><body>',
        '<div class="header"><ul><li><a href="/">首页</a></li><li>政务公开</li><li>行政许可</li></ul></div>',
        f'<div class="article_title">{title}</div><div class="article_content">',
        "<p>一、总体情况</p><p>本年共受理行政许可57项，规章0件。</p>",
    ]
    for section, table in zip(SECTIONS, layout.tables, strict=True):
        body.append(f"<p>{section}</p>")
        body.append(table_html(table, data, perturb=perturb, split=split))
    body.append("<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p>")
    body.append(f'<p style="text-align:right">{AGENCY}</p><p style="text-align:right">二〇二四年一月二十日</p>')
    body.append('</div><div class="footer">版权所有 网站标识码3590000001</div></body></html>')
    return "".join(body)


def table_text(table: TableLayout, data: dict[str, Any], *, perturb: bool = False) -> str:
    """*table* as a pipe table: a row a line, a label spanning rows printed on its first row only."""
    lines = []
    shown = _perturbed if perturb else str
    for block in table.blocks:
        if block.title is not None:
            lines.append(f"| {shown(block.title.text)} |")
        for number, header in enumerate(block.header):
            corner = [shown(block.corner.text)] if number == 0 and block.corner is not None else []
            lines.append("| " + " | ".join([*corner, *(shown(cell.text) for cell in header)]) + " |")
        for row in block.rows:
            cells = [shown(cell.text) for cell in row.labels] + [
                _value(data, pointer) or " " for pointer in row.pointers
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _perturbed(text: str) -> str:
    """*text* as scrapers and copies give it: half-width brackets and colons, a space inside the label."""
    half = text.translate(str.maketrans("（）：，", "():,"))
    middle = len(half) // 2
    return half[:middle] + " " + half[middle:] if len(half) > 3 else half


def page_text(report: Report, *, perturb: bool = False) -> str:
    """*report*'s tables as copied text: a title, pipe tables with narrative between them, a sign-off."""
    data = to_data(report)
    layout = LAYOUTS[report.template.key]
    lines = [f"{AGENCY}{report.year}年政府信息公开工作年度报告", "一、总体情况", "本年共受理行政许可57项。"]
    for section, table in zip(SECTIONS, layout.tables, strict=True):
        lines.extend([section, table_text(table, data, perturb=perturb)])
    lines.extend(["五、存在的主要问题及改进情况", "无。", AGENCY, "2024年1月20日"])
    return "\n".join(lines)
