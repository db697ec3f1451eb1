"""Reports per second of ``govdisclosure.import_report`` on one core.

    python benchmarks/import_speed.py [-n 300] [--repeats 3]

Pages are printed from generated reports in the official layout by the test
helper ``tests/published.py`` (plain HTML, Word-export HTML inside a portal
page, pipe text), beside the stored real pages of ``tests/data/published``
(flattened text whose cells run together).  Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _timing import passes  # beside this script: run it as python benchmarks/NAME.py

from govdisclosure import import_report
from govdisclosure.codecs.data import from_data

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED_BENCH = ROOT.parents[1] / "shared" / "bench"
sys.path.insert(0, str(ROOT))

from tests.published import page_html, page_text  # noqa: E402


def corpus(n: int, seed: int) -> list[Any]:
    """*n* generated reports (the reference generator when present, else the examples)."""
    if (SHARED_BENCH / "gen.py").exists():
        sys.path.insert(0, str(SHARED_BENCH))
        import gen  # type: ignore[import-not-found]

        data: list[dict[str, Any]] = gen.generate(n, seed, broken_rate=0.0)
    else:
        examples = [json.loads(path.read_text("utf-8")) for path in sorted((ROOT / "examples").glob("*.json"))]
        data = [examples[i % len(examples)] for i in range(n)]
    reports = [from_data(item) for item in data]
    return [report for report in reports if report.template.key in ("2019", "2021")]


def timed(items: Sequence[Any], call: Callable[[Any], object], repeats: int) -> tuple[float, float]:
    """The median and the best time of one pass of *call* over *items*, in µs per item.

    On a shared machine the best pass is the closer figure for one free core.
    """
    times = passes(items, call, repeats)
    return statistics.median(times), min(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Print a table of µs and reports per second for each page shape."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=300, help="number of generated reports")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20250101)
    arguments = parser.parse_args(argv)
    reports = corpus(arguments.n, arguments.seed)
    real = [path.read_bytes() for path in sorted((ROOT / "tests" / "data" / "published").glob("*/page.*"))]
    shapes: list[tuple[str, list[Any]]] = [
        ("HTML, plain table markup", [page_html(r).encode() for r in reports]),
        (
            "HTML, Word export in a portal page, tables split",
            [page_html(r, perturb=True, split=True).encode() for r in reports],
        ),
        ("text, pipe tables", [page_text(r).encode() for r in reports]),
        ("text, pipe tables, labels perturbed", [page_text(r, perturb=True).encode() for r in reports]),
        ("real pages (tests/data/published), flattened text", real * max(1, len(reports) // max(1, len(real)))),
    ]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(reports)} generated reports, {arguments.repeats} passes, one process, load average {load:.1f}\n")
    print("| page shape | KB/page | µs/report (median) | reports/s (median) | reports/s (best pass) |")
    print("|---|---:|---:|---:|---:|")
    for label, pages in shapes:
        median, best = timed(pages, import_report, arguments.repeats)
        size = sum(map(len, pages)) / len(pages) / 1024
        print(f"| {label} | {size:.1f} | {median:.0f} | {1e6 / median:,.0f} | {1e6 / best:,.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
