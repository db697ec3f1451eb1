"""gd.iter_load: many reports, lazily, from JSON Lines, multi-report CSV, files, folders and streams."""

from __future__ import annotations

import io
import os
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.codecs import csv as csv_codec

VALID = '{"schema": "govdisclosure/annual-report/1", "template": "2021", "year": 2021, "agency": {"name": "某局"}}'


def report(name: str, year: int = 2021) -> gd.AnnualReport2021:
    """A minimal 2021-template report of agency *name*."""
    return attrs.evolve(gd.loads(VALID, as_=gd.AnnualReport2021), year=year, agency=gd.Agency(name=name))


def test_json_lines(tmp_path: Path) -> None:
    """Each non-blank line is one item at its line; a bad line is a located error and the rest still load."""
    path = tmp_path / "many.jsonl"
    lines = [gd.dumps(report("甲"), indent=None), "", '{"schema": ,}', VALID.replace("2021,", '"x",'), VALID]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(gd.iter_load(path))
    assert [(item.source, item.line, item.report is not None) for item in items] == [
        (str(path), 1, True),
        (str(path), 3, False),
        (str(path), 4, False),
        (str(path), 5, True),
    ]
    syntax, field = items[1].error, items[2].error
    assert syntax is not None
    assert field is not None
    assert (syntax.source, syntax.problems[0].line, syntax.problems[0].column) == (str(path), 3, 12)
    assert (field.problems[0].pointer, field.problems[0].line) == ("/year", 4)
    assert items[0].unwrap().agency.name == "甲"
    with pytest.raises(gd.ParseError):
        items[1].unwrap()


def test_json_lines_long_line(tmp_path: Path) -> None:
    """A line over the size limit is refused without being held, and the next line is read."""
    path = tmp_path / "many.jsonl"
    path.write_text(" " * 5000 + VALID + "\n" + VALID + "\n", encoding="utf-8")
    items = list(gd.iter_load(path, max_size=1000))
    assert [(item.line, item.report is not None) for item in items] == [(1, False), (2, True)]
    assert "line longer than 1000 bytes" in str(items[0].error)


def test_lazy() -> None:
    """Items come as they are read: the first is yielded before the stream's second line is."""

    class Once(io.BytesIO):
        reads = 0

        def readline(self, size: int | None = -1) -> bytes:
            self.reads += 1
            if self.reads > 1:
                raise AssertionError("read ahead")
            return super().readline(size)

    stream = Once((VALID + "\n").encode() * 3)
    items = gd.iter_load(stream, format="jsonl")
    assert next(items).report is not None


def test_multi_report_csv(tmp_path: Path) -> None:
    """The library's own multi-report CSV gives one item per report, at its first row, errors located in the file."""
    text = csv_codec.dump_many([report("甲"), report("乙"), report("丙")])
    lines = text.splitlines(keepends=True)
    rows_per_report = (len(lines) - 1) // 3
    broken = 1 + rows_per_report + 5  # a row of 乙
    lines[broken] = lines[broken].rstrip("\r\n").rsplit(",", 1)[0] + ",x\r\n"
    path = tmp_path / "many.csv"
    path.write_text("".join(lines), encoding="utf-8", newline="")
    items = list(gd.iter_load(path))
    assert [(item.line, item.report and item.report.agency.name) for item in items] == [
        (2, "甲"),
        (2 + rows_per_report, None),
        (2 + 2 * rows_per_report, "丙"),
    ]
    error = items[1].error
    assert error is not None
    assert [problem.line for problem in error.problems] == [broken + 1]
    assert csv_codec.load_many(text) == [item.report for item in gd.iter_load(io.BytesIO(text.encode()))]


def test_csv_rows_apart(tmp_path: Path) -> None:
    """Rows of a report that began earlier, after another report's, are a located error, not a second report."""
    first, second = csv_codec.dumps(report("甲")), csv_codec.dumps(report("乙"))
    header, *rows = first.splitlines(keepends=True)
    others = second.splitlines(keepends=True)[1:]
    path = tmp_path / "mixed.csv"
    path.write_text(header + rows[0] + "".join(others) + "".join(rows[1:]), encoding="utf-8", newline="")
    items = list(gd.iter_load(path))
    assert [item.report is not None for item in items] == [True, True, False]
    assert "rows of the report begun on line 2 continue here" in str(items[2].error)
    assert items[2].line == 3 + len(others)


def test_single_file_and_stream(tmp_path: Path) -> None:
    """A file of one report is one item with no line; a stream is sniffed when no format is given."""
    path = tmp_path / "r.xml"
    gd.dump(report("甲"), path)
    ((item),) = gd.iter_load(path)
    assert (item.source, item.line, item.report) == (str(path), None, report("甲"))
    ((streamed),) = gd.iter_load(io.BytesIO(path.read_bytes()))
    assert (streamed.source, streamed.report) == ("<stream>", report("甲"))
    ((unknown),) = gd.iter_load(io.BytesIO(b"hello"))
    assert "cannot tell the format of <stream> from its suffix or its content" in str(unknown.error)


def test_folder(tmp_path: Path) -> None:
    """A folder is read recursively in sorted order; every entry not read is named with the reason."""
    (tmp_path / "b").mkdir()
    gd.dump(report("乙"), tmp_path / "b" / "r.json")
    gd.dump(report("甲"), tmp_path / "a.json")
    gd.dump(report("丙"), tmp_path / "c.xml")
    (tmp_path / "notes.txt").write_text("hi", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "gone.json").symlink_to(tmp_path / "nowhere.json")
    (tmp_path / "again.json").symlink_to(tmp_path / "a.json")
    (tmp_path / "loop").symlink_to(tmp_path)
    skipped: list[tuple[str, str]] = []
    items = list(gd.iter_load(tmp_path, tmp_path / "c.xml", on_skip=lambda *entry: skipped.append(entry)))
    assert [(Path(item.source).relative_to(tmp_path).as_posix(), item.unwrap().agency.name) for item in items] == [
        ("a.json", "甲"),
        ("b/r.json", "乙"),
        ("c.xml", "丙"),
    ]
    assert [(Path(name).name, reason) for name, reason in skipped] == [
        ("again.json", f"the same file as {tmp_path / 'a.json'}, already read"),
        ("gone.json", "a broken symbolic link"),
        ("loop", "a symbolic link to a folder, not followed"),
        ("notes.txt", "not a report file (no known suffix)"),
        ("pipe.json", "not a regular file (a FIFO)"),
        ("c.xml", f"the same file as {tmp_path / 'c.xml'}, already read"),
    ]


def test_named_non_regular_file(tmp_path: Path) -> None:
    """A FIFO or device named on its own is an error item, refused without reading."""
    os.mkfifo(tmp_path / "x.json")
    items = list(gd.iter_load(tmp_path / "x.json", "/dev/zero", format="json"))
    assert ["(a FIFO)" in str(items[0].error), "(a character device)" in str(items[1].error)] == [True, True]


def test_csv_of_one_report(tmp_path: Path) -> None:
    """A CSV table of one report is one item for the whole file, as a JSON or XML file is."""
    path = tmp_path / "one.csv"
    gd.dump(report("甲"), path)
    ((item),) = gd.iter_load(path)
    assert (item.line, item.report) == (None, report("甲"))
