"""The JSON codec: round trips, located errors, hostile input, files, cattrs."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure._errors import ProblemLog
from govdisclosure.codecs import data as data_codec
from govdisclosure.codecs import json as json_codec
from govdisclosure.codecs._problems import collect, report_problems
from govdisclosure.codecs._structure import ROOT_KEYS
from govdisclosure.model import REPORT_CLASSES, SCHEMA, RequestRow
from govdisclosure.regulation import LEGACY_MEASURES
from govdisclosure.strategies import reports

MINIMAL: dict[str, Any] = {"schema": SCHEMA, "template": "2021", "year": 2021, "agency": {"name": "某某市民政局"}}


def document(**changes: Any) -> str:
    """A minimal 2021 report document with top-level *changes*."""
    return json.dumps({**MINIMAL, **changes}, ensure_ascii=False)


def problems_of(data: str | bytes) -> list[str]:
    """The rendered problems loading *data* raises."""
    with pytest.raises(gd.ParseError) as caught:
        gd.loads(data)
    return [str(problem) for problem in caught.value.problems]


class TestRoundTrip:
    """Every report survives dumping and loading unchanged."""

    @given(reports(consistent=False), st.sampled_from([None, 2, 4]))
    def test_loads_dumps(self, report: gd.AnnualReport, indent: int | None) -> None:
        """loads(dumps(r)) == r for every report, template and indent, from text and from bytes."""
        text = gd.dumps(report, indent=indent)
        assert gd.loads(text) == report
        assert gd.loads(text.encode()) == report

    def test_integers_beyond_64_bits(self) -> None:
        """Counts too large for 64 bits load exactly from bytes, though orjson reads them as floats."""
        count = 2**64 + 1
        document = (
            f'{{"schema": "{SCHEMA}", "template": "2021", "year": 2021, "agency": {{"name": "x"}}, '
            f'"requests": {{"received": {{"total": {count}}}}}, "extensions": {{"n": {count}}}}}'
        )
        report = gd.loads(document.encode())
        assert isinstance(report, gd.AnnualReport2021)
        assert report.requests.received.total == count
        assert report.extensions == {"n": count}

    @given(reports(consistent=False))
    def test_data_round_trip(self, report: gd.AnnualReport) -> None:
        """from_data inverts to_data, and to_data is plain JSON data."""
        data = data_codec.to_data(report)
        assert json.loads(json.dumps(data)) == data
        assert data_codec.from_data(data) == report

    @given(reports(consistent=False), st.sampled_from([None, 2]))
    def test_orjson_and_stdlib_agree(self, report: gd.AnnualReport, indent: int | None) -> None:
        """The output is the same byte for byte with and without orjson."""
        pytest.importorskip("orjson")
        fast = json_codec.dumps(report, indent=indent)
        saved, json_codec._orjson = json_codec._orjson, None
        try:
            assert json_codec.dumps(report, indent=indent) == fast
        finally:
            json_codec._orjson = saved

    def test_blank_and_zero_survive(self) -> None:
        """A blank cell stays null and a written zero stays 0."""
        text = document(requests={"received": {"natural_person": 0, "total": None}})
        report = gd.loads(text)
        assert isinstance(report, gd.AnnualReport2021)
        assert report.requests.received.natural_person == 0
        assert report.requests.received.total is None
        data = json.loads(gd.dumps(report))
        assert data["requests"]["received"]["natural_person"] == 0
        assert data["requests"]["received"]["total"] is None

    def test_left_out_rows_read_as_blank(self) -> None:
        """A row or table left out loads with all its cells blank."""
        report = gd.loads(document())
        assert isinstance(report, gd.AnnualReport2021)
        assert report.requests.outcomes.withheld.state_secret == RequestRow()
        assert report.proactive.fees.amount is None

    def test_output_is_complete_and_ordered(self) -> None:
        """Dumping writes every cell, keys in the models' order, Chinese unescaped."""
        text = gd.dumps(gd.loads(document()))
        data = json.loads(text)
        assert list(data) == [
            "schema",
            "template",
            "year",
            "agency",
            "published",
            "proactive",
            "requests",
            "review_litigation",
        ]
        assert list(data["requests"]["received"]) == [field.name for field in attrs.fields(RequestRow)]
        assert "某某市民政局" in text

    def test_money_is_a_decimal_string(self) -> None:
        """Amounts load as Decimal and dump as plain decimal strings, trailing zeros kept."""
        report = gd.loads(document(proactive={"fees": {"amount": "5.020"}}))
        assert isinstance(report, gd.AnnualReport2021)
        assert report.proactive.fees.amount == Decimal("5.020")
        assert '"amount": "5.020"' in gd.dumps(report)

    def test_exponent_amounts_dump_plainly(self) -> None:
        """A Decimal built with an exponent is written in plain notation and reloads equal."""
        report = gd.loads(document())
        assert isinstance(report, gd.AnnualReport2021)
        report = attrs.evolve(
            report, proactive=attrs.evolve(report.proactive, fees=type(report.proactive.fees)(amount=Decimal("1E+2")))
        )
        assert '"amount": "100"' in gd.dumps(report)
        assert gd.loads(gd.dumps(report)) == report

    def test_extensions_pass_through(self) -> None:
        """Extension data comes back untouched, whatever its shape."""
        extensions = {"cn.example.portal": {"id": "a/b~c", "tags": ["一", 2, None, True], "nested": {"x": {}}}}
        report = gd.loads(document(extensions=extensions))
        assert report.extensions == extensions
        assert json.loads(gd.dumps(report))["extensions"] == extensions

    @pytest.mark.parametrize("character", ["\x00", "\x1f", "\x0b", "\ufffe", "\uffff"])
    def test_text_no_document_can_carry(self, character: str) -> None:
        """Control characters XML 1.0 cannot carry are refused in text, at the pointer, naming the character."""
        [message] = problems_of(document(agency={"name": f"局{character}"}))
        assert message == (
            f"/agency/name: the string holds U+{ord(character):04X}, a character no UTF-8 or XML document can carry"
        )

    def test_control_characters_are_escaped_alike(self) -> None:
        """Control and separator characters in text are written the same with or without orjson."""
        name = '局\t\n\r\x7f\u2028\u2029"\\/'
        report = gd.loads(document(agency={"name": name}))
        assert report.agency.name == name
        assert gd.loads(gd.dumps(report)).agency.name == name


class TestErrors:
    """Bad documents raise one ParseError that lists every problem at its JSON Pointer."""

    def test_issue_example(self) -> None:
        """A count written with its unit is refused at its pointer."""
        assert problems_of(document(requests={"received": {"total": "3件"}})) == [
            '/requests/received/total: expected an integer ≥ 0 or null, got "3件"'
        ]

    def test_every_problem_is_listed(self) -> None:
        """Problems in different places are all reported, in document order."""
        messages = problems_of(
            document(
                year="2021",
                agency={"nam": "x"},
                published="2021-02-30",
                proactive={"fees": {"amount": 5.02}},
                requests={"received": {"natural_person": -1, "total": 1.0}},
            )
        )
        assert messages == [
            '/year: expected a four-digit year such as 2021, got the string "2021"',
            '/agency/nam: unknown key "nam"; did you mean "name"?',
            "/agency/name: required: a string",
            '/published: "2021-02-30" is not a calendar date',
            '/proactive/fees/amount: expected a decimal string in 万元 such as "5.02" or null, got the number 5.02',
            "/requests/received/natural_person: expected an integer ≥ 0 or null, got -1",
            "/requests/received/total: expected an integer ≥ 0 or null, got the number 1.0",
        ]

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"schema": "other/1"}, '/schema: expected "govdisclosure/annual-report/1", got "other/1"'),
            ({"template": "2020"}, '/template: expected one of "2019", "2021", "legacy"; got the string "2020"'),
            ({"year": True}, "/year: expected a four-digit year such as 2021, got true"),
            (
                {"colour": "red"},
                '/colour: unknown key "colour"; expected one of: year, agency, published, '
                "proactive, requests, review_litigation, narrative, extensions",
            ),
            ({"agency": {"name": "  "}}, "/agency/name: must not be blank"),
            (
                {"agency": {"name": "x", "level": "city"}},
                '/agency/level: expected one of "national", "provincial", "municipal", "county", "township" or '
                'null, got "city"',
            ),
            ({"requests": {"received": None}}, "/requests/received: expected an object, got null"),
            ({"requests": []}, "/requests: expected an object, got an array"),
            (
                {"proactive": {"fees": {"amount": "-1"}}},
                '/proactive/fees/amount: expected a decimal string in 万元 such as "5.02" or null, got "-1"',
            ),
            (
                {"proactive": {"fees": {"amount": "1e3"}}},
                '/proactive/fees/amount: expected a decimal string in 万元 such as "5.02" or null, got "1e3"',
            ),
            ({"published": "2022/01/28"}, '/published: expected a date written YYYY-MM-DD or null, got "2022/01/28"'),
            ({"extensions": {"x": [1, 2.5]}}, "/extensions/x/1: floats are not allowed; use a decimal string"),
            ({"extensions": []}, "/extensions: expected an object or null, got an array"),
            (
                {"narrative": {"summary": "…"}},
                '/narrative/summary: unknown key "summary"; expected one of: '
                "overview, proactive, requests, fees, review_litigation, problems, other",
            ),
        ],
    )
    def test_single_problem(self, changes: dict[str, Any], expected: str) -> None:
        """Each kind of mistake gets its own clear message at the right pointer."""
        assert problems_of(document(**changes)) == [expected]

    def test_template_specific_keys(self) -> None:
        """A 2021-only row in a 2019 report is an unknown key, not silently dropped."""
        text = json.dumps(
            {**MINIMAL, "template": "2019", "year": 2019, "requests": {"outcomes": {"other": {"no_correction": {}}}}}
        )
        assert problems_of(text) == [
            '/requests/outcomes/other/no_correction: unknown key "no_correction"; '
            "expected one of: natural_person, commercial, research, public_interest, "
            "legal_services, other_org, total"
        ]

    def test_missing_template_still_checks_schema(self) -> None:
        """Without a template both the schema and the template problems are listed."""
        assert problems_of(json.dumps({"year": 2021})) == [
            '/schema: required: "govdisclosure/annual-report/1"',
            '/template: expected one of "2019", "2021", "legacy"; it is missing',
        ]

    def test_legacy_figures_are_located(self) -> None:
        """Problems inside a list carry the item's index."""
        text = json.dumps(
            {
                **MINIMAL,
                "template": "legacy",
                "year": 2016,
                "figures": [
                    {"measure": "requests_received", "value": 3, "unit": "件"},
                    {
                        "measure": "requests",
                        "value": "3件",
                        "unit": "件",
                        "source": {"start": 5, "end": 2, "text": "x"},
                    },
                ],
            }
        )
        assert problems_of(text) == [
            f"/figures/1/measure: expected one of {len(LEGACY_MEASURES.keys())} keys "
            '(closest: "requests_fax", "requests_email", "requests_online"), got "requests"',
            '/figures/1/value: expected an integer ≥ 0 or a decimal string such as "5.02", got "3件"',
            "/figures/1/source: SourceSpan.end: 2 is before start 5",
        ]

    def test_pointer_escapes_keys(self) -> None:
        """Unknown keys with / and ~ are escaped as RFC 6901 says."""
        assert problems_of(document(**{"a/b~c": 1}))[0].startswith("/a~1b~0c: unknown key")

    def test_error_is_a_value_error(self) -> None:
        """ParseError is a ValueError and a GovDisclosureError, and its text lists the problems."""
        with pytest.raises(ValueError, match=r"2 problems\n  /year"):
            gd.loads(document(year=None, published=1))
        assert issubclass(gd.ParseError, gd.GovDisclosureError)


class TestHostileInput:
    """Malformed and hostile input gets a located ParseError, never a traceback."""

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            (b'{"a": \n  [1,,]}', "line 2, column 6: not valid JSON: Expecting value"),
            (b"", "line 1, column 1: not valid JSON: Expecting value"),
            (b'{"schema": "\xff"}', "line 1, column 13: not UTF-8: byte 0xff at offset 12 cannot be decoded"),
            (b"[1, 2]", "expected a report object, got an array"),
            (b'"report"', 'expected a report object, got "report"'),
            (b"NaN", "expected a report object, got the number nan"),
            (b"[" * 100_000, "not a report: the JSON nests too deeply"),
            (
                b"1" * 5000,
                "not valid JSON: Exceeds the limit (4300 digits) for integer string conversion: "
                "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ],
    )
    def test_refused(self, data: bytes, expected: str) -> None:
        """Each malformed input names its problem and, for syntax, the line and column."""
        assert problems_of(data) == [expected]

    def test_size_limit(self) -> None:
        """Documents over the size limit are refused before parsing."""
        with pytest.raises(gd.ParseError, match="exceeds the limit of 10"):
            gd.loads(document(), max_size=10)

    def test_byte_order_mark(self) -> None:
        """A UTF-8 byte-order mark, as Windows tools write, is accepted in bytes and text."""
        assert gd.loads(b"\xef\xbb\xbf" + document().encode()) == gd.loads(document())
        assert gd.loads("\ufeff" + document()) == gd.loads(document())

    def test_lone_surrogate(self) -> None:
        """A lone surrogate escape, which no UTF-8 file can hold, is refused at its pointer."""
        assert problems_of(document(agency={"name": "\\ud800"}).replace("\\\\", "\\")) == [
            "/agency/name: the string holds U+D800, a character no UTF-8 or XML document can carry"
        ]

    def test_wrong_argument_type(self) -> None:
        """Passing something that is not text is a TypeError, a programming mistake."""
        with pytest.raises(TypeError, match="expected str or bytes"):
            gd.loads(42)  # type: ignore[call-overload]


def _mutations(data: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Copies of *data* with one value replaced, one key removed or one key added, anywhere."""
    paths: list[tuple[str, ...]] = []

    def walk(node: Any, path: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            paths.append(path)
            for key, value in node.items():
                walk(value, (*path, key))
        else:
            paths.append(path)

    walk(data, ())
    junk = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 3),
        st.floats(allow_nan=False),
        st.text(max_size=4),
        st.just([]),
        st.just({}),
        st.just("2021-01-01"),
        st.just("5.02"),
    )

    def apply(path: tuple[str, ...], how: str, key: str, value: Any) -> dict[str, Any]:
        copy: dict[str, Any] = json.loads(json.dumps(data))
        if not path:
            copy[key] = value
            return copy
        parent = copy
        for part in path[:-1]:
            parent = parent[part]
        if how == "replace":
            parent[path[-1]] = value
        elif how == "delete":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][key] = value
        return copy

    return st.builds(
        apply,
        st.sampled_from(paths),
        st.sampled_from(["replace", "delete", "add"]),
        st.sampled_from(["total", "extra", "name", "amount"]),
        junk,
    )


@given(st.data())
def test_fast_and_careful_paths_agree(data: st.DataObject) -> None:
    """The compiled path accepts exactly what the careful path finds no problem with."""
    report = data.draw(reports(consistent=False))
    mutated = data.draw(_mutations(data_codec.to_data(report)))
    problems = report_problems(mutated)
    if problems:
        with pytest.raises(gd.ParseError) as caught:
            data_codec.from_data(mutated)
        assert list(caught.value.problems) == list(problems)
    else:
        careful = ProblemLog()
        built = collect(REPORT_CLASSES[mutated["template"]], mutated, "", careful, extra_keys=ROOT_KEYS)
        assert data_codec.from_data(mutated) == built


class TestFiles:
    """load/dump on paths and file objects."""

    def test_path_round_trip(self, tmp_path: Any) -> None:
        """A report dumped to a .json path loads back equal, and the file ends in a newline."""
        report = gd.loads(document())
        path = tmp_path / "report.json"
        gd.dump(report, path)
        assert path.read_bytes().endswith(b"}\n")
        assert gd.load(path) == report

    def test_file_objects(self) -> None:
        """Binary file objects work both ways."""
        report = gd.loads(document())
        buffer = io.BytesIO()
        gd.dump(report, buffer, format="json")
        buffer.seek(0)
        assert gd.load(buffer, format="json") == report

    def test_error_names_the_file(self, tmp_path: Any) -> None:
        """A ParseError from a file says which file."""
        path = tmp_path / "bad.json"
        path.write_text(document(year=None), encoding="utf-8")
        with pytest.raises(gd.ParseError) as caught:
            gd.load(path)
        assert caught.value.source == str(path)
        assert str(caught.value).startswith(f"{path}: /year: expected a four-digit year")

    def test_missing_file(self, tmp_path: Any) -> None:
        """A file that cannot be read is a ParseError naming it, not an OSError."""
        with pytest.raises(gd.ParseError, match="cannot read: No such file or directory"):
            gd.load(tmp_path / "absent.json")

    def test_unknown_suffix(self, tmp_path: Any) -> None:
        """A suffix with no known format is a clear ValueError."""
        with pytest.raises(ValueError, match="cannot tell the format"):
            gd.load(tmp_path / "report.txt")

    def test_unknown_format(self) -> None:
        """An unknown format name is a clear ValueError."""
        with pytest.raises(ValueError, match="unknown format 'yaml'"):
            gd.dumps(gd.loads(document()), format="yaml")


class TestConverter:
    """The cattrs face of the codec."""

    @given(reports(consistent=False))
    def test_structure_unstructure(self, report: gd.AnnualReport) -> None:
        """A configured converter reads and writes reports exactly as the codec does."""
        converter = json_codec.make_converter()
        data = converter.unstructure(report)
        assert data == data_codec.to_data(report)
        assert converter.structure(data, type(report)) == report
        assert converter.structure(data, gd.AnnualReport) == report  # type: ignore[arg-type]

    def test_parts(self) -> None:
        """Parts of a report structure on their own, with their problems located."""
        converter = json_codec.make_converter()
        assert converter.structure({"total": 3}, RequestRow) == RequestRow(total=3)
        with pytest.raises(gd.ParseError, match="/total: expected an integer"):
            converter.structure({"total": "3"}, RequestRow)

    def test_views_are_not_claimed(self) -> None:
        """Classes outside the interchange shape (a Cell) are left to cattrs' own hooks."""
        import cattrs

        from govdisclosure.codecs.json import configure_converter

        converter = json_codec.make_converter()
        configure_converter(converter)  # configuring twice is harmless
        with pytest.raises(cattrs.errors.StructureHandlerNotFoundError):
            converter.structure({"path": ["a"], "value": 1}, gd.Cell)
        assert converter.structure({"total": 3}, RequestRow) == RequestRow(total=3)

    def test_wrong_class(self) -> None:
        """Structuring a 2021 document as a 2019 report is refused."""
        with pytest.raises(gd.ParseError, match='/template: expected "2019"'):
            json_codec.make_converter().structure(json.loads(document()), gd.AnnualReport2019)


def test_report_classes_cover_templates() -> None:
    """Every template the vocabulary defines has a report class, and the reverse."""
    from govdisclosure.regulation import TEMPLATES

    assert set(REPORT_CLASSES) == set(TEMPLATES)


def test_plain_data_layer_is_codecs_data() -> None:
    """``to_data``/``from_data`` live in ``codecs.data``; ``codecs.json`` still offers them, the same functions."""
    assert json_codec.to_data is data_codec.to_data
    assert json_codec.from_data is data_codec.from_data
    with pytest.raises(TypeError, match="expected a report, got dict"):
        data_codec.to_data({})  # type: ignore[arg-type]
