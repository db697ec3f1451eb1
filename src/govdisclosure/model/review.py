"""Table 四: administrative review and litigation."""

from __future__ import annotations

import attrs

from ..regulation import REVIEW_LITIGATION
from ._fields import bind, count_field, nested_field
from ._sums import blank_sum

__all__ = ["ReviewLitigation", "ReviewOutcomes"]


@bind(REVIEW_LITIGATION["review"])
@attrs.frozen(kw_only=True)
class ReviewOutcomes:
    """One group of table 四: four results and their 总计."""

    upheld: int | None = count_field()
    corrected: int | None = count_field()
    other: int | None = count_field()
    pending: int | None = count_field()
    total: int | None = count_field()

    def computed_total(self) -> int | None:
        """What 总计 should read: the four results added up (blank if all are)."""
        return blank_sum((self.upheld, self.corrected, self.other, self.pending))


@bind(REVIEW_LITIGATION)
@attrs.frozen(kw_only=True)
class ReviewLitigation:
    """Table 四: review, litigation without review, litigation after review."""

    review: ReviewOutcomes = nested_field(ReviewOutcomes)
    litigation_direct: ReviewOutcomes = nested_field(ReviewOutcomes)
    litigation_after_review: ReviewOutcomes = nested_field(ReviewOutcomes)
