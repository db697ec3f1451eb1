"""The careful reading of a document: every problem, each at its JSON Pointer.

This runs only when the compiled path of :mod:`._structure` declines an
input.  It reads the same field kinds, never stops at the first problem, and
builds the report only when nothing is wrong, so a caller gets either a whole
valid report or the complete list of what to fix.
"""

from __future__ import annotations

import datetime
import decimal
import difflib
import json
import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from .._errors import Problem
from ..model import REPORT_CLASSES, SCHEMA
from ..model._fields import (
    CHOICES,
    DATE_PATTERN,
    KIND,
    MODEL,
    MONEY_PATTERN,
    extensions_problem,
    pointer_token,
    unwritable_character,
)
from ._structure import ROOT_KEYS

__all__ = ["READERS", "collect", "describe", "report_problems"]

_MISSING: Final = object()
_money_match = re.compile(MONEY_PATTERN).fullmatch
_date_match = re.compile(DATE_PATTERN).fullmatch

_MONEY_EXPECTED: Final = 'a decimal string in 万元 such as "5.02"'


def describe(value: object) -> str:
    """A short rendering of a JSON value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = json.dumps(value if len(value) <= 40 else value[:37] + "…", ensure_ascii=False)
        return f"the string {text}" if _money_match(value) or value.isdigit() else text
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def report_problems(data: object) -> list[Problem]:
    """Every problem in *data* read as a report document; empty if it is a valid one."""
    problems: list[Problem] = []
    if type(data) is not dict:
        return [Problem(pointer="", message=f"expected a report object, got {describe(data)}")]
    schema = data.get("schema", _MISSING)
    if schema is _MISSING:
        problems.append(Problem(pointer="/schema", message=f'required: "{SCHEMA}"'))
    elif schema != SCHEMA:
        problems.append(Problem(pointer="/schema", message=f'expected "{SCHEMA}", got {describe(schema)}'))
    template = data.get("template", _MISSING)
    cls = REPORT_CLASSES.get(template) if type(template) is str else None
    if cls is None:
        choices = ", ".join(f'"{key}"' for key in REPORT_CLASSES)
        found = "it is missing" if template is _MISSING else f"got {describe(template)}"
        problems.append(Problem(pointer="/template", message=f"expected one of {choices}; {found}"))
        return problems
    collect(cls, data, "", problems, extra_keys=ROOT_KEYS)
    return problems


def collect(
    cls: type[Any], data: object, pointer: str, problems: list[Problem], extra_keys: tuple[str, ...] = ()
) -> Any:
    """Build a *cls* from *data*, or record every problem under *pointer* and return None."""
    if type(data) is not dict:
        problems.append(Problem(pointer=pointer, message=f"expected an object, got {describe(data)}"))
        return None
    before = len(problems)
    fields = attrs.fields(cls)
    names = [field.name for field in fields]
    problems.extend(
        Problem(pointer=f"{pointer}/{pointer_token(key)}", message=_unknown(key, names))
        for key in data
        if key not in names and key not in extra_keys
    )
    values = {}
    for field in fields:
        value = data.get(field.name, _MISSING)
        if value is _MISSING and field.default is not attrs.NOTHING:
            continue  # left out: the field's default (blank, empty, or absent)
        read = READERS[field.metadata[KIND]]
        values[field.name] = read(field, value, f"{pointer}/{field.name}", problems)
    if len(problems) > before:
        return None
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:  # an invariant across fields, e.g. SourceSpan order
        problems.append(Problem(pointer=pointer, message=str(error)))
        return None


def _unknown(key: str, names: list[str]) -> str:
    close = difflib.get_close_matches(key, names, n=1)
    hint = f'; did you mean "{close[0]}"?' if close else f"; expected one of: {', '.join(names)}"
    return f"unknown key {describe(key)}{hint}"


_Reader = Callable[["attrs.Attribute[Any]", Any, str, list[Problem]], Any]


def _fail(problems: list[Problem], pointer: str, expected: str, value: object) -> None:
    if value is _MISSING:
        problems.append(Problem(pointer=pointer, message=f"required: {expected}"))
    else:
        problems.append(Problem(pointer=pointer, message=f"expected {expected}, got {describe(value)}"))


def _count(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if value is None or (type(value) is int and value >= 0):
        return value
    return _fail(problems, pointer, "an integer ≥ 0 or null", value)


def _delta(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if value is None or type(value) is int:
        return value
    return _fail(problems, pointer, "an integer (negative for a decrease) or null", value)


def _offset(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if type(value) is int and value >= 0:
        return value
    return _fail(problems, pointer, "an integer ≥ 0", value)


def _year(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if type(value) is int and 1000 <= value <= 9999:
        return value
    return _fail(problems, pointer, "a four-digit year such as 2021", value)


def _money(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if value is None:
        return None
    if type(value) is str and _money_match(value):
        return decimal.Decimal(value)
    return _fail(problems, pointer, f"{_MONEY_EXPECTED} or null", value)


def _number(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if type(value) is int and value >= 0:
        return value
    if type(value) is str and _money_match(value):
        return decimal.Decimal(value)
    return _fail(problems, pointer, 'an integer ≥ 0 or a decimal string such as "5.02"', value)


def _date(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if value is None:
        return None
    if type(value) is str and _date_match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            problems.append(Problem(pointer=pointer, message=f"{describe(value)} is not a calendar date"))
            return None
    return _fail(problems, pointer, "a date written YYYY-MM-DD or null", value)


def _text(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    required = field.default is attrs.NOTHING
    if type(value) is str:
        character = unwritable_character(value)
        if character is not None:
            message = f"the string holds {character}, a character no UTF-8 or XML document can carry"
            problems.append(Problem(pointer=pointer, message=message))
        elif required and not value.strip():
            problems.append(Problem(pointer=pointer, message="must not be blank"))
        return value
    if value is None and not required:
        return None
    return _fail(problems, pointer, "a string" if required else "a string or null", value)


def _keyword(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    keys = field.metadata[CHOICES].keys()
    required = field.default is attrs.NOTHING
    if (value is None and not required) or (type(value) is str and value in keys):
        return value
    choices = ", ".join(f'"{key}"' for key in keys)
    return _fail(problems, pointer, f"one of {choices}" + ("" if required else " or null"), value)


def _json(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if value is None:
        return None
    if type(value) is not dict:
        return _fail(problems, pointer, "an object or null", value)
    problem = extensions_problem(value)
    if problem is not None:
        inner, _, message = problem.partition(": ")
        problems.append(Problem(pointer=pointer + ("" if inner == "/" else inner), message=message))
        return None
    return value


def _nested(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if value is _MISSING:
        return _fail(problems, pointer, "an object", value)
    return collect(field.metadata[MODEL], value, pointer, problems)


def _optional(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    return None if value is None else collect(field.metadata[MODEL], value, pointer, problems)


def _sequence(field: attrs.Attribute[Any], value: Any, pointer: str, problems: list[Problem]) -> Any:
    if type(value) is not list:
        return _fail(problems, pointer, "an array", value)
    model = field.metadata[MODEL]
    return tuple(collect(model, item, f"{pointer}/{index}", problems) for index, item in enumerate(value))


READERS: Final[dict[str, _Reader]] = {
    "count": _count,
    "delta": _delta,
    "offset": _offset,
    "year": _year,
    "money": _money,
    "number": _number,
    "date": _date,
    "text": _text,
    "keyword": _keyword,
    "json": _json,
    "nested": _nested,
    "optional": _optional,
    "sequence": _sequence,
}
