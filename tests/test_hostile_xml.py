"""Hostile XML input: documents built to make the reader do too much, or read something else."""

from __future__ import annotations

import difflib
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.codecs import xml as xml_codec

NS = xml_codec.NAMESPACE
HEAD = (
    f'<annual-report xmlns="{NS}"><schema>govdisclosure/annual-report/1</schema><template>2021</template>'
    "<year>2021</year><agency><name>某局</name></agency>"
)


def document(body: str = "", head: str = HEAD) -> str:
    """A minimal 2021 report document with *body* after the agency."""
    return f"{head}{body}</annual-report>"


def error_of(data: str | bytes, **options: Any) -> gd.ParseError:
    """The ParseError loading *data* as XML raises."""
    with pytest.raises(gd.ParseError) as caught:
        xml_codec.loads(data, **options)
    return caught.value


class TestProblemAmplification:
    """A document with a million problems costs what its size does, not a million messages."""

    def test_unknown_elements_are_capped(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """20,000 unknown elements keep 100 problems, count all, and work out at most 100 suggestions."""
        calls = []
        original = difflib.get_close_matches

        def counting(*args: Any, **kwargs: Any) -> list[str]:
            calls.append(args[0])
            matches: list[str] = original(*args, **kwargs)
            return matches

        monkeypatch.setattr(difflib, "get_close_matches", counting)
        error = error_of(document("<a/>" * 20_000))
        assert (len(error.problems), error.total) == (100, 20_000)
        assert str(error).endswith("\n  and 19900 more")
        assert error.problems[0].line == 1
        assert len(calls) == 100


class TestRepeatedKeys:
    """An extension's JSON text that repeats a key is refused at the key's pointer."""

    def test_a_repeated_key_in_an_extension_is_refused(self) -> None:
        """The compiled walk declines it and the careful reading names the key's pointer."""
        error = error_of(document('<extensions><extension name="ns">{"a":{"b":1,"b":2}}</extension></extensions>'))
        assert [(p.pointer, p.message) for p in error.problems] == [
            ("/extensions/ns/a/b", 'the key "b" appears more than once in the same object')
        ]
        assert error.problems[0].line == 1


LAUGHS = (
    '<?xml version="1.0"?>\n<!-- a comment first -->\n'
    '<!DOCTYPE annual-report [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
)


class TestDTD:
    """A DTD is refused where it stands; the text ``<!DOCTYPE`` elsewhere is only text."""

    @pytest.mark.parametrize(
        "data",
        [
            document("<narrative><overview><![CDATA[<!DOCTYPE x>]]></overview></narrative>"),
            '<?xml version="1.0" encoding="UTF-8"?>\n<!-- <!DOCTYPE x> -->\n' + document(),
            document("<!-- <!DOCTYPE x [<!ENTITY e 'e'>]> -->"),
            "<?pi <!DOCTYPE x> ?>" + document(),
        ],
        ids=["cdata", "comment-in-prolog", "comment-in-body", "pi-in-prolog"],
    )
    def test_doctype_as_text_is_not_a_dtd(self, data: str) -> None:
        """``<!DOCTYPE`` inside a CDATA section, a comment or a PI does not make the document one with a DTD."""
        report = xml_codec.loads(data)
        assert report.agency.name == "某局"

    def test_cdata_text_is_kept(self) -> None:
        """The CDATA section's text is the narrative's text."""
        report = xml_codec.loads(document("<narrative><overview><![CDATA[<!DOCTYPE x>]]></overview></narrative>"))
        assert report.narrative is not None
        assert report.narrative.overview == "<!DOCTYPE x>"

    def test_a_real_dtd_is_refused_where_it_stands(self) -> None:
        """Entity declarations (billion laughs) are refused with the DTD's line and column, after a prolog comment."""
        error = error_of(LAUGHS + document("<narrative><overview>&lol2;</overview></narrative>"))
        assert [(p.line, p.column, p.message) for p in error.problems] == [
            (3, 1, "a DTD is not allowed (it could declare entities or fetch external files)")
        ]

    def test_a_dtd_after_the_root_is_a_syntax_error(self) -> None:
        """Past the prolog the parser itself refuses a DOCTYPE, with its place."""
        error = error_of(document() + "<!DOCTYPE x>")
        assert error.problems[0].message.startswith("not well-formed XML")
        assert error.problems[0].line == 1


class TestMarkupInValues:
    """Comments and processing instructions never join the text around them into a value."""

    @pytest.mark.parametrize(
        ("body", "what", "pointer", "xpath"),
        [
            (
                "<requests><received><total>1<!--c-->2</total></received></requests>",
                "a comment",
                "/requests/received/total",
                "/gd:annual-report/gd:requests/gd:received/gd:total",
            ),
            (
                "<requests><received><total>1<?pi x?>2</total></received></requests>",
                "a processing instruction",
                "/requests/received/total",
                "/gd:annual-report/gd:requests/gd:received/gd:total",
            ),
            (
                '<extensions><extension name="a/b">{"x":<!--c-->1}</extension></extensions>',
                "a comment",
                "/extensions/a~1b",
                "/gd:annual-report/gd:extensions/gd:extension[1]",
            ),
        ],
    )
    def test_markup_inside_a_value_is_refused(self, body: str, what: str, pointer: str, xpath: str) -> None:
        """``1<!--c-->2`` is refused at its line, pointer and XPath, not read as 12."""
        error = error_of(document("\n" + body))
        assert [(p.pointer, p.xpath, p.line, p.message) for p in error.problems] == [
            (pointer, xpath, 2, f"{what} inside a value is not allowed (the text on either side would be joined)")
        ]

    @pytest.mark.parametrize(
        "prolog",
        [
            "",
            '<?xml version="1.0" encoding="UTF-8"?>',
            '\ufeff<?xml version="1.0"?>\n',
            "<?xml-stylesheet href='a'?>",
            '<?xml version="1.0"?><?pi?>',
        ],
    )
    def test_markup_is_found_past_any_prolog(self, prolog: str) -> None:
        """The quick test for markup (skipping the walk) sees past the XML declaration only, in text or bytes."""
        body = "<requests><received><total>1<?pi x?>2</total></received></requests>"
        for data in (prolog + document(body), (prolog + document(body)).encode("utf-8")):
            assert [p.pointer for p in error_of(data).problems] == ["/requests/received/total"]

    def test_a_comment_in_a_figure_is_located_by_its_index(self) -> None:
        """Inside a legacy report's second figure, the pointer names the figure's index."""
        head = HEAD.replace("<template>2021</template>", "<template>legacy</template>").replace("2021", "2010")
        figure = "<figure><measure>fees</measure><value>1<!--c-->0</value></figure>"
        error = error_of(document(f"<figures>{figure}{figure}</figures>", head=head))
        assert [p.pointer for p in error.problems] == ["/figures/0/value", "/figures/1/value"]
        assert error.problems[1].xpath == "/gd:annual-report/gd:figures/gd:figure[2]/gd:value"

    def test_markup_between_elements_is_dropped(self) -> None:
        """Comments and PIs between elements, or in an empty element, read as if they were not there."""
        body = (
            "<!-- table 3 --><requests><?keep me?><received>\n  <!-- none -->\n  <total>3</total><!--x-->\n"
            "</received><carried-over><!-- blank --></carried-over></requests><!-- end -->"
        )
        report = xml_codec.loads(document(body) + "<!-- after -->")
        assert isinstance(report, gd.AnnualReport2021)
        assert report.requests.received.total == 3
        assert report == xml_codec.loads(document("<requests><received><total>3</total></received></requests>"))
