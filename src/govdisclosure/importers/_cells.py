"""What one printed cell means (``shared/domain.md`` §6): blank, zero, not applicable, or a number with its unit.

:func:`read_cell` reads a cell's raw text as the value of a field of a
given kind (a count, a signed change, an amount in 万元).  A blank stays
blank, a written ``0`` is 0; a not-applicable mark reads as blank; text is
converted only where its meaning is certain (width, sign, thousands
separators, a unit), and every conversion says so.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Final

import attrs

from ..model.kinds import COUNT, DELTA, MONEY, FieldKind

__all__ = ["NOT_APPLICABLE", "Reading", "read_cell"]

#: The marks a published table writes where a cell does not apply; each reads as blank.
NOT_APPLICABLE: Final = frozenset({"/", "-", "—", "——", "－", "\\", "–", "不适用", "无", "／", "＼", "─"})

_NUMBER: Final = re.compile(r"([+\-]?)((?:0|[1-9][0-9]*)(?:\.[0-9]+)?)")
_GROUPED: Final = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_COUNT_UNITS: Final = ("人次", "件", "个", "项", "条", "次", "宗", "家")
_YUAN_PER_WAN: Final = Decimal(10_000)
_MINUS: Final = str.maketrans({"−": "-", "－": "-", "—": "-", "–": "-"})


@attrs.frozen
class Reading:
    """A cell read: its *value* (``None`` for blank), and, when the text was not plainly the value, why.

    *code* is the import rule saying what was done (``GD-IMPORT-CONVERTED``,
    ``GD-IMPORT-MONEY-YUAN``, ``GD-IMPORT-NOT-APPLICABLE``,
    ``GD-IMPORT-UNREADABLE``), *evidence* what in the text made it certain.
    """

    value: int | Decimal | None
    code: str | None = None
    evidence: str | None = None


_BLANK: Final = Reading(None)


def read_cell(raw: str, kind: FieldKind) -> Reading:
    """The value of a *kind* field printed as *raw*."""
    text = "".join(raw.split())
    if not text:
        return _BLANK
    if text in NOT_APPLICABLE:
        return Reading(None, "GD-IMPORT-NOT-APPLICABLE")
    if text.isascii() and text.isdigit() and (text == "0" or text[0] != "0"):
        return Reading(int(text)) if kind is not MONEY else Reading(Decimal(text))
    notes = []
    plain = unicodedata.normalize("NFKC", text).translate(_MINUS)
    if plain != text:
        notes.append("full-width characters")
    unit = None
    for suffix in ("万元", "元", *_COUNT_UNITS):
        if plain.endswith(suffix) and len(plain) > len(suffix):
            unit, plain = suffix, plain[: -len(suffix)]
            break
    if _GROUPED.fullmatch(plain.lstrip("+-")):
        plain = plain.replace(",", "")
        notes.append("thousands separators")
    match = _NUMBER.fullmatch(plain)
    if match is None:
        return Reading(None, "GD-IMPORT-UNREADABLE")
    sign, digits = match.groups()
    if sign == "+":
        notes.append("a plus sign")
    if kind is MONEY:
        return _money(sign, digits, unit, notes)
    if "." in digits or (unit is not None and unit not in _COUNT_UNITS):
        return Reading(None, "GD-IMPORT-UNREADABLE")
    value = int(sign + digits)
    if value < 0 and kind is not DELTA:
        return Reading(None, "GD-IMPORT-UNREADABLE")
    if unit is not None:
        notes.append(f"the unit {unit}")
    return Reading(value, "GD-IMPORT-CONVERTED", ", ".join(notes)) if notes else Reading(value)


def _money(sign: str, digits: str, unit: str | None, notes: list[str]) -> Reading:
    if sign == "-":
        return Reading(None, "GD-IMPORT-UNREADABLE")
    try:
        amount = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits decimals only
        return Reading(None, "GD-IMPORT-UNREADABLE")
    if unit == "元":
        return Reading(amount / _YUAN_PER_WAN, "GD-IMPORT-MONEY-YUAN", "the unit 元")
    if unit == "万元":
        notes.append("the unit 万元")
    if unit is not None and unit != "万元":
        return Reading(None, "GD-IMPORT-UNREADABLE")
    return Reading(amount, "GD-IMPORT-CONVERTED" if notes else None, ", ".join(notes) or None)


def is_count_kind(kind: FieldKind) -> bool:
    """Whether *kind* holds whole numbers (a count or a change)."""
    return kind is COUNT or kind is DELTA
