"""索引号 (index number): the number a disclosure catalogue gives each entry.

Article 12 of the Regulation requires every 政府信息公开目录 to carry an index
(索引) for each piece of information, but no national rule fixes its format.
Most catalogues print the publishing agency's code, the period, and a serial
number; this module reads those forms and leaves everything else alone.

Accepted forms (``kind``):

``slash`` — ``{issuer}/{period}-{serial}``, the common form:
    ``115000000092759914/2019-01946`` (USCC issuer), ``11341702486344515H/202110-00013``
    (year and month), ``000013338/2023-00079`` (组织机构代码), ``01424668-5/2021-00063``
    (hyphenated 组织机构代码), ``00000001/2018-00042`` (a local code).
``dash`` — ``{issuer}-{period}-{serial}``, the same parts joined by hyphens only:
    ``01527918X-2020-153077`` (怒江州, following a 云南省民政厅 rule).
``dated`` — ``{YYYYMMDD}-{NNNNNN}-{serial}``, a date, six digits and a serial, no issuer:
    ``20230611-112657-320`` (printed on the page of seed 004); the issuer is ``''``.

The issuer is 8–18 characters of digits, capital letters and hyphens, neither
starting nor ending with a hyphen; the period is ``YYYY`` or ``YYYYMM``; the
serial is digits, kept as printed (with its leading zeros).  Other local rules
(the 2008 宁波 rule with a ``YYYYMMDD`` date, free-text numbers) are not
recognised and raise :class:`~govdisclosure.identifiers.exceptions.InvalidFormat`.

:func:`parse` reads the parts without judging them; :func:`validate` also
checks them:

* the year is 2000–2100 and the month 1–12;
* an 18-character issuer must be a valid USCC
  (:mod:`~govdisclosure.identifiers.uscc`), and a nine-character issuer,
  hyphenated or not (``000013338``, ``01424668-5``), a valid 组织机构代码
  (:mod:`~govdisclosure.identifiers.org_code`); ``issuer_kind`` says which;
* any other issuer is a ``local`` code and is accepted as it is.

Sources: 条例第十二条 (the index is mandated, its format is not); the forms
above are copied from published catalogues (the project's domain notes, §5;
the 怒江 rule at https://www.nujiang.gov.cn/xxgk/01527918X/info/2020-153077.html).

    >>> parse('115000000092759914/2019-01946')
    IndexNumber(issuer='115000000092759914', year=2019, month=None, serial='01946',
                raw='115000000092759914/2019-01946', kind='slash', issuer_kind='uscc')
    >>> validate('11341702486344515H / 202110-00013')
    '11341702486344515H/202110-00013'
    >>> parse('01527918X-2020-153077').kind
    'dash'
    >>> validate('01424668-5/2021-00063')
    '01424668-5/2021-00063'
    >>> validate('115000000092759914/201913-00001')
    Traceback (most recent call last):
        ...
    govdisclosure.identifiers.exceptions.InvalidComponent: '115000000092759914/201913-00001' is not a
    valid index number (索引号): the month 13 is not 1–12.

Nine-digit local codes exist that are not organisation codes; such an index
number can be read but does not validate:

    >>> parse('035210000/2025-00016').issuer_kind
    'org_code'
    >>> is_valid('035210000/2025-00016')
    False
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from . import org_code, uscc
from ._util import passes, text_of
from .exceptions import InvalidComponent, InvalidFormat, InvalidIdentifier

__all__ = [
    "FORMS",
    "NAME",
    "YEARS",
    "IndexKind",
    "IndexNumber",
    "IssuerKind",
    "compact",
    "format",
    "is_valid",
    "parse",
    "validate",
]

#: How the errors name this identifier.
NAME = "index number (索引号)"
#: The forms an index number may be written in (see the module documentation).
IndexKind = Literal["slash", "dash", "dated"]
#: What an issuer is, by its shape.
IssuerKind = Literal["uscc", "org_code", "local"]
#: The years :func:`validate` accepts.
YEARS = range(2000, 2101)

_ISSUER = r"(?P<issuer>[0-9A-Z][0-9A-Z-]{6,16}[0-9A-Z])"
_PERIOD_SERIAL = r"(?P<period>[0-9]{4}(?:[0-9]{2})?)-(?P<serial>[0-9]+)"
#: Each accepted form's ``kind`` and the pattern the whole compact text must match.
FORMS: Mapping[IndexKind, re.Pattern[str]] = MappingProxyType(
    {
        "slash": re.compile(_ISSUER + "/" + _PERIOD_SERIAL),
        # Before "dash", which would read 20230611-112657-320 as issuer 20230611, year 1126.
        "dated": re.compile(
            r"(?P<period>(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2]))(?:0[1-9]|[12][0-9]|3[01])-(?P<serial>[0-9]{6}-[0-9]+)"
        ),
        "dash": re.compile(_ISSUER + "-" + _PERIOD_SERIAL),
    }
)
_USCC_ISSUER = re.compile(r"[0-9A-Z]{18}")
_ORG_CODE_ISSUER = re.compile(r"[0-9A-Z]{9}|[0-9A-Z]{8}-[0-9A-Z]")
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))


@attrs.frozen
class IndexNumber:
    """The parts of an index number, as printed."""

    #: The issuer's code, a USCC, a 组织机构代码 or a local code.
    issuer: str
    #: The year of the period.
    year: int
    #: The month, when the period is ``YYYYMM``; otherwise ``None``.
    month: int | None
    #: The serial number as printed, leading zeros kept (``'01946'``).
    serial: str
    #: The text as given.
    raw: str
    #: The form it is written in, ``'slash'``, ``'dash'`` or ``'dated'`` (see the module documentation).
    kind: IndexKind
    #: What the issuer is by its shape, ``'uscc'`` (18 characters), ``'org_code'`` (nine,
    #: or eight, a hyphen and one) or ``'local'``; :func:`validate` checks the first two.
    issuer_kind: IssuerKind


def compact(number: str) -> str:
    """The index number without spaces, in capitals, with full-width and typographic dashes and slashes in ASCII."""
    text = unicodedata.normalize("NFKC", text_of(number, NAME)).translate(_DASHES)
    return "".join(text.split()).upper()


def parse(text: str) -> IndexNumber:
    """The parts of the index number *text*; the values are read, not checked (see :func:`validate`).

    Raises:
        InvalidFormat: *text* is in none of the accepted forms.
    """
    code = compact(text)
    for kind, pattern in FORMS.items():
        match = pattern.fullmatch(code)
        if match is not None:
            return _index_number(match, text, kind)
    message = (
        "it is not in the form issuer/YYYY-serial, issuer/YYYYMM-serial, issuer-YYYY-serial or YYYYMMDD-NNNNNN-serial"
    )
    raise InvalidFormat(code, message, NAME)


def validate(number: str) -> str:
    """The compact form of *number* if it is a valid index number.

    Raises:
        InvalidFormat: it is in none of the accepted forms.
        InvalidComponent: the year is outside 2000–2100 or the month outside 1–12.
        InvalidIdentifier: an 18-character issuer is not a valid USCC or a
            nine-character issuer is not a valid 组织机构代码 (the subclass the
            issuer's own check raised).
    """
    code = compact(number)
    parsed = parse(code)
    _check_period(code, parsed)
    _check_issuer(code, parsed)
    return code


def is_valid(number: str) -> bool:
    """Whether *number* is a valid index number; never raises, and is False for anything but a string."""
    return passes(validate, number)


def format(number: str) -> str:
    """The form to print: the compact form, in the kind it was written in; *number* is not validated."""
    return compact(number)


def _index_number(match: re.Match[str], text: str, kind: IndexKind) -> IndexNumber:
    issuer, period = match.groupdict().get("issuer") or "", match["period"]
    return IndexNumber(
        issuer=issuer,
        year=int(period[:4]),
        month=int(period[4:]) if len(period) == 6 else None,
        serial=match["serial"],
        raw=text,
        kind=kind,
        issuer_kind=_issuer_kind(issuer),
    )


def _issuer_kind(issuer: str) -> IssuerKind:
    if _USCC_ISSUER.fullmatch(issuer):
        return "uscc"
    if _ORG_CODE_ISSUER.fullmatch(issuer):
        return "org_code"
    return "local"


def _check_period(code: str, parsed: IndexNumber) -> None:
    if parsed.year not in YEARS:
        raise InvalidComponent(code, f"the year {parsed.year} is outside 2000–2100", NAME)
    if parsed.month is not None and not 1 <= parsed.month <= 12:
        raise InvalidComponent(code, f"the month {parsed.month} is not 1–12", NAME)


def _check_issuer(code: str, parsed: IndexNumber) -> None:
    issuer = parsed.issuer
    try:
        if parsed.issuer_kind == "uscc":
            uscc.validate(issuer)
        elif parsed.issuer_kind == "org_code":
            org_code.validate(issuer)
    except InvalidIdentifier as error:
        message = f"its issuer {issuer!r} is not a valid {error.identifier}: {error.message}"
        raise type(error)(code, message, NAME) from error
