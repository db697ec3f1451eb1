"""Hypothesis strategies for the report models.

Every strategy is derived from the models' field kinds, so a new field or
template is covered without editing this module: each built-in
:class:`~govdisclosure.model.kinds.FieldKind` has its strategy in one table
here, and any other kind brings its own (``FieldKind.strategy``).  Draws shrink towards
small, readable reports: blank cells and small counts.

    >>> from hypothesis import given
    >>> from govdisclosure.strategies import reports
    >>> @given(reports(template="2021"))
    ... def test_round_trip(report): ...

Requires Hypothesis (``pip install govdisclosure[test]``).
"""

from __future__ import annotations

import datetime
import functools
import zlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
from hypothesis import strategies as st

from .model import (
    REPORT_CLASSES,
    Agency,
    AnnualReport,
    Figure,
    RequestRow,
    ReviewLitigation,
    ReviewOutcomes,
    SourceSpan,
    kinds,
)
from .model._fields import CHOICES, MODEL
from .model.kinds import FieldKind, is_required, kind_of
from .regulation import (
    AGENCY_KINDS,
    APPLICANTS,
    LEGACY_BREAKDOWNS,
    LEGACY_MEASURES,
    MONEY_UNITS,
    OTHER_MEASURE,
    TEMPLATES,
    template_for_year,
)
from .rules.relations import IMPLAUSIBLE_WAN, Compare, relations_for

__all__ = [
    "Breakage",
    "agencies",
    "amounts",
    "counts",
    "deltas",
    "inconsistent_reports",
    "legacy_figures",
    "models",
    "reports",
    "request_tables",
    "review_tables",
    "uscc_codes",
]

_T = TypeVar("_T")


#: Characters report text may hold (see ``model._fields.UNWRITABLE_TEXT``).
_TEXT_CHARACTERS: Final = st.characters(
    exclude_categories=("Cs", "Cc"), include_characters="\t\n\r\x7f", exclude_characters="\ufffe\uffff"
)


def counts() -> st.SearchStrategy[int | None]:
    """A count cell: blank, a small count, or now and then a very large one."""
    return st.one_of(st.none(), st.integers(0, 30), st.integers(0, kinds.MAX_COUNT))


def deltas() -> st.SearchStrategy[int | None]:
    """A signed change (本年增/减): blank or any integer."""
    return st.one_of(st.none(), st.integers(-30, 30), st.integers(-kinds.MAX_COUNT, kinds.MAX_COUNT))


def amounts() -> st.SearchStrategy[Decimal]:
    """An amount of money in 万元: a finite, non-negative decimal."""
    return st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False).filter(
        lambda amount: not amount.is_signed() and kinds.digits_problem(amount) is None
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


def _text(field: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
    text = st.text(_TEXT_CHARACTERS, min_size=1, max_size=20)
    return text.filter(str.strip) if is_required(field) else st.none() | text


def _keyword(field: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(field.metadata[CHOICES].keys())
    return keys if is_required(field) else st.none() | keys


def _year(field: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
    return st.integers(kinds.YEAR.minimum, kinds.YEAR.maximum)


_FieldStrategy = Callable[["attrs.Attribute[Any]"], "st.SearchStrategy[Any]"]

#: The strategy of each built-in kind, for a field of that kind.
_STRATEGIES: Final[dict[FieldKind, _FieldStrategy]] = {
    kinds.COUNT: lambda field: counts(),
    kinds.DELTA: lambda field: deltas(),
    kinds.MONEY: lambda field: st.none() | amounts(),
    kinds.NUMBER: lambda field: st.integers(0, kinds.MAX_COUNT) | amounts(),
    kinds.OFFSET: lambda field: st.integers(0, kinds.MAX_COUNT),
    kinds.TEXT: _text,
    kinds.NAME: _text,
    kinds.KEYWORD: _keyword,
    kinds.DATE: lambda field: st.none() | st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)),
    kinds.YEAR: _year,
    kinds.JSON: lambda field: (
        st.none() | st.dictionaries(st.text(_TEXT_CHARACTERS, max_size=8), _json_values(), max_size=3)
    ),
    kinds.NESTED: lambda field: models(field.metadata[MODEL]),
    kinds.OPTIONAL: lambda field: st.none() | models(field.metadata[MODEL]),
    kinds.SEQUENCE: lambda field: st.lists(models(field.metadata[MODEL]), max_size=4).map(tuple),
}


def _for_field(field: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
    kind = kind_of(field)
    strategy = _STRATEGIES.get(kind, kind.strategy)
    if strategy is None:
        raise TypeError(f"no strategy for field kind {kind.name!r} ({field.name})")
    drawn: st.SearchStrategy[Any] = strategy(field)
    return drawn


def models(cls: type[_T], **fixed: st.SearchStrategy[Any]) -> st.SearchStrategy[_T]:
    """Instances of any model class, each field drawn by its kind; *fixed* overrides fields."""
    if cls is SourceSpan:
        return _source_spans()  # type: ignore[return-value]
    strategies = {field.name: _for_field(field) for field in attrs.fields(cls)}  # type: ignore[arg-type]
    strategies.update(fixed)
    if cls is Figure and "label" not in fixed:
        return _figures(strategies)  # type: ignore[return-value]
    return st.builds(cls, **strategies)


def _figures(strategies: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Figure]:
    """Figures drawn field by field, a label always given where the measure is ``other``."""
    label = strategies.pop("label")
    given = st.text(_TEXT_CHARACTERS, min_size=1, max_size=20).filter(str.strip)

    def build(measure: str) -> st.SearchStrategy[Figure]:
        return st.builds(
            Figure, measure=st.just(measure), label=given if measure == OTHER_MEASURE else label, **strategies
        )

    measure = strategies.pop("measure")
    return measure.flatmap(build)


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


_CONSISTENT_AGENCIES: Final = agencies(consistent=True)


def reports(
    template: str | None = None, *, year: int | None = None, consistent: bool = True
) -> st.SearchStrategy[AnnualReport]:
    """Reports under *template* (``"2019"``, ``"2021"``, ``"legacy"``; any when None).

    *year* fixes the report year (it must be one the template governs when
    *consistent*); otherwise the year is drawn from those the template governs.

    A *consistent* report breaks no rule: every sum and balance holds (with
    blank cells counted as 0, as the lenient policy reads them), its year
    fits its template, its agency's code is valid, and it was published on
    time or not dated.  Otherwise every cell is drawn independently: the
    report is well-typed, nothing more, which is what codec tests want.

    Raises:
        ValueError: for an unknown template, or a *year* no template fits.
    """
    if template is not None and template not in REPORT_CLASSES:
        raise ValueError(f"unknown template {template!r}; expected one of {', '.join(REPORT_CLASSES)}")
    if template is None and year is not None:
        template = template_for_year(year).key
    keys = [template] if template is not None else list(REPORT_CLASSES)
    return st.one_of(*(_reports_of(key, year, consistent) for key in keys))


def _reports_of(key: str, year: int | None, consistent: bool) -> st.SearchStrategy[AnnualReport]:
    version = TEMPLATES[key]
    if year is not None and consistent and not version.covers(year):
        raise ValueError(f"a consistent {key!r} report cannot be for {year}: use the template {year} requires")
    years = (
        st.just(year)
        if year is not None
        else st.integers(version.first_year, version.last_year or version.first_year + 15)
    )
    if not consistent:
        return models(REPORT_CLASSES[key], year=years)
    return years.flatmap(lambda drawn: _consistent_report(key, drawn))


@attrs.frozen
class Breakage:
    """A report broken in one documented way, and what a validator must say about it.

    *report* is a consistent report with the cell at *pointer* changed from
    *before* to *after*; *expected* holds ``(code, path)`` for every
    error-level finding the change must produce, and nothing else may be
    reported at warning or error level.
    """

    report: AnnualReport
    pointer: str
    before: int | None
    after: int
    expected: frozenset[tuple[str, str]]


def inconsistent_reports(template: str | None = None) -> st.SearchStrategy[Breakage]:
    """Consistent 2019 or 2021 reports with one summed cell of table 三 or 四 changed.

    The change adds 1 to 5 to a cell (a blank counts as 0) that a sum or
    balance reads, so each relation reading that cell, and only those, fails.
    """
    keys = [template] if template is not None else ["2019", "2021"]
    if not set(keys) <= {"2019", "2021"}:
        raise ValueError("inconsistent reports need a template with tables: '2019' or '2021'")
    return st.one_of(*(_breakages(key) for key in keys))


def _breakages(key: str) -> st.SearchStrategy[Breakage]:
    relations = [r for r in relations_for(TEMPLATES[key]) if not isinstance(r, Compare)]
    cells = sorted({cell for relation in relations for cell in relation.cells()})

    @st.composite
    def build(draw: st.DrawFn) -> Breakage:
        report = draw(reports(key))
        cell = draw(st.sampled_from(cells))
        before = _value_at(report, cell)
        after = (before or 0) + draw(st.integers(1, 5))
        expected = frozenset((r.code, "/" + "/".join(r.at)) for r in relations if cell in r.cells())
        return Breakage(_replaced(report, cell, after), "/" + "/".join(cell), before, after, expected)

    return build()


def _value_at(part: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        part = getattr(part, key)
    return part


def _replaced(part: Any, path: tuple[str, ...], value: object) -> Any:
    if len(path) == 1:
        return attrs.evolve(part, **{path[0]: value})
    return attrs.evolve(part, **{path[0]: _replaced(getattr(part, path[0]), path[1:], value)})


def request_tables(template: str = "2021") -> st.SearchStrategy[Any]:
    """Table 三 of *template* with every row, column and the 勾稽 balance holding."""
    table = attrs.fields_dict(REPORT_CLASSES[template])["requests"].metadata[MODEL]
    return st.composite(lambda draw: _draw_request_table(draw, table, draw(_BLANK_STYLES)))()


def review_tables() -> st.SearchStrategy[ReviewLitigation]:
    """Table 四 with each group's four results adding up to its 总计."""
    return st.composite(lambda draw: _draw_review(draw, draw(_BLANK_STYLES)))()


def _consistent_report(key: str, year: int) -> st.SearchStrategy[AnnualReport]:
    cls = REPORT_CLASSES[key]
    template = cls.template
    fields = attrs.fields_dict(cls)
    published = st.none() | st.dates(datetime.date(year + 1, 1, 1), datetime.date(year + 1, 1, 31))

    @st.composite
    def build(draw: st.DrawFn) -> AnnualReport:
        blanks = draw(_BLANK_STYLES)
        tables: dict[str, Any] = {}
        if template.requests is not None:
            tables["requests"] = _draw_request_table(draw, fields["requests"].metadata[MODEL], blanks)
        if template.review_litigation is not None:
            tables["review_litigation"] = _draw_review(draw, blanks)
        if template.proactive is not None:
            tables["proactive"] = _draw_proactive(draw, fields["proactive"].metadata[MODEL], blanks)
        published_on = draw(published)
        if "figures" in fields:
            tables["figures"] = draw(legacy_figures())
            last = published_on or datetime.date(year + 1, 1, 31)
            tables["written"] = draw(
                st.none() | st.dates(datetime.date(year + 1, 1, 1), last)
            )  # signed, then published
        report: AnnualReport = cls(year=year, agency=draw(_CONSISTENT_AGENCIES), published=published_on, **tables)
        return report

    return build()


@attrs.frozen
class _Blanks:
    """How one report writes its zeros: all written, all blank, or a fixed mix chosen by *seed*."""

    style: str
    seed: int = 0

    def cell(self, value: int, *place: str) -> int | None:
        """*value* as the report writes it: a zero may be left blank, anything else is written."""
        if value != 0 or self.style == "written":
            return value
        if self.style == "blank":
            return None
        return None if zlib.crc32("/".join((str(self.seed), *place)).encode()) & 1 else 0


def _blank_styles() -> st.SearchStrategy[_Blanks]:
    """One blank style per report, drawn once (cheap to draw, and shrinks to writing every zero)."""
    return _BLANK_STYLES


_BLANK_STYLES: Final = st.one_of(
    st.sampled_from([_Blanks("written"), _Blanks("blank")]),
    st.builds(_Blanks, st.just("mixed"), st.integers(0, 2**16)),
)


def _cells(model: type[_T], values: dict[str, int], blanks: _Blanks, *place: str) -> _T:
    """A *model* whose cells hold *values*, zeros written or left blank as *blanks* says."""
    return model(**{name: blanks.cell(value, *place, name) for name, value in values.items()})


_REVIEW_RESULTS: Final = [field.name for field in attrs.fields(ReviewOutcomes) if field.name != "total"]
_REVIEW_GROUPS: Final = [field.name for field in attrs.fields(ReviewLitigation)]
_REVIEW_VALUES: Final = st.lists(
    st.lists(st.integers(0, 9), min_size=len(_REVIEW_RESULTS), max_size=len(_REVIEW_RESULTS)),
    min_size=len(_REVIEW_GROUPS),
    max_size=len(_REVIEW_GROUPS),
)


def _draw_review(draw: st.DrawFn, blanks: _Blanks) -> ReviewLitigation:
    """Table 四 with each group's results adding up to its 总计."""
    groups = {}
    for group, values in zip(_REVIEW_GROUPS, draw(_REVIEW_VALUES), strict=True):
        cells = {**dict(zip(_REVIEW_RESULTS, values, strict=True)), "total": sum(values)}
        groups[group] = _cells(ReviewOutcomes, cells, blanks, group)
    return ReviewLitigation(**groups)


_APPLICANTS: Final = [key for key in APPLICANTS if key != "total"]
_COLUMNS: Final = range(len(_APPLICANTS))
_FORWARD: Final = st.lists(st.tuples(st.sampled_from(_COLUMNS), st.integers(1, 3)), max_size=2)
_OVER_SHARE: Final = st.integers(0, 9)


@functools.cache
def _entries(leaf_count: int) -> st.SearchStrategy[list[tuple[int, int, int]]]:
    """A few non-zero outcome cells: (leaf, column, value)."""
    return st.lists(st.tuples(st.integers(0, leaf_count - 1), st.sampled_from(_COLUMNS), st.integers(1, 9)), max_size=8)


_OUTCOME_SHAPES: dict[type[Any], tuple[type[Any], list[tuple[str, ...]]]] = {}


def _outcome_shape(table: type[Any]) -> tuple[type[Any], list[tuple[str, ...]]]:
    """The outcomes class of a table 三 class, and the key path of each of its leaf rows (worked out once)."""
    shape = _OUTCOME_SHAPES.get(table)
    if shape is None:
        outcomes_cls = attrs.fields_dict(table)["outcomes"].metadata[MODEL]
        shape = _OUTCOME_SHAPES[table] = (outcomes_cls, [path for path, _ in outcomes_cls().leaves()])
    return shape


def _draw_request_table(draw: st.DrawFn, table: type[Any], blanks: _Blanks) -> Any:
    """Table 三 with every row, column and balance holding.

    A few non-zero outcome cells are drawn (most agencies handle few
    requests), then carry-forward and the share carried over, and the rest
    follows from the relations.
    """
    outcomes_cls, leaves = _outcome_shape(table)
    leaf_values = {path: [0] * len(_APPLICANTS) for path in leaves}
    for leaf, column, value in draw(_entries(len(leaves))):
        leaf_values[leaves[leaf]][column] += value
    forward = [0] * len(_APPLICANTS)
    for column, value in draw(_FORWARD):
        forward[column] += value
    handled = [sum(values[i] for values in leaf_values.values()) for i in _COLUMNS]
    share = draw(_OVER_SHARE)
    over = [(handled[i] + forward[i]) * share // 9 for i in _COLUMNS]
    received = [handled[i] + forward[i] - over[i] for i in _COLUMNS]

    def row(values: list[int], *place: str) -> RequestRow:
        cells = {**dict(zip(_APPLICANTS, values, strict=True)), "total": sum(values)}
        return _cells(RequestRow, cells, blanks, *place)

    groups: dict[str, Any] = {}
    for path in leaves:
        groups.setdefault(path[0], {})[path[1:]] = row(leaf_values[path], *path)
    outcomes: dict[str, Any] = {}
    for name, rows in groups.items():
        if () in rows:
            outcomes[name] = rows[()]
        else:
            group_cls = attrs.fields_dict(outcomes_cls)[name].metadata[MODEL]
            outcomes[name] = group_cls(**{sub[0]: value for sub, value in rows.items()})
    outcomes["total"] = row(handled, "total")
    return table(
        received=row(received, "received"),
        carried_over=row(over, "carried_over"),
        outcomes=outcomes_cls(**outcomes),
        carried_forward=row(forward, "carried_forward"),
    )


_SMALL: Final = st.integers(0, 20)
_PLAUSIBLE_MONEY: Final = st.none() | amounts().filter(lambda amount: amount <= IMPLAUSIBLE_WAN)


def _draw_proactive(draw: st.DrawFn, proactive: type[Any], blanks: _Blanks) -> Any:
    """Table 二 with no sign, plausibility or unit problem."""
    rows = {}
    for field in attrs.fields(proactive):
        row = field.metadata[MODEL]
        cells = {cell.name: kind_of(cell) for cell in attrs.fields(row)}
        rows[field.name] = row(**_draw_proactive_cells(draw, cells, blanks, field.name))
    return proactive(**rows)


def _draw_proactive_cells(
    draw: st.DrawFn, row_kinds: dict[str, FieldKind], blanks: _Blanks, place: str
) -> dict[str, Any]:
    if "change" in row_kinds:  # items: previous year + change, never below zero
        previous, current = draw(_SMALL), draw(_SMALL)
        cells: dict[str, Any] = {
            "previous_year": blanks.cell(previous, place, "previous_year"),
            "change": current - previous,
        }
        if "decisions" in row_kinds:
            cells["decisions"] = draw(counts())
        return cells
    if "new_published" in row_kinds:
        made, total = draw(_SMALL), draw(_SMALL)
        values = {"new_made": made, "new_published": min(made, total), "total_published": max(made, total)}
    elif "issued" in row_kinds:
        issued, repealed, more = draw(_SMALL), draw(_SMALL), draw(_SMALL)
        values = {"issued": issued, "repealed": repealed, "in_force": issued + more}
    else:
        return {name: draw(_PLAUSIBLE_MONEY if kind is kinds.MONEY else counts()) for name, kind in row_kinds.items()}
    return {name: blanks.cell(value, place, name) for name, value in values.items()}


# ------------------------------------------------------------------ legacy figures


def legacy_figures() -> st.SearchStrategy[tuple[Figure, ...]]:
    """A legacy report's figures that break no rule of :mod:`govdisclosure.rules.legacy`.

    Every measure of the vocabulary but ``other`` may be stated.  Each
    breakdown's parts split its whole (a partition's parts add up to it,
    overlapping parts are each within it), answers are within the requests
    received and carried over (the carry-over stated where it is needed),
    and some figures are stated twice with the same value, amounts now and
    then in the other money unit (元 as 万元).
    """
    return st.composite(_draw_legacy_figures)()


def _split(draw: st.DrawFn, whole: int, parts: int) -> list[int]:
    """*whole* split into *parts* counts ≥ 0 that add up to it."""
    cuts = sorted(draw(st.lists(st.integers(0, whole), min_size=parts - 1, max_size=parts - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, whole], strict=True)]


def _draw_legacy_figures(draw: st.DrawFn) -> tuple[Figure, ...]:
    keys = [key for key in LEGACY_MEASURES if key != OTHER_MEASURE]
    received, carried = draw(st.integers(0, 50)), draw(st.integers(0, 10))
    values: dict[str, int] = {
        "requests_received": received,
        "requests_carried_over": carried,
        "requests_answered": draw(st.integers(0, received + carried)),
    }
    parts = {part for breakdown in LEGACY_BREAKDOWNS for part in breakdown.parts}
    for key in keys:
        if key not in values and key not in parts:
            values[key] = draw(st.integers(0, 10_000))
    for breakdown in LEGACY_BREAKDOWNS:  # wholes come before the breakdowns of their parts
        whole = values[breakdown.whole]
        if breakdown.kind == "overlapping":
            split = [draw(st.integers(0, whole)) for _ in breakdown.parts]
        else:
            covered = whole if breakdown.kind == "partition" else draw(st.integers(0, whole))
            split = _split(draw, covered, len(breakdown.parts))
        values.update(zip(breakdown.parts, split, strict=True))
    stated = set(draw(st.sets(st.sampled_from(keys))))
    (outcomes,) = (b for b in LEGACY_BREAKDOWNS if b.whole == "requests_answered")
    answered = (
        values["requests_answered"]
        if "requests_answered" in stated
        else sum(values[key] for key in outcomes.parts if key in stated)
    )
    if "requests_received" in stated and answered > received:
        stated.add("requests_carried_over")
    figures = [_legacy_figure(draw, key, values[key]) for key in keys if key in stated]
    again = draw(st.lists(st.sampled_from(figures), max_size=3)) if figures else []
    figures += [_legacy_figure(draw, figure.measure, values[figure.measure]) for figure in again]
    return tuple(draw(st.permutations(figures)))


def _legacy_figure(draw: st.DrawFn, key: str, value: int) -> Figure:
    """A figure of *key* with *value* in its customary unit, a money amount now and then in the other unit."""
    unit = LEGACY_MEASURES[key].unit or "件"
    number: int | Decimal = value
    if unit in MONEY_UNITS:
        unit = draw(st.sampled_from(sorted(MONEY_UNITS)))
        yuan = Decimal(value) * MONEY_UNITS[LEGACY_MEASURES[key].unit or "元"]
        number = yuan / MONEY_UNITS[unit]
        if number == number.to_integral_value():
            number = int(number)
    source = draw(st.none() | _source_spans())
    return Figure(measure=key, value=number, unit=unit, source=source)
