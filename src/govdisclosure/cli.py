"""The ``govdisclosure`` command.

Exit status: 0 when no error-level problem was found, 1 when a report has
error-level findings, 2 for input that cannot be read as a report or bad usage.

``import`` reads published pages (:func:`~govdisclosure.import_report`) and
writes each report with the import and validation findings, as ``validate``
writes findings.

``validate`` streams: it reads one report at a time, prints each file's
findings as it goes, and keeps across reports only what the cross-report
rules compare (:class:`~govdisclosure.rules.collection.CollectionChecker`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import textwrap
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from ._errors import ParseError, Problem
from ._findings import Finding
from .codecs import Format, Loaded, dumps, format_for, formats, get_format, iter_load, load
from .importers import IMPORT_SUFFIXES, import_report
from .regulation import TEMPLATES
from .rules import RULES, RULESET_VERSION, RelationCounts, Severity, Suppression, check, select_rules
from .rules.collection import JUMP_FACTOR, JUMP_MINIMUM, CollectionChecker
from .schemas import json_schema, xml_schema

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

#: The rule code of a problem that keeps a document from loading at all (its severity is the catalogue's).
PARSE_CODE = "GD-PARSE"

_Record = dict[str, Any]


def _version() -> str:
    from . import __version__

    return str(__version__)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        status: int = arguments.run(arguments, sys.stdout)
    except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="Typed, validated data from government-information-disclosure annual reports.",
    )
    parser.add_argument("--version", action="version", version=f"govdisclosure {_version()}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check report files",
        description="Check report files: each report on its own, then the reports of each agency across years.",
    )
    validate.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|DIR",
        help="report files (.json, .xml, .csv, .jsonl), folders to search, or - for standard input",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text; json: one object, the summary then the findings; jsonl: one finding a line, the summary last",
    )
    validate.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of labels and messages")
    validate.add_argument(
        "--blank",
        choices=("lenient", "strict"),
        default="lenient",
        help="blank cells: lenient counts them as 0 (default), strict reports each one",
    )
    validate.add_argument(
        "--cascades",
        action="store_true",
        help="report every broken relation on its own, instead of one root cause with its consequences",
    )
    validate.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="check only these rules: codes or code prefixes, comma-separated (e.g. GD-T3,GD-DEADLINE)",
    )
    validate.add_argument(
        "--ignore",
        type=_codes,
        metavar="CODES",
        help="leave out these rules: codes or code prefixes, comma-separated; the most specific selector wins",
    )
    validate.add_argument(
        "--jump-factor",
        type=float,
        default=JUMP_FACTOR,
        metavar="N",
        help=f"GD-JUMP: a headline figure more than N times last year's, or under 1/N of it (default {JUMP_FACTOR})",
    )
    validate.add_argument(
        "--jump-minimum",
        type=int,
        default=JUMP_MINIMUM,
        metavar="N",
        help=f"GD-JUMP: only when the larger of the two figures is at least N (default {JUMP_MINIMUM})",
    )
    validate.add_argument(
        "--suppress",
        type=_suppression,
        action="append",
        metavar="CODE[@POINTER]",
        help="leave out the findings of CODE (at POINTER and below it, if given), still counted in the summary;"
        " repeatable",
    )
    validate.set_defaults(run=_validate)

    convert = commands.add_parser(
        "convert",
        help="convert a report between formats",
        description="Read a report and write it in another format; the formats come from the suffixes or --to.",
    )
    convert.add_argument("source", metavar="IN", help="the report to read (.json, .xml or .csv); - for standard input")
    convert.add_argument("target", metavar="OUT", help="where to write it; - for standard output")
    writable = [fmt.name for fmt in formats() if fmt.writer]
    convert.add_argument("--to", choices=writable, help="the format to write (default: from OUT's suffix)")
    convert.add_argument(
        "--lossy",
        action="store_true",
        help="csv only: write the table cells alone and warn about what that leaves out (plain csv carries every part)",
    )
    convert.set_defaults(run=_convert)

    imported = commands.add_parser(
        "import",
        help="import published report pages (HTML or copied text)",
        description=(
            "Read published report pages (.html, .htm, .txt) into reports: each report is written as --to, "
            "the import findings and the validation findings go to standard error as validate writes them."
        ),
    )
    imported.add_argument("paths", nargs="+", metavar="FILE|DIR", help="pages, or folders to search for them")
    imported.add_argument("--to", choices=writable, default="json", help="the format to write (default: json)")
    imported.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="a file (one page) or a folder (one file per page); default: standard output (one page only)",
    )
    imported.add_argument(
        "--format", choices=("text", "json", "jsonl"), default="text", help="how findings are written (as validate)"
    )
    imported.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of labels and messages")
    imported.add_argument(
        "--blank", choices=("lenient", "strict"), default="lenient", help="blank cells, as validate counts them"
    )
    imported.add_argument("--year", type=int, help="the report year, where the page states none")
    imported.set_defaults(run=_import, select=None, ignore=None)

    schema = commands.add_parser("schema", help="print the interchange schema", description="Print a schema.")
    schema.add_argument(
        "--format", choices=("json", "xsd"), default="json", help="json: the JSON Schema; xsd: the XML Schema"
    )
    schema.add_argument(
        "--template",
        choices=tuple(TEMPLATES),
        help="xsd only: the strict schema of one template (default: the schema for any template)",
    )
    schema.set_defaults(run=_schema)
    return parser


def _codes(text: str) -> list[str]:
    """``--select``/``--ignore``: comma-separated rule codes or prefixes."""
    return [code.strip() for code in text.split(",") if code.strip()]


def _suppression(text: str) -> Suppression:
    """``--suppress``: a rule code, optionally ``@`` a JSON Pointer; not ``GD-PARSE`` (an unread file is unchecked)."""
    try:
        rule = Suppression.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("suppress: ")) from None
    if rule.code == PARSE_CODE:
        raise argparse.ArgumentTypeError(
            f"{PARSE_CODE} cannot be suppressed: a file that cannot be read is not checked"
        )
    return rule


# ------------------------------------------------------------------ names as people and JSON read them


def shown(text: str, *, name: bool = False) -> str:
    """*text* on one line of a terminal: control characters and undecodable bytes escaped, as ``ls -b`` does.

    >>> shown("a\\nb.json"), shown("caf\\udcc3.json")
    ('a\\\\nb.json', 'caf\\\\xc3.json')
    """
    if text.isprintable() and not (name and "\\" in text):
        return text
    parts = []
    for char in text:
        if "\udc80" <= char <= "\udcff":  # a byte that is not UTF-8, kept by surrogateescape
            parts.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif char == "\\" and name:
            parts.append("\\\\")
        elif char.isprintable():
            parts.append(char)
        else:
            parts.append(
                repr(char)[1:-1]
                if char in "\n\r\t"
                else f"\\x{ord(char):02x}"
                if ord(char) < 256
                else f"\\u{ord(char):04x}"
            )
    return "".join(parts)


def _plain(value: Any) -> Any:
    """*value* as text that encodes to UTF-8: bytes that were not UTF-8 are written ``\\xNN``."""
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return value


# ------------------------------------------------------------------ validate


def _validate(arguments: argparse.Namespace, out: TextIO) -> int:
    if arguments.paths.count("-") > 1:
        print("govdisclosure: standard input (-) can be given once", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        collection_codes = {rule.code for rule in select_rules(arguments.select, arguments.ignore, scope="collection")}
        run = _Run(arguments, _OUTPUTS[arguments.format](out, arguments), collection_codes)
    except ValueError as error:  # a code or prefix no rule has, a jump setting out of range
        print(f"govdisclosure: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    sources = [sys.stdin.buffer if path == "-" else path for path in arguments.paths]
    progress = _Progress(_count_files(arguments.paths) if sys.stderr.isatty() else 0)
    for item in iter_load(*sources, on_skip=run.skip):
        progress.step(item.source)
        run.item(item)
    progress.close()
    return run.finish()


class _Run:
    """One ``validate`` run: each item checked and written as it comes, with counts for the summary."""

    def __init__(self, arguments: argparse.Namespace, writer: _Output, collection_codes: set[str]) -> None:
        self.arguments = arguments
        self.writer = writer
        self.collection_codes = collection_codes
        self.checker: CollectionChecker[tuple[str, int | None]] = CollectionChecker(
            lang=arguments.lang,
            describe=_named,
            jump_factor=arguments.jump_factor,
            jump_minimum=arguments.jump_minimum,
        )
        self.files = 0
        self.source: str | None = None  # the file being read: its items come one after another
        self.reports = self.unreadable = 0
        self.severities: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.skipped: list[dict[str, str]] = []
        self.suppress: tuple[Suppression, ...] = tuple(arguments.suppress or ())
        self.suppressed: Counter[str] = Counter()
        self.relations = RelationCounts()

    def skip(self, name: str, reason: str) -> None:
        print(f"govdisclosure: skipped {shown(name, name=True)}: {shown(reason)}", file=sys.stderr)
        self.skipped.append({"file": _plain(name), "reason": _plain(reason)})

    def item(self, item: Loaded) -> None:
        if item.source != self.source:
            self.files += 1
            self.source = item.source
        where = (item.source, item.line)
        if item.report is None:
            self.unreadable += 1
            error = item.error or ParseError([Problem(pointer="", message="not read")])
            self._write(where, [_problem_record(problem) for problem in error.problems])
            return
        self.reports += 1
        lang = self.arguments.lang
        records = [finding.in_language(lang).to_dict() for finding in item.findings if self._kept(finding)]
        result = check(
            item.report,
            blank=self.arguments.blank,
            lang=self.arguments.lang,
            select=self.arguments.select,
            ignore=self.arguments.ignore,
            cascades=self.arguments.cascades,
            suppress=self.suppress,
        )
        self.suppressed.update(result.summary.suppressed)
        self.relations += result.summary.relations
        records.extend(finding.to_dict() for finding in result.findings)
        later: dict[tuple[str, int | None], list[_Record]] = {}
        for about, finding in self.checker.add(item.report, where):
            if finding.code not in self.collection_codes or not self._kept(finding):
                continue
            (records if about == where else later.setdefault(about, [])).append(finding.to_dict())
        self._write(where, records)
        for about, more in later.items():  # about reports already written: their pair is complete only now
            self._write(about, more, again=True)

    def _kept(self, finding: Finding) -> bool:
        """Whether no ``--suppress`` covers *finding* (one that does is counted as suppressed)."""
        if any(rule.covers(finding) for rule in self.suppress):
            self.suppressed[finding.code] += 1
            return False
        return True

    def _write(self, where: tuple[str, int | None], records: list[_Record], *, again: bool = False) -> None:
        for record in records:
            self.severities[record["severity"]] += 1
            self.codes[record["code"]] += 1
        self.writer.file(where, records, again=again)

    def finish(self) -> int:
        if not self.files:
            print("govdisclosure: no report files found", file=sys.stderr)
        status = EXIT_UNREADABLE if self.unreadable or not self.files else EXIT_OK
        if status == EXIT_OK and self.severities[Severity.ERROR.value]:
            status = EXIT_FINDINGS
        verdict = {EXIT_OK: "ok", EXIT_FINDINGS: "errors", EXIT_UNREADABLE: "unreadable"}[status]
        summary = {
            "verdict": verdict,
            "files": self.files,
            "reports": self.reports,
            "unreadable": self.unreadable,
            "severities": {severity.value: self.severities[severity.value] for severity in Severity},
            "codes": dict(sorted(self.codes.items())),
            "suppressed": dict(sorted(self.suppressed.items())),
            "relations": self.relations.to_dict(),
            "skipped": self.skipped,
            "blank": self.arguments.blank,
            "cascades": self.arguments.cascades,
            "select": self.arguments.select,
            "ignore": self.arguments.ignore,
            "suppress": [_suppressed(rule) for rule in self.suppress] or None,
            "lang": self.arguments.lang,
            "version": _version(),
            "ruleset": RULESET_VERSION,
        }
        self.writer.finish(summary)
        return status


def _suppressed(rule: Suppression) -> str:
    """A suppression as ``--suppress`` takes it."""
    return rule.code if rule.pointer is None else f"{rule.code}@{_plain(rule.pointer)}"


def _named(where: tuple[str, int | None]) -> str:
    """A report as people name it: its file, and the line where it begins in a file of many."""
    source, line = where
    return shown(source if line is None else f"{source}:{line}", name=True)


class _Output:
    """Where ``validate`` writes: each file's records as they come, then the summary."""

    def __init__(self, out: TextIO, arguments: argparse.Namespace) -> None:
        self.out = out
        self.lang: str = arguments.lang

    def file(self, where: tuple[str, int | None], records: list[_Record], *, again: bool = False) -> None:
        raise NotImplementedError

    def finish(self, summary: _Record) -> None:
        """Nothing more by default: each file was written as it came."""

    @staticmethod
    def records(where: tuple[str, int | None], records: list[_Record]) -> Iterator[_Record]:
        source, line = where
        for record in records:
            yield {key: _plain(value) for key, value in {**record, "file": source, "item_line": line}.items()}


class _Text(_Output):
    """One line per file (``path: ok``), then one indented line per finding."""

    def file(self, where: tuple[str, int | None], records: list[_Record], *, again: bool = False) -> None:
        name = _named(where)
        errors = sum(record["severity"] == Severity.ERROR.value for record in records)
        head = _summary(records, errors, self.lang)
        if again:
            head += " (across years)" if self.lang == "en" else "（跨年度）"
        print(f"{name}: {head}", file=self.out)
        for record in records:
            where_in = f"{record['path']} " if record["path"] else ""
            message = shown(record["message"])
            print(f"  {record['severity']:<7} {shown(where_in)}[{record['code']}] {message}", file=self.out)

    def finish(self, summary: _Record) -> None:
        """The summary, in one line, after a blank line (nothing when no file was found)."""
        if summary["files"]:
            print(f"\n{_summary_line(summary, self.lang)}", file=self.out)


class _Json(_Output):
    """One JSON object: the summary, then every finding; the findings wait in a temporary file, not in memory."""

    def __init__(self, out: TextIO, arguments: argparse.Namespace) -> None:
        super().__init__(out, arguments)
        self.spool: IO[str] = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")  # noqa: SIM115
        self.count = 0

    def file(self, where: tuple[str, int | None], records: list[_Record], *, again: bool = False) -> None:
        for record in self.records(where, records):
            self.spool.write(("," if self.count else "") + "\n")
            self.spool.write(textwrap.indent(json.dumps(record, ensure_ascii=False, indent=2), "    "))
            self.count += 1

    def finish(self, summary: _Record) -> None:
        head = json.dumps({"summary": summary}, ensure_ascii=False, indent=2)
        self.out.write(head[: head.rindex("\n")] + ',\n  "findings": [')
        self.spool.seek(0)
        while chunk := self.spool.read(1 << 16):
            self.out.write(chunk)
        self.spool.close()
        self.out.write("\n  ]\n}\n" if self.count else "]\n}\n")


class _JsonLines(_Output):
    """One finding a line as it comes, then a last line holding the summary."""

    def file(self, where: tuple[str, int | None], records: list[_Record], *, again: bool = False) -> None:
        for record in self.records(where, records):
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def finish(self, summary: _Record) -> None:
        self.out.write(json.dumps({"summary": summary}, ensure_ascii=False) + "\n")


_OUTPUTS: dict[str, type[_Output]] = {"text": _Text, "json": _Json, "jsonl": _JsonLines}


def _count_files(paths: Sequence[str]) -> int:
    """How many files the run will read, for the progress bar (counted only when it is shown)."""
    count = 0
    for name in paths:
        if os.path.isdir(name):
            for _, _, files in os.walk(name):
                count += sum(_by_suffix(file) is not None for file in files)
        else:
            count += 1
    return count


def _by_suffix(name: str) -> Format | None:
    try:
        return format_for(name)
    except ValueError:
        return None


class _Progress:
    """A one-line counter on standard error, shown only when it is a terminal and the run is long."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = total >= 20
        self.done = 0
        self.source: str | None = None

    def step(self, source: str) -> None:
        if source == self.source:
            return
        self.source = source
        self.done += 1
        if self.shown:
            width = 30
            filled = width * min(self.done, self.total) // self.total
            print(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total}", end="", file=sys.stderr)

    def close(self) -> None:
        if self.shown:
            print("\r" + " " * 60 + "\r", end="", file=sys.stderr)


def _summary(records: list[_Record], errors: int, lang: str) -> str:
    if any(record["code"] == PARSE_CODE for record in records):
        return "cannot be read as a report" if lang == "en" else "无法读取为报告"
    if errors:
        return f"{errors} error{'s' if errors != 1 else ''}" if lang == "en" else f"{errors} 个错误"
    return "ok"


#: The words of the text summary line, per language.
_SUMMARY_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "files": "{} file|{} files",
        "reports": "{} report|{} reports",
        "error": "{} error|{} errors",
        "warning": "{} warning|{} warnings",
        "info": "{} info|{} infos",
        "relations": "relations: {checked} checked, {held} held, {failed} failed, {not_assessable} not assessable",
        "suppressed": "{} suppressed|{} suppressed",
        "ruleset": "govdisclosure {version}, ruleset {ruleset}",
        "join": ", ",
        "head": ": ",
        "part": "; ",
    },
    "zh": {
        "files": "{} 个文件|{} 个文件",
        "reports": "{} 份报告|{} 份报告",
        "error": "{} 个错误|{} 个错误",
        "warning": "{} 个警告|{} 个警告",
        "info": "{} 条提示|{} 条提示",
        "relations": "勾稽关系：检查 {checked} 条，成立 {held} 条，不成立 {failed} 条，无法判断 {not_assessable} 条",
        "suppressed": "已抑制 {} 条|已抑制 {} 条",
        "ruleset": "govdisclosure {version}，规则集 {ruleset}",
        "join": "，",
        "head": "：",
        "part": "；",
    },
}


def _summary_line(summary: _Record, lang: str) -> str:
    """The summary as a person reads it, e.g. ``2 files, 2 reports: 1 error, 0 warnings, 1 info; relations: …``."""
    words = _SUMMARY_WORDS[lang]

    def count(key: str, number: int) -> str:
        one, many = words[key].split("|")
        return (one if number == 1 else many).format(number)

    head = words["join"].join((count("files", summary["files"]), count("reports", summary["reports"])))
    severities = words["join"].join(count(key, number) for key, number in summary["severities"].items())
    parts = [head + words["head"] + severities, words["relations"].format(**summary["relations"])]
    suppressed = sum(summary["suppressed"].values())
    if suppressed:
        parts.append(count("suppressed", suppressed))
    parts.append(words["ruleset"].format(version=summary["version"], ruleset=summary["ruleset"]))
    return words["part"].join(parts)


def _parse_record(pointer: str, message: str, line: int | None = None, column: int | None = None) -> _Record:
    return {
        "code": PARSE_CODE,
        "severity": RULES[PARSE_CODE].severity.value,
        "path": pointer,
        "label": "",
        "expected": None,
        "actual": None,
        "message": message,
        "line": line,
        "column": column,
    }


def _problem_record(problem: Problem) -> _Record:
    message = f"{problem.position}: {problem.message}" if problem.position else problem.message
    return _parse_record(problem.pointer, message, problem.line, problem.column)


# ------------------------------------------------------------------ import


def _pages(paths: Sequence[str]) -> Iterator[str]:
    """The pages named: files as given, and the pages inside folders, sorted."""
    suffixes = set(IMPORT_SUFFIXES)
    for name in paths:
        if os.path.isdir(name):
            for folder, _, files in sorted(os.walk(name)):
                for file in sorted(files):
                    if Path(file).suffix.lower() in suffixes:
                        yield os.path.join(folder, file)
        else:
            yield name


def _import(arguments: argparse.Namespace, out: TextIO) -> int:
    pages = list(_pages(arguments.paths))
    if not pages:
        return _fail("no pages found (.html, .htm, .shtml, .txt)")
    output: str | None = arguments.output
    many = len(pages) > 1
    if output is None and many:
        return _fail(f"{len(pages)} pages: give -o FOLDER to write one report per page")
    if output is not None and many and not os.path.isdir(output):
        return _fail(f"{len(pages)} pages: -o must name an existing folder, not {output}")
    target = get_format(arguments.to)
    writer: _Output = _OUTPUTS[arguments.format](sys.stderr, arguments)
    severities: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    unreadable = 0
    relations = RelationCounts()
    progress = _Progress(len(pages) if sys.stderr.isatty() else 0)
    for page in pages:
        progress.step(page)
        imported = _import_one(page, arguments, target, out, output if many or output else None)
        if imported is None:
            unreadable += 1
            continue
        records, counts = imported
        relations += counts
        for record in records:
            severities[record["severity"]] += 1
            codes[record["code"]] += 1
        writer.file((page, None), records)
    progress.close()
    status = EXIT_UNREADABLE if unreadable else EXIT_FINDINGS if severities[Severity.ERROR.value] else EXIT_OK
    writer.finish(
        {
            "verdict": {EXIT_OK: "ok", EXIT_FINDINGS: "errors", EXIT_UNREADABLE: "unreadable"}[status],
            "files": len(pages),
            "reports": len(pages) - unreadable,
            "unreadable": unreadable,
            "severities": {severity.value: severities[severity.value] for severity in Severity},
            "codes": dict(sorted(codes.items())),
            "suppressed": {},
            "relations": relations.to_dict(),
            "blank": arguments.blank,
            "lang": arguments.lang,
            "version": _version(),
            "ruleset": RULESET_VERSION,
        }
    )
    return status


def _import_one(
    page: str, arguments: argparse.Namespace, target: Format, out: TextIO, output: str | None
) -> tuple[list[_Record], RelationCounts] | None:
    """Import *page*, write its report, and return its findings' records and relations (None when unread)."""
    try:
        data = Path(page).read_bytes()
    except OSError as error:
        _fail(f"cannot read {page}: {error.strerror}")
        return None
    try:
        result = import_report(data, year=arguments.year, lang=arguments.lang)
    except ParseError as error:
        records = [_problem_record(problem) for problem in error.problems]
        _OUTPUTS[arguments.format](sys.stderr, arguments).file((page, None), records)
        return None
    records = [finding.to_dict() for finding in result.findings]
    checked = check(result.report, blank=arguments.blank, lang=arguments.lang)
    records.extend(finding.to_dict() for finding in checked.findings)
    text = dumps(result.report, target.name)
    text = text if text.endswith("\n") else text + "\n"
    if output is None:
        out.write(text)
    else:
        name = Path(page).stem if Path(page).stem != "page" else Path(page).parent.name
        where = Path(output) / (name + target.suffixes[0]) if os.path.isdir(output) else Path(output)
        try:
            where.write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            _fail(f"cannot write {where}: {error.strerror}")
            return None
    return records, checked.summary.relations


# ------------------------------------------------------------------ schema


def _schema(arguments: argparse.Namespace, out: TextIO) -> int:
    if arguments.format == "xsd":
        out.write(xml_schema(arguments.template))
        return EXIT_OK
    if arguments.template is not None:
        print("govdisclosure: --template goes with --format xsd", file=sys.stderr)
        return EXIT_UNREADABLE
    json.dump(json_schema(), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


# ------------------------------------------------------------------ convert


def _fail(message: str) -> int:
    print(f"govdisclosure: {shown(message)}", file=sys.stderr)
    return EXIT_UNREADABLE


def _convert(arguments: argparse.Namespace, out: TextIO) -> int:
    target: str = arguments.target
    try:
        target_format = get_format(arguments.to) if arguments.to else format_for(target)
    except ValueError as error:
        return _fail(str(error))
    if target != "-":
        named = _by_suffix(target)
        if named is not None and named is not target_format:
            return _fail(
                f"{target}: its suffix names {named.name!r}, not {target_format.name!r} (--to): "
                f"give OUT a matching suffix, or write to - (standard output)"
            )
        problem = _unwritable(target)
        if problem:
            return _fail(f"cannot write {target}: {problem}")
    try:
        report = load(sys.stdin.buffer if arguments.source == "-" else arguments.source)
    except ValueError as error:  # a ParseError, or a suffix and content naming no format
        return _fail(str(error))
    options = {"lossy": True} if arguments.lossy and target_format.name == "csv" else {}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            text = dumps(report, target_format.name, **options)
    except ValueError as error:  # e.g. CSV cannot carry part of the report
        hint = " (or convert with --lossy)" if target_format.name == "csv" else ""
        return _fail(f"{arguments.source}: {error}{hint}")
    for warning in caught:
        print(f"govdisclosure: {shown(arguments.source)}: warning: {warning.message}", file=sys.stderr)
    text = text if text.endswith("\n") else text + "\n"
    if target == "-":
        out.write(text)
        return EXIT_OK
    try:
        Path(target).write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        return _fail(f"cannot write {target}: {error.strerror}")
    return EXIT_OK


def _unwritable(target: str) -> str | None:
    """Why *target* cannot be written, told before anything is read; None if it looks writable."""
    if os.path.isdir(target):
        return "it is a folder"
    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        return f"no folder {folder}" if not os.path.exists(folder) else f"{folder} is not a folder"
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
