"""The relation rules: derived from the vocabulary, compiled, and exact about what breaks."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.regulation import TEMPLATES
from govdisclosure.rules import RULES, Balance, Compare, Relation, Severity, Sum, relations_for
from govdisclosure.rules._compile import compile_relations
from govdisclosure.strategies import reports

TABLE_TEMPLATES = ["2019", "2021"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def value_at(report: Any, path: tuple[str, ...]) -> Any:
    """The value at a key path of a report."""
    for key in path:
        report = getattr(report, key)
    return report


def replaced(report: Any, path: tuple[str, ...], value: object) -> Any:
    """A copy of *report* with the cell at *path* set to *value*."""
    if len(path) == 1:
        return attrs.evolve(report, **{path[0]: value})
    return attrs.evolve(report, **{path[0]: replaced(getattr(report, path[0]), path[1:], value)})


def pointer(path: tuple[str, ...]) -> str:
    """The JSON Pointer of a key path."""
    return "/" + "/".join(path)


def holds(relation: Relation, report: Any) -> bool:
    """A plain reading of one relation, independent of the compiled evaluator."""

    def total(paths: tuple[tuple[str, ...], ...]) -> int | Decimal:
        return sum((value_at(report, path) or 0 for path in paths), 0)

    if isinstance(relation, Sum):
        return total(relation.addends) == total((relation.total,))
    if isinstance(relation, Balance):
        return total(relation.left) == total(relation.right)
    if relation.written_only and any(value_at(report, path) is None for path in relation.cells()):
        return True
    left, right = total(relation.left), total(relation.right) + relation.constant
    return left <= right if relation.op == "<=" else left >= right


class TestRelations:
    """What relations each template implies."""

    @pytest.mark.parametrize(
        ("template", "expected"),
        [
            (
                "2019",
                {
                    "GD-T3-ROW": 23,
                    "GD-T3-COLUMN": 7,
                    "GD-T3-BALANCE": 7,
                    "GD-T4-TOTAL": 3,
                    "GD-T2-ITEMS": 5,
                    "GD-T2-PUBLISHED": 2,
                    "GD-T2-UNIT": 1,
                },
            ),
            (
                "2021",
                {
                    "GD-T3-ROW": 25,
                    "GD-T3-COLUMN": 7,
                    "GD-T3-BALANCE": 7,
                    "GD-T4-TOTAL": 3,
                    "GD-T2-IN-FORCE": 2,
                    "GD-T2-UNIT": 1,
                },
            ),
            ("legacy", {}),
        ],
    )
    def test_counts(self, template: str, expected: dict[str, int]) -> None:
        """Each template has one relation per row, column, balance and plausibility check of its form."""
        assert Counter(relation.code for relation in relations_for(TEMPLATES[template])) == expected

    @pytest.mark.parametrize("template", TABLE_TEMPLATES)
    def test_cells_exist(self, template: str) -> None:
        """Every cell a relation reads is a cell of the template's tables, and every code is catalogued."""
        cls = gd.model.REPORT_CLASSES[template]
        cells = {
            cell.path for cell in gd.iter_cells(cls(year=TEMPLATES[template].first_year, agency=gd.Agency(name="-")))
        }
        for relation in relations_for(TEMPLATES[template]):
            assert relation.code in RULES
            assert set(relation.cells()) <= cells
            assert relation.at in relation.cells() or isinstance(relation, Sum)

    def test_balance_reads_the_template_note(self) -> None:
        """The 勾稽 balance is 一 + 二 = （七） + 四, column by column."""
        balances = [r for r in relations_for(TEMPLATES["2021"]) if isinstance(r, Balance)]
        assert balances[0] == Balance(
            "GD-T3-BALANCE",
            left=(("requests", "received", "natural_person"), ("requests", "carried_over", "natural_person")),
            right=(
                ("requests", "outcomes", "total", "natural_person"),
                ("requests", "carried_forward", "natural_person"),
            ),
            at=("requests", "carried_forward", "natural_person"),
        )


@given(reports())
def test_consistent_reports_have_no_findings(report: gd.AnnualReport) -> None:
    """A generated consistent report has no error or warning, only the blank count at info level."""
    findings = list(gd.iter_findings(report))
    assert [f for f in findings if f.severity is not Severity.INFO] == []
    assert {f.code for f in findings} <= {"GD-BLANK-COUNTED"}
    assert gd.is_valid(report)
    gd.validate(report)


@given(st.data())
def test_a_changed_cell_breaks_exactly_its_relations(data: st.DataObject) -> None:
    """Changing one summed cell yields exactly the findings of the relations that read it, where they point."""
    template = data.draw(st.sampled_from(TABLE_TEMPLATES))
    report = data.draw(reports(template))
    relations = [r for r in relations_for(TEMPLATES[template]) if not isinstance(r, Compare)]
    cell = data.draw(st.sampled_from(sorted({path for r in relations for path in r.cells()})))
    old = value_at(report, cell)
    new = (old or 0) + data.draw(st.integers(1, 5))
    broken = replaced(report, cell, new)
    expected = Counter((r.code, pointer(r.at)) for r in relations if cell in r.cells())
    found = Counter((f.code, f.path) for f in gd.iter_findings(broken) if f.severity is not Severity.INFO)
    assert found == expected
    with pytest.raises(gd.ReportInvalid) as caught:
        gd.validate(broken)
    assert len(caught.value.findings) == sum(expected.values())


@given(reports(consistent=False))
def test_compiled_evaluator_agrees_with_a_plain_reading(report: gd.AnnualReport) -> None:
    """The compiled relations fail exactly where a plain reading of the relations fails."""
    relations = relations_for(type(report).template)
    failed, values = compile_relations(relations).evaluate(report)
    assert sorted(index for index, _, _ in failed) == [i for i, r in enumerate(relations) if not holds(r, report)]
    assert len(values) == len({path for r in relations for path in r.cells()})


def _2019() -> gd.AnnualReport2019:
    """A blank 2019-template report for 2019."""
    return gd.AnnualReport2019(year=2019, agency=gd.Agency(name="某局"))


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [
        (("proactive", "rules", "new_published"), 5, "GD-T2-PUBLISHED"),
        (("proactive", "licensing", "change"), -1, "GD-T2-ITEMS"),
        (("proactive", "procurement", "amount"), Decimal(251000), "GD-T2-UNIT"),
    ],
)
def test_table_two_checks(path: tuple[str, ...], value: object, code: str) -> None:
    """Table 二's sign, plausibility and unit checks find their problem at the cell."""
    report = replaced(_2019(), ("proactive", "rules", "total_published"), 3)
    findings = [f for f in gd.iter_findings(replaced(report, path, value)) if f.severity is not Severity.INFO]
    assert [(f.code, f.path) for f in findings] == [(code, pointer(path))]


def test_plausibility_waits_for_written_cells() -> None:
    """A plausibility check does not judge a blank: 5 newly published against a blank total is not flagged."""
    report = replaced(_2019(), ("proactive", "rules", "new_published"), 5)
    assert [f.code for f in gd.iter_findings(report) if f.code.startswith("GD-T2")] == []


def test_finding_fields_in_both_languages() -> None:
    """A relation finding carries the cell's official label and the values compared, in zh and en."""
    report = replaced(
        gd.load(EXAMPLES / "2021-report.json"), ("requests", "outcomes", "withheld", "state_secret", "total"), 9
    )
    zh = next(f for f in gd.iter_findings(report) if f.code == "GD-T3-ROW")
    en = next(f for f in gd.iter_findings(report, lang="en") if f.code == "GD-T3-ROW")
    assert (zh.path, zh.expected, zh.actual) == ("/requests/outcomes/withheld/state_secret/total", 0, 9)
    assert zh.label == "三、本年度办理结果（三）不予公开 1.属于国家秘密 · 总计"
    assert zh.message == "三、本年度办理结果（三）不予公开 1.属于国家秘密 · 总计：各类申请人合计为 0，总计栏填报为 9"
    assert en.label == "Outcomes this year › Not disclosed › State secret · Total"
    assert en.message == (
        "Outcomes this year › Not disclosed › State secret · Total: "
        "the applicant columns add up to 0, but the total reads 9"
    )
