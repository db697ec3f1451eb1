"""The standard XML codec: round trips, hardened parsing, located problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import govdisclosure as gd
from govdisclosure.codecs import data as data_codec
from govdisclosure.codecs import xml as xml_codec
from govdisclosure.codecs._xml_read import careful_problems, structure_root
from govdisclosure.strategies import reports

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NS = xml_codec.NAMESPACE
HEAD = (
    f'<annual-report xmlns="{NS}"><schema>govdisclosure/annual-report/1</schema><template>2021</template>'
    "<year>2021</year><agency><name>某局</name></agency>"
)


def document(body: str = "", head: str = HEAD) -> str:
    """A minimal 2021 report document with *body* after the agency."""
    return f"{head}{body}</annual-report>"


def problems_of(data: str | bytes, **options: Any) -> list[gd.Problem]:
    """The problems loading *data* as XML raises."""
    with pytest.raises(gd.ParseError) as caught:
        xml_codec.loads(data, **options)
    return list(caught.value.problems)


class TestRoundTrip:
    """Every report survives XML, and XML agrees with JSON."""

    @given(reports(consistent=False))
    def test_loads_dumps(self, report: gd.AnnualReport) -> None:
        """loads(dumps(r)) == r for every report of every template."""
        assert xml_codec.loads(xml_codec.dumps(report)) == report

    @given(reports(consistent=False))
    def test_json_xml_json_is_identity(self, report: gd.AnnualReport) -> None:
        """JSON → XML → JSON gives back the same JSON, byte for byte."""
        text = gd.dumps(report)
        again = xml_codec.loads(xml_codec.dumps(gd.loads(text)))
        assert gd.dumps(again) == text

    @given(reports(consistent=False))
    def test_canonical_form(self, report: gd.AnnualReport) -> None:
        """The canonical form is C14N 2.0 of the document, and it loads back equal."""
        canonical = xml_codec.dumps(report, canonical=True)
        assert canonical == etree.tostring(etree.fromstring(xml_codec.dumps(report).encode()), method="c14n2").decode()
        assert xml_codec.loads(canonical) == report

    def test_deterministic_and_readable(self) -> None:
        """The same report gives the same text; blanks are absent, zeros written, empty groups closed."""
        report = gd.load(EXAMPLES / "2019-tianshui-civil-affairs.json")
        text = xml_codec.dumps(report)
        assert text == xml_codec.dumps(gd.loads(gd.dumps(report)))
        assert text.startswith(f'<?xml version="1.0" encoding="UTF-8"?>\n<annual-report xmlns="{NS}">\n')
        assert "    <licensing>\n      <previous-year>5</previous-year>\n      <change>2</change>" in text
        assert "<fees/>" in text  # 行政事业性收费 left entirely blank
        assert "<natural-person>" not in text  # table 三 gives totals only

    def test_awkward_text_survives(self) -> None:
        """Markup characters, a carriage return, edge white space and ]]> come back exactly."""
        name = '  <局> & "某" ]]> \r\n\t '
        report = gd.AnnualReport2021(year=2021, agency=gd.Agency(name=name, parent=""))
        again = xml_codec.loads(xml_codec.dumps(report))
        assert again.agency == report.agency

    def test_extensions_survive(self) -> None:
        """Extension data is carried as JSON text, whatever it holds."""
        extensions = {"a/b~c": {"x": ["<&>", None, True, 2**70, "\x00\ufffe"]}, "空": {}}
        report = gd.AnnualReport2021(year=2021, agency=gd.Agency(name="局"), extensions=extensions)
        text = xml_codec.dumps(report)
        assert '<extension name="a/b~c">' in text
        assert xml_codec.loads(text).extensions == extensions

    def test_legacy_figures(self) -> None:
        """A legacy figure keeps count and amount apart: an amount carries type="decimal"."""
        from decimal import Decimal

        figures = (
            gd.Figure(measure="fees", value=Decimal("3"), unit="元"),
            gd.Figure(
                measure="requests_received",
                value=3,
                unit="件",
                source=gd.SourceSpan(start=1, end=9, text="受理申请3件"),
            ),
        )
        report = gd.LegacyReport(year=2016, agency=gd.Agency(name="局"), figures=figures)
        text = xml_codec.dumps(report)
        assert '<value type="decimal">3</value>' in text
        assert "<value>3</value>" in text
        assert gd.dumps(xml_codec.loads(text)) == gd.dumps(report)

    def test_by_suffix(self, tmp_path: Path) -> None:
        """gd.dump/gd.load pick XML from the .xml suffix."""
        report = gd.load(EXAMPLES / "2021-report.json")
        gd.dump(report, tmp_path / "r.xml")
        assert (tmp_path / "r.xml").read_text("utf-8").startswith("<?xml")
        assert gd.load(tmp_path / "r.xml") == report
        assert gd.loads(gd.dumps(report, format="xml"), format="xml") == report


class TestAttacks:
    """Hostile documents are refused with a ParseError that says why and where."""

    def test_xxe_file(self) -> None:
        """An external entity reading a local file is refused before parsing: no DTD at all."""
        data = f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n{document("&x;")}'
        [problem] = problems_of(data)
        assert (problem.line, problem.column) == (2, 1)
        assert problem.message == "a DTD is not allowed (it could declare entities or fetch external files)"

    def test_xxe_url(self) -> None:
        """An external entity fetching a URL is refused, and nothing is fetched."""
        data = f'<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>{document("&x;")}'
        assert problems_of(data)[0].message.startswith("a DTD is not allowed")

    def test_billion_laughs(self) -> None:
        """Nested entity expansion is refused."""
        entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
        data = f'<!DOCTYPE r [<!ENTITY l0 "lol">{entities}]>{document("&l9;")}'
        assert problems_of(data)[0].message.startswith("a DTD is not allowed")

    def test_quadratic_blowup(self) -> None:
        """One large entity referenced many times is refused."""
        data = f'<!DOCTYPE r [<!ENTITY a "{"x" * 50_000}">]>{document("&a;" * 5_000)}'
        assert problems_of(data)[0].message.startswith("a DTD is not allowed")

    def test_external_dtd(self) -> None:
        """A reference to an external DTD is refused and never loaded."""
        data = f'<!DOCTYPE annual-report SYSTEM "http://127.0.0.1:9/r.dtd">{document()}'
        assert problems_of(data)[0].message.startswith("a DTD is not allowed")

    def test_undeclared_entity(self) -> None:
        """An entity reference without a declaration is not well-formed, located."""
        [problem] = problems_of(document("<published>&x;</published>"))
        assert problem.message == "not well-formed XML: Entity 'x' not defined"
        assert problem.line == 1

    def test_deeply_nested(self) -> None:
        """Nesting beyond the parser's hard limit is refused as not well-formed."""
        data = document("<a>" * 5_000 + "</a>" * 5_000)
        assert "not well-formed XML" in problems_of(data)[0].message

    def test_nested_beyond_the_depth_limit(self) -> None:
        """Nesting deeper than max_depth is refused with that reason."""
        data = document("<proactive>" + "<rules>" * 40 + "</rules>" * 40 + "</proactive>")
        assert [p.message for p in problems_of(data)] == ["elements nest deeper than 32 levels"]
        assert (
            "deeper than 8"
            in problems_of(document("<a><b><c><d><e><f><g><h><i/></h></g></f></e></d></c></b></a>"), max_depth=8)[
                0
            ].message
        )

    def test_oversize(self) -> None:
        """A document over the size limit is refused before parsing."""
        assert problems_of(document(), max_size=100)[0].message.startswith("document of")

    def test_wrong_namespace(self) -> None:
        """A root in another namespace is not a report."""
        [problem] = problems_of(document().replace(NS, "urn:example:other"))
        assert problem.message == (
            "the root element is <annual-report> in the namespace urn:example:other; "
            f"expected <annual-report> in the namespace {NS}"
        )

    def test_invalid_utf8(self) -> None:
        """Bytes that are not UTF-8 are refused with their line and column."""
        [problem] = problems_of(document("<published>X</published>").encode().replace(b"X", b"\xff"))
        assert problem.message == "not UTF-8: byte 0xff cannot be decoded"
        assert problem.line == 1

    def test_other_encoding_declared(self) -> None:
        """A document declaring another encoding is refused, whatever its bytes."""
        data = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + document().replace("某局", "A")).encode("latin-1")
        assert problems_of(data)[0].message == "the document declares encoding ISO-8859-1; only UTF-8 is accepted"

    def test_utf16(self) -> None:
        """UTF-16 (with its byte-order mark) is refused: only UTF-8 is accepted."""
        assert problems_of(document().encode("utf-16"))[0].message.startswith("not UTF-8")
        assert problems_of(document().encode("utf-16-le"))[0].message.startswith("not UTF-8")


class TestProblems:
    """Problems in a well-formed document carry the line, the XPath and the JSON Pointer."""

    def test_located(self) -> None:
        """Each problem names its line, XPath and pointer."""
        data = document("\n<requests>\n<received>\n<total>3件</total>\n</received>\n</requests>")
        [problem] = problems_of(data)
        assert problem.pointer == "/requests/received/total"
        assert problem.xpath == "/gd:annual-report/gd:requests/gd:received/gd:total"
        assert problem.line == 4
        assert problem.message.startswith('expected an integer ≥ 0 (leave the element out for a blank cell); got "3件"')

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("<publisher/>", "unknown element <publisher>; did you mean <published>?"),
            (
                "<published>2022-01-28</published><published>2022-01-29</published>",
                "<published> appears more than once",
            ),
            ("<requests>总计<received/></requests>", 'text "总计" is not allowed here'),
            ("<requests><received/>x</requests>", 'text "x" is not allowed here'),
            ('<requests><received id="1"/></requests>', "attribute id is not allowed here"),
            (
                "<requests><received><total>007</total></received></requests>",
                'expected an integer ≥ 0 (leave the element out for a blank cell); got "007"',
            ),
            (
                "<requests><received><total/></received></requests>",
                "expected an integer ≥ 0 (leave the element out for a blank cell); got an empty element",
            ),
            (
                "<requests><received><total> 3</total></received></requests>",
                'expected an integer ≥ 0 (leave the element out for a blank cell); got " 3"',
            ),
            ("<requests><received><total><b/>3</total></received></requests>", "<total> holds a value, not elements"),
            ("<published>2022-02-30</published>", '"2022-02-30" is not a calendar date'),
            (
                "<proactive><fees><amount>5.02万元</amount></fees></proactive>",
                # the money kind's one text-form message, shared with the CSV reader
                'expected an amount in 万元 such as "5.02" (leave the element out for a blank cell); got "5.02万元"',
            ),
            (
                '<extensions><extension name="x">{"a": 1.5}</extension></extensions>',
                "floats are not allowed; use a decimal string",
            ),
            (
                '<extensions><extension name="x">{</extension></extensions>',
                "not JSON text: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            ),
            ('<extensions><other name="x">1</other></extensions>', 'expected <extension name="…"> holding JSON text'),
        ],
    )
    def test_each_problem(self, body: str, message: str) -> None:
        """Each kind of mistake is named."""
        assert [p.message for p in problems_of(document(body))] == [message]

    def test_everything_at_once(self) -> None:
        """Every problem is listed, not only the first."""
        data = document("<published>x</published><requests><received><total>-1</total></received></requests>")
        assert len(problems_of(data.replace("<name>某局</name>", "<name> </name>"))) == 3

    def test_wrong_template_and_schema(self) -> None:
        """A wrong schema string and an unknown template are both reported."""
        data = document(
            head=HEAD.replace("<template>2021</template>", "<template>2020</template>").replace(
                "annual-report/1<", "annual-report/2<"
            )
        )
        assert [p.pointer for p in problems_of(data)] == ["/schema", "/template"]


def _mutations(root: Any) -> st.SearchStrategy[bytes]:
    """Copies of a document with one element changed, removed, doubled, renamed, or given stray content."""
    elements = list(root.iter())[1:]

    def apply(index: int, how: str, text: str) -> bytes:
        copy = etree.fromstring(etree.tostring(root))
        element = list(copy.iter())[1:][index]
        if how == "text" and not len(element):
            element.text = text
        elif how == "remove":
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
        elif how == "double":
            element.addnext(etree.fromstring(etree.tostring(element)))
        elif how == "rename":
            element.tag = element.tag + "x"
        elif how == "attribute":
            element.set("x", text)
        elif how == "tail":
            element.tail = text or "x"
        return etree.tostring(copy)

    return st.builds(
        apply,
        st.integers(0, len(elements) - 1),
        st.sampled_from(["text", "remove", "double", "rename", "attribute", "tail"]),
        st.sampled_from(["", "0", "-1", "3", "5.02", "2021", "2022-01-28", "x", " "]),
    )


@given(st.data())
def test_fast_and_careful_readings_agree(data: st.DataObject) -> None:
    """The compiled walk accepts exactly what the careful reading finds no problem with."""
    report = data.draw(reports(consistent=False))
    mutated = data.draw(_mutations(etree.fromstring(xml_codec.dumps(report).encode())))
    root = etree.fromstring(mutated)
    fast = structure_root(root)
    problems = careful_problems(root, xml_codec.DEFAULT_MAX_DEPTH)
    assert (fast is None) == bool(problems)
    if fast is not None:
        assert data_codec.to_data(fast) == json.loads(gd.dumps(xml_codec.loads(mutated)))


class TestWriterFollowsTheModel:
    """The writer places each part by its field's kind, not by the name of its key."""

    def test_parts_by_kind(self) -> None:
        """A text named ``value`` is no amount, a list's items are named by their class, extensions by kind."""
        from collections.abc import Mapping, Sequence

        import attrs

        from govdisclosure.model._fields import json_field, sequence_field, text_field

        @attrs.frozen(kw_only=True)
        class Entry:
            value: str | None = text_field()

        @attrs.frozen(kw_only=True)
        class Part:
            value: str | None = text_field()
            entries: Sequence[Entry] = sequence_field(Entry)
            extensions: Mapping[str, Any] | None = json_field()

        data = {"value": "5.02", "entries": [{"value": "x"}], "extensions": {"a": 1}}
        lines: list[str] = []
        xml_codec._write_fields(Part, data, 0, lines)
        assert lines == [
            "<value>5.02</value>",
            "<entries>",
            "  <entry>",
            "    <value>x</value>",
            "  </entry>",
            "</entries>",
            "<extensions>",
            '  <extension name="a">1</extension>',
            "</extensions>",
        ]
