"""Hostile CSV input: capped problems, sizes in bytes, repeated keys, numbers too long (issue 10)."""

from __future__ import annotations

import difflib
import tracemalloc
from decimal import Decimal
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure._errors import MAX_PROBLEMS
from govdisclosure.codecs import csv as csv_codec
from govdisclosure.model._json import MAX_TEXT_LENGTH
from govdisclosure.model.kinds import DIGITS_RULE, MAX_COUNT, MAX_NAME_LENGTH

from .test_csv_codec import example, problems_of

HEADER = ",".join(csv_codec.COLUMNS) + "\n"
BAD_ROW = "2021,某局,,2021,tabel,x,y,a,b,1\n"  # an unknown table: a difflib suggestion each, if built
TOO_MANY = f"too many digits: {DIGITS_RULE}"


def error_of(data: str | bytes, **options: object) -> gd.ParseError:
    with pytest.raises(gd.ParseError) as caught:
        csv_codec.loads(data, **options)  # type: ignore[arg-type]
    return caught.value


class TestProblemCap:
    """A table of many bad rows keeps the first hundred problems and counts the rest."""

    def test_the_first_hundred_are_kept_and_the_rest_counted(self) -> None:
        error = error_of(HEADER + BAD_ROW * 1000)
        assert len(error.problems) == MAX_PROBLEMS
        assert (error.total, error.omitted) == (1000, 900)
        assert [p.line for p in error.problems] == list(range(2, 102))
        assert str(error).endswith("\n  and 900 more")
        assert error.problems[0].message.startswith('unknown table "tabel"')

    def test_every_kind_of_problem_is_counted(self) -> None:
        """Rows of the wrong length, unknown tables and bad labels all count toward the total."""
        rows = ("x\n" + BAD_ROW) * 200
        error = error_of(HEADER + rows)
        assert error.total == 400

    def test_suggestions_are_made_for_kept_problems_only(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """difflib runs once per kept problem, not once per bad row."""
        calls = []
        real = difflib.get_close_matches

        def counted(*args: Any, **kwargs: Any) -> list[str]:
            calls.append(args[0])
            return real(*args, **kwargs)

        monkeypatch.setattr(difflib, "get_close_matches", counted)
        error = error_of(HEADER + BAD_ROW * 1000)
        assert error.total == 1000
        assert len(calls) == MAX_PROBLEMS

    def test_memory_grows_with_the_input_not_the_problems(self) -> None:
        """Messages (and difflib suggestions) are built for kept problems only, so 20,000 bad rows hold no
        problem object each (time is measured in the note, not asserted here)."""
        text = HEADER + BAD_ROW * 20_000
        tracemalloc.start()
        error = error_of(text, max_size=10**8)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert error.total == 20_000
        assert peak < 40 * len(text.encode())  # rows and their fields, no problem objects per row


class TestSizeInBytes:
    """The size limit counts text in UTF-8 bytes, as it does bytes."""

    def test_chinese_text_is_counted_in_bytes(self) -> None:
        text = csv_codec.dumps(example())
        size = len(text.encode())
        assert len(text) < size
        limit = len(text) + 1  # enough characters, too few bytes
        assert problems_of(text, max_size=limit) == [
            (None, None, "", f"document of {size} bytes in UTF-8 exceeds the limit of {limit}")
        ]
        assert csv_codec.loads(text, max_size=size) == example()


class TestRepeatedKeys:
    """JSON text in a part row is refused when an object repeats a key, at the key's pointer."""

    def test_extensions_repeating_a_key(self) -> None:
        text = csv_codec.dumps(attrs.evolve(example(), extensions={"a": {"b": 1}}))
        text = text.replace('"{""a"":{""b"":1}}"', '"{""a"":{""b"":1,""b"":2}}"')
        [(_, column, pointer, message)] = problems_of(text)
        assert (pointer, message) == ("/extensions/a/b", 'the key "b" appears more than once in the same object')
        assert column == 10

    def test_legacy_figures_repeating_a_key(self) -> None:
        figure = gd.Figure(measure="requests_received", value=3, unit="件")
        report = gd.LegacyReport(year=2015, agency=gd.Agency(name="某局"), figures=(figure,))
        text = csv_codec.dumps(report)
        assert '""unit"":""件""' in text
        text = text.replace('""unit"":""件""', '""unit"":""件"",""unit"":""个""')
        assert [(p, m) for _, _, p, m in problems_of(text)] == [
            ("/figures/0/unit", 'the key "unit" appears more than once in the same object')
        ]


class TestDigits:
    """A cell of too many digits is refused as JSON and XML refuse it."""

    def test_the_longest_count_reads(self) -> None:
        text = csv_codec.dumps(example()).replace(
            "in_force,规章,现行有效件数,3", f"in_force,规章,现行有效件数,{MAX_COUNT}"
        )
        report = csv_codec.loads(text)
        assert isinstance(report, gd.AnnualReport2021)
        assert report.proactive.rules.in_force == MAX_COUNT

    @pytest.mark.parametrize("value", [str(MAX_COUNT + 1), "1" * 4301, "-" + "1" * 31, "1" * 31 + ".5"])
    def test_one_digit_too_many(self, value: str) -> None:
        text = csv_codec.dumps(example()).replace("in_force,规章,现行有效件数,3", f"in_force,规章,现行有效件数,{value}")
        [(_, _, pointer, message)] = problems_of(text)
        assert pointer == "/proactive/rules/in_force"
        if value.isdigit():
            assert message == TOO_MANY
        else:  # a sign or a fraction: wrong in form, not only in length
            assert message.startswith("expected an integer ≥ 0 or empty for a blank cell")

    def test_amounts_and_changes(self) -> None:
        text = csv_codec.dumps(example())
        amount = "9" * 30 + "." + "9" * 30
        assert csv_codec.loads(_set_fee(text, amount)) is not None
        for too_long in ("9" * 31, "1." + "1" * 31):
            [(_, _, _, message)] = problems_of(_set_fee(text, too_long))
            assert message == TOO_MANY


def _set_fee(text: str, amount: str) -> str:
    """*text* with the first money cell set to *amount*."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if ",proactive,fees,amount," in line:
            head, _, _ = line.rstrip("\n").rpartition(",")
            lines[index] = f"{head},{amount}\n"
            return "".join(lines)
    raise AssertionError("no money cell")


# ------------------------------------------------------------------ whatever the model accepts, every codec reads back

#: Characters that cost the most in some format: four UTF-8 bytes, a doubled quote in CSV, an entity in XML.
COSTLY = ["\U00020000", '"', "&", "<"]


def at_the_limits(character: str, narrative: str | None = None) -> gd.AnnualReport:
    """The 2021 example with every cell at thirty nines and every name and code at its longest, of *character*."""
    text = csv_codec.dumps(example())
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if _is_cell(line):
            head, _, _ = line.rstrip("\n").rpartition(",")
            lines[index] = f"{head},{MAX_COUNT}\n"
    report = csv_codec.loads("".join(lines))
    name = character * MAX_NAME_LENGTH
    agency = gd.Agency(name=name, uscc=name, level="provincial", kind="department", parent=name)
    sections = None if narrative is None else gd.model.Narrative(overview=narrative)
    return attrs.evolve(report, agency=agency, narrative=sections)


def _is_cell(line: str) -> bool:
    return line.split(",")[4] not in {"table", "agency", "published", "narrative", "extensions"}


class TestEveryCodecReadsBack:
    """A report at the model's limits dumps and loads back in JSON, XML and CSV under default settings."""

    def test_names_are_short_texts(self) -> None:
        """One definition: a thousand characters, so the CSV's ~300 repeats stay far under the size limit."""
        assert MAX_NAME_LENGTH == 1_000
        with pytest.raises(ValueError, match=r"^Agency\.name: 1001 characters long; a name holds at most 1000$"):
            gd.Agency(name="局" * (MAX_NAME_LENGTH + 1))
        with pytest.raises(ValueError, match=r"^Figure\.unit: 1001 characters long; a name holds at most 1000$"):
            gd.Figure(measure="requests_received", value=1, unit="件" * (MAX_NAME_LENGTH + 1))

    @pytest.mark.parametrize("character", COSTLY, ids=["astral", "quote", "ampersand", "less-than"])
    @pytest.mark.parametrize("format", ["json", "xml", "csv"])
    def test_longest_names_and_counts(self, format: str, character: str) -> None:
        report = at_the_limits(character)
        assert gd.loads(gd.dumps(report, format=format), format=format) == report

    @pytest.mark.parametrize("character", COSTLY, ids=["astral", "quote", "ampersand", "less-than"])
    @pytest.mark.parametrize("format", ["json", "xml", "csv"])
    def test_the_longest_narrative_section(self, format: str, character: str) -> None:
        report = at_the_limits("局", narrative=character * MAX_TEXT_LENGTH)
        assert gd.loads(gd.dumps(report, format=format), format=format) == report

    @pytest.mark.parametrize("format", ["json", "xml", "csv"])
    def test_a_legacy_report_at_its_limits(self, format: str) -> None:
        """Figures of thirty nines, the longest unit, a source text at the longest."""
        source = gd.model.SourceSpan(start=0, end=MAX_COUNT, text="\U00020000" * MAX_TEXT_LENGTH)
        figure = gd.Figure(measure="requests_received", value=MAX_COUNT, unit="&" * MAX_NAME_LENGTH, source=source)
        money = gd.Figure(measure="fees", value=Decimal("9" * 30 + "." + "9" * 30), unit='"' * MAX_NAME_LENGTH)
        agency = gd.Agency(name="\U00020000" * MAX_NAME_LENGTH, uscc='"' * MAX_NAME_LENGTH)
        report = gd.LegacyReport(year=2015, agency=agency, figures=(figure, money))
        assert gd.loads(gd.dumps(report, format=format), format=format) == report

    @pytest.mark.parametrize("format", ["json", "xml", "csv"])
    def test_readers_refuse_a_name_one_too_long_at_its_pointer(self, format: str) -> None:
        """A 100,000-character agency name (a 20 MB CSV before) is refused by every reader, at /agency/name."""
        report = gd.AnnualReport2021(year=2021, agency=gd.Agency(name="甲"))
        text = gd.dumps(report, format=format).replace("甲", "甲" * (MAX_NAME_LENGTH + 1))
        with pytest.raises(gd.ParseError) as caught:
            gd.loads(text, format=format)
        [problem] = [(p.pointer, p.message) for p in caught.value.problems]
        what = "text" if format == "xml" else "string"
        assert problem == ("/agency/name", f"the {what} is 1001 characters long; a name holds at most 1000")
