"""The findings model: Finding, Severity, best_match and ReportInvalid."""

from __future__ import annotations

import copy
import datetime
import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import GovDisclosureError
from govdisclosure.rules import RULES, Finding, ReportInvalid, Severity, Text, best_match, relevance
from govdisclosure.rules.collection import iter_collection_findings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PATHS = [
    "",
    "/template",
    "/published",
    "/agency/uscc",
    "/requests/received/total",
    "/requests/carried_forward/natural_person",
    "/requests/outcomes/withheld/state_secret/total",
]


def make(
    code: str = "GD-T3-ROW",
    severity: Severity = Severity.ERROR,
    path: str = "/requests/received/total",
    *,
    expected: object = None,
    actual: object = None,
    message: str | None = None,
) -> Finding:
    """A finding whose label and message follow from its code, severity and path unless given."""
    return Finding(
        code=code,
        severity=severity,
        path=path,
        label=Text.same(f"label of {path}" if path else ""),
        expected=expected,
        actual=actual,
        message=Text.same(message if message is not None else f"{code} {severity.value} at {path or 'the report'}"),
    )


#: Findings whose every field follows from (code, severity, path): equal keys mean equal findings.
keyed_findings = st.builds(make, st.sampled_from(sorted(RULES)), st.sampled_from(Severity), st.sampled_from(PATHS))

values = st.one_of(
    st.none(),
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.text(max_size=10),
)

#: Findings with every field drawn freely.
any_findings = st.builds(
    Finding,
    code=st.sampled_from(sorted(RULES)),
    severity=st.sampled_from(Severity),
    path=st.sampled_from(PATHS),
    label=st.text(max_size=10).map(Text.same),
    expected=values,
    actual=values,
    # A message is a template: literal braces would be fields.
    message=st.text(st.characters(exclude_characters="{}"), max_size=20).map(Text.same),
)


# ------------------------------------------------------------------ Severity


def test_severity_values() -> None:
    """The severities are the strings error, warning and info, in that order of weight."""
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    assert [str(s) for s in Severity] == ["error", "warning", "info"]
    assert Severity("warning") is Severity.WARNING
    assert isinstance(Severity.ERROR, str)
    assert Severity.ERROR.value == "error"
    assert f"{Severity.INFO}" == "info"
    assert json.dumps(Severity.ERROR) == '"error"'


def test_severity_rejects_unknown() -> None:
    """A severity outside the three is a ValueError."""
    with pytest.raises(ValueError, match="fatal"):
        Severity("fatal")


def test_catalogue_severities() -> None:
    """Every rule in the catalogue has one of the three severities."""
    assert {rule.severity for rule in RULES.values()} <= set(Severity)


# ------------------------------------------------------------------ Finding


def test_to_dict_fields() -> None:
    """to_dict has exactly the Finding fields, with plain values."""
    finding = make(expected=3, actual=None)
    assert finding.to_dict() == {
        "code": "GD-T3-ROW",
        "severity": "error",
        "path": "/requests/received/total",
        "label": "label of /requests/received/total",
        "expected": 3,
        "actual": None,
        "message": "GD-T3-ROW error at /requests/received/total",
        "values": {},
    }
    assert type(finding.to_dict()["severity"]) is str


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        (Decimal("5.02"), "5.02"),
        (Decimal("0.10"), "0.10"),
        (Decimal("1E+5"), "100000"),
        (Decimal("-3"), "-3"),
        (Decimal("0"), "0"),
        (datetime.date(2020, 1, 31), "2020-01-31"),
        (datetime.date(999, 1, 2), "0999-01-02"),
        (17, 17),
        ("重庆市民政局", "重庆市民政局"),
        (None, None),
    ],
)
def test_to_dict_values(value: object, plain: object) -> None:
    """Decimals become decimal strings (never floats or exponents), dates ISO strings; the rest stays."""
    data = make(expected=value, actual=value).to_dict()
    assert data["expected"] == plain
    assert data["actual"] == plain
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


@given(finding=any_findings)
def test_to_dict_is_json(finding: Finding) -> None:
    """Any finding's dict goes through json.dumps and back unchanged, and keeps its values exactly."""
    data: Any = finding.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["severity"] == finding.severity.value
    for name in ("expected", "actual"):
        value = getattr(finding, name)
        if isinstance(value, Decimal):
            assert isinstance(data[name], str)
            assert Decimal(data[name]) == value
            assert "E" not in data[name].upper()
        elif isinstance(value, datetime.date):
            assert datetime.date.fromisoformat(data[name]) == value
        else:
            assert data[name] == value


def test_to_dict_of_real_finding() -> None:
    """A finding from the engine (dates in expected and actual) serialises as JSON."""
    finding = next(gd.iter_findings(gd.load(EXAMPLES / "2019-tianshui-civil-affairs.json")))
    data = json.loads(json.dumps(finding.to_dict(), ensure_ascii=False))
    assert data["code"] == "GD-DEADLINE"
    assert data["severity"] == "warning"
    assert data["expected"] == "2020-01-31"
    assert data["actual"] == "2020-08-14"
    assert data["path"] == "/published"


def test_str_with_path() -> None:
    """str(finding) is the path, the code in brackets, and the message."""
    finding = make(message="合计不符")
    assert str(finding) == "/requests/received/total [GD-T3-ROW] 合计不符"


def test_str_without_path() -> None:
    """A finding about the whole report starts with its code."""
    finding = make("GD-BLANK-COUNTED", Severity.INFO, "", message="152 blank cells were counted as 0")
    assert str(finding) == "[GD-BLANK-COUNTED] 152 blank cells were counted as 0"


def test_finding_is_frozen() -> None:
    """A finding cannot be changed after it is made."""
    finding = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.code = "GD-OTHER"  # type: ignore[misc]


# ------------------------------------------------------------------ best_match and relevance


def test_best_match_empty() -> None:
    """No findings, no best match."""
    assert best_match([]) is None
    assert best_match(iter(())) is None


def test_best_match_severity_first() -> None:
    """An error beats a warning beats an info, however deep the error lies."""
    deep_error = make("GD-T3-ROW", Severity.ERROR, "/requests/outcomes/withheld/state_secret/total")
    warning = make("GD-DEADLINE", Severity.WARNING, "/published")
    info = make("GD-BLANK-COUNTED", Severity.INFO, "")
    assert best_match([info, warning, deep_error]) is deep_error
    assert best_match([info, warning]) is warning
    assert best_match([info]) is info


def test_best_match_shallower_path() -> None:
    """Among errors, the one higher up in the document comes first."""
    deep = make("GD-T3-ROW", path="/requests/outcomes/withheld/state_secret/total")
    shallow = make("GD-USCC", path="/agency/uscc")
    whole = make("GD-DUPLICATE", path="")
    assert best_match([deep, shallow]) is shallow
    assert best_match([deep, shallow, whole]) is whole


def test_best_match_ties_by_code_then_path() -> None:
    """At the same severity and depth, the code decides, then the path."""
    a = make("GD-T3-BALANCE", path="/requests/carried_forward/total")
    b = make("GD-T3-ROW", path="/requests/carried_forward/commercial")
    c = make("GD-T3-ROW", path="/requests/carried_forward/bogus")
    assert best_match([b, a]) is a
    assert best_match([b, c]) is c


def test_relevance() -> None:
    """relevance is (severity rank, path depth, code)."""
    assert relevance(make("GD-T3-ROW", Severity.WARNING, "/a/b/c")) == (1, 3, "GD-T3-ROW")
    assert relevance(make("GD-X", Severity.INFO, "")) == (2, 0, "GD-X")


@given(st.lists(keyed_findings, max_size=12).flatmap(lambda fs: st.tuples(st.just(fs), st.permutations(fs))))
def test_best_match_order_independent(pair: tuple[list[Finding], list[Finding]]) -> None:
    """best_match gives the same finding for forward, reversed and shuffled input."""
    findings, shuffled = pair
    best = best_match(findings)
    assert best_match(list(reversed(findings))) == best
    assert best_match(shuffled) == best
    assert best_match(iter(findings)) == best
    if findings:
        assert best in findings
        rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        assert best is not None
        key = (rank[best.severity], best.path.count("/"))
        assert key == min((rank[f.severity], f.path.count("/")) for f in findings)
    else:
        assert best is None


def test_best_match_order_independent_on_ties() -> None:
    """Two reports of one agency given twice: the GD-DUPLICATE findings tie, yet the best match is one answer."""
    report = gd.load(EXAMPLES / "2021-report.json")
    again = attrs.evolve(report, published=None)
    later = attrs.evolve(report, year=2023)
    later_again = attrs.evolve(later, published=None)
    findings = [f for _, f in iter_collection_findings([report, later, again, later_again], lang="en")]
    assert [(f.code, f.path) for f in findings] == [("GD-DUPLICATE", ""), ("GD-DUPLICATE", "")]
    assert findings[0] != findings[1]
    assert best_match(findings) == best_match(list(reversed(findings)))


# ------------------------------------------------------------------ ReportInvalid


def test_report_invalid_carries_findings() -> None:
    """ReportInvalid holds every finding given, in order, as a tuple, and its best match."""
    findings = [
        make("GD-T3-ROW", path="/requests/received/total"),
        make("GD-USCC", path="/agency/uscc"),
        make("GD-T4-TOTAL", path="/review_litigation/review/total"),
    ]
    error = ReportInvalid(findings)
    assert error.findings == tuple(findings)
    assert error.best is findings[1]
    assert error.best == best_match(findings)


def test_report_invalid_is_a_value_error() -> None:
    """ReportInvalid is a ValueError and a GovDisclosureError, exported at the top level."""
    assert gd.ReportInvalid is ReportInvalid
    error = ReportInvalid([make()])
    assert isinstance(error, ValueError)
    assert isinstance(error, GovDisclosureError)
    with pytest.raises(ValueError, match="1 error"):
        raise error


def test_report_invalid_message() -> None:
    """The message names how many errors there are and the best one."""
    findings = [
        make("GD-T3-ROW", path="/requests/received/total", message="row"),
        make("GD-USCC", path="/agency/uscc", message="bad code"),
    ]
    text = str(ReportInvalid(findings))
    assert text.startswith("2 errors")
    assert str(findings[1]) in text
    assert "row" not in text


def test_report_invalid_message_singular() -> None:
    """One error is '1 error', not '1 errors'."""
    finding = make(message="only one")
    text = str(ReportInvalid([finding]))
    assert text.startswith("1 error;")
    assert "1 errors" not in text
    assert str(finding) in text


def test_report_invalid_empty() -> None:
    """With no findings there is no best match and the message still reads."""
    error = ReportInvalid([])
    assert error.findings == ()
    assert error.best is None
    assert str(error) == "0 errors"


def test_report_invalid_from_validate() -> None:
    """validate raises ReportInvalid with exactly the error-level findings, in document order."""
    report: Any = gd.load(EXAMPLES / "2021-report.json")
    broken = attrs.evolve(
        report,
        agency=attrs.evolve(report.agency, uscc="115000000092759913"),
        published=datetime.date(2022, 6, 1),
        review_litigation=attrs.evolve(
            report.review_litigation, review=attrs.evolve(report.review_litigation.review, total=9)
        ),
    )
    with pytest.raises(ReportInvalid) as caught:
        gd.validate(broken)
    expected = [f for f in gd.iter_findings(broken) if f.severity is Severity.ERROR]
    assert [f.code for f in caught.value.findings] == ["GD-USCC", "GD-T4-TOTAL"]
    assert list(caught.value.findings) == expected
    assert caught.value.best is not None
    assert caught.value.best.code == "GD-USCC"
    assert str(caught.value).startswith("2 个错误；")  # the language asked for (zh by default), issue 11 item 6
    with pytest.raises(ReportInvalid, match=r"^2 errors; most relevant: "):
        gd.validate(broken, lang="en")


def test_report_invalid_survives_pickle_and_copy() -> None:
    """A ReportInvalid can be pickled and copied, keeping its findings."""
    error = ReportInvalid([make(expected=Decimal("1.5"), actual=datetime.date(2020, 1, 1))])
    assert pickle.loads(pickle.dumps(error)).findings == error.findings
    assert copy.copy(error).findings == error.findings


# ------------------------------------------------------------------ messages as data


def _engine_finding(lang: Any = "zh") -> Finding:
    """A GD-DEADLINE finding from the engine: a date in expected and actual, the basis a language-dependent value."""
    return next(gd.iter_findings(gd.load(EXAMPLES / "2019-tianshui-civil-affairs.json"), lang=lang))


def test_finding_keeps_its_parameters() -> None:
    """A finding holds what its message is made of, not the finished sentence."""
    finding = _engine_finding()
    assert (finding.code, finding.path, finding.lang) == ("GD-DEADLINE", "/published", "zh")
    assert (finding.expected, finding.actual) == (datetime.date(2020, 1, 31), datetime.date(2020, 8, 14))
    assert finding.values == (("basis", Text(zh="第四十九条第一款", en="Art. 49(1)")),)


def test_finding_renders_in_any_language() -> None:
    """message_in, label_in and render speak the language asked for; message, label and str the finding's own."""
    zh, en = _engine_finding("zh"), _engine_finding("en")
    assert zh.message == "发布日期：2020-08-14 公布，晚于第四十九条第一款规定的 2020-01-31"
    assert en.message == "Publication date: published 2020-08-14, after the deadline of 2020-01-31 (Art. 49(1))"
    assert zh.message_in("en") == en.message
    assert en.message_in("zh") == zh.message
    assert (zh.label, zh.label_in("en"), en.label) == ("发布日期", "Publication date", "Publication date")
    assert zh.render("en") == str(en) == f"/published [GD-DEADLINE] {en.message}"
    assert zh.render() == str(zh)
    assert zh.in_language("en") == en
    assert zh.to_dict()["values"] == {"basis": "第四十九条第一款"}
    assert en.to_dict() == {**zh.to_dict(), "label": en.label, "message": en.message, "values": {"basis": "Art. 49(1)"}}


def test_finding_message_comes_from_its_rule() -> None:
    """The finding refers to its rule's message template: the words are written once, in the catalogue."""
    rule = RULES["GD-DEADLINE"]
    finding = _engine_finding()
    assert finding._message is rule.message
    assert finding == rule.finding(
        "/published",
        label=Text(zh="发布日期", en="Publication date"),
        expected=datetime.date(2020, 1, 31),
        actual=datetime.date(2020, 8, 14),
        basis=Text(zh="第四十九条第一款", en="Art. 49(1)"),
    )


def test_engine_findings_are_values() -> None:
    """A real finding is hashable, equal to its pickled copy, and unequal to the same finding in another language."""
    zh, en = _engine_finding("zh"), _engine_finding("en")
    assert hash(zh) == hash(_engine_finding("zh"))
    assert pickle.loads(pickle.dumps(zh)) == zh
    assert pickle.loads(pickle.dumps(zh)).message == zh.message
    assert copy.deepcopy(en) == en
    assert zh != en
    assert len({zh, en, _engine_finding("zh")}) == 2


@pytest.mark.parametrize("lang", ["fr", "ZH", "", "zh_Hans"])
def test_finding_refuses_unknown_languages(lang: Any) -> None:
    """An unknown language is a ValueError wherever a finding is asked for one."""
    finding = _engine_finding()
    for speak in (finding.message_in, finding.label_in, finding.render, finding.in_language):
        with pytest.raises(ValueError, match="unknown language"):
            speak(lang)
    with pytest.raises(ValueError, match="unknown language"):
        make().in_language(lang)


def test_text() -> None:
    """A Text gives itself in a language, filled with values when given any."""
    text = Text(zh="{n} 个", en="{n} of them")
    assert (text("zh"), text("en", n=3)) == ("{n} 个", "3 of them")
    assert Text.same("GD") == Text(zh="GD", en="GD")
    with pytest.raises(ValueError, match="unknown language 'fr'; expected one of: zh, en"):
        text("fr")  # type: ignore[arg-type]


def test_to_dict_carries_the_values_a_root_cause_explains() -> None:
    """A root cause's imbalance-bearing consequences reach plain data, in the finding's language."""
    report = gd.load(EXAMPLES / "2021-report.json")
    broken = gd.replace(report, {"/requests/received/natural_person": 13})
    (cause,) = [f for f in gd.iter_findings(broken, lang="en") if f.severity is gd.Severity.ERROR]
    data = json.loads(json.dumps(cause.to_dict(), ensure_ascii=False))
    assert data["code"] == "GD-ROOT-CAUSE"
    assert data["path"] == "/requests/received/natural_person"
    consequences = data["values"]["consequences"]
    assert consequences
    assert {item["code"] for item in consequences} <= {"GD-T3-ROW", "GD-T3-BALANCE", "GD-T3-COLUMN"}
    assert all(type(item["values"]["imbalance"]) is int and item["values"]["imbalance"] for item in consequences)
    explained: Any = dict(cause.values)["consequences"]
    assert [item["message"] for item in consequences] == [f.in_language("en").message for f in explained]


def test_a_parse_finding_is_made_by_its_rule() -> None:
    """GD-PARSE is in the catalogue: a reader's problem becomes a finding through the rule, worded by the reader."""
    rule = RULES["GD-PARSE"]
    assert rule.scope == "document"
    finding = rule.finding("/year", lang="en", detail="expected a four-digit year such as 2021")
    assert finding.to_dict() == {
        "code": "GD-PARSE",
        "severity": "error",
        "path": "/year",
        "label": "",
        "expected": None,
        "actual": None,
        "message": "expected a four-digit year such as 2021",
        "values": {"detail": "expected a four-digit year such as 2021"},
    }
    assert str(finding) == "/year [GD-PARSE] expected a four-digit year such as 2021"


# ------------------------------------------------------------------ traps: ReportInvalid's wording, validate's language


def test_report_invalid_does_not_call_another_finding_first() -> None:
    """The message names the most relevant finding as that, not as 'first' when findings[0] is another one."""
    findings = [
        make("GD-T3-ROW", path="/requests/received/total", message="row"),
        make("GD-USCC", path="/agency/uscc", message="bad code"),
    ]
    error = ReportInvalid(findings)
    assert error.best is findings[1]
    assert "first" not in str(error)
    assert str(error) == f"2 errors; most relevant: {findings[1]}"


def test_validate_speaks_the_language_asked_for() -> None:
    """validate(lang="en") raises with English findings, and names the most relevant one in English."""
    report: Any = gd.load(EXAMPLES / "2021-report.json")
    broken = attrs.evolve(report, agency=attrs.evolve(report.agency, uscc="115000000092759913"))
    with pytest.raises(ReportInvalid) as caught:
        gd.validate(broken, lang="en")
    (finding,) = caught.value.findings
    assert finding.lang == "en"
    assert str(caught.value).startswith(
        "1 error; /agency/uscc [GD-USCC] Unified social credit code: 115000000092759913 "
        "is not a valid unified social credit code ("
    )
    assert str(caught.value) == f"1 error; {finding}"
    assert not any("\u4e00" <= char <= "\u9fff" for char in str(caught.value))
    with pytest.raises(ValueError, match="unknown language"):
        gd.validate(broken, lang="fr")  # type: ignore[arg-type]
