"""``gd.replace``: setting cells and fields of a frozen report by JSON Pointer."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.model._replace import parse_pointer
from govdisclosure.strategies import reports

BASE = gd.AnnualReport2021(year=2021, agency=gd.Agency(name="重庆市民政局"))


def test_sets_one_cell_and_leaves_the_rest() -> None:
    """One cell changes; the original report and every other cell stay as they were."""
    changed = gd.replace(BASE, {"/requests/received/total": 15})
    assert changed.requests.received.total == 15
    assert BASE.requests.received.total is None
    assert changed == attrs.evolve(
        BASE,
        requests=attrs.evolve(BASE.requests, received=attrs.evolve(BASE.requests.received, total=15)),
    )


def test_sets_many_values_in_order() -> None:
    """Several pointers, in cells and in plain fields, at different depths; later changes see earlier ones."""
    changed = gd.replace(
        BASE,
        {
            "/agency/name": "天水市民政局",
            "/agency/uscc": "115000000092759914",
            "/published": datetime.date(2022, 1, 28),
            "/proactive/fees/amount": Decimal("5.02"),
            "/requests/outcomes/withheld/state_secret/natural_person": 0,
            "/review_litigation/litigation_direct/total": 3,
            "/agency/kind": "department",
        },
    )
    assert changed.agency == gd.Agency(name="天水市民政局", uscc="115000000092759914", kind="department")
    assert changed.published == datetime.date(2022, 1, 28)
    assert changed.proactive.fees.amount == Decimal("5.02")
    assert changed.requests.outcomes.withheld.state_secret.natural_person == 0
    assert changed.review_litigation.litigation_direct.total == 3


def test_sets_a_whole_part() -> None:
    """A pointer may name a whole row, given as its model."""
    row = gd.model.RequestRow(natural_person=1, total=1)
    assert gd.replace(BASE, {"/requests/carried_over": row}).requests.carried_over == row


def test_makes_an_absent_part_with_its_defaults() -> None:
    """Setting a narrative section of a report without narrative makes the narrative first; extensions too."""
    changed = gd.replace(BASE, {"/narrative/overview": "总体情况", "/extensions/example.org~1x": {"a": 1}})
    assert changed.narrative == gd.Narrative(overview="总体情况")
    assert changed.extensions == {"example.org/x": {"a": 1}}
    again = gd.replace(changed, {"/extensions/example.org~1x/a": 2})
    assert again.extensions == {"example.org/x": {"a": 2}}
    assert changed.extensions == {"example.org/x": {"a": 1}}


def test_sets_an_item_of_a_legacy_report() -> None:
    """A figure of a legacy report is reached by its index."""
    figure = gd.Figure(measure="requests_received", value=0, unit="件")
    legacy = gd.LegacyReport(year=2015, agency=gd.Agency(name="某局"), figures=(figure, figure))
    changed = gd.replace(legacy, {"/figures/1/value": 7})
    assert [f.value for f in changed.figures] == [0, 7]


@pytest.mark.parametrize(
    ("pointer", "message"),
    [
        ("requests/received/total", 'starts with "/"'),
        ("", "the whole report"),
        ("/requests/recieved/total", 'RequestTable2021 has no field "recieved"; did you mean "received"?'),
        ("/requests/received/total/x", "/requests/received/total is a value (int), which has no parts"),
        ("/agency/uscc/x", "/agency/uscc is absent and has no parts to set"),
        ("/template", "the template is the report's class"),
        ("/schema", "written by the codecs"),
        ("/extensions/a/b", 'the report has no key "a"'.replace("the report", "/extensions")),
        ("/a~2b", '"~2" is not an escape'),
        ("/nothing", "it has: year, agency, published"),
    ],
)
def test_a_bad_pointer_is_named(pointer: str, message: str) -> None:
    """Every bad pointer raises a PointerError (a GovDisclosureError and a KeyError) naming the pointer."""
    report = gd.replace(BASE, {"/requests/received/total": 1})
    with pytest.raises(gd.PointerError) as caught:
        gd.replace(report, {pointer: 1})
    assert isinstance(caught.value, gd.GovDisclosureError)
    assert isinstance(caught.value, KeyError)
    assert caught.value.pointer == pointer
    assert message in str(caught.value)
    assert str(caught.value).startswith(pointer)


def test_bad_index_of_a_sequence() -> None:
    """An index past the end, or a token that is no index, is a PointerError."""
    legacy = gd.LegacyReport(year=2015, agency=gd.Agency(name="某局"))
    with pytest.raises(gd.PointerError, match="has 0 items; there is no item 0"):
        gd.replace(legacy, {"/figures/0/value": 1})
    with pytest.raises(gd.PointerError, match="expected an index"):
        gd.replace(legacy, {"/figures/01/value": 1})


def test_absent_part_with_required_fields() -> None:
    """Descending into an absent part that has required fields asks for the whole part."""
    figure = gd.Figure(measure="requests_received", value=0, unit="件")
    legacy = gd.LegacyReport(year=2015, agency=gd.Agency(name="某局"), figures=(figure,))
    with pytest.raises(gd.PointerError, match="set the whole SourceSpan"):
        gd.replace(legacy, {"/figures/0/source/start": 1})


@pytest.mark.parametrize(
    ("pointer", "value", "error"),
    [
        ("/requests/received/total", -1, ValueError),
        ("/requests/received/total", True, TypeError),
        ("/requests/received/total", "15", TypeError),
        ("/proactive/fees/amount", 5.02, TypeError),
        ("/agency/name", " ", ValueError),
        ("/agency/level", "galactic", ValueError),
        ("/year", 99, ValueError),
        ("/requests/received", {"total": 1}, TypeError),
    ],
)
def test_values_are_checked_by_the_model(pointer: str, value: Any, error: type[Exception]) -> None:
    """A value the model would refuse in its constructor is refused, with a note naming the pointer."""
    with pytest.raises(error) as caught:
        gd.replace(BASE, {pointer: value})
    assert f"while setting {pointer}" in getattr(caught.value, "__notes__", [f"while setting {pointer}"])


def test_pointer_syntax() -> None:
    """RFC 6901: ``~1`` is ``/`` and ``~0`` is ``~``, decoded in that order; a non-string is refused."""
    assert parse_pointer("") == ()
    assert parse_pointer("/") == ("",)
    assert parse_pointer("/~01") == ("~1",)
    assert parse_pointer("/a~1b/~0") == ("a/b", "~")
    with pytest.raises(gd.PointerError, match='"~" is not an escape'):
        parse_pointer("/a~")
    with pytest.raises(gd.PointerError, match="not int"):
        parse_pointer(1)  # type: ignore[arg-type]


@given(reports(), st.data())
def test_setting_a_cell_to_its_value_changes_nothing(report: gd.AnnualReport, data: st.DataObject) -> None:
    """For any cell of any report, replacing it with its own value gives an equal report; another value sticks."""
    cells = list(gd.iter_cells(report))
    if not cells:
        return
    cell = data.draw(st.sampled_from(cells))
    assert gd.replace(report, {cell.pointer: cell.value}) == report
    changed = gd.replace(report, {cell.pointer: None})
    assert next(c for c in gd.iter_cells(changed) if c.pointer == cell.pointer).value is None
