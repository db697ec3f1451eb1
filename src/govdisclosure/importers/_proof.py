"""Rows whose values do not say which column each belongs to, settled only by proof.

A row may print fewer values than it has columns (blanks leave no trace in
copied text), or digits of neighbouring cells may have run together when the
tags were stripped (``行政许可3705`` under three columns).  :func:`candidates`
lists every reading the column count and the lexical rules allow (no leading
zeros, a sign only where the column is signed); :func:`settle` keeps a
reading only when it is the one the column count allows, or the one of them
that makes the table's own relations hold — and says which relations.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from ..model.kinds import MONEY, FieldKind
from ..rules.relations import Balance, Relation, Sum
from ._cells import read_cell
from ._rows import Piece

__all__ = ["Ambiguous", "Settled", "candidates", "settle"]

#: A printed value whose leading digits may hold several cells: sign, digits, and the rest (decimals, unit).
_CUTTABLE: Final = re.compile(r"([+\-]?)([0-9]+)((?:\.[0-9]+)?(?:万元|元)?)")
#: No more readings than this are tried for one row; a row with more is left blank.
MAX_CANDIDATES: Final = 5000

Value = int | Decimal | None
Reading = tuple[Value, ...]


@attrs.frozen
class Ambiguous:
    """A row whose values could not be placed: its pointers, kinds and the pieces printed."""

    pointers: tuple[str, ...]
    kinds: tuple[FieldKind, ...]
    pieces: tuple[Piece, ...]
    split: bool  # whether digits may have run together (running text) or only placement is open

    @property
    def raw(self) -> str:
        """The printed values, as printed, separated by spaces."""
        return " ".join(piece.text.strip() for piece in self.pieces)


@attrs.frozen
class Settled:
    """What became of an ambiguous row: the reading taken (or ``None``), how, and the candidates seen."""

    row: Ambiguous
    reading: Reading | None
    how: str  # "lexical", "proved" or "ambiguous"
    candidates: tuple[Reading, ...]
    evidence: tuple[Relation, ...] = ()


def _splits(digits: str, parts: int) -> Iterator[tuple[str, ...]]:
    """Every way to cut *digits* into *parts* numbers without leading zeros."""
    if parts == 1:
        if digits == "0" or not digits.startswith("0"):
            yield (digits,)
        return
    for cut in range(1, len(digits) - parts + 2):
        head = digits[:cut]
        if head != "0" and head.startswith("0"):
            break
        for rest in _splits(digits[cut:], parts - 1):
            yield (head, *rest)


def _numbers(pieces: Sequence[Piece], split: bool, limit: int) -> Iterator[tuple[str, ...]]:
    """The sequences of printed numbers the pieces may stand for: each piece whole, or cut (if *split*)."""
    options: list[list[tuple[str, ...]]] = []
    for piece in pieces:
        text = piece.text.strip()
        match = _CUTTABLE.fullmatch(text) if split else None
        if match is None or len(match.group(2)) < 2:
            options.append([(text,)])
            continue
        sign, digits, rest = match.groups()
        cuts: list[tuple[str, ...]] = [
            (sign + parts[0], *parts[1:-1], parts[-1] + rest) if len(parts) > 1 else (sign + parts[0] + rest,)
            for count in range(1, min(len(digits), limit) + 1)
            for parts in _splits(digits, count)
        ]
        options.append(cuts)
    for combination in itertools.product(*options):
        yield tuple(number for part in combination for number in part)


def candidates(row: Ambiguous) -> tuple[list[Reading], bool]:
    """The readings of *row*: full ones (a value in every column) if there are any, else those with blanks.

    Returns the readings and whether they are full.  Each value is checked
    against its column's kind (a count takes no sign, an amount no sign).
    """
    width = len(row.pointers)
    texts = [piece.text.strip() for piece in row.pieces]
    if row.split and all(text.isascii() and text.isdigit() for text in texts) and sum(map(len, texts)) == width:
        # as many digits as columns: one digit a cell is the only full reading, and no digit leads with a zero
        digits = "".join(texts)
        return [tuple(Decimal(d) if kind is MONEY else int(d) for d, kind in zip(digits, row.kinds, strict=True))], True
    full: list[Reading] = []
    partial: list[Reading] = []
    for numbers in _numbers(row.pieces, row.split, width):
        if len(numbers) > width:
            continue
        values = [read_cell(number, kind) for number, kind in zip(numbers, row.kinds, strict=False)]
        if len(numbers) == width:
            if all(v.value is not None and v.code in (None, "GD-IMPORT-CONVERTED") for v in values):
                full.append(tuple(v.value for v in values))
            continue
        for columns in itertools.combinations(range(width), len(numbers)):
            reading: list[Value] = [None] * width
            for number, column in zip(numbers, columns, strict=True):
                value = read_cell(number, row.kinds[column])
                if value.value is None or value.code not in (None, "GD-IMPORT-CONVERTED"):
                    break
                reading[column] = value.value
            else:
                partial.append(tuple(reading))
            if len(partial) > MAX_CANDIDATES:
                return partial, False
    if full:
        return list(dict.fromkeys(full)), True
    return list(dict.fromkeys(partial)), False


@functools.cache
def _pointers(relation: Relation) -> tuple[str, ...]:
    """The JSON Pointers of the cells *relation* reads, in :meth:`cells` order."""
    return tuple("/" + "/".join(path) for path in relation.cells())


def _holds(
    relation: Relation, pointers: tuple[str, ...], trial: Mapping[str, Value], known: Mapping[str, Value]
) -> bool | None:
    """Whether *relation* holds (blank as 0) with the cells of *trial* over *known*; None when a cell is not known."""
    read: dict[tuple[str, ...], Value] = {}
    for path, pointer in zip(relation.cells(), pointers, strict=True):
        if pointer in trial:
            read[path] = trial[pointer]
        elif pointer in known:
            read[path] = known[pointer]
        else:
            return None

    def total(paths: Sequence[tuple[str, ...]]) -> int | Decimal:
        return sum((read[path] or 0 for path in paths), start=0)

    if isinstance(relation, Sum):
        return total(relation.addends) == (read[relation.total] or 0)
    if isinstance(relation, Balance):
        return total(relation.left) == total(relation.right)
    if relation.written_only and any(value is None for value in read.values()):
        return None
    left, right = total(relation.left), total(relation.right) + relation.constant
    return left <= right if relation.op == "<=" else left >= right


def settle(rows: Sequence[Ambiguous], known: dict[str, Value], relations: Sequence[Relation]) -> list[Settled]:
    """Settle *rows* against the *known* values and the table's *relations*, adding what is settled to *known*.

    A row is taken when the column count and the lexical rules leave one full
    reading (``lexical``), or when exactly one of its readings makes every
    relation that can be judged hold, and at least one can (``proved``).
    Rows settled feed the next round, until no more is settled.
    """
    open_rows = {id(row): (row, *candidates(row)) for row in rows}
    results: dict[int, Settled] = {}
    for key, (row, readings, full) in list(open_rows.items()):
        if full and len(readings) == 1:
            results[key] = Settled(row, readings[0], "lexical", tuple(readings))
            known.update(zip(row.pointers, readings[0], strict=True))
            del open_rows[key]
    prepared = [(relation, _pointers(relation)) for relation in relations]
    progress = True
    while open_rows and progress:
        progress = False
        for key, (row, readings, _) in list(open_rows.items()):
            mine = set(row.pointers)
            touching = [(relation, cells) for relation, cells in prepared if not mine.isdisjoint(cells)]
            holding = []
            judged: list[Relation] = []
            for reading in readings[:MAX_CANDIDATES]:
                trial = dict(zip(row.pointers, reading, strict=True))
                verdicts = [(relation, _holds(relation, cells, trial, known)) for relation, cells in touching]
                if all(verdict is not False for _, verdict in verdicts) and any(v for _, v in verdicts):
                    holding.append(reading)
                    judged.extend(relation for relation, verdict in verdicts if verdict and relation not in judged)
            if len(holding) == 1 and len(readings) > 1:
                results[key] = Settled(row, holding[0], "proved", tuple(readings), tuple(judged))
                known.update(zip(row.pointers, holding[0], strict=True))
                del open_rows[key]
                progress = True
    for key, (row, readings, _) in open_rows.items():
        results[key] = Settled(row, None, "ambiguous", tuple(readings))
    return [results[id(row)] for row in rows]


def shown(reading: Reading) -> str:
    """A reading as a finding shows it: the values in column order, blanks as ``·``."""
    return "|".join(
        "·" if value is None else format(value) if not isinstance(value, Decimal) else format(value, "f")
        for value in reading
    )
