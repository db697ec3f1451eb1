"""The CSV codec: one row per cell, round trips, refusing what it cannot carry, located errors, hostile input."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.codecs import csv as csv_codec
from govdisclosure.codecs.json import DEFAULT_MAX_SIZE
from govdisclosure.model.kinds import DIGITS_RULE
from govdisclosure.strategies import reports

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "2021-report.json"
HEADER = "year,agency,uscc,template,table,row,column,row_label,column_label,value"
AGENCY = gd.Agency(name="某某市民政局", uscc="115000000092759914")


def carried(report: gd.AnnualReport) -> gd.AnnualReport:
    """*report* with everything CSV cannot carry cleared: the agency's level, kind and parent, the
    publication date, the narrative and extensions (and an empty USCC, which reads back as none)."""
    agency = gd.Agency(name=report.agency.name, uscc=report.agency.uscc or None)
    return attrs.evolve(report, agency=agency, published=None, narrative=None, extensions=None)


def not_carried(report: gd.AnnualReport2019 | gd.AnnualReport2021) -> tuple[str, ...]:
    """The pointers of what CSV cannot carry of *report*, worked out field by field."""
    agency = report.agency
    present = [
        ("/agency/uscc", agency.uscc == ""),
        ("/agency/level", agency.level is not None),
        ("/agency/kind", agency.kind is not None),
        ("/agency/parent", agency.parent is not None),
        ("/published", report.published is not None),
        ("/narrative", report.narrative is not None),
        ("/extensions", report.extensions is not None),
    ]
    return tuple(pointer for pointer, is_present in present if is_present)


def csv_reports(template: str | None = None) -> st.SearchStrategy[gd.AnnualReport]:
    """Reports of the templates with tables, holding only what CSV carries."""
    keys = ["2019", "2021"] if template is None else [template]
    return st.one_of(*(reports(key, consistent=False) for key in keys)).map(carried)


def identity(report: gd.AnnualReport) -> tuple[object, ...]:
    """What tells a report's rows from another's in one table."""
    return report.year, report.agency.name, report.agency.uscc or "", type(report).template.key


def blank(template: str = "2021", **changes: Any) -> gd.AnnualReport:
    """A report of *template* with every cell blank."""
    cls = gd.AnnualReport2021 if template == "2021" else gd.AnnualReport2019
    return cls(**{"year": int(template), "agency": AGENCY, **changes})


def example() -> gd.AnnualReport:
    """The 2021 example, as CSV carries it."""
    return carried(gd.load(EXAMPLE))


def rows_of(text: str) -> list[list[str]]:
    """The CSV records of *text*, header first."""
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def table(*rows: list[str], header: str = HEADER) -> str:
    """CSV text of a header and *rows*."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header.split(","), *rows])
    return buffer.getvalue()


def problems_of(data: str | bytes, **options: Any) -> list[tuple[int | None, int | None, str, str]]:
    """The (line, column, pointer, message) of each problem loading *data* raises."""
    with pytest.raises(gd.ParseError) as caught:
        csv_codec.loads(data, **options)
    return [(p.line, p.column, p.pointer, p.message) for p in caught.value.problems]


def outcome(read: Callable[[str | bytes], object], data: str | bytes) -> tuple[gd.Problem, ...] | None:
    """The problems *read* raises for *data*, or None when it reads; any other exception propagates."""
    try:
        read(data)
    except gd.ParseError as error:
        return error.problems
    return None


#: The example's rows, header first: edited copies make the error cases.
ROWS = rows_of(csv_codec.dumps(example()))
#: The row of 一、本年新收 · 自然人 in the example, and its line in the file.
RECEIVED = next(row for row in ROWS if row[4:7] == ["requests", "received", "natural_person"])
RECEIVED_LINE = ROWS.index(RECEIVED) + 1


def edited(line: int, **changes: str) -> str:
    """The example's CSV with the fields of *line* (1-based) changed by column name."""
    rows = [list(row) for row in ROWS]
    for name, value in changes.items():
        rows[line - 1][ROWS[0].index(name)] = value
    return table(*rows[1:])


class TestShape:
    """What the CSV looks like."""

    def test_example_has_a_row_per_cell(self) -> None:
        """The 2021 example converts to the header and 200 data rows, one per cell of the template."""
        with pytest.warns(csv_codec.CSVDataLossWarning):
            text = csv_codec.dumps(gd.load(EXAMPLE), lossy=True)
        rows = rows_of(text)
        assert rows[0] == HEADER.split(",")
        assert len(rows) == 1 + 200
        assert text.startswith(HEADER + "\n")
        assert text.count("\n") == 201

    def test_rows_follow_the_cells(self) -> None:
        """Rows are the report's cells in iter_cells order; keys, labels and values come from the cell."""
        report = example()
        rows = rows_of(csv_codec.dumps(report))[1:]
        cells = list(gd.iter_cells(report))
        assert len(rows) == len(cells)
        for row, cell in zip(rows, cells, strict=True):
            year, agency, uscc, template, table_key, row_key, column_key, row_label, column_label, value = row
            assert (year, agency, uscc, template) == ("2021", "重庆市民政局", "115000000092759914", "2021")
            assert "/" + "/".join([table_key, row_key, column_key]) == cell.pointer
            assert f"{row_label} · {column_label}" == cell.label()
            assert value == ("" if cell.value is None else str(cell.value))

    @pytest.mark.parametrize(
        ("template", "pointer", "expected"),
        [
            (
                "2021",
                "/requests/outcomes/withheld/state_secret/total",
                [
                    "requests",
                    "outcomes/withheld/state_secret",
                    "total",
                    "三、本年度办理结果（三）不予公开 1.属于国家秘密",
                    "总计",
                ],
            ),
            (
                "2021",
                "/requests/received/commercial",
                ["requests", "received", "commercial", "一、本年新收政府信息公开申请数量", "法人或其他组织 商业企业"],
            ),
            (
                "2021",
                "/proactive/fees/amount",
                ["proactive", "fees", "amount", "行政事业性收费", "本年收费金额（单位：万元）"],
            ),
            (
                "2021",
                "/review_litigation/litigation_direct/total",
                ["review_litigation", "litigation_direct", "total", "行政诉讼 未经复议直接起诉", "总计"],
            ),
            (
                "2019",
                "/requests/outcomes/other/total",
                ["requests", "outcomes/other", "total", "三、本年度办理结果（六）其他处理", "总计"],
            ),
            ("2019", "/proactive/licensing/change", ["proactive", "licensing", "change", "行政许可", "本年增/减"]),
        ],
    )
    def test_keys_and_labels(self, template: str, pointer: str, expected: list[str]) -> None:
        """A cell's row names its table, row path, column and official labels as the form prints them."""
        rows = rows_of(csv_codec.dumps(blank(template)))[1:]
        [row] = [row for row in rows if "/" + "/".join(row[4:7]) == pointer]
        assert row[4:9] == expected
        assert row[9] == ""

    def test_blank_zero_and_money(self) -> None:
        """A blank cell is an empty field, a written zero is 0, money is a decimal string digit for digit."""
        report = blank(
            proactive=gd.model.Proactive2021(fees=gd.model.FeeAmount(amount=Decimal("5.020"))),
            requests=gd.model.RequestTable2021(received=gd.model.RequestRow(natural_person=0, total=12)),
        )
        values = {"/" + "/".join(row[4:7]): row[9] for row in rows_of(csv_codec.dumps(report))[1:]}
        assert values["/proactive/fees/amount"] == "5.020"
        assert values["/requests/received/natural_person"] == "0"
        assert values["/requests/received/commercial"] == ""
        assert values["/requests/received/total"] == "12"
        assert csv_codec.loads(csv_codec.dumps(report)) == report

    def test_money_without_exponent(self) -> None:
        """An amount held with an exponent is written in plain digits and reads back equal."""
        report = blank(proactive=gd.model.Proactive2021(fees=gd.model.FeeAmount(amount=Decimal("1E+3"))))
        text = csv_codec.dumps(report)
        assert ",1000\n" in text
        assert csv_codec.loads(text) == report

    def test_negative_change(self) -> None:
        """本年增/减 may be negative, and is written with its sign."""
        report = blank("2019", proactive=gd.model.Proactive2019(licensing=gd.model.ItemCounts2019(change=-3)))
        assert ",本年增/减,-3\n" in csv_codec.dumps(report)
        assert csv_codec.loads(csv_codec.dumps(report)) == report

    def test_quoting(self) -> None:
        """Names with commas, quotes and line breaks (\\r alone too) are quoted and read back."""
        report = blank(agency=gd.Agency(name='某局,"一"\r\n二\r三\n', uscc=" x "))
        text = csv_codec.dumps(report)
        assert text.splitlines()[1].startswith('2021,"某局,""一""')
        assert csv_codec.loads(text) == report

    def test_excel(self) -> None:
        """excel=True starts with a byte-order mark and ends lines with \\r\\n; it reads back the same."""
        report = example()
        plain = csv_codec.dumps(report)
        excel = csv_codec.dumps(report, excel=True)
        assert excel == "\ufeff" + plain.replace("\n", "\r\n")
        assert csv_codec.loads(excel) == report
        assert csv_codec.loads(excel.encode("utf-8")) == report
        assert excel.encode("utf-8").startswith(b"\xef\xbb\xbfyear,")

    def test_deterministic(self) -> None:
        """The same report gives the same text, and an equal report rebuilt from it too."""
        report = example()
        text = csv_codec.dumps(report)
        assert csv_codec.dumps(report) == text
        assert csv_codec.dumps(gd.loads(gd.dumps(report))) == text

    def test_not_a_report(self) -> None:
        """Writing something that is not a report is a TypeError."""
        with pytest.raises(TypeError, match="expected a report, got dict"):
            csv_codec.dumps({})  # type: ignore[arg-type]


class TestRoundTrip:
    """Every report CSV can carry survives dumping and loading unchanged."""

    @given(csv_reports())
    def test_loads_dumps(self, report: gd.AnnualReport) -> None:
        """loads(dumps(r)) == r, from text and from bytes, and the output is deterministic."""
        text = csv_codec.dumps(report)
        assert csv_codec.dropped(report) == ()
        assert csv_codec.loads(text) == report
        assert csv_codec.loads(text.encode("utf-8")) == report
        assert csv_codec.dumps(csv_codec.loads(text)) == text

    @given(csv_reports())
    def test_excel(self, report: gd.AnnualReport) -> None:
        """The Excel variant round-trips too."""
        text = csv_codec.dumps(report, excel=True)
        assert text.startswith("\ufeff" + HEADER + "\r\n")
        assert csv_codec.loads(text) == report
        assert csv_codec.loads(text.encode("utf-8")) == report

    @given(st.lists(csv_reports(), max_size=4, unique_by=identity), st.booleans())
    def test_many(self, many: list[gd.AnnualReport], excel: bool) -> None:
        """load_many(dump_many(rs)) == rs, in order."""
        text = csv_codec.dump_many(many, excel=excel)
        assert csv_codec.load_many(text) == many
        assert csv_codec.load_many(text.encode("utf-8")) == many

    def test_many_is_dumps_concatenated(self) -> None:
        """A table of many reports is their tables one after another under one header."""
        first, second = example(), blank("2019")
        many = csv_codec.dump_many([first, second])
        assert many == csv_codec.dumps(first) + csv_codec.dumps(second).split("\n", 1)[1]

    def test_rows_of_a_report_may_be_scattered(self) -> None:
        """load_many groups rows by report in order of first appearance, wherever the rows are."""
        first, second = example(), blank("2019")
        header, *rows = csv_codec.dump_many([first, second]).splitlines(keepends=True)
        count = len(list(gd.iter_cells(first)))
        mine, theirs = rows[:count], rows[count:]
        shuffled = [theirs[0], *mine[::2], *theirs[1:], *mine[1::2]]
        assert csv_codec.load_many(header + "".join(shuffled)) == [second, first]

    def test_left_out_cells_read_as_blank(self) -> None:
        """A cell with no row reads as blank: one row is a whole report."""
        text = table(["2021", "某局", "", "2021", *RECEIVED[4:9], "3"])
        report = csv_codec.loads(text)
        expected = gd.AnnualReport2021(
            year=2021,
            agency=gd.Agency(name="某局"),
            requests=gd.model.RequestTable2021(received=gd.model.RequestRow(natural_person=3)),
        )
        assert report == expected

    def test_line_ends_and_blank_lines(self) -> None:
        """\\r\\n line ends, a byte-order mark in text, and blank lines (as after gd.dump's newline) are accepted."""
        report = example()
        text = csv_codec.dumps(report)
        assert csv_codec.loads(text.replace("\n", "\r\n")) == report
        assert csv_codec.loads("\ufeff" + text + "\n\n") == report
        assert csv_codec.load_many(text + "\r\n") == [report]

    def test_reordered_columns(self) -> None:
        """Columns are read by name, so a table with its columns moved reads the same."""
        rows = [[row[i] for i in (9, *range(9))] for row in ROWS]
        assert csv_codec.loads(table(*rows[1:], header=",".join(rows[0]))) == example()

    def test_labels_compare_after_nfkc(self) -> None:
        """A label retyped with half-width brackets and colon (as spreadsheets do) still matches."""
        rows = [list(row) for row in ROWS]
        fees = next(row for row in rows if row[4:7] == ["proactive", "fees", "amount"])
        fees[8] = "本年收费金额(单位:万元)"
        assert csv_codec.loads(table(*rows[1:])) == example()

    def test_empty_table(self) -> None:
        """A header alone is no report: load_many reads none, loads says what is missing."""
        assert csv_codec.load_many(HEADER + "\n") == []
        assert csv_codec.dump_many([]) == HEADER + "\n"
        assert problems_of(HEADER + "\n") == [(None, None, "", "no data rows: a report needs at least one cell row")]


class TestLoss:
    """A plain table carries every part; a cells-only (lossy) one warns saying what it leaves out: never silently."""

    @pytest.mark.parametrize(
        ("changes", "pointer"),
        [
            ({"agency": gd.Agency(name="某局", level="provincial")}, "/agency/level"),
            ({"agency": gd.Agency(name="某局", kind="department")}, "/agency/kind"),
            ({"agency": gd.Agency(name="某局", parent="某市人民政府")}, "/agency/parent"),
            ({"agency": gd.Agency(name="某局", uscc="")}, "/agency/uscc"),
            ({"published": datetime.date(2022, 1, 28)}, "/published"),
            ({"narrative": gd.Narrative()}, "/narrative"),
            ({"extensions": {}}, "/extensions"),
        ],
    )
    def test_carried_as_a_part_row(self, changes: dict[str, Any], pointer: str) -> None:
        """Each kind of data that is not a cell is a row of its own in a plain table, and only lossy drops it."""
        report = blank(**changes)
        assert csv_codec.dropped(report) == (pointer,)
        text = csv_codec.dumps(report)
        assert csv_codec.loads(text) == report
        parts = [row for row in rows_of(text)[1:] if row[4] not in ("proactive", "requests", "review_litigation")]
        assert len(parts) == 1
        assert "/" + "/".join(key for key in parts[0][4:7] if key) == pointer
        with pytest.warns(csv_codec.CSVDataLossWarning, match=f"^CSV cannot carry {pointer}; left out"):
            assert csv_codec.dumps(report, lossy=True) == csv_codec.dumps(carried(report))

    def test_lossy_example(self) -> None:
        """lossy=True writes what fits and warns, listing exactly what was dropped."""
        report = gd.load(EXAMPLE)
        dropped = ("/agency/level", "/agency/kind", "/agency/parent", "/published", "/narrative", "/extensions")
        with pytest.warns(csv_codec.CSVDataLossWarning) as caught:
            text = csv_codec.dumps(report, lossy=True)
        [warning] = caught
        assert isinstance(warning.message, csv_codec.CSVDataLossWarning)
        assert warning.message.dropped == {0: dropped}
        assert str(warning.message) == f"CSV cannot carry {', '.join(dropped)}; left out"
        assert warning.filename == __file__
        assert text == csv_codec.dumps(carried(report))

    @given(st.one_of(reports("2019", consistent=False), reports("2021", consistent=False)))
    def test_dropped_is_exactly_what_is_not_carried(self, report: gd.AnnualReport2019 | gd.AnnualReport2021) -> None:
        """dropped() names what a field-by-field reading says CSV cannot carry; lossy output is the carried report's."""
        expected = not_carried(report)
        assert csv_codec.dropped(report) == expected
        assert csv_codec.loads(csv_codec.dumps(report)) == report
        if not expected:
            assert csv_codec.dumps(report) == csv_codec.dumps(carried(report))
            return
        with pytest.warns(csv_codec.CSVDataLossWarning) as caught:
            text = csv_codec.dumps(report, lossy=True)
        assert [w.message.dropped for w in caught] == [{0: expected}]  # type: ignore[union-attr]
        assert text == csv_codec.dumps(carried(report))

    def test_legacy(self) -> None:
        """A legacy report has no cells: its figures are a JSON row; lossy=True leaves it out whole, with a warning."""
        report = gd.LegacyReport(year=2015, agency=AGENCY)
        assert csv_codec.dropped(report) == ("",)
        assert (
            csv_codec.dumps(report)
            == HEADER + "\n2015,某某市民政局,115000000092759914,legacy,figures,,,提取的统计数据,,[]\n"
        )
        assert csv_codec.loads(csv_codec.dumps(report)) == report
        with pytest.warns(csv_codec.CSVDataLossWarning) as caught:
            assert csv_codec.dumps(report, lossy=True) == HEADER + "\n"
        assert caught[0].message.dropped == {0: ("",)}  # type: ignore[union-attr]

    def test_many(self) -> None:
        """dump_many names each report that loses data by its index, year and agency."""
        legacy = gd.LegacyReport(year=2015, agency=AGENCY)
        dated = blank(published=datetime.date(2022, 1, 28))
        many = [blank("2019"), legacy, dated]
        assert csv_codec.load_many(csv_codec.dump_many(many)) == many
        with pytest.warns(csv_codec.CSVDataLossWarning) as caught:
            text = csv_codec.dump_many(many, lossy=True)
        assert caught[0].message.dropped == {1: ("",), 2: ("/published",)}  # type: ignore[union-attr]
        assert str(caught[0].message).endswith("; report 2 (2021 某某市民政局): /published; left out")
        assert csv_codec.load_many(text) == [blank("2019"), blank()]

    def test_many_refuses_indistinguishable_reports(self) -> None:
        """Two reports with the same year, agency, USCC and template cannot share a table."""
        with pytest.raises(ValueError, match=r"^reports 0 and 2 share year, agency, USCC and template"):
            csv_codec.dump_many([blank(), blank("2019"), blank()])


class TestErrors:
    """Bad tables raise one ParseError listing every problem by line, CSV column and pointer."""

    def test_issue_example(self) -> None:
        """A count written with its unit is refused at its line, the value column and the cell's pointer."""
        assert problems_of(edited(RECEIVED_LINE, value="3件")) == [
            (
                RECEIVED_LINE,
                10,
                "/requests/received/natural_person",
                'expected an integer ≥ 0 or empty for a blank cell, got "3件"',
            )
        ]

    @pytest.mark.parametrize("value", ["-1", "+1", "01", " 1", "1 ", "1.0", "1e3", "１", "3\n"])
    def test_bad_counts(self, value: str) -> None:
        """A count is digits only: no sign, spaces, leading zeros, decimals or full-width digits."""
        [(line, column, pointer, message)] = problems_of(edited(RECEIVED_LINE, value=value))
        assert (line, column, pointer) == (RECEIVED_LINE, 10, "/requests/received/natural_person")
        assert message.startswith("expected an integer ≥ 0 or empty for a blank cell, got ")

    @pytest.mark.parametrize(("value", "ok"), [("-3", True), ("0", True), ("-0", False), ("+3", False), ("--3", False)])
    def test_changes(self, value: str, ok: bool) -> None:
        """本年增/减 may be negative, but is still written plainly."""
        rows = rows_of(csv_codec.dumps(blank("2019")))
        line = next(i for i, row in enumerate(rows, 1) if row[4:7] == ["proactive", "licensing", "change"])
        rows[line - 1][9] = value
        text = table(*rows[1:])
        if ok:
            report = csv_codec.loads(text)
            assert isinstance(report, gd.AnnualReport2019)
            assert report.proactive.licensing.change == int(value)
        else:
            assert problems_of(text) == [
                (
                    line,
                    10,
                    "/proactive/licensing/change",
                    f'expected an integer (negative for a decrease) or empty for a blank cell, got "{value}"',
                )
            ]

    @pytest.mark.parametrize(
        ("value", "ok"),
        [
            ("5.02", True),
            ("0", True),
            ("0.000", True),
            ("-1", False),
            ("1e3", False),
            ("5,02", False),
            ("05.02", False),
            (".5", False),
            ("5.", False),
            ("5.02万元", False),
        ],
    )
    def test_money(self, value: str, ok: bool) -> None:
        """Money is a plain decimal string in 万元, kept digit for digit."""
        rows = rows_of(csv_codec.dumps(blank()))
        line = next(i for i, row in enumerate(rows, 1) if row[4:7] == ["proactive", "fees", "amount"])
        rows[line - 1][9] = value
        text = table(*rows[1:])
        if ok:
            report = csv_codec.loads(text)
            assert isinstance(report, gd.AnnualReport2021)
            assert str(report.proactive.fees.amount) == value
        else:
            assert problems_of(text) == [
                (
                    line,
                    10,
                    "/proactive/fees/amount",
                    f'expected an amount in 万元 such as "5.02" or empty for a blank cell, got "{value}"',
                )
            ]

    def test_unknown_table(self) -> None:
        """A table the template does not have is refused in the table column, listing the tables."""
        assert problems_of(edited(RECEIVED_LINE, table="request")) == [
            (
                RECEIVED_LINE,
                5,
                "/request/received/natural_person",
                'unknown table "request"; did you mean "requests"?; expected one of: proactive, requests, '
                "review_litigation, agency, published, narrative, extensions",
            )
        ]

    def test_unknown_row(self) -> None:
        """A row the table does not have is refused in the row column, listing the table's rows."""
        [(line, column, pointer, message)] = problems_of(edited(RECEIVED_LINE, row="outcomes/withheld/secret"))
        assert (line, column, pointer) == (RECEIVED_LINE, 6, "/requests/outcomes/withheld/secret/natural_person")
        assert message.startswith(
            'unknown row in table "requests" "outcomes/withheld/secret"; did you mean '
            '"outcomes/withheld/state_secret"?; expected one of: received, carried_over, '
            "outcomes/granted, outcomes/partly_granted, outcomes/withheld/state_secret, "
        )
        assert message.endswith(", outcomes/total, carried_forward")

    def test_template_specific_row(self) -> None:
        """A 2021-only row in a 2019 table is unknown, not silently dropped."""
        rows = rows_of(csv_codec.dumps(blank("2019")))
        line = next(i for i, row in enumerate(rows, 1) if row[4:7] == ["requests", "outcomes/other", "total"])
        rows[line - 1][5] = "outcomes/other/no_correction"
        [(found, column, pointer, message)] = problems_of(table(*rows[1:]))
        assert (found, column, pointer) == (line, 6, "/requests/outcomes/other/no_correction/total")
        assert message.startswith('unknown row in table "requests" "outcomes/other/no_correction"')
        assert "outcomes/other, outcomes/total" in message

    def test_unknown_column(self) -> None:
        """A column the row does not have is refused in the column column, listing the row's columns."""
        assert problems_of(edited(RECEIVED_LINE, column="person")) == [
            (
                RECEIVED_LINE,
                7,
                "/requests/received/person",
                'unknown column in row "received" of table "requests" "person"; did you mean "natural_person"?; '
                "expected one of: natural_person, commercial, research, public_interest, legal_services, "
                "other_org, total",
            )
        ]

    def test_label_mismatch(self) -> None:
        """A label that is not the cell's official one means an edited or misaligned row: refused."""
        text = edited(RECEIVED_LINE, row_label="二、上年结转政府信息公开申请数量", column_label="商业企业")
        assert problems_of(text) == [
            (
                RECEIVED_LINE,
                8,
                "/requests/received/natural_person",
                'expected the official label "一、本年新收政府信息公开申请数量", '
                'got "二、上年结转政府信息公开申请数量" '
                "(edited or misaligned row?)",
            ),
            (
                RECEIVED_LINE,
                9,
                "/requests/received/natural_person",
                'expected the official label "自然人", got "商业企业" (edited or misaligned row?)',
            ),
        ]

    def test_value_in_the_wrong_row(self) -> None:
        """Keys moved without their labels (a sorted or shifted column) are caught by the labels."""
        rows = [list(row) for row in ROWS]
        rows[1][4:7], rows[2][4:7] = rows[2][4:7], rows[1][4:7]
        assert [(line, column) for line, column, _, _ in problems_of(table(*rows[1:]))] == [(2, 9), (3, 9)]

    def test_duplicate_cell(self) -> None:
        """A cell given twice is refused at its second row, naming the first."""
        rows = [list(row) for row in ROWS]
        rows.insert(RECEIVED_LINE + 1, list(RECEIVED))
        assert problems_of(table(*rows[1:])) == [
            (
                RECEIVED_LINE + 2,
                5,
                "/requests/received/natural_person",
                f"duplicate cell: already given on line {RECEIVED_LINE}",
            ),
        ]

    def test_mixed_reports(self) -> None:
        """loads reads one report: the first row of another is refused at the column that differs."""
        other = blank(agency=gd.Agency(name="另一局", uscc=AGENCY.uscc))
        text = csv_codec.dump_many([blank(), other, blank("2019")])
        count = len(list(gd.iter_cells(blank())))
        assert problems_of(text) == [
            (
                count + 2,
                2,
                "/agency/name",
                'another report begins here: agency is "另一局", not "某某市民政局" as on line 2; '
                "loads reads one report (load_many reads many)",
            ),
            (
                2 * count + 2,
                1,
                "/year",
                'another report begins here: year is "2019", not "2021" as on line 2; '
                "loads reads one report (load_many reads many)",
            ),
        ]
        assert len(csv_codec.load_many(text)) == 3

    @pytest.mark.parametrize(
        ("name", "value", "pointer", "message"),
        [
            ("year", "21", "/year", 'expected a four-digit year such as 2021, got "21"'),
            ("year", "2021.0", "/year", 'expected a four-digit year such as 2021, got "2021.0"'),
            ("agency", " ", "/agency/name", "must not be blank"),
            ("template", "2020", "/template", 'expected one of "2019", "2021", "legacy", got "2020"'),
        ],
    )
    def test_identity(self, name: str, value: str, pointer: str, message: str) -> None:
        """A report's year, agency and template are checked once, on its first row."""
        text = table(
            *[[value if n == name else field for n, field in zip(ROWS[0], row, strict=True)] for row in ROWS[1:]]
        )
        assert problems_of(text) == [(2, ROWS[0].index(name) + 1, pointer, message)]

    def test_every_problem_is_listed(self) -> None:
        """Problems in different rows and columns are all reported, in the order of the file."""
        rows = [list(row) for row in ROWS]
        rows[4][9] = "x"
        rows[2][6] = "nope"
        rows[2][9] = "-1"
        rows[9][7] = "?"
        rows.insert(6, rows[5][:3])
        found = [(line, column) for line, column, _, _ in problems_of(table(*rows[1:]))]
        assert found == [(3, 7), (5, 10), (7, None), (11, 8)]

    def test_wrong_field_count(self) -> None:
        """A row with too few or too many fields is refused as a whole."""
        rows = [list(row) for row in ROWS]
        rows[1].append("")
        del rows[2][-1]
        assert problems_of(table(*rows[1:])) == [
            (2, None, "", "expected 10 fields, got 11"),
            (3, None, "", "expected 10 fields, got 9"),
        ]


class TestHeader:
    """The header names exactly the codec's columns."""

    def test_unknown_column(self) -> None:
        """An unknown column name is refused on line 1 at its index, with a suggestion."""
        header = HEADER.replace("column_label", "col_label")
        assert problems_of(table(*ROWS[1:], header=header)) == [
            (
                1,
                9,
                "",
                'unknown column "col_label"; did you mean "column_label"?; expected one of: year, agency, '
                "uscc, template, table, row, column, row_label, column_label, value",
            ),
            (1, None, "", 'missing column "column_label"'),
        ]

    def test_missing_and_duplicate(self) -> None:
        """A missing column and one given twice are both named."""
        header = HEADER.replace("uscc", "agency")
        assert problems_of(table(*ROWS[1:], header=header)) == [
            (1, 3, "", 'column "agency" appears twice (also column 2)'),
            (1, None, "", 'missing column "uscc"'),
        ]

    def test_case_matters(self) -> None:
        """Names are exact: Year is not year."""
        [first, _] = problems_of(table(*ROWS[1:], header=HEADER.replace("year", "Year")))
        assert first[:2] == (1, 1)
        assert first[3].startswith('unknown column "Year"; did you mean "year"?')

    @pytest.mark.parametrize("data", ["", "\ufeff", "\n\n", b"", b"\xef\xbb\xbf"])
    def test_empty(self, data: str | bytes) -> None:
        """No header at all is refused on line 1, column 1, where the header belongs."""
        assert problems_of(data) == [(1, 1, "", "empty: expected a header row (" + HEADER + ")")]


class TestHostileInput:
    """Malformed and hostile input gets a located ParseError, never a traceback."""

    def test_nul(self) -> None:
        """A NUL character is refused at its line, column and the cell's pointer."""
        assert problems_of(edited(RECEIVED_LINE, value="1\x002")) == [
            (
                RECEIVED_LINE,
                10,
                "/requests/received/natural_person",
                "the field holds U+0000, a character no report can carry",
            )
        ]

    def test_nul_in_agency(self) -> None:
        """In an identity column it is located at the agency's pointer, as bytes too."""
        data = edited(2, agency="某\x00局").encode("utf-8")
        assert problems_of(data) == [(2, 2, "/agency/name", "the field holds U+0000, a character no report can carry")]

    def test_invalid_utf8(self) -> None:
        """An undecodable byte is refused at its line and column, naming the byte."""
        data = edited(RECEIVED_LINE, row_label="X").encode("utf-8").replace(b",X,", b",\xff\xfe,")
        assert problems_of(data) == [
            (
                RECEIVED_LINE,
                8,
                "/requests/received/natural_person",
                "not UTF-8: byte 0xff cannot be decoded",
            )
        ]

    def test_invalid_utf8_in_header(self) -> None:
        """An undecodable byte in the header is located too."""
        data = (HEADER.replace("uscc", "us\xe9cc") + "\n").encode("latin-1")
        assert problems_of(data) == [
            (1, 3, "", "not UTF-8: byte 0xe9 cannot be decoded"),
            (1, None, "", 'missing column "uscc"'),
        ]

    def test_lone_surrogate_in_text(self) -> None:
        """Text input with a lone surrogate is refused as text no report can hold."""
        assert problems_of(edited(2, agency="局\ud800")) == [
            (2, 2, "/agency/name", "the field holds U+D800, a character no report can carry"),
        ]

    def test_size_limit(self) -> None:
        """Input over the size limit is refused before parsing, as bytes or text; the default is JSON's."""
        text = csv_codec.dumps(example())
        assert problems_of(text, max_size=100) == [
            (None, None, "", f"document of {len(text)} characters (as many bytes at least) exceeds the limit of 100")
        ]
        assert problems_of(text.encode(), max_size=100) == [
            (None, None, "", f"document of {len(text.encode())} bytes exceeds the limit of 100")
        ]
        assert csv_codec.DEFAULT_MAX_SIZE == DEFAULT_MAX_SIZE

    def test_field_size_limit(self) -> None:
        """A field over a given field-size limit is refused at its place; csv's global limit is left alone."""
        before = csv.field_size_limit()
        assert problems_of(edited(2, agency="局" * 5000), max_field_size=4096) == [
            (2, 2, "/agency/name", "field of 5000 characters exceeds the limit of 4096")
        ]
        one_row = table(["2021", "局" * 50, "", "2021", *RECEIVED[4:9], "3"])
        assert problems_of(one_row, max_field_size=40) == [
            (2, 2, "/agency/name", "field of 50 characters exceeds the limit of 40")
        ]
        assert csv.field_size_limit() == before

    def test_beyond_the_csv_module_limit(self) -> None:
        """A field beyond the csv module's own limit reads (the writer wrote it), and the limit is put back."""
        before = csv.field_size_limit()
        section = "x" * (before + 1)
        rows = table(
            ["2021", "某局", "", "2021", "narrative", "", "overview", "报告正文", "一、总体情况", section],
            ["2021", "某局", "", "2021", *RECEIVED[4:9], "3"],
        )
        report = csv_codec.loads(rows)
        assert report.narrative is not None
        assert report.narrative.overview == section
        assert csv.field_size_limit() == before
        [(line, column, pointer, message)] = problems_of(rows, max_field_size=100)
        assert (line, column, pointer) == (2, 10, "/narrative/overview")
        assert message == f"field of {before + 1} characters exceeds the limit of 100"

    def test_long_number(self) -> None:
        """A number with more digits than Python converts is refused, not raised.

        (Counts have at most 30 digits, ``MAX_DIGITS``: the message is JSON's and XML's, ``DIGITS_RULE``.)
        """
        text = edited(RECEIVED_LINE, value="9" * 5000)
        assert problems_of(text, max_field_size=10**4) == [
            (RECEIVED_LINE, 10, "/requests/received/natural_person", f"too many digits: {DIGITS_RULE}")
        ]

    @pytest.mark.parametrize(
        ("tail", "line", "message"),
        [
            ('2021,"某局\n', 2, "not valid CSV: unexpected end of data"),
            ('2021,"某"局\n', 2, "not valid CSV: ',' expected after '\"'"),
        ],
    )
    def test_csv_syntax(self, tail: str, line: int, message: str) -> None:
        """Broken quoting is refused at its line."""
        assert problems_of(HEADER + "\n" + tail) == [(line, None, "", message)]

    def test_rows_before_a_syntax_error_are_checked(self) -> None:
        """Problems before a syntax error are listed with it."""
        text = edited(2, value="x") + '2021,"某"局\n'
        assert [(line, column) for line, column, _, _ in problems_of(text)] == [(2, 10), (len(ROWS) + 1, None)]

    def test_wrong_argument_type(self) -> None:
        """Passing something that is not text is a TypeError, a programming mistake."""
        with pytest.raises(TypeError, match="expected str or bytes"):
            csv_codec.loads(42)  # type: ignore[arg-type]

    @given(st.binary(max_size=300))
    def test_any_bytes(self, data: bytes) -> None:
        """Any bytes give a report list or a ParseError, never another exception."""
        assert outcome(csv_codec.load_many, data) != ()

    @given(st.data())
    def test_edited_tables(self, data: st.DataObject) -> None:
        """A valid table with one span of text replaced reads as a report or raises a ParseError."""
        text = csv_codec.dumps(blank(data.draw(st.sampled_from(["2019", "2021"]))))
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 20)))
        junk = data.draw(st.text(alphabet=st.sampled_from(',"\n\r\x00-1９ａ/xyz'), max_size=5))
        problems = outcome(csv_codec.loads, text[:start] + junk + text[end:])
        assert problems != ()
        assert all(problem.line is None or problem.line >= 1 for problem in problems or ())


class TestParts:
    """Every part of a report, not only its cells, has rows of its own, so a plain table is lossless."""

    @given(reports())
    def test_lossless(self, report: gd.AnnualReport) -> None:
        """loads(dumps(r)) == r for every report the strategies draw, legacy reports included, as text and bytes."""
        text = csv_codec.dumps(report)
        assert csv_codec.loads(text) == report
        assert csv_codec.loads(text.encode("utf-8")) == report
        assert csv_codec.dumps(csv_codec.loads(text)) == text
        assert csv_codec.loads(csv_codec.dumps(report, excel=True)) == report

    @given(st.lists(reports(), max_size=4, unique_by=identity))
    def test_lossless_many(self, many: list[gd.AnnualReport]) -> None:
        """load_many(dump_many(rs)) == rs for any reports, whatever they hold."""
        assert csv_codec.load_many(csv_codec.dump_many(many)) == many

    @pytest.mark.parametrize("path", sorted(EXAMPLE.parent.glob("*.json")), ids=lambda path: path.name)
    def test_shipped_examples_convert(self, path: Path, tmp_path: Path) -> None:
        """``govdisclosure convert report.json report.csv`` works for both shipped examples, and converts back."""
        from govdisclosure.cli import main

        target = tmp_path / "report.csv"
        assert main(["convert", str(path), str(target)]) == 0
        assert gd.load(target) == gd.load(path)
        assert main(["convert", str(target), str(tmp_path / "back.json")]) == 0
        assert gd.load(tmp_path / "back.json") == gd.load(path)

    def test_part_rows_come_first_with_their_labels(self) -> None:
        """The example's parts precede its cells, each with the official labels of its field."""
        rows = rows_of(csv_codec.dumps(gd.load(EXAMPLE)))
        parts = [row[4:] for row in rows[1:9]]
        assert parts[:4] == [
            ["agency", "", "level", "发布机关", "行政层级", "provincial"],
            ["agency", "", "kind", "发布机关", "机关类型", "department"],
            ["agency", "", "parent", "发布机关", "上级机关", "重庆市人民政府"],
            ["published", "", "", "发布日期", "", "2022-01-28"],
        ]
        assert parts[4][:5] == ["narrative", "", "overview", "报告正文", "一、总体情况"]
        assert parts[-1][:5] == ["extensions", "", "", "扩展数据", ""]
        assert rows[9][4] == "proactive"

    def test_text_is_exact(self) -> None:
        """Narrative text keeps line breaks, quotes, commas and surrounding spaces; an empty section stays empty."""
        text = ' 一、"总体"，情况,\r\n第二行\n '
        report = blank(narrative=gd.Narrative(overview=text, other=""), agency=gd.Agency(name="某局", uscc=""))
        for excel in (False, True):
            assert csv_codec.loads(csv_codec.dumps(report, excel=excel)) == report

    def test_present_but_empty_narrative(self) -> None:
        """A narrative with no section given is not the same as none: one row says it is there."""
        report = blank(narrative=gd.Narrative())
        rows = rows_of(csv_codec.dumps(report))
        assert [row[4:] for row in rows[1:] if row[4] == "narrative"] == [["narrative", "", "", "报告正文", "", ""]]
        assert csv_codec.loads(csv_codec.dumps(report)) == report

    def test_long_fields_read_back(self) -> None:
        """A 4,097-character field (and one beyond the csv module's limit) dumps to CSV that reads back."""
        report = blank(agency=gd.Agency(name="局" * 1000))  # a name's longest (MAX_NAME_LENGTH)
        assert csv_codec.loads(csv_codec.dumps(report)) == report
        for length in (4097, csv.field_size_limit() + 10):
            report = blank(narrative=gd.Narrative(overview="字" * length))
            assert csv_codec.loads(csv_codec.dumps(report)) == report

    def test_cells_only_tables_still_read(self) -> None:
        """A table without part rows, as lossy or older versions write it, reads as before."""
        report = gd.load(EXAMPLE)
        with pytest.warns(csv_codec.CSVDataLossWarning):
            text = csv_codec.dumps(report, lossy=True)
        assert csv_codec.loads(text) == carried(report)

    def part_problems(self, *changes: tuple[str, str]) -> list[tuple[int | None, int | None, str, str]]:
        """The problems of the example's table with part rows edited: (field key, new value) pairs."""
        rows = [list(row) for row in rows_of(csv_codec.dumps(gd.load(EXAMPLE)))]
        for key, value in changes:
            row = next(row for row in rows if "/".join(row[4:7]) == key)
            row[9] = value
        return problems_of(table(*rows[1:]))

    def test_bad_part_values_are_located(self) -> None:
        """A part's value the model refuses is reported at its line, the value column and its pointer."""
        problems = self.part_problems(("agency//level", "galactic"), ("published//", "28.1.2022"))
        assert [(line, column, pointer) for line, column, pointer, _ in problems] == [
            (2, 10, "/agency/level"),
            (5, 10, "/published"),
        ]
        assert "galactic" in problems[0][3]

    def test_bad_json_is_located(self) -> None:
        """Extensions that are not JSON text are refused at their row; floats in them as the model refuses them."""
        [(line, column, pointer, message)] = self.part_problems(("extensions//", "{not json"))
        assert (line, column, pointer) == (9, 10, "/extensions")
        assert message.startswith('expected JSON text, got "{not json": ')
        [(line, column, pointer, message)] = self.part_problems(("extensions//", '{"a": 1.5}'))
        assert (line, column, pointer) == (9, 10, "/extensions/a")
        assert "float" in message
        [(_, _, _, message)] = self.part_problems(("extensions//", "[" * 100_000))
        assert message.startswith("expected JSON text")

    def test_unknown_and_duplicate_parts(self) -> None:
        """An unknown field of a part, a part given twice, and a value in a 'present' row are refused."""
        rows = [list(row) for row in rows_of(csv_codec.dumps(blank()))]
        identity_fields = rows[1][:4]
        extra = [
            [*identity_fields, "agency", "", "levle", "发布机关", "行政层级", "provincial"],
            [*identity_fields, "published", "", "", "发布日期", "", "2022-01-28"],
            [*identity_fields, "published", "", "", "发布日期", "", "2022-01-29"],
            [*identity_fields, "narrative", "", "", "报告正文", "", "x"],
        ]
        problems = problems_of(table(*extra, *rows[1:]))
        assert problems[0][:3] == (2, 7, "/agency/levle")
        assert problems[0][3].startswith('unknown column in table "agency" "levle"; did you mean "level"?')
        assert problems[1] == (4, 5, "/published", "duplicate part: already given on line 3")
        assert problems[2][:3] == (5, 10, "/narrative")

    def test_empty_csv_in_the_cli(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An empty CSV is located at line 1, column 1 on the command line, not "column None"."""
        from govdisclosure.cli import main

        empty = tmp_path / "empty.csv"
        empty.write_text("", encoding="utf-8")
        assert main(["validate", str(empty)]) == 2
        out = capsys.readouterr()
        assert "line 1, column 1: empty" in out.out + out.err
        assert "None" not in out.out + out.err
