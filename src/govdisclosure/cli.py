"""The ``govdisclosure`` command.

Exit status: 0 when no error-level problem was found, 1 when a report has
error-level findings, 2 for input that cannot be read as a report or bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._errors import ParseError
from .codecs import FORMATS, format_for, load
from .schemas import json_schema

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

    validate = commands.add_parser("validate", help="check report files", description="Check report files.")
    validate.add_argument("paths", nargs="+", metavar="FILE|DIR", help="report files, or folders to search")
    validate.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    validate.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="print the interchange schema", description="Print a schema.")
    schema.add_argument("--format", choices=("json",), default="json", help="which schema (json: JSON Schema)")
    schema.set_defaults(run=_schema)
    return parser


def _report_files(paths: Sequence[str]) -> Iterator[Path]:
    suffixes = {f".{name}" for name in FORMATS}
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
        else:
            yield path


def _validate(arguments: argparse.Namespace, out: TextIO) -> int:
    status = EXIT_OK
    records: list[dict[str, Any]] = []
    files = list(_report_files(arguments.paths))
    if not files:
        print("govdisclosure: no report files found", file=sys.stderr)
        return EXIT_UNREADABLE
    for path in files:
        try:
            load(path, format_for(path))
        except ParseError as error:
            status = max(status, EXIT_UNREADABLE)
            records.extend(_parse_records(path, error))
            if arguments.format == "text":
                print(f"{path}: cannot be read as a report", file=out)
                for problem in error.problems:
                    print(f"  {problem}", file=out)
        except ValueError as error:  # no known format for the suffix
            status = max(status, EXIT_UNREADABLE)
            records.append(_record(path, "", str(error)))
            if arguments.format == "text":
                print(f"{path}: {error}", file=out)
        else:
            if arguments.format == "text":
                print(f"{path}: ok", file=out)
    if arguments.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return status


def _record(path: Path, pointer: str, message: str, **location: int | None) -> dict[str, Any]:
    return {
        "file": str(path),
        "code": PARSE_CODE,
        "severity": "error",
        "path": pointer,
        "label": None,
        "expected": None,
        "actual": None,
        "message": message,
        **location,
    }


def _parse_records(path: Path, error: ParseError) -> Iterator[dict[str, Any]]:
    for problem in error.problems:
        yield _record(path, problem.pointer, problem.message, line=problem.line, column=problem.column)


def _schema(arguments: argparse.Namespace, out: TextIO) -> int:
    json.dump(json_schema(), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
