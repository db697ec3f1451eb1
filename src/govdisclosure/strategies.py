"""Hypothesis strategies for the report models.

Every strategy is derived from the models' field kinds, so a new field or
template is covered without editing this module.  Draws shrink towards
small, readable reports: blank cells and small counts.

    >>> from hypothesis import given
    >>> from govdisclosure.strategies import reports
    >>> @given(reports(template="2021"))
    ... def test_round_trip(report): ...

Requires Hypothesis (``pip install govdisclosure[test]``).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from .model import REPORT_CLASSES, AnnualReport, SourceSpan
from .model._fields import CHOICES, KIND, MODEL
from .regulation import TEMPLATES

__all__ = ["agencies", "amounts", "counts", "models", "reports"]

_T = TypeVar("_T")


def counts() -> st.SearchStrategy[int | None]:
    """A count cell: blank, a small count, or now and then a very large one."""
    return st.one_of(st.none(), st.integers(0, 30), st.integers(min_value=0))


def deltas() -> st.SearchStrategy[int | None]:
    """A signed change (本年增/减): blank or any integer."""
    return st.one_of(st.none(), st.integers(-30, 30), st.integers())


def amounts() -> st.SearchStrategy[Decimal]:
    """An amount of money in 万元: a finite, non-negative decimal."""
    return st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False).filter(
        lambda amount: not amount.is_signed()
    )


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10))
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
        max_leaves=8,
    )


def _source_spans() -> st.SearchStrategy[SourceSpan]:
    bounds = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(sorted)
    return st.builds(
        lambda span, text: SourceSpan(start=span[0], end=span[1], text=text),
        bounds,
        st.text(min_size=1, max_size=20).filter(str.strip),
    )


def _for_field(field: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
    kind = field.metadata[KIND]
    required = field.default is attrs.NOTHING
    if kind == "count":
        return counts()
    if kind == "delta":
        return deltas()
    if kind == "money":
        return st.none() | amounts()
    if kind == "number":
        return st.integers(min_value=0) | amounts()
    if kind == "text":
        text = st.text(min_size=1, max_size=20)
        return text.filter(str.strip) if required else st.none() | text
    if kind == "keyword":
        keys = st.sampled_from(field.metadata[CHOICES].keys())
        return keys if required else st.none() | keys
    if kind == "date":
        return st.none() | st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))
    if kind == "year":
        return st.integers(1000, 9999)
    if kind == "json":
        return st.none() | st.dictionaries(st.text(max_size=8), _json_values(), max_size=3)
    if kind == "nested":
        return models(field.metadata[MODEL])
    if kind == "optional":
        return st.none() | models(field.metadata[MODEL])
    if kind == "sequence":
        return st.lists(models(field.metadata[MODEL]), max_size=4).map(tuple)
    raise TypeError(f"no strategy for field kind {kind!r} ({field.name})")  # pragma: no cover


def models(cls: type[_T], **fixed: st.SearchStrategy[Any]) -> st.SearchStrategy[_T]:
    """Instances of any model class, each field drawn by its kind; *fixed* overrides fields."""
    if cls is SourceSpan:
        return _source_spans()  # type: ignore[return-value]
    strategies = {field.name: _for_field(field) for field in attrs.fields(cls)}  # type: ignore[arg-type]
    strategies.update(fixed)
    return st.builds(cls, **strategies)


def agencies() -> st.SearchStrategy[Any]:
    """Reporting agencies, with or without the optional details."""
    from .model import Agency

    return models(Agency)


def reports(template: str | None = None) -> st.SearchStrategy[AnnualReport]:
    """Reports under *template* (``"2019"``, ``"2021"``, ``"legacy"``; any when None).

    Each report's year is one its template governs.  Cells are drawn
    independently: the reports are well-typed, not arithmetically consistent.
    """
    keys = [template] if template is not None else list(REPORT_CLASSES)
    return st.one_of(*(_reports_of(key) for key in keys))


def _reports_of(key: str) -> st.SearchStrategy[AnnualReport]:
    version = TEMPLATES[key]
    years = st.integers(version.first_year, version.last_year or version.first_year + 15)
    return models(REPORT_CLASSES[key], year=years)
