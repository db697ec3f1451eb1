"""The validation summary: gd.check, ValidationSummary, RelationCounts, suppression, RULESET_VERSION."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.cli import main
from govdisclosure.rules import RULES, ReportInvalid, Severity, Suppression, suppressions
from govdisclosure.rules.summary import library_version

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def example() -> Any:
    """The 2021 example report, which has no error."""
    return gd.load(EXAMPLES / "2021-report.json")


def one_cell_off() -> Any:
    """The example with 自然人 received one too many: one root cause breaking two relations."""
    report = example()
    received = report.requests.received
    received = attrs.evolve(received, natural_person=received.natural_person + 1)
    return attrs.evolve(report, requests=attrs.evolve(report.requests, received=received))


# ------------------------------------------------------------------ check and its summary


def test_check_of_a_clean_report() -> None:
    """A clean report: verdict ok, every selected relation checked and held, the versions named."""
    result = gd.check(example())
    assert result.findings == tuple(gd.iter_findings(example()))
    assert result.summary.to_dict() == {
        "verdict": "ok",
        "reports": 1,
        "severities": {"error": 0, "warning": 0, "info": 1},
        "codes": {"GD-BLANK-COUNTED": 1},
        "suppressed": {},
        "relations": {"checked": 45, "held": 45, "failed": 0, "not_assessable": 0},
        "version": gd.__version__,
        "ruleset": gd.RULESET_VERSION,
    }
    assert next(iter(result.summary.to_dict())) == "verdict"


def test_check_counts_the_relations_a_root_cause_breaks_as_failed() -> None:
    """One cell off breaks two relations: one finding (the root cause), two failed, with or without cascades."""
    report = one_cell_off()
    result = gd.check(report, lang="en")
    assert [f.code for f in result.findings] == ["GD-ROOT-CAUSE", "GD-BLANK-COUNTED"]
    assert result.summary.verdict == "errors"
    assert result.summary.relations == gd.RelationCounts(checked=45, held=43, failed=2, not_assessable=0)
    assert result.errors == result.findings[:1]
    cascaded = gd.check(report, cascades=True)
    assert cascaded.summary.relations == result.summary.relations
    assert cascaded.summary.codes == {"GD-BLANK-COUNTED": 1, "GD-T3-BALANCE": 1, "GD-T3-ROW": 1}


def test_check_counts_blanks_as_not_assessable() -> None:
    """A blank part beside a written total leaves the relation not assessable; a blank total too."""
    report = example()
    received = report.requests.received
    blanked = attrs.evolve(received, natural_person=None)
    result = gd.check(attrs.evolve(report, requests=attrs.evolve(report.requests, received=blanked)))
    counts = result.summary.relations
    assert counts.failed == 0
    assert counts.not_assessable >= 1
    assert counts.checked == counts.held + counts.failed + counts.not_assessable == 45
    assert result.summary.verdict == "ok"
    assert result.summary.codes["GD-NOT-ASSESSABLE"] == counts.not_assessable


def test_check_counts_only_the_selected_relations() -> None:
    """select= narrows the relations counted; selecting no relation rule counts none."""
    report = one_cell_off()
    rows = gd.check(report, select=["GD-T3-ROW"]).summary.relations
    assert (rows.checked, rows.failed) == (sum(r.code == "GD-T3-ROW" for r in _relations(report)), 1)
    assert gd.check(report, select=["GD-USCC"]).summary.relations == gd.RelationCounts()


def _relations(report: Any) -> list[Any]:
    return list(gd.rules.relations_for(report.template))


def test_check_refuses_what_iter_findings_refuses() -> None:
    """check raises as iter_findings does: an unknown language, policy, or not a report."""
    with pytest.raises(ValueError, match="unknown language"):
        gd.check(example(), lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="blank must be"):
        gd.check(example(), blank="loose")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a report"):
        gd.check(object())  # type: ignore[arg-type]


# ------------------------------------------------------------------ summaries add up


def test_summaries_add_up() -> None:
    """The sum of two reports' summaries counts both; ValidationSummary() is the start of a sum."""
    clean, broken = gd.check(example()).summary, gd.check(one_cell_off()).summary
    total = sum([clean, broken], gd.ValidationSummary())
    assert total.reports == 2
    assert total.verdict == "errors"
    assert total.severities == {"error": 1, "warning": 0, "info": 2}
    assert total.codes == {"GD-BLANK-COUNTED": 2, "GD-ROOT-CAUSE": 1}
    assert total.relations == gd.RelationCounts(90, 88, 2, 0)
    assert total.findings == 3
    assert gd.ValidationSummary().to_dict()["verdict"] == "ok"


def test_summaries_of_other_versions_do_not_add() -> None:
    """Counts made by another rule set are not added to these: a ValueError names both versions."""
    other = attrs.evolve(gd.ValidationSummary(), ruleset=gd.RULESET_VERSION + 1)
    with pytest.raises(ValueError, match="different versions"):
        gd.ValidationSummary() + other
    with pytest.raises(TypeError):
        gd.ValidationSummary() + 1  # type: ignore[operator]


def test_summary_to_dict_is_json() -> None:
    """to_dict is plain JSON data and round-trips through json."""
    data = gd.check(one_cell_off()).summary.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert library_version() == gd.__version__


def test_ruleset_version_is_a_whole_number() -> None:
    """RULESET_VERSION is one number, exported once at the top level and in rules."""
    assert isinstance(gd.RULESET_VERSION, int)
    assert gd.RULESET_VERSION >= 1
    assert gd.rules.RULESET_VERSION is gd.RULESET_VERSION


# ------------------------------------------------------------------ suppression


def test_suppressed_findings_are_left_out_and_counted() -> None:
    """A suppressed finding is not yielded nor an error, but the summary counts it by code."""
    report = one_cell_off()
    result = gd.check(report, suppress=[("GD-ROOT-CAUSE", "/requests/received/natural_person")])
    assert [f.code for f in result.findings] == ["GD-BLANK-COUNTED"]
    assert result.summary.verdict == "ok"
    assert result.summary.suppressed == {"GD-ROOT-CAUSE": 1}
    assert "GD-ROOT-CAUSE" not in result.summary.codes
    assert result.summary.relations.failed == 2  # the relations still failed
    assert [f.code for f in gd.iter_findings(report, suppress=["GD-ROOT-CAUSE"])] == ["GD-BLANK-COUNTED"]
    assert gd.is_valid(report, suppress=["GD-ROOT-CAUSE"])
    gd.validate(report, suppress=["GD-ROOT-CAUSE@/requests"])


def test_a_pointer_covers_itself_and_below_it_only() -> None:
    """/requests covers /requests/received/… but not /requests_x; "" and None cover every finding of the code."""
    finding = next(iter(gd.iter_findings(one_cell_off())))
    assert Suppression("GD-ROOT-CAUSE", "/requests").covers(finding)
    assert Suppression("GD-ROOT-CAUSE", "/requests/received/natural_person").covers(finding)
    assert not Suppression("GD-ROOT-CAUSE", "/requests/received/natural").covers(finding)
    assert not Suppression("GD-ROOT-CAUSE", "/review_litigation").covers(finding)
    assert Suppression("GD-ROOT-CAUSE", "").covers(finding)
    assert Suppression("GD-ROOT-CAUSE").covers(finding)
    assert not Suppression("GD-T3-ROW").covers(finding)


def test_a_suppression_elsewhere_leaves_the_finding() -> None:
    """A suppression at another pointer leaves the finding in and counts nothing."""
    result = gd.check(one_cell_off(), suppress=["GD-ROOT-CAUSE@/review_litigation"])
    assert result.summary.codes["GD-ROOT-CAUSE"] == 1
    assert result.summary.suppressed == {}


def test_suppressions_are_read_from_each_form() -> None:
    """A Suppression, "CODE", "CODE@POINTER" and (code, pointer) are the same thing."""
    assert suppressions(["GD-T3-ROW", "GD-T3-ROW@/requests", ("GD-USCC", None), Suppression("GD-PARSE")]) == (
        Suppression("GD-T3-ROW"),
        Suppression("GD-T3-ROW", "/requests"),
        Suppression("GD-USCC"),
        Suppression("GD-PARSE"),
    )
    assert suppressions(None) == ()


def test_bad_suppressions_are_refused() -> None:
    """An unknown code, a pointer without its /, a bare string: each a clear error."""
    with pytest.raises(ValueError, match="no rule has the code 'GD-NOPE'"):
        gd.check(example(), suppress=["GD-NOPE"])
    with pytest.raises(ValueError, match="is not a JSON Pointer"):
        Suppression.parse("GD-T3-ROW@requests")
    with pytest.raises(TypeError, match="takes a list"):
        list(gd.iter_findings(example(), suppress="GD-T3-ROW"))
    assert "GD-T3-ROW" in RULES


def test_iter_findings_without_suppression_is_the_plain_generator() -> None:
    """With nothing to suppress, iter_findings hands back the engine's generator, no filter around it."""
    report = one_cell_off()
    assert list(gd.iter_findings(report, suppress=[])) == list(gd.iter_findings(report))


# ------------------------------------------------------------------ ReportInvalid's language


def test_report_invalid_speaks_the_language_given() -> None:
    """ReportInvalid(lang=...) words the whole message in that language, the best finding too."""
    errors = gd.check(one_cell_off()).errors
    zh = ReportInvalid(errors, lang="zh")
    assert str(zh) == f"1 个错误：{errors[0].render('zh')}"
    en = ReportInvalid(errors * 2, lang="en")
    assert str(en) == f"2 errors; most relevant: {errors[0].render('en')}"
    assert not any("\u4e00" <= char <= "\u9fff" for char in str(en).split("]")[0])
    assert str(ReportInvalid([], lang="zh")) == "0 个错误"
    copy = pickle.loads(pickle.dumps(zh))
    assert (str(copy), copy.findings, copy.lang) == (str(zh), zh.findings, "zh")
    with pytest.raises(ValueError, match="unknown language"):
        ReportInvalid(errors, lang="fr")  # type: ignore[arg-type]


def test_validate_names_the_most_relevant_error_in_the_language_asked_for() -> None:
    """validate(lang="en") names, in English, the error best_match picks, not merely findings[0]."""
    report = one_cell_off()
    broken = attrs.evolve(report, agency=attrs.evolve(report.agency, uscc="115000000092759913"))
    with pytest.raises(ReportInvalid) as caught:
        gd.validate(broken, lang="en")
    error = caught.value
    assert [f.code for f in error.findings] == ["GD-USCC", "GD-ROOT-CAUSE"]
    assert error.best is not None
    assert error.best.code == "GD-USCC"
    assert str(error) == f"2 errors; most relevant: {error.best.render('en')}"
    assert all(f.lang == "en" for f in error.findings)
    assert all(f.severity is Severity.ERROR for f in error.findings)


# ------------------------------------------------------------------ the command line


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process; return its exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def broken_file(tmp_path: Path) -> Path:
    """The example with one cell off, as a file."""
    path = tmp_path / "broken.json"
    path.write_text(gd.dumps(one_cell_off()), encoding="utf-8")
    return path


def test_cli_prints_the_summary_last(capsys: pytest.CaptureFixture[str], broken_file: Path) -> None:
    """The text output ends with a blank line and the summary, relations counted, in the language asked for."""
    status, out, _ = cli(capsys, "validate", "--lang", "en", str(broken_file))
    assert status == 1
    assert out.splitlines()[-2:] == [
        "",
        "1 file, 1 report: 1 error, 0 warnings, 1 info; relations: 45 checked, 43 held, 2 failed, 0 not assessable;"
        f" govdisclosure {gd.__version__}, ruleset {gd.RULESET_VERSION}",
    ]


def test_cli_suppress(capsys: pytest.CaptureFixture[str], broken_file: Path) -> None:
    """--suppress CODE@POINTER leaves the finding out, turns the verdict ok, and the summary counts it."""
    status, out, _ = cli(capsys, "validate", "--suppress", "GD-ROOT-CAUSE@/requests", str(broken_file))
    assert status == 0
    assert "GD-ROOT-CAUSE" not in out
    assert out.splitlines()[-1] == (
        "1 个文件，1 份报告：0 个错误，0 个警告，1 条提示；"
        "勾稽关系：检查 45 条，成立 43 条，不成立 2 条，无法判断 0 条；"
        f"已抑制 1 条；govdisclosure {gd.__version__}，规则集 {gd.RULESET_VERSION}"
    )
    status, out, _ = cli(
        capsys,
        "validate",
        "--format",
        "json",
        "--suppress",
        "GD-ROOT-CAUSE",
        "--suppress",
        "GD-USCC@/agency",
        str(broken_file),
    )
    summary = json.loads(out)["summary"]
    assert status == 0
    assert summary["verdict"] == "ok"
    assert summary["suppressed"] == {"GD-ROOT-CAUSE": 1}
    assert summary["suppress"] == ["GD-ROOT-CAUSE", "GD-USCC@/agency"]
    assert summary["relations"] == {"checked": 45, "held": 43, "failed": 2, "not_assessable": 0}
    assert "GD-ROOT-CAUSE" not in summary["codes"]


def test_cli_suppresses_cross_year_findings_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A cross-report finding (GD-DUPLICATE) is suppressed and counted as the others are."""
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(gd.dumps(example()), encoding="utf-8")
    _, out, _ = cli(capsys, "validate", "--format", "json", str(tmp_path))
    assert json.loads(out)["summary"]["codes"].get("GD-DUPLICATE") == 1
    _, out, _ = cli(capsys, "validate", "--format", "json", "--suppress", "GD-DUPLICATE", str(tmp_path))
    summary = json.loads(out)["summary"]
    assert "GD-DUPLICATE" not in summary["codes"]
    assert summary["suppressed"] == {"GD-DUPLICATE": 1}


def test_cli_refuses_a_bad_suppression(capsys: pytest.CaptureFixture[str], broken_file: Path) -> None:
    """An unknown code or a pointer without its / is a usage error (exit 2) naming it."""
    for bad, message in (
        ("GD-NOPE", "no rule has the code 'GD-NOPE'"),
        ("GD-T3-ROW@x", "'x' is not a JSON Pointer"),
        ("GD-PARSE", "GD-PARSE cannot be suppressed"),
    ):
        with pytest.raises(SystemExit) as exited:
            main(["validate", "--suppress", bad, str(broken_file)])
        assert exited.value.code == 2
        assert f"argument --suppress: {message}" in capsys.readouterr().err
