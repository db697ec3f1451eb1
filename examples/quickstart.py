"""A tour of govdisclosure in one short script: load, read cells with their labels, round-trip, errors.

Run it from anywhere; it finds the example documents beside itself::

    python examples/quickstart.py
"""

from __future__ import annotations

from pathlib import Path

import govdisclosure as gd
from govdisclosure.model import ItemCounts2019, Proactive2019, RequestRow, RequestTable2021, ReviewLitigation
from govdisclosure.regulation import Heading

HERE = Path(__file__).resolve().parent


def label(model: type, key: str) -> Heading:
    """The official heading a model class's field stands for (models carry them as ``__headings__``)."""
    headings: dict[str, Heading] = model.__headings__  # type: ignore[attr-defined]
    return headings[key]


def main() -> None:
    # 1. Load both examples.  The template decides the class.
    report_2021 = gd.load(HERE / "2021-report.json")
    report_2019 = gd.load(HERE / "2019-tianshui-civil-affairs.json")
    for report in (report_2021, report_2019):
        print(f"{report.agency.name} {report.year}: {type(report).__name__}, {report.template.document}")

    # 2. Read cells, printing the official labels from govdisclosure.regulation.
    assert isinstance(report_2021, gd.AnnualReport2021)
    received = report_2021.requests.received
    print(f"\n{label(RequestTable2021, 'received').zh} · {label(RequestRow, 'total').zh}: {received.total}")
    print(f"  {label(RequestRow, 'natural_person').zh}: {received.natural_person}")
    print(f"  ({label(RequestRow, 'total').en} = {received.computed_total()} when the six columns are added up)")
    review = report_2021.review_litigation.review
    print(f"{label(ReviewLitigation, 'review').zh} · {label(type(review), 'upheld').zh}: {review.upheld}")

    # Every table cell comes with its JSON Pointer and official name.
    print("\nthe first filled cells of table 三:")
    filled = [cell for cell in gd.iter_cells(report_2021) if cell.path[0] == "requests" and cell.value]
    for cell in filled[:3]:
        print(f"  {cell.pointer} = {cell.value}  ({cell.label()})")

    assert isinstance(report_2019, gd.AnnualReport2019)
    penalties = report_2019.proactive.penalties
    print(f"\n{label(Proactive2019, 'penalties').zh} · {label(ItemCounts2019, 'change').zh}: {penalties.change:+d}")
    fees = report_2019.proactive.fees
    fees_label = f"{label(Proactive2019, 'fees').zh} · {label(type(fees), 'previous_year').zh}"
    print(f"{fees_label}: {fees.previous_year!r} (None: the cell was left blank, not a written 0)")
    amount = report_2019.proactive.procurement.amount
    print(f"{label(Proactive2019, 'procurement').zh}: {amount} 万元 ({type(amount).__name__}, never a float)")

    # 3. Round trip: dump to JSON text and read it back; the result is equal.
    text = gd.dumps(report_2019)
    again = gd.loads(text)
    print(f"\nround trip: {len(text)} characters, equal: {again == report_2019}")
    assert again == report_2019

    # 4. A broken document: every problem is reported at once, each at its JSON Pointer.
    broken = text.replace('"year": 2019', '"year": "2019"').replace('"previous_year": 24', '"previous_year": -24')
    try:
        gd.loads(broken)
    except gd.ParseError as error:
        print(f"\nParseError with {len(error.problems)} problems:")
        for problem in error.problems:
            print(f"  {problem.pointer}: {problem.message}")
    else:  # pragma: no cover - the broken document must not load
        raise SystemExit("the broken document loaded")


if __name__ == "__main__":
    main()
