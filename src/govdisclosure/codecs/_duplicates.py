"""Keys a JSON object gives twice: found, located, and kept cheap on the fast path.

JSON parsers keep the last of two equal keys and say nothing, so a document
could carry a value nobody sees (and a reader that keeps the first would see
a different report).  Every codec that reads JSON text refuses it, at the
pointer of the repeated key.

orjson cannot report repeated keys, so the fast path only rules them out
(:func:`may_repeat_keys`): every key of the text is followed by a colon
outside any string, so when the text has exactly as many colons as a dump of
what was parsed (where colons are keys' or strings'), no key was dropped; a
text that *is* the compact dump (as most producers write JSON) needs no
counting.  Only when the counts differ (a repeated key, or a colon that the
text escapes) is the text read again by :func:`repeated_keys`.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..model._fields import pointer_token

_orjson: Any
try:  # pragma: no cover - depends on the environment
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None

__all__ = ["may_repeat_keys", "repeated_keys"]


def may_repeat_keys(text: str | bytes, data: Any) -> bool:
    """Whether the JSON *text*, parsed as *data*, may repeat a key in an object (False: it repeats none)."""
    if _orjson is not None:
        try:
            # Compact: the colons are those of any dump, and the text most often compared is compact too.
            dumped: bytes = _orjson.dumps(data)
        except TypeError:  # pragma: no cover - an integer beyond 64 bits: count keys instead
            pass
        else:
            if isinstance(text, bytes):
                if text == dumped:
                    return False  # the data's own compact form: nothing was dropped
                # A colon escaped in a string is not counted in the text (a backslash is rare: test for it first).
                escaped = b"\\" in text and b"\\u003" in text
                colons = text.count(b":")
            else:
                escaped = "\\" in text and "\\u003" in text
                colons = text.count(":")
            return escaped or colons != dumped.count(b":")
    colons = text.count(b":") if isinstance(text, bytes) else text.count(":")
    return colons != _key_count(data)  # pragma: no cover - without orjson; a colon in a string counts too


def _key_count(value: Any) -> int:
    """The number of keys in every object of *value*."""
    count = 0
    items = value.values() if type(value) is dict else value if type(value) is list else ()
    if type(value) is dict:
        count = len(value)
    for item in items:
        if type(item) in (dict, list):
            count += _key_count(item)
    return count


def repeated_keys(text: str | bytes) -> list[tuple[str, str]]:
    """The JSON Pointer and the key of every key an object of the JSON *text* repeats, in document order."""
    repeats: dict[int, list[str]] = {}

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            repeats[id(obj)] = [key for key, n in Counter(key for key, _ in pairs).items() if n > 1]
        return obj

    data = json.loads(text, object_pairs_hook=pairs_hook)  # every object stays alive, so ids stay unique
    return _locate(data, repeats) if repeats else []


def _locate(data: Any, repeats: dict[int, list[str]]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, value = stack.pop()
        if type(value) is dict:
            found.extend((f"{pointer}/{pointer_token(key)}", key) for key in repeats.get(id(value), ()))
            items = [(f"{pointer}/{pointer_token(key)}", item) for key, item in value.items()]
        elif type(value) is list:
            items = [(f"{pointer}/{index}", item) for index, item in enumerate(value)]
        else:
            continue
        stack.extend(reversed([item for item in items if type(item[1]) in (dict, list)]))
    return found
