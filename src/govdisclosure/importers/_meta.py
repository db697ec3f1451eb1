"""The report's year, agency, publication date and template, as the page states them.

* the **year** from the title (``…2021年度政府信息公开工作年度报告``, in
  digits or Chinese numerals);
* the **agency** from the title, the words before the year, else from the
  sign-off (the line before the closing date);
* the **publication date** from the page's own date (``发布时间``, the
  ``PubDate`` of the page) else the sign-off date;
* the **template** from the layout words only one template prints
  (本年新制作数量 ⇒ 2019, 本年制发件数 ⇒ 2021), else from the year.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

import attrs

from .._findings import Text
from ..regulation import template_for_year
from ._document import Document
from ._numerals import YEAR, chinese_number, find_dates
from ._plan import PLANS, plan

__all__ = ["WHERE", "PageFacts", "facts"]

#: Where a fact was read, in every language.
WHERE: Final = {
    "title": Text(zh="标题", en="the title"),
    "caller": Text(zh="调用参数", en="the caller"),
    "first year": Text(zh="页面首个年份", en="the first year the page names"),
    "page date": Text(zh="页面发布时间", en="the page's date"),
    "sign-off": Text(zh="落款", en="the sign-off"),
}

_TITLE: Final = re.compile(
    r"([^\s，。,：:<>|「」“”]{2,60}?)\s*(?:关于)?\s*([12二一][0-9〇零○一二三四五六七八九]{3})\s*年\s*度?\s*"
    r"(?:政府信息公开|政务公开|信息公开)[^\s，。]{0,8}?年度?报告"
)
_PAGE_DATE: Final = re.compile(
    r"(?:发布时间|发布日期|时间|日期)\s*[:：]\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9〇零○一二三四五六七八九十]{4}年[^\s]{1,8}日)"
)
_AGENCY_TAIL: Final = re.compile(
    r"([\u4e00-\u9fff（）()]{3,40}(?:局|委员会|委|办公室|办|厅|政府|中心|院|所|署|会|站|处|街道|镇|乡|区|县|市|队|部|馆|社))\s*$"
)


@attrs.frozen
class PageFacts:
    """What the page says about the report, each with the text it came from."""

    title: str | None
    year: int | None
    year_from: str | None
    agency: str | None
    published: datetime.date | None
    published_raw: str | None
    published_from: str | None
    template: str | None
    template_words: tuple[str, ...]


def _title(document: Document) -> tuple[str | None, int | None, str | None]:
    candidates = [document.meta.title] if document.meta.title else []
    candidates.append(document.text[:3000])
    for text in candidates:
        if not text:
            continue
        match = _TITLE.search(text)
        if match is not None:
            year = chinese_number(match.group(2))
            agency = re.sub(r"^(?:标题|题目)\s*[:：]?|关于.*$", "", match.group(1)).strip() or None
            return match.group(), year, agency
    return None, None, None


def _published(document: Document) -> tuple[datetime.date | None, str | None, str | None]:
    if document.meta.date:
        for date, raw in find_dates(document.meta.date):
            return date, raw, "page date"
    page = _PAGE_DATE.search(document.text[:5000])
    if page is not None:
        for date, raw in find_dates(page.group(1)):
            return date, raw, "page date"
    tail = document.text[-3000:]
    dates = list(find_dates(tail))
    if dates:
        date, raw = dates[-1]
        return date, raw, "sign-off"
    return None, None, None


def _sign_off_agency(document: Document) -> str | None:
    tail = document.text[-3000:]
    dates = list(re.finditer(r"[0-9〇零○一二三四五六七八九]{4}\s*年", tail))
    if not dates:
        return None
    before = tail[: dates[-1].start()].rstrip(" \t|\u3000\xa0")
    line = re.split(r"[\n。；;]", before)[-1]
    match = _AGENCY_TAIL.search(line)
    return match.group(1) if match else None


def _template(document: Document) -> tuple[str | None, tuple[str, ...]]:
    hits = {}
    for key in PLANS:
        hits[key] = tuple(word for word, pattern in plan(key).own_words if pattern.search(document.text))
    best = sorted(hits, key=lambda key: len(hits[key]), reverse=True)
    if not hits[best[0]] or (len(best) > 1 and len(hits[best[0]]) == len(hits[best[1]])):
        return None, ()
    return best[0], hits[best[0]]


def facts(document: Document, year: int | None = None) -> PageFacts:
    """The facts *document* states about its report; *year*, when given, is taken over the page's."""
    title, title_year, agency = _title(document)
    year_from = "title" if title_year is not None else None
    if year is not None:
        year_from = "caller"
    elif title_year is None:
        match = YEAR.search(document.text[:2000])
        if match is not None:
            title_year, year_from = chinese_number(match.group(1)), "first year"
    chosen = year if year is not None else title_year
    if agency is None:
        agency = _sign_off_agency(document)
    published, raw, published_from = _published(document)
    template, words = _template(document)
    if template is None and chosen is not None:
        try:
            found = template_for_year(chosen).key
        except ValueError:
            found = None
        template = found if found in PLANS else None
    return PageFacts(title, chosen, year_from, agency, published, raw, published_from, template, words)
