"""A new report with some of its cells or fields set, each named by its JSON Pointer.

The models are frozen, so changing one cell by hand takes an
:func:`attrs.evolve` per level; :func:`replace` does that walk for a mapping
of JSON Pointers (RFC 6901) to new values::

    >>> import govdisclosure as gd
    >>> report = gd.AnnualReport2021(year=2021, agency=gd.Agency(name="重庆市民政局"))
    >>> changed = gd.replace(report, {"/requests/received/total": 15, "/agency/uscc": "115000000092759914"})
    >>> changed.requests.received.total, changed.agency.uscc
    (15, '115000000092759914')
    >>> report.requests.received.total is None
    True
    >>> gd.replace(report, {"/requests/recieved/total": 15})
    Traceback (most recent call last):
    ...
    govdisclosure...PointerError: /requests/recieved/total: RequestTable2021 has no field "recieved"; did you mean ...?
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Mapping
from typing import Any, Final, TypeVar

import attrs

from .._errors import GovDisclosureError
from ._fields import pointer_token

__all__ = ["PointerError", "parse_pointer", "replace"]

_R = TypeVar("_R")

#: An escape in a reference token: ``~0`` is ``~``, ``~1`` is ``/``; any other ``~`` is an error.
_ESCAPE: Final = re.compile("~(.?)")
_UNESCAPED: Final = {"0": "~", "1": "/"}
_INDEX: Final = re.compile("0|[1-9][0-9]*")
#: What a document holds at the top that is no field of a report class.
_FIXED: Final = {
    "template": "the template is the report's class: build a report of the other class to change it",
    "schema": "the schema is written by the codecs",
}


class PointerError(GovDisclosureError, KeyError):
    """A JSON Pointer is malformed or names nothing a report has.

    Args:
        pointer: The pointer as given.
        message: What is wrong with it.
    """

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(pointer, message)
        #: The pointer as given.
        self.pointer = pointer
        #: What is wrong with it.
        self.message = message

    def __str__(self) -> str:
        return f"{self.pointer}: {self.message}" if self.pointer else self.message


def parse_pointer(pointer: str) -> tuple[str, ...]:
    """The reference tokens of *pointer*, unescaped (RFC 6901); ``()`` for ``""``, the whole document.

    >>> parse_pointer("/extensions/a~1b/c~0d")
    ('extensions', 'a/b', 'c~d')

    Raises:
        PointerError: *pointer* is not a string, does not start with ``/``, or
            holds a ``~`` that is not ``~0`` or ``~1``.
    """
    if not isinstance(pointer, str):
        raise PointerError(repr(pointer), f"a JSON Pointer is a string, not {type(pointer).__name__}")
    if pointer == "":
        return ()
    if not pointer.startswith("/"):
        raise PointerError(pointer, 'a JSON Pointer starts with "/" (e.g. "/requests/received/total")')
    return tuple(_ESCAPE.sub(lambda match: _unescape(match, pointer), token) for token in pointer[1:].split("/"))


def _unescape(match: re.Match[str], pointer: str) -> str:
    try:
        return _UNESCAPED[match.group(1)]
    except KeyError:
        raise PointerError(
            pointer, f'"{match.group()}" is not an escape: write "~0" for "~" and "~1" for "/"'
        ) from None


def replace(report: _R, changes: Mapping[str, Any]) -> _R:
    """A copy of *report* with the value at each JSON Pointer of *changes* replaced.

    A pointer names a field of the models by its key in the interchange shape
    (``/agency/name``, ``/requests/outcomes/withheld/state_secret/total``), an
    item of a sequence by its index (``/figures/0/value``) or a key of a
    mapping (``/extensions/example.org``).  It may pass through a part that is
    absent (``/narrative/overview`` of a report without narrative): the part
    is made with its defaults first.  The changes are made in order, and the
    model checks each value as it would in its constructor.

    Raises:
        PointerError: a pointer is malformed or names nothing *report* has;
            the error names the pointer.
        TypeError, ValueError: the model refuses a value (its message says
            why; on Python 3.11+ a note names the pointer).
    """
    for pointer, value in changes.items():
        tokens = parse_pointer(pointer)
        if not tokens:
            raise PointerError(pointer, "the empty pointer is the whole report; build a new report instead")
        try:
            report = _set(report, tokens, 0, value, pointer)
        except (TypeError, ValueError) as error:
            if sys.version_info >= (3, 11):
                error.add_note(f"while setting {pointer}")
            raise
    return report


def _set(node: Any, tokens: tuple[str, ...], depth: int, value: Any, pointer: str) -> Any:
    """*node* with the value at ``tokens[depth:]`` replaced by *value*."""
    token = tokens[depth]
    last = depth == len(tokens) - 1
    if attrs.has(type(node)):
        field = _field(node, token, tokens, depth, pointer)
        new = value if last else _set(_part(node, field, tokens, depth, pointer), tokens, depth + 1, value, pointer)
        return attrs.evolve(node, **{field.name: new})
    if isinstance(node, Mapping):
        if not last and token not in node:
            raise PointerError(pointer, f"{_where(tokens, depth)} has no key {_show(token)}")
        new = value if last else _set(node[token], tokens, depth + 1, value, pointer)
        return {**node, token: new}
    if isinstance(node, tuple):
        index = _index(node, token, tokens, depth, pointer)
        new = value if last else _set(node[index], tokens, depth + 1, value, pointer)
        return (*node[:index], new, *node[index + 1 :])
    raise PointerError(pointer, f"{_where(tokens, depth)} is {_describe(node)}, which has no parts")


def _field(node: Any, token: str, tokens: tuple[str, ...], depth: int, pointer: str) -> attrs.Attribute[Any]:
    """The field of *node* named *token*, or a PointerError saying which fields there are."""
    cls = type(node)
    fields = attrs.fields_dict(cls)
    if token in fields:
        return fields[token]
    if depth == 0 and token in _FIXED:
        raise PointerError(pointer, f"{_FIXED[token]}, not a field of {cls.__name__}")
    close = difflib.get_close_matches(token, fields, n=1)
    hint = f"; did you mean {_show(close[0])}?" if close else f"; it has: {', '.join(fields)}"
    raise PointerError(pointer, f"{cls.__name__} has no field {_show(token)}{hint}")


def _part(node: Any, field: attrs.Attribute[Any], tokens: tuple[str, ...], depth: int, pointer: str) -> Any:
    """The value of *field* to descend into; an absent part is made with its defaults."""
    part = getattr(node, field.name)
    if part is not None:
        return part
    model = _model_of(type(node), field)
    if model is dict:
        return {}
    if model is None:
        raise PointerError(pointer, f"{_where(tokens, depth + 1)} is absent and has no parts to set")
    try:
        return model()
    except TypeError:
        message = f"{_where(tokens, depth + 1)} is absent and has required fields; set the whole {model.__name__}"
        raise PointerError(pointer, message) from None


def _model_of(cls: type[Any], field: attrs.Attribute[Any]) -> type[Any] | None:
    """The class an optional *field* holds when present: an attrs class, ``dict`` for a mapping, or None."""
    annotation = attrs.fields_dict(attrs.resolve_types(cls))[field.name].type
    for option in getattr(annotation, "__args__", (annotation,)):
        if isinstance(option, type) and attrs.has(option):
            return option
        if getattr(option, "__origin__", None) is Mapping:
            return dict
    return None


def _index(node: tuple[Any, ...], token: str, tokens: tuple[str, ...], depth: int, pointer: str) -> int:
    """The index *token* names in the sequence *node*, or a PointerError."""
    if not _INDEX.fullmatch(token):
        raise PointerError(pointer, f"{_where(tokens, depth)} is a sequence: expected an index, got {_show(token)}")
    index = int(token)
    if index >= len(node):
        raise PointerError(pointer, f"{_where(tokens, depth)} has {len(node)} items; there is no item {index}")
    return index


def _where(tokens: tuple[str, ...], depth: int) -> str:
    """The pointer of what ``tokens[:depth]`` names, for a message."""
    return "/" + "/".join(pointer_token(token) for token in tokens[:depth]) if depth else "the report"


def _show(token: str) -> str:
    return '"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _describe(node: Any) -> str:
    return "blank" if node is None else f"a value ({type(node).__name__})"
