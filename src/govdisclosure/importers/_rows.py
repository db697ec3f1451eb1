"""Reading the values printed after a row's label: cells between separators, or numbers in running text.

A row's values follow its label up to the next label.  Between ``|`` or
tabs (an HTML table written out, a pipe table, a tab-separated copy) each
piece is one cell, blanks included.  In running text (spaced rows, one cell
a line, a flattened copy) the values are the tokens that follow; blanks
leave no trace there, and digits of neighbouring cells may have run
together — such a row is left to :mod:`._proof`.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ._labels import GAP

__all__ = ["TOKEN", "Piece", "RowText", "read_row"]

#: One printed value: a number (signed, grouped, with a unit) or a not-applicable mark.
TOKEN: Final = re.compile(
    r"(?:[+\-−－]?[0-9０-９][0-9０-９,，.．]*(?:万元|元|人次|件|个|项|条|次|宗|家)?)"
    r"|不适用|(?<![\w])无(?![\w])|[/／\\＼]|[\-—－–─]{1,2}(?![0-9０-９])"
)
_RUN: Final = re.compile(rf"(?:{GAP}(?:{TOKEN.pattern}))+")
_ANNOTATION: Final = re.compile(r"[ \t\u3000]*[(（][^()（）\n|]{1,80}[)）]")


@attrs.frozen
class Piece:
    """A printed cell or token: its raw text and where it is in the document's text."""

    text: str
    start: int
    end: int

    @property
    def blank(self) -> bool:
        """Whether nothing is written in it."""
        return not self.text.strip(" \t\u3000\xa0")


@attrs.frozen
class RowText:
    """What follows a row's label: its *pieces*, whether they are *separated* cells, and an *annotation*.

    *ragged* is set for separated pieces that run past the row's width (a
    copy that padded every row to the table's width, so a row's cells may no
    longer stand in their columns).
    """

    pieces: tuple[Piece, ...]
    separated: bool
    annotation: Piece | None = None
    ragged: bool = False
    end: int = 0


def read_row(
    text: str,
    start: int,
    stop: int,
    width: int,
    noise: re.Pattern[str],
    *,
    labelled: bool = True,
    padded: bool = False,
) -> RowText:
    """The values after a label ending at *start*, before *stop*, for a row of *width* columns.

    Without *labelled* (table 四's one row) the row begins at *start* with its
    first cell.  With *padded* (copied text), trailing pieces with nothing at
    all between two separators (``||``) are padding a copy added to square
    the table, not cells: such a row's cells may not stand in their columns.
    """
    newline = text.find("\n", start, stop)
    line_end = stop if newline < 0 else newline
    line = text[start:line_end]
    separator = "|" if "|" in line else "\t" if "\t" in line else None
    if separator is not None:
        return _separated(text, start, line_end, separator, width, labelled, padded)
    position = start
    annotation = None
    match = _ANNOTATION.match(text, position, stop)
    if match is not None:
        annotation = Piece(match.group().strip(), match.start(), match.end())
        position = match.end()
    while True:  # step over header words and row groups printed before the values
        skipped = re.compile(GAP).match(text, position, stop)
        position = skipped.end() if skipped else position
        label = noise.match(text, position, stop)
        if label is None or not label.group():
            break
        position = label.end()
    run = _RUN.match(text, position, stop)
    if run is None:
        return RowText((), False, annotation, end=position)
    pieces = tuple(
        Piece(token.group(), token.start(), token.end()) for token in TOKEN.finditer(text, run.start(), run.end())
    )
    return RowText(pieces, False, annotation, end=run.end())


def _separated(text: str, start: int, end: int, separator: str, width: int, labelled: bool, padded: bool) -> RowText:
    pieces = []
    position = start
    for part in text[start:end].split(separator):
        stripped = part.strip(" \t\u3000\xa0")
        offset = position + (part.find(stripped) if stripped else 0)
        pieces.append(Piece(stripped if stripped else part, offset, offset + len(stripped)))
        position += len(part) + 1
    head, cells = pieces[0], pieces[1:]
    annotation = None
    if not labelled:
        if not head.blank:
            cells.insert(0, head)
    elif not head.blank:
        annotation = Piece(head.text.strip(), head.start, head.end)
    if cells and cells[-1].blank and text[start:end].rstrip().endswith(separator):
        cells.pop()  # after the closing separator
    ragged = len(cells) > width
    if padded and cells and cells[-1].text == "":
        while cells and cells[-1].text == "":
            cells.pop()
        ragged = True
    if ragged:
        if any(not cell.blank for cell in cells[width:]):
            return RowText(tuple(cells), True, annotation, ragged=True, end=end)
        written = [cell for cell in cells if not cell.blank]
        if len(written) == width:
            cells, ragged = written, False
    return RowText(tuple(cells), True, annotation, ragged=ragged, end=end)
