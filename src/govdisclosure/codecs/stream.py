"""Reading many reports lazily: files, folders, JSON Lines, multi-report CSV, streams.

:func:`iter_load` yields one :class:`~govdisclosure.codecs.registry.Loaded`
item per report, as it reads: a report, or the located error that kept it
from loading, so one bad item never stops the rest.  Only one item is held
at a time.

Every file is checked before it is read: a name that is not a regular file
(a FIFO, a device, a folder where a file was expected) is refused by name
without being opened for reading, and no file is read beyond its size limit
plus one byte.
"""

from __future__ import annotations

import csv as _csv
import io
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Final

import attrs

from .._errors import ParseError, Problem
from . import csv as csv_codec
from .json import DEFAULT_MAX_SIZE
from .registry import Format, Loaded, format_for, get_format

__all__ = [
    "HEAD_SIZE",
    "iter_csv",
    "iter_json_lines",
    "iter_load",
    "read_bounded",
    "refuse_non_regular",
    "sniff_csv",
    "sniff_json",
    "sniff_json_lines",
    "sniff_xml",
    "unreadable",
]

#: How many bytes of a document the sniffers are shown.
HEAD_SIZE: Final = 64 * 1024

_BOM: Final = b"\xef\xbb\xbf"
_KINDS: Final = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

#: Told of each entry of a folder that is not read, with the reason.
OnSkip = Callable[[str, str], object]
Source = str | os.PathLike[str] | IO[bytes]


def _refusal(message: str, source: str | None = None, line: int | None = None) -> ParseError:
    return ParseError([Problem(pointer="", message=message, line=line)], source)


# ------------------------------------------------------------------ sniffers


def _start(head: bytes) -> bytes:
    return head.removeprefix(_BOM).lstrip()


def sniff_json(head: bytes) -> bool:
    """Whether *head* begins a JSON object."""
    return _start(head).startswith(b"{")


def sniff_json_lines(head: bytes) -> bool:
    """Whether *head* begins JSON Lines: a whole object on the first line, another object after it."""
    first, newline, rest = _start(head).partition(b"\n")
    first = first.rstrip()
    return bool(newline) and first.startswith(b"{") and first.endswith(b"}") and rest.lstrip().startswith(b"{")


def sniff_xml(head: bytes) -> bool:
    """Whether *head* begins an XML document (a declaration, or the ``annual-report`` root)."""
    start = _start(head)
    return start.startswith(b"<?xml") or (start.startswith(b"<") and b"<annual-report" in start)


def sniff_csv(head: bytes) -> bool:
    """Whether *head* begins with the header row of the tidy CSV."""
    first = head.removeprefix(_BOM).partition(b"\n")[0].rstrip(b"\r")
    names = first.decode("utf-8", "replace").split(",")
    return len(names) > 1 and all(name in csv_codec.COLUMNS for name in names)


# ------------------------------------------------------------------ bounded reading


def _kind(mode: int) -> str | None:
    """What a file of *mode* is, when it is not a regular file."""
    return next((what for test, what in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def refuse_non_regular(name: str, mode: int) -> None:
    """Raise a ParseError naming *name* if *mode* is not a regular file's."""
    what = _kind(mode)
    if what is not None:
        raise _refusal(f"not a regular file ({what}): refused without reading it", name)


def _too_large(size: str, max_size: int, name: str) -> ParseError:
    return _refusal(f"file of {size} exceeds the limit of {max_size} bytes", name)


def _open(name: str) -> IO[bytes]:
    """*name* opened for reading, once it is known to be a regular file (a FIFO never blocks the open)."""
    try:
        refuse_non_regular(name, os.stat(name).st_mode)
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise _refusal(f"cannot read: {error.strerror}", name) from None
    try:
        refuse_non_regular(name, os.fstat(descriptor).st_mode)  # it may have changed since the stat
    except ParseError:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _read_at_most(handle: IO[bytes], max_size: int, name: str) -> bytes:
    data = handle.read(max_size + 1)
    if len(data) > max_size:
        raise _too_large(f"more than {max_size} bytes", max_size, name)
    return data


def read_bounded(name: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of the regular file *name*, read only when its size is within *max_size*.

    Raises:
        ParseError: naming the file, if it is not a regular file, cannot be
            read, or is larger than *max_size* bytes (told from its size
            before reading, and never read beyond *max_size* + 1 bytes).
    """
    with _open(name) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_size:
            raise _too_large(f"{size} bytes", max_size, name)
        return _read_at_most(handle, max_size, name)


# ------------------------------------------------------------------ JSON Lines


def _at_line(line: int) -> Callable[[Problem], Problem]:
    """Locate a problem of a document that is one line of a file at that line."""
    return lambda problem: attrs.evolve(problem, line=line)


def _shifted(shift: int) -> Callable[[Problem], Problem]:
    """Locate a problem of a CSV chunk (its header, then rows from a later line of the file) in the file."""
    return lambda p: attrs.evolve(p, line=p.line + shift) if p.line is not None and p.line > 1 else p


def _read_one(
    fmt: Format,
    data: bytes,
    name: str,
    line: int | None,
    max_size: int,
    locate: Callable[[Problem], Problem] | None = None,
) -> Loaded:
    """One item: *data* read by *fmt*, its problems located in the file by *locate*."""
    try:
        result = fmt.read(data, max_size=max_size)
    except ParseError as error:
        problems = [locate(problem) for problem in error.problems] if locate else error.problems
        return Loaded(source=name, line=line, error=ParseError(problems, name))
    return Loaded(source=name, line=line, report=result.report, findings=result.findings)


def iter_json_lines(stream: IO[bytes], name: str, max_size: int = DEFAULT_MAX_SIZE) -> Iterator[Loaded]:
    """One item per non-blank line of a JSON Lines stream, each line a JSON report of at most *max_size* bytes."""
    reader = get_format("json")
    number = 0
    while True:
        raw = stream.readline(max_size + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_size and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # the rest of the line, never held whole
                raw = stream.readline(HEAD_SIZE)
            yield Loaded(source=name, line=number, error=_refusal(f"line longer than {max_size} bytes", name, number))
            continue
        if number == 1:
            raw = raw.removeprefix(_BOM)
        if raw.strip():
            yield _read_one(reader, raw, name, number, max_size, _at_line(number))


# ------------------------------------------------------------------ multi-report CSV


@attrs.define
class _Lines:
    """The lines of a text stream, the ones the csv reader has taken since last asked kept aside."""

    stream: IO[str]
    max_size: int
    taken: list[str] = attrs.field(factory=list)
    number: int = 0

    def __iter__(self) -> Iterator[str]:
        while line := self.stream.readline(self.max_size + 1):
            self.number += 1
            self.taken.append(line)
            yield line

    def take(self) -> str:
        text, self.taken = "".join(self.taken), []
        return text


def iter_csv(stream: IO[bytes], name: str, max_size: int = DEFAULT_MAX_SIZE) -> Iterator[Loaded]:
    """One item per report of a tidy CSV table, as :func:`~govdisclosure.codecs.csv.dump_many` writes it.

    Each report's rows are read together and handed to
    :func:`~govdisclosure.codecs.csv.loads` with the header; its problems keep
    their lines in the file.  A report's rows come one after another: rows of
    a report that began earlier, after another report's rows, are a located
    error (:func:`~govdisclosure.codecs.csv.load_many` reads them in any order).
    Each item's *line* is the row where its report begins, unless the table
    holds only one report: then it is the whole file, as for JSON or XML.
    """
    items = _iter_csv(stream, name, max_size)
    first = next(items, None)
    second = next(items, None)
    if first is not None and second is None:
        yield attrs.evolve(first, line=None)
        return
    yield from (item for item in (first, second) if item is not None)
    yield from items


def _iter_csv(stream: IO[bytes], name: str, max_size: int) -> Iterator[Loaded]:
    reader = get_format("csv")
    lines = _Lines(io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline=""), max_size)
    records = _csv.reader(lines, strict=True)
    header = next(records, None)
    head = lines.take()
    columns = list(csv_codec._IDENTITY)
    if header is None or not set(columns) <= set(header):  # the codec says what is wrong with it
        rest = head + lines.stream.read(max_size + 1 - len(head))
        yield _read_one(reader, rest.encode("utf-8", "surrogateescape"), name, None, max_size)
        return
    identity = [header.index(column) for column in columns]
    seen: dict[tuple[str, ...], int] = {}
    current: tuple[str, ...] | None = None
    broken = False  # rows of a report that began earlier: refused, not read
    chunk: list[str] = []
    size = first = 0

    def finish() -> Loaded:
        if size > max_size:
            return Loaded(source=name, line=first, error=_refusal(f"report rows exceed {max_size} bytes", name, first))
        data = (head + "".join(chunk)).encode("utf-8", "surrogateescape")
        return _read_one(reader, data, name, first, max_size, _shifted(first - 2))

    while True:
        start = lines.number + 1
        try:
            record = next(records, None)
        except _csv.Error as error:
            if current is not None and not broken:
                yield finish()
            yield Loaded(source=name, line=lines.number, error=_refusal(f"not valid CSV: {error}", name, lines.number))
            return
        taken = lines.take()
        if record is None:
            break
        key = tuple(record[index] if index < len(record) else "" for index in identity) if record else current
        if key is None:  # a blank line before the first row
            continue
        if key != current:
            if current is not None and not broken:
                yield finish()
            broken = key in seen
            if broken:
                message = (
                    f"rows of the report begun on line {seen[key]} continue here, after another report's rows; "
                    "iter_load reads each report's rows together (csv.load_many reads them in any order)"
                )
                yield Loaded(source=name, line=start, error=_refusal(message, name, start))
            else:
                seen[key] = start
            current, first, chunk, size = key, start, [], 0
        size += len(taken)
        if not broken and size <= max_size:
            chunk.append(taken)
    if not seen:  # a header alone: the codec says what is missing
        yield _read_one(reader, head.encode("utf-8", "surrogateescape"), name, None, max_size)
    elif not broken:
        yield finish()


# ------------------------------------------------------------------ files, folders, streams


class _Rejoined(io.RawIOBase):
    """A stream whose first bytes were read ahead (to sniff them), made whole again."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _stream_items(stream: IO[bytes], name: str, fmt: Format | None, max_size: int) -> Iterator[Loaded]:
    head = stream.read(HEAD_SIZE)
    if fmt is None:
        try:
            fmt = format_for(None, head)
        except ValueError as error:
            yield Loaded(source=name, error=_refusal(str(error).replace("the input", name), name))
            return
    whole = io.BufferedReader(_Rejoined(head, stream))
    if fmt.iter_reader is not None:
        yield from fmt.iter_reader(whole, name, max_size)
        return
    try:
        data = _read_at_most(whole, max_size, name)
    except ParseError as error:
        yield Loaded(source=name, error=error)
        return
    yield _read_one(fmt, data, name, None, max_size)


def _suffix_format(name: str, format: str | None) -> Format | None:
    if format is not None:
        return get_format(format)
    try:
        return format_for(name)
    except ValueError:
        return None


def unreadable(name: str, error: ParseError) -> ParseError:
    """*error* about a file whose suffix names no format, saying that too when there is no content to tell."""
    if os.path.lexists(name):  # refused or unreadable as it is: that says enough
        return error
    try:
        format_for(name)
    except ValueError as unknown:
        return _refusal(f"{unknown}, and {error.problems[0].message}", name)
    return error  # pragma: no cover - called for unknown suffixes only


def _file_items(name: str, format: str | None, max_size: int) -> Iterator[Loaded]:
    fmt = _suffix_format(name, format)
    try:
        handle = _open(name)
    except ParseError as error:
        yield Loaded(source=name, error=unreadable(name, error) if fmt is None else error)
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if (fmt is None or fmt.iter_reader is None) and size > max_size:
            yield Loaded(source=name, error=_too_large(f"{size} bytes", max_size, name))
            return
        yield from _stream_items(handle, name, fmt, max_size)


@attrs.define
class _Walk:
    """One :func:`iter_load` call: the files read so far (by device and inode) and whom to tell of skips."""

    on_skip: OnSkip | None
    seen: dict[tuple[int, int], str] = attrs.field(factory=dict)

    def skip(self, name: str, reason: str) -> None:
        if self.on_skip is not None:
            self.on_skip(name, reason)

    def first_time(self, name: str, status: os.stat_result) -> bool:
        """Whether the file *name* is read for the first time (else it is skipped, saying so)."""
        key = (status.st_dev, status.st_ino)
        earlier = self.seen.setdefault(key, name)
        if earlier is not name:
            self.skip(name, f"the same file as {earlier}, already read")
            return False
        return True

    def folder(self, root: str, format: str | None, max_size: int) -> Iterator[Loaded]:
        try:
            entries = sorted(os.listdir(root))  # names only: a folder of many files costs little
        except OSError as error:
            yield Loaded(source=root, error=_refusal(f"cannot read the folder: {error.strerror}", root))
            return
        for entry in entries:
            name = str(Path(root, entry))
            try:
                status = os.stat(name)
            except OSError:
                self.skip(name, "a broken symbolic link" if os.path.islink(name) else "cannot be examined")
                continue
            if stat.S_ISDIR(status.st_mode):
                if os.path.islink(name):
                    self.skip(name, "a symbolic link to a folder, not followed")
                else:
                    yield from self.folder(name, format, max_size)
                continue
            what = _kind(status.st_mode)
            if what is not None:
                self.skip(name, f"not a regular file ({what})")
            elif format is None and _suffix_format(name, None) is None:
                self.skip(name, "not a report file (no known suffix)")
            elif self.first_time(name, status):
                yield from _file_items(name, format, max_size)

    def source(self, source: Source, format: str | None, max_size: int) -> Iterator[Loaded]:
        if not isinstance(source, (str, os.PathLike)):
            name = getattr(source, "name", None)
            fmt = get_format(format) if format is not None else None
            yield from _stream_items(source, name if isinstance(name, str) else "<stream>", fmt, max_size)
            return
        name = os.fspath(source)
        try:
            status = os.stat(name)
        except OSError:
            yield from _file_items(name, format, max_size)  # says why it cannot be read
            return
        if stat.S_ISDIR(status.st_mode):
            yield from self.folder(name, format, max_size)
        elif stat.S_ISREG(status.st_mode):
            if self.first_time(name, status):
                yield from _file_items(name, format, max_size)
        else:
            yield from _file_items(name, format, max_size)  # refused by name


def iter_load(
    source: Source,
    *more: Source,
    format: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    on_skip: OnSkip | None = None,
) -> Iterator[Loaded]:
    """Lazily yield every report in *source* (and *more*), one :class:`Loaded` item each.

    A source is a path or a binary stream.  A folder is searched
    recursively, in sorted order, for files with a known suffix; its other
    entries (other files, broken symbolic links, FIFOs, devices, links to
    folders) are passed to *on_skip* with the reason, and so is a file met a
    second time (under another name, or the same path given twice).  A JSON
    Lines file (``.jsonl``) or a tidy CSV holds many reports, each its own
    item; any other file one report.  The format comes from *format*, else
    the suffix, else the content.  An item that cannot be read carries its
    located :class:`~govdisclosure.ParseError`; the next item is read all the
    same.  No item larger than *max_size* bytes is read.

    >>> import io
    >>> lines = io.BytesIO(b'{"schema": "govdisclosure/annual-report/1", "template": "2021", '
    ...     b'"year": 2021, "agency": {"name": "A"}}\\n{"year": 2021}\\n')
    >>> [(item.line, item.report and item.report.agency.name) for item in iter_load(lines, format="jsonl")]
    [(1, 'A'), (2, None)]
    """
    walk = _Walk(on_skip)
    for each in (source, *more):
        yield from walk.source(each, format, max_size)
