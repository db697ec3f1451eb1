"""Report-level rules (template for the year, USCC, deadlines), the blank policy, and every rule's wording."""

from __future__ import annotations

import datetime
import json
import re
import string
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import rules
from govdisclosure.identifiers import uscc as uscc_module
from govdisclosure.regulation import TEMPLATES
from govdisclosure.rules import RULES, Finding, Language, ReportInvalid, Severity, iter_findings, validate
from govdisclosure.rules.collection import iter_collection_findings
from govdisclosure.strategies import reports, uscc_codes

from .documents import filled

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REPORT_2021: Any = gd.load(EXAMPLES / "2021-report.json")
TIANSHUI: Any = gd.load(EXAMPLES / "2019-tianshui-civil-affairs.json")

#: Consistent bases: no finding but GD-BLANK-COUNTED under the lenient policy.
BASE_2021 = REPORT_2021
BASE_2019 = attrs.evolve(TIANSHUI, published=None)

LANGS: tuple[Language, Language] = ("zh", "en")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
TEMPLATE_LABEL = {"zh": "报告格式", "en": "Report template"}
PUBLISHED_LABEL = {"zh": "发布日期", "en": "Publication date"}
USCC_LABEL = {"zh": "统一社会信用代码", "en": "Unified social credit code"}
VALID_USCC = "115000000092759914"


def legacy(year: int, *, kind: str | None = "department", published: datetime.date | None = None) -> gd.LegacyReport:
    """A legacy (2008 Regulation) report with no figures."""
    return gd.LegacyReport(year=year, agency=gd.Agency(name="某县民政局", kind=kind), published=published)


def report_for(template: str, year: int) -> Any:
    """A consistent report under *template*, re-dated to *year*, with no publication date."""
    if template == "2019":
        return attrs.evolve(BASE_2019, year=year)
    if template == "2021":
        return attrs.evolve(BASE_2021, year=year, published=None)
    return legacy(year)


def with_code(code: str, findings: Iterable[Finding]) -> list[Finding]:
    """The findings of one rule."""
    return [f for f in findings if f.code == code]


def with_agency(report: Any, **changes: Any) -> Any:
    """*report* with its agency changed."""
    return attrs.evolve(report, agency=attrs.evolve(report.agency, **changes))


def full_width(text: str) -> str:
    """*text* with every ASCII letter and digit written full-width, as some portals print codes."""
    return "".join(chr(ord(char) + 0xFEE0) if char.isascii() and char.isalnum() else char for char in text)


def test_bases_are_consistent() -> None:
    """The bases the tests evolve from break no rule, so every finding below comes from the change made."""
    for base in (BASE_2021, BASE_2019, legacy(2015)):
        assert {f.code for f in iter_findings(base)} <= {"GD-BLANK-COUNTED"}


# ------------------------------------------------------------------ GD-TEMPLATE-YEAR


MISMATCHES = [
    ("2019", 2021, "2021"),
    ("2021", 2020, "2019"),
    ("legacy", 2019, "2019"),
    ("2021", 2007, None),
    ("legacy", 2007, None),
    ("2019", 2018, "legacy"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("template", "year", "expected"), MISMATCHES)
def test_template_year_mismatch(template: str, year: int, expected: str | None, lang: Any) -> None:
    """A report under the wrong template for its year gets exactly one GD-TEMPLATE-YEAR error at /template."""
    findings = list(iter_findings(report_for(template, year), lang=lang))
    found = with_code("GD-TEMPLATE-YEAR", findings)
    assert len(found) == 1
    (finding,) = found
    # 〔2019〕60号 lets 2019 reports 参照统一格式: off the form is a warning for 2019 alone.
    assert finding.severity is (Severity.WARNING if year == 2019 else Severity.ERROR)
    assert finding.path == "/template"
    assert finding.label == TEMPLATE_LABEL[lang]
    assert finding.expected == expected
    assert finding.actual == template
    assert str(year) in finding.message
    assert template in finding.message
    assert [f for f in findings if f.path == "/template"] == found


@pytest.mark.parametrize("lang", LANGS)
def test_template_year_message_without_template(lang: Any) -> None:
    """For a year no template covers, the message does not call the missing template 'blank'."""
    (finding,) = with_code("GD-TEMPLATE-YEAR", iter_findings(report_for("2021", 2007), lang=lang))
    assert "blank" not in finding.message
    assert "空白" not in finding.message


MATCHING_YEARS = [
    (key, year)
    for key, template in TEMPLATES.items()
    for year in sorted({template.first_year, template.last_year or 9999})
]


@pytest.mark.parametrize(("template", "year"), MATCHING_YEARS)
def test_template_year_match(template: str, year: int) -> None:
    """A report whose template is the one its year requires has no GD-TEMPLATE-YEAR finding."""
    report = report_for(template, year)
    assert with_code("GD-TEMPLATE-YEAR", iter_findings(report)) == []


def test_matching_years_cover_every_template() -> None:
    """The matching-year cases name every template, both ends of its range."""
    assert {key for key, _ in MATCHING_YEARS} == set(TEMPLATES)
    assert ("2019", 2020) in MATCHING_YEARS
    assert ("legacy", 2018) in MATCHING_YEARS


# ------------------------------------------------------------------ GD-USCC


@given(code=uscc_codes())
def test_uscc_valid(code: str) -> None:
    """A valid 统一社会信用代码 gives no GD-USCC finding, however it is written (NFKC, spaces, case)."""
    for written in (code, full_width(code), f"{code[:8]} {code[8:]}", code.lower()):
        assert with_code("GD-USCC", iter_findings(with_agency(BASE_2021, uscc=written))) == []


@given(code=uscc_codes(), data=st.data())
def test_uscc_wrong_check_character(code: str, data: st.DataObject) -> None:
    """Any other check character gives exactly one GD-USCC error, its reason the checksum."""
    wrong = data.draw(st.sampled_from([c for c in uscc_module.ALPHABET if c != code[-1]]))
    report = with_agency(BASE_2021, uscc=code[:-1] + wrong)
    (finding,) = with_code("GD-USCC", iter_findings(report))
    assert finding.path == "/agency/uscc"
    assert finding.actual == code[:-1] + wrong
    assert "校验码不符" in finding.message


def test_uscc_absent() -> None:
    """A report that gives no code has no GD-USCC finding."""
    assert with_code("GD-USCC", iter_findings(with_agency(BASE_2021, uscc=None))) == []


INVALID_USCC = [
    pytest.param(
        "115000000092759913",
        "校验码不符",
        "the check character (character 18) is '3' but should be '4'",
        id="check-character",
    ),
    pytest.param("11500000009275991", "位数不符", "it has 17 characters instead of 18", id="too-short"),
    pytest.param("1150000000927599141", "位数不符", "it has 19 characters instead of 18", id="too-long"),
    pytest.param("115000000I92759914", "格式不符", "character 10 is 'I'", id="letter-I"),
    pytest.param("11500000009275991O", "格式不符", "character 18 is 'O'", id="letter-O"),
    pytest.param(full_width("115000000092759913"), "校验码不符", "is '3' but should be '4'", id="full-width-invalid"),
]


@pytest.mark.parametrize(("code", "reason_zh", "reason_en"), INVALID_USCC)
def test_uscc_invalid(code: str, reason_zh: str, reason_en: str) -> None:
    """A malformed code gives one GD-USCC error at /agency/uscc, its reason in Chinese or English."""
    report = with_agency(BASE_2021, uscc=code)
    cases: list[tuple[Language, str, str]] = [
        ("zh", reason_zh, "不是有效的统一社会信用代码"),
        ("en", reason_en, "is not a valid unified social credit code"),
    ]
    for lang, reason, sentence in cases:
        findings = list(iter_findings(report, lang=lang))
        (finding,) = with_code("GD-USCC", findings)
        assert finding.severity is Severity.ERROR
        assert finding.path == "/agency/uscc"
        assert finding.label == USCC_LABEL[lang]
        assert finding.expected is None
        assert finding.actual == code
        assert finding.message.startswith(USCC_LABEL[lang])
        assert code in finding.message
        assert sentence in finding.message
        assert reason in finding.message
        assert [f.code for f in findings if f.path == "/agency/uscc"] == ["GD-USCC"]


def test_uscc_valid_examples() -> None:
    """The verified example code, full-width and with a space, is accepted."""
    for written in (VALID_USCC, full_width(VALID_USCC), "１１５０００００ ００９２７５９９１４"):
        assert with_code("GD-USCC", iter_findings(with_agency(BASE_2021, uscc=written))) == []


# ------------------------------------------------------------------ GD-DEADLINE, GD-PUBLISHED-EARLY


DEADLINE_BASES = {"2019": BASE_2019, "2021": BASE_2021}

#: (agency kind, month and day of publication in the next year, the due date held against it or None).
DEADLINE_CASES = [
    ("department", (1, 1), None),
    ("department", (1, 31), None),
    ("department", (2, 1), (1, 31)),
    ("government", (1, 31), None),
    ("government", (3, 31), None),
    ("government", (4, 1), (3, 31)),
    (None, (2, 15), None),
    (None, (3, 31), None),
    (None, (4, 1), (3, 31)),
]
ARTICLE = {
    "department": ("第四十九条第一款", "Art. 49(1)"),
    "government": ("第四十九条第二款", "Art. 49(2)"),
    None: ("第四十九条第二款", "Art. 49(2)"),
}


def dated(report: Any, kind: str | None, published: datetime.date | None) -> Any:
    """*report* by an agency of *kind*, published on *published*."""
    return attrs.evolve(with_agency(report, kind=kind), published=published)


@pytest.mark.parametrize("template", sorted(DEADLINE_BASES))
@pytest.mark.parametrize(("kind", "day", "due"), DEADLINE_CASES)
def test_deadline(template: str, kind: str | None, day: tuple[int, int], due: tuple[int, int] | None) -> None:
    """Art. 49: departments by 31 January, governments by 31 March; an unknown kind is held to 31 March."""
    base = DEADLINE_BASES[template]
    published = datetime.date(base.year + 1, *day)
    report = dated(base, kind, published)
    for lang, article in zip(LANGS, ARTICLE[kind], strict=True):
        findings = list(iter_findings(report, lang=lang))
        assert with_code("GD-PUBLISHED-EARLY", findings) == []
        found = with_code("GD-DEADLINE", findings)
        if due is None:
            assert found == []
            continue
        (finding,) = found
        deadline = datetime.date(base.year + 1, *due)
        assert finding.severity is Severity.WARNING
        assert finding.path == "/published"
        assert finding.label == PUBLISHED_LABEL[lang]
        assert finding.expected == deadline
        assert finding.actual == published
        assert deadline.isoformat() in finding.message
        assert published.isoformat() in finding.message
        assert article in finding.message


@pytest.mark.parametrize("kind", ["department", "government", None])
@pytest.mark.parametrize(("day", "late"), [((3, 15), False), ((3, 31), False), ((4, 1), True)])
def test_deadline_legacy(kind: str | None, day: tuple[int, int], late: bool) -> None:
    """2008 Regulation Art. 31: every agency, department or not, by 31 March."""
    published = datetime.date(2016, *day)
    for lang, article in zip(LANGS, ("第三十一条", "Art. 31"), strict=True):
        found = with_code("GD-DEADLINE", iter_findings(legacy(2015, kind=kind, published=published), lang=lang))
        if not late:
            assert found == []
            continue
        (finding,) = found
        assert finding.expected == datetime.date(2016, 3, 31)
        assert finding.actual == published
        assert article in finding.message


def test_deadline_legacy_2018() -> None:
    """A 2018 report is due under the 2008 Regulation (31 March 2019) even for a department."""
    assert list(iter_findings(legacy(2018, published=datetime.date(2019, 3, 30)))) == []
    (finding,) = with_code("GD-DEADLINE", iter_findings(legacy(2018, published=datetime.date(2019, 4, 1))))
    assert finding.expected == datetime.date(2019, 3, 31)


def test_deadline_without_template() -> None:
    """A year no template covers has no deadline to hold the report to."""
    report = attrs.evolve(legacy(2007), published=datetime.date(2009, 1, 1))
    assert with_code("GD-DEADLINE", iter_findings(report)) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", ["2019", "2021", "legacy"])
@pytest.mark.parametrize("kind", ["department", "government", None])
def test_published_early(template: str, kind: str | None, lang: Any) -> None:
    """Published on 31 December of the report year: one GD-PUBLISHED-EARLY warning, and no GD-DEADLINE."""
    base = report_for(template, TEMPLATES[template].first_year)
    published = datetime.date(base.year, 12, 31)
    findings = list(iter_findings(dated(base, kind, published), lang=lang))
    assert with_code("GD-DEADLINE", findings) == []
    (finding,) = with_code("GD-PUBLISHED-EARLY", findings)
    assert finding.severity is Severity.WARNING
    assert finding.path == "/published"
    assert finding.label == PUBLISHED_LABEL[lang]
    assert finding.actual == published
    assert published.isoformat() in finding.message


def test_published_years_early() -> None:
    """A date years before the report year ended is early too, never late."""
    findings = list(iter_findings(dated(BASE_2021, "department", datetime.date(2003, 4, 1))))
    assert [f.code for f in findings if f.path == "/published"] == ["GD-PUBLISHED-EARLY"]


@given(
    template=st.sampled_from(["2019", "2021", "legacy"]),
    kind=st.sampled_from(["department", "government", None]),
    published=st.dates(datetime.date(2018, 1, 1), datetime.date(2024, 12, 31)),
)
def test_publication_oracle(template: str, kind: str | None, published: datetime.date) -> None:
    """Against a table of the statutes: early if not after 31 Dec, late if after the kind's due date, else none."""
    base = report_for(template, TEMPLATES[template].first_year)
    year = base.year
    if template == "legacy" or kind != "department":
        due = datetime.date(year + 1, 3, 31)
    else:
        due = datetime.date(year + 1, 1, 31)
    findings = [f for f in iter_findings(dated(base, kind, published)) if f.path == "/published"]
    if published <= datetime.date(year, 12, 31):
        assert [f.code for f in findings] == ["GD-PUBLISHED-EARLY"]
    elif published > due:
        assert [(f.code, f.expected, f.actual) for f in findings] == [("GD-DEADLINE", due, published)]
    else:
        assert findings == []


# ------------------------------------------------------------------ blank policy


def relation_cells(report: gd.AnnualReport) -> list[tuple[str, ...]]:
    """Every cell a relation of the report's template reads, each once, in relation order."""
    relations = rules.relations_for(type(report).template)
    return list(dict.fromkeys(cell for relation in relations for cell in relation.cells()))


def blank_relation_cells(report: gd.AnnualReport) -> list[gd.Cell]:
    """The blank cells among those the relations read, in the order the relations read them."""
    cells = {cell.path: cell for cell in gd.iter_cells(report)}
    return [cells[path] for path in relation_cells(report) if cells[path].value is None]


def test_relation_cells_are_table_cells() -> None:
    """Every cell a relation reads is a table cell (else the independent count below would be wrong)."""
    for report in (BASE_2019, BASE_2021):
        assert set(relation_cells(report)) <= {cell.path for cell in gd.iter_cells(report)}


@given(report=reports(), lang=st.sampled_from(LANGS))
def test_blank_policy(report: gd.AnnualReport, lang: Any) -> None:
    """Lenient: one GD-BLANK-COUNTED with the count; strict: one GD-BLANK error per blank cell, in order."""
    blanks = blank_relation_cells(report)
    lenient = list(iter_findings(report, lang=lang))
    strict = list(iter_findings(report, blank="strict", lang=lang))
    if not blanks:
        assert lenient == []
        assert strict == []
        return
    (counted,) = lenient
    assert counted.code == "GD-BLANK-COUNTED"
    assert counted.severity is Severity.INFO
    assert (counted.path, counted.label, counted.expected, counted.actual) == ("", "", None, len(blanks))
    assert str(len(blanks)) in counted.message
    assert [f.code for f in strict] == ["GD-BLANK"] * len(blanks)
    assert all(f.severity is Severity.ERROR for f in strict)
    assert [f.path for f in strict] == [cell.pointer for cell in blanks]
    assert [f.label for f in strict] == [cell.label(lang) for cell in blanks]
    assert all(f.label in f.message for f in strict)


@pytest.mark.parametrize("report", [BASE_2019, BASE_2021], ids=["2019", "2021"])
def test_blank_policy_examples(report: gd.AnnualReport) -> None:
    """On the examples: lenient counts the blanks once, strict names each, and no GD-BLANK-COUNTED."""
    blanks = blank_relation_cells(report)
    assert blanks
    lenient = list(iter_findings(report))
    assert [(f.code, f.severity, f.actual) for f in lenient] == [("GD-BLANK-COUNTED", Severity.INFO, len(blanks))]
    strict = list(iter_findings(report, blank="strict"))
    assert [(f.code, f.severity, f.path) for f in strict] == [
        ("GD-BLANK", Severity.ERROR, cell.pointer) for cell in blanks
    ]


@pytest.mark.parametrize("report", [BASE_2019, BASE_2021], ids=["2019", "2021"])
def test_no_blank_cells(report: gd.AnnualReport) -> None:
    """A report with every cell written has neither GD-BLANK nor GD-BLANK-COUNTED."""
    full = filled(report)
    assert blank_relation_cells(full) == []
    assert all(cell.value is not None for cell in gd.iter_cells(full))
    assert list(iter_findings(full)) == []
    assert list(iter_findings(full, blank="strict")) == []


def test_blank_policy_legacy() -> None:
    """A legacy report has no cells, so neither policy finds a blank."""
    assert list(iter_findings(legacy(2015), blank="strict")) == []
    assert list(iter_findings(legacy(2015))) == []


def test_blank_cells_do_not_change_arithmetic() -> None:
    """Blanks count as 0 under both policies: strict adds GD-BLANK findings and nothing else."""
    broken = attrs.evolve(
        BASE_2021,
        review_litigation=attrs.evolve(
            BASE_2021.review_litigation,
            review=attrs.evolve(BASE_2021.review_litigation.review, total=None, pending=None),
        ),
    )
    lenient = [f for f in iter_findings(broken) if f.code != "GD-BLANK-COUNTED"]
    strict = [f for f in iter_findings(broken, blank="strict") if f.code != "GD-BLANK"]
    assert [f.code for f in strict] == ["GD-T4-TOTAL"]
    # Lenient: with a part blank too, the blank total's value is unknown: not assessable, at info level.
    assert [(f.code, f.severity, f.path) for f in lenient] == [
        ("GD-NOT-ASSESSABLE", Severity.INFO, "/review_litigation/review/total")
    ]


@pytest.mark.parametrize("blank", ["loose", "STRICT", "", None])
def test_invalid_blank_policy(blank: Any) -> None:
    """An unknown blank policy is a ValueError, from every entry point."""
    with pytest.raises(ValueError, match="blank"):
        list(iter_findings(BASE_2021, blank=blank))
    with pytest.raises(ValueError, match="blank"):
        validate(BASE_2021, blank=blank)
    with pytest.raises(ValueError, match="blank"):
        gd.is_valid(BASE_2021, blank=blank)


@pytest.mark.parametrize("lang", ["fr", "ZH", "zh_Hans", "", None])
def test_invalid_language(lang: Any) -> None:
    """An unknown language is a ValueError."""
    with pytest.raises(ValueError, match="lang"):
        list(iter_findings(BASE_2021, lang=lang))


@pytest.mark.parametrize("thing", [object(), None, {}, json.loads(gd.dumps(BASE_2021)), BASE_2021.agency])
def test_not_a_report(thing: Any) -> None:
    """Anything but a report is a TypeError, not an AttributeError or a silent pass."""
    with pytest.raises(TypeError, match="expected a report"):
        list(iter_findings(thing))
    with pytest.raises(TypeError, match="expected a report"):
        validate(thing)


# ------------------------------------------------------------------ seed 004: 天水市民政局 2019


TIANSHUI_BLANKS = 152


@pytest.mark.parametrize("lang", LANGS)
def test_tianshui_lenient(lang: Any) -> None:
    """Lenient: exactly the late publication and the count of blank cells."""
    deadline, counted = iter_findings(TIANSHUI, lang=lang)
    assert deadline.code == "GD-DEADLINE"
    assert deadline.severity is Severity.WARNING
    assert deadline.path == "/published"
    assert deadline.label == PUBLISHED_LABEL[lang]
    assert deadline.expected == datetime.date(2020, 1, 31)
    assert deadline.actual == datetime.date(2020, 8, 14)
    assert "2020-01-31" in deadline.message
    assert "2020-08-14" in deadline.message
    assert counted.code == "GD-BLANK-COUNTED"
    assert counted.severity is Severity.INFO
    assert counted.actual == TIANSHUI_BLANKS
    assert len(blank_relation_cells(TIANSHUI)) == TIANSHUI_BLANKS


def test_tianshui_strict() -> None:
    """Strict: the late publication, then one GD-BLANK error per blank cell."""
    deadline, *blanks = iter_findings(TIANSHUI, blank="strict")
    assert (deadline.code, deadline.expected, deadline.actual) == (
        "GD-DEADLINE",
        datetime.date(2020, 1, 31),
        datetime.date(2020, 8, 14),
    )
    assert len(blanks) == TIANSHUI_BLANKS
    assert {(f.code, f.severity) for f in blanks} == {("GD-BLANK", Severity.ERROR)}
    assert [f.path for f in blanks] == [cell.pointer for cell in blank_relation_cells(TIANSHUI)]


def test_tianshui_validate() -> None:
    """validate passes under lenient and raises ReportInvalid with the 152 blank cells under strict."""
    validate(TIANSHUI)
    assert gd.is_valid(TIANSHUI)
    assert not gd.is_valid(TIANSHUI, blank="strict")
    with pytest.raises(ReportInvalid) as caught:
        validate(TIANSHUI, blank="strict")
    assert len(caught.value.findings) == TIANSHUI_BLANKS
    assert {f.code for f in caught.value.findings} == {"GD-BLANK"}
    assert str(TIANSHUI_BLANKS) in str(caught.value)


# ------------------------------------------------------------------ every rule, both languages


#: Every value a rule's message may name; the engine passes label, expected and actual to every rule.
DUMMY_VALUES = {
    "label": "LABEL",
    "expected": "EXPECTED",
    "actual": "ACTUAL",
    "year": "2099",
    "reason": "REASON",
    "basis_zh": "BASIS",
    "basis_en": "BASIS",
    "basis": "BASIS",
    "detail": "DETAIL",
    "required": "REQUIRED",
    "given": "GIVEN",
    "relation": "GD-T0-RELATION",
    "cells": "/a, /b",
    "count": "2",
    "relations": "GD-T0-A /a, GD-T0-B /b",
    # the import rules' values (govdisclosure.importers.catalogue)
    "evidence": "EVIDENCE",
    "raw": "RAW",
    "columns": "7",
    "candidates": "CANDIDATES",
    # the cross-report rules' values (govdisclosure.rules.collection)
    "previous": "3",
    "factor": "10",
    # the legacy rules' values (govdisclosure.rules.legacy)
    "unit": "UNIT",
    "first": "FIRST",
    "second": "SECOND",
    "whole": "WHOLE",
    "parts": "PARTS",
    "comparison": "COMPARISON",
    "caveat": "CAVEAT",
    "problem": "PROBLEM",
}


@pytest.mark.parametrize("code", list(RULES))
def test_rule_texts(code: str) -> None:
    """Each rule has a title and a message in both languages, whose placeholders are all names the engine fills."""
    rule = RULES[code]
    assert rule.code == code
    assert rule.basis
    for lang in LANGS:
        assert rule.title(lang)
        template = rule.message_zh if lang == "zh" else rule.message_en
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
        assert names <= set(DUMMY_VALUES), names - set(DUMMY_VALUES)
        message = rule.message(lang, **DUMMY_VALUES)
        assert "{" not in message
        assert "}" not in message
    assert rule.title_zh != rule.title_en
    if rule.scope != "document":  # a document rule's message is the reader's own account of the problem
        assert rule.message_zh != rule.message_en
        assert re.search(r"[\u4e00-\u9fff]", rule.message_zh)


def _broken_2021() -> Any:
    """The 2021 example with table rules broken: rows, columns, table 四, in-force and unit checks."""
    r = BASE_2021
    return attrs.evolve(
        r,
        year=2020,
        agency=attrs.evolve(r.agency, uscc="115000000092759913", kind="government"),
        published=datetime.date(2021, 5, 1),
        proactive=attrs.evolve(
            r.proactive,
            rules=attrs.evolve(r.proactive.rules, issued=9, repealed=0, in_force=3),
            fees=attrs.evolve(r.proactive.fees, amount=Decimal("2500000")),
        ),
        requests=attrs.evolve(
            r.requests,
            received=attrs.evolve(r.requests.received, total=99),
            outcomes=attrs.evolve(
                r.requests.outcomes,
                total=attrs.evolve(r.requests.outcomes.total, research=5),
            ),
        ),
        review_litigation=attrs.evolve(
            r.review_litigation,
            review=attrs.evolve(r.review_litigation.review, total=7),
        ),
    )


def _broken_2019() -> Any:
    """The 2019 example with table 二 broken: a negative item count and more newly published than in total."""
    r = TIANSHUI
    return attrs.evolve(
        r,
        published=datetime.date(2019, 6, 1),
        proactive=attrs.evolve(
            r.proactive,
            licensing=attrs.evolve(r.proactive.licensing, previous_year=1, change=-2),
            rules=attrs.evolve(r.proactive.rules, new_made=3, new_published=3, total_published=1),
        ),
    )


def _blank_shapes() -> Any:
    """The 2021 example with a blank 总计 beside written parts and a row filled in 总计 only."""
    r = BASE_2021
    outcomes = r.requests.outcomes
    granted = attrs.evolve(outcomes.granted, total=None)
    state_secret = gd.model.RequestRow(total=2)
    withheld = attrs.evolve(outcomes.withheld, state_secret=state_secret)
    return attrs.evolve(
        r, requests=attrs.evolve(r.requests, outcomes=attrs.evolve(outcomes, granted=granted, withheld=withheld))
    )


def _broken_legacy() -> gd.LegacyReport:
    """A legacy report with an unknown measure, a restated one, parts beyond their whole and too many answers."""

    def figure(measure: str, value: int, unit: str = "件", label: str | None = None) -> gd.Figure:
        return gd.Figure(measure=measure, label=label, value=value, unit=unit)

    return attrs.evolve(
        legacy(2016),
        written=datetime.date(2016, 12, 19),
        figures=(
            figure("other", 434, label="网络诉求"),
            figure("proactive_published", 733, "条"),
            figure("proactive_published", 626, "条"),
            figure("litigations", 3),
            figure("litigation_dismissed", 4),
            figure("requests_received", 1),
            figure("requests_answered", 2),
        ),
    )


def _all_findings(lang: Any) -> list[Finding]:
    """Findings of every rule in *lang*: broken reports under both policies, and a collection."""
    found: list[Finding] = []
    for report in (_broken_2021(), _broken_2019(), _broken_legacy()):
        for blank in ("lenient", "strict"):
            found += iter_findings(report, blank=blank, lang=lang)
        found += iter_findings(report, lang=lang, cascades=True)
    later = attrs.evolve(
        TIANSHUI,
        year=2020,
        requests=attrs.evolve(TIANSHUI.requests, carried_over=attrs.evolve(TIANSHUI.requests.carried_over, total=4)),
    )
    found += iter_findings(_blank_shapes(), lang=lang)
    collection = [TIANSHUI, later, attrs.evolve(TIANSHUI, published=None)]
    # The year after BASE_2021: 规章 in force off the chain, and ten times the requests received.
    following = gd.replace(attrs.evolve(BASE_2021, year=2022), {"/proactive/rules/in_force": 9})
    collection += [BASE_2021, gd.replace(following, {"/requests/received/total": 5000})]
    found += [finding for _, finding in iter_collection_findings(collection, lang=lang)]
    return found


def test_every_rule_triggered_in_both_languages() -> None:
    """Every rule of the catalogue fires in these reports, with a filled message and label in zh and en."""
    by_lang = {lang: _all_findings(lang) for lang in LANGS}
    for lang, findings in by_lang.items():
        assert {f.code for f in findings} == {code for code, rule in RULES.items() if rule.scope != "document"}, lang
        for f in findings:
            assert f.message, f
            assert not PLACEHOLDER.search(f.message), f
            assert "{" not in f.message, f
            assert bool(f.label) == bool(f.path), f
            if f.label:
                assert f.label in f.message or f.code in {"GD-TEMPLATE-YEAR"}, f
    for f in by_lang["zh"]:
        assert f.severity is RULES[f.code].severity, f
    zh, en = by_lang["zh"], by_lang["en"]
    assert [(f.code, f.path, f.severity, f.expected, f.actual) for f in zh] == [
        (f.code, f.path, f.severity, f.expected, f.actual) for f in en
    ]
    for a, b in zip(zh, en, strict=True):
        assert a.message != b.message, a
        assert re.search(r"[\u4e00-\u9fff]", a.message), a
        if a.label:
            assert a.label != b.label, a


def test_blank_severity_is_the_catalogue_severity() -> None:
    """A GD-BLANK finding is an error, the severity the rules catalogue (and the docs generated from it) declares."""
    finding = next(iter_findings(BASE_2021, blank="strict"))
    assert finding.code == "GD-BLANK"
    assert finding.severity is RULES["GD-BLANK"].severity is Severity.ERROR


# ------------------------------------------------------------------ traps: English is English, one rule for languages

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("code", list(RULES))
def test_english_texts_are_english(code: str) -> None:
    """A rule's English title and message template hold no Chinese (no 总计, 万元 or （七） in English)."""
    rule = RULES[code]
    assert not CJK.search(rule.title_en), rule.title_en
    assert not CJK.search(rule.message_en), rule.message_en


def test_english_findings_are_english() -> None:
    """Every English finding's label and message is English, but for the report's own data (an agency's name)."""
    findings = _all_findings("en")
    assert findings
    # A legacy figure's own label and unit are the report's data too.
    figures = _broken_legacy().figures
    own = [text for figure in figures for text in (figure.label, figure.unit) if text is not None]
    for f in findings:
        label = f.label
        for text in own:
            label = label.replace(text, "")
        assert not CJK.search(label), f.label
        data = [str(value) for value in (f.expected, f.actual) if isinstance(value, str)] + own
        message = f.message
        for text in data:
            message = message.replace(text, "")
        assert not CJK.search(message), f.message


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_english_labels_are_english(template: str) -> None:
    """Every cell's English label is English."""
    cls = gd.model.REPORT_CLASSES[template]
    for cell in gd.iter_cells(cls(year=TEMPLATES[template].first_year, agency=gd.Agency(name="-"))):
        assert not CJK.search(cell.label("en")), cell.label("en")


@pytest.mark.parametrize("lang", ["fr", "ZH", "zh_Hans", ""])
def test_one_rule_for_unknown_languages(lang: Any) -> None:
    """Cell labels, the engine, validate, texts and findings all refuse an unknown language with one ValueError."""
    message = f"unknown language {lang!r}; expected one of: zh, en"
    cell = next(gd.iter_cells(BASE_2021))
    finding = next(iter_findings(BASE_2021))
    for ask in (
        lambda: cell.label(lang),
        lambda: list(iter_findings(BASE_2021, lang=lang)),
        lambda: validate(BASE_2021, lang=lang),
        lambda: rules.Text.same("x")(lang),
        lambda: finding.message_in(lang),
        lambda: RULES["GD-PARSE"].finding(lang=lang, detail="x"),
    ):
        with pytest.raises(ValueError, match="unknown language") as caught:
            ask()
        assert str(caught.value) == message
