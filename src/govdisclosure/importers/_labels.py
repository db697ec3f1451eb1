"""Finding printed labels in a page's text, whatever its width, brackets, spaces, cell breaks or script.

A label is found by a pattern built from its normalised form
(:func:`~govdisclosure.regulation.normalise_label`): each character matches
every character that normalises to it (full- and half-width, each bracket
and quote shape, the traditional form of a simplified character), and
spaces, line breaks and cell boundaries (``|``) may fall between any two.
So "本年新 / 制作数量" split over two cells, "(一)" for "（一）" and
"規範性文件" are all found as the label they print.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from ..regulation import normalise_label

__all__ = ["GAP", "label_pattern", "pattern_of"]

#: What may fall between two characters of a printed label: spaces, line breaks, cell boundaries.
GAP: Final = r"[\s|\u3000\xa0]*"

#: Traditional forms of the characters of the official labels (the simplified form on the right).
_TRADITIONAL: Final = dict(
    zip(
        "開與請處數總計機關資項條規範許罰強製發廢現當結轉續辦麼屬國祕密險穩內務過程執檢訊確認復議訴訟維審"
        "業構織團體齊類應無為錄費標準購買實際區劃際會議關係產權對門頁簽戶號碼們來時間點數據",
        "开与请处数总计机关资项条规范许罚强制发废现当结转续办么属国秘密险稳内务过程执检讯确认复议诉讼维审"
        "业构织团体齐类应无为录费标准购买实际区划际会议关系产权对门页签户号码们来时间点数据",
        strict=True,
    )
)


@functools.cache
def _spellings() -> dict[str, frozenset[str]]:
    """Every character that normalises to each character, by the character it normalises to.

    Only the blocks where other spellings of CJK text, digits, letters and
    punctuation live are looked at: Latin to CJK symbols, compatibility
    ideographs and the half- and full-width forms.
    """
    found: dict[str, set[str]] = {}
    for code in (*range(0x20, 0x3400), *range(0xF900, 0x10000)):
        char = chr(code)
        form = normalise_label(char) if not char.isspace() else ""
        if len(form) == 1 and form != char:
            found.setdefault(form, {form}).add(char)
    for traditional, simplified in _TRADITIONAL.items():
        found.setdefault(simplified, {simplified}).add(traditional)
    found.setdefault(".", {"."}).update("、,，．")
    return {key: frozenset(value) for key, value in found.items()}


def _char_class(char: str) -> str:
    spellings = _spellings().get(char)
    if spellings is None or len(spellings) == 1:
        return re.escape(char)
    return "[" + "".join(re.escape(c) for c in sorted(spellings)) + "]"


@functools.cache
def label_pattern(normalised: str) -> str:
    """The pattern finding the label whose normalised form is *normalised*, anywhere in a page's text."""
    return GAP.join(_char_class(char) for char in normalised)


def pattern_of(labels: Iterable[str]) -> re.Pattern[str]:
    """One compiled pattern finding any of *labels* (printed forms), the longest first."""
    forms = sorted({normalise_label(unicodedata.normalize("NFKC", label)) for label in labels}, key=len, reverse=True)
    return re.compile("|".join(label_pattern(form) for form in forms if form))
