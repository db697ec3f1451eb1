"""The size of a document given as text, counted as the bytes it takes in UTF-8.

A size limit is a number of bytes whether a document arrives as bytes or as
text: a text of Chinese characters takes about three bytes a character, so
counting characters would let it past the limit threefold.  The count is
cheap: a text longer in characters than the limit is over it in bytes too,
one in ASCII takes a byte a character, one of at most a quarter of the limit
in characters is under it; only the rest is encoded, a piece at a time, so no
copy of the whole text is made.
"""

from __future__ import annotations

from typing import Final

__all__ = ["utf8_excess"]

_PIECE: Final = 1 << 20  # characters encoded at a time


def utf8_excess(text: str, max_size: int) -> str | None:
    """How *text* exceeds *max_size* bytes in UTF-8, for a message ("document of …"), or None if it does not."""
    length = len(text)
    if length > max_size:
        return f"{length} characters (as many bytes at least)"
    if text.isascii() or 4 * length <= max_size:
        return None
    size = 0
    for start in range(0, length, _PIECE):
        size += len(text[start : start + _PIECE].encode("utf-8", "surrogatepass"))
    return f"{size} bytes in UTF-8" if size > max_size else None
