"""The JSON Schema (draft 2020-12) of the interchange shape, generated from the models.

Nothing here repeats the vocabulary: property names come from the attrs
fields of the model classes, each value's schema from the field's kind
(:attr:`FieldKind.json_schema <govdisclosure.model.kinds.FieldKind>`), and
property titles (official zh labels) and descriptions (English names, article
references, units) from the regulation headings the classes are bound to.  Every model class becomes one entry of
``$defs``, named after the class and described by its docstring's first line;
the root picks a report class by ``template``.

Three things the JSON codec refuses are not said in the schema: a number
written with a fraction of zero (``3.0``), which JSON Schema counts as an
integer, a figure's source span ending before it starts, and a figure of
measure ``other`` without its label (both invariants of one model class,
checked where the class is built).

Run ``python -m govdisclosure.schemas._jsonschema`` to rewrite the shipped
``annual-report.schema.json`` after changing a model, its docstring or a heading.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import attrs

from govdisclosure.model import REPORT_CLASSES, SCHEMA
from govdisclosure.model.kinds import JSON_VALUE, is_required, kind_of
from govdisclosure.regulation import SECTIONS_2019, Heading, TemplateVersion
from govdisclosure.schemas import FILENAME
from govdisclosure.schemas._annotations import (
    URN,
    description,
    field_heading,
    field_headings,
    model_classes,
    report_template,
    summary,
    template_description,
)

__all__ = ["DRAFT", "SCHEMA_ID", "dumps_schema", "generate_json_schema", "main"]

#: The JSON Schema dialect of the generated schema.
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
#: The schema's ``$id``, the same URN as the XML namespace.
SCHEMA_ID: Final = URN

JsonObject = dict[str, Any]


def generate_json_schema() -> JsonObject:
    """The schema of a report document of any template, as a fresh dict."""
    defs = {cls.__name__: _class_schema(cls) for cls in model_classes(REPORT_CLASSES.values())}
    defs[JSON_VALUE] = _json_value_schema()
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": SECTIONS_2019.zh,
        "description": f"{SECTIONS_2019.en}: a govdisclosure document ({SCHEMA}).",
        "type": "object",
        "required": ["schema", "template"],
        "properties": {
            "schema": {"const": SCHEMA},
            "template": {"enum": list(REPORT_CLASSES)},
        },
        "allOf": [_template_branch(key, cls) for key, cls in REPORT_CLASSES.items()],
        "$defs": defs,
    }


def dumps_schema(schema: JsonObject) -> str:
    """*schema* as the shipped file writes it: UTF-8 text, indent 2, final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    """Rewrite the shipped schema file from the models."""
    path = Path(__file__).with_name(FILENAME)
    path.write_text(dumps_schema(generate_json_schema()), encoding="utf-8")
    print(f"wrote {path}")


def _ref(cls: type[Any]) -> JsonObject:
    """A reference to the ``$defs`` entry of model class *cls*."""
    return _ref_named(cls.__name__)


def _ref_named(name: str) -> JsonObject:
    """A reference to the ``$defs`` entry *name*."""
    return {"$ref": f"#/$defs/{name}"}


def _template_branch(key: str, cls: type[Any]) -> JsonObject:
    """Apply report class *cls* when ``template`` is *key*."""
    return {
        "if": {"properties": {"template": {"const": key}}, "required": ["template"]},
        "then": _ref(cls),
    }


def _class_schema(cls: type[Any]) -> JsonObject:
    """The ``$defs`` entry of model class *cls*: a closed object of its fields."""
    headings = field_headings(cls)
    properties: JsonObject = {}
    template = report_template(cls)
    if template is not None:
        properties["schema"] = {"const": SCHEMA}
        properties["template"] = _template_schema(template)
    required = list(properties)
    for field in attrs.fields(cls):
        properties[field.name] = _property_schema(field, field_heading(field, headings))
        if is_required(field):
            required.append(field.name)
    schema: JsonObject = {"type": "object"}
    text = summary(cls)
    if text:
        schema["description"] = text
    if required:
        schema["required"] = required
    schema["properties"] = properties
    schema["additionalProperties"] = False
    return schema


def _template_schema(template: TemplateVersion) -> JsonObject:
    """The ``template`` property of a report class: the constant key of *template*."""
    return {"title": template.zh, "description": template_description(template), "const": template.key}


def _property_schema(field: attrs.Attribute[Any], heading: Heading | None) -> JsonObject:
    """The schema of *field*'s value, annotated with the official label of *heading* (see :func:`field_heading`)."""
    schema: JsonObject = {}
    if heading is not None:
        schema["title"] = heading.zh
        schema["description"] = description(heading)
    schema.update(_value_schema(field))
    return schema


def _value_schema(field: attrs.Attribute[Any]) -> JsonObject:
    """The schema of a value of *field*: its kind's fragment.

    Raises:
        TypeError: for a field without a kind.
    """
    return kind_of(field).json_schema(field, _ref_named)


def _json_value_schema() -> JsonObject:
    """Plain JSON data as the models accept it: any value but a non-integer number."""
    ref = _ref_named(JSON_VALUE)
    return {
        "description": "Plain JSON data; numbers must be integers (write decimals as strings).",
        "type": ["null", "boolean", "integer", "string", "array", "object"],
        "items": ref,
        "additionalProperties": dict(ref),
    }


if __name__ == "__main__":
    main()
