"""The JSON Schema of the interchange shape: shipped, generated, and what it accepts."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

from govdisclosure import model
from govdisclosure._errors import ParseError
from govdisclosure.model import REPORT_CLASSES
from govdisclosure.model.kinds import MONEY
from govdisclosure.schemas import FILENAME, generate_json_schema, json_schema
from govdisclosure.schemas._jsonschema import dumps_schema

from .documents import Document, agency, minimal, outcomes, review, row

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
EXAMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*.json"))
DELETE = object()


def _narrative() -> Document:
    """Every narrative section, one of them blank."""
    sections = ["overview", "proactive", "requests", "fees", "review_litigation", "problems", "other"]
    narrative: Document = {key: f"{key} 正文" for key in sections}
    narrative["fees"] = None
    return narrative


def _full_2021() -> Document:
    """A 2021-template document with every key given."""
    return {
        "schema": "govdisclosure/annual-report/1",
        "template": "2021",
        "year": 2021,
        "agency": agency(),
        "published": "2022-01-28",
        "proactive": {
            "rules": {"issued": 0, "repealed": 0, "in_force": 3},
            "normative_documents": {"issued": 4, "repealed": 1, "in_force": 37},
            "licensing": {"decisions": 17},
            "penalties": {"decisions": 10},
            "coercion": {"decisions": None},
            "fees": {"amount": "5.02"},
        },
        "requests": {
            "received": row(1),
            "carried_over": row(0),
            "outcomes": outcomes({key: row(0) for key in ("no_correction", "unpaid_fee", "other")}),
            "carried_forward": row(None),
        },
        "review_litigation": review(),
        "narrative": _narrative(),
        "extensions": {"example.org/tags": {"source": "gov.cn", "pages": [1, 2], "checked": True, "note": None}},
    }


def _full_2019() -> Document:
    """A 2019-template document with every key given."""
    items = {"previous_year": 12, "change": -2, "decisions": 40}
    return {
        "schema": "govdisclosure/annual-report/1",
        "template": "2019",
        "year": 2019,
        "agency": agency(),
        "published": "2020-01-20",
        "proactive": {
            "rules": {"new_made": 0, "new_published": 0, "total_published": 3},
            "normative_documents": {"new_made": 2, "new_published": 2, "total_published": 30},
            "licensing": items,
            "other_services": dict(items),
            "penalties": dict(items),
            "coercion": {"previous_year": None, "change": None, "decisions": None},
            "fees": {"previous_year": 1, "change": 0},
            "procurement": {"projects": 3, "amount": "120.5"},
        },
        "requests": {
            "received": row(2),
            "carried_over": row(0),
            "outcomes": outcomes(row(1)),
            "carried_forward": row(0),
        },
        "review_litigation": review(),
        "narrative": None,
        "extensions": None,
    }


def _full_legacy() -> Document:
    """A legacy document with figures, one of them an amount of money."""
    return {
        "schema": "govdisclosure/annual-report/1",
        "template": "legacy",
        "year": 2012,
        "agency": agency(),
        "published": "2013-03-28",
        "figures": [
            {
                "measure": "requests_received",
                "value": 0,
                "unit": "件",
                "source": {"start": 120, "end": 131, "text": "受理信息公开申请0条"},
            },
            {"measure": "fees", "value": "12.5", "unit": "元", "source": None},
            {"measure": "litigations", "value": 3, "unit": "件"},
        ],
        "narrative": {"overview": "概述", "fees": "未收取费用"},
        "extensions": {},
    }


FULL = {"2019": _full_2019, "2021": _full_2021, "legacy": _full_legacy}


#: Changes to a full document that leave it valid: ``(template, pointer, value)``.
ACCEPTED = [
    ("2019", "/proactive/licensing/change", -3),
    ("2019", "/proactive/fees/change", -1),
    ("2021", "/requests/received/total", None),
    ("2021", "/requests/received/total", 0),
    ("2021", "/proactive/fees/amount", "0"),
    ("2021", "/proactive/fees/amount", None),
    ("2021", "/published", None),
    ("2021", "/agency/level", None),
    ("2021", "/agency/kind", "government"),
    ("2021", "/narrative", None),
    ("2021", "/narrative/overview", None),
    ("2021", "/extensions", None),
    ("2021", "/extensions/ns", {"deep": [1, "2", {"x": None}]}),
    ("2021", "/year", 1000),
    ("2021", "/year", 9999),
    ("2021", "/requests", DELETE),
    ("2021", "/requests/outcomes/withheld", DELETE),
    ("legacy", "/figures/0/value", "0.5"),
    ("legacy", "/figures", []),
]

#: Changes to a full document that make it invalid, each named.
REJECTED = [
    pytest.param("2021", "/requests/received/total", "3件", id="count-text"),
    pytest.param("2021", "/requests/received/total", 1.5, id="count-float"),
    pytest.param("2021", "/requests/received/total", True, id="count-bool"),
    pytest.param("2021", "/requests/received/total", -1, id="count-negative"),
    pytest.param("2021", "/review_litigation/review/pending", -1, id="review-negative"),
    pytest.param("2019", "/proactive/licensing/previous_year", -1, id="previous-year-negative"),
    pytest.param("2019", "/proactive/licensing/change", 1.5, id="delta-float"),
    pytest.param("2019", "/proactive/licensing/change", "-3", id="delta-text"),
    pytest.param("2021", "/unknown", 1, id="unknown-key-root"),
    pytest.param("2021", "/requests/received/unknown", 1, id="unknown-key-row"),
    pytest.param("2021", "/requests/outcomes/withheld/unknown", {}, id="unknown-key-group"),
    pytest.param("2021", "/agency/address", "重庆市", id="unknown-key-agency"),
    pytest.param("2021", "/narrative/preface", "x", id="unknown-key-narrative"),
    pytest.param("2019", "/requests/outcomes/other/no_correction", {}, id="2021-key-in-2019-outcomes"),
    pytest.param("2019", "/proactive/fees/amount", "1.00", id="2021-key-in-2019-fees"),
    pytest.param("2019", "/proactive/rules/issued", 1, id="2021-key-in-2019-rules"),
    pytest.param("2021", "/proactive/procurement", {}, id="2019-key-in-2021"),
    pytest.param("2021", "/proactive/licensing/previous_year", 1, id="2019-column-in-2021"),
    pytest.param("2021", "/requests/outcomes/other/total", 1, id="2019-other-row-in-2021"),
    pytest.param("legacy", "/proactive", {}, id="table-in-legacy"),
    pytest.param("2021", "/figures", [], id="figures-in-2021"),
    pytest.param("2021", "/proactive/fees/amount", 5.02, id="money-float"),
    pytest.param("2021", "/proactive/fees/amount", 5, id="money-integer"),
    pytest.param("2021", "/proactive/fees/amount", "-1", id="money-negative"),
    pytest.param("2021", "/proactive/fees/amount", "05", id="money-leading-zero"),
    pytest.param("2021", "/proactive/fees/amount", "1e3", id="money-exponent"),
    pytest.param("2021", "/proactive/fees/amount", "5.02万元", id="money-unit"),
    pytest.param("2021", "/published", "2022/01/28", id="date-slashes"),
    pytest.param("2021", "/published", "2022-02-30", id="date-impossible"),
    pytest.param("2021", "/published", 20220128, id="date-number"),
    pytest.param("2021", "/agency/name", DELETE, id="agency-name-missing"),
    pytest.param("2021", "/agency/name", " \u3000", id="agency-name-blank"),
    pytest.param("2021", "/agency/name", None, id="agency-name-null"),
    pytest.param("2021", "/agency", DELETE, id="agency-missing"),
    pytest.param("2021", "/agency/level", "city", id="agency-level-unknown"),
    pytest.param("2021", "/agency/kind", "Department", id="agency-kind-unknown"),
    pytest.param("2021", "/schema", "govdisclosure/annual-report/2", id="schema-wrong"),
    pytest.param("2021", "/schema", DELETE, id="schema-missing"),
    pytest.param("2021", "/template", "2020", id="template-unknown"),
    pytest.param("2021", "/template", "2019", id="template-mismatch"),
    pytest.param("2021", "/template", DELETE, id="template-missing"),
    pytest.param("2021", "/year", DELETE, id="year-missing"),
    pytest.param("2021", "/year", 999, id="year-short"),
    pytest.param("2021", "/year", "2021", id="year-text"),
    pytest.param("2021", "/requests", None, id="table-null"),
    pytest.param("2021", "/narrative", "text", id="narrative-text"),
    pytest.param("2021", "/extensions", [], id="extensions-list"),
    pytest.param("2021", "/extensions/ns", {"ratio": 0.5}, id="extensions-float"),
    pytest.param("legacy", "/figures/0/measure", "requests", id="figure-measure-unknown"),
    pytest.param("legacy", "/figures/0/value", -1, id="figure-value-negative"),
    pytest.param("legacy", "/figures/0/value", 1.5, id="figure-value-float"),
    pytest.param("legacy", "/figures/0/value", "零", id="figure-value-text"),
    pytest.param("legacy", "/figures/0/unit", DELETE, id="figure-unit-missing"),
    pytest.param("legacy", "/figures/0/source/start", -1, id="source-start-negative"),
    pytest.param("legacy", "/figures/0/source/text", DELETE, id="source-text-missing"),
    pytest.param("legacy", "/figures/0/source/text", 5, id="source-text-number"),
    pytest.param("legacy", "/figures", None, id="figures-null"),
]


def _changed(document: Document, pointer: str, value: object) -> Document:
    """A copy of *document* with *value* at JSON Pointer *pointer* (``DELETE`` removes the key).

    Every key but the last must exist; list items are addressed by index.
    """
    changed = copy.deepcopy(document)
    *parents, last = pointer.strip("/").split("/")
    node: Any = changed
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is DELETE:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return changed


def _property(template: str, pointer: str) -> Document:
    """The schema of the property at *pointer* in a document of *template*, unresolved."""
    defs = SCHEMA["$defs"]
    node: Document = defs[REPORT_CLASSES[template].__name__]
    for key in pointer.strip("/").split("/"):
        if "$ref" in node:
            node = defs[node["$ref"].removeprefix("#/$defs/")]
        node = node["properties"][key]
    return node


def _errors(document: Document) -> list[str]:
    """Every validation error of *document*, as ``pointer: message``."""
    return [f"{error.json_path}: {error.message}" for error in VALIDATOR.iter_errors(document)]


def test_shipped_file_is_generated() -> None:
    """The shipped schema file is exactly what the generator writes now."""
    shipped = resources.files("govdisclosure.schemas").joinpath(FILENAME).read_text(encoding="utf-8")
    assert shipped == dumps_schema(generate_json_schema()), (
        "the shipped schema is stale: run python -m govdisclosure.schemas._jsonschema"
    )


def test_generation_is_deterministic() -> None:
    """Generating twice gives the same text."""
    assert dumps_schema(generate_json_schema()) == dumps_schema(generate_json_schema())


def test_json_schema_is_a_fresh_copy() -> None:
    """Changing the returned schema does not change the next one."""
    first = json_schema()
    first["$defs"]["RequestRow"]["properties"].clear()
    assert json_schema() == generate_json_schema()


def test_schema_is_valid_draft_2020_12() -> None:
    """The schema is itself a valid draft 2020-12 schema."""
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_model_class_has_a_def() -> None:
    """Each model class has a ``$defs`` entry named after it, and nothing else does but JsonValue."""
    classes = {name for name in model.__all__ if attrs.has(getattr(model, name))} - {"Cell"}  # Cell is a view
    assert set(SCHEMA["$defs"]) == classes | {"JsonValue"}


@pytest.mark.parametrize("template", ["2019", "2021", "legacy"])
def test_minimal_document_validates(template: str) -> None:
    """schema, template, year and agency.name are all a document needs."""
    assert _errors(minimal(template)) == []


@pytest.mark.parametrize("template", ["2019", "2021", "legacy"])
def test_full_document_validates(template: str) -> None:
    """A document with every key given validates."""
    assert _errors(FULL[template]()) == []


@pytest.mark.parametrize(
    "path",
    EXAMPLES or [pytest.param(None, marks=pytest.mark.skip(reason="examples/ has no *.json files yet"))],
    ids=[path.name for path in EXAMPLES] or ["no-examples"],
)
def test_example_validates(path: Path) -> None:
    """Every example document shipped in examples/ validates."""
    document = json.loads(path.read_text(encoding="utf-8"))
    assert _errors(document) == []


@pytest.mark.parametrize(("template", "pointer", "value"), ACCEPTED)
def test_accepted_change(template: str, pointer: str, value: object) -> None:
    """Blanks, zeros, negative deltas and left-out tables are all valid."""
    assert _errors(_changed(FULL[template](), pointer, value)) == []


@pytest.mark.parametrize(("template", "pointer", "value"), REJECTED)
def test_rejected_change(template: str, pointer: str, value: object) -> None:
    """A document changed in one place so that the codec must refuse it is invalid."""
    assert _errors(_changed(FULL[template](), pointer, value)) != []


def test_state_secret_title() -> None:
    """The state-secret row carries its official label and article."""
    row = _property("2021", "/requests/outcomes/withheld/state_secret")
    assert row["title"] == "1.属于国家秘密"
    assert row["description"] == "State secret (Art. 14)"
    assert _property("2019", "/requests/outcomes/withheld/state_secret")["title"] == "1.属于国家秘密"


def test_fee_amount_title() -> None:
    """The 2021 fee amount carries its official label and its unit."""
    amount = _property("2021", "/proactive/fees/amount")
    assert amount["title"] == "本年收费金额（单位：万元）"
    assert "万元" in amount["description"]


def test_total_title() -> None:
    """A row's 总计 column carries its official label."""
    assert _property("2021", "/requests/received/total")["title"] == "总计"


def test_every_heading_is_a_title() -> None:
    """Each field bound to a heading has the heading's zh label as title and its English name in the description."""
    checked = 0
    for name, definition in SCHEMA["$defs"].items():
        headings = getattr(getattr(model, name, None), "__headings__", {})
        for key, heading in headings.items():
            prop = definition["properties"][key]
            assert prop["title"] == heading.zh, f"{name}.{key}"
            assert prop["description"].startswith(heading.en), f"{name}.{key}"
            checked += 1
    assert checked > 50


def test_money_mentions_unit() -> None:
    """Every money property says it is counted in 万元."""
    money = {
        (name, key): prop
        for name, definition in SCHEMA["$defs"].items()
        for key, prop in definition.get("properties", {}).items()
        if prop.get("pattern") == MONEY.pattern
    }
    assert set(money) == {("FeeAmount", "amount"), ("Procurement2019", "amount")}
    for (name, key), prop in money.items():
        assert "万元" in prop["description"], f"{name}.{key}"


def test_every_object_is_closed() -> None:
    """Every model ``$defs`` entry forbids keys it does not name."""
    for name, definition in SCHEMA["$defs"].items():
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False, name


def test_only_four_keys_are_required() -> None:
    """A report requires schema, template, year and agency, and an agency only its name."""
    for cls in REPORT_CLASSES.values():
        assert SCHEMA["$defs"][cls.__name__]["required"] == ["schema", "template", "year", "agency"]
    assert SCHEMA["$defs"]["Agency"]["required"] == ["name"]


def _json_codec() -> Any:
    """The plain-data layer every codec goes through (``to_data``, ``from_data``)."""
    from govdisclosure.codecs import data

    return data


def _codec_accepts(document: Document) -> bool:
    """Whether the JSON codec builds a report from *document*."""
    try:
        _json_codec().from_data(document)
    except ParseError:
        return False
    return True


@pytest.mark.parametrize(
    ("template", "pointer", "value", "valid"),
    [(*change, True) for change in ACCEPTED]
    + [pytest.param(*change.values, False, id=change.id) for change in REJECTED],
)
def test_codec_agrees(template: str, pointer: str, value: object, valid: bool) -> None:
    """The JSON codec accepts a changed document exactly when the schema does."""
    document = _changed(FULL[template](), pointer, value)
    assert (_errors(document) == []) is valid
    assert _codec_accepts(document) is valid


@pytest.mark.parametrize("template", ["2019", "2021", "legacy"])
def test_codec_output_validates(template: str) -> None:
    """What the codec writes for a full or minimal document is valid, and it reads both."""
    codec = _json_codec()
    for document in (FULL[template](), minimal(template)):
        assert _errors(codec.to_data(codec.from_data(document))) == []


def test_generated_reports_validate() -> None:
    """Every report the strategies generate is written as a document the schema accepts."""
    codec = _json_codec()
    strategies = pytest.importorskip(
        "govdisclosure.strategies", reason="govdisclosure.strategies (reports()) is not written yet"
    )
    if not hasattr(strategies, "reports"):
        pytest.skip("govdisclosure.strategies.reports is not written yet")

    @given(strategies.reports(consistent=False))
    def check(report: object) -> None:
        assert _errors(codec.to_data(report)) == []

    check()


def test_generated_schema_is_fresh() -> None:
    """Changing one generated schema does not reach into the next (the kinds' fragments are copied)."""
    first = generate_json_schema()
    first["$defs"]["Figure"]["properties"]["value"]["anyOf"].clear()
    first["$defs"]["AnnualReport2021"]["properties"]["extensions"]["additionalProperties"]["$ref"] = "changed"
    assert generate_json_schema() == json_schema()
