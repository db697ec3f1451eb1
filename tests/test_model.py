"""Tests for the report models in ``govdisclosure.model``: validation, immutability and computed helpers."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import model
from govdisclosure.model import (
    Agency,
    AnnualReport2019,
    AnnualReport2021,
    Decisions,
    DocumentCounts2019,
    DocumentCounts2021,
    FeeAmount,
    FeeItems2019,
    Figure,
    ItemCounts2019,
    LegacyReport,
    Narrative,
    NotProcessed,
    OtherOutcomes,
    Outcomes2019,
    Outcomes2021,
    Proactive2019,
    Proactive2021,
    Procurement2019,
    RequestRow,
    RequestTable2019,
    RequestTable2021,
    ReviewLitigation,
    ReviewOutcomes,
    SourceSpan,
    Unable,
    Withheld,
)
from govdisclosure.model._fields import MODEL, bind, count_field, required
from govdisclosure.model._sums import blank_sum
from govdisclosure.model.kinds import (
    COUNT,
    DELTA,
    KEYWORD,
    MONEY,
    NESTED,
    TEXT,
    YEAR,
    FieldKind,
    is_required,
    kind_of,
)
from govdisclosure.model.requests import row_sum
from govdisclosure.regulation import (
    AGENCY_KINDS,
    AGENCY_LEVELS,
    APPLICANTS,
    OUTCOMES_2019,
    OUTCOMES_2021,
    REVIEW_LITIGATION,
    Heading,
)

#: Every attrs class the model package exports.
MODELS = [cls for name in model.__all__ if attrs.has(cls := getattr(model, name)) and cls is not model.Cell]
#: ``(class, field name)`` for every count cell of every model.
COUNT_FIELDS = [(cls, field.name) for cls in MODELS for field in attrs.fields(cls) if kind_of(field) is COUNT]
DELTA_FIELDS = [(ItemCounts2019, "change"), (FeeItems2019, "change")]
MONEY_FIELDS = [(Procurement2019, "amount"), (FeeAmount, "amount")]
AGENCY = Agency(name="重庆市民政局")
#: One minimal valid instance of each report class.
REPORTS = {
    "2019": AnnualReport2019(year=2019, agency=AGENCY),
    "2021": AnnualReport2021(year=2021, agency=AGENCY),
    "legacy": LegacyReport(year=2015, agency=AGENCY),
}

counts = st.none() | st.integers(min_value=0, max_value=10**9)


def ids(case: tuple[type, str]) -> str:
    return f"{case[0].__name__}.{case[1]}"


def models(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Instances of a table model with random count cells (blank or ≥ 0)."""
    cells = {}
    for field in attrs.fields(cls):
        cells[field.name] = counts if kind_of(field) is COUNT else models(field.metadata[MODEL])
    return st.builds(cls, **cells)


def column_sums(rows: list[RequestRow]) -> dict[str, int | None]:
    """Reference column sums: a column is blank only when it is blank in every row."""
    sums: dict[str, int | None] = {}
    for column in APPLICANTS.children:
        cells = [getattr(row, column.key) for row in rows if getattr(row, column.key) is not None]
        sums[column.key] = sum(cells) if cells else None
    return sums


def row(**cells: int | None) -> RequestRow:
    return RequestRow(**cells)


# --- cell validation --------------------------------------------------------------------------


def test_count_fields_are_found() -> None:
    """The count-field inventory covers every table (guards the parametrised tests below)."""
    classes = {cls for cls, _ in COUNT_FIELDS}
    assert classes == {
        RequestRow, ReviewOutcomes, DocumentCounts2019, ItemCounts2019, FeeItems2019,
        Procurement2019, DocumentCounts2021, Decisions,
    }  # fmt: skip
    assert len(COUNT_FIELDS) == 7 + 5 + 3 + 2 + 1 + 1 + 3 + 1


@pytest.mark.parametrize(("value", "error"), [(-1, ValueError), (1.5, TypeError), (True, TypeError), ("3", TypeError)])
@pytest.mark.parametrize("case", COUNT_FIELDS, ids=ids)
def test_count_field_rejects(case: tuple[type, str], value: object, error: type[Exception]) -> None:
    """A count cell rejects negatives, floats, bools and strings, naming class, field and expectation."""
    cls, name = case
    with pytest.raises(error, match=rf"^{cls.__name__}\.{name}: expected an integer ≥ 0"):
        cls(**{name: value})


@pytest.mark.parametrize("case", COUNT_FIELDS, ids=ids)
def test_count_field_keeps_zero_apart_from_blank(case: tuple[type, str]) -> None:
    """A count cell is blank (None) by default and keeps a written 0 as 0."""
    cls, name = case
    assert getattr(cls(), name) is None
    assert getattr(cls(**{name: 0}), name) == 0


@given(st.integers(max_value=-1))
def test_count_field_rejects_every_negative(value: int) -> None:
    """No negative integer is a valid count."""
    with pytest.raises(ValueError, match=r"^RequestRow\.total: "):
        RequestRow(total=value)


@pytest.mark.parametrize("case", DELTA_FIELDS, ids=ids)
def test_delta_field_accepts_negative(case: tuple[type, str]) -> None:
    """本年增/减 may be negative."""
    cls, name = case
    assert getattr(cls(**{name: -3}), name) == -3


@pytest.mark.parametrize("value", [1.5, True, "-3"])
@pytest.mark.parametrize("case", DELTA_FIELDS, ids=ids)
def test_delta_field_rejects_non_integers(case: tuple[type, str], value: object) -> None:
    """本年增/减 must still be an integer."""
    cls, name = case
    with pytest.raises(TypeError, match=rf"^{cls.__name__}\.{name}: expected an integer or None"):
        cls(**{name: value})


@pytest.mark.parametrize("case", MONEY_FIELDS, ids=ids)
def test_money_field_accepts_decimal(case: tuple[type, str]) -> None:
    """A money cell holds a Decimal in 万元 exactly."""
    cls, name = case
    assert getattr(cls(**{name: Decimal("5.02")}), name) == Decimal("5.02")


@pytest.mark.parametrize(
    ("value", "error", "expected"),
    [
        (5.02, TypeError, "expected a Decimal amount in 万元"),
        ("5.02", TypeError, "expected a Decimal amount in 万元"),
        (Decimal("NaN"), ValueError, "expected a finite amount ≥ 0"),
        (Decimal("Infinity"), ValueError, "expected a finite amount ≥ 0"),
        (Decimal("-1"), ValueError, "expected a finite amount ≥ 0"),
        (Decimal("-0"), ValueError, "expected a finite amount ≥ 0"),  # "-0" would break MONEY_PATTERN
    ],
)
@pytest.mark.parametrize("case", MONEY_FIELDS, ids=ids)
def test_money_field_rejects(case: tuple[type, str], value: object, error: type[Exception], expected: str) -> None:
    """A money cell rejects floats, strings, NaN, infinity and negative amounts."""
    cls, name = case
    with pytest.raises(error, match=rf"^{cls.__name__}\.{name}: {expected}"):
        cls(**{name: value})


def test_agency_name_is_required() -> None:
    """An agency cannot be built without a name."""
    with pytest.raises(TypeError, match="name"):
        Agency()  # type: ignore[call-arg]  # mypy sees the required field too


@pytest.mark.parametrize(("name", "error"), [("", ValueError), (" \t\u3000", ValueError), (None, TypeError)])
def test_agency_name_must_not_be_blank(name: object, error: type[Exception]) -> None:
    """An agency's name must be a non-blank string."""
    with pytest.raises(error, match=r"^Agency\.name: "):
        Agency(name=name)  # type: ignore[arg-type]


@pytest.mark.parametrize(("field", "vocabulary"), [("level", AGENCY_LEVELS), ("kind", AGENCY_KINDS)])
def test_agency_keywords_accept_vocabulary_keys(field: str, vocabulary: Heading) -> None:
    """An agency's level and kind accept exactly the vocabulary's keys (or None)."""
    for key in (*vocabulary.keys(), None):
        assert getattr(Agency(name="x", **{field: key}), field) == key


@pytest.mark.parametrize(("field", "value"), [("level", "city"), ("level", "省级"), ("kind", "ministry"), ("kind", "")])
def test_agency_keywords_reject_unknown_keys(field: str, value: str) -> None:
    """An agency's level or kind outside the vocabulary is rejected, listing the choices."""
    with pytest.raises(ValueError, match=rf"^Agency\.{field}: expected one of "):
        Agency(name="x", **{field: value})


@pytest.mark.parametrize(
    ("cls", "cells"),
    [
        (Outcomes2019, {"other": OtherOutcomes()}),
        (Outcomes2021, {"other": RequestRow()}),
        (Outcomes2019, {"withheld": Unable()}),
        (RequestTable2019, {"outcomes": Outcomes2021()}),
        (RequestTable2021, {"outcomes": Outcomes2019()}),
        (ReviewLitigation, {"review": RequestRow()}),
        (Proactive2019, {"rules": DocumentCounts2021()}),
        (AnnualReport2019, {"year": 2019, "agency": AGENCY, "proactive": Proactive2021()}),
        (AnnualReport2021, {"year": 2021, "agency": AGENCY, "requests": RequestTable2019()}),
        (AnnualReport2021, {"year": 2021, "agency": "重庆市民政局"}),
        (AnnualReport2021, {"year": 2021, "agency": AGENCY, "narrative": "text"}),
    ],
)
def test_nested_field_rejects_wrong_class(cls: type, cells: dict[str, object]) -> None:
    """A nested table accepts only its own class, so 2019 and 2021 parts cannot be mixed."""
    wrong = list(cells)[-1]
    with pytest.raises(TypeError, match=f"'{wrong}' must be"):
        cls(**cells)


@pytest.mark.parametrize("year", [999, 10000, True, "2019", 2019.0])
def test_report_year_must_be_four_digit_integer(year: object) -> None:
    """A report's year is a four-digit integer: another type is a TypeError, another integer a ValueError."""
    with pytest.raises((TypeError, ValueError), match=r"^AnnualReport2021\.year: expected a four-digit year"):
        AnnualReport2021(year=year, agency=AGENCY)  # type: ignore[arg-type]


def test_report_published_must_be_a_date() -> None:
    """``published`` is a date, not a datetime or a string."""
    assert AnnualReport2021(year=2021, agency=AGENCY, published=datetime.date(2022, 1, 28)).published
    for value in ("2022-01-28", datetime.datetime(2022, 1, 28)):
        with pytest.raises(TypeError, match=r"^AnnualReport2021\.published: expected a datetime\.date"):
            AnnualReport2021(year=2021, agency=AGENCY, published=value)  # type: ignore[arg-type]


def test_narrative_sections_are_text() -> None:
    """A narrative section is a string or None."""
    assert Narrative(overview="一、总体情况").overview == "一、总体情况"
    with pytest.raises(TypeError, match=r"^Narrative\.overview: expected a string"):
        Narrative(overview=1)  # type: ignore[arg-type]


# --- immutability and hashing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("instance", "name"),
    [
        (RequestRow(), "total"),
        (Withheld(), "state_secret"),
        (Outcomes2021(), "total"),
        (ReviewOutcomes(), "total"),
        (Proactive2019(), "procurement"),
        (AGENCY, "name"),
        (REPORTS["2021"], "year"),
        (REPORTS["legacy"], "figures"),
    ],
    ids=lambda value: type(value).__name__ if not isinstance(value, str) else value,
)
def test_models_are_frozen(instance: object, name: str) -> None:
    """Assigning to a field of a model raises FrozenInstanceError."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, name, getattr(instance, name))


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_models_are_slotted_and_keyword_only(cls: type) -> None:
    """Every model class is slotted (no ``__dict__``) and takes keyword arguments only."""
    assert "__dict__" not in dir(cls)
    assert all(field.kw_only for field in attrs.fields(cls))


@pytest.mark.parametrize("report", REPORTS.values(), ids=REPORTS.keys())
def test_reports_are_hashable_with_extensions(report: Any) -> None:
    """A report carrying ``extensions`` (a dict) is still hashable and usable as a set member."""
    extended = attrs.evolve(report, extensions={"ns": {"tags": ["a", "b"], "n": 1, "ok": True, "none": None}})
    assert hash(extended) == hash(report)
    assert extended in {extended}
    assert extended != report


@pytest.mark.parametrize(
    ("extensions", "problem"),
    [
        ({"ns": 1.5}, "/ns: floats are not allowed"),
        ({"ns": {"values": [1, 2.0]}}, "/ns/values/1: floats are not allowed"),
        ({1: "x"}, "/: keys must be strings"),
        ({"ns": {2: "x"}}, "/ns: keys must be strings"),
        ({"ns": Decimal("1")}, "/ns: Decimal is not JSON data"),
        (["ns"], "expected a mapping"),
    ],
)
def test_extensions_reject_non_json_data(extensions: object, problem: str) -> None:
    """``extensions`` takes plain JSON data only: no floats, no non-string keys, no other types."""
    with pytest.raises(TypeError, match=rf"^AnnualReport2021\.extensions: {problem}"):
        AnnualReport2021(year=2021, agency=AGENCY, extensions=extensions)  # type: ignore[arg-type]


def test_legacy_report_stores_figures_as_tuple() -> None:
    """``LegacyReport(figures=[...])`` stores a tuple, keeping the report immutable and hashable."""
    figure = Figure(measure="requests_received", value=0, unit="件")
    report = LegacyReport(year=2015, agency=AGENCY, figures=[figure])  # the converter takes any iterable
    assert report.figures == (figure,)
    assert type(report.figures) is tuple
    assert hash(report) == hash(LegacyReport(year=2015, agency=AGENCY, figures=(figure,)))


def test_legacy_report_rejects_non_figures() -> None:
    """Every item of ``figures`` must be a Figure."""
    with pytest.raises(TypeError):
        LegacyReport(year=2015, agency=AGENCY, figures=[{"measure": "fees"}])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("cells", "field"),
    [
        ({"measure": "requests", "value": 0, "unit": "件"}, "measure"),
        ({"measure": "fees", "value": 1.5, "unit": "元"}, "value"),
        ({"measure": "fees", "value": -1, "unit": "元"}, "value"),
        ({"measure": "fees", "value": 1, "unit": " "}, "unit"),
    ],
)
def test_figure_rejects_bad_values(cells: dict[str, object], field: str) -> None:
    """A figure needs a known measure, a non-negative int or Decimal value, and a non-blank unit."""
    with pytest.raises((TypeError, ValueError), match=rf"^Figure\.{field}: "):
        Figure(**cells)  # type: ignore[arg-type]


def test_figure_accepts_decimal_value() -> None:
    """A figure's value may be a Decimal amount."""
    assert Figure(measure="fees", value=Decimal("12.5"), unit="元").value == Decimal("12.5")


def test_source_span_rejects_end_before_start() -> None:
    """A source span cannot end before it starts."""
    with pytest.raises(ValueError, match=r"^SourceSpan\.end: 3 is before start 5"):
        SourceSpan(start=5, end=3, text="受理信息公开申请0条")


def test_source_span_may_be_empty() -> None:
    """A span that ends where it starts is valid."""
    assert SourceSpan(start=5, end=5, text="x").end == 5


# --- computed helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({}, None),
        ({"total": 7}, None),
        ({"natural_person": 0}, 0),
        ({"research": 0, "other_org": None}, 0),
        ({"natural_person": 2, "legal_services": 3}, 5),
        (dict.fromkeys(("natural_person", "commercial", "research", "public_interest"), 1), 4),
        ({"legal_services": 1, "other_org": 1, "total": 99}, 2),
    ],
)
def test_request_row_computed_total(cells: dict[str, int | None], expected: int | None) -> None:
    """总计 is the six applicant cells added up: blank if all are blank, the 总计 cell itself ignored."""
    assert RequestRow(**cells).computed_total() == expected


def test_request_row_applicants_excludes_total() -> None:
    """``applicants`` is the six applicant cells in printed order, without 总计."""
    cells = dict(zip(APPLICANTS.keys(), range(1, 8), strict=True))
    assert RequestRow(**cells).applicants == (1, 2, 3, 4, 5, 6)


def test_withheld_subtotal() -> None:
    """``subtotal`` adds a group's rows column by column, keeping blank columns blank."""
    withheld = Withheld(
        state_secret=row(natural_person=1, total=1),
        enforcement_case_file=row(natural_person=2, commercial=0, total=2),
        administrative_query=row(natural_person=None, total=0),
    )
    assert withheld.subtotal() == row(natural_person=3, commercial=0, total=3)
    assert Withheld().subtotal() == RequestRow()


def test_outcomes_2021_computed_total_over_each_group() -> None:
    """（七）总计 adds one row from every group, (六)'s sub-rows included, and ignores the 总计 row itself."""
    outcomes = Outcomes2021(
        granted=row(natural_person=1),
        partly_granted=row(natural_person=2),
        withheld=Withheld(internal_affairs=row(natural_person=4)),
        unable=Unable(not_held=row(natural_person=8)),
        not_processed=NotProcessed(duplicate=row(natural_person=16, research=0)),
        other=OtherOutcomes(unpaid_fee=row(natural_person=32), other=row(legal_services=64)),
        total=row(natural_person=1000, total=1000),
    )
    assert outcomes.computed_total() == row(natural_person=63, research=0, legal_services=64)


def test_outcomes_2019_computed_total_counts_single_other_row() -> None:
    """In 2019 the single （六）其他处理 row is part of （七）总计."""
    outcomes = Outcomes2019(granted=row(total=1), withheld=Withheld(state_secret=row(total=2)), other=row(total=4))
    assert outcomes.computed_total() == row(total=7)


@pytest.mark.parametrize(
    ("cls", "vocabulary", "leaves"),
    [(Outcomes2019, OUTCOMES_2019, 19), (Outcomes2021, OUTCOMES_2021, 21)],
    ids=["2019", "2021"],
)
def test_outcome_leaves_follow_vocabulary(cls: type, vocabulary: Heading, leaves: int) -> None:
    """``leaves()`` yields 19 (2019) or 21 (2021) rows, the heading tree's leaves in printed order."""
    paths = [path for path, _ in cls().leaves()]
    tree = [path for path, heading in vocabulary.walk() if not heading.children and path != ("total",)]
    assert len(paths) == leaves
    assert paths == tree


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({}, None),
        ({"total": 5}, None),
        ({"pending": 0}, 0),
        ({"upheld": 1, "corrected": 2, "other": 4, "pending": 8, "total": 99}, 15),
    ],
)
def test_review_outcomes_computed_total(cells: dict[str, int], expected: int | None) -> None:
    """Table 四's 总计 is its four results added up (blank if all are), ignoring the 总计 cell."""
    assert ReviewOutcomes(**cells).computed_total() == expected


@pytest.mark.parametrize(
    ("previous_year", "change", "expected"),
    [(None, None, None), (5, 2, 7), (24, -3, 21), (6, None, 6), (0, 0, 0), (None, 4, None), (None, -3, None)],
)
def test_item_counts_current(previous_year: int | None, change: int | None, expected: int | None) -> None:
    """This year's items are last year's plus the signed change; blank when last year's is blank."""
    items = ItemCounts2019(previous_year=previous_year, change=change, decisions=99)
    assert items.current() == expected


# --- bind -------------------------------------------------------------------------------------

_PAIR = Heading("pair", "对", "Pair", children=(Heading("left", "左", "Left"), Heading("right", "右", "Right")))


def test_bind_records_headings() -> None:
    """``bind`` keeps the headings by field name on the class."""

    @bind(_PAIR)
    @attrs.frozen(kw_only=True)
    class Pair:
        left: int | None = count_field()
        right: int | None = count_field()

    assert Pair.__headings__ == {"left": _PAIR["left"], "right": _PAIR["right"]}  # type: ignore[attr-defined]


@pytest.mark.parametrize("names", [("left",), ("left", "middle"), ("right", "left"), ("left", "right", "extra")])
def test_bind_rejects_fields_that_differ_from_vocabulary(names: tuple[str, ...]) -> None:
    """``bind`` raises TypeError when field names are not the vocabulary's keys in printed order."""
    cls = attrs.make_class("Throwaway", {name: attrs.field(default=None) for name in names}, frozen=True)
    with pytest.raises(TypeError, match=r"^Throwaway fields .* do not match the vocabulary"):
        bind(_PAIR)(cls)


@pytest.mark.parametrize(
    ("cls", "vocabulary"),
    [
        (RequestRow, APPLICANTS),
        (Withheld, OUTCOMES_2019["withheld"]),
        (Unable, OUTCOMES_2021["unable"]),
        (NotProcessed, OUTCOMES_2021["not_processed"]),
        (OtherOutcomes, OUTCOMES_2021["other"]),
        (ReviewOutcomes, REVIEW_LITIGATION["litigation_after_review"]),
    ],
    ids=lambda value: getattr(value, "__name__", getattr(value, "key", "")),
)
def test_models_are_bound_to_vocabulary(cls: type, vocabulary: Heading) -> None:
    """Each table model's fields stand for the headings of its place in both templates."""
    assert cls.__headings__ == {child.key: child for child in vocabulary.children}  # type: ignore[attr-defined]


# --- properties -------------------------------------------------------------------------------


@given(st.lists(counts))
def test_blank_sum_matches_reference(values: list[int | None]) -> None:
    """``blank_sum`` counts blanks as 0 but is blank when every value is."""
    filled = [value for value in values if value is not None]
    assert blank_sum(values) == (sum(filled) if filled else None)
    assert blank_sum(iter(values)) == blank_sum(values)


@given(st.lists(models(RequestRow), max_size=25))
def test_row_sum_is_column_wise_blank_sum(rows: list[RequestRow]) -> None:
    """``row_sum`` of rows is, per column, the sum of filled cells, or blank when none is filled."""
    assert attrs.asdict(row_sum(rows)) == column_sums(rows)
    assert row_sum(iter(rows)) == row_sum(tuple(rows))


@given(models(RequestRow))
def test_computed_total_is_blank_sum_of_applicants(request_row: RequestRow) -> None:
    """A row's computed 总计 is the blank-sum of its six applicant cells."""
    cells = attrs.asdict(request_row)
    del cells["total"]
    assert request_row.computed_total() == blank_sum(cells.values())


@pytest.mark.parametrize("cls", [Withheld, Unable, NotProcessed, OtherOutcomes], ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_subtotal_is_row_sum_of_group(cls: type, data: st.DataObject) -> None:
    """A group's subtotal is the column-wise sum of its rows."""
    group = data.draw(models(cls))
    rows = [value for _, value in group.rows()]
    assert len(rows) == len(attrs.fields(cls))
    assert attrs.asdict(group.subtotal()) == column_sums(rows)


@pytest.mark.parametrize("cls", [Outcomes2019, Outcomes2021], ids=["2019", "2021"])
@given(data=st.data())
def test_outcomes_computed_total_sums_every_leaf(cls: type, data: st.DataObject) -> None:
    """（七）总计 computed is the column-wise sum of every leaf row, whatever the 总计 row says."""
    outcomes = data.draw(models(cls))
    leaves = [value for _, value in outcomes.leaves()]
    assert attrs.asdict(outcomes.computed_total()) == column_sums(leaves)


class TestTypes:
    """The models as a type checker sees them: this file is checked by ``mypy --strict``.

    A ``# type: ignore[code]`` here asserts that mypy reports that error: with
    ``warn_unused_ignores`` (part of ``--strict``) an ignore it does not need
    fails the type check.
    """

    def test_year_is_required(self) -> None:
        """Leaving ``year`` out is a TypeError at run time and a type error to attrs' mypy plugin."""
        with pytest.raises(TypeError, match="year"):
            AnnualReport2021(agency=AGENCY)  # type: ignore[call-arg]

    def test_agency_is_required(self) -> None:
        """So is leaving the agency out."""
        with pytest.raises(TypeError, match="agency"):
            AnnualReport2019(year=2019)  # type: ignore[call-arg]

    def test_figure_fields_are_required(self) -> None:
        """A figure's measure, value and unit, and a source span's offsets and text, are required."""
        with pytest.raises(TypeError, match="unit"):
            Figure(measure="fees", value=0)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="start"):
            SourceSpan(end=1, text="x")  # type: ignore[call-arg]

    def test_figures_take_any_sequence(self) -> None:
        """``figures`` accepts a list (stored as a tuple) without a type error."""
        figure = Figure(measure="fees", value=Decimal("1.5"), unit="万元")
        assert LegacyReport(year=2015, agency=AGENCY, figures=[figure]).figures == (figure,)

    def test_factory_types_hold_annotations(self) -> None:
        """A field's annotation is held to its factory's type: a count cell is ``int | None``, not ``str``."""

        @attrs.frozen
        class Mistyped:
            total: str = count_field()  # type: ignore[assignment]

        assert kind_of(attrs.fields(Mistyped).total) is COUNT

    def test_optional_fields_stay_optional(self) -> None:
        """Fields made by the factories may be left out, to mypy as at run time."""
        assert AnnualReport2021(year=2021, agency=Agency(name="x")).published is None
        assert RequestRow().total is None


class TestKinds:
    """Each field records one kind object and whether it is required."""

    def test_every_field_has_a_kind(self) -> None:
        """Every field of every model records a FieldKind, and its required flag matches its default."""
        for cls in MODELS:
            for field in attrs.fields(cls):
                assert isinstance(kind_of(field), FieldKind)
                assert is_required(field) == (field.default is attrs.NOTHING), (cls, field.name)

    def test_year_range_is_the_kinds(self) -> None:
        """The year's range is the YEAR kind's, in the model's check and in both schemas."""
        assert (YEAR.minimum, YEAR.maximum) == (1000, 9999)
        with pytest.raises(ValueError, match="year"):
            AnnualReport2021(year=10_000, agency=AGENCY)
        assert gd.json_schema()["$defs"]["AnnualReport2021"]["properties"]["year"]["maximum"] == YEAR.maximum

    def test_kinds_have_lexical_forms(self) -> None:
        """The text forms of the leaf kinds read what the codecs write."""
        assert COUNT.matches("12")
        assert not COUNT.matches("012")
        assert not COUNT.matches("-1")
        assert DELTA.matches("-3")
        assert not DELTA.matches("-0")
        assert MONEY.matches("5.02")
        assert not MONEY.matches("1e3")
        assert YEAR.matches("2021")
        assert not YEAR.matches("0999")
        assert not TEXT.matches("anything")  # a text has no lexical form to check

    def test_required_refuses_a_kind_that_cannot_be(self) -> None:
        """``required`` refuses a kind that is never required, and a nested kind without its model."""
        with pytest.raises(TypeError, match="count field cannot be required"):
            required(COUNT)
        with pytest.raises(TypeError, match="needs its model"):
            required(NESTED)
        with pytest.raises(TypeError, match="needs its choices"):
            required(KEYWORD)

    def test_kind_of_a_field_without_one(self) -> None:
        """A field not made by a factory has no kind: a TypeError names it."""

        @attrs.frozen
        class Plain:
            x: int = 0

        with pytest.raises(TypeError, match="'x' has no field kind"):
            kind_of(attrs.fields(Plain).x)
