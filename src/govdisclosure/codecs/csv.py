"""Reports as tidy CSV: one row per table cell and per other part of the report, and a reader back.

Each row names the report it belongs to (``year``, ``agency``, ``uscc``,
``template``), what it holds (``table``, ``row``, ``column`` — the keys of the
interchange shape), its official Chinese labels (``row_label``,
``column_label``) and its ``value``.

A **cell row** holds one table cell: digits for a count, a decimal string in
万元 for money, and nothing at all for a blank cell, so blank and zero stay
apart.  Every cell is written, blank ones included, in the order of
:func:`~govdisclosure.iter_cells`.

A **part row** holds one of the other parts of the report, before the cells:
``table`` is the part's key (``agency``, ``published``, ``narrative``,
``extensions``, ``figures``), ``column`` the field within it, ``row`` empty.
The agency's level, kind and parent, the publication date (ISO 8601) and
each narrative section are their text; extensions and a legacy report's
figures are JSON text.  A part that is absent has no row, so a plain dump
round-trips losslessly: ``loads(dumps(r)) == r`` for every report.

``lossy=True`` writes a **cells-only** table instead, as older versions did,
and warns with a :class:`CSVDataLossWarning` naming what it left out (see
:func:`dropped`).  Nothing is dropped silently.  A cells-only table reads as
before.

Reading checks every row against the template's cells and their official
labels and reports every problem in one :class:`~govdisclosure.ParseError`,
each located by line, by the 1-based index of the CSV column, and by the JSON
Pointer of the cell: the first :data:`~govdisclosure._errors.MAX_PROBLEMS`
kept in a :class:`~govdisclosure._errors.ProblemLog` (their messages built only
then), the rest counted.
"""

from __future__ import annotations

import contextlib
import csv as _csv
import datetime
import difflib
import functools
import io
import json
import re
import types
import typing
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from .._errors import ParseError, Problem, ProblemLog
from ..model import REPORT_CLASSES, SCHEMA, Agency, AnnualReport, Cell, iter_cells
from ..model._fields import MODEL, pointer_token, unwritable_character
from ..model.kinds import YEAR, FieldKind, digits_problem, kind_of
from ..regulation import EXTENSIONS, FIGURES, NARRATIVE, REPORT_FIELDS
from ._duplicates import may_repeat_keys, repeated_keys
from ._size import utf8_excess
from .data import from_data, to_data
from .json import DEFAULT_MAX_SIZE

__all__ = [
    "COLUMNS",
    "DEFAULT_MAX_FIELD_SIZE",
    "DEFAULT_MAX_SIZE",
    "CSVDataLossWarning",
    "dropped",
    "dump_many",
    "dumps",
    "load_many",
    "loads",
]

#: The header: the columns of every CSV table this codec writes and reads.
COLUMNS: Final = (
    "year",
    "agency",
    "uscc",
    "template",
    "table",
    "row",
    "column",
    "row_label",
    "column_label",
    "value",
)

#: The longest field :func:`loads` reads unless told otherwise: ``None``, as
#: long as the document may be (*max_size*), so whatever :func:`dumps` writes
#: reads back.
DEFAULT_MAX_FIELD_SIZE: Final = None

#: The columns that name a row's report, each with the JSON Pointer of what it holds.
_IDENTITY: Final = {"year": "/year", "agency": "/agency/name", "uscc": "/agency/uscc", "template": "/template"}
#: The report fields the identity columns carry (besides the cells): the others are dropped.
_CARRIED: Final = frozenset(pointer for pointer in _IDENTITY.values() if pointer != "/template")

_BOM: Final = "\ufeff"
_ROW_SEPARATOR: Final = "/"
_LABEL_SEPARATOR: Final = " · "  # between the row and the column part of Cell.label

_ESCAPED_BYTE: Final = re.compile("[\udc80-\udcff]")


class CSVDataLossWarning(UserWarning):
    """A lossy CSV dump left data out.

    *dropped* maps the index of each report that lost data (0 for
    :func:`dumps`) to the JSON Pointers of what was left out; ``""`` is the
    whole report.
    """

    def __init__(self, message: str, dropped: Mapping[int, tuple[str, ...]]) -> None:
        super().__init__(message)
        self.dropped: dict[int, tuple[str, ...]] = dict(dropped)


# ------------------------------------------------------------------ the cells of each template


@attrs.frozen
class _CellSpec:
    """A cell a template has: where it is, what kind of value it holds, and its official labels."""

    path: tuple[str, ...]
    kind: FieldKind
    row_label: str
    column_label: str

    @property
    def pointer(self) -> str:
        """The cell's JSON Pointer."""
        return "/" + "/".join(self.path)


_Key = tuple[str, str, str]  # (table, row, column) as the CSV writes them


def _key(path: Sequence[str]) -> _Key:
    """The (table, row, column) columns of the cell at *path*."""
    return path[0], _ROW_SEPARATOR.join(path[1:-1]), path[-1]


def _labels(cell: Cell) -> tuple[str, str]:
    """The row part and the column part of the cell's official Chinese label."""
    row, _, column = cell.label("zh").rpartition(_LABEL_SEPARATOR)
    return row, column


def _kind(cls: type[Any], path: Sequence[str]) -> FieldKind:
    """The field kind (count, delta, money) of the cell at *path* in a *cls*."""
    for name in path[:-1]:
        cls = attrs.fields_dict(cls)[name].metadata[MODEL]
    return kind_of(attrs.fields_dict(cls)[path[-1]])


def _layout(cls: type[AnnualReport]) -> dict[_Key, _CellSpec]:
    """Every cell of *cls*'s template by its CSV key, in printed order (empty for legacy)."""
    blank = cls(year=cls.template.first_year, agency=Agency(name=cls.template.key))
    return {_key(cell.path): _CellSpec(cell.path, _kind(cls, cell.path), *_labels(cell)) for cell in iter_cells(blank)}


#: The cells of each template that has tables, by the template's key.
_LAYOUTS: Final = {key: layout for key, cls in REPORT_CLASSES.items() if (layout := _layout(cls))}
#: The pointers of the tables, every cell of which is a row.
_TABLES: Final = frozenset("/" + key[0] for layout in _LAYOUTS.values() for key in layout)


# ------------------------------------------------------------------ the other parts of each report


@attrs.frozen
class _PartSpec:
    """A field outside the tables a row carries: where it is, how its value is written, and its labels.

    *form* is ``"text"`` (the string itself: text, a keyword, an ISO date),
    ``"json"`` (JSON text of the interchange shape's value) or ``"present"``
    (an optional part that is there with every field absent; its value is empty).
    """

    path: tuple[str, ...]
    form: str
    row_label: str
    column_label: str

    @property
    def pointer(self) -> str:
        """The field's JSON Pointer."""
        return "/" + "/".join(self.path)


def _part_key(path: Sequence[str]) -> _Key:
    """The (table, row, column) columns of a part row: the part's key, nothing, the field's key."""
    return (path[0], "", path[-1] if len(path) > 1 else "")


#: The labels of the report's own fields and parts, by key.
_PART_HEADINGS: Final = {heading.key: heading for heading in (*REPORT_FIELDS.children, NARRATIVE, EXTENSIONS, FIGURES)}


def _options(annotation: Any) -> tuple[Any, ...]:
    """The types a field of type *annotation* may hold: the members of a union, or the type itself."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def _nested_class(annotation: Any) -> type[Any] | None:
    """The attrs class a field of this type holds (alone or or-None), if any."""
    for option in _options(annotation):
        if isinstance(option, type) and attrs.has(option):
            return option
    return None


def _is_text(annotation: Any) -> bool:
    """Whether a field of this type is written as its text (a string or a date, or None)."""
    options = set(_options(annotation)) - {type(None)}
    return bool(options) and options <= {str, datetime.date}


def _parts(cls: type[Any], path: tuple[str, ...] = ()) -> Iterator[_PartSpec]:
    """The part rows a report of *cls* may have, in the order of its fields."""
    fields = attrs.fields(attrs.resolve_types(cls))
    headings: Mapping[str, Any] = getattr(cls, "__headings__", {})
    for field in fields:
        inner = (*path, field.name)
        pointer = "/" + "/".join(inner)
        if pointer in _TABLES or (pointer in _CARRIED and field.default is attrs.NOTHING):
            continue  # a cell, or a required field an identity column always carries
        top = _PART_HEADINGS[inner[0]].zh
        column = headings[field.name].zh if path else ""
        nested = _nested_class(field.type)
        if nested is not None:
            if field.default is None:
                yield _PartSpec(inner, "present", top, column)
            yield from _parts(nested, inner)
        else:
            yield _PartSpec(inner, "text" if _is_text(field.type) else "json", top, column)


#: The part rows of each template, by their (table, row, column).
_PARTS: Final = {key: {_part_key(spec.path): spec for spec in _parts(cls)} for key, cls in REPORT_CLASSES.items()}


# ------------------------------------------------------------------ writing


def dumps(report: AnnualReport, *, excel: bool = False, lossy: bool = False) -> str:
    """Write one report as a CSV table: a header, a row per part of the report present, a row per cell.

    *excel* starts the text with a byte-order mark and ends lines with
    ``\\r\\n``, as Excel expects; otherwise lines end with ``\\n``.  The output
    is deterministic, and :func:`loads` reads it back to an equal report.

    *lossy* writes the cells only, and warns with a :class:`CSVDataLossWarning`
    naming what that leaves out (see :func:`dropped`).
    """
    return _write((report,), excel=excel, lossy=lossy, single=True)


def dump_many(reports: Iterable[AnnualReport], *, excel: bool = False, lossy: bool = False) -> str:
    """Write many reports as one CSV table, report after report, as :func:`dumps` would.

    Raises:
        ValueError: if two reports share year, agency, USCC and template,
            which would make their rows indistinguishable.
    """
    return _write(tuple(reports), excel=excel, lossy=lossy, single=False)


def dropped(report: AnnualReport) -> tuple[str, ...]:
    """The JSON Pointers of what a cells-only (*lossy*) table leaves out of *report*; empty when nothing.

    ``""`` stands for the whole report: a legacy report has no table cells.
    A plain :func:`dumps` leaves nothing out.
    """
    _check_report(report)
    if type(report).template.key not in _LAYOUTS:
        return ("",)
    return tuple(_dropped_fields(report, ""))


def _dropped_fields(node: Any, pointer: str) -> Iterator[str]:
    """The pointers under *node* to data that no CSV column carries."""
    for field in attrs.fields(type(node)):
        inner = f"{pointer}/{field.name}"
        value = getattr(node, field.name)
        if inner in _CARRIED:
            if value == "":  # an empty string would read back as absent
                yield inner
        elif inner in _CARRIED_PARENTS:
            yield from _dropped_fields(value, inner)
        elif inner not in _TABLES and value != _default(field):
            yield inner


#: The pointers of the parts some of whose fields are carried, e.g. the agency.
_CARRIED_PARENTS: Final = frozenset(pointer.rpartition("/")[0] for pointer in _CARRIED) - {""}
_REQUIRED: Final = object()


def _default(field: attrs.Attribute[Any]) -> Any:
    """What *field* holds when left out; for a required field, a sentinel equal to nothing."""
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # the stubs type Factory as a function
        return default.factory()
    return _REQUIRED if default is attrs.NOTHING else default


def _check_report(report: object) -> None:
    if type(report) not in REPORT_CLASSES.values():
        raise TypeError(f"expected a report, got {type(report).__name__}")


def _write(reports: Sequence[AnnualReport], *, excel: bool, lossy: bool, single: bool) -> str:
    """The CSV text of *reports*; cells only when *lossy*, warning about what that leaves out."""
    for report in reports:
        _check_report(report)
    lost = {index: found for index, report in enumerate(reports) if lossy and (found := dropped(report))}
    if not single:
        _check_distinct(reports, lossy)
    rows = [COLUMNS, *(row for report in reports for row in _rows(report, cells_only=lossy))]
    text = _format(rows, "\r\n" if excel else "\n")
    if lost:
        warnings.warn(CSVDataLossWarning(_loss_message(reports, lost, single) + "; left out", lost), stacklevel=3)
    return _BOM + text if excel else text


def _loss_message(reports: Sequence[AnnualReport], lost: Mapping[int, tuple[str, ...]], single: bool) -> str:
    """What CSV cannot carry of each report in *lost*, as one sentence."""
    parts = []
    for index, pointers in lost.items():
        what = ", ".join(pointer or "the whole report (a legacy report has no table cells)" for pointer in pointers)
        parts.append(what if single else f"report {index} ({_name(reports[index])}): {what}")
    return "CSV cannot carry " + "; ".join(parts)


def _name(report: AnnualReport) -> str:
    return f"{report.year} {report.agency.name}"


def _identity(report: AnnualReport) -> tuple[str, str, str, str]:
    """The identity columns a report's rows carry."""
    return str(report.year), report.agency.name, report.agency.uscc or "", type(report).template.key


def _check_distinct(reports: Sequence[AnnualReport], cells_only: bool) -> None:
    """Refuse two reports with rows that would read back as one report."""
    first: dict[tuple[str, str, str, str], int] = {}
    for index, report in enumerate(reports):
        if cells_only and type(report).template.key not in _LAYOUTS:
            continue  # no rows
        seen = first.setdefault(_identity(report), index)
        if seen != index:
            raise ValueError(
                f"reports {seen} and {index} share year, agency, USCC and template ({_name(report)}); "
                "their rows could not be told apart"
            )


def _rows(report: AnnualReport, *, cells_only: bool) -> Iterator[tuple[str, ...]]:
    """The CSV rows of a report: its parts (unless *cells_only*), then its cells in printed order."""
    identity = _identity(report)
    if not cells_only:
        data = to_data(report)
        for spec in _PARTS[type(report).template.key].values():
            text = _part_text(spec, data)
            if text is not None:
                yield (*identity, *_part_key(spec.path), spec.row_label, spec.column_label, text)
    for cell in iter_cells(report):
        yield (*identity, *_key(cell.path), *_labels(cell), _value_text(cell.value))


def _part_text(spec: _PartSpec, data: Mapping[str, Any]) -> str | None:
    """The value column of *spec*'s row for the document *data*, or None when the report has no such row."""
    value: Any = data
    for key in spec.path:
        value = value.get(key) if isinstance(value, Mapping) else None
    if value is None:
        return None
    if spec.form == "present":
        return "" if not any(item is not None for item in value.values()) else None
    if spec.form == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if spec.pointer in _CARRIED and value != "":
        return None  # its identity column carries it; an empty string would read back as absent
    return str(value)


def _value_text(value: int | Decimal | None) -> str:
    """A cell value as the CSV writes it: empty for a blank cell, money without exponent."""
    if value is None:
        return ""
    return str(value) if type(value) is int else format(value, "f")


def _format(rows: Iterable[Sequence[str]], terminator: str) -> str:
    """The rows as CSV text, each line ending in *terminator*.

    Each row is written with ``\\r\\n`` as the csv module's terminator, so that
    QUOTE_MINIMAL quotes any field holding ``\\r`` or ``\\n``, and that
    terminator is then replaced with *terminator*.
    """
    buffer = io.StringIO()
    writer = _csv.writer(buffer, lineterminator="\r\n", quoting=_csv.QUOTE_MINIMAL)
    lines = []
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        lines.append(buffer.getvalue()[:-2] + terminator)
    return "".join(lines)


# ------------------------------------------------------------------ reading


def loads(
    data: str | bytes | bytearray | memoryview,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_field_size: int | None = DEFAULT_MAX_FIELD_SIZE,
) -> AnnualReport:
    """Read one report from a CSV table; a cell with no row reads as blank, a part with no row as absent.

    *data* is text, or bytes in UTF-8; a leading byte-order mark and ``\\r\\n``
    line ends are accepted.  Input larger than *max_size* bytes (text counted
    as the bytes it takes in UTF-8) is refused before parsing, and so is any
    field longer than *max_field_size* characters when given.  A field may be longer than the
    csv module's :func:`csv.field_size_limit`: the limit is raised while
    the table is read (never lowered) and put back after.

    Raises:
        ParseError: listing every problem, each with its line, the 1-based
            index of its CSV column and the JSON Pointer of its cell; rows of
            more than one report are a problem too (see :func:`load_many`).
    """
    return _read(data, max_size, max_field_size, single=True)[0]


def load_many(
    data: str | bytes | bytearray | memoryview,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_field_size: int | None = DEFAULT_MAX_FIELD_SIZE,
) -> list[AnnualReport]:
    """Read every report of a CSV table, in order of first appearance; none for a header alone.

    Rows belong to the same report when their year, agency, USCC and
    template are the same.

    Raises:
        ParseError: listing every problem of every report, as :func:`loads`.
    """
    return _read(data, max_size, max_field_size, single=False)


@attrs.frozen
class _Row:
    """A data row: its first line and its fields by column name."""

    line: int
    fields: Mapping[str, str]


_Message = str | Callable[[], str]  # a callable is called only for a problem that is kept


@attrs.frozen
class _Reading:
    """What the reading of one table shares: where each column is, and the problems found so far."""

    columns: Mapping[str, int]  # name -> 1-based index
    problems: ProblemLog = attrs.field(factory=ProblemLog)

    def add(self, row: _Row, name: str, pointer: str, message: _Message) -> None:
        """Record a problem in *row*'s column *name*, about what *pointer* points at."""
        self.problems.add(pointer, _lazy(message), line=row.line, column=self.columns[name])


def _lazy(message: _Message) -> Callable[[], str]:
    """*message* as the callable :meth:`ProblemLog.add` takes."""
    return message if callable(message) else lambda: message


def _error(problems: ProblemLog) -> ParseError:
    """The error for *problems*: those kept, in the order of their lines and columns, and the count of all."""
    kept = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
    return ParseError(kept, total=problems.total)


def _read(
    data: str | bytes | bytearray | memoryview, max_size: int, max_field_size: int | None, *, single: bool
) -> list[AnnualReport]:
    """The reports of a CSV table, or a ParseError listing every problem in it."""
    text, from_bytes = _decode(data, max_size)
    if max_field_size is None:
        max_field_size = max(max_size, len(text))
    problems = ProblemLog()
    with _field_limit(len(text)):
        records = _records(text, problems)
        header = next(records, None)
        if header is None:
            if not problems:
                problems.add("", lambda: _EMPTY, line=1, column=1)
            raise problems.error()
        reading = _Reading(_header(header, problems, from_bytes, max_field_size), problems)
        if problems and not reading.columns:
            raise problems.error()
        rows = _data_rows(records, reading, from_bytes, max_field_size)  # a record at a time: none kept
    groups = _groups(rows)
    if single:
        groups = _one_group(groups, reading)
    reports = [_report(group, reading) for group in groups]
    if reading.problems:
        raise _error(reading.problems)
    return [report for report in reports if report is not None]


_EMPTY: Final = "empty: expected a header row (" + ",".join(COLUMNS) + ")"


def _decode(data: str | bytes | bytearray | memoryview, max_size: int) -> tuple[str, bool]:
    """The text of *data* without a byte-order mark, and whether it came from bytes.

    Undecodable bytes are kept as lone surrogates (``surrogateescape``), so the
    rows they are in can be located and reported.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > max_size:
            raise _too_large(f"{len(raw)} bytes", max_size)
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape"), True
    if isinstance(data, str):
        text = data.removeprefix(_BOM)
        excess = utf8_excess(text, max_size)
        if excess is not None:
            raise _too_large(excess, max_size)
        return text, False
    raise TypeError(f"expected str or bytes, got {type(data).__name__}")


def _too_large(size: str, max_size: int) -> ParseError:
    return ParseError([Problem(pointer="", message=f"document of {size} exceeds the limit of {max_size}")])


@contextlib.contextmanager
def _field_limit(length: int) -> Iterator[None]:
    """Raise the csv module's field size limit to *length* while reading (when it is lower), and put it back.

    No field can be longer than the text it is in: whatever the writer
    writes, the reader reads.
    """
    limit = _csv.field_size_limit()
    if length > limit:
        _csv.field_size_limit(length)
    try:
        yield
    finally:
        _csv.field_size_limit(limit)


def _records(text: str, problems: ProblemLog) -> Iterator[tuple[int, list[str]]]:
    """The non-empty CSV records of *text*, each with its first line; a syntax error ends the reading."""
    reader = _csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        line = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except _csv.Error as error:
            problems.add("", functools.partial("not valid CSV: {}".format, error), line=reader.line_num)
            return
        if fields:  # a blank line is skipped
            yield line, fields


def _header(
    record: tuple[int, list[str]], problems: ProblemLog, from_bytes: bool, max_field_size: int
) -> dict[str, int]:
    """Where each column is (1-based), or empty after recording what is wrong with the header."""
    line, names = record
    columns: dict[str, int] = {}
    before = len(problems)
    for index, name in enumerate(names, start=1):
        message = _field_problem(name, from_bytes, max_field_size)
        if message is not None:
            problems.add("", functools.partial(str, message), line=line, column=index)
        elif name not in COLUMNS:
            problems.add("", functools.partial(_unknown, "column", name, COLUMNS), line=line, column=index)
        elif name in columns:
            twice = functools.partial('column "{}" appears twice (also column {})'.format, name, columns[name])
            problems.add("", twice, line=line, column=index)
        else:
            columns[name] = index
    for name in COLUMNS:
        if name not in columns:
            problems.add("", functools.partial('missing column "{}"'.format, name), line=line)
    return columns if len(problems) == before else {}


def _unknown(what: str, given: str, expected: Sequence[str]) -> str:
    """Message for a value that is none of *expected*, with a suggestion when one is close."""
    close = difflib.get_close_matches(given, expected, n=1)
    hint = f'; did you mean "{close[0]}"?' if close else ""
    return f"unknown {what} {_show(given)}{hint}; expected one of: {', '.join(expected)}"


def _show(text: str) -> str:
    """A field's text quoted for a message, shortened when long."""
    return json.dumps(text if len(text) <= 40 else text[:37] + "…", ensure_ascii=False)


def _data_rows(
    records: Iterable[tuple[int, list[str]]], reading: _Reading, from_bytes: bool, max_field_size: int
) -> list[_Row]:
    """The rows with the right number of readable fields; the others are recorded as problems."""
    rows = []
    for line, fields in records:
        if len(fields) != len(COLUMNS):
            reading.problems.add("", functools.partial(_field_count, len(fields)), line=line)
            continue
        row = _Row(line, {name: fields[index - 1] for name, index in reading.columns.items()})
        if _readable(row, reading, from_bytes, max_field_size):
            rows.append(row)
    return rows


def _field_count(count: int) -> str:
    return f"expected {len(COLUMNS)} fields, got {count}"


def _readable(row: _Row, reading: _Reading, from_bytes: bool, max_field_size: int) -> bool:
    """Whether every field of *row* is within the size limit and holds only text a report can."""
    readable = True
    for name, text in row.fields.items():
        message = _field_problem(text, from_bytes, max_field_size)
        if message is not None:
            reading.add(row, name, _pointer_of(row, name), message)
            readable = False
    return readable


def _field_problem(text: str, from_bytes: bool, max_field_size: int) -> str | None:
    """What is wrong with a field's text, or None."""
    if len(text) > max_field_size:
        return f"field of {len(text)} characters exceeds the limit of {max_field_size}"
    escaped = _ESCAPED_BYTE.search(text) if from_bytes else None
    if escaped is not None:
        return f"not UTF-8: byte 0x{ord(escaped.group()) - 0xDC00:02x} cannot be decoded"
    character = unwritable_character(text)
    if character is not None:
        return f"the field holds {character}, a character no report can carry"
    return None


def _pointer_of(row: _Row, name: str) -> str:
    """The JSON Pointer a problem in *row*'s column *name* is about: an identity field or the named cell."""
    if name in _IDENTITY:
        return _IDENTITY[name]
    fields = row.fields
    rows = fields["row"].split(_ROW_SEPARATOR) if fields["row"] else ()
    tokens = (fields["table"], *rows, *((fields["column"],) if fields["column"] else ()))
    return "/" + "/".join(pointer_token(token) for token in tokens)


_Identity = tuple[str, ...]


def _groups(rows: Iterable[_Row]) -> list[list[_Row]]:
    """The rows grouped by report (year, agency, USCC, template), in order of first appearance."""
    groups: dict[_Identity, list[_Row]] = {}
    for row in rows:
        groups.setdefault(tuple(row.fields[name] for name in _IDENTITY), []).append(row)
    return list(groups.values())


def _one_group(groups: list[list[_Row]], reading: _Reading) -> list[list[_Row]]:
    """The first report's rows; every other report's first row is recorded as a problem."""
    if not groups:
        if not reading.problems:  # rows there were, but none readable: their problems say why
            reading.problems.add("", lambda: "no data rows: a report needs at least one cell row")
        return []
    first = groups[0][0]
    for group in groups[1:]:
        row = group[0]
        name = next(name for name in _IDENTITY if row.fields[name] != first.fields[name])
        reading.add(row, name, _IDENTITY[name], functools.partial(_another_report, row, first, name))
    return groups[:1]


def _another_report(row: _Row, first: _Row, name: str) -> str:
    return (
        f"another report begins here: {name} is {_show(row.fields[name])}, not {_show(first.fields[name])} "
        f"as on line {first.line}; loads reads one report (load_many reads many)"
    )


def _report(rows: Sequence[_Row], reading: _Reading) -> AnnualReport | None:
    """The report of one group of rows, or None after recording its problems."""
    before = len(reading.problems)
    data = _identity_data(rows[0], reading)
    if data is None:
        return None
    layout = _LAYOUTS.get(data["template"], {})
    parts = _PARTS[data["template"]]
    seen: dict[str, int] = {}
    origins: dict[str, _Row] = {}
    for row in rows:
        spec = _spec(row, layout, parts, reading)
        if spec is None:
            continue
        if spec.pointer in seen:
            what = "cell" if isinstance(spec, _CellSpec) else "part"
            duplicate = functools.partial("duplicate {}: already given on line {}".format, what, seen[spec.pointer])
            reading.add(row, "table", spec.pointer, duplicate)
            continue
        seen[spec.pointer] = row.line
        _check_labels(row, spec, reading)
        if isinstance(spec, _PartSpec):
            origins[spec.pointer] = row
            _place_part(data, row, spec, reading)
            continue
        value = _value(row, spec, reading)
        if value is not None:
            _place(data, spec.path, value)
    if len(reading.problems) > before:
        return None
    try:
        return from_data(data)
    except ParseError as error:
        reading.problems.extend(_located(problem, origins, reading) for problem in error.problems)
        reading.problems.total += error.omitted  # found by the document's reader, counted there
        return None


def _place_part(data: dict[str, Any], row: _Row, spec: _PartSpec, reading: _Reading) -> None:
    """Put the value of a part row into the document *data*, or record why it cannot be read."""
    text = row.fields["value"]
    if spec.form == "text":
        _place(data, spec.path, text)
        return
    if spec.form == "present":
        if text:
            reading.add(
                row, "value", spec.pointer, lambda: f"expected an empty value (the part is present), got {_show(text)}"
            )
            return
        node = data
        for key in spec.path:
            node = node.setdefault(key, {})
        return
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        reading.add(row, "value", spec.pointer, functools.partial(_not_json, text, error))
        return
    repeated = repeated_keys(text) if may_repeat_keys(text, value) else []
    for inner, key in repeated:
        message = functools.partial(_repeated_key, key)
        reading.add(row, "value", spec.pointer + inner, message)
    if not repeated:
        _place(data, spec.path, value)


def _not_json(text: str, error: Exception) -> str:
    return f"expected JSON text, got {_show(text)}: {error}"


def _repeated_key(key: str) -> str:
    return f"the key {_show(key)} appears more than once in the same object"


def _located(problem: Problem, origins: Mapping[str, _Row], reading: _Reading) -> Problem:
    """*problem*, found in the document, at the line and value column of the part row it comes from."""
    for pointer, row in sorted(origins.items(), key=lambda item: -len(item[0])):
        if problem.pointer == pointer or problem.pointer.startswith(pointer + "/"):
            return attrs.evolve(problem, line=row.line, column=reading.columns["value"])
    return problem


def _identity_data(row: _Row, reading: _Reading) -> dict[str, Any] | None:
    """The report's document without cells, from its first row; None if an identity field is wrong."""
    before = len(reading.problems)
    fields = row.fields
    template = fields["template"]
    if template not in REPORT_CLASSES:
        known = ", ".join(f'"{key}"' for key in REPORT_CLASSES)
        reading.add(row, "template", "/template", lambda: f"expected one of {known}, got {_show(template)}")
    year = fields["year"]
    if not YEAR.matches(year):
        reading.add(row, "year", "/year", lambda: f"expected {YEAR.text_expected}, got {_show(year)}")
    if not fields["agency"].strip():
        reading.add(row, "agency", "/agency/name", "must not be blank")
    if len(reading.problems) > before:
        return None
    agency = {"name": fields["agency"], "uscc": fields["uscc"] or None}
    return {"schema": SCHEMA, "template": template, "year": int(year), "agency": agency}


def _spec(
    row: _Row, layout: Mapping[_Key, _CellSpec], parts: Mapping[_Key, _PartSpec], reading: _Reading
) -> _CellSpec | _PartSpec | None:
    """The template's cell or part *row* names, or None after recording which of its columns names none."""
    key: _Key = (row.fields["table"], row.fields["row"], row.fields["column"])
    spec = layout.get(key) or parts.get(key)
    if spec is not None:
        return spec
    pointer = _pointer_of(row, "table")
    known = [*layout, *parts]
    for depth, name in enumerate(("table", "row", "column")):
        choices = list(dict.fromkeys(k[depth] for k in known))
        if key[depth] not in choices:
            what = name + _within(key[:depth])
            reading.add(row, name, pointer, functools.partial(_unknown, what, key[depth], choices))
            return None
        known = [k for k in known if k[depth] == key[depth]]
    return None  # pragma: no cover - a key whose every part is known is in the layout


def _within(parents: Sequence[str]) -> str:
    """Where an unknown row or column was looked for, for its message."""
    if not parents:
        return ""
    if len(parents) == 1 or not parents[1]:  # a part row has no row
        return f' in table "{parents[0]}"'
    return f' in row "{parents[1]}" of table "{parents[0]}"'


def _check_labels(row: _Row, spec: _CellSpec | _PartSpec, reading: _Reading) -> None:
    """Record each label of *row* that is not the cell's official label (after NFKC)."""
    for name, official in (("row_label", spec.row_label), ("column_label", spec.column_label)):
        given = row.fields[name]
        if _nfkc(given) != _nfkc(official):
            reading.add(row, name, spec.pointer, functools.partial(_label_message, official, given))


def _label_message(official: str, given: str) -> str:
    return f'expected the official label "{official}", got {_show(given)} (edited or misaligned row?)'


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _value(row: _Row, spec: _CellSpec, reading: _Reading) -> int | str | None:
    """The cell's value as the interchange shape holds it (money as its decimal string); None if blank or wrong."""
    text = row.fields["value"]
    if text == "":
        return None
    kind = spec.kind
    if not kind.matches(text):
        too_long = _digits_problem(kind, text)
        if too_long is not None:
            reading.add(row, "value", spec.pointer, too_long)
        else:
            reading.add(row, "value", spec.pointer, functools.partial(_not_a_value, kind, text))
        return None
    # The kind's pattern allows MAX_DIGITS digits at most, which int() always converts.
    return int(text) if kind.from_text is int else text  # an amount stays its decimal string


def _not_a_value(kind: FieldKind, text: str) -> str:
    return f"expected {kind.text_expected} or empty for a blank cell, got {_show(text)}"


#: A number written as a cell's kinds write one, but for its count of digits.
_NUMERAL: Final = re.compile(r"(-?)(?:0|[1-9][0-9]*)(\.[0-9]+)?")


def _digits_problem(kind: FieldKind, text: str) -> str | None:
    """Why *text*, a cell's number but for its digits, has too many (:func:`~..model.kinds.digits_problem`), or None."""
    numeral = _NUMERAL.fullmatch(text)
    if numeral is None:
        return None
    sign, fraction = numeral.groups()
    if (sign and (kind.minimum is None or kind.minimum >= 0)) or (fraction and kind.from_text is int):
        return None  # wrong in form, not only in length
    return digits_problem(Decimal(text))


def _place(data: dict[str, Any], path: Sequence[str], value: int | str) -> None:
    """Put *value* at *path* in the nested document *data*."""
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
