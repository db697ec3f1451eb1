"""Rules across the reports of one agency: carry-over (GD-CARRY), the 2019 item chain (GD-CHAIN), the 2021
in-force chain (GD-IN-FORCE-CHAIN), jumps (GD-JUMP), duplicates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.model import RequestRow
from govdisclosure.regulation import APPLICANTS
from govdisclosure.rules import Finding, Severity
from govdisclosure.rules.collection import (
    JUMP_CELLS,
    JUMP_FACTOR,
    JUMP_MINIMUM,
    CollectionChecker,
    agency_key,
    iter_collection_findings,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TIANSHUI = gd.load(EXAMPLES / "2019-tianshui-civil-affairs.json")
REPORT_2021 = gd.load(EXAMPLES / "2021-report.json")

COLUMNS = list(APPLICANTS)
ITEM_ROWS = ["licensing", "other_services", "penalties", "coercion", "fees"]
DOCUMENT_ROWS = ["rules", "normative_documents"]

#: What 2019 carries forward, and so what 2020 must carry over: written values, a zero and a blank.
FORWARD_2019 = RequestRow(
    natural_person=3, commercial=1, research=0, public_interest=None, legal_services=2, other_org=0, total=6
)
#: What 2020 carries forward into 2021.
FORWARD_2020 = RequestRow(
    natural_person=4, commercial=None, research=0, public_interest=0, legal_services=1, other_org=None, total=5
)


def with_requests(report: Any, **rows: RequestRow) -> Any:
    """*report* with rows of table 三 replaced."""
    return attrs.evolve(report, requests=attrs.evolve(report.requests, **rows))


def with_item(report: Any, row: str, **cells: int | None) -> Any:
    """*report* with cells of one row of table 二 (2019 template) replaced."""
    proactive = report.proactive
    changed = attrs.evolve(getattr(proactive, row), **cells)
    return attrs.evolve(report, proactive=attrs.evolve(proactive, **{row: changed}))


def next_items(report: Any) -> Any:
    """Table 二 of the following year under the 2019 template: each 上一年项目数量 follows on."""
    proactive = report.proactive
    rows = {}
    for name in ITEM_ROWS:
        row = getattr(proactive, name)
        rows[name] = attrs.evolve(row, previous_year=(row.previous_year or 0) + (row.change or 0), change=0)
    return attrs.evolve(proactive, **rows)


def chain() -> tuple[Any, Any, Any]:
    """Three consecutive reports of 天水市民政局, 2019–2021, that follow on without a finding."""
    y2019 = with_requests(attrs.evolve(TIANSHUI, published=None), carried_forward=FORWARD_2019)
    y2020 = attrs.evolve(y2019, year=2020, proactive=next_items(y2019))
    y2020 = with_requests(y2020, carried_over=FORWARD_2019, carried_forward=FORWARD_2020)
    y2021 = attrs.evolve(REPORT_2021, agency=TIANSHUI.agency, published=None)
    y2021 = with_requests(y2021, carried_over=FORWARD_2020)
    return y2019, y2020, y2021


def findings(reports: Iterable[Any], lang: Any = "zh", **settings: Any) -> list[tuple[Any, Finding]]:
    """Every (report, finding) pair of a collection."""
    return list(iter_collection_findings(reports, lang=lang, **settings))


def following_2021(report: Any) -> Any:
    """*report*'s next year under the 2021 template, following on: it carries over what *report* carried
    forward, and its 现行有效件数 stand (none issued, none repealed)."""
    rows = {name: attrs.evolve(getattr(report.proactive, name), issued=0, repealed=0) for name in DOCUMENT_ROWS}
    report = with_requests(report, carried_over=report.requests.carried_forward)
    return attrs.evolve(report, year=report.year + 1, proactive=attrs.evolve(report.proactive, **rows))


def with_row_cell(row: RequestRow, column: str, value: int | None) -> RequestRow:
    """*row* with one column changed."""
    return attrs.evolve(row, **{column: value})


def test_chain_is_clean() -> None:
    """The base chain has no finding, in any language, so every finding below comes from the change made."""
    assert findings(chain()) == []
    assert findings(chain(), lang="en") == []
    assert findings([]) == []


# ------------------------------------------------------------------ GD-CARRY


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("pair", ["2019-2020", "2020-2021"])
def test_carry_mismatch(column: str, pair: str) -> None:
    """A mismatch in one column gives one GD-CARRY error on the later report, at that column of carried_over."""
    y2019, y2020, y2021 = chain()
    earlier, later = (y2019, y2020) if pair == "2019-2020" else (y2020, y2021)
    if getattr(earlier.requests.carried_forward, column) is None:
        # A blank against a number is not judged (issue 11): the earlier year writes its 0.
        forward_row = with_row_cell(earlier.requests.carried_forward, column, 0)
        written = with_requests(earlier, carried_forward=forward_row)
        y2019, y2020 = (written, y2020) if earlier is y2019 else (y2019, written)
        earlier = written
    forward = getattr(earlier.requests.carried_forward, column)
    wrong = (forward or 0) + 1
    later = with_requests(later, carried_over=with_row_cell(later.requests.carried_over, column, wrong))
    reports = [y2019, y2020, y2021]
    reports[reports.index(earlier) + 1] = later
    found = findings(reports)
    assert len(found) == 1
    ((report, finding),) = found
    assert report is later
    assert finding.code == "GD-CARRY"
    assert finding.severity is Severity.WARNING
    assert finding.path == f"/requests/carried_over/{column}"
    assert finding.expected == forward
    assert finding.actual == wrong
    assert finding.label.startswith("二、上年结转政府信息公开申请数量")
    assert str(wrong) in finding.message


@pytest.mark.parametrize(
    ("forward", "over"),
    [(None, None), (None, 0), (0, None), (0, 0), (7, 7)],
)
@pytest.mark.parametrize("column", COLUMNS)
def test_carry_match(column: str, forward: int | None, over: int | None) -> None:
    """Equal cells, both blank, or blank against 0 (the lenient reading) give no finding."""
    y2019, y2020, _ = chain()
    y2019 = with_requests(y2019, carried_forward=with_row_cell(FORWARD_2019, column, forward))
    y2020 = with_requests(y2020, carried_over=with_row_cell(FORWARD_2019, column, over))
    assert findings([y2019, y2020]) == []


@pytest.mark.parametrize(("forward", "over"), [(None, 2), (2, None)])
def test_carry_blank_against_number(forward: int | None, over: int | None) -> None:
    """A blank against a number is not judged: a blank says nothing of what was carried (issue 11)."""
    y2019, y2020, _ = chain()
    y2019 = with_requests(y2019, carried_forward=with_row_cell(FORWARD_2019, "research", forward))
    y2020 = with_requests(y2020, carried_over=with_row_cell(FORWARD_2019, "research", over))
    assert findings([y2019, y2020]) == []


def test_carry_written_zero_against_number() -> None:
    """A written 0 against a number is a mismatch, a warning on the later report."""
    y2019, y2020, _ = chain()
    y2019 = with_requests(y2019, carried_forward=with_row_cell(FORWARD_2019, "research", 0))
    y2020 = with_requests(y2020, carried_over=with_row_cell(FORWARD_2019, "research", 1))
    ((report, finding),) = findings([y2019, y2020])
    assert report is y2020
    assert (finding.code, finding.severity, finding.path, finding.expected, finding.actual) == (
        "GD-CARRY",
        Severity.WARNING,
        "/requests/carried_over/research",
        0,
        1,
    )


def test_carry_every_column_at_once() -> None:
    """Every column that differs gets its own finding, in column order."""
    y2019, y2020, _ = chain()
    y2020 = with_requests(y2020, carried_over=RequestRow(**dict.fromkeys(COLUMNS, 50)))
    found = findings([y2019, y2020])
    # The blank public_interest is not judged against 50 (issue 11).
    written = [column for column in COLUMNS if getattr(FORWARD_2019, column) is not None]
    assert [f.path for _, f in found] == [f"/requests/carried_over/{column}" for column in written]
    assert [f.expected for _, f in found] == [getattr(FORWARD_2019, column) for column in written]


def test_carry_needs_consecutive_years() -> None:
    """Reports two years apart are not compared."""
    y2019, y2020, y2021 = chain()
    y2021 = with_requests(y2021, carried_over=with_row_cell(FORWARD_2020, "natural_person", 40))
    assert findings([y2019, y2021]) == []
    (pair,) = findings([y2019, y2020, y2021])
    assert pair[0] is y2021


def _broken_collection() -> list[Any]:
    """Two agencies' reports over three years, with a carry, a chain and a duplicate problem."""
    y2019, y2020, y2021 = chain()
    y2020 = with_requests(y2020, carried_over=with_row_cell(FORWARD_2019, "total", 1))
    y2020 = with_item(y2020, "penalties", previous_year=99)
    y2021 = with_requests(y2021, carried_over=with_row_cell(FORWARD_2020, "natural_person", 9))
    other = gd.Agency(name="重庆市民政局", uscc="115000000092759914", kind="department")
    o2021: Any = attrs.evolve(REPORT_2021, published=None, agency=other)
    o2022 = following_2021(o2021)
    o2022 = with_requests(o2022, carried_over=with_row_cell(o2021.requests.carried_forward, "total", 3))
    o2022_again = attrs.evolve(o2022, published=None, narrative=None)
    return [y2019, y2020, y2021, o2021, o2022, o2022_again]


def _summary(pairs: list[tuple[Any, Finding]]) -> Counter[tuple[str, int, Finding]]:
    return Counter((agency_key(report), report.year, finding) for report, finding in pairs)


def test_broken_collection_findings() -> None:
    """The broken collection has the carry, chain and duplicate findings it was built with."""
    found = _summary(findings(_broken_collection()))
    codes = Counter(finding.code for (_, _, finding) in found.elements())
    assert codes == {"GD-CARRY": 3, "GD-CHAIN": 1, "GD-DUPLICATE": 1}


@given(order=st.permutations(range(6)))
def test_any_order(order: list[int]) -> None:
    """The reports may come in any order: the findings, and which report each is about, are the same."""
    reports = _broken_collection()
    expected = _summary(findings(reports))
    shuffled = [reports[index] for index in order]
    assert _summary(findings(shuffled)) == expected


def test_iterable_input() -> None:
    """A generator of reports is read once and gives the same findings as a list."""
    reports = _broken_collection()
    assert _summary(findings(report for report in reports)) == _summary(findings(reports))


# ------------------------------------------------------------------ grouping


def _renamed(report: Any, **agency: Any) -> Any:
    return attrs.evolve(report, agency=attrs.evolve(report.agency, **agency))


def _mismatched_pair() -> tuple[Any, Any]:
    y2019, y2020, _ = chain()
    return y2019, with_requests(y2020, carried_over=with_row_cell(FORWARD_2019, "total", 60))


def test_grouped_by_uscc_across_renaming() -> None:
    """An agency renamed between years, with the same USCC, is still one agency."""
    y2019, y2020 = _mismatched_pair()
    y2019 = _renamed(y2019, uscc="115000000092759914", name="天水市民政局")
    y2020 = _renamed(y2020, uscc="115000000092759914", name="天水市民政和社会事务局")
    ((report, finding),) = findings([y2019, y2020])
    assert report is y2020
    assert finding.code == "GD-CARRY"


def test_different_uscc_same_name() -> None:
    """Two agencies that share a name but not a USCC are not compared."""
    y2019, y2020 = _mismatched_pair()
    y2019 = _renamed(y2019, uscc="115000000092759914")
    y2020 = _renamed(y2020, uscc="11620500MB1234567D")
    assert findings([y2019, y2020]) == []


def test_grouped_by_name_without_uscc() -> None:
    """Without a USCC, reports with the same name are one agency, different names two."""
    y2019, y2020 = _mismatched_pair()
    assert y2019.agency.uscc is None
    assert [f.code for _, f in findings([y2019, y2020])] == ["GD-CARRY"]
    assert findings([y2019, _renamed(y2020, name="天水市民政和社会事务局")]) == []


@pytest.mark.parametrize(
    "written",
    ["１１５０００００００９２７５９９１４", "11500000 0092759914"],
    ids=["full-width", "spaced"],
)
def test_grouped_by_uscc_as_checked(written: str) -> None:
    """The same USCC written full-width or with a space groups with its plain form, as the USCC rule reads it."""
    y2019, y2020 = _mismatched_pair()
    y2019 = _renamed(y2019, uscc="115000000092759914")
    y2020 = _renamed(y2020, uscc=written)
    assert [f.code for f in gd.iter_findings(y2020) if f.code == "GD-USCC"] == []
    assert [f.code for _, f in findings([y2019, y2020])] == ["GD-CARRY"]


# ------------------------------------------------------------------ GD-CHAIN


@pytest.mark.parametrize(("previous", "change"), [(5, 2), (6, -5), (0, 3), (0, 0)])
@pytest.mark.parametrize("row", ITEM_ROWS)
def test_chain_follows(row: str, previous: int, change: int) -> None:
    """2020's 上一年项目数量 equal to 2019's plus its change is no finding; one more is one GD-CHAIN."""
    y2019, y2020, _ = chain()
    y2019 = with_item(y2019, row, previous_year=previous, change=change)
    expected = previous + change
    assert findings([y2019, with_item(y2020, row, previous_year=expected)]) == []
    wrong = with_item(y2020, row, previous_year=expected + 1)
    ((report, finding),) = findings([y2019, wrong])
    assert report is wrong
    assert finding.code == "GD-CHAIN"
    assert finding.severity is Severity.WARNING
    assert finding.path == f"/proactive/{row}/previous_year"
    assert finding.expected == expected
    assert finding.actual == expected + 1
    assert "上一年项目数量" in finding.label


@pytest.mark.parametrize("row", ITEM_ROWS)
def test_chain_blank_row(row: str) -> None:
    """A 2019 row left entirely blank says nothing about 2020's count."""
    y2019, y2020, _ = chain()
    y2019 = with_item(y2019, row, previous_year=None, change=None)
    assert findings([y2019, with_item(y2020, row, previous_year=12)]) == []


@pytest.mark.parametrize(("previous", "change", "now"), [(4, None, 5), (None, 3, 4), (3, 1, None), (None, None, 12)])
@pytest.mark.parametrize("row", ITEM_ROWS)
def test_chain_not_judged_over_blanks(row: str, previous: int | None, change: int | None, now: int | None) -> None:
    """A blank in the chain (last year's count or change, or this year's count) leaves it unknown: no finding.

    (Issue 11: a blank is a count nobody wrote down, not a zero; the chain is
    a reviewers' convention, judged only where all three cells are written.)
    """
    y2019, y2020, _ = chain()
    y2019 = with_item(y2019, row, previous_year=previous, change=change)
    assert findings([y2019, with_item(y2020, row, previous_year=now)]) == []


def test_chain_every_row() -> None:
    """Each broken row gets its own finding, in the order of the form."""
    y2019, y2020, _ = chain()
    y2019 = with_item(y2019, "fees", previous_year=2, change=1)
    for row in ITEM_ROWS:
        y2020 = with_item(y2020, row, previous_year=100)
    assert [f.path for _, f in findings([y2019, y2020])] == [f"/proactive/{row}/previous_year" for row in ITEM_ROWS]


def test_no_chain_into_2021() -> None:
    """The 2021 template has no 上一年项目数量: between 2020 and 2021 only the carry-over is compared."""
    _, y2020, y2021 = chain()
    for row in ITEM_ROWS:
        y2020 = with_item(y2020, row, previous_year=30, change=7)
    assert findings([y2020, y2021]) == []
    y2021 = with_requests(y2021, carried_over=RequestRow(total=8))
    assert {f.code for _, f in findings([y2020, y2021])} == {"GD-CARRY"}


# ------------------------------------------------------------------ legacy reports


def _legacy(year: int, agency: gd.Agency) -> gd.LegacyReport:
    return gd.LegacyReport(year=year, agency=agency)


def test_legacy_skipped() -> None:
    """A legacy report has no table 三: no carry-over is checked into or out of it."""
    y2019, _, _ = chain()
    y2019 = with_requests(y2019, carried_over=RequestRow(natural_person=5, total=5))
    assert findings([_legacy(2018, y2019.agency), y2019]) == []
    assert findings([_legacy(2017, y2019.agency), _legacy(2018, y2019.agency)]) == []
    assert findings([y2019, _legacy(2020, y2019.agency)]) == []


def test_legacy_duplicate() -> None:
    """Two legacy reports for the same year are still a duplicate."""
    agency = TIANSHUI.agency
    first, second = _legacy(2016, agency), _legacy(2016, attrs.evolve(agency, parent=None))
    ((report, finding),) = findings([first, second])
    assert report is second
    assert finding.code == "GD-DUPLICATE"


# ------------------------------------------------------------------ GD-DUPLICATE


def test_general_office_report_is_not_a_duplicate_of_the_government_report() -> None:
    """A 办公厅's own report and the government's report it publishes may share a code and a year."""
    y2019, _, _ = chain()
    government = _renamed(y2019, name="某市人民政府", kind="government", uscc="115000000092759914")
    office = _renamed(government, name="某市人民政府办公厅", kind="general_office")
    assert findings([government, office]) == []
    (_, again), *_ = findings([government, office, office])
    assert again.code == "GD-DUPLICATE"


def test_duplicate() -> None:
    """A second report for the same agency and year gets one GD-DUPLICATE error, on the second."""
    y2019, y2020, _ = chain()
    second = attrs.evolve(y2020, published=None, narrative=None)
    found = findings([y2019, y2020, second])
    ((report, finding),) = found
    assert report is second
    assert finding.code == "GD-DUPLICATE"
    assert finding.severity is Severity.ERROR
    assert finding.path == ""
    assert finding.label == ""
    assert finding.expected == y2020.agency.name
    assert finding.actual == 2020
    assert "2020" in finding.message
    assert y2020.agency.name in finding.message


def test_duplicate_three() -> None:
    """A third report for the year gets its own finding."""
    y2019, _, _ = chain()
    copies = [attrs.evolve(y2019, extensions={"copy": n}) for n in range(2)]
    found = findings([y2019, *copies])
    assert [report for report, _ in found] == copies
    assert {finding.code for _, finding in found} == {"GD-DUPLICATE"}


def test_duplicate_by_uscc() -> None:
    """Two names with one USCC in the same year are a duplicate, naming the first report's agency."""
    y2019, _, _ = chain()
    first = _renamed(y2019, uscc="115000000092759914")
    second = _renamed(y2019, uscc="115000000092759914", name="天水市民政和社会事务局")
    ((report, finding),) = findings([first, second])
    assert report is second
    assert finding.expected == "天水市民政局"


def test_different_agencies_same_year() -> None:
    """Two agencies' reports for one year are not duplicates."""
    y2019, _, _ = chain()
    assert findings([y2019, _renamed(y2019, name="天水市财政局")]) == []


# ------------------------------------------------------------------ messages


def test_messages_zh() -> None:
    """The Chinese messages name the label, last year's figure and this year's."""
    y2019, y2020, _ = chain()
    y2020 = with_item(y2020, "licensing", previous_year=8)
    y2020 = with_requests(y2020, carried_over=with_row_cell(FORWARD_2019, "natural_person", 4))
    duplicate = attrs.evolve(y2019, published=None, narrative=None)
    messages = {f.code: f.message for _, f in findings([y2019, y2020, duplicate])}
    assert messages == {
        "GD-DUPLICATE": "2019 年度已有同一机关的报告：天水市民政局",
        "GD-CARRY": "二、上年结转政府信息公开申请数量 · 自然人：应等于上一年度报告的结转下年度继续办理数 3，填报为 4",
        "GD-CHAIN": "行政许可 · 上一年项目数量：应等于上一年度报告的上一年项目数量加本年增/减 7，填报为 8",
    }


def test_messages_en() -> None:
    """The English messages name the label, last year's figure and this year's."""
    y2019, y2020, _ = chain()
    y2020 = with_item(y2020, "licensing", previous_year=8)
    y2020 = with_requests(y2020, carried_over=with_row_cell(FORWARD_2019, "legal_services", 5))
    duplicate = attrs.evolve(y2019, published=None, narrative=None)
    found = {f.code: f for _, f in findings([y2019, y2020, duplicate], lang="en")}
    label = "Requests carried over from the previous year · Legal service providers"
    assert found["GD-CARRY"].label == label
    assert found["GD-CARRY"].message == f"{label}: should equal last year's carried-forward figure 2, but reads 5"
    assert found["GD-CHAIN"].message == (
        "Administrative licensing · Items in the previous year: "
        "should be last year's items plus last year's change, 7, but reads 8"
    )
    assert found["GD-DUPLICATE"].message == "another report for this agency and 2019 was given: 天水市民政局"
    for finding in found.values():
        assert not any("\u4e00" <= char <= "\u9fff" for char in finding.label)


# ------------------------------------------------------------------ streaming


def test_checker_yields_when_decidable() -> None:
    """Each finding comes from the add that completes its pair, about the later report's handle, in either order."""
    y2019, y2020 = _mismatched_pair()
    forwards: CollectionChecker[str] = CollectionChecker()
    assert list(forwards.add(y2019, "2019.json")) == []
    assert [(source, f.code) for source, f in forwards.add(y2020, "2020.json")] == [("2020.json", "GD-CARRY")]
    backwards: CollectionChecker[str] = CollectionChecker()
    assert list(backwards.add(y2020, "2020.json")) == []
    assert [(source, f.code) for source, f in backwards.add(y2019, "2019.json")] == [("2020.json", "GD-CARRY")]


def test_checker_duplicate_names_the_first() -> None:
    """A duplicate names the first report by the name it was added with (a file), else by its agency."""
    y2019, _, _ = chain()
    checker: CollectionChecker[str] = CollectionChecker(lang="en", describe=lambda source: f"{source}.json")
    assert list(checker.add(y2019, "report")) == []
    ((source, finding),) = checker.add(y2019, "copy")
    assert (source, finding.code, finding.expected) == ("copy", "GD-DUPLICATE", "report.json")
    assert finding.message == "another report for this agency and 2019 was given: report.json"


def test_checker_holds_no_report() -> None:
    """The checker keeps what the rules compare, not the reports: each can be collected once added."""
    import gc
    import weakref

    checker: CollectionChecker[int] = CollectionChecker()
    refs = []
    for index, report in enumerate(chain()):
        copy = attrs.evolve(report)
        refs.append(weakref.ref(copy))
        list(checker.add(copy, index))
        del copy
    gc.collect()
    assert [ref() for ref in refs] == [None, None, None]


def test_checker_forgets_settled_years() -> None:
    """A year compared with both neighbours keeps no cells, and a second report for it is still a duplicate."""
    y2019, y2020, y2021 = chain()
    checker: CollectionChecker[str] = CollectionChecker()
    for index, report in enumerate((y2019, y2021, y2020)):
        assert list(checker.add(report, str(index))) == []
    years = checker._agencies[agency_key(y2020)]
    assert [len(years[year].cells) > 0 for year in (2019, 2020, 2021)] == [True, False, True]
    assert [f.code for _, f in checker.add(attrs.evolve(y2020, narrative=None), "copy")] == ["GD-DUPLICATE"]


# ------------------------------------------------------------------ GD-IN-FORCE-CHAIN


def with_documents(report: Any, row: str, **cells: int | None) -> Any:
    """*report* with cells of a document row of table 二 (2021 template) replaced."""
    return gd.replace(report, {f"/proactive/{row}/{column}": value for column, value in cells.items()})


def in_force_pair() -> tuple[Any, Any]:
    """Two consecutive 2021-form reports whose documents in force follow on: 3 + 0 − 0 and 37 + 2 − 1."""
    y2021 = attrs.evolve(REPORT_2021, published=None)
    y2022 = with_documents(following_2021(y2021), "normative_documents", issued=2, repealed=1, in_force=38)
    return y2021, y2022


def test_in_force_follows() -> None:
    """现行有效件数 that is last year's plus issued less repealed gives nothing."""
    assert findings(in_force_pair()) == []


@pytest.mark.parametrize("row", DOCUMENT_ROWS)
@pytest.mark.parametrize("delta", [-2, 1])
def test_in_force_mismatch(row: str, delta: int) -> None:
    """A 现行有效件数 off the chain, more or fewer, gives one warning at this year's cell, with last year's figure."""
    y2021, y2022 = in_force_pair()
    expected = getattr(y2022.proactive, row).in_force
    y2022 = with_documents(y2022, row, in_force=expected + delta)
    ((report, finding),) = findings([y2022, y2021])
    assert report is y2022
    assert finding.code == "GD-IN-FORCE-CHAIN"
    assert finding.severity is Severity.WARNING
    assert finding.path == f"/proactive/{row}/in_force"
    assert (finding.expected, finding.actual) == (expected, expected + delta)
    assert dict(finding.values)["previous"] == getattr(y2021.proactive, row).in_force


@pytest.mark.parametrize("blank", ["previous", "issued", "repealed", "in_force"])
def test_in_force_not_judged_over_blanks(blank: str) -> None:
    """A blank in any of the four cells leaves the chain unjudged, however far off the others are."""
    y2021, y2022 = in_force_pair()
    y2022 = with_documents(y2022, "rules", in_force=99)
    if blank == "previous":
        y2021 = with_documents(y2021, "rules", in_force=None)
    else:
        y2022 = with_documents(y2022, "rules", **{blank: None})
    assert findings([y2021, y2022]) == []


def test_in_force_needs_the_2021_form_both_years() -> None:
    """A 2020 report on the 2019 form has no 现行有效件数: the chain starts with 2021."""
    _, y2020, y2021 = chain()
    y2021 = with_documents(y2021, "rules", in_force=999)
    assert [f.code for _, f in findings([y2020, y2021])] == []


def test_in_force_messages() -> None:
    """The message states last year's figure, what follows from it and what the report reads."""
    y2021, y2022 = in_force_pair()
    y2022 = with_documents(y2022, "rules", in_force=5)
    ((_, zh),) = findings([y2021, y2022])
    ((_, en),) = findings([y2021, y2022], lang="en")
    assert zh.message == "规章 · 现行有效件数：上一年度现行有效件数 3 加本年制发件数、减本年废止件数应为 3，填报为 5"
    assert en.message == "Rules · In force: last year's 3 in force, plus issued less repealed, is 3; it reads 5"


_FLOWS = st.tuples(st.integers(0, 30), st.integers(0, 30))


@st.composite
def in_force_chains(draw: st.DrawFn) -> list[Any]:
    """Consecutive 2021-form reports of one agency whose documents in force follow on, in a drawn order."""
    first: Any = attrs.evolve(REPORT_2021, published=None)
    for row in DOCUMENT_ROWS:
        first = with_documents(first, row, in_force=draw(st.integers(0, 60)))
    reports = [first]
    for _ in range(draw(st.integers(1, 4))):
        report = following_2021(reports[-1])
        for row in DOCUMENT_ROWS:
            before = getattr(reports[-1].proactive, row).in_force
            issued, repealed = draw(_FLOWS)
            repealed = min(repealed, before + issued)
            report = with_documents(report, row, issued=issued, repealed=repealed, in_force=before + issued - repealed)
        reports.append(report)
    return reports


@given(reports=in_force_chains(), data=st.data())
def test_in_force_chain_property(reports: list[Any], data: st.DataObject) -> None:
    """A chain that follows on never fires, in any order; one changed 现行有效件数 fires exactly once at its cell.

    The following year, if any, then reads against the changed figure: its own cell is the only other finding.
    """
    order = data.draw(st.permutations(range(len(reports))))
    assert findings([reports[index] for index in order]) == []
    index = data.draw(st.integers(1, len(reports) - 1))
    row = data.draw(st.sampled_from(DOCUMENT_ROWS))
    was = getattr(reports[index].proactive, row).in_force
    now = data.draw(st.integers(0, 200).filter(lambda value: value != was))
    changed = list(reports)
    changed[index] = with_documents(reports[index], row, in_force=now)
    found = findings([changed[position] for position in order])
    pointer = f"/proactive/{row}/in_force"
    at_cell = [(report, f) for report, f in found if report is changed[index]]
    assert [(f.code, f.path, f.expected, f.actual) for _, f in at_cell] == [("GD-IN-FORCE-CHAIN", pointer, was, now)]
    rest = [(report.year, f.path) for report, f in found if report is not changed[index]]
    following = changed[index + 1].year if index + 1 < len(changed) else None
    assert all(year == following and path == pointer for year, path in rest)
    assert len(rest) <= 1


# ------------------------------------------------------------------ GD-JUMP


def jump_pair(path: tuple[str, ...], last: int | None, now: int | None) -> tuple[Any, Any]:
    """Two consecutive 2021-form reports whose documents follow on, with one headline cell set in each."""
    y2021 = attrs.evolve(REPORT_2021, published=None)
    pointer = "/" + "/".join(path)
    return gd.replace(y2021, {pointer: last}), gd.replace(following_2021(y2021), {pointer: now})


@pytest.mark.parametrize("path", JUMP_CELLS)
@pytest.mark.parametrize(("last", "now"), [(12, 1200), (800, 40), (0, 50), (5, 51)])
def test_jump(path: tuple[str, ...], last: int, now: int) -> None:
    """A headline figure more than ten times the other year's, the larger at least 50, warns at this year's cell."""
    ((report, finding),) = findings(jump_pair(path, last, now))
    assert report.year == 2022
    assert finding.code == "GD-JUMP"
    assert finding.severity is Severity.WARNING
    assert finding.path == "/" + "/".join(path)
    assert (finding.expected, finding.actual) == (last, now)


@pytest.mark.parametrize("path", JUMP_CELLS)
@pytest.mark.parametrize(("last", "now"), [(5, 50), (100, 10), (1, 49), (0, 49), (None, 1000), (1000, None), (7, 7)])
def test_no_jump(path: tuple[str, ...], last: int | None, now: int | None) -> None:
    """At most ten times, under 50, or a blank in either year: no jump."""
    assert findings(jump_pair(path, last, now)) == []


def test_jump_settings() -> None:
    """The factor and the minimum are settings of the checker and of iter_collection_findings."""
    assert (JUMP_FACTOR, JUMP_MINIMUM) == (10, 50)
    pair = jump_pair(JUMP_CELLS[0], 10, 40)
    assert findings(pair) == []
    assert [f.code for _, f in findings(pair, jump_factor=3)] == []  # 40 is under the minimum of 50
    assert [f.code for _, f in findings(pair, jump_factor=3, jump_minimum=40)] == ["GD-JUMP"]
    checker: CollectionChecker[int] = CollectionChecker(jump_factor=2.5, jump_minimum=1)
    assert list(checker.add(pair[0], 0)) == []
    assert [f.code for _, f in checker.add(pair[1], 1)] == ["GD-JUMP"]


@pytest.mark.parametrize(
    "settings", [{"jump_factor": 1}, {"jump_factor": 0.5}, {"jump_factor": True}, {"jump_minimum": 0}]
)
def test_jump_settings_refused(settings: dict[str, Any]) -> None:
    """A factor not above 1 or a minimum below 1 is refused with its name."""
    with pytest.raises(ValueError, match=next(iter(settings))):
        CollectionChecker(**settings)


def test_jump_across_templates() -> None:
    """New requests received are compared from a 2019-form 2020 report to its 2021-form successor."""
    _, y2020, y2021 = chain()
    y2021 = gd.replace(y2021, {"/requests/received/total": 5000})
    y2020 = gd.replace(y2020, {"/requests/received/total": 40})
    found = findings([y2020, y2021], lang="en")
    assert [(f.code, f.path) for _, f in found] == [("GD-JUMP", "/requests/received/total")]
    assert found[0][1].message == (
        "New requests received this year · Total: reads 5000 against last year's 40, a change of more than 10 times"
    )


@given(last=st.integers(0, 2000), now=st.integers(0, 2000))
def test_jump_property(last: int, now: int) -> None:
    """A jump is reported exactly when the larger is at least 50 and more than ten times the smaller."""
    found = findings(jump_pair(JUMP_CELLS[1], last, now))
    larger, smaller = max(last, now), min(last, now)
    assert len(found) == (larger >= JUMP_MINIMUM and larger > JUMP_FACTOR * smaller)
