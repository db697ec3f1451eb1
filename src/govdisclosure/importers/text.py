"""Text as copied from a page, a search result or a PDF, as a :class:`Document`.

Pipe tables, tab- or space-separated rows, one cell a line and a report
flattened onto one line are all read from the text as it is: the table
reader finds each label wherever it is and reads what follows it.  A copy
header (``标题:``, ``发布时间:``) gives the title and the page's date.
"""

from __future__ import annotations

import re
from typing import Final

from .._errors import ParseError, Problem
from ..codecs.stream import sniff_csv
from ._document import Document, Meta

__all__ = ["read_text", "sniff_text"]

_HEADER: Final = re.compile(r"^[-\s]*(标题|发布时间|发布日期)\s*[:：]\s*(.+?)\s*$", re.M)
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: str | bytes) -> str:
    """*data* as text: UTF-8 (with or without a byte-order mark), else GB 18030, as Chinese pages are.

    Raises:
        ParseError: for bytes that are neither, or text holding control characters (binary data).
    """
    if isinstance(data, bytes):
        data = _decoded(data)
    control = _CONTROL.search(data[:65536])
    if control is not None:
        line = data.count("\n", 0, control.start()) + 1
        raise ParseError(
            [
                Problem(
                    pointer="",
                    line=line,
                    column=control.start() - data.rfind("\n", 0, control.start()),
                    message=f"the input holds the control character {control.group()!r}: binary data, not text",
                )
            ]
        )
    return data


def _decoded(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError([Problem(pointer="", message="the input is neither UTF-8 nor GB 18030 text")])


def sniff_text(head: bytes) -> bool:
    """Whether a document beginning with *head* reads as a report's text (it names a report or a table)."""
    text = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    if text[:1] in ("{", "[", "<") or sniff_csv(head):  # a JSON, XML or HTML document, or the library's CSV
        return False
    return any(word in text for word in ("年度报告", "政府信息公开", "信息内容", "申请人情况", "第二十条"))


def read_text(data: str | bytes) -> Document:
    """The :class:`Document` of a text copy.

    Raises:
        ParseError: for binary data.
    """
    text = decode(data)
    fields = dict(_HEADER.findall(text[:3000]))
    meta = Meta(title=fields.get("标题"), date=fields.get("发布时间") or fields.get("发布日期"))
    return Document(text=text, kind="text", meta=meta)
