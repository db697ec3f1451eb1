"""Three outcomes per relation, a basis for every rule, and root causes instead of cascades (issue 11)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.identifiers import index_number
from govdisclosure.regulation import TEMPLATES
from govdisclosure.rules import RULES, Severity, iter_findings, relations_for
from govdisclosure.rules._compile import compile_relations
from govdisclosure.rules.relations import Balance, Sum
from govdisclosure.strategies import reports

from .documents import filled

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REPORT_2021: Any = gd.load(EXAMPLES / "2021-report.json")
TIANSHUI: Any = gd.load(EXAMPLES / "2019-tianshui-civil-affairs.json")
APPLICANTS = ("natural_person", "commercial", "research", "public_interest", "legal_services", "other_org")


def at(report: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        report = getattr(report, key)
    return report


def replaced(part: Any, path: tuple[str, ...], value: object) -> Any:
    if len(path) == 1:
        return attrs.evolve(part, **{path[0]: value})
    return attrs.evolve(part, **{path[0]: replaced(getattr(part, path[0]), path[1:], value)})


def pointer(path: tuple[str, ...]) -> str:
    return "/" + "/".join(path)


def errors(report: Any, **options: Any) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in iter_findings(report, **options) if f.severity is Severity.ERROR]


def request_rows(report: Any) -> list[tuple[str, ...]]:
    """Every row of table 三 that holds cells (the paths the GD-T3-ROW relations total)."""
    return [r.total[:-1] for r in relations_for(type(report).template) if isinstance(r, Sum) and r.code == "GD-T3-ROW"]


# ------------------------------------------------------------------ 1. three outcomes


def totals_only(report: Any) -> Any:
    """*report* with table 三 filled in its 总计 column only (domain.md §6 #2)."""
    for row in request_rows(report):
        for column in APPLICANTS:
            report = replaced(report, (*row, column), None)
    return report


def test_a_report_filling_only_the_total_column_gets_no_row_errors() -> None:
    """Only 总计 written: no GD-T3-ROW error; each row with a total is not assessable, naming the blanks it needed."""
    report = totals_only(filled(REPORT_2021))
    assert errors(report) == []
    found = [f for f in iter_findings(report) if f.code == "GD-NOT-ASSESSABLE"]
    written = [row for row in request_rows(report) if at(report, (*row, "total"))]
    assert written
    assert [f.path for f in found] == [pointer((*row, "total")) for row in written]
    assert {f.severity for f in found} == {Severity.INFO}
    first = found[0]
    assert dict(first.values)["relation"] == "GD-T3-ROW"
    assert dict(first.values)["cells"] == ", ".join(pointer((*written[0], c)) for c in APPLICANTS)


def test_one_blank_total_on_a_filled_row_is_one_warning_at_that_total() -> None:
    """A blank 总计 beside written parts: a warning there, and no knock-on GD-T3-COLUMN at （七）总计."""
    report = filled(REPORT_2021)
    row = ("requests", "outcomes", "granted")
    parts = sum(at(report, (*row, c)) for c in APPLICANTS)
    assert parts > 0
    broken = replaced(report, (*row, "total"), None)
    found = [f for f in iter_findings(broken) if f.severity is not Severity.INFO]
    assert [(f.code, f.severity, f.path, f.expected) for f in found] == [
        ("GD-TOTAL-BLANK", Severity.WARNING, pointer((*row, "total")), parts)
    ]
    assert found[0].message_in("en").endswith(f"left blank; its parts sum to {parts}")


def test_items_with_a_blank_base_are_not_assessable() -> None:
    """GD-T2-ITEMS with 上一年项目数量 blank and 本年增/减 −1 is not assessable; with a written 0 it fails."""
    base = gd.AnnualReport2019(year=2019, agency=gd.Agency(name="某局"))
    blank = replaced(base, ("proactive", "licensing", "change"), -1)
    (finding,) = [f for f in iter_findings(blank) if f.code != "GD-BLANK-COUNTED"]
    assert (finding.code, finding.severity, finding.path) == (
        "GD-NOT-ASSESSABLE",
        Severity.INFO,
        "/proactive/licensing/change",
    )
    assert dict(finding.values)["cells"] == "/proactive/licensing/previous_year"
    written = replaced(blank, ("proactive", "licensing", "previous_year"), 0)
    assert errors(written) == [("GD-T2-ITEMS", "/proactive/licensing/change")]


def test_a_failing_relation_carries_its_imbalance() -> None:
    """Each failing relation names its imbalance, left − right (a total's excess over its parts)."""
    report = replaced(filled(REPORT_2021), ("review_litigation", "review", "total"), 7)
    (finding,) = [f for f in iter_findings(report) if f.code == "GD-T4-TOTAL"]
    expected = sum(at(report, ("review_litigation", "review", k)) for k in ("upheld", "corrected", "other", "pending"))
    assert dict(finding.values)["imbalance"] == 7 - expected


def test_strict_counts_blanks_as_zeros() -> None:
    """--blank strict: a blank is a 0 left out, so the 总计-only report fails its rows, and each blank is an error."""
    report = totals_only(filled(REPORT_2021))
    codes = {code for code, _ in errors(report, blank="strict", cascades=True)}
    assert codes >= {"GD-T3-ROW", "GD-BLANK"}


@st.composite
def blanked(draw: st.DrawFn) -> Any:
    """A consistent report with every zero written, then some cells blanked (any value)."""
    report = filled(draw(reports(draw(st.sampled_from(["2019", "2021"])))))
    cells = compile_relations(relations_for(type(report).template)).cells
    for cell in draw(st.lists(st.sampled_from(cells), max_size=12, unique=True)):
        report = replaced(report, cell, None)
    return report


@given(blanked())
def test_consistent_except_for_blanks_is_never_an_error(report: Any) -> None:
    """A report that is consistent except for blank cells is never given an error (lenient)."""
    assert errors(report) == []
    assert errors(report, cascades=True) == []


# ------------------------------------------------------------------ 2. basis and severity


def test_every_rule_states_a_basis_and_an_example() -> None:
    """Every rule has a basis text and an example; conventions are never errors (but the caller's strict policy)."""
    for rule in RULES.values():
        assert rule.basis.text, rule.code
        assert rule.example, rule.code
        if rule.basis.kind == "convention" and rule.code != "GD-BLANK":
            assert rule.severity is not Severity.ERROR, rule.code
    assert RULES["GD-CARRY"].severity is Severity.WARNING
    assert RULES["GD-CHAIN"].severity is Severity.WARNING


def test_unit_only_where_the_form_states_it() -> None:
    """2019 采购总金额 has no unit on the form: no GD-T2-UNIT; a 2021 fee over 10 billion yuan (in 万元) warns."""
    base = gd.AnnualReport2019(year=2019, agency=gd.Agency(name="某省政府"))
    for amount in ("251000", "2500000"):
        report = replaced(base, ("proactive", "procurement", "amount"), Decimal(amount))
        assert [f for f in iter_findings(report) if f.code == "GD-T2-UNIT"] == []
    fees = ("proactive", "fees", "amount")
    plausible = replaced(filled(REPORT_2021), fees, Decimal("150000"))
    assert [f for f in iter_findings(plausible) if f.code == "GD-T2-UNIT"] == []
    huge = replaced(filled(REPORT_2021), fees, Decimal("2792220.8"))
    assert [(f.code, f.severity) for f in iter_findings(huge) if f.code == "GD-T2-UNIT"] == [
        ("GD-T2-UNIT", Severity.WARNING)
    ]


def _published(year: int, template: str, level: str | None, kind: str, day: datetime.date) -> Any:
    cls = gd.model.REPORT_CLASSES[template]
    return cls(year=year, agency=gd.Agency(name="某", level=level, kind=kind), published=day)


def test_deadline_follows_article_49_and_the_2008_regime() -> None:
    """Art. 49 holds county-level-and-above governments and departments; a township is not held; 2008: all."""
    late = datetime.date(2020, 5, 1)

    def deadline(level: str | None, kind: str, year: int = 2019, template: str = "2019") -> list[str]:
        day = late.replace(year=year + 1)
        return [f.code for f in iter_findings(_published(year, template, level, kind, day)) if f.code == "GD-DEADLINE"]

    assert deadline("township", "government") == []
    assert deadline("county", "government") == ["GD-DEADLINE"]
    assert deadline("county", "department") == ["GD-DEADLINE"]
    assert deadline(None, "government") == ["GD-DEADLINE"]
    assert deadline("township", "government", 2015, "legacy") == ["GD-DEADLINE"]


def test_index_number_of_seed_004() -> None:
    """索引号 20230611-112657-320 is a date, six digits and a serial, not a dash form with year 1126."""
    parsed = index_number.parse("20230611-112657-320")
    assert (parsed.kind, parsed.year, parsed.month, parsed.serial) == ("dated", 2023, 6, "112657-320")
    assert index_number.validate("20230611-112657-320") == "20230611-112657-320"
    assert index_number.parse("01527918X-2020-153077").kind == "dash"


# ------------------------------------------------------------------ 3. root causes


def equalities(template: Any) -> list[Any]:
    return [r for r in relations_for(template) if isinstance(r, Sum | Balance)]


@given(st.data())
def test_a_single_changed_cell_is_one_error_at_that_cell(data: st.DataObject) -> None:
    """One changed cell: exactly one error, at that cell, or at a cell read by exactly the same relations.

    The tie rule: among cells read by the same relations, the one the relations read first.
    """
    key = data.draw(st.sampled_from(["2019", "2021"]))
    report = filled(data.draw(reports(key)))
    relations = equalities(TEMPLATES[key])
    cells = list(compile_relations(relations_for(TEMPLATES[key])).cells)
    summed = sorted({c for r in relations for c in r.cells()})
    cell = data.draw(st.sampled_from(summed))
    broken = replaced(report, cell, at(report, cell) + data.draw(st.integers(1, 5)))
    found = errors(broken)
    assert len(found) == 1, found
    ((code, path),) = found
    reading = {r for r in relations if cell in r.cells()}
    if len(reading) == 1:
        (relation,) = reading
        assert (code, path) == (relation.code, pointer(relation.at))
        return
    assert code == "GD-ROOT-CAUSE"
    twins = [c for c in cells if c in summed and {r for r in relations if c in r.cells()} == reading]
    assert path == pointer(twins[0])
    (finding,) = [f for f in iter_findings(broken) if f.severity is Severity.ERROR]
    consequences = dict(finding.values)["consequences"]
    assert isinstance(consequences, tuple)
    assert {(f.code, f.path) for f in consequences} == {(r.code, pointer(r.at)) for r in reading}
    assert finding.actual == at(broken, cell)
    assert finding.expected == at(report, cell)
    cascades = {(f.code, f.path) for f in iter_findings(broken, cascades=True) if f.severity is Severity.ERROR}
    assert cascades == {(r.code, pointer(r.at)) for r in reading}


def test_root_cause_of_a_received_total() -> None:
    """一's 总计 one too high breaks its row and the 总计 balance: one GD-ROOT-CAUSE there, naming both."""
    report = filled(REPORT_2021)
    cell = ("requests", "received", "total")
    broken = replaced(report, cell, at(report, cell) + 1)
    (finding,) = [f for f in iter_findings(broken, lang="en") if f.severity is Severity.ERROR]
    assert (finding.code, finding.path) == ("GD-ROOT-CAUSE", pointer(cell))
    assert "would make these 2 relations hold" in finding.message
    assert "GD-T3-ROW /requests/received/total" in finding.message
    assert "GD-T3-BALANCE /requests/carried_forward/total" in finding.message


def test_a_general_office_report_is_a_departments() -> None:
    """A 办公厅's own report is due by 31 January (Art. 49 ¶1); the government's report it publishes by 31 March."""
    published = datetime.date(2020, 2, 15)
    office = _published(2019, "2019", "provincial", "general_office", published)
    government = _published(2019, "2019", "provincial", "government", published)
    (late,) = [f for f in iter_findings(office, lang="en") if f.code == "GD-DEADLINE"]
    assert late.expected == datetime.date(2020, 1, 31)
    assert [f for f in iter_findings(government) if f.code == "GD-DEADLINE"] == []
    legacy = _published(2015, "legacy", "township", "general_office", datetime.date(2016, 4, 1))
    assert [f.expected for f in iter_findings(legacy) if f.code == "GD-DEADLINE"] == [datetime.date(2016, 3, 31)]


def test_the_tie_rule_takes_the_cell_read_first() -> None:
    """Cells read by exactly the same relations are equally likely: the one the relations read first is taken.

    No cell of the two templates shares all its relations with another, so this runs on two sums of
    their own: t1 = a + b and t2 = a + b, with b one too high.
    """
    from types import SimpleNamespace

    from govdisclosure.rules._judge import Shape, judge, root_causes

    relations = (Sum("GD-T0-A", ("t1",), (("a",), ("b",))), Sum("GD-T0-B", ("t2",), (("a",), ("b",))))
    shape = Shape.of(compile_relations(relations))
    assert shape.evaluator.cells[:2] == (("a",), ("b",))
    failed, values = shape.evaluator.evaluate(SimpleNamespace(a=2, b=4, t1=5, t2=5))
    judgement = judge(shape, values, failed, lenient=True)
    (cause,) = root_causes(shape, judgement, frozenset(range(len(relations))))
    assert (shape.evaluator.cells[cause.cell], cause.value, cause.change, cause.fixes) == (("a",), 2, -1, (0, 1))
    # With a at 0 it cannot go lower, so the tie goes to b.
    failed, values = shape.evaluator.evaluate(SimpleNamespace(a=0, b=4, t1=3, t2=3))
    (cause,) = root_causes(shape, judge(shape, values, failed, lenient=True), frozenset(range(len(relations))))
    assert (shape.evaluator.cells[cause.cell], cause.change) == (("b",), -1)
