"""The languages labels and messages are given in, and the one rule for any other.

Chinese (``zh``) is the language of the Regulation and the official labels;
English (``en``) gives every label and message an English name.
"""

from __future__ import annotations

from typing import Final, Literal, TypeGuard

__all__ = ["LANGUAGES", "Language", "check_language", "is_language"]

#: A language labels and messages are given in.
Language = Literal["zh", "en"]

#: Every :data:`Language`, the official one first.
LANGUAGES: Final[tuple[Language, ...]] = ("zh", "en")


def is_language(value: object) -> TypeGuard[Language]:
    """Whether *value* names a :data:`Language`."""
    return value in LANGUAGES


def check_language(value: object) -> Language:
    """*value* as a :data:`Language`.

    >>> check_language("en")
    'en'

    Raises:
        ValueError: for any other value, naming the languages there are.
    """
    if not is_language(value):
        raise ValueError(f"unknown language {value!r}; expected one of: {', '.join(LANGUAGES)}")
    return value
