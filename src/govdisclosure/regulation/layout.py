"""The tables of each template as they are printed: header rows with their spans, blocks and rows.

A published report prints each table in a fixed layout that the heading trees
imply but do not spell out.  :data:`LAYOUTS` spells it out, derived from the
headings (no label is written here twice), for the renderer to emit
``rowspan``/``colspan`` and for the importers to recognise a header:

* table 二 is a run of **blocks**, one per Article 20 item: a title row
  (第二十条第（一）项), a header row (信息内容 and the block's own columns,
  which differ between the templates), then the block's rows;
* table 三 prints the **outcomes down the rows** (三、本年度办理结果 spanning
  its 20 or 22 rows, （三）不予公开 its eight) and the **applicants across the
  columns** (申请人情况 over 自然人, 法人或其他组织 over its five kinds, 总计),
  under the merged corner cell that states the table's balance;
* table 四 prints **every key as a column**: 行政复议 and 行政诉讼 (未经复议直接起诉,
  复议后起诉) over their five results, and one row of fifteen cells.

>>> table = LAYOUTS["2021"]["requests"]
>>> [(cell.text, cell.colspan, cell.rowspan) for cell in table.blocks[0].header[1]]
[('自然人', 1, 2), ('法人或其他组织', 5, 1), ('总计', 1, 2)]
>>> [(cell.text, cell.rowspan) for cell in table.blocks[0].rows[2].labels]
[('三、本年度办理结果', 22), ('（一）予以公开', 1)]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Final, Literal

import attrs

from ._headings import Heading
from .articles import item_label
from .proactive import INFORMATION_CONTENT
from .requests import APPLICANTS, BALANCE_NOTE, BALANCE_NOTE_EN, LEGAL_PERSON
from .review import LITIGATION
from .templates import TEMPLATES, TemplateVersion

__all__ = [
    "LAYOUTS",
    "Block",
    "Column",
    "HeaderCell",
    "Orientation",
    "Row",
    "TableLayout",
    "TemplateLayout",
]

#: How a table's cells are printed: ``"rows"`` when the last key of a cell's
#: path is its column and the keys before it its row labels (tables 二, 三);
#: ``"columns"`` when every key is a column header over one row (table 四).
Orientation = Literal["rows", "columns"]

#: The headers printed above a run of columns, by the text a heading's ``group`` holds.
_GROUPS: Final = {heading.zh: heading for heading in (LEGAL_PERSON, LITIGATION)}


@attrs.frozen
class HeaderCell:
    """A printed label cell: its text, its English name, and how many columns and rows it spans.

    *heading* is the heading it prints, ``None`` for a caption that is no
    heading (the balance note of table 三).
    """

    text: str
    en: str
    colspan: int = 1
    rowspan: int = 1
    heading: Heading | None = None


@attrs.frozen
class Column:
    """A column of values: the keys it adds to a row's path, and the headings printed above it, top first.

    The first *captions* headings are printed over the whole table (申请人情况
    over table 三's columns) and are no part of a cell's name.
    """

    keys: tuple[str, ...]
    headings: tuple[Heading, ...]
    captions: int = 0

    @property
    def names(self) -> tuple[Heading, ...]:
        """The headings that name the column, top first: :attr:`headings` without the captions."""
        return self.headings[self.captions :]


@attrs.frozen
class Row:
    """A printed row of values.

    *keys* are the keys from the table down to the row (empty for table 四's
    one row); *headings* the row headings printed to its left, outermost
    first; *labels* the label cells that *begin* on this row, with their spans
    (a label spanning several rows begins on the first of them); *pointers*
    the JSON Pointers of its values, one per column in printed order.
    """

    keys: tuple[str, ...]
    headings: tuple[Heading, ...]
    labels: tuple[HeaderCell, ...]
    pointers: tuple[str, ...]


@attrs.frozen
class Block:
    """A run of a printed table under its own header rows.

    *title* is a row spanning the block above its header (table 二's
    第二十条第（N）项), or ``None``; *corner* the top-left cell over the label
    columns; *header* the header rows, each a tuple of cells with their spans;
    *label_columns* how many columns the row labels take.
    """

    title: HeaderCell | None
    corner: HeaderCell | None
    header: tuple[tuple[HeaderCell, ...], ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    label_columns: int

    @property
    def width(self) -> int:
        """How many columns the block takes: its label columns and its value columns."""
        return self.label_columns + len(self.columns)


@attrs.frozen
class TableLayout:
    """One table of a template as printed: its heading, its orientation and its blocks."""

    key: str
    heading: Heading
    orientation: Orientation
    blocks: tuple[Block, ...]

    @property
    def width(self) -> int:
        """The widest block's width; a renderer pads narrower blocks to it."""
        return max(block.width for block in self.blocks)

    def cells(self) -> Iterator[tuple[str, Row, Column]]:
        """Yield ``(pointer, row, column)`` for every value cell, in printed order."""
        for block in self.blocks:
            for row in block.rows:
                yield from zip(row.pointers, (row,) * len(row.pointers), block.columns, strict=True)


@attrs.frozen
class TemplateLayout:
    """The tables of one template, in printed order."""

    template: TemplateVersion
    tables: tuple[TableLayout, ...]

    def __getitem__(self, key: str) -> TableLayout:
        """The table whose key is *key* (``proactive``, ``requests``, ``review_litigation``)."""
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def cells(self) -> Iterator[tuple[str, Row, Column]]:
        """Yield ``(pointer, row, column)`` for every value cell of every table, in printed order."""
        for table in self.tables:
            yield from table.cells()


# ------------------------------------------------------------------ deriving the layout from the headings


def _cell(heading: Heading, colspan: int = 1, rowspan: int = 1) -> HeaderCell:
    return HeaderCell(heading.zh, heading.en, colspan, rowspan, heading)


def _printed(heading: Heading) -> tuple[Heading, ...]:
    """The headings printed for *heading*: its group's header above it, if it has one."""
    return (heading,) if heading.group is None else (_GROUPS[heading.group], heading)


def _header_rows(columns: Sequence[Column]) -> tuple[tuple[HeaderCell, ...], ...]:
    """The header rows above *columns*: equal headings side by side merge, a short column spans down."""
    depth = max(len(column.headings) for column in columns)
    rows = []
    for level in range(depth):
        row: list[HeaderCell] = []
        previous: tuple[Heading, ...] | None = None
        for column in columns:
            if level >= len(column.headings):
                previous = None
                continue
            prefix = column.headings[: level + 1]
            if prefix == previous:
                row[-1] = attrs.evolve(row[-1], colspan=row[-1].colspan + 1)
                continue
            rowspan = depth - level if level == len(column.headings) - 1 else 1
            row.append(_cell(column.headings[level], rowspan=rowspan))
            previous = prefix
        rows.append(tuple(row))
    return tuple(rows)


def _label_cells(paths: Sequence[tuple[Heading, ...]], width: int) -> list[tuple[HeaderCell, ...]]:
    """The label cells beginning on each row: equal headings above each other merge, a short path spans right."""
    starts = []
    for index, path in enumerate(paths):
        cells = []
        for level, heading in enumerate(path):
            prefix = path[: level + 1]
            if index and paths[index - 1][: level + 1] == prefix:
                continue  # covered by the cell that began above
            rowspan = 1
            while index + rowspan < len(paths) and paths[index + rowspan][: level + 1] == prefix:
                rowspan += 1
            colspan = width - level if level == len(path) - 1 else 1
            cells.append(_cell(heading, colspan, rowspan))
        starts.append(tuple(cells))
    return starts


def _leaves(heading: Heading, path: tuple[Heading, ...] = ()) -> Iterator[tuple[Heading, ...]]:
    """The paths from below *heading* to each of its leaves, in printed order."""
    for child in heading.children:
        if child.children:
            yield from _leaves(child, (*path, child))
        else:
            yield (*path, child)


def _block(
    table: Heading,
    row_paths: Sequence[tuple[Heading, ...]],
    columns: Sequence[Column],
    *,
    corner: Heading | tuple[str, str] | None,
    title: HeaderCell | None = None,
) -> Block:
    """A block of *table*: the given rows (heading paths below the table) under the given columns."""
    width = max((len(path) for path in row_paths), default=0)
    header = _header_rows(columns)
    if isinstance(corner, Heading):
        corner_cell: HeaderCell | None = _cell(corner, width, len(header))
    elif corner is not None:
        corner_cell = HeaderCell(*corner, width, len(header))
    else:
        corner_cell = None
    rows = tuple(
        Row(
            keys=tuple(heading.key for heading in path),
            headings=path,
            labels=labels,
            pointers=tuple("/" + "/".join((table.key, *(h.key for h in path), *column.keys)) for column in columns),
        )
        for path, labels in zip(row_paths, _label_cells(row_paths, width), strict=True)
    )
    if title is not None:
        title = attrs.evolve(title, colspan=width + len(columns))
    return Block(title, corner_cell, header, tuple(columns), rows, width)


def _proactive(table: Heading) -> TableLayout:
    """Table 二: one block per Article 20 item, each under its own columns."""
    blocks = []
    items: dict[int, list[Heading]] = {}
    for row in table.children:
        items.setdefault(row.articles[0].item or 0, []).append(row)
    for number, rows in items.items():
        columns = [Column((column.key,), (column,)) for column in rows[0].children]
        article = rows[0].articles[0]
        title = HeaderCell(item_label(number), article.en)
        blocks.append(_block(table, [(row,) for row in rows], columns, corner=INFORMATION_CONTENT, title=title))
    return TableLayout(table.key, table, "rows", tuple(blocks))


def _requests(table: Heading) -> TableLayout:
    """Table 三: the outcome headings down, the applicants across, under the balance note."""
    columns = [Column((column.key,), (APPLICANTS, *_printed(column)), 1) for column in APPLICANTS.children]
    block = _block(table, list(_leaves(table)), columns, corner=(BALANCE_NOTE, BALANCE_NOTE_EN))
    return TableLayout(table.key, table, "rows", (block,))


def _review(table: Heading) -> TableLayout:
    """Table 四: every key a column, one row of values."""
    columns = [
        Column((group.key, result.key), (*_printed(group), result))
        for group in table.children
        for result in group.children
    ]
    return TableLayout(table.key, table, "columns", (_block(table, [()], columns, corner=None),))


def _template_layout(template: TemplateVersion) -> TemplateLayout:
    tables = []
    if template.proactive is not None:
        tables.append(_proactive(template.proactive))
    if template.requests is not None:
        tables.append(_requests(template.requests))
    if template.review_litigation is not None:
        tables.append(_review(template.review_litigation))
    return TemplateLayout(template, tuple(tables))


#: The printed layout of each template that has tables, by the template's key.
LAYOUTS: Final[Mapping[str, TemplateLayout]] = MappingProxyType(
    {key: _template_layout(template) for key, template in TEMPLATES.items() if template.requests is not None}
)
