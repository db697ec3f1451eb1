"""Years and dates as pages print them, in Arabic digits or Chinese numerals.

>>> chinese_number("二〇二四"), chinese_number("二0一七"), chinese_number("二十"), chinese_number("十一")
(2024, 2017, 20, 11)
>>> [(d.isoformat(), raw) for d, raw in find_dates("二〇二四年一月二十日 2022年1月7日")]
[('2024-01-20', '二〇二四年一月二十日'), ('2022-01-07', '2022年1月7日')]
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from typing import Final

__all__ = ["DATE", "YEAR", "chinese_number", "find_dates"]

_DIGITS: Final = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9, "两": 2})
_DIGITS.update({str(n): n for n in range(10)})
_NUMERAL: Final = "〇零○Ｏ一二三四五六七八九十两0-9０-９"
#: A year as printed: four digits, Arabic or Chinese (二〇二四, 二0一七).
YEAR: Final = re.compile(rf"([12２１二一][{_NUMERAL}]{{3}})\s*年")
#: A date as printed: year, month and day in digits or numerals.
DATE: Final = re.compile(rf"([{_NUMERAL}]{{4}})\s*年\s*([{_NUMERAL}]{{1,3}})\s*月\s*([{_NUMERAL}]{{1,3}})\s*日")
_ISO: Final = re.compile(r"(20[0-9]{2}|19[0-9]{2})-([01]?[0-9])-([0-3]?[0-9])")


def chinese_number(text: str) -> int | None:
    """The number *text* writes in Chinese numerals or digits (each digit, or with 十), None if it is none."""
    text = unicodedata.normalize("NFKC", text)
    if not text:
        return None
    if "十" in text:
        tens, _, units = text.partition("十")
        high = _DIGITS.get(tens, -1) if tens else 1
        low = _DIGITS.get(units, -1) if units else 0
        return None if high < 0 or low < 0 or len(tens) > 1 or len(units) > 1 else high * 10 + low
    value = 0
    for char in text:
        digit = _DIGITS.get(char)
        if digit is None:
            return None
        value = value * 10 + digit
    return value


def find_dates(text: str) -> Iterator[tuple[datetime.date, str]]:
    """Every valid date in *text* (``2022年1月7日``, ``二〇二四年一月二十日``, ``2022-01-10``), with its raw text."""
    found: list[tuple[int, int | None, int | None, int | None, str]] = []
    for match in DATE.finditer(text):
        year, month, day = (chinese_number(part) for part in match.groups())
        found.append((match.start(), year, month, day, match.group()))
    for match in _ISO.finditer(text):
        year, month, day = (int(part) for part in match.groups())
        found.append((match.start(), year, month, day, match.group()))
    for _, year, month, day, raw in sorted(found, key=lambda item: item[0]):
        if year is None or month is None or day is None:
            continue
        try:
            yield datetime.date(year, month, day), raw
        except ValueError:
            continue
