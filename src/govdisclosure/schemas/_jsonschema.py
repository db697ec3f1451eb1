"""The JSON Schema (draft 2020-12) of the interchange shape, generated from the models.

Nothing here repeats the vocabulary: property names come from the attrs
fields of the model classes, each value's schema from the field's kind
(:data:`~govdisclosure.model._fields.KIND`), property titles (official zh
labels) and descriptions (English names, article references, units) from the
regulation headings the classes are bound to, and patterns from
:mod:`govdisclosure.model._fields`.  Every model class becomes one entry of
``$defs``, named after the class and described by its docstring's first line;
the root picks a report class by ``template``.

Two things the JSON codec refuses cannot be said in JSON Schema: a number
written with a fraction of zero (``3.0``), which JSON Schema counts as an
integer, and a figure's source span ending before it starts.

Run ``python -m govdisclosure.schemas._jsonschema`` to rewrite the shipped
``annual-report.schema.json`` after changing a model, its docstring or a heading.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import attrs

from govdisclosure.model import REPORT_CLASSES, SCHEMA
from govdisclosure.model._fields import CHOICES, DATE_PATTERN, KIND, MODEL, MONEY_PATTERN
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

#: The ``$defs`` entry for plain JSON data inside ``extensions`` (no floats, as in the models).
_JSON_VALUE: Final = "JsonValue"

JsonObject = dict[str, Any]


def generate_json_schema() -> JsonObject:
    """The schema of a report document of any template, as a fresh dict."""
    defs = {cls.__name__: _class_schema(cls) for cls in model_classes(REPORT_CLASSES.values())}
    defs[_JSON_VALUE] = _json_value_schema()
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
    return {"$ref": f"#/$defs/{cls.__name__}"}


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
        if field.default is attrs.NOTHING:
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
    """The schema of a value of *field*, from the kind in its metadata.

    Raises:
        ValueError: for a kind this generator does not know.
    """
    kind = field.metadata.get(KIND)
    required = field.default is attrs.NOTHING
    match kind:
        case "count":
            return {"type": ["integer", "null"], "minimum": 0}
        case "delta":
            return {"type": ["integer", "null"]}
        case "money":
            return {"type": ["string", "null"], "pattern": MONEY_PATTERN}
        case "date":
            return {"type": ["string", "null"], "format": "date", "pattern": DATE_PATTERN}
        case "text":
            return _text_schema(required=required)
        case "keyword":
            return _keyword_schema(field.metadata[CHOICES], required=required)
        case "year":
            return {"type": "integer", "minimum": 1000, "maximum": 9999}
        case "offset":
            return {"type": "integer", "minimum": 0}
        case "number":
            return {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": MONEY_PATTERN}]}
        case "json":
            return {"type": ["object", "null"], "additionalProperties": {"$ref": f"#/$defs/{_JSON_VALUE}"}}
        case "nested":
            return _ref(field.metadata[MODEL])
        case "optional":
            return {"anyOf": [_ref(field.metadata[MODEL]), {"type": "null"}]}
        case "sequence":
            return {"type": "array", "items": _ref(field.metadata[MODEL])}
    raise ValueError(f"field {field.name!r} has a kind the JSON Schema generator does not know: {kind!r}")


def _text_schema(*, required: bool) -> JsonObject:
    """A string; a required one must hold a non-space character, an optional one may be null."""
    if required:
        return {"type": "string", "minLength": 1, "pattern": r"\S"}
    return {"type": ["string", "null"]}


def _keyword_schema(choices: Heading, *, required: bool) -> JsonObject:
    """One of the keys of *choices*' children; null too unless *required*."""
    keys: list[str | None] = list(choices.keys())
    if not required:
        keys.append(None)
    return {"enum": keys}


def _json_value_schema() -> JsonObject:
    """Plain JSON data as the models accept it: any value but a non-integer number."""
    ref = {"$ref": f"#/$defs/{_JSON_VALUE}"}
    return {
        "description": "Plain JSON data; numbers must be integers (write decimals as strings).",
        "type": ["null", "boolean", "integer", "string", "array", "object"],
        "items": ref,
        "additionalProperties": dict(ref),
    }


if __name__ == "__main__":
    main()
