"""发文字号 (document number): the number an official document is issued under.

GB/T 9704-2012 《党政机关公文格式》 §7.2.5 fixes its shape: the issuing
organ's 机关代字, the year in full enclosed in 六角括号 ``〔〕``, and the
serial number followed by 号 — "年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号
“〔 〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”字。"
Examples: ``渝民办〔2019〕97号``, ``国办公开办函〔2021〕30号``, ``国办函〔2020〕109号``.

Orders (令) are numbered differently, and legitimately with 第: ``国务院令第711号``;
ministerial orders may also give the year, ``交通运输部令2019年第1号``.  Both are
accepted, as ``kind='order'``.

Published text often prints the year's brackets with another glyph:
``[2008]``, ``［2008］``, ``【2008】``, ``﹝2016﹞`` (``中办发﹝2016﹞8号``), ``（2008）``,
``(2008)``.  These are accepted, and :func:`parse` records the pair in
``bracket`` so that a caller can report the deviation; :func:`compact`,
:func:`format` and :func:`validate` give the canonical ``〔〕``.

Rejected, each with a message citing GB/T 9704-2012 §7.2.5: 第 before the
serial of a document that is not an order, a zero-padded serial (``01号``), a
year not written in full (``〔19〕``), and a year whose brackets were lost in
copying (``国办函202130号``, ``国辦公開辦函〔202130``).

Sources: GB/T 9704-2012 §7.2.5 (quoted via http://jiaodui.com/bbs/read.php?tid=20281);
the variants are from published reports (the project's domain notes, §5).

    >>> validate('渝民办〔2019〕97号')
    '渝民办〔2019〕97号'
    >>> parse('国办公开办函〔2021〕30号')
    DocumentNumber(issuer_code='国办公开办函', year=2021, serial=30, raw='国办公开办函〔2021〕30号',
                   normalized='国办公开办函〔2021〕30号', bracket='〔〕', kind='document')
    >>> format('国办函 [2020] 109号')
    '国办函〔2020〕109号'
    >>> number = parse('中办发﹝2016﹞8号')
    >>> number.bracket, number.normalized, number.canonical_bracket
    ('﹝﹞', '中办发〔2016〕8号', False)
    >>> parse('国务院令第711号')
    DocumentNumber(issuer_code='国务院令', year=None, serial=711, raw='国务院令第711号',
                   normalized='国务院令第711号', bracket=None, kind='order')
    >>> validate('渝民办〔2019〕097号')
    Traceback (most recent call last):
        ...
    govdisclosure.identifiers.exceptions.InvalidFormat: '渝民办〔2019〕097号' is not a valid document
    number (发文字号): the serial number '097' is zero-padded; GB/T 9704-2012 §7.2.5: 不编虚位（即1不编为01）.
    >>> is_valid('国办函202130号')
    False
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from ._util import passes, text_of
from .exceptions import InvalidComponent, InvalidFormat

__all__ = [
    "BRACKETS",
    "CANONICAL_BRACKET",
    "KINDS",
    "NAME",
    "DocumentKind",
    "DocumentNumber",
    "compact",
    "format",
    "is_valid",
    "parse",
    "validate",
]

#: How the errors name this identifier.
NAME = "document number (发文字号)"
#: The brackets GB/T 9704-2012 puts around the year, 六角括号.
CANONICAL_BRACKET = "〔〕"
#: Every bracket pair accepted around the year, canonical first, as ``open + close``.
BRACKETS = ("〔〕", "[]", "［］", "【】", "﹝﹞", "（）", "()")
#: The kinds of document number, an ordinary document's and an order's.
DocumentKind = Literal["document", "order"]
#: The shape of each kind of document number.
KINDS: Mapping[DocumentKind, str] = MappingProxyType(
    {
        "document": "机关代字〔YYYY〕N号",
        "order": "机关令第N号 or 机关令YYYY年第N号",
    }
)

_STANDARD = "GB/T 9704-2012 §7.2.5"
_OPEN = re.escape("".join(pair[0] for pair in BRACKETS))
_CLOSE = re.escape("".join(pair[1] for pair in BRACKETS))
_ORDER = re.compile(r"(?P<issuer>.+?令)(?:(?P<year>[0-9]{4})年)?第(?P<serial>[0-9]+)号")
_DOCUMENT = re.compile(
    rf"(?P<issuer>[^{_OPEN}{_CLOSE}]+)(?P<open>[{_OPEN}])(?P<year>[0-9]+)(?P<close>[{_CLOSE}])"
    r"(?P<di>第)?(?P<serial>[0-9]+)号"
)
_BRACKETED_YEAR = re.compile(rf"([{_OPEN}])([0-9]+)([{_CLOSE}])")
# Shapes of common damage, with what to say about each, tried in order when nothing matches.
_DAMAGE = (
    (
        re.compile(rf".+[{_OPEN}][0-9]+号?"),
        f"the bracket closing the year is missing, perhaps lost in copying ({_STANDARD}: 用六角括号“〔 〕”括入)",
    ),
    (
        re.compile(r"[^0-9]+[0-9]{5,}号?"),
        f"the year is not enclosed in brackets, perhaps lost in copying ({_STANDARD}: 用六角括号“〔 〕”括入)",
    ),
    (
        re.compile(r".+第[0-9]+号"),
        f"only orders (令) are numbered 第N号; a document number is 机关代字〔YYYY〕N号 ({_STANDARD}: 不加“第”字)",
    ),
    (
        re.compile(rf".+[{_OPEN}][0-9]+[{_CLOSE}][0-9]+"),
        f"it does not end with 号 ({_STANDARD}: 在阿拉伯数字后加“号”字)",
    ),
)
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@attrs.frozen
class DocumentNumber:
    """The parts of a document number, as printed, and its canonical form."""

    #: The 机关代字 (``国办公开办函``); for an order, the name of the order (``国务院令``).
    issuer_code: str
    #: The year; ``None`` for an order that does not give one.
    year: int | None
    #: The serial number (发文顺序号).
    serial: int
    #: The text as given.
    raw: str
    #: The canonical form, with ``〔〕`` around the year, no spaces and ASCII digits.
    normalized: str
    #: The bracket pair printed around the year (``'〔〕'``, ``'﹝﹞'``, ``'[]'`` …); ``None`` for an order.
    bracket: str | None
    #: ``'document'`` or ``'order'`` (see :data:`KINDS`).
    kind: DocumentKind

    @property
    def canonical_bracket(self) -> bool:
        """Whether the year's brackets are the canonical ``〔〕`` (always true for an order)."""
        return self.bracket is None or self.bracket == CANONICAL_BRACKET


def compact(number: str) -> str:
    """*number* without spaces, with ASCII digits and ``〔〕`` around the year; nothing is checked."""
    text = "".join(text_of(number, NAME).split()).translate(_FULL_WIDTH_DIGITS)
    return _BRACKETED_YEAR.sub(_canonical_year, text)


def parse(text: str) -> DocumentNumber:
    """The parts of the document number *text*, with the bracket pair it was printed with.

    Raises:
        InvalidFormat: *text* is not a document number or an order number, or
            breaks a rule of GB/T 9704-2012 §7.2.5 on how one is written.
        InvalidComponent: the year is not four digits, or the serial is 0.
    """
    printed = "".join(text_of(text, NAME).split()).translate(_FULL_WIDTH_DIGITS)
    code = compact(text)
    order = _ORDER.fullmatch(printed)
    if order is not None:
        return _order(order, text, code)
    document = _DOCUMENT.fullmatch(printed)
    if document is not None:
        return _document(document, text, code)
    raise InvalidFormat(code, _damage(printed), NAME)


def validate(number: str) -> str:
    """The canonical form of *number* if it is a valid document number or order number.

    Raises:
        InvalidFormat: see :func:`parse`.
        InvalidComponent: see :func:`parse`.
    """
    return parse(number).normalized


def is_valid(number: str) -> bool:
    """Whether *number* is a valid document or order number; never raises, and is False for anything but a string."""
    return passes(validate, number)


def format(number: str) -> str:
    """The canonical form to print: the same as :func:`compact`; *number* is not validated."""
    return compact(number)


def _canonical_year(match: re.Match[str]) -> str:
    if match[1] + match[3] not in BRACKETS:
        return match[0]
    return f"〔{match[2]}〕"


def _order(match: re.Match[str], text: str, code: str) -> DocumentNumber:
    issuer, year = match["issuer"], match["year"]
    serial = _serial(match, code)
    normalized = f"{issuer}{year}年第{serial}号" if year else f"{issuer}第{serial}号"
    return DocumentNumber(
        issuer_code=issuer,
        year=int(year) if year else None,
        serial=serial,
        raw=text,
        normalized=normalized,
        bracket=None,
        kind="order",
    )


def _document(match: re.Match[str], text: str, code: str) -> DocumentNumber:
    bracket = match["open"] + match["close"]
    if bracket not in BRACKETS:
        message = f"the brackets around the year do not match: {match['open']} … {match['close']}"
        raise InvalidFormat(code, message, NAME)
    year = _year(match, code)
    if match["di"]:
        message = f"the serial number has 第 before it; {_STANDARD}: 发文顺序号不加“第”字 (only orders use 第N号)"
        raise InvalidFormat(code, message, NAME)
    serial = _serial(match, code)
    return DocumentNumber(
        issuer_code=match["issuer"],
        year=year,
        serial=serial,
        raw=text,
        normalized=f"{match['issuer']}〔{year}〕{serial}号",
        bracket=bracket,
        kind="document",
    )


def _year(match: re.Match[str], code: str) -> int:
    digits = match["year"]
    if len(digits) == 2:
        message = f"the year {digits!r} has two digits; {_STANDARD}: 年份应标全称 (the year in full)"
        raise InvalidComponent(code, message, NAME)
    if len(digits) != 4:
        raise InvalidComponent(code, f"the year {digits!r} is not four digits ({_STANDARD})", NAME)
    return int(digits)


def _serial(match: re.Match[str], code: str) -> int:
    digits = match["serial"]
    if digits == "0":
        raise InvalidComponent(code, "the serial number is 0; serial numbers start at 1", NAME)
    if digits.startswith("0"):
        message = f"the serial number {digits!r} is zero-padded; {_STANDARD}: 不编虚位（即1不编为01）"
        raise InvalidFormat(code, message, NAME)
    return int(digits)


def _damage(printed: str) -> str:
    for pattern, message in _DAMAGE:
        if pattern.fullmatch(printed):
            return message
    return "it is not of the form 机关代字〔YYYY〕N号, nor an order number 机关令第N号"
