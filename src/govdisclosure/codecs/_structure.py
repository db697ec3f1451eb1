"""Compiled functions between plain data and the models, one pair per class.

For each model class two functions are generated once, from its fields and
their kinds (see :mod:`govdisclosure.model._fields`):

* a *structure* function takes what ``json.loads`` returns, checks every value
  inline and builds the object without running the attrs validators a second
  time.  It only accepts or declines: on anything unexpected it raises, and
  the caller re-reads the input with :mod:`._problems` to say what is wrong
  and where.  Both read the same field kinds, so they agree by construction;
  a property test holds them to it.
* an *unstructure* function returns the interchange-shape dict of an object,
  keys in field order.

Generating the code (as cattrs does) keeps the per-report cost to one call
per nested object, which is what lets loading keep pace with pydantic.
"""

from __future__ import annotations

import datetime
import decimal
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from ..model import REPORT_CLASSES, SCHEMA
from ..model._fields import (
    CHOICES,
    DATE_PATTERN,
    KIND,
    MODEL,
    MONEY_PATTERN,
    OMIT_NONE,
    UNWRITABLE_TEXT,
    extensions_problem,
)

__all__ = ["ROOT_KEYS", "Declined", "bind_field_globals", "kind_of", "structure_fn", "unstructure_fn"]

#: The keys a report document has besides its class's fields.
ROOT_KEYS: Final = ("schema", "template")


class Declined(Exception):
    """The compiled path will not build this input; the careful path will say why."""


_money_match = re.compile(MONEY_PATTERN).fullmatch
_date_match = re.compile(DATE_PATTERN).fullmatch
_unwritable_search = UNWRITABLE_TEXT.search

_STRUCTURE: dict[type[Any], Callable[[Any], Any]] = {}
_UNSTRUCTURE: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}

_MISSING: Final = object()


def structure_fn(cls: type[Any]) -> Callable[[Any], Any]:
    """The compiled function that builds a *cls* from plain data, or raises."""
    fn = _STRUCTURE.get(cls)
    if fn is None:
        fn = _STRUCTURE[cls] = _compile_structure(cls)
    return fn


def unstructure_fn(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    """The compiled function that turns a *cls* into its interchange-shape dict."""
    fn = _UNSTRUCTURE.get(cls)
    if fn is None:
        fn = _UNSTRUCTURE[cls] = _compile_unstructure(cls)
    return fn


# ------------------------------------------------------------------ structure

# How each kind of field is checked and converted; ``v`` holds the value,
# ``{n}`` is the field name (used to name per-field globals).
_CHECKS: Final[dict[str, str]] = {
    "count": "if v is not None and (type(v) is not int or v < 0): raise _Declined",
    "delta": "if v is not None and type(v) is not int: raise _Declined",
    "offset": "if type(v) is not int or v < 0: raise _Declined",
    "year": "if type(v) is not int or v < 1000 or v > 9999: raise _Declined",
    "money": (
        "if v is not None:\n    if type(v) is not str or _money_match(v) is None: raise _Declined\n    v = _Decimal(v)"
    ),
    "number": (
        "if type(v) is not int or v < 0:\n"
        "    if type(v) is not str or _money_match(v) is None: raise _Declined\n"
        "    v = _Decimal(v)"
    ),
    "date": (
        "if v is not None:\n"
        "    if type(v) is not str or _date_match(v) is None: raise _Declined\n"
        "    v = _fromisoformat(v)"
    ),
    "text": "if v is not None and (type(v) is not str or _unwritable_search(v)): raise _Declined",
    "text!": "if type(v) is not str or not v.strip() or _unwritable_search(v): raise _Declined",
    "keyword": "if v is not None and (type(v) is not str or v not in _choices_{n}): raise _Declined",
    "keyword!": "if type(v) is not str or v not in _choices_{n}: raise _Declined",
    "json": "if v is not None and (type(v) is not dict or _extensions_problem(v) is not None): raise _Declined",
    "nested": "if v is _MISSING: v = _empty_{n}\nelse: v = _structure_{n}(v)",
    "nested!": "if v is _MISSING: raise _Declined\nv = _structure_{n}(v)",
    "optional": "if v is not None: v = _structure_{n}(v)",
    "sequence": (
        "if v is _MISSING: v = ()\n"
        "elif type(v) is not list: raise _Declined\n"
        "else: v = tuple([_structure_{n}(item) for item in v])"
    ),
}

_BASE_GLOBALS: Final[dict[str, Any]] = {
    "_Declined": Declined,
    "_MISSING": _MISSING,
    "_Decimal": decimal.Decimal,
    "_money_match": _money_match,
    "_date_match": _date_match,
    "_unwritable_search": _unwritable_search,
    "_fromisoformat": datetime.date.fromisoformat,
    "_extensions_problem": extensions_problem,
    "_new": object.__new__,
}


def kind_of(field: attrs.Attribute[Any]) -> str:
    """The field's kind, with ``!`` appended when the document must give it."""
    kind: str = field.metadata[KIND]
    required = field.default is attrs.NOTHING and kind in ("text", "keyword", "nested")
    return kind + "!" if required else kind


def _compile_structure(cls: type[Any]) -> Callable[[Any], Any]:
    fields = attrs.fields(cls)
    namespace = dict(_BASE_GLOBALS, _cls=cls)
    keys = {field.name for field in fields}
    if cls in REPORT_CLASSES.values():
        keys.update(ROOT_KEYS)
    namespace["_keys"] = frozenset(keys)
    # A class with its own invariants (__attrs_post_init__) is built through
    # __init__; the others are filled slot by slot, already checked.
    via_init = hasattr(cls, "__attrs_post_init__")
    names = [field.name for field in fields]
    if len(keys) == 1:
        # itemgetter of one key returns the value, not a 1-tuple: unpack by hand.
        namespace["_all_items"] = lambda d, _get=operator.itemgetter(*keys): (_get(d),)
    else:
        namespace["_all_items"] = operator.itemgetter(*sorted(keys))
    # A document that has every key needs no check for unknown ones: with as
    # many keys as the class knows and all of them found, none is unknown.
    # Otherwise, check the keys and read each with its default.
    lines = [
        "def structure(d):",
        "    if type(d) is not dict: raise _Declined",
        f"    if len(d) == {len(keys)}:",
        "        " + "".join(f"v_{key}, " for key in sorted(keys)) + "= _all_items(d)",
        "    elif _keys.issuperset(d):",
    ]
    for field in fields:
        default = "_MISSING" if kind_of(field) in ("nested", "sequence", "nested!") else "None"
        lines.append(f"        v_{field.name} = d.get({field.name!r}, {default})")
    lines.append("    else: raise _Declined")
    if not via_init:
        lines.append("    o = _new(_cls)")
    for field in fields:
        name, kind = field.name, kind_of(field)
        lines.append(f"    v = v_{name}")
        lines.extend("    " + line for line in _CHECKS[kind].format(n=name).splitlines())
        lines.append(f"    v_{name} = v" if via_init else f"    _set_{name}(o, v)")
        bind_field_globals(namespace, cls, field)
    if via_init:
        arguments = ", ".join(f"{name}=v_{name}" for name in names)
        lines.append(f"    return _cls({arguments})")
    else:
        lines.append("    return o")
    return _exec(lines, namespace, "structure", cls)


def bind_field_globals(
    namespace: dict[str, Any],
    cls: type[Any],
    field: attrs.Attribute[Any],
    structure: Callable[[type[Any]], Callable[[Any], Any]] = structure_fn,
) -> None:
    """Put what the generated code for *field* refers to into *namespace*.

    ``_set_<name>`` writes the slot; ``_choices_<name>`` holds a keyword's
    keys; ``_structure_<name>`` builds a nested model (compiled by
    *structure*, so each format binds its own); ``_empty_<name>`` is the
    all-blank instance that stands for a nested part left out.
    """
    name, metadata = field.name, field.metadata
    namespace[f"_set_{name}"] = cls.__dict__[name].__set__
    if CHOICES in metadata:
        namespace[f"_choices_{name}"] = frozenset(metadata[CHOICES].keys())
    if MODEL in metadata:
        model = metadata[MODEL]
        namespace[f"_structure_{name}"] = structure(model)
        if field.default is not attrs.NOTHING and metadata[KIND] == "nested":
            namespace[f"_empty_{name}"] = model()


def _exec(lines: list[str], namespace: dict[str, Any], name: str, cls: type[Any]) -> Callable[[Any], Any]:
    source = "\n".join(lines) + "\n"
    code = compile(source, f"<govdisclosure {name} {cls.__qualname__}>", "exec")
    exec(code, namespace)
    fn: Callable[[Any], Any] = namespace[name]
    fn.__doc__ = f"{name.capitalize()} a {cls.__qualname__} (generated)."
    return fn


# ------------------------------------------------------------------ unstructure


def money_text(value: decimal.Decimal | None) -> str | None:
    """An amount as the interchange shape writes it: plain decimal notation, no exponent."""
    return None if value is None else format(value, "f")


def number_value(value: int | decimal.Decimal) -> int | str:
    """A figure's value in a document: counts stay integers, amounts become decimal strings."""
    return value if type(value) is int else format(value, "f")


def date_text(value: datetime.date | None) -> str | None:
    """A date as ``YYYY-MM-DD``."""
    return None if value is None else value.isoformat()


def plain_json(value: Any) -> Any:
    """A deep copy of JSON data with every mapping a dict and every sequence a list."""
    if isinstance(value, Mapping):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_json(item) for item in value]
    return value


_EXPRESSIONS: Final[dict[str, str]] = {
    "money": "_money_text(o.{n})",
    "number": "_number_value(o.{n})",
    "date": "_date_text(o.{n})",
    "json": "_plain_json(o.{n})",
    "nested": "_unstructure_{n}(o.{n})",
    "optional": "None if o.{n} is None else _unstructure_{n}(o.{n})",
    "sequence": "[_unstructure_{n}(item) for item in o.{n}]",
}


def _compile_unstructure(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    namespace: dict[str, Any] = {
        "_money_text": money_text,
        "_number_value": number_value,
        "_date_text": date_text,
        "_plain_json": plain_json,
    }
    items = []
    if cls in REPORT_CLASSES.values():
        items += [f"'schema': {SCHEMA!r}", f"'template': {cls.template.key!r}"]
    omitted = []
    for field in attrs.fields(cls):
        name, kind = field.name, field.metadata[KIND]
        expression = _EXPRESSIONS.get(kind, "o.{n}").format(n=name)
        if MODEL in field.metadata:
            namespace[f"_unstructure_{name}"] = unstructure_fn(field.metadata[MODEL])
        if field.metadata.get(OMIT_NONE):
            omitted.append(f"    if o.{name} is not None: d[{name!r}] = {expression}")
        else:
            items.append(f"{name!r}: {expression}")
    lines = ["def unstructure(o):", "    d = {" + ", ".join(items) + "}", *omitted, "    return d"]
    return _exec(lines, namespace, "unstructure", cls)
