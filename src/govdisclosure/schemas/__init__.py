"""Schemas of the interchange shape, shipped as package data.

:func:`json_schema` is the JSON Schema (draft 2020-12) that every document
the JSON codec reads or writes satisfies; :func:`generate_json_schema` builds
it from the models, and ``python -m govdisclosure.schemas._jsonschema``
rewrites the shipped ``annual-report.schema.json`` from it.

:func:`xml_schema` is the XML Schema (XSD 1.0) of the standard XML: strict
for one template, or for any template checking the shape only;
:func:`generate_xml_schema` builds it from the models, and
``python -m govdisclosure.schemas._xsd`` rewrites the four shipped ``.xsd``
files (:data:`XSD_FILENAMES`) from it.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any, Final

from govdisclosure.model import REPORT_CLASSES

__all__ = [
    "FILENAME",
    "XSD_FILENAMES",
    "generate_json_schema",
    "generate_xml_schema",
    "json_schema",
    "xml_schema",
    "xsd_filename",
]

#: The name of the shipped JSON Schema file in this package.
FILENAME: Final = "annual-report.schema.json"

#: The names of the shipped XML Schema files: each template's strict schema
#: under its key, and under ``None`` the schema of a document of any template.
XSD_FILENAMES: Final[dict[str | None, str]] = {
    None: "annual-report.xsd",
    **{key: f"annual-report-{key}.xsd" for key in REPORT_CLASSES},
}


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


def xml_schema(template: str | None = None) -> str:
    """The shipped XML Schema of a report document under *template*, as text.

    With a template key (``"2019"``, ``"2021"``, ``"legacy"``) the schema is
    strict: only that template's elements, and ``template`` must name it.
    Without one it accepts a document of any template but checks its shape
    only (every table accepts the cells of every template); validate against
    the template's own schema for the strict check.

    Raises:
        ValueError: for a template that is not a key of
            :data:`~govdisclosure.model.REPORT_CLASSES`.
    """
    return _shipped_text(xsd_filename(template))


def generate_xml_schema(template: str | None = None) -> str:
    """The XML Schema of :func:`xml_schema` built from the models now.

    Raises:
        ValueError: for a template that is not a key of
            :data:`~govdisclosure.model.REPORT_CLASSES`.
    """
    # Imported here for the reason generate_json_schema gives.
    from ._xsd import generate_xml_schema as generate

    return generate(template)


def xsd_filename(template: str | None = None) -> str:
    """The name of the shipped XML Schema file for *template* (``None``: any template).

    Raises:
        ValueError: for a template that is not a key of
            :data:`~govdisclosure.model.REPORT_CLASSES`.
    """
    try:
        return XSD_FILENAMES[template]
    except KeyError:
        keys = ", ".join(key for key in XSD_FILENAMES if key is not None)
        raise ValueError(f"unknown template {template!r}: expected one of {keys}, or None for any") from None


@functools.cache
def _shipped_text(filename: str) -> str:
    """The shipped schema file *filename*, read once."""
    return resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
