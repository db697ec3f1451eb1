"""Schemas of the interchange shape, shipped as package data.

:func:`json_schema` is the JSON Schema (draft 2020-12) that every document
the JSON codec reads or writes satisfies; :func:`generate_json_schema` builds
it from the models, and ``python -m govdisclosure.schemas._jsonschema``
rewrites the shipped ``annual-report.schema.json`` from it.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any, Final

__all__ = ["FILENAME", "generate_json_schema", "json_schema"]

#: The name of the shipped JSON Schema file in this package.
FILENAME: Final = "annual-report.schema.json"


def json_schema() -> dict[str, Any]:
    """The shipped JSON Schema of a report document; a fresh copy the caller may change."""
    return copy.deepcopy(_shipped_json_schema())


def generate_json_schema() -> dict[str, Any]:
    """The JSON Schema of a report document built from the models now, as a fresh dict."""
    # Imported here so that ``python -m govdisclosure.schemas._jsonschema``
    # does not find its own module already imported by this package.
    from ._jsonschema import generate_json_schema as generate

    return generate()


@functools.cache
def _shipped_json_schema() -> dict[str, Any]:
    """The shipped schema file, parsed once."""
    text = resources.files(__name__).joinpath(FILENAME).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
