"""统一社会信用代码 (unified social credit code, USCC; GB 32100-2015): the 18-character code of an organisation.

Every government organ, public institution, social organisation and company
registered since October 2015 has one; disclosure catalogues and annual
reports print the publishing agency's, and many 索引号 start with it
(:mod:`~govdisclosure.identifiers.index_number`).

Structure (positions count from 1):

* 1: 登记管理部门代码, the registration authority (``1`` 机构编制, ``5`` 民政,
  ``9`` 工商 …);
* 2: 机构类别代码, the organisation category within that authority (``11`` is a
  government organ, 机构编制·机关);
* 3–8: 登记管理机关行政区划码, the region code of the registering authority
  (GB/T 2260), six digits;
* 9–17: 主体标识码, the organisation's 组织机构代码 (GB 11714), whose last
  character is its own check character
  (:mod:`~govdisclosure.identifiers.org_code`);
* 18: the check character.

All 18 characters come from the 31-character alphabet
``0123456789ABCDEFGHJKLMNPQRTUWXY`` (no I, O, S, V or Z).  The authority and
category codes accepted are those of :data:`CATEGORIES`.

Check: give each character its index in the alphabet (``0`` = 0 … ``Y`` = 30),
weight the first 17 with ``Wi = 3^(i−1) mod 31`` (1, 3, 9, 27, 19, 26, 16, 17,
20, 29, 25, 13, 8, 24, 10, 30, 28), and take ``C18 = 31 − (Σ Ci×Wi mod 31)``,
with 31 written as ``0``; C18 is written as the alphabet character of that index.
Because 31 is prime and no weight is 0 mod 31, changing any one character
always changes the check character.

Sources: GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》; the worked
example ``91350100M000100Y4Z`` (Σ = 1640, 1640 mod 31 = 28, C18 = 3) in the texts
derived from the standard at https://www.yc00.com/web/1713075042a2177900.html
and https://wddqw.com/doc/53f79e6a996648d7c1c708a1284ac850ad020467.html; the
authority and category table from secondary sources quoting the 2015 reform
(see the project's domain notes, §5).

    >>> validate('115000000092759914')
    '115000000092759914'
    >>> validate('１１５０００００ ００９２７５９９１４')  # full-width, as scraped
    '115000000092759914'
    >>> info('115000000092759914')
    USCCInfo(authority_code='1', authority='机构编制', category_code='1', category='机关',
             region_code='500000', organisation_code='009275991')

The worked example of the standard-derived texts: its check character should
be ``3``, and ``Z`` is not in the alphabet at all.

    >>> calc_check_digit('91350100M000100Y4')
    '3'
    >>> validate('91350100M000100Y4Z')
    Traceback (most recent call last):
        ...
    govdisclosure.identifiers.exceptions.InvalidFormat: '91350100M000100Y4Z' is not a valid
    unified social credit code (统一社会信用代码): character 18 is 'Z', which is not in the code
    alphabet (digits and capital letters except I, O, S, V and Z).
    >>> validate('91350100M000100Y43')
    '91350100M000100Y43'
    >>> validate('115000000092759913')
    Traceback (most recent call last):
        ...
    govdisclosure.identifiers.exceptions.InvalidChecksum: '115000000092759913' is not a valid
    unified social credit code (统一社会信用代码): the check character (character 18) is '3' but
    should be '4'.
    >>> is_valid('11500000009275991')
    False
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from . import org_code
from ._util import compact_code, passes, text_of
from .exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

__all__ = [
    "ALPHABET",
    "AUTHORITIES",
    "CATEGORIES",
    "NAME",
    "WEIGHTS",
    "USCCInfo",
    "calc_check_digit",
    "compact",
    "format",
    "info",
    "is_valid",
    "validate",
]

#: How the errors name this identifier.
NAME = "unified social credit code (统一社会信用代码)"
#: The 31 characters a USCC is written with; a character's value is its index.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
#: The weights of characters 1–17, ``3^(i−1) mod 31``.
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_VALUES: Mapping[str, int] = {char: value for value, char in enumerate(ALPHABET)}
#: The registration authorities (登记管理部门) by their code.
AUTHORITIES: Mapping[str, str] = MappingProxyType(
    {
        "1": "机构编制",
        "2": "外交",
        "3": "司法行政",
        "4": "文化",
        "5": "民政",
        "6": "旅游",
        "7": "宗教",
        "8": "工会",
        "9": "工商",
        "A": "中央军委改革和编制办公室",
        "N": "农业",
        "Y": "其他",
    }
)
#: The organisation categories (机构类别) of each authority, by authority code and category code.
CATEGORIES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "1": MappingProxyType({"1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"}),
        "2": MappingProxyType({"1": "外国常住新闻机构", "9": "其他"}),
        "3": MappingProxyType(
            {
                "1": "律师执业机构",
                "2": "公证处",
                "3": "基层法律服务所",
                "4": "司法鉴定机构",
                "5": "仲裁委员会",
                "9": "其他",
            }
        ),
        "4": MappingProxyType({"1": "外国在华文化中心", "9": "其他"}),
        "5": MappingProxyType({"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"}),
        "6": MappingProxyType(
            {
                "1": "外国旅游部门常驻代表机构",
                "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
                "9": "其他",
            }
        ),
        "7": MappingProxyType({"1": "宗教活动场所", "2": "宗教院校", "9": "其他"}),
        "8": MappingProxyType({"1": "基层工会", "9": "其他"}),
        "9": MappingProxyType({"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
        "A": MappingProxyType({"1": "军队事业单位", "9": "其他"}),
        "N": MappingProxyType(
            {"1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他"}
        ),
        "Y": MappingProxyType({"1": "其他"}),
    }
)


@attrs.frozen
class USCCInfo:
    """What the parts of a valid USCC say about the organisation it belongs to."""

    #: Character 1, the 登记管理部门代码.
    authority_code: str
    #: The registration authority, as :data:`AUTHORITIES` names it (``机构编制``).
    authority: str
    #: Character 2, the 机构类别代码.
    category_code: str
    #: The organisation category, as :data:`CATEGORIES` names it (``机关``).
    category: str
    #: Characters 3–8, the region code of the registering authority (GB/T 2260).
    region_code: str
    #: Characters 9–17, the organisation's 组织机构代码 (GB 11714), check character included.
    organisation_code: str


def compact(number: str) -> str:
    """The code without spaces or hyphens, in capitals; full-width characters become ASCII (NFKC)."""
    return compact_code(number, NAME)


def calc_check_digit(body: str) -> str:
    """The check character (character 18) for the first 17 characters, *body*.

    Raises:
        InvalidLength: *body* is not 17 characters long.
        InvalidFormat: *body* has a character outside :data:`ALPHABET`.
    """
    if len(text_of(body, NAME)) != len(WEIGHTS):
        raise InvalidLength(body, "the body of a USCC has 17 characters", NAME)
    _check_alphabet(body)
    total = sum(map(operator.mul, map(_VALUES.__getitem__, body), WEIGHTS))
    return ALPHABET[-total % 31]


def validate(number: str) -> str:
    """The compact form of *number* if it is a valid USCC.

    The checks run in the order of the structure, and the first failure is raised.

    Raises:
        InvalidLength: it does not have 18 characters.
        InvalidFormat: it has a character outside :data:`ALPHABET`.
        InvalidComponent: characters 1–2 are not an authority and category of
            :data:`CATEGORIES`, or characters 3–8 are not six digits.
        InvalidChecksum: the organisation code in characters 9–17 fails its
            GB 11714 check, or character 18 is not the check character.
    """
    code = compact(number)
    if len(code) != 18:
        raise InvalidLength(code, f"it has {len(code)} characters instead of 18", NAME)
    _check_alphabet(code)
    _check_category(code)
    _check_region(code)
    _check_organisation_code(code)
    expected = calc_check_digit(code[:17])
    if code[17] != expected:
        raise InvalidChecksum(
            code, f"the check character (character 18) is {code[17]!r} but should be {expected!r}", NAME
        )
    return code


def is_valid(number: str) -> bool:
    """Whether *number* is a valid USCC; never raises, and is False for anything but a string."""
    return passes(validate, number)


def format(number: str) -> str:
    """The form to print: the compact 18 characters, not grouped; *number* is not validated."""
    return compact(number)


def info(number: str) -> USCCInfo:
    """The authority, category, region and organisation code of the valid USCC *number*.

    Raises:
        InvalidIdentifier: *number* is not a valid USCC (see :func:`validate`).
    """
    code = validate(number)
    return USCCInfo(
        authority_code=code[0],
        authority=AUTHORITIES[code[0]],
        category_code=code[1],
        category=CATEGORIES[code[0]][code[1]],
        region_code=code[2:8],
        organisation_code=code[8:17],
    )


def _check_alphabet(code: str) -> None:
    if _VALUES.keys() >= set(code):
        return
    for position, char in enumerate(code, start=1):
        if char not in ALPHABET:
            raise InvalidFormat(
                code,
                f"character {position} is {char!r}, which is not in the code alphabet "
                "(digits and capital letters except I, O, S, V and Z)",
                NAME,
            )


def _check_category(code: str) -> None:
    authority, category = code[0], code[1]
    if authority not in AUTHORITIES:
        raise InvalidComponent(
            code, f"character 1 is {authority!r}, which is not a registration authority code (登记管理部门代码)", NAME
        )
    if category not in CATEGORIES[authority]:
        raise InvalidComponent(
            code,
            f"character 2 is {category!r}, which is not an organisation category (机构类别代码) "
            f"of authority {authority!r} ({AUTHORITIES[authority]})",
            NAME,
        )


def _check_region(code: str) -> None:
    region = code[2:8]
    if not (region.isascii() and region.isdigit()):
        raise InvalidComponent(
            code, f"characters 3–8 are {region!r}, which is not a six-digit region code (行政区划码)", NAME
        )


def _check_organisation_code(code: str) -> None:
    expected = org_code.calc_check_digit(code[8:16])
    if code[16] != expected:
        raise InvalidChecksum(
            code,
            f"the organisation code in characters 9–17 fails its GB 11714 check: "
            f"character 17 is {code[16]!r} but should be {expected!r}",
            NAME,
        )
