"""Reports as JSON documents in the interchange shape.

Loading checks everything and reports everything: a document that is not a
valid report raises one :class:`~govdisclosure.ParseError` listing each
problem at its JSON Pointer.  Dumping is deterministic: keys in the order of
the models, no floats, UTF-8 with Chinese unescaped, blank cells as ``null``.
When orjson is installed it does the parsing and printing; the result is the
same, byte for byte.

Between the text and the models stands plain data (:mod:`.data`);
:func:`to_data` and :func:`from_data` are importable here too, as they were
before they moved there.  The module also offers the cattrs face of the
codec, in the shape of cattrs' ``preconf`` modules: :func:`make_converter`
and :func:`configure_converter`.
"""

from __future__ import annotations

import json as _json
from typing import Any, Final

import attrs
import cattrs

from .._errors import ParseError, Problem, ProblemLog
from ..model import REPORT_CLASSES, AnnualReport
from ..model.kinds import KIND
from ._duplicates import may_repeat_keys, repeated_keys
from ._problems import collect, describe, report_problems
from ._size import utf8_excess
from ._structure import structure_fn, unstructure_fn
from .data import from_data, structure_fast, to_data

_orjson: Any
try:  # pragma: no cover - depends on the environment
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None

__all__ = [
    "DEFAULT_MAX_SIZE",
    "configure_converter",
    "dumps",
    "from_data",
    "loads",
    "make_converter",
    "to_data",
]

#: The largest document :func:`loads` reads unless told otherwise, in bytes (text counts as its UTF-8).
DEFAULT_MAX_SIZE: Final = 16 * 1024 * 1024

_BOM: Final = "\ufeff"


def loads(data: str | bytes | bytearray | memoryview, *, max_size: int = DEFAULT_MAX_SIZE) -> AnnualReport:
    """Read a report from a JSON document.

    *data* is text, or bytes in UTF-8 (a leading byte-order mark is allowed).
    Documents larger than *max_size* bytes are refused before parsing; text
    counts as the bytes it takes in UTF-8.

    Raises:
        ParseError: if *data* is not JSON or not a valid report; its
            ``problems`` list every problem, located by line and column for
            syntax errors and by JSON Pointer for the rest.
    """
    if _orjson is not None and isinstance(data, (bytes, bytearray, memoryview)):
        parsed = _parse_fast(data, max_size)
        if parsed is not _UNPARSED:
            report = structure_fast(parsed)
            if report is not None:
                return report
        # orjson reads integers beyond 64 bits as floats, and keeps the last of
        # repeated keys without a word: judge the document on the standard
        # library's exact reading instead (letting go of orjson's first).
        del parsed
    parsed, repeated = _parse(data, max_size)
    if repeated:
        raise _repeated(parsed, repeated)
    return from_data(parsed)


def dumps(report: AnnualReport, *, indent: int | None = 2) -> str:
    """Write a report as a JSON document.

    The output is deterministic: the same report always gives the same text.
    *indent* ``None`` gives the compact form with no spaces.
    """
    data = to_data(report)
    if _orjson is not None and indent in (None, 2):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        try:
            text: str = _orjson.dumps(data, option=option).decode("utf-8")
        except TypeError:  # an integer beyond 64 bits: the standard library handles it
            pass
        else:
            return text
    separators = (",", ": ") if indent is not None else (",", ":")
    return _json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)


# ------------------------------------------------------------------ parsing


_UNPARSED: Final = object()


def _parse_fast(data: bytes | bytearray | memoryview, max_size: int) -> Any:
    """orjson's reading of *data*, or ``_UNPARSED`` when it is not JSON, too large, or may repeat a key."""
    if len(data) > max_size:
        return _UNPARSED
    raw = bytes(data).removeprefix(b"\xef\xbb\xbf")
    try:
        parsed = _orjson.loads(raw)
    except _orjson.JSONDecodeError:
        return _UNPARSED  # the standard library gives the exact reason and place
    return _UNPARSED if may_repeat_keys(raw, parsed) else parsed


def _repeated(data: Any, repeated: list[tuple[str, str]]) -> ParseError:
    """The error for a document that repeats keys: each repeat, then any other problem."""
    problems = [
        Problem(pointer=pointer, message=f"the key {describe(key)} appears more than once in the same object")
        for pointer, key in repeated
    ]
    others = report_problems(data)
    return ParseError([*problems, *others], total=len(problems) + len(others))


def _parse(data: str | bytes | bytearray | memoryview, max_size: int) -> tuple[Any, list[tuple[str, str]]]:
    """Parse JSON text with the standard library, turning every failure into a located ParseError.

    Returns the data (the last of repeated keys kept) and the pointer and key
    of every key an object repeats.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > max_size:
            raise _too_large(f"{len(raw)} bytes", max_size)
        text = _decode(raw.removeprefix(b"\xef\xbb\xbf"))
    elif isinstance(data, str):
        text = data.removeprefix(_BOM)
        excess = utf8_excess(text, max_size)
        if excess is not None:
            raise _too_large(excess, max_size)
    else:
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    try:
        parsed = _json.loads(text)
        return parsed, repeated_keys(text) if may_repeat_keys(text, parsed) else []
    except _json.JSONDecodeError as error:
        raise ParseError(
            [Problem(pointer="", message=f"not valid JSON: {error.msg}", line=error.lineno, column=error.colno)]
        ) from None
    except RecursionError:
        raise ParseError([Problem(pointer="", message="not a report: the JSON nests too deeply")]) from None
    except ValueError as error:  # e.g. an integer with more digits than Python will convert
        raise ParseError([Problem(pointer="", message=f"not valid JSON: {error}")]) from None


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = f"not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start} cannot be decoded"
        raise ParseError([Problem(pointer="", message=message, line=line, column=column)]) from None


def _too_large(size: str, max_size: int) -> ParseError:
    return ParseError([Problem(pointer="", message=f"document of {size} exceeds the limit of {max_size}")])


# ------------------------------------------------------------------ cattrs


def configure_converter(converter: cattrs.BaseConverter) -> None:
    """Teach *converter* to structure and unstructure every model class as this codec does.

    Structuring a report class or the :data:`~govdisclosure.AnnualReport`
    union accepts exactly what :func:`from_data` accepts and raises the same
    :class:`~govdisclosure.ParseError`.
    """

    def is_model(cls: Any) -> bool:
        """A class of the interchange shape: an attrs class every field of which has a kind."""
        return isinstance(cls, type) and attrs.has(cls) and all(KIND in field.metadata for field in attrs.fields(cls))

    def structure_factory(cls: type[Any]) -> Any:
        if cls in REPORT_CLASSES.values():
            return lambda data, _: _checked(from_data(data), cls)
        return lambda data, _: _structure_part(cls, data)

    converter.register_structure_hook_factory(is_model, structure_factory)
    converter.register_unstructure_hook_factory(is_model, lambda cls: unstructure_fn(cls))
    converter.register_structure_hook(AnnualReport, lambda data, _: from_data(data))
    converter.register_unstructure_hook(AnnualReport, to_data)


def make_converter() -> cattrs.Converter:
    """A new cattrs converter configured by :func:`configure_converter`."""
    converter = cattrs.Converter()
    configure_converter(converter)
    return converter


def _checked(report: AnnualReport, cls: type[Any]) -> Any:
    if not isinstance(report, cls):
        problem = Problem(pointer="/template", message=f'expected "{cls.template.key}" for {cls.__name__}')
        raise ParseError([problem])
    return report


def _structure_part(cls: type[Any], data: Any) -> Any:
    try:
        return structure_fn(cls)(data)
    except Exception:  # noqa: BLE001 - declined: collect says why
        problems = ProblemLog()
        built = collect(cls, data, "", problems)
        if problems:
            raise problems.error() from None
        return built
