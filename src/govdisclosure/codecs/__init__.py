"""Reading and writing reports: JSON and standard XML (the interchange shape), tidy CSV, JSON Lines.

Every format is a :class:`~govdisclosure.codecs.registry.Format` in one
registry (:mod:`govdisclosure.codecs.registry`), open at run time.
:func:`loads`/:func:`dumps` work on text, :func:`load`/:func:`dump` on files,
picking the format from the ``format`` argument, else the file's suffix, else
its content; :func:`~govdisclosure.codecs.stream.iter_load` reads many
reports lazily.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any, Final, TypeVar, overload

from .._errors import ParseError, Problem
from ..model import REPORT_CLASSES, AnnualReport
from . import csv as csv_codec
from . import json as json_codec
from . import xml as xml_codec
from .registry import (
    Format,
    Loaded,
    ReadResult,
    format_for,
    formats,
    get_format,
    register_format,
    unregister_format,
)
from .stream import (
    HEAD_SIZE,
    iter_csv,
    iter_json_lines,
    iter_load,
    read_bounded,
    sniff_csv,
    sniff_json,
    sniff_json_lines,
    sniff_xml,
    unreadable,
)

__all__ = [
    "Format",
    "Loaded",
    "ReadResult",
    "dump",
    "dumps",
    "format_for",
    "formats",
    "get_format",
    "iter_load",
    "load",
    "loads",
    "register_format",
    "unregister_format",
]

PathLike = str | os.PathLike[str]
#: A report class, as ``as_=`` names it.
R = TypeVar("R", bound=AnnualReport)


def _reader(loads_fn: Any) -> Any:
    """A registry reader from a codec's ``loads``: the report, no findings."""
    return lambda data, **options: ReadResult(report=loads_fn(data, **options))


_BUILT_IN: Final = (
    Format(
        name="json",
        suffixes=(".json",),
        sniff=sniff_json,
        reader=_reader(json_codec.loads),
        writer=json_codec.dumps,
    ),
    Format(name="xml", suffixes=(".xml",), sniff=sniff_xml, reader=_reader(xml_codec.loads), writer=xml_codec.dumps),
    Format(
        name="csv",
        suffixes=(".csv",),
        sniff=sniff_csv,
        reader=_reader(csv_codec.loads),
        writer=csv_codec.dumps,
        iter_reader=iter_csv,
    ),
    Format(name="jsonl", suffixes=(".jsonl", ".ndjson"), sniff=sniff_json_lines, iter_reader=iter_json_lines),
)
for _format in _BUILT_IN:
    register_format(_format)


def _as(report: AnnualReport, cls: type[R] | None) -> R:
    """*report*, checked to be a *cls* (any report when *cls* is None)."""
    if cls is None:
        return report  # type: ignore[return-value]
    if cls not in REPORT_CLASSES.values():
        raise TypeError(f"as_ must be a report class such as AnnualReport2021, got {cls!r}")
    if not isinstance(report, cls):
        message = (
            f'the document is a "{report.template.key}" report ({type(report).__name__}), '
            f'not "{cls.template.key}" ({cls.__name__})'
        )
        raise ParseError([Problem(pointer="/template", message=message)])
    return report


@overload
def loads(data: str | bytes, format: str = ..., *, as_: type[R], **options: Any) -> R: ...
@overload
def loads(data: str | bytes, format: str = ..., *, as_: None = None, **options: Any) -> AnnualReport: ...
def loads(data: str | bytes, format: str = "json", *, as_: type[R] | None = None, **options: Any) -> AnnualReport:
    """Read a report from *data* in *format*; with *as_*, a report of that class.

    Raises:
        ParseError: listing every problem in the document, each located; or,
            with *as_*, at ``/template`` if the document is another template's.
        ValueError: naming the known formats, if *format* is not one, or if
            it cannot read a single report.
    """
    return _as(get_format(format).read(data, **options).report, as_)


def dumps(report: AnnualReport, format: str = "json", **options: Any) -> str:
    """Write *report* as text in *format*; the same report always gives the same text."""
    return get_format(format).write(report, **options)


@overload
def load(file: PathLike | IO[bytes], format: str | None = ..., *, as_: type[R], **options: Any) -> R: ...
@overload
def load(file: PathLike | IO[bytes], format: str | None = ..., *, as_: None = None, **options: Any) -> AnnualReport: ...
def load(
    file: PathLike | IO[bytes], format: str | None = None, *, as_: type[R] | None = None, **options: Any
) -> AnnualReport:
    """Read a report from a path or a binary file object; with *as_*, a report of that class.

    The format comes from *format*, else from the path's suffix, else from
    the content.  A path must name a regular file no larger than the
    ``max_size`` option (the codec's default otherwise), told from its size
    before anything is read.

    Raises:
        ParseError: naming the file, for a document that is not a valid report
            (or, with *as_*, another template's) or a file that cannot be read.
        ValueError: if the format cannot be told or cannot read one report.
    """
    max_size: int = options.get("max_size", json_codec.DEFAULT_MAX_SIZE)
    if isinstance(file, (str, os.PathLike)):
        name = os.fspath(file)
        fmt = get_format(format) if format else _by_suffix(name)
        try:
            data = read_bounded(name, max_size)
        except ParseError as error:
            raise (unreadable(name, error) if fmt is None else error) from None
    else:
        name = getattr(file, "name", None) or "<stream>"
        fmt = get_format(format) if format else _by_suffix(str(name))
        data = file.read(max_size + 1)
    if fmt is None:
        fmt = format_for(name, data[:HEAD_SIZE])
    try:
        return _as(fmt.read(data, **options).report, as_)
    except ParseError as error:
        raise error.with_source(str(name)) from None


def _by_suffix(name: str) -> Format | None:
    try:
        return format_for(name)
    except ValueError:
        return None


def dump(report: AnnualReport, file: PathLike | IO[bytes], format: str | None = None, **options: Any) -> None:
    """Write a report to a path or a binary file object, as UTF-8 ending in a newline."""
    if isinstance(file, (str, os.PathLike)):
        text = (get_format(format) if format else format_for(file)).write(report, **options)
        Path(file).write_bytes(_ended(text).encode("utf-8"))
    else:
        name = getattr(file, "name", None)
        fmt = get_format(format or "json") if format or not name else format_for(name)
        file.write(_ended(fmt.write(report, **options)).encode("utf-8"))


def _ended(text: str) -> str:
    """*text* ending in exactly one line break (formats that end their own lines keep theirs)."""
    return text if text.endswith("\n") else text + "\n"
