"""Plain JSON data inside a report (its extensions): what the codecs can carry."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Final

__all__ = [
    "MAX_TEXT_LENGTH",
    "UNWRITABLE_TEXT",
    "extensions_problem",
    "json_problem",
    "json_text",
    "length_problem",
    "pointer_token",
    "unwritable_character",
]

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Characters no report text may hold: lone surrogates (not UTF-8) and the
#: characters XML 1.0 cannot carry, even escaped.  A report's text must be
#: writable in every format it can be exchanged in.
UNWRITABLE_TEXT: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


#: The most characters one text of a report may hold: a field (an agency's
#: name, a narrative section, a figure's source text) or one extension's data
#: written as compact JSON (:func:`json_text`).  Every codec carries it: XML
#: under libxml2's limit on a text node (10,000,000 bytes, refused unless
#: ``huge_tree``) even at six bytes a character (an escaped U+FFFE in an
#: extension), CSV because its reader lifts the csv module's field limit.
#: A million characters is some five hundred printed pages of Chinese.
MAX_TEXT_LENGTH: Final = 1_000_000


def length_problem(text: str, limit: int = MAX_TEXT_LENGTH, noun: str = "text") -> str | None:
    """Why *text* is longer than a *noun* may be (*limit* characters, :data:`MAX_TEXT_LENGTH` for a text), or None."""
    if len(text) <= limit:
        return None
    return f"{len(text)} characters long; a {noun} holds at most {limit}"


def unwritable_character(text: str) -> str | None:
    """A description of the first character of *text* no document can carry, or None."""
    found = UNWRITABLE_TEXT.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def json_text(value: object) -> str | None:
    """*value* (plain JSON data) as compact JSON text, keys in their order; None for None.

    A report's extensions are compared by it, so that two equal reports always
    dump to the same text (Python's ``1 == True`` would not see the difference).
    """
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def pointer_token(key: str) -> str:
    """*key* as a JSON Pointer reference token (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")


def json_problem(value: object, pointer: str) -> str | None:
    """Why *value* is not plain JSON data the codecs can carry (None when it is).

    Floats are refused (amounts are decimal strings in this shape), and so are
    strings with lone surrogates, which no UTF-8 document can hold.
    """
    if value is None or type(value) in (int, bool):
        return None
    if type(value) is str:
        return f"{pointer or '/'}: lone surrogate in a string" if _SURROGATE.search(value) else None
    if type(value) is float:
        return f"{pointer or '/'}: floats are not allowed; use a decimal string"
    if isinstance(value, Mapping):
        for key, item in value.items():
            if type(key) is not str or _SURROGATE.search(key):
                return f"{pointer or '/'}: keys must be strings, got {key!r}"
            problem = json_problem(item, f"{pointer}/{pointer_token(key)}")
            if problem:
                return problem
        return None
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            problem = json_problem(item, f"{pointer}/{index}")
            if problem:
                return problem
        return None
    return f"{pointer or '/'}: {type(value).__name__} is not JSON data"


def extensions_problem(value: Mapping[str, object]) -> str | None:
    """Why *value* cannot be a report's extensions (None when it can).

    Its data must be plain JSON (see :func:`json_problem`), each name,
    written as an XML attribute, must hold only characters a document can
    carry, and each name and each extension's JSON text (:func:`json_text`)
    may be at most :data:`MAX_TEXT_LENGTH` characters long.
    """
    for key in value:
        if type(key) is str:
            character = unwritable_character(key)
            if character is not None:
                return f"/{pointer_token(key)}: the name holds {character}, a character no XML document can carry"
            if len(key) > MAX_TEXT_LENGTH:
                return f"/{pointer_token(key)}: the name is {length_problem(key)}"
    problem = json_problem(value, "")
    if problem is not None:
        return problem
    for key, item in value.items():
        try:
            text = json_text(item)
        except ValueError:  # an integer with more digits than Python writes out
            return f"/{pointer_token(key)}: holds an integer with too many digits to be written"
        if text is not None and len(text) > MAX_TEXT_LENGTH:
            return f"/{pointer_token(key)}: its JSON text is {length_problem(text)}"
    return None
