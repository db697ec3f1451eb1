"""What the table reader looks for in each template, worked out once from the layouts and the label variants.

A :class:`TemplatePlan` holds, for one template, each printed row of its
tables in printed order (:class:`RowPlan`: the label's patterns, the cells'
pointers and kinds), the words that open each table, the words only this
template prints (to tell the template from the page), and one pattern for
every label of the template, to step over headers and row groups.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Final

import attrs

from ..model import REPORT_CLASSES, Agency, AnnualReport, AnnualReport2019, AnnualReport2021
from ..model.kinds import MODEL, FieldKind, kind_of
from ..regulation import LAYOUTS, NARRATIVE, VARIANTS, Heading, normalise_label
from ..regulation.layout import TableLayout
from ..regulation.requests import APPLICANTS
from ._labels import label_pattern, pattern_of

__all__ = ["PLANS", "RowPlan", "TablePlan", "TemplatePlan", "plan"]

#: A leading enumerator of a row label: 一、 (一) 1. — a label printed without it matches only approximately.
_ENUMERATOR: Final = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+\.)")


@attrs.frozen
class RowPlan:
    """One printed row: its label heading, the patterns finding it, and its cells' pointers and kinds.

    *forms* maps each normalised form the label may be printed in to how it
    matches (``official`` or ``variant``); *exact* finds any of them,
    *bare* the label without its numbering (an approximate match).
    """

    table: str
    heading: Heading | None
    #: The pointer of the row: the common parent of its cells (the table's, for table 四's one row).
    pointer: str
    pointers: tuple[str, ...]
    kinds: tuple[FieldKind, ...]
    forms: dict[str, str]
    exact: re.Pattern[str] | None
    bare: re.Pattern[str] | None

    @property
    def label(self) -> str:
        """The row's official label (empty for table 四's one row)."""
        return "" if self.heading is None else self.heading.zh


@attrs.frozen
class TablePlan:
    """One table: its layout, the words that open it, and its rows in printed order."""

    layout: TableLayout
    opening: re.Pattern[str]
    rows: tuple[RowPlan, ...]


@attrs.frozen
class TemplatePlan:
    """Everything the reader looks for under one template."""

    key: str
    cls: type[AnnualReport2019 | AnnualReport2021]
    tables: tuple[TablePlan, ...]
    noise: re.Pattern[str]
    own_words: tuple[tuple[str, re.Pattern[str]], ...]


def _forms(heading: Heading) -> dict[str, str]:
    forms = {normalise_label(heading.zh): "official"}
    for variant in VARIANTS.get(heading.zh, ()):
        forms.setdefault(normalise_label(variant), "variant")
    return forms


def _compile(forms: Iterator[str] | list[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(forms), key=len, reverse=True)
    return re.compile("|".join(label_pattern(form) for form in ordered)) if ordered else None


def _kinds(cls: type[AnnualReport2019 | AnnualReport2021], pointers: tuple[str, ...]) -> tuple[FieldKind, ...]:
    kinds = []
    for pointer in pointers:
        *parents, last = pointer.split("/")[1:]
        owner: type = cls
        for key in parents:
            owner = attrs.fields_dict(owner)[key].metadata[MODEL]
        kinds.append(kind_of(attrs.fields_dict(owner)[last]))
    return tuple(kinds)


def _labels(table: TableLayout) -> Iterator[str]:
    """Every label *table* prints: titles, corners, header cells, row labels at every level."""
    for block in table.blocks:
        if block.title is not None:
            yield block.title.text
        if block.corner is not None:
            yield block.corner.text
        for row in block.header:
            for cell in row:
                yield cell.text
        for printed in block.rows:
            for heading in printed.headings:
                yield heading.zh
                yield from VARIANTS.get(heading.zh, ())


def _sections() -> Iterator[str]:
    for heading in NARRATIVE.children:
        yield heading.zh
        yield from VARIANTS.get(heading.zh, ())


def _build(key: str) -> TemplatePlan:
    layout = LAYOUTS[key]
    cls = REPORT_CLASSES[key]
    if not issubclass(cls, (AnnualReport2019, AnnualReport2021)):  # pragma: no cover - LAYOUTS has tabled templates
        raise TypeError(f"template {key} has no tables")
    tables = []
    labels: list[str] = [APPLICANTS.zh, *(section.zh for section in _sections_of(key))]
    for table in layout.tables:
        rows = []
        for block in table.blocks:
            for printed in block.rows:
                heading = printed.headings[-1] if printed.headings else None
                forms = _forms(heading) if heading is not None else {}
                bare = [_ENUMERATOR.sub("", form) for form in forms]
                rows.append(
                    RowPlan(
                        table=table.key,
                        heading=heading,
                        pointer="/" + "/".join((table.key, *printed.keys)),
                        pointers=printed.pointers,
                        kinds=_kinds(cls, printed.pointers),
                        forms=forms,
                        exact=_compile(list(forms)),
                        bare=_compile([form for form in bare if form not in forms and len(form) > 1]),
                    )
                )
        first = table.blocks[0]
        if table.orientation == "columns":
            opening = [column.names[-1].zh for column in first.columns[:1]]
        else:
            opening = [cell.text for cell in (first.title, first.corner) if cell is not None]
            opening += [cell.text for cell in first.header[0]]
        tables.append(TablePlan(table, pattern_of(opening), tuple(rows)))
        labels.extend(_labels(table))
    return TemplatePlan(key, cls, tuple(tables), pattern_of([*labels, *_sections()]), _own_words(key))


def _sections_of(key: str) -> tuple[Heading, ...]:
    return tuple(NARRATIVE.children)


def _words(key: str) -> set[str]:
    words: set[str] = set()
    for table in LAYOUTS[key].tables:
        for block in table.blocks:
            for column in block.columns:
                words.update(normalise_label(heading.zh) for heading in column.names)
            for row in block.rows:
                words.update(normalise_label(heading.zh) for heading in row.headings)
    return words


@functools.cache
def _own_words(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The labels only *key*'s template prints (none a part of another template's label), with their patterns."""
    mine = _words(key)
    others = set().union(*(_words(other) for other in LAYOUTS if other != key))
    own = sorted(
        (
            word
            for word in mine - others
            if not any(word in other or other in word for other in others) and len(word) > 3
        ),
        key=lambda word: (len(word), word),
    )
    return tuple((word, re.compile(label_pattern(word))) for word in own)


@functools.cache
def plan(key: str) -> TemplatePlan:
    """The plan of the template *key* (``"2019"``, ``"2021"``), built when first asked for."""
    return _build(key)


#: The template keys the importers can read tables of.
PLANS: Final = tuple(LAYOUTS)


def blank_report(key: str, year: int, agency: str) -> AnnualReport:
    """A report of template *key* with every cell blank."""
    return REPORT_CLASSES[key](year=year, agency=Agency(name=agency))
