"""Reports as standard XML: one namespace, elements that mirror the JSON keys.

The root element is ``<annual-report>`` in the namespace
``urn:govdisclosure:annual-report:1``; element names are the JSON keys with
``_`` written ``-``, in the same order.  A blank cell is an absent element and
a written zero is written (``<total>0</total>``).  Two attributes exist: a
legacy figure's amount is ``<value type="decimal">``, and each extension is
``<extension name="…">`` holding its data as JSON text.

Parsing is hardened: UTF-8 only, no DTD (so no entities, internal or
external), no network, bounded size and depth.  Every refusal is a
:class:`~govdisclosure.ParseError` whose problems carry the line, the XPath
(prefix ``gd`` for the namespace) and the JSON Pointer of what is wrong.
Loading walks the tree with functions compiled once per model class; only a
document they decline is read again carefully to say why.  Writing walks
the report's plain data (:func:`~govdisclosure.codecs.data.to_data`) beside
its model: each field's kind says whether it is a leaf, a nested part, a
list of items or the extensions.
"""

from __future__ import annotations

import json as _json
import re
import threading
from typing import Any, Final

import attrs
from lxml import etree

from .._errors import ParseError, Problem, ProblemLog
from ..model import REPORT_CLASSES, AnnualReport
from ..model._fields import MODEL
from ..model.kinds import JSON, NUMBER, SEQUENCE, kind_of
from ._structure import ROOT_KEYS
from ._xml_markup import may_hold_markup, strip_markup
from ._xml_read import NAMESPACE, careful_problems, item_name, structure_root
from .data import to_data
from .json import DEFAULT_MAX_SIZE

__all__ = ["DEFAULT_MAX_DEPTH", "DEFAULT_MAX_SIZE", "NAMESPACE", "dumps", "loads"]

#: How deeply elements may nest before a document is refused (a report needs 7).
DEFAULT_MAX_DEPTH: Final = 32

_ENCODING_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_LOCATION_SUFFIX = re.compile(r", line \d+, column \d+$")
_PARSERS = threading.local()


def loads(
    data: str | bytes | bytearray | memoryview,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> AnnualReport:
    """Read a report from an XML document.

    Raises:
        ParseError: if *data* is not well-formed UTF-8 XML without a DTD, is
            larger than *max_size* bytes or nests deeper than *max_depth*, or
            is not a valid report; each problem is located by line, XPath and
            JSON Pointer.
    """
    root, raw = _parse(data, max_size)
    if may_hold_markup(raw):
        markup = ProblemLog()
        strip_markup(root, markup)
        if markup:
            raise markup.error()
    report = structure_root(root)
    if report is not None:
        return report
    problems = careful_problems(root, max_depth)
    if not problems:  # pragma: no cover - the two readings check the same things
        problems.add("", lambda: "the document was declined for a reason no check names")
    raise problems.error()


def dumps(report: AnnualReport, *, canonical: bool = False) -> str:
    """Write a report as an XML document: deterministic, indented, with an XML declaration.

    With *canonical*, the result is its Canonical XML 2.0 form (no
    declaration), for signing and byte-wise comparison.
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<annual-report xmlns="{NAMESPACE}">']
    _write_fields(type(report), to_data(report), 1, lines)
    lines.append("</annual-report>")
    text = "\n".join(lines) + "\n"
    if canonical:
        return etree.tostring(etree.fromstring(text.encode("utf-8"), _parser()), method="c14n2").decode("utf-8")
    return text


# ------------------------------------------------------------------ parsing


def _parser() -> etree.XMLParser:
    """The hardened parser of this thread (lxml parsers are not shared between threads)."""
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=False,  # kept until strip_markup has checked none is inside a value
            remove_pis=False,
            collect_ids=False,
        )
    return parser


def _refuse(message: str, line: int | None = None, column: int | None = None) -> ParseError:
    return ParseError([Problem(pointer="", message=message, line=line, column=column)])


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _parse(data: str | bytes | bytearray | memoryview, max_size: int) -> tuple[Any, bytes]:
    """The root element of *data*, parsed with every protection on, and the bytes it was parsed from."""
    if isinstance(data, str):
        raw = data.removeprefix("\ufeff").encode("utf-8", "surrogatepass")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    else:
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    if len(raw) > max_size:
        raise _refuse(f"document of {len(raw)} bytes exceeds the limit of {max_size}")
    declared = _ENCODING_DECLARATION.match(raw.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        encoding = declared.group(1).decode("ascii")
        raise _refuse(f"the document declares encoding {encoding}; only UTF-8 is accepted", 1)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        # UTF-16 or UTF-32: a NUL byte never appears in UTF-8 XML, which cannot hold U+0000.
        raise _refuse("not UTF-8: the document is in UTF-16 or UTF-32 (or holds a NUL byte)", 1, 1)
    doctype = _doctype_offset(raw)
    if doctype is not None:
        line, column = _position(raw, doctype)
        raise _refuse(_NO_DTD, line, column)
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as error:
        _refuse_non_utf8(raw)
        line, column = error.position
        message = _LOCATION_SUFFIX.sub("", error.msg)  # the problem carries the location itself
        raise _refuse(f"not well-formed XML: {message}", line, column) from None
    if root.getroottree().docinfo.internalDTD is not None:  # pragma: no cover - the prolog was read first
        raise _refuse(_NO_DTD, 1)
    return root, raw


_NO_DTD: Final = "a DTD is not allowed (it could declare entities or fetch external files)"
#: What may come before a document type declaration: white space, the XML declaration, comments and PIs.
_PROLOG: Final = re.compile(rb"(?:[ \t\r\n]+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)


def _doctype_offset(raw: bytes) -> int | None:
    """Where the document type declaration of *raw* starts, or None if it has none.

    A DTD can only stand in the prolog, before the root element, so the
    prolog is read by its grammar (comments and PIs skipped), never searched:
    ``<!DOCTYPE`` in a comment or a CDATA section is text, and one after the
    root element is a syntax error the parser reports.  The DTD is refused
    before the parser sees it, so no entity declaration is ever read.
    """
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    end = _PROLOG.match(raw, start).end()  # type: ignore[union-attr]
    return end if raw.startswith(b"<!DOCTYPE", end) else None


def _refuse_non_utf8(raw: bytes) -> None:
    """Raise a located ParseError if *raw* is not UTF-8 (checked only once the parser has failed)."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        raise _refuse(f"not UTF-8: byte 0x{raw[error.start]:02x} cannot be decoded", line, column) from None


# ------------------------------------------------------------------ writing


def _text(value: str) -> str:
    """*value* escaped for element content; a carriage return survives as a reference."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attribute(value: str) -> str:
    """*value* escaped for a double-quoted attribute, white space kept as references."""
    escaped = _text(value).replace('"', "&quot;")
    return escaped.replace("\t", "&#9;").replace("\n", "&#10;")


def extension_text(value: Any) -> str:
    """One extension's data as JSON text that any XML 1.0 document can hold."""
    text = _json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")


#: How each part is written: a leaf, a nested part, a list of items, the extensions, a figure's value.
_LEAF, _PART, _ITEMS, _EXTENSIONS, _NUMBER = range(5)
_Plan = tuple[tuple[str, str, int, Any], ...]
_PLANS: dict[type[Any], _Plan] = {}


def _plan(cls: type[Any]) -> _Plan:
    """For each field of *cls*: its key, its element's name, how its kind is written, and its model."""
    plan = _PLANS.get(cls)
    if plan is None:
        parts = []
        for field in attrs.fields(cls):
            kind = kind_of(field)
            how = (
                _EXTENSIONS
                if kind is JSON
                else _ITEMS
                if kind is SEQUENCE
                else _PART
                if kind.model
                else _NUMBER
                if kind is NUMBER
                else _LEAF
            )
            parts.append((field.name, field.name.replace("_", "-"), how, field.metadata.get(MODEL)))
        plan = _PLANS[cls] = tuple(parts)
    return plan


def _write_fields(cls: type[Any], data: dict[str, Any], depth: int, lines: list[str]) -> None:
    """The elements of a *cls* whose plain data is *data*, in field order, each written as its kind says."""
    pad = "  " * depth
    if cls in _REPORT_CLASSES:
        lines.extend(f"{pad}<{key}>{_text(data[key])}</{key}>" for key in ROOT_KEYS)
    for key, tag, how, model in _plan(cls):
        value = data.get(key)
        if value is None:
            continue  # a blank cell, or an optional part left out: an absent element
        if how == _LEAF:
            lines.append(f"{pad}<{tag}>{_text(str(value))}</{tag}>")
        elif how == _PART:
            _write_container(tag, model, value, depth, lines)
        elif how == _ITEMS:
            _write_sequence(tag, model, value, depth, lines)
        elif how == _EXTENSIONS:
            _write_extensions(tag, value, depth, lines)
        elif isinstance(value, str):  # a figure's amount: the shape's one attribute says so
            lines.append(f'{pad}<{tag} type="decimal">{_text(value)}</{tag}>')
        else:
            lines.append(f"{pad}<{tag}>{value}</{tag}>")


_REPORT_CLASSES: Final = frozenset(REPORT_CLASSES.values())


def _write_container(tag: str, model: type[Any], value: dict[str, Any], depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    if all(item is None for item in value.values()):
        lines.append(f"{pad}<{tag}/>")
        return
    lines.append(f"{pad}<{tag}>")
    _write_fields(model, value, depth + 1, lines)
    lines.append(f"{pad}</{tag}>")


def _write_sequence(tag: str, model: type[Any], items: list[dict[str, Any]], depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    if not items:
        lines.append(f"{pad}<{tag}/>")
        return
    lines.append(f"{pad}<{tag}>")
    for item in items:
        _write_container(item_name(model), model, item, depth + 1, lines)
    lines.append(f"{pad}</{tag}>")


def _write_extensions(tag: str, extensions: dict[str, Any], depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    if not extensions:
        lines.append(f"{pad}<{tag}/>")
        return
    lines.append(f"{pad}<{tag}>")
    for name, value in extensions.items():
        lines.append(f'{pad}  <extension name="{_attribute(name)}">{_text(extension_text(value))}</extension>')
    lines.append(f"{pad}</{tag}>")
