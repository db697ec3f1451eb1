"""The formats, by name: one registry that readers, writers and plugins share.

A :class:`Format` names a file format, the suffixes it goes by, a sniffer
that recognises its content, and what it can do: a *reader* (one document
→ :class:`ReadResult`, a report and the findings made while reading it), a
*writer* (report → text), and an *iter_reader* for containers of many
reports (JSON Lines, a multi-report CSV).  Any of them may be missing: an
importer registers a reader only, a renderer a writer only.

The registry is open at run time: :func:`register_format` adds a format
(a plugin's, or a test's), :func:`unregister_format` takes it away, and
:func:`get_format`, :func:`formats` and :func:`format_for` look them up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import IO, Any

import attrs

from .._errors import ParseError
from .._findings import Finding
from ..model import AnnualReport

__all__ = [
    "Format",
    "Loaded",
    "ReadResult",
    "format_for",
    "formats",
    "get_format",
    "register_format",
    "unregister_format",
]


@attrs.frozen(kw_only=True)
class ReadResult:
    """What a reader makes of one document: the *report*, and the *findings* made while reading it."""

    report: AnnualReport
    findings: tuple[Finding, ...] = ()


@attrs.frozen(kw_only=True)
class Loaded:
    """One item of :func:`~govdisclosure.iter_load`: a report or the error that kept it from loading.

    *source* names the file (``<stdin>`` or the stream's name otherwise);
    *line* is where the item begins in it (a JSON Lines line, a CSV row),
    ``None`` for a report that is the whole file.  Exactly one of *report*
    and *error* is set; *findings* are the reader's, beside the report.
    """

    source: str
    line: int | None = None
    report: AnnualReport | None = None
    findings: tuple[Finding, ...] = ()
    error: ParseError | None = None

    def unwrap(self) -> AnnualReport:
        """The report, or raise the error that kept it from loading."""
        if self.report is None:
            raise self.error or ParseError([], self.source)
        return self.report


#: A reader: one document (text or bytes) and the codec's options → report and findings.
Reader = Callable[..., ReadResult]
#: A writer: a report and the codec's options → its text.
Writer = Callable[..., str]
#: A reader of many reports: a binary stream, its name, the size limit of one item → items, lazily.
IterReader = Callable[[IO[bytes], str, int], Iterator[Loaded]]


@attrs.frozen(kw_only=True)
class Format:
    """A file format: its *name*, its *suffixes* (``".json"``), what its content starts with, and what it can do.

    *sniff* tells from the first bytes of a document whether it is in this
    format.  *reader*, *writer* and *iter_reader* are each optional.
    """

    name: str
    suffixes: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    reader: Reader | None = None
    writer: Writer | None = None
    iter_reader: IterReader | None = None

    def read(self, data: str | bytes, **options: Any) -> ReadResult:
        """Read one document with this format's reader.

        Raises:
            ValueError: if the format has no reader of single documents.
        """
        if self.reader is None:
            many = " (it holds many reports: read it with govdisclosure.iter_load)" if self.iter_reader else ""
            raise ValueError(f"format {self.name!r} cannot be read as one report{many}")
        return self.reader(data, **options)

    def write(self, report: AnnualReport, **options: Any) -> str:
        """Write *report* with this format's writer.

        Raises:
            ValueError: if the format has no writer.
        """
        if self.writer is None:
            raise ValueError(f"format {self.name!r} cannot be written (it is read only)")
        return self.writer(report, **options)


_FORMATS: dict[str, Format] = {}


def register_format(fmt: Format, *, replace: bool = False) -> None:
    """Add *fmt* to the registry; with *replace*, in place of a format of the same name.

    Formats registered later are asked first when a suffix or content is
    looked up, so a plugin's format can claim a suffix a built-in one has.

    Raises:
        ValueError: if a format of that name is registered and *replace* is false.
    """
    if fmt.name in _FORMATS and not replace:
        raise ValueError(f"a format named {fmt.name!r} is already registered")
    _FORMATS.pop(fmt.name, None)
    _FORMATS[fmt.name] = fmt


def unregister_format(name: str) -> Format:
    """Take the format *name* out of the registry and return it.

    Raises:
        ValueError: if no format of that name is registered.
    """
    fmt = get_format(name)
    del _FORMATS[name]
    return fmt


def formats() -> tuple[Format, ...]:
    """Every registered format, in order of registration."""
    return tuple(_FORMATS.values())


def get_format(name: str) -> Format:
    """The format registered as *name*.

    Raises:
        ValueError: naming the formats that are known, if *name* is not one.
    """
    try:
        return _FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; expected one of: {', '.join(_FORMATS)}") from None


def format_for(path: str | os.PathLike[str] | None, head: bytes | None = None) -> Format:
    """The format of a file: by its suffix, else by its content's first bytes *head*.

    Raises:
        ValueError: naming the suffixes that are known, if neither tells.
    """
    if path is not None:
        suffix = PurePath(os.fspath(path)).suffix.lower()
        for fmt in reversed(_FORMATS.values()):
            if suffix in fmt.suffixes:
                return fmt
    if head is not None:
        for fmt in reversed(_FORMATS.values()):
            if fmt.sniff is not None and fmt.sniff(head):
                return fmt
    known = ", ".join(suffix for fmt in _FORMATS.values() for suffix in fmt.suffixes)
    what = repr(os.fspath(path)) if path is not None else "the input"
    how = "from its suffix or its content" if head is not None else "from its suffix"
    raise ValueError(f"cannot tell the format of {what} {how} (known: {known})")
