"""The agency a report is about."""

from __future__ import annotations

import attrs

from ..regulation import AGENCY, AGENCY_KINDS, AGENCY_LEVELS
from ._fields import bind, keyword_field, name_field, required
from .kinds import NAME

__all__ = ["Agency"]


@bind(AGENCY)
@attrs.frozen(kw_only=True)
class Agency:
    """The reporting agency.

    *uscc* is its 统一社会信用代码 as printed (checked by the validators, not
    here); *level* one of the keys of :data:`~govdisclosure.regulation.AGENCY_LEVELS`;
    *kind* ``government`` or ``department``, which decides the deadline;
    *parent* the government it belongs to.
    """

    name: str = attrs.field(**required(NAME))
    uscc: str | None = name_field()
    level: str | None = keyword_field(AGENCY_LEVELS)
    kind: str | None = keyword_field(AGENCY_KINDS)
    parent: str | None = name_field()
