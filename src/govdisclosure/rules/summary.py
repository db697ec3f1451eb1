"""What a validation came to, as one object: the verdict and its counts, and the findings left out on purpose.

A :class:`ValidationSummary` holds the verdict, the findings counted per
severity and per code, what the relations came to
(:class:`RelationCounts`), the findings suppressed (per code), and the
library and rule-set versions it was made with.  Summaries add up with ``+``,
so the summary of many reports is the sum of theirs.  A
:class:`Suppression` leaves out the findings of one code, optionally at one
JSON Pointer and below it.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal, TypeAlias

import attrs

from .._findings import Finding, Severity
from .registry import RULES, RULESET_VERSION

__all__ = ["RelationCounts", "Result", "Suppression", "ValidationSummary", "suppressions"]

#: ``"ok"`` when no finding is an error, ``"errors"`` otherwise.
Verdict: TypeAlias = Literal["ok", "errors"]


@functools.cache
def library_version() -> str:
    """The installed govdisclosure's version."""
    from importlib.metadata import version

    return version("govdisclosure")


@attrs.frozen
class Suppression:
    """Leave out the findings of *code* at *pointer* and below it (``None``: everywhere).

    *pointer* ``"/requests"`` covers ``/requests`` and ``/requests/received/total``,
    not ``/requests_other``; ``""`` is the whole report, so it covers every
    finding of *code*, as ``None`` does.
    """

    code: str
    pointer: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.code not in RULES:
            raise ValueError(f"suppress: no rule has the code {self.code!r}")
        if self.pointer is not None and self.pointer and not self.pointer.startswith("/"):
            raise ValueError(f"suppress: {self.pointer!r} is not a JSON Pointer (it starts with /)")

    @classmethod
    def parse(cls, text: str) -> Suppression:
        """``CODE`` or ``CODE@POINTER``, as the command line takes it."""
        code, at, pointer = text.partition("@")
        return cls(code.strip(), pointer if at else None)

    def covers(self, finding: Finding) -> bool:
        """Whether this suppression leaves *finding* out."""
        if finding.code != self.code:
            return False
        if not self.pointer:
            return True
        path = finding.path
        return path == self.pointer or path.startswith(self.pointer + "/")


def suppressions(given: Iterable[Suppression | str | tuple[str, str | None]] | None) -> tuple[Suppression, ...]:
    """*given* as suppressions: each a :class:`Suppression`, a ``"CODE[@POINTER]"`` or a ``(code, pointer)`` pair.

    Raises:
        ValueError: for a code no rule has, or a pointer not starting with ``/``.
        TypeError: for a bare string, which would otherwise be read letter by letter.
    """
    if given is None:
        return ()
    if isinstance(given, str):
        raise TypeError(f"suppress takes a list, such as [{given!r}]; got the string {given!r}")
    found: list[Suppression] = []
    for item in given:
        if isinstance(item, Suppression):
            found.append(item)
        elif isinstance(item, str):
            found.append(Suppression.parse(item))
        else:
            code, pointer = item
            found.append(Suppression(code, pointer))
    return tuple(found)


@attrs.frozen
class RelationCounts:
    """What the selected relations came to: *checked* = *held* + *failed* + *not_assessable*.

    A relation is *not assessable* when a blank keeps it from being checked:
    a blank on the side that falls short, or a blank total read as its parts'
    sum (``GD-NOT-ASSESSABLE``, ``GD-TOTAL-BLANK``).  A relation a root cause
    breaks is *failed*, as it is with ``cascades=True``.
    """

    checked: int = 0
    held: int = 0
    failed: int = 0
    not_assessable: int = 0

    def __add__(self, other: RelationCounts) -> RelationCounts:
        return RelationCounts(
            self.checked + other.checked,
            self.held + other.held,
            self.failed + other.failed,
            self.not_assessable + other.not_assessable,
        )

    def to_dict(self) -> dict[str, int]:
        """The counts as plain JSON data."""
        return attrs.asdict(self)


def _sorted(counts: Mapping[str, int]) -> dict[str, int]:
    return {code: counts[code] for code in sorted(counts) if counts[code]}


_SEVERITIES = tuple(severity.value for severity in Severity)


def _severities(counts: Mapping[str, int]) -> dict[str, int]:
    return {severity: counts.get(severity, 0) for severity in _SEVERITIES}


@attrs.frozen(kw_only=True)
class ValidationSummary:
    """What validating *reports* reports came to.

    *severities* counts the findings reported per severity (every severity
    named, ``0`` included); *codes* per code; *suppressed* the findings a
    :class:`Suppression` left out, per code (they count nowhere else);
    *relations* what the relations came to.  *version* is the library's,
    *ruleset* the rule set's (:data:`~govdisclosure.rules.RULESET_VERSION`).

    ``ValidationSummary()`` is the summary of nothing, the start of a sum.
    """

    reports: int = 0
    severities: dict[str, int] = attrs.field(factory=dict, converter=_severities)
    codes: dict[str, int] = attrs.field(factory=dict, converter=_sorted)
    suppressed: dict[str, int] = attrs.field(factory=dict, converter=_sorted)
    relations: RelationCounts = RelationCounts()
    version: str = attrs.field(factory=library_version)
    ruleset: int = RULESET_VERSION

    @classmethod
    def of(
        cls,
        findings: Iterable[Finding],
        *,
        relations: RelationCounts = RelationCounts(),  # frozen, so safe to share
        suppressed: Mapping[str, int] | None = None,
        reports: int = 1,
    ) -> ValidationSummary:
        """The summary of the *findings* reported about *reports* reports."""
        severities = dict.fromkeys(_SEVERITIES, 0)
        codes: dict[str, int] = {}
        for finding in findings:
            severities[finding.severity.value] += 1
            codes[finding.code] = codes.get(finding.code, 0) + 1
        return cls(
            reports=reports,
            severities=severities,
            codes=codes,
            suppressed=suppressed or {},
            relations=relations,
        )

    @property
    def verdict(self) -> Verdict:
        """``"errors"`` when a reported finding is an error, ``"ok"`` otherwise (suppressed ones do not count)."""
        return "errors" if self.severities[Severity.ERROR.value] else "ok"

    @property
    def findings(self) -> int:
        """How many findings were reported (suppressed ones not included)."""
        return sum(self.severities.values())

    def __add__(self, other: ValidationSummary) -> ValidationSummary:
        if not isinstance(other, ValidationSummary):
            return NotImplemented
        if (other.version, other.ruleset) != (self.version, self.ruleset):
            raise ValueError(
                f"cannot add summaries of different versions: {self.version} ruleset {self.ruleset}"
                f" and {other.version} ruleset {other.ruleset}"
            )
        return ValidationSummary(
            reports=self.reports + other.reports,
            severities=Counter(self.severities) + Counter(other.severities),
            codes=Counter(self.codes) + Counter(other.codes),
            suppressed=Counter(self.suppressed) + Counter(other.suppressed),
            relations=self.relations + other.relations,
            version=self.version,
            ruleset=self.ruleset,
        )

    def to_dict(self) -> dict[str, object]:
        """The summary as plain JSON data, the verdict first."""
        return {
            "verdict": self.verdict,
            "reports": self.reports,
            "severities": dict(self.severities),
            "codes": dict(self.codes),
            "suppressed": dict(self.suppressed),
            "relations": self.relations.to_dict(),
            "version": self.version,
            "ruleset": self.ruleset,
        }


@attrs.frozen
class Result:
    """The findings about one report, in document order, and their :class:`ValidationSummary`."""

    findings: tuple[Finding, ...]
    summary: ValidationSummary

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error-level findings."""
        return tuple(finding for finding in self.findings if finding.severity is Severity.ERROR)
