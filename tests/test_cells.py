"""Iterating over a report's cells with their pointers and official labels."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import govdisclosure as gd
from govdisclosure.codecs.json import to_data
from govdisclosure.strategies import reports

AGENCY = gd.Agency(name="某某局")


def resolve(data: object, pointer: str) -> object:
    """The value at a JSON Pointer in plain data."""
    for token in pointer.split("/")[1:]:
        assert isinstance(data, dict)
        data = data[token]
    return data


@pytest.mark.parametrize(
    ("report", "count"),
    [
        (gd.AnnualReport2019(year=2019, agency=AGENCY), 22 + 23 * 7 + 15),
        (gd.AnnualReport2021(year=2021, agency=AGENCY), 10 + 25 * 7 + 15),
        (gd.LegacyReport(year=2015, agency=AGENCY), 0),
    ],
)
def test_every_cell_once(report: gd.AnnualReport, count: int) -> None:
    """Each template yields each of its cells exactly once; a legacy report has none."""
    pointers = [cell.pointer for cell in gd.iter_cells(report)]
    assert len(pointers) == count
    assert len(set(pointers)) == count


@given(reports(consistent=False))
def test_cells_point_at_their_values(report: gd.AnnualReport) -> None:
    """A cell's pointer finds its value in the report's JSON, money as its decimal string."""
    data = json.loads(gd.dumps(report))
    for cell in gd.iter_cells(report):
        expected = cell.value if cell.value is None or isinstance(cell.value, int) else format(cell.value, "f")
        assert resolve(data, cell.pointer) == expected
    assert to_data(report) == data


@pytest.mark.parametrize(
    ("pointer", "zh", "en"),
    [
        (
            "/requests/outcomes/withheld/state_secret/total",
            "三、本年度办理结果（三）不予公开 1.属于国家秘密 · 总计",
            "Outcomes this year › Not disclosed › State secret · Total",
        ),
        (
            "/requests/received/commercial",
            "一、本年新收政府信息公开申请数量 · 法人或其他组织 商业企业",
            "New requests received this year · Commercial enterprises",
        ),
        (
            "/requests/outcomes/other/unpaid_fee/natural_person",
            "三、本年度办理结果（六）其他处理 "
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 自然人",
            "Outcomes this year › Other handling › Applicant did not pay the fee in time; no longer processed · "
            "Natural persons",
        ),
        (
            "/proactive/fees/amount",
            "行政事业性收费 · 本年收费金额（单位：万元）",
            "Administrative fees · Fees collected this year",
        ),
        (
            "/review_litigation/litigation_direct/total",
            "行政诉讼 未经复议直接起诉 · 总计",
            "Litigation without prior review · Total",
        ),
    ],
)
def test_labels(pointer: str, zh: str, en: str) -> None:
    """Labels name the cell as the form prints it, in Chinese or English."""
    cells = {cell.pointer: cell for cell in gd.iter_cells(gd.AnnualReport2021(year=2021, agency=AGENCY))}
    assert cells[pointer].label() == zh
    assert cells[pointer].label("en") == en


@pytest.mark.parametrize(
    "report", [gd.AnnualReport2019(year=2019, agency=AGENCY), gd.AnnualReport2021(year=2021, agency=AGENCY)]
)
def test_cells_are_the_printed_layout(report: gd.AnnualReport) -> None:
    """The cells of a report are the value cells of its template's printed layout, in the same order."""
    from govdisclosure.regulation import LAYOUTS

    layout = LAYOUTS[report.template.key]
    assert [cell.pointer for cell in gd.iter_cells(report)] == [pointer for pointer, _, _ in layout.cells()]


@pytest.mark.parametrize(
    "report", [gd.AnnualReport2019(year=2019, agency=AGENCY), gd.AnnualReport2021(year=2021, agency=AGENCY)]
)
def test_cell_label_reads_back_through_the_label_index(report: gd.AnnualReport) -> None:
    """A cell's official Chinese name finds the cell in the label index; its labels are the name's parts."""
    from govdisclosure.regulation import LABELS

    index = LABELS[report.template.key]
    for cell in gd.iter_cells(report):
        assert index.pointer_of(cell.label("zh")) == cell.pointer
        assert index.labels(cell.pointer)[-1] == cell.column.zh
