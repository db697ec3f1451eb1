"""Identifiers printed in disclosure catalogues and reports, checked.

Four modules, one shape (:class:`IdentifierModule`), after python-stdnum:

* :mod:`~govdisclosure.identifiers.uscc` — 统一社会信用代码 (GB 32100-2015);
* :mod:`~govdisclosure.identifiers.org_code` — 组织机构代码 (GB 11714-1997);
* :mod:`~govdisclosure.identifiers.index_number` — 索引号 as catalogues print it;
* :mod:`~govdisclosure.identifiers.doc_number` — 发文字号 (GB/T 9704-2012 §7.2.5).

Each offers ``compact`` (the minimal form, nothing checked), ``validate``
(the compact form, or an :class:`InvalidIdentifier` saying what is wrong),
``is_valid`` (never raises) and ``format`` (the form to print)::

    >>> from govdisclosure.identifiers import uscc
    >>> uscc.is_valid('115000000092759914')
    True
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from . import doc_number, index_number, org_code, uscc
from .doc_number import DocumentNumber
from .exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidIdentifier, InvalidLength
from .index_number import IndexNumber
from .uscc import USCCInfo

__all__ = [
    "DocumentNumber",
    "IdentifierModule",
    "IndexNumber",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidIdentifier",
    "InvalidLength",
    "USCCInfo",
    "doc_number",
    "index_number",
    "org_code",
    "uscc",
]


@runtime_checkable
class IdentifierModule(Protocol):
    """What every identifier module offers; the modules themselves satisfy it."""

    def compact(self, number: str, /) -> str:
        """The minimal form of *number* (no spaces, normalised characters); nothing is checked."""
        ...

    def validate(self, number: str, /) -> str:
        """The compact form of *number* if it is valid.

        Raises:
            InvalidIdentifier: it is not valid; the subclass says how.
        """
        ...

    def is_valid(self, number: str, /) -> bool:
        """Whether *number* is valid; never raises, and is False for anything but a string."""
        ...

    def format(self, number: str, /) -> str:
        """The form of *number* to print; not validated."""
        ...
