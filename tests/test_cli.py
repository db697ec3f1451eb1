"""The govdisclosure command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure.cli import main
from govdisclosure.strategies import reports

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
    """A valid report prints ok and exits 0."""
    status, out = run(capsys, "validate", str(folder / "good.json"))
    assert (status, out) == (0, f"{folder / 'good.json'}: ok\n")


def test_validate_folder(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """A folder is searched for report files; an unreadable report exits 2 and says why and where."""
    status, out = run(capsys, "validate", str(folder))
    assert status == 2
    assert out.splitlines() == [
        f"{folder / 'good.json'}: ok",
        f"{folder / 'sub' / 'bad.json'}: cannot be read as a report",
        '  /year: expected a four-digit year such as 2021, got the string "2021"',
    ]


def test_validate_json_output(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """--format json prints a JSON array of findings, each naming its file."""
    status, out = run(capsys, "validate", "--format", "json", str(folder))
    assert status == 2
    assert json.loads(out) == [{
        "file": str(folder / "sub" / "bad.json"),
        "code": "GD-PARSE",
        "severity": "error",
        "path": "/year",
        "label": None,
        "expected": None,
        "actual": None,
        "message": 'expected a four-digit year such as 2021, got the string "2021"',
        "line": None,
        "column": None,
    }]


def test_validate_syntax_error_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A JSON syntax error is reported with its line and column."""
    path = tmp_path / "broken.json"
    path.write_text('{\n  "schema": ,\n}', encoding="utf-8")
    status, out = run(capsys, "validate", str(path))
    assert status == 2
    assert out.splitlines()[1] == "  line 2, column 13: not valid JSON: Expecting value"


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
def test_validate_any_dumped_report(tmp_path: Path, report: gd.AnnualReport) -> None:
    """Every report the library writes, the command accepts."""
    path = tmp_path / "report.json"
    gd.dump(report, path)
    assert main(["validate", str(path)]) == 0


def test_installed_entry_point(tmp_path: Path) -> None:
    """``python -m govdisclosure.cli`` runs the same command in a fresh process."""
    path = tmp_path / "good.json"
    path.write_text(VALID, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "govdisclosure.cli", "validate", str(path)],
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{path}: ok\n", "")
