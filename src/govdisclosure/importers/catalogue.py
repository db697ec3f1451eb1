"""Making the import findings: the ``GD-IMPORT-*`` rules (:mod:`govdisclosure.rules.imports`) at a cell or row.

:func:`finding` names the cell, the row or the table a finding is about
from the vocabulary, as the report rules do.
"""

from __future__ import annotations

import functools
from typing import Any

from .._findings import Finding, Text
from ..model import AnnualReport
from ..regulation import LAYOUTS, Language
from ..rules.context import label_of
from ..rules.imports import IMPORT_RULES
from ..rules.registry import RULES

__all__ = ["IMPORT_RULES", "finding"]


def finding(
    code: str,
    cls: type[AnnualReport],
    pointer: str,
    lang: Language,
    *,
    actual: object = None,
    label: Text | None = None,
    **values: object,
) -> Finding:
    """A finding of the import rule *code* at *pointer* of a *cls* report, the cell named from the vocabulary."""
    if label is None:
        label = _row_labels(cls.template.key).get(pointer)
    if label is None:
        path = tuple(pointer.split("/")[1:]) if pointer else ()
        try:
            label = label_of(cls, path)
        except KeyError:
            label = Text.same(pointer)
    named: dict[str, Any] = dict(values)
    return RULES[code].finding(pointer, lang=lang, label=label, actual=actual, **named)


@functools.cache
def _row_labels(key: str) -> dict[str, Text]:
    """The name of each printed row and table of a template, by the pointer of the row or table."""
    labels: dict[str, Text] = {}
    if key not in LAYOUTS:
        return labels
    for table in LAYOUTS[key].tables:
        labels["/" + table.key] = Text(zh=table.heading.zh, en=table.heading.en)
        for block in table.blocks:
            for row in block.rows:
                if row.keys:
                    pointer = "/" + "/".join((table.key, *row.keys))
                    zh = " · ".join(heading.zh for heading in row.headings)
                    en = " · ".join(heading.en for heading in row.headings)
                    labels[pointer] = Text(zh=zh, en=en)
    return labels
