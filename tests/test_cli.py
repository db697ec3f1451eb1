"""The govdisclosure command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure.cli import main
from govdisclosure.strategies import reports

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
VALID = '{"schema": "govdisclosure/annual-report/1", "template": "2021", "year": 2021, "agency": {"name": "某局"}}'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run the command in-process; return its exit status and standard output."""
    status = main(list(argv))
    return status, capsys.readouterr().out


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one valid report, one invalid report and a file that is not a report."""
    (tmp_path / "good.json").write_text(VALID, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.json").write_text(VALID.replace("2021,", '"2021",'), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a report", encoding="utf-8")
    return tmp_path


def test_validate_ok(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """A report with no error prints ok, with its info findings, and exits 0."""
    status, out = run(capsys, "validate", str(folder / "good.json"))
    assert status == 0
    assert out.splitlines() == [
        f"{folder / 'good.json'}: ok",
        "  info    [GD-BLANK-COUNTED] 197 个空白单元格按 0 参与计算",
        "",
        "1 个文件，1 份报告：0 个错误，0 个警告，1 条提示；勾稽关系："
        "检查 45 条，成立 45 条，不成立 0 条，无法判断 0 条；"
        f"govdisclosure {gd.__version__}，规则集 {gd.RULESET_VERSION}",
    ]


def test_validate_folder(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """A folder is searched for report files; an unreadable report exits 2 and says why and where."""
    status, out = run(capsys, "validate", "--lang", "en", str(folder))
    assert status == 2
    assert out.splitlines() == [
        f"{folder / 'good.json'}: ok",
        "  info    [GD-BLANK-COUNTED] 197 blank cells were counted as 0",
        f"{folder / 'sub' / 'bad.json'}: cannot be read as a report",
        '  error   /year [GD-PARSE] expected a four-digit year such as 2021, got the string "2021"',
        "",
        "2 files, 1 report: 1 error, 0 warnings, 1 info; relations:"
        " 45 checked, 45 held, 0 failed, 0 not assessable;"
        f" govdisclosure {gd.__version__}, ruleset {gd.RULESET_VERSION}",
    ]


def test_validate_json_output(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """--format json prints one object: a summary, then the findings, each naming its file."""
    status, out = run(capsys, "validate", "--format", "json", str(folder / "sub"))
    assert status == 2
    assert list(json.loads(out)) == ["summary", "findings"]
    assert json.loads(out)["findings"] == [
        {
            "file": str(folder / "sub" / "bad.json"),
            "item_line": None,
            "code": "GD-PARSE",
            "severity": "error",
            "path": "/year",
            "label": "",
            "expected": None,
            "actual": None,
            "message": 'expected a four-digit year such as 2021, got the string "2021"',
            "line": None,
            "column": None,
        }
    ]


def test_validate_errors_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A report that loads but breaks a rule exits 1, the finding located and named."""
    path = tmp_path / "sums.json"
    # Every applicant column written: blank parts beside a written total could not be checked.
    received = '{"natural_person": 2, "commercial": 0, "research": 0, "public_interest": 0, '
    received += '"legal_services": 0, "other_org": 0, "total": 3}'
    path.write_text(VALID[:-1] + ', "requests": {"received": ' + received + "}}", encoding="utf-8")
    status, out = run(capsys, "validate", "--format", "json", str(path))
    assert status == 1
    errors = [record for record in json.loads(out)["findings"] if record["severity"] == "error"]
    assert [(record["code"], record["path"], record["expected"], record["actual"]) for record in errors] == [
        ("GD-T3-ROW", "/requests/received/total", 2, 3),
    ]
    assert errors[0]["label"] == "一、本年新收政府信息公开申请数量 · 总计"


def test_validate_select_and_ignore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--select and --ignore choose rules by code or prefix, in the report and across years alike."""
    # Written cells (blanks beside a written figure cannot be checked): row 一 and the 总计 balance fail,
    # and 2022 carries over 2 where 2021 carried forward 1.
    received = '{"natural_person": 2, "commercial": 0, "research": 0, "public_interest": 0, '
    received += '"legal_services": 0, "other_org": 0, "total": 3}'
    requests = '"received": ' + received + ', "outcomes": {"total": {"total": 0}}, "carried_forward": {"total": 1}'
    first = VALID[:-1] + ', "requests": {' + requests + "}}"
    second = VALID.replace("2021,", "2022,")[:-1] + ', "requests": {"carried_over": {"total": 2}}}'
    (tmp_path / "2021.json").write_text(first, encoding="utf-8")
    (tmp_path / "2022.json").write_text(second, encoding="utf-8")

    def codes(*options: str) -> tuple[int, set[str]]:
        status, out = run(capsys, "validate", "--format", "json", *options, str(tmp_path))
        result = json.loads(out)
        assert result["summary"]["select"] == (options[1].split(",") if options[:1] == ("--select",) else None)
        return status, {record["code"] for record in result["findings"]}

    everything = codes()[1]
    assert {"GD-T3-ROW", "GD-T3-BALANCE", "GD-CARRY", "GD-BLANK-COUNTED"} <= everything
    assert codes("--select", "GD-T3-ROW") == (1, {"GD-T3-ROW"})
    assert codes("--select", "GD-CARRY,GD-BLANK-COUNTED")[1] == {"GD-CARRY", "GD-BLANK-COUNTED"}
    status, left = codes("--ignore", "GD-T3,GD-CARRY")
    # A relation's outcome (here: not assessable) goes with its rule: ignoring GD-T3 drops it too.
    assert left == everything - {"GD-T3-ROW", "GD-T3-BALANCE", "GD-CARRY", "GD-NOT-ASSESSABLE"}
    assert status == 0


def test_validate_cascades(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """One changed cell is one root cause, its broken relations inside it; --cascades lists them on their own."""
    report = gd.load(EXAMPLES / "2021-report.json")
    path = tmp_path / "broken.json"
    gd.dump(gd.replace(report, {"/requests/received/natural_person": 13}), path)

    def errors(*options: str) -> list[dict[str, object]]:
        status, out = run(capsys, "validate", "--format", "json", *options, str(path))
        assert status == 1
        return [record for record in json.loads(out)["findings"] if record["severity"] == "error"]

    (cause,) = errors()
    assert (cause["code"], cause["path"]) == ("GD-ROOT-CAUSE", "/requests/received/natural_person")
    values: Any = cause["values"]
    separate = errors("--cascades")
    assert [(r["code"], r["path"]) for r in separate] == [(c["code"], c["path"]) for c in values["consequences"]]
    assert len(separate) > 1


def test_validate_unknown_rule_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A code no rule has is a usage error, exit 2, named."""
    path = tmp_path / "a.json"
    path.write_text(VALID, encoding="utf-8")
    assert main(["validate", "--select", "GD-NOPE", str(path)]) == 2
    assert "'GD-NOPE'" in capsys.readouterr().err


def test_validate_jump_settings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--jump-factor and --jump-minimum set when GD-JUMP fires; a setting out of range is a usage error, exit 2."""
    report = gd.load(EXAMPLES / "2021-report.json")  # 15 new requests received
    gd.dump(report, tmp_path / "2021.json")
    gd.dump(gd.replace(attrs.evolve(report, year=2022), {"/requests/received/total": 60}), tmp_path / "2022.json")

    def jumps(*options: str) -> list[tuple[str, object, object]]:
        _, out = run(capsys, "validate", "--format", "json", *options, str(tmp_path))
        records = json.loads(out)["findings"]
        return [(r["path"], r["expected"], r["actual"]) for r in records if r["code"] == "GD-JUMP"]

    assert jumps() == []  # 60 is not more than 10 times 15
    assert jumps("--jump-factor", "3") == [("/requests/received/total", 15, 60)]
    assert jumps("--jump-factor", "3", "--jump-minimum", "61") == []
    assert main(["validate", "--jump-factor", "1", str(tmp_path)]) == 2
    assert "jump_factor must be a number above 1" in capsys.readouterr().err


def test_validate_strict_blanks(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """--blank strict makes every blank cell a relation reads an error."""
    status, out = run(capsys, "validate", "--blank", "strict", "--lang", "en", str(folder / "good.json"))
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == f"{folder / 'good.json'}: 197 errors"
    assert lines[1] == (
        "  error   /proactive/rules/issued [GD-BLANK] Rules · Issued this year: "
        "left blank where a number belongs (write 0 for none)"
    )


def test_validate_across_years(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Reports of one agency in consecutive years are checked against each other."""
    first = VALID[:-1] + ', "requests": {"received": {"total": 1}, "carried_forward": {"total": 1}}}'
    second = VALID.replace("2021,", "2022,")[:-1] + ', "requests": {"carried_over": {"total": 2}}}'

    (tmp_path / "2021.json").write_text(first, encoding="utf-8")
    (tmp_path / "2022.json").write_text(second, encoding="utf-8")
    status, out = run(capsys, "validate", "--format", "json", str(tmp_path))
    assert status == 0  # GD-CARRY is a reviewers' convention: a warning
    carry = [record for record in json.loads(out)["findings"] if record["code"] == "GD-CARRY"]
    assert [(record["file"], record["path"], record["expected"], record["actual"]) for record in carry] == [
        (str(tmp_path / "2022.json"), "/requests/carried_over/total", 1, 2),
    ]


def test_validate_syntax_error_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A JSON syntax error is reported with its line and column."""
    path = tmp_path / "broken.json"
    path.write_text('{\n  "schema": ,\n}', encoding="utf-8")
    status, out = run(capsys, "validate", str(path))
    assert status == 2
    assert out.splitlines()[1] == "  error   [GD-PARSE] line 2, column 13: not valid JSON: Expecting value"


def test_validate_missing_and_unknown(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing file and a file of unknown format are both unreadable input."""
    status, out = run(capsys, "validate", str(tmp_path / "absent.json"), str(tmp_path / "x.txt"))
    assert status == 2
    assert "cannot read: No such file or directory" in out
    assert "cannot tell the format" in out


def test_validate_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A folder with no report files is bad input, said on standard error."""
    assert main(["validate", str(tmp_path)]) == 2
    assert "no report files found" in capsys.readouterr().err


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """schema --format json prints the shipped JSON Schema."""
    status, out = run(capsys, "schema", "--format", "json")
    assert status == 0
    assert json.loads(out) == gd.json_schema()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Bad usage exits 2 with argparse's message, as design.md asks."""
    for argv in ([], ["validate"], ["schema", "--format", "yaml"], ["frobnicate"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
    capsys.readouterr()


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=reports())
def test_validate_any_consistent_report(tmp_path: Path, report: gd.AnnualReport) -> None:
    """Every consistent report the library writes, the command passes."""
    path = tmp_path / "report.json"
    gd.dump(report, path)
    assert main(["validate", str(path)]) == 0


def test_installed_entry_point(tmp_path: Path) -> None:
    """``python -m govdisclosure.cli`` runs the same command in a fresh process."""
    path = tmp_path / "good.json"
    path.write_text(VALID, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "govdisclosure.cli", "validate", str(path)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout.splitlines()[0], done.stderr) == (0, f"{path}: ok", "")


def test_convert_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """convert writes XML from JSON by suffix, and back to the same JSON bytes."""
    example = Path(__file__).resolve().parents[1] / "examples" / "2021-report.json"
    assert main(["convert", str(example), str(tmp_path / "r.xml")]) == 0
    assert main(["convert", str(tmp_path / "r.xml"), str(tmp_path / "r.json")]) == 0
    assert (tmp_path / "r.json").read_bytes() == example.read_bytes()
    assert main(["convert", str(example), "-", "--to", "xml"]) == 0
    assert capsys.readouterr().out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<annual-report')


def test_convert_to_csv_refuses_loss(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """CSV carries every part of a report; --lossy writes the cells only and warns about what is dropped."""
    example = Path(__file__).resolve().parents[1] / "examples" / "2021-report.json"
    assert main(["convert", str(example), str(tmp_path / "r.csv")]) == 0
    assert gd.load(tmp_path / "r.csv") == gd.load(example)
    assert capsys.readouterr().err == ""
    assert main(["convert", str(example), str(tmp_path / "r.csv"), "--lossy"]) == 0
    assert "warning: CSV cannot carry /agency/level" in capsys.readouterr().err
    assert len((tmp_path / "r.csv").read_text("utf-8").splitlines()) == 201


def test_convert_unreadable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An unreadable input exits 2 with its problems on standard error."""
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert main(["convert", str(tmp_path / "bad.json"), str(tmp_path / "out.xml")]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert not (tmp_path / "out.xml").exists()


def test_schema_xsd(capsys: pytest.CaptureFixture[str]) -> None:
    """schema --format xsd prints the XML Schema, the strict one with --template."""
    assert main(["schema", "--format", "xsd"]) == 0
    assert capsys.readouterr().out == gd.xml_schema()
    assert main(["schema", "--format", "xsd", "--template", "2019"]) == 0
    assert capsys.readouterr().out == gd.xml_schema("2019")
    assert main(["schema", "--template", "2019"]) == 2


def test_progress_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Many files checked on a terminal show a progress bar on standard error, cleared at the end."""
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for index in range(20):
        (tmp_path / f"{index:02}.json").write_text(VALID.replace('"某局"', f'"局{index}"'), encoding="utf-8")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["validate", str(tmp_path)]) == 0
    shown = terminal.getvalue()
    assert "\r[" + "#" * 30 + "] 20/20" in shown
    assert shown.endswith("\r" + " " * 60 + "\r")


def test_no_progress_when_piped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Piped standard error gets no progress bar."""
    for index in range(20):
        (tmp_path / f"{index:02}.json").write_text(VALID, encoding="utf-8")
    main(["validate", str(tmp_path)])
    assert capsys.readouterr().err == ""
