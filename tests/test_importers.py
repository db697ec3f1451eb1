"""The importers: published pages into reports, every guess a finding (issue 12)."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.cli import main
from govdisclosure.codecs import formats, get_format
from govdisclosure.codecs.data import from_data, to_data
from govdisclosure.importers import ImportResult, import_report
from govdisclosure.importers._cells import read_cell
from govdisclosure.importers._numerals import chinese_number, find_dates
from govdisclosure.model.kinds import COUNT, DELTA, MONEY
from govdisclosure.regulation import LABELS
from govdisclosure.rules import RULES
from govdisclosure.strategies import reports

from .published import AGENCY, page_html, page_text

PUBLISHED = Path(__file__).parent / "data" / "published"
FIXTURES = sorted(path for path in PUBLISHED.iterdir() if path.is_dir())
TABLES = ("proactive", "requests", "review_litigation")


def _tables(report: Any) -> tuple[Any, ...]:
    return tuple(getattr(report, key) for key in TABLES)


def _tabled(result: ImportResult) -> gd.AnnualReport2019 | gd.AnnualReport2021:
    assert isinstance(result.report, gd.AnnualReport2019 | gd.AnnualReport2021)
    return result.report


def _page(folder: Path) -> bytes:
    for name in ("page.html", "page.txt"):
        if (folder / name).exists():
            return (folder / name).read_bytes()
    raise FileNotFoundError(folder)


# ---------------------------------------------------------------- real pages


@pytest.mark.parametrize("folder", FIXTURES, ids=[folder.name for folder in FIXTURES])
def test_published_page_gives_the_hand_checked_report(folder: Path) -> None:
    result = import_report(_page(folder))
    expected = from_data(json.loads((folder / "expected.json").read_text("utf-8")))
    assert to_data(result.report) == to_data(expected)


@pytest.mark.parametrize("folder", FIXTURES, ids=[folder.name for folder in FIXTURES])
def test_published_page_gives_its_findings(folder: Path) -> None:
    result = import_report(_page(folder))
    must = json.loads((folder / "findings.json").read_text("utf-8"))
    given_ = {(finding.code, finding.path) for finding in result.findings}
    assert {(item["code"], item["path"]) for item in must} <= given_


def test_run_together_digits_split_only_the_one_way_the_columns_allow() -> None:
    result = import_report(_page(PUBLISHED / "pingtan-ptzhsyqjtj-2021"))
    assert isinstance(result.report, gd.AnnualReport2021)
    assert result.report.proactive.normative_documents.in_force == 12  # "0012": 0 | 0 | 12, no leading zeros
    lexical = [f for f in result.findings if f.code == "GD-IMPORT-SPLIT-LEXICAL"]
    assert lexical
    assert all(f.severity is gd.Severity.INFO for f in lexical)


def test_run_together_digits_with_several_splits_are_left_blank_with_the_candidates() -> None:
    result = import_report(_page(PUBLISHED / "pingtan-ptzhsyqjtj-2019"))
    assert isinstance(result.report, gd.AnnualReport2019)
    licensing = result.report.proactive.licensing
    assert (licensing.previous_year, licensing.change, licensing.decisions) == (None, None, None)
    (ambiguous,) = [f for f in result.findings if f.path == "/proactive/licensing"]
    assert ambiguous.code == "GD-IMPORT-AMBIGUOUS"
    assert "8801" in ambiguous.message
    assert "8|80|1" in ambiguous.message
    assert "88|0|1" in ambiguous.message


def test_a_row_with_fewer_numbers_than_columns_is_not_placed_by_position() -> None:
    result = import_report(_page(PUBLISHED / "tianshui-mzj-2019-seed004"))
    assert _tabled(result).requests.received.natural_person is None
    assert any(f.code == "GD-IMPORT-AMBIGUOUS" and f.path == "/requests/received" for f in result.findings)


def _zero_report(**cells: int) -> Any:
    """A 2021 report with every cell 0 but *cells* (pointers with ``/`` written as ``__``)."""
    report = gd.AnnualReport2021(year=2021, agency=gd.Agency(name=AGENCY))
    values: dict[str, object] = dict.fromkeys(LABELS["2021"].pointers(), 0)
    values["/proactive/fees/amount"] = Decimal(0)
    values.update({"/" + key.replace("__", "/"): value for key, value in cells.items()})
    return gd.replace(report, values)


def test_a_placement_the_column_sums_prove_is_taken_and_named() -> None:
    report = _zero_report(
        requests__received__natural_person=2,
        requests__received__commercial=1,
        requests__received__total=3,
        requests__outcomes__granted__natural_person=2,
        requests__outcomes__granted__commercial=1,
        requests__outcomes__granted__total=3,
        requests__outcomes__total__natural_person=2,
        requests__outcomes__total__commercial=1,
        requests__outcomes__total__total=3,
    )
    page = page_text(report)
    row = next(line for line in page.split("\n") if "（七）总计" in line)
    result = import_report(page.replace(row, "（七）总计 2 1 3"))
    proved = [f for f in result.findings if f.code == "GD-IMPORT-PLACEMENT-PROVED"]
    assert [f.path for f in proved] == ["/requests/outcomes/total"]
    assert "GD-T3-COLUMN" in proved[0].message
    total = _tabled(result).requests.outcomes.total
    assert (total.natural_person, total.commercial, total.research, total.total) == (2, 1, None, 3)


def test_a_placement_no_relation_settles_stays_blank() -> None:
    page = page_text(_zero_report())
    row = next(line for line in page.split("\n") if "（七）总计" in line)
    result = import_report(page.replace(row, "（七）总计 0"))
    assert _tabled(result).requests.outcomes.total.natural_person is None
    assert any(f.code == "GD-IMPORT-AMBIGUOUS" and f.path == "/requests/outcomes/total" for f in result.findings)


def test_cut_short_page_reads_what_is_there_and_names_the_rest() -> None:
    page = page_text(_zero_report())
    cut = page[: page.index("（四）无法提供")]
    result = import_report(cut)
    missing = {f.path for f in result.findings if f.code in ("GD-IMPORT-ROW-MISSING", "GD-IMPORT-TABLE-MISSING")}
    assert "/requests/outcomes/unable/not_held" in missing
    assert "/review_litigation" in missing
    assert _tabled(result).review_litigation.review.total is None


def test_template_year_agency_and_date_come_from_the_page() -> None:
    page = page_html(_zero_report(), perturb=True)
    result = import_report(page)
    assert result.report.template.key == "2021"
    assert result.report.agency.name == AGENCY
    assert result.report.published == datetime.date(2024, 1, 20)
    codes = {f.code for f in result.findings}
    assert {"GD-IMPORT-TEMPLATE", "GD-IMPORT-YEAR", "GD-IMPORT-PUBLISHED"} <= codes


def test_sources_locate_each_cell() -> None:
    html_result = import_report(page_html(_zero_report()))
    source = html_result.sources["/requests/received/total"]
    assert source.kind == "html"
    assert source.table is not None
    assert source.row is not None
    text_result = import_report(_page(PUBLISHED / "pingtan-ptzhsyqjtj-2021"))
    source = text_result.sources["/proactive/penalties/decisions"]
    assert (source.kind, source.text, source.line) == ("text", "2", 10)


def test_extra_rows_are_kept_in_extensions() -> None:
    page = page_text(_zero_report())
    page = page.replace("| 行政规范性文件 |", "| 其他主动公开文件 | 3 | 2 | 1 |\n| 行政规范性文件 |", 1)
    result = import_report(page)
    assert any(f.code == "GD-IMPORT-ROW-EXTRA" for f in result.findings)
    assert result.report.extensions is not None
    rows = result.report.extensions["govdisclosure.import"]["extra_rows"]
    assert rows[0]["label"] == "其他主动公开文件"
    assert rows[0]["values"] == ["3", "2", "1"]


# ---------------------------------------------------------------- cells and numerals


@pytest.mark.parametrize(
    ("raw", "kind", "value", "code"),
    [
        ("0", COUNT, 0, None),
        ("", COUNT, None, None),
        ("\xa0", COUNT, None, None),
        ("/", COUNT, None, "GD-IMPORT-NOT-APPLICABLE"),
        ("不适用", COUNT, None, "GD-IMPORT-NOT-APPLICABLE"),
        ("+2", DELTA, 2, "GD-IMPORT-CONVERTED"),
        ("-3", DELTA, -3, None),
        ("-3", COUNT, None, "GD-IMPORT-UNREADABLE"),
        ("3件", COUNT, 3, "GD-IMPORT-CONVERTED"),
        ("1,234", COUNT, 1234, "GD-IMPORT-CONVERTED"),
        ("１２", COUNT, 12, "GD-IMPORT-CONVERTED"),
        ("007", COUNT, None, "GD-IMPORT-UNREADABLE"),
        ("251000元", MONEY, Decimal("25.1"), "GD-IMPORT-MONEY-YUAN"),
        ("5.02万元", MONEY, Decimal("5.02"), "GD-IMPORT-CONVERTED"),
    ],
)
def test_cell_semantics(raw: str, kind: Any, value: object, code: str | None) -> None:
    reading = read_cell(raw, kind)
    assert (reading.value, reading.code) == (value, code)


def test_chinese_numerals_and_dates() -> None:
    assert chinese_number("二〇二四") == 2024
    assert chinese_number("二0一七") == 2017
    assert [d for d, _ in find_dates("二〇二四年一月二十日")] == [datetime.date(2024, 1, 20)]


# ---------------------------------------------------------------- round trip


@given(report=st.one_of(reports(template="2019"), reports(template="2021")), perturb=st.booleans(), split=st.booleans())
def test_html_in_the_official_layout_imports_back(report: Any, perturb: bool, split: bool) -> None:
    result = import_report(page_html(report, perturb=perturb, split=split))
    assert _tables(result.report) == _tables(report)
    assert result.report.year == report.year
    assert [str(f) for f in result.findings if f.severity is not gd.Severity.INFO] == []


@given(report=st.one_of(reports(template="2019"), reports(template="2021")), perturb=st.booleans())
def test_text_in_the_official_layout_imports_back(report: Any, perturb: bool) -> None:
    result = import_report(page_text(report, perturb=perturb))
    assert _tables(result.report) == _tables(report)
    assert [str(f) for f in result.findings if f.severity is not gd.Severity.INFO] == []


# ---------------------------------------------------------------- hostile input and the registry


def test_a_page_over_the_size_limit_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    page = b"<html><body>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8) + b"</body></html>"

    def never(data: object) -> None:
        raise AssertionError("a page over the limit was parsed")

    monkeypatch.setattr("govdisclosure.importers.html._parse", never)
    with pytest.raises(gd.ParseError, match="larger than"):
        import_report(page)


def test_deep_nesting_is_a_parse_error() -> None:
    page = "<html><body>" + "<div>" * 100_000 + "年度报告" + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(gd.ParseError):
        import_report(page, year=2021)


@pytest.mark.parametrize("junk", [bytes(range(256)) * 64, b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, b"%PDF-1.4 not really"])
def test_binary_junk_is_a_parse_error(junk: bytes) -> None:
    with pytest.raises(gd.ParseError):
        import_report(junk)


def test_a_page_with_no_year_asks_for_one() -> None:
    with pytest.raises(gd.ParseError, match="year="):
        import_report("信息内容 本年制发件数 规章 0 0 0")


def test_import_formats_are_in_the_format_registry() -> None:
    assert {"html", "text"} <= {fmt.name for fmt in formats()}
    assert get_format("html").reader is not None
    assert get_format("html").writer is None
    with pytest.raises(ValueError, match="unknown format"):
        import_report("x", format="docx")


def test_a_published_page_loads_and_validates_like_any_report(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_bytes(_page(PUBLISHED / "pingtan-ptzhsyqjtj-2021"))
    assert gd.load(page).year == 2021
    (item,) = gd.iter_load(page)
    assert item.report is not None
    assert any(f.code.startswith("GD-IMPORT-") for f in item.findings)


def test_import_report_reads_the_librarys_own_documents_too() -> None:
    report = _zero_report()
    result = import_report(gd.dumps(report))
    assert (result.report, result.format, dict(result.sources)) == (report, "json", {})


def test_every_import_code_is_in_the_catalogue() -> None:
    codes = [code for code in RULES if code.startswith("GD-IMPORT-")]
    assert len(codes) >= 15
    assert all(RULES[code].scope == "document" for code in codes)


def test_import_result_is_exported() -> None:
    assert gd.import_report is import_report
    assert gd.ImportResult is ImportResult


# ---------------------------------------------------------------- the command


def test_cli_import_writes_the_report_and_the_findings(capsys: pytest.CaptureFixture[str]) -> None:
    page = PUBLISHED / "pingtan-ptzhsyqjtj-2019" / "page.txt"
    assert main(["import", str(page), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["year"] == 2019
    assert "[GD-IMPORT-AMBIGUOUS] '8801' over 3 columns" in captured.err
    assert "[GD-BLANK-COUNTED]" in captured.err  # the validation findings follow the import's


def test_cli_import_of_a_folder_writes_one_report_per_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    status = main(["import", str(PUBLISHED), "-o", str(out), "--to", "xml", "--format", "json"])
    summary = json.loads(capsys.readouterr().err)["summary"]
    assert status == 0
    assert summary["files"] == len(FIXTURES)
    assert sorted(path.name for path in out.iterdir()) == sorted(f"{folder.name}.xml" for folder in FIXTURES)


def test_cli_import_refuses_what_it_cannot_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02 binary")
    assert main(["import", str(junk)]) == 2
    assert "[GD-PARSE]" in capsys.readouterr().err
    assert main(["import", str(PUBLISHED)]) == 2  # several pages need -o FOLDER
    assert "-o FOLDER" in capsys.readouterr().err


def test_cli_validate_reads_a_published_page(capsys: pytest.CaptureFixture[str]) -> None:
    page = PUBLISHED / "pingtan-ptzhsyqjtj-2021" / "page.txt"
    assert main(["validate", str(page)]) == 0
    assert "GD-IMPORT-SPLIT-LEXICAL" in capsys.readouterr().out


def _filled_report() -> Any:
    """A 2021 report with a different written value in every cell, so any misplacement shows."""
    values: dict[str, object] = {p: i % 97 + 1 for i, p in enumerate(LABELS["2021"].pointers())}
    values["/proactive/fees/amount"] = Decimal("3.5")
    return gd.replace(gd.AnnualReport2021(year=2021, agency=gd.Agency(name=AGENCY)), values)


@pytest.mark.parametrize("shape", ["one cell a line", "flattened onto one line", "tab-separated", "space-separated"])
def test_text_shapes_of_a_fully_written_report_import_exactly(shape: str) -> None:
    report = _filled_report()
    lines = page_text(report).split("\n")
    cells = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
    if shape == "one cell a line":
        text = "\n".join(cell for row in cells for cell in row)
    elif shape == "flattened onto one line":
        text = " ".join(cell for row in cells for cell in row)
    elif shape == "tab-separated":
        text = "\n".join("\t".join(row) for row in cells)
    else:
        text = "\n".join(" ".join(row) for row in cells)
    result = import_report(text)
    assert _tables(result.report) == _tables(report)
    assert [str(f) for f in result.findings if f.severity is not gd.Severity.INFO] == []


def test_traditional_characters_and_full_width_digits_are_read() -> None:
    report = _filled_report()
    text = page_text(report).translate(
        str.maketrans("开与请处数总计关项条规范许罚强发废现", "開與請處數總計關項條規範許罰強發廢現")
    )
    result = import_report(text)
    assert _tables(result.report) == _tables(report)


def test_pdf_extracted_text_vertical_headers_and_wrapped_rows() -> None:
    report = _filled_report()
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in page_text(report).split("\n")]
    lines: list[str] = []
    for row in rows:
        if row and row[0] in ("行政复议", "结果维持"):  # table 四's header printed vertically: one character a line
            lines.extend("\n".join(cell) for cell in row)
        elif len(row) > 5:  # a long row wraps after its fourth cell
            lines.extend([" ".join(row[:4]), " ".join(row[4:])])
        else:
            lines.append(" ".join(row))
    result = import_report("\n".join(lines))
    assert _tables(result.report) == _tables(report)


def test_cli_validate_of_a_page_speaks_the_runs_language(capsys: pytest.CaptureFixture[str]) -> None:
    page = PUBLISHED / "pingtan-ptzhsyqjtj-2021" / "page.txt"
    assert main(["validate", "--lang", "en", str(page)]) == 0
    out = capsys.readouterr().out
    assert "read as the 2021 template from 本年制发件数" in out
    assert "判定为" not in out
