"""Findings: what a rule says about a report, kept as data and put into words when shown.

A :class:`Finding` holds the rule's code, the severity, where (a JSON
Pointer), the cell's name in every language, the values the rule compared,
any further named values, and a reference to the rule's message template.
Its :attr:`~Finding.message` and :attr:`~Finding.label` are rendered when
read, in the language the finding was made in, or in any other with
:meth:`~Finding.message_in`.  The templates themselves live with the rules
(:mod:`govdisclosure.rules.catalog`); this module sits below the codecs and
the rules so that readers, too, can return findings.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import functools
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from ._errors import GovDisclosureError
from .regulation.languages import LANGUAGES, Language, check_language

__all__ = ["NO_LABEL", "Finding", "ReportInvalid", "Severity", "Text", "best_match", "relevance"]


class Severity(str, enum.Enum):
    """How much a finding matters: an ``error`` fails validation, the others inform."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen
class Text:
    """One text in every :data:`~govdisclosure.regulation.Language`: *zh* and *en*.

    Calling it gives the text in a language; given values, the text is a
    template (:meth:`str.format` fields) filled with them:

    >>> greeting = Text(zh="{name}，你好", en="hello, {name}")
    >>> greeting("en", name="Li")
    'hello, Li'

    Raises:
        ValueError: for a language that is not a :data:`~govdisclosure.regulation.Language`.
    """

    zh: str
    en: str

    @classmethod
    def same(cls, text: str) -> Text:
        """A text that reads the same in every language (a code, a name, a number)."""
        return cls(zh=text, en=text)

    def __call__(self, language: Language, /, **values: object) -> str:
        _check_lang(language)
        text = self.en if language == "en" else self.zh
        return text.format_map(values) if values else text


#: The label of a finding about a whole report or document: empty in every language.
NO_LABEL: Final = Text.same("")

#: How a blank cell reads in a message.
_BLANK: Final = Text(zh="空白", en="blank")


def _check_lang(value: object) -> None:
    if value not in LANGUAGES:
        check_language(value)  # raises, naming the languages there are


def _shown(value: object, language: Language) -> str:
    """*value* as a message shows it: texts in *language*, amounts as decimals, dates in ISO 8601."""
    if value is None:
        return _BLANK(language)
    if isinstance(value, Text):
        return value(language)
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


@attrs.frozen(kw_only=True)
class Finding:
    """One problem a rule found in a report.

    *code* is the rule's stable identifier (see the rules catalogue);
    *path* a JSON Pointer into the interchange shape (``""`` for the whole
    report); *label* the official name of the cell or field as a
    :class:`Text`; *expected* and *actual* the values the rule compared,
    where it compared values; *message* the rule's message template, a
    :class:`Text` filled with ``label``, ``expected``, ``actual`` and the
    further named *values* (in name order); *lang* the language
    :attr:`message`, :attr:`label`, ``str()`` and :meth:`to_dict` speak.

    A finding is made by its rule (:meth:`govdisclosure.rules.Rule.finding`),
    which supplies the template; reading :attr:`message` renders it.
    """

    code: str
    severity: Severity
    path: str
    _label: Text
    expected: object = None
    actual: object = None
    _message: Text
    values: tuple[tuple[str, object], ...] = ()
    lang: Language = attrs.field(default="zh", validator=lambda _, __, value: _check_lang(value))

    @property
    def label(self) -> str:
        """The official name of the cell or field, in :attr:`lang` (``""`` for the whole report)."""
        return self._label(self.lang)

    @property
    def message(self) -> str:
        """The message, in :attr:`lang`."""
        return self.message_in(self.lang)

    def label_in(self, language: Language) -> str:
        """The official name of the cell or field, in *language*."""
        return self._label(language)

    def message_in(self, language: Language) -> str:
        """The message, in *language*."""
        shown = {name: _shown(value, language) for name, value in self.values}
        shown["label"] = self._label(language)
        shown["expected"] = _shown(self.expected, language)
        shown["actual"] = _shown(self.actual, language)
        return self._message(language, **shown)

    def render(self, language: Language | None = None) -> str:
        """The finding on one line, as ``str()`` gives it, in *language* (default: :attr:`lang`)."""
        where = f"{self.path} " if self.path else ""
        return f"{where}[{self.code}] {self.message_in(self.lang if language is None else language)}"

    def in_language(self, language: Language) -> Finding:
        """This finding, speaking *language*."""
        return attrs.evolve(self, lang=language)

    def __str__(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, object]:
        """The finding as plain JSON data, in :attr:`lang`: amounts as decimal strings, dates as ``YYYY-MM-DD``.

        ``values`` holds the further named values (an imbalance, the cells a
        relation needed, the findings a root cause explains), texts rendered
        in :attr:`lang` and findings as dicts of their own.
        """
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "label": self.label,
            "expected": _plain(self.expected, self.lang),
            "actual": _plain(self.actual, self.lang),
            "message": self.message,
            "values": {name: _plain(value, self.lang) for name, value in self.values},
        }


def _plain(value: object, language: Language) -> object:
    """*value* as plain JSON data, texts and findings in *language*."""
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Text):
        return value(language)
    if isinstance(value, Finding):
        return value.in_language(language).to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(item, language) for item in value]
    return value


def relevance(finding: Finding) -> tuple[int, int, str]:
    """A sort key: errors first, then shallower paths (more is wrong higher up), then by code."""
    return (_RANK[finding.severity], finding.path.count("/"), finding.code)


def best_match(findings: Iterable[Finding]) -> Finding | None:
    """The finding most worth showing first, or None when there are none.

    The answer does not depend on the order of *findings*.
    """
    return min(findings, key=lambda finding: (*relevance(finding), finding.path, finding.message), default=None)


#: ReportInvalid's message in each language: no error, one error, several (the most relevant named).
_INVALID: Final = {
    "en": ("0 errors", "1 error; {best}", "{count} errors; most relevant: {best}"),
    "zh": ("0 个错误", "1 个错误：{best}", "{count} 个错误；最相关的：{best}"),
}


class ReportInvalid(GovDisclosureError, ValueError):
    """A report has error-level findings; *findings* holds all of them, in document order.

    *best* is the most relevant of them (:func:`best_match`), the one the
    message names as "most relevant" (it need not be ``findings[0]``).  The
    message speaks *lang*, the best finding included; without *lang* it is
    in English, the finding in its own language.
    """

    def __init__(self, findings: Sequence[Finding], *, lang: Language | None = None) -> None:
        if lang is not None:
            _check_lang(lang)
        self.findings: tuple[Finding, ...] = tuple(findings)
        self.best = best_match(self.findings)
        self.lang = lang
        none, one, several = _INVALID[lang or "en"]
        count = len(self.findings)
        if self.best is None:
            text = none
        else:
            best = self.best.render(lang)
            text = (one if count == 1 else several).format(count=count, best=best)
        super().__init__(text)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuild from the findings, not from the message (for pickle and copy).
        return (functools.partial(type(self), lang=self.lang), (self.findings,))
