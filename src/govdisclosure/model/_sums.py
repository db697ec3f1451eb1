"""Column-wise sums over cells where a blank is not a zero."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["blank_sum"]


def blank_sum(values: Iterable[int | None]) -> int | None:
    """The sum of *values*, counting blanks as 0; ``None`` when every value is blank.

    >>> blank_sum([1, None, 2]), blank_sum([None, None]), blank_sum([0, None])
    (3, None, 0)
    """
    total: int | None = None
    for value in values:
        if value is not None:
            total = value if total is None else total + value
    return total
