"""The careful reading of a document: every problem, each at its JSON Pointer.

This runs only when the compiled path of :mod:`._structure` declines an
input.  It reads the same field kinds (a leaf is checked by its kind's own
snippet, the one the compiled path runs), never stops at the first problem, and
builds the report only when nothing is wrong, so a caller gets either a whole
valid report or the complete list of what to fix.
"""

from __future__ import annotations

import difflib
import functools
import json
import sys
from collections.abc import Callable
from typing import Any, Final

import attrs

from .._errors import ProblemLog
from ..model import REPORT_CLASSES, SCHEMA
from ..model._fields import CHOICES, MODEL, extensions_problem, pointer_token, unwritable_character
from ..model._json import length_problem
from ..model.kinds import (
    DIGITS_RULE,
    JSON,
    KEYWORD,
    MAX_COUNT,
    MONEY,
    NAME,
    NESTED,
    OPTIONAL,
    SEQUENCE,
    TEXT,
    FieldKind,
    choices_text,
    is_required,
    kind_of,
)
from ._structure import ROOT_KEYS, Declined

__all__ = ["collect", "describe", "report_problems"]

_MISSING: Final = object()


def describe(value: object) -> str:
    """A short rendering of a JSON value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = json.dumps(value if len(value) <= 40 else value[:37] + "…", ensure_ascii=False)
        return f"the string {text}" if MONEY.matches(value) or value.isdigit() else text
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, int):
        try:
            return str(value)
        except ValueError:  # more digits than Python writes out
            return f"an integer of more than {sys.get_int_max_str_digits()} digits"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def report_problems(data: object) -> ProblemLog:
    """Every problem in *data* read as a report document; empty if it is a valid one."""
    problems = ProblemLog()
    if type(data) is not dict:
        problems.add("", lambda: f"expected a report object, got {describe(data)}")
        return problems
    schema = data.get("schema", _MISSING)
    if schema is _MISSING:
        problems.add("/schema", lambda: f'required: "{SCHEMA}"')
    elif schema != SCHEMA:
        problems.add("/schema", lambda: f'expected "{SCHEMA}", got {describe(schema)}')
    template = data.get("template", _MISSING)
    cls = REPORT_CLASSES.get(template) if type(template) is str else None
    if cls is None:
        choices = ", ".join(f'"{key}"' for key in REPORT_CLASSES)
        found = "it is missing" if template is _MISSING else f"got {describe(template)}"
        problems.add("/template", lambda: f"expected one of {choices}; {found}")
        return problems
    collect(cls, data, "", problems, extra_keys=ROOT_KEYS)
    return problems


def collect(cls: type[Any], data: object, pointer: str, problems: ProblemLog, extra_keys: tuple[str, ...] = ()) -> Any:
    """Build a *cls* from *data*, or record every problem under *pointer* and return None."""
    if type(data) is not dict:
        problems.add(pointer, lambda: f"expected an object, got {describe(data)}")
        return None
    before = len(problems)
    fields = attrs.fields(cls)
    names = [field.name for field in fields]
    for key in data:
        if key not in names and key not in extra_keys:
            problems.add(f"{pointer}/{pointer_token(key)}", functools.partial(_unknown, key, names))
    values = {}
    readers = _readers(cls)
    for field in fields:
        value = data.get(field.name, _MISSING)
        if value is _MISSING and field.default is not attrs.NOTHING:
            continue  # left out: the field's default (blank, empty, or absent)
        read = readers[field.name]
        values[field.name] = read(field, value, f"{pointer}/{field.name}", problems)
    if len(problems) > before:
        return None
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:  # an invariant across fields, e.g. SourceSpan order
        message = str(error)
        problems.add(pointer, lambda: message)
        return None


def _unknown(key: str, names: list[str]) -> str:
    close = difflib.get_close_matches(key, names, n=1)
    hint = f'; did you mean "{close[0]}"?' if close else f"; expected one of: {', '.join(names)}"
    return f"unknown key {describe(key)}{hint}"


_Reader = Callable[["attrs.Attribute[Any]", Any, str, ProblemLog], Any]


def _fail(problems: ProblemLog, pointer: str, expected: str | Callable[[], str], value: object) -> None:
    """Record that *value* at *pointer* is not *expected* (a callable is called only if the problem is kept)."""

    def wanted() -> str:
        return expected() if callable(expected) else expected

    if value is _MISSING:
        problems.add(pointer, lambda: f"required: {wanted()}")
    else:
        problems.add(pointer, lambda: f"expected {wanted()}, got {describe(value)}")


def _expected(field: attrs.Attribute[Any]) -> str:
    """What *field*'s kind expects, and null too where the field may be blank."""
    expected = kind_of(field).expected
    return expected + " or null" if field.default is None else expected


@functools.cache
def _acceptor(kind: FieldKind, required: bool) -> Callable[[Any], Any]:
    """The kind's snippet of the compiled path as a function: the value converted, or Declined."""
    code = kind.json_snippet(required=required).format(n="")
    source = "def accept(v):\n" + "".join(f"    {line}\n" for line in code.splitlines()) + "    return v\n"
    namespace: dict[str, Any] = {"_Declined": Declined, "_MISSING": _MISSING, **kind.code_globals}
    exec(compile(source, f"<govdisclosure accept {kind.name}>", "exec"), namespace)
    accept: Callable[[Any], Any] = namespace["accept"]
    return accept


def _too_many_digits(kind: FieldKind, value: int) -> bool:
    """Whether *value* is refused by *kind* for its digits alone (a count of 31 digits, not one below 0)."""
    if kind.maximum != MAX_COUNT:
        return False
    return value > MAX_COUNT or (value < -MAX_COUNT and kind.minimum == -MAX_COUNT)


_CLASS_READERS: dict[type[Any], dict[str, _Reader]] = {}


def _readers(cls: type[Any]) -> dict[str, _Reader]:
    """The reader of each field of *cls*, by name (worked out once per class)."""
    readers = _CLASS_READERS.get(cls)
    if readers is None:
        readers = _CLASS_READERS[cls] = {field.name: _reader(field) for field in attrs.fields(cls)}
    return readers


def _reader(field: attrs.Attribute[Any]) -> _Reader:
    """How the careful path reads *field*: by its kind's own reader, or by the kind's snippet."""
    kind = kind_of(field)
    special = _READERS.get(kind)
    if special is not None:
        return special
    accept, expected = _acceptor(kind, is_required(field)), _expected(field)

    def leaf(field: attrs.Attribute[Any], value: Any, pointer: str, problems: ProblemLog) -> Any:
        try:
            return accept(value)
        except Declined:
            if type(value) is int and _too_many_digits(kind, value):
                problems.add(pointer, lambda: f"too many digits: {DIGITS_RULE}")
                return None
            return _fail(problems, pointer, expected, value)
        except ValueError:  # the lexical form matched, the value does not exist (2021-02-30)
            if kind.unconvertible is None:  # pragma: no cover - only such kinds convert with a ValueError
                raise
            problems.add(pointer, lambda: f"{describe(value)} {kind.unconvertible}")
            return None

    return leaf


def _text(field: attrs.Attribute[Any], value: Any, pointer: str, problems: ProblemLog) -> Any:
    required = is_required(field)
    if type(value) is str:
        character = unwritable_character(value)
        if character is not None:
            problems.add(
                pointer, lambda: f"the string holds {character}, a character no UTF-8 or XML document can carry"
            )
        elif (too_long := length_problem(value, *_length_rule(field))) is not None:
            problems.add(pointer, lambda: f"the string is {too_long}")
        elif required and not value.strip():
            problems.add(pointer, lambda: "must not be blank")
        return value
    if value is None and not required:
        return None
    return _fail(problems, pointer, _expected(field), value)


def _length_rule(field: attrs.Attribute[Any]) -> tuple[int, str]:
    """The most characters *field* may hold, and what its kind calls its value."""
    kind = kind_of(field)
    return kind.max_length or 0, kind.name


def _keyword(field: attrs.Attribute[Any], value: Any, pointer: str, problems: ProblemLog) -> Any:
    heading = field.metadata[CHOICES]
    required = is_required(field)
    if (value is None and not required) or (type(value) is str and value in heading):
        return value

    def choices() -> str:
        return choices_text(heading.keys(), value) + ("" if required else " or null")

    return _fail(problems, pointer, choices, value)


def _json(field: attrs.Attribute[Any], value: Any, pointer: str, problems: ProblemLog) -> Any:
    if value is None:
        return None
    if type(value) is not dict:
        return _fail(problems, pointer, _expected(field), value)
    problem = extensions_problem(value)
    if problem is not None:
        inner, _, message = problem.partition(": ")
        problems.add(pointer + ("" if inner == "/" else inner), lambda: message)
        return None
    return value


def _nested(field: attrs.Attribute[Any], value: Any, pointer: str, problems: ProblemLog) -> Any:
    if value is _MISSING:
        return _fail(problems, pointer, _expected(field), value)
    return collect(field.metadata[MODEL], value, pointer, problems)


def _optional(field: attrs.Attribute[Any], value: Any, pointer: str, problems: ProblemLog) -> Any:
    return None if value is None else collect(field.metadata[MODEL], value, pointer, problems)


def _sequence(field: attrs.Attribute[Any], value: Any, pointer: str, problems: ProblemLog) -> Any:
    if type(value) is not list:
        return _fail(problems, pointer, _expected(field), value)
    model = field.metadata[MODEL]
    return tuple(collect(model, item, f"{pointer}/{index}", problems) for index, item in enumerate(value))


#: The readers of the kinds a snippet alone cannot judge; every other kind is read by :func:`_leaf`.
_READERS: Final[dict[FieldKind, _Reader]] = {
    TEXT: _text,
    NAME: _text,
    KEYWORD: _keyword,
    JSON: _json,
    NESTED: _nested,
    OPTIONAL: _optional,
    SEQUENCE: _sequence,
}
