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
from typing import Any, Final, TypeVar

import attrs
from hypothesis import strategies as st

from .model import REPORT_CLASSES, Agency, AnnualReport, RequestRow, ReviewLitigation, ReviewOutcomes, SourceSpan
from .model._fields import CHOICES, KIND, MODEL
from .regulation import AGENCY_KINDS, APPLICANTS, TEMPLATES
from .rules.relations import IMPLAUSIBLE_WAN

__all__ = ["agencies", "amounts", "counts", "deltas", "models", "reports", "uscc_codes"]

_T = TypeVar("_T")


#: Characters report text may hold (see ``model._fields.UNWRITABLE_TEXT``).
_TEXT_CHARACTERS: Final = st.characters(
    exclude_categories=("Cs", "Cc"), include_characters="\t\n\r\x7f", exclude_characters="\ufffe\uffff"
)


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
        st.text(_TEXT_CHARACTERS, min_size=1, max_size=20).filter(str.strip),
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
        text = st.text(_TEXT_CHARACTERS, min_size=1, max_size=20)
        return text.filter(str.strip) if required else st.none() | text
    if kind == "keyword":
        keys = st.sampled_from(field.metadata[CHOICES].keys())
        return keys if required else st.none() | keys
    if kind == "date":
        return st.none() | st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))
    if kind == "year":
        return st.integers(1000, 9999)
    if kind == "json":
        return st.none() | st.dictionaries(st.text(_TEXT_CHARACTERS, max_size=8), _json_values(), max_size=3)
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


def uscc_codes() -> st.SearchStrategy[str]:
    """Valid 统一社会信用代码 of government organs (登记管理部门 1, 机构类别 1), both check characters right."""
    from .identifiers import org_code, uscc

    def build(region: str, organisation: str) -> str:
        body = "11" + region + organisation + org_code.calc_check_digit(organisation)
        return body + uscc.calc_check_digit(body)

    digits = st.text("0123456789", min_size=6, max_size=6)
    organisation = st.text("0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=8, max_size=8)
    return st.builds(build, digits.filter(lambda code: code != "000000"), organisation)


def agencies(*, consistent: bool = False) -> st.SearchStrategy[Agency]:
    """Reporting agencies; *consistent* ones have a known kind and a valid code or none."""
    if not consistent:
        return models(Agency)
    return models(
        Agency,
        uscc=st.none() | uscc_codes(),
        kind=st.sampled_from(AGENCY_KINDS.keys()),
    )


def reports(template: str | None = None, *, consistent: bool = True) -> st.SearchStrategy[AnnualReport]:
    """Reports under *template* (``"2019"``, ``"2021"``, ``"legacy"``; any when None).

    A *consistent* report breaks no rule: every sum and balance holds (with
    blank cells counted as 0, as the lenient policy reads them), its year
    fits its template, its agency's code is valid, and it was published on
    time or not dated.  Otherwise every cell is drawn independently: the
    report is well-typed, nothing more, which is what codec tests want.
    """
    keys = [template] if template is not None else list(REPORT_CLASSES)
    return st.one_of(*(_reports_of(key, consistent) for key in keys))


def _reports_of(key: str, consistent: bool) -> st.SearchStrategy[AnnualReport]:
    version = TEMPLATES[key]
    years = st.integers(version.first_year, version.last_year or version.first_year + 15)
    if not consistent:
        return models(REPORT_CLASSES[key], year=years)
    return years.flatmap(lambda year: _consistent_report(key, year))


def _consistent_report(key: str, year: int) -> st.SearchStrategy[AnnualReport]:
    cls = REPORT_CLASSES[key]
    tables: dict[str, st.SearchStrategy[Any]] = {}
    template = cls.template
    if template.requests is not None:
        tables["requests"] = _request_table(attrs.fields_dict(cls)["requests"].metadata[MODEL])
    if template.review_litigation is not None:
        tables["review_litigation"] = _review_litigation()
    if template.proactive is not None:
        tables["proactive"] = _proactive(attrs.fields_dict(cls)["proactive"].metadata[MODEL])
    return st.builds(
        cls,
        year=st.just(year),
        agency=agencies(consistent=True),
        published=st.none() | st.dates(datetime.date(year + 1, 1, 1), datetime.date(year + 1, 1, 31)),
        **tables,
    )


def _blank_zero(value: int) -> st.SearchStrategy[int | None]:
    """A zero may be written or left blank; any other value is written."""
    return st.sampled_from([0, None]) if value == 0 else st.just(value)


def _cells(model: type[_T], values: dict[str, int]) -> st.SearchStrategy[_T]:
    """A *model* whose cells hold *values*, each zero drawn as 0 or blank."""
    return st.builds(model, **{name: _blank_zero(value) for name, value in values.items()})


def _review_litigation() -> st.SearchStrategy[ReviewLitigation]:
    def group(results: list[int]) -> st.SearchStrategy[ReviewOutcomes]:
        names = [field.name for field in attrs.fields(ReviewOutcomes) if field.name != "total"]
        return _cells(ReviewOutcomes, {**dict(zip(names, results, strict=True)), "total": sum(results)})

    groups = st.lists(st.integers(0, 9), min_size=4, max_size=4).flatmap(group)
    return st.builds(ReviewLitigation, **{field.name: groups for field in attrs.fields(ReviewLitigation)})


def _request_table(table: type[Any]) -> st.SearchStrategy[Any]:
    """Table 三 with every row, column and balance holding."""
    outcomes_cls = attrs.fields_dict(table)["outcomes"].metadata[MODEL]
    leaves = [path for path, _ in outcomes_cls().leaves()]
    applicants = [key for key in APPLICANTS if key != "total"]

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        leaf_values = {path: [draw(st.integers(0, 4)) for _ in applicants] for path in leaves}
        forward = [draw(st.integers(0, 3)) for _ in applicants]
        handled = [sum(values[i] for values in leaf_values.values()) for i in range(len(applicants))]
        over = [draw(st.integers(0, handled[i] + forward[i])) for i in range(len(applicants))]
        received = [handled[i] + forward[i] - over[i] for i in range(len(applicants))]

        def row(values: list[int]) -> RequestRow:
            cells = {**dict(zip(applicants, values, strict=True)), "total": sum(values)}
            return draw(_cells(RequestRow, cells))

        groups: dict[str, Any] = {}
        for path in leaves:
            groups.setdefault(path[0], {})[path[1:]] = row(leaf_values[path])
        outcomes: dict[str, Any] = {}
        for name, rows in groups.items():
            if () in rows:
                outcomes[name] = rows[()]
            else:
                group_cls = attrs.fields_dict(outcomes_cls)[name].metadata[MODEL]
                outcomes[name] = group_cls(**{sub[0]: value for sub, value in rows.items()})
        outcomes["total"] = row(handled)
        return table(
            received=row(received),
            carried_over=row(over),
            outcomes=outcomes_cls(**outcomes),
            carried_forward=row(forward),
        )

    return build()


def _proactive(proactive: type[Any]) -> st.SearchStrategy[Any]:
    """Table 二 with no sign, plausibility or unit problem."""
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(proactive):
        row = field.metadata[MODEL]
        names = {cell.name for cell in attrs.fields(row)}
        parts[field.name] = _proactive_row(row, names)
    return st.builds(proactive, **parts)


def _proactive_row(row: type[Any], names: set[str]) -> st.SearchStrategy[Any]:
    small = st.integers(0, 20)
    if "change" in names:
        def items(previous: int) -> st.SearchStrategy[Any]:
            cells = {"previous_year": _blank_zero(previous), "change": st.integers(-previous, 5)}
            if "decisions" in names:
                cells["decisions"] = counts()
            return st.builds(row, **cells)

        return small.flatmap(items)
    if "new_published" in names:
        return st.tuples(small, small).flatmap(
            lambda pair: _cells(row, {"new_made": pair[0], "new_published": min(pair), "total_published": max(pair)})
        )
    if "issued" in names:
        return st.tuples(small, small, small).flatmap(
            lambda t: _cells(row, {"issued": t[0], "repealed": t[1], "in_force": t[0] + t[2]})
        )
    money = st.none() | amounts().filter(lambda amount: amount <= IMPLAUSIBLE_WAN)
    cells = {name: money if attrs.fields_dict(row)[name].metadata[KIND] == "money" else counts() for name in names}
    return st.builds(row, **cells)
