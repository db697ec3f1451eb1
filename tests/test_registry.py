"""The formats registry: lookup, sniffing, read-only and write-only formats, typed loading, bounded reads."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.codecs import Format, ReadResult, format_for, formats, get_format, register_format
from govdisclosure.codecs import unregister_format as unregister
from govdisclosure.rules import NO_LABEL, Text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REPORT = gd.load(EXAMPLES / "2021-report.json", as_=gd.AnnualReport2021)


@pytest.fixture
def shouting() -> Iterator[Format]:
    """A write-only format, registered for the test and taken away after."""
    fmt = Format(name="shout", suffixes=(".shout",), writer=lambda report, **_: report.agency.name + "!")
    register_format(fmt)
    yield fmt
    unregister("shout")


def test_built_in_formats() -> None:
    """JSON, XML and CSV read and write; JSON Lines holds many reports and is read only by iter_load.

    The importers' published pages (text, HTML) are read only.
    """
    assert [(f.name, f.reader is not None, f.writer is not None) for f in formats()] == [
        ("json", True, True),
        ("xml", True, True),
        ("csv", True, True),
        ("jsonl", False, False),
        ("text", True, False),
        ("html", True, False),
    ]


def test_unknown_name_lists_the_known() -> None:
    """An unknown format name is a ValueError naming every registered format."""
    with pytest.raises(ValueError, match="unknown format 'yaml'; expected one of: json, xml, csv, jsonl, text, html"):
        get_format("yaml")


def test_write_only_format(shouting: Format) -> None:
    """A format with a writer only writes, and says clearly that it cannot read."""
    assert gd.dumps(REPORT, "shout") == "重庆市民政局!"
    assert format_for("out.shout") is shouting
    with pytest.raises(ValueError, match="format 'shout' cannot be read as one report"):
        gd.loads("x", "shout")


def test_read_only_format(tmp_path: Path) -> None:
    """A format with a reader only reads, returning its findings beside the report; writing it is refused."""
    guessed = Text.same("guessed")
    finding = gd.Finding(code="X-GUESS", severity=gd.Severity.INFO, path="", label=NO_LABEL, message=guessed)
    fmt = Format(
        name="guess", suffixes=(".guess",), reader=lambda data, **_: ReadResult(report=REPORT, findings=(finding,))
    )
    register_format(fmt)
    try:
        (tmp_path / "a.guess").write_text("anything", encoding="utf-8")
        assert gd.load(tmp_path / "a.guess") == REPORT
        (item,) = gd.iter_load(tmp_path / "a.guess")
        assert (item.report, item.findings) == (REPORT, (finding,))
        with pytest.raises(ValueError, match="format 'guess' cannot be written"):
            gd.dumps(REPORT, "guess")
    finally:
        unregister("guess")


def test_register_twice(shouting: Format) -> None:
    """A name is registered once, unless replaced on purpose; a later format claims a suffix first."""
    with pytest.raises(ValueError, match="already registered"):
        register_format(shouting)
    louder = Format(name="shout", suffixes=(".shout",), writer=lambda report, **_: "!!")
    register_format(louder, replace=True)
    assert gd.dumps(REPORT, "shout") == "!!"
    claim = Format(name="claim", suffixes=(".json",), writer=lambda report, **_: "")
    register_format(claim)
    try:
        assert format_for("r.json") is claim
    finally:
        unregister("claim")
    assert format_for("r.json").name == "json"
    with pytest.raises(ValueError, match="unknown format 'claim'"):
        unregister("claim")


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (b'\xef\xbb\xbf  {\n  "schema": 1\n}', "json"),
        (b'{"a": 1}', "json"),
        (b'{"a": 1}\n{"a": 2}\n', "jsonl"),
        (b'<?xml version="1.0"?><annual-report/>', "xml"),
        (b"<!-- c --><annual-report xmlns='x'>", "xml"),
        (b"year,agency,uscc,template,table,row,column,row_label,column_label,value\r\n2021,", "csv"),
    ],
)
def test_sniffing(head: bytes, name: str) -> None:
    """Without a known suffix, the content's first bytes tell the format."""
    assert format_for("report.txt", head).name == name
    assert format_for(None, head).name == name


def test_sniffing_fails_clearly() -> None:
    """Content no format recognises is a ValueError naming the known suffixes."""
    with pytest.raises(ValueError, match=r"cannot tell the format of 'r\.txt' from its suffix or its content"):
        format_for("r.txt", b"hello")


def test_load_sniffs_content(tmp_path: Path) -> None:
    """A report in a file without a known suffix loads by its content."""
    path = tmp_path / "report.txt"
    path.write_text(gd.dumps(REPORT, "xml"), encoding="utf-8")
    assert gd.load(path) == REPORT


def test_as_gives_the_class(tmp_path: Path) -> None:
    """as_= returns the report typed as that class (mypy checks the attribute access below)."""
    path = tmp_path / "r.json"
    gd.dump(REPORT, path)
    report: gd.AnnualReport2021 = gd.load(path, as_=gd.AnnualReport2021)
    assert report.requests.received.total == REPORT.requests.received.total
    text = gd.dumps(REPORT)
    assert gd.loads(text, as_=gd.AnnualReport2021).proactive.fees.amount == REPORT.proactive.fees.amount


def test_as_another_template(tmp_path: Path) -> None:
    """as_= of another template is a ParseError at /template naming both, and the file."""
    path = tmp_path / "r.json"
    gd.dump(REPORT, path)
    with pytest.raises(gd.ParseError) as caught:
        gd.load(path, as_=gd.AnnualReport2019)
    assert caught.value.source == str(path)
    ((problem),) = caught.value.problems
    assert problem.pointer == "/template"
    assert problem.message == 'the document is a "2021" report (AnnualReport2021), not "2019" (AnnualReport2019)'


def test_as_not_a_report_class() -> None:
    """as_= of something that is not a report class is a TypeError."""
    wrong: Any = dict
    with pytest.raises(TypeError, match="as_ must be a report class"):
        gd.loads(gd.dumps(REPORT), as_=wrong)


def test_size_told_before_reading(tmp_path: Path) -> None:
    """A file over the limit is refused from its size, before it is read (a sparse 300 MB file)."""
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    with pytest.raises(gd.ParseError, match=r"file of 314572800 bytes exceeds the limit of 16777216 bytes"):
        gd.load(path)
    with pytest.raises(gd.ParseError, match="file of 314572800 bytes exceeds the limit of 1000 bytes"):
        gd.load(path, max_size=1000)


def test_non_regular_files_refused(tmp_path: Path) -> None:
    """A FIFO named *.json and /dev/zero are refused by name without being read (neither hangs)."""
    fifo = tmp_path / "x.json"
    os.mkfifo(fifo)
    with pytest.raises(gd.ParseError, match=r"not a regular file \(a FIFO\)"):
        gd.load(fifo)
    with pytest.raises(gd.ParseError, match=r"not a regular file \(a character device\)"):
        gd.load("/dev/zero", "json")
    with pytest.raises(gd.ParseError, match=r"not a regular file \(a folder\)"):
        gd.load(tmp_path, "json")


def test_json_lines_not_one_report() -> None:
    """JSON Lines cannot be read as one report: the error points to iter_load."""
    with pytest.raises(ValueError, match=r"holds many reports: read it with govdisclosure\.iter_load"):
        gd.loads("{}", "jsonl")
