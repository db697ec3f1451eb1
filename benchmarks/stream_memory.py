"""Peak memory of ``govdisclosure validate`` over many reports.

    python benchmarks/stream_memory.py [-n 100000] [--layout jsonl|folder] [--pythonpath SRC]

Generates *n* reports (from the reference generator in ``../shared/bench/gen.py``
when it is there, otherwise from this repository's examples, given a new
agency or year each) as one JSON Lines file or a folder of JSON files, runs
``python -m govdisclosure.cli validate --format json`` over it in a child
process with its output thrown away, and prints the child's peak resident
set size and wall time.  ``--pythonpath`` puts another checkout's ``src``
first, to measure an older version on the same input.  Figures are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED_BENCH = HERE.parents[1] / "shared" / "bench"


def reports(n: int, seed: int) -> Iterator[dict[str, Any]]:
    """*n* reports as plain data, from the reference generator if present."""
    if (SHARED_BENCH / "gen.py").exists():
        sys.path.insert(0, str(SHARED_BENCH))
        import gen  # type: ignore[import-not-found]

        generated: list[dict[str, Any]] = gen.generate(n, seed, broken_rate=0.05)
        yield from generated
        return
    examples = [json.loads(path.read_text("utf-8")) for path in sorted((HERE.parent / "examples").glob("*.json"))]
    for index in range(n):
        report = dict(examples[index % len(examples)])
        report["agency"] = {**report["agency"], "name": f"机关{index // 3}", "uscc": None}
        yield report


def write_input(folder: Path, n: int, layout: str, seed: int) -> Path:
    """Write the *n* reports under *folder* as *layout*; return what to validate."""
    if layout == "jsonl":
        path = folder / "reports.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for report in reports(n, seed):
                handle.write(json.dumps(report, ensure_ascii=False) + "\n")
        return path
    target = folder / "reports"
    target.mkdir()
    for index, report in enumerate(reports(n, seed)):
        (target / f"{index:07}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return target


def measure(path: Path, pythonpath: str | None) -> tuple[float, float, int]:
    """Run validate over *path*; return its wall time (s), peak RSS (MiB) and exit status."""
    environment = dict(os.environ)
    if pythonpath:
        environment["PYTHONPATH"] = pythonpath
    command = [sys.executable, "-m", "govdisclosure.cli", "validate", "--format", "json", str(path)]
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=sink, env=environment)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, child.returncode


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the input, run the command over it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100_000, help="number of reports")
    parser.add_argument("--layout", choices=("jsonl", "folder"), default="jsonl", help="a JSON Lines file or a folder")
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--pythonpath", help="a src folder to put first (to measure another version)")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gd-stream-") as folder:
        path = write_input(Path(folder), arguments.n, arguments.layout, arguments.seed)
        seconds, peak, status = measure(path, arguments.pythonpath)
    print(
        f"validate --format json over {arguments.n} reports ({arguments.layout}): "
        f"peak RSS {peak:.0f} MiB, {seconds:.1f} s, exit {status}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
