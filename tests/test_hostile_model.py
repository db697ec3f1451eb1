"""What the model accepts, every codec writes and reads back: the limits that make it so."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.codecs import json as json_codec
from govdisclosure.codecs import xml as xml_codec
from govdisclosure.model import (
    Agency,
    AnnualReport2019,
    AnnualReport2021,
    FeeAmount,
    Figure,
    ItemCounts2019,
    LegacyReport,
    Narrative,
    Proactive2019,
    Proactive2021,
    RequestRow,
    RequestTable2021,
    SourceSpan,
)
from govdisclosure.model._json import MAX_TEXT_LENGTH
from govdisclosure.model.kinds import MAX_COUNT, MAX_DIGITS

AGENCY = Agency(name="某局")
TOO_MANY = "too many digits: at most 30 digits (an amount: 30 before its decimal point and after it)"
XML_HEAD = (
    f'<annual-report xmlns="{xml_codec.NAMESPACE}"><schema>govdisclosure/annual-report/1</schema>'
    "<template>2021</template><year>2021</year><agency><name>某局</name></agency>"
)


def with_total(total: int) -> AnnualReport2021:
    """A 2021 report whose 收到申请数 总计 is *total*."""
    return AnnualReport2021(year=2021, agency=AGENCY, requests=RequestTable2021(received=RequestRow(total=total)))


def problems_of(data: str | bytes, format: str) -> list[tuple[str, str]]:
    """The (pointer, message) of each problem loading *data* raises."""
    with pytest.raises(gd.ParseError) as caught:
        gd.loads(data, format=format)
    return [(problem.pointer, problem.message) for problem in caught.value.problems]


class TestDigits:
    """Counts, changes, offsets and amounts have at most 30 digits: the model, codecs and schemas agree."""

    def test_the_limit_is_thirty_digits(self) -> None:
        """One definition: 30 digits, the largest count thirty nines."""
        assert MAX_DIGITS == 30
        assert str(MAX_COUNT) == "9" * 30

    @pytest.mark.parametrize("total", [MAX_COUNT + 1, 10**4400], ids=["31-digits", "4401-digits"])
    def test_the_model_refuses_a_count_with_too_many_digits(self, total: int) -> None:
        """``10**4400`` (which ``dumps`` could not write) is refused at construction, without writing it out."""
        with pytest.raises(ValueError, match=f"^RequestRow.total: {re.escape(TOO_MANY)}$"):
            with_total(total)

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda v: ItemCounts2019(change=v), "ItemCounts2019.change"),
            (lambda v: SourceSpan(start=0, end=v, text="x"), "SourceSpan.end"),
            (lambda v: Figure(measure="fees", value=v, unit="万元"), "Figure.value"),
        ],
    )
    def test_changes_offsets_and_values_are_bounded_too(self, build: Any, field: str) -> None:
        """A change of either sign, an offset and a figure's value have the same bound."""
        build(MAX_COUNT)
        for value in (MAX_COUNT + 1, -(MAX_COUNT + 1)) if field.endswith("change") else (MAX_COUNT + 1,):
            with pytest.raises(ValueError, match=f"^{field}: {re.escape(TOO_MANY)}$"):
                build(value)

    @pytest.mark.parametrize(
        "amount", ["1e30", "0." + "0" * 30 + "1", "1E+999999999", "0E-31"], ids=["int", "fraction", "huge", "zero"]
    )
    def test_the_model_refuses_an_amount_with_too_many_digits(self, amount: str) -> None:
        """An amount past 30 digits on either side of its point is refused (``1E+999999999`` would dump a GB)."""
        with pytest.raises(ValueError, match=f"^FeeAmount.amount: {re.escape(TOO_MANY)}$"):
            FeeAmount(amount=Decimal(amount))

    def test_the_largest_values_round_trip_through_every_codec(self) -> None:
        """Thirty nines, and an amount with 30 digits on both sides, dump and load in JSON and XML."""
        amount = Decimal("9" * 30 + "." + "9" * 30)
        report = attrs.evolve(with_total(MAX_COUNT), proactive=Proactive2021(fees=FeeAmount(amount=amount)))
        for format in ("json", "xml"):
            assert gd.loads(gd.dumps(report, format=format), format=format) == report
        legacy = LegacyReport(year=2015, agency=AGENCY, figures=(Figure(measure="fees", value=MAX_COUNT, unit="万元"),))
        assert gd.loads(gd.dumps(legacy, format="xml"), format="xml") == legacy
        items = ItemCounts2019(previous_year=MAX_COUNT, change=-MAX_COUNT)
        change = AnnualReport2019(year=2019, agency=AGENCY, proactive=Proactive2019(licensing=items))
        for format in ("json", "xml"):
            assert gd.loads(gd.dumps(change, format=format), format=format) == change

    @pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
    def test_json_refuses_a_count_with_too_many_digits_at_its_pointer(self, as_bytes: bool) -> None:
        """Both JSON readers (orjson's and the standard library's) name the cell."""
        text = json_codec.dumps(with_total(5)).replace('"total": 5', f'"total": {MAX_COUNT + 1}')
        assert problems_of(text.encode() if as_bytes else text, "json") == [("/requests/received/total", TOO_MANY)]

    def test_from_data_refuses_a_huge_integer_without_a_traceback(self) -> None:
        """Plain data holding ``10**4400`` gives a located problem, not Python's int-to-text ValueError."""
        data = json_codec.to_data(with_total(5))
        data["requests"]["received"]["total"] = 10**4400
        data["year"] = 10**4400
        with pytest.raises(gd.ParseError) as caught:
            json_codec.from_data(data)
        assert [(p.pointer, p.message) for p in caught.value.problems] == [
            ("/year", "expected a four-digit year such as 2021, got an integer of more than 4300 digits"),
            ("/requests/received/total", TOO_MANY),
        ]

    def test_xml_says_what_is_wrong_with_a_4301_digit_count(self) -> None:
        """Not "not a calendar date": the count's own expectation, with the text cut short."""
        body = f"<requests><received><total>{'1' * 4301}</total></received></requests>"
        [(pointer, message)] = problems_of(f"{XML_HEAD}{body}</annual-report>", "xml")
        assert pointer == "/requests/received/total"
        assert message == ('expected an integer ≥ 0 (leave the element out for a blank cell); got "' + "1" * 37 + '…"')

    def test_the_schemas_state_the_same_bound(self) -> None:
        """The JSON Schema's counts have the maximum, the XSD's patterns the digit counts."""
        text = json.dumps(gd.json_schema())
        assert f'"maximum": {MAX_COUNT}' in text
        assert f'"minimum": -{MAX_COUNT}' in text
        assert "(0|[1-9][0-9]{0,29})" in gd.xml_schema()


class TestExtensionsEquality:
    """Equal reports dump to the same text: extensions compare as written, not by Python's ``==``."""

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            ({"a": 1}, {"a": True}),
            ({"a": 0}, {"a": False}),
            ({"a": [1, True]}, {"a": [True, 1]}),
            ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
        ],
        ids=["one-true", "zero-false", "nested", "key-order"],
    )
    def test_values_written_differently_are_not_equal(self, left: dict[str, Any], right: dict[str, Any]) -> None:
        """``{"a": 1}`` and ``{"a": true}`` dump differently, so their reports differ."""
        one = attrs.evolve(with_total(1), extensions=left)
        other = attrs.evolve(with_total(1), extensions=right)
        assert gd.dumps(one) != gd.dumps(other)
        assert one != other
        assert hash(one) == hash(other)  # still hashable; the hash just does not look at extensions

    def test_equal_reports_dump_alike(self) -> None:
        """A report read back from its dump equals it, and the extensions read as plain data."""
        report = attrs.evolve(with_total(1), extensions={"ns": {"n": 1, "ok": True, "tags": ["a"], "none": None}})
        for format in ("json", "xml"):
            again = gd.loads(gd.dumps(report, format=format), format=format)
            assert again == report
            assert gd.dumps(again, format=format) == gd.dumps(report, format=format)
        assert report.extensions == {"ns": {"n": 1, "ok": True, "tags": ["a"], "none": None}}
        assert report.extensions is not None
        assert report.extensions["ns"]["n"] == 1
        assert attrs.evolve(report, extensions=None) != report


class TestTextLength:
    """A text longer than every codec carries is refused by the model, and by every reader at its pointer."""

    def test_the_limit(self) -> None:
        """One definition: a million characters, under libxml2's limit on a text node."""
        assert MAX_TEXT_LENGTH == 1_000_000

    @pytest.mark.parametrize("length", [MAX_TEXT_LENGTH + 1, 10_000_001])
    def test_the_model_refuses_a_text_longer_than_the_limit(self, length: int) -> None:
        """A 10,000,001-character text (which XML could not read back) is refused at construction."""
        with pytest.raises(
            ValueError, match=f"^Narrative.overview: {length} characters long; a text holds at most 1000000$"
        ):
            Narrative(overview="文" * length)
        with pytest.raises(ValueError, match=f"^Agency.name: {length} characters long; a name holds at most 1000$"):
            Agency(name="局" * length)

    def test_the_longest_text_round_trips_through_json_and_xml(self) -> None:
        """A text of exactly the limit, in Chinese (three UTF-8 bytes a character), dumps and loads back."""
        report = AnnualReport2021(year=2021, agency=AGENCY, narrative=Narrative(overview="文" * MAX_TEXT_LENGTH))
        for format in ("json", "xml"):
            assert gd.loads(gd.dumps(report, format=format), format=format) == report

    @pytest.mark.parametrize("format", ["json", "xml"])
    def test_readers_refuse_a_text_longer_than_the_limit_at_its_pointer(self, format: str) -> None:
        """The compiled reading declines it and the careful one names the cell."""
        report = AnnualReport2021(year=2021, agency=AGENCY, narrative=Narrative(overview="文"))
        text = gd.dumps(report, format=format).replace("文", "文" * (MAX_TEXT_LENGTH + 1))
        message = "the string is" if format == "json" else "the text is"
        assert problems_of(text, format) == [
            ("/narrative/overview", f"{message} 1000001 characters long; a text holds at most 1000000")
        ]

    def test_an_extension_longer_than_the_limit_is_refused(self) -> None:
        """One extension's data, written as JSON text, is held to the same limit; so is its name."""
        with pytest.raises(TypeError, match=r"^AnnualReport2021\.extensions: /ns: its JSON text is 1000003 characters"):
            AnnualReport2021(year=2021, agency=AGENCY, extensions={"ns": "x" * (MAX_TEXT_LENGTH + 1)})
        with pytest.raises(TypeError, match=r"the name is 1000001 characters long"):
            AnnualReport2021(year=2021, agency=AGENCY, extensions={"n" * (MAX_TEXT_LENGTH + 1): 1})
        document = json_codec.dumps(AnnualReport2021(year=2021, agency=AGENCY, extensions={"ns": "x"}))
        long = document.replace('"x"', json.dumps("x" * MAX_TEXT_LENGTH))
        assert problems_of(long, "json") == [
            ("/extensions/ns", "its JSON text is 1000002 characters long; a text holds at most 1000000")
        ]

    def test_an_extension_integer_too_long_to_write_is_refused(self) -> None:
        """``10**4400`` inside an extension is refused at construction (its report could not be dumped)."""
        with pytest.raises(TypeError, match=r"^AnnualReport2021\.extensions: /ns: holds an integer with too many"):
            AnnualReport2021(year=2021, agency=AGENCY, extensions={"ns": [10**4400]})

    def test_csv_reads_back_a_long_text(self) -> None:
        """A 4,097-character narrative section dumps to CSV, and CSV reads it back."""
        report = AnnualReport2021(year=2021, agency=AGENCY, narrative=Narrative(overview="文" * 4097))
        assert gd.loads(gd.dumps(report, format="csv"), format="csv") == report
