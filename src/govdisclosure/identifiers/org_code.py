"""组织机构代码 (organisation code, GB 11714-1997): the pre-2015 nine-character code.

Before the 统一社会信用代码 (:mod:`~govdisclosure.identifiers.uscc`) replaced it
in 2015, every organ, institution and company had a nine-character
organisation code, and pre-2015 disclosure catalogues use it in their 索引号.
It lives on as characters 9–17 of every USCC.

Structure: eight body characters (digits or capital letters), then one check
character, printed with a hyphen before the check character: ``01424668-5``.

Check: give the body characters the values 0–9 for digits and A=10 … Z=35,
weight them 3, 7, 9, 10, 5, 8, 4, 2, and take ``c = 11 − (Σ mod 11)``; ``c``
is written as its digit, except that 10 is written ``X`` and 11 is written ``0``.

Sources: GB 11714-1997 《全国组织机构代码编制规则》; the weights and the worked
example 00927599 → 1 are recomputed in the project's domain notes (§5).

    >>> validate('01424668-5')
    '014246685'
    >>> format('014246685')
    '01424668-5'
    >>> calc_check_digit('01527918')
    'X'
    >>> validate('01424668-6')
    Traceback (most recent call last):
        ...
    govdisclosure.identifiers.exceptions.InvalidChecksum: '014246686' is not a valid organisation code
    (组织机构代码): the check character (GB 11714) is '6' but should be '5'.
    >>> is_valid('0142466')
    False
"""

from __future__ import annotations

import operator

from ._util import compact_code, passes, text_of
from .exceptions import InvalidChecksum, InvalidFormat, InvalidLength

__all__ = [
    "BODY_ALPHABET",
    "CHECK_ALPHABET",
    "NAME",
    "WEIGHTS",
    "calc_check_digit",
    "compact",
    "format",
    "is_valid",
    "validate",
]

#: How the errors name this identifier.
NAME = "organisation code (组织机构代码)"
#: The characters a body may use, digits and capital Latin letters; a character's value is its index.
BODY_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: The characters a check character may be.
CHECK_ALPHABET = "0123456789X"
#: The weights of the eight body characters.
WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def compact(number: str) -> str:
    """The code without spaces or hyphens, in capitals; full-width characters become ASCII (NFKC)."""
    return compact_code(number, NAME)


def calc_check_digit(body: str) -> str:
    """The check character for the eight-character *body*.

    Raises:
        InvalidLength: *body* is not eight characters long.
        InvalidFormat: *body* has a character other than a digit or a capital letter.
    """
    if len(text_of(body, NAME)) != len(WEIGHTS):
        raise InvalidLength(body, "the body of an organisation code has eight characters", NAME)
    _check_alphabet(body, BODY_ALPHABET, body)
    total = sum(map(operator.mul, map(BODY_ALPHABET.index, body), WEIGHTS))
    remainder = 11 - total % 11
    return {10: "X", 11: "0"}.get(remainder, str(remainder))


def validate(number: str) -> str:
    """The compact form of *number* if it is a valid organisation code.

    Raises:
        InvalidLength: it does not have nine characters.
        InvalidFormat: it has a character that cannot appear where it is.
        InvalidChecksum: the ninth character is not the check character of the first eight.
    """
    code = compact(number)
    if len(code) != 9:
        raise InvalidLength(code, f"it has {len(code)} characters instead of nine", NAME)
    _check_alphabet(code[:8], BODY_ALPHABET, code)
    _check_alphabet(code[8], CHECK_ALPHABET, code, offset=8)
    expected = calc_check_digit(code[:8])
    if code[8] != expected:
        raise InvalidChecksum(code, f"the check character (GB 11714) is {code[8]!r} but should be {expected!r}", NAME)
    return code


def is_valid(number: str) -> bool:
    """Whether *number* is a valid organisation code; never raises, and is False for anything but a string."""
    return passes(validate, number)


def format(number: str) -> str:
    """The printed form with its hyphen, ``01424668-5``.

    *number* is compacted, not validated; a compact form that is not nine
    characters long is returned without a hyphen.
    """
    code = compact(number)
    if len(code) != 9:
        return code
    return f"{code[:8]}-{code[8]}"


def _check_alphabet(chars: str, alphabet: str, code: str, *, offset: int = 0) -> None:
    if all(map(alphabet.__contains__, chars)):
        return
    for position, char in enumerate(chars, start=offset + 1):
        if char not in alphabet:
            raise InvalidFormat(code, f"character {position} is {char!r}, which cannot appear there", NAME)
