"""The documents and script in examples/: they load, round-trip, validate, run, and say what they claim."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import jsonschema
import pytest

import govdisclosure as gd
from govdisclosure.model import RequestRow, RequestTable2019, RequestTable2021

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.json"))
TIANSHUI = EXAMPLES_DIR / "2019-tianshui-civil-affairs.json"
REPORT_2021 = EXAMPLES_DIR / "2021-report.json"


def test_examples_are_there() -> None:
    """Both example documents ship (a glob over an empty folder would test nothing)."""
    assert {TIANSHUI, REPORT_2021} <= set(EXAMPLES)


@pytest.fixture(params=EXAMPLES, ids=[path.name for path in EXAMPLES])
def example(request: pytest.FixtureRequest) -> Path:
    """Each examples/*.json file."""
    path: Path = request.param
    return path


def test_loads_and_round_trips(example: Path) -> None:
    """An example loads, and dumping and reloading gives an equal report."""
    report = gd.load(example)
    assert gd.loads(gd.dumps(report)) == report


def test_is_canonical(example: Path) -> None:
    """An example's bytes are exactly what the library writes for it, so it also shows the canonical form."""
    report = gd.load(example)
    assert example.read_text(encoding="utf-8") == gd.dumps(report) + "\n"


def test_validates_against_json_schema(example: Path) -> None:
    """An example satisfies the shipped JSON Schema."""
    document = json.loads(example.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        gd.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [error.message for error in validator.iter_errors(document)] == []


def test_quickstart_runs(tmp_path: Path) -> None:
    """examples/quickstart.py runs to the end from any working directory."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES_DIR / "quickstart.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ParseError" in result.stdout


#: Documentation pages whose ```python blocks run as they stand, in order, from a clone's root.
DOC_PAGES = [
    "README.md",
    "docs/index.md",
    "docs/quickstart.md",
    "docs/regulation.md",
    "docs/interchange.md",
    "docs/rules.md",
    "docs/xml.md",
    "docs/csv.md",
    "docs/testing.md",
]


@pytest.mark.parametrize("page", DOC_PAGES)
def test_docs_code_runs(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python examples of a documentation page run, one block after another, without error."""
    source = ROOT / page
    if not source.exists():
        pytest.skip(f"{page} is not beside the tests")
    blocks = re.findall(r"^```python\n(.*?)^```", source.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    assert blocks, f"{page} has no Python example"
    shutil.copytree(EXAMPLES_DIR, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"{page}, block {number}", "exec"), namespace)


# ------------------------------------------------------------------ table 三 rows


def _rows(table: RequestTable2019 | RequestTable2021) -> Iterator[tuple[str, RequestRow]]:
    """Every row of a table 三 model as ``(name, row)``: 一, 二, each outcome leaf, （七）总计, 四."""
    for field in attrs.fields(type(table)):
        value = getattr(table, field.name)
        if isinstance(value, RequestRow):
            yield field.name, value
        else:  # the outcomes: leaves, then 总计
            for path, row in value.leaves():
                yield "outcomes/" + "/".join(path), row
            yield "outcomes/total", value.total


def _add(*cells: int | None) -> int | None:
    """Cells added up, a blank counting as 0; blank when every cell is blank."""
    present = [cell for cell in cells if cell is not None]
    return sum(present) if present else None


def _inconsistencies(report: gd.AnnualReport2019 | gd.AnnualReport2021) -> list[str]:
    """Every arithmetic relation of tables 三 and 四 that does not hold, described; empty when all hold."""
    found: list[str] = []
    requests = report.requests
    for name, row in _rows(requests):
        if row.computed_total() != row.total:
            found.append(f"{name}: applicants add up to {row.computed_total()}, 总计 reads {row.total}")
    outcomes = requests.outcomes
    if outcomes.computed_total() != outcomes.total:
        found.append(f"outcomes: rows add up to {outcomes.computed_total()}, （七）总计 reads {outcomes.total}")
    for column in attrs.fields(RequestRow):
        column_of = column.name
        supply = _add(getattr(requests.received, column_of), getattr(requests.carried_over, column_of))
        handled = _add(getattr(outcomes.total, column_of), getattr(requests.carried_forward, column_of))
        if supply != handled:
            found.append(f"{column_of}: 一 + 二 = {supply}, （七）总计 + 四 = {handled}")
    for field in attrs.fields(type(report.review_litigation)):
        group = getattr(report.review_litigation, field.name)
        if group.computed_total() != group.total:
            found.append(
                f"review_litigation/{field.name}: results add up to {group.computed_total()}, 总计 reads {group.total}"
            )
    return found


def test_2021_example_is_consistent() -> None:
    """Every sum of the 2021 example holds, blank for blank and zero for zero."""
    report = gd.load(REPORT_2021)
    assert isinstance(report, gd.AnnualReport2021)
    assert _inconsistencies(report) == []


def test_2021_example_has_blanks_and_zeros() -> None:
    """The 2021 example shows both a blank cell and a written zero, as real reports do."""
    report = gd.load(REPORT_2021)
    assert isinstance(report, gd.AnnualReport2021)
    cells = [cell for _, row in _rows(report.requests) for cell in attrs.astuple(row)]
    assert None in cells
    assert 0 in cells


def test_inconsistencies_are_found() -> None:
    """The consistency check is not vacuous: a changed cell is reported."""
    report = gd.load(REPORT_2021)
    assert isinstance(report, gd.AnnualReport2021)
    received = attrs.evolve(report.requests.received, natural_person=13)
    broken = attrs.evolve(report, requests=attrs.evolve(report.requests, received=received))
    assert len(_inconsistencies(broken)) == 2  # the row's 总计, and the column balance


def test_tianshui_table_3_totals_only() -> None:
    """Seed 004 prints one number per row of table 三; the transcription puts it in 总计, applicants blank."""
    report = gd.load(TIANSHUI)
    assert isinstance(report, gd.AnnualReport2019)
    rows = list(_rows(report.requests))
    assert len(rows) == 1 + 1 + 19 + 1 + 1
    for name, row in rows:
        assert row.total == 0, name
        assert row.applicants == (None,) * 6, name


def test_tianshui_table_4_totals_only() -> None:
    """The three zeros of table 四 are transcribed as the three 总计 cells; the results are blank."""
    report = gd.load(TIANSHUI)
    assert isinstance(report, gd.AnnualReport2019)
    for field in attrs.fields(type(report.review_litigation)):
        group = getattr(report.review_litigation, field.name)
        assert (group.upheld, group.corrected, group.other, group.pending, group.total) == (None,) * 4 + (0,)
