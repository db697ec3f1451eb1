"""HTML pages as portal CMSes and Word exports publish them, written out as a :class:`Document`.

The page is parsed by lxml with every protection on (no network, no
entities, a size limit before parsing, libxml2's depth limit of
:data:`MAX_DEPTH` while parsing: a page beyond it is refused).  Each table
becomes one span-expanded grid: a cell spanning rows or columns is written
once, at its first place, and every place it covers is known, so the
:class:`~govdisclosure.importers.Source` of a value is its row and column in
the grid as printed.  A cell's text is its text content with ``<p>``,
``<span>``, ``<br>`` and ``&nbsp;`` as spaces; a table nested in a cell is
written after the cell's own text.  Text outside tables (the title, the
narrative, the sign-off) is written as lines, so one report table split
over several ``<table>`` elements, or three tables with narrative between
them, read as they print.
"""

from __future__ import annotations

import re
from typing import Any, Final

from lxml import etree

from .._errors import ParseError, Problem
from ._document import CellOrigin, Document, Meta

__all__ = ["MAX_DEPTH", "read_html", "sniff_html"]

#: The widest and tallest span a cell may claim; larger spans are cut to these.
MAX_COLSPAN: Final = 64
MAX_ROWSPAN: Final = 512
#: Elements nested deeper than this are refused (libxml2's own limit without ``huge_tree``).
MAX_DEPTH: Final = 256
_SKIPPED: Final = frozenset(
    {"script", "style", "head", "noscript", "template", "iframe", "select", "option", "textarea"}
)
_BLOCKS: Final = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "tr",
        "table",
        "ul",
        "ol",
        "center",
        "pre",
    }
)
_SPACE: Final = re.compile(r"[\s\xa0\u3000]+")
_SNIFF: Final = re.compile(
    rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<table|<meta|<div|<p[\s>])",
    re.I | re.S,
)


def sniff_html(head: bytes) -> bool:
    """Whether a document beginning with *head* is HTML."""
    return bool(_SNIFF.match(head))


def _parse(data: str | bytes) -> Any:
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    if isinstance(data, bytes):
        data = _decode(data)
    if not data.strip():
        raise ParseError([Problem(pointer="", message="not an HTML page: it is empty")])
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as error:
        raise ParseError([Problem(pointer="", message=f"not an HTML page: {error}")]) from None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise ParseError(
                [
                    Problem(
                        pointer="",
                        line=entry.line,
                        column=entry.column,
                        message=f"the page is refused: {entry.message}",
                    )
                ]
            )
    return root


_CHARSET: Final = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", re.I)


def _decode(data: bytes) -> str:
    """The text of an HTML page's bytes: in the charset its ``<meta>`` names, else UTF-8, else GB 18030."""
    declared = _CHARSET.search(data[:4096])
    encodings = [declared.group(1).decode("ascii").lower()] if declared else []
    encodings = ["gb18030" if name in ("gb2312", "gbk") else name for name in encodings]
    for encoding in (*encodings, "utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ParseError([Problem(pointer="", message="the page is in no encoding it declares, nor UTF-8 or GB 18030")])


def _cell_text(cell: Any) -> str:
    parts: list[str] = []

    def walk(element: Any) -> None:
        if element.tag in _SKIPPED or element.tag == "table" or not isinstance(element.tag, str):
            if isinstance(element.tag, str) and element.tag == "table":
                pass
            if element.tail:
                parts.append(element.tail)
            return
        if element.tag in _BLOCKS:
            parts.append(" ")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if element.tag in _BLOCKS:
            parts.append(" ")
        if element.tail and element is not cell:
            parts.append(element.tail)

    walk(cell)
    return "".join(parts)


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.cells: list[CellOrigin] = []
        self.tables = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def line(self, text: str) -> None:
        text = _SPACE.sub(" ", text).strip()
        if text:
            self.write(text + "\n")

    def table(self, table: Any) -> None:
        """Write *table* one grid row a line, each cell at its first place; then the tables nested in it."""
        index = self.tables
        self.tables += 1
        rows = [row for row in table.iter("tr") if _owner(row) is table]
        covered: dict[int, set[int]] = {}  # the places of each row that a cell from a row above spans
        has_nested = any(inner is not table for inner in table.iter("table"))
        nested: list[Any] = []
        parts, cells = self.parts, self.cells
        length = self.length
        space = _SPACE.sub
        for r, row in enumerate(rows):
            column = 0
            taken = covered.pop(r, ())
            parts.append("|")
            length += 1
            for cell in row:
                tag = cell.tag
                if tag != "td" and tag != "th":
                    continue
                while column in taken:
                    column += 1
                raw = _cell_text(cell) if has_nested else "".join(cell.itertext())
                text = space(" ", raw).strip().replace("|", "｜")
                parts.append(text)
                parts.append("|")
                cells.append(CellOrigin(length, length + len(text), index, r, column, raw))
                length += len(text) + 1
                colspan, rowspan = cell.get("colspan"), cell.get("rowspan")
                colspan = 1 if colspan is None else _span(colspan, MAX_COLSPAN)
                if rowspan is not None:
                    for below in range(r + 1, r + min(_span(rowspan, MAX_ROWSPAN), len(rows) - r)):
                        covered.setdefault(below, set()).update(range(column, column + colspan))
                column += colspan
                if has_nested:
                    nested.extend(inner for inner in cell.iter("table") if _owner(inner) is table)
            parts.append("\n")
            length += 1
        parts.append("\n")
        self.length = length + 1
        for inner in nested:
            self.table(inner)


def _span(value: str | None, most: int) -> int:
    """A ``colspan`` or ``rowspan`` as a number of places: 1 unless a whole number, at most *most*."""
    if value is None:
        return 1
    value = value.strip()
    return max(1, min(int(value), most)) if value.isdigit() else 1


def _owner(row: Any) -> Any:
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def read_html(data: str | bytes) -> Document:
    """The :class:`Document` of an HTML page.

    Raises:
        ParseError: for a page nested deeper than :data:`MAX_DEPTH` or that is not HTML.
    """
    root = _parse(data)
    if root is None:
        raise ParseError([Problem(pointer="", message="not an HTML page: nothing in it parses as HTML")])
    meta = Meta(
        title=_meta(root, "ArticleTitle") or _first_text(root, "//title"),
        date=_meta(root, "PubDate") or _meta(root, "publishdate"),
    )
    writer = _Writer()
    body = root.find("body")
    _walk(body if body is not None else root, writer, [])
    return Document(text="".join(writer.parts), kind="html", cells=writer.cells, meta=meta)


def _walk(element: Any, writer: _Writer, line: list[str]) -> None:
    """Write *element*'s text: each table as rows of cells, other text as lines at block boundaries."""
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            if child.tail:
                line.append(child.tail)
            continue
        if child.tag == "table":
            writer.line("".join(line))
            line.clear()
            writer.table(child)
        else:
            if child.tag in _BLOCKS:
                writer.line("".join(line))
                line.clear()
            if child.text:
                line.append(child.text)
            _walk(child, writer, line)
            if child.tag in _BLOCKS:
                writer.line("".join(line))
                line.clear()
        if child.tail:
            line.append(child.tail)
    if element.getparent() is None or element.tag == "body":
        writer.line("".join(line))
        line.clear()


def _meta(root: Any, name: str) -> str | None:
    for element in root.iter("meta"):
        if (element.get("name") or "").lower() == name.lower():
            content = (element.get("content") or "").strip()
            return content or None
    return None


def _first_text(root: Any, path: str) -> str | None:
    found = root.xpath(path)
    return _SPACE.sub(" ", "".join(found[0].itertext())).strip() or None if found else None
