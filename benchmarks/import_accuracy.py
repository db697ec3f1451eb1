"""Cell accuracy of ``govdisclosure.import_report`` on the stored published pages.

    python benchmarks/import_accuracy.py [FOLDER]

For each page in ``tests/data/published`` (or *FOLDER*) the import is
compared cell by cell with the hand-checked ``expected.json``.  A row the
page does not settle (listed in ``truth.json`` with how many of its cells the
page writes) counts its written cells as not exact — they are left blank and
flagged, not guessed — and its other cells as exact blanks.  Printed:

* cells exact / cells;
* written cells exact / written cells (written: the page prints a value there);
* uncertain cells flagged: written cells left blank with a ``GD-IMPORT-AMBIGUOUS`` finding;
* written cells wrong: a value the page does not print there (should be 0).

Figures are printed, never asserted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from govdisclosure import import_report
from govdisclosure.codecs.data import to_data
from govdisclosure.regulation import LABELS

HERE = Path(__file__).resolve().parent
PUBLISHED = HERE.parent / "tests" / "data" / "published"


def _at(data: dict[str, Any], pointer: str) -> Any:
    node: Any = data
    for key in pointer.split("/")[1:]:
        node = node[key]
    return node


def measure(folder: Path) -> dict[str, int]:
    """The counts for one page."""
    page = next(path for path in (folder / "page.html", folder / "page.txt") if path.exists())
    result = import_report(page.read_bytes())
    got = to_data(result.report)
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    uncertain: dict[str, int] = json.loads((folder / "truth.json").read_text("utf-8"))["uncertain"]
    flagged_rows = {f.path for f in result.findings if f.code == "GD-IMPORT-AMBIGUOUS"}
    counts = dict.fromkeys(("cells", "exact", "written", "written_exact", "flagged", "wrong"), 0)
    pointers = list(LABELS[expected["template"]].pointers())
    counts["cells"] = len(pointers)
    rows: dict[str, list[str]] = {}
    for pointer in pointers:
        row = next((r for r in uncertain if pointer.startswith(r + "/")), None)
        if row is not None:
            rows.setdefault(row, []).append(pointer)
            continue
        truth, value = _at(expected, pointer), _at(got, pointer)
        counts["exact"] += value == truth
        if truth is not None:
            counts["written"] += 1
            counts["written_exact"] += value == truth
            counts["wrong"] += value is not None and value != truth
    for row, cells in rows.items():
        written = uncertain[row]
        counts["written"] += written
        counts["exact"] += len(cells) - written
        counts["flagged"] += written if row in flagged_rows and all(_at(got, p) is None for p in cells) else 0
    return counts


def main(argv: list[str]) -> int:
    """Print the figures for every page and in total."""
    root = Path(argv[0]) if argv else PUBLISHED
    total = dict.fromkeys(("cells", "exact", "written", "written_exact", "flagged", "wrong"), 0)
    print("| page | cells exact | written exact | uncertain flagged | wrong |\n|---|---:|---:|---:|---:|")
    for folder in sorted(path for path in root.iterdir() if path.is_dir()):
        counts = measure(folder)
        for key, value in counts.items():
            total[key] += value
        print(
            f"| {folder.name} | {counts['exact']}/{counts['cells']} | {counts['written_exact']}/{counts['written']}"
            f" | {counts['flagged']} | {counts['wrong']} |"
        )
    print(
        f"| **all** | {total['exact']}/{total['cells']} ({total['exact'] / total['cells']:.1%})"
        f" | {total['written_exact']}/{total['written']} ({total['written_exact'] / total['written']:.1%})"
        f" | {total['flagged']} | {total['wrong']} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
