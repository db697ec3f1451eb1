"""Import published reports: HTML pages and copied text into a report, with every guess reported.

    >>> import govdisclosure as gd
    >>> result = gd.import_report("天水市民政局2019年政府信息公开工作年度报告\\n规章 1 0 1")  # doctest: +SKIP

:func:`import_report` tells the format from the content (or takes
*format*), turns the page into one text (:mod:`.html`, :mod:`.text`),
finds the template, year, agency and date the page states, reads each
table's rows by their labels, settles rows whose columns are uncertain only
by the table's own relations, and returns an :class:`ImportResult`: the
report (cells not read stay blank), the import findings (``GD-IMPORT-*``,
see :mod:`.catalogue`), and the :class:`Source` of every cell read.

The import formats ``html`` and ``text`` are formats of the codecs' registry
(:mod:`govdisclosure.codecs.registry`), read only: :func:`import_report`
looks a format up there by name or by content, so ``gd.load``,
``iter_load`` and ``govdisclosure validate`` read published pages too, and
a plugin's format with a reader is imported the same way.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

import attrs

from .._errors import ParseError, Problem
from .._findings import Finding
from ..codecs.data import from_data, to_data
from ..codecs.registry import Format, ReadResult, format_for, get_format, register_format
from ..model import REPORT_CLASSES, Agency, AnnualReport
from ..regulation import Language
from . import catalogue
from ._document import Document, Source, Sources
from ._meta import WHERE, facts
from ._plan import PLANS, plan
from ._tables import read_tables
from .html import read_html, sniff_html
from .text import read_text, sniff_text

__all__ = ["IMPORT_FORMATS", "IMPORT_SUFFIXES", "MAX_BYTES", "ImportResult", "Source", "import_report"]

#: Pages larger than this are refused before they are parsed (bytes, or characters of a str).
MAX_BYTES: Final = 8 * 1024 * 1024
#: The name under which a report's extra rows are kept in ``extensions``.
EXTENSION: Final = "govdisclosure.import"
#: The agency name recorded when the page names none.
UNNAMED: Final = "（未署名）"


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an import made of a page.

    *report* holds every cell that was read (the rest blank); *findings*
    every ``GD-IMPORT-*`` finding, in the order made; *sources* where each
    cell read came from, by its JSON Pointer; *format* the importer used.
    """

    report: AnnualReport
    findings: tuple[Finding, ...]
    sources: Mapping[str, Source]
    format: str


#: How each import format turns a page into a :class:`Document`, by the format's name in the registry.
_DOCUMENTS: Final[dict[str, Callable[[str | bytes], Document]]] = {"text": read_text, "html": read_html}


def _format(data: str | bytes, name: str | None) -> Format:
    """The registered format *name*, else the one the content of *data* names."""
    if name is not None:
        return get_format(name)
    head = data[:8192].encode("utf-8", "replace") if isinstance(data, str) else data[:8192]
    try:
        return format_for(None, head)
    except ValueError:
        raise ParseError(
            [Problem(pointer="", message="the input is no HTML page, report text or report document the library reads")]
        ) from None


@functools.cache
def _blank(key: str) -> str:
    """The plain data of a report of template *key* with every cell blank, as JSON (copied for each import)."""
    return json.dumps(to_data(REPORT_CLASSES[key](year=2000 + 19, agency=Agency(name=UNNAMED))))


def _blank_data(key: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_blank(key))
    return data


def _put(data: dict[str, Any], pointer: str, value: object) -> None:
    """Set the cell at *pointer* of plain *data* to *value*, written as the interchange shape writes it."""
    *parents, last = pointer.split("/")[1:]
    node = data
    for key in parents:
        node = node[key]
    node[last] = format(value, "f") if isinstance(value, Decimal) else value


def _reader(name: str) -> Callable[..., ReadResult]:
    """The registry's reader for the import format *name*: the report and the import findings."""

    def read(data: str | bytes, *, max_size: int = MAX_BYTES, **options: Any) -> ReadResult:
        result = import_report(data, format=name, max_bytes=max_size, **options)
        return ReadResult(report=result.report, findings=result.findings)

    return read


def import_report(
    source: str | bytes,
    *,
    format: str | None = None,
    year: int | None = None,
    template: str | None = None,
    agency: str | None = None,
    lang: Language = "zh",
    max_bytes: int = MAX_BYTES,
) -> ImportResult:
    """Import the report a published page prints.

    *source* is the page (HTML or text, ``str`` or ``bytes``); *format*
    names the importer (sniffed from the content when not given); *year*,
    *template* and *agency*, when given, are taken over what the page says.

    Raises:
        ParseError: when the input is too large, not a page, or names no report year and none is given.
    """
    if len(source) > max_bytes:
        raise ParseError([Problem(pointer="", message=f"the input is larger than {max_bytes} bytes; refused unread")])
    fmt = _format(source, format)
    documents = _DOCUMENTS.get(fmt.name)
    if documents is None:  # a report document the library reads (JSON, XML, a plugin's): no page to locate
        given = fmt.read(source)
        return ImportResult(report=given.report, findings=given.findings, sources=MappingProxyType({}), format=fmt.name)
    document = documents(source)
    page = facts(document, year)
    key = template if template is not None else page.template
    if page.year is None:
        raise ParseError([Problem(pointer="/year", message="the page states no report year; pass year=")])
    if key not in PLANS:
        raise ParseError(
            [Problem(pointer="/template", message="the page prints no table of the 2019 or 2021 template")]
        )
    cls_plan = plan(key)
    findings: list[Finding] = []
    if page.template_words:
        findings.append(
            catalogue.finding(
                "GD-IMPORT-TEMPLATE",
                cls_plan.cls,
                "/template",
                lang,
                actual=key,
                evidence=" · ".join(page.template_words[:3]),
            )
        )
    findings.append(
        catalogue.finding(
            "GD-IMPORT-YEAR", cls_plan.cls, "/year", lang, actual=page.year, evidence=WHERE[page.year_from or "caller"]
        )
    )
    name = agency or page.agency
    if name is None:
        name = UNNAMED
        findings.append(catalogue.finding("GD-IMPORT-AGENCY", cls_plan.cls, "/agency/name", lang, actual=name))
    read = read_tables(document, cls_plan, lang)
    findings.extend(read.findings)
    data = _blank_data(cls_plan.key)
    data["year"] = page.year
    data["agency"] = {**data["agency"], "name": name}
    for pointer, value in read.values.items():
        _put(data, pointer, value)
    if page.published is not None:
        data["published"] = page.published.isoformat()
        findings.append(
            catalogue.finding(
                "GD-IMPORT-PUBLISHED",
                cls_plan.cls,
                "/published",
                lang,
                actual=page.published,
                evidence=WHERE[page.published_from or "page date"],
                raw=page.published_raw,
            )
        )
    if read.extra_rows:
        data["extensions"] = {EXTENSION: {"extra_rows": read.extra_rows}}
    report = from_data(data)
    return ImportResult(
        report=report, findings=tuple(findings), sources=Sources(document, read.sources), format=fmt.name
    )


#: The suffixes of the pages ``govdisclosure import`` looks for in a folder.
IMPORT_SUFFIXES: Final = (".html", ".htm", ".shtml", ".txt")

#: The import formats, registered with the codecs' formats: read only (a page is never written), and
#: told by content, not by suffix, so a folder's other ``.txt`` and ``.html`` files are no reports to
#: ``validate``.
IMPORT_FORMATS: Final = (
    Format(name="text", sniff=sniff_text, reader=_reader("text")),
    Format(name="html", sniff=sniff_html, reader=_reader("html")),
)
for _format_ in IMPORT_FORMATS:
    register_format(_format_)
