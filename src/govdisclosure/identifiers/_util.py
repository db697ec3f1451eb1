"""Helpers the identifier modules share; not part of the public API."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from .exceptions import InvalidIdentifier

__all__ = ["compact_code", "passes"]


def compact_code(number: str) -> str:
    """*number* without spaces or hyphens, in capitals; full-width characters become ASCII (NFKC)."""
    if number.isascii() and number.isalnum():  # the common case, already compact
        return number.upper()
    text = unicodedata.normalize("NFKC", number).replace("-", "")
    return "".join(text.split()).upper()


def passes(validate: Callable[[str], object], number: str) -> bool:
    """Whether *validate* accepts *number*; any :class:`InvalidIdentifier` means no."""
    try:
        validate(number)
    except InvalidIdentifier:
        return False
    return True
