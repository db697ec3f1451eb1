"""The relation rules: derived from the vocabulary, compiled, and exact about what breaks."""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import rules
from govdisclosure.regulation import TEMPLATES, TemplateVersion
from govdisclosure.rules import (
    RULES,
    Balance,
    Basis,
    Compare,
    Context,
    Finding,
    Relation,
    Rule,
    Severity,
    Sum,
    Text,
    register_rule,
    relations_for,
    select_rules,
)
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
    # Blanks counted as 0 (strict) and every broken relation on its own (cascades), as the change is made.
    findings = gd.iter_findings(broken, blank="strict", cascades=True)
    found = Counter((f.code, f.path) for f in findings if f.severity is not Severity.INFO and f.code != "GD-BLANK")
    assert found == expected
    with pytest.raises(gd.ReportInvalid) as caught:
        gd.validate(broken, blank="strict", cascades=True)
    assert len([f for f in caught.value.findings if f.code != "GD-BLANK"]) == sum(expected.values())


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
    ],
)
def test_table_two_checks(path: tuple[str, ...], value: object, code: str) -> None:
    """Table 二's sign, plausibility and unit checks find their problem at the cell."""
    report = replaced(_2019(), ("proactive", "rules", "total_published"), 3)
    report = replaced(report, ("proactive", "licensing", "previous_year"), 0)
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
    zh = next(f for f in gd.iter_findings(report, cascades=True) if f.code == "GD-T3-ROW")
    en = next(f for f in gd.iter_findings(report, lang="en", cascades=True) if f.code == "GD-T3-ROW")
    assert (zh.path, zh.expected, zh.actual) == ("/requests/outcomes/withheld/state_secret/total", 0, 9)
    assert zh.label == "三、本年度办理结果（三）不予公开 1.属于国家秘密 · 总计"
    assert zh.message == "三、本年度办理结果（三）不予公开 1.属于国家秘密 · 总计：各类申请人合计为 0，总计栏填报为 9"
    assert en.label == "Outcomes this year › Not disclosed › State secret · Total"
    assert en.message == (
        "Outcomes this year › Not disclosed › State secret · Total: "
        "the applicant columns add up to 0, but the total reads 9"
    )


# ------------------------------------------------------------------ the registry


@pytest.fixture
def registry() -> Iterator[None]:
    """Leave the registry, and the engine's plans prepared from it, as they were."""
    saved = dict(rules.registry._REGISTRY)
    yield
    rules.registry._REGISTRY.clear()
    rules.registry._REGISTRY.update(saved)
    rules._engine._PLANS.clear()
    rules._engine._EVALUATORS.clear()


def _broken_2021() -> Any:
    """The 2021 example with table 三 row 一 and table 四's review total broken, and a bad USCC."""
    report: Any = gd.load(EXAMPLES / "2021-report.json")
    report = replaced(report, ("requests", "received", "total"), 99)
    report = replaced(report, ("review_litigation", "review", "total"), 7)
    return replaced(report, ("agency", "uscc"), "115000000092759913")


def test_every_rule_is_registered_once() -> None:
    """Every relation's code, and every built-in rule, is one registered Rule; report rules evaluate one thing."""
    assert [rule.code for rule in rules.catalog.BUILTIN_RULES] == list(RULES)
    for template in TEMPLATES.values():
        assert {relation.code for relation in relations_for(template)} <= set(RULES)
    for rule in RULES.values():
        evaluates = [rule.relations, rule.check, rule.outcome]
        assert sum(e is not None for e in evaluates) == (1 if rule.scope == "report" else 0)
        assert rule.scope in ("document", "report", "collection")
        assert rule.basis.kind in ("regulation", "template", "arithmetic", "convention", "standard", "interchange")
    scopes = {code: rule.scope for code, rule in RULES.items()}
    assert {code for code, scope in scopes.items() if scope == "collection"} == {
        "GD-CARRY",
        "GD-CHAIN",
        "GD-DUPLICATE",
        "GD-IN-FORCE-CHAIN",
        "GD-JUMP",
    }
    imports = {rule.code for rule in rules.imports.IMPORT_RULES}
    assert {code for code, scope in scopes.items() if scope == "document"} == {"GD-PARSE", *imports}


def test_rules_is_read_only() -> None:
    """RULES is looked up, never written: register_rule is the one way in."""
    with pytest.raises(TypeError):
        RULES["GD-NEW"] = RULES["GD-T3-ROW"]  # type: ignore[index]


def test_register_rule_refuses_a_duplicate_code() -> None:
    """A second rule with a registered code is a ValueError naming the code and the rule there."""
    with pytest.raises(ValueError, match=r"'GD-T3-ROW' is registered already: 'Table 3, each row"):
        register_rule(attrs.evolve(RULES["GD-T3-ROW"]))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "gd-lower"}, "upper-case words"),
        ({"code": "GD"}, "upper-case words"),
        ({"scope": "table"}, "scope must be one of"),
        ({"check": lambda rule, context: ()}, "exactly one"),
        ({"relations": None}, "exactly one"),
    ],
)
def test_a_malformed_rule_is_refused(changes: dict[str, Any], message: str) -> None:
    """A rule is refused when it is made, with a clear error: code, scope, and one thing to evaluate."""
    with pytest.raises(ValueError, match=message):
        attrs.evolve(RULES["GD-T3-ROW"], **changes)
    with pytest.raises(ValueError, match="only a report rule"):
        attrs.evolve(RULES["GD-CARRY"], check=lambda rule, context: ())


@pytest.mark.usefixtures("registry")
def test_a_plugin_rule_runs_once_registered() -> None:
    """A rule registered at run time, with a check or with relations, is run by the engine and selected by code."""
    report = gd.load(EXAMPLES / "2021-report.json")

    def name_check(rule: Rule, context: Context) -> Iterator[Finding]:
        yield context.finding(rule, ("agency", "name"), actual=context.report.agency.name)

    def fees(template: TemplateVersion) -> Iterator[Relation]:
        if template.key == "2021":
            yield Compare("XT-FEES", (("proactive", "fees", "amount"),), "<=", (), at=("proactive", "fees", "amount"))

    title, basis = Text(zh="插件", en="plugin"), Basis("convention", "a plugin's own")
    name_message, fees_message = Text(zh="{actual}", en="{actual}!"), Text(zh="{actual}", en="fees {actual}")
    register_rule(
        Rule(
            code="XT-NAME",
            severity=Severity.WARNING,
            scope="report",
            basis=basis,
            title=title,
            message=name_message,
            check=name_check,
        )
    )
    register_rule(
        Rule(
            code="XT-FEES",
            severity=Severity.ERROR,
            scope="report",
            basis=basis,
            title=title,
            message=fees_message,
            relations=fees,
        )
    )
    report = replaced(report, ("proactive", "fees", "amount"), Decimal("0.5"))
    found = [(f.code, f.path, f.message) for f in gd.iter_findings(report, lang="en", select=["XT"])]
    # In registry order: the check registered first, then the relations.
    assert found == [("XT-NAME", "/agency/name", "重庆市民政局!"), ("XT-FEES", "/proactive/fees/amount", "fees 0.5")]
    assert [f.code for f in gd.iter_findings(report, select=["XT"], ignore=["XT-NAME"])] == ["XT-FEES"]
    assert "XT-FEES" in {relation.code for relation in relations_for(TEMPLATES["2021"])}
    assert not gd.is_valid(report)


# ------------------------------------------------------------------ selection


def _codes(**selection: Any) -> list[str]:
    """The codes of the findings about the broken 2021 report, under *selection*."""
    return [f.code for f in gd.iter_findings(_broken_2021(), cascades=True, **selection)]


def test_default_selection_is_every_report_rule() -> None:
    """Without select or ignore the engine runs every report rule; naming every rule changes nothing."""
    assert _codes() == ["GD-USCC", "GD-T3-ROW", "GD-T3-BALANCE", "GD-T4-TOTAL", "GD-BLANK-COUNTED"]
    assert _codes(select=["GD"]) == _codes() == _codes(select=list(RULES)) == _codes(ignore=[])
    assert [rule.code for rule in select_rules(scope="report")] == [
        code for code, rule in RULES.items() if rule.scope == "report"
    ]


@pytest.mark.parametrize(
    ("selection", "codes"),
    [
        ({"select": ["GD-T3"]}, ["GD-T3-ROW", "GD-T3-BALANCE"]),
        ({"select": ["GD-T3-ROW", "GD-USCC"]}, ["GD-USCC", "GD-T3-ROW"]),
        ({"ignore": ["GD-T3", "GD-BLANK"]}, ["GD-USCC", "GD-T4-TOTAL", "GD-BLANK-COUNTED"]),
        ({"ignore": ["GD-BLANK-COUNTED", "GD-USCC"]}, ["GD-T3-ROW", "GD-T3-BALANCE", "GD-T4-TOTAL"]),
        ({"select": ["GD-T3"], "ignore": ["GD-T3-ROW"]}, ["GD-T3-BALANCE"]),
        ({"select": ["GD-T3-ROW"], "ignore": ["GD-T3"]}, ["GD-T3-ROW"]),
        ({"select": ["GD-T3"], "ignore": ["GD-T3"]}, []),
        ({"select": ["GD-CARRY"]}, []),
    ],
)
def test_select_and_ignore(selection: dict[str, Any], codes: list[str]) -> None:
    """Codes and prefixes select as in ruff: the most specific selector decides, ignore wins a tie."""
    assert _codes(**selection) == codes
    assert gd.is_valid(_broken_2021(), **selection) == (codes == ["GD-BLANK-COUNTED"] or not codes)
    assert gd.is_valid(_broken_2021(), cascades=True, **selection) == gd.is_valid(_broken_2021(), **selection)


def test_a_code_selects_itself_not_its_longer_neighbours() -> None:
    """GD-BLANK names the strict-policy rule only; GD-BLANK-COUNTED is another code."""
    report = gd.load(EXAMPLES / "2021-report.json")
    assert {f.code for f in gd.iter_findings(report, blank="strict", select=["GD-BLANK"])} == {"GD-BLANK"}
    assert [f.code for f in gd.iter_findings(report, select=["GD-BLANK"])] == []


def test_validate_takes_the_selection() -> None:
    """validate raises only for the selected rules."""
    gd.validate(_broken_2021(), ignore=["GD-T3", "GD-T4", "GD-USCC"])
    with pytest.raises(gd.ReportInvalid) as caught:
        gd.validate(_broken_2021(), select=["GD-T4"])
    assert [f.code for f in caught.value.findings] == ["GD-T4-TOTAL"]


@pytest.mark.parametrize("argument", ["select", "ignore"])
def test_unknown_codes_are_named(argument: str) -> None:
    """A code or prefix no rule has is a ValueError naming each of them, from every entry point."""
    selection: dict[str, Any] = {argument: ["GD-T3", "GD-T9", "NOPE", "GD-T"]}
    pattern = r"no rule has the code or code prefix 'GD-T9', 'NOPE', 'GD-T'"
    with pytest.raises(ValueError, match=pattern):
        list(gd.iter_findings(_broken_2021(), **selection))
    with pytest.raises(ValueError, match=pattern):
        gd.validate(_broken_2021(), **selection)
    with pytest.raises(ValueError, match=pattern):
        gd.is_valid(_broken_2021(), **selection)
    with pytest.raises(ValueError, match=pattern):
        select_rules(**selection)


def test_a_bare_string_is_refused() -> None:
    """select="GD-T3" would be read letter by letter: it is a TypeError that shows the list to write."""
    with pytest.raises(TypeError, match=r"such as \['GD-T3'\]"):
        list(gd.iter_findings(_broken_2021(), select="GD-T3"))
    with pytest.raises(TypeError, match=r"such as \['GD-USCC'\]"):
        gd.validate(_broken_2021(), ignore="GD-USCC")


# ------------------------------------------------------------------ the docs go through the registry

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_generated_catalogue_lists_every_registered_rule() -> None:
    """docs/rules.md's catalogue is generated from the registry: every rule, GD-PARSE included, with its scope."""
    conf = DOCS / "conf.py"
    if not conf.exists():
        pytest.skip("the docs are not beside the tests")
    spec = importlib.util.spec_from_file_location("_docs_conf", conf)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = [line for line in module._rules_md().splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(RULES)
    parse = rows[list(RULES).index("GD-PARSE")]
    assert "| document |" in parse
    assert "interchange:" in parse


@pytest.mark.parametrize("page", ["rules.md", "errors.md"])
def test_docs_call_nothing_planned(page: str) -> None:
    """The rules and the XML reader are built: their pages do not call them planned."""
    source = DOCS / page
    if not source.exists():
        pytest.skip(f"{page} is not beside the tests")
    assert "planned" not in source.read_text(encoding="utf-8")


@given(st.sets(st.sampled_from([code for code, rule in RULES.items() if rule.scope == "report"])))
def test_select_and_ignore_split_the_findings(codes: set[str]) -> None:
    """Selecting a set of codes and ignoring the same set part the findings between them, in order."""
    report = _broken_2021()
    every = list(gd.iter_findings(report, blank="strict", cascades=True))
    chosen = list(gd.iter_findings(report, blank="strict", select=sorted(codes), cascades=True))
    rest = list(gd.iter_findings(report, blank="strict", ignore=sorted(codes), cascades=True))
    assert chosen == [f for f in every if f.code in codes]
    assert rest == [f for f in every if f.code not in codes]
