"""Compiled functions between plain data and the models, one pair per class.

For each model class two functions are generated once, from its fields and
their kinds (see :mod:`govdisclosure.model.kinds`): each kind gives the
snippet that checks and converts its values, this module only joins them:

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

import operator
from collections.abc import Callable
from typing import Any, Final

import attrs

from ..model import REPORT_CLASSES, SCHEMA
from ..model._fields import CHOICES, MODEL, OMIT_NONE
from ..model.kinds import is_required, kind_of

__all__ = ["ROOT_KEYS", "Declined", "bind_field_globals", "structure_fn", "unstructure_fn"]

#: The keys a report document has besides its class's fields.
ROOT_KEYS: Final = ("schema", "template")


class Declined(Exception):
    """The compiled path will not build this input; the careful path will say why."""


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

_BASE_GLOBALS: Final[dict[str, Any]] = {"_Declined": Declined, "_MISSING": _MISSING, "_new": object.__new__}


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
        # Left out: None where the field's default is None (the kind's check
        # accepts it); otherwise the kind's snippet decides (a default, or decline).
        default = "None" if field.default is None else "_MISSING"
        lines.append(f"        v_{field.name} = d.get({field.name!r}, {default})")
    lines.append("    else: raise _Declined")
    if not via_init:
        lines.append("    o = _new(_cls)")
    for field in fields:
        name, code = field.name, kind_of(field).json_snippet(required=is_required(field))
        lines.append(f"    v = v_{name}")
        lines.extend("    " + line for line in code.format(n=name).splitlines())
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

    The kind's own ``code_globals``; ``_set_<name>`` writes the slot;
    ``_choices_<name>`` holds a keyword's keys; ``_structure_<name>`` builds a
    nested model (compiled by *structure*, so each format binds its own);
    ``_empty_<name>`` is what a field made by a factory holds when left out
    (the all-blank instance of a nested part).
    """
    name, metadata = field.name, field.metadata
    namespace.update(kind_of(field).code_globals)
    namespace[f"_set_{name}"] = cls.__dict__[name].__set__
    if CHOICES in metadata:
        namespace[f"_choices_{name}"] = frozenset(metadata[CHOICES].keys())
    if MODEL in metadata:
        namespace[f"_structure_{name}"] = structure(metadata[MODEL])
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # the stubs type Factory as a function
        namespace[f"_empty_{name}"] = default.factory()


def _exec(lines: list[str], namespace: dict[str, Any], name: str, cls: type[Any]) -> Callable[[Any], Any]:
    source = "\n".join(lines) + "\n"
    code = compile(source, f"<govdisclosure {name} {cls.__qualname__}>", "exec")
    exec(code, namespace)
    fn: Callable[[Any], Any] = namespace[name]
    fn.__doc__ = f"{name.capitalize()} a {cls.__qualname__} (generated)."
    return fn


# ------------------------------------------------------------------ unstructure


def _compile_unstructure(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    namespace: dict[str, Any] = {}
    items = []
    if cls in REPORT_CLASSES.values():
        items += [f"'schema': {SCHEMA!r}", f"'template': {cls.template.key!r}"]
    omitted = []
    for field in attrs.fields(cls):
        name, kind = field.name, kind_of(field)
        namespace.update(kind.code_globals)
        expression = kind.dump_code.format(n=name)
        if MODEL in field.metadata:
            namespace[f"_unstructure_{name}"] = unstructure_fn(field.metadata[MODEL])
        if field.metadata.get(OMIT_NONE):
            omitted.append(f"    if o.{name} is not None: d[{name!r}] = {expression}")
        else:
            items.append(f"{name!r}: {expression}")
    lines = ["def unstructure(o):", "    d = {" + ", ".join(items) + "}", *omitted, "    return d"]
    return _exec(lines, namespace, "unstructure", cls)
