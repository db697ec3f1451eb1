"""The value types the vocabulary is made of: article references and table headings."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

__all__ = ["ArticleRef", "Heading", "zh_numeral"]

_DIGITS = "零一二三四五六七八九"


def zh_numeral(number: int) -> str:
    """Write *number* (1–99) in Chinese numerals the way the Regulation does.

    >>> zh_numeral(14), zh_numeral(20), zh_numeral(36), zh_numeral(10)
    ('十四', '二十', '三十六', '十')
    """
    if not 0 < number < 100:
        raise ValueError(f"expected a number from 1 to 99, got {number}")
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[units] if units else "")


@attrs.frozen
class ArticleRef:
    """A place in a regulation: article, and optionally paragraph (款) and item (项).

    *regulation* names the order the article belongs to: ``"711"`` for the
    2019 Regulation (国务院令第711号), ``"492"`` for the 2008 one.
    *interpretive* marks a mapping that rests on reading the text rather than
    on an explicit reference in the national template.
    """

    article: int
    paragraph: int | None = None
    item: int | None = None
    regulation: str = "711"
    interpretive: bool = attrs.field(default=False, kw_only=True)

    @property
    def zh(self) -> str:
        """The reference as Chinese legal text writes it, e.g. ``第十六条第二款``.

        References into the 2008 Regulation name it: ``第三十一条（国务院令第492号）``.
        """
        text = f"第{zh_numeral(self.article)}条"
        if self.paragraph is not None:
            text += f"第{zh_numeral(self.paragraph)}款"
        if self.item is not None:
            text += f"第（{zh_numeral(self.item)}）项"
        if self.regulation != "711":
            text += f"（国务院令第{self.regulation}号）"
        return text

    @property
    def en(self) -> str:
        """The reference in English, e.g. ``Art. 16(2)`` or ``Art. 36 item 7``.

        References into the 2008 Regulation say so (``Art. 31 of Order No. 492``),
        and interpretive ones are marked ``(by interpretation)``.
        """
        text = f"Art. {self.article}"
        if self.paragraph is not None:
            text += f"({self.paragraph})"
        if self.item is not None:
            text += f" item {self.item}"
        if self.regulation != "711":
            text += f" of Order No. {self.regulation}"
        if self.interpretive:
            text += " (by interpretation)"
        return text


@attrs.frozen(cache_hash=True)  # headings key dictionaries, and a tree's hash walks it whole
class Heading:
    """A row or column heading of an official table, or an item of a list.

    *key* is the stable English snake_case name used in the interchange
    shape; *zh* the official label character for character; *en* its English
    name.  *children* are the sub-headings printed under it (e.g. the eight
    grounds under （三）不予公开); *articles* the provisions it rests on.
    """

    key: str
    zh: str
    en: str
    articles: tuple[ArticleRef, ...] = ()
    children: tuple[Heading, ...] = ()
    #: A header printed above a run of columns, e.g. 法人或其他组织.
    group: str | None = attrs.field(default=None, kw_only=True)
    #: The unit a money column is counted in, e.g. 万元; ``None`` for counts.
    unit: str | None = attrs.field(default=None, kw_only=True)

    def __getitem__(self, key: str) -> Heading:
        """The child heading whose key is *key*."""
        for child in self.children:
            if child.key == key:
                return child
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        """Iterate over the children's keys, in printed order."""
        return iter(self.keys())

    def __contains__(self, key: object) -> bool:
        """Whether a child heading has *key*."""
        return key in self.keys()

    def keys(self) -> tuple[str, ...]:
        """The children's keys, in printed order."""
        return tuple(child.key for child in self.children)

    def walk(self) -> Iterator[tuple[tuple[str, ...], Heading]]:
        """Yield ``(key path, heading)`` for every descendant, depth first."""
        for child in self.children:
            yield (child.key,), child
            for path, grandchild in child.walk():
                yield (child.key, *path), grandchild
