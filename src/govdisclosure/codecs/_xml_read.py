"""Reading a parsed report document: the compiled walk, and the careful one.

For each model class a function is compiled once that walks an element's
children, places each by its tag, checks and converts each cell inline (by
its kind's lexical form, see :mod:`govdisclosure.model.kinds`), and
builds the object without running the attrs validators again (as
:mod:`._structure` does for JSON).  It only accepts or declines; a declined
document is read again by :func:`careful_problems`, which names every
problem with its line, XPath and JSON Pointer.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable
from typing import Any, Final

import attrs
from lxml import etree

from .._errors import ProblemLog
from ..model import REPORT_CLASSES, SCHEMA, AnnualReport
from ..model._fields import CHOICES, MODEL, extensions_problem, pointer_token
from ..model._json import length_problem
from ..model.kinds import (
    COUNT,
    JSON,
    KEYWORD,
    MONEY,
    NESTED,
    NUMBER,
    OPTIONAL,
    SEQUENCE,
    TEXT,
    FieldKind,
    choices_text,
    is_required,
    kind_of,
)
from ._duplicates import may_repeat_keys, repeated_keys
from ._structure import ROOT_KEYS, Declined, bind_field_globals

__all__ = ["NAMESPACE", "careful_problems", "item_name", "structure_root", "tag_of"]

#: The namespace of every element of a report document.
NAMESPACE: Final = "urn:govdisclosure:annual-report:1"
_NS: Final = "{" + NAMESPACE + "}"
_ROOT: Final = _NS + "annual-report"
_PREFIX: Final = "gd"

#: An attribute other than the two the shape has: one C-level query per document.  (Text
#: between elements is checked in the compiled walk, element by element.)
_STRAY_ATTRIBUTE: Final = etree.XPath(
    "boolean(//@*[not(local-name() = 'type' and parent::gd:value)"
    " and not(local-name() = 'name' and parent::gd:extension)])",
    namespaces={_PREFIX: NAMESPACE},
)

_MISSING: Final = object()


def tag_of(name: str) -> str:
    """The namespaced tag of the element for field *name*."""
    return _NS + name.replace("_", "-")


def item_name(model: type[Any]) -> str:
    """The name of the element of one *model* item in a list: the class's name in lower case (``figure``)."""
    return model.__name__.lower()


# ------------------------------------------------------------------ the compiled walk


def structure_root(root: Any) -> AnnualReport | None:
    """The report *root* holds, or None if the compiled walk declines it."""
    try:
        if root.tag != _ROOT or _STRAY_ATTRIBUTE(root):
            return None
        template = root.find(_NS + "template")
        schema = root.find(_NS + "schema")
        if template is None or schema is None or schema.text != SCHEMA or len(schema) or len(template):
            return None
        cls = REPORT_CLASSES.get(template.text or "")
        if cls is None:
            return None
        report: AnnualReport = _structure_fn(cls)(root)
    except Exception:  # noqa: BLE001 - declined: careful_problems says why
        return None
    return report


#: The kinds whose element holds elements, not text.
_BRANCH: Final[dict[FieldKind, str]] = {
    NESTED: "v = _structure_{n}(ch)",
    OPTIONAL: "v = _structure_{n}(ch)",
    SEQUENCE: "v = tuple([_structure_{n}(item) for item in _items(ch, _item_tag_{n})])",
    JSON: "v = _extensions(ch)",
}

#: A figure's value: a count, or with ``type="decimal"`` (the XML shape's one attribute) an amount.
_NUMBER: Final = (
    "declared = ch.get('type')\n"
    "if declared == 'decimal':\n"
    "    if t is None or _money_match(t) is None: raise _Declined\n"
    "    v = _money(t)\n"
    "elif declared is None:\n"
    "    if t is None or _count_match(t) is None: raise _Declined\n"
    "    v = _count(t)\n"
    "else: raise _Declined"
)


def _absent_code(field: attrs.Attribute[Any]) -> str:
    """What the compiled walk does when *field*'s element is absent: decline, or take the default."""
    if is_required(field):
        return "raise _Declined"
    return "v = _empty_{n}" if isinstance(field.default, attrs.Factory) else "v = None"  # type: ignore[arg-type]


def _element_code(field: attrs.Attribute[Any]) -> str:
    """How the compiled walk reads *field*'s element ``ch``."""
    kind = kind_of(field)
    if kind in _BRANCH:
        return _BRANCH[kind]
    leaf = _NUMBER if kind is NUMBER else kind.text_snippet(required=is_required(field))
    return "if len(ch): raise _Declined\nt = ch.text\n" + leaf


_FUNCTIONS: dict[type[Any], Callable[[Any], Any]] = {}


def _structure_fn(cls: type[Any]) -> Callable[[Any], Any]:
    fn = _FUNCTIONS.get(cls)
    if fn is None:
        fn = _FUNCTIONS[cls] = _compile(cls)
    return fn


def _items(container: Any, tag: str) -> list[Any]:
    """The children of a sequence container, every one of which must be *tag*."""
    items = list(container)
    text = container.text
    if (text is not None and text.strip()) or any(item.tag != tag or _stray_tail(item) for item in items):
        raise Declined
    return items


def _stray_tail(element: Any) -> bool:
    """Whether text that is not white space follows *element* inside its parent."""
    tail = element.tail
    return tail is not None and bool(tail.strip())


def _extensions(container: Any) -> dict[str, Any]:
    """The extensions element's data: each ``<extension name>`` holds JSON text."""
    data: dict[str, Any] = {}
    text = container.text
    if text is not None and text.strip():
        raise Declined
    for item in container:
        name = item.get("name")
        if item.tag != _NS + "extension" or name is None or name in data or len(item) or _stray_tail(item):
            raise Declined
        text = item.text or ""
        data[name] = value = json.loads(text)
        if may_repeat_keys(text, value) and repeated_keys(text):
            raise Declined
    if extensions_problem(data) is not None:
        raise Declined
    return data


def _compile(cls: type[Any]) -> Callable[[Any], Any]:
    fields = attrs.fields(cls)
    names = [field.name for field in fields]
    slots = {tag_of(name): index for index, name in enumerate(names)}
    if cls in REPORT_CLASSES.values():
        slots.update({_NS + "schema": len(names), _NS + "template": len(names) + 1})
    namespace: dict[str, Any] = {
        "_Declined": Declined,
        "_MISSING": _MISSING,
        "_count_match": COUNT.match,
        "_count": COUNT.from_text,
        "_money_match": MONEY.match,
        "_money": MONEY.from_text,
        "_items": _items,
        "_extensions": _extensions,
        "_slots": slots,
        "_cls": cls,
        "_new": object.__new__,
    }
    via_init = hasattr(cls, "__attrs_post_init__")
    lines = [
        "def structure(el):",
        "    t = el.text",  # text before the first child, or in an empty container
        "    if t is not None and t.strip(): raise _Declined",
        f"    found = [_MISSING] * {len(slots)}",
        "    for ch in el:",
        "        i = _slots[ch.tag]",
        "        if found[i] is not _MISSING: raise _Declined",
        "        found[i] = ch",
        "        t = ch.tail",  # text after a child
        "        if t is not None and t.strip(): raise _Declined",
    ]
    if not via_init:
        lines.append("    o = _new(_cls)")
    for index, field in enumerate(fields):
        name = field.name
        lines.append(f"    ch = found[{index}]")
        lines.append("    if ch is _MISSING:")
        lines.extend("        " + line for line in _absent_code(field).format(n=name).splitlines())
        lines.append("    else:")
        lines.extend("        " + line for line in _element_code(field).format(n=name).splitlines())
        lines.append(f"    v_{name} = v" if via_init else f"    _set_{name}(o, v)")
        _field_globals(namespace, cls, field)
    if via_init:
        lines.append(f"    return _cls({', '.join(f'{name}=v_{name}' for name in names)})")
    else:
        lines.append("    return o")
    source = "\n".join(lines) + "\n"
    exec(compile(source, f"<govdisclosure xml {cls.__qualname__}>", "exec"), namespace)
    fn: Callable[[Any], Any] = namespace["structure"]
    return fn


def _field_globals(namespace: dict[str, Any], cls: type[Any], field: attrs.Attribute[Any]) -> None:
    bind_field_globals(namespace, cls, field, _structure_fn)
    kind = kind_of(field)
    namespace[f"_match_{field.name}"] = kind.match
    namespace[f"_from_text_{field.name}"] = kind.from_text
    if kind is SEQUENCE:
        namespace[f"_item_tag_{field.name}"] = tag_of(item_name(field.metadata[MODEL]))


# ------------------------------------------------------------------ the careful reading


@attrs.define
class _Reader:
    """Collects every problem of one document, each with its line, XPath and JSON Pointer."""

    max_depth: int
    problems: ProblemLog = attrs.field(factory=ProblemLog)

    def add(self, element: Any, pointer: str, xpath: str, message: str | Callable[[], str]) -> None:
        """Record a problem; a callable *message* is made only if the problem is kept."""
        line = element.sourceline if element is not None and not self.problems.full else None
        self.problems.add(pointer, message if callable(message) else lambda: message, line=line, xpath=xpath)


def careful_problems(root: Any, max_depth: int) -> ProblemLog:
    """Every problem with *root* read as a report document; empty when it is a valid one."""
    reader = _Reader(max_depth)
    xpath = f"/{_PREFIX}:annual-report"
    if root.tag != _ROOT:
        reader.add(
            root,
            "",
            "/" + _local(root),
            f"the root element is {_describe_tag(root)}; expected <annual-report> in the namespace {NAMESPACE}",
        )
        return reader.problems
    if _deeper_than(root, max_depth):
        reader.add(root, "", xpath, f"elements nest deeper than {max_depth} levels")
        return reader.problems
    schema = root.find(_NS + "schema")
    for leaf in (schema, root.find(_NS + "template")):
        if leaf is not None:
            name = _local(leaf)
            if len(leaf):
                reader.add(leaf, f"/{name}", f"{xpath}/{_PREFIX}:{name}", f"<{name}> holds a value, not elements")
            _stray_text_and_attributes_of_leaf(reader, leaf, f"/{name}", f"{xpath}/{_PREFIX}:{name}", TEXT)
    if schema is None or schema.text != SCHEMA:
        found = "it is missing" if schema is None else f"got {_quote(schema.text)}"
        reader.add(
            schema if schema is not None else root,
            "/schema",
            f"{xpath}/{_PREFIX}:schema",
            f'expected "{SCHEMA}"; {found}',
        )
    template = root.find(_NS + "template")
    cls = REPORT_CLASSES.get(template.text or "") if template is not None else None
    if cls is None:
        choices = ", ".join(f'"{key}"' for key in REPORT_CLASSES)
        found = "it is missing" if template is None else f"got {_quote(template.text)}"
        reader.add(
            template if template is not None else root,
            "/template",
            f"{xpath}/{_PREFIX}:template",
            f"expected one of {choices}; {found}",
        )
        return reader.problems
    _collect(reader, cls, root, "", xpath, extra=ROOT_KEYS)
    return reader.problems


def _deeper_than(root: Any, max_depth: int) -> bool:
    return bool(root.xpath(f"boolean(/*{'/*' * max_depth})"))


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else "?"


def _describe_tag(element: Any) -> str:
    name = etree.QName(element)
    where = f" in the namespace {name.namespace}" if name.namespace else " in no namespace"
    return f"<{name.localname}>{where}"


def _quote(text: str | None) -> str:
    text = text or ""
    return json.dumps(text if len(text) <= 40 else text[:37] + "…", ensure_ascii=False)


def _collect(
    reader: _Reader, cls: type[Any], element: Any, pointer: str, xpath: str, extra: tuple[str, ...] = ()
) -> Any:
    """Build a *cls* from *element*, or record every problem and return None."""
    before = len(reader.problems)
    _stray_text_and_attributes(reader, element, pointer, xpath)
    fields = {field.name: field for field in attrs.fields(cls)}
    found: dict[str, Any] = {}
    for child in element:
        local = _local(child)
        name = local.replace("-", "_")
        child_xpath = f"{xpath}/{_PREFIX}:{local}"
        if not (isinstance(child.tag, str) and child.tag.startswith(_NS)):
            reader.add(child, pointer, child_xpath, functools.partial(_foreign, child))
        elif name not in fields and name not in extra:
            reader.add(child, f"{pointer}/{name}", child_xpath, functools.partial(_unknown, local, list(fields)))
        elif name in found:
            reader.add(child, f"{pointer}/{name}", child_xpath, f"<{local}> appears more than once")
        else:
            found[name] = child
    values: dict[str, Any] = {}
    for name, field in fields.items():
        child = found.get(name)
        child_pointer = f"{pointer}/{name}"
        child_xpath = f"{xpath}/{_PREFIX}:{name.replace('_', '-')}"
        if child is None:
            if field.default is attrs.NOTHING:
                reader.add(element, child_pointer, child_xpath, f"required: <{name.replace('_', '-')}>")
            continue
        values[name] = _read(reader, field, child, child_pointer, child_xpath)
    if len(reader.problems) > before:
        return None
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:
        reader.add(element, pointer, xpath, str(error))
        return None


def _stray_text_and_attributes(reader: _Reader, element: Any, pointer: str, xpath: str) -> None:
    if element.text is not None and element.text.strip():
        reader.add(element, pointer, xpath, functools.partial(_stray_text, element.text))
    for child in element:
        if child.tail is not None and child.tail.strip():
            reader.add(child, pointer, xpath, functools.partial(_stray_text, child.tail))
    for attribute in element.attrib:
        reader.add(element, pointer, xpath, f"attribute {attribute} is not allowed here")


def _foreign(element: Any) -> str:
    return f"element {_describe_tag(element)} is not part of a report"


def _stray_text(text: str) -> str:
    return f"text {_quote(text.strip())} is not allowed here"


def _not_item(item_tag: str, element: Any) -> str:
    return f"expected <{item_tag}>; got {_describe_tag(element)}"


def _unknown(tag: str, names: list[str]) -> str:
    tags = [name.replace("_", "-") for name in names]
    close = difflib.get_close_matches(tag, tags, n=1)
    hint = f"; did you mean <{close[0]}>?" if close else f"; expected one of: {', '.join(tags)}"
    return f"unknown element <{tag}>{hint}"


def _text_expected(kind: FieldKind) -> str:
    """What an element of *kind* must hold; a blank cell is an absent element."""
    expected = kind.text_expected or kind.expected
    return expected + " (leave the element out for a blank cell)" if kind.cell else expected


def _read(reader: _Reader, field: attrs.Attribute[Any], element: Any, pointer: str, xpath: str) -> Any:
    kind = kind_of(field)
    if kind.model and kind is not SEQUENCE:
        return _collect(reader, field.metadata[MODEL], element, pointer, xpath)
    if kind is SEQUENCE or kind is JSON:
        _stray_text_and_attributes(reader, element, pointer, xpath)
        if kind is SEQUENCE:
            return _read_sequence(reader, field.metadata[MODEL], element, pointer, xpath)
        return _read_extensions(reader, element, pointer, xpath)
    if len(element):
        reader.add(element, pointer, xpath, f"<{_local(element)}> holds a value, not elements")
        return None
    _stray_text_and_attributes_of_leaf(reader, element, pointer, xpath, kind)
    return _read_leaf(reader, field, element, pointer, xpath)


def _stray_text_and_attributes_of_leaf(
    reader: _Reader, element: Any, pointer: str, xpath: str, kind: FieldKind
) -> None:
    allowed = {"type"} if kind is NUMBER else set()
    for attribute in element.attrib:
        if attribute not in allowed:
            reader.add(element, pointer, xpath, f"attribute {attribute} is not allowed here")


def _read_leaf(reader: _Reader, field: attrs.Attribute[Any], element: Any, pointer: str, xpath: str) -> Any:
    kind, text = kind_of(field), element.text
    if kind.max_length is not None:  # a text kind
        too_long = length_problem(text or "", kind.max_length, kind.name)
        if too_long is not None:
            reader.add(element, pointer, xpath, f"the text is {too_long}")
        elif is_required(field) and not (text or "").strip():
            reader.add(element, pointer, xpath, "must not be blank")
        return text or ""
    if kind is KEYWORD:
        keys = field.metadata[CHOICES].keys()
        if text not in keys:
            reader.add(element, pointer, xpath, f"expected {choices_text(keys, text, quote=False)}; got {_quote(text)}")
        return text
    if kind is NUMBER:
        declared = element.get("type")
        if declared not in (None, "decimal"):
            reader.add(element, pointer, xpath, f'type must be "decimal" or left out; got {_quote(declared)}')
            return None
        kind = MONEY if declared == "decimal" else COUNT
    if text is None or not kind.matches(text) or kind.from_text is None:
        found = "an empty element" if text is None else _quote(text)
        reader.add(element, pointer, xpath, f"expected {_text_expected(kind)}; got {found}")
        return None
    try:
        return kind.from_text(text)
    except ValueError:
        reason = kind.unconvertible or f"cannot be read as {kind.text_expected}"
        reader.add(element, pointer, xpath, f"{_quote(text)} {reason}")
        return None


def _read_sequence(reader: _Reader, model: type[Any], element: Any, pointer: str, xpath: str) -> Any:
    item_tag = item_name(model)
    items = []
    for index, child in enumerate(element):
        child_xpath = f"{xpath}/{_PREFIX}:{item_tag}[{index + 1}]"
        if child.tag != tag_of(item_tag):
            reader.add(child, f"{pointer}/{index}", child_xpath, functools.partial(_not_item, item_tag, child))
            continue
        items.append(_collect(reader, model, child, f"{pointer}/{index}", child_xpath))
    return tuple(items)


def _read_extensions(reader: _Reader, element: Any, pointer: str, xpath: str) -> Any:
    data: dict[str, Any] = {}
    for index, child in enumerate(element):
        name = child.get("name")
        child_xpath = f"{xpath}/{_PREFIX}:extension[{index + 1}]"
        if child.tag != _NS + "extension" or name is None:
            reader.add(child, pointer, child_xpath, 'expected <extension name="…"> holding JSON text')
            continue
        child_pointer = f"{pointer}/{pointer_token(name)}"
        for attribute in child.attrib:
            if attribute != "name":
                reader.add(child, child_pointer, child_xpath, f"attribute {attribute} is not allowed here")
        if len(child):
            reader.add(child, child_pointer, child_xpath, "<extension> holds JSON text, not elements")
            continue
        if name in data:
            reader.add(child, child_pointer, child_xpath, f'extension "{name}" appears more than once')
            continue
        text = child.text or ""
        try:
            value = json.loads(text)
        except (ValueError, RecursionError) as error:
            reader.add(child, child_pointer, child_xpath, f"not JSON text: {error}")
            continue
        repeated = repeated_keys(text) if may_repeat_keys(text, value) else []
        for inner, key in repeated:
            message = f"the key {_quote(key)} appears more than once in the same object"
            reader.add(child, child_pointer + inner, child_xpath, message)
        if repeated:
            continue
        problem = extensions_problem({name: value})
        if problem is not None:
            reader.add(child, child_pointer, child_xpath, problem.partition(": ")[2])
            continue
        data[name] = value
    return data
