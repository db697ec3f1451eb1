"""Hand-built documents in the interchange shape, shared by the schema tests, and reports reshaped through it.

Keys are typed here by hand on purpose: the tests check the generated
schemas against an independent statement of the shape.
"""

from __future__ import annotations

import json
from typing import Any

import govdisclosure as gd

Document = dict[str, Any]


def row(n: int | None = 0) -> Document:
    """A row of table 三 with *n* in each applicant column and their sum in 总计."""
    applicants = ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org"]
    cells: Document = dict.fromkeys(applicants, n)
    cells["total"] = None if n is None else 6 * n
    return cells


def review() -> Document:
    """Table 四 with a few results in each group."""
    group = {"upheld": 1, "corrected": 0, "other": 0, "pending": 2, "total": 3}
    return {"review": group, "litigation_direct": dict(group), "litigation_after_review": dict(group)}


def outcomes(other: Document) -> Document:
    """三、本年度办理结果 with every row filled and *other* as （六）其他处理."""
    withheld = [
        "state_secret",
        "prohibited_by_law",
        "three_safeties_one_stability",
        "third_party_rights",
        "internal_affairs",
        "process_information",
        "enforcement_case_file",
        "administrative_query",
    ]
    return {
        "granted": row(1),
        "partly_granted": row(0),
        "withheld": {key: row(0) for key in withheld},
        "unable": {key: row(0) for key in ("not_held", "needs_creation", "unclear_after_correction")},
        "not_processed": {
            key: row(0)
            for key in ("petition_complaint", "duplicate", "publication", "massive_repeated", "confirm_or_reissue")
        },
        "other": other,
        "total": row(1),
    }


def agency() -> Document:
    """An agency with every field given."""
    return {
        "name": "重庆市民政局",
        "uscc": "115000000092759914",
        "level": "provincial",
        "kind": "department",
        "parent": "重庆市人民政府",
    }


def minimal(template: str) -> Document:
    """The smallest document of *template*: only the four required keys."""
    return {"schema": "govdisclosure/annual-report/1", "template": template, "year": 2021, "agency": {"name": "某局"}}


def filled(report: gd.AnnualReport) -> gd.AnnualReport:
    """*report* with every blank table cell written as 0."""

    def fill(node: Any, key: str = "") -> Any:
        if isinstance(node, dict):
            return {name: fill(value, name) for name, value in node.items()}
        if node is None:
            return "0" if key == "amount" else 0
        return node

    document = json.loads(gd.dumps(report))
    for table in ("proactive", "requests", "review_litigation"):
        if table in document:
            document[table] = fill(document[table])
    return gd.loads(json.dumps(document))
