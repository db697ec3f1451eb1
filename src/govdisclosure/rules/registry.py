"""The rule registry: every rule one object, registered once, found by its code.

A :class:`Rule` holds what the catalogue, the docs, the engine and a user's
selection need: the stable *code*, a *title*, the *basis* it rests on, the
default *severity*, the *scope* it looks at, the *message* template its
findings render, and what it evaluates — relation data
(:class:`~govdisclosure.rules.Sum`, :class:`~govdisclosure.rules.Balance`,
:class:`~govdisclosure.rules.Compare`) derived per template, or a function
yielding findings.

The built-in rules are registered by :mod:`govdisclosure.rules.catalog`;
:func:`register_rule` adds more at run time (a plugin's, say).
:func:`select_rules` resolves a ruff-like selection by code or code prefix.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

import attrs

from .._findings import NO_LABEL, Finding, Severity, Text
from ..regulation import Language

if TYPE_CHECKING:
    from ..regulation import TemplateVersion
    from .context import Context
    from .relations import Relation

__all__ = [
    "RULES",
    "RULESET_VERSION",
    "Basis",
    "BasisKind",
    "Check",
    "Derivation",
    "RelationOutcome",
    "Rule",
    "Scope",
    "register_rule",
    "select_rules",
    "selectors",
]

#: What a rule looks at: a document as it is read (the readers and importers
#: make these findings), one report (the engine runs these), or the reports of
#: one agency across years (:mod:`govdisclosure.rules.collection`).
Scope: TypeAlias = Literal["document", "report", "collection"]

#: What a rule rests on: the Regulation, the template's own text, arithmetic
#: the form implies, a reviewers' convention, a national standard, or the
#: interchange shape itself.
BasisKind: TypeAlias = Literal["regulation", "template", "arithmetic", "convention", "standard", "interchange"]

#: What a relation came to that a rule of its own reports: a blank total beside
#: written parts, a relation that cannot be checked for blanks, or one cell that
#: breaks several relations (see :mod:`govdisclosure.rules._judge`).
RelationOutcome: TypeAlias = Literal["blank_total", "not_assessable", "root_cause"]

#: A function deriving a relation rule's relations for a template, in document order.
Derivation: TypeAlias = "Callable[[TemplateVersion], Iterable[Relation]]"

#: A function yielding a report rule's findings: given the rule itself and the report's context.
Check: TypeAlias = "Callable[[Rule, Context], Iterable[Finding]]"

#: The version of the built-in rule set, a whole number.  It goes up by one
#: whenever a built-in rule is added or removed, or changes what it finds, its
#: severity or its basis; the same report checked by the same rule-set version
#: gives the same findings (up to their wording), whatever the library version.
RULESET_VERSION: Final = 1

_CODE: Final = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")
_SCOPES: Final = ("document", "report", "collection")


@attrs.frozen
class Basis:
    """What a rule rests on: its *kind* and, in a sentence, *text*."""

    kind: BasisKind
    text: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


@attrs.frozen(kw_only=True)
class Rule:
    """One rule of the catalogue.

    *code* is stable (``GD-`` and upper-case words joined by ``-``): once
    published a code keeps its meaning.  *title* and *message* are
    :class:`~govdisclosure.rules.Text`; the message is a template filled with
    ``label``, ``expected``, ``actual`` and the further values the rule
    passes.  A ``report`` rule evaluates exactly one of *relations* (a
    :data:`Derivation`), *check* (a :data:`Check`) or *outcome* (the
    engine reports that outcome of the other rules' relations with it);
    ``document`` and ``collection`` rules are evaluated where documents are
    read and by :mod:`govdisclosure.rules.collection`, and name none.
    *example* is a report shape that gives a finding of the rule, in a
    sentence, for the catalogue.
    """

    code: str
    severity: Severity
    scope: Scope
    basis: Basis
    title: Text
    message: Text
    relations: Derivation | None = None
    check: Check | None = None
    outcome: RelationOutcome | None = None
    example: str = ""

    def __attrs_post_init__(self) -> None:
        if not _CODE.fullmatch(self.code):
            raise ValueError(f"a rule code is upper-case words joined by '-', such as 'GD-T3-ROW'; got {self.code!r}")
        if self.scope not in _SCOPES:
            raise ValueError(f"rule {self.code}: scope must be one of {', '.join(_SCOPES)}; got {self.scope!r}")
        evaluators = (self.relations is not None) + (self.check is not None) + (self.outcome is not None)
        if self.scope == "report" and evaluators != 1:
            raise ValueError(f"rule {self.code}: a report rule evaluates relations, a check or an outcome, exactly one")
        if self.scope != "report" and evaluators:
            raise ValueError(f"rule {self.code}: only a report rule names relations, a check or an outcome")

    @property
    def title_zh(self) -> str:
        """The title in Chinese."""
        return self.title.zh

    @property
    def title_en(self) -> str:
        """The title in English."""
        return self.title.en

    @property
    def message_zh(self) -> str:
        """The message template in Chinese."""
        return self.message.zh

    @property
    def message_en(self) -> str:
        """The message template in English."""
        return self.message.en

    def finding(
        self,
        path: str = "",
        *,
        lang: Language = "zh",
        label: Text = NO_LABEL,
        expected: object = None,
        actual: object = None,
        severity: Severity | None = None,
        **values: object,
    ) -> Finding:
        """A finding of this rule at the JSON Pointer *path*, speaking *lang*.

        *label* names the cell or field in every language; *values* are the
        further values the message template names (a :class:`~govdisclosure.rules.Text`
        where the value itself depends on the language).  *severity*
        defaults to the rule's.
        """
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            path=path,
            label=label,
            expected=expected,
            actual=actual,
            message=self.message,
            values=tuple(sorted(values.items())) if values else (),
            lang=lang,
        )


_REGISTRY: dict[str, Rule] = {}

#: Every registered rule by code, in the order registered (read-only; see :func:`register_rule`).
RULES: Final[Mapping[str, Rule]] = types.MappingProxyType(_REGISTRY)


def register_rule(rule: Rule) -> Rule:
    """Add *rule* to :data:`RULES` and return it.

    Raises:
        ValueError: when a rule with the same code is registered already.
    """
    existing = _REGISTRY.get(rule.code)
    if existing is not None:
        raise ValueError(f"a rule with code {rule.code!r} is registered already: {existing.title.en!r}")
    _REGISTRY[rule.code] = rule
    return rule


def _matches(selector: str, code: str) -> bool:
    """Whether *selector* names *code*: a registered code names itself only, anything else is a prefix."""
    if selector in _REGISTRY:
        return code == selector
    return code.startswith(selector + "-")


def selectors(name: str, given: Iterable[str] | None) -> tuple[str, ...] | None:
    """The codes or prefixes *given* for the argument *name*, as a tuple (``None`` stays ``None``).

    Raises:
        TypeError: for a bare string, which would otherwise be read letter by letter.
    """
    if given is None:
        return None
    if isinstance(given, str):
        raise TypeError(f"{name} takes a list of codes or prefixes, such as [{given!r}]; got the string {given!r}")
    return tuple(given)


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None, *, scope: Scope | None = None
) -> tuple[Rule, ...]:
    """The registered rules a selection names, in registry order, of *scope* if given.

    *select* and *ignore* hold codes (``"GD-T3-ROW"``) or code prefixes
    ending at a ``-`` boundary (``"GD-T3"`` names every ``GD-T3-…`` rule); a
    registered code names that rule only (``"GD-BLANK"`` is not
    ``"GD-BLANK-COUNTED"``).
    As in ruff, the most specific selector naming a rule decides; with the
    same selector in both, *ignore* wins.  Without *select* every rule is
    selected.

    Raises:
        ValueError: naming every selector that names no registered rule.
        TypeError: for a bare string instead of a list.
    """
    chosen, dropped = selectors("select", select), selectors("ignore", ignore) or ()
    unknown = [s for s in (*(chosen or ()), *dropped) if not any(_matches(s, code) for code in _REGISTRY)]
    if unknown:
        raise ValueError(
            f"no rule has the code or code prefix {', '.join(map(repr, unknown))}; see govdisclosure.rules.RULES"
        )
    return tuple(rule for rule in _selected(chosen, dropped) if scope is None or rule.scope == scope)


def _selected(chosen: tuple[str, ...] | None, dropped: tuple[str, ...]) -> Iterator[Rule]:
    for code, rule in _REGISTRY.items():
        best_select = max((len(s) for s in chosen if _matches(s, code)), default=-1) if chosen is not None else 0
        best_ignore = max((len(s) for s in dropped if _matches(s, code)), default=-1)
        if best_select >= 0 and best_select > best_ignore:
            yield rule
