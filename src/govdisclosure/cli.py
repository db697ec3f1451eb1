"""The ``govdisclosure`` command.

Exit status: 0 when no error-level problem was found, 1 when a report has
error-level findings, 2 for input that cannot be read as a report or bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._errors import ParseError, Problem
from .codecs import dumps, format_for, formats, load
from .model import AnnualReport
from .regulation import TEMPLATES
from .rules import Severity, iter_findings
from .rules.collection import iter_collection_findings
from .schemas import json_schema, xml_schema

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

#: The rule code of a problem that keeps a document from loading at all.
PARSE_CODE = "GD-PARSE"


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
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check report files",
        description="Check report files: each report on its own, then the reports of each agency across years.",
    )
    validate.add_argument("paths", nargs="+", metavar="FILE|DIR", help="report files, or folders to search")
    validate.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    validate.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of labels and messages")
    validate.add_argument(
        "--blank",
        choices=("lenient", "strict"),
        default="lenient",
        help="blank cells: lenient counts them as 0 (default), strict reports each one",
    )
    validate.set_defaults(run=_validate)

    convert = commands.add_parser(
        "convert",
        help="convert a report between formats",
        description="Read a report and write it in another format; the formats come from the suffixes or --to.",
    )
    convert.add_argument("source", metavar="IN", help="the report to read (.json, .xml or .csv)")
    convert.add_argument("target", metavar="OUT", help="where to write it; - for standard output")
    convert.add_argument(
        "--to", choices=[f.name for f in formats() if f.writer], help="the format to write (default: from OUT's suffix)"
    )
    convert.add_argument(
        "--lossy",
        action="store_true",
        help="csv only: write what fits and warn about what is dropped, instead of refusing",
    )
    convert.set_defaults(run=_convert)

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


def _report_files(paths: Sequence[str]) -> Iterator[Path]:
    suffixes = {suffix for fmt in formats() for suffix in fmt.suffixes if fmt.reader}
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
        else:
            yield path


class _Progress:
    """A one-line counter on standard error, shown only when it is a terminal and the run is long."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = total >= 20 and sys.stderr.isatty()

    def step(self, done: int) -> None:
        if self.shown:
            width = 30
            filled = width * done // self.total
            print(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{self.total}", end="", file=sys.stderr)

    def close(self) -> None:
        if self.shown:
            print("\r" + " " * 60 + "\r", end="", file=sys.stderr)


def _validate(arguments: argparse.Namespace, out: TextIO) -> int:
    files = list(_report_files(arguments.paths))
    if not files:
        print("govdisclosure: no report files found", file=sys.stderr)
        return EXIT_UNREADABLE
    findings: dict[Path, list[dict[str, Any]]] = {path: [] for path in files}
    loaded: dict[int, Path] = {}
    reports: list[AnnualReport] = []
    unreadable = False
    progress = _Progress(len(files))
    for done, path in enumerate(files, start=1):
        progress.step(done)
        try:
            report = load(path)
        except ParseError as error:
            unreadable = True
            findings[path].extend(_problem_record(problem) for problem in error.problems)
            continue
        except ValueError as error:  # no known format for the suffix
            unreadable = True
            findings[path].append(_parse_record("", str(error)))
            continue
        loaded[id(report)] = path
        reports.append(report)
        for finding in iter_findings(report, blank=arguments.blank, lang=arguments.lang):
            findings[path].append(finding.to_dict())
    progress.close()
    for report, finding in iter_collection_findings(reports, lang=arguments.lang):
        findings[loaded[id(report)]].append(finding.to_dict())
    _print_findings(findings, arguments, out)
    if unreadable:
        return EXIT_UNREADABLE
    has_errors = any(record["severity"] == Severity.ERROR.value for records in findings.values() for record in records)
    return EXIT_FINDINGS if has_errors else EXIT_OK


def _print_findings(findings: dict[Path, list[dict[str, Any]]], arguments: argparse.Namespace, out: TextIO) -> None:
    if arguments.format == "json":
        records = [{**record, "file": str(path)} for path, file_records in findings.items() for record in file_records]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for path, records in findings.items():
        errors = sum(record["severity"] == Severity.ERROR.value for record in records)
        print(f"{path}: {_summary(records, errors, arguments.lang)}", file=out)
        for record in records:
            where = f"{record['path']} " if record["path"] else ""
            print(f"  {record['severity']:<7} {where}[{record['code']}] {record['message']}", file=out)


def _summary(records: list[dict[str, Any]], errors: int, lang: str) -> str:
    if any(record["code"] == PARSE_CODE for record in records):
        return "cannot be read as a report" if lang == "en" else "无法读取为报告"
    if errors:
        return f"{errors} error{'s' if errors != 1 else ''}" if lang == "en" else f"{errors} 个错误"
    return "ok"


def _parse_record(pointer: str, message: str, line: int | None = None, column: int | None = None) -> dict[str, Any]:
    return {
        "code": PARSE_CODE,
        "severity": Severity.ERROR.value,
        "path": pointer,
        "label": "",
        "expected": None,
        "actual": None,
        "message": message,
        "line": line,
        "column": column,
    }


def _problem_record(problem: Problem) -> dict[str, Any]:
    message = problem.message
    if problem.line is not None:
        message = f"line {problem.line}, column {problem.column}: {message}"
    return _parse_record(problem.pointer, message, problem.line, problem.column)


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


def _convert(arguments: argparse.Namespace, out: TextIO) -> int:
    try:
        target_format = arguments.to or format_for(arguments.target).name
        report = load(arguments.source)
    except ParseError as error:
        print(f"govdisclosure: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except ValueError as error:  # a suffix naming no format
        print(f"govdisclosure: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    options = {"lossy": True} if arguments.lossy and target_format == "csv" else {}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            text = dumps(report, target_format, **options)
    except ValueError as error:  # e.g. CSV cannot carry part of the report
        hint = " (or convert with --lossy)" if target_format == "csv" else ""
        print(f"govdisclosure: {arguments.source}: {error}{hint}", file=sys.stderr)
        return EXIT_UNREADABLE
    for warning in caught:
        print(f"govdisclosure: {arguments.source}: warning: {warning.message}", file=sys.stderr)
    text = text if text.endswith("\n") else text + "\n"
    if arguments.target == "-":
        out.write(text)
    else:
        Path(arguments.target).write_text(text, encoding="utf-8", newline="")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
