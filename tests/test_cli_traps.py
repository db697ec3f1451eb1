"""The command line's traps: targets that cannot be written, files met twice, streams, odd names, odd files."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.cli import main
from govdisclosure.codecs import csv as csv_codec

VALID = '{"schema": "govdisclosure/annual-report/1", "template": "2021", "year": 2021, "agency": {"name": "某局"}}'
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2021-report.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process; return its exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def report(name: str, year: int = 2021) -> gd.AnnualReport2021:
    """A minimal 2021-template report of agency *name* for *year*."""
    return gd.AnnualReport2021(year=year, agency=gd.Agency(name=name))


# ------------------------------------------------------------------ convert targets


def test_convert_into_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A target in a folder that does not exist is exit 2 with one clear line, no traceback."""
    target = tmp_path / "missing-dir" / "out.xml"
    status, _, err = run(capsys, "convert", str(EXAMPLE), str(target))
    assert status == 2
    assert err == f"govdisclosure: cannot write {target}: no folder {target.parent}\n"


def test_convert_into_a_file_as_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A target whose folder is a file cannot be written: exit 2, said clearly."""
    (tmp_path / "file").write_text("", encoding="utf-8")
    status, _, err = run(capsys, "convert", str(EXAMPLE), str(tmp_path / "file" / "out.xml"))
    assert status == 2
    assert err == f"govdisclosure: cannot write {tmp_path / 'file' / 'out.xml'}: {tmp_path / 'file'} is not a folder\n"


def test_convert_unwritable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A target the system refuses to write is exit 2 with the system's reason, no traceback."""

    def refuse(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_text", refuse)
    status, _, err = run(capsys, "convert", str(EXAMPLE), str(tmp_path / "out.xml"))
    assert (status, err) == (2, f"govdisclosure: cannot write {tmp_path / 'out.xml'}: Permission denied\n")


def test_convert_into_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A folder as target is exit 2, said clearly."""
    (tmp_path / "out.xml").mkdir()
    status, _, err = run(capsys, "convert", str(EXAMPLE), str(tmp_path / "out.xml"))
    assert (status, err) == (2, f"govdisclosure: cannot write {tmp_path / 'out.xml'}: it is a folder\n")


def test_convert_format_against_suffix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--to json into an .xml file is refused (exit 2); into - it is written."""
    status, _, err = run(capsys, "convert", "--to", "json", str(EXAMPLE), str(tmp_path / "out.xml"))
    assert status == 2
    assert "its suffix names 'xml', not 'json' (--to)" in err
    assert not (tmp_path / "out.xml").exists()
    status, out, _ = run(capsys, "convert", "--to", "json", str(EXAMPLE), "-")
    assert (status, out) == (0, EXAMPLE.read_text("utf-8"))


def test_convert_from_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """convert - reads standard input, its format told from the content."""
    xml = gd.dumps(gd.load(EXAMPLE), "xml").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(xml)))
    status, out, _ = run(capsys, "convert", "-", "-", "--to", "json")
    assert (status, out) == (0, EXAMPLE.read_text("utf-8"))


# ------------------------------------------------------------------ the same report twice


def test_same_folder_twice(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """validate d/ d/ (or a file twice) checks each file once: no duplicate of itself."""
    (tmp_path / "r.json").write_text(VALID, encoding="utf-8")
    status, out, err = run(
        capsys, "validate", "--format", "json", str(tmp_path), str(tmp_path), str(tmp_path / "r.json")
    )
    assert status == 0
    result = json.loads(out)
    assert result["summary"]["files"] == 1
    assert "GD-DUPLICATE" not in result["summary"]["codes"]
    assert err.count("already read") == 2


def test_duplicate_names_the_other_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """report.json beside its conversion report.xml is a GD-DUPLICATE naming the other file."""
    (tmp_path / "report.json").write_text(VALID, encoding="utf-8")
    assert main(["convert", str(tmp_path / "report.json"), str(tmp_path / "report.xml")]) == 0
    status, out, _ = run(capsys, "validate", "--format", "json", "--lang", "en", str(tmp_path))
    assert status == 1
    (duplicate,) = [record for record in json.loads(out)["findings"] if record["code"] == "GD-DUPLICATE"]
    assert duplicate["file"] == str(tmp_path / "report.xml")
    assert duplicate["expected"] == str(tmp_path / "report.json")
    assert duplicate["message"] == f"another report for this agency and 2021 was given: {tmp_path / 'report.json'}"


# ------------------------------------------------------------------ many reports in one file


def test_multi_report_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The library's own multi-report CSV is read, each report checked and named by its first row."""
    path = tmp_path / "many.csv"
    path.write_text(csv_codec.dump_many([report("甲"), report("乙")]), encoding="utf-8", newline="")
    status, out, _ = run(capsys, "validate", "--lang", "en", str(path))
    rows = len(csv_codec.dumps(report("甲")).splitlines()) - 1
    assert status == 0
    assert [line for line in out.splitlines() if not line.startswith(" ")] == [
        f"{path}:2: ok",
        f"{path}:{2 + rows}: ok",
        "",
        "1 file, 2 reports: 0 errors, 0 warnings, 2 infos; relations:"
        " 90 checked, 90 held, 0 failed, 0 not assessable;"
        f" govdisclosure {gd.__version__}, ruleset {gd.RULESET_VERSION}",
    ]


def test_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A JSON Lines file is read line by line; a bad line is reported at its line and the others checked."""
    path = tmp_path / "many.jsonl"
    path.write_text(VALID + '\n{"schema": 1}\n' + VALID.replace("某局", "乙局") + "\n", encoding="utf-8")
    status, out, _ = run(capsys, "validate", "--lang", "en", str(path))
    assert status == 2
    heads = [line for line in out.splitlines() if not line.startswith(" ")]
    assert heads == [
        f"{path}:1: ok",
        f"{path}:2: cannot be read as a report",
        f"{path}:3: ok",
        "",
        "1 file, 2 reports: 2 errors, 0 warnings, 2 infos; relations:"
        " 90 checked, 90 held, 0 failed, 0 not assessable;"
        f" govdisclosure {gd.__version__}, ruleset {gd.RULESET_VERSION}",
    ]
    assert '  error   /schema [GD-PARSE] line 2: expected "govdisclosure/annual-report/1", got 1' in out.splitlines()


# ------------------------------------------------------------------ version, stdin, output


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the library's version and exits 0."""
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"govdisclosure {gd.__version__}\n"


@pytest.mark.parametrize("format", ["json", "xml"])
def test_validate_stdin(format: str) -> None:
    """validate - reads standard input, its format told from the content."""
    data = gd.dumps(gd.loads(VALID), format).encode()
    command = [sys.executable, "-m", "govdisclosure.cli", "validate", "-"]
    done = subprocess.run(command, input=data, capture_output=True, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").splitlines()[0] == "<stdin>: ok"


def test_json_summary_for_a_clean_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--format json gives a summary first, even for a clean file, laid out as json.dumps(indent=2) would."""
    path = tmp_path / "r.json"
    path.write_text(VALID, encoding="utf-8")
    status, out, _ = run(capsys, "validate", "--format", "json", str(path))
    result = json.loads(out)
    assert status == 0
    assert out == json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    assert list(result) == ["summary", "findings"]
    assert result["summary"] == {
        "verdict": "ok",
        "files": 1,
        "reports": 1,
        "unreadable": 0,
        "severities": {"error": 0, "warning": 0, "info": 1},
        "codes": {"GD-BLANK-COUNTED": 1},
        "skipped": [],
        "blank": "lenient",
        "cascades": False,
        "select": None,
        "ignore": None,
        "lang": "zh",
        "version": gd.__version__,
        "suppressed": {},
        "suppress": None,
        "relations": {"checked": 45, "held": 45, "failed": 0, "not_assessable": 0},
        "ruleset": gd.RULESET_VERSION,
    }
    assert [record["code"] for record in result["findings"]] == ["GD-BLANK-COUNTED"]
    status, out, _ = run(capsys, "validate", "--format", "json", "--blank", "strict", str(path))
    assert json.loads(out)["summary"]["verdict"] == "errors"


def test_json_lines_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--format jsonl writes one finding a line as it goes, and the summary last."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.json").write_text(VALID.replace("某局", name), encoding="utf-8")
    status, out, _ = run(capsys, "validate", "--format", "jsonl", str(tmp_path))
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert [line.get("file") for line in lines[:-1]] == [str(tmp_path / "a.json"), str(tmp_path / "b.json")]
    assert lines[-1]["summary"]["files"] == 2


# ------------------------------------------------------------------ odd entries and names


def test_skipped_entries_are_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A broken link, a FIFO and a file that is not a report are each named, with a good file beside or not."""
    (tmp_path / "gone.json").symlink_to(tmp_path / "nowhere.json")
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    status, out, err = run(capsys, "validate", str(tmp_path))
    assert (status, out) == (2, "")
    assert err.splitlines() == [
        f"govdisclosure: skipped {tmp_path / 'gone.json'}: a broken symbolic link",
        f"govdisclosure: skipped {tmp_path / 'notes.txt'}: not a report file (no known suffix)",
        f"govdisclosure: skipped {tmp_path / 'pipe.json'}: not a regular file (a FIFO)",
        "govdisclosure: no report files found",
    ]
    (tmp_path / "good.json").write_text(VALID, encoding="utf-8")
    status, out, err = run(capsys, "validate", "--format", "json", str(tmp_path))
    assert status == 0
    assert len(err.splitlines()) == 3
    assert [entry["reason"] for entry in json.loads(out)["summary"]["skipped"]] == [
        "a broken symbolic link",
        "not a report file (no known suffix)",
        "not a regular file (a FIFO)",
    ]


def test_named_fifo_and_device(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A FIFO named x.json and /dev/zero are refused by name, without hanging or reading forever."""
    os.mkfifo(tmp_path / "x.json")
    status, out, _ = run(capsys, "validate", "--lang", "en", str(tmp_path / "x.json"))
    assert status == 2
    assert "not a regular file (a FIFO): refused without reading it" in out
    done = subprocess.run(
        [sys.executable, "-m", "govdisclosure.cli", "convert", "/dev/zero", "-", "--to", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "not a regular file (a character device)" in done.stderr


def test_size_limit_before_reading(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A 300 MB file is refused from its size, not read first."""
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 2
    assert "file of 314572800 bytes exceeds the limit of 16777216 bytes" in out


def test_undecodable_file_name(tmp_path: Path) -> None:
    """A file name that is not UTF-8 is escaped in text output and stays valid UTF-8 JSON."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9.json"
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write(VALID)
    command = [sys.executable, "-m", "govdisclosure.cli", "validate"]
    text = subprocess.run([*command, os.fsdecode(raw)], capture_output=True, check=False)
    assert text.returncode == 0
    assert text.stdout.decode("utf-8").splitlines()[0] == f"{tmp_path}/caf\\xe9.json: ok"
    as_json = subprocess.run([*command, "--format", "json", os.fsdecode(raw)], capture_output=True, check=False)
    assert json.loads(as_json.stdout.decode("utf-8"))["findings"][0]["file"] == f"{tmp_path}/caf\\xe9.json"


def test_newline_in_file_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A newline in a file name is escaped, so each file stays on one line of output."""
    path = tmp_path / "two\nlines.json"
    path.write_text(VALID, encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 0
    assert out.splitlines()[0] == f"{tmp_path}/two\\nlines.json: ok"


def test_finding_about_a_file_written_already(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A cross-year finding decided only after its file was written follows under its name, marked so."""
    later = VALID.replace("2021,", "2022,")[:-1] + ', "requests": {"carried_over": {"total": 2}}}'
    earlier = VALID[:-1] + ', "requests": {"received": {"total": 1}, "carried_forward": {"total": 1}}}'
    (tmp_path / "1.json").write_text(later, encoding="utf-8")
    (tmp_path / "2.json").write_text(earlier, encoding="utf-8")
    status, out, _ = run(capsys, "validate", "--lang", "en", str(tmp_path))
    assert status == 0  # GD-CARRY is a reviewers' convention: a warning (issue 11)
    heads = [line for line in out.splitlines() if not line.startswith(" ")]
    assert [heads[0], heads[2]] == [f"{tmp_path / '1.json'}: ok", f"{tmp_path / '1.json'}: ok (across years)"]
    assert out.splitlines()[-3].startswith("  warning /requests/carried_over/total [GD-CARRY]")
    assert out.splitlines()[-2:] == [
        "",
        "2 files, 2 reports: 0 errors, 1 warning, 6 infos; relations:"
        " 90 checked, 86 held, 0 failed, 4 not assessable;"
        f" govdisclosure {gd.__version__}, ruleset {gd.RULESET_VERSION}",
    ]
