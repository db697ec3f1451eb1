"""From a document's text to the cells of a template's tables, with a finding for every guess.

The tables are found in printed order: each opens with its own words
(第二十条第（一）项, the balance note or 申请人情况, 结果维持), and inside
it each row is found by its label (:mod:`._plan`), never by its position.
What follows a label is its values (:mod:`._rows`); a row whose values do
not say which column each belongs to waits for :mod:`._proof`.  Rows not
found are reported missing; text between rows that reads as a row the
template does not have is kept as an extra row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from .._findings import Finding, Text
from ..regulation import Language, normalise_label
from ..rules.relations import relations_for
from ._cells import read_cell
from ._document import Document
from ._plan import RowPlan, TablePlan, TemplatePlan
from ._proof import Ambiguous, Settled, settle, shown
from ._rows import TOKEN, Piece, RowText, read_row
from .catalogue import finding

__all__ = ["TableRead", "read_tables"]

_NEXT_SECTION: Final = re.compile(r"[五六]\s*[、.．]")
_LINE: Final = re.compile(r"[^\n]+")
#: What may stand between two header words: separators and spaces, and at most one line break.
_GAP: Final = re.compile(r"[ \t|\u3000\xa0]*(?:\r?\n[ \t|\u3000\xa0]*)?")


@attrs.frozen
class TableRead:
    """The cells read from a document: values and where each was read (start and end offsets) by pointer,
    extra rows, and the findings."""

    values: dict[str, Any]
    sources: dict[str, tuple[int, int]]
    extra_rows: list[dict[str, Any]]
    findings: list[Finding]


@attrs.define
class _Reader:
    document: Document
    plan: TemplatePlan
    lang: Language
    values: dict[str, Any] = attrs.Factory(dict)
    sources: dict[str, tuple[int, int]] = attrs.Factory(dict)
    extra_rows: list[dict[str, Any]] = attrs.Factory(list)
    findings: list[Finding] = attrs.Factory(list)
    ambiguous: list[Ambiguous] = attrs.Factory(list)
    raws: dict[int, tuple[RowPlan, RowText]] = attrs.Factory(dict)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def padded(self) -> bool:
        """Whether empty pieces between separators are padding (copied text) rather than cells (HTML)."""
        return self.document.kind == "text"

    def note(self, code: str, pointer: str, *, label: Text | None = None, **values: object) -> None:
        self.findings.append(finding(code, self.plan.cls, pointer, self.lang, label=label, **values))

    # ---------------------------------------------------------------- tables

    def read(self) -> None:
        starts = self._openings()
        for index, table in enumerate(self.plan.tables):
            start = starts[index]
            label = Text(zh=table.layout.heading.zh, en=table.layout.heading.en)
            if start is None:
                self.findings.append(
                    finding("GD-IMPORT-TABLE-MISSING", self.plan.cls, "/" + table.layout.key, self.lang, label=label)
                )
                continue
            later = [s for s in starts[index + 1 :] if s is not None]
            end = later[0] if later else len(self.text)
            if table.layout.orientation == "columns":
                self._columns(table, start, end)
            else:
                self._rows(table, start, end)
        self._settle()

    def _openings(self) -> list[int | None]:
        starts: list[int | None] = []
        position = 0
        for table in self.plan.tables:
            match = table.opening.search(self.text, position)
            if match is None:
                first = table.rows[0].exact
                match = first.search(self.text, position) if first is not None else None
            starts.append(None if match is None else match.start())
            if match is not None:
                position = match.end()
        return starts

    def _rows(self, table: TablePlan, start: int, end: int) -> None:
        found: list[tuple[RowPlan, re.Match[str] | None, str]] = []
        position = start
        for row in table.rows:
            assert row.exact is not None
            match = row.exact.search(self.text, position, end)
            if match is not None:
                found.append((row, match, "exact"))
                position = match.end()
            else:
                found.append((row, None, "missing"))
        self._approximate(found, start, end)
        located = [(row, match, how) for row, match, how in found if match is not None]
        assert all(match is not None for _, match, _ in located)
        for index, (row, match, how) in enumerate(located):
            stop = located[index + 1][1].start() if index + 1 < len(located) else end
            self._row(row, match, how, stop)
        for row, match, _ in found:
            if match is None:
                self.note("GD-IMPORT-ROW-MISSING", _row_pointer(row), label=_row_label(row))

    def _approximate(self, found: list[tuple[RowPlan, Any, str]], start: int, end: int) -> None:
        """Look for each missing row's label without its numbering, between the rows found around it."""
        for index, (row, match, _) in enumerate(found):
            if match is not None or row.bare is None:
                continue
            before = [m.end() for _, m, _ in found[:index] if m is not None]
            after = [m.start() for _, m, _ in found[index + 1 :] if m is not None]
            low, high = (before[-1] if before else start), (after[0] if after else end)
            bare = row.bare.search(self.text, low, high)
            if bare is not None:
                found[index] = (row, bare, "approximate")

    def _row(self, row: RowPlan, match: re.Match[str], how: str, stop: int) -> None:
        printed = match.group()
        pointer = _row_pointer(row)
        if how == "approximate":
            self.note("GD-IMPORT-LABEL-APPROXIMATE", pointer, label=_row_label(row), raw=printed)
        elif len(row.forms) > 1 and row.forms.get(normalise_label(printed)) == "variant":
            self.note("GD-IMPORT-LABEL-VARIANT", pointer, label=_row_label(row), raw=printed)
        values = read_row(self.text, match.end(), stop, len(row.pointers), self.plan.noise, padded=self.padded)
        if values.annotation is not None:
            self.note("GD-IMPORT-LABEL-ANNOTATED", pointer, label=_row_label(row), raw=values.annotation.text)
        self._place(row, values)
        self._extra(row, values.end, stop)

    def _columns(self, table: TablePlan, start: int, end: int) -> None:
        """Table 四: every key a column; the values follow the last header word."""
        row = table.rows[0]
        position = start
        header_end = start
        while True:
            gap = _GAP.match(self.text, position, end)
            position = gap.end() if gap else position
            label = self.plan.noise.match(self.text, position, end)
            if label is None or not label.group():
                break
            position = header_end = label.end()
        line_break = self.text.find("\n", header_end, end)
        if line_break >= 0 and not self.text[header_end:line_break].strip(" \t|\u3000\xa0"):
            position = line_break + 1  # the values are the next line's cells, blanks included
        values = read_row(
            self.text, position, end, len(row.pointers), self.plan.noise, labelled=False, padded=self.padded
        )
        if not values.pieces:
            self.note("GD-IMPORT-ROW-MISSING", "/" + table.layout.key, label=_table_label(table))
            return
        self._place(row, values)

    # ---------------------------------------------------------------- values

    def _place(self, row: RowPlan, values: RowText) -> None:
        width = len(row.pointers)
        pieces = values.pieces
        if values.separated and not values.ragged and len(pieces) <= width and len(pieces) == width:
            for pointer, kind, piece in zip(row.pointers, row.kinds, pieces, strict=True):
                self._cell(pointer, kind, piece)
            return
        written = tuple(piece for piece in pieces if not piece.blank)
        if not written:
            return
        if values.separated and values.ragged and len(written) > width:
            self.note(
                "GD-IMPORT-TOO-MANY",
                _row_pointer(row),
                label=_row_label(row),
                raw=" ".join(p.text.strip() for p in written),
                columns=width,
            )
            return
        if not values.separated and len(written) == width:
            for pointer, kind, piece in zip(row.pointers, row.kinds, written, strict=True):
                self._cell(pointer, kind, piece)
            return
        if not values.separated and len(written) > width:
            self.note(
                "GD-IMPORT-TOO-MANY",
                _row_pointer(row),
                label=_row_label(row),
                raw=" ".join(p.text for p in written),
                columns=width,
            )
            return
        self.ambiguous.append(Ambiguous(row.pointers, row.kinds, written, split=not values.separated))

    def _cell(self, pointer: str, kind: Any, piece: Piece) -> None:
        reading = read_cell(piece.text, kind)
        self.sources[pointer] = (piece.start, piece.end)
        raw = piece.text.strip()
        if reading.code == "GD-IMPORT-UNREADABLE" or reading.code == "GD-IMPORT-NOT-APPLICABLE":
            self.note(reading.code, pointer, raw=raw)
        elif reading.code is not None:
            self.note(
                reading.code, pointer, raw=raw, actual=_plain(reading.value), evidence=_evidence(reading.evidence or "")
            )
        self.values[pointer] = reading.value

    def _extra(self, row: RowPlan, start: int, stop: int) -> None:
        """Rows the template does not have, printed after *row*: a label and values before the next row."""
        newline = self.text.find("\n", start, stop)
        if newline < 0:  # the row's own line runs to the next label: no room for another row
            return
        start = newline + 1
        segment = self.text[start:stop]
        if not segment.strip(" \t|\u3000\xa0\n"):  # only the next row's opening separator
            return
        for line_match in _LINE.finditer(segment):
            line = line_match.group()
            offset = start + line_match.start()
            parts = [part.strip() for part in line.split("|")] if "|" in line else line.split()
            words = [p for p in parts if p and not TOKEN.fullmatch(p) and not _is_noise(self.plan.noise, p)]
            tokens = [p for p in parts if p and TOKEN.fullmatch(p)]
            if len(words) != 1 or not tokens or _NEXT_SECTION.match(words[0]):
                continue
            label = words[0]
            if (
                len(label) > 40
                or not re.search(r"[\u4e00-\u9fff]", label)
                or parts.index(label) > parts.index(tokens[0])
            ):
                continue
            line_number = self.document.source(offset, offset + len(line)).line
            self.extra_rows.append({"after": _row_pointer(row), "label": label, "values": tokens, "line": line_number})
            self.note(
                "GD-IMPORT-ROW-EXTRA", _row_pointer(row), label=_row_label(row), raw=f"{label} {' '.join(tokens)}"
            )

    def _settle(self) -> None:
        if not self.ambiguous:
            return
        relations = relations_for(self.plan.cls.template)
        known: dict[str, Any] = dict(self.values)
        for result in settle(self.ambiguous, known, relations):
            self._settled(result)

    def _settled(self, result: Settled) -> None:
        row = result.row
        pointer = _common(row.pointers)
        columns = len(row.pointers)
        listed = ", ".join(shown(c) for c in result.candidates[:8]) + (" …" if len(result.candidates) > 8 else "")
        source = (row.pieces[0].start, row.pieces[-1].end)
        if result.reading is None:
            self.note(
                "GD-IMPORT-AMBIGUOUS", pointer, raw=row.raw, columns=columns, candidates=listed or "—", actual=None
            )
            for cell in row.pointers:
                self.sources[cell] = source
            return
        for cell, value in zip(row.pointers, result.reading, strict=True):
            self.values[cell] = value
            self.sources[cell] = source
        if result.how == "lexical":
            if len(row.pieces) != columns:
                self.note(
                    "GD-IMPORT-SPLIT-LEXICAL", pointer, raw=row.raw, columns=columns, actual=shown(result.reading)
                )
            return
        evidence = ", ".join(sorted({relation.code for relation in result.evidence}))
        code = (
            "GD-IMPORT-SPLIT-PROVED"
            if row.split and any(len(p.text) > 1 for p in row.pieces)
            else "GD-IMPORT-PLACEMENT-PROVED"
        )
        self.note(
            code,
            pointer,
            raw=row.raw,
            columns=columns,
            actual=shown(result.reading),
            evidence=evidence,
            candidates=listed,
        )


#: The notes :func:`~._cells.read_cell` gives for a conversion, in Chinese.
_NOTES_ZH: Final = {
    "full-width characters": "全角字符",
    "thousands separators": "千位分隔符",
    "a plus sign": "正号",
    "the unit ": "单位",
}


def _evidence(notes: str) -> Text:
    """What made a conversion certain, in every language (*notes* as :func:`~._cells.read_cell` gives them)."""
    zh = notes
    for en, chinese in _NOTES_ZH.items():
        zh = zh.replace(en, chinese)
    return Text(zh=zh.replace(", ", "、"), en=notes)


def _is_noise(noise: re.Pattern[str], text: str) -> bool:
    """Whether *text* is a label the template prints (a header, a row group) and nothing else."""
    match = noise.fullmatch(text)
    return match is not None


def _common(pointers: Sequence[str]) -> str:
    """The pointer of the row holding *pointers* (their longest common parent)."""
    parts = [pointer.split("/") for pointer in pointers]
    common = []
    for level in zip(*parts, strict=False):
        if len(set(level)) != 1:
            break
        common.append(level[0])
    return "/".join(common) if len(common) > 1 else pointers[0].rsplit("/", 1)[0]


def _row_pointer(row: RowPlan) -> str:
    return row.pointer


def _row_label(row: RowPlan) -> Text:
    if row.heading is None:
        return Text(zh="", en="")
    return Text(zh=row.heading.zh, en=row.heading.en)


def _table_label(table: TablePlan) -> Text:
    return Text(zh=table.layout.heading.zh, en=table.layout.heading.en)


def _plain(value: object) -> object:
    return format(value, "f") if isinstance(value, Decimal) else value


def read_tables(document: Document, plan: TemplatePlan, lang: Language) -> TableRead:
    """Read the tables of *plan*'s template from *document*."""
    reader = _Reader(document, plan, lang)
    reader.read()
    return TableRead(reader.values, reader.sources, reader.extra_rows, reader.findings)
