"""Helpers the identifier modules share; not part of the public API."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from .exceptions import InvalidFormat, InvalidIdentifier

__all__ = ["compact_code", "passes", "text_of"]


def text_of(number: object, identifier: str) -> str:
    """*number* itself when it is a string.

    Raises:
        InvalidFormat: *number* is anything else (``None``, an ``int``, ``bytes``),
            naming the *identifier* expected.
    """
    if isinstance(number, str):
        return number
    raise InvalidFormat(number, f"it is {type(number).__name__}, not text", identifier)


def compact_code(number: str, identifier: str) -> str:
    """*number* without spaces or hyphens, in capitals; full-width characters become ASCII (NFKC).

    Raises:
        InvalidFormat: *number* is not a string (see :func:`text_of`).
    """
    number = text_of(number, identifier)
    if number.isascii() and number.isalnum():  # the common case, already compact
        return number.upper()
    text = unicodedata.normalize("NFKC", number).replace("-", "")
    return "".join(text.split()).upper()


def passes(validate: Callable[[str], object], number: object) -> bool:
    """Whether *validate* accepts *number*; any :class:`InvalidIdentifier` means no, and so does a non-string."""
    if not isinstance(number, str):
        return False
    try:
        validate(number)
    except InvalidIdentifier:
        return False
    return True
