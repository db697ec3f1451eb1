"""Time govdisclosure's public calls on a corpus of realistic reports.

    python benchmarks/run.py [-n 5000] [--repeats 5]

The corpus comes from the reference generator in ``../shared/bench/gen.py``
when it is there (the same reports the reference benchmark times), otherwise
from this repository's examples.  Where pydantic and the reference pydantic
model are installed, the same run times them too, so the ratio is measured on
one machine in one process.  Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _timing import passes  # beside this script: run it as python benchmarks/NAME.py

import govdisclosure as gd
from govdisclosure.codecs import json as json_codec

HERE = Path(__file__).resolve().parent
SHARED_BENCH = HERE.parents[1] / "shared" / "bench"


def corpus(n: int, seed: int) -> list[dict[str, Any]]:
    """*n* reports as plain data, from the reference generator if present."""
    if (SHARED_BENCH / "gen.py").exists():
        sys.path.insert(0, str(SHARED_BENCH))
        import gen  # type: ignore[import-not-found]

        reports: list[dict[str, Any]] = gen.generate(n, seed, broken_rate=0.0)
        return reports
    examples = [json.loads(path.read_text("utf-8")) for path in sorted((HERE.parent / "examples").glob("*.json"))]
    return [examples[i % len(examples)] for i in range(n)]


def timed(items: Sequence[Any], call: Callable[[Any], object], repeats: int) -> float:
    """The median time of one pass of *call* over *items*, in µs per item."""
    return statistics.median(passes(items, call, repeats))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print a table of µs per report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=5000, help="number of reports")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20250101)
    arguments = parser.parse_args(argv)

    data = corpus(arguments.n, arguments.seed)
    documents = [json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode() for d in data]
    reports = [gd.loads(document) for document in documents]
    broken = []
    for report in data[:500]:
        mistaken = json.loads(json.dumps(report))
        mistaken["requests"]["received"]["total"] = "3件"
        broken.append(json.dumps(mistaken, ensure_ascii=False).encode())

    def refused(document: bytes) -> None:
        with contextlib.suppress(gd.ParseError):
            gd.loads(document)

    stages: list[tuple[str, Sequence[Any], Callable[[Any], object]]] = [
        ("json.loads (stdlib floor)", documents, json.loads),
        ("gd.loads(bytes)", documents, gd.loads),
        ("from_data(dict)", data, json_codec.from_data),
        ("gd.loads of a broken report (error path)", broken, refused),
        ("gd.dumps(indent=2)", reports, gd.dumps),
        ("gd.dumps(indent=None)", reports, lambda r: gd.dumps(r, indent=None)),
        ("to_data(report)", reports, json_codec.to_data),
        ("list(iter_cells(report))", reports, lambda r: list(gd.iter_cells(r))),
    ]
    try:
        sys.path.insert(0, str(SHARED_BENCH))
        import pydantic_model  # type: ignore[import-not-found]
    except ImportError:
        print("pydantic or the reference model is not available: no comparison row")
    else:
        stages.insert(1, ("pydantic model_validate_json", documents, pydantic_model.Report.model_validate_json))

    print(f"{len(documents)} reports, median of {arguments.repeats} passes\n")
    print("| stage | µs/report | reports/s |\n|---|---:|---:|")
    for label, items, call in stages:
        micros = timed(items, call, arguments.repeats)
        print(f"| {label} | {micros:.1f} | {1e6 / micros:,.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
