"""Reading and writing reports: JSON and standard XML (the interchange shape), and tidy CSV.

:func:`loads`/:func:`dumps` work on text, :func:`load`/:func:`dump` on files,
picking the format from the ``format`` argument or the file's suffix.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Final

from .._errors import ParseError, Problem
from ..model import AnnualReport
from . import csv as csv_codec
from . import json as json_codec
from . import xml as xml_codec

__all__ = ["FORMATS", "dump", "dumps", "load", "loads"]

_Loads = Callable[..., AnnualReport]
_Dumps = Callable[..., str]

#: The formats by name: each a pair of functions (loads, dumps).
FORMATS: Final[dict[str, tuple[_Loads, _Dumps]]] = {
    "json": (json_codec.loads, json_codec.dumps),
    "xml": (xml_codec.loads, xml_codec.dumps),
    "csv": (csv_codec.loads, csv_codec.dumps),
}

_SUFFIXES: Final = {".json": "json", ".xml": "xml", ".csv": "csv"}

PathLike = str | os.PathLike[str]


def _codec(format: str) -> tuple[_Loads, _Dumps]:
    try:
        return FORMATS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; expected one of: {', '.join(FORMATS)}") from None


def format_for(path: PathLike) -> str:
    """The format a file's suffix names, e.g. ``json`` for ``report.json``."""
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        known = ", ".join(_SUFFIXES)
        raise ValueError(f"cannot tell the format of {os.fspath(path)!r} from its suffix (known: {known})") from None


def loads(data: str | bytes, format: str = "json", **options: Any) -> AnnualReport:
    """Read a report from *data* in *format*.

    Raises:
        ParseError: listing every problem in the document, each located.
    """
    return _codec(format)[0](data, **options)


def dumps(report: AnnualReport, format: str = "json", **options: Any) -> str:
    """Write *report* as text in *format*; the same report always gives the same text."""
    return _codec(format)[1](report, **options)


def load(file: PathLike | IO[bytes], format: str | None = None, **options: Any) -> AnnualReport:
    """Read a report from a path or a binary file object.

    The format comes from *format*, else from the path's suffix.

    Raises:
        ParseError: naming the file, for a document that is not a valid report
            or a file that cannot be read.
    """
    if isinstance(file, (str, os.PathLike)):
        name = os.fspath(file)
        loads_fn = _codec(format or format_for(name))[0]
        try:
            with open(name, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise ParseError([Problem(pointer="", message=f"cannot read: {error.strerror}")], name) from None
    else:
        name = getattr(file, "name", None) or "<stream>"
        loads_fn = _codec(format or format_for(name))[0]
        data = file.read()
    try:
        return loads_fn(data, **options)
    except ParseError as error:
        raise error.with_source(str(name)) from None


def dump(report: AnnualReport, file: PathLike | IO[bytes], format: str | None = None, **options: Any) -> None:
    """Write a report to a path or a binary file object, as UTF-8 ending in a newline."""
    if isinstance(file, (str, os.PathLike)):
        text = _codec(format or format_for(file))[1](report, **options)
        Path(file).write_bytes(_ended(text).encode("utf-8"))
    else:
        name = getattr(file, "name", None)
        text = _codec(format or (format_for(name) if name else "json"))[1](report, **options)
        file.write(_ended(text).encode("utf-8"))


def _ended(text: str) -> str:
    """*text* ending in exactly one line break (formats that end their own lines keep theirs)."""
    return text if text.endswith("\n") else text + "\n"
